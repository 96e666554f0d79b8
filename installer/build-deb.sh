#!/usr/bin/env bash
# Pack the PyInstaller folder into a .deb for Debian-family systems (Debian, 麒麟 Kylin, 统信 UOS).
#
#     bash installer/build-deb.sh [DIST_DIR] [OUT_DIR]
#
# DIST_DIR is the one-folder build (default dist/creditdesk, from
# `pyinstaller installer/creditdesk.spec`); the .deb goes to OUT_DIR (default dist/).
# Layout: the program under /opt/creditdesk, the launcher /usr/bin/creditdesk, the desktop entry,
# the hicolor icons and the AppStream metainfo under /usr/share. The menu and icon caches are
# refreshed by dpkg's own triggers. Removing the package removes all of it; the officers' data
# (~/.local/share/CreditDesk or a --home folder) is never touched.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIST="${1:-$ROOT/dist/creditdesk}"
OUT="${2:-$ROOT/dist}"
RES="$ROOT/resources"
ID=cn.creditdesk.CreditDesk

[ -x "$DIST/creditdesk" ] || { echo "build-deb: no PyInstaller build at $DIST (run pyinstaller installer/creditdesk.spec)" >&2; exit 1; }
VERSION=$("$DIST/creditdesk" --version | awk '{print $2}')
ARCH=$(dpkg --print-architecture)
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT

mkdir -p "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" "$STAGE/usr/share/metainfo" \
         "$STAGE/usr/share/doc/creditdesk" "$STAGE/DEBIAN"
cp -a "$DIST" "$STAGE/opt/creditdesk"
# The launcher on PATH: a wrapper, not a symlink, so the program always runs from /opt/creditdesk.
cat > "$STAGE/usr/bin/creditdesk" <<'SH'
#!/bin/sh
exec /opt/creditdesk/creditdesk "$@"
SH
chmod 0755 "$STAGE/usr/bin/creditdesk"
install -m 0644 "$RES/linux/$ID.desktop" "$STAGE/usr/share/applications/$ID.desktop"
install -m 0644 "$RES/linux/$ID.metainfo.xml" "$STAGE/usr/share/metainfo/$ID.metainfo.xml"
for size in 16 24 32 48 64 128 256 512; do
  install -D -m 0644 "$RES/icons/creditdesk-$size.png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/creditdesk.png"
done
install -D -m 0644 "$RES/icons/creditdesk.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/creditdesk.svg"
cat > "$STAGE/usr/share/doc/creditdesk/copyright" <<'TXT'
CreditDesk 信用核查窗口助手 — proprietary.
Bundled: Qt 6 / PySide6 (LGPL-3.0), Python (PSF-2.0), WenQuanYi Micro Hei font (Apache-2.0 or
GPL-3.0 with font embedding exception), and the Python packages listed in pyproject.toml under
their own licences.
TXT
# No bytecode or other files may appear under /opt at run time (the entry script sets
# dont_write_bytecode), so dpkg removes the whole folder; postrm also clears a stray cache.
cat > "$STAGE/DEBIAN/postrm" <<'SH'
#!/bin/sh
set -e
if [ "$1" = "remove" ] || [ "$1" = "purge" ]; then
  rm -rf /opt/creditdesk
fi
exit 0
SH
chmod 0755 "$STAGE/DEBIAN/postrm"
SIZE=$(du -sk "$STAGE" --exclude=DEBIAN | cut -f1)
# The system libraries the bundled Qt (xcb and offscreen platforms, fonts, GL, printing) and Python
# link against; the GTK platform theme is optional (Qt skips it where GTK is absent).
cat > "$STAGE/DEBIAN/control" <<CTL
Package: creditdesk
Version: $VERSION
Architecture: $ARCH
Maintainer: CreditDesk <creditdesk@localhost>
Installed-Size: $SIZE
Section: misc
Priority: optional
Depends: libc6, libstdc++6, libgcc-s1, zlib1g, libglib2.0-0 | libglib2.0-0t64, libdbus-1-3,
 libfontconfig1, libfreetype6, libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4,
 libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render0, libxcb-render-util0, libxcb-shape0,
 libxcb-shm0, libxcb-sync1, libxcb-xfixes0, libxcb-xkb1, libxkbcommon0, libxkbcommon-x11-0,
 libegl1, libgl1, libcups2 | libcups2t64
Recommends: fonts-wqy-microhei
Description: 信用核查窗口助手 CreditDesk — public credit check at the service-hall window
 Checks the public credit record of every applicant (company, individual business or person)
 before a matter is handled, as the city credit policies require, from a local cache of the
 city credit platform that keeps working offline. Self-contained build under /opt/creditdesk.
CTL
mkdir -p "$OUT"
DEB="$OUT/creditdesk_${VERSION}_${ARCH}.deb"
fakeroot dpkg-deb --build -Zgzip -z6 "$STAGE" "$DEB" >/dev/null
echo "$DEB"
