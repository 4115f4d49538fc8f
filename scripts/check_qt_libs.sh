#!/usr/bin/env bash
# The README's start command must open the window on a fresh Debian/Ubuntu desktop: install
# exactly the system packages its `sudo apt-get install` line names, then Qt's xcb platform
# plugin (what the window loads) and every library it needs must be found, and the window
# must come up through xcb on a virtual screen when xvfb-run is there.
# Usage: bash scripts/check_qt_libs.sh   (scripts/test.sh runs it after making .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}

mapfile -t packages < <("$PY" scripts/qt_system_packages.py)
echo "check_qt_libs: the README's list: ${packages[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  # Without recommends: only what the list itself brings.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

plugin=$("$PY" -c 'import pathlib, PySide6; print(pathlib.Path(PySide6.__file__).parent / "Qt/plugins/platforms/libqxcb.so")')
[ -f "$plugin" ] || { echo "check_qt_libs: no $plugin"; exit 1; }
if ldd "$plugin" | grep "not found"; then
  echo "check_qt_libs: the libraries above are missing; name their packages in README.md's apt-get line"
  exit 1
fi
echo "check_qt_libs: ldd finds all $(ldd "$plugin" | grep -c '=>') libraries of $plugin"

if command -v xvfb-run >/dev/null; then
  data=$(mktemp -d)
  # A real start through xcb: a missing library aborts here (exit 134) with Qt's message.
  if ! out=$(MENTORDESK_DATA_DIR="$data" MENTORDESK_EXIT_AFTER_SHOW=1 QT_QPA_PLATFORM=xcb \
      timeout 120 xvfb-run -a "$PY" -m mentordesk 2>&1); then
    echo "$out"
    echo "check_qt_libs: the window did not start through xcb"
    rm -rf "$data"
    exit 1
  fi
  rm -rf "$data"
  echo "check_qt_libs: the window started through xcb ($(grep -o '^shown [0-9.]*' <<<"$out"))"
fi
