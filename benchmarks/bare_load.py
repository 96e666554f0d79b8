"""The bare load both load benchmarks compare against: the fastest plain Python, exactly as issue 12.5 says.

Each NDJSON line is parsed with orjson and inserted with sqlite3 ``executemany`` into two
tables keyed by id — ``subject`` for subjects, ``record`` for every other change (records are
all but a few thousand of them) — in WAL mode with ``synchronous=NORMAL`` and no other index.
The row is ``(id, line)``: the line as read, so nothing is spent serialising it again (that
would slow the baseline down and flatter the ratio). Batches of 5,000 (the applier's default
batch size). ``commit_every_batch`` commits each batch, as the feed applier does; otherwise one
commit at the end, as a bundle's all-or-nothing import does.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

BATCH = 5000


def load(parts: Iterable[IO[bytes]], db: Path, *, commit_every_batch: bool = False) -> dict:
    import sqlite3

    import orjson

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE subject (id TEXT PRIMARY KEY, data BLOB)")
    conn.execute("CREATE TABLE record (id TEXT PRIMARY KEY, data BLOB)")
    started = time.perf_counter()
    n = 0
    subjects: list[tuple] = []
    others: list[tuple] = []
    loads = orjson.loads

    def flush() -> None:
        conn.executemany("INSERT OR REPLACE INTO subject VALUES (?, ?)", subjects)
        conn.executemany("INSERT OR REPLACE INTO record VALUES (?, ?)", others)
        subjects.clear()
        others.clear()

    for part in parts:
        with part as f:
            for line in f:
                c = loads(line)
                (subjects if c["type"] == "subject" else others).append((c["id"], line))
                n += 1
                if n % BATCH == 0:
                    flush()
                    if commit_every_batch:
                        conn.commit()
        flush()
    conn.commit()
    return {"changes": n, "seconds": time.perf_counter() - started}


def bundle_parts(bundle: Path) -> Iterator[IO[bytes]]:
    """The change parts of a ``.cdpkg``, opened in manifest order."""
    import json
    import zipfile

    with zipfile.ZipFile(bundle) as zf:
        for part in json.loads(zf.read("manifest.json"))["parts"]:
            yield zf.open(part["name"])
