"""承诺跟进与复核 on the command line.

- ``creditdesk commitments [--overdue | --due-within N | --in-force | --all] [--json]``
- ``creditdesk commitment mark NUMBER fulfilled|breached --note TEXT`` (科室负责人 / 管理员)
- ``creditdesk commitment item NUMBER N [--note TEXT]`` — the N-th promised item was handed in
- ``creditdesk recheck [--all] [--json]`` — recheck offline / stale reviews on the current data, list those that differ
- ``creditdesk alerts [--all] [--ack ID [--note TEXT]] [--json]``
"""

from __future__ import annotations

import argparse
import json
import sys

from creditdesk.outcomes import LABELS

EXIT_OK, EXIT_FAIL = 0, 1


def register(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("commitments", help="信用承诺：即将到期、已逾期、履行中（按工作日计算）")
    g = c.add_mutually_exclusive_group()
    g.add_argument("--overdue", action="store_true", help="only commitments with an item past due")
    g.add_argument("--due-within", type=int, metavar="N", help="an open item due within N working days (default 5)")
    g.add_argument("--in-force", action="store_true", help="every commitment in force")
    g.add_argument("--all", action="store_true", help="also fulfilled and breached ones")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_commitments)

    m = sub.add_parser("commitment", help="标记信用承诺已履约或违约")
    msub = m.add_subparsers(dest="commitment_command", required=True)
    mk = msub.add_parser("mark", help="mark a commitment fulfilled or breached (queued for the platform, audited)")
    mk.add_argument("number", help="commitment number CN-YYYYMMDD-NNNN (or its id)")
    mk.add_argument("status", choices=("fulfilled", "breached"))
    mk.add_argument("--note", default="", help="what happened (required for breached)")
    mk.add_argument("--json", action="store_true")
    mk.set_defaults(handler=cmd_commitment_mark)
    it = msub.add_parser("item", help="one promised item was handed in (容缺受理补交)")
    it.add_argument("number", help="commitment number CN-YYYYMMDD-NNNN (or its id)")
    it.add_argument("item", type=int, help="which promised item, 1 for the first (as `commitments` lists them)")
    it.add_argument("--note", default="")
    it.set_defaults(handler=cmd_commitment_item)

    r = sub.add_parser("recheck", help="复核离线或过期数据下作出的核查，列出结论变化的")
    r.add_argument("--all", action="store_true", help="list every latest recheck, not only differing open ones")
    r.add_argument("--ack", type=int, metavar="ID", help="acknowledge recheck ID (科室负责人 / 管理员)")
    r.add_argument("--json", action="store_true")
    r.set_defaults(handler=cmd_recheck)

    a = sub.add_parser("alerts", help="监管提醒：承诺履行期间出现的新失信记录")
    a.add_argument("--all", action="store_true", help="also acknowledged alerts")
    a.add_argument("--ack", type=int, metavar="ID", help="acknowledge alert ID (科室负责人 / 管理员)")
    a.add_argument("--note", default="", help="with --ack: what was done")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_alerts)


def _ctx(args: argparse.Namespace, permission: str):  # noqa: ANN202
    from creditdesk.cli import need, open_context

    ctx = open_context(args)
    need(ctx, permission)
    return ctx


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_FAIL


def _days(row) -> str:  # noqa: ANN001
    if row.days_left is None:
        return "—"
    est = "（估）" if row.estimated else ""
    if row.status != "in_force":
        return ""
    if row.days_left < 0:
        return f"逾期 {-row.days_left} 个工作日{est}"
    if row.days_left == 0:
        return "今日到期"
    return f"剩 {row.days_left} 个工作日{est}"


