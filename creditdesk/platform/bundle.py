"""Importing signed offline bundles (``.cdpkg``, protocol section 6).

:func:`verify_bundle` checks a bundle without changing anything;
:func:`import_bundle` verifies it and then applies it all or nothing. Either
raises :class:`BundleRefused` naming the check that failed (``check`` is one of
:data:`CHECKS`) with a message in Chinese for the officer or administrator.

The archive is treated as hostile
---------------------------------
- Nothing is ever extracted to disk: :mod:`zipfile` lists the entries, and an
  entry's data is read here, by name, from its local header (which must agree
  with the central directory: name, method, no encryption, no overlap with the
  next entry), inflated with ISA-L (``isal``; zlib without it) and streamed in
  256 KiB chunks, so memory stays constant whatever the bundle's size (NDJSON
  is split into lines chunk by chunk). Only stored and deflated entries are
  accepted. As with :mod:`zipfile`, an entry is exactly the first ``file_size``
  bytes its data inflates to, and their CRC-32 must match.
- Before any entry is decompressed: the number of entries (read from the end
  of central directory, before :mod:`zipfile` builds its list), every entry's
  declared size (per part and in total) and compression ratio (zip bombs) are
  capped (:class:`BundleLimits`); while reading, inflating stops at the
  declared size, so a header that lies about it gains nothing (the entry then
  ends short or fails its CRC-32). An over-long NDJSON line is refused too.
- Every entry name is checked: path traversal (``..``), absolute paths, drive
  letters, backslashes, control characters, symlink entries and duplicate
  names are refused (``unexpected_part``) — whatever else the bundle holds.
- **Extra files are refused**, not ignored: the archive may hold only
  ``manifest.json``, ``manifest.sig`` and the parts the manifest lists
  (``unexpected_part``). Nothing else is covered by the signature, so an
  extra file can only be an error or an addition by someone other than the
  platform. (Protocol 6 says "no other file matters": no other file is
  needed, and none is accepted.)
- Encrypted entries, damaged archives and CRC errors are ``archive``.

Order of the checks
-------------------
archive & entry names & sizes → manifest (JSON, ``platform_id``/``key_id``) →
signature (``unknown_platform`` if no key of that platform is trusted at all,
``unknown_key`` if none under that ``key_id``, ``signature`` if it does not
verify) → the rest of the manifest → the archive holds exactly the listed
parts → the local position (``epoch``, ``gap``) → every part's SHA-256 and line
count (``part_hash``, ``part_count``). The cheap checks come first, so a bundle
that cannot fit is refused at once, not after hashing gigabytes.

Applying
--------
The whole bundle is applied in ONE write transaction (with the position), so a
failure at any point — a malformed change line (``part_content``, found while
parsing, i.e. after the hashes matched: a platform bug, not tampering), a part
that changed on the medium since it was verified (hashes are computed again
while applying), a database error, cancellation (``cancelled``), a crash —
leaves the database exactly as it was. Changes with ``seq`` ≤ the local
position (same platform and epoch) are skipped. A full snapshot
(``after == 0``) is a mark-and-sweep pass inside that transaction: entities it
does not contain are removed at the end (protocol 3.3); its changes that are
skipped because the database already has them are only marked, so they are
not swept. A bundle whose ``next`` is not beyond the local position changes
nothing (re-importing a bundle is a no-op). The first load of a SQLite
database (a full snapshot, no entities yet) drops the secondary indexes and
builds them again at the end, with the name index, inside that same
transaction (see ``_BulkLoad``). Afterwards the position is
``next`` in the bundle's epoch, ``as_of`` the manifest's ``created_at``, and
the platform id and person key are those of the manifest.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import logging
import os
import queue
import re
import struct
import threading
import time
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from cryptography.exceptions import InvalidSignature
from sqlalchemy import Connection, Engine, select, update

from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.db.search_index import rebuild_names
from creditdesk.platform.keys import PENDING, InvalidKey, TrustedKeys
from creditdesk.services.apply import TABLES, BatchResult, ChangeApplier, _fewer_gc_passes
from creditdesk.services.keystore import remember_person_key

log = logging.getLogger(__name__)

_state = models.SyncState.__table__

FORMAT = "creditdesk-bundle/1"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
SIGNATURE_SIZE = 64

KiB, MiB, GiB = 1 << 10, 1 << 20, 1 << 30
CHUNK = 256 * KiB  # uncompressed bytes handed out at a time (small enough to stay in the core's cache)
_READ = 1 * MiB  # compressed bytes read from the file at a time
_FEED = 32 * KiB  # zlib only: compressed bytes given at a time (~240 KiB of NDJSON, no tail to copy)
BATCH = 5000

CHECKS: dict[str, str] = {
    "archive": "压缩包完整性",
    "manifest": "清单 manifest.json",
    "signature": "签名",
    "unknown_key": "签名密钥",
    "unknown_platform": "平台",
    "part_hash": "数据分卷校验和",
    "part_count": "数据分卷条数",
    "missing_part": "数据分卷齐全",
    "unexpected_part": "多余或不安全的文件",
    "gap": "序号衔接",
    "epoch": "数据版本（epoch）",
    "too_large": "大小限制",
    "cancelled": "取消",
    "part_content": "变更内容",
}


class BundleRefused(Exception):
    """The bundle was not applied (nothing was); ``check`` names the check that failed."""

    def __init__(self, check: str, message: str) -> None:
        assert check in CHECKS, check
        super().__init__(message)
        self.check = check
        self.message = message

    @property
    def label(self) -> str:
        return CHECKS[self.check]

    def __str__(self) -> str:
        return f"离线数据包未导入（{self.label}检查未通过，{self.check}）：{self.message}"


@dataclass(frozen=True)
class BundleLimits:
    """Caps that keep a hostile archive from exhausting disk, memory or time."""

    max_total_bytes: int = 8 * GiB  # all parts, uncompressed
    max_part_bytes: int = 2 * GiB  # one part, uncompressed
    max_manifest_bytes: int = 4 * MiB
    max_entries: int = 10_000
    max_directory_bytes: int = 16 * MiB  # the ZIP's central directory (names), read whole by zipfile
    max_ratio: float = 100.0  # uncompressed / compressed (NDJSON deflates ~7:1)
    ratio_floor: int = 1 * MiB  # entries smaller than this are not ratio-checked
    max_line_bytes: int = 16 * MiB
    # Parts hashed in parallel: ISA-L (or zlib) and hashlib release the GIL; counting newlines
    # holds it (2 threads: ~1.6x on 2 cores, see benchmarks/bundle_verify.py).
    threads: int = min(4, os.cpu_count() or 1)


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


@dataclass(frozen=True)
class ImportResult:
    bundle: VerifiedBundle
    upserted: int
    deleted: int
    rejected: int
    ignored: int
    skipped: int  # seq <= local position: already applied
    swept: int  # full snapshot: entities it did not contain, removed
    noop: bool  # nothing to apply: the database was already at or past ``next``
    seq_before: int
    seq_after: int
    epoch_before: str | None
    epoch_after: str | None
    seconds: float

    @property
    def applied(self) -> int:
        return self.upserted + self.deleted

    def summary(self) -> str:
        b = self.bundle
        kind = "全量数据包" if b.full else f"增量数据包（序号 {b.after} 之后）"
        if self.noop:
            return (
                f"{kind} {b.bundle_id} 中没有新变更：本机数据已到序号 {self.seq_before}"
                f"（数据包到 {b.next}），未作任何改动"
            )
        return (
            f"已导入{kind} {b.bundle_id}（平台 {b.platform_id}，数据版本 {b.epoch}，截至 {b.created_at}）："
            f"写入 {self.upserted:,} 条、删除 {self.deleted:,} 条，拒收 {self.rejected:,} 条，"
            f"跳过本机已有 {self.skipped:,} 条"
            + (f"，清除全量数据包中没有的 {self.swept:,} 条" if b.full else "")
            + f"；数据位置 seq {self.seq_before} → {self.seq_after}"
        )

    def __str__(self) -> str:
        return self.summary()

    def to_json(self) -> dict[str, Any]:
        return {
            "bundle": self.bundle.to_json(), "applied": self.applied, "upserted": self.upserted,
            "deleted": self.deleted, "rejected": self.rejected, "ignored": self.ignored, "skipped": self.skipped,
            "swept": self.swept, "noop": self.noop, "seq_before": self.seq_before, "seq_after": self.seq_after,
            "epoch_before": self.epoch_before, "epoch_after": self.epoch_after, "seconds": round(self.seconds, 3),
        }  # fmt: skip


# ---------------------------------------------------------------------------
# The archive
# ---------------------------------------------------------------------------

# Entries are inflated with ISA-L when it is installed (the ``isal`` package, a dependency):
# the same raw deflate as zlib, ~2x faster, with the CRC-32 computed while inflating; it
# releases the GIL like zlib, so parts still verify in parallel. Plain zlib otherwise.
try:
    from isal import igzip_lib as _igzip, isal_zlib as _isal_zlib
except ImportError:  # pragma: no cover - exercised by monkeypatching in the tests
    _igzip = _isal_zlib = None
_crc32: Callable[[bytes, int], int] = _isal_zlib.crc32 if _isal_zlib is not None else zlib.crc32

# What zipfile, zlib and ISA-L raise on a damaged archive or entry.
_ZIP_ERRORS = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
    NotImplementedError, struct.error, OverflowError, RuntimeError,
    *((_isal_zlib.error, _igzip.IsalError) if _igzip is not None and _isal_zlib is not None else ()),
)  # fmt: skip

_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a ZIP local file header (30 bytes)
_LOCAL_SIGNATURE = b"PK\x03\x04"
_UNSUPPORTED_FLAGS = 0x1 | 0x20 | 0x40  # encrypted, compressed patch data, strong encryption
_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})  # anything else is refused
_HAVE_PREAD = hasattr(os, "pread")

_DRIVE = re.compile(r"^[A-Za-z]:")
_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")
_S_IFMT, _S_IFLNK = 0o170000, 0o120000


def _unsafe_name(info: zipfile.ZipInfo) -> str | None:
    """Why an entry's name or kind is unacceptable, or None."""
    name = info.orig_filename
    if not name:
        return "条目名称为空"
    if any(ord(c) < 32 or c == "\x7f" for c in name):
        return f"条目名称 {name!r} 含控制字符"
    if "\\" in name:
        return f"条目名称 {name!r} 含反斜杠"
    if name.startswith("/") or _DRIVE.match(name):
        return f"条目 {name!r} 是绝对路径"
    if ".." in name.split("/"):
        return f"条目 {name!r} 试图跳出目录（路径穿越）"
    mode = (info.external_attr >> 16) & _S_IFMT
    if mode == _S_IFLNK:
        return f"条目 {name!r} 是符号链接"
    return None


