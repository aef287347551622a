#!/usr/bin/env bash
# Runs every libFuzzer target of build/fuzz (server/fuzz/*_fuzz.cpp) for FUZZ_SECONDS each (default 60), from its
# seed corpus, and fails if any finds a crash, a leak, a sanitizer report, a failed property or a timeout.
#   FUZZ_SECONDS=600 bash server/fuzz/run.sh             every target, ten minutes each (`make fuzz`)
#   FUZZ_SECONDS=300 bash server/fuzz/run.sh money time   only those
# The committed seeds (server/fuzz/corpus/<name>/) are read, never written: what a run finds goes to
# build/fuzz/corpus/<name>/, so the next run starts from there, and a crashing input to build/fuzz/artifacts/<name>/.
# To keep a found input as a seed: copy it into server/fuzz/corpus/<name>/ (small files only) and commit it.
# Each target's last line (runs, exec/s, cov, ft) is printed in a table at the end (docs/reliability.md).
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-60}
bin=build/fuzz/server/fuzz

if [ $# -gt 0 ]; then
  names=("$@")
else
  names=()
  for source in server/fuzz/*_fuzz.cpp; do
    name=$(basename "$source" _fuzz.cpp)
    names+=("$name")
  done
fi

summary=()
failed=()
for name in "${names[@]}"; do
  target=$bin/${name}_fuzz
  if [ ! -x "$target" ]; then
    echo "fuzz: $target is missing; build it with: cmake --preset fuzz && cmake --build --preset fuzz" >&2
    exit 2
  fi
  work=build/fuzz/corpus/$name
  artifacts=build/fuzz/artifacts/$name/
  mkdir -p "$work" "$artifacts"
  log=build/fuzz/$name.log
  echo "fuzz: $name for ${seconds}s"
  # -timeout: one input taking over 10 s is a hang, reported as a failure like a crash.
  "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts" "$work" "server/fuzz/corpus/$name" >"$log" 2>&1
  status=$?
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$')
  rate=$(grep -oE '^stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$')
  cov=$(echo "$last" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+')
  ft=$(echo "$last" | grep -oE 'ft: [0-9]+' | grep -oE '[0-9]+')
  summary+=("$(printf '%-12s %12s %10s %6s %6s' "$name" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}")")
  if [ $status -ne 0 ]; then
    failed+=("$name")
    echo "fuzz: $name FAILED (exit $status); the input is in $artifacts, the log in $log:" >&2
    grep -E 'ERROR|property failed|SUMMARY|Test unit written|runtime error' "$log" | head -20 >&2
  fi
done

printf '%-12s %12s %10s %6s %6s\n' target runs exec/s cov ft
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: ${#names[@]} targets, ${seconds}s each, no crash"
