"""The audit page, offscreen: entries scoped by role, filters, 校验 on a tampered trail, export only with the right."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import delete, update

from creditdesk.app import open_app
from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.ui.audit_page import LIMIT, AuditPage
from creditdesk.ui.tasks import TaskRunner

_entry = models.AuditEntry.__table__


@pytest.fixture
def ctx(tmp_path):
    ctx = open_app(tmp_path / "home")
    yield ctx
    ctx.close()


@pytest.fixture
def people(ctx):
    acc = ctx.accounts
    admin = acc.create("admin", "admin", "admin-pass-1", display_name="管理员", by=None)
    wang = acc.create("wang", "officer", "officer-pass", display_name="王芳", by=admin)
    zhao = acc.create("zhao", "supervisor", "super-pass-1", display_name="赵科长", by=admin)
    for i in range(3):
        ctx.audit.append("lookup", actor=wang, target=f"福州{i}", detail={"kind": "name", "query": f"福州{i}", "hits": ["S-1"]})
    ctx.audit.append("check", actor=zhao, target="S-1", detail={"subject": "S-1", "matter": "procurement", "outcome": "prohibit"})
    ctx.audit.append("login_failed", actor=None, target="wang", detail={"reason": "wrong", "via": "login"})
    return {"admin": admin, "wang": wang, "zhao": zhao}


@pytest.fixture
def page(qtbot, ctx):
    runner = TaskRunner()
    p = AuditPage(ctx, runner)
    qtbot.addWidget(p)
    p.resize(1100, 600)
    p.show()
    yield p
    runner.wait(10000)


def shown(page) -> list[tuple]:  # noqa: ANN001
    t = page.table
    return [tuple(t.item(r, c).text() for c in range(t.columnCount())) for r in range(t.rowCount())]


def load(qtbot, page, user=None):  # noqa: ANN001
    page.ctx.user = user
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh()
    return shown(page)


def test_supervisor_sees_all_newest_first(qtbot, page, people):
    rows = load(qtbot, page, people["zhao"])
    seqs = [int(r[0]) for r in rows]
    assert seqs == sorted(seqs, reverse=True) and len(rows) == 8  # 3 account_create + 5
    assert rows[0][2] == "（未署名）" and rows[0][3] == "登录失败" and rows[0][4] == "wang"
    assert rows[1][2] == "赵科长（zhao）" and rows[1][3] == "核查" and "结论：禁止" in rows[1][5] and "事项：政府采购" in rows[1][5]
    assert rows[2][3] == "查询" and "命中：1 个" in rows[2][5]
    assert page.account_box.isEnabled() and page.export_button.isEnabled()
    assert "共 8 条" in page.summary.text()


def test_officer_sees_only_their_own_and_cannot_export(qtbot, page, people):
    rows = load(qtbot, page, people["wang"])
    assert len(rows) == 3 and {r[2] for r in rows} == {"王芳（wang）"}
    assert not page.account_box.isEnabled()
    assert not page.export_button.isEnabled()
    assert "无权导出" in page.export_button.toolTip() and "科室负责人" in page.export_button.toolTip()
    assert "本人" in page.summary.text()
    page.export_to(str(page.ctx.paths.home / "x.csv"))  # even called directly: refused
    assert not (page.ctx.paths.home / "x.csv").exists()


def test_nobody_signed_in_on_a_home_with_accounts_sees_nothing(qtbot, page, people):
    assert load(qtbot, page, None) == []
    assert page.table.isHidden() and "请先登录" in page.empty.text()
    assert not page.export_button.isEnabled() and "登录" in page.export_button.toolTip()


def test_unattributed_home_shows_all(qtbot, page, ctx):
    assert load(qtbot, page, None) == []
    assert "尚无审计记录" in page.empty.text()
    ctx.audit.append("lookup", actor=None, target="福州")
    rows = load(qtbot, page, None)
    assert rows[0][2] == "（未署名）" and "尚未建立账户" in page.summary.text()
    assert page.export_button.isEnabled()  # no account yet: unattributed, like the CLI
    with qtbot.waitSignal(page.export_finished, timeout=10000) as done:
        page.export_to(str(ctx.paths.home / "a.csv"))
    # the page's first view (unattributed, once) and the lookup
    assert [e.action for e in ctx.audit.entries()] == ["audit_view", "lookup", "audit_export"]
    assert done.args[0] == 2 and ctx.audit.entries()[0].actor is None


def test_filters_by_action_and_account(qtbot, page, people):
    load(qtbot, page, people["admin"])
    page.action_box.setCurrentIndex(page.action_box.findData("lookup"))
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.apply_button.click()
    assert {r[3] for r in shown(page)} == {"查询"} and len(shown(page)) == 3
    page.action_box.setCurrentIndex(0)
    page.account_box.setCurrentIndex(page.account_box.findData("zhao"))
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    assert [r[3] for r in shown(page)] == ["核查"]
    page.account_box.setCurrentIndex(0)
    page.use_dates.setChecked(True)
    page.since_edit.setDate(page.since_edit.date().addYears(-3))
    page.until_edit.setDate(page.since_edit.date().addDays(1))
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    assert shown(page) == [] and "没有符合条件" in page.empty.text()


def test_verify_button_on_an_intact_and_a_tampered_trail(qtbot, page, people, ctx):
    load(qtbot, page, people["zhao"])
    with qtbot.waitSignal(page.verify_finished, timeout=10000) as done:
        page.verify_button.click()
    assert done.args[0].intact
    assert page.verdict.text().startswith("完整") and "9 条" in page.verdict.text()  # 8 + zhao's audit_view
    qtbot.waitUntil(lambda: shown(page) and shown(page)[0][3] == "校验审计日志", timeout=5000)

    with write_transaction(ctx.engine) as conn:  # someone edits a lookup behind the app's back
        conn.execute(update(_entry).where(_entry.c.seq == 5).values(target="别的公司"))
    with qtbot.waitSignal(page.verify_finished, timeout=10000) as done:
        page.verify_button.click()
    verdict = done.args[0]
    assert not verdict.intact and verdict.first_bad_seq == 5
    assert "第 5 条" in page.verdict.text() and "篡改" in page.verdict.text()
    assert "b3261e" in page.verdict.styleSheet()  # red
    qtbot.waitUntil(lambda: shown(page)[0][0] == "11", timeout=5000)  # reloaded with the second 校验 entry
    row5 = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "5")
    assert page.table.item(row5, 4).text() == "别的公司"
    assert page.table.item(row5, 1).background().color().name() == "#fde7e9"  # the broken entry, marked
    assert page.table.item(row5 + 1, 1).background().style() == Qt.BrushStyle.NoBrush  # and only that one
    assert page.verify_button.isEnabled() and page.progress.isHidden()

    with write_transaction(ctx.engine) as conn:  # and one deletes a row
        conn.execute(update(_entry).where(_entry.c.seq == 5).values(target="福州1"))
        conn.execute(delete(_entry).where(_entry.c.seq == 2))
    with qtbot.waitSignal(page.verify_finished, timeout=10000) as done:
        page.verify_button.click()
    assert done.args[0].first_bad_seq == 2 and "缺失" in page.verdict.text()
    load(qtbot, page, people["wang"])  # another account signs in: the verdict was not theirs
    assert page.verdict.text() == ""


def test_supervisor_exports_csv_and_it_is_audited(qtbot, page, people, ctx, tmp_path):
    load(qtbot, page, people["zhao"])
    out = tmp_path / "审计.csv"
    with qtbot.waitSignal(page.export_finished, timeout=10000) as done:
        page.export_to(str(out))
    assert done.args[0] == 9  # 8 + zhao's first view of the page
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:4] == ["序号", "时间", "账户", "操作"] and len(rows) == 10
    last = ctx.audit.entries()[-1]
    assert (last.action, last.actor, last.target, last.detail["rows"]) == ("audit_export", "zhao", "审计.csv", 9)
    assert "已导出 9 条" in page.message.text()


def test_limit_keeps_it_fast(qtbot, page, ctx):
    from creditdesk.db.engine import write_transaction as wt

    with wt(ctx.engine) as conn:
        for i in range(LIMIT + 20):
            ctx.audit.append("lookup", actor=None, target=str(i), conn=conn)
    rows = load(qtbot, page, None)
    assert len(rows) == LIMIT and rows[0][0] == str(LIMIT + 20)
    assert f"最近 {LIMIT} 条" in page.summary.text()


def test_export_applies_the_account_and_action_filters(qtbot, page, people, ctx, tmp_path):
    load(qtbot, page, people["zhao"])
    page.account_box.setCurrentIndex(page.account_box.findData("wang"))
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    assert {r[2] for r in shown(page)} == {"王芳（wang）"}
    out = tmp_path / "wang.csv"
    with qtbot.waitSignal(page.export_finished, timeout=10000) as done:
        page.export_to(str(out))
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    assert done.args[0] == len(rows) == 3 and {r[2] for r in rows} == {"wang"} and {r[4] for r in rows} == {"lookup"}
    last = ctx.audit.entries()[-1]
    assert (last.action, last.detail["actor"], last.detail["action"], last.detail["rows"]) == ("audit_export", "wang", None, 3)

    page.account_box.setCurrentIndex(0)
    page.action_box.setCurrentIndex(page.action_box.findData("check"))
    with qtbot.waitSignal(page.export_finished, timeout=10000) as done:
        page.export_to(str(out))
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    assert done.args[0] == 1 and [(r[2], r[4]) for r in rows] == [("zhao", "check")]


def test_officers_export_attempt_is_audited_as_denied(qtbot, page, people, ctx):
    load(qtbot, page, people["wang"])
    before = ctx.audit.count()
    page.export_to(str(ctx.paths.home / "x.csv"))  # the button is disabled; called anyway
    qtbot.waitUntil(lambda: ctx.audit.count() == before + 1, timeout=5000)
    denied = ctx.audit.entries()[-1]
    assert (denied.action, denied.actor, denied.target) == ("denied", "wang", "export audit")
    assert denied.detail == {"permission": "export_personal_data", "role": "officer"}
    assert not (ctx.paths.home / "x.csv").exists() and "无权导出" in page.message.text()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    row = shown(page)[0]
    assert row[3] == "越权操作被拒绝" and "权限：导出含个人信息的数据" in row[5] and "角色：经办人" in row[5]
    assert page.table.item(0, 3).foreground().color().name() == "#b3261e"


def test_the_page_is_audited_once_per_sign_in_not_per_refresh(qtbot, page, people, ctx):
    zhao = people["zhao"]
    load(qtbot, page, zhao)
    for _ in range(3):  # F5, filters, coming back to the page
        load(qtbot, page, zhao)
    views = ctx.audit.entries(action="audit_view")
    assert [(v.actor, v.target, v.detail["via"], v.detail["rows"]) for v in views] == [("zhao", "page", "page", 8)]
    assert load(qtbot, page, zhao)[0][3] == "查看审计日志"
    again = type(zhao)(**{k: getattr(zhao, k) for k in ("name", "display_name", "role", "unit")})  # signed in anew
    load(qtbot, page, again)
    assert len(ctx.audit.entries(action="audit_view")) == 2
    page.hide()  # refreshed while another page is shown (set_user refreshes every page): not a view
    page.ctx.user = people["admin"]
    page.refresh()
    page.runner.wait(5000)
    assert len(ctx.audit.entries(action="audit_view")) == 2
