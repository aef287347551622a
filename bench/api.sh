#!/usr/bin/env bash
# Load benchmark of the vendor list API (see docs/performance.md).
#
# 1. A fresh SQLite database with 100,000 vendors, seeded directly in SQL.
# 2. houqin serves it on a free loopback port; one admin session.
# 3. nginx serves a static file of exactly the size of one API answer on another loopback port.
# 4. wrk hits both, one after the other, with the same parameters.
# Last line: api-bench: houqin_rps=N nginx_rps=N ratio=R p99_ms=P
#
# Environment: HOUQIN_BIN (default build/houqin), BENCH_SECONDS (15), BENCH_CONNECTIONS (64),
# BENCH_THREADS / BENCH_IO_THREADS (server --threads / --io-threads, defaults are the best measured on 2 cores),
# BENCH_VENDORS (100000), BENCH_KEEP_DB=PATH (copy the seeded database there, for profiling),
# BENCH_EXTRA_SQL (run on the seeded database before the server starts, for experiments with indexes).
# Everything is bounded in time and all traffic stays on 127.0.0.1.
set -euo pipefail

bench_name=api-bench
bench_seconds=15
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
vendors=${BENCH_VENDORS:-100000}
url_path='/api/v1/vendors?page=1&page_size=20&status=active&sort=name&order=asc'

require_tools sqlite3 curl wrk nginx python3

tmp=$(mktemp -d "${TMPDIR:-/tmp}/houqin-bench.XXXXXX")
cleanup() {
    local status=$?
    stop_servers
    wait 2>/dev/null || true
    if [[ $status -ne 0 ]]; then
        for log in "$tmp/server.log" "$tmp/nginx/error.log"; do
            [[ -s $log ]] && { say "last lines of $log:"; tail -n 20 "$log" >&2; }
        done
    fi
    rm -rf "$tmp"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------------
# 1. Database
# ---------------------------------------------------------------------------------------------------------------
db="$tmp/bench.db"
"$bin" migrate --db "sqlite:$db" >"$tmp/migrate.log" 2>&1 || { cat "$tmp/migrate.log" >&2; die "migrate failed"; }
"$bin" user add --db "sqlite:$db" --username bench --password 'Bench@12345' --role admin \
    >"$tmp/user.log" 2>&1 || { cat "$tmp/user.log" >&2; die "user add failed"; }

root_org_id=$(sqlite3 "$db" 'SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY id LIMIT 1')
root_org_path=$(sqlite3 "$db" "SELECT path FROM orgs WHERE id = $root_org_id")
[[ -n $root_org_id && -n $root_org_path ]] || die "no root organisation after 'user add'"
[[ $root_org_path =~ ^[/0-9]+$ ]] || die "unexpected org path '$root_org_path'"

# The vendors are written directly in SQL, in one transaction, not through the API: the API would also write one
# audit entry (hash-chained) per vendor and take minutes, and this benchmark measures reads only.
# The credit codes are unique and 18 characters long, but their check digit is NOT valid: the read path never
# validates them, so that does not matter here (the write path would reject them).
# Names are built from pseudo-random parts (place, trade name, line of business) so that the order by name has
# nothing to do with the insertion order. 90% of the vendors are active, 10% suspended; every tenth vendor has two
# qualifications, and vendors.earliest_expiry is their earliest valid_until, as the server keeps it.
say "seeding $vendors vendors (root org $root_org_id, path $root_org_path)"
seed_start=$(date +%s.%N)
sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
CREATE TEMP TABLE words (kind TEXT, n INTEGER, word TEXT);
INSERT INTO words SELECT 'place', key, value FROM json_each('["北京","上海","广州","深圳","杭州","南京","成都","武汉","西安","重庆","天津","苏州","长沙","郑州","青岛","济南","合肥","福州","厦门","昆明","佛山","东莞","无锡","宁波","温州","南宁","贵阳","太原","石家庄","哈尔滨","长春","沈阳","大连","兰州","银川","西宁","乌鲁木齐","拉萨","海口","南昌","呼和浩特"]');
INSERT INTO words SELECT 'trade', key, value FROM json_each('["鑫源","恒达","华信","永盛","瑞丰","金桥","宏图","嘉禾","德润","安泰","伟业","中和","天成","博远","新锐","启航","佳美","荣昌","兴旺","汇通","锦绣","盛世","康宁","泰和","同创","众合","万家","明辉","利民","长青","正邦","优家","诚信","祥云","百盛","绿源","蓝天","华联","通达","和美","凯旋","卓越","远航","明珠","晨光","春晖","海纳","山河","东方","南粤"]');
INSERT INTO words SELECT 'line', key, value FROM json_each('["物业管理有限公司","保洁服务有限公司","餐饮管理有限公司","安保服务有限公司","绿化工程有限公司","后勤服务有限公司","设备维保有限公司","人力资源有限公司","物流配送有限公司","环境科技有限公司","家政服务有限公司","电梯工程有限公司"]');
CREATE TEMP TABLE counts AS
  SELECT (SELECT COUNT(*) FROM words WHERE kind = 'place') AS places,
         (SELECT COUNT(*) FROM words WHERE kind = 'trade') AS trades,
         (SELECT COUNT(*) FROM words WHERE kind = 'line') AS lines;

CREATE TEMP TABLE seq AS
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $vendors)
  SELECT i, (i * 2654435761) % 4294967296 AS h FROM n;

