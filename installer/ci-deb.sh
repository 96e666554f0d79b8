#!/usr/bin/env bash
# CI for the installers (issue 14): build the PyInstaller folder and the .deb, install the package
# with apt-get, run it from the installed files, and remove it again.
#
#     bash installer/ci-deb.sh            # as root on a Debian-family machine
#
# Steps: a venv with `pip install ".[installer]"` -> pyinstaller installer/creditdesk.spec ->
# installer/build-deb.sh -> apt-get install ./creditdesk_*.deb -> /usr/bin/creditdesk --version ->
# the GUI offscreen on --demo for 20 s (signed in as demo-admin, until the query box is up and
# beyond) -> apt-get purge -> nothing left under /opt/creditdesk or /usr/bin. Also compiles the NSIS
# script when makensis is there (the Windows installer's paths checked against the build).
# Takes about 4-6 minutes on a 2-core machine (most of it the PyInstaller analysis); prints the
# frozen build's startup figures (benchmarks/frozen_startup.py).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
WORK="${CREDITDESK_DEB_WORK:-$(mktemp -d /tmp/creditdesk-deb.XXXXXX)}"
export DEBIAN_FRONTEND=noninteractive
started=$(date +%s)
step() { echo "== ci-deb [$(( $(date +%s) - started ))s] $*"; }

if [ "$(id -u)" -ne 0 ]; then echo "ci-deb.sh: needs root (apt-get install)" >&2; exit 1; fi
step "build tools"
apt-get install -y -qq --no-install-recommends fakeroot dpkg-dev fonts-wqy-microhei binutils >/dev/null
apt-get install -y -qq --no-install-recommends nsis >/dev/null 2>&1 || echo "(nsis not available: NSIS check skipped)"

step "venv with the program and PyInstaller"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q --disable-pip-version-check ".[installer]"

step "PyInstaller one-folder build"
PATH="$WORK/venv/bin:$PATH" "$WORK/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$WORK/dist" --workpath "$WORK/build" installer/creditdesk.spec
du -sh "$WORK/dist/creditdesk"

step "the .deb"
DEB=$(bash installer/build-deb.sh "$WORK/dist/creditdesk" "$WORK")
ls -l "$DEB"
dpkg-deb --info "$DEB" | sed -n '/Package:/,/Recommends:/p'

if command -v makensis >/dev/null 2>&1; then
  step "NSIS script compiles against this build's layout"
  bash installer/windows/check-nsis.sh "$WORK/dist/creditdesk" "$WORK/nsis-check.exe"
fi

step "apt-get install ./$(basename "$DEB")"
cp "$DEB" "$WORK/pkg.deb" && (cd "$WORK" && apt-get install -y -qq "./$(basename "$DEB")" >/dev/null)
test -x /opt/creditdesk/creditdesk
test -f /usr/share/applications/cn.creditdesk.CreditDesk.desktop
test -f /usr/share/icons/hicolor/256x256/apps/creditdesk.png

step "creditdesk --version (installed)"
env -i PATH=/usr/bin:/bin HOME="$WORK/user" /usr/bin/creditdesk --version

RUN=(env -i PATH=/usr/bin:/bin HOME="$WORK/user" LANG=C.UTF-8)
step "the installed program on a demo home: demo city, lookup, a PDF ledger (font, reportlab)"
HOME_DIR="$WORK/demo-home"
"${RUN[@]}" /usr/bin/creditdesk --home "$HOME_DIR" --demo status
"${RUN[@]}" CREDITDESK_PASSWORD=demo /usr/bin/creditdesk --home "$HOME_DIR" --user demo-officer lookup 有限公司 --limit 3 --json \
  > "$WORK/lookup.json"
grep -q '"results": \[{' "$WORK/lookup.json" || { echo "ci-deb: lookup on the installed build found nothing" >&2; cat "$WORK/lookup.json" >&2; exit 1; }
"${RUN[@]}" CREDITDESK_PASSWORD=demo /usr/bin/creditdesk --home "$HOME_DIR" --user demo-supervisor \
  export daily --date "$(date +%F)" --format pdf --out "$WORK/ledger.pdf"
