"""The ``creditdesk`` command: the GUI by default, and the same services on the command line."""

from __future__ import annotations

import argparse
import json
import os
import sys

from creditdesk import __version__
from creditdesk.identifiers import CodeError

EXIT_OK, EXIT_FAIL, EXIT_BAD_CODE = 0, 1, 2
EXIT_UNKNOWN_CHOICE = 3  # check: unknown matter or profile
EXIT_BUSY = 75  # sync / bundle import: another sync or import holds the database (EX_TEMPFAIL: try again later)


BUILT_IN = ("gui", "demo-data", "lookup", "status", "sync", "platform", "bundle", "check", "verify")
_GLOBAL_WITH_VALUE = ("--home", "--user")


def _command_word(argv: list[str] | None) -> str | None:
    """The sub-command named in ``argv`` (after the global options), or None."""
    words = list(sys.argv[1:] if argv is None else argv)
    i = 0
    while i < len(words):
        word = words[i]
        if word in _GLOBAL_WITH_VALUE:
            i += 2
        elif word.startswith("-"):
            i += 1
        else:
            return word
    return None


def _parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; for a built-in command of this module the other modules' commands
    are left out (importing them is ~0.02 s of every lookup), any other word gets them all."""
    p = argparse.ArgumentParser(prog="creditdesk", description="信用核查窗口助手 CreditDesk")
    p.add_argument("--version", action="version", version=f"CreditDesk {__version__}")
    p.add_argument("--home", metavar="DIR", help="keep all data, settings and logs under DIR (or CREDITDESK_HOME)")
    p.add_argument("--demo", action="store_true", help="use a demo home with a generated demo city")
    p.add_argument("--user", metavar="NAME",
                   help="act as this account (password from a prompt or CREDITDESK_PASSWORD)")
    sub = p.add_subparsers(dest="command")

    sub.add_parser("gui", help="open the window (the default)")

    d = sub.add_parser("demo-data", help="generate the demo city into the home's database")
    d.add_argument("--subjects", type=int, default=5000)
    d.add_argument("--seed", type=int, default=2026)

    lk = sub.add_parser("lookup", help="find subjects by USCC, ID number, subject id or name")
    lk.add_argument("query", nargs="?")
    lk.add_argument("--limit", type=int, default=10)
    lk.add_argument("--json", action="store_true")
    lk.add_argument("--batch", metavar="FILE", help="one query per line ('-' for stdin); one JSON line each")

    st = sub.add_parser("status", help="what the home holds")
    st.add_argument("--json", action="store_true")

    sy = sub.add_parser("sync", help="bring the local data up to date from the platform, and deliver the outbox")
    sy.add_argument("--full", action="store_true", help="full resync (mark and sweep)")
    sy.add_argument("--json", action="store_true")
    _platform_job_options(sy)

    pf = sub.add_parser("platform", help="the city credit platform: connection, token, keys")
    pf_sub = pf.add_subparsers(dest="platform_command", required=True)
    pc = pf_sub.add_parser("connect", help="record the platform, read its meta and pin its signing keys")
    pc.add_argument("url")
    pc.add_argument("--client-id", required=True)
    pf_sub.add_parser("login", help="store the platform token in the OS credential store (prompt or stdin)")
    pf_sub.add_parser("logout", help="remove the stored platform token")
    pt = pf_sub.add_parser("trust", help="trust a platform signing key for offline bundles (administrator)")
    pt.add_argument("--platform-id", required=True)
    pt.add_argument("--key-id", required=True)
    pt.add_argument("--public-key", required=True, metavar="b64:…")
    pt.add_argument("--confirm", action="store_true", help="replace a different key already trusted under this key id")
    pk = pf_sub.add_parser("keys", help="list pinned, pending and retired signing keys")
    pk.add_argument("--json", action="store_true")

    bd = sub.add_parser("bundle", help="offline bundles (.cdpkg)")
    bd_sub = bd.add_subparsers(dest="bundle_command", required=True)
    bi = bd_sub.add_parser("import", help="verify a signed offline bundle and apply it, all or nothing")
    bi.add_argument("file")
    bi.add_argument("--json", action="store_true")
    _platform_job_options(bi)

    ck = sub.add_parser("check", help="核查: apply the policy profile to a subject for a matter")
    ck.add_argument("subject", nargs="?", help="USCC, ID number or subject id")
    ck.add_argument("--matter", required=True, help="matter code, e.g. procurement")
    ck.add_argument("--profile", help="policy profile id (default: the installation's)")
    ck.add_argument("--report", metavar="NO", help="platform credit report number the applicant presents")
    ck.add_argument("--on", metavar="YYYY-MM-DD", help="day of the check (default: today)")
    ck.add_argument("--commitment", action="store_true", help="the applicant has signed the credit commitment")
    ck.add_argument("--json", action="store_true")
    ck.add_argument("--batch", metavar="FILE", help="codes one a line, or a CSV/XLSX column ('-' for stdin)")
    ck.add_argument("--out", metavar="FILE.xlsx", help="with --batch: write an XLSX instead of JSON lines")

    vf = sub.add_parser("verify", help="check a review slip's verification code against the saved review")
    vf.add_argument("code", help="verification code, e.g. ABCD-EFGH-JK (case, spaces and hyphens do not matter)")
    vf.add_argument("--json", action="store_true")

    if _command_word(argv) not in BUILT_IN:
        from creditdesk.commands import register_all

        register_all(sub)
    return p


def _platform_job_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help="if another sync or import is running, wait up to SECONDS for it (default: exit 75 at once)")
    p.add_argument("--allow-older", action="store_true",
                   help="administrator: accept data older than what the home holds (audited)")


def _home(args: argparse.Namespace) -> str | None:
    if args.home:
        return args.home
    if args.demo:
        from creditdesk.paths import HOME_ENV, demo_home

        return os.environ.get(HOME_ENV) or str(demo_home())
    return None


def _open(args: argparse.Namespace, *, seed: bool = True):  # noqa: ANN202
    from creditdesk.app import open_app

    ctx = open_app(_home(args), demo=args.demo)
    if args.demo and seed:
        _seed_if_empty(ctx)
    return ctx


PASSWORD_ENV = "CREDITDESK_PASSWORD"
NEW_PASSWORD_ENV = "CREDITDESK_NEW_PASSWORD"
UNATTRIBUTED_NOTICE = "（本数据目录尚无账户：本次操作不署名）"


class Refused(SystemExit):
    """A command refused before doing anything (sign-in failed, not permitted): the
    message goes to stderr and the exit code is 1. ``main`` turns it into a return
    value; anywhere else it ends the process like ``sys.exit(message)``."""

    exit_code = EXIT_FAIL

    @property
    def message(self) -> str:
        return str(self.code)


def read_password(env: str, prompt: str, *, confirm: bool = False) -> str:
    """From the environment variable ``env``, else a prompt on the terminal (twice with ``confirm``)."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise Refused(f"需要密码：请设置环境变量 {env}，或在终端中运行以输入密码")
    import getpass

    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("再次输入：") != first:
        raise Refused("两次输入的密码不一致")
    return first


