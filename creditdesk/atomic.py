"""Writing a file so that it is either whole or not there: a temporary file beside the target,
renamed over it on success and removed on failure or cancel (an older file stays untouched)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(path: str | Path, *, durable: bool = False) -> Iterator[Path]:
    """Yield the temporary path to write; it replaces ``path`` when the block ends without error.

    ``durable``: flush the written file to disk before the rename (a report that must survive a
    power cut right after "saved")."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.part")
    tmp.unlink(missing_ok=True)
    try:
        yield tmp
        if durable:
            with tmp.open("rb+") as f:
                os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
