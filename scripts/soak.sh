#!/usr/bin/env bash
# Soak (issue 11; docs/reliability.md "Soak"): a mixed load at 64 connections for a long time against one server on the
# demo data: the busiest list pages (contracts, vendors, assessments), the dashboard, and ledger entries written by
# the office (scripts/soak.lua). Reported per interval: requests, 5xx (must be 0), p50/p99 latency, the server's
# resident and anonymous memory; at the end, whether the heap's floor rose (a leak).
#
#   scripts/soak.sh                         30 minutes (SOAK_MINUTES), in 60-second intervals
#   SOAK_MINUTES=5 scripts/soak.sh
#
# Environment: HOUQIN_BIN (default build/release/houqin, else build/debug/houqin), SOAK_MINUTES (30),
# SOAK_INTERVAL (seconds, 60), SOAK_CONNECTIONS (64), SOAK_WRK_THREADS (2), SOAK_WRITE_PERCENT (10),
# SOAK_WARMUP (intervals left out of the memory check, 2), SOAK_THREADS (server --threads, default its own).
# Exit 1 when any 5xx was answered or the heap's floor rose more than 10% (+8 MiB) from the first third of the
# run to the last. Everything stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${HOUQIN_BIN:-}
if [ -z "$bin" ]; then
    for candidate in build/release/houqin build/debug/houqin; do
        if [ -x "$candidate" ]; then bin=$candidate; break; fi
    done
fi
[ -n "$bin" ] && [ -x "$bin" ] || { echo "soak: no server binary (make build, or set HOUQIN_BIN)" >&2; exit 2; }
minutes=${SOAK_MINUTES:-30}
interval=${SOAK_INTERVAL:-60}
connections=${SOAK_CONNECTIONS:-64}
wrk_threads=${SOAK_WRK_THREADS:-2}
warmup=${SOAK_WARMUP:-2}
export SOAK_WRITE_PERCENT=${SOAK_WRITE_PERCENT:-10}
intervals=$(( (minutes * 60 + interval - 1) / interval ))
for tool in wrk curl python3; do command -v "$tool" >/dev/null || { echo "soak: $tool is missing" >&2; exit 2; }; done

say() { printf 'soak: %s\n' "$*"; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/houqin-soak.XXXXXX")
server_pid=''
sampler_pid=''
cleanup() {
    local status=$?
    [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$server_pid" 2>/dev/null || true
    fi
    if [ $status -ne 0 ] && [ -s "$tmp/server.log" ]; then tail -n 20 "$tmp/server.log" >&2; fi
    rm -rf "$tmp"
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The demo data on a fixed clock (the sessions then never go idle, the daily job runs once at start).
export HOUQIN_FAKE_NOW=${HOUQIN_FAKE_NOW:-2027-06-01T10:00:00+08:00}
"$bin" seed-demo --db "sqlite:$tmp/soak.db" >"$tmp/seed.log" 2>&1
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server_args=(serve --db "sqlite:$tmp/soak.db" --listen "127.0.0.1:$port" --web-dir '')
if [ -n "${SOAK_THREADS:-}" ]; then server_args+=(--threads "$SOAK_THREADS"); fi
"$bin" "${server_args[@]}" >"$tmp/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 300); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$base/healthz" >/dev/null || { echo "soak: the server did not start" >&2; exit 1; }

login=$(curl -fs -c "$tmp/cookies" -H 'Content-Type: application/json' \
    -d '{"username":"office","password":"Office@2026"}' "$base/api/v1/session")
export SOAK_CSRF=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])' <<<"$login")
export SOAK_COOKIE=$(awk '$6 == "houqin_session" {print $7}' "$tmp/cookies")
contracts=$(curl -fs -b "$tmp/cookies" "$base/api/v1/contracts?status=active&page_size=1")
export SOAK_CONTRACT=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])' <<<"$contracts")
ledger=$(curl -fs -b "$tmp/cookies" "$base/api/v1/contracts/$SOAK_CONTRACT/ledger")
export SOAK_PERIOD=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["periods"][0]["period"])' <<<"$ledger")