def open_context(args: argparse.Namespace, *, seed: bool = True):  # noqa: ANN201
    """The home for a command, signed in as ``--user`` when given (ctx.user).

    A failed sign-in raises :class:`Refused` (exit 1 with the reason in Chinese). ``seed`` False:
    a demo home is not filled with the default demo city first (``demo-data`` writes its own)."""
    name = getattr(args, "user", None)
    password = None
    if name:
        password = read_password(PASSWORD_ENV, f"{name} 的密码：")
        _start_password_check(args, name, password)
    from creditdesk.services.accounts import LoginFailed

    ctx = _open(args, seed=seed)
    ctx.attempt = attempt_of(args)  # what a refusal in need() names in the audit trail
    if name:
        try:
            ctx.user = ctx.accounts.authenticate(name, password)
        except LoginFailed as exc:
            ctx.close()
            raise Refused(f"登录失败：{exc}") from None
        except BaseException:
            ctx.close()
            raise
    return ctx


def _start_password_check(args: argparse.Namespace, name: str, password: str) -> None:
    """The password check's head start (creditdesk/passwords.py) on a SQLite home, while the
    database layer loads; the account service still decides the sign-in. Once per command."""
    if getattr(args, "_password_check_started", False):
        return
    args._password_check_started = True
    from creditdesk.config import DATABASE_URL_ENV
    from creditdesk.passwords import start_check
    from creditdesk.paths import resolve_paths

    if os.environ.get(DATABASE_URL_ENV):
        return  # a hall database: no local file to read ahead
    try:
        start_check(resolve_paths(_home(args)).database_file, name, password)
    except Exception:  # noqa: BLE001 - only a head start: the sign-in runs as always without it
        return


def attempt_of(args: argparse.Namespace) -> str:
    """The command as typed, without its values: ``creditdesk export daily``, ``creditdesk audit export``."""
    words = [getattr(args, "command", None) or ""]
    command = words[0].replace("-", "_")
    sub = getattr(args, f"{command}_command", None) if command else None
    if sub:
        words.append(sub)
    return " ".join(["creditdesk", *[w for w in words if w]])


def need(ctx, permission: str, what: str | None = None) -> None:  # noqa: ANN001
    """Refuse (exit 1) unless the signed-in account may do ``permission``.

    Once the home has accounts every command that reads or exports credit or
    personal data needs ``--user``; before any account exists it runs
    unattributed, saying so once on stderr. A refusal is audited (``denied``,
    target ``what`` or the command) before the exit."""
    from creditdesk.roles import NotPermitted, may, require
    from creditdesk.services.audit import audit_refusal

    what = what or getattr(ctx, "attempt", None) or permission
    if ctx.user is None:
        if may(None, permission, accounts_exist=ctx.accounts.accounts_exist()):
            if not getattr(ctx, "_unattributed_said", False):
                print(UNATTRIBUTED_NOTICE, file=sys.stderr)
                ctx._unattributed_said = True
            return
        audit_refusal(ctx.audit, None, permission, what)
        ctx.close()
        raise Refused(
            "本数据目录已建立账户，此操作需要登录：请加 --user 账户名"
            f"（密码在提示时输入，或由环境变量 {PASSWORD_ENV} 提供）"
        )
    try:
        require(ctx.user, permission, accounts_exist=True)
    except NotPermitted as exc:
        audit_refusal(ctx.audit, ctx.user, permission, what, exc=exc)
        ctx.close()
        raise Refused(str(exc)) from None


