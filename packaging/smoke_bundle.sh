#!/usr/bin/env bash
# Smoke test of a built bundle (default dist/MentorDesk): its files are inside, the command line
# answers, demo data loads and checks out, and the main window comes up offscreen on a fresh data
# folder, in English and in Chinese. Exits non-zero on the first failure.
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
run() {
    local what=$1 started
    shift
    started=${EPOCHREALTIME/./}
    timeout 120 "$@" >"$out" 2>&1 || fail "$what exited with status $?"
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

run "window on demo data, zh_CN locale" env MENTORDESK_EXIT_AFTER_SHOW=1 LANG=zh_CN.UTF-8 \
    LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN "$EXE"
grep -q "^shown " "$out" || fail "the main window never reported 'shown' in Chinese"
echo "     $(grep '^shown ' "$out")"
echo "smoke_bundle: all passed ($BUNDLE, $(du -sh "$BUNDLE" | cut -f1))"
