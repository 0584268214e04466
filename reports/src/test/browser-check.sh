#!/usr/bin/env bash
# Opens a generated report in headless Chromium, saves a screenshot and fails if the browser logs
# a console error or a network request. Not part of CI; needs the Debian package `chromium`.
#
#   reports/src/test/browser-check.sh path/to/report.html [/tmp/report.png]
#   BROWSER_WINDOW=1400,1000 reports/src/test/browser-check.sh ...   # the first screen only (default 1400,4000)
set -euo pipefail
report=$(readlink -f "${1:?usage: browser-check.sh REPORT.html [SCREENSHOT.png]}")
png=${2:-/tmp/report.png}
profile=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$profile" "$log"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$profile" --enable-logging=stderr --v=0 \
  --screenshot="$png" --window-size=${BROWSER_WINDOW:-1400,4000} "file://$report" 2>"$log" || true
echo "screenshot: $png"
if grep -E "CONSOLE|Uncaught|ERR_|Refused to" "$log"; then
  echo "browser-check: console errors or blocked requests above" >&2
  exit 1
fi
echo "browser-check: no console errors"
