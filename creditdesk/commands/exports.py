"""creditdesk export …: the daily ledger (每日核查台账) as CSV, XLSX or PDF.

``creditdesk export daily --date YYYY-MM-DD [--to YYYY-MM-DD] [--officer NAME]
[--matter M] [--outcome O] [--offline|--online] [--format csv|xlsx|pdf] --out PATH``

The export needs the ``export_personal_data`` permission once the home has
accounts (sign in with ``--user``); it is recorded in the audit trail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

EXIT_OK, EXIT_FAIL = 0, 1


def register(sub: argparse._SubParsersAction) -> None:
    ex = sub.add_parser("export", help="exports for supervisors: the daily ledger")
    ex_sub = ex.add_subparsers(dest="export_command", required=True)
    d = ex_sub.add_parser("daily", help="每日核查台账: the finalised reviews of a day (or days) as CSV, XLSX or PDF")
    d.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the day (or the first day with --to)")
    d.add_argument("--to", metavar="YYYY-MM-DD", help="the last day of a range (inclusive)")
    d.add_argument("--officer", metavar="NAME", help="only this officer's reviews (account login name)")
    d.add_argument("--matter", metavar="M", help="only this matter code, e.g. procurement")
    d.add_argument("--outcome", choices=("prohibit", "strict", "normal", "incentive"), help="only this outcome")
    on = d.add_mutually_exclusive_group()
    on.add_argument("--offline", dest="offline", action="store_const", const=True, help="only offline reviews")
    on.add_argument("--online", dest="offline", action="store_const", const=False, help="only online reviews")
    d.add_argument("--format", choices=("csv", "xlsx", "pdf"), help="default: from the extension of --out, else csv")
    d.add_argument("--out", required=True, metavar="PATH", help="the file to write")
    d.set_defaults(handler=cmd_export_daily)


def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{option} 应为日期 YYYY-MM-DD，实际为 {text!r}") from None


def cmd_export_daily(args: argparse.Namespace) -> int:
    from creditdesk.roles import NotPermitted
    from creditdesk.services.ledger import ExportCancelled, LedgerFilter, export_ledger

    try:
        start = _date(args.date, "--date")
        end = _date(args.to, "--to") if args.to else start
        flt = LedgerFilter(start, end, officer=args.officer or None, matter=args.matter or None,
                           outcome=args.outcome, offline=args.offline)  # fmt: skip
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_FAIL

    from creditdesk.cli import need, open_context

    ctx = open_context(args)  # signs in --user (Refused: exit 1 with the reason)
    need(ctx, "export_personal_data")  # once accounts exist: a supervisor or admin, signed in
    from creditdesk.commands import ctrl_c_cancels

    try:
        with ctrl_c_cancels() as cancel:  # Ctrl+C: no file written, nothing audited
            result = export_ledger(ctx.engine, ctx.audit, flt, args.format, args.out, ctx.user,
                                   unit=ctx.settings.unit_name, cancel=cancel)  # fmt: skip
    except NotPermitted as exc:
        print(f"不能导出：{exc}", file=sys.stderr)
        return EXIT_FAIL
    except (ExportCancelled, KeyboardInterrupt):
        print("导出已取消，未写入文件", file=sys.stderr)
        return EXIT_FAIL
    except PermissionError:
        print(f"错误：无法写入 {args.out}：没有写入权限", file=sys.stderr)
        return EXIT_FAIL
    except OSError as exc:
        print(f"错误：无法写入 {args.out}：{exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAIL
    finally:
        ctx.close()
    print(f"已导出 {result.rows} 条核查记录到 {result.path}")
    return EXIT_OK
