"""creditdesk CLI: ``objection file`` (登记异议) and ``objections`` (异议列表, with status follow-up)."""

from __future__ import annotations

import argparse
import json
import sys

from creditdesk.objection_statuses import STATUS_LABELS, STATUSES


def register(sub: argparse._SubParsersAction) -> None:
    ob = sub.add_parser("objection", help="异议: file an applicant's objection to a credit record")
    ob_sub = ob.add_subparsers(dest="objection_command", required=True)
    f = ob_sub.add_parser("file", help="file an objection; it is queued for the platform")
    f.add_argument("--record", required=True, metavar="ID", help="the record's id (e.g. FZ-CF-2025-000123)")
    f.add_argument("--subject", metavar="ID", help="the subject's id (default: the record's subject)")
    f.add_argument("--grounds", required=True, metavar="TEXT", help="why the record is wrong (at least 10 characters)")
    f.add_argument("--contact-name", required=True, metavar="NAME")
    f.add_argument("--contact-phone", required=True, metavar="PHONE", help="mobile or landline with area code")
    f.add_argument("--review", metavar="REVIEW_ID", help="the review at which the objection was raised")
    f.add_argument("--json", action="store_true")
    f.set_defaults(handler=cmd_objection_file)

    ls = sub.add_parser("objections", help="list objections with their status (officers: their own)")
    ls.add_argument("--status", choices=STATUSES, help="only this status")
    ls.add_argument("--no-refresh", action="store_true", help="do not update statuses from the outbox and records first")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_objections)


def cmd_objection_file(args: argparse.Namespace) -> int:
    from creditdesk.cli import need, open_context
    from creditdesk.roles import NotPermitted
    from creditdesk.services.objections import ObjectionDraft, ObjectionRefused, ObjectionService

    ctx = open_context(args)
    need(ctx, "review")
    try:
        draft = ObjectionDraft(record_id=args.record, subject_id=args.subject or "", grounds=args.grounds,
                               contact_name=args.contact_name, contact_phone=args.contact_phone,
                               review_id=args.review)  # fmt: skip
        try:
            saved = ObjectionService(ctx.engine, ctx.audit).file(draft, ctx.user, ctx.settings.unit_name)
        except (ObjectionRefused, NotPermitted) as exc:
            print(f"未登记：{exc}", file=sys.stderr)
            return 1
        if args.json:
            print(json.dumps(saved.to_json(), ensure_ascii=False))
        else:
            print(f"已登记异议 {saved.id}：{saved.subject_name or saved.subject_id} · {saved.record_title or saved.record_id}")
            print("异议已排队上报平台（creditdesk sync 送出），可用 creditdesk objections 查看处理状态")
        return 0
    finally:
        ctx.close()


def cmd_objections(args: argparse.Namespace) -> int:
    from creditdesk.cli import need, open_context
    from creditdesk.services.objections import ObjectionService

    ctx = open_context(args)
    need(ctx, "review")  # contacts are personal data: signed in once the home has accounts
    try:
        service = ObjectionService(ctx.engine, ctx.audit)
        if not args.no_refresh:
            service.refresh_statuses()
        listed = service.list(ctx.user, status=args.status)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps([o.to_json() for o in listed], ensure_ascii=False))
        return 0
    if not listed:
        print("没有" + (f"状态为“{STATUS_LABELS[args.status]}”的" if args.status else "") + "异议")
        return 0
    for o in listed:
        grounds = o.grounds if len(o.grounds) <= 30 else o.grounds[:30] + "…"
        print(f"{o.filed_at[:16].replace('T', ' ')}  {o.status_label}  {o.subject_name or o.subject_id}  "
              f"{o.record_title or o.record_id}  联系人 {o.contact_name} {o.contact_phone or ''}  经办 {o.officer}")  # fmt: skip
        print(f"    理由：{grounds}" + (f"\n    说明：{o.status_note}" if o.status_note else ""))
    return 0