def audit_act(ctx, action: str, target: str | None = None, **detail) -> None:  # noqa: ANN001
    """One audit entry for a command that changed state, by the signed-in account (or
    unattributed on a home without accounts). A damaged trail never stops the act: the
    trail appends past it (services/audit.py) and ``audit verify`` keeps reporting it."""
    ctx.audit.append(action, actor=ctx.user, target=target, detail={"via": "cli", **detail})


def _seed_if_empty(ctx) -> None:  # noqa: ANN001
    from creditdesk.services.accounts import ensure_demo_accounts
    from creditdesk.services.position import read_position

    with ctx.engine.connect() as conn:
        empty = read_position(conn).seq == 0
    if empty:  # the generator is imported only for a new home: not on every demo command
        print("正在生成演示城市数据……", file=sys.stderr)
        from creditdesk.commands import ctrl_c_cancels
        from creditdesk.demo.load import load_demo_city

        with ctrl_c_cancels() as cancel:
            load_demo_city(ctx.engine, progress=_terminal_progress("演示数据"), cancel=cancel)
        _end_progress()
    # A demo home always has its demo accounts (password "demo"); creates only the missing ones.
    ensure_demo_accounts(ctx.accounts, unit=ctx.settings.unit_name)
    if empty:  # the city was just loaded: some weeks of counter work on it (does nothing if reviews exist)
        import datetime as dt

        from creditdesk.demo.history import generate_history

        print("正在生成演示核查历史……", file=sys.stderr)
        now = dt.datetime.now().astimezone()
        from creditdesk.commands import ctrl_c_cancels

        with ctrl_c_cancels() as cancel:
            generate_history(ctx.engine, ctx.settings, now.date(), progress=_terminal_progress("核查历史"), until=now,
                             cancel=cancel)  # fmt: skip
        _end_progress()


def _terminal_progress(label: str):  # noqa: ANN202
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * min(done, total) / total)
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done:,}")
        sys.stderr.flush()

    return show


def _end_progress() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\n")


def cmd_demo_data(args: argparse.Namespace) -> int:
    import time

    from creditdesk.commands import ctrl_c_cancels
    from creditdesk.config import load_settings
    from creditdesk.db.sync_lock import SyncBusy
    from creditdesk.demo.load import load_demo_city
    from creditdesk.paths import resolve_paths

    # Only a demo home: one whose settings say so, or a new home (no settings yet) whose database is
    # empty, which this command makes a demo home. An installation's home is refused before anything
    # is opened, --demo or not (--demo would otherwise turn it into one and write over its data).
    paths = resolve_paths(_home(args))
    refusal = (f"拒绝写入演示数据：{paths.home} 不是演示数据目录（演示数据会覆盖真实数据）；"
               "请为演示另建数据目录：creditdesk --home 新目录 --demo demo-data")
    new_home = not paths.config_file.exists()
    if not new_home and not load_settings(paths.config_file).demo:
        print(refusal, file=sys.stderr)
        return EXIT_FAIL
    ctx = open_context(args, seed=False)
    if new_home:
        from creditdesk.services.position import read_position

        with ctx.engine.connect() as conn:
            holds_data = read_position(conn).seq != 0
        if holds_data or ctx.accounts.accounts_exist():  # e.g. CREDITDESK_DATABASE_URL of a real hall
            ctx.close()
            print(refusal, file=sys.stderr)
            return EXIT_FAIL
        ctx.settings.demo = True
        ctx.save_settings()
    need(ctx, "load_demo_data")
    started = time.perf_counter()
    try:
        with ctrl_c_cancels() as cancel:  # Ctrl+C: the batches written so far stay
            result = load_demo_city(
                ctx.engine, subjects=args.subjects, seed=args.seed, progress=_terminal_progress("生成并写入"),
                cancel=cancel,
            )
        _end_progress()
        audit_act(ctx, "demo_data", f"{args.subjects} subjects", subjects=args.subjects, seed=args.seed,
                  applied=result.applied, rejected=result.rejected)
    except SyncBusy as exc:  # a sync or import is writing this database
        _end_progress()
        print(str(exc), file=sys.stderr)
        return EXIT_BUSY
    finally:
        ctx.close()
    elapsed = time.perf_counter() - started
    print(
        f"演示城市已写入 {ctx.db.display_url}：{args.subjects:,} 个主体，"
        f"应用 {result.applied:,} 条变更，拒收 {result.rejected:,} 条，用时 {elapsed:.1f} 秒"
    )
    return EXIT_OK


def _format_hits(result) -> str:  # noqa: ANN001
    from creditdesk.credit import SUBJECT_KIND_LABELS

    if not result.results:
        return "没有找到匹配的主体" + (f"（{result.note}）" if result.note else "")
    lines = []
    for i, h in enumerate(result.results, 1):
        code = h.uscc or h.id_masked or h.id
        flags = []
        if h.adverse_in_force:
            flags.append(f"失信/不良 {h.adverse_in_force}")
        if h.positive_in_force:
            flags.append(f"守信 {h.positive_in_force}")
        lines.append(
            f"{i:>2}. {h.name}  {code}  {SUBJECT_KIND_LABELS.get(h.kind, h.kind)}  "
            + ("  ".join(flags) or "无有效不良记录")
        )
    return "\n".join(lines)


