#!/usr/bin/env bash
# The soak's requests timed one by one (median of 15 curl calls each) on the demo data, then again after
# WRITE_SECONDS (60) of ledger writes on one contract (scripts/soak.lua at 100% writes): which costs grow with those
# rows (docs/reliability.md, "Soak"). Usage: scripts/soak-probe.sh [server binary]; needs wrk, curl, sqlite3.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/houqin}; tmp=$(mktemp -d "${TMPDIR:-/tmp}/houqin-probe.XXXXXX")
export HOUQIN_FAKE_NOW=2027-06-01T10:00:00+08:00
$bin seed-demo --db sqlite:$tmp/db >/dev/null 2>&1
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$bin serve --db sqlite:$tmp/db --listen 127.0.0.1:$port --web-dir '' >$tmp/log 2>&1 & pid=$!
trap "kill $pid; rm -rf $tmp" EXIT
base=http://127.0.0.1:$port
for _ in $(seq 300); do curl -fs $base/healthz >/dev/null 2>&1 && break; sleep 0.1; done
login=$(curl -fs -c $tmp/c -H 'Content-Type: application/json' -d '{"username":"office","password":"Office@2026"}' $base/api/v1/session)
export SOAK_CSRF=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])' <<<"$login")
export SOAK_COOKIE=$(awk '$6 == "houqin_session" {print $7}' $tmp/c)
export SOAK_CONTRACT=$(curl -fs -b $tmp/c "$base/api/v1/contracts?status=active&page_size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
export SOAK_PERIOD=$(curl -fs -b $tmp/c "$base/api/v1/contracts/$SOAK_CONTRACT/ledger" | python3 -c 'import json,sys; print(json.load(sys.stdin)["periods"][0]["period"])')
probe() {
  for path in "/api/v1/contracts?page=1&page_size=20" "/api/v1/vendors?page=1&page_size=20&sort=name&order=asc" "/api/v1/assessments?page=1&page_size=20" "/api/v1/dashboard" "/api/v1/contracts/$SOAK_CONTRACT/ledger"; do
    t=$(for i in $(seq 15); do curl -s -o /dev/null -w '%{time_total}\n' -b $tmp/c "$base$path"; done | sort -n | sed -n 8p)
    printf '%-60s %8.1f ms\n' "$path" "$(python3 -c "print($t*1000)")"
  done
  t=$(for i in $(seq 15); do curl -s -o /dev/null -w '%{time_total}\n' -b $tmp/c -H "X-CSRF-Token: $SOAK_CSRF" -H 'Content-Type: application/json' -d "{\"kind\":\"reward\",\"period\":\"$SOAK_PERIOD\",\"amount\":\"0.01\",\"reason\":\"probe\"}" "$base/api/v1/contracts/$SOAK_CONTRACT/ledger"; done | sort -n | sed -n 8p)
  printf '%-60s %8.1f ms\n' "POST ledger entry" "$(python3 -c "print($t*1000)")"
}
echo "== demo data"; probe
SOAK_WRITE_PERCENT=100 wrk -t2 -c16 -d${WRITE_SECONDS:-60}s -s scripts/soak.lua $base/ | grep soak-interval
echo "== ledger entries on contract $SOAK_CONTRACT: $(sqlite3 $tmp/db "select count(*) from contract_ledger where contract_id=$SOAK_CONTRACT" 2>/dev/null || echo '?'), audit rows $(sqlite3 $tmp/db 'select count(*) from audit_log' 2>/dev/null || echo '?')"
probe
