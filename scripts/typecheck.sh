#!/usr/bin/env bash
# Type-checks core and exchange with mypy, as configured in pyproject.toml ([tool.mypy]):
# strict for both packages, third-party stubs from the `test` extra.
# Usage: bash scripts/typecheck.sh [mypy args…]   (uses .venv when there is one)
set -euo pipefail
cd "$(dirname "$0")/.."

MYPY=mypy
if [ -x .venv/bin/mypy ]; then
  MYPY=.venv/bin/mypy
elif ! command -v mypy >/dev/null; then
  echo "typecheck: mypy not found; install the test extra: pip install -e '.[test]'" >&2
  exit 2
fi
# The cache (.mypy_cache) makes a run after a small change take seconds; tests/test_checked_source.py
# runs the same check with the same options and reuses it.
exec "$MYPY" "$@"
