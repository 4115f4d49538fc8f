#!/usr/bin/env bash
# Installs MentorDesk into the desktop: the menu entry, the icon at every size, the AppStream
# metadata, and the built bundle (dist/MentorDesk) when there is one; else the entry starts the
# `mentordesk` launcher of a pip installation found on PATH.
#
#   bash packaging/install_desktop.sh               # for the current user (~/.local)
#   sudo PREFIX=/usr/local bash packaging/install_desktop.sh
#   bash packaging/install_desktop.sh --uninstall   # removes all of it, never the user's data
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PREFIX=${PREFIX:-$HOME/.local}
APP_ID=org.mentordesk.MentorDesk
SIZES="16 24 32 48 64 128 256 512"
BUNDLE=$ROOT/dist/MentorDesk
share=$PREFIX/share

refresh_caches() {
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

if [[ ${1:-} == --uninstall ]]; then
    rm -rf "$PREFIX/lib/mentordesk"
    [[ -L $PREFIX/bin/mentordesk ]] && rm -f "$PREFIX/bin/mentordesk"
    rm -f "$share/applications/$APP_ID.desktop" "$share/metainfo/$APP_ID.metainfo.xml" \
        "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $SIZES; do rm -f "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"; done
    refresh_caches
    echo "MentorDesk removed from $PREFIX (the data folder and settings stay)"
    exit 0
fi

if [[ -x $BUNDLE/MentorDesk ]]; then
    rm -rf "$PREFIX/lib/mentordesk"
    mkdir -p "$PREFIX/lib" "$PREFIX/bin"
    cp -a "$BUNDLE" "$PREFIX/lib/mentordesk"
    ln -sfn "$PREFIX/lib/mentordesk/MentorDesk" "$PREFIX/bin/mentordesk"
    launcher=$PREFIX/bin/mentordesk
elif launcher=$(command -v mentordesk); then
    :
else
    echo "install_desktop.sh: no bundle in $BUNDLE and no mentordesk on PATH" >&2
    exit 1
fi

# Menus do not search ~/.local/bin; the entry names the launcher by its full path.
install -d "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
sed "s|^Exec=mentordesk|Exec=$launcher|" "$ROOT/packaging/$APP_ID.desktop" \
    >"$share/applications/$APP_ID.desktop"
install -m 644 "$ROOT/packaging/$APP_ID.metainfo.xml" "$share/metainfo/"
install -m 644 "$ROOT/resources/icons/mentordesk.svg" "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in $SIZES; do
    install -D -m 644 "$ROOT/resources/icons/mentordesk-$size.png" \
        "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
refresh_caches
echo "MentorDesk installed in $PREFIX, starting $launcher"
