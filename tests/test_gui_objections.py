"""提出异议 from the counter, and the 异议 page: driven like an officer and a supervisor would, offscreen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from creditdesk.app import open_app
from creditdesk.db import models
from creditdesk.protocol import Position
from creditdesk.roles import Actor
from creditdesk.services.apply import ChangeApplier
from creditdesk.services.objections import ObjectionDraft, ObjectionService
from creditdesk.ui.main_window import MainWindow
from creditdesk.ui.objection_dialog import ObjectionDialog
from support.city import EPOCH, PERSON_KEY_B64, Feed, id_number

DAY = dt.date(2026, 11, 20)
GROUNDS = "该处罚已于2026年10月履行完毕，并经复议撤销，平台记录未更新。"
OFFICER = Actor("wangfang", "王芳", "officer", "福州市行政服务中心")
BOSS = Actor("chenke", "陈科长", "supervisor", "福州市行政服务中心")


@pytest.fixture
def window(qtbot, tmp_path):
    ctx = open_app(tmp_path / "home")
    feed = Feed()
    company = feed.company("福州顺心贸易有限公司")
    changes = [
        company,
        feed.record("BL-1", company["id"], "serious_dishonesty", publish_from="2026-01-01"),
        feed.record("CF-1", company["id"], "admin_penalty", publish_from="2026-03-01"),
        feed.record("HON-1", company["id"], "honor", publish_from="2026-01-01"),
    ]  # fmt: skip
    as_of = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))).isoformat()
    ChangeApplier(ctx.engine).apply(changes, Position(feed.seq, EPOCH, as_of, person_key=PERSON_KEY_B64))
    w = MainWindow(ctx, today=DAY)
    qtbot.addWidget(w)
    w.show()
    w.company = company["id"]
    yield w
    w.runner.wait(5000)
    ctx.close()


def _type(widget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def _objections(engine) -> list:  # noqa: ANN001
    t = models.Objection.__table__
    with engine.connect() as conn:
        return list(conn.execute(select(t)).mappings())


def test_file_an_objection_through_the_dialog_from_the_counter(qtbot, window):
    counter = window.counter
    counter.query_edit.setText(window.company)
    qtbot.waitUntil(lambda: counter.shown_subject == window.company, timeout=5000)
    qtbot.keyClick(counter.query_edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog: ObjectionDialog = counter.objection_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    # Adverse records in force first; the record is shown read-only.
    assert dialog.record().id == "BL-1"
    dialog.record_combo.setCurrentIndex(dialog.record_combo.findData("CF-1"))
    assert dialog.record().id == "CF-1"
    shown = dialog.record_view.text()
    assert "admin_penalty CF-1" in shown and "榕文〔2026〕CF-1号" in shown and "行政处罚" in shown
    assert not dialog.ok_button.isEnabled()
    assert "异议理由至少 10 个字" in dialog.problems.text()

    _type(dialog.grounds_edit, "记录有误")
    assert not dialog.ok_button.isEnabled()
    _type(dialog.grounds_edit, GROUNDS)
    _type(dialog.name_edit, "张三")
    _type(dialog.phone_edit, "1380591")
    assert not dialog.ok_button.isEnabled() and "联系电话应为" in dialog.problems.text()
    _type(dialog.phone_edit, "1234")
    assert dialog.ok_button.isEnabled() and "可以登记" in dialog.problems.text()
    # A full ID number anywhere is refused before anything is saved.
    dialog.name_edit.setText(id_number(3))
    assert not dialog.ok_button.isEnabled() and "完整身份证号" in dialog.problems.text()
    dialog.name_edit.setText("张三")

    with qtbot.waitSignal(dialog.filed, timeout=5000) as filed:
        qtbot.keyClick(dialog.grounds_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = filed.args[0]
    assert saved.record_id == "CF-1" and saved.contact_phone == "13805911234" and saved.status == "queued"
    (row,) = _objections(window.ctx.engine)
    assert row["grounds"].endswith(GROUNDS) and row["subject_name"] == "福州顺心贸易有限公司"
    assert not dialog.isVisible()

    # The 异议 page lists it.
    page = window.objections_page
    with qtbot.waitSignal(page.loaded, timeout=5000) as loaded:
        window.nav.setCurrentRow(window.pages.indexOf(page))
    assert loaded.args[0] == 1
    assert page.table.item(0, 2).text() == "admin_penalty CF-1"
    assert page.table.item(0, 6).text() == "待上报"
    assert page.table.item(0, 4).text() == "张三 13805911234"


def test_dialog_shows_a_refusal_from_the_service(qtbot, window):
    from creditdesk.services.records import load_records

    with window.ctx.engine.connect() as conn:
        records = load_records(conn, [window.company])[window.company]
    dialog = ObjectionDialog(window.runner, window.ctx.engine, records, subject_name="福州顺心贸易有限公司",
                             subject_code=window.company, unit="", today=DAY)  # no unit configured
    qtbot.addWidget(dialog)
    dialog.show()
    _type(dialog.grounds_edit, GROUNDS)
    dialog.name_edit.setText("张三")
    dialog.phone_edit.setText("0591-87654321")
    dialog.submit()
    qtbot.waitUntil(lambda: "未登记" in dialog.problems.text(), timeout=5000)
    assert "缺少办理单位" in dialog.problems.text() and dialog.isVisible()
    assert _objections(window.ctx.engine) == []


def test_page_filters_scopes_and_supervisor_records_the_answer(qtbot, window):
    ctx = window.ctx
    service = ObjectionService(ctx.engine, ctx.audit)
    mine = service.file(ObjectionDraft("CF-1", window.company, GROUNDS, "张三", "13805911234"), OFFICER, "单位")
    other = service.file(ObjectionDraft("BL-1", window.company, GROUNDS, "李四", "13905911234"),
                         Actor("lijun", "李军", "officer"), "单位")  # fmt: skip
    page = window.objections_page

    ctx.user = OFFICER
    with qtbot.waitSignal(page.loaded, timeout=5000) as loaded:
        window.nav.setCurrentRow(window.pages.indexOf(page))
    assert loaded.args[0] == 1 and page.selected().id == mine.id  # an officer sees their own
    assert not page.answer_button.isVisible()

    ctx.user = BOSS
    with qtbot.waitSignal(page.loaded, timeout=5000) as loaded:
        page.refresh()
    assert loaded.args[0] == 2 and page.answer_button.isVisible()
    page.table.selectRow([o.id for o in page._rows].index(other.id))
    qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = page.answer_dialog
    assert not dialog.ok_button.isEnabled()
    dialog.dismissed.setChecked(True)
    _type(dialog.note_edit, "信用办答复：记录有效")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.ok_button.click()
    assert service.get(other.id).status == "dismissed"
    row = [o.id for o in page._rows].index(other.id)
    assert page.table.item(row, 6).text() == "异议不成立"
    assert page.table.item(row, 7).text() == "信用办答复：记录有效"
    assert page.table.item(row, 6).foreground().color().name() == "#5a3d8a"

    # Filter by status.
    with qtbot.waitSignal(page.loaded, timeout=5000) as loaded:
        page.status_filter.setCurrentIndex(page.status_filter.findData("dismissed"))
    assert loaded.args[0] == 1 and page.table.item(0, 6).text() == "异议不成立"
    with qtbot.waitSignal(page.loaded, timeout=5000) as loaded:
        page.status_filter.setCurrentIndex(page.status_filter.findData("upheld"))
    assert loaded.args[0] == 0 and page.empty.isVisible() and "异议成立" in page.empty.text()


def test_empty_page_says_how_to_file(qtbot, window):
    page = window.objections_page
    with qtbot.waitSignal(page.loaded, timeout=5000) as loaded:
        window.nav.setCurrentRow(window.pages.indexOf(page))
    assert loaded.args[0] == 0
    assert page.empty.isVisible() and not page.table.isVisible()
    assert "Ctrl+E" in page.empty.text()
