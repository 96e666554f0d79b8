"""creditdesk report usage: the usage report (使用情况报送) for a month, quarter or half-year.

    creditdesk report usage --period 2026-11|2026-Q3|2026-H1 --out FILE.pdf|FILE.xlsx [--format pdf|xlsx]
    creditdesk report usage --period 2026-Q3 --json

``--format`` defaults from the file's extension; ``--json`` prints the figures
instead of writing a file. ``--unit`` picks the unit (default: the installation's,
``--all-units`` for every unit). Counts by officer are included only for a
supervisor or administrator (or an unattributed home). Writing a file appends an
audit entry (``report`` / ``usage``). Exit 0 ok, 1 on a bad period or format, or a
failure, with the reason in Chinese on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

EXIT_OK, EXIT_FAIL = 0, 1


def register(sub: argparse._SubParsersAction) -> None:
    rp = sub.add_parser("report", help="报送材料: usage reports for the credit office")
    rp_sub = rp.add_subparsers(dest="report_command", required=True)
    u = rp_sub.add_parser("usage", help="使用情况报送: figures, charts and tables for a month, quarter or half-year")
    u.add_argument("--period", required=True, metavar="PERIOD", help="2026-11 (month), 2026-Q3 (quarter), 2026-H1 (half)")
    u.add_argument("--format", choices=("pdf", "xlsx"), help="default: from the --out file's extension")
    u.add_argument("--out", metavar="PATH", help="the PDF or XLSX to write")
    u.add_argument("--json", action="store_true", help="print the figures as JSON instead of writing a file")
    scope = u.add_mutually_exclusive_group()
    scope.add_argument("--unit", help="the unit (default: the installation's unit)")
    scope.add_argument("--all-units", action="store_true", help="every unit in the database")
    u.set_defaults(handler=cmd_report_usage)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_FAIL


def cmd_report_usage(args: argparse.Namespace) -> int:
    from creditdesk.services.usage import Period, UsageService, export_usage, format_for, next_deadlines, profile_store

    try:  # said before anything is opened
        period = Period.parse(args.period)
    except ValueError as exc:
        return _fail(f"--period 有误：{exc}")
    if not args.json and not args.out:
        return _fail("请用 --out 指定要写入的 PDF 或 XLSX 文件，或用 --json 输出统计数字")
    fmt = None
    if args.out and not args.json:
        try:
            fmt = format_for(args.out, args.format)
        except ValueError as exc:
            return _fail(str(exc))

    from creditdesk.cli import need, open_context

    ctx = open_context(args)
    try:
        need(ctx, "review")  # aggregate figures: every role; by-officer counts are scoped in the service
        unit = None if args.all_units else (args.unit or ctx.settings.unit_name)
        if args.json:
            report = UsageService(ctx.engine).report(period, viewer=ctx.user, unit=unit)
            out = report.to_json()
            schedule = next_deadlines(ctx.settings.profile_id, dt.date.today(), store=profile_store(ctx.engine))
            out["deadlines"] = {
                "note": schedule.note,
                "next": [{"due": d.due.isoformat() if d.due else None, "what": d.what, "to": d.to,
                          "period": d.period.code if d.period else None, "basis": d.basis} for d in schedule.deadlines],
            }  # fmt: skip
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return EXIT_OK
        from creditdesk.commands import ctrl_c_cancels

        try:
            with ctrl_c_cancels() as cancel:  # Ctrl+C: no file written, nothing audited
                result = export_usage(ctx.engine, ctx.audit, period, fmt, args.out, by=ctx.user, unit=unit,
                                      profile_id=ctx.settings.profile_id, cancel=cancel)  # fmt: skip
        except OSError as exc:
            return _fail(f"无法写入 {args.out}：{exc.strerror or exc}")
        r = result.report
        print(f"已生成{r.period.label}使用情况报送（{result.format.upper()}）：{result.path}")
        print(f"核查 {r.total} 件：" + "，".join(f"{label} {r.outcomes.get(o)}" for o, label in _labels()))
        if not r.officers_visible:
            print("（按经办人统计仅向科室负责人和系统管理员提供，本文件未含）")
        return EXIT_OK
    finally:
        ctx.close()


def _labels():  # noqa: ANN202
    """The long forms (creditdesk/outcomes.py): a terminal line has room for them."""
    from creditdesk.outcomes import LABELS, OUTCOMES

    return [(o, LABELS[o]) for o in OUTCOMES]