def cmd_commitments(args: argparse.Namespace) -> int:
    from creditdesk.services.followup import DEFAULT_WITHIN, FollowUpService

    state = "overdue" if args.overdue else "in_force" if args.in_force else "all" if args.all else "due"
    ctx = _ctx(args, "review")
    try:
        rows = FollowUpService(ctx.engine, ctx.audit).commitments(
            ctx.user, state, within_days=args.due_within if args.due_within is not None else DEFAULT_WITHIN)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps([r.to_json() for r in rows], ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print({"overdue": "没有已逾期的信用承诺", "due": "近期没有到期的信用承诺",
               "in_force": "没有履行中的信用承诺", "all": "还没有信用承诺"}[state])  # fmt: skip
        return EXIT_OK
    for r in rows:
        items = "；".join(f"{n}. {i.item} {i.due or '—'}" + ("（已交）" if not i.open else "")
                         for n, i in enumerate(r.items, 1))
        print(f"{r.number}  {r.subject_display}  事项 {r.matter}  签署人 {r.signer_name}  经办人 {r.officer}  "
              f"{r.status_label}  {r.earliest_due or ''} {_days(r)}".rstrip())  # fmt: skip
        if items:
            print(f"    承诺补交：{items}")
    return EXIT_OK


def cmd_commitment_mark(args: argparse.Namespace) -> int:
    from creditdesk.services.followup import STATUS_LABELS, FollowUpRefused, FollowUpService

    ctx = _ctx(args, "follow_up")
    try:
        try:
            result = FollowUpService(ctx.engine, ctx.audit).mark(args.number, args.status, args.note, ctx.user)
        except FollowUpRefused as exc:
            return _fail(str(exc))
    finally:
        ctx.close()
    c = result.commitment
    if args.json:
        print(json.dumps({**c.to_json(), "event_id": result.event_id}, ensure_ascii=False))
    else:
        print(f"已标记 {c.number}（{c.subject_display}）为{STATUS_LABELS[c.status]}；"
              f"已列入待上报（commitment_status {result.event_id}），下次同步时报送平台")  # fmt: skip
    return EXIT_OK


def cmd_commitment_item(args: argparse.Namespace) -> int:
    from creditdesk.services.followup import FollowUpRefused, FollowUpService

    ctx = _ctx(args, "follow_up")
    try:
        try:
            result = FollowUpService(ctx.engine, ctx.audit).mark_item_fulfilled(args.number, args.item - 1, args.note,
                                                                                ctx.user)  # fmt: skip
        except FollowUpRefused as exc:
            return _fail(str(exc))
    finally:
        ctx.close()
    c = result.commitment
    item = c.items[args.item - 1]
    left = [i.item for i in c.items if i.open]
    print(f"已登记 {c.number} 第 {args.item} 项“{item.item}”已补交；"
          + (f"尚待补交：{'、'.join(left)}" if left else "全部材料已补交，可标记承诺已履约"))  # fmt: skip
    return EXIT_OK


def cmd_recheck(args: argparse.Namespace) -> int:
    from creditdesk.services.recheck import RecheckService

    ctx = _ctx(args, "follow_up" if args.ack is not None else "review")
    try:
        service = RecheckService(ctx.engine, ctx.audit)
        if args.ack is not None:
            try:
                row = service.acknowledge(args.ack, ctx.user)
            except (LookupError, ValueError) as exc:
                return _fail(str(exc))
            print(f"已确认复核 {row.id}（{row.subject_name or row.subject_id}，核查码 {row.verification_code}）")
            return EXIT_OK
        summary = service.run()
        rows = service.list(ctx.user, differing_only=not args.all, open_only=not args.all)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps({"run": summary.to_json(), "rechecks": [r.to_json() for r in rows]}, ensure_ascii=False))
        return EXIT_OK
    print(f"复核：数据位置 seq {summary.seq}，本次复核 {summary.created} 条，结论变化 {summary.differing} 条")
    for p in summary.problems:
        print(f"  无法复核：{p}", file=sys.stderr)
    if not rows:
        print("没有待处理的复核（结论变化的离线/过期数据核查）")
    for r in rows:
        new = sorted(r.new_record_ids)
        print(f"[{r.id}] {r.subject_name or '（平台无此主体）'} {r.subject_code or ''}  事项 {r.matter}  "
              f"核查码 {r.verification_code}  {r.finalised_at[:16]}  经办人 {r.officer}  "
              f"{LABELS.get(r.old_outcome, r.old_outcome)} → {LABELS.get(r.new_outcome, r.new_outcome)}"
              + (f"  新增有效记录：{'、'.join(new)}" if new else ""))  # fmt: skip
    return EXIT_OK


def cmd_alerts(args: argparse.Namespace) -> int:
    from creditdesk.services.followup import FollowUpRefused, FollowUpService

    ctx = _ctx(args, "follow_up" if args.ack is not None else "review")
    try:
        service = FollowUpService(ctx.engine, ctx.audit)
        if args.ack is not None:
            try:
                a = service.acknowledge_alert(args.ack, ctx.user, note=args.note)
            except FollowUpRefused as exc:
                return _fail(str(exc))
            print(f"已确认提醒 {a.id}")
            return EXIT_OK
        rows = service.alerts(ctx.user, open_only=not args.all)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps([a.to_json() for a in rows], ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("没有待处理的监管提醒")
    for a in rows:
        done = f"  （已由 {a.acknowledged_by} 确认）" if a.acknowledged_at else ""
        print(f"[{a.id}] {a.created_at[:16]}  {a.message}{done}")
    return EXIT_OK
