#!/usr/bin/env bash
# The short reliability run of `make test` (docs/reliability.md): backup and restore on SQLite, on PostgreSQL and
# across the two; crash safety with 5 SIGKILLs on SQLite and 3 on PostgreSQL. One throwaway PostgreSQL cluster
# (build/pg-reliability), stopped whatever the result. HOUQIN_BIN chooses the server (default build/debug/houqin).
set -euo pipefail
cd "$(dirname "$0")/.."
export HOUQIN_BIN=${HOUQIN_BIN:-build/debug/houqin}
mkdir -p build/test-logs

HOUQIN_TEST_ENGINE=sqlite node --test --test-reporter=spec server/tests/reliability/backup-restore.test.mjs
ENGINE=sqlite KILLS=5 bash scripts/crash-test.sh

export PG_TEST_DIR=$PWD/build/pg-reliability
url=$(bash scripts/pg-test.sh start)
status=0
HOUQIN_TEST_ENGINE=postgresql HOUQIN_PG_URL=$url \
    node --test --test-reporter=spec server/tests/reliability/backup-restore.test.mjs || status=$?
if [ $status -eq 0 ]; then ENGINE=postgresql KILLS=3 HOUQIN_PG_URL=$url bash scripts/crash-test.sh || status=$?; fi
bash scripts/pg-test.sh stop
exit $status
