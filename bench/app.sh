#!/usr/bin/env bash
# Benchmark of the whole application on a county (issue 15; docs/performance.md, "The whole application").
#
# 1. A county: `houqin seed-scale` into a SQLite file (or BENCH_APP_DB, reused when it exists, seeded into when it
#    does not). PostgreSQL gets the same rows: a `houqin backup` of that file restored into a throwaway cluster
#    (scripts/pg-test.sh), much quicker than seeding it again (BENCH_APP_PG_SEED=1 seeds it with seed-scale instead),
#    or the database BENCH_APP_PG_URL names. Each setup runs on a fresh copy (a SQLite .backup, a PostgreSQL
#    CREATE DATABASE ... TEMPLATE), since its writes use up the records they write to.
# 2. For each setup, `houqin serve` (--daily-job false, the clock at the county's last day, BENCH_NOW) and
#    bench/app-api.mjs logs in as the administrator, a town's office, leadership, a department and a vendor, picks
#    the records each may open and creates the one project the county lacks.
# 3. wrk (2 threads, BENCH_CONNECTIONS, BENCH_SECONDS, --latency) on each page's main request as each scope that may
#    open it (bench/app-api.mjs lists the pages and the requests); a scope answered 403 or 404 is left out.
# 4. The PDF and Excel reports of a town (t01-office's scope) and a year, each timed once with curl.
# 5. The common writes with the audit chain (bench/app-api.mjs writes: an assessment, a survey answer, a ledger
#    entry), each for BENCH_SECONDS with 16 in flight; any failed write fails the benchmark.
# 6. The daily rules job over the whole county: `houqin jobs run-daily`, timed, the servers stopped.
# Setups (BENCH_ENGINES, default all three): sqlite, postgresql (one houqin), postgresql-2x (two houqin on the same
# database behind nginx).
# Output: a table per setup on stderr; last, one line per setup on stdout:
#   app-bench: engine=E slowest_read=PAGE@SCOPE slowest_read_rps=N dashboard_rps=N worst_p99_ms=N writes_per_s=N
#              daily_job_s=N
# slowest_read: the list or detail page with the fewest requests/s (dashboards and the report page apart);
# dashboard_rps: the slowest dashboard; worst_p99_ms: over every wrk run; writes_per_s: the slowest of the three
# kinds of write.
#
# Environment: HOUQIN_BIN (build/houqin), BENCH_SECONDS (10), BENCH_CONNECTIONS (64), BENCH_THREADS /
# BENCH_IO_THREADS (server --threads / --io-threads, 2 and 2 as bench/api.sh), BENCH_SCALE (1), BENCH_YEARS (5),
# BENCH_SEED (1), BENCH_APP_DB, BENCH_APP_PG_URL, BENCH_APP_PG_SEED, BENCH_ENGINES, BENCH_NOW
# (2026-12-05T10:00:00+08:00), BENCH_APP_KEEP=DIR (keep the wrk outputs and logs there).
# Everything is bounded in time and all traffic stays on 127.0.0.1.
set -euo pipefail

bench_name=app-bench
bench_seconds=10
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
scale=${BENCH_SCALE:-1}
years=${BENCH_YEARS:-5}
seed=${BENCH_SEED:-1}
engines=${BENCH_ENGINES:-sqlite postgresql postgresql-2x}
bench_now=${BENCH_NOW:-2026-12-05T10:00:00+08:00}
report_year=${bench_now:0:4}

require_tools sqlite3 curl wrk node python3
for engine in $engines; do
    case $engine in
        sqlite | postgresql) ;;
        postgresql-2x) command -v nginx >/dev/null || die "nginx is missing (apt-get install nginx)" ;;
        *) die "unknown setup '$engine' in BENCH_ENGINES (sqlite, postgresql, postgresql-2x)" ;;
    esac
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/houqin-app-bench.XXXXXX")
chmod 755 "$tmp" # the cluster's owner (postgres, when we are root) must reach $tmp/pg
pg_dir=''        # set once scripts/pg-test.sh started a cluster here
pg_server=''     # postgresql://user@host:port (no database) of the cluster the copies are made on
pg_copies=()     # databases this run created on it

