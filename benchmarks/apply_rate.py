"""Apply throughput versus a bare load of the same changes, in the same run.

    python benchmarks/apply_rate.py [--subjects 200000] [--feed FILE] [--profile]

1. Writes the demo city's change objects to an NDJSON file (not timed).
2. Bare load: read the lines, parse each with orjson, insert with sqlite3
   executemany into two tables keyed by id (subjects; everything else) — the
   fastest plain Python can do.
3. CreditDesk: the same lines through ChangeApplier (validation, typed
   columns, upserts, the name search index, position per batch).
Prints both rates, the ratio, and the peak RSS of each phase (measured in a
child process each, so one phase's memory does not hide the other's).

``--feed FILE`` keeps the NDJSON in FILE and reuses it when it exists (for
repeated runs); ``--profile`` runs the CreditDesk phase under cProfile and
prints where its time went (the rates are then not comparable).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def write_changes(path: Path, subjects: int) -> int:
    import orjson

    from creditdesk.demo.city import DemoCity

    n = 0
    with path.open("wb") as f:
        for change in DemoCity(subjects=subjects, seed=2026).changes():
            f.write(orjson.dumps(change) + b"\n")
            n += 1
    return n


def bare(path: Path, db: Path) -> dict:
    from bare_load import load

    return load([path.open("rb")], db, commit_every_batch=True)


def creditdesk(path: Path, home: Path) -> dict:
    import orjson

    from creditdesk.config import Settings
    from creditdesk.db.database import open_database
    from creditdesk.paths import home_paths
    from creditdesk.protocol import Position
    from creditdesk.services.apply import ChangeApplier

    db = open_database(home_paths(home), Settings())
    applier = ChangeApplier(db.engine, source="bundle")
    started = time.perf_counter()
    with path.open("rb") as f:
        total = applier.apply_stream(
            (orjson.loads(line) for line in f), lambda seq: Position(seq, "bench", None)
        )
    return {"changes": total.applied + total.rejected + total.ignored, "seconds": time.perf_counter() - started,
            "rejected": total.rejected}


def child(phase: str, path: str, target: str) -> None:
    if phase == "profile":
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        result = profiler.runcall(creditdesk, Path(path), Path(target))
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(30)
    else:
        result = bare(Path(path), Path(target)) if phase == "bare" else creditdesk(Path(path), Path(target))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["peak_rss_mb"] = usage.ru_maxrss / 1024
    result["cpu_seconds"] = usage.ru_utime + usage.ru_stime  # less disturbed by other work on the machine
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--subjects", type=int, default=200_000)
    ap.add_argument("--feed", type=Path, help="keep the changes in this file; reuse it if it exists")
    ap.add_argument("--profile", action="store_true", help="profile the CreditDesk phase (cProfile)")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    work = Path(tempfile.mkdtemp(prefix="creditdesk-apply-"))
    feed = args.feed or work / "changes.ndjson"
    if args.feed and feed.exists():
        n = sum(1 for _ in feed.open("rb"))
        print(f"{n:,} changes reused from {feed} ({feed.stat().st_size / 1e6:.0f} MB)")
    else:
        t = time.perf_counter()
        n = write_changes(feed, args.subjects)
        print(f"{n:,} changes for {args.subjects:,} subjects written in {time.perf_counter() - t:.1f} s "
              f"({feed.stat().st_size / 1e6:.0f} MB)")
    results = {}
    phases = (("bare", work / "bare.sqlite"), ("profile" if args.profile else "creditdesk", work / "home"))
    for phase, target in phases:
        out = subprocess.run([sys.executable, __file__, "--child", phase, str(feed), str(target)],
                             check=True, capture_output=True, text=True, env=os.environ)
        if phase == "profile":
            print(out.stderr)
            phase = "creditdesk"
        results[phase] = json.loads(out.stdout.strip().splitlines()[-1])
        r = results[phase]
        print(f"{phase:>10}: {r['changes'] / r['seconds']:>9,.0f} changes/s  "
              f"({r['seconds']:.1f} s, CPU {r['cpu_seconds']:.1f} s, peak RSS {r['peak_rss_mb']:.0f} MB)")
    ratio = (results["creditdesk"]["changes"] / results["creditdesk"]["seconds"]) / (
        results["bare"]["changes"] / results["bare"]["seconds"])
    print(f"ratio creditdesk/bare: {ratio:.2f} (target >= 0.50)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
