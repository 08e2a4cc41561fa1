#!/usr/bin/env bash
# Reference pictures from upstream's own migrations, run by the real sequelize-cli on a real server.
#
#   sequelize-reference.sh UPSTREAM HOST PORT USER OUTDIR
#     UPSTREAM  a checkout of cdpi-25-26/marsai-groupe-2 (the folder holding back/migrations); from a bare
#               mirror: git --git-dir=MIRROR archive HEAD back | tar -x -C UPSTREAM
#     password: $REF_PASSWORD (default empty). Needs node + npm (registry access) unless $REF_NPM_DIR already
#     holds the packages. Uses and drops the databases ref_up and ref_fresh ($REF_DB_PREFIX changes "ref").
#
# Builds, each in a fresh utf8mb4 database:
#   S24      the first 24 files (upstream's 25th and 26th left out), db:migrate --to ...newsletter-subscribers
#   S25      then 20260226130000-alter-vote-histories (db:migrate again: the upgrade path)
#   S26      then 20260324120000-add-decision-to-votes
#   FRESH26  all 26 files from empty in one db:migrate
# and writes to OUTDIR, per state: STATE.txt (the information_schema picture in the line format of
# src/test/resources/schema/expected-steps.txt, sorted), STATE.show-create.sql (SHOW CREATE TABLE of
# movies_juries, vote_histories, votes, SequelizeMeta), STATE.meta.txt (SequelizeMeta), STATE.log (sequelize-cli's output
# with every SQL statement it sent), STATE.blocks.sql (the DDL of the migrations run, "-- @ NAME" blocks) and
# STATE.blocks-all.sql (the same with the read-only queries). Only upstream's files are run; nothing of
# upstream's is copied into OUTDIR.
set -euo pipefail
[ $# -eq 5 ] || { sed -n '2,9p' "$0" >&2; exit 2; }
UPSTREAM="$(cd "$1" && pwd)"; HOST="$2"; PORT="$3"; DBUSER="$4"; OUT="$5"
MIG="$UPSTREAM/back/migrations"
[ -d "$MIG" ] || { echo "no back/migrations in $UPSTREAM" >&2; exit 1; }
mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"
PREFIX="${REF_DB_PREFIX:-ref}"
F25=20260226130000-alter-vote-histories.cjs
F26=20260324120000-add-decision-to-votes.cjs
TO24=20260302171000-create-newsletter-subscribers.cjs

TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
NPM="${REF_NPM_DIR:-$TMP/npm}"
if [ ! -x "$NPM/node_modules/.bin/sequelize-cli" ]; then
  mkdir -p "$NPM"
  # the versions upstream's back/package-lock.json pins at eae32f7
  (cd "$NPM" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
    sequelize-cli@6.6.5 sequelize@6.37.7 mysql2@3.16.1 >/dev/null)
fi
export NODE_PATH="$NPM/node_modules"
export REF_HOST="$HOST" REF_PORT="$PORT" REF_USER="$DBUSER" REF_PASSWORD="${REF_PASSWORD:-}"

# sequelize-cli's configuration: dialect mysql as upstream's config.cjs, every statement logged
cat >"$TMP/config.cjs" <<'EOF'
const e = process.env;
module.exports = { ref: { username: e.REF_USER, password: e.REF_PASSWORD, database: e.REF_DB, host: e.REF_HOST,
  port: Number(e.REF_PORT), dialect: 'mysql', logging: (sql) => console.log(sql) } };
EOF

# ref.js sql "STATEMENT" | picture DB | show-create DB | meta DB | blocks LOG [all]
cat >"$TMP/ref.js" <<'EOF'
const mysql = require('mysql2/promise');
const fs = require('fs');
const e = process.env;
const [cmd, arg, all] = process.argv.slice(2);
const q = (s) => "'" + s.replace(/'/g, "''") + "'";
const BOOKKEEPING = ['databasechangelog', 'databasechangeloglock', 'sequelizemeta'];
const TEXTUAL = ['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'enum', 'set', 'binary', 'varbinary'];

// the normalisation of the project's SchemaReader/Normalization, in JavaScript
function type(t) {
  const lower = t.toLowerCase().trim();
  if (lower.startsWith('enum(') || lower.startsWith('set(')) return lower.slice(0, lower.indexOf('(')) + t.trim().slice(lower.indexOf('('));
  const m = lower.match(/^(tinyint|smallint|mediumint|int|bigint)\(\d+\)/);
  return m && !lower.startsWith('tinyint(1)') ? m[1] + lower.slice(m[0].length) : lower;
}
function dflt(raw, nullable, dataType, extra, maria) {
  if (raw === null || (maria && raw === 'NULL')) return nullable ? 'NULL' : 'none';
  if (['current_timestamp', 'current_timestamp()', 'now()'].includes(raw.trim().toLowerCase())) return 'CURRENT_TIMESTAMP';
  if (maria) return raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'")
    ? q(raw.slice(1, -1).replace(/''/g, "'").replace(/\\\\/g, '\\')) : raw;
  if (extra.includes('default_generated')) return '(' + raw + ')';
  return TEXTUAL.includes(dataType) ? q(raw) : raw;
}
const rule = (r) => { const u = (r || 'RESTRICT').toUpperCase().replace(/_/g, ' '); return u === 'NO ACTION' ? 'RESTRICT' : u; };

async function picture(c, db) {
  const [[{ v }]] = await c.query('SELECT VERSION() v');
  const maria = v.toLowerCase().includes('mariadb');
  const lines = [];
  const [tables] = await c.query("SELECT TABLE_NAME t, ENGINE en FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", [db]);
  const mine = new Set(tables.filter((r) => !BOOKKEEPING.includes(r.t.toLowerCase())).map((r) => { lines.push(`table ${r.t} engine=${r.en}`); return r.t; }));
  const [cols] = await c.query('SELECT TABLE_NAME t, COLUMN_NAME n, ORDINAL_POSITION p, COLUMN_TYPE ty, IS_NULLABLE nl, COLUMN_DEFAULT d, EXTRA x, COLUMN_COMMENT cm, DATA_TYPE dt FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION', [db]);
  for (const r of cols) {
    if (!mine.has(r.t)) continue;
    const nullable = r.nl === 'YES', extra = (r.x || '').toLowerCase();
    let l = `column ${r.t} ${r.p} ${r.n} ${type(r.ty)} ${nullable ? 'NULL' : 'NOT-NULL'} default=${dflt(r.d, nullable, r.dt.toLowerCase(), extra, maria)}`;
    if (extra.includes('auto_increment')) l += ' auto_increment';
    if (extra.includes('on update')) l += ' on-update=CURRENT_TIMESTAMP';
    if (r.cm) l += ' comment=' + q(r.cm);
    lines.push(l);
  }
  const idx = new Map();
  const [stats] = await c.query('SELECT TABLE_NAME t, INDEX_NAME i, NON_UNIQUE nu, COLUMN_NAME c FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX', [db]);
  for (const r of stats) {
    if (!mine.has(r.t)) continue;
    const k = r.t + ' ' + r.i;
    if (!idx.has(k)) idx.set(k, { u: Number(r.nu) === 0, cols: [] });
    idx.get(k).cols.push(r.c);
  }
  for (const [k, x] of idx) lines.push(`index ${k} ${x.u ? 'unique' : 'non-unique'} (${x.cols.join(',')})`);
  const fks = new Map();
  const [kcu] = await c.query('SELECT TABLE_NAME t, CONSTRAINT_NAME n, REFERENCED_TABLE_NAME rt, COLUMN_NAME c, REFERENCED_COLUMN_NAME rc FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION', [db]);
  for (const r of kcu) {
    if (!mine.has(r.t)) continue;
    const k = r.t + ' ' + r.n;
    if (!fks.has(k)) fks.set(k, { rt: r.rt, cols: [], rcols: [], up: 'RESTRICT', del: 'RESTRICT' });
    fks.get(k).cols.push(r.c); fks.get(k).rcols.push(r.rc);
  }
  const [rc] = await c.query('SELECT TABLE_NAME t, CONSTRAINT_NAME n, UPDATE_RULE up, DELETE_RULE del FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?', [db]);
  for (const r of rc) { const f = fks.get(r.t + ' ' + r.n); if (f) { f.up = rule(r.up); f.del = rule(r.del); } }
  for (const [k, f] of fks) lines.push(`fk ${k} (${f.cols.join(',')}) -> ${f.rt} (${f.rcols.join(',')}) on-update=${f.up} on-delete=${f.del}`);
  return lines.sort();
}

// sequelize-cli's output -> one "-- @ NAME" block per migration with the statements it sent while migrating
function blocks(log, withReads) {
  const out = [];
  let current = null, stmt = null;
  const flush = () => {
    if (current && stmt !== null) {
      const s = stmt.trim();
      const read = /^(SELECT|SHOW|DESCRIBE)\b/i.test(s);
      // umzug's own bookkeeping (SequelizeMeta) is logged inside the migration's lines: not the migration's
      if (!/SequelizeMeta/.test(s) && (withReads || !read)) out.push(/;$/.test(s) ? s : s + ';');
    }
    stmt = null;
  };
  for (const line of fs.readFileSync(log, 'utf8').split('\n')) {
    let m;
    if ((m = line.match(/^== (\S+): migrating =+$/))) { flush(); current = m[1]; out.push('', '-- @ ' + m[1]); }
    else if (/^== \S+: migrated/.test(line)) { flush(); current = null; }
    else if ((m = line.match(/^Executing \([^)]*\): (.*)$/))) { flush(); stmt = m[1]; }
    else if (stmt !== null && line !== '') stmt += '\n' + line;
  }
  flush();
  return out.join('\n').trimStart() + '\n';
}

(async () => {
  if (cmd === 'blocks') { process.stdout.write(blocks(arg, all === 'all')); return; }
  const c = await mysql.createConnection({ host: e.REF_HOST, port: Number(e.REF_PORT), user: e.REF_USER,
    password: e.REF_PASSWORD, multipleStatements: false });
  try {
    if (cmd === 'sql') await c.query(arg);
    else if (cmd === 'picture') console.log((await picture(c, arg)).join('\n'));
    else if (cmd === 'meta') { const [r] = await c.query(`SELECT name FROM \`${arg}\`.SequelizeMeta ORDER BY name`); console.log(r.map((x) => x.name).join('\n')); }
    else if (cmd === 'show-create') {
      const [[{ v }]] = await c.query('SELECT VERSION() v'); console.log('-- server ' + v);
      for (const t of ['movies_juries', 'vote_histories', 'votes', 'SequelizeMeta']) {
        const [[r]] = await c.query(`SHOW CREATE TABLE \`${arg}\`.\`${t}\``); console.log(r['Create Table'] + ';\n');
      }
    } else throw new Error('unknown command ' + cmd);
  } finally { await c.end(); }
})().catch((err) => { console.error(err.message); process.exit(1); });
EOF
ref() { node "$TMP/ref.js" "$@"; }

folder() { # folder NAME FILE-TO-LEAVE-OUT...: a copy of upstream's migrations without some of them
  local d="$TMP/$1"; shift; mkdir -p "$d"; cp "$MIG"/*.cjs "$d/"
  for f in "$@"; do rm -f "$d/$f"; done
}
folder m24 "$F25" "$F26"; folder m25 "$F26"; folder m26

migrate() { # migrate DB FOLDER STATE [extra args]
  local db="$1" dir="$2" state="$3"; shift 3
  (cd "$TMP" && REF_DB="$db" "$NPM/node_modules/.bin/sequelize-cli" db:migrate --env ref --config config.cjs \
    --migrations-path "$TMP/$dir" --models-path "$TMP/models" --seeders-path "$TMP/seeders" "$@") >"$OUT/$state.log" 2>&1 \
    || { tail -n 20 "$OUT/$state.log" >&2; return 1; }
  ref picture "$db" >"$OUT/$state.txt"
  ref show-create "$db" >"$OUT/$state.show-create.sql"
  ref meta "$db" >"$OUT/$state.meta.txt"
  ref blocks "$OUT/$state.log" >"$OUT/$state.blocks.sql"
  ref blocks "$OUT/$state.log" all >"$OUT/$state.blocks-all.sql"
  echo "$state: $(wc -l <"$OUT/$state.txt") lines, $(wc -l <"$OUT/$state.meta.txt") migrations recorded" >&2
}
fresh() { ref sql "DROP DATABASE IF EXISTS \`$1\`"; ref sql "CREATE DATABASE \`$1\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"; }

UP="${PREFIX}_up"; FRESH="${PREFIX}_fresh"
fresh "$UP"
migrate "$UP" m24 S24 --to "$TO24"
migrate "$UP" m25 S25
migrate "$UP" m26 S26
fresh "$FRESH"
migrate "$FRESH" m26 FRESH26
ref sql "DROP DATABASE \`$UP\`"; ref sql "DROP DATABASE \`$FRESH\`"
if diff -u "$OUT/S26.txt" "$OUT/FRESH26.txt" >"$OUT/S26-vs-FRESH26.diff"; then echo "S26 and FRESH26: same picture" >&2
else echo "S26 and FRESH26 differ: $OUT/S26-vs-FRESH26.diff" >&2; fi
