#!/usr/bin/env bash
# Acceptance 1 of issue 24 (`patuh serve`): starts the server on a free port, opens a unit's
# questionnaire in a real browser (Chromium through Selenium, scripts/check-serve.py), fills it
# in and submits it twice, reads the live IKM as the unit's officer, then exports the database
# and checks that `patuh validate` takes the export and `patuh score` gives the IKM worked out
# by hand. Also draws the unit's QR poster when qrencode is there.
# Installs what it needs: chromium, chromium-driver and qrencode (Debian), selenium (PyPI).
#   scripts/check-serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || ! command -v qrencode >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq chromium chromium-driver qrencode
fi
if ! python3 -c 'import selenium' >/dev/null 2>&1; then
  python3 -m pip install -q selenium
fi

swift build -q --product patuh
patuh=$(swift build --show-bin-path)/patuh
work=$(mktemp -d "${TMPDIR:-/tmp}/patuh-check-serve.XXXXXX")
registry=Tests/PatuhServeTests/Fixtures/registry.xml
unit=1471-disdukcapil

echo 'rahasia-dukcapil' | "$patuh" serve user add --data "$work/data" --registry "$registry" \
  --name dukcapil --role unit --scope "$unit" --cost 10
"$patuh" serve --data "$work/data" --registry "$registry" --period 2026-S2 --listen 127.0.0.1:0 2>"$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q 'listening on' "$work/serve.log" 2>/dev/null && break
  sleep 0.2
done
base=$(sed -n 's/.*listening on \(http:\/\/[^/]*\)\/.*/\1/p' "$work/serve.log" | head -1)
[ -n "$base" ] || { cat "$work/serve.log"; echo "check-serve: the server did not start" >&2; exit 1; }
echo "check-serve: server at $base"

status=0
python3 -u scripts/check-serve.py "$base" "$unit" dukcapil rahasia-dukcapil || status=1
if command -v qrencode >/dev/null 2>&1; then
  if python3 - "$base/poster/$unit" <<'PY'
import sys, urllib.request
page = urllib.request.urlopen(sys.argv[1]).read().decode()
sys.exit(0 if 'data:image/svg+xml;base64,' in page and '/s/1471-disdukcapil' in page else 1)
PY
  then echo "  ok   the poster carries the questionnaire's QR code"; else echo "  FAIL the poster has no QR code"; status=1; fi
fi
kill $server; wait $server 2>/dev/null || true
trap - EXIT

"$patuh" serve export --data "$work/data" --out "$work/export"
"$patuh" validate "$work/export" -q || { echo "  FAIL patuh validate refused the export"; status=1; }
"$patuh" score --rubric skm-2017 --period 2026-S2 "$work/export" --out "$work/score" -q || status=1
# Respondent 1 answered 4 4 3 3 4 4 3 3 2, respondent 2 answered 3 to all nine:
# NRR 3.5 3.5 3 3 3.5 3.5 3 3 2.5, sum 28.5, IKM = 25 * 28.5 / 9 = 79.1666... -> 79.17.
row=$(python3 - "$work/score/units.csv" "$unit" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if r["unit_id"] == sys.argv[2]:
        print(r["score"], r["respondents"], r["ind_U9"])
PY
)
if [ "$row" = "79.17 2 2.50" ]; then echo "  ok   patuh score on the export: IKM 79.17, 2 respondents, NRR U9 2.50"
else echo "  FAIL patuh score on the export gave '$row', expected '79.17 2 2.50'"; status=1; fi
exit $status
