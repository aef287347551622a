#!/usr/bin/env bash
# The suites run on an injected clock (server/tests/clock.mjs): a test that writes a year or reads the machine's clock
# passes today and fails on some later 1 January. This check, run by `make lint` (and so by `make test`), fails on:
#   - a contract or project code with a year (HT-2026-0001, XM-2027-…): use contractCode()/projectCode()/codePattern()
#   - a date, month or quarter literal with a year (2026-11-28, '2027-01', 2026-Q3, 2026年): use day(), month(),
#     dateOfYear(), quarter()
#   - the real clock: Date.now(), new Date() with no argument, performance.timeOrigin: use TEST_NOW, or
#     performance.now() to measure elapsed time
# Passwords and secrets of the demo accounts (Admin@2026, Kaibiao#2026-Office) are not dates and are allowed.
#   scripts/check-test-clock.sh [FILE ...]    default: every test file and test helper of the API and browser suites
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -gt 0 ]]; then
  files=("$@")
else
  mapfile -t files < <(ls server/tests/api/*.mjs server/tests/reliability/*.mjs web/tests/e2e/*.mjs 2>/dev/null)
fi

# A year is 19xx or 20xx; codes are two or more capitals, a dash and the year.
patterns=(
  '[A-Z]{2,}-(19|20)[0-9]{2}-'                          # contract/project code with a year
  '(^|[^0-9A-Za-z@#])(19|20)[0-9]{2}-[01][0-9]([^0-9]|$)'      # YYYY-MM or YYYY-MM-DD
  '(^|[^0-9A-Za-z@#])(19|20)[0-9]{2}-Q[1-4]'                   # YYYY-Qn
  '(19|20)[0-9]{2}年'                                           # 2026年
  'Date\.now\('                                                 # the real clock
  'new Date\(\s*\)'
  'performance\.timeOrigin'
)
names=(
  "a contract or project code with a year (use contractCode/projectCode/codePattern from server/tests/clock.mjs)"
  "a date or month with a year (use day/month/dateOfYear from server/tests/clock.mjs)"
  "a quarter with a year (use quarter from server/tests/clock.mjs)"
  "a year written in Chinese (build it from YEAR in server/tests/clock.mjs)"
  "the real clock, Date.now() (use TEST_NOW, or performance.now() for elapsed time)"
  "the real clock, new Date() (use TEST_NOW_DATE)"
  "the real clock, performance.timeOrigin"
)

failed=0
for file in "${files[@]}"; do
  # A file that cannot be read was not checked: that is a failure, not a pass.
  if [[ ! -r $file || ! -f $file ]]; then
    echo "check-test-clock: $file: no such readable file" >&2
    failed=1
    continue
  fi
  for index in "${!patterns[@]}"; do
    # Comments may quote the old habits to explain them; code may not.
    if hits=$(grep -nE "${patterns[$index]}" "$file" | grep -vE '^[0-9]+:\s*(//|\*|/\*|#)'); then
      while IFS= read -r hit; do
        echo "check-test-clock: $file:${hit%%:*}: ${names[$index]}: ${hit#*:}" >&2
        failed=1
      done <<<"$hits"
    fi
  done
done
if ((failed)); then
  echo "check-test-clock: FAILED: tests must take every date from server/tests/clock.mjs" >&2
  exit 1
fi
echo "check-test-clock: ${#files[@]} files, no year written and no real clock read"