class _AuditBatch:
    """Audit entries for many lookups or checks, written a few hundred per short transaction.

    Output lines given to :meth:`say` are printed only after the entries before
    them are committed: nothing is shown that is not in the trail."""

    def __init__(self, ctx, every: int = 200) -> None:  # noqa: ANN001
        self.ctx, self.every, self.pending, self.lines = ctx, every, [], []

    def add(self, action: str, target: str | None, detail: dict) -> None:
        self.pending.append((action, target, detail, self.ctx.audit._now()))  # stamped with the act's moment
        if len(self.pending) >= self.every:
            self.flush()

    def say(self, line: str) -> None:
        self.lines.append(line)
        if len(self.pending) >= self.every or len(self.lines) >= self.every:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            # Reads never wait for writers: if an import holds the write lock, the entries go to the
            # durable audit spool (appended to the chain when the lock is free), then the answer is shown.
            from creditdesk.services.audit_spool import append_or_spool

            append_or_spool(self.ctx.audit, [(action, self.ctx.user, target, detail, at)
                                             for action, target, detail, at in self.pending])  # fmt: skip
            self.pending = []
        if self.lines:
            print("\n".join(self.lines), flush=True)
            self.lines = []


def masked_query(query: str, kind: str) -> str:
    """What was searched, as it may be kept: an ID number only masked."""
    query = query.strip()
    if kind == "id_number":
        from creditdesk.identifiers import mask_id_number

        try:
            return mask_id_number(query)
        except Exception:  # noqa: BLE001 - never keep it whole
            return "*" * len(query)
    return query[:100]


def lookup_audit(result) -> tuple[str, dict]:  # noqa: ANN001
    """Target and detail of the 'lookup' audit entry for a LookupResult."""
    shown = masked_query(result.query, result.kind)
    return shown, {"kind": result.kind, "query": shown, "hits": [h.id for h in result.results]}


def check_audit(payload: dict) -> tuple[str, dict]:
    """Target and detail of the 'check' audit entry for a CheckService result (as JSON)."""
    subject = payload.get("subject") or {}
    profile = payload.get("profile") or {}
    return subject.get("id"), {
        "subject": subject.get("id"), "matter": payload.get("matter"), "outcome": payload.get("outcome"),
        "profile": profile.get("id"), "profile_version": profile.get("version"), "on": payload.get("on"),
        "unruled_adverse": [u["record_id"] for u in payload.get("unruled_adverse", [])],
    }  # fmt: skip


def cmd_lookup(args: argparse.Namespace) -> int:
    from creditdesk.services.lookup import classify_query

    if not args.batch and not args.query:
        print("请提供查询内容，或使用 --batch FILE", file=sys.stderr)
        return EXIT_FAIL
    if args.query and not args.batch:
        try:  # a bad code is reported before anything is opened
            classify_query(args.query)
        except CodeError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_BAD_CODE
    ctx = open_context(args)
    need(ctx, "review")
    # From stdin (perhaps a program waiting for each answer) every line is answered at once.
    audit = _AuditBatch(ctx, every=1 if args.batch == "-" else 200)
    try:
        if args.batch:
            from creditdesk.services.batchfile import BatchFileError, iter_stdin_lines, read_lines

            try:  # a file is read (bounded) and refused whole before any lookup; stdin line by line
                queries = iter_stdin_lines(sys.stdin.buffer) if args.batch == "-" else read_lines(args.batch)
                for query in queries:
                    try:
                        result = ctx.lookup.lookup(query, limit=args.limit)
                        payload = result.to_json()
                        audit.add("lookup", *lookup_audit(result))
                    except CodeError as exc:
                        payload = {"query": query, "kind": "invalid", "error": str(exc), "results": []}
                    audit.say(json.dumps(payload, ensure_ascii=False))
            except BatchFileError as exc:
                audit.flush()
                print(str(exc), file=sys.stderr)
                return EXIT_FAIL
            audit.flush()
            return EXIT_OK
        result = ctx.lookup.lookup(args.query, limit=args.limit)
        audit.add("lookup", *lookup_audit(result))
        audit.say(json.dumps(result.to_json(), ensure_ascii=False) if args.json else _format_hits(result))
        audit.flush()
        return EXIT_OK
    finally:
        ctx.close()


def _database_text(url: str) -> str:
    """A SQLite home's database as the file an IT person looks for; any other as its URL (no password)."""
    from creditdesk.db.engine import redacted_url

    if url.startswith("sqlite:///"):
        return f"{url.removeprefix('sqlite:///')}（SQLite）"
    return redacted_url(url)


def _retention(ctx) -> dict:  # noqa: ANN001
    """What the retention setting says may go (purge stays explicit: ``creditdesk purge``)."""
    import datetime as dt

    from creditdesk.services.purge import purgeable_before

    days = ctx.settings.retention_days
    if days <= 0:
        return {"days": 0, "before": None, "purgeable_reviews": 0, "kept": 0}
    before = dt.date.today() - dt.timedelta(days=days)
    plan = purgeable_before(ctx.engine, before)
    return {"days": days, "before": before.isoformat(), "purgeable_reviews": plan.reviews, "kept": plan.kept}


def _paths_json(ctx) -> dict:  # noqa: ANN001
    p = ctx.paths
    return {"home": str(p.home), "data": str(p.data_dir), "database_file": str(p.database_file),
            "config_file": str(p.config_file), "logs": str(p.log_dir), "backups": str(p.backup_dir)}  # fmt: skip


