#!/usr/bin/env bash
# make mutants (docs/testing.md, "Mutation check"): changes each comparison operator of the rules in turn
# (< to <=, <= to <, > to >=, >= to >, == to !=, != to ==), rebuilds the rules' unit and case tests, runs them, and
# reports every change that no test noticed. Not part of `make test`: it takes minutes.
#
#   scripts/mutants.sh [FILE...]   default: every server/src/features/*/rules/*.cpp and *.h except the tests
#
# The mutants are made in a copy of the sources (build/mutants/tree), never in the checkout, so a build of the
# checkout running at the same time never compiles one. The copied file is restored after each mutant, and on any
# exit (failure, Ctrl-C, kill) by a trap, which runs once the compile or test step in progress has ended; a copy left
# mutated by a SIGKILL is replaced at the next start, because the copy is re-synced from the checkout first.
#
# Outcomes: killed (a test failed or the test binary crashed), killed by the compiler (the mutant does not build: it
# cannot ship either), killed by the timeout (the tests ran longer than MUTANTS_TEST_TIMEOUT seconds: a loop that no
# longer ends), survived, or equivalent (survived, and scripts/mutants/allow.txt says why no behaviour can change).
# Equivalent mutants are not counted as survivors. The exit status is 1 when a mutant survives in a file of
# STRICT_FILES (the rules whose goal is zero survivors), or when an allow-list entry is stale (a test now notices its
# mutant, or it matches none), so the list cannot hide a missing test.
# The last line reads exactly: mutants: total=N survived=M
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${MUTANTS_DIR:-$root/build/mutants}
tree=$work/tree
build=$work/build
logs=$work/logs
sites=$root/scripts/mutants/sites.py
allow_file=$root/scripts/mutants/allow.txt
test_timeout=${MUTANTS_TEST_TIMEOUT:-20}  # the unmutated tests take well under a second
build_timeout=${MUTANTS_BUILD_TIMEOUT:-900}
jobs=${MUTANTS_JOBS:-2}
STRICT_FILES=${STRICT_FILES:-"policy_engine bid_evaluation procurement_route"}

