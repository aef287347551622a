#!/usr/bin/env bash
# Browser tests: Chromium driven by playwright-core through web/tests/e2e/*.test.mjs (Node's test runner). Every test
# file starts a server of its own on a fresh demo database (helpers.mjs startServer), so any file runs alone and in any
# order. Server and browser run on the injected clock of server/tests/clock.mjs (HOUQIN_TEST_NOW, default
# 2027-06-01T10:00:00+08:00): the server gets it as HOUQIN_FAKE_NOW, the browser through Playwright's clock.
# Builds nothing: `make e2e-test` builds the server and web/dist first, and starts the PostgreSQL cluster.
# Screenshots and server logs land in build/e2e-artifacts/ (the PostgreSQL pass in build/e2e-artifacts/postgresql/).
#
#   web/tests/e2e/run.sh                       every file on SQLite, then the PostgreSQL scenarios (E2E_PG_FILES)
#   web/tests/e2e/run.sh web/tests/e2e/13-procurement.test.mjs        the files given, on SQLite
#   E2E_ENGINE=postgresql E2E_PG_URL=... web/tests/e2e/run.sh FILE    the files given, on PostgreSQL
#
#   HOUQIN_BIN      server binary (default build/debug/houqin, else build/release/houqin)
#   HOUQIN_TEST_NOW the suite's "now" (ISO with offset), e.g. 2031-01-01T10:00:00+08:00
#   E2E_PG_URL      a scratch PostgreSQL cluster (url=$(bash scripts/pg-test.sh start)); the full run needs it
#   E2E_PG_FILES    the files the full run repeats on PostgreSQL (default: assessments and procurement)
#   E2E_ORDER       given (default), reverse or shuffle: the order the files run in
#   E2E_JOBS        how many files run at once (default 2)
#   HOUQIN_TEST_SHUFFLE  a seed: the files run in an order drawn from it (E2E_ORDER=shuffle, reproducible)
#   E2E_CHROMIUM    browser executable (default /usr/bin/chromium); no browser is ever downloaded
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
tests=()
for file in "$@"; do tests+=("$(realpath "$file")"); done
cd "$repo_root"
full_run=""
if [[ ${#tests[@]} -eq 0 ]]; then
  tests=(web/tests/e2e/*.test.mjs)
  full_run=1
fi
engine="${E2E_ENGINE:-sqlite}"
case "$engine" in
  sqlite | postgresql) ;;
  *) echo "e2e: E2E_ENGINE must be sqlite or postgresql, not '$engine'" >&2; exit 2 ;;
esac
pg_tests=()
if [[ -n "$full_run" && "$engine" == sqlite ]]; then
  read -r -a pg_tests <<<"${E2E_PG_FILES:-web/tests/e2e/09-assessments.test.mjs web/tests/e2e/13-procurement.test.mjs}"
fi
if [[ ( "$engine" == postgresql || ${#pg_tests[@]} -gt 0 ) && -z "${E2E_PG_URL:-}" ]]; then
  echo "e2e: the PostgreSQL scenarios need E2E_PG_URL, a scratch cluster: E2E_PG_URL=\$(bash scripts/pg-test.sh start)" \
    "(make e2e-test starts and stops one); run single files on SQLite by naming them" >&2
  exit 2
fi

bin="${HOUQIN_BIN:-build/debug/houqin}"
if [[ ! -x "$bin" ]]; then
  if [[ -z "${HOUQIN_BIN:-}" && -x build/release/houqin ]]; then
    bin=build/release/houqin
  else
    echo "e2e: server binary '$bin' not found (build it, or set HOUQIN_BIN)" >&2
    exit 2
  fi
fi
if [[ ! -f web/dist/index.html ]]; then
  echo "e2e: web/dist is missing: run 'cd web && npm run build' (make e2e-test does)" >&2
  exit 2
fi
if [[ ! -d web/node_modules/playwright-core ]]; then
  echo "e2e: playwright-core is not installed: run 'cd web && npm ci'" >&2
  exit 2
fi
chromium="${E2E_CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
  echo "e2e: no Chromium at $chromium (install the distribution package, e.g. apt-get install chromium)" >&2
  exit 2
fi

# The one clock of the suites; an invalid HOUQIN_TEST_NOW stops here. Every test process reads the same value.
test_now="$(node -e "import('./server/tests/clock.mjs').then((m) => console.log(m.TEST_NOW))")"
export HOUQIN_TEST_NOW="$test_now"

# The files' order. HOUQIN_TEST_SHUFFLE=<seed> (the API suite's shuffle) shuffles the files, reproducibly from the seed;
# the tests inside a browser file are the steps of one story in one browser session and keep their order.
shuffle_seed="${HOUQIN_TEST_SHUFFLE:-$RANDOM}"
if [[ -n "${HOUQIN_TEST_SHUFFLE:-}" && -z "${E2E_ORDER:-}" ]]; then E2E_ORDER=shuffle; fi
order() {
  case "${E2E_ORDER:-given}" in
    given) printf '%s\n' "$@" ;;
    reverse) printf '%s\n' "$@" | tac ;;
    shuffle) printf '%s\n' "$@" | shuf --random-source=<(yes "$shuffle_seed") ;;
    *) echo "e2e: E2E_ORDER must be given, reverse or shuffle" >&2; return 2 ;;
  esac
}

artifacts="$repo_root/build/e2e-artifacts"
rm -rf "$artifacts"
mkdir -p "$artifacts"

# One pass: the files in the chosen order, one `node --test` each (the runner would sort the files it is given), each
# file with its own server on `$1`, E2E_JOBS files at a time (default 2: a browser and a sanitized server per file keep
# two cores busy; the order still decides which start first). Each file's output is printed whole when it ends. The
# limit is only there to stop a hung browser.
failed_files=()
run_pass() {
  local pass_engine=$1 pass_artifacts=$2
  shift 2
  local files file pass_status=0 jobs="${E2E_JOBS:-2}"
  mapfile -t files < <(order "$@")
  mkdir -p "$pass_artifacts/output"
  echo "e2e: $pass_engine, server $bin, clock $test_now, ${#files[@]} files, $jobs at a time (${E2E_ORDER:-given} order$(
    [[ ${E2E_ORDER:-given} == shuffle ]] && echo ", seed $shuffle_seed")): ${files[*]##*/}"
  local -A running=()
  local pid
  finish_one() {
    local done_pid
    local code=0
    wait -n -p done_pid "${!running[@]}" || code=$?
    local done_file="${running[$done_pid]}"
    unset "running[$done_pid]"
    cat "$pass_artifacts/output/$(basename "$done_file").log"
    if [[ $code -ne 0 ]]; then
      failed_files+=("$pass_engine: ${done_file#"$repo_root"/}")
      pass_status=1
    fi
  }
  for file in "${files[@]}"; do
    while [[ ${#running[@]} -ge $jobs ]]; do finish_one; done
    E2E_ENGINE="$pass_engine" E2E_ARTIFACTS="$pass_artifacts" E2E_CHROMIUM="$chromium" HOUQIN_BIN="$bin" \
      timeout 900 node --test --test-reporter=spec "$file" >"$pass_artifacts/output/$(basename "$file").log" 2>&1 &
    pid=$!
    running[$pid]="$file"
  done
  while [[ ${#running[@]} -gt 0 ]]; do finish_one; done
  return "$pass_status"
}

status=0
run_pass "$engine" "$artifacts" "${tests[@]}" || status=$?
if [[ ${#pg_tests[@]} -gt 0 ]]; then
  run_pass postgresql "$artifacts/postgresql" "${pg_tests[@]}" || status=$?
fi

# A sanitizer report from the debug build during the run is a failure too, even if every page looked right: every
# file's server log (server-<name>.log) is checked.
logs=0
while IFS= read -r -d '' log; do
  logs=$((logs + 1))
  if grep -qE 'ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer' "$log"; then
    echo "e2e: the server reported a sanitizer error during the run (see $log):" >&2
    grep -m 5 -A 10 -E 'ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer' "$log" >&2 || true
    status=1
  fi
done < <(find "$artifacts" -name 'server-*.log' -print0)
if [[ $logs -eq 0 ]]; then
  echo "e2e: no server log in $artifacts: no test file started its server" >&2
  status=1
fi

if [[ $status -ne 0 ]]; then
  for file in "${failed_files[@]}"; do echo "e2e: failed: $file" >&2; done
  echo "e2e: FAILED (exit $status); screenshots and server logs in $artifacts" >&2
  exit "$status"
fi
echo "e2e: all browser tests passed (clock $test_now); screenshots in $artifacts"