def _directory_size(path: Path) -> tuple[int, int] | None:
    """(entries, bytes) of the central directory, from its end record, before zipfile reads it all."""
    end_record = getattr(zipfile, "_EndRecData", None)
    if end_record is None:  # pragma: no cover - CPython has had it for decades
        return None
    with open(path, "rb") as f:
        rec = end_record(f)
    if not rec:
        return None
    return int(rec[4]), int(rec[5])  # _ECD_ENTRIES_TOTAL, _ECD_SIZE


class _Archive:
    """An open bundle: entries checked, read only by name, streamed."""

    def __init__(self, path: str | os.PathLike, limits: BundleLimits) -> None:
        self.path = Path(path)
        self.limits = limits
        self._lock = threading.Lock()
        if not self.path.is_file():
            raise BundleRefused("archive", f"找不到数据包文件，或它不是一个文件：{self.path}")
        try:
            directory = _directory_size(self.path)
        except _ZIP_ERRORS:
            directory = None  # zipfile says what is wrong below
        if directory is not None:
            entries, size = directory
            if entries > limits.max_entries:
                raise BundleRefused("too_large", f"压缩包有 {entries:,} 个条目，超过上限 {limits.max_entries:,}")
            if size > limits.max_directory_bytes:
                raise BundleRefused("too_large", f"压缩包目录有 {_size(size)}，超过上限 {_size(limits.max_directory_bytes)}")
        try:
            self.zf = zipfile.ZipFile(self.path)
            infos = self.zf.infolist()
        except _ZIP_ERRORS as exc:
            raise BundleRefused("archive", f"不是有效的 ZIP 压缩包，或已损坏（{exc}）") from None
        try:
            self.entries = self._check_entries(infos)
            # zipfile only lists the entries: their data is read from the same open file (no
            # second open that could find another file), with pread where there is one.
            self._fp = self.zf.fp
            self._fd = self._fp.fileno() if _HAVE_PREAD else -1
            # Each entry's data must end before the next entry (or the directory) begins:
            # overlapping entries ("quoted overlap" bombs) are damaged archives.
            starts = sorted(info.header_offset for info in infos)
            ends = [min(start, self.zf.start_dir) for start in starts[1:]] + [self.zf.start_dir]
            self._bounds = dict(zip(starts, ends))
        except BaseException:
            self.zf.close()
            raise

    def _check_entries(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        limits = self.limits
        if len(infos) > limits.max_entries:
            raise BundleRefused("too_large", f"压缩包有 {len(infos):,} 个条目，超过上限 {limits.max_entries:,}")
        entries: dict[str, zipfile.ZipInfo] = {}
        offsets: set[int] = set()
        total = 0
        for info in infos:
            reason = _unsafe_name(info)
            if reason:
                raise BundleRefused("unexpected_part", f"压缩包含不安全的条目：{reason}")
            if info.filename in entries:
                raise BundleRefused("unexpected_part", f"压缩包含重名条目 {info.filename!r}")
            entries[info.filename] = info
            if info.flag_bits & 0x1:
                raise BundleRefused("archive", f"条目 {info.filename!r} 已加密，无法校验")
            if info.compress_type not in _METHODS:
                raise BundleRefused(
                    "archive", f"条目 {info.filename!r} 的压缩方式（{info.compress_type}）不受支持：只接受不压缩或 deflate"
                )
            if info.header_offset in offsets:
                raise BundleRefused("archive", f"条目 {info.filename!r} 与另一个条目共用同一段数据")
            offsets.add(info.header_offset)
            if info.file_size > limits.max_part_bytes:
                raise BundleRefused(
                    "too_large",
                    f"条目 {info.filename!r} 解压后 {_size(info.file_size)}，超过单个分卷上限 {_size(limits.max_part_bytes)}",
                )
            if info.file_size >= limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
                raise BundleRefused(
                    "too_large",
                    f"条目 {info.filename!r} 压缩比异常（{_size(info.compress_size)} 解压为 {_size(info.file_size)}，"
                    f"超过 {limits.max_ratio:g} 倍），疑似压缩炸弹",
                )
            total += info.file_size
            if total > limits.max_total_bytes:
                raise BundleRefused("too_large", f"压缩包解压后超过总大小上限 {_size(limits.max_total_bytes)}")
        return entries

    def close(self) -> None:
        self.zf.close()

    def __enter__(self) -> "_Archive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stream(self, name: str, cap: int) -> Iterator[bytes]:
        """The entry's bytes in chunks; at most ``cap`` bytes, whatever its header says.

        Never more than the declared size is inflated (and that is within ``cap``); the
        end of the entry is checked before the iterator finishes (exact size, CRC-32),
        so a consumer that reads to the end has seen only bytes the archive vouches for.
        """
        info = self.entries[name]
        try:
            yield from self._chunks(info, cap)
        except _ZIP_ERRORS as exc:
            raise BundleRefused("archive", f"条目 {name!r} 已损坏，无法读取（{exc}）") from None

    def read(self, name: str, cap: int) -> bytes:
        return b"".join(self.stream(name, cap))

    # -- reading an entry's data ourselves (zipfile only lists the entries) -----------------

    def _pread(self, offset: int, size: int) -> bytes:
        """Exactly ``size`` bytes of the file at ``offset`` (EOFError if the file ends first)."""
        parts = []
        while size > 0:
            if _HAVE_PREAD:  # no shared file position: threads read without a lock
                data = os.pread(self._fd, size, offset)
            else:  # pragma: no cover - Windows
                with self._lock:
                    self._fp.seek(offset)
                    data = self._fp.read(size)
            if not data:
                raise EOFError("压缩包被截断")
            parts.append(data)
            offset += len(data)
            size -= len(data)
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def _data_span(self, info: zipfile.ZipInfo) -> tuple[int, int]:
        """Where the entry's compressed bytes lie, from its local header, checked against the directory."""
        header = self._pread(info.header_offset, _LOCAL_HEADER.size)
        sig, _, flags, method, _, _, _, _, _, name_len, extra_len = _LOCAL_HEADER.unpack(header)
        if sig != _LOCAL_SIGNATURE:
            raise zipfile.BadZipFile("本地文件头损坏")
        if flags & _UNSUPPORTED_FLAGS:
            raise zipfile.BadZipFile("本地文件头标记为加密或不支持的格式")
        if method != info.compress_type:
            raise zipfile.BadZipFile("本地文件头与目录记载的压缩方式不一致")
        raw_name = self._pread(info.header_offset + _LOCAL_HEADER.size, name_len)
        local_name = raw_name.decode("utf-8" if flags & 0x800 else "cp437")
        if local_name != info.orig_filename:
            raise zipfile.BadZipFile(f"本地文件头的名称 {local_name!r} 与目录记载的不一致")
        start = info.header_offset + _LOCAL_HEADER.size + name_len + extra_len
        end = start + info.compress_size
        if end > self._bounds[info.header_offset]:
            raise zipfile.BadZipFile("条目的数据与其他条目或压缩包目录重叠")
        return start, end

    def _chunks(self, info: zipfile.ZipInfo, cap: int) -> Iterator[bytes]:
        """The entry's data in chunks of at most CHUNK bytes: raw deflate inflated here, size and CRC checked.

        As with :mod:`zipfile`, the entry is the first ``file_size`` bytes its data yields:
        inflating stops there (a header that understates the size costs nothing more, and
        the CRC-32 then fails); data that ends before them is damaged.
        """
        start, end = self._data_span(info)
        declared = info.file_size
        if declared > cap:  # checked when the archive was opened; kept as a guard
            raise BundleRefused("too_large", f"条目 {info.filename!r} 解压后超过上限 {_size(cap)}")
        if info.compress_type == zipfile.ZIP_STORED:
            if info.compress_size != declared:
                raise zipfile.BadZipFile("未压缩条目的大小记载不一致")
            crc = 0
            for offset in range(start, end, CHUNK):
                chunk = self._pread(offset, min(CHUNK, end - offset))
                crc = _crc32(chunk, crc)
                yield chunk
        elif info.compress_type == zipfile.ZIP_DEFLATED:
            inflate = self._inflate_isal if _igzip is not None else self._inflate_zlib
            crc = yield from inflate(start, end, declared)
        else:  # refused when the archive was opened; kept as a guard
            raise zipfile.BadZipFile(f"不支持的压缩方式 {info.compress_type}")
        if crc != info.CRC:
            raise zipfile.BadZipFile("CRC-32 校验不符")

    # Both inflaters hand out exactly ``size`` bytes (never more: the rest of the stream is
    # not the entry's; fewer is an error) and return their CRC-32.

    def _inflate_isal(self, start: int, end: int, size: int) -> Generator[bytes, None, int]:
        # GZIP_NO_HDR: a raw deflate stream (no header or trailer read) whose CRC-32 ISA-L
        # computes as it inflates. One decompress call is one GIL release: the buffer is
        # allocated at max_length at once (isal_zlib's decompressobj grows it from 16 KiB,
        # releasing and re-taking the GIL at every step, which costs dearly in threads).
        d = _igzip.IgzipDecompressor(flag=_igzip.DECOMP_GZIP_NO_HDR)
        done = 0
        for offset in range(start, end, _READ):
            data = self._pread(offset, min(_READ, end - offset))
            while done < size:
                chunk = d.decompress(data, min(CHUNK, size - done))
                data = b""
                if chunk:
                    done += len(chunk)
                    yield chunk
                if d.eof or d.needs_input:
                    break
                if not chunk:  # pragma: no cover - neither output nor a need for input: never loop
                    raise zipfile.BadZipFile("deflate 数据无法解压")
            if done >= size or d.eof:
                break
        # All input given: what ISA-L may still hold (needs_input only says the input is used up).
        while done < size and not d.eof:
            chunk = d.decompress(b"", min(CHUNK, size - done))
            if not chunk:
                break
            done += len(chunk)
            yield chunk
        if done < size:
            raise zipfile.BadZipFile(f"压缩数据不完整：解压得到 {done:,} 字节，压缩包记载为 {size:,} 字节")
        return d.crc

    def _inflate_zlib(self, start: int, end: int, size: int) -> Generator[bytes, None, int]:
        def pieces() -> Iterator[memoryview]:
            for offset in range(start, end, _READ):
                block = memoryview(self._pread(offset, min(_READ, end - offset)))
                for i in range(0, len(block), _FEED):
                    yield block[i : i + _FEED]

        d = zlib.decompressobj(-15)
        source = pieces()
        data: bytes | memoryview = b""
        exhausted = False
        done = crc = 0
        while done < size:
            if not data and not exhausted:
                piece = next(source, None)
                exhausted = piece is None
                data = b"" if piece is None else piece
            if d.eof:
                break
            given = len(data)
            chunk = d.decompress(data, min(CHUNK, size - done))
            data = d.unconsumed_tail
            if chunk:
                done += len(chunk)
                crc = zlib.crc32(chunk, crc)
                yield chunk
            elif exhausted and not data:
                break  # all input given and nothing more comes out
            elif data and len(data) == given:  # pragma: no cover - no output, no input used: never loop
                raise zipfile.BadZipFile("deflate 数据无法解压")
        if done < size:
            raise zipfile.BadZipFile(f"压缩数据不完整：解压得到 {done:,} 字节，压缩包记载为 {size:,} 字节")
        return crc


def _size(n: int) -> str:
    for unit, factor in (("GiB", GiB), ("MiB", MiB), ("KiB", KiB)):
        if n >= factor:
            return f"{n / factor:.1f} {unit}"
    return f"{n} 字节"


# ---------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------


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


@dataclass(frozen=True)
class _LocalState:
    seq: int
    epoch: str | None
    platform_id: str | None
    active_pass: int | None
    pass_counter: int
    high_water: int | None


def _read_state(conn: Connection, lock: bool = False) -> _LocalState:
    q = select(
        _state.c.seq, _state.c.epoch, _state.c.platform_id, _state.c.active_pass, _state.c.pass_counter,
        _state.c.high_water,
    ).where(_state.c.id == 1)  # fmt: skip
    if lock:
        q = q.with_for_update()  # PostgreSQL: one writer of the position at a time (SQLite: BEGIN IMMEDIATE)
    row = conn.execute(q).one()
    return _LocalState(row.seq or 0, row.epoch, row.platform_id, row.active_pass, row.pass_counter or 0, row.high_water)


def _same_history(b: VerifiedBundle | dict, state: _LocalState) -> bool:
    platform_id = b.platform_id if isinstance(b, VerifiedBundle) else b["platform_id"]
    epoch = b.epoch if isinstance(b, VerifiedBundle) else b["epoch"]
    return state.epoch == epoch and state.platform_id in (None, platform_id)


def _check_position(platform_id: str, epoch: str, after: int, state: _LocalState) -> None:
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


def _hash_part(archive: _Archive, part: PartInfo) -> tuple[str, int]:
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


def _verify(archive: _Archive, engine: Engine) -> VerifiedBundle:
    started = time.perf_counter()
    limits = archive.limits
    entries = archive.entries

    # 1. manifest: enough to know whose signature to check
    if MANIFEST_NAME not in entries:
        raise BundleRefused("manifest", "压缩包中没有 manifest.json")
    if entries[MANIFEST_NAME].file_size > limits.max_manifest_bytes:
        raise BundleRefused("too_large", f"manifest.json 超过 {_size(limits.max_manifest_bytes)}")
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
        state = _read_state(conn)
    _check_position(platform_id, epoch, after, state)

    # 5. every part's content
    threads = max(1, min(limits.threads, len(parts)))
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

    return VerifiedBundle(
        path=archive.path, platform_id=platform_id, epoch=epoch, bundle_id=bundle_id, created_at=created_at,
        after=after, next=next_seq, key_id=key_id, person_key=person_key, parts=tuple(parts),
        local_seq=state.seq, local_epoch=state.epoch, seconds=time.perf_counter() - started, manifest=m,
    )  # fmt: skip


def verify_bundle(path: str | os.PathLike, engine: Engine, limits: BundleLimits | None = None) -> VerifiedBundle:
    """Check everything about the bundle at ``path`` against ``engine``'s keys and position; change nothing.

    Raises :class:`BundleRefused`.
    """
    with _Archive(path, limits or BundleLimits()) as archive:
        return _verify(archive, engine)


# ---------------------------------------------------------------------------
# Applying
# ---------------------------------------------------------------------------


class _PartEnd:
    """The end of a part's bytes, with their SHA-256 (from the read-ahead thread)."""

    __slots__ = ("sha256",)

    def __init__(self, sha256: str) -> None:
        self.sha256 = sha256


class _ReadFailed:
    __slots__ = ("exc",)

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


class _ReadAhead:
    """The parts' bytes, inflated and hashed on a helper thread a few chunks ahead.

    Inflating (ISA-L or zlib) and SHA-256 release the interpreter lock for each
    256 KiB chunk, so they run on the other core while the calling thread parses
    and writes. Items come in order: each part's chunks, then a :class:`_PartEnd`;
    a failure of the thread is raised on the caller's side. At most ``DEPTH``
    chunks wait (a few MiB). :meth:`close` stops and joins the thread.
    """

    DEPTH = 8

    def __init__(self, archive: _Archive, parts: tuple[PartInfo, ...]) -> None:
        self._queue: queue.Queue[Any] = queue.Queue(self.DEPTH)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(archive, parts), name="bundle-read", daemon=True)
        self._thread.start()

    def _run(self, archive: _Archive, parts: tuple[PartInfo, ...]) -> None:
        try:
            for part in parts:
                digest = hashlib.sha256()
                for chunk in archive.stream(part.name, archive.limits.max_part_bytes):
                    digest.update(chunk)
                    if not self._put(chunk):
                        return
                if not self._put(_PartEnd(digest.hexdigest())):
                    return
        except BaseException as exc:  # handed to the reading side, raised there
            self._put(_ReadFailed(exc))

    def _put(self, item: Any) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def get(self) -> Any:
        item = self._queue.get()
        if item.__class__ is _ReadFailed:
            raise item.exc
        return item

    def close(self) -> None:
        self._stop.set()
        self._thread.join()


