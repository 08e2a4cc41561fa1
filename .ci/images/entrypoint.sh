#!/bin/sh
# Entrypoint of the marsai-test/mysql and marsai-test/mariadb images: a small stand-in for the official images'
# entrypoint, as far as Testcontainers' MySQLContainer and MariaDBContainer (and the cluster harness) use it.
#
# Environment (MARIADB_* wins over MYSQL_*, as in the official mariadb image):
#   MYSQL_ROOT_PASSWORD | MYSQL_ALLOW_EMPTY_PASSWORD=yes | MYSQL_RANDOM_ROOT_PASSWORD=yes   (one is required)
#   MYSQL_DATABASE, MYSQL_USER, MYSQL_PASSWORD                                               (optional)
#   MARSAI_INIT=none   start on an empty data directory without initialising it (a Galera joiner, filled by SST)
#   MARSAI_GALERA_NEW_CLUSTER=yes   on the start that initialises the data directory, bootstrap a new Galera
#                      cluster (--wsrep-new-cluster); later starts of the same container join the others
# A Galera node whose last run ended without a clean shutdown (grastate.dat seqno -1) first recovers its position
# with --wsrep-recover and starts from it, so that it can catch up by IST rather than a full SST.
# Configuration: /etc/mysql/marsai.cnf, then every *.cnf of /etc/mysql/conf.d, then the command's arguments.
# The server listens on 0.0.0.0:3306, resolves no host names, and root exists at '%' as well as at localhost.
set -eu

if command -v mariadbd >/dev/null 2>&1; then
  flavour=mariadb; server=mariadbd; client=mariadb; admin=mariadb-admin
else
  flavour=mysql; server=mysqld; client=mysql; admin=mysqladmin
fi

case "${1:-}" in
  '' | -*) ;;                              # options only: they are the server's
  mysqld | mariadbd) shift ;;              # the server by either name
  *) exec "$@" ;;                          # anything else runs as given
esac

log() { echo "[marsai-entrypoint] $*" >&2; }
setting() { # setting NAME: MARIADB_NAME, else MYSQL_NAME, else empty
  eval "printf '%s' \"\${MARIADB_$1:-\${MYSQL_$1:-}}\""
}
quote() { printf '%s' "$1" | sed "s/'/''/g; s/\\\\/\\\\\\\\/g"; }

