"""The GUI's task helper (ui/tasks.py): an interactive lane long jobs cannot fill, the handle as the
one cancel token, and a shutdown that cancels and waits before the database is closed (issue 12)."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

from creditdesk.cancel import CancelToken, Cancelled
from creditdesk.ui.tasks import INTERACTIVE, LONG, TaskRunner


@pytest.fixture
def runner(qtbot):
    r = TaskRunner(max_threads=2, long_threads=1)
    yield r
    assert r.shutdown(10_000)
    qtbot.waitUntil(lambda: not r.busy, timeout=5000)  # results posted by the last tasks delivered while r lives


def test_long_jobs_never_fill_the_interactive_lane(qtbot, runner):
    release = threading.Event()
    started = []

    def long_job(task):  # noqa: ANN001, ANN202
        started.append(task)
        release.wait(30)
        return "long"

    # More long jobs than the whole pool used to have threads (2): they queue in their own lane.
    for _ in range(4):
        runner.run(long_job, lane=LONG)
    qtbot.waitUntil(lambda: len(started) == 1, timeout=5000)
    assert runner.running(LONG) == 4 and runner.running(INTERACTIVE) == 0

    answers = []
    begun = time.monotonic()
    for n in range(3):
        runner.run(lambda task, n=n: n * n, on_success=answers.append)
    qtbot.waitUntil(lambda: len(answers) == 3, timeout=5000)
    assert sorted(answers) == [0, 1, 4]
    assert time.monotonic() - begun < 3.0  # answered while every long job still holds or waits for its lane
    assert len(started) == 1 and runner.running(LONG) == 4
    release.set()
    qtbot.waitUntil(lambda: runner.running() == 0, timeout=10_000)


def test_an_unknown_lane_is_a_programming_error(runner):
    with pytest.raises(ValueError):
        runner.run(lambda task: None, lane="bulk")


def test_the_handle_is_the_jobs_cancel_token_and_its_wait_ends_at_once(qtbot, runner):
    seen = {}
    failures = []

    def job(task):  # noqa: ANN001, ANN202
        seen["token"] = isinstance(task, CancelToken)
        seen["waiting"] = time.monotonic()
        if task.sleep(120):  # a retry wait of two minutes
            seen["woke"] = time.monotonic()
        task.check("已取消：测试任务")

    handle = runner.run(job, on_failure=failures.append, lane=LONG)
    qtbot.waitUntil(lambda: "waiting" in seen, timeout=5000)
    handle.cancel()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert seen["token"] is True
    assert seen["woke"] - seen["waiting"] < 2.0
    assert isinstance(failures[0], Cancelled) and str(failures[0]) == "已取消：测试任务"


def test_shutdown_cancels_running_and_queued_jobs_and_waits_for_them(qtbot, runner):
    stopped_at_safe_point = []
    ran_after_cancel = []

    def careful(task):  # noqa: ANN001, ANN202
        while not task.sleep(0.05):  # one batch after another, the token asked between them
            pass
        time.sleep(0.2)  # finishing the batch in hand: shutdown must wait for this
        stopped_at_safe_point.append(True)

    def queued(task):  # noqa: ANN001, ANN202
        ran_after_cancel.append(task.cancelled)

    runner.run(careful, lane=LONG)
    runner.run(queued, lane=LONG)  # waits behind the first: it must start already cancelled
    qtbot.wait(100)
    begun = time.monotonic()
    assert runner.shutdown(10_000) is True
    assert time.monotonic() - begun < 5.0
    assert stopped_at_safe_point == [True] and ran_after_cancel == [True]
    assert runner.running() == 0
    late = runner.run(lambda task: None)  # a task started while closing begins cancelled
    assert late.cancelled
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)


def test_closing_the_window_stops_a_running_export_before_the_database_closes(qtbot, tmp_path):
    from creditdesk.app import open_app
    from creditdesk.ui.main_window import MainWindow

    ctx = open_app(tmp_path / "home")
    w = MainWindow(ctx, today=dt.date(2026, 11, 20))
    qtbot.addWidget(w)
    w.show()
    states = []

    def job(task):  # noqa: ANN001, ANN202
        while not task.sleep(0.05):
            with ctx.engine.connect() as conn:  # the database is still open at every safe point
                conn.exec_driver_sql("select 1")
        states.append("stopped")

    w.runner.run(job, lane=LONG)
    qtbot.wait(150)
    w.close()  # closeEvent: cancel, wait for the safe point
    assert states == ["stopped"] and w.runner.running() == 0
    ctx.close()


def test_demo_seeding_stops_from_its_button_and_keeps_what_it_wrote(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from creditdesk.app import open_app
    from creditdesk.services.position import read_position
    from creditdesk.ui.main_window import MainWindow

    ctx = open_app(tmp_path / "home", demo=True)
    w = MainWindow(ctx, today=dt.date(2026, 11, 20))
    qtbot.addWidget(w)
    w.show()
    try:
        w.seed_demo_if_empty(subjects=200_000)
        qtbot.waitUntil(lambda: w.progress.isVisible() and w.progress.value() > 0, timeout=60_000)
        assert w.seed_cancel_button.isVisible()
        qtbot.mouseClick(w.seed_cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "已取消" in w.data_label.text(), timeout=30_000)
        assert not w.seed_cancel_button.isVisible() and not w.progress.isVisible()
        with ctx.engine.connect() as conn:
            kept = read_position(conn).seq
        assert 0 < kept < 200_000 * 3  # some batches, far from the whole city
    finally:
        w.runner.shutdown(10_000)
        qtbot.waitUntil(lambda: not w.runner.busy, timeout=5000)
        ctx.close()
