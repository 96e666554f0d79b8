"""The CLI signs in with --user and refuses unattributed reads once accounts exist; account, audit, purge.

Runs ``creditdesk.cli.main([...])`` in-process with the environment monkeypatched (one
subprocess run checks the real entry point)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import update

from creditdesk import cli
from creditdesk.app import open_app
from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from creditdesk.services.reviews import ReviewDraft, ReviewService
from support.city import EPOCH, PERSON_KEY_B64, Feed, id_number, uscc
from support.db import all_text

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-21T18:00:00+08:00"
PERSON_ID = id_number(31)


class Run:
    """``creditdesk --home HOME …`` in-process: exit code, stdout, stderr."""

    def __init__(self, home: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
        self.home, self.mp, self.capsys = home, monkeypatch, capsys

    def __call__(self, *args: str, password: str | None = None, new_password: str | None = None):  # noqa: ANN204
        for env, value in ((cli.PASSWORD_ENV, password), (cli.NEW_PASSWORD_ENV, new_password)):
            if value is None:
                self.mp.delenv(env, raising=False)
            else:
                self.mp.setenv(env, value)
        self.capsys.readouterr()
        code = cli.main(["--home", str(self.home), *args])
        out = self.capsys.readouterr()
        return code, out.out, out.err

    def entries(self) -> list:
        ctx = open_app(self.home)
        try:
            return ctx.audit.entries()
        finally:
            ctx.close()


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    feed = Feed()
    company = feed.company("福州顺心贸易有限公司", uscc(1))
    person = feed.person("林小红", PERSON_ID)
    changes = [company, person,
               feed.record("R-BL", company["id"], "serious_dishonesty", publish_from="2026-01-01")]  # fmt: skip
    ctx = open_app(home)
    try:
        ChangeApplier(ctx.engine).apply(changes, Position(feed.seq, EPOCH, AS_OF, "fuzhou", person_key=PERSON_KEY_B64))
    finally:
        ctx.close()
    return home


@pytest.fixture
def run(home, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal: no prompt
    return Run(home, monkeypatch, capsys)


@pytest.fixture
def admin_home(run):
    code, out, err = run("account", "create", "admin", "--role", "admin", "--display-name", "管理员",
                         new_password="admin-pass-1")  # fmt: skip
    assert code == 0, err
    assert "已创建账户 admin：管理员（系统管理员）" in out
    return run


def test_before_any_account_commands_run_unattributed(run):
    code, out, err = run("lookup", uscc(1))
    assert code == 0, err
    assert "福州顺心贸易有限公司" in out
    assert err.strip() == "（本数据目录尚无账户：本次操作不署名）"
    (entry,) = run.entries()
    assert entry.action == "lookup" and entry.actor is None


def test_first_account_must_be_admin(run):
    code, _out, err = run("account", "create", "wang", "--role", "officer", new_password="officer-pass")
    assert code == 1 and "第一个账户必须是系统管理员" in err
    code, _out, err = run("account", "create", "admin", "--role", "admin", new_password="short")
    assert code == 1 and "至少 8 位" in err
    code, _out, err = run("account", "create", "admin", "--role", "admin")  # no env, no terminal
    assert code == 1 and cli.NEW_PASSWORD_ENV in err
    assert run.entries() == []


def test_admin_then_sign_in_and_refusal_without_user(admin_home):
    run = admin_home
    code, out, err = run("--user", "admin", "audit", "verify", password="admin-pass-1")
    assert code == 0, err
    assert out.strip() == "审计日志完整：2 条"  # account_create, login

    code, out, err = run("lookup", uscc(1))
    assert code == 1 and out == ""
    assert "--user" in err and cli.PASSWORD_ENV in err
    for args in (["check", uscc(1), "--matter", "procurement"], ["verify", "ABCD-EFGH-JK"],
                 ["audit", "list"], ["audit", "export", "--out", "x.csv"], ["purge", "--before", "2026-01-01"]):  # fmt: skip
        code, out, err = run(*args)
        assert code == 1 and "--user" in err, args

    code, _out, err = run("--user", "admin", "lookup", uscc(1), password="wrong-pass-1")
    assert code == 1 and err.strip() == "登录失败：用户名或密码错误"
    code, _out, err = run("--user", "nobody", "lookup", uscc(1), password="admin-pass-1")
    assert code == 1 and err.strip() == "登录失败：用户名或密码错误"
    code, _out, err = run("--user", "admin", "lookup", uscc(1))  # no env var, stdin not a terminal
    assert code == 1 and cli.PASSWORD_ENV in err

    code, out, err = run("--user", "admin", "lookup", uscc(1), password="admin-pass-1")
    assert code == 0 and "福州顺心贸易有限公司" in out and err == ""
    last = run.entries()[-1]
    assert (last.action, last.actor) == ("lookup", "admin")
    assert [e.action for e in run.entries()].count("login_failed") == 2


def test_password_prompted_on_a_terminal(admin_home, monkeypatch):
    run = admin_home
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    answers = iter(["admin-pass-1", "officer-pass", "officer-pasX"])
    prompts = []
    monkeypatch.setattr("getpass.getpass", lambda prompt="": prompts.append(prompt) or next(answers))
    code, _out, err = run("--user", "admin", "account", "create", "wang", "--role", "officer")
    assert code == 1 and "两次输入的密码不一致" in err
    assert prompts[0] == "admin 的密码：" and "wang" in prompts[1] and prompts[2] == "再次输入："


def test_lookup_check_verify_are_audited_without_full_id_numbers(admin_home, home):
    run = admin_home
    pw = {"password": "admin-pass-1"}
    code, out, err = run("--user", "admin", "lookup", PERSON_ID, "--json", **pw)
    assert code == 0, err
    person_id = json.loads(out)["results"][0]["id"]
    code, out, err = run("--user", "admin", "check", uscc(1), "--matter", "procurement", "--json", **pw)
    assert code == 0, err
    outcome = json.loads(out)["outcome"]
    batch = home.parent / "batch.txt"
    batch.write_text(f"{uscc(1)}\n{PERSON_ID}\n福州顺心\n", encoding="utf-8")
    code, out, err = run("--user", "admin", "lookup", "--batch", str(batch), **pw)
    assert code == 0 and len(out.splitlines()) == 3
    code, out, err = run("--user", "admin", "verify", "ABCD-EFGH-JK", **pw)
    assert code == 1

    entries = [e for e in run.entries() if e.action in ("lookup", "check", "verify")]
    lookup = entries[0]
    assert lookup.detail["kind"] == "id_number" and lookup.detail["hits"] == [person_id]
    assert lookup.detail["query"] == PERSON_ID[:2] + "*" * 12 + PERSON_ID[-4:] == lookup.target
    check = entries[1]
    assert (check.action, check.actor) == ("check", "admin") and check.target
    assert check.detail["matter"] == "procurement" and check.detail["outcome"] == outcome
    assert check.detail["subject"] == check.target
    assert [e.action for e in entries[2:]] == ["lookup", "lookup", "lookup", "verify"]
    assert [e.detail["kind"] for e in entries[2:5]] == ["uscc", "id_number", "name"]
    assert entries[-1].detail["found"] is False and entries[-1].target == "ABCD-EFGH-JK"
    ctx = open_app(home)
    try:
        assert PERSON_ID not in all_text(ctx.engine)
        assert ctx.audit.verify().intact
    finally:
        ctx.close()


def test_batch_check_audits_every_subject(admin_home, home):
    run = admin_home
    batch = home.parent / "codes.txt"
    batch.write_text(f"{uscc(1)}\n{uscc(2)}\n{PERSON_ID}\n", encoding="utf-8")
    code, out, err = run("--user", "admin", "check", "--batch", str(batch), "--matter", "procurement",
                         password="admin-pass-1")  # fmt: skip
    assert code == 0, err
    checks = [e for e in run.entries() if e.action == "check"]
    assert len(checks) == len(out.splitlines()) == 3
    assert {e.detail["outcome"] for e in checks} <= {"prohibit", "strict", "incentive", "normal"}


def test_roles_officer_supervisor_admin(admin_home, home):
    run = admin_home
    pw = {"password": "admin-pass-1"}
    assert run("--user", "admin", "account", "create", "wang", "--role", "officer", "--display-name", "王芳",
               new_password="officer-pass", **pw)[0] == 0  # fmt: skip
    assert run("--user", "admin", "account", "create", "zhao", "--role", "supervisor", new_password="super-pass-1", **pw)[0] == 0
    officer = {"password": "officer-pass"}
    code, _out, err = run("--user", "wang", "account", "create", "li", "--role", "officer", new_password="li-pass-12", **officer)
    assert code == 1 and "无权管理账户" in err
    out_csv = home.parent / "audit.csv"
    code, _out, err = run("--user", "wang", "audit", "export", "--out", str(out_csv), **officer)
    assert code == 1 and "无权导出" in err and not out_csv.exists()
    code, _out, err = run("--user", "wang", "purge", "--before", "2026-01-01", **officer)
    assert code == 1 and "无权清理历史数据" in err

    code, out, err = run("--user", "wang", "audit", "list", "--json", **officer)
    assert code == 0, err
    mine = [json.loads(line) for line in out.splitlines()]
    assert mine and {e["actor"] for e in mine} == {"wang"}
    code, _out, err = run("--user", "wang", "audit", "list", "--actor", "admin", **officer)
    assert code == 1 and "只能查看自己的" in err

    code, out, err = run("--user", "zhao", "audit", "export", "--out", str(out_csv), password="super-pass-1")
    assert code == 0, err
    with out_csv.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "序号" and int(out.split("审计日志 ")[1].split(" 条")[0]) == len(rows) - 1
    assert run.entries()[-1].action == "audit_export" and run.entries()[-1].actor == "zhao"
    code, out, _err = run("--user", "zhao", "audit", "list", "--actor", "wang", "--action", "login", "--json",
                          password="super-pass-1")  # fmt: skip
    got = [json.loads(line) for line in out.splitlines()]
    assert got and all(e["actor"] == "wang" and e["action"] == "login" for e in got)

    code, out, _err = run("--user", "admin", "account", "list", "--json", **pw)
    listed = {a["name"]: a for a in map(json.loads, out.splitlines())}
    assert {n: a["role"] for n, a in listed.items()} == {"admin": "admin", "wang": "officer", "zhao": "supervisor"}

    # passwd: self, not others; disable, enable, role
    assert run("--user", "wang", "account", "passwd", "wang", new_password="officer-pass-2", **officer)[0] == 0
    officer = {"password": "officer-pass-2"}
    code, _o, err = run("--user", "wang", "account", "passwd", "zhao", new_password="taken-over-1", **officer)
    assert code == 1 and "只能修改自己的密码" in err
    assert run("--user", "admin", "account", "disable", "wang", **pw)[0] == 0
    code, _o, err = run("--user", "wang", "lookup", uscc(1), **officer)
    assert code == 1 and "已停用" in err
    assert run("--user", "admin", "account", "enable", "wang", **pw)[0] == 0
    assert run("--user", "admin", "account", "role", "wang", "supervisor", **pw)[0] == 0
    assert run("--user", "wang", "audit", "export", "--out", str(out_csv), **officer)[0] == 0
    code, _o, err = run("--user", "admin", "account", "role", "admin", "officer", **pw)
    assert code == 1 and "最后一个" in err


def test_audit_verify_reports_tampering(admin_home, home):
    run = admin_home
    run("--user", "admin", "lookup", uscc(1), password="admin-pass-1")
    ctx = open_app(home)
    try:
        t = models.AuditEntry.__table__
        with write_transaction(ctx.engine) as conn:
            conn.execute(update(t).where(t.c.seq == 3).values(target="something else"))
    finally:
        ctx.close()
    code, out, err = run("audit", "verify", "--json")
    assert code == 1
    assert json.loads(out) == {"intact": False, "entries": 3, "first_bad_seq": 3, "reason": "第 3 条内容被修改（哈希不符）"}
    assert "第 3 条" in err


def test_purge_and_status(admin_home, home):
    run = admin_home
    pw = {"password": "admin-pass-1"}
    code, out, err = run("--user", "admin", "purge", "--before", "2026-01-01", "--dry-run", **pw)
    assert code == 0 and "试运行" in out
    code, out, err = run("--user", "admin", "purge", "--before", "2026-01-01", "--json", **pw)
    assert code == 0, err
    assert json.loads(out)["reviews"] == 0 and json.loads(out)["audit_seq"] is not None
    code, _o, err = run("--user", "admin", "purge", "--before", "1.1.2026", **pw)
    assert code == 1 and "YYYY-MM-DD" in err
    code, out, _e = run("audit", "verify")
    assert code == 0

    ctx = open_app(home)
    try:
        ctx.settings.retention_days = 30
        ctx.save_settings()
        long_ago = dt.datetime.now().astimezone() - dt.timedelta(days=45)
        service = ReviewService(ctx.engine, now=lambda: long_ago)
        delivered = service.finalise(_draft("S-1"))
        service.finalise(_draft("S-2"))  # still in the outbox: kept
        t = models.OutboxItem.__table__
        with write_transaction(ctx.engine) as conn:
            conn.execute(update(t).where(t.c.uid == delivered.id).values(status="delivered"))
    finally:
        ctx.close()
    code, out, _e = run("status", "--json")
    status = json.loads(out)
    assert status["accounts"] == {"total": 1, "enabled": 1}
    before = (dt.date.today() - dt.timedelta(days=30)).isoformat()
    assert status["retention"] == {"days": 30, "before": before, "purgeable_reviews": 1, "kept": 1}
    assert status["audit_entries"] >= 5
    code, out, _e = run("status")
    assert f"保留期限：30 天；{before} 之前完成的核查记录 1 条可清理（creditdesk purge --before {before}）" in out
    assert "另有 1 条" in out and "账户：1 个" in out
    code, out, err = run("--user", "admin", "purge", "--before", before, **pw)
    assert code == 0 and "已删除" in out and "核查记录 1 条" in out and "保留 1 条" in out, err
    ctx = open_app(home)
    try:
        assert not ReviewService(ctx.engine).verify(delivered.verification_code).found
    finally:
        ctx.close()
    assert run("audit", "verify")[0] == 0


def _draft(subject: str) -> ReviewDraft:
    return ReviewDraft(subject_id=subject, subject_name="某公司", subject_kind="legal_person", subject_code_display=subject,
                       matter="procurement", profile_id="fuzhou", profile_version=1, computed_outcome="normal",
                       final_outcome="normal", officer="王芳", unit="福州市行政服务中心")  # fmt: skip


def test_real_entry_point(home):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", cli.NEW_PASSWORD_ENV: "admin-pass-1"}
    p = subprocess.run([sys.executable, "-m", "creditdesk", "--home", str(home), "account", "create", "admin", "--role",
                        "admin"], capture_output=True, text=True, encoding="utf-8", cwd=REPO, env=env, timeout=120,
                       stdin=subprocess.DEVNULL)  # fmt: skip
    assert p.returncode == 0, p.stderr
    env.pop(cli.NEW_PASSWORD_ENV)
    p = subprocess.run([sys.executable, "-m", "creditdesk", "--home", str(home), "lookup", uscc(1)],
                       capture_output=True, text=True, encoding="utf-8", cwd=REPO, env=env, timeout=120,
                       stdin=subprocess.DEVNULL)  # fmt: skip
    assert p.returncode == 1 and "--user" in p.stderr and "Traceback" not in p.stderr
    env[cli.PASSWORD_ENV] = "admin-pass-1"
    p = subprocess.run([sys.executable, "-m", "creditdesk", "--home", str(home), "--user", "admin", "audit", "verify"],
                       capture_output=True, text=True, encoding="utf-8", cwd=REPO, env=env, timeout=120,
                       stdin=subprocess.DEVNULL)  # fmt: skip
    # account_create, the refused unattributed lookup (denied), admin's login
    assert p.returncode == 0 and p.stdout.strip() == "审计日志完整：3 条", p.stderr


# -- refusals and reading the trail are audited ------------------------------------------


@pytest.fixture
def staffed(admin_home):
    run = admin_home
    pw = {"password": "admin-pass-1"}
    assert run("--user", "admin", "account", "create", "wang", "--role", "officer", "--display-name", "王芳",
               new_password="officer-pass", **pw)[0] == 0  # fmt: skip
    assert run("--user", "admin", "account", "create", "zhao", "--role", "supervisor", new_password="super-pass-1", **pw)[0] == 0
    return run


def _new_entries(run, before: int) -> list:  # noqa: ANN001
    return [e for e in run.entries() if e.seq > before]


def test_officers_refused_ledger_export_leaves_one_denied_entry(staffed, home):
    run = staffed
    before = len(run.entries())
    out = home.parent / "ledger.csv"
    code, _out, err = run("--user", "wang", "export", "daily", "--date", "2026-11-20", "--out", str(out),
                          password="officer-pass")  # fmt: skip
    assert code == 1 and "无权导出含个人信息的数据" in err and not out.exists()
    login, denied = _new_entries(run, before)  # the sign-in, then exactly one refusal: no export entry
    assert (login.action, login.actor) == ("login", "wang")
    assert (denied.action, denied.actor, denied.target) == ("denied", "wang", "creditdesk export daily")
    assert denied.detail == {"permission": "export_personal_data", "role": "officer"}
    assert denied.action_label == "越权操作被拒绝"
    code, out_text, err = run("audit", "verify")
    assert code == 0 and out_text.startswith("审计日志完整"), err


def test_every_kind_of_refusal_is_audited_once(staffed, home):
    run = staffed
    officer = {"password": "officer-pass"}
    attempts = [  # (args, permission, target)
        (["audit", "export", "--out", str(home.parent / "a.csv")], "export_personal_data", "creditdesk audit export"),
        (["purge", "--before", "2026-01-01"], "purge", "creditdesk purge"),
        (["commitment", "mark", "CN-20261120-0001", "fulfilled"], "follow_up", "creditdesk commitment mark"),
        (["alerts", "--ack", "1"], "follow_up", "creditdesk alerts"),
        (["account", "create", "li", "--role", "officer"], "manage_accounts", "creditdesk account create li"),
        (["account", "passwd", "zhao"], "manage_accounts", "creditdesk account passwd zhao"),
        (["account", "disable", "zhao"], "manage_accounts", "creditdesk account disable zhao"),
        (["audit", "list", "--actor", "admin"], "view_all_reviews", "creditdesk audit list --actor admin"),
    ]
    for args, permission, target in attempts:
        before = len(run.entries())
        code, _out, err = run("--user", "wang", *args, new_password="li-pass-123", **officer)
        assert code == 1 and err, args
        denied = [e for e in _new_entries(run, before) if e.action != "login"]
        assert [(e.action, e.actor, e.target) for e in denied] == [("denied", "wang", target)], args
        assert denied[0].detail == {"permission": permission, "role": "officer"}, args
    assert not (home.parent / "a.csv").exists()
    assert run("audit", "verify")[0] == 0


def test_unattributed_refusals_are_audited(staffed, home):
    run = staffed
    before = len(run.entries())
    for args in (["lookup", uscc(1)], ["export", "daily", "--date", "2026-11-20", "--out", str(home.parent / "l.csv")],
                 ["account", "create", "li", "--role", "officer"]):  # fmt: skip
        code, _out, err = run(*args, new_password="li-pass-123")
        assert code == 1 and "--user" in err, args
    got = _new_entries(run, before)
    assert [(e.action, e.actor, e.target) for e in got] == [
        ("denied", None, "creditdesk lookup"), ("denied", None, "creditdesk export daily"),
        ("denied", None, "creditdesk account create")]  # fmt: skip
    assert [e.detail for e in got] == [{"reason": "not signed in", "permission": p}
                                      for p in ("review", "export_personal_data", "manage_accounts")]
    assert run("audit", "verify")[0] == 0


def test_audit_list_is_audited_with_its_filter(staffed):
    run = staffed
    code, out, err = run("--user", "zhao", "audit", "list", "--actor", "wang", "--action", "account_create", "--json",
                         password="super-pass-1")  # fmt: skip
    assert code == 0, err
    assert out == ""  # wang created no account: nothing listed, and the listing does not list itself
    last = run.entries()[-1]
    assert (last.action, last.actor, last.action_label) == ("audit_view", "zhao", "查看审计日志")
    assert last.detail == {"via": "cli", "actor": "wang", "action": "account_create", "since": None, "until": None,
                           "limit": 50, "rows": 0}  # fmt: skip
    code, out, err = run("--user", "wang", "audit", "list", "--json", password="officer-pass")
    assert code == 0, err
    assert run.entries()[-1].detail["actor"] == "wang"  # an officer's listing is scoped to them, and says so


def test_audit_export_with_actor_and_action(staffed, home):
    run = staffed
    run("--user", "wang", "lookup", uscc(1), password="officer-pass")
    run("--user", "wang", "export", "daily", "--date", "2026-11-20", "--out", str(home.parent / "l.csv"),
        password="officer-pass")  # fmt: skip
    out = home.parent / "wang.csv"
    code, text, err = run("--user", "zhao", "audit", "export", "--out", str(out), "--actor", "wang",
                          password="super-pass-1")  # fmt: skip
    assert code == 0, err
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    wangs = [e for e in run.entries() if e.actor == "wang"]
    assert rows and {r[2] for r in rows} == {"wang"} and [int(r[0]) for r in rows] == [e.seq for e in wangs]
    assert {r[4] for r in rows} == {"login", "lookup", "denied"} and f"已导出审计日志 {len(rows)} 条" in text
    last = run.entries()[-1]
    assert (last.action, last.detail["actor"], last.detail["action"], last.detail["rows"]) == (
        "audit_export", "wang", None, len(rows))
    code, _t, err = run("--user", "zhao", "audit", "export", "--out", str(out), "--actor", "wang", "--action", "denied",
                        password="super-pass-1")  # fmt: skip
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    assert len(rows) == 1 and rows[0][2:5] == ["wang", "越权操作被拒绝", "denied"]
    assert '"permission": "export_personal_data"' in rows[0][6]