cd "$root" || exit 2
if [[ $# -gt 0 ]]; then
    files=()
    for file in "$@"; do
        # Paths relative to the checkout: they are the allow-list's keys.
        files+=("$(realpath --relative-to="$root" "$file")") || exit 2
    done
else
    files=()
    for file in server/src/features/*/rules/*.cpp server/src/features/*/rules/*.h; do
        [[ $file == *_test.cpp ]] || files+=("$file")
    done
fi

# ---- restore on every exit ----------------------------------------------------------------------------------------
mutated=""  # the file of the copy that holds a mutant right now
restore() {
    if [[ -n $mutated ]]; then
        # A plain copy (new time stamp), so ninja rebuilds the original before the next mutant links against it.
        cp "$work/original" "$tree/$mutated"
        mutated=""
    fi
}
trap restore EXIT
trap 'restore; echo "mutants: interrupted" >&2; exit 130' INT
trap 'restore; echo "mutants: terminated" >&2; exit 143' TERM

mkdir -p "$work" "$logs"
python3 "$sites" sync "$root" "$tree" server/src/core server/src/features || exit 2
if [[ ! -f $build/build.ninja ]]; then
    cmake -S "$root/scripts/mutants" -B "$build" -G Ninja -DHOUQIN_TREE="$tree" >"$logs/configure.log" 2>&1 ||
        { cat "$logs/configure.log"; exit 2; }
fi

run_tests() {  # $1: log file. The subshell keeps bash's "Segmentation fault" notice in the log, not on the screen.
    (
        timeout "$test_timeout" "$build/houqin_rules_tests" --gtest_brief=1 --gtest_fail_fast >"$1" 2>&1
        exit $?  # not the subshell's last command, so it is not exec'd and reports a crash itself
    ) 2>>"$1"
}

echo "mutants: building the rules and their tests without mutants (build/mutants, -O0, no sanitizers)"
if ! nice ninja -C "$build" -j "$jobs" houqin_rules_tests >"$logs/baseline-build.log" 2>&1; then
    tail -n 40 "$logs/baseline-build.log"
    echo "mutants: the unmutated sources do not build" >&2
    exit 2
fi
if ! run_tests "$logs/baseline-tests.log"; then
    tail -n 40 "$logs/baseline-tests.log"
    echo "mutants: the tests fail without any mutant; fix them first" >&2
    exit 2
fi

# ---- the allow-list (scripts/mutants/allow.txt): equivalent mutants, each with the reason ---------------------
declare -A allowed=()
declare -A allowed_used=()
if [[ -f $allow_file ]]; then
    allow_rows=$(python3 "$sites" allow "$allow_file") || exit 2
    while IFS=$'\t' read -r key reason; do
        [[ -n $key ]] && allowed[$key]=$reason
    done <<<"$allow_rows"
fi

mapfile -t mutants < <(python3 "$sites" list "${files[@]}")
total=${#mutants[@]}
echo "mutants: $total mutants in ${#files[@]} files"

declare -A file_total=() file_survived=() file_equivalent=()
killed=0 killed_compile=0 killed_timeout=0 killed_crash=0 survived=0 equivalent=0 strict_survivors=0 stale=0
survivor_lines=()
index=0
for row in "${mutants[@]}"; do
    IFS=$'\t' read -r file line column operator replacement occurrence site text <<<"$row"
    index=$((index + 1))
    file_total[$file]=$((${file_total[$file]:-0} + 1))
    label="$file:$line:$column  '$operator' -> '$replacement'  $text"
    key="$file|$occurrence|$site|$text"

    cp "$tree/$file" "$work/original"
    mutated=$file
    python3 "$sites" apply "$work/original" "$tree/$file" "$line" "$column" "$operator" "$replacement" || exit 2
    log="$logs/mutant-$index.log"
    timeout "$build_timeout" nice ninja -C "$build" -j "$jobs" houqin_rules_tests >"$log" 2>&1
    built=$?
    if [[ $built -ne 0 ]]; then
        outcome="killed (does not compile)"
        [[ $built -eq 124 ]] && outcome="killed (build timed out)"
        killed=$((killed + 1))
        killed_compile=$((killed_compile + 1))
    else
        run_tests "$log"
        tested=$?
        if [[ $tested -eq 124 ]]; then
            outcome="killed (timeout)"
            killed=$((killed + 1))
            killed_timeout=$((killed_timeout + 1))
        elif [[ $tested -gt 128 ]]; then
            outcome="killed (crashed)"  # a signal: an index past the end (_GLIBCXX_ASSERTIONS) or worse
            killed=$((killed + 1))
            killed_crash=$((killed_crash + 1))
        elif [[ $tested -ne 0 ]]; then
            outcome="killed"
            killed=$((killed + 1))
        elif [[ -n ${allowed[$key]+set} ]]; then
            outcome="equivalent"
            equivalent=$((equivalent + 1))
            file_equivalent[$file]=$((${file_equivalent[$file]:-0} + 1))
        else
            outcome="SURVIVED"
            survived=$((survived + 1))
            file_survived[$file]=$((${file_survived[$file]:-0} + 1))
            survivor_lines+=("$label")
            for name in $STRICT_FILES; do
                [[ $file == */$name.cpp || $file == */$name.h ]] && strict_survivors=$((strict_survivors + 1))
            done
        fi
    fi
    if [[ -n ${allowed[$key]+set} ]]; then
        allowed_used[$key]=1
        if [[ $outcome != equivalent ]]; then
            echo "mutants: allow-list entry is stale, a test now notices it: $key" >&2
            stale=$((stale + 1))
        fi
    fi
    restore
    printf '[%d/%d] %-26s %s\n' "$index" "$total" "$outcome" "$label"
    [[ $outcome == equivalent ]] && printf '        equivalent: %s\n' "${allowed[$key]}"
done

for key in "${!allowed[@]}"; do
    if [[ -z ${allowed_used[$key]+set} ]]; then
        # Only an entry for a file that was mutated in this run can be judged.
        for file in "${files[@]}"; do
            if [[ $key == "$file|"* ]]; then
                echo "mutants: allow-list entry matches no mutant: $key" >&2
                stale=$((stale + 1))
            fi
        done
    fi
done

echo
echo "per file (total / survived / equivalent):"
for file in "${files[@]}"; do
    [[ -n ${file_total[$file]+set} ]] || continue
    printf '  %-42s %3d / %d / %d\n' "$file" "${file_total[$file]}" "${file_survived[$file]:-0}" \
        "${file_equivalent[$file]:-0}"
done
if [[ ${#survivor_lines[@]} -gt 0 ]]; then
    echo "survivors (no test noticed these changes):"
    printf '  %s\n' "${survivor_lines[@]}"
fi
echo "mutants: killed=$killed (of which $killed_compile did not compile, $killed_timeout timed out and" \
    "$killed_crash crashed) equivalent=$equivalent (scripts/mutants/allow.txt)"
status=0
if [[ $strict_survivors -gt 0 ]]; then
    echo "mutants: $strict_survivors survivor(s) in $STRICT_FILES, where the goal is none" >&2
    status=1
fi
[[ $stale -gt 0 ]] && status=1
echo "mutants: total=$total survived=$survived"
exit $status