cleanup() {
    local status=$?
    stop_servers
    if [[ $status -ne 0 ]]; then
        local log
        for log in "$tmp"/*/server-*.log "$tmp"/*/nginx/error.log; do
            [[ -s $log ]] && { say "last lines of $log:"; tail -n 20 "$log" >&2; }
        done
    fi
    if [[ -n $pg_server && -z $pg_dir ]]; then # copies on a cluster that is not ours: drop them
        local copy
        for copy in "${pg_copies[@]}"; do
            psql "$pg_server/postgres" -qAt -c "DROP DATABASE IF EXISTS $copy" >/dev/null 2>&1 || true
        done
    fi
    if [[ -n $pg_dir ]]; then PG_TEST_DIR=$pg_dir bash "$root/scripts/pg-test.sh" stop || true; fi
    if [[ -n ${BENCH_APP_KEEP:-} ]]; then
        mkdir -p "$BENCH_APP_KEEP"
        (cd "$tmp" && find . -path ./pg -prune -o -type f \( -name '*.txt' -o -name '*.tsv' -o -name '*.log' \) \
            -exec cp --parents {} "$BENCH_APP_KEEP"/ \;) || true
    fi
    rm -rf "$tmp"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_s() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$(now_s)"; }

# ---------------------------------------------------------------------------------------------------------------
# 1. The county
# ---------------------------------------------------------------------------------------------------------------
county=${BENCH_APP_DB:-$tmp/county.db}
[[ $county == /* ]] || county="$root/$county"
if [[ -f $county ]]; then
    say "reusing the county in $county (BENCH_APP_DB)"
else
    mkdir -p "$(dirname "$county")"
    say "seeding the county (scale $scale, $years years, seed $seed) into $county"
    started=$(now_s)
    "$bin" seed-scale --db "sqlite:$county" --scale "$scale" --years "$years" --seed "$seed" >"$tmp/seed.log" 2>&1 ||
        { tail -n 20 "$tmp/seed.log" >&2; rm -f "$county"; die "seed-scale failed"; }
    say "seeded in $(since "$started") s: $(tail -n 1 "$tmp/seed.log")"
fi
say "county: $(sqlite3 "$county" "SELECT (SELECT COUNT(*) FROM contracts) || ' contracts, '
      || (SELECT COUNT(*) FROM assessments) || ' assessments, ' || (SELECT COUNT(*) FROM audit_log) || ' audit entries'" \
      2>/dev/null || echo '?')"

# The PostgreSQL database every PostgreSQL setup copies (made on first use).
pg_base=''
pg_base_db() {
    [[ -z $pg_base ]] || return 0
    if [[ -n ${BENCH_APP_PG_URL:-} ]]; then
        pg_base=${BENCH_APP_PG_URL##*/}
        pg_server=${BENCH_APP_PG_URL%/*}
        say "PostgreSQL: copying $BENCH_APP_PG_URL (BENCH_APP_PG_URL) for each setup"
        return 0
    fi
    command -v psql >/dev/null || die "psql is missing (apt-get install postgresql-client)"
    pg_dir="$tmp/pg"
    local url
    url=$(PG_TEST_DIR=$pg_dir bash "$root/scripts/pg-test.sh" start) || die "scripts/pg-test.sh start failed"
    pg_server=${url%/*}
    pg_base=county
    psql "$pg_server/postgres" -qAt -v ON_ERROR_STOP=1 -c "CREATE DATABASE $pg_base" >/dev/null
    local started
    started=$(now_s)
    if [[ ${BENCH_APP_PG_SEED:-0} == 1 ]]; then
        say "seeding the county on PostgreSQL (scale $scale, $years years, seed $seed)"
        "$bin" seed-scale --db "$pg_server/$pg_base" --scale "$scale" --years "$years" --seed "$seed" \
            >"$tmp/seed-pg.log" 2>&1 || { tail -n 20 "$tmp/seed-pg.log" >&2; die "seed-scale on PostgreSQL failed"; }
        say "seeded on PostgreSQL in $(since "$started") s"
    else
        "$bin" backup --db "sqlite:$county" --out "$tmp/county.backup" >"$tmp/backup.log" 2>&1 ||
            { cat "$tmp/backup.log" >&2; die "houqin backup of the county failed"; }
        "$bin" restore --db "$pg_server/$pg_base" --from "$tmp/county.backup" >"$tmp/restore.log" 2>&1 ||
            { tail -n 20 "$tmp/restore.log" >&2; die "houqin restore of the county into PostgreSQL failed"; }
        rm -f "$tmp/county.backup"
        say "county restored into PostgreSQL in $(since "$started") s"
    fi
    # As autovacuum leaves a table in service: without it, PostgreSQL's counts read every row's heap page.
    psql "$pg_server/$pg_base" -qAt -c 'VACUUM ANALYZE' >/dev/null
}

# A fresh copy of the county for one setup, in run_url. (Functions that start things set globals rather than print:
# a command substitution would run them in a subshell, which the cleanup trap cannot see.)
run_url=''
fresh_db() { # setup dir
    local setup=$1 dir=$2
    if [[ $setup == sqlite ]]; then
        sqlite3 "$county" ".backup '$dir/run.db'" || die "copying the county failed"
        run_url="sqlite:$dir/run.db"
    else
        pg_base_db
        local copy="bench_${setup//-/_}_$$"
        psql "$pg_server/postgres" -qAt -v ON_ERROR_STOP=1 \
            -c "CREATE DATABASE $copy TEMPLATE $pg_base" >/dev/null ||
            die "CREATE DATABASE $copy TEMPLATE $pg_base failed (no other session may use it)"
        pg_copies+=("$copy")
        run_url="$pg_server/$copy"
    fi
}

# ---------------------------------------------------------------------------------------------------------------
# 2. Servers
# ---------------------------------------------------------------------------------------------------------------
start_proxy() { # dir port... : nginx in front of the houqin on those ports, its port in nginx_port
    local dir=$1 port servers=''
    shift
    for port in "$@"; do servers+="server 127.0.0.1:$port; "; done
    nginx_port=$(free_port)
    start_nginx "$dir" /healthz "    upstream houqin {
        $servers
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$nginx_port;
        client_max_body_size 20m;
        location / {
            proxy_pass http://houqin;
            proxy_http_version 1.1;
            proxy_set_header Connection \"\";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        }
    }"
}

# ---------------------------------------------------------------------------------------------------------------
# 3. wrk
# ---------------------------------------------------------------------------------------------------------------
errors_of() { local errors; errors=$(socket_errors_of "$1"); echo "${errors// /}"; }

# Appends "name scope kind rps p99 note" to $dir/reads.txt.
run_wrk() { # dir base name scope kind path
    local dir=$1 base=$2 name=$3 scope=$4 kind=$5 path=$6 out rps p99 note=''
    out="$dir/wrk-$name-$scope.txt"
    run_wrk_into "$out" "$name as $scope" "$base$path" -H "Cookie: $(cat "$dir/cookie-$scope")"
    # The requests of the connections wrk closed at the end are still queued in the server: one more request (per
    # instance) waits behind them, so that the next run does not pay for this one's backlog.
    for _ in 1 2; do curl -sS -m 120 -o /dev/null -H "Cookie: $(cat "$dir/cookie-$scope")" "$base$path" || true; done
    check_wrk "$out" "$name as $scope"
    rps=$(rps_of "$out")
    p99=$(p99_ms_of "$out")
    if [[ $(awk '/ requests in / { print $1 }' "$out") == 0 ]]; then
        # Not one answer within the run: each takes longer than it (wrk shows a p99 of 0). The run's length is a
        # lower bound of the p99; a longer BENCH_SECONDS measures it.
        p99=$((seconds * 1000)).00
        note="no answer within the ${seconds}s run: p99 over ${p99} ms"
    elif [[ -z $p99 ]]; then # not a single request finished within wrk's timeout
        p99=10000.00
        note='nothing answered within 10 s'
    fi
    [[ -z $(errors_of "$out") ]] || note="${note:+$note; }socket errors $(errors_of "$out")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$scope" "$kind" "$rps" "$p99" "$note" >>"$dir/reads.txt"
    say "  $name as $scope: $(printf '%.0f' "$rps") req/s, p99 $p99 ms${note:+ ($note)}"
}

# ---------------------------------------------------------------------------------------------------------------
# 4.-6. One setup
# ---------------------------------------------------------------------------------------------------------------
declare -A summary
run_setup() { # setup
    local setup=$1 dir="$tmp/$1" url base ports=() instances=1 name scope kind path state
    mkdir -p "$dir"
    [[ $setup == postgresql-2x ]] && instances=2
    fresh_db "$setup" "$dir"
    url=$run_url
    say "=== $setup: $url, $instances houqin (--threads $threads --io-threads $io_threads), load $(cut -d' ' -f1-3 /proc/loadavg)"
    local extra=()
    [[ $instances -gt 1 ]] && extra=(--trusted-proxy 127.0.0.1)
    for i in $(seq "$instances"); do
        HOUQIN_FAKE_NOW=$bench_now start_houqin "$url" "$dir/server-$i.log" --daily-job false "${extra[@]}"
        ports+=("$server_port")
    done
    if [[ $instances -gt 1 ]]; then
        start_proxy "$dir" "${ports[@]}"
        base="http://127.0.0.1:$nginx_port"
        say "nginx on $base in front of ports ${ports[*]}"
    else
        base="http://127.0.0.1:${ports[0]}"
    fi

    node "$root/bench/app-api.mjs" prepare "$base" "$dir" || die "preparing the sessions and records failed"
    : >"$dir/reads.txt"
    say "wrk -t2 -c$connections -d${seconds}s --latency on each page's main request"
    while IFS=$'\t' read -r name scope kind path state; do
        if [[ $state != ok ]]; then
            printf '%s\t%s\t%s\t-\t-\t%s\n' "$name" "$scope" "$kind" "not for this scope (${state#skip })" >>"$dir/reads.txt"
            continue
        fi
        run_wrk "$dir" "$base" "$name" "$scope" "$kind" "$path"
    done <"$dir/reads.tsv"

    # The reports a town prints for a year: as the town's office (its scope is the town).
    : >"$dir/reports.txt"
    local report format query code time size cookie
    cookie=$(cat "$dir/cookie-office")
    for report in quality internal_audit; do
        query="quality?period=$report_year"
        [[ $report == internal_audit ]] && query="internal-audit?from=$report_year-01-01&to=$report_year-12-31"
        for format in pdf xlsx; do
            read -r code time size < <(curl -sS -m 300 -H "Cookie: $cookie" -o "$dir/report.out" \
                -w '%{http_code} %{time_total} %{size_download}\n' "$base/api/v1/reports/$query&format=$format")
            [[ $code == 200 ]] || { head -c 500 "$dir/report.out" >&2; die "GET /reports/$query&format=$format answered $code"; }
            printf '%s\t%s\t%s\n' "${report}_$format" "$time" "$size" >>"$dir/reports.txt"
            say "  report /api/v1/reports/$query&format=$format: $time s, $size bytes"
        done
    done

    say "writes, $seconds s each, 16 in flight"
    node "$root/bench/app-api.mjs" writes "$base" >"$dir/writes.txt" || {
        cat "$dir/writes.txt" >&2
        die "writes failed"
    }
    sed 's/^/app-bench:   /' "$dir/writes.txt" >&2
    stop_servers

    local started
    started=$(now_s)
    HOUQIN_FAKE_NOW=$bench_now "$bin" jobs run-daily --db "$url" >"$dir/daily.log" 2>&1 ||
        { tail -n 20 "$dir/daily.log" >&2; die "jobs run-daily failed"; }
    local daily_s
    daily_s=$(since "$started")
    say "  daily rules job: $daily_s s ($(tail -n 1 "$dir/daily.log"))"
    # This setup's copy is done with: its room goes back before the next one (the full county is about 450 MB).
    if [[ $setup == sqlite ]]; then
        rm -f "$dir"/run.db*
    else
        psql "$pg_server/postgres" -qAt -c "DROP DATABASE ${url##*/}" >/dev/null || say "could not drop ${url##*/}"
    fi

    # The table and the summary line.
    {
        printf '\n%s (%s s a run, %s connections)\n' "$setup" "$seconds" "$connections"
        printf '%-20s %-11s %10s %9s  %s\n' page scope 'req/s' 'p99 ms' note
        awk -F'\t' '{ printf "%-20s %-11s %10s %9s  %s\n", $1, $2, ($4 == "-" ? "-" : sprintf("%.0f", $4)), $5, $6 }' \
            "$dir/reads.txt"
        awk -F'\t' '{ printf "%-32s %9.2f s %9d bytes\n", "report " $1, $2, $3 }' "$dir/reports.txt"
        awk '{ printf "%-32s %9s /s   %s %s %s %s\n", "write " $2, substr($6, 7), $3, $4, $5, $7 }' "$dir/writes.txt"
        printf '%-32s %9s s\n' 'daily rules job' "$daily_s"
    } >&2
    summary[$setup]=$(
        python3 - "$dir/reads.txt" "$dir/writes.txt" "$setup" "$daily_s" <<'PY'
import sys
reads_file, writes_file, setup, daily = sys.argv[1:]
reads = [line.rstrip('\n').split('\t') for line in open(reads_file) if line.strip()]
measured = [r for r in reads if r[3] != '-']
pages = [r for r in measured if r[2] in ('list', 'detail')]
dashboards = [r for r in measured if r[2] == 'dashboard']
slowest = min(pages, key=lambda r: float(r[3]))
dashboard = min(float(r[3]) for r in dashboards)
worst_p99 = max(float(r[4]) for r in measured)
writes = [float(field.split('=')[1]) for line in open(writes_file) for field in line.split() if field.startswith('per_s=')]
print(f'app-bench: engine={setup} slowest_read={slowest[0]}@{slowest[1]} slowest_read_rps={float(slowest[3]):.0f} '
      f'dashboard_rps={dashboard:.0f} worst_p99_ms={worst_p99:.1f} writes_per_s={min(writes):.0f} daily_job_s={daily}')
PY
    )
}

for setup in sqlite postgresql postgresql-2x; do
    [[ " $engines " == *" $setup "* ]] || continue
    run_setup "$setup"
done
say "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
for setup in sqlite postgresql postgresql-2x; do
    if [[ -n ${summary[$setup]:-} ]]; then
        echo "${summary[$setup]}"
    else
        echo "app-bench: engine=$setup not run (BENCH_ENGINES)"
    fi
done
