"""Verifying an offline bundle (protocol section 6) against this database; nothing is changed.

Order of the checks
-------------------
archive & entry names & sizes (:mod:`.archive`) → manifest (JSON,
``platform_id``/``key_id``) → signature (``unknown_platform`` if no key of that
platform is trusted at all, ``unknown_key`` if none under that ``key_id``,
``signature`` if it does not verify) → the rest of the manifest → the archive
holds exactly the listed parts → the local position (``epoch``, ``gap``) → not
older than the data held (``older``) → every part's SHA-256 and line count
(``part_hash``, ``part_count``). The cheap checks come first, so a bundle that
cannot fit is refused at once, not after hashing gigabytes.

**Extra files are refused**, not ignored: the archive may hold only
``manifest.json``, ``manifest.sig`` and the parts the manifest lists
(``unexpected_part``). Nothing else is covered by the signature, so an extra
file can only be an error or an addition by someone other than the platform.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from sqlalchemy import Engine

from creditdesk.platform.bundle.archive import SafeArchive
from creditdesk.platform.bundle.common import (
    FORMAT,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    SIGNATURE_SIZE,
    BundleLimits,
    BundleRefused,
    size_text,
)
from creditdesk.platform.keys import PENDING, InvalidKey, TrustedKeys
from creditdesk.services.position import SyncState, parse_time, read_sync_state

_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")


@dataclass(frozen=True)
class PartInfo:
    name: str
    sha256: str
    count: int
    size: int  # uncompressed, as declared by the archive
    compressed: int


@dataclass(frozen=True)
class VerifiedBundle:
    path: Path
    platform_id: str
    epoch: str
    bundle_id: str
    created_at: str
    after: int
    next: int
    key_id: str
    person_key: str
    parts: tuple[PartInfo, ...]
    local_seq: int
    local_epoch: str | None
    seconds: float
    manifest: dict[str, Any] = field(repr=False, compare=False)

    @property
    def full(self) -> bool:
        return self.after == 0

    @property
    def total_changes(self) -> int:
        return sum(p.count for p in self.parts)

    @property
    def total_bytes(self) -> int:
        return sum(p.size for p in self.parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path), "platform_id": self.platform_id, "epoch": self.epoch,
            "bundle_id": self.bundle_id, "created_at": self.created_at, "after": self.after, "next": self.next,
            "key_id": self.key_id, "full": self.full, "parts": len(self.parts), "changes": self.total_changes,
            "bytes": self.total_bytes, "verify_seconds": round(self.seconds, 3),
        }  # fmt: skip



def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"重复的字段 {key!r}")
        out[key] = value
    return out


def _bad_constant(name: str) -> Any:
    raise ValueError(f"不允许的数值 {name}")


def _parse_manifest(raw: bytes) -> dict[str, Any]:
    import json

    try:
        manifest = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_bad_constant)
    except UnicodeDecodeError:
        raise BundleRefused("manifest", "manifest.json 不是 UTF-8 文本") from None
    except ValueError as exc:
        raise BundleRefused("manifest", f"manifest.json 不是有效的 JSON（{exc}）") from None
    if not isinstance(manifest, dict):
        raise BundleRefused("manifest", "manifest.json 应为一个 JSON 对象")
    return manifest


def _text(m: dict, name: str, max_len: int = 80) -> str:
    if name not in m:
        raise BundleRefused("manifest", f"manifest.json 缺少字段 {name}")
    value = m[name]
    if not isinstance(value, str) or not value or len(value) > max_len or value != value.strip():
        raise BundleRefused("manifest", f"manifest.json 的 {name} 应为不超过 {max_len} 个字符的非空字符串，实际为 {value!r:.100}")
    return value


def _int(m: dict, name: str) -> int:
    if name not in m:
        raise BundleRefused("manifest", f"manifest.json 缺少字段 {name}")
    value = m[name]
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**63:
        raise BundleRefused("manifest", f"manifest.json 的 {name} 应为非负整数，实际为 {value!r:.100}")
    return value


def check_not_older(created_at: str, epoch: str, platform_id: str, after: int, state: SyncState,
                    allow_older: bool = False) -> str | None:
    """Refuse (``older``) a bundle that would move this database back in time (issue 10.8).

    Within one history (platform and epoch) the sequence numbers say what is newer, and a
    bundle that does not go beyond the local position is a no-op already. A full snapshot
    of another history replaces what the database holds: if it was made (``created_at``)
    before the moment the database's data is as of, it is older data — e.g. a snapshot of
    an earlier epoch — and is refused unless an administrator forces it (``allow_older``;
    the caller audits that). Returns the reason when forced, None when it is not older."""
    replaces = state.epoch is not None and not state.same_history(platform_id, epoch)
    ours, theirs = parse_time(state.as_of), parse_time(created_at)
    if not replaces or ours is None or theirs is None or theirs >= ours:
        return None
    reason = (
        f"数据包制作于 {created_at}（平台 {platform_id}，数据版本 {epoch}），早于本机数据的截至时间 {state.as_of}"
        f"（数据版本 {state.epoch or '—'}）：导入会让本机数据回到更早的状态"
    )
    if not allow_older:
        raise BundleRefused("older", reason + "。确需导入时，由管理员加 --allow-older 强制导入（记入审计）")
    return reason


def check_position(platform_id: str, epoch: str, after: int, state: SyncState) -> None:
    if after == 0:
        return  # a full snapshot always fits
    if state.epoch is None:
        raise BundleRefused(
            "gap",
            f"这是从序号 {after} 之后开始的增量数据包，而本机还没有任何平台数据：请先导入全量数据包（after = 0）",
        )
    if state.epoch != epoch or state.platform_id not in (None, platform_id):
        raise BundleRefused(
            "epoch",
            f"增量数据包属于平台 {platform_id} 的数据版本 {epoch}，本机数据属于 "
            f"{state.platform_id or '—'} 的数据版本 {state.epoch}：两者的序号互不相干。请导入新的全量数据包（after = 0）",
        )
    if after > state.seq:
        raise BundleRefused(
            "gap",
            f"数据包从序号 {after} 之后开始，本机只到 {state.seq}：缺少序号 {state.seq + 1}–{after} 的变更。"
            f"请先导入更早的数据包，或联网同步，或导入全量数据包",
        )


def _hash_part(archive: SafeArchive, part: PartInfo) -> tuple[str, int]:
    digest = hashlib.sha256()
    lines = 0
    last = b"\n"
    for chunk in archive.stream(part.name, archive.limits.max_part_bytes):
        digest.update(chunk)
        lines += chunk.count(b"\n")
        last = chunk[-1:]
    if last != b"\n":
        lines += 1  # a last line without its newline
    return digest.hexdigest(), lines


def check_parts(archive: SafeArchive, parts: list[PartInfo] | tuple[PartInfo, ...]) -> None:
    """Every part's SHA-256 and line count against the manifest (``part_hash``, ``part_count``)."""
    threads = max(1, min(archive.limits.threads, len(parts)))
    if threads > 1:
        pool = ThreadPoolExecutor(threads, thread_name_prefix="bundle-verify")
        try:
            digests = list(pool.map(lambda part: _hash_part(archive, part), parts))
        finally:  # a refused part stops the rest (queued parts are not read)
            pool.shutdown(wait=True, cancel_futures=True)
    else:
        digests = [_hash_part(archive, part) for part in parts]
    for part, (digest, lines) in zip(parts, digests):
        if digest != part.sha256:
            raise BundleRefused("part_hash", f"分卷 {part.name} 的 SHA-256 与清单不符：内容被篡改或损坏")
        if lines != part.count:
            raise BundleRefused("part_count", f"分卷 {part.name} 有 {lines:,} 行，清单记载 {part.count:,} 条")


