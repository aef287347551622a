#!/usr/bin/env bash
# CPU time per request of two houqin builds side by side on one county (issue 15): what a change saves, measured so
# that a busy machine disturbs it less than requests per second. Each build serves the same database (read-only
# requests, `--daily-job false`, the clock at the county's last day); for each page and user, three rounds alternate
# the two: wrk with one thread and two connections for BENCH_SECONDS, and the server's user+system time from
# /proc/<pid>/stat divided by the requests it answered.
#
#   bash bench/ab-cpu.sh OLD_BINARY NEW_BINARY COUNTY.db [NEW_COUNTY.db]
#   (a second database for the new build when it adds a migration: a copy of the first, which the new build migrates
#   at start while the old one keeps the schema it knows)
#   env: PAGES (space-separated request paths), USERS (space-separated "name:password"), BENCH_SECONDS (3)
# Prints one line per page and user: `<user> <path> A:<µs> B:<µs> ...` (A the old build, B the new).
set -euo pipefail
old=$1 new=$2 db=$3 new_db=${4:-$3}
pages=${PAGES:-/api/v1/contracts?page=1&page_size=20 /api/v1/assessments?page=1&page_size=20}
users=${USERS:-admin:Admin@2026 t01-office:County@2026}
seconds=${BENCH_SECONDS:-3}
export HOUQIN_FAKE_NOW=${HOUQIN_FAKE_NOW:-2026-12-05T10:00:00+08:00}
log=$(mktemp -d)
"$old" serve --db "sqlite:$db" --listen 127.0.0.1:18181 --web-dir '' --daily-job false >"$log/a.log" 2>&1 &
pid_a=$!
"$new" serve --db "sqlite:$new_db" --listen 127.0.0.1:18182 --web-dir '' --daily-job false >"$log/b.log" 2>&1 &
pid_b=$!
trap 'kill $pid_a $pid_b 2>/dev/null; wait 2>/dev/null; rm -rf "$log"' EXIT
for port in 18181 18182; do
  for _ in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 1; done
done
login() {
  curl -s -D - -o /dev/null -H 'Content-Type: application/json' -d "{\"username\":\"$2\",\"password\":\"$3\"}" \
    "http://127.0.0.1:$1/api/v1/session" | grep -i '^set-cookie: houqin_session=' | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//'
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks=$(getconf CLK_TCK)
declare -A cookie
for user in $users; do
  for port in 18181 18182; do cookie[$user$port]=$(login "$port" "${user%%:*}" "${user#*:}"); done
done
for path in $pages; do
  for user in $users; do
    line="${user%%:*} $path"
    for _ in 1 2 3; do
      for side in "A 18181 $pid_a" "B 18182 $pid_b"; do
        read -r name port pid <<<"$side"
        before=$(cpu_ticks "$pid")
        count=$(wrk -t1 -c2 -d"${seconds}s" -H "Cookie: ${cookie[$user$port]}" "http://127.0.0.1:$port$path" |
          awk '/requests in/{print $1}')
        after=$(cpu_ticks "$pid")
        line="$line $name:$(((after - before) * 1000000 / ticks / count))us"
      done
    done
    echo "$line"
  done
done
