"""Signed offline bundles (``.cdpkg``), protocol section 6.

A bundle is a ZIP archive with

- ``manifest.json``: ``format`` ``"creditdesk-bundle/1"``, ``platform_id``,
  ``epoch``, ``bundle_id``, ``created_at``, ``after``, ``next``, ``key_id``,
  ``person_key`` and ``parts`` (``[{"name", "sha256", "count"}]``);
- the parts ``changes-00001.ndjson``, ``changes-00002.ndjson`` …: UTF-8 NDJSON,
  one change object per line exactly as in the feed, in increasing ``seq``;
- ``manifest.sig``: the raw 64-byte Ed25519 signature of the exact bytes of
  ``manifest.json``.

:func:`write_bundle` streams: each part goes into the archive as it fills, its
SHA-256 and line count computed on the way, and the manifest and signature are
written last, so a bundle of millions of changes takes constant memory. The
archive is written under a temporary name beside ``path`` and renamed into
place only when complete, so a failed run leaves no half bundle behind.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import tempfile
import uuid
import zipfile
from pathlib import Path
from typing import Iterable

import orjson
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

BUNDLE_FORMAT = "creditdesk-bundle/1"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
KEY_FILE_NAME = "signing-key.pem"

_CST = dt.timezone(dt.timedelta(hours=8))


def now_cst() -> str:
    """The current time as ISO 8601 with the +08:00 offset, to the second."""
    return dt.datetime.now(_CST).replace(microsecond=0).isoformat()


def b64(raw: bytes) -> str:
    """A protocol ``b64:`` value: the prefix and standard base64."""
    return "b64:" + base64.b64encode(raw).decode("ascii")


def generate_signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def _raw_public(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """``"b64:"`` + base64 of the raw 32-byte public key (accepts a private or a public key)."""
    return b64(_raw_public(key))


def key_id_for(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """A stable key id derived from the public key: ``"k-"`` + 12 hex digits of its SHA-256."""
    return "k-" + hashlib.sha256(_raw_public(key)).hexdigest()[:12]


def load_or_create_key(state_dir: str | os.PathLike) -> tuple[str, Ed25519PrivateKey]:
    """The platform's signing key, kept as PKCS#8 PEM (mode 0600) in ``state_dir``.

    Created on first use; the key id is derived from the public key
    (:func:`key_id_for`), so it needs no file of its own. Two processes racing
    to create it end up with the same key (the loser reads the winner's file).
    """
    state = Path(state_dir)
    state.mkdir(parents=True, exist_ok=True)
    path = state / KEY_FILE_NAME
    if not path.exists():
        key = generate_signing_key()
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        fd, tmp = tempfile.mkstemp(prefix=".signing-key-", dir=state)  # mode 0600
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(pem)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o600)
            try:
                os.link(tmp, path)  # fails if another process got there first
            except FileExistsError:
                pass
            except OSError:  # file systems without hard links
                if not path.exists():
                    os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} does not hold an Ed25519 private key")
    return key_id_for(key), key


def _person_key_value(person_key_b64: str | bytes) -> str:
    if isinstance(person_key_b64, (bytes, bytearray)):
        return b64(bytes(person_key_b64))
    value = person_key_b64 if person_key_b64.startswith("b64:") else "b64:" + person_key_b64
    base64.b64decode(value[4:], validate=True)  # raises on a malformed key
    return value


def part_name(number: int) -> str:
    return f"changes-{number:05d}.ndjson"


def write_bundle(
    path: str | os.PathLike,
    *,
    platform_id: str,
    epoch: str,
    after: int,
    next_seq: int,
    key_id: str,
    private_key: Ed25519PrivateKey,
    person_key_b64: str,
    changes: Iterable[dict],
    part_size: int = 50_000,
    bundle_id: str | None = None,
    created_at: str | None = None,
) -> dict:
    """Write a signed ``.cdpkg`` at ``path`` and return its manifest.

    ``changes`` are feed change objects (``seq``, ``op``, ``type``, ``id`` and,
    for upserts, ``data``), streamed in increasing ``seq``, each with
    ``after < seq <= next_seq``; anything else raises ``ValueError`` and
    leaves no file. Each part holds at most ``part_size`` changes; a bundle
    with no changes has no parts. ``person_key_b64`` is the ``b64:`` form of
    the person key (bare base64 or raw bytes are accepted too).
    """
    if part_size < 1:
        raise ValueError("part_size must be at least 1")
    if not (isinstance(after, int) and isinstance(next_seq, int)) or after < 0 or next_seq < after:
        raise ValueError(f"need 0 <= after <= next_seq, got after={after!r} next_seq={next_seq!r}")
    person_key = _person_key_value(person_key_b64)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".bundle-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    parts: list[dict] = []
    try:
        # ZIP64 only if a part could outgrow 2 GiB (it never does at ~1 KB a change).
        zip64 = part_size > 1_000_000
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            last = after
            it = iter(changes)
            done = False
            while not done:
                count = 0
                digest = hashlib.sha256()
                name = part_name(len(parts) + 1)
                out = None
                for change in it:
                    seq = change.get("seq") if isinstance(change, dict) else None
                    if not isinstance(seq, int) or isinstance(seq, bool) or not last < seq <= next_seq:
                        raise ValueError(
                            f"change seq {seq!r} out of order: must be > {last} and <= next_seq {next_seq}"
                        )
                    last = seq
                    line = orjson.dumps(change) + b"\n"
                    if out is None:
                        out = zf.open(name, "w", force_zip64=zip64)
                    out.write(line)
                    digest.update(line)
                    count += 1
                    if count >= part_size:
                        break
                else:
                    done = True
                if out is not None:
                    out.close()
                    parts.append({"name": name, "sha256": digest.hexdigest(), "count": count})
            manifest = {
                "format": BUNDLE_FORMAT,
                "platform_id": platform_id,
                "epoch": epoch,
                "bundle_id": bundle_id or str(uuid.uuid4()),
                "created_at": created_at or now_cst(),
                "after": after,
                "next": next_seq,
                "key_id": key_id,
                "person_key": person_key,
                "parts": parts,
            }
            manifest_bytes = orjson.dumps(manifest, option=orjson.OPT_INDENT_2) + b"\n"
            zf.writestr(MANIFEST_NAME, manifest_bytes)
            zf.writestr(SIGNATURE_NAME, private_key.sign(manifest_bytes))
        os.chmod(tmp, 0o644)  # mkstemp made it 0600; a bundle is for carrying around
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return manifest
