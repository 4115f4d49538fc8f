#!/usr/bin/env bash
# Type-checks core and exchange with mypy, as configured in pyproject.toml ([tool.mypy]):
# strict for both packages, third-party stubs from the `test` extra.
# Usage: bash scripts/typecheck.sh [mypy args…]   (uses .venv when there is one)
set -euo pipefail
cd "$(dirname "$0")/.."

MYPY=mypy
if [ -x .venv/bin/mypy ]; then
  MYPY=.venv/bin/mypy
fi
exec "$MYPY" "$@"
