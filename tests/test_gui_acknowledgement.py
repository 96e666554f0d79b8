"""Issue 11 item 2 in the window: the officer ticks 已阅 for the adverse record no rule covers; the saved review
keeps which record, by whom and when, and the ledger's row detail shows it (offscreen, real SQLite)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from test_gui_review import DAY, _find, _matter, _window


@pytest.fixture
def fuzhou(qtbot, tmp_path):
    w = _window(qtbot, tmp_path, "fuzhou")
    yield w
    w.runner.wait(5000)
    w.ctx_.close()


def test_the_acknowledgement_is_saved_with_the_review_and_shown_in_the_ledger_detail(qtbot, fuzhou):
    w, panel = fuzhou, fuzhou.counter.review
    _find(qtbot, w, w.codes["bad"])
    _matter(qtbot, w, "other")
    # 福州's text names no measure for a 严重失信主体名单 record in 其他事项, nor does the national layer
    assert [r.id for r in panel.wf.unruled_adverse()] == ["BL-1"]
    panel.adopt_computed()
    assert not panel.finalise_button.isEnabled()  # not before the acknowledgement
    before = dt.datetime.now().astimezone()
    panel.ack_check.setChecked(True)
    assert panel.finalise_button.isEnabled(), panel.wf.missing()
    with qtbot.waitSignal(panel.saved, timeout=10000) as got:
        panel.finalise()
    saved = got.args[0]
    a = saved.acknowledgement
    assert [r["record_id"] for r in a["records"]] == ["BL-1"] and a["records"][0]["category"] == "serious_dishonesty"
    assert a["by"] == saved.officer
    at = dt.datetime.fromisoformat(a["at"])
    assert at.date() == DAY and abs((at.time().hour * 60 + at.time().minute) - (before.hour * 60 + before.minute)) <= 1

    ledger = w.ledger_page
    w.nav.setCurrentRow(w.pages.indexOf(ledger))
    ledger.from_edit.setDate(DAY)
    ledger.to_edit.setDate(DAY)
    ledger.reload()
    qtbot.waitUntil(lambda: ledger.row_count == 1, timeout=10000)
    ledger.show_details(0)
    box = next(b for b in ledger.findChildren(QMessageBox) if b.isVisible())
    text = box.text()
    assert "未规定措施记录" in text and "确认阅知 1 条本市档案未规定措施的有效不良记录" in text and "serious_dishonesty BL-1" in text
    box.close()
