"""The bare load both load benchmarks compare against (issue #3): the fastest plain Python.

Parse each NDJSON line with orjson and insert with sqlite3 ``executemany`` into two tables
keyed by id, in batches of 5,000 (the applier's default batch size). ``commit_every_batch``
commits each batch, as the feed applier does; otherwise one commit at the end, as a bundle's
all-or-nothing import does.
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
    conn.execute("CREATE TABLE subject (id TEXT PRIMARY KEY, data TEXT)")
    conn.execute("CREATE TABLE entity (id TEXT PRIMARY KEY, type TEXT, data TEXT)")
    started = time.perf_counter()
    n = 0
    subjects: list[tuple] = []
    others: list[tuple] = []

    def flush() -> None:
        conn.executemany("INSERT OR REPLACE INTO subject VALUES (?, ?)", subjects)
        conn.executemany("INSERT OR REPLACE INTO entity VALUES (?, ?, ?)", others)
        subjects.clear()
        others.clear()

    for part in parts:
        with part as f:
            for line in f:
                c = orjson.loads(line)
                if c["type"] == "subject":
                    subjects.append((c["id"], orjson.dumps(c["data"])))
                else:
                    others.append((c["id"], c["type"], orjson.dumps(c["data"])))
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
