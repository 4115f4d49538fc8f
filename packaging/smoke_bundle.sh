#!/usr/bin/env bash
# Smoke test of a built bundle (default dist/MentorDesk): its files are inside, the command line
# answers, demo data loads and checks out, the libraries behind sheets, signatures and workbooks
# load (a signing identity, PDF sheets, a signature check, a results workbook), and the main
# window comes up offscreen on a fresh data folder, in English and in Chinese. Exits non-zero on
# the first failure.
#
#   bash packaging/smoke_bundle.sh [BUNDLE_DIR]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUNDLE=${1:-$ROOT/dist/MentorDesk}
EXE=$BUNDLE/MentorDesk
[[ -x $EXE.exe ]] && EXE=$EXE.exe

data=$(mktemp -d)
out=$(mktemp)
trap 'rm -rf "$data" "$out"' EXIT
export MENTORDESK_DATA_DIR=$data QT_QPA_PLATFORM=offscreen
unset MENTORDESK_DB

fail() {
    echo "smoke_bundle: FAIL: $*" >&2
    [[ -s $out ]] && sed 's/^/    /' "$out" >&2
    exit 1
}

# Runs the bundle with a time limit, output captured in $out; prints how long it took.
# EXPECT_STATUS (default 0) is the exit status the step must end with.
run() {
    local what=$1 started status=0
    shift
    started=${EPOCHREALTIME/./}
    timeout 120 "$@" >"$out" 2>&1 || status=$?
    [[ $status == "${EXPECT_STATUS:-0}" ]] || fail "$what exited with status $status"
    grep -q "Traceback" "$out" && fail "$what printed a traceback"
    local ms=$(((${EPOCHREALTIME/./} - started) / 1000))
    printf 'ok   %-36s %4d.%03d s\n' "$what" $((ms / 1000)) $((ms % 1000))
}

[[ -x $EXE ]] || fail "no bundle at $BUNDLE (run packaging/build_linux.sh first)"
internal=$BUNDLE/_internal/mentordesk
for shipped in resources/translations/mentordesk_zh_CN.qm resources/icons/mentordesk.svg \
    resources/rubrics forms core/alembic/versions; do
    [[ -e $internal/$shipped ]] || fail "the bundle lacks mentordesk/$shipped"
done
ls "$internal"/forms/*.ui >/dev/null 2>&1 || fail "the bundle holds no forms/*.ui"
echo "ok   shipped files present"

run "MentorDesk --help" "$EXE" --help
grep -q "usage: mentordesk" "$out" || fail "--help printed no usage"

run "window on an empty database" env MENTORDESK_EXIT_AFTER_SHOW=1 "$EXE"
grep -q "^shown " "$out" || fail "the main window never reported 'shown'"
echo "     $(grep '^shown ' "$out")"
[[ -f $data/mentordesk.db ]] || fail "no database in the fresh data folder $data"

run "MentorDesk demo" "$EXE" demo
grep -q "Demo loaded" "$out" || fail "demo printed no summary"
run "MentorDesk check" "$EXE" check
grep -q "^OK" "$out" || fail "check did not report OK"

echo "steel and slag" >"$data/passphrase"
run "MentorDesk identity create" "$EXE" identity create --name "Zhang Wei 张伟" \
    --passphrase-file "$data/passphrase"
grep -q "fingerprint" "$out" || fail "identity create printed no certificate fingerprint"
mkdir "$data/sheets"
run "MentorDesk sheets (a cohort)" "$EXE" sheets "$data/sheets" --cohort "2025 Rolling Order Class"
sheet=$(ls "$data"/sheets/*.pdf | head -1)
[[ -s $sheet ]] || fail "sheets wrote no PDF"
EXPECT_STATUS=1 run "MentorDesk verify (unsigned sheet)" "$EXE" verify "$sheet"
grep -q "no signature" "$out" || fail "verify did not report the missing signature"
run "MentorDesk export (Chinese headers)" "$EXE" export "$data/results.xlsx" --chinese-headers
[[ -s $data/results.xlsx ]] || fail "export wrote no workbook"
# Reads the workbook back (openpyxl opens it, calamine reads its sheets): all unchanged.
run "MentorDesk import (dry run of that export)" "$EXE" import "$data/results.xlsx" --dry-run
grep -q " 0 new, 0 updated, [0-9]* unchanged, 0 rejected" "$out" \
    || fail "importing the export back did not find every row unchanged"

run "window on demo data, in Chinese" env MENTORDESK_EXIT_AFTER_SHOW=1 LANG=zh_CN.UTF-8 \
    LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN "$EXE"
grep -q "^shown " "$out" || fail "the main window never reported 'shown' in Chinese"
# Shown from the first screen; the store (and the services it imports by name) opens behind it.
grep -q "^ready " "$out" || fail "the store never opened behind the window"
echo "     $(grep '^shown ' "$out"), $(grep '^ready ' "$out")"
echo "smoke_bundle: all passed ($BUNDLE, $(du -sh "$BUNDLE" | cut -f1))"
