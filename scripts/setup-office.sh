#!/usr/bin/env bash
# The consolidated report's DOCX is checked by converting it with LibreOffice headless (test/reports/docx/), and its
# first page is pictured with poppler's pdftoppm (scripts/render-report-preview.sh). Installs Debian's packages when
# they are missing and we may (root with apt); otherwise says what to do.
set -euo pipefail
packages=()
command -v soffice >/dev/null 2>&1 || packages+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils)
# Liberation Serif has Times New Roman's metrics: without it LibreOffice lays the report out in another font.
fc-list 2>/dev/null | grep -q 'Liberation Serif' || packages+=(fonts-liberation2)
if [ "${#packages[@]}" = 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing ${packages[*]} for the report tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  exit 0
fi
echo "setup: the report tests need LibreOffice and poppler: install Debian's ${packages[*]}." >&2
exit 1
