# What bench/api.sh and bench/app.sh share, sourced by both (not run on its own): their settings, their messages,
# starting and stopping houqin and nginx, and reading wrk's figures.
#
# Before sourcing, a script sets bench_name (the prefix of the lines it says, e.g. api-bench) and bench_seconds (the
# default of BENCH_SECONDS). After it: root, bin, seconds, connections, threads, io_threads, and the functions below.
# Every server started here is stopped by stop_servers, which the script's EXIT trap calls.
# shellcheck shell=bash

: "${bench_name:?set by the script that sources bench/lib.sh}" "${bench_seconds:?likewise}"
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${HOUQIN_BIN:-build/houqin}
[[ $bin == /* ]] || bin="$root/$bin"
seconds=${BENCH_SECONDS:-$bench_seconds}
connections=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}
io_threads=${BENCH_IO_THREADS:-2}

say() { printf '%s: %s\n' "$bench_name" "$*" >&2; }
die() { say "error: $*"; exit 1; }

# The server binary and each tool named must be there.
require_tools() { # tool...
    [[ -x $bin ]] || die "no server binary at $bin (run 'make build', or set HOUQIN_BIN)"
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || die "$tool is missing (apt-get install $tool)"
    done
}

# A port the kernel reports free right now on 127.0.0.1.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits up to tries tenths of a second for url to answer; dies when pid exits first (with exited_message, then what
# exited_output_file holds by then) or url never answers.
await_http() { # url pid tries what exited_message [exited_output_file]
    local url=$1 pid=$2 tries=$3 what=$4 exited_message=$5 exited_output=${6:-}
    for _ in $(seq "$tries"); do
        curl -fsS -m 2 -o /dev/null "$url" 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || die "$exited_message${exited_output:+$(cat "$exited_output")}"
        sleep 0.1
    done
    curl -fsS -m 2 -o /dev/null "$url" || die "$what does not answer on $url"
}

# Starts `houqin serve` on a free port of 127.0.0.1 (--web-dir '', --threads, --io-threads, then the arguments given)
# and waits for /healthz. Sets server_pid and server_port, and adds the pid to server_pids. (Functions that start
# things set globals rather than print: a command substitution would run them in a subshell, which the cleanup trap
# cannot see.)
server_pids=()
server_pid=''
server_port=''
start_houqin() { # db_url log [serve arguments...]
    local url=$1 log=$2
    shift 2
    server_port=$(free_port)
    "$bin" serve --db "$url" --listen "127.0.0.1:$server_port" --web-dir '' --threads "$threads" \
        --io-threads "$io_threads" "$@" >"$log" 2>&1 &
    server_pid=$!
    server_pids+=("$server_pid")
    await_http "http://127.0.0.1:$server_port/healthz" "$server_pid" 200 houqin "houqin exited on start (see $log)"
}

# Starts nginx with its files in dir/nginx (nginx.conf, error.log, temp/) listening on nginx_port, which the caller
# took with free_port and names in http_directives (its server blocks and whatever else the http block needs beyond
# the settings common to both benchmarks); waits until path answers. Sets nginx_pid.
nginx_port=''
nginx_pid=''
start_nginx() { # dir path http_directives
    local dir=$1 path=$2 directives=$3 user_line=''
    mkdir -p "$dir/nginx/temp"
    [[ $(id -u) -eq 0 ]] && user_line='user root;'
    cat >"$dir/nginx/nginx.conf" <<CONF
$user_line
worker_processes auto;
daemon off;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 1000000;
    keepalive_timeout 65;
    client_body_temp_path $dir/nginx/temp;
    proxy_temp_path $dir/nginx/temp;
    fastcgi_temp_path $dir/nginx/temp;
    uwsgi_temp_path $dir/nginx/temp;
    scgi_temp_path $dir/nginx/temp;
$directives
}
CONF
    nginx -e "$dir/nginx/error.log" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" >"$dir/nginx/stdout.log" 2>&1 &
    nginx_pid=$!
    await_http "http://127.0.0.1:$nginx_port$path" "$nginx_pid" 50 nginx 'nginx exited on start: ' \
        "$dir/nginx/stdout.log"
}

# Stops a process this script started: the signal (TERM unless named), up to 5 s, then KILL.
stop_process() { # pid [signal]
    local pid=$1 signal=${2:-TERM}
    if kill -0 "$pid" 2>/dev/null; then
        kill -"$signal" "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

# Every houqin started by start_houqin, then nginx (QUIT: it finishes its requests).
stop_servers() {
    local pid
    for pid in "${server_pids[@]}"; do stop_process "$pid"; done
    server_pids=()
    [[ -z $nginx_pid ]] || stop_process "$nginx_pid" QUIT
    nginx_pid=''
}

# One wrk run into out: 2 threads, $connections connections, $seconds s, --latency; wrk leaves requests that hit its
# --timeout (10 s) out of the latency figures and counts them under "Socket errors: ... timeout N" (socket_errors_of).
run_wrk_into() { # out what url [wrk arguments...]
    local out=$1 what=$2 url=$3
    shift 3
    timeout $((seconds + 60)) wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency "$@" "$url" \
        >"$out" </dev/null || die "wrk failed on $what"
}
# A wrk output that measured something and had only 2xx and 3xx answers, or the benchmark fails.
check_wrk() { # out what
    grep -q '^Requests/sec:' "$1" || die "no Requests/sec in the wrk output for $2"
    if grep -q 'Non-2xx or 3xx responses' "$1"; then die "$2 answered with errors under load ($1)"; fi
}

# "Requests/sec: 1234.56" -> 1234.56; the "99%" line of --latency in us/ms/s -> ms; what follows "Socket errors:"
# (nothing when there were none).
rps_of() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
p99_ms_of() {
    awk '$1 == "99%" {
        v = $2; unit = v; sub(/^[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
        f = unit == "us" ? 0.001 : unit == "ms" ? 1 : unit == "s" ? 1000 : unit == "m" ? 60000 : -1
        if (f < 0) exit 1
        printf "%.2f\n", v * f }' "$1"
}
socket_errors_of() { awk '/Socket errors:/ { sub(/^ *Socket errors: */, ""); print }' "$1"; }
