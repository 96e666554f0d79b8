"""Ctrl+C on a long command cancels it at a safe point and says what it kept (issue 12): a real
`creditdesk demo-data` process gets SIGINT while it writes, exits 130 within seconds, and the
batches it committed are there."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from creditdesk.paths import home_paths


def test_ctrl_c_stops_demo_data_at_a_batch_and_keeps_what_was_written(tmp_path):
    home = tmp_path / "home"
    db = home_paths(home).database_file
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("CREDITDESK_HOME", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "creditdesk", "--home", str(home), "demo-data", "--subjects", "400000"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # wait until the first batches are committed
            if db.exists():
                try:
                    with sqlite3.connect(db) as conn:
                        if conn.execute("SELECT count(*) FROM subject").fetchone()[0] >= 5000:
                            break
                except sqlite3.OperationalError:
                    pass  # the schema is still being created
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.2)
        else:
            raise AssertionError("demo-data wrote nothing in 120 s")
        proc.send_signal(signal.SIGINT)
        sent = time.monotonic()
        out, err = proc.communicate(timeout=60)
        stopped_after = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, (out, err)
    assert "正在取消" in err and "已提交的批次保留" in err
    assert stopped_after < 15  # one batch of 5,000 changes, not the rest of 400,000 subjects
    with sqlite3.connect(db) as conn:
        kept = conn.execute("SELECT count(*) FROM subject").fetchone()[0]
    assert 5000 <= kept < 400_000
