"""Throughput of the demo city generator (creditdesk.demo.city).

    python benchmarks/demo_generate.py [--subjects 200000] [--seed 2026] [--json]

Prints change objects per second for generating the feed (and, with --json,
for generating and serialising every change with orjson, as a bundle writer
or the reference server would). Prints, never asserts.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from creditdesk.demo.city import DemoCity  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subjects", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", action="store_true", help="also serialise each change with orjson")
    parser.add_argument("--memory", action="store_true", help="report the tracemalloc peak (slow)")
    args = parser.parse_args()

    city = DemoCity(subjects=args.subjects, seed=args.seed)
    types: Counter[str] = Counter()
    if args.memory:
        tracemalloc.start()
    wall, cpu = time.perf_counter(), time.process_time()
    size = 0
    if args.json:
        dumps = orjson.dumps
        for change in city.changes():
            types[change["type"]] += 1
            size += len(dumps(change)) + 1
    else:
        for change in city.changes():
            types[change["type"]] += 1
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    total = sum(types.values())
    print(f"subjects: {args.subjects:,}  changes: {total:,}  ({dict(types)})")
    print(f"records per subject: {types['record'] / max(1, args.subjects):.2f}")
    print(f"wall {wall:.2f} s, cpu {cpu:.2f} s: {total / cpu:,.0f} changes/s (cpu), {total / wall:,.0f} changes/s (wall)")
    if args.json:
        print(f"NDJSON size: {size / 1e6:.1f} MB ({size / max(1, total):.0f} bytes per change)")
    if args.memory:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"tracemalloc peak: {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
