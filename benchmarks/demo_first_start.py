"""The first ``creditdesk --home NEW --demo status``: wall and CPU time of fresh processes on new homes.

    python benchmarks/demo_first_start.py [--runs 3] [--against PATH]

Each run is a new process on a new home: it migrates the database, generates the demo city and its
six weeks of history (reviews, commitments, audit entries, outbox items) and prints the status — what
``benchmarks/startup.py`` times once. Prints the median and the minimum of wall time and of the CPU time
(user + system) of the child, and the machine's load: on a shared machine the CPU time moves far less
than the wall time. ``--against PATH``: also time a checkout of another revision (its folder put first
on PYTHONPATH), the runs interleaved with this one's so both see the same load.
Target on the 2-core reference machine: <= 6 s wall (issue 9 item 6), aiming at <= 5 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_once(pythonpath: str | None) -> tuple[float, float]:
    env = {**os.environ, "CREDITDESK_PASSWORD": "demo"}
    env.pop("CREDITDESK_HOME", None)
    env.pop("CREDITDESK_DATABASE_URL", None)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    home = Path(tempfile.mkdtemp(prefix="cd-first-start-"))
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "creditdesk", "--home", str(home / "home"), "--demo", "status"],
                       check=True, capture_output=True, env=env, timeout=600, cwd=home)  # fmt: skip
        # (cwd: ``-m`` puts the current folder first on sys.path, before PYTHONPATH)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--against", help="the root of another checkout, timed in turn with this one")
    args = ap.parse_args()
    here = str(Path(__file__).resolve().parents[1])
    labels = {"this": here} | ({"against": str(Path(args.against).resolve())} if args.against else {})
    samples: dict[str, list[tuple[float, float]]] = {k: [] for k in labels}
    loads = []
    for i in range(args.runs):
        order = list(labels) if i % 2 == 0 else list(reversed(labels))
        for label in order:
            samples[label].append(run_once(labels[label]))
            loads.append(os.getloadavg()[0])
    print(f"first --demo status on a new home ({args.runs} runs each; {os.cpu_count()} cores; "
          f"load {min(loads):.1f}-{max(loads):.1f})")  # fmt: skip
    for label, runs in samples.items():
        walls, cpus = [w for w, _c in runs], [c for _w, c in runs]
        print(f"  {label:8} wall median {statistics.median(walls):6.2f} s (min {min(walls):5.2f})   "
              f"cpu median {statistics.median(cpus):6.2f} s (min {min(cpus):5.2f})   {labels[label]}")  # fmt: skip


if __name__ == "__main__":
    main()