def cmd_status(args: argparse.Namespace) -> int:
    from creditdesk.services.status import read_status

    ctx = _open(args)
    try:
        status = read_status(ctx.engine, str(ctx.paths.home), ctx.db.display_url, ctx.settings.platform_url)
        accounts = ctx.accounts.list()
        retention = _retention(ctx)
        from creditdesk.services.keystore import where

        keys_store = where()
        if args.json:
            print(json.dumps(status.to_json() | {
                "paths": _paths_json(ctx),
                "accounts": {"total": len(accounts), "enabled": sum(not a.disabled for a in accounts)},
                "audit_entries": ctx.audit.count(), "retention": retention, "local_keys": keys_store,
            }, ensure_ascii=False))  # fmt: skip
        else:
            d = status.data
            print(f"主目录：{status.home}\n数据库：{_database_text(status.database)}")
            p = ctx.paths
            print(f"数据文件夹：{p.data_dir}\n设置文件：{p.config_file}\n日志文件夹：{p.log_dir}\n备份文件夹：{p.backup_dir}")
            print(f"数据位置：第 {d.seq:,} 号变更（数据批次 {d.epoch or '—'}），截至 {d.as_of or '—'}")
            from creditdesk.wording import entity_label

            print("数量：" + "，".join(f"{entity_label(k)} {v:,}" for k, v in status.counts.items()))
            print(f"拒收的变更：{status.rejected_changes}")
            o, pl = status.outbox, status.platform
            print(f"待上报：{o.pending}，已送达 {o.delivered}，被拒 {o.rejected}")
            print(f"平台：{pl.url or '未连接'}（{pl.id or '—'}），上次同步 {pl.last_sync or '—'}"
                  + (f"，上次错误：{pl.last_error}" if pl.last_error else ""))
            print(f"账户：{len(accounts)} 个" + ("" if accounts else "（尚无账户：操作不署名）")
                  + f"；审计日志 {ctx.audit.count():,} 条")
            print("本地密钥（自然人摘要密钥、审计锚定密钥）：" + {
                "keyring": "系统凭据库", "file": f"密钥文件 {ctx.paths.key_dir}（本机无凭据库）",
                "none": "无处保存"}[keys_store])  # fmt: skip
            if retention["days"]:
                line = f"保留期限：{retention['days']} 天；{retention['before']} 之前完成的核查记录 {retention['purgeable_reviews']:,} 条可清理"
                if retention["purgeable_reviews"]:
                    line += f"（creditdesk purge --before {retention['before']}）"
                if retention["kept"]:
                    line += f"，另有 {retention['kept']} 条因未上报或更正须保留"
                print(line)
            else:
                print("保留期限：永久保留（设置 retention_days 以提示可清理的旧记录）")
        return EXIT_OK
    finally:
        ctx.close()


def cmd_gui(args: argparse.Namespace) -> int:
    from creditdesk.system_libs import explain_missing, missing_libraries

    missing = missing_libraries()
    if missing:  # before Qt loads them and aborts without saying which
        print(explain_missing(missing), file=sys.stderr)
        return EXIT_FAIL
    from creditdesk.ui.main import run_gui

    return run_gui(home=_home(args), demo=args.demo, user=args.user)


def _read_token(prompt: str) -> str:
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    return sys.stdin.readline().strip()


def cmd_platform(args: argparse.Namespace) -> int:
    if args.platform_command in ("trust", "keys"):
        return cmd_platform_keys(args)
    from creditdesk.platform.client import PlatformClient, PlatformError, check_base_url
    from creditdesk.platform.credentials import (
        NO_STORE_MESSAGE,
        TOKEN_ENV,
        CredentialError,
        credential_store_usable,
        forget_token,
        get_token,
        store_token,
    )
    from creditdesk.platform.sync import record_outcome

    ctx = open_context(args)
    settings = ctx.settings
    try:
        need(ctx, "connect_platform")  # the URL and the token decide where the outbox goes
        if args.platform_command == "connect":
            try:
                url = check_base_url(args.url)
            except ValueError as exc:
                print(str(exc), file=sys.stderr)
                return EXIT_FAIL
            if not os.environ.get(TOKEN_ENV) and not credential_store_usable():
                print(NO_STORE_MESSAGE, file=sys.stderr)  # before anything is saved: no half state
                return EXIT_FAIL
            token = get_token(url, args.client_id)
            new_token = None if token else _read_token("平台访问令牌：")
            with PlatformClient(url, args.client_id, token or new_token) as client:
                meta = client.meta()
            # Only a platform that answered is recorded: the URL, the client id and the token together.
            if new_token:
                store_token(url, args.client_id, new_token)
            before = (settings.platform_url, settings.platform_client_id)
            settings.platform_url, settings.platform_client_id = url, args.client_id
            ctx.save_settings()
            audit_act(ctx, "platform_connect", url, client_id=args.client_id, before_url=before[0],
                      before_client_id=before[1], token_stored=bool(new_token))
            from creditdesk.platform.keys import TrustedKeys

            changes = TrustedKeys(ctx.engine).pin_from_meta(meta["platform_id"], meta.get("signing_keys") or [])
            if meta.get("person_key"):  # this window's own copy of the digest key (credential store)
                from creditdesk.services.keystore import remember_person_key

                remember_person_key(meta["person_key"])
            audit_act(ctx, "platform_keys", meta["platform_id"], source="meta",
                      changes=[getattr(c, "message", str(c)) for c in changes])
            print(f"已连接：{meta.get('platform_name') or meta['platform_id']}（{meta['platform_id']}），"
                  f"epoch {meta['epoch']}，最新 seq {meta['high_water']}")
            for change in changes:
                print(f"  {getattr(change, 'message', change)}")
            return EXIT_OK
        if not settings.platform_url or not settings.platform_client_id:
            print("尚未连接平台：请先运行 creditdesk platform connect URL --client-id ID", file=sys.stderr)
            return EXIT_FAIL
        if args.platform_command == "login":
            store_token(settings.platform_url, settings.platform_client_id, _read_token("平台访问令牌："))
            audit_act(ctx, "platform_token", settings.platform_url, change="stored")
            print("令牌已保存到系统凭据库")
            return EXIT_OK
        if args.platform_command == "logout":
            forget_token(settings.platform_url, settings.platform_client_id)
            audit_act(ctx, "platform_token", settings.platform_url, change="removed")
            print("已删除保存的令牌")
            return EXIT_OK
        return EXIT_FAIL
    except (PlatformError, CredentialError) as exc:
        if isinstance(exc, PlatformError):
            record_outcome(ctx.engine, str(exc))
        if args.platform_command == "connect":  # the attempt, though nothing was changed
            audit_act(ctx, "platform_connect", args.url[:200], client_id=args.client_id, ok=False,
                      error=str(exc)[:300])
        print(str(exc), file=sys.stderr)
        return EXIT_FAIL
    finally:
        ctx.close()


