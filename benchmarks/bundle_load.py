"""A full load of a large city from a signed offline bundle, against a bare load of the same parts.

    python benchmarks/bundle_load.py [--subjects 1000000] [--bundle PATH]

1. Writes a full-snapshot bundle of the demo city (not timed; reused with --bundle).
2. Bare load, in a child process (benchmarks/bare_load.py, exactly as issue 12.5
   says): read the parts from the ZIP, parse each line with orjson, insert with
   sqlite3 executemany into two tables keyed by id (WAL, synchronous=NORMAL, no
   other index) — the fastest plain Python can do.
3. CreditDesk, in a child process: ``import_bundle`` into a fresh home —
   signature, manifest and position verified first, then applied all or nothing
   (each part hashed and counted as it is read) with validation, typed columns,
   the name search index and the position.
Prints both rates, the ratio and each phase's peak RSS. Targets (issue 12.5):
ratio >= 0.6, peak RSS <= 300 MB.

Last measured (2 cores shared by five engineers' jobs, load average 2-4.5; 1,000,000 subjects,
3,994,899 changes, 312 MB bundle; one run each, against this bare loader):
- this code (bundle branch, 2026-12-02), run 1: bare 61,623 changes/s (65 s), CreditDesk 32,572
  changes/s (123 s, peak RSS 230 MB), ratio 0.53; run 2, 20 minutes later: bare 46,952 changes/s
  (85 s), CreditDesk 41,301 changes/s (97 s, peak RSS 230 MB), ratio 0.88;
- the code before it (main at 5bc01a7 with the cancel rename), between them: bare 47,072 changes/s
  (85 s), CreditDesk 28,303 changes/s (141 s, peak RSS 230 MB), ratio 0.60.
On this shared machine the ratio of one run says more about the other jobs than about the code: the
bare load took 65 s in one run and 85 s in the next, the import 97-123 s. CPU time is steadier: at 200,000 subjects, back to back, the
import used 20.3-20.8 s of CPU (user + sys) against 20.9-21.4 s before, the bare load 9.2-10.6 s.
Where the import's time goes at 1M (py-spy, main thread, 151 s in all): executemany of the rows
31 %, reading and parsing the lines 12 %, building the typed rows 8 % (+ ID masking 4 %, text checks
2 %, the rest of planning 5 %), the name index 18 % (FTS5 8 %, normalising 4 %, subject_name 3 %),
the commit with its WAL checkpoint 8 %, the secondary indexes 8 %.
The import of a first full snapshot takes the bulk path (bundle.apply._BulkLoad): secondary indexes
and the name index built at the end; each part is hashed once, while it is applied.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KEY_ID = "bench-load"


def write(path: Path, subjects: int) -> None:
    import base64

    from cryptography.hazmat.primitives import serialization

    from creditdesk.demo.city import DemoCity
    from creditdesk_platform.bundles import generate_signing_key, write_bundle

    city = DemoCity(subjects=subjects, seed=2026)
    key = generate_signing_key()
    count = [0]

    def changes():  # noqa: ANN202
        for c in city.changes():
            count[0] = c["seq"]
            yield c

    # next_seq must be known up front: count the feed once (cheap next to writing it).
    total = sum(1 for _ in DemoCity(subjects=subjects, seed=2026).changes())
    write_bundle(path, platform_id=city.platform_id, epoch=city.epoch, after=0, next_seq=total, key_id=KEY_ID,
                 private_key=key, person_key_b64="b64:" + base64.b64encode(city.person_key).decode(),
                 changes=changes())  # fmt: skip
    path.with_suffix(".pub").write_bytes(
        key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def bare(bundle: Path, db: Path) -> dict:
    from bare_load import bundle_parts, load

    return load(bundle_parts(bundle), db)


def creditdesk(bundle: Path, home: Path) -> dict:
    import base64

    from creditdesk.config import Settings
    from creditdesk.db.database import open_database
    from creditdesk.paths import home_paths
    from creditdesk.platform.bundle import import_bundle
    from creditdesk.platform.keys import TrustedKeys

    from creditdesk.services import keystore

    paths = home_paths(home).ensure()
    keystore.configure(paths.key_dir)  # as open_app does: the key file when there is no credential store
    db = open_database(paths, Settings())
    manifest = json.loads(zipfile.ZipFile(bundle).read("manifest.json"))
    public = "b64:" + base64.b64encode(bundle.with_suffix(".pub").read_bytes()).decode()
    TrustedKeys(db.engine).trust(manifest["platform_id"], KEY_ID, public)
    started = time.perf_counter()
    result = import_bundle(bundle, db.engine)
    return {"changes": result.applied + result.rejected + result.ignored + result.skipped,
            "seconds": time.perf_counter() - started, "rejected": result.rejected}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--subjects", type=int, default=1_000_000)
    ap.add_argument("--bundle", help="reuse or create the bundle here")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        phase, bundle, target = args.child
        out = (bare if phase == "bare" else creditdesk)(Path(bundle), Path(target))
        out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(out))
        return
    work = Path(tempfile.mkdtemp(prefix="creditdesk-bundle-load-"))
    bundle = Path(args.bundle) if args.bundle else work / "city.cdpkg"
    if not bundle.exists():
        t = time.perf_counter()
        write(bundle, args.subjects)
        print(f"bundle of {args.subjects:,} subjects written in {time.perf_counter() - t:.0f} s "
              f"({bundle.stat().st_size / 1e6:.0f} MB)")
    results = {}
    for phase, target in (("bare", work / "bare.sqlite"), ("creditdesk", work / "home")):
        out = subprocess.run([sys.executable, __file__, "--child", phase, str(bundle), str(target)],
                             check=True, capture_output=True, text=True, env=os.environ)
        r = results[phase] = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{phase:>10}: {r['changes']:,} changes, {r['changes'] / r['seconds']:>9,.0f} changes/s "
              f"({r['seconds']:.0f} s, peak RSS {r['peak_rss_mb']:.0f} MB)")
    rate = {k: v["changes"] / v["seconds"] for k, v in results.items()}
    print(f"ratio creditdesk/bare: {rate['creditdesk'] / rate['bare']:.2f} (target >= 0.60)")
    print(f"loaded home (reusable: benchmarks/lookup.py --home {work / 'home'})")


if __name__ == "__main__":
    main()
