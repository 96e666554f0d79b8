"""The counter page, driven like an officer would, offscreen against a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from creditdesk.app import open_app
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from creditdesk.ui.main_window import MainWindow
from support.city import EPOCH, PERSON_KEY_B64, Feed, id_number

DAY = dt.date(2026, 11, 20)


@pytest.fixture
def window(qtbot, tmp_path):
    ctx = open_app(tmp_path / "home")
    feed = Feed()
    blacklisted = feed.company("福州顺心贸易有限公司", former_names=["福州旧日商贸有限公司"])
    clean = feed.company("福州顺心科技有限公司")
    person = feed.person("林小梅", id_number(7))
    changes = [
        blacklisted, clean, person,
        feed.record("BL-1", blacklisted["id"], "serious_dishonesty", publish_from="2026-01-01"),
        feed.record("HON-1", clean["id"], "honor", publish_from="2026-01-01"),
        feed.record("OLD-1", clean["id"], "admin_penalty", publish_from="2020-01-01", publish_until="2021-01-01"),
    ]  # fmt: skip
    as_of = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))).isoformat()
    ChangeApplier(ctx.engine).apply(changes, Position(feed.seq, EPOCH, as_of, person_key=PERSON_KEY_B64))
    w = MainWindow(ctx, today=DAY)
    qtbot.addWidget(w)
    w.show()
    w.codes = {"blacklisted": blacklisted["id"], "clean": clean["id"], "person": person["id"]}
    yield w
    w.runner.wait(5000)
    ctx.close()


def _type(qtbot, w, text: str) -> None:
    """Type as a keyboard or an input method would (QTest only maps ASCII keys)."""
    edit = w.counter.query_edit
    edit.clear()
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(edit, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def test_code_validation_as_you_type(qtbot, window):
    code = window.codes["blacklisted"]
    _type(qtbot, window, code[:10])
    assert window.counter.hint_state == "partial"
    assert "已输入 10 位" in window.counter.hint_label.text()

    wrong = code[:17] + ("0" if code[17] != "0" else "1")
    _type(qtbot, window, wrong)
    assert window.counter.hint_state == "invalid"
    assert f"应为“{code[17]}”" in window.counter.hint_label.text()
    assert window.counter.hint_icon.text() == "✖"

    _type(qtbot, window, code[:8] + "I" + code[9:])
    assert "第9位字符“I”不合法" in window.counter.hint_label.text()


def test_valid_code_finds_subject_and_shows_blacklist(qtbot, window):
    with qtbot.waitSignal(window.counter.profile_shown, timeout=5000) as shown:
        _type(qtbot, window, window.codes["blacklisted"].lower())
    assert window.counter.hint_icon.text() == "✔"
    assert shown.args == [window.codes["blacklisted"]]
    html = window.counter.profile_view.toPlainText()
    assert "列入失信黑名单" in html
    assert "福州顺心贸易有限公司" in html
    assert "数据截至 2026-11-20" in window.data_label.text()


def test_enter_searches_names_and_arrows_choose(qtbot, window):
    _type(qtbot, window, "顺心")
    with qtbot.waitSignal(window.counter.results_shown, timeout=5000) as results:
        qtbot.keyClick(window.counter.query_edit, Qt.Key.Key_Return)
    assert results.args == [2]
    qtbot.waitUntil(lambda: window.counter.shown_subject is not None, timeout=5000)
    first = window.counter.shown_subject
    with qtbot.waitSignal(window.counter.profile_shown, timeout=5000) as shown:
        qtbot.keyClick(window.counter.query_edit, Qt.Key.Key_Down)
    assert shown.args[0] != first
    assert {first, shown.args[0]} == {window.codes["blacklisted"], window.codes["clean"]}
    assert window.counter.query_edit.hasFocus() or not window.isActiveWindow()
    if shown.args[0] == window.codes["clean"]:
        text = window.counter.profile_view.toPlainText()
        assert "有 1 条有效守信激励记录" in text
        assert "已过公示期" in text  # the 2020 penalty is shown but does not count


def test_person_found_by_id_number_shows_masked_number(qtbot, window):
    number = id_number(7)
    with qtbot.waitSignal(window.counter.profile_shown, timeout=5000) as shown:
        _type(qtbot, window, number)
    assert shown.args == [window.codes["person"]]
    text = window.counter.profile_view.toPlainText()
    assert "林小梅" in text
    assert number not in text
    assert number[:2] + "************" + number[-4:] in text


def test_unknown_valid_code_says_so(qtbot, window):
    from support.city import uscc

    with qtbot.waitSignal(window.counter.results_shown, timeout=5000) as results:
        _type(qtbot, window, uscc(999))
    assert results.args == [0]
    assert "没有该代码" in window.counter.results_label.text()


def test_invalid_code_clears_the_previous_applicant(qtbot, window):
    with qtbot.waitSignal(window.counter.profile_shown, timeout=5000):
        _type(qtbot, window, window.codes["blacklisted"])
    assert window.counter.results.count() == 1
    _type(qtbot, window, "350102800101123")  # a first-generation number, 15 digits
    qtbot.keyClick(window.counter.query_edit, Qt.Key.Key_Return)
    assert window.counter.hint_state == "invalid"
    assert "第一代身份证" in window.counter.hint_label.text()
    assert window.counter.results.count() == 0
    assert window.counter.shown_subject is None
    assert "福州顺心贸易有限公司" not in window.counter.profile_view.toPlainText()