def _say(args: argparse.Namespace):  # noqa: ANN202
    """What a long command is doing or waiting for, on stderr (not with --json)."""
    if getattr(args, "json", False):
        return None

    def say(message: str) -> None:
        if sys.stderr.isatty():
            sys.stderr.write("\r\033[K")
        print(message, file=sys.stderr, flush=True)

    return say


def _platform_job(args: argparse.Namespace, run) -> int:  # noqa: ANN001
    """Run a sync or import use case and present it: exit 0 done, 1 failed or refused,
    75 (EX_TEMPFAIL) "另一窗口正在同步" — another sync or import holds the lock, nothing changed."""
    from creditdesk.db.sync_lock import SyncBusy
    from creditdesk.platform.bundle import BundleRefused
    from creditdesk.platform.client import PlatformError
    from creditdesk.platform.credentials import CredentialError

    ctx = open_context(args)
    need(ctx, "update_data")  # README role table: every signed-in role (audited refusal otherwise)
    if getattr(args, "allow_older", False):
        need(ctx, "change_settings", f"{attempt_of(args)} --allow-older")  # administrators only (audited refusal)
    label = "同步" if args.command == "sync" else "导入"
    show = _terminal_progress(label) if not args.json else None
    try:
        outcome = run(ctx, show, _say(args))
    except SyncBusy as exc:
        if show:
            _end_progress()
        if args.json:
            print(json.dumps({"busy": True, "message": str(exc)}, ensure_ascii=False))
        print(str(exc), file=sys.stderr)
        return EXIT_BUSY
    except BundleRefused as exc:
        if show:
            _end_progress()
        if args.json:
            print(json.dumps({"refused": exc.check, "message": exc.message}, ensure_ascii=False))
        print(str(exc), file=sys.stderr)
        return EXIT_FAIL
    except (PlatformError, CredentialError) as exc:
        if show:
            _end_progress()
        print(f"同步失败：{exc}", file=sys.stderr)
        return EXIT_FAIL
    finally:
        ctx.close()
    if show:
        _end_progress()
    if args.json:
        print(json.dumps(outcome.to_json(), ensure_ascii=False))
    else:
        print("\n".join(outcome.lines()))
        if outcome.followup.summary():
            print(outcome.followup.summary() + "（creditdesk alerts / creditdesk recheck 查看）")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    """``sync``: the same use case as the 同步 page (platform/usecases.py), presented."""
    from creditdesk.platform.usecases import sync_now

    def run(ctx, show, say):  # noqa: ANN001, ANN202
        return sync_now(ctx.engine, ctx.settings, ctx.audit, actor=ctx.user, full=args.full,
                        allow_older=args.allow_older, progress=show, say=say, wait=args.wait)  # fmt: skip

    return _platform_job(args, run)


def cmd_platform_keys(args: argparse.Namespace) -> int:
    """``platform trust`` and ``platform keys``: the signing keys offline bundles are checked against."""
    from creditdesk.platform.keys import ConfirmationRequired, InvalidKey, TrustedKeys

    ctx = open_context(args)
    try:
        keys = TrustedKeys(ctx.engine)
        if args.platform_command == "trust":
            need(ctx, "trust_keys")
            try:
                change = keys.trust(args.platform_id, args.key_id, args.public_key, confirm=args.confirm)
            except (InvalidKey, ConfirmationRequired) as exc:
                print(str(exc), file=sys.stderr)
                return EXIT_FAIL
            audit_act(ctx, "platform_keys", args.platform_id, source="admin", key_id=args.key_id,
                      public_key=args.public_key[:100], confirm=args.confirm,
                      changes=[getattr(change, "message", str(change))])
            print(change.message)
            return EXIT_OK
        listed = keys.list_keys()
        if args.json:
            print(json.dumps([k.to_json() for k in listed], ensure_ascii=False))
        elif not listed:
            print("本机尚未固定任何平台签名密钥")
        else:
            labels = {"trusted": "受信任", "pending": "待确认", "retired": "已停用"}
            for k in listed:
                print(f"{k.platform_id}  {k.key_id}  {labels.get(k.status, k.status)}  指纹 {k.fingerprint}  "
                      f"来源 {k.source}  {k.public_key}")  # fmt: skip
        return EXIT_OK
    finally:
        ctx.close()


