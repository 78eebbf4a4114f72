#!/usr/bin/env bash
# Runs ODK Validate (the JavaRosa engine of ODK Collect) over generated XForms.
#   scripts/odk-validate.sh FORM.xml...
# ODK_Validate.jar ships inside pyxform (PyPI). If pyxform is not importable by python3, it is
# installed with pip into a virtual environment ($PATUH_ODK_VENV, default
# ~/.cache/patuh/odk-venv), or with --user when venv is unavailable. Needs java on PATH.
#   scripts/odk-validate.sh --install     only install pyxform if it is missing (.ci/run does,
#                                         before the tests, which then never reach the network)
# With PATUH_ODK_OFFLINE=1 nothing is installed: a missing pyxform is an error (exit 2).
# Exit status: 0 every form valid, 1 some form invalid, 2 cannot run (no java, no jar).
set -uo pipefail
[ $# -gt 0 ] || { echo "usage: scripts/odk-validate.sh FORM.xml... | --install" >&2; exit 2; }
install_only=0
[ "$1" = --install ] && install_only=1
[ $install_only = 1 ] || command -v java >/dev/null 2>&1 || { echo "odk-validate: java is not installed (Debian: apt-get install default-jre-headless)" >&2; exit 2; }

find_jar() {  # python -> prints the jar's path
  "$1" - <<'PY' 2>/dev/null
import os, pyxform
base = os.path.dirname(pyxform.__file__)
for root, _, files in os.walk(base):
    if "ODK_Validate.jar" in files:
        print(os.path.join(root, "ODK_Validate.jar"))
        break
PY
}

python=$(command -v python3 || true)
[ -n "$python" ] || { echo "odk-validate: python3 is not installed" >&2; exit 2; }
jar=$(find_jar "$python")
if [ -z "$jar" ]; then
  venv=${PATUH_ODK_VENV:-$HOME/.cache/patuh/odk-venv}
  if [ ! -x "$venv/bin/python" ] || [ -z "$(find_jar "$venv/bin/python")" ]; then
    if [ "${PATUH_ODK_OFFLINE:-0}" = 1 ]; then
      echo "odk-validate: pyxform is not installed and PATUH_ODK_OFFLINE=1: run scripts/odk-validate.sh --install first" >&2
      exit 2
    fi
    echo "odk-validate: installing pyxform into $venv" >&2
    if "$python" -m venv "$venv" >/dev/null 2>&1; then
      "$venv/bin/python" -m pip install -q pyxform >&2 || { echo "odk-validate: pip install pyxform failed" >&2; exit 2; }
      python="$venv/bin/python"
    else
      # No venv module (Debian's python3 without python3-venv): the user's site-packages,
      # past PEP 668's guard if the system Python has one (only ~/.local is written).
      "$python" -m pip install -q --user pyxform >&2 \
        || "$python" -m pip install -q --user --break-system-packages pyxform >&2 \
        || { echo "odk-validate: pip install --user pyxform failed" >&2; exit 2; }
    fi
  else
    python="$venv/bin/python"
  fi
  jar=$(find_jar "$python")
fi
[ -n "$jar" ] && [ -f "$jar" ] || { echo "odk-validate: ODK_Validate.jar not found inside pyxform" >&2; exit 2; }
echo "odk-validate: $jar" >&2
[ $install_only = 1 ] && exit 0

failed=0
for form in "$@"; do
  if output=$(java -Djava.awt.headless=true -jar "$jar" "$form" 2>&1); then
    echo "$form: valid"
    # Warnings are printed but do not fail the form.
    printf '%s\n' "$output" | grep -i 'warning' | sed "s|^|  |" || true
  else
    echo "$form: INVALID"
    printf '%s\n' "$output" | sed "s|^|  |"
    failed=1
  fi
done
exit $failed