datadir=/var/lib/mysql
defaults=/etc/mysql/marsai.cnf
mkdir -p /run/mysqld /run/marsai/conf.d
chown mysql:mysql /run/mysqld "$datadir"
rm -f /run/marsai/conf.d/*.cnf

# /etc/mysql/conf.d as the server reads it. MySQL 9 refuses innodb_log_file_size (Testcontainers' default
# my.cnf sets 5M): the redo log is sized by innodb_redo_log_capacity there, so the line is left out.
for f in /etc/mysql/conf.d/*.cnf; do
  [ -f "$f" ] || continue
  if [ "$flavour" = mysql ]; then
    sed -E 's/^([[:space:]]*innodb[-_]log[-_]file[-_]size[[:space:]]*=.*)$/# left out by the marsai-test image (MySQL 9): \1/' \
      "$f" >"/run/marsai/conf.d/$(basename "$f")"
  else
    cp "$f" "/run/marsai/conf.d/$(basename "$f")"
  fi
done

init_sql() {
  root_password="$(setting ROOT_PASSWORD)"
  if [ -z "$root_password" ]; then
    if [ -n "$(setting RANDOM_ROOT_PASSWORD)" ]; then
      root_password="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
      log "GENERATED ROOT PASSWORD: $root_password"
    elif [ -z "${MARIADB_ALLOW_EMPTY_ROOT_PASSWORD:-${MYSQL_ALLOW_EMPTY_PASSWORD:-}}" ]; then
      log "the data directory is empty and no root password option is set: set MYSQL_ROOT_PASSWORD," \
        "MYSQL_ALLOW_EMPTY_PASSWORD=yes or MYSQL_RANDOM_ROOT_PASSWORD=yes"
      exit 1
    fi
  fi
  rp="$(quote "$root_password")"
  echo "CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY '$rp';"
  echo "ALTER USER 'root'@'%' IDENTIFIED BY '$rp';"
  echo "GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;"
  echo "ALTER USER 'root'@'localhost' IDENTIFIED BY '$rp';"
  if [ "$flavour" = mariadb ]; then # mariadb-install-db's other root accounts, without a password
    echo "DROP USER IF EXISTS 'root'@'127.0.0.1', 'root'@'::1', 'root'@'$(hostname)';"
  fi
  database="$(setting DATABASE)"
  user="$(setting USER)"
  password="$(setting PASSWORD)"
  if [ -n "$database" ]; then
    echo "CREATE DATABASE IF NOT EXISTS \`$(printf '%s' "$database" | sed 's/`/``/g')\`;"
  fi
  if [ -n "$user" ] && [ "$user" != root ]; then
    echo "CREATE USER IF NOT EXISTS '$(quote "$user")'@'%' IDENTIFIED BY '$(quote "$password")';"
    if [ -n "$database" ]; then
      echo "GRANT ALL PRIVILEGES ON \`$(printf '%s' "$database" | sed 's/`/``/g')\`.* TO '$(quote "$user")'@'%';"
    fi
  fi
  echo "FLUSH PRIVILEGES;"
}

extra=""
if [ -d "$datadir/mysql" ]; then
  log "data directory in place: starting $server"
  if [ "$flavour" = mariadb ] && [ -f "$datadir/grastate.dat" ] && grep -q '^seqno:[[:space:]]*-1' "$datadir/grastate.dat" \
      && printf '%s\n' "$@" | grep -q -- '--wsrep[-_]on=\(ON\|1\)'; then
    log "Galera: last run did not end cleanly; recovering the position (--wsrep-recover)"
    rm -f /run/mysqld/wsrep-recover.log
    mariadbd --defaults-file="$defaults" "$@" --wsrep-recover --log-error=/run/mysqld/wsrep-recover.log || true
    chmod 644 /run/mysqld/wsrep-recover.log 2>/dev/null || true
    position="$(sed -n 's/.*WSREP: Recovered position: *\([0-9a-f-]*:-\{0,1\}[0-9]*\).*/\1/p' /run/mysqld/wsrep-recover.log | tail -n 1)"
    if [ -n "$position" ]; then
      log "Galera: recovered position $position"
      extra="--wsrep_start_position=$position"
    else
      log "Galera: no position recovered; the node will ask for a full state transfer"
      cat /run/mysqld/wsrep-recover.log >&2 || true
    fi
  fi
elif [ "${MARSAI_INIT:-}" = none ]; then
  log "empty data directory left as it is (MARSAI_INIT=none): the server fills it (e.g. Galera SST)"
else
  log "initialising $datadir ($flavour)"
  init_sql >/run/marsai/init.sql
  chown mysql:mysql /run/marsai/init.sql
  chmod 600 /run/marsai/init.sql
  if [ "$flavour" = mysql ]; then
    # --init-file runs right after the system tables are made, in the same bootstrap run
    mysqld --defaults-file="$defaults" --initialize-insecure --init-file=/run/marsai/init.sql
  else
    mariadb-install-db --defaults-file="$defaults" --user=mysql --auth-root-authentication-method=normal \
      --skip-test-db --skip-name-resolve >/dev/null
    # a server of its own, without networking or wsrep, to run the statements, then stopped
    mariadbd --defaults-file="$defaults" --skip-networking --wsrep-on=OFF --skip-log-bin \
      --socket=/run/mysqld/init.sock --pid-file=/run/mysqld/init.pid &
    pid=$!
    i=0
    until $admin --no-defaults --socket=/run/mysqld/init.sock -uroot ping >/dev/null 2>&1; do
      i=$((i + 1))
      if [ $i -gt 600 ] || ! kill -0 $pid 2>/dev/null; then log "the initialising server did not start"; exit 1; fi
      sleep 0.1
    done
    $client --no-defaults --socket=/run/mysqld/init.sock -uroot </run/marsai/init.sql
    kill -TERM $pid
    wait $pid || true
  fi
  rm -f /run/marsai/init.sql
  log "initialised"
  if [ "${MARSAI_GALERA_NEW_CLUSTER:-}" = yes ]; then
    log "Galera: bootstrapping a new cluster"
    extra="--wsrep-new-cluster"
  fi
fi

# shellcheck disable=SC2086
exec "$server" --defaults-file="$defaults" "$@" $extra