head -c 5 "$WORK/ledger.pdf" | grep -q '%PDF-' || { echo "ci-deb: no PDF from the installed build" >&2; exit 1; }
"${RUN[@]}" CREDITDESK_PASSWORD=demo /usr/bin/creditdesk --home "$HOME_DIR" --user demo-supervisor \
  export daily --date "$(date +%F)" --format xlsx --out "$WORK/ledger.xlsx"
head -c 2 "$WORK/ledger.xlsx" | grep -q 'PK' || { echo "ci-deb: no XLSX from the installed build" >&2; exit 1; }

step "the installed program loads a 207,708-change bundle, planned in its helper process (spawn, frozen)"
"$WORK/venv/bin/python" -c "import sys; sys.path.insert(0, 'benchmarks'); from pathlib import Path; \
from bundle_load import write; write(Path('$WORK/city.cdpkg'), 52000)"
PUB="b64:$(base64 -w0 "$WORK/city.pub")"
BUNDLE_HOME="$WORK/bundle-home"
"${RUN[@]}" /usr/bin/creditdesk --home "$BUNDLE_HOME" platform trust --platform-id demo-fuzhou --key-id bench-load \
  --public-key "$PUB"
"${RUN[@]}" timeout 120 /usr/bin/creditdesk --home "$BUNDLE_HOME" bundle import "$WORK/city.cdpkg" --json > "$WORK/import.json"
grep -q '"seq_after": 207708' "$WORK/import.json" || { echo "ci-deb: the bundle did not load" >&2; cat "$WORK/import.json" >&2; exit 1; }
grep -q "planned in a helper process" "$BUNDLE_HOME/logs/creditdesk.log" \
  || { echo "ci-deb: the frozen import did not plan in its helper process" >&2; exit 1; }

step "GUI offscreen on --demo for 20 s (installed files)"
PROBE="$WORK/probe.jsonl"
rm -f "$PROBE"
set +e
"${RUN[@]}" QT_QPA_PLATFORM=offscreen CREDITDESK_PASSWORD=demo \
  CREDITDESK_STARTUP_PROBE="$PROBE" timeout 20 /usr/bin/creditdesk --home "$HOME_DIR" --demo --user demo-admin \
  > "$WORK/gui.log" 2>&1
code=$?
set -e
if [ "$code" -ne 124 ]; then
  echo "ci-deb: the GUI ended early (exit $code) instead of running for 20 s:" >&2
  tail -30 "$WORK/gui.log" >&2
  exit 1
fi
grep -q '"query_box_ready"' "$PROBE" || { echo "ci-deb: the window never came up" >&2; tail -30 "$WORK/gui.log" >&2; exit 1; }
if grep -E " (ERROR|CRITICAL) " "$HOME_DIR/logs/creditdesk.log"; then
  echo "ci-deb: errors in the installed program's log (above)" >&2; exit 1
fi
if find /opt/creditdesk -newer /usr/bin/creditdesk -type f | grep -q .; then
  echo "ci-deb: the program wrote files under /opt/creditdesk" >&2; exit 1
fi
echo "ran 20 s; the window and its query box came up; no error in the log; nothing written under /opt"

step "startup of the installed build (demo home ready, 3 runs)"
"$WORK/venv/bin/python" benchmarks/frozen_startup.py /usr/bin/creditdesk --home "$HOME_DIR" --runs 3

step "apt-get purge creditdesk"
apt-get purge -y -qq creditdesk >/dev/null
for left in /opt/creditdesk /usr/bin/creditdesk /usr/share/applications/cn.creditdesk.CreditDesk.desktop \
            /usr/share/icons/hicolor/256x256/apps/creditdesk.png; do
  if [ -e "$left" ]; then echo "ci-deb: $left is still there after removal" >&2; exit 1; fi
done
if dpkg -s creditdesk >/dev/null 2>&1; then echo "ci-deb: package still registered" >&2; exit 1; fi
step "done: built, installed, ran, removed"
[ -n "${CREDITDESK_DEB_WORK:-}" ] || rm -rf "$WORK"
