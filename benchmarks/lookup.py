"""Lookup latency on a large demo city, in the service layer.

    python benchmarks/lookup.py [--subjects 1000000] [--db PATH] [--queries 2000]

Loads the demo city into a fresh SQLite file (unless --db names one that is
already loaded), printing the load time, rate and peak memory, then times
exact code lookups and name searches of 2, 3 and 5 characters and prints
p50/p95/p99. Targets on the 2-core reference machine: exact p99 <= 1 ms;
names >= 3 chars p95 <= 20 ms; 2 chars p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402

from creditdesk.config import Settings  # noqa: E402
from creditdesk.db.database import open_database  # noqa: E402
from creditdesk.paths import home_paths  # noqa: E402
from creditdesk.demo.load import load_demo_city  # noqa: E402
from creditdesk.services.lookup import LookupService  # noqa: E402


def percentiles(samples: list[float]) -> str:
    s = sorted(samples)
    pick = lambda q: s[min(len(s) - 1, int(q * len(s)))] * 1000  # noqa: E731
    return f"p50 {pick(0.50):7.3f} ms   p95 {pick(0.95):7.3f} ms   p99 {pick(0.99):7.3f} ms   (n={len(s)})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--subjects", type=int, default=1_000_000)
    ap.add_argument("--home", help="home folder to (re)use; default a temporary one")
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="creditdesk-bench-"))
    db = open_database(home_paths(home), Settings())
    with db.engine.connect() as conn:
        loaded = conn.execute(text("SELECT count(*) FROM subject")).scalar()
    if not loaded:
        started = time.perf_counter()
        result = load_demo_city(db.engine, subjects=args.subjects, seed=2026)
        elapsed = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        changes = result.applied + result.rejected + result.ignored
        print(f"load: {args.subjects:,} subjects, {changes:,} changes in {elapsed:.1f} s "
              f"= {changes / elapsed:,.0f} changes/s (generation + apply + search index); "
              f"peak RSS {peak_mb:.0f} MB; db {db.engine.url.database}")
    rng = random.Random(args.seed)
    with db.engine.connect() as conn:
        codes = [r[0] for r in conn.execute(text(
            "SELECT uscc FROM subject WHERE uscc IS NOT NULL ORDER BY random() LIMIT :n"), {"n": args.queries})]
        names = [r[0] for r in conn.execute(text(
            "SELECT name FROM subject WHERE kind != 'natural_person' ORDER BY random() LIMIT :n"), {"n": args.queries})]
    service = LookupService(db.engine)

    def timed(queries: list[str]) -> list[float]:
        samples = []
        for q in queries:
            t = time.perf_counter()
            service.lookup(q, limit=10)
            samples.append(time.perf_counter() - t)
        return samples

    service.lookup(codes[0])  # warm the connection pool
    # First pass: pages of the database file not yet in memory (as after a restart);
    # second pass over the same codes: the steady state at a busy counter.
    print("exact USCC (cold)  " + percentiles(timed(codes)))
    print("exact USCC (warm)  " + percentiles(timed(codes)))
    for length in (2, 3, 5):
        queries = []
        for name in names:
            start = rng.randrange(0, max(1, len(name) - length + 1))
            queries.append(name[start:start + length])
        print(f"name {length} chars       " + percentiles(timed(queries)))
    initials = []
    from creditdesk.names import pinyin_initials
    for name in names[:500]:
        ini = pinyin_initials(name)
        initials.append(ini[:4])
    print("pinyin initials(4) " + percentiles(timed(initials)))


if __name__ == "__main__":
    main()
