#!/usr/bin/env bash
# How the busiest pages and the daily rules job grow with the county (issue 15, "cost as work grows"): the same build
# serves each county of `houqin seed-scale`, and for each page and user the server's CPU time per request is measured
# as bench/ab-cpu.sh does (wrk, one thread, two connections, BENCH_SECONDS, three rounds; user+system time from /proc
# divided by the requests answered); then `houqin jobs run-daily` runs over each county twice, timed (the first run
# judges every contract in force each time, so both do the same work).
#
#   bash bench/growth.sh HOUQIN_BINARY COUNTY.db [COUNTY.db ...]
#   env: PAGES (space-separated request paths), USERS (space-separated "name:password"), BENCH_SECONDS (3)
# Prints one line per county, page and user: `<county> <user> <path> <µs> <µs> <µs>`, then one per county:
# `<county> daily-job wall=<s> cpu=<s>+<s>` (twice).
set -euo pipefail
bin=$1
shift
pages=${PAGES:-/api/v1/dashboard /api/v1/contracts?page=1&page_size=20 /api/v1/assessments?page=1&page_size=20}
users=${USERS:-admin:Admin@2026 t01-office:County@2026}
seconds=${BENCH_SECONDS:-3}
export HOUQIN_FAKE_NOW=${HOUQIN_FAKE_NOW:-2026-12-05T10:00:00+08:00}
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
login() {
  curl -s -D - -o /dev/null -H 'Content-Type: application/json' -d "{\"username\":\"$2\",\"password\":\"$3\"}" \
    "http://127.0.0.1:$1/api/v1/session" | grep -i '^set-cookie: houqin_session=' | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//'
}
# Every county is served at once, each by its own process on a copy (the server migrates it and logs in; the job
# writes its decisions), and the rounds alternate between them: CPU time per request moves with what else runs on a
# shared machine, so the counties are compared under the same load rather than one after the other.
names=()
ports=()
declare -A cookie=()
for i in $(seq 0 $(($# - 1))); do
  db=${@:$((i + 1)):1}
  names+=("$(basename "$db" .db)")
  ports+=($((18183 + i)))
  cp "$db" "$work/$i.db"
  "$bin" serve --db "sqlite:$work/$i.db" --listen "127.0.0.1:${ports[$i]}" --web-dir '' --daily-job false \
    >"$work/$i.log" 2>&1 &
  pids+=($!)
done
for i in "${!ports[@]}"; do
  for _ in $(seq 120); do curl -s -o /dev/null "http://127.0.0.1:${ports[$i]}/healthz" && break; sleep 1; done
  for user in $users; do cookie[$user$i]=$(login "${ports[$i]}" "${user%%:*}" "${user#*:}"); done
done
for path in $pages; do
  for user in $users; do
    declare -A line=()
    for _ in 1 2 3; do
      for i in "${!ports[@]}"; do
        before=$(cpu_ticks "${pids[$i]}")
        count=$(wrk -t1 -c2 -d"${seconds}s" -H "Cookie: ${cookie[$user$i]}" "http://127.0.0.1:${ports[$i]}$path" |
          awk '/requests in/{print $1}')
        after=$(cpu_ticks "${pids[$i]}")
        line[$i]="${line[$i]:-} $(((after - before) * 1000000 / ticks / count))"
      done
    done
    for i in "${!ports[@]}"; do echo "${names[$i]} ${user%%:*} $path${line[$i]}"; done
  done
done
kill "${pids[@]}"
wait 2>/dev/null || true
pids=()
for _ in 1 2; do
  for i in "${!ports[@]}"; do
    /usr/bin/time -f "${names[$i]} daily-job wall=%e cpu=%U+%S" -o "$work/time.txt" \
      "$bin" jobs run-daily --db "sqlite:$work/$i.db" >"$work/job.log" 2>&1
    cat "$work/time.txt"
  done
done
