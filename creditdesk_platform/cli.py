"""``creditdesk-platform``: run the reference platform on a demo city, or write an offline bundle.

    creditdesk-platform serve [--subjects N] [--seed S] [--port P] [--state-dir DIR] [--token-file F]
    creditdesk-platform bundle --after N --out FILE [--subjects N] [--seed S] [--state-dir DIR] [--part-size N]
    creditdesk-platform add-demo-delta --count N [--state-dir DIR]

The state dir (default: the user data dir's ``creditdesk-platform``) holds the
changelog, the submissions and the bundle signing key. The demo city is
generated into the changelog once; later runs serve (and bundle) that same
changelog, so a client keeps its position across restarts. ``--reset``
regenerates it under a new epoch. Loopback only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import secrets
import signal
import sys
import threading
import time
from pathlib import Path

import orjson

from creditdesk_platform.server import DB_NAME, PlatformServer

CITY_FILE = "city.json"
DEFAULT_SUBJECTS = 5000
DEFAULT_SEED = 2026


def _default_state_dir() -> Path:
    import platformdirs

    return platformdirs.user_data_path("creditdesk-platform", appauthor=False)


def _stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _open(args, *, token: str = "unused") -> PlatformServer:
    """The platform over the state dir, its demo city generated once."""
    from creditdesk.demo.city import DemoCity

    state = Path(args.state_dir) if args.state_dir else _default_state_dir()
    state.mkdir(parents=True, exist_ok=True)
    city_file = state / CITY_FILE
    stored = json.loads(city_file.read_text("utf-8")) if city_file.exists() and (state / DB_NAME).exists() else None
    subjects = getattr(args, "subjects", None)
    seed = getattr(args, "seed", None)
    reset = getattr(args, "reset", False)
    if stored and not reset:
        if (subjects is not None and subjects != stored["subjects"]) or (seed is not None and seed != stored["seed"]):
            raise SystemExit(
                f"{state} already holds a city of {stored['subjects']} subjects, seed {stored['seed']}; "
                "use another --state-dir, or --reset to regenerate it under a new epoch"
            )
        subjects, seed = stored["subjects"], stored["seed"]
    subjects = DEFAULT_SUBJECTS if subjects is None else subjects
    seed = DEFAULT_SEED if seed is None else seed
    city = DemoCity(subjects=subjects, seed=seed)
    server = PlatformServer(
        platform_id=city.platform_id, platform_name=city.platform_name, region_code=city.region_code,
        epoch=city.epoch, person_key=city.person_key, token=token, state_dir=state,
        host=getattr(args, "host", "127.0.0.1"), port=getattr(args, "port", 0) or 0,
    )
    if reset or not server.has_data or not stored:
        started = time.monotonic()
        _stderr(f"generating the demo city ({subjects} subjects, seed {seed}) into {state / DB_NAME} …")
        epoch = city.epoch if not (reset and stored) else f"{city.epoch}-r{int(time.time())}"
        server.rebuild(epoch, city.changes())
        city_file.write_text(json.dumps({"subjects": subjects, "seed": seed}), "utf-8")
        _stderr(f"{server.high_water} changes in {time.monotonic() - started:.1f} s, epoch {server.epoch}")
    return server


def _token_from_file(path: Path) -> str:
    """The token kept in ``path``; a new one is written there (mode 0600) when the file does not
    exist yet, so the README's ``serve --token-file token.txt`` works the first time."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    except OSError as exc:
        raise SystemExit(f"creditdesk-platform: cannot create the token file {path}: {exc.strerror}") from None
    else:
        token = secrets.token_urlsafe(24)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(token + "\n")
        _stderr(f"new token written to {path} (mode 0600)")
        return token
    try:
        token = path.read_text("utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise SystemExit(f"creditdesk-platform: cannot read the token file {path}: {getattr(exc, 'strerror', None) or exc}") from None
    if not token:
        raise SystemExit(f"creditdesk-platform: the token file {path} is empty")
    return token


def _serve(args) -> int:
    if args.token_file:
        token = _token_from_file(Path(args.token_file))
    else:
        token = secrets.token_urlsafe(24)
        _stderr(f"token (shown once): {token}")
    server = _open(args, token=token)
    url = server.start()
    print(url, flush=True)
    meta = server.meta()
    _stderr(
        f"platform {meta['platform_id']} epoch {meta['epoch']} high water {meta['high_water']}, "
        f"signing key {server.key_id} {meta['signing_keys'][0]['public_key']}; Ctrl-C stops"
    )
    done = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: done.set())
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, lambda *_: done.set())
    try:
        while not done.wait(0.5):
            del server.requests[:-1000]  # a long demo run keeps only the recent log
    finally:
        server.close()
    return 0