INSERT INTO vendors (id, org_id, owner_org_id, owner_path, name, credit_code, legal_representative, contact_name,
                     contact_phone, address, bank_account_name, bank_name, bank_account_no, staff_count,
                     registered_capital_fen, has_training_system, has_management_system, status, earliest_expiry,
                     created_at, updated_at)
SELECT s.i, $root_org_id, $root_org_id, '$root_org_path',
       p.word || t.word || CASE WHEN s.h % 7 = 0 THEN '第' || (s.h / 7 % 9 + 1) || '分' ELSE '' END || l.word,
       '91' || printf('%06d', 110000 + s.h % 800000) || printf('%010d', s.i),
       substr('张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高', 1 + s.h / 13 % 20, 1) || substr('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平', 1 + s.h / 17 % 20, 1),
       substr('张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高', 1 + s.h / 19 % 20, 1) || substr('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平', 1 + s.h / 23 % 20, 1) || '经理',
       '13' || printf('%09d', s.h % 1000000000),
       p.word || '市' || t.word || '路' || (s.h % 300 + 1) || '号',
       p.word || t.word || l.word,
       CASE s.h % 4 WHEN 0 THEN '中国工商银行' WHEN 1 THEN '中国建设银行' WHEN 2 THEN '中国农业银行' ELSE '中国银行' END
         || p.word || '分行',
       '6222' || printf('%015d', s.i * 7919),
       10 + s.h % 490,
       (100 + s.h % 9900) * 1000000,
       s.h % 3 <> 0, s.h % 5 <> 0,
       CASE WHEN s.i % 10 = 7 THEN 'suspended' ELSE 'active' END,
       NULL,
       1700000000000 + s.i * 60000, 1700000000000 + s.i * 60000
FROM seq s, counts c
JOIN words p ON p.kind = 'place' AND p.n = s.h % c.places
JOIN words t ON t.kind = 'trade' AND t.n = s.h / 64 % c.trades
JOIN words l ON l.kind = 'line' AND l.n = s.h / 4096 % c.lines;

-- Every tenth vendor: a business licence and a trade permit, valid until somewhere between 60 days ago and
-- about two years ahead (some expired, some expiring, most fine).
INSERT INTO qualifications (vendor_id, type, cert_no, issuer, valid_from, valid_until, attachment_id, created_at)
SELECT s.i, q.type, 'ZZ-' || printf('%06d', s.i) || '-' || q.k, q.issuer,
       date('now', '-' || (365 + s.h % 700) || ' days'),
       date('now', ((s.h / (q.k * 97)) % 800 - 60) || ' days'),
       NULL, 1700000000000 + s.i * 60000
FROM seq s,
     (SELECT 1 AS k, '营业执照' AS type, '市场监督管理局' AS issuer
      UNION ALL SELECT 2, '服务许可证', '行业主管部门') q
WHERE s.i % 10 = 3;

UPDATE vendors SET earliest_expiry = (SELECT MIN(valid_until) FROM qualifications q WHERE q.vendor_id = vendors.id)
WHERE id IN (SELECT vendor_id FROM qualifications);
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
seed_end=$(date +%s.%N)
say "seeded: $(sqlite3 "$db" "SELECT COUNT(*) || ' vendors (' || SUM(status = 'active') || ' active), '
      || (SELECT COUNT(*) FROM qualifications) || ' qualifications, '
      || (SELECT COUNT(DISTINCT name) FROM vendors) || ' distinct names' FROM vendors") in $(
      python3 -c "print(f'{$seed_end - $seed_start:.1f}')")s"
if [[ -n ${BENCH_EXTRA_SQL:-} ]]; then  # for experiments, e.g. an index: BENCH_EXTRA_SQL='CREATE INDEX ...; ANALYZE;'
    say "extra SQL: $BENCH_EXTRA_SQL"
    sqlite3 "$db" "$BENCH_EXTRA_SQL" >/dev/null
