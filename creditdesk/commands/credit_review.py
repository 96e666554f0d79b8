"""信用审查 (昆山 第十、十一、十四条) on the command line — one service with the GUI (creditdesk.services.credit_review).

- ``creditdesk credit-review request SUBJECT --matter CODE [--review ID] [--json]`` — ask the centre; prints the deadline
- ``creditdesk credit-review list [--overdue] [--json]`` — requests waiting for the centre's answer, soonest first
- ``creditdesk credit-review record REQUEST_ID --received-on YYYY-MM-DD [--report-no NO] [--adverse | --clean]
  [--summary TEXT] [--json]`` — the 审查报告 came back
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

EXIT_OK, EXIT_FAIL, EXIT_BAD_CODE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("credit-review", help="信用审查：向市公共信用信息中心申请、跟进期限、记录审查结果")
    csub = c.add_subparsers(dest="credit_review_command", required=True)
    rq = csub.add_parser("request", help="request a 信用审查 for a subject (queued for the platform, audited)")
    rq.add_argument("subject", help="USCC, ID number or subject id")
    rq.add_argument("--matter", required=True)
    rq.add_argument("--review", metavar="ID", help="the review it is requested for")
    rq.add_argument("--profile", help="policy profile id (default: the installation's)")
    rq.add_argument("--json", action="store_true")
    rq.set_defaults(handler=cmd_request)
    ls = csub.add_parser("list", help="requests waiting for the centre's answer, with working days left")
    ls.add_argument("--overdue", action="store_true")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)
    rc = csub.add_parser("record", help="record the centre's 审查报告 against its request")
    rc.add_argument("request_id")
    rc.add_argument("--received-on", required=True, metavar="YYYY-MM-DD")
    rc.add_argument("--report-no", default="")
    g = rc.add_mutually_exclusive_group()
    g.add_argument("--adverse", action="store_true", help="the report names adverse information")
    g.add_argument("--clean", action="store_true", help="the report names no adverse information")
    rc.add_argument("--summary", default="")
    rc.add_argument("--profile", help="policy profile id (default: the installation's)")
    rc.add_argument("--json", action="store_true")
    rc.set_defaults(handler=cmd_record)


def _ctx(args: argparse.Namespace):  # noqa: ANN202
    from creditdesk.cli import need, open_context

    ctx = open_context(args)
    need(ctx, "review")
    return ctx


def _days(row) -> str:  # noqa: ANN001
    est = "（估）" if row.due_estimated else ""
    if row.days_left is None:
        return ""
    if row.days_left < 0:
        return f"逾期 {-row.days_left} 个工作日{est}"
    return "今日到期" if row.days_left == 0 else f"剩 {row.days_left} 个工作日{est}"


def _profile(ctx, args):  # noqa: ANN001, ANN202
    from creditdesk.policy.store import ProfileStore

    return ProfileStore.from_engine(ctx.engine).resolve(args.profile or ctx.settings.profile_id, dt.date.today())


def cmd_request(args: argparse.Namespace) -> int:
    from creditdesk.identifiers import CodeError
    from creditdesk.policy.store import UnknownProfile
    from creditdesk.services.check import CheckInputError, CheckService
    from creditdesk.services.credit_review import CreditReviewRefused, CreditReviewService

    ctx = _ctx(args)
    try:
        try:
            profile = _profile(ctx, args)
            with ctx.engine.connect() as conn:
                subject_id, subject = CheckService(ctx.engine)._resolve(conn, args.subject)
            row = CreditReviewService(ctx.engine, ctx.audit).request(
                profile, subject_id, args.matter, ctx.settings.unit_name, ctx.user,
                subject_name=subject.name if subject else None, review_id=args.review)  # fmt: skip
        except CodeError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_BAD_CODE
        except (CheckInputError, CreditReviewRefused, UnknownProfile) as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_FAIL
        if args.json:
            print(json.dumps(row.to_json(), ensure_ascii=False))
        else:
            print(f"已申请信用审查 {row.id}（{profile.credit_review.by}）：{row.subject_name or row.subject_id}，"
                  f"事项 {row.matter}；应于 {row.due_on} 前反馈（{profile.credit_review.deadline_working_days} 个工作日）"
                  + ("，节假日安排未收录，按周一至周五估算" if row.due_estimated else ""))  # fmt: skip
        return EXIT_OK
    finally:
        ctx.close()


def cmd_list(args: argparse.Namespace) -> int:
    from creditdesk.services.credit_review import CreditReviewService

    ctx = _ctx(args)
    try:
        rows = CreditReviewService(ctx.engine, ctx.audit).waiting(overdue_only=args.overdue)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps([r.to_json() for r in rows], ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("没有已逾期的信用审查申请" if args.overdue else "没有待反馈的信用审查申请")
        return EXIT_OK
    for r in rows:
        print(f"{r.id}  {r.subject_name or r.subject_id}  事项 {r.matter}  经办人 {r.officer}  "
              f"申请 {r.requested_at[:10]}  期限 {r.due_on} {_days(r)}".rstrip())  # fmt: skip
    return EXIT_OK


def cmd_record(args: argparse.Namespace) -> int:
    from creditdesk.policy.store import UnknownProfile
    from creditdesk.services.credit_review import CreditReviewRefused, CreditReviewService

    try:
        received = dt.date.fromisoformat(args.received_on)
    except ValueError:
        print(f"--received-on 须为 YYYY-MM-DD 格式的日期：{args.received_on}", file=sys.stderr)
        return EXIT_FAIL
    ctx = _ctx(args)
    try:
        try:
            row = CreditReviewService(ctx.engine, ctx.audit).record_result(
                args.request_id, _profile(ctx, args), received, ctx.user, report_no=args.report_no,
                adverse=True if args.adverse else False if args.clean else None, summary=args.summary)  # fmt: skip
        except (CreditReviewRefused, UnknownProfile) as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_FAIL
        if args.json:
            print(json.dumps(row.to_json(), ensure_ascii=False))
        else:
            late = "（晚于期限）" if row.result_received_on > row.due_on else ""
            print(f"已记录审查报告 {row.result_report_no or '（无编号）'}：{row.subject_name or row.subject_id}，"
                  f"{row.result_received_on} 收到{late}，有效期至 {row.valid_until}")  # fmt: skip
        return EXIT_OK
    finally:
        ctx.close()
