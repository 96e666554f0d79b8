"""Pages learn about changes from one mechanism (creditdesk/changes.py, ui/changes.py): an operation
says what it changed; the page shown reloads when that touches what it watches; hidden pages wait to be
shown; another account reloads every page (issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest

from creditdesk.changes import (
    ACCOUNTS_CHANGED,
    EVERYTHING,
    NOTHING,
    OBJECTION_FILED,
    REVIEW_SAVED,
    SETTINGS_SAVED,
    USER_CHANGED,
    OpChanges,
)
from creditdesk.roles import Actor
from creditdesk.services.reviews import ReviewDraft, ReviewService
from support.city import uscc
from support.clock import Clock

DAY = dt.date(2026, 11, 20)
UNIT = "福州市行政服务中心"
SUPERVISOR = Actor("kezhang", "科长", "supervisor", UNIT)
TZ = dt.timezone(dt.timedelta(hours=8))


def test_what_changed_and_who_cares():
    ledger = OpChanges(reviews=True, accounts=True, settings=True)
    assert REVIEW_SAVED.touches(ledger) and ACCOUNTS_CHANGED.touches(ledger)
    assert not OBJECTION_FILED.touches(ledger)  # objections, outbox, audit: none of them on the ledger
    assert not NOTHING and not NOTHING.touches(EVERYTHING)
    both = OBJECTION_FILED | SETTINGS_SAVED
    assert both.kinds == ("objections", "outbox", "audit", "settings")
    assert both.touches(ledger) and USER_CHANGED.user


def _draft(n: int) -> ReviewDraft:
    return ReviewDraft(
        subject_id=uscc(n), subject_name=f"福州榕城科技有限公司{n}号", subject_kind="company",
        subject_code_display=uscc(n), matter="procurement", profile_id="fuzhou", profile_version=1,
        computed_outcome="normal", final_outcome="normal", measures=[], officer="wangfang", unit=UNIT,
        window="2号窗口", data_seq=1, data_as_of="2026-11-20T06:00:00+08:00", offline=False,
    )  # fmt: skip


@pytest.fixture
def window(qtbot, tmp_path):
    from creditdesk.app import open_app
    from creditdesk.ui.main_window import MainWindow

    ctx = open_app(tmp_path / "home")
    ctx.user = SUPERVISOR
    w = MainWindow(ctx, today=DAY)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.runner.shutdown(10_000)
    qtbot.waitUntil(lambda: not w.runner.busy, timeout=5000)
    ctx.close()


def _rows(snap) -> int:  # noqa: ANN001
    return len(snap.rows)


def test_the_page_shown_reloads_on_a_change_it_watches_and_hidden_pages_wait(qtbot, window):
    ledger, stats = window.ledger_page, window.stats_page
    with qtbot.waitSignal(ledger.loaded, timeout=10_000) as first:
        ledger.set_filter(day=DAY)
        window.nav.setCurrentRow(window.pages.indexOf(ledger))
    assert ledger.isVisible() and not stats.isVisible()
    before = _rows(first.args[0])

    at = Clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ))
    ReviewService(window.ctx.engine, now=at).finalise(_draft(1))  # as the counter's save does, then:
    stats_loads = []
    stats.loaded.connect(stats_loads.append)
    with qtbot.waitSignal(ledger.loaded, timeout=10_000) as after:
        window.changes.publish(REVIEW_SAVED, window.counter)
    assert _rows(after.args[0]) == before + 1
    qtbot.wait(300)
    assert stats_loads == []  # hidden: it reloads when shown

    # A change the ledger does not show: no reload.
    ledger_loads = []
    ledger.loaded.connect(ledger_loads.append)
    window.changes.publish(OBJECTION_FILED, window.counter)
    qtbot.wait(300)
    assert ledger_loads == []

    with qtbot.waitSignal(stats.loaded, timeout=10_000):
        window.nav.setCurrentRow(window.pages.indexOf(stats))


def test_another_account_reloads_every_page_shown_or_not(qtbot, window):
    window.nav.setCurrentRow(0)  # the counter
    with qtbot.waitSignals([window.ledger_page.loaded, window.stats_page.loaded, window.audit_page.loaded],
                           timeout=15_000):  # fmt: skip
        window.set_user(Actor("fuzeren", "负责人", "supervisor", UNIT))
