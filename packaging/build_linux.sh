#!/usr/bin/env bash
# Builds the Linux one-folder bundle dist/MentorDesk/ (run it from anywhere).
#
#   bash packaging/build_linux.sh             # venv on top of this Python's packages (fast; CI)
#   bash packaging/build_linux.sh --isolated  # venv with every dependency fresh from the index
#
# PYTHON picks the interpreter (default: the checkout's .venv, which scripts/test.sh makes, when
# there is one, else python3). The venv lives in build/bundle-venv[-isolated] and is reused by
# later runs.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z ${PYTHON:-} ]]; then
    PYTHON=python3
    [[ -x $ROOT/.venv/bin/python ]] && PYTHON=$ROOT/.venv/bin/python
fi
PYINSTALLER_VERSION=6.22.3
isolated=0
for arg in "$@"; do
    case $arg in
        --isolated) isolated=1 ;;
        *) echo "build_linux.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

started=$(date +%s)
if [[ $isolated == 1 ]]; then
    venv=$ROOT/build/bundle-venv-isolated
    [[ -x $venv/bin/python ]] || "$PYTHON" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    "$venv/bin/python" -m pip install --quiet "pyinstaller==$PYINSTALLER_VERSION" "$ROOT" \
        psycopg2-binary  # a site-wide PostgreSQL database works from the bundle too
else
    "$PYTHON" -c "import PySide6, sqlalchemy, alembic, reportlab, pyhanko, openpyxl" 2>/dev/null || {
        echo "build_linux.sh: $PYTHON lacks MentorDesk's dependencies; run scripts/test.sh (or" \
            "pip install -e .) first, set PYTHON, or use --isolated" >&2
        exit 1
    }
    # The packages of $PYTHON (PySide6 pinned in pyproject.toml, SQLAlchemy, …; $PYTHON may
    # itself be a venv, such as CI's .venv) are reused through a .pth file; only PyInstaller is
    # installed into this venv. MentorDesk's code comes from src/.
    venv=$ROOT/build/bundle-venv
    [[ -x $venv/bin/python ]] || "$PYTHON" -m venv "$venv"
    "$PYTHON" - "$venv" <<'PY'
import subprocess, sys
venv = sys.argv[1]
target = subprocess.check_output(
    [f"{venv}/bin/python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
    text=True,
).strip()
sites = [p for p in sys.path if p.endswith(("site-packages", "dist-packages"))]
with open(f"{target}/mentordesk_build_parent.pth", "w") as pth:
    pth.write("import site; " + "; ".join(f"site.addsitedir({p!r})" for p in sites) + "\n")
PY
    "$venv/bin/python" -m pip install --quiet "pyinstaller==$PYINSTALLER_VERSION"
fi

# The spec bundles the checkout's src/ (first on PyInstaller's path) in both modes.
# The shipped .qm files must match the .ts sources.
"$venv/bin/python" "$ROOT/scripts/update_translations.py" --release-only

"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" \
    "$ROOT/packaging/mentordesk.spec"

echo "Built $ROOT/dist/MentorDesk ($(du -sh "$ROOT/dist/MentorDesk" | cut -f1)) in $(($(date +%s) - started)) s"
