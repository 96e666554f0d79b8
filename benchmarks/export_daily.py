"""The daily ledger on a busy day: query and each export format, timed.

    python benchmarks/export_daily.py [--reviews 2000] [--keep DIR]

1. Builds a home (SQLite) holding one day of N finalised reviews — companies and
   persons (masked), every outcome, measures, departures, commitments, offline
   ones and a few corrections — inserted with Core in one transaction, each with
   its real content digest and verification code (not timed).
2. Times ``LedgerService.rows`` for the day (cold, then warm), then
   ``export_ledger`` to CSV, XLSX and PDF (each with the audit entry).
Prints seconds and rows/s for each. ``--keep DIR`` keeps the home and the files
in DIR (the files can then be looked at; the home is reused when it exists).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DAY = dt.date(2026, 11, 20)
TZ = dt.timezone(dt.timedelta(hours=8))
UNIT = "福州市行政服务中心"
OFFICERS = ("wangfang", "chenjing", "liming", "zhaolei", "sunli", "zhoumin")
MATTERS = ("procurement", "bidding", "approval", "qualification", "fiscal_support", "land_transfer", "honors")
MEASURES = {
    "prohibit": ["依法限制参与政府采购活动", "不予受理其财政资金扶持申请，并告知其失信记录及修复途径"],
    "strict": ["从严审核申报材料，必要时实地核查", "加强事中事后监管，列为重点监管对象", "要求提交信用报告"],
    "incentive": ["开辟绿色通道，可适用容缺受理", "在同等条件下优先考虑"],
    "normal": [],
}
NAMES = ("顺心贸易", "闽江建设工程", "榕城科技", "海峡物流", "鼓山食品", "福州金瑞机电设备", "三坊七巷文化旅游发展",
         "马尾船舶修造", "仓山医疗器械", "晋安园林绿化工程")  # fmt: skip


def build_home(home: Path, n: int) -> None:
    from sqlalchemy import insert

    from creditdesk.app import open_app
    from creditdesk.db import models
    from creditdesk.db.engine import write_transaction
    from creditdesk.identifiers import make_id_number, make_uscc, mask_id_number
    from creditdesk.services.reviews import code_candidate, content_digest, format_code

    ctx = open_app(home)
    review, commitment = models.Review.__table__, models.Commitment.__table__
    rnd = random.Random(2026)
    t0 = dt.datetime.combine(DAY, dt.time(8, 30), TZ)
    rows, crows, codes = [], [], set()
    last_ids: list[str] = []
    cn = 0
    for i in range(n):
        outcome = rnd.choices(("normal", "strict", "incentive", "prohibit"), (60, 20, 15, 5))[0]
        computed = outcome if rnd.random() > 0.03 else rnd.choice(("normal", "strict"))
        person = rnd.random() < 0.15
        rid = str(uuid.uuid4())
        version, supersedes = 1, None
        if last_ids and rnd.random() < 0.01:
            supersedes = last_ids.pop(rnd.randrange(len(last_ids)))
            version = 2
        if person:
            code = mask_id_number(make_id_number("350102", dt.date(1970 + i % 40, 1 + i % 12, 1 + i % 28), i % 1000))
            name, sid = rnd.choice("林陈黄张李王吴刘蔡杨") + rnd.choice(("小红", "建国", "秀英", "志强", "丽华")), f"P-{i:06d}"
        else:
            code = make_uscc(f"91350100{i:08d}M")
            name, sid = f"福州{rnd.choice(NAMES)}有限公司", code
        at = t0 + dt.timedelta(seconds=int(i * 9 * 3600 / n))
        values = {
            "id": rid, "version": version, "supersedes": supersedes, "subject_id": sid, "subject_name": name,
            "subject_kind": "person" if person else "company", "subject_code_display": code,
            "matter": rnd.choice(MATTERS), "profile_id": "fuzhou", "profile_version": 1,
            "computed_outcome": computed, "final_outcome": outcome,
            "departure_reason": "申请人已提交信用修复证明，经科室负责人同意按正常办理" if computed != outcome else None,
            "measures": [{"text": t, "citation": {}} for t in MEASURES[outcome]], "requirements": [],
            "findings": [], "report": None, "data_seq": 1000, "data_epoch": "e1",
            "data_as_of": "2026-11-20T06:00:00+08:00", "offline": rnd.random() < 0.08, "stale": False,
            "officer": rnd.choice(OFFICERS), "unit": UNIT, "window": f"{1 + i % 8}号窗口",
            "started_at": None, "finalised_at": at.isoformat(timespec="seconds"),
        }  # fmt: skip
        cvalues = None
        if outcome != "prohibit" and rnd.random() < 0.3:
            cn += 1
            cvalues = {
                "id": str(uuid.uuid4()), "review_id": rid, "unit": UNIT, "number": f"CN-{DAY:%Y%m%d}-{cn:04d}",
                "template_text": "本单位郑重承诺……", "signer_name": "张三", "signer_role": "legal_representative",
                "signature_png": None, "signed_on_paper": True, "signed_at": values["finalised_at"],
                "status": "in_force", "due_items": None,
            }  # fmt: skip
            crows.append(cvalues)
        digest = content_digest(values, cvalues)
        k = 0
        while format_code(code_candidate(digest, k)) in codes:
            k += 1
        values["content_digest"], values["verification_code"] = digest, format_code(code_candidate(digest, k))
        codes.add(values["verification_code"])
        rows.append(values)
        last_ids.append(rid)
    with write_transaction(ctx.engine) as conn:
        conn.execute(insert(review), rows)
        if crows:
            conn.execute(insert(commitment), crows)
    ctx.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reviews", type=int, default=2000)
    ap.add_argument("--keep", metavar="DIR", help="keep the home and the exported files here")
    args = ap.parse_args()

    from creditdesk.app import open_app
    from creditdesk.services.ledger import LedgerFilter, LedgerService, export_ledger

    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="cd-ledger-bench-"))
    home = base / "home"
    try:
        marker = base / f"built-{args.reviews}"
        if not marker.exists():
            shutil.rmtree(home, ignore_errors=True)
            t = time.perf_counter()
            build_home(home, args.reviews)
            marker.touch()
            print(f"home with {args.reviews:,} reviews on {DAY} built in {time.perf_counter() - t:.1f} s (not timed)")
        ctx = open_app(home)
        flt = LedgerFilter.day(DAY)
        print(f"{'step':<22}{'rows':>7}{'seconds':>10}{'rows/s':>11}")

        def report(step: str, rows: int, seconds: float) -> None:
            print(f"{step:<22}{rows:>7,}{seconds:>10.3f}{rows / seconds if seconds else 0:>11,.0f}")

        for label in ("ledger query (cold)", "ledger query (warm)"):
            svc = LedgerService(ctx.engine) if "cold" in label else svc  # noqa: F821 - warm reuses the cache
            t = time.perf_counter()
            rows = svc.rows(flt)
            report(label, len(rows), time.perf_counter() - t)
        for fmt in ("csv", "xlsx", "pdf"):
            path = base / f"ledger-{DAY}.{fmt}"
            t = time.perf_counter()
            res = export_ledger(ctx.engine, ctx.audit, flt, fmt, path, None, unit=UNIT)
            report(f"export {fmt} (+query)", res.rows, time.perf_counter() - t)
            print(f"{'':<22}{path.stat().st_size / 1024:>7,.0f} KiB  {path}")
        ctx.close()
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
