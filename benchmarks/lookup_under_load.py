"""Counter lookup latency while a bundle import and a ledger export run (issue 12: p95 <= 100 ms).

    python benchmarks/lookup_under_load.py [--subjects 20000] [--lookups 300] [--interval 0.05] [--one-pool]

1. Setup (not timed): the demo city is written as two signed bundles — the first
   half of its feed, then the rest as a delta — the first is imported into a
   fresh home and some weeks of counter work (the demo history) give the ledger
   its rows.
2. Baseline: lookups as the counter makes them — on the GUI task helper's
   interactive lane (ui/tasks.py), timed from the moment the GUI thread asks
   until the answer is back on the GUI thread, with the lookup's audit entry
   queued as the counter does — one every ``--interval`` seconds (an officer
   typing), nothing else running.
3. Under load, in the same run: the same lookups while, on the long-job lane,
   the delta bundle is imported (one write transaction for the whole bundle)
   and the ledger of the whole history is exported as PDF again and again
   until the import has ended.
Prints p50 / p95 / p99 / max for both and the jobs' own times. The GIL switch
interval is the GUI's (1 ms, ui/main.py). ``--one-pool`` runs the jobs on the
interactive lane instead, i.e. one two-thread pool for everything as before.

Runs on an offscreen Qt platform; the numbers depend on the machine — say
whether it was shared when you quote them.

Last measured (2 cores shared with other work; 100,000 subjects, a delta of 199,981
changes, 1,069 reviews in the ledger): bare p95 14.2 ms; under load p95 44.7 ms,
p99 63.0 ms, max 124 ms (import 22.7 s, ledger PDF 8.2 s each) — target met. With
``--one-pool`` (as before the lanes) the first lookup waited 21,166 ms: the import
and the export held both threads until the import ended.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import os
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import creditdesk.ui  # noqa: E402,F401 - before any Qt call (ui/_none_guard.py)

KEY_ID = "bench-under-load"


def percentiles(samples: list[float]) -> str:
    s = sorted(samples)
    if not s:
        return "no samples"
    pick = lambda q: s[min(len(s) - 1, int(q * len(s)))] * 1000  # noqa: E731
    return (f"p50 {pick(0.50):7.1f} ms   p95 {pick(0.95):7.1f} ms   p99 {pick(0.99):7.1f} ms   "
            f"max {s[-1] * 1000:7.1f} ms   (n={len(s)})")  # fmt: skip


def p95(samples: list[float]) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, int(0.95 * len(s)))] * 1000


def write_bundles(work: Path, subjects: int) -> tuple[Path, Path, str]:
    from cryptography.hazmat.primitives import serialization

    from creditdesk.demo.city import DemoCity
    from creditdesk_platform.bundles import generate_signing_key, write_bundle

    total = sum(1 for _ in DemoCity(subjects=subjects, seed=2026).changes())
    half = total // 2
    city = DemoCity(subjects=subjects, seed=2026)
    key = generate_signing_key()
    person = "b64:" + base64.b64encode(city.person_key).decode()
    first, rest = work / "first.cdpkg", work / "rest.cdpkg"
    common = dict(platform_id=city.platform_id, epoch=city.epoch, key_id=KEY_ID, private_key=key, person_key_b64=person)
    write_bundle(first, after=0, next_seq=half, changes=(c for c in DemoCity(subjects=subjects, seed=2026).changes()
                                                          if c["seq"] <= half), **common)  # fmt: skip
    write_bundle(rest, after=half, next_seq=total, changes=(c for c in DemoCity(subjects=subjects, seed=2026).changes()
                                                            if c["seq"] > half), **common)  # fmt: skip
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return first, rest, "b64:" + base64.b64encode(public).decode()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--subjects", type=int, default=20_000)
    ap.add_argument("--lookups", type=int, default=300, help="lookups in the baseline (the loaded phase runs until the import ends)")
    ap.add_argument("--interval", type=float, default=0.05, help="seconds between lookups (an officer typing)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--one-pool", action="store_true",
                    help="for comparison: every task in one two-thread pool, as before the lanes")
    args = ap.parse_args()
    sys.setswitchinterval(0.001)  # as the GUI runs (ui/main.py)

    from PySide6.QtCore import QCoreApplication, QElapsedTimer
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    from creditdesk.app import open_app
    from creditdesk.demo.history import SUPERVISOR, generate_history
    from creditdesk.platform.bundle import import_bundle
    from creditdesk.platform.keys import TrustedKeys
    from creditdesk.services.ledger import LedgerFilter, export_ledger
    from creditdesk.ui.tasks import INTERACTIVE, LONG, TaskRunner

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="creditdesk-under-load-"))
    t = time.perf_counter()
    first, rest, public = write_bundles(work, args.subjects)
    ctx = open_app(work / "home")
    ctx.settings.profile_id, ctx.settings.unit_name = "wuchang", "武昌区政务服务中心"
    manifest = __import__("json").loads(zipfile.ZipFile(first).read("manifest.json"))
    TrustedKeys(ctx.engine).trust(manifest["platform_id"], KEY_ID, public)
    loaded = import_bundle(first, ctx.engine)
    today = dt.date.today()
    history = generate_history(ctx.engine, ctx.settings, today, weeks=6)
    print(f"setup: {args.subjects:,} subjects, first half {loaded.applied:,} changes, {history.reviews:,} reviews "
          f"in {time.perf_counter() - t:.0f} s; home {work / 'home'}")  # fmt: skip

    rng = random.Random(args.seed)
    with ctx.engine.connect() as conn:
        codes = [r[0] for r in conn.execute(text("SELECT uscc FROM subject WHERE uscc IS NOT NULL"))]
        names = [r[0] for r in conn.execute(text("SELECT name FROM subject WHERE kind != 'natural_person'"))]
    queries = []
    for _ in range(4000):
        if rng.random() < 0.6:
            queries.append(rng.choice(codes))
        else:
            name = rng.choice(names)
            start = rng.randrange(0, max(1, len(name) - 3))
            queries.append(name[start:start + 3])

    runner = TaskRunner()
    long_lane = INTERACTIVE if args.one_pool else LONG
    lookup, audit_queue = ctx.lookup, ctx.audit_queue

    def one_lookup(query: str) -> float:
        """One counter lookup, asked and answered on this (the GUI) thread; seconds."""
        done: list[float] = []
        clock = QElapsedTimer()
        clock.start()

        def run(task):  # noqa: ANN001, ANN202 - as counter_page does it
            result = lookup.lookup(query, limit=10, day=today)
            audit_queue.put("lookup", actor=None, target=result.kind, detail={"kind": result.kind,
                                                                              "hits": len(result.results)})
            return result

        runner.run(run, on_success=lambda _r: done.append(clock.nsecsElapsed() / 1e9),
                   on_failure=lambda exc: done.append(float("nan")), key="lookup")  # fmt: skip
        while not done:
            app.processEvents()
            time.sleep(0.0005)
        return done[0]

    def paced(n: int | None, until=None) -> list[float]:  # noqa: ANN001
        samples = []
        i = 0
        while (n is None or i < n) and (until is None or not until()):
            samples.append(one_lookup(queries[i % len(queries)]))
            i += 1
            end = time.perf_counter() + args.interval
            while time.perf_counter() < end:
                app.processEvents()
                time.sleep(0.002)
        return samples

    paced(20)  # warm the connection pool and the caches
    base = paced(args.lookups)
    print("bare      " + percentiles(base))

    state = {"import": None, "exports": 0, "locked": 0, "export_s": 0.0, "stop": False}
    flt = LedgerFilter(today - dt.timedelta(days=60), today)
    supervisor = ctx.accounts.get(SUPERVISOR)  # exports need a supervisor once accounts exist

    def importing(task):  # noqa: ANN001, ANN202
        t0 = time.perf_counter()
        result = import_bundle(rest, ctx.engine, cancel=task)
        return result, time.perf_counter() - t0

    def exporting(task):  # noqa: ANN001, ANN202
        while not state["stop"] and not task.cancelled:
            t0 = time.perf_counter()
            try:
                export_ledger(ctx.engine, ctx.audit, flt, "pdf", work / "ledger.pdf", supervisor, cancel=task)
            except OperationalError:  # the export's audit entry waits for the import's write lock, and gives up
                state["locked"] += 1
            state["export_s"] += time.perf_counter() - t0
            state["exports"] += 1

    def imported(outcome) -> None:  # noqa: ANN001
        state["import"] = outcome
        state["stop"] = True

    def failed(exc: BaseException) -> None:
        state["import"] = exc
        state["stop"] = True

    runner.run(importing, on_success=imported, on_failure=failed, lane=long_lane)
    runner.run(exporting, on_failure=lambda exc: print(f"export failed: {exc}"), lane=long_lane)
    loaded_samples = paced(None, until=lambda: state["stop"])
    runner.wait(-1)
    outcome = state["import"]
    if isinstance(outcome, BaseException):
        raise SystemExit(f"import failed: {outcome}")
    result, seconds = outcome
    print(("loaded, one pool " if args.one_pool else "loaded    ") + percentiles(loaded_samples))
    print(f"jobs: import of {result.applied:,} changes in {seconds:.1f} s; {state['exports']} ledger PDF exports of "
          f"{history.reviews:,} reviews, {state['export_s'] / max(1, state['exports']):.1f} s each "
          f"({state['locked']} rendered but refused at the audit entry: the import held the write lock)")  # fmt: skip
    verdict = "met" if p95(loaded_samples) <= 100 else "NOT met"
    print(f"p95 under load {p95(loaded_samples):.1f} ms vs bare {p95(base):.1f} ms — target <= 100 ms {verdict}")
    runner.shutdown(10_000)
    ctx.close()


if __name__ == "__main__":
    main()
