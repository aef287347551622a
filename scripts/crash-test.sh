#!/usr/bin/env bash
# Crash safety (issue 11; docs/reliability.md "Crash safety"): SIGKILLs the server at random moments during a mixed
# write load and checks, after each kill, the database's integrity, `houqin audit verify`, and that every write
# acknowledged with 2xx is still there (server/tests/reliability/crash.test.mjs).
#
#   scripts/crash-test.sh                                   5 kills on SQLite (what `make test` runs)
#   KILLS=100 scripts/crash-test.sh                         the full run on SQLite
#   ENGINE=postgresql KILLS=20 scripts/crash-test.sh        on a throwaway PostgreSQL cluster (scripts/pg-test.sh)
#
# Environment: ENGINE (sqlite|postgresql), KILLS (default 5), WORKERS (writing clients, default 4), BID_EVERY (a
# bidding project is opened before every n-th round, default 1), SEED (repeat a run), HOUQIN_BIN (default build/debug/houqin), HOUQIN_PG_URL (use this cluster instead of starting one),
# PG_TEST_DIR (where the throwaway cluster lives, default build/pg-crash).
set -euo pipefail
cd "$(dirname "$0")/.."

engine=${ENGINE:-sqlite}
export HOUQIN_BIN=${HOUQIN_BIN:-build/debug/houqin}
export HOUQIN_TEST_ENGINE=$engine
export CRASH_KILLS=${KILLS:-5}
export CRASH_WORKERS=${WORKERS:-4}
export CRASH_BID_EVERY=${BID_EVERY:-1}
if [ -n "${SEED:-}" ]; then export CRASH_SEED=$SEED; fi
[ -x "$HOUQIN_BIN" ] || { echo "crash-test: no server binary at $HOUQIN_BIN" >&2; exit 2; }
mkdir -p build/test-logs

run() { node --test --test-reporter=spec server/tests/reliability/crash.test.mjs; }

case "$engine" in
    sqlite) run ;;
    postgresql)
        if [ -n "${HOUQIN_PG_URL:-}" ]; then
            run
        else
            export PG_TEST_DIR=${PG_TEST_DIR:-$PWD/build/pg-crash}
            HOUQIN_PG_URL=$(bash scripts/pg-test.sh start)
            export HOUQIN_PG_URL
            status=0
            run || status=$?
            bash scripts/pg-test.sh stop
            exit $status
        fi
        ;;
    *) echo "crash-test: ENGINE must be sqlite or postgresql, not $engine" >&2; exit 2 ;;
esac