def verify_archive(
    archive: SafeArchive, engine: Engine, allow_older: bool = False, *, hash_parts: bool = True
) -> VerifiedBundle:
    """Everything but (with ``hash_parts=False``) the parts' content: the import hashes and
    counts each part while it applies it, inside its transaction (``platform/bundle/apply.py``)."""
    started = time.perf_counter()
    limits = archive.limits
    entries = archive.entries

    # 1. manifest: enough to know whose signature to check
    if MANIFEST_NAME not in entries:
        raise BundleRefused("manifest", "压缩包中没有 manifest.json")
    if entries[MANIFEST_NAME].file_size > limits.max_manifest_bytes:
        raise BundleRefused("too_large", f"manifest.json 超过 {size_text(limits.max_manifest_bytes)}")
    raw = archive.read(MANIFEST_NAME, limits.max_manifest_bytes)
    m = _parse_manifest(raw)
    platform_id = _text(m, "platform_id")
    key_id = _text(m, "key_id")

    # 2. signature, by a pinned key of that platform
    if SIGNATURE_NAME not in entries:
        raise BundleRefused("signature", "压缩包中没有签名文件 manifest.sig")
    if entries[SIGNATURE_NAME].file_size != SIGNATURE_SIZE:
        raise BundleRefused(
            "signature", f"manifest.sig 应为 {SIGNATURE_SIZE} 字节的 Ed25519 签名，实际为 {entries[SIGNATURE_NAME].file_size} 字节"
        )
    signature = archive.read(SIGNATURE_NAME, SIGNATURE_SIZE)
    keys = TrustedKeys(engine)
    public_key = keys.trusted_key(platform_id, key_id)
    pending = keys.keys_of(platform_id, key_id, status=PENDING)
    if public_key is None:
        if not keys.is_pinned(platform_id):
            raise BundleRefused(
                "unknown_platform",
                f"本机没有平台 {platform_id} 的任何受信任签名密钥。联网连接过该平台的安装会自动固定密钥；"
                f"从未联网的安装请由管理员向市信用办核实后执行："
                f"creditdesk platform trust --platform-id {platform_id} --key-id {key_id} --public-key b64:…",
            )
        hint = (
            f"该密钥已由平台公布（指纹 {pending[-1].fingerprint}），正等待管理员确认：creditdesk platform trust "
            f"--platform-id {platform_id} --key-id {key_id} --public-key {pending[-1].public_key}"
            if pending
            else f"请管理员向市信用办核实后执行 creditdesk platform trust --platform-id {platform_id} --key-id {key_id} --public-key b64:…"
        )
        raise BundleRefused("unknown_key", f"数据包由平台 {platform_id} 的密钥 {key_id} 签名，本机不信任该密钥。{hint}")
    try:
        public_key.verify(signature, raw)
    except InvalidSignature:
        message = f"manifest.sig 不是平台 {platform_id} 密钥 {key_id} 对 manifest.json 的有效签名：数据包被篡改或损坏"
        for candidate in pending:
            try:
                candidate.ed25519().verify(signature, raw)
            except (InvalidSignature, InvalidKey, ValueError):
                continue
            message = (
                f"数据包由平台 {platform_id} 密钥 {key_id} 的新公钥（指纹 {candidate.fingerprint}）签名，"
                f"该公钥与本机信任的不同，正等待管理员核实确认：creditdesk platform trust --platform-id {platform_id} "
                f"--key-id {key_id} --public-key {candidate.public_key} --confirm"
            )
            break
        raise BundleRefused("signature", message) from None

    # 3. the rest of the (now authentic) manifest
    if m.get("format") != FORMAT:
        raise BundleRefused("manifest", f"不支持的数据包格式 {m.get('format')!r:.100}（应为 {FORMAT}）")
    epoch = _text(m, "epoch")
    bundle_id = _text(m, "bundle_id", 200)
    created_at = _text(m, "created_at", 40)
    try:
        dt.datetime.fromisoformat(created_at)
    except ValueError:
        raise BundleRefused("manifest", f"manifest.json 的 created_at 不是 ISO 8601 时间：{created_at!r}") from None
    after, next_seq = _int(m, "after"), _int(m, "next")
    if next_seq < after:
        raise BundleRefused("manifest", f"manifest.json 的 next（{next_seq}）小于 after（{after}）")
    person_key = _text(m, "person_key", 200)
    try:
        if not person_key.startswith("b64:"):
            raise ValueError
        base64.b64decode(person_key[4:], validate=True)
    except (binascii.Error, ValueError):
        raise BundleRefused("manifest", "manifest.json 的 person_key 应为 “b64:” 加标准 base64") from None
    raw_parts = m.get("parts")
    if not isinstance(raw_parts, list):
        raise BundleRefused("manifest", "manifest.json 缺少 parts 列表")
    parts: list[PartInfo] = []
    seen: set[str] = {MANIFEST_NAME, SIGNATURE_NAME}
    for i, p in enumerate(raw_parts, 1):
        if not isinstance(p, dict):
            raise BundleRefused("manifest", f"parts 第 {i} 项不是对象")
        name, sha, count = p.get("name"), p.get("sha256"), p.get("count")
        if not isinstance(name, str) or not name or len(name) > 255:
            raise BundleRefused("manifest", f"parts 第 {i} 项的 name 无效：{name!r:.100}")
        if name in seen:
            raise BundleRefused("manifest", f"parts 第 {i} 项的 name {name!r} 重复或与清单文件同名")
        seen.add(name)
        if not isinstance(sha, str) or not _HEX64.match(sha):
            raise BundleRefused("manifest", f"分卷 {name!r} 的 sha256 应为 64 位十六进制，实际为 {sha!r:.100}")
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise BundleRefused("manifest", f"分卷 {name!r} 的 count 应为非负整数，实际为 {count!r:.100}")
        info = entries.get(name)
        if info is None:
            raise BundleRefused("missing_part", f"清单列出的分卷 {name!r} 不在压缩包中")
        parts.append(PartInfo(name, sha.lower(), count, info.file_size, info.compress_size))
    if sum(p.count for p in parts) > next_seq - after:
        raise BundleRefused(
            "manifest", f"清单中的变更条数 {sum(p.count for p in parts):,} 多于序号区间 ({after}, {next_seq}] 所能容纳的"
        )
    extra = sorted(set(entries) - seen)
    if extra:
        shown = "、".join(repr(n) for n in extra[:5]) + ("……" if len(extra) > 5 else "")
        raise BundleRefused("unexpected_part", f"压缩包含清单未列出的文件 {shown}（只允许 manifest.json、manifest.sig 和所列分卷）")

    # 4. does it fit this database? (cheap: before hashing)
    with engine.connect() as conn:
        state = read_sync_state(conn)
    check_position(platform_id, epoch, after, state)
    check_not_older(created_at, epoch, platform_id, after, state, allow_older)

    # 5. every part's content
    if hash_parts:
        check_parts(archive, parts)

    return VerifiedBundle(
        path=archive.path, platform_id=platform_id, epoch=epoch, bundle_id=bundle_id, created_at=created_at,
        after=after, next=next_seq, key_id=key_id, person_key=person_key, parts=tuple(parts),
        local_seq=state.seq, local_epoch=state.epoch, seconds=time.perf_counter() - started, manifest=m,
    )  # fmt: skip


def verify_bundle(
    path: str | os.PathLike, engine: Engine, limits: BundleLimits | None = None, *, allow_older: bool = False
) -> VerifiedBundle:
    """Check everything about the bundle at ``path`` against ``engine``'s keys and position; change nothing.

    Raises :class:`BundleRefused`.
    """
    with SafeArchive(path, limits or BundleLimits()) as archive:
        return verify_archive(archive, engine, allow_older)

