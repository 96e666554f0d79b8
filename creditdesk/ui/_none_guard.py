"""Keep ``None``, ``True`` and ``False`` alive under PySide6 6.12.0 on CPython < 3.12.

PySide6 6.12.0 drops one reference to ``None`` on every call of a C++ method
that returns void (``QObject().setObjectName("a")`` 1,000 times lowers
``sys.getrefcount(None)`` by 1,000), and one reference to ``True`` on every
signal delivered to a Python callable with arguments. These objects start
with a few thousand references, so after a few seconds of use the count
reaches zero and CPython aborts ("Fatal Python error: none_dealloc" /
"bool_dealloc"). From 3.12 on they are immortal and the bug is harmless;
before that we give them so many references that they can never run out.
They are never freed anyway, so the only effect is what ``sys.getrefcount``
reports for them. (Small integers and other objects were checked: unaffected.)
"""

from __future__ import annotations

import ctypes
import sys

# 2**60 void calls would take centuries; well below Py_ssize_t's limit.
_RESERVE = 1 << 60


def guard_none() -> None:
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        if sys.getrefcount(singleton) < _RESERVE:
            refcnt = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the object's first field
            refcnt.value += _RESERVE