class _ChangeReader:
    """Change objects from the parts, in order: hashes recomputed, lines parsed, ``seq`` checked.

    The parts are read again after verification (constant memory: nothing is kept
    or extracted), so their SHA-256 is computed again while reading (on the
    read-ahead thread) and compared at the end of each part: a part that changed
    on the medium since it was verified raises ``part_hash`` before the import
    can commit, and the transaction takes back whatever of it was written.
    """

    def __init__(self, archive: _Archive, bundle: VerifiedBundle) -> None:
        self.archive = archive
        self.bundle = bundle
        self.last = bundle.after
        self._ahead: _ReadAhead | None = None

    def __enter__(self) -> "_ChangeReader":
        return self

    def __exit__(self, *exc: object) -> None:
        if self._ahead is not None:
            self._ahead.close()

    def __iter__(self) -> Iterator[dict[str, Any]]:
        self._ahead = ahead = _ReadAhead(self.archive, self.bundle.parts)
        try:
            for part in self.bundle.parts:
                yield from self._part(part, ahead)
        finally:
            ahead.close()

    def _part(self, part: PartInfo, ahead: _ReadAhead) -> Iterator[dict[str, Any]]:
        max_line = self.archive.limits.max_line_bytes
        loads, next_seq = orjson.loads, self.bundle.next
        last = self.last
        n = 0
        rest = b""
        while True:
            chunk = ahead.get()
            if chunk.__class__ is _PartEnd:
                break
            if rest:
                chunk = rest + chunk
            lines = chunk.split(b"\n")
            rest = lines.pop()
            if len(rest) > max_line:
                raise BundleRefused("too_large", f"分卷 {part.name} 第 {n + 1:,} 行超过 {_size(max_line)}")
            for line in lines:
                n += 1
                # The common case inline; anything unusual is diagnosed by _refuse_line.
                try:
                    change = loads(line)
                    seq = change["seq"]
                    if seq.__class__ is not int or not last < seq <= next_seq or len(line) > max_line:
                        raise ValueError
                except (orjson.JSONDecodeError, TypeError, KeyError, ValueError, AttributeError):
                    self.last = last
                    self._refuse_line(line, part, n)
                last = seq
                yield change
        if rest:
            n += 1
            self.last = last
            change = self._parse(rest, part, n)
            last = self.last
            yield change
        self.last = last
        # The medium may have changed since verification: the bytes applied are the bytes signed.
        if chunk.sha256 != part.sha256:
            raise BundleRefused("part_hash", f"分卷 {part.name} 在校验之后发生了变化（SHA-256 不符），已全部撤销")
        if n != part.count:
            raise BundleRefused("part_count", f"分卷 {part.name} 在校验之后发生了变化（行数不符），已全部撤销")

    def _refuse_line(self, line: bytes, part: PartInfo, n: int) -> None:
        """Raise what is wrong with a line the fast path did not accept."""
        if len(line) > self.archive.limits.max_line_bytes:
            raise BundleRefused("too_large", f"分卷 {part.name} 第 {n:,} 行超过 {_size(self.archive.limits.max_line_bytes)}")
        self._parse(line, part, n)
        raise AssertionError("a line refused by the fast path was accepted")  # pragma: no cover

    def _parse(self, line: bytes, part: PartInfo, n: int) -> dict[str, Any]:
        where = f"分卷 {part.name} 第 {n:,} 行"
        if len(line) > self.archive.limits.max_line_bytes:
            raise BundleRefused("too_large", f"{where}超过 {_size(self.archive.limits.max_line_bytes)}")
        try:
            change = orjson.loads(line)
        except orjson.JSONDecodeError:
            raise BundleRefused("part_content", f"{where}不是有效的 JSON") from None
        if not isinstance(change, dict):
            raise BundleRefused("part_content", f"{where}不是 JSON 对象")
        seq = change.get("seq")
        if isinstance(seq, bool) or not isinstance(seq, int):
            raise BundleRefused("part_content", f"{where}的 seq 应为整数，实际为 {seq!r:.40}")
        if seq <= self.last:
            raise BundleRefused("part_content", f"{where}的 seq {seq} 没有严格递增（前一条为 {self.last}）")
        if seq > self.bundle.next:
            raise BundleRefused("part_content", f"{where}的 seq {seq} 超出清单的 next {self.bundle.next}")
        self.last = seq
        return change


