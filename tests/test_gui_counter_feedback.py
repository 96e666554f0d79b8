"""Feedback at the counter: where a saved PDF went, a status bar that follows every save,
adverse grades coloured as adverse, Qt's own dialogs in Chinese, windows that fit the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from creditdesk.ui.slip_view import proposed_pdf_path, write_pdf
from support.counter_window import close_window, counter_window


@pytest.fixture
def window(qtbot, tmp_path):
    w = counter_window(qtbot, tmp_path / "home", settings={"slip_folder": str(tmp_path / "slips")})
    yield w
    close_window(w)


def _find(qtbot, w, code: str) -> None:
    with qtbot.waitSignal(w.counter.profile_shown, timeout=5000):
        w.counter.query_edit.setText(code)
    qtbot.waitUntil(lambda: w.counter.review.applicant is not None, timeout=5000)


def _save_review(qtbot, w, matter: str = "approval"):  # noqa: ANN202
    panel = w.counter.review
    panel.matter_combo.setCurrentIndex(panel.matter_combo.findData(matter))
    qtbot.waitUntil(panel.adopt_button.isEnabled, timeout=5000)  # the record check is done
    panel.adopt_button.click()  # the officer adopts the computed conclusion
    qtbot.waitUntil(panel.can_finalise, timeout=5000)
    with qtbot.waitSignal(panel.saved, timeout=10000) as saved:
        panel.finalise()
    return saved.args[0]


# -- 另存为 PDF ------------------------------------------------------------------------


def test_proposed_name_carries_the_code_and_never_an_existing_file(tmp_path):
    first = proposed_pdf_path(tmp_path, "信用核查单", "K7M2-Q9XA")
    assert first == tmp_path / "信用核查单-K7M2-Q9XA.pdf"
    first.write_bytes(b"%PDF-1.4 older slip")
    second = proposed_pdf_path(tmp_path, "信用核查单", "K7M2-Q9XA")
    assert second == tmp_path / "信用核查单-K7M2-Q9XA（2）.pdf"
    with pytest.raises(FileExistsError):
        write_pdf(first, b"%PDF-1.4 new")
    assert first.read_bytes() == b"%PDF-1.4 older slip"  # nothing replaced without asking
    assert proposed_pdf_path(tmp_path, "a/b:c", None).name == "a_b_c.pdf"


def test_save_pdf_proposes_the_code_in_the_configured_folder_and_says_where(qtbot, window, tmp_path):
    from creditdesk.ui.i18n import install_translators

    translators = install_translators(QApplication.instance())
    try:
        _find(qtbot, window, window.codes["clean"])
        saved = _save_review(qtbot, window)
        bar = window.counter.review.slip_bar
        opened: list = []
        bar.save_dialog_opened.connect(opened.append)
        with qtbot.waitSignal(bar.rendered, timeout=30000):
            bar.act("review", "save", "信用核查单")
        qtbot.waitUntil(lambda: bool(opened), timeout=5000)
        dialog = opened[0]
        expected = tmp_path / "slips" / f"信用核查单-{saved.verification_code}.pdf"
        assert Path(dialog.directory().absolutePath()) == expected.parent
        assert [Path(p).name for p in dialog.selectedFiles()] == [expected.name]
        texts = {b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()}
        assert "保存(&S)" in texts or "保存" in texts  # Qt's own dialog, in Chinese
        assert not {"Save", "&Save", "Cancel"} & texts
        with qtbot.waitSignal(bar.pdf_saved, timeout=10000) as written:
            dialog.selectFile(str(expected))
            dialog.accept()
        assert written.args == [str(expected)]
        assert expected.read_bytes().startswith(b"%PDF")
        assert str(expected) in bar.status.text() and "已保存到" in bar.status.text()
        box = bar.saved_box
        assert str(expected) in box.text()
        assert box.open_button.text() == "打开所在文件夹"
        box.close()
    finally:
        for t in translators:
            QApplication.instance().removeTranslator(t)


def test_qt_dialogs_speak_chinese(qtbot):
    from creditdesk.ui.i18n import install_translators

    app = QApplication.instance()
    translators = install_translators(app)
    try:
        assert translators, "qtbase_zh_CN.qm from the PySide6 installation should load"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Close)  # fmt: skip
        qtbot.addWidget(box)
        texts = {b.text().replace("(&C)", "").replace("(&S)", "") for b in box.buttons()}
        assert texts == {"取消", "保存", "关闭"}
    finally:
        for t in translators:
            app.removeTranslator(t)


# -- the status bar follows every save -------------------------------------------------------


def test_outbox_count_and_as_of_follow_a_save(qtbot, window):
    qtbot.waitUntil(lambda: "数据截至 2026-11-20" in window.data_label.text(), timeout=5000)
    assert "seq" not in window.data_label.text()
    assert window.outbox_label.text() == ""  # nothing to report yet
    _find(qtbot, window, window.codes["clean"])
    _save_review(qtbot, window)
    qtbot.waitUntil(lambda: window.outbox_label.text() == "待上报 1", timeout=5000)  # the review, no restart


# -- adverse grades ---------------------------------------------------------------------------


def test_a_d_graded_report_is_coloured_adverse(qtbot, window):
    _find(qtbot, window, window.codes["bidder"])
    html = window.counter.profile_view.toHtml()
    text = window.counter.profile_view.toPlainText()
    assert "D（不良等级）" in text
    assert "A（不良等级）" not in text
    # the grade cell is red (#b3261e), not the green of a good record
    cell = html[html.index("D（不良等级）") - 300: html.index("D（不良等级）")]
    assert "#b3261e" in cell and "#1e7b34" not in cell
    _find(qtbot, window, window.codes["clean"])
    text = window.counter.profile_view.toPlainText()
    assert "不良等级" not in text  # grade A


def test_grade_rules():
    from creditdesk.grades import grade_is_adverse, grade_is_positive, profile_adverse_grades
    from creditdesk.policy.model import AllCond, Citation, NotCond, RecordFilter, RecordsCond, ReportGradeCond, Rule

    assert grade_is_adverse("D") and grade_is_adverse("c") and not grade_is_adverse("A") and not grade_is_adverse(None)
    assert grade_is_positive("AAA") and not grade_is_positive("M")
    cite = Citation("某文件", "一", "……")

    class Profile:  # the two fields the grade reading looks at
        rules = (
            Rule("m-strict", None, AllCond((RecordsCond(RecordFilter(grades=frozenset({"M"}))),)), "strict", ("从严",), cite),
            Rule("b-good", None, ReportGradeCond(frozenset({"B"})), "incentive", ("激励",), cite),
            Rule("not-a", None, NotCond(ReportGradeCond(frozenset({"A"}))), "prohibit", ("禁止",), cite),
        )

    assert profile_adverse_grades(Profile) == {"M"}  # the profile makes M adverse; B leads to 激励; "not A" is no grade
    assert grade_is_adverse("M", Profile) and not grade_is_adverse("M")
    assert not grade_is_adverse("B", Profile) and not grade_is_adverse("A", Profile)


# -- fits 1366×768 and 1280×720 ----------------------------------------------------------------


def _inside(widget, window) -> bool:  # noqa: ANN001
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return widget.isVisible() and window.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("screen", [(1366, 768), (1280, 720)])
def test_counter_mid_review_fits_the_screen(qtbot, window, screen):
    from creditdesk.ui.screen_fit import fit_to_screen

    available = QRect(0, 0, screen[0], screen[1] - 40)  # a taskbar at the bottom
    fit_to_screen(window, 1280, 800, available=available)
    qtbot.wait(50)
    assert window.width() <= available.width() and window.height() + 30 <= available.height()
    assert window.minimumSizeHint().height() <= window.height() and window.minimumSizeHint().width() <= window.width()
    _find(qtbot, window, window.codes["clean"])
    panel = window.counter.review
    panel.matter_combo.setCurrentIndex(panel.matter_combo.findData("approval"))
    qtbot.waitUntil(panel.adopt_button.isEnabled, timeout=5000)
    panel.adopt_button.click()
    qtbot.waitUntil(panel.can_finalise, timeout=5000)
    qtbot.wait(50)
    assert _inside(window.counter.query_edit, window)
    assert _inside(panel.finalise_button, window)  # outside the scrolled part: always there
    assert _inside(window.statusBar(), window)
    panel.final_combo.setFocus()
    panel.scroll.ensureWidgetVisible(panel.final_combo)
    qtbot.wait(50)
    viewport = panel.scroll.viewport()
    combo_top = panel.final_combo.mapTo(viewport, panel.final_combo.rect().topLeft())
    assert viewport.rect().contains(QRect(combo_top, panel.final_combo.size()))  # the conclusion is reachable


def test_main_window_never_larger_than_the_screen(qtbot, window):
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()


def test_dialogs_keep_their_buttons_on_screen(qtbot, window):
    from creditdesk.ui.slip_view import SlipPreview

    _find(qtbot, window, window.codes["clean"])
    _save_review(qtbot, window)
    bar = window.counter.review.slip_bar
    previews: list = []
    bar.previewed.connect(previews.append)
    bar.act("review", "preview", "信用核查单")
    qtbot.waitUntil(lambda: bool(previews), timeout=30000)
    dialogs = [previews[0]]
    window.counter.open_verify()
    dialogs.append(window.counter.verify_dialog)
    window.counter.open_batch()
    dialogs.append(window.counter.batch_dialog)
    window.counter.open_objection()
    dialogs.append(window.counter.objection_dialog)
    available = window.screen().availableGeometry()
    for dialog in dialogs:
        qtbot.wait(20)
        frame = dialog.frameGeometry()
        assert available.contains(frame), f"{dialog.objectName() or type(dialog).__name__} {frame} off {available}"
        for box in dialog.findChildren(QDialogButtonBox):
            if box.isVisible():
                top_left = box.mapToGlobal(box.rect().topLeft())
                assert available.contains(QRect(top_left, box.size())), type(dialog).__name__
        dialog.close()
    assert isinstance(dialogs[0], SlipPreview)
