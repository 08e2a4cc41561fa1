// replay.mjs SQL_FILE DB: replays model-operations.sql statement by statement on one plain connection (text protocol,
// as JDBC's Statement would) and checks each statement's outcome against its "-- expect:" line.
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const mysql = require('mysql2/promise');
const [file, DB] = process.argv.slice(2);
const stmts = [];
let block = null, expect = null, buf = [];
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  if (buf.length === 0 && line.startsWith('-- @ ')) { block = line.slice(5); continue; }
  if (buf.length === 0 && line.startsWith('-- expect: ')) { expect = line.slice(11); continue; }
  if (buf.length === 0 && (line.startsWith('--') || line.trim() === '')) continue;
  buf.push(line);
  if (/;\s*$/.test(line)) { stmts.push({ block, expect, sql: buf.join('\n').replace(/;\s*$/, '') }); buf = []; expect = null; }
}
const c = await mysql.createConnection({ host: process.env.DB_HOST || '127.0.0.1', port: Number(process.env.DB_PORT || 3306), user: process.env.DB_USER || 'root', password: process.env.DB_PASSWORD || '', database: DB,
  flags: process.env.FOUND_ROWS ? [] : ['-FOUND_ROWS'] });
let bad = 0;
for (const s of stmts) {
  let got;
  try {
    const [r] = await c.query(s.sql);
    got = Array.isArray(r) ? `ok rows=${r.length}` : `ok affected=${r.affectedRows}${r.insertId ? ' insertId=' + r.insertId : ''}`;
  } catch (e) { got = `error ${e.errno} ${e.code}`; }
  // FOUND_ROWS: Sequelize connects with -FOUND_ROWS (affected = changed rows); mysql2's default counts matched rows
  if (got !== s.expect) { bad++; console.log(`MISMATCH [${s.block}] expected "${s.expect}" got "${got}": ${s.sql.slice(0, 160)}`); }
}
await c.end();
console.log(`${DB}: replayed ${stmts.length} statements, ${stmts.length - bad} with the expected outcome, ${bad} mismatches`);
process.exitCode = bad ? 1 : 0;
