#!/usr/bin/env bash
# Browser tests: a fresh demo database, the real server serving the built UI, and Chromium driven by
# playwright-core through web/tests/e2e/*.test.mjs (Node's test runner). Builds nothing: `make e2e-test` builds the
# server and web/dist first. Screenshots land in build/e2e-artifacts/. Test files given as arguments run alone:
#   web/tests/e2e/run.sh web/tests/e2e/13-procurement.test.mjs
#
#   HOUQIN_BIN   server binary (default build/debug/houqin, else build/release/houqin)
#   E2E_CHROMIUM browser executable (default /usr/bin/chromium); no browser is ever downloaded
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
tests=()
for file in "$@"; do tests+=("$(realpath "$file")"); done
cd "$repo_root"
if [[ ${#tests[@]} -eq 0 ]]; then tests=(web/tests/e2e/*.test.mjs); fi

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

artifacts="$repo_root/build/e2e-artifacts"
rm -rf "$artifacts"
mkdir -p "$artifacts"
work="$(mktemp -d "${TMPDIR:-/tmp}/houqin-e2e.XXXXXX")"
server_log="$artifacts/server.log"
server_pid=""

cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

db="sqlite:$work/demo.db"
echo "e2e: server $bin, database $work/demo.db"
"$bin" seed-demo --db "$db" >"$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; echo "e2e: seed-demo failed" >&2; exit 1; }

# A free port from the kernel; the short gap before the server binds it is harmless on a test machine.
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});')"
base_url="http://127.0.0.1:$port"

"$bin" serve --db "$db" --listen "127.0.0.1:$port" --web-dir web/dist --threads 2 >"$server_log" 2>&1 &
server_pid=$!

healthy=""
for _ in $(seq 300); do
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  if curl -fsS "$base_url/healthz" >/dev/null 2>&1; then healthy=1; break; fi
  sleep 0.1
done
if [[ -z "$healthy" ]]; then
  echo "e2e: the server did not become healthy at $base_url; its log:" >&2
  tail -n 50 "$server_log" >&2
  exit 1
fi
echo "e2e: serving $base_url (pid $server_pid)"

status=0
# The suite takes about eight minutes against the sanitized debug build; the limit is only there to stop a hung browser.
# HOUQIN_BIN: tests that start a server of their own (helpers.mjs startServer, a fake clock) start this one.
E2E_BASE_URL="$base_url" E2E_ARTIFACTS="$artifacts" E2E_CHROMIUM="$chromium" HOUQIN_BIN="$bin" \
  timeout 1200 node --test --test-concurrency=1 --test-reporter=spec "${tests[@]}" || status=$?

# A sanitizer report from the debug build during the run is a failure too, even if every page looked right; the logs of
# the tests' own servers (server-<name>.log) count as well.
for log in "$artifacts"/server*.log; do
  if grep -qE 'ERROR: AddressSanitizer|runtime error:' "$log"; then
    echo "e2e: the server reported a sanitizer error during the run (see $log):" >&2
    grep -m 5 -A 10 -E 'ERROR: AddressSanitizer|runtime error:' "$log" >&2 || true
    status=1
  fi
done

if [[ $status -ne 0 ]]; then
  echo "e2e: FAILED (exit $status); screenshots and server log in $artifacts" >&2
  exit "$status"
fi
echo "e2e: all browser tests passed; screenshots in $artifacts"
