#!/usr/bin/env bash
# clang-tidy over the server (.clang-tidy at the root), the C++ part of `make lint`; fails on any finding.
#
#   bash scripts/clang-tidy.sh            every file of server/src but the unit tests
#   bash scripts/clang-tidy.sh REGEX...   the translation units whose path matches one (e.g. '_test\.cpp$': the tests)
#
# It reads build/lint/compile_commands.json (the `lint` preset: configured, never built), where every library, the
# pure parts too (HOUQIN_UNITY_PURE), is a few unity batches of up to twelve files: most of a file's time is the
# standard library, restinio and nlohmann/json it includes, which a batch parses and checks once. File by file it took
# four times the CPU (the staff feature's 21 files: 200 s against 45 s in two batches). The unit tests are left out by
# default for the same reason: each one includes gtest, the JSON library and much of the server, and they cannot be
# batched (their helpers share names).
set -euo pipefail
cd "$(dirname "$0")/.."

tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
if [ -z "$tidy" ]; then
    echo "clang-tidy.sh: clang-tidy is not installed (apt-get install clang-tidy)" >&2
    exit 1
fi
cmake --preset lint >/dev/null
# The one generated source, the API's schemas embedded (server/CMakeLists.txt), written as the build would write it: the
# lint preset is configured, never built, and a unity batch of the platform includes it.
cmake -DROOT="$PWD/server/src" -DOUTPUT="$PWD/build/lint/server/generated/api_schemas.cpp" \
    -P server/cmake/embed_api_schemas.cmake

started=$(date +%s)
units=$(python3 - "$@" <<'EOF'
import json, re, sys
patterns = [re.compile(p) for p in sys.argv[1:]]
for unit in json.load(open("build/lint/compile_commands.json")):
    path = unit["file"]
    if patterns and not any(p.search(path) for p in patterns): continue
    if not patterns and path.endswith("_test.cpp"): continue
    print(path)
EOF
)
echo "clang-tidy: $(wc -l <<<"$units") translation units"
# Each unit's findings are printed at once, so two units' lines never interleave. -Wno-unknown-warning-option: the
# compile commands are GCC's (-Wno-restrict is GCC's only). The counts of warnings clang hid (system headers) are
# dropped. A unit with findings exits 1 and xargs goes on with the rest, then exits 123.
status=0
xargs -P "${JOBS:-$(nproc)}" -n 1 bash -c '
    out=$("$0" -p build/lint --quiet --extra-arg=-Wno-unknown-warning-option "$1" 2>&1) && code=0 || code=1
    out=$(grep -v -E "^[0-9]+ (warnings?|errors?)( and [0-9]+ errors?)? generated\.$" <<<"$out" || true)
    [ -z "$out" ] || printf "%s\n" "$out"
    exit $code' "$tidy" <<<"$units" || status=$?
if [ $status -eq 0 ]; then
    echo "clang-tidy: passed in $(($(date +%s) - started)) s"
else
    echo "clang-tidy: FAILED in $(($(date +%s) - started)) s (the findings above; .clang-tidy lists the checks)"
    exit 1
fi
