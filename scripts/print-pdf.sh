#!/usr/bin/env bash
# PDFs of the printable SKM reports of a site written by `patuh report` (skm rubrics):
# DIR/print/unit/*.html and DIR/print/region/*.html become DIR/pdf/unit/*.pdf and
# DIR/pdf/region/*.pdf (or under OUT when given), A4 through the site's print stylesheet.
#
#   scripts/print-pdf.sh DIR [OUT]
#
# Uses Debian's chromium (--headless --print-to-pdf) and checks each PDF with pdftotext
# (poppler-utils); installs both with apt-get when they are missing.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: scripts/print-pdf.sh DIR [OUT]" >&2
  exit 2
fi
dir=$(cd "$1" && pwd)
out=${2:-$dir/pdf}
if [ ! -d "$dir/print" ]; then
  echo "print-pdf: no $dir/print: write the site with 'patuh report --rubric skm-2017 ...'" >&2
  exit 2
fi

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "print-pdf: installing ${need[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# One page: its own Chromium profile (a shared one hands a second start over to the first
# browser, which then writes nothing), the PDF checked with pdftotext.
render() {
  page=$1
  pdf=$2
  profile=$(mktemp -d)
  rm -f "$pdf"
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$page" >/dev/null 2>&1 || true
  rm -rf "$profile"
  if [ -s "$pdf" ] && pdftotext -q "$pdf" - | grep -q "IKM"; then
    echo ok
  else
    echo "print-pdf: $page: no PDF written, or it has no IKM in its text" >&2
    echo failed
  fi
}
export -f render

jobs=()
for kind in unit region; do
  [ -d "$dir/print/$kind" ] || continue
  mkdir -p "$out/$kind"
  for page in "$dir/print/$kind"/*.html; do
    [ -e "$page" ] || continue
    jobs+=("$page" "$out/$kind/$(basename "$page" .html).pdf")
  done
done
# As many pages at a time as there are cores.
results=$(printf '%s\0' "${jobs[@]}" | xargs -0 -n 2 -P "$(nproc)" bash -c 'render "$0" "$1"')
count=$(printf '%s\n' "$results" | grep -c '^ok$' || true)
failed=$(printf '%s\n' "$results" | grep -c '^failed$' || true)
echo "print-pdf: $count PDF files in $out; $failed failed" >&2
[ "$failed" -eq 0 ]
