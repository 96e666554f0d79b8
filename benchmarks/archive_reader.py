"""The bundle archive reader against the standard zipfile streaming reader, on one bundle.

    python benchmarks/archive_reader.py BUNDLE.cdpkg

Hashes (SHA-256) and counts the lines of every part, as verification does, with
creditdesk.platform.bundle.archive.SafeArchive (ISA-L, pread) and with
zipfile.ZipFile.open (zlib), on 1 and 2 threads; best of two runs each.
A bundle: benchmarks/bundle_load.py --bundle PATH writes one (and keeps it).
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from creditdesk.platform.bundle.archive import CHUNK, SafeArchive  # noqa: E402
from creditdesk.platform.bundle.common import BundleLimits  # noqa: E402


def ours(archive: SafeArchive, name: str) -> int:
    digest, lines = hashlib.sha256(), 0
    for chunk in archive.stream(name, 1 << 31):
        digest.update(chunk)
        lines += chunk.count(b"\n")
    return lines


def theirs(zf: zipfile.ZipFile, name: str) -> int:
    digest, lines = hashlib.sha256(), 0
    with zf.open(name) as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
            lines += chunk.count(b"\n")
    return lines


def main() -> None:
    path = sys.argv[1]
    names = [p["name"] for p in json.loads(zipfile.ZipFile(path).read("manifest.json"))["parts"]]
    for threads in (1, 2):
        for label in ("SafeArchive (ISA-L, pread)", "zipfile.open (zlib)"):
            best, total = float("inf"), 0
            for _ in range(2):
                started = time.perf_counter()
                with ThreadPoolExecutor(threads) as pool:
                    if label.startswith("Safe"):
                        with SafeArchive(path, BundleLimits()) as a:
                            total = sum(pool.map(lambda n: ours(a, n), names))
                    else:
                        with zipfile.ZipFile(path) as zf:
                            total = sum(pool.map(lambda n: theirs(zf, n), names))
                best = min(best, time.perf_counter() - started)
            print(f"{threads} thread(s) {label:28} {best:6.2f} s  {total:,} lines")


if __name__ == "__main__":
    main()
