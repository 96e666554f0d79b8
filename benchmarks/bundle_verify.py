"""How long verifying a large offline bundle takes (signature, entry checks, every part's SHA-256 and line count).

    python benchmarks/bundle_verify.py [--subjects 325000] [--bundle PATH] [--runs 5] [--threads 2] [--zlib]

Writes a full snapshot of the demo city with ``creditdesk_platform.bundles.write_bundle``
(not timed; ~325,000 subjects give a ~100 MB .cdpkg holding ~740 MB of NDJSON), pins its
key in a fresh SQLite database, then times ``verify_bundle`` ``--runs`` times with
1 thread and with ``--threads`` threads (file in the page cache: the time is the
decompression, SHA-256 and line counting, not the disk; the CPU time shows the cost
when other processes share the cores, and on Linux each line says how many cores other
processes took meanwhile). ``--bundle PATH`` reuses
(or creates) the bundle at PATH; its key is kept beside it. ``--zlib`` inflates with
plain zlib, as an installation without ``isal`` would. The cores are often shared:
compare the minimum and the median, not one run.

Measured on the 2-core reference machine (idle), ``--subjects 325000``: 101 MB file,
751 MB of NDJSON, 1.3 M changes, 26 parts; 5 runs, min / median:
- ISA-L (``isal``), entries read by ``bundle.py`` itself: 2 threads 0.76 / 0.78 s
  (1 thread 1.22 / 1.23 s);
- plain zlib, same reader: 2 threads 1.19 / 1.20 s (1 thread 2.03 / 2.06 s);
- before, through ``zipfile.open`` (zlib, and zipfile's own CRC-32): 2 threads
  1.64 / 1.71 s (1 thread 2.23 / 2.33 s).
With ISA-L, one thread spends ~45 % of its time inflating (CRC-32 included), ~35 % on
SHA-256 and ~20 % counting newlines. Counting holds the GIL; inflating and hashing do
not, but every return from them must take it back, so the fewer GIL round trips the
better: ``IgzipDecompressor`` allocates its output at once (one release per 256 KiB),
where ``isal_zlib.decompressobj`` grows it from 16 KiB (six), which left 2 threads at
~0.97 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives import serialization  # noqa: E402

from creditdesk.db.engine import make_engine, migrate  # noqa: E402
from creditdesk.demo.city import DemoCity  # noqa: E402
from creditdesk.platform.bundle import archive as bundle_mod  # noqa: E402
from creditdesk.platform.bundle import BundleLimits, verify_bundle  # noqa: E402
from creditdesk.platform.keys import TrustedKeys  # noqa: E402
from creditdesk_platform.bundles import generate_signing_key, public_key_b64, write_bundle  # noqa: E402

KEY_ID = "bench"


def make_bundle(path: Path, subjects: int) -> tuple[str, str]:
    key_file = path.with_suffix(".key.pem")
    city = DemoCity(subjects=subjects, seed=2026)
    if path.exists() and key_file.exists():
        key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
        return city.platform_id, public_key_b64(key)
    key = generate_signing_key()
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    print(f"writing a full snapshot of {subjects:,} subjects to {path} …", flush=True)
    started = time.perf_counter()
    last = 0

    def changes():  # noqa: ANN202
        nonlocal last
        for change in city.changes():
            last = change["seq"]
            yield change

    # next_seq is only known at the end; the demo feed numbers from 1 without gaps, ~4.1 changes a subject.
    write_bundle(
        path, platform_id=city.platform_id, epoch=city.epoch, after=0, next_seq=2**62, key_id=KEY_ID,
        private_key=key, person_key_b64=city.person_key, changes=changes(),
    )  # fmt: skip
    print(f"  written in {time.perf_counter() - started:.1f} s", flush=True)
    return city.platform_id, public_key_b64(key)


def busy_cpu_seconds() -> float | None:
    """CPU time all processes have used so far (Linux), to tell how much others took during a run."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # all but idle and iowait


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--subjects", type=int, default=325_000)
    ap.add_argument("--bundle", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--zlib", action="store_true", help="inflate with plain zlib (as without isal)")
    args = ap.parse_args()
    if args.zlib:
        bundle_mod._igzip = None
        bundle_mod._crc32 = zlib.crc32

    with tempfile.TemporaryDirectory() as tmp:
        path = args.bundle or Path(tmp) / "bench.cdpkg"
        platform_id, public_key = make_bundle(path, args.subjects)
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        migrate(engine, Path(tmp) / "backups")
        TrustedKeys(engine).trust(platform_id, KEY_ID, public_key)

        with zipfile.ZipFile(path) as zf:
            uncompressed = sum(i.file_size for i in zf.infolist())
        size = os.path.getsize(path)
        print(f"bundle: {size / 1e6:.1f} MB on disk, {uncompressed / 1e6:.1f} MB of NDJSON uncompressed")
        print(f"inflater: {'ISA-L (isal)' if bundle_mod._igzip is not None else 'zlib'}")
        for threads in sorted({1, args.threads}):
            limits = BundleLimits(threads=threads)
            times, cpu, others = [], [], []
            for _ in range(args.runs):
                started, started_cpu, started_busy = time.perf_counter(), time.process_time(), busy_cpu_seconds()
                bundle = verify_bundle(path, engine, limits)
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
                busy = busy_cpu_seconds()
                if busy is not None and started_busy is not None:
                    others.append(max(0.0, busy - started_busy - cpu[-1]) / times[-1])
            best = min(times)
            print(
                f"verify, {threads} thread(s): min {best:.3f} s, median {statistics.median(times):.3f} s "
                f"(CPU {min(cpu):.3f} s), "
                f"runs {', '.join(f'{t:.3f}' for t in times)}  "
                f"({bundle.total_changes:,} changes in {len(bundle.parts)} parts; "
                f"{size / 1e6 / best:.0f} MB/s of file, {uncompressed / 1e6 / best:.0f} MB/s of NDJSON)"
                + (f"; other processes meanwhile: up to {max(others):.1f} cores" if others else "")
            )
        engine.dispose()


if __name__ == "__main__":
    main()
