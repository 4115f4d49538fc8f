#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian/Ubuntu machine, then runs lint and the suite.
# Usage: bash scripts/test.sh [pytest args…]   (CI runs exactly this, through .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # Qt's offscreen platform and fonts (Chinese glyphs for screenshots and PDFs)
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  fonts-wqy-microhei fonts-dejavu-core
  # store tests on a real PostgreSQL server; PDF checks; workbook checks; desktop file checks
  postgresql poppler-utils libreoffice-calc-nogui appstream desktop-file-utils xvfb
  # reads back the QR code printed on each assessment sheet
  zbar-tools
  # readelf: the test that the README names every library Qt's window links to
  binutils
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"

export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/ruff format --check .
# Strict types for core and exchange; mypy and the stubs it needs come with the test extra.
bash scripts/typecheck.sh

# The README's start command on a fresh desktop: its apt-get list, and Qt's window finds every
# library through it.
bash scripts/check_qt_libs.sh

# The installed wheel (not the source tree) must start and find its forms and resources.
bash scripts/wheel_smoke.sh

.venv/bin/python -m pytest -q "$@"
