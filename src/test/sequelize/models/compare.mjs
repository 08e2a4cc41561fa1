// compare.mjs OURS_JSON UPSTREAM_JSON OURS_SQL UPSTREAM_SQL OUT_DIFF: operation-by-operation comparison of two
// models-check.mjs runs (ours = database built by the library, upstream = built by sequelize-cli).
import fs from 'node:fs';
const [oj, uj, os, us, out] = process.argv.slice(2);
const A = JSON.parse(fs.readFileSync(oj, 'utf8')), B = JSON.parse(fs.readFileSync(uj, 'utf8'));
const stable = (v) => JSON.stringify(v, (k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((y) => [y, x[y]])) : x));
const lines = [];
let same = 0;
const n = Math.max(A.operations.length, B.operations.length);
const diffs = [];
for (let i = 0; i < n; i++) {
  const a = A.operations[i], b = B.operations[i];
  const d = [];
  if (!a || !b) d.push('missing in one run');
  else {
    if (a.op !== b.op) d.push(`name: ${a.op} / ${b.op}`);
    if (a.ok !== b.ok) d.push(`ok: ours=${a.ok} upstream=${b.ok}`);
    if (stable(a.error) !== stable(b.error)) d.push(`error: ours=${stable(a.error)} upstream=${stable(b.error)}`);
    if (stable(a.result) !== stable(b.result)) d.push(`result: ours=${stable(a.result)}\n      upstream=${stable(b.result)}`);
    if (a.statements !== b.statements) d.push(`statements: ours=${a.statements} upstream=${b.statements}`);
  }
  if (d.length === 0) same++; else diffs.push(`${(a || b).op}\n    ${d.join('\n    ')}`);
}
const sa = fs.readFileSync(os, 'utf8').split('\n'), sb = fs.readFileSync(us, 'utf8').split('\n');
const sqlDiff = [];
for (let i = 0; i < Math.max(sa.length, sb.length); i++) if (sa[i] !== sb[i]) sqlDiff.push(`line ${i + 1}:\n  ours:     ${sa[i]}\n  upstream: ${sb[i]}`);
const okA = A.operations.filter((o) => o.ok).length;
lines.push(`operations: ${n} (succeeded: ours ${okA}, upstream ${B.operations.filter((o) => o.ok).length}; the failures are scripted negative cases)`);
lines.push(`same behaviour (ok/error class+code+message/rows returned/statement count): ${same} of ${n}`);
lines.push(`different: ${n - same}`);
lines.push(`SQL statements sent: ${sa.filter((l) => l && !l.startsWith('--')).length} (ours) / ${sb.filter((l) => l && !l.startsWith('--')).length} (upstream); SQL text + per-statement outcome identical: ${sqlDiff.length === 0 ? 'yes' : 'NO (' + sqlDiff.length + ' lines differ)'}`);
lines.push('');
if (diffs.length) lines.push('== operations that differ', ...diffs, '');
if (sqlDiff.length) lines.push('== SQL lines that differ', ...sqlDiff.slice(0, 200), '');
fs.writeFileSync(out, lines.join('\n') + '\n');
console.error(lines.slice(0, 4).join('\n'));
process.exitCode = diffs.length || sqlDiff.length ? 1 : 0;