def cmd_bundle(args: argparse.Namespace) -> int:
    """``bundle import FILE``: exit 0 when applied (or nothing new), 1 with the refusal, 75 when busy."""
    from creditdesk.platform.usecases import import_bundle_now

    def run(ctx, show, say):  # noqa: ANN001, ANN202
        return import_bundle_now(ctx.engine, ctx.settings, ctx.audit, args.file, actor=ctx.user,
                                 allow_older=args.allow_older, progress=show, say=say, wait=args.wait)  # fmt: skip

    return _platform_job(args, run)


def cmd_check(args: argparse.Namespace) -> int:
    """Exit 2 for a bad code, 3 for an unknown matter or profile (listing the valid ones)."""
    import datetime as dt

    from creditdesk.policy.store import UnknownMatter, UnknownProfile
    from creditdesk.services.check import (
        BatchFileError, CheckInputError, CheckService, NotACode, read_batch_codes, write_xlsx, xlsx_row,
    )  # fmt: skip
    from creditdesk.services.lookup import classify_query

    if bool(args.batch) == bool(args.subject):
        print("请提供一个主体代码，或使用 --batch FILE（二者选一）", file=sys.stderr)
        return EXIT_FAIL
    try:
        day = dt.date.fromisoformat(args.on) if args.on else None
    except ValueError:
        print(f"--on 须为 YYYY-MM-DD 格式的日期：{args.on}", file=sys.stderr)
        return EXIT_FAIL
    if args.subject:
        try:  # a bad code is reported before anything is opened
            if classify_query(args.subject) == "name":
                raise NotACode(f"“{args.subject.strip()}”不是统一社会信用代码、身份证号或主体编号")
        except (CodeError, NotACode) as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_BAD_CODE
    ctx = open_context(args)
    need(ctx, "review")
    audit = _AuditBatch(ctx)
    try:
        service = CheckService(ctx.engine, ctx.settings.profile_id, ctx.settings.stale_after_hours,
                               ctx.settings.credit_review_pilot)  # fmt: skip

        def one(query: str) -> dict:
            out = service.check(query, args.matter, profile_id=args.profile, report_no=args.report, day=day,
                                commitment_signed=args.commitment)  # fmt: skip
            payload = out.to_json()
            audit.add("check", *check_audit(payload))
            return payload

        try:  # unknown matter or profile: said once, before any subject
            profile = service.store.resolve(args.profile or ctx.settings.profile_id, day or dt.date.today())
            if profile.matter(args.matter) is None:
                raise UnknownMatter(args.matter, profile)
        except (UnknownMatter, UnknownProfile) as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_UNKNOWN_CHOICE
        if args.batch:
            rows = []
            try:  # refused whole, before any check, when too big or not readable
                codes = read_batch_codes(args.batch)
            except BatchFileError as exc:
                print(str(exc), file=sys.stderr)
                return EXIT_FAIL
            for query in codes:
                try:
                    payload = one(query)
                except (CodeError, CheckInputError) as exc:
                    payload = {"query": query, "error": str(exc)}
                if args.out:
                    rows.append(xlsx_row(query, payload))
                else:
                    audit.say(json.dumps(payload, ensure_ascii=False))
            audit.flush()
            if args.out:
                write_xlsx(args.out, rows)
                print(f"已写入 {args.out}：{len(rows)} 个主体", file=sys.stderr)
            return EXIT_OK
        try:
            payload = one(args.subject)
        except CheckInputError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_FAIL
        audit.say(json.dumps(payload, ensure_ascii=False) if args.json else _format_check(payload))
        audit.flush()
        return EXIT_OK
    finally:
        ctx.close()


def _format_check(p: dict) -> str:
    from creditdesk.outcomes import LABELS as labels
    from creditdesk.policy.model import STEP_LABELS

    s = p["subject"]
    nat = p.get("national")
    lines = [f"{s['name'] or '（平台无此主体）'}  {s['id']}",
             f"事项 {p['matter']}，档案 {p['profile']['id']} v{p['profile']['version']}"
             + (f"（国家层 v{nat['version']}）" if nat else "") + f"，{p['on']}：{labels[p['outcome']]}"]
    if p.get("unruled_notice"):
        lines.append("！" + p["unruled_notice"])
    if p.get("fallback"):
        lines.append(p["fallback"])
    for m in p["measures"]:
        c = m["citation"]
        lines.append(f"  · {m['text']}（{c['document']} {c['clause']}：“{c['quote']}”）")
    if p["requirements"]:
        either = {step for group in p.get("either", []) for step in group}
        plain = [STEP_LABELS.get(r, r) for r in p["requirements"] if r not in either]
        groups = ["或".join(STEP_LABELS.get(r, r) for r in g) + "（任选其一）" for g in p.get("either", [])]
        lines.append("待办：" + "、".join(plain + groups))
    if p["report"]:
        r = p["report"]
        lines.append(f"信用报告 {r['report_no']}：" + ("可用" if r["acceptable"] else "不可用（" + "、".join(r["problems"]) + "）"))
    lines.append(f"有效记录 {sum(f['in_force'] for f in p['findings'])} 条，共 {len(p['findings'])} 条")
    if p.get("notes"):
        lines.append("档案说明：")
        for n in p["notes"]:
            c = n.get("citation")
            where = "国家层" if n.get("layer") == "national" else "本市"
            cite = f"（{c['document']} {c['clause']}：“{c['quote']}”）" if c else ""
            lines.append(f"  · [{where}] {n['text']}{cite}")
    return "\n".join(lines)  # fmt: skip