def _mark(conn: Connection, marks: dict[str, list[str]], mark: int) -> None:
    """Entities a full snapshot holds but that are already applied: keep them from the sweep."""
    for etype, ids in marks.items():
        if ids:
            table = TABLES[etype]
            conn.execute(update(table).where(table.c.id.in_(ids)).values(sync_pass=mark))
            ids.clear()


class _BulkLoad:
    """The first load of a SQLite database, from a full snapshot, inside the import's transaction.

    Inserting rows one by one into secondary indexes (random keys: USCC, ID digest,
    name cores and initials) touches pages all over them; once the indexes outgrow
    the page cache, every insert reads and spills pages. So they are dropped first
    and created again at the end, each by one sort (``PRAGMA threads``: SQLite's
    sorter works on helper threads, outside the interpreter lock). The name index
    (``subject_name`` and its FTS5 twin) is left out of the load and built once
    from the subject table at the end. DDL is transactional in SQLite: a failure or
    a cancel rolls the indexes back with everything else, and readers (WAL) see
    the database as it was, indexes included, until the commit.
    """

    TABLES = ("subject", "record", "subject_name")
    SORT_THREADS = 2
    SORT_CACHE_KIB = 16 * 1024

    def __init__(self, indexes: list[tuple[str, str]]) -> None:
        self.indexes = indexes  # (name, CREATE INDEX statement), in schema order

    @staticmethod
    def applies(conn: Connection) -> bool:
        if conn.dialect.name != "sqlite":
            return False
        for table in (*TABLES.values(), models.SubjectName.__table__):
            if conn.exec_driver_sql(f"SELECT 1 FROM {table.name} LIMIT 1").first() is not None:
                return False
        return True

    @classmethod
    def begin(cls, conn: Connection) -> "_BulkLoad":
        marks = ", ".join("?" * len(cls.TABLES))
        indexes = [
            (name, sql)
            for name, sql in conn.exec_driver_sql(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({marks}) ORDER BY rowid",
                cls.TABLES,
            )
        ]
        for name, _ in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        return cls(indexes)

    def finish(self, conn: Connection, check_cancel: Callable[[], None]) -> None:
        check_cancel()
        started = time.perf_counter()
        names = rebuild_names(conn, between=check_cancel)
        log.info("bulk load: %s name index rows in %.1f s", names, time.perf_counter() - started)
        run = conn.exec_driver_sql
        threads = int(run("PRAGMA threads").scalar() or 0)
        cache = int(run("PRAGMA cache_size").scalar() or 0)
        # The sorter keeps runs of up to cache_size bytes in memory, one per thread at work:
        # with the 64 MiB page cache that was +150 MB at 1M subjects. Runs of 16 MiB keep it
        # to a few tens of MB and sort faster (they fit the processor's caches better).
        run(f"PRAGMA threads = {self.SORT_THREADS}")
        run(f"PRAGMA cache_size = -{self.SORT_CACHE_KIB}")
        try:
            for name, sql in self.indexes:
                check_cancel()
                started = time.perf_counter()
                run(sql)
                log.info("bulk load: index %s built in %.1f s", name, time.perf_counter() - started)
        finally:
            run(f"PRAGMA threads = {threads}")
            run(f"PRAGMA cache_size = {cache}")


