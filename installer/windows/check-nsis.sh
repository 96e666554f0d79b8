#!/usr/bin/env bash
# Compile installer/windows/creditdesk.nsi with makensis against a PyInstaller build made here
# (Linux): proves the script compiles and that the paths it packs (the build folder, _internal/,
# the program, the icon) match the build's layout. The result is not a usable Windows installer
# (the files inside are the Linux build); the real one is built on Windows (see the .nsi).
#
#     bash installer/windows/check-nsis.sh DIST_DIR [OUT.exe]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
DIST="$(cd "${1:?usage: check-nsis.sh DIST_DIR [OUT.exe]}" && pwd)"
OUT="${2:-$(mktemp -d)/CreditDesk-Setup-check.exe}"
[ -d "$DIST/_internal" ] || { echo "check-nsis: $DIST has no _internal/ (not a PyInstaller one-folder build)" >&2; exit 1; }
[ -f "$DIST/creditdesk" ] || [ -f "$DIST/creditdesk.exe" ] || { echo "check-nsis: no creditdesk program in $DIST" >&2; exit 1; }
EXE=creditdesk.exe; [ -f "$DIST/creditdesk.exe" ] || EXE=creditdesk
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' "$HERE/../../pyproject.toml")
cd "$HERE"
makensis -V2 -WX -DFAST_CHECK -DVERSION="$VERSION" -DDIST="$DIST" -DEXE="$EXE" -DOUTFILE="$OUT" creditdesk.nsi
ls -l "$OUT"
