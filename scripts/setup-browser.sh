#!/usr/bin/env bash
# The web's end-to-end test drives Debian's Chromium through playwright-core; nothing downloads a browser build.
# Installs the `chromium` package when it is missing and we may (root with apt); otherwise says what to do.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing Debian's chromium for the browser tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "setup: the browser tests need Chromium: install Debian's 'chromium' package or set CHROMIUM_PATH." >&2
exit 1