def cmd_verify(args: argparse.Namespace) -> int:
    """Exit 0 when the code matches a saved, unaltered review; 1 otherwise (未找到 / 不符)."""
    from creditdesk.outcomes import LABELS as OUTCOME_LABELS
    from creditdesk.services.reviews import ReviewService

    ctx = open_context(args)
    need(ctx, "review")
    try:
        result = ReviewService(ctx.engine).verify(args.code)
        r = result.review
        audit = _AuditBatch(ctx)  # as a lookup: spooled if an import holds the write lock
        audit.add("verify", r.verification_code if r else args.code.strip()[:40],
                  {"found": result.found, "intact": result.intact if result.found else None,
                   "review": r.id if r else None, "subject": r.subject_id if r else None})  # fmt: skip
        audit.flush()
    finally:
        ctx.close()
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    if not result.found:
        print(f"未找到：没有核查码为 {args.code.strip()} 的核查记录", file=sys.stderr)
        return EXIT_FAIL
    r = result.review
    if not args.json:
        lines = [
            f"核查码 {r.verification_code}（第 {r.version} 版）",
            f"主体：{r.subject_name or '（平台无此主体）'}  {r.subject_code_display or r.subject_id}",
            f"事项：{r.matter}，档案 {r.profile_id} v{r.profile_version}",
            f"结论：{OUTCOME_LABELS.get(r.final_outcome, r.final_outcome)}"
            + (f"（系统结论 {OUTCOME_LABELS.get(r.computed_outcome, r.computed_outcome)}，理由：{r.departure_reason}）"
               if r.departed else ""),
            f"单位：{r.unit}  {r.window or ''}  经办人：{r.officer}",
            f"时间：{r.finalised_at}",
            f"数据截至：{r.data_as_of or '—'}（seq {r.data_seq}）" + ("  离线核查" if r.offline else "")
            + ("  数据已过期" if r.stale else ""),
        ]  # fmt: skip
        if r.override is not None:
            o = r.override
            if o.status == "approved":
                lines.append(f"结论调整：已由 {o.decided_by_display or o.decided_by} 于 {o.decided_at} 批准（{o.category_label}）")
            elif o.status == "rejected":
                lines.append(f"结论调整：已被 {o.decided_by_display or o.decided_by} 驳回，以系统结论"
                             f" {OUTCOME_LABELS.get(r.computed_outcome, r.computed_outcome)} 为准")
            else:
                lines.append(f"结论调整：待复核（负责人批准前以系统结论"
                             f" {OUTCOME_LABELS.get(r.computed_outcome, r.computed_outcome)} 为准）")
        if r.commitment:
            lines.append(f"信用承诺：{r.commitment.number}，{r.commitment.signer_name}")
        if result.superseded_by:
            lines.append(f"注意：本记录已被更正，最新版本核查码 {result.superseded_by.verification_code}")
        print("\n".join(lines))
    if not result.intact:
        print("校验失败：记录内容与核查码不符（可能已被改动）", file=sys.stderr)
        return EXIT_FAIL
    return EXIT_OK


COMMANDS = {
    "check": cmd_check,
    "demo-data": cmd_demo_data,
    "lookup": cmd_lookup,
    "status": cmd_status,
    "gui": cmd_gui,
    "sync": cmd_sync,
    "platform": cmd_platform,
    "bundle": cmd_bundle,
    "verify": cmd_verify,
}


def main(argv: list[str] | None = None) -> int:
    from creditdesk.cancel import Cancelled
    from creditdesk.commands import EXIT_CANCELLED

    args = _parser(argv).parse_args(argv)
    if getattr(args, "user", None) and os.environ.get(PASSWORD_ENV) is not None:
        # A password that needs no prompt: its check starts now, before the command loads the
        # database layer (a prompted one starts when it is typed, in open_context).
        _start_password_check(args, args.user, os.environ[PASSWORD_ENV])
    handler = getattr(args, "handler", None) or COMMANDS[args.command or "gui"]
    try:
        return handler(args)
    except Refused as exc:
        print(exc.message, file=sys.stderr)
        return exc.exit_code
    except Cancelled as exc:  # Ctrl+C on a long command (commands.ctrl_c_cancels): what was kept
        print(str(exc), file=sys.stderr)
        return EXIT_CANCELLED
    except KeyboardInterrupt:
        return EXIT_CANCELLED
    except Exception as exc:  # a clear message, not a traceback, for officers
        import logging

        from creditdesk.logsetup import redact

        logging.getLogger("creditdesk.cli").exception("command failed")
        print(f"错误：{redact(str(exc))}", file=sys.stderr)
        return EXIT_FAIL


if __name__ == "__main__":
    sys.exit(main())
