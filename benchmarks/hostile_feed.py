"""A sync against hostile platforms: peak memory and time to the end of each case.

    python benchmarks/hostile_feed.py [--only NAME ...] [--interval 5]

Each case is a real socket server on 127.0.0.1 (tests/support/hostile.py), run
in this process; the client is a ``creditdesk``-style sync (SyncService over a
fresh SQLite database, the client's default bounds) in a child process of its
own, so its peak RSS is the client's alone. Target (issue 10 item 5): every case
ends with a Chinese reason in under 60 s with a peak under 300 MB.

Cases: a page that says has_more forever; a body and a header sent one byte
every ``--interval`` seconds; a 600 MB page; a gzip bomb of 21 GB; a redirect.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

GB = 1024**3
MB = 1024**2


def cases(interval: float) -> dict:
    from support import hostile

    return {
        "has_more_forever": lambda: hostile.hostile(hostile.stalled),
        "body_byte_every_5s": lambda: hostile.hostile(hostile.trickle_body, interval),
        "headers_byte_every_5s": lambda: hostile.hostile(hostile.trickle_headers, interval),
        "page_600MB": lambda: hostile.hostile(hostile.huge_page, 600 * MB),
        "gzip_bomb_21GB": lambda: hostile.hostile(hostile.gzip_bomb, 21 * GB),
        "redirect": lambda: hostile.HostileServer(hostile.redirect("https://elsewhere.example.com/exchange")),
    }


def run_client(url: str) -> None:
    """In the child: one sync with the default bounds; prints a JSON line."""
    import resource

    from creditdesk.db.database import open_database
    from creditdesk.config import Settings
    from creditdesk.paths import home_paths
    from creditdesk.platform.client import PlatformClient, PlatformError
    from creditdesk.platform.sync import SyncService

    work = Path(tempfile.mkdtemp(prefix="creditdesk-hostile-"))
    db = open_database(home_paths(work / "home"), Settings())
    started = time.perf_counter()
    outcome = "completed"
    try:
        with PlatformClient(url, "ws-bench", "bench") as client:
            SyncService(db.engine, client).run()
    except PlatformError as exc:
        outcome = f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"outcome": outcome, "seconds": round(seconds, 2), "peak_mb": round(peak_mb, 1)},
                     ensure_ascii=False))  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--interval", type=float, default=5.0)
    ap.add_argument("--client", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.client:
        run_client(args.client)
        return
    failed = False
    for name, make in cases(args.interval).items():
        if args.only and name not in args.only:
            continue
        with make() as server:
            started = time.perf_counter()
            proc = subprocess.run([sys.executable, __file__, "--client", server.base_url],
                                  capture_output=True, text=True, timeout=600)  # fmt: skip
            wall = time.perf_counter() - started
        if proc.returncode != 0:
            print(f"{name}: the client failed\n{proc.stderr[-2000:]}")
            failed = True
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        ok = r["peak_mb"] < 300 and wall < 60 and r["outcome"] != "completed"
        failed |= not ok
        print(f"{name:24} sync {r['seconds']:6.2f} s  process {wall:6.2f} s  peak {r['peak_mb']:6.1f} MB  "
              f"requests {len(server.requests):3}  {'OK ' if ok else 'BAD'}  {r['outcome'][:110]}", flush=True)  # fmt: skip
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
