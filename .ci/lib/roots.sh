# Debian roots for the test images and the chroot fallback, from Debian's packages only.
# Sourced by .ci/build-images and .ci/mysql-chroot; every function takes the root's folder.

# The Debian mirror this machine uses: the URIs: value of its apt sources.
debian_mirror() {
  local m=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    m="$(awk '$1 == "URIs:" {print $2; exit}' /etc/apt/sources.list.d/debian.sources)"
  fi
  if [ -z "$m" ] && [ -f /etc/apt/sources.list ]; then
    m="$(awk '$1 == "deb" && $0 !~ /security/ {print $2; exit}' /etc/apt/sources.list)"
  fi
  echo "${m:-http://deb.debian.org/debian}"
}

ensure_debootstrap() {
  command -v debootstrap >/dev/null 2>&1 && return 0
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
}

# What a chroot needs before apt runs in it: DNS, localhost (mysqld will not start without it), no services.
prepare_root() {
  local root="$1"
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
}

in_root() { # in_root ROOT COMMAND...: run with /proc mounted, unmounted again whatever happens
  local root="$1"; shift
  mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
  local rc=0
  DEBIAN_FRONTEND=noninteractive LC_ALL=C chroot "$root" "$@" || rc=$?
  umount -l "$root/proc" 2>/dev/null || true
  return $rc
}

apt_in_root() { # apt_in_root ROOT PACKAGE...
  local root="$1"; shift
  # sid's Release file on a snapshot mirror may be past Valid-Until; the signature is still checked
  in_root "$root" apt-get -qq -o Acquire::Check-Valid-Until=false update
  in_root "$root" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  in_root "$root" apt-get clean
  rm -rf "$root"/var/lib/apt/lists/*
}

# MySQL 9.7: Debian sid's mysql-server-core (group_replication.so included), for glibc/libstdc++ newer than 12's.
make_mysql_root() {
  local root="$1"
  rm -rf "$root"; mkdir -p "$root"
  debootstrap --variant=minbase sid "$root" "$(debian_mirror)" >"$root.debootstrap.log" 2>&1 \
    || { tail -n 20 "$root.debootstrap.log" >&2; return 1; }
  prepare_root "$root"
  apt_in_root "$root" mysql-server-core mysql-client-core
  # mysqld refuses to start without its secure-file-priv folder; the server runs as user mysql
  in_root "$root" sh -c 'getent group mysql >/dev/null || groupadd -r mysql;
    getent passwd mysql >/dev/null || useradd -r -g mysql -d /var/lib/mysql -s /usr/sbin/nologin mysql'
  mkdir -p "$root/var/lib/mysql-files" "$root/var/lib/mysql" "$root/run/mysqld" "$root/etc/mysql/conf.d"
  chmod 700 "$root/var/lib/mysql-files"
  in_root "$root" chown mysql:mysql /var/lib/mysql-files /var/lib/mysql /run/mysqld
  rm -f "$root.debootstrap.log"
}

# MariaDB 10.11 from Debian 12, with galera-4 and rsync (SST) so that one image serves as a single server and
# as a Galera node; iproute2/procps/lsof are what the rsync SST script uses to watch its ports.
make_mariadb_root() {
  local root="$1"
  rm -rf "$root"; mkdir -p "$root"
  debootstrap --variant=minbase bookworm "$root" "$(debian_mirror)" >"$root.debootstrap.log" 2>&1 \
    || { tail -n 20 "$root.debootstrap.log" >&2; return 1; }
  prepare_root "$root"
  apt_in_root "$root" mariadb-server mariadb-client galera-4 rsync iproute2 procps lsof
  # the package's postinst made a data directory with its own settings: the entrypoint makes a fresh one
  rm -rf "$root"/var/lib/mysql/*
  mkdir -p "$root/run/mysqld" "$root/etc/mysql/conf.d"
  in_root "$root" chown mysql:mysql /var/lib/mysql /run/mysqld
  rm -f "$root.debootstrap.log"
}
