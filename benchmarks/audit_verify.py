"""``audit verify`` over a long trail, timed.

    python benchmarks/audit_verify.py [--entries 100000] [--postgres URL] [--keep DIR]

1. Builds a database (a SQLite file, or a PostgreSQL URL's schema, which it
   drops first) whose audit trail holds N entries looking like a busy hall's —
   lookups with masked queries and hit ids, checks, reviews, logins — appended
   through ``AuditTrail.append`` in transactions of 5,000 (not timed, but the
   rate is printed).
2. Times ``AuditTrail.verify()`` (the whole chain, as ``creditdesk audit verify``
   and the page's 校验 button run it), cold and warm, and prints seconds and
   entries/s; then edits one entry near the end and checks it is found.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

TZ = dt.timezone(dt.timedelta(hours=8))
OFFICERS = ("wangfang", "chenjing", "liming", "zhaolei", "sunli", "zhoumin", None)


def build(engine, n: int) -> float:  # noqa: ANN001
    from creditdesk.db.engine import write_transaction
    from creditdesk.services.audit import AuditTrail

    rnd = random.Random(7)
    start = dt.datetime(2026, 1, 1, 8, 30, tzinfo=TZ)
    clock = {"t": start}

    def now() -> dt.datetime:
        clock["t"] += dt.timedelta(seconds=rnd.randint(5, 90))
        return clock["t"]

    trail = AuditTrail(engine, now=now)
    began = time.perf_counter()
    done = 0
    while done < n:
        with write_transaction(engine) as conn:
            for _ in range(min(5000, n - done)):
                who = rnd.choice(OFFICERS)
                k = rnd.random()
                if k < 0.6:
                    q = f"{rnd.randint(110000, 659000)}********{rnd.randint(1000, 9999)}" if rnd.random() < 0.3 else "福州顺心贸易"
                    trail.append("lookup", actor=who, target=q, conn=conn, detail={
                        "kind": "id_number" if "*" in q else "name", "query": q,
                        "hits": [f"L-9135010{rnd.randint(10000000000, 99999999999)}" for _ in range(rnd.randint(0, 5))]})  # fmt: skip
                elif k < 0.85:
                    s = f"L-9135010{rnd.randint(10000000000, 99999999999)}"
                    trail.append("check", actor=who, target=s, conn=conn, detail={
                        "subject": s, "matter": "procurement", "outcome": rnd.choice(["normal", "strict", "prohibit"]),
                        "profile": "fuzhou", "profile_version": 1, "on": "2026-11-20"})  # fmt: skip
                elif k < 0.95:
                    trail.append("review", actor=who, target=f"{rnd.randint(0, 16**8):08x}", conn=conn,
                                 detail={"verification_code": "ABCD-EFGH-JK", "outcome": "normal"})  # fmt: skip
                else:
                    trail.append("login", actor=who, target=who, conn=conn)
                done += 1
    return time.perf_counter() - began


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--postgres", metavar="URL", help="run on this PostgreSQL database (its public schema is dropped!)")
    ap.add_argument("--keep", metavar="DIR", help="keep the SQLite file in DIR")
    args = ap.parse_args()

    from sqlalchemy import update

    from creditdesk.db import models
    from creditdesk.db.engine import make_engine, migrate, write_transaction
    from creditdesk.services.audit import AuditTrail

    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="cd-audit-"))
    tmp.mkdir(parents=True, exist_ok=True)
    if args.postgres:
        from support.db import reset_pg_schema

        reset_pg_schema(args.postgres)
        url = args.postgres
    else:
        db = tmp / "audit.sqlite"
        if db.exists():
            db.unlink()
        url = f"sqlite:///{db}"
    engine = make_engine(url)
    try:
        migrate(engine, tmp / "backups")
        built = build(engine, args.entries)
        print(f"{engine.dialect.name}: appended {args.entries:,} entries in {built:.1f} s "
              f"({args.entries / built:,.0f}/s, in transactions of 5,000)")  # fmt: skip
        trail = AuditTrail(engine)
        for label in ("cold", "warm"):
            t0 = time.perf_counter()
            verdict = trail.verify()
            took = time.perf_counter() - t0
            assert verdict.intact and verdict.entries == args.entries, verdict
            print(f"verify ({label}): {verdict.entries:,} entries intact in {took:.2f} s "
                  f"({verdict.entries / took:,.0f} entries/s)")  # fmt: skip
        bad = args.entries - 10
        t = models.AuditEntry.__table__
        with write_transaction(engine) as conn:
            conn.execute(update(t).where(t.c.seq == bad).values(target="tampered"))
        t0 = time.perf_counter()
        verdict = trail.verify()
        took = time.perf_counter() - t0
        assert not verdict.intact and verdict.first_bad_seq == bad, verdict
        print(f"verify (tampered near the end): found entry {bad:,} in {took:.2f} s — {verdict.reason}")
    finally:
        engine.dispose()
        if not args.keep and not args.postgres:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
