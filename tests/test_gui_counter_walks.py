"""Counted walks at the counter: from the first keystroke to a printed 信用核查单, keyboard only.

Every key goes where the keyboard would send it (the widget with focus); the walk counts the
officer's actions (typing a code or a number in one go is one action) and the key events sent.
The slip goes through the print dialog to a real CUPS queue (cups-pdf, .ci/start-cups) and the
walk ends when the job has come out. The README's counter section states these counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from support.counter_window import PERSON_NUMBER, close_window, counter_window
from support.cups import job_ids, print_queue, wait_for_new_job


@dataclass
class Walk:
    qtbot: object
    window: object
    actions: list[str] = field(default_factory=list)
    keys: int = 0
    clicks: int = 0

    def target(self):  # noqa: ANN201
        return QApplication.focusWidget() or self.window

    def type(self, text: str, what: str) -> None:
        """One action: a code or a number typed in one go (each character is a key event)."""
        self.qtbot.keyClicks(self.target(), text)
        self.keys += len(text)
        self.actions.append(what)

    def key(self, key, modifier=Qt.KeyboardModifier.NoModifier, what: str = "", widget=None) -> None:  # noqa: ANN001
        self.qtbot.keyClick(widget or self.target(), key, modifier)
        self.keys += 1
        self.actions.append(what or str(key))


@pytest.fixture
def window(qtbot, tmp_path):
    queue = print_queue()  # the print dialog offers the default destination: this queue (.ci/start-cups)
    w = counter_window(qtbot, tmp_path / "home", profile_id="cangzhou")
    w.queue = queue
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    w.counter.focus_query()
    yield w
    close_window(w)


def _walk(qtbot, w, code: str, matter_number: str, expected_matter: str, expected_outcome: str) -> Walk:
    from PySide6.QtPrintSupport import QPrintDialog

    panel, walk = w.counter.review, Walk(qtbot, w)
    assert QApplication.focusWidget() is w.counter.query_edit  # the window opens ready to type
    walk.type(code, "输入代码")
    qtbot.waitUntil(lambda: panel.applicant is not None, timeout=5000)  # a valid code opens its subject
    walk.key(Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier, "Alt+M 办理事项")
    assert panel.matter_combo.hasFocus()
    walk.type(matter_number, f"事项序号 {matter_number}")  # two digits: unambiguous, chosen at once
    assert panel.matter_code() == expected_matter
    qtbot.waitUntil(lambda: panel.adopt_button.hasFocus(), timeout=5000)  # the officer reads the findings: no key
    walk.key(Qt.Key.Key_Return, what="Enter 采用系统结论")
    qtbot.waitUntil(panel.can_finalise, timeout=5000)
    walk.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier, "Ctrl+Enter 完成核查并保存")
    qtbot.waitUntil(lambda: panel.saved_review is not None, timeout=10000)
    saved = panel.saved_review
    assert saved.subject_id == panel.applicant.subject_id and saved.final_outcome == expected_outcome

    seen: dict = {}

    def press_print() -> None:  # the print dialog is modal: Enter on it, as the officer would
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog) and dialog.isVisible() and "done" not in seen:
            seen["done"] = True
            seen["printer"] = dialog.printer().printerName()
            walk.key(Qt.Key.Key_Return, what="Enter 打印", widget=dialog.focusWidget() or dialog)

    timer = QTimer()
    timer.timeout.connect(press_print)
    timer.start(50)
    before = job_ids(w.queue)
    try:
        with qtbot.waitSignal(panel.slip_bar.printed, timeout=60000) as printed:
            walk.key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier, "Ctrl+P 打印核查单")
    finally:
        timer.stop()
    assert printed.args == [w.queue] and seen.get("printer") == w.queue
    wait_for_new_job(w.queue, before)  # the slip has come out of the printer
    assert "已发送到打印机" in panel.slip_bar.status.text()
    return walk


def test_clean_company_in_at_most_8_actions(qtbot, window):
    walk = _walk(qtbot, window, window.codes["clean"], "10", "approval", "normal")  # 10 行政审批、许可与市场准入
    assert len(walk.actions) <= 8
    assert (len(walk.actions), walk.keys, walk.clicks) == (7, 25, 0), walk.actions  # 18 + 1 + 2 + 1 + 1 + 1 + 1 keys


def test_blacklisted_bidder(qtbot, window):
    walk = _walk(qtbot, window, window.codes["bidder"], "01", "procurement", "prohibit")  # 01 政府采购 (a bidder)
    assert (len(walk.actions), walk.keys, walk.clicks) == (7, 25, 0), walk.actions  # 18 + 1 + 2 + 1 + 1 + 1 + 1 keys


def test_natural_person_by_id_number(qtbot, window):
    walk = _walk(qtbot, window, PERSON_NUMBER, "09", "personnel", "normal")  # 09 公务员与事业单位人员招录管理
    assert window.counter.query_edit.text() == PERSON_NUMBER[:2] + "*" * 12 + PERSON_NUMBER[-4:]
    assert (len(walk.actions), walk.keys, walk.clicks) == (7, 25, 0), walk.actions  # 18 + 1 + 2 + 1 + 1 + 1 + 1 keys
