"""creditdesk CLI: accounts (``account``), the audit trail (``audit``) and ``purge``.

Passwords never go on the command line: the signed-in account's from
CREDITDESK_PASSWORD or a prompt (``--user``), a new one from
CREDITDESK_NEW_PASSWORD or a prompt asked twice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from creditdesk.roles import ROLE_LABELS, ROLES

EXIT_OK, EXIT_FAIL = 0, 1


def register(sub: argparse._SubParsersAction) -> None:
    ac = sub.add_parser("account", help="accounts of this home: create, list, passwd, disable, enable, role")
    acs = ac.add_subparsers(dest="account_command", required=True)
    c = acs.add_parser("create", help="create an account (the first one must be an admin and needs no --user)")
    c.add_argument("name", help="login name: 2–64 of a-z 0-9 . _ -")
    c.add_argument("--role", required=True, choices=ROLES)
    c.add_argument("--display-name", help="shown on slips and ledgers (default: the name)")
    c.add_argument("--unit", help="the account's unit")
    c.set_defaults(handler=cmd_account_create)
    ls = acs.add_parser("list", help="list the accounts")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_account_list)
    pw = acs.add_parser("passwd", help="set a new password (your own, or anyone's as admin)")
    pw.add_argument("name")
    pw.set_defaults(handler=cmd_account_passwd)
    for verb, text in (("disable", "disable an account (admin)"), ("enable", "enable an account again (admin)")):
        p = acs.add_parser(verb, help=text)
        p.add_argument("name")
        p.set_defaults(handler=cmd_account_disable, disable=verb == "disable")
    rl = acs.add_parser("role", help="change an account's role (admin)")
    rl.add_argument("name")
    rl.add_argument("role", choices=ROLES)
    rl.set_defaults(handler=cmd_account_role)

    au = sub.add_parser("audit", help="the audit trail: verify, export, list")
    aus = au.add_subparsers(dest="audit_command", required=True)
    v = aus.add_parser("verify", help="check the hash chain: exit 0 intact, 1 with the first broken entry")
    v.add_argument("--json", action="store_true")
    v.set_defaults(handler=cmd_audit_verify)
    ex = aus.add_parser("export", help="write the trail as CSV (supervisor)")
    ex.add_argument("--out", required=True, metavar="FILE.csv")
    ex.add_argument("--since", metavar="YYYY-MM-DD")
    ex.add_argument("--until", metavar="YYYY-MM-DD")
    ex.add_argument("--actor", help="only this account's entries")
    ex.add_argument("--action", help="only this action code, e.g. denied, login_failed")
    ex.set_defaults(handler=cmd_audit_export)
    li = aus.add_parser("list", help="recent entries, newest first (an officer sees only their own)")
    li.add_argument("--limit", type=int, default=50)
    li.add_argument("--actor", help="only this account's entries")
    li.add_argument("--action", help="only this action code, e.g. lookup, login_failed")
    li.add_argument("--since", metavar="YYYY-MM-DD")
    li.add_argument("--until", metavar="YYYY-MM-DD")
    li.add_argument("--json", action="store_true")
    li.set_defaults(handler=cmd_audit_list)

    pg = sub.add_parser("purge", help="delete reviews finalised before a day, with their commitments (admin)")
    pg.add_argument("--before", required=True, metavar="YYYY-MM-DD")
    pg.add_argument("--dry-run", action="store_true", help="only count what would go")
    pg.add_argument("--json", action="store_true")
    pg.set_defaults(handler=cmd_purge)


# -- helpers -----------------------------------------------------------------------------


def _day(text: str | None, option: str) -> dt.date | None:
    from creditdesk.cli import Refused

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Refused(f"{option} 须为 YYYY-MM-DD 格式的日期：{text}") from None


def _signed_in(ctx) -> None:  # noqa: ANN001
    """Once the home has accounts, account changes need --user (a refusal is audited)."""
    from creditdesk.cli import PASSWORD_ENV, Refused
    from creditdesk.services.audit import audit_refusal

    if ctx.user is None and ctx.accounts.accounts_exist():
        audit_refusal(ctx.audit, None, "manage_accounts", _attempt(ctx))
        ctx.close()
        raise Refused(f"本数据目录已建立账户，此操作需要登录：请加 --user 账户名（密码在提示时输入，或由环境变量 {PASSWORD_ENV} 提供）")


def _attempt(ctx, name: str | None = None) -> str:  # noqa: ANN001
    what = getattr(ctx, "attempt", None) or "creditdesk account"
    return f"{what} {name}" if name else what


def _refused(ctx, exc: Exception, name: str | None = None, permission: str = "manage_accounts") -> int:  # noqa: ANN001
    """An account change refused: audited (``denied``) when it was for lack of permission; exit 1."""
    from creditdesk.roles import NotPermitted
    from creditdesk.services.audit import audit_refusal

    if isinstance(exc, NotPermitted):
        audit_refusal(ctx.audit, ctx.user, permission, _attempt(ctx, name), exc=exc)
    return _fail(exc)


def _fail(exc: Exception) -> int:
    print(str(exc), file=sys.stderr)
    return EXIT_FAIL


def _when(value: dt.datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else "—"


# -- account -----------------------------------------------------------------------------


def cmd_account_create(args: argparse.Namespace) -> int:
    from creditdesk.cli import NEW_PASSWORD_ENV, open_context, read_password
    from creditdesk.roles import NotPermitted
    from creditdesk.services.accounts import AccountError, check_password_policy, normalise_name

    ctx = open_context(args)
    try:
        _signed_in(ctx)
        try:
            name = normalise_name(args.name)
            if ctx.user is not None and not ctx.user.can("manage_accounts"):
                raise NotPermitted(f"{ctx.user.label}无权管理账户，需要 系统管理员")
            password = read_password(NEW_PASSWORD_ENV, f"账户 {name} 的新密码（至少 8 位）：", confirm=True)
            check_password_policy(name, password)
            actor = ctx.accounts.create(name, args.role, password, display_name=args.display_name, unit=args.unit,
                                        by=ctx.user)  # fmt: skip
        except (AccountError, NotPermitted) as exc:
            return _refused(ctx, exc, args.name.strip().lower())
        print(f"已创建账户 {actor.name}：{actor.label}" + (f"，{actor.unit}" if actor.unit else ""))
        return EXIT_OK
    finally:
        ctx.close()


def cmd_account_list(args: argparse.Namespace) -> int:
    from creditdesk.cli import need, open_context

    ctx = open_context(args)
    try:
        need(ctx, "review")
        infos = ctx.accounts.list()
        if args.json:
            for a in infos:
                print(json.dumps({
                    "name": a.name, "display_name": a.display_name, "role": a.role, "unit": a.unit,
                    "disabled": a.disabled, "created_at": a.created_at.isoformat() if a.created_at else None,
                    "last_login_at": a.last_login_at.isoformat() if a.last_login_at else None,
                    "locked_until": a.locked_until.isoformat() if a.locked_until else None,
                }, ensure_ascii=False))  # fmt: skip
            return EXIT_OK
        if not infos:
            print("尚无账户（用 creditdesk account create 名称 --role admin 创建第一个管理员）")
            return EXIT_OK
        for a in infos:
            state = "已停用" if a.disabled else (f"锁定至 {_when(a.locked_until)}" if a.locked_until else "可用")
            print(f"{a.name:<20} {a.display_name}  {ROLE_LABELS.get(a.role, a.role)}  {a.unit or '—'}  {state}  "
                  f"上次登录 {_when(a.last_login_at)}")  # fmt: skip
        return EXIT_OK
    finally:
        ctx.close()


def cmd_account_passwd(args: argparse.Namespace) -> int:
    from creditdesk.cli import NEW_PASSWORD_ENV, open_context, read_password
    from creditdesk.roles import NotPermitted
    from creditdesk.services.accounts import AccountError, check_password_policy, normalise_name

    ctx = open_context(args)
    try:
        if ctx.user is None:
            _signed_in(ctx)
            return _fail(AccountError("尚无账户，无需设置密码"))
        try:
            name = normalise_name(args.name)
            if ctx.user.name != name and not ctx.user.can("manage_accounts"):
                raise NotPermitted(f"{ctx.user.label}只能修改自己的密码")
            password = read_password(NEW_PASSWORD_ENV, f"账户 {name} 的新密码（至少 8 位）：", confirm=True)
            check_password_policy(name, password)
            ctx.accounts.set_password(name, password, by=ctx.user)
        except (AccountError, NotPermitted) as exc:
            return _refused(ctx, exc, args.name.strip().lower())
        print(f"已修改账户 {name} 的密码")
        return EXIT_OK
    finally:
        ctx.close()


def _admin_change(args: argparse.Namespace, change) -> int:  # noqa: ANN001
    from creditdesk.cli import open_context
    from creditdesk.roles import NotPermitted
    from creditdesk.services.accounts import AccountError

    ctx = open_context(args)
    try:
        if ctx.user is None:
            _signed_in(ctx)
            return _fail(AccountError(f"没有账户 {args.name}"))
        try:
            message = change(ctx)
        except (AccountError, NotPermitted) as exc:
            return _refused(ctx, exc, args.name.strip().lower())
        print(message)
        return EXIT_OK
    finally:
        ctx.close()


def cmd_account_disable(args: argparse.Namespace) -> int:
    def change(ctx) -> str:  # noqa: ANN001
        ctx.accounts.set_disabled(args.name, args.disable, by=ctx.user)
        return f"已{'停用' if args.disable else '启用'}账户 {args.name.strip().lower()}"

    return _admin_change(args, change)


def cmd_account_role(args: argparse.Namespace) -> int:
    def change(ctx) -> str:  # noqa: ANN001
        ctx.accounts.set_role(args.name, args.role, by=ctx.user)
        return f"账户 {args.name.strip().lower()} 的角色已改为{ROLE_LABELS[args.role]}"

    return _admin_change(args, change)


# -- audit -------------------------------------------------------------------------------


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """Anyone may verify (it shows no personal data); signed in, the check is attributed."""
    from creditdesk.cli import open_context

    from creditdesk.commands import ctrl_c_cancels

    ctx = open_context(args)
    try:
        with ctrl_c_cancels() as cancel:
            verdict = ctx.audit.verify(cancel=cancel)
        ctx.audit.append("audit_verify", actor=ctx.user, detail=verdict.to_json())
    finally:
        ctx.close()
    if args.json:
        print(json.dumps(verdict.to_json(), ensure_ascii=False))
    if verdict.intact:
        if not args.json:
            print(f"审计日志完整：{verdict.entries} 条")
            if verdict.note:
                print(f"注意：{verdict.note}")
        return EXIT_OK
    where = f"（第 {verdict.first_bad_seq} 条）" if verdict.first_bad_seq is not None else ""
    print(f"审计日志被篡改：{verdict.reason}{where}", file=sys.stderr)
    return EXIT_FAIL


def cmd_audit_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from creditdesk.cli import need, open_context

    since, until = _day(args.since, "--since"), _day(args.until, "--until")
    actor = args.actor.strip().lower() if args.actor else None
    action = args.action.strip() if args.action else None
    ctx = open_context(args)
    try:
        need(ctx, "export_personal_data")
        from creditdesk.commands import ctrl_c_cancels

        with ctrl_c_cancels() as cancel:  # Ctrl+C: no file written, nothing audited
            rows = ctx.audit.export(args.out, since=since, until=until, actor=actor, action=action, cancel=cancel)
        ctx.audit.append("audit_export", actor=ctx.user, target=Path(args.out).name,
                         detail={"rows": rows, "since": args.since, "until": args.until, "actor": actor,
                                 "action": action})  # fmt: skip
    finally:
        ctx.close()
    print(f"已导出审计日志 {rows} 条到 {args.out}")
    return EXIT_OK


def cmd_audit_list(args: argparse.Namespace) -> int:
    """Reading the trail is itself audited (``audit_view`` with the filter, after the read)."""
    from creditdesk.cli import Refused, need, open_context
    from creditdesk.services.audit import audit_refusal

    since, until = _day(args.since, "--since"), _day(args.until, "--until")
    ctx = open_context(args)
    try:
        need(ctx, "review")
        actor = args.actor.strip().lower() if args.actor else None
        if ctx.user is not None and not ctx.user.can("view_all_reviews"):
            if actor not in (None, ctx.user.name):
                audit_refusal(ctx.audit, ctx.user, "view_all_reviews", f"{_attempt(ctx)} --actor {actor}")
                raise Refused(f"{ctx.user.label}只能查看自己的审计记录")
            actor = ctx.user.name
        entries = ctx.audit.entries(since=since, until=until, actor=actor, action=args.action,
                                    limit=max(1, args.limit), newest_first=True)  # fmt: skip
        ctx.audit.append("audit_view", actor=ctx.user, target="cli", detail={
            "via": "cli", "since": args.since, "until": args.until, "actor": actor, "action": args.action,
            "limit": max(1, args.limit), "rows": len(entries)})  # fmt: skip
    finally:
        ctx.close()
    if args.json:
        for e in entries:
            print(json.dumps({"seq": e.seq, "at": e.at, "actor": e.actor, "action": e.action, "target": e.target,
                              "detail": e.detail}, ensure_ascii=False))  # fmt: skip
        return EXIT_OK
    if not entries:
        print("没有符合条件的审计记录")
        return EXIT_OK
    from creditdesk.services.audit_text import detail_text  # the audit page's words (outcomes in their short forms)

    for e in entries:
        detail = detail_text(e.detail) if e.detail else ""
        print(f"{e.seq:>7}  {e.at[:19].replace('T', ' ')}  {e.actor or '（未署名）'}  {e.action_label}  "
              f"{e.target or ''}  {detail}".rstrip())  # fmt: skip
    return EXIT_OK


# -- purge -------------------------------------------------------------------------------


def cmd_purge(args: argparse.Namespace) -> int:
    from creditdesk.cli import need, open_context
    from creditdesk.services.purge import purge_before

    day = _day(args.before, "--before")
    ctx = open_context(args)
    try:
        need(ctx, "purge")
        result = purge_before(ctx.engine, ctx.audit, day, by=ctx.user, dry_run=args.dry_run)
    finally:
        ctx.close()
    print(json.dumps(result.to_json(), ensure_ascii=False) if args.json else result.summary())
    return EXIT_OK
