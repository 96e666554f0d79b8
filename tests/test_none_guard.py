"""PySide6 6.12.0 drops a reference to None on every void call (and to True on every signal to a lambda) (see creditdesk/ui/_none_guard.py):
importing creditdesk.ui must make that harmless, or the app aborts after a few thousand calls."""

import subprocess
import sys
import textwrap


def test_void_calls_cannot_exhaust_none(tmp_path):
    script = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import creditdesk.ui  # the guard
        from PySide6.QtCore import QObject, Signal

        class Emitter(QObject):
            changed = Signal(int)

        o = Emitter()
        o.changed.connect(lambda value: None)
        before = sys.getrefcount(None)
        for _ in range(50_000):  # ten times what None and True start with on 3.11
            o.setObjectName("a")  # void call: drops a reference to None
            o.changed.emit(1)  # signal to a Python callable: drops a reference to True
        import gc; gc.collect()
        print("alive", before - sys.getrefcount(None))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("alive")