def _bundle(args) -> int:
    server = _open(args)
    try:
        if args.after > server.high_water:
            raise SystemExit(f"--after {args.after} is beyond the high water {server.high_water}")
        if 0 < args.after < server.oldest_seq:
            raise SystemExit(f"--after {args.after} is older than the oldest kept position {server.oldest_seq}")
        manifest = server.write_bundle(args.out, after=args.after, part_size=args.part_size)
        summary = {k: v for k, v in manifest.items() if k != "parts"}
        summary["parts"] = len(manifest["parts"])
        summary["changes"] = sum(p["count"] for p in manifest["parts"])
        summary["public_key"] = server.public_key_b64()
        summary["file"] = str(Path(args.out).resolve())
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    finally:
        server.close()
    return 0


def _add_demo_delta(args) -> int:
    """Touch ``count`` live records: most get repaired (or re-dated), every fifth is deleted."""
    server = _open(args)
    try:
        rng = random.Random(args.seed_delta)
        picked: list[dict] = []  # a reservoir sample: a city of millions need not fit in memory
        seen = 0
        for change in server.iter_changes(0):
            if change["type"] != "record":
                continue
            seen += 1
            if len(picked) < args.count:
                picked.append(change)
            else:
                j = rng.randrange(seen)
                if j < args.count:
                    picked[j] = change
        picked.sort(key=lambda c: c["seq"])
        now = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).replace(microsecond=0).isoformat()
        changes = []
        for i, change in enumerate(picked):
            if i % 5 == 4:
                changes.append({"op": "delete", "type": "record", "id": change["id"]})
                continue
            data = dict(change["data"])
            if data.get("status") == "active":
                data["status"] = "repaired"
            data["updated_at"] = now
            changes.append({"op": "upsert", "type": "record", "id": change["id"], "data": data})
        high_water = server.add_changes(changes)
        print(orjson.dumps({"changes": len(changes), "high_water": high_water, "epoch": server.epoch}).decode())
    finally:
        server.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="creditdesk-platform",
        description="Reference city credit platform (protocol 1) for CreditDesk tests and demos. Loopback only.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--subjects", type=int, help=f"demo city size (default {DEFAULT_SUBJECTS}, or the state dir's)")
        p.add_argument("--seed", type=int, help=f"demo city seed (default {DEFAULT_SEED}, or the state dir's)")
        p.add_argument("--state-dir", help="changelog, submissions and signing key (default: user data dir)")
        p.add_argument("--reset", action="store_true", help="regenerate the city under a new epoch")

    serve = sub.add_parser("serve", help="serve the demo city over HTTP on loopback")
    common(serve)
    serve.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
    serve.add_argument("--host", default="127.0.0.1", help="a loopback address (default 127.0.0.1)")
    serve.add_argument("--token-file", help="file holding the bearer token (default: generate one, shown once)")
    serve.set_defaults(func=_serve)

    bundle = sub.add_parser("bundle", help="write a signed offline bundle (.cdpkg)")
    common(bundle)
    bundle.add_argument("--after", type=int, required=True, help="position the bundle starts after (0: full snapshot)")
    bundle.add_argument("--out", required=True, help="the .cdpkg file to write")
    bundle.add_argument("--part-size", type=int, default=50_000, help="changes per part (default 50000)")
    bundle.set_defaults(func=_bundle)

    delta = sub.add_parser("add-demo-delta", help="append a few record updates and deletes to the changelog")
    common(delta)
    delta.add_argument("--count", type=int, required=True)
    delta.add_argument("--seed-delta", type=int, default=None, help="randomness of the pick (default: random)")
    delta.set_defaults(func=_add_demo_delta)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ValueError as exc:
        _stderr(f"creditdesk-platform: {exc}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
