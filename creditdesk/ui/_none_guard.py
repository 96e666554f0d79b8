"""Keep ``None`` alive under PySide6 6.12.0 on CPython < 3.12.

PySide6 6.12.0 drops one reference to ``None`` on every call of a C++ method
that returns void (``QObject().setObjectName("a")`` 1,000 times lowers
``sys.getrefcount(None)`` by 1,000). ``None`` starts with a few thousand
references, so after a few seconds of painting the count reaches zero and
CPython aborts with "Fatal Python error: none_dealloc". From 3.12 on ``None``
is immortal and the bug is harmless; before that we give ``None`` so many
references that it can never run out. ``None`` is never freed anyway, so the
only effect is the number ``sys.getrefcount(None)`` reports.
"""

from __future__ import annotations

import ctypes
import sys

# 2**60 void calls would take centuries; well below Py_ssize_t's limit.
_RESERVE = 1 << 60


def guard_none() -> None:
    if sys.version_info >= (3, 12) or sys.getrefcount(None) > _RESERVE:
        return
    refcnt = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the object's first field
    refcnt.value += _RESERVE
