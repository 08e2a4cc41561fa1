#!/usr/bin/env bash
# run-all.sh: the whole check, from nothing to /work/ref2/out, leaving no database behind.
#   1. builds mdl_ours (library CLI jar) and mdl_upstream (sequelize-cli, upstream's 26 migrations)
#   2. runs models-check.mjs on each -> out/results-{ours,upstream}.json, out/sql-{ours,upstream}.sql, out/log-*.txt
#   3. compare.mjs -> out/diff.txt; out/model-operations.sql = the upstream run's SQL (identical to ours when diff is clean)
#   4. rebuilds both databases and replays out/model-operations.sql on each with a plain connection -> out/replay.txt
#   5. drops mdl_ours and mdl_upstream
set -uo pipefail
cd "$(dirname "$0")"; mkdir -p out
trap 'mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS mdl_ours; DROP DATABASE IF EXISTS mdl_upstream"' EXIT
./build-dbs.sh mdl_ours mdl_upstream || exit 1
node models-check.mjs mdl_ours out/results-ours.json out/sql-ours.sql out/log-ours.txt || exit 1
node models-check.mjs mdl_upstream out/results-upstream.json out/sql-upstream.sql out/log-upstream.txt || exit 1
node compare.mjs out/results-ours.json out/results-upstream.json out/sql-ours.sql out/sql-upstream.sql out/diff.txt; rc=$?
cp out/sql-upstream.sql out/model-operations.sql
./build-dbs.sh mdl_ours mdl_upstream || exit 1
{ node replay.mjs out/model-operations.sql mdl_ours; node replay.mjs out/model-operations.sql mdl_upstream; } | tee out/replay.txt
exit $rc
