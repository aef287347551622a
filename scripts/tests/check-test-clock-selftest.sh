#!/usr/bin/env bash
# Proves scripts/check-test-clock.sh can fail: each line of a planted file must be caught on its own, and a clean file
# (dates from the clock module, demo passwords with a year) must pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
bad_lines=(
  "const code = 'HT-2026-0001';"
  "assert.match(text, /^XM-2027-\\d{4}\$/);"
  "const signed = { signed_on: '2026-11-28' };"
  "const period = '2027-01';"
  "const survey = { period: '2026-Q3' };"
  "const title = '2026年第三季度';"
  "const started = Date.now();"
  "const today = new Date();"
)
for line in "${bad_lines[@]}"; do
  printf '%s\n' "$line" >"$work/bad.test.mjs"
  if bash scripts/check-test-clock.sh "$work/bad.test.mjs" 2>/dev/null; then
    echo "check-test-clock self-test: FAILED: not caught: $line" >&2
    exit 1
  fi
done
cat >"$work/good.test.mjs" <<'GOOD'
import { TEST_NOW, day, month } from '../../server/tests/clock.mjs';
// Comments may name HT-2026-0001 to explain what changed.
const password = 'Admin@2026';
const secret = 'Kaibiao#2026-Office';
const started = performance.now();
const signed = { signed_on: day(0), period: month(-1), at: new Date(TEST_NOW) };
GOOD
bash scripts/check-test-clock.sh "$work/good.test.mjs" >/dev/null
# A file that is not there was not checked: the check must fail, not pass it.
if bash scripts/check-test-clock.sh "$work/good.test.mjs" "$work/missing.test.mjs" 2>/dev/null; then
  echo "check-test-clock self-test: FAILED: a missing file passed" >&2
  exit 1
fi
echo "check-test-clock self-test: ${#bad_lines[@]} planted lines caught, the clean file passes"
