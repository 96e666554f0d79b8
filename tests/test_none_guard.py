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


def test_the_installed_pyside6_still_needs_the_guard():
    """Why the guard (and no exclusion of PySide6 6.12.0 in pyproject.toml): PySide6-Pdf exists
    only as 6.12, and that release still loses references. Without the guard, 1,000 void calls
    take 1,000 references from None. When a PySide6 release stops doing that, this fails: then
    require that release and delete creditdesk/ui/_none_guard.py."""
    import pytest

    from support.ci import NOT_APPLICABLE

    if sys.version_info >= (3, 12):
        pytest.skip(f"{NOT_APPLICABLE} None is immortal from Python 3.12 on; the guard does nothing there")
    script = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QObject  # deliberately without creditdesk.ui's guard
        o = QObject()
        before = sys.getrefcount(None)
        for _ in range(1000):
            o.setObjectName("a")
        print(before - sys.getrefcount(None), flush=True)
        """  # (at exit this process usually aborts with none_dealloc: the crash the guard prevents)
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip(), done.stderr[-2000:]
    lost = int(done.stdout.strip())
    assert lost >= 1000, f"PySide6 lost {lost} references to None in 1,000 calls: the guard may be obsolete"
