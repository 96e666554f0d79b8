"""A 10,000-change delta over HTTP from the reference platform on 127.0.0.1.

    python benchmarks/sync_delta.py [--subjects 20000] [--delta 10000]

Syncs a demo city once, then has the platform change --delta records and
times the incremental sync (meta + pages of 5,000 + apply + position), as an
officer's window would see it. Target: <= 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from creditdesk.config import Settings  # noqa: E402
from creditdesk.db.database import open_database  # noqa: E402
from creditdesk.demo.city import DemoCity  # noqa: E402
from creditdesk.paths import home_paths  # noqa: E402
from creditdesk.platform.client import PlatformClient  # noqa: E402
from creditdesk.platform.sync import SyncService  # noqa: E402
from creditdesk_platform.server import PlatformServer  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--subjects", type=int, default=20000)
    ap.add_argument("--delta", type=int, default=10000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="creditdesk-delta-"))
    city = DemoCity(subjects=args.subjects, seed=3, as_of=dt.date(2026, 11, 20))
    server = PlatformServer.for_city(city, state_dir=work / "platform", token="bench")
    url = server.start()
    db = open_database(home_paths(work / "home"), Settings())
    with PlatformClient(url, "ws-bench", "bench") as client:
        t = time.perf_counter()
        first = SyncService(db.engine, client).run()
        print(f"initial sync: {first.applied:,} changes in {time.perf_counter() - t:.1f} s")
        records = [c for c in server.iter_changes(0) if c["type"] == "record"][: args.delta]
        for c in records:
            c["data"]["content"] = (c["data"].get("content") or "") + "（已更新）"
        server.add_changes({"op": "upsert", "type": "record", "id": c["id"], "data": c["data"]} for c in records)
        t = time.perf_counter()
        delta = SyncService(db.engine, client).run()
        elapsed = time.perf_counter() - t
    server.close()
    print(f"delta sync: {delta.applied:,} changes over HTTP in {elapsed:.3f} s "
          f"({delta.pages} pages, {delta.applied / elapsed:,.0f} changes/s; target <= 1 s)")


if __name__ == "__main__":
    main()
