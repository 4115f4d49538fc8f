#!/usr/bin/env bash
# CI, after scripts/test.sh: builds the Linux bundle (packaging/build_linux.sh) on top of the
# .venv that test.sh made, so no dependency is installed twice (only PyInstaller, into
# build/bundle-venv), then smoke-tests it offscreen on a fresh data folder
# (packaging/smoke_bundle.sh). Exits non-zero when either fails; always prints one timing line.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

[[ -x $ROOT/.venv/bin/python ]] || { echo "bundle_smoke_ci: no .venv; run scripts/test.sh first" >&2; exit 1; }

started=$(date +%s)
build_s=-
smoke_s=-
report() {
    local status=$?
    local verdict=passed
    [[ $status == 0 ]] || verdict="FAILED (exit $status)"
    echo "bundle_smoke_ci: $verdict; build ${build_s} s, smoke ${smoke_s} s, total $(($(date +%s) - started)) s"
}
trap report EXIT

PYTHON=$ROOT/.venv/bin/python bash packaging/build_linux.sh
build_s=$(($(date +%s) - started))

smoke_started=$(date +%s)
bash packaging/smoke_bundle.sh "$ROOT/dist/MentorDesk"
smoke_s=$(($(date +%s) - smoke_started))