def _apply(
    archive: _Archive,
    bundle: VerifiedBundle,
    engine: Engine,
    progress: Callable[[int, int], None] | None,
    should_cancel: Callable[[], bool] | None,
    started: float,
    batch_size: int,
) -> ImportResult:
    total = bundle.total_changes
    applier = ChangeApplier(engine, source="bundle")
    result = BatchResult()
    skipped = swept = done = 0

    def check_cancel() -> None:
        if should_cancel is not None and should_cancel():
            raise BundleRefused("cancelled", "导入已取消，数据包中的变更一条也没有写入")

    # Change objects are parsed here, outside apply_in: the whole import runs with fewer
    # collector passes (a batch of parsed changes is thousands of live containers).
    with _fewer_gc_passes(), write_transaction(engine) as conn:
        state = _read_state(conn, lock=True)
        # The position may have moved since verification (a sync): check again under the lock.
        _check_position(bundle.platform_id, bundle.epoch, bundle.after, state)
        same = _same_history(bundle, state)
        local = state.seq if same else 0
        if same and bundle.next <= local:
            log.info("bundle %s: database already at seq %s >= next %s, nothing to apply", bundle.bundle_id, local, bundle.next)
            if progress:
                progress(total, total)
            return ImportResult(
                bundle, 0, 0, 0, 0, total, 0, True, state.seq, state.seq, state.epoch, state.epoch,
                time.perf_counter() - started,
            )  # fmt: skip
        if bundle.full:
            mark: int | None = state.pass_counter + 1
            conn.execute(update(_state).where(_state.c.id == 1).values(pass_counter=mark, active_pass=mark))
        else:
            mark = state.active_pass  # as ChangeApplier.apply: an online full pass in progress keeps its mark
        # A full snapshot into an empty SQLite database (the first load): the secondary
        # indexes are dropped and built again at the end, by sorting, and the name index is
        # built once from the loaded subjects (see _BulkLoad). All inside this transaction.
        bulk = _BulkLoad.begin(conn) if bundle.full and _BulkLoad.applies(conn) else None
        if bulk is not None:
            applier = ChangeApplier(engine, source="bundle", names=False)
        marks: dict[str, list[str]] = {etype: [] for etype in TABLES}
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            check_cancel()
            if batch:
                result.add(applier.apply_in(conn, batch, mark))
                batch.clear()
            if bundle.full:
                _mark(conn, marks, mark)  # type: ignore[arg-type]
            if progress:
                progress(done, total)

        if progress:
            progress(0, total)
        pending_marks = 0
        with _ChangeReader(archive, bundle) as reader:
            for change in reader:
                done += 1
                if change["seq"] <= local:
                    skipped += 1
                    if bundle.full and change.get("op") == "upsert" and change.get("type") in TABLES:
                        eid = change.get("id")
                        if isinstance(eid, str):
                            marks[change["type"]].append(eid)
                            pending_marks += 1
                else:
                    batch.append(change)
                if len(batch) >= batch_size or pending_marks >= batch_size:
                    flush()
                    pending_marks = 0
        flush()
        if bulk is not None:
            bulk.finish(conn, check_cancel)  # nothing to sweep: every row was written by this pass
        elif bundle.full:
            swept = applier.sweep_in(conn, mark)  # type: ignore[arg-type]
        values: dict[str, Any] = {
            "seq": bundle.next, "epoch": bundle.epoch, "platform_id": bundle.platform_id, "as_of": bundle.created_at,
            "person_key": remember_person_key(bundle.person_key), "updated_at": dt.datetime.now(dt.timezone.utc),
        }  # fmt: skip
        if bundle.full:
            values["active_pass"] = None  # this snapshot completed a full pass
        if not same or (state.high_water is not None and state.high_water < bundle.next):
            values["high_water"] = bundle.next
        conn.execute(update(_state).where(_state.c.id == 1).values(**values))
        check_cancel()  # last chance: nothing is committed yet
    log.info(
        "imported bundle %s (%s %s, after %s next %s): %s upserted, %s deleted, %s rejected, %s skipped, %s swept",
        bundle.bundle_id, bundle.platform_id, bundle.epoch, bundle.after, bundle.next,
        result.upserted, result.deleted, result.rejected, skipped, swept,
    )  # fmt: skip
    return ImportResult(
        bundle, result.upserted, result.deleted, result.rejected, result.ignored, skipped, swept, False,
        state.seq, bundle.next, state.epoch, bundle.epoch, time.perf_counter() - started,
    )  # fmt: skip


def import_bundle(
    path: str | os.PathLike,
    engine: Engine,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    *,
    limits: BundleLimits | None = None,
    batch_size: int = BATCH,
) -> ImportResult:
    """Verify the bundle at ``path``, then apply it all or nothing.

    ``progress(done, total)`` counts change lines read (after verification);
    ``should_cancel()`` is asked between batches and before the commit — if it
    says so, :class:`BundleRefused` ``cancelled`` is raised and nothing is
    applied. Any other failure while applying also rolls everything back
    (refusals as :class:`BundleRefused`, database errors as themselves).
    """
    started = time.perf_counter()
    try:
        with _Archive(path, limits or BundleLimits()) as archive:
            bundle = _verify(archive, engine)
            return _apply(archive, bundle, engine, progress, should_cancel, started, batch_size)
    except BundleRefused as exc:
        log.warning("bundle %s refused: %s: %s", path, exc.check, exc.message)
        raise
