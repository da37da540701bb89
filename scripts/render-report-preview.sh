#!/usr/bin/env bash
# Usage: scripts/render-report-preview.sh <report.json> <out.png>
# Renders a ConsolidatedReport saved as JSON to DOCX (reports/docx/), converts it to PDF with LibreOffice headless and
# pictures page 1 at 70 dpi with poppler's pdftoppm: how docs/report-first-page.png is made from a simulate run.
set -euo pipefail
if [ "$#" -ne 2 ]; then
  echo "usage: $0 <report.json> <out.png>" >&2
  exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$0: $tool is missing: run bash scripts/setup-office.sh" >&2; exit 1; }
done
input=$(readlink -f "$1")
output=$(readlink -f "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The project's Node 24 and tsx, as npm scripts run them.
PATH="$root/node_modules/.bin:$PATH" tsx "$root/scripts/render-report-docx.ts" "$input" "$work/report.docx"
if ! soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
  --convert-to pdf --outdir "$work" "$work/report.docx" >/dev/null 2>"$work/soffice.err"; then
  cat "$work/soffice.err" >&2
  exit 1
fi
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$work/report.pdf" "${output%.png}"
echo "$output"
