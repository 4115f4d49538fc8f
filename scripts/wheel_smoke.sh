#!/usr/bin/env bash
# Builds the wheel, installs it into a clean virtual environment and starts it offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m pip wheel -q --no-deps -w "$work/dist" .
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$work"/dist/mentordesk-*.whl
cd "$work"   # away from the source tree, so only the installed package can be found
export QT_QPA_PLATFORM=offscreen MENTORDESK_DATA_DIR="$work/data"
"$work/venv/bin/mentordesk" --help >/dev/null
"$work/venv/bin/python" -m mentordesk demo
"$work/venv/bin/mentordesk" check
out=$(MENTORDESK_EXIT_AFTER_SHOW=1 "$work/venv/bin/mentordesk" 2>&1)
echo "$out" | grep -q '^shown ' || { echo "installed app did not show its window: $out"; exit 1; }
"$work/venv/bin/python" - <<'PY'
from mentordesk.paths import forms_dir, resources_dir
import mentordesk
assert str(forms_dir()).startswith(str(__import__("pathlib").Path(mentordesk.__file__).parent)), forms_dir()
assert (forms_dir() / "today.ui").is_file() and (forms_dir() / "programmes.ui").is_file()
assert (resources_dir() / "rubrics").is_dir()
print("wheel smoke test: installed package starts and finds", forms_dir(), "and", resources_dir())
PY
