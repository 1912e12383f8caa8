#!/usr/bin/env bash
# Runs both suites with the halls' clock (worker/clock.ts) at instants that have caught tests out:
# the 1st of January, a single-digit day in February, the leap day, and ten seconds before a
# Shanghai midnight (16:00 UTC). `npm run test:days` takes about four times as long as `npm test`.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
for at in ${TONGBAN_DAYS:-2028-01-01T09:00:00+08:00 2028-02-09T09:00:00+08:00 2028-02-29T09:00:00+08:00 2028-02-29T23:59:50+08:00}; do
  echo "== TONGBAN_CLOCK=$at"
  TONGBAN_CLOCK="$at" npx vitest run ${SUITES:-} || status=1
  TONGBAN_CLOCK="$at" npx vitest run --config vitest.browser.config.ts ${SUITES:-} || status=1
done
exit $status
