"""Audit entries for acts that only read go through a queue: the counter answers while another
connection holds the write lock (a bundle import does, for its whole transaction), and the entry
joins the chain, stamped with the moment of the act, once the lock is free."""

from __future__ import annotations

import threading
import time

import pytest

from creditdesk.app import open_app
from creditdesk.db.engine import write_transaction


@pytest.fixture
def ctx(tmp_path):
    ctx = open_app(tmp_path / "home")
    yield ctx
    ctx.close()


def _hold_write_lock(engine):  # noqa: ANN001, ANN202
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with write_transaction(engine):
            held.set()
            release.wait(30)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(10)
    return release, thread


def test_queued_entries_wait_for_the_lock_and_keep_their_moment_and_order(ctx):
    release, thread = _hold_write_lock(ctx.engine)
    started = time.perf_counter()
    for n in range(3):
        ctx.audit_queue.put("lookup", actor=None, target=f"福州{n}", detail={"hits": n})
    assert time.perf_counter() - started < 0.5  # the caller never waits for the lock
    time.sleep(1.2)  # longer than a retry: still locked, so still queued
    assert not ctx.audit_queue.flush(0) and ctx.audit.entries() == []
    queued_at = time.time()
    release.set()
    thread.join()
    assert ctx.audit_queue.flush(10)
    entries = ctx.audit.entries()
    assert [e.target for e in entries] == ["福州0", "福州1", "福州2"]
    assert all(e.at < _iso(queued_at) for e in entries)  # stamped when queued, not when written
    assert ctx.audit.verify().intact


def test_close_drains_the_queue(tmp_path):
    ctx = open_app(tmp_path / "home")
    for n in range(20):
        ctx.audit_queue.put("profile_view", actor="wang", target=f"S-{n}")
    ctx.close()
    again = open_app(tmp_path / "home")
    assert [e.target for e in again.audit.entries(action="profile_view")] == [f"S-{n}" for n in range(20)]
    again.close()


def test_counter_lookup_answers_while_a_bundle_import_holds_the_lock(qtbot, ctx):
    from creditdesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    release, thread = _hold_write_lock(ctx.engine)
    try:
        started = time.perf_counter()
        with qtbot.waitSignal(window.counter.results_shown, timeout=5000):
            window.counter.query_edit.setText("福州顺心")
        assert time.perf_counter() - started < 5  # before: 10 s of busy timeout, then a failure
        assert "失败" not in window.counter.results_label.text()
    finally:
        release.set()
        thread.join()
    assert ctx.audit_queue.flush(10)
    assert [e.action for e in ctx.audit.entries(action="lookup")] == ["lookup"]
    window.runner.wait(5000)


def _iso(epoch: float) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(epoch).astimezone().isoformat(timespec="milliseconds")