fi
if [[ -n ${BENCH_KEEP_DB:-} ]]; then cp "$db" "$BENCH_KEEP_DB"; fi

# ---------------------------------------------------------------------------------------------------------------
# 2. houqin
# ---------------------------------------------------------------------------------------------------------------
start_houqin "sqlite:$db" "$tmp/server.log"
base="http://127.0.0.1:$server_port"
say "houqin pid $server_pid on $base (--threads $threads --io-threads $io_threads)"

curl -fsS -m 10 -c "$tmp/cookies" -H 'Content-Type: application/json' \
    -d '{"username":"bench","password":"Bench@12345"}' -o /dev/null "$base/api/v1/session" || die "login failed"
session=$(awk '$6 == "houqin_session" { print $7 }' "$tmp/cookies")
[[ -n $session ]] || die "no houqin_session cookie after login"

# ---------------------------------------------------------------------------------------------------------------
# 3. One request to check the answer, and keep its size
# ---------------------------------------------------------------------------------------------------------------
code=$(curl -sS -m 10 -H "Cookie: houqin_session=$session" -o "$tmp/answer.json" -w '%{http_code}' "$base$url_path")
[[ $code == 200 ]] || { head -c 500 "$tmp/answer.json" >&2; die "GET $url_path answered $code"; }
items=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(len(d["items"]), d["total"])' \
    "$tmp/answer.json")
read -r item_count total <<<"$items"
[[ $item_count == 20 ]] || die "expected 20 items, got $item_count"
size=$(stat -c %s "$tmp/answer.json")
say "GET $url_path: 200, $item_count items of $total, $size bytes"

# ---------------------------------------------------------------------------------------------------------------
# 4. nginx on a static file of the same size
# ---------------------------------------------------------------------------------------------------------------
mkdir -p "$tmp/nginx/html"
head -c "$size" /dev/zero | tr '\0' 'x' >"$tmp/nginx/html/vendors.json"
nginx_port=$(free_port)
start_nginx "$tmp" /vendors.json "    sendfile on;
    tcp_nopush on;
    default_type application/json;
    server {
        listen 127.0.0.1:$nginx_port;
        root $tmp/nginx/html;
    }"
nginx_url="http://127.0.0.1:$nginx_port/vendors.json"
nginx_size=$(curl -fsS -m 5 "$nginx_url" | wc -c) || die "nginx does not answer on $nginx_url"
[[ $nginx_size == "$size" ]] || die "nginx served $nginx_size bytes, expected $size"
say "nginx pid $nginx_pid on $nginx_url ($nginx_size bytes)"

# ---------------------------------------------------------------------------------------------------------------
# 5. wrk
# ---------------------------------------------------------------------------------------------------------------
# The socket errors are reported below: a timeout counted there means the real p99 is worse than wrk's.
run_wrk() {  # name url [header]
    local name=$1 url=$2 out="$tmp/wrk-$1.txt"
    shift 2
    say "wrk -t2 -c$connections -d${seconds}s --latency against $name"
    run_wrk_into "$out" "$name" "$url" "$@"
    echo "=== wrk: $name ==="
    cat "$out"
    check_wrk "$out" "$name"
}

run_wrk houqin "$base$url_path" -H "Cookie: houqin_session=$session"
run_wrk nginx "$nginx_url"

houqin_rps=$(rps_of "$tmp/wrk-houqin.txt")
nginx_rps=$(rps_of "$tmp/wrk-nginx.txt")
p99_ms=$(p99_ms_of "$tmp/wrk-houqin.txt")
if [[ -z $p99_ms ]]; then  # not a single request finished within wrk's timeout
    say "houqin: no request finished within 10 s; p99 reported as 10000 ms"
    p99_ms=10000.00
fi
nginx_p99_ms=$(p99_ms_of "$tmp/wrk-nginx.txt")
ratio=$(awk -v a="$houqin_rps" -v b="$nginx_rps" 'BEGIN { printf "%.2f", (b > 0) ? (a / b) : 0 }')
errors_of() { local errors; errors=$(socket_errors_of "$1"); echo "${errors:-none}"; }
say "houqin: socket errors $(errors_of "$tmp/wrk-houqin.txt"); nginx: p99 ${nginx_p99_ms} ms, socket errors $(errors_of "$tmp/wrk-nginx.txt")"
say "server --threads $threads --io-threads $io_threads, $connections connections, ${seconds}s, $size-byte answers, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'api-bench: houqin_rps=%.0f nginx_rps=%.0f ratio=%s p99_ms=%s\n' "$houqin_rps" "$nginx_rps" "$ratio" "$p99_ms"
