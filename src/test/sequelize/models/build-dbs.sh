#!/usr/bin/env bash
# build-dbs.sh OURS_DB UPSTREAM_DB: fresh utf8mb4 databases; OURS by the library's CLI jar, UPSTREAM by sequelize-cli
# with upstream's 26 migration files.
set -euo pipefail
OURS="$1"; UP="$2"
MAIN="${MAIN_DIR:-/work/main}"; UPSTREAM_BACK="${UPSTREAM_BACK:-/work/ref/upstream/back}"; NPM="${NPM_DIR:-/work/ref/npm}"
HERE="$(cd "$(dirname "$0")" && pwd)"
for d in "$OURS" "$UP"; do
  mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS \`$d\`; CREATE DATABASE \`$d\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
done
(cd "$MAIN" && DB_PASSWORD= java -jar target/marsai-schema-cli.jar update --url="jdbc:mysql://127.0.0.1:3306/$OURS" --user=root) >"$HERE/out/build-ours.log" 2>&1 \
  || { tail -5 "$HERE/out/build-ours.log" >&2; exit 1; }
mkdir -p "$HERE/cli"
cat >"$HERE/cli/config.cjs" <<'CFG'
module.exports = { ref: { username: 'root', password: '', database: process.env.REF_DB, host: '127.0.0.1', port: 3306, dialect: 'mysql', logging: false } };
CFG
(cd "$HERE/cli" && REF_DB="$UP" "$NPM/node_modules/.bin/sequelize-cli" db:migrate --env ref --config config.cjs \
  --migrations-path "$UPSTREAM_BACK/migrations" --models-path "$HERE/cli/none" --seeders-path "$HERE/cli/none") >"$HERE/out/build-upstream.log" 2>&1 \
  || { tail -5 "$HERE/out/build-upstream.log" >&2; exit 1; }
echo "built $OURS ($(grep -c applied "$HERE/out/build-ours.log") changesets) and $UP ($(mysql -h127.0.0.1 -uroot -N -e "select count(*) from \`$UP\`.SequelizeMeta") migrations)" >&2