# Resident memory every 5 seconds, and its anonymous part (the heap; the rest is mapped files, SQLite's mmap of the
# database among them, which grows with the data written).
(while kill -0 "$server_pid" 2>/dev/null; do
    awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status" 2>/dev/null >>"$tmp/rss" || true
    awk '/^RssAnon/ {print $2}' "/proc/$server_pid/status" 2>/dev/null >>"$tmp/anon" || true
    sleep 5
done) &
sampler_pid=$!

say "$bin (pid $server_pid), $connections connections, $wrk_threads wrk threads, ${SOAK_WRITE_PERCENT}% writes" \
    "(ledger entries on contract $SOAK_CONTRACT), $intervals intervals of ${interval}s; $(nproc) cores," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s %10s %8s %6s %6s %9s %9s %9s %9s\n' interval requests rps 5xx 4xx p50_ms p99_ms rss_mib anon_mib | tee "$tmp/table"
total_5xx=0
for i in $(seq "$intervals"); do
    : >"$tmp/rss.interval"
    lines_before=$(wc -l <"$tmp/rss" 2>/dev/null || echo 0)
    out=$(wrk -t "$wrk_threads" -c "$connections" -d "${interval}s" --timeout 10s -s scripts/soak.lua "$base/" 2>&1)
    line=$(grep '^soak-interval:' <<<"$out") || { echo "$out" >&2; exit 1; }
    get() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$line"; }
    rss_kib=$(tail -n 1 "$tmp/rss")
    anon_kib=$(tail -n 1 "$tmp/anon")
    printf '%-9s %10s %8s %6s %6s %9s %9s %9s %9s\n' "$i" "$(get requests)" "$(( $(get requests) / interval ))" \
        "$(get 5xx)" "$(get 4xx)" "$(get p50_ms)" "$(get p99_ms)" "$(( rss_kib / 1024 ))" "$(( anon_kib / 1024 ))" |
        tee -a "$tmp/table"
    total_5xx=$(( total_5xx + $(get 5xx) ))
    echo "$i $(wc -l <"$tmp/rss")" >>"$tmp/marks"
done

# Memory after warm-up: the samples taken after the first $warmup intervals, split in thirds. A leak raises the floor
# the heap keeps returning to; caches and the requests in flight move it up and down above that floor, and the mapped
# database file grows with the rows written, so neither the peaks nor resident memory can tell a leak. The check: the
# lowest anonymous memory of the last third is at most 10% (plus 8 MiB of allocator slack) above that of the first.
skip=$(awk -v w="$warmup" '$1 == w {print $2}' "$tmp/marks")
skip=${skip:-0}
read -r low high < <(tail -n +"$((skip + 1))" "$tmp/rss" | sort -n | awk 'NR == 1 {low = $1} {high = $1} END {print low, high}')
tail -n +"$((skip + 1))" "$tmp/anon" >"$tmp/anon.after"
samples=$(wc -l <"$tmp/anon.after")
third=$(( samples / 3 > 0 ? samples / 3 : 1 ))
first_floor=$(head -n "$third" "$tmp/anon.after" | sort -n | head -n 1)
last_floor=$(tail -n "$third" "$tmp/anon.after" | sort -n | head -n 1)
read -r anon_low anon_high < <(sort -n "$tmp/anon.after" | awk 'NR == 1 {low = $1} {high = $1} END {print low, high}')
p99s=$(awk 'NR > 1 {print $7}' "$tmp/table" | sort -n | awk 'NR == 1 {low = $1} {high = $1} END {print low "-" high}')
say "total: $(awk 'NR > 1 {s += $2} END {print s}' "$tmp/table") requests in $intervals intervals, 5xx $total_5xx," \
    "p99 per interval ${p99s} ms; after warm-up resident memory $((low / 1024))-$((high / 1024)) MiB, of it anonymous" \
    "$((anon_low / 1024))-$((anon_high / 1024)) MiB; the anonymous floor $((first_floor / 1024)) MiB in the first third," \
    "$((last_floor / 1024)) MiB in the last"
status=0
[ "$total_5xx" -eq 0 ] || { say "FAIL: $total_5xx answers 5xx"; status=1; }
[ "$last_floor" -le $(( first_floor * 110 / 100 + 8192 )) ] ||
    { say "FAIL: the heap's floor rose from $((first_floor / 1024)) to $((last_floor / 1024)) MiB (a leak)"; status=1; }
exit $status
