"""Time to first use: wall time of fresh processes, against a bare Python in the same run.

    python benchmarks/startup.py [--runs 7] [--home DIR]

Each figure is the median of --runs fresh processes (the first run, which fills the OS file
cache, is dropped): a bare ``python -c "import sqlite3"``; ``creditdesk --version``; ``lookup``
and ``check`` of a code on the demo city; the window from process start to a signed-in counter
whose query box has the focus (offscreen, the demo officer signed in through the account
service, as the sign-in dialog does). Also the first ``--demo status`` on a new home (once:
it generates the demo city and its six weeks of history).
Targets on the 2-core reference machine: --version <= 0.15 s, lookup <= 0.35 s,
window to a usable box <= 2 s, first --demo status <= 6 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
CREDITDESK = shutil.which("creditdesk", path=str(BIN)) or shutil.which("creditdesk")

# Started as its own process: prints the seconds from its start to a usable query box.
GUI_PROBE = r"""
import os, sys, time
started = time.monotonic()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
home = sys.argv[1]
from creditdesk.ui.main import make_application, build_window
from creditdesk.app import open_app
app = make_application()
ctx = open_app(home, demo=True)
ctx.user = ctx.accounts.authenticate("demo-officer", "demo")
window = build_window(ctx)
window.show()
box = window.counter.query_edit
while not (box.isVisible() and box.isEnabled()):
    app.processEvents()
box.setFocus()
app.processEvents()
print(f"{time.monotonic() - started:.4f}", flush=True)
"""


def wall(cmd: list[str], env: dict) -> float:
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    elapsed = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({r.returncode}): {r.stderr[-500:]}")
    return elapsed


def scrypt_seconds() -> float:
    """One password verification as the sign-in does it (services/accounts.py), median of 5."""
    from creditdesk.services.accounts import hash_password, verify_password

    stored = hash_password("demo")
    samples = []
    for _ in range(5):
        t = time.perf_counter()
        verify_password("demo", stored)
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def median_of(runs: int, fn) -> float:  # noqa: ANN001
    samples = [fn() for _ in range(runs + 1)][1:]  # the first fills the file cache
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--home", help="a demo home to reuse (default: a new one in a temporary folder)")
    args = ap.parse_args()
    if not CREDITDESK:
        raise SystemExit("the creditdesk console script is not installed in this Python's environment")
    tmp = Path(tempfile.mkdtemp(prefix="cd-startup-"))
    # The demo home has accounts: the commands sign in as its officer, as a scheduled job would.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CREDITDESK_PASSWORD": "demo"}
    env.pop("CREDITDESK_HOME", None)
    env.pop("CREDITDESK_DATABASE_URL", None)
    # As an installed copy runs: pip, the .deb and the PyInstaller folder all carry compiled bytecode.
    # With PYTHONDONTWRITEBYTECODE (set in some shells and CI images) an editable checkout would
    # compile its ~40 modules from source in every run (~0.15 s); the dropped first run writes them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        new_home = tmp / "first"
        t = time.perf_counter()
        subprocess.run([CREDITDESK, "--home", str(new_home), "--demo", "status"], check=True, capture_output=True, env=env)
        first_status = time.perf_counter() - t
        home = Path(args.home) if args.home else new_home
        hits = json.loads(subprocess.run([CREDITDESK, "--home", str(home), "--demo", "--user", "demo-officer", "lookup", "有限公司", "--json",
                                          "--limit", "1"], check=True, capture_output=True, text=True, env=env).stdout)
        code = hits["results"][0]["id"]
        bare = median_of(args.runs, lambda: wall([sys.executable, "-c", "import sqlite3"], env))
        version = median_of(args.runs, lambda: wall([CREDITDESK, "--version"], env))
        lookup = median_of(args.runs, lambda: wall([CREDITDESK, "--home", str(home), "--demo", "--user", "demo-officer", "lookup", code], env))
        check = median_of(args.runs, lambda: wall(
            [CREDITDESK, "--home", str(home), "--demo", "--user", "demo-officer", "check", code, "--matter", "procurement"], env))

        def gui() -> float:
            out = subprocess.run([sys.executable, "-c", GUI_PROBE, str(home)], check=True, capture_output=True, cwd=tmp,
                                 text=True, env=env, timeout=120).stdout  # fmt: skip
            return float(out.strip().splitlines()[-1])

        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        interpreter = time.perf_counter() - t
        window = median_of(max(3, args.runs // 2), gui)
        print(f"startup ({args.runs} runs each, median; {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f})")
        print(f"  bare python -c 'import sqlite3'     {bare:7.3f} s")
        print(f"  creditdesk --version                {version:7.3f} s   ({version - bare:+.3f} s over bare; target <= 0.15 s)")
        print(f"  creditdesk lookup CODE (demo city)  {lookup:7.3f} s   ({lookup - bare:+.3f} s over bare; target <= 0.35 s)")
        print(f"  creditdesk check CODE --matter …    {check:7.3f} s   ({check - bare:+.3f} s over bare)")
        print(f"  window to a usable query box        {window:7.3f} s   (from the interpreter's start, + ~{interpreter:.2f} s "
              f"to start it; target <= 2 s)")
        print(f"  first --demo status on a new home   {first_status:7.3f} s   (generates the city and history; target <= 6 s)")
        print(f"  of lookup and check: the password check (scrypt n=2^15, r=8, p=1) {scrypt_seconds():.3f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
