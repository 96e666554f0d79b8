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


def test_name_search_lists_and_chooses_nothing_until_enter(qtbot, window):
    counter = window.counter
    _type(qtbot, window, "顺心")
    with qtbot.waitSignal(counter.results_shown, timeout=5000) as results:
        qtbot.keyClick(counter.query_edit, Qt.Key.Key_Return)
    assert results.args == [2]
    qtbot.wait(200)
    window.runner.wait(2000)
    qtbot.wait(50)
    assert counter.shown_subject is None  # two names alike: the officer chooses, not the app
    assert counter.results.currentRow() == -1
    assert counter.review.applicant is None
    assert "请选择申请人" in counter.profile_view.toPlainText()
    qtbot.keyClick(counter.query_edit, Qt.Key.Key_Down)  # highlights the first row only
    assert counter.results.currentRow() == 0
    qtbot.wait(100)
    assert counter.shown_subject is None
    qtbot.keyClick(counter.query_edit, Qt.Key.Key_Down)
    second = counter.results.item(1).data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(counter.profile_shown, timeout=5000) as shown:
        qtbot.keyClick(counter.query_edit, Qt.Key.Key_Return)
    assert shown.args == [second]
    assert {counter.results.item(0).data(Qt.ItemDataRole.UserRole), second} == {
        window.codes["blacklisted"], window.codes["clean"]}
    assert counter.query_edit.hasFocus() or not window.isActiveWindow()
    if second == window.codes["clean"]:
        text = counter.profile_view.toPlainText()
        assert "有 1 条有效守信激励记录" in text
        assert "已过公示期" in text  # the 2020 penalty is shown but does not count


def test_click_on_a_result_chooses_it(qtbot, window):
    counter = window.counter
    _type(qtbot, window, "顺心")
    with qtbot.waitSignal(counter.results_shown, timeout=5000):
        qtbot.keyClick(counter.query_edit, Qt.Key.Key_Return)
    item = counter.results.item(1)
    rect = counter.results.visualItemRect(item)
    with qtbot.waitSignal(counter.profile_shown, timeout=5000) as shown:
        qtbot.mouseClick(counter.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == [item.data(Qt.ItemDataRole.UserRole)]


def test_keys_pressed_while_results_load_act_on_them(qtbot, window):
    """Down, Down, Enter typed straight after the name, before any result is there: the second row opens."""
    counter = window.counter
    seen: list[str] = []
    counter.profile_shown.connect(seen.append)
    _type(qtbot, window, "顺心")
    assert counter.results.count() == 0  # nothing listed yet: the search waits for the typing pause
    qtbot.keyClick(counter.query_edit, Qt.Key.Key_Down)
    qtbot.keyClick(counter.query_edit, Qt.Key.Key_Down)
    qtbot.keyClick(counter.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    qtbot.wait(100)
    window.runner.wait(2000)
    qtbot.wait(50)
    assert counter.results.count() == 2
    assert seen == [counter.results.item(1).data(Qt.ItemDataRole.UserRole)]  # only the chosen one was opened
    assert counter.results.currentRow() == 1


def test_keys_for_an_earlier_text_do_not_carry_over(qtbot, window):
    counter = window.counter
    _type(qtbot, window, "顺心")
    qtbot.keyClick(counter.query_edit, Qt.Key.Key_Down)
    _type(qtbot, window, "顺心科技")  # typing on: the Down above was for the shorter text
    with qtbot.waitSignal(counter.results_shown, timeout=5000):
        qtbot.keyClick(counter.query_edit, Qt.Key.Key_Return)
    qtbot.wait(100)
    assert counter.results.currentRow() == -1
    assert counter.shown_subject is None


def test_person_found_by_id_number_shows_masked_number(qtbot, window):
    number = id_number(7)
    with qtbot.waitSignal(window.counter.profile_shown, timeout=5000) as shown:
        _type(qtbot, window, number)
    assert shown.args == [window.codes["person"]]
    text = window.counter.profile_view.toPlainText()
    assert "林小梅" in text
    assert number not in text
    assert number[:2] + "************" + number[-4:] in text
    assert counter_text(window) == number[:2] + "************" + number[-4:]  # the box no longer shows it in clear
    assert counter_text(window) != number
    qtbot.keyClick(window.counter.query_edit, "9")  # typing again starts a new query, not an edit of the mask
    assert counter_text(window) == "9"


def counter_text(window) -> str:
    return window.counter.query_edit.text()


def test_unknown_person_number_is_masked_too(qtbot, window):
    number = id_number(8)
    with qtbot.waitSignal(window.counter.results_shown, timeout=5000):
        _type(qtbot, window, number)
    qtbot.waitUntil(lambda: counter_text(window) != number, timeout=5000)
    assert counter_text(window) == number[:2] + "************" + number[-4:]


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
