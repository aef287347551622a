#!/usr/bin/env bash
# Runs the API tests (server/tests/api/*.test.mjs) against one database engine.
#
#   ENGINE=sqlite server/tests/api/run.sh                       # default
#   ENGINE=postgresql HOUQIN_PG_URL=$(scripts/pg-test.sh url) server/tests/api/run.sh
#   server/tests/api/run.sh server/tests/api/vendors.test.mjs   # some files only
#
# HOUQIN_BIN chooses the server binary (default build/debug/houqin, else build/release/houqin).
# HOUQIN_TEST_NOW chooses the tests' clock (server/tests/clock.mjs; default 2027-06-01T10:00:00+08:00), e.g.
#   HOUQIN_TEST_NOW=2031-01-01T10:00:00+08:00 server/tests/api/run.sh
# HOUQIN_TEST_SHUFFLE=<seed> runs each file's tests in a shuffled order (below).
# A test moves a running server's time through HOUQIN_FAKE_NOW_FILE=<path> (harness.mjs movableClock): the server
# reads its time from that file (an ISO time with offset, as HOUQIN_FAKE_NOW) and again whenever the file changes, so
# rewriting it moves the clock without a restart. Test-only: unset, the server never reads such a file; there is no
# HTTP route to the clock.
# One test alone (each test makes the data it reads): node --test --test-name-pattern='PRJ-7 sealed' FILE
# Server logs go to build/test-logs/.
set -euo pipefail

cd "$(dirname "$0")/../../.."

engine=${ENGINE:-${HOUQIN_TEST_ENGINE:-sqlite}}
case "$engine" in
    sqlite) ;;
    postgresql)
        if [ -z "${HOUQIN_PG_URL:-}" ]; then
            echo "run.sh: ENGINE=postgresql needs HOUQIN_PG_URL (start a cluster with scripts/pg-test.sh start)" >&2
            exit 2
        fi
        ;;
    *) echo "run.sh: ENGINE must be sqlite or postgresql, not $engine" >&2; exit 2 ;;
esac
export HOUQIN_TEST_ENGINE=$engine

if [ -z "${HOUQIN_BIN:-}" ]; then
    for candidate in build/debug/houqin build/release/houqin; do
        if [ -x "$candidate" ]; then HOUQIN_BIN=$candidate; break; fi
    done
fi
export HOUQIN_BIN=${HOUQIN_BIN:-build/debug/houqin}
if [ ! -x "$HOUQIN_BIN" ]; then
    echo "run.sh: no server binary at $HOUQIN_BIN (build it first, or set HOUQIN_BIN)" >&2
    exit 2
fi

mkdir -p build/test-logs
# The demo templates (harness.mjs, demoDatabase): a lock left by a killed run would make every file wait.
rm -rf build/test-cache/*.lock

# Two files at a time: each starts its own server, and the machine may have only two cores.
options=(--test)
if node --help 2>/dev/null | grep -q -- '--test-concurrency'; then options+=(--test-concurrency=2); fi
# HOUQIN_TEST_SHUFFLE=<seed>: each file's tests run in an order drawn from the seed and printed (Node 20 has no
# --test-shuffle; server/tests/shuffle/register.mjs reorders them), to prove no test leans on another's leftovers.
if [ -n "${HOUQIN_TEST_SHUFFLE:-}" ]; then
    options=(--import ./server/tests/shuffle/register.mjs "${options[@]}")
    echo "run.sh: tests shuffled with seed $HOUQIN_TEST_SHUFFLE"
fi

if [ $# -gt 0 ]; then
    files=("$@")
else
    files=(server/tests/api/*.test.mjs)
fi

echo "run.sh: $engine, $HOUQIN_BIN, ${#files[@]} files"
exec node "${options[@]}" "${files[@]}"
