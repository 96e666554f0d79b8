"""The change lines of a bundle's parts, in order: inflated and hashed a few chunks ahead, parsed, checked.

Nothing is kept or extracted (constant memory). Each part's SHA-256 and line
count are compared with the signed manifest at the part's end, so bytes that are
not the signed ones are refused (``part_hash``) before an import can commit.
Used by the applier in this process or in its planning process (``.planner``).
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Iterator
from typing import Any

import orjson

from creditdesk.platform.bundle.archive import SafeArchive
from creditdesk.platform.bundle.common import BundleRefused, size_text
from creditdesk.platform.bundle.verify import PartInfo, VerifiedBundle


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

    def __init__(self, archive: SafeArchive, parts: tuple[PartInfo, ...]) -> None:
        self._queue: queue.Queue[Any] = queue.Queue(self.DEPTH)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(archive, parts), name="bundle-read", daemon=True)
        self._thread.start()

    def _run(self, archive: SafeArchive, parts: tuple[PartInfo, ...]) -> None:
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


class ChangeReader:
    """Change objects from the parts, in order: hashed and counted, lines parsed, ``seq`` checked.

    Nothing is kept or extracted (constant memory). Each part's SHA-256 is computed
    while it is read (on the read-ahead thread) and compared at its end, with its
    line count: a part that is not the signed one raises ``part_hash`` before the
    import can commit, and the transaction takes back whatever of it was written.
    """

    def __init__(self, archive: SafeArchive, bundle: VerifiedBundle) -> None:
        self.archive = archive
        self.bundle = bundle
        self.last = bundle.after
        self._ahead: _ReadAhead | None = None
        self._end: _PartEnd | None = None  # the current part's end, once read

    def __enter__(self) -> "ChangeReader":
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
        try:
            yield from self._lines(part, ahead)
        except BundleRefused as exc:
            if exc.check in ("part_content", "too_large"):
                # A line that is no change: if the part's bytes are not the signed ones, that
                # is what is wrong with it (the parts were not hashed before the import).
                self._refuse_if_not_signed(part, ahead, exc)
            raise

    def _refuse_if_not_signed(self, part: PartInfo, ahead: _ReadAhead, exc: BundleRefused) -> None:
        end = self._end
        while end is None:  # the rest of the part, through the read-ahead thread (still hashing)
            item = ahead.get()
            if item.__class__ is _PartEnd:
                end = item
        if end.sha256 != part.sha256:
            raise _not_signed(part) from exc

    def _lines(self, part: PartInfo, ahead: _ReadAhead) -> Iterator[dict[str, Any]]:
        self._end = None
        max_line = self.archive.limits.max_line_bytes
        loads, next_seq = orjson.loads, self.bundle.next
        last = self.last
        n = 0
        rest = b""
        while True:
            chunk = ahead.get()
            if chunk.__class__ is _PartEnd:
                self._end = chunk
                break
            if rest:
                chunk = rest + chunk
            lines = chunk.split(b"\n")
            rest = lines.pop()
            if len(rest) > max_line:
                raise BundleRefused("too_large", f"分卷 {part.name} 第 {n + 1:,} 行超过 {size_text(max_line)}")
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
        # The bytes applied are the bytes signed (hashed here, once, while they are applied).
        if chunk.sha256 != part.sha256:
            raise _not_signed(part)
        if n != part.count:
            raise BundleRefused(
                "part_count", f"分卷 {part.name} 有 {n:,} 行，清单记载 {part.count:,} 条；写入的变更已全部撤销"
            )

    def _refuse_line(self, line: bytes, part: PartInfo, n: int) -> None:
        """Raise what is wrong with a line the fast path did not accept."""
        if len(line) > self.archive.limits.max_line_bytes:
            raise BundleRefused("too_large", f"分卷 {part.name} 第 {n:,} 行超过 {size_text(self.archive.limits.max_line_bytes)}")
        self._parse(line, part, n)
        raise AssertionError("a line refused by the fast path was accepted")  # pragma: no cover

    def _parse(self, line: bytes, part: PartInfo, n: int) -> dict[str, Any]:
        where = f"分卷 {part.name} 第 {n:,} 行"
        if len(line) > self.archive.limits.max_line_bytes:
            raise BundleRefused("too_large", f"{where}超过 {size_text(self.archive.limits.max_line_bytes)}")
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


def _not_signed(part: PartInfo) -> BundleRefused:
    return BundleRefused(
        "part_hash", f"分卷 {part.name} 的 SHA-256 与清单不符：内容被篡改或损坏，写入的变更已全部撤销"
    )
