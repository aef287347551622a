#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the API tests (STYLE.md: the same suite runs on SQLite and PostgreSQL).
#
#   scripts/pg-test.sh start   initdb + start on a free port, print postgresql://postgres@127.0.0.1:PORT/postgres
#   scripts/pg-test.sh stop    stop it and remove its folder
#   scripts/pg-test.sh url     print the URL of the running cluster
#
# Environment: PG_TEST_DIR (default $PWD/build/pg-test), PG_TEST_PORT (default 55432; the next free port is used
# when it is taken), PG_BIN (default /usr/lib/postgresql/15/bin).
#
# The server refuses to run as root, so as root every PostgreSQL command runs as the `postgres` user. That user must
# be able to reach the data folder; when PG_TEST_DIR lies under a folder it cannot enter (/root, a 700 home), the
# cluster goes to /tmp/houqin-pg-<uid> instead and PG_TEST_DIR/cluster_dir records where it is.
# Files in PG_TEST_DIR: port, cluster_dir. Files in the cluster folder: data/, log, the Unix socket.
set -euo pipefail

pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
state_dir=${PG_TEST_DIR:-$PWD/build/pg-test}
default_port=${PG_TEST_PORT:-55432}

die() { echo "pg-test: $*" >&2; exit 1; }

# Runs a command as the cluster owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

owner_name() {
    if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi
}

port_in_use() {
    # Something accepts connections on 127.0.0.1:$1 (bash's /dev/tcp; no extra tools needed).
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints the cluster folder recorded by a previous start, or nothing.
recorded_cluster_dir() {
    if [ -f "$state_dir/cluster_dir" ]; then cat "$state_dir/cluster_dir"; fi
}

stop_cluster_in() {
    local cluster_dir=$1
    if [ -n "$cluster_dir" ] && [ -f "$cluster_dir/data/postmaster.pid" ]; then
        as_owner "$pg_bin/pg_ctl" -D "$cluster_dir/data" -m fast -w stop >/dev/null 2>&1 ||
            as_owner "$pg_bin/pg_ctl" -D "$cluster_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
}

# Picks the folder the cluster lives in: the state folder itself when the owner can reach it and the socket path
# fits in sun_path (107 bytes), /tmp/houqin-pg-<uid> otherwise.
choose_cluster_dir() {
    local candidate=$state_dir
    mkdir -p "$candidate"
    candidate=$(cd "$candidate" && pwd -P)
    if [ "$(id -u)" -eq 0 ]; then chown "$(owner_name)" "$candidate"; fi
    if as_owner test -w "$candidate/." -a -x "$candidate/." 2>/dev/null &&
        [ $((${#candidate} + 20)) -lt 100 ]; then
        echo "$candidate"
    else
        echo "/tmp/houqin-pg-$(id -u)"
    fi
}

cmd_start() {
    [ -x "$pg_bin/initdb" ] || die "no PostgreSQL at $pg_bin (install Debian's postgresql, or set PG_BIN)"

    # A cluster from a previous run: stop it and start afresh, the data is throwaway.
    local previous
    previous=$(recorded_cluster_dir)
    stop_cluster_in "$previous"
    stop_cluster_in "$state_dir"
    if [ -n "$previous" ] && [ "$previous" != "$state_dir" ]; then rm -rf "$previous"; fi
    rm -rf "$state_dir"

    local cluster_dir
    cluster_dir=$(choose_cluster_dir)
    mkdir -p "$state_dir"
    if [ "$cluster_dir" != "$(cd "$state_dir" && pwd -P)" ]; then
        stop_cluster_in "$cluster_dir"
        rm -rf "$cluster_dir"
        mkdir -p "$cluster_dir"
        chmod 700 "$cluster_dir"
    fi
    if [ "$(id -u)" -eq 0 ]; then chown "$(owner_name)" "$cluster_dir"; fi

    local port=$default_port
    local last=$((default_port + 100))
    while port_in_use "$port"; do
        port=$((port + 1))
        [ "$port" -le "$last" ] || die "no free port in $default_port..$last"
    done

    as_owner "$pg_bin/initdb" -D "$cluster_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$cluster_dir/initdb.log" 2>&1 ||
        as_owner "$pg_bin/initdb" -D "$cluster_dir/data" -U postgres --auth=trust -E UTF8 --no-locale \
            >"$cluster_dir/initdb.log" 2>&1 ||
        { cat "$cluster_dir/initdb.log" >&2; die "initdb failed"; }

    if ! as_owner "$pg_bin/pg_ctl" -D "$cluster_dir/data" -l "$cluster_dir/log" -w -t 60 \
        -o "-p $port -k $cluster_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
        cat "$cluster_dir/log" >&2 || true
        die "pg_ctl start failed"
    fi

    echo "$cluster_dir" >"$state_dir/cluster_dir"
    echo "$port" >"$state_dir/port"
    cmd_url
}

cmd_stop() {
    local cluster_dir
    cluster_dir=$(recorded_cluster_dir)
    stop_cluster_in "$cluster_dir"
    stop_cluster_in "$state_dir"
    if [ -n "$cluster_dir" ]; then rm -rf "$cluster_dir"; fi
    rm -rf "$state_dir"
}

cmd_url() {
    [ -f "$state_dir/port" ] || die "no test cluster in $state_dir (run: $0 start)"
    echo "postgresql://postgres@127.0.0.1:$(cat "$state_dir/port")/postgres"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    url) cmd_url ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
