"""Issue 10 item 4: the README's role table, walked row by row through the real CLI
(``creditdesk.cli.main``, in-process) as nobody, an officer, a supervisor and an admin.

Expected values come from the table itself: a row may be run by its role and every role above
it; below it the command is refused before it does anything (exit 1, a ``denied`` audit entry),
and an allowed run of a row with an audit entry leaves that entry. A row without arguments here
fails the test, so the table and the walk cannot drift apart."""

from __future__ import annotations

import base64
import io
import re
import sys
from pathlib import Path

import pytest

from creditdesk import cli
from creditdesk.app import open_app
from support.city import uscc

REPO = Path(__file__).resolve().parents[1]
RANK = {"none": 0, "officer": 1, "supervisor": 2, "admin": 3}
PASSWORD = "walk-the-table-2026"
TOKEN = "walk-token"  # what `platform connect` and `platform login` read from stdin
REFUSED = ("需要登录", "无权", "只能修改自己的密码")


def table() -> list[tuple[str, str, list[str]]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    body = text.split("<!-- role-table -->", 1)[1].split("<!-- /role-table -->", 1)[0]
    rows = []
    for line in body.strip().splitlines()[2:]:
        command, role, audit = (cell.strip() for cell in line.strip().strip("|").split("|"))
        role = role.split()[0]
        assert role in RANK, line
        rows.append((command, role, re.findall(r"`(\w+)`", audit)))
    return rows


def invocations(tmp: Path, platform_url: str) -> dict[str, list[list[str]]]:
    key = "b64:" + base64.b64encode(bytes(range(32))).decode()
    return {
        "`demo-data`": [["demo-data", "--subjects", "40"]],
        "`sync`": [["sync"]],
        "`bundle import FILE`": [["bundle", "import", str(tmp / "missing.cdpkg")]],
        "`platform connect URL`": [["platform", "connect", platform_url, "--client-id", "ws-01"]],
        "`platform login`": [["platform", "login"]],
        "`platform logout`": [["platform", "logout"]],
        "`platform trust`": [["platform", "trust", "--platform-id", "wuchang", "--key-id", "k-walk", "--public-key", key,
                              "--confirm"]],
        "`platform keys`": [["platform", "keys"]],
        "`account create`": [["account", "create", "newbie", "--role", "officer"]],
        "`account disable NAME` / `enable`": [["account", "disable", "target"], ["account", "enable", "target"]],
        "`account role NAME`": [["account", "role", "target", "officer"]],
        "`account passwd NAME`": [["account", "passwd", "target"]],
        "`account list`": [["account", "list"]],
        "`purge`": [["purge", "--before", "2000-01-01"]],
        "`commitment mark` / `item`": [["commitment", "mark", "CN-20260101-0001", "fulfilled"],
                                       ["commitment", "item", "CN-20260101-0001", "1"]],
        "`recheck --ack ID`": [["recheck", "--ack", "999999"]],
        "`alerts --ack ID`": [["alerts", "--ack", "999999"]],
        "`objection file`": [["objection", "file", "--record", "NO-SUCH-RECORD", "--grounds", "记录与事实不符，申请更正。",
                              "--contact-name", "张三", "--contact-phone", "13800000000"]],
        "`export daily`": [["export", "daily", "--date", "2026-11-20", "--out", str(tmp / "ledger.csv")]],
        "`audit export`": [["audit", "export", "--out", str(tmp / "audit.csv")]],
        "`report usage`": [["report", "usage", "--period", "2026-Q3", "--out", str(tmp / "usage.xlsx")]],
        "`audit list`": [["audit", "list"]],
        "`lookup`, `check`, `verify`": [["lookup", "武汉"], ["check", uscc(1), "--matter", "procurement"],
                                        ["verify", "ABCD-EFGH-JK"]],
        "`commitments`, `recheck`, `alerts`, `objections`": [["commitments"], ["recheck"], ["alerts"], ["objections"]],
        "`audit verify`": [["audit", "verify"]],
        "`status`": [["status"]],
    }


# Allowed runs that end before their act for a reason of the walk's own making (nothing to mark,
# no such record, an invalid demo code): no audit entry of the act is expected from them.
NOTHING_TO_ACT_ON = {"commitment", "recheck", "alerts", "objection", "check"}


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    from creditdesk_platform.server import PlatformServer

    server = PlatformServer(state_dir=tmp_path_factory.mktemp("platform"), token=TOKEN)
    server.start()
    yield server
    server.close()


@pytest.fixture(scope="module")
def walk_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("walk") / "home"
    assert cli.main(["--home", str(home), "--demo", "demo-data", "--subjects", "40"]) == 0  # no account yet
    ctx = open_app(home)
    try:
        admin = ctx.accounts.create("admin", "admin", PASSWORD, display_name="管理员", by=None)
        for name, role in (("officer", "officer"), ("supervisor", "supervisor"), ("target", "supervisor")):
            ctx.accounts.create(name, role, PASSWORD, display_name=name, by=admin)
    finally:
        ctx.close()
    return home


def entries(home: Path) -> list:
    ctx = open_app(home)
    try:
        return ctx.audit.entries()
    finally:
        ctx.close()


@pytest.mark.parametrize("command, role, actions", table(), ids=[r[0].replace("`", "") for r in table()])
def test_walk_the_role_table(walk_home, platform, tmp_path, monkeypatch, capsys, command, role, actions):
    calls = invocations(tmp_path, platform.base_url)
    assert command in calls, f"README role table row {command!r} has no walk"
    for who in ("none", "officer", "supervisor", "admin"):
        for argv in calls[command]:
            monkeypatch.setattr(sys, "stdin", io.StringIO(TOKEN + "\n"))
            monkeypatch.setenv(cli.PASSWORD_ENV, PASSWORD)
            monkeypatch.setenv(cli.NEW_PASSWORD_ENV, "a-new-password-2026")
            before = len(entries(walk_home))
            capsys.readouterr()
            user = [] if who == "none" else ["--user", who]
            code = cli.main(["--home", str(walk_home), *user, *argv])
            err = capsys.readouterr().err
            new = entries(walk_home)[before:]
            acts = [e.action for e in new if e.action not in ("login",)]
            allowed = RANK[who] >= RANK[role]
            label = f"{' '.join(argv)} as {who}"
            if allowed:
                assert not any(m in err for m in REFUSED), f"{label} was refused: {err}"
                assert "denied" not in acts, label
                if actions and argv[0] not in NOTHING_TO_ACT_ON:
                    assert set(acts) & set(actions), f"{label}: no {actions} entry (got {acts}; exit {code}: {err})"
                    assert all(e.actor == (None if who == "none" else who) for e in new if e.action in actions), label
            else:
                assert code == 1, f"{label} ran: exit {code}"
                assert any(m in err for m in REFUSED), f"{label}: {err}"
                assert acts == ["denied"], f"{label}: {acts}"
                assert new[-1].actor == (None if who == "none" else who)


def test_own_password_is_an_officers_right(walk_home, monkeypatch, capsys):
    monkeypatch.setenv(cli.PASSWORD_ENV, PASSWORD)
    monkeypatch.setenv(cli.NEW_PASSWORD_ENV, PASSWORD)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert cli.main(["--home", str(walk_home), "--user", "officer", "account", "passwd", "officer"]) == 0
    assert entries(walk_home)[-1].action == "account_change"


def test_demo_data_refuses_a_home_with_data_that_is_not_a_demo_home(tmp_path, monkeypatch, capsys):
    """A new home (no settings yet) whose database already holds data — CREDITDESK_DATABASE_URL
    pointing at a hall's PostgreSQL, say — is not turned into a demo home either."""
    first = tmp_path / "first"
    assert cli.main(["--home", str(first), "demo-data", "--subjects", "40"]) == 0  # a new, empty home: allowed
    url = f"sqlite:///{first / 'data' / 'creditdesk.sqlite'}"
    monkeypatch.setenv("CREDITDESK_DATABASE_URL", url)
    capsys.readouterr()
    assert cli.main(["--home", str(tmp_path / "second"), "demo-data", "--subjects", "40"]) == 1
    assert "不是演示数据目录" in capsys.readouterr().err


def test_demo_data_refuses_a_real_home(tmp_path, capsys):
    real = tmp_path / "real"
    ctx = open_app(real)  # an installation's home: settings say it is not a demo home
    ctx.close()
    for argv in (["demo-data"], ["--demo", "demo-data"]):
        assert cli.main(["--home", str(real), *argv, "--subjects", "40"] if argv[0] == "demo-data"
                        else ["--home", str(real), "--demo", "demo-data", "--subjects", "40"]) == 1
        assert "不是演示数据目录" in capsys.readouterr().err
    ctx = open_app(real)
    try:
        with ctx.engine.connect() as conn:
            from sqlalchemy import text

            assert conn.execute(text("SELECT count(*) FROM subject")).scalar() == 0
    finally:
        ctx.close()
