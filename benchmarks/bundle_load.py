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

Last measured (2026-12-02, 1,000,000 subjects, 3,994,899 changes, 312 MB bundle; one run each):
- with the planning process (platform/bundle/planner.py: lines read, checked and planned on the
  other core, written here): bare 44,493 changes/s (90 s), CreditDesk 37,405 changes/s (107 s,
  peak RSS 218 MB + planning process 70 MB), ratio 0.84; an earlier run the same day, with other
  work on the machine: bare 50,768, CreditDesk 44,049 changes/s, ratio 0.87;
- before it (everything on one core but inflating and hashing), a quiet machine: bare 83,125
  changes/s (48 s), CreditDesk 46,018 changes/s (87 s, peak RSS 222 MB), ratio 0.55.
Where the import's time went before the planning process (py-spy, main thread): executemany of the
rows 31 %, reading and parsing the lines 12 %, building the typed rows 19 % (ID masking and text
checks included), the name index 18 %, the commit with its WAL checkpoint 8 %, the secondary
indexes 8 %. The parsing and building (31 %) now run in the planning process.
The import of a first full snapshot takes the bulk path (bundle.apply._BulkLoad): secondary indexes
and the name index built at the end; each part is hashed once, while it is read.
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
        # The import's planning process (platform/bundle/planner.py), joined before the import returns.
        out["helper_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
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
        helper = f" + planning process {r['helper_rss_mb']:.0f} MB" if r["helper_rss_mb"] >= 1 else ""
        print(f"{phase:>10}: {r['changes']:,} changes, {r['changes'] / r['seconds']:>9,.0f} changes/s "
              f"({r['seconds']:.0f} s, peak RSS {r['peak_rss_mb']:.0f} MB{helper})")
    rate = {k: v["changes"] / v["seconds"] for k, v in results.items()}
    print(f"ratio creditdesk/bare: {rate['creditdesk'] / rate['bare']:.2f} (target >= 0.60)")
    print(f"loaded home (reusable: benchmarks/lookup.py --home {work / 'home'})")


if __name__ == "__main__":
    main()
