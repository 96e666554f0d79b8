"""The reference platform server: protocol version 1 over plain HTTP on loopback.

``PlatformServer`` keeps its change feed in a SQLite changelog that holds the
latest change of each ``(type, id)`` only: when an entity changes again its
old entry goes and the new one gets the next ``seq``. Deletes stay as
tombstones, which the feed sends only to clients that start after 0 (protocol
3.3: the feed from 0 holds the live entities alone). Submissions are kept in
the same database, so a restarted server still answers ``duplicate``.

For the client's robustness tests, :class:`Misbehaviour` switches on busy
answers, failures, delays, cut and reset connections, overlapping pages and
submissions that are stored but never answered. Every misbehaviour still keeps
the feed's guarantees (``seq`` strictly increasing within a response, ``next``
the ``seq`` of the last change returned).

Paths are served under ``/exchange`` (the base URL that :meth:`start`
returns): ``/exchange/api/v1/meta``, ``/exchange/api/v1/changes`` and
``/exchange/api/v1/submissions``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hmac
import ipaddress
import os
import re
import socket
import sqlite3
import struct
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import parse_qs, urlsplit

import orjson

from creditdesk_platform import bundles

BASE_PATH = "/exchange"
API = BASE_PATH + "/api/v1"
MAX_LIMIT = 5000
DEFAULT_LIMIT = 1000
MAX_ITEMS = 500
MAX_BODY_BYTES = 32 * 1024 * 1024
SUBMISSION_KINDS = ("review", "commitment", "commitment_status", "objection", "review_override", "credit_review_request",
                    "audit_head")
# 信用审查申请 (docs/submissions.md): whom the centre answers, about whom, for what.
CREDIT_REVIEW_REQUIRED = ("unit", "officer", "subject_id", "matter", "due_on")
REVIEW_REQUIRED = ("unit", "officer", "subject_id")
DEFAULT_PLATFORM_NAME = "信用福州（演示）公共信用信息平台"
DB_NAME = "platform.sqlite3"

_CST = dt.timezone(dt.timedelta(hours=8))
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_DIGITS = re.compile(r"[0-9]{1,18}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_CHAIN = re.compile(r"[0-9a-f]{8,64}")


def demo_person_key(seed: int = 2026) -> bytes:
    """The person key of ``DemoCity(seed=seed)`` (the default city's, 2026)."""
    from creditdesk.demo.city import DemoCity

    return DemoCity(subjects=0, seed=seed).person_key


@dataclass
class Misbehaviour:
    """What the server does wrong, settable at any time from the test thread.

    Counters (``*_next``) count down by one per request they hit. Checked in
    this order per request: ``reset_next``, ``fail_next``, ``rate_limit_every``,
    ``slow_seconds``; then the request is handled, and its response may be
    hit by ``drop_after_commit_next`` (submissions only) or ``cut_next``.
    """

    rate_limit_every: int = 0  # every N-th request (counted since the value was set) answers 429
    retry_after: str = "1"  # the Retry-After value of 429 and 503 answers ("0.2" is fine for fast tests)
    fail_next: int = 0  # the next N requests answer fail_status
    fail_status: int = 503
    slow_seconds: float = 0.0  # delay before answering each request
    cut_next: int = 0  # the next N responses: headers and part of the body, then the socket closes
    reset_next: int = 0  # the next N requests: the connection is reset without any response
    duplicate_pages: bool = False  # changes pages (after > 0) start with up to half a page already sent
    drop_after_commit_next: int = 0  # the next N submissions: items stored, then the connection drops


class _Changelog:
    """The SQLite changelog and submission store (one connection, one lock)."""

    def __init__(self, path: Path, epoch: str):
        self.lock = threading.RLock()
        self.path = path
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA journal_size_limit=67108864")  # the WAL shrinks back after a big load
        self.db.executescript(
            """
            CREATE TABLE IF NOT EXISTS changelog (
                seq INTEGER PRIMARY KEY,
                type TEXT NOT NULL,
                id TEXT NOT NULL,
                op TEXT NOT NULL,
                data BLOB,
                UNIQUE (type, id)
            );
            CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS submissions (
                uid TEXT PRIMARY KEY,
                client_id TEXT NOT NULL,
                received_at TEXT NOT NULL,
                item BLOB NOT NULL
            );
            """
        )
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("INSERT OR IGNORE INTO state (key, value) VALUES ('epoch', ?)", (epoch,))
            self.db.execute("INSERT OR IGNORE INTO state (key, value) VALUES ('oldest_seq', '0')")
            self.db.execute("INSERT OR IGNORE INTO state (key, value) VALUES ('high_water', '0')")
            self.db.execute("COMMIT")

    # The state is read from the database every time, so that another process
    # (``creditdesk-platform add-demo-delta``) may write to a served changelog.

    def state(self) -> tuple[str, int, int]:
        """``(epoch, oldest_seq, high_water)``."""
        with self.lock:
            st = dict(self.db.execute("SELECT key, value FROM state"))
        return st["epoch"], int(st["oldest_seq"]), int(st["high_water"])

    @property
    def epoch(self) -> str:
        return self.state()[0]

    @property
    def oldest_seq(self) -> int:
        return self.state()[1]

    @property
    def high_water(self) -> int:
        return self.state()[2]

    def _save_state(self, epoch: str, oldest_seq: int, high_water: int) -> None:
        self.db.executemany(
            "UPDATE state SET value = ? WHERE key = ?",
            [(epoch, "epoch"), (str(oldest_seq), "oldest_seq"), (str(high_water), "high_water")],
        )

    @property
    def is_empty(self) -> bool:
        with self.lock:
            return self.db.execute("SELECT 1 FROM changelog LIMIT 1").fetchone() is None

    def append(self, changes: Iterable[dict], *, reset: bool = False, epoch: str | None = None) -> int:
        """Give each change the next seq; a change of a known (type, id) replaces its old entry."""

        seq = 0

        def rows() -> Iterator[tuple]:
            nonlocal seq
            for change in changes:
                op, etype, eid = change.get("op"), change.get("type"), change.get("id")
                if not (isinstance(op, str) and isinstance(etype, str) and isinstance(eid, str)):
                    raise ValueError(f"a change needs string op, type and id: {change!r}")
                seq += 1
                data = None if op == "delete" else orjson.dumps(change.get("data"))
                yield seq, etype, eid, op, data

        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                current_epoch, oldest, seq = self.state()
                if reset:
                    self.db.execute("DELETE FROM changelog")
                    seq = oldest = 0
                    current_epoch = current_epoch if epoch is None else epoch
                self.db.executemany(
                    "INSERT OR REPLACE INTO changelog (seq, type, id, op, data) VALUES (?, ?, ?, ?, ?)", rows()
                )
                self._save_state(current_epoch, oldest, seq)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            if reset:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return seq

    def expire_before(self, seq: int) -> None:
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            epoch, _oldest, high_water = self.state()
            # Tombstones before the oldest cursor are out of every client's reach.
            self.db.execute("DELETE FROM changelog WHERE seq < ? AND op = 'delete'", (seq,))
            self._save_state(epoch, seq, high_water)
            self.db.execute("COMMIT")

    def page(self, after: int, limit: int, overlap: int = 0) -> tuple[list[tuple], bool, int]:
        """Up to ``limit`` rows after ``after`` (live ones only from 0), preceded by up to
        ``overlap`` rows at or before ``after``; whether more follow (from 0: more live ones);
        the high water."""
        live = " AND op != 'delete'" if after == 0 else ""
        overlap = overlap if after > 0 else 0
        with self.lock:
            rows = self.db.execute(
                f"SELECT seq, op, type, id, data FROM changelog WHERE seq > ?{live} ORDER BY seq LIMIT ?",
                (after, limit - overlap),
            ).fetchall()
            if overlap and rows:  # re-send what precedes, but only on a page that also moves on
                old = self.db.execute(
                    "SELECT seq, op, type, id, data FROM changelog WHERE seq <= ? ORDER BY seq DESC LIMIT ?",
                    (after, overlap),
                ).fetchall()
                rows = old[::-1] + rows
            last = rows[-1][0] if rows else after
            # A pass from 0 never sends tombstones, so none of them makes "more" of it either.
            more_live = " AND op != 'delete'" if after == 0 else ""
            has_more = (
                self.db.execute(f"SELECT 1 FROM changelog WHERE seq > ?{more_live} LIMIT 1", (last,)).fetchone()
                is not None
            )
            high_water = self.high_water
        return rows, has_more, high_water

    def snapshot(self, after: int, batch: int = 5000) -> tuple[str, int, Iterator[dict]]:
        """``(epoch, high_water, changes)``: every change after ``after`` (live ones only from 0) as
        feed objects, streamed from one read snapshot on a connection of its own, so that writes
        meanwhile neither block on it nor tear it."""
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            db.execute("BEGIN")
            st = dict(db.execute("SELECT key, value FROM state"))
        except BaseException:
            db.close()
            raise
        live = " AND op != 'delete'" if after == 0 else ""

        def changes() -> Iterator[dict]:
            position = after
            try:
                while True:
                    rows = db.execute(
                        f"SELECT seq, op, type, id, data FROM changelog WHERE seq > ?{live} ORDER BY seq LIMIT ?",
                        (position, batch),
                    ).fetchall()
                    if not rows:
                        return
                    for row in rows:
                        yield _change(row, fragment=False)
                    position = rows[-1][0]
            finally:
                db.close()

        return st["epoch"], int(st["high_water"]), changes()

    # --- submissions ---

    def load_submissions(self) -> dict[str, dict]:
        with self.lock:
            return {uid: orjson.loads(item) for uid, item in self.db.execute("SELECT uid, item FROM submissions")}

    def store_submissions(self, rows: list[tuple[str, str, str, bytes]]) -> None:
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("INSERT OR IGNORE INTO submissions VALUES (?, ?, ?, ?)", rows)
            self.db.execute("COMMIT")

    def close(self) -> None:
        with self.lock:
            self.db.close()


def _change(row: tuple, *, fragment: bool = True) -> dict:
    seq, op, etype, eid, data = row
    change = {"seq": seq, "op": op, "type": etype, "id": eid}
    if op != "delete":
        change["data"] = orjson.Fragment(data) if fragment else orjson.loads(data)
    return change


class _Dropped(Exception):
    """The connection was closed on purpose: no response to send."""


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    platform: "PlatformServer"


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        self.server.platform._connections.add(self.connection)
        try:  # headers and body are written apart: without this the body waits for a delayed ACK
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    def finish(self) -> None:
        self.server.platform._connections.discard(self.connection)
        super().finish()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet: tests read server.requests
        pass

    def do_GET(self) -> None:
        self.server.platform._handle(self, "GET")

    def do_POST(self) -> None:
        self.server.platform._handle(self, "POST")

    def do_PUT(self) -> None:
        self.server.platform._handle(self, "PUT")

    def do_DELETE(self) -> None:
        self.server.platform._handle(self, "DELETE")

    def do_HEAD(self) -> None:
        self.server.platform._handle(self, "HEAD")


class _Reply:
    def __init__(self, status: int, body: object, headers: dict[str, str] | None = None):
        self.status = status
        self.body = body
        self.headers = headers or {}


_STATUS_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 410: "cursor_expired",
    413: "too_large", 422: "invalid", 429: "rate_limited", 503: "unavailable",
}


def _error(status: int, code: str, message: str, **headers: str) -> _Reply:
    return _Reply(status, {"error": code, "message": message}, headers)


def _wants_gzip(header: str | None) -> bool:
    if not header:
        return False
    for token in header.split(","):
        name, _, params = token.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            q = params.strip().lower()
            if q.startswith("q="):
                try:
                    return float(q[2:]) > 0
                except ValueError:
                    return False
            return True
    return False


class PlatformServer:
    """A city credit platform speaking protocol version 1, for tests and demos.

    ``person_key`` defaults to the key of ``DemoCity(seed=2026)`` (the default
    demo city); pass ``city.person_key`` when serving another seed, or use
    :meth:`for_city`. With a ``state_dir`` that already holds a changelog,
    that changelog (and its epoch) is served; otherwise it starts empty with
    ``epoch``. The signing key for bundles lives in the state dir too
    (``signing-key.pem``); without a state dir a temporary one is used.

    ``requests`` logs ``(method, target, status)`` per request, ``target``
    with its query string, ``status`` 0 when no response was sent (reset or
    dropped connection). ``submissions`` maps each accepted uid to the item as
    it was sent.
    """

    def __init__(
        self,
        *,
        platform_id: str = "demo-fuzhou",
        platform_name: str = DEFAULT_PLATFORM_NAME,
        region_code: str = "350100",
        epoch: str = "2026-01-demo",
        token: str = "test-token",
        allowed_clients: set[str] | None = None,
        forbidden_clients: set[str] = frozenset(),
        person_key: bytes | None = None,
        state_dir: str | Path | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ):
        try:
            is_loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            is_loopback = False
        if not is_loopback:
            raise ValueError(f"the reference platform serves loopback only, not {host!r}")
        self.platform_id = platform_id
        self.platform_name = platform_name
        self.region_code = region_code
        self.token = token
        self.allowed_clients = allowed_clients
        self.forbidden_clients = set(forbidden_clients)
        self.person_key = demo_person_key() if person_key is None else person_key
        self.host = "127.0.0.1" if host == "localhost" else host
        self.port = port
        self._tmp = None
        if state_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="creditdesk-platform-")
            state_dir = self._tmp.name
        self.state_dir = Path(state_dir)
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.key_id, self.signing_key = bundles.load_or_create_key(self.state_dir)
        self._log = _Changelog(self.state_dir / DB_NAME, epoch)
        self.misbehaviour = Misbehaviour()
        self.submissions: dict[str, dict] = self._log.load_submissions()
        # Audit chain heads reported by the windows (docs/submissions.md, audit_head): chain -> {seq: hash}.
        self.audit_heads: dict[str, dict[int, str]] = {}
        for item in sorted((i for i in self.submissions.values() if i.get("kind") == "audit_head"),
                           key=lambda i: (i["data"].get("seq") or 0)):
            self.audit_heads.setdefault(item["data"]["chain"], {})[int(item["data"]["seq"])] = item["data"]["hash"]
        self.requests: list[tuple[str, str, int]] = []
        self._lock = threading.Lock()
        self._rate_count = 0
        self._rate_every = 0
        self._connections: set[socket.socket] = set()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.base_url: str | None = None

    @classmethod
    def for_city(cls, city, **kwargs) -> "PlatformServer":
        """A server for a ``DemoCity``: its platform id, name, region, epoch and person key, its feed loaded
        (unless the state dir already holds a changelog)."""
        kwargs.setdefault("platform_id", city.platform_id)
        kwargs.setdefault("platform_name", city.platform_name)
        kwargs.setdefault("region_code", city.region_code)
        kwargs.setdefault("epoch", city.epoch)
        kwargs.setdefault("person_key", city.person_key)
        server = cls(**kwargs)
        if server._log.is_empty:
            server.load(city.changes())
        return server

    # --- data ---------------------------------------------------------------------

    @property
    def epoch(self) -> str:
        return self._log.epoch

    @property
    def high_water(self) -> int:
        return self._log.high_water

    @property
    def oldest_seq(self) -> int:
        return self._log.oldest_seq

    @property
    def has_data(self) -> bool:
        return not self._log.is_empty

    def load(self, changes: Iterable[dict]) -> None:
        """Replace the data set (same epoch): the changes get seq 1..n, whatever seq they carry."""
        self._log.append(changes, reset=True)

    def add_changes(self, changes: Iterable[dict]) -> int:
        """Append upserts and deletes (``op``, ``type``, ``id``, ``data``) with new seqs; returns high water."""
        return self._log.append(changes)

    def rebuild(self, new_epoch: str, changes: Iterable[dict]) -> None:
        """A rebuilt data set under a new epoch: seqs restart at 1, no cursor is expired."""
        self._log.append(changes, reset=True, epoch=new_epoch)

    def expire_cursors_before(self, seq: int) -> None:
        """``oldest_seq = seq``: a request with ``0 < after < seq`` gets 410 cursor_expired."""
        self._log.expire_before(seq)

    def iter_changes(self, after: int = 0) -> Iterator[dict]:
        """The feed from ``after`` in one stream (one consistent snapshot, no misbehaviour)."""
        return self._log.snapshot(after)[2]

    def public_key_b64(self) -> str:
        return bundles.public_key_b64(self.signing_key)

    def write_bundle(self, path, *, after: int = 0, part_size: int = 50_000, **kwargs) -> dict:
        """A signed bundle of the changelog from ``after`` (0: a full snapshot of live entities),
        up to the high water (the manifest's ``next``), from one consistent snapshot."""
        epoch, high_water, changes = self._log.snapshot(after)
        try:
            return bundles.write_bundle(
                path,
                platform_id=self.platform_id,
                epoch=epoch,
                after=after,
                next_seq=high_water,
                key_id=self.key_id,
                private_key=self.signing_key,
                person_key_b64=bundles.b64(self.person_key),
                changes=changes,
                part_size=part_size,
                **kwargs,
            )
        finally:
            changes.close()

    def meta(self) -> dict:
        epoch, oldest_seq, high_water = self._log.state()
        return {
            "protocol": 1,
            "platform_id": self.platform_id,
            "platform_name": self.platform_name,
            "region_code": self.region_code,
            "server_time": dt.datetime.now(_CST).replace(microsecond=0).isoformat(),
            "epoch": epoch,
            "oldest_seq": oldest_seq,
            "high_water": high_water,
            "person_key": bundles.b64(self.person_key),
            "signing_keys": [{"key_id": self.key_id, "alg": "ed25519", "public_key": self.public_key_b64()}],
        }

    # --- serving ------------------------------------------------------------------

    def start(self) -> str:
        """Serve in a background thread; returns the base URL ``http://127.0.0.1:PORT/exchange``."""
        if self._httpd is not None:
            raise RuntimeError("already serving")
        cls = _HTTPServer6 if ":" in self.host else _HTTPServer
        httpd = cls((self.host, self.port), _Handler)
        httpd.platform = self
        self._httpd = httpd
        port = httpd.server_address[1]
        self.port = port  # a restart comes back on the same port
        host = f"[{self.host}]" if ":" in self.host else self.host
        self.base_url = f"http://{host}:{port}{BASE_PATH}"
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name=f"platform-{port}", daemon=True
        )
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        """Stop serving (the data stays; :meth:`start` serves it again on the same port)."""
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        for conn in list(self._connections):  # keep-alive connections end with the server
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None

    def close(self) -> None:
        """Stop and release the database (and a temporary state dir)."""
        self.stop()
        self._log.close()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> "PlatformServer":
        if self._httpd is None:
            self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- request handling ---------------------------------------------------------------

    def _take(self, name: str) -> bool:
        """Decrement a ``*_next`` misbehaviour counter if it is positive."""
        with self._lock:
            value = getattr(self.misbehaviour, name)
            if value > 0:
                setattr(self.misbehaviour, name, value - 1)
                return True
            return False

    def _rate_limited(self) -> bool:
        with self._lock:
            every = self.misbehaviour.rate_limit_every
            if every != self._rate_every:
                self._rate_every = every
                self._rate_count = 0
            if every <= 0:
                return False
            self._rate_count += 1
            return self._rate_count % every == 0

    def _record(self, method: str, target: str, status: int) -> None:
        with self._lock:
            self.requests.append((method, target, status))

    def _handle(self, h: _Handler, method: str) -> None:
        target = h.path
        try:
            m = self.misbehaviour
            if self._take("reset_next"):
                self._reset(h)
                raise _Dropped
            reply = self._read_body(h)
            if reply is not None:
                pass
            elif self._take("fail_next"):
                status = m.fail_status
                headers = {"Retry-After": m.retry_after} if status in (429, 503) else {}
                reply = _error(status, _STATUS_CODES.get(status, "server_error"), f"故障演示：HTTP {status}", **headers)
            elif self._rate_limited():
                reply = _error(429, "rate_limited", "请求过于频繁，请稍后重试", **{"Retry-After": m.retry_after})
            else:
                if m.slow_seconds > 0:
                    time.sleep(m.slow_seconds)
                reply = self._route(h, method, target)
            self._send(h, method, target, reply)
        except _Dropped:
            self._record(method, target, 0)
            h.close_connection = True
        except (ConnectionError, TimeoutError):
            h.close_connection = True
        except Exception as exc:  # a bug, or the store closed under a slow request
            h.close_connection = True
            if self._httpd is None:
                return  # stopped meanwhile: just drop it
            try:
                self._send(h, method, target, _error(500, "internal", f"{type(exc).__name__}: {exc}"))
            except OSError:
                pass

    @staticmethod
    def _read_body(h: _Handler) -> _Reply | None:
        """Read the request body into ``h.body`` (so that a keep-alive connection stays in step)."""
        h.body = b""
        if h.headers.get("Transfer-Encoding"):
            h.close_connection = True
            return _error(411, "length_required", "不支持分块传输，请给出 Content-Length")
        length_text = h.headers.get("Content-Length")
        if length_text is None:
            return None
        if not length_text.isdigit():
            h.close_connection = True
            return _error(400, "bad_request", "Content-Length 无效")
        length = int(length_text)
        if length > MAX_BODY_BYTES:
            h.close_connection = True  # not worth reading: the connection goes
            return _error(413, "too_large", f"请求体超过 {MAX_BODY_BYTES} 字节，请分批提交")
        h.body = h.rfile.read(length)
        if len(h.body) < length:
            raise ConnectionError("request body cut short")
        return None

    @staticmethod
    def _reset(h: _Handler) -> None:
        """Close the connection with an RST and no response."""
        h.close_connection = True
        try:
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            # Close the descriptor now: a later shutdown() would send a FIN before the RST.
            os.close(h.connection.detach())
        except OSError:
            pass

    def _send(self, h: _Handler, method: str, target: str, reply: _Reply) -> None:
        body = b"" if reply.body is None else orjson.dumps(reply.body)
        headers = {"Content-Type": "application/json; charset=utf-8", **reply.headers}
        if len(body) >= 256 and _wants_gzip(h.headers.get("Accept-Encoding")):
            body = gzip.compress(body, compresslevel=5, mtime=0)
            headers["Content-Encoding"] = "gzip"
        headers["Vary"] = "Accept-Encoding"
        headers["Content-Length"] = str(len(body))
        cut = self._take("cut_next")
        # Recorded before the reply goes out: a client that has its answer finds it in the log.
        self._record(method, target, reply.status)
        h.send_response(reply.status)
        for name, value in headers.items():
            h.send_header(name, value)
        if cut:
            h.send_header("Connection", "close")
        h.end_headers()
        if method != "HEAD":
            h.wfile.write(body[: len(body) // 2] if cut else body)
            h.wfile.flush()
        if cut:
            h.close_connection = True

    def _route(self, h: _Handler, method: str, target: str) -> _Reply:
        client_id = h.headers.get("X-Client-Id", "").strip()
        auth = h.headers.get("Authorization", "")
        scheme, _, given = auth.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.token.encode()):
            return _error(401, "unauthorized", "令牌缺失、错误或已吊销", **{"WWW-Authenticate": "Bearer"})
        if not client_id:
            return _error(401, "unauthorized", "缺少 X-Client-Id")
        if client_id in self.forbidden_clients or (
            self.allowed_clients is not None and client_id not in self.allowed_clients
        ):
            return _error(403, "forbidden", f"终端 {client_id} 无权访问本平台")
        parts = urlsplit(target)
        routes = {
            API + "/meta": ("GET", self._get_meta),
            API + "/changes": ("GET", self._get_changes),
            API + "/submissions": ("POST", self._post_submissions),
        }
        route = routes.get(parts.path)
        if route is None:
            return _error(404, "not_found", f"未知路径 {parts.path}")
        allowed, handler = route
        if method != allowed and not (method == "HEAD" and allowed == "GET"):
            return _error(405, "method_not_allowed", f"{parts.path} 只接受 {allowed}", Allow=allowed)
        return handler(h, client_id, parts.query)

    def _get_meta(self, h: _Handler, client_id: str, query: str) -> _Reply:
        return _Reply(200, self.meta())

    def _get_changes(self, h: _Handler, client_id: str, query: str) -> _Reply:
        try:
            params = parse_qs(query, keep_blank_values=True, strict_parsing=bool(query))
        except ValueError:
            return _error(422, "invalid", "查询参数格式错误")
        values = {}
        for name, default, low, high in (("after", 0, 0, None), ("limit", DEFAULT_LIMIT, 1, MAX_LIMIT)):
            given = params.get(name)
            if given is None:
                values[name] = default
                continue
            if len(given) != 1 or not _DIGITS.fullmatch(given[0]):
                return _error(422, "invalid", f"参数 {name} 应为非负整数")
            value = int(given[0])
            if value < low or (high is not None and value > high):
                return _error(422, "invalid", f"参数 {name} 应在 {low}..{high} 之间")
            values[name] = value
        after, limit = values["after"], values["limit"]
        epoch, oldest_seq, _ = self._log.state()
        if after != 0 and after < oldest_seq:
            return _error(410, "cursor_expired", f"位置 {after} 早于平台保留的最早位置 {oldest_seq}，请全量同步")
        overlap = limit // 2 if self.misbehaviour.duplicate_pages else 0
        rows, has_more, high_water = self._log.page(after, limit, overlap)
        return _Reply(200, {
            "changes": [_change(row) for row in rows],
            "next": rows[-1][0] if rows else after,
            "has_more": has_more,
            "high_water": high_water,
            "epoch": epoch,
        })

    def _post_submissions(self, h: _Handler, client_id: str, query: str) -> _Reply:
        raw = h.body
        if h.headers.get("Content-Encoding", "").lower() == "gzip":
            try:
                raw = gzip.decompress(raw)
            except (OSError, EOFError):
                return _error(422, "invalid", "gzip 请求体无法解压")
        try:
            body = orjson.loads(raw)
        except orjson.JSONDecodeError:
            return _error(422, "invalid", "请求体不是有效的 JSON")
        if not isinstance(body, dict) or not isinstance(body.get("items"), list):
            return _error(422, "invalid", '请求体应为 {"items": [...]}')
        items = body["items"]
        if len(items) > MAX_ITEMS:
            return _error(413, "too_large", f"每批最多 {MAX_ITEMS} 项，本批 {len(items)} 项，请分批提交")
        if not all(isinstance(item, dict) for item in items):
            return _error(422, "invalid", "items 的每一项都应为对象")
        results, rows = [], []
        received_at = dt.datetime.now(_CST).replace(microsecond=0).isoformat()
        with self._lock:
            for item in items:
                uid = item.get("uid")
                if isinstance(uid, str) and _UUID.fullmatch(uid) and uid.lower() in self.submissions:
                    results.append({"uid": uid, "status": "duplicate"})
                    continue
                reason = self._check_item(item)
                if reason is None and item.get("kind") == "audit_head":
                    reason = self._check_audit_head(item["data"])
                if reason is None:
                    self.submissions[uid.lower()] = item
                    rows.append((uid.lower(), client_id, received_at, orjson.dumps(item)))
                    results.append({"uid": uid, "status": "accepted"})
                else:
                    results.append({"uid": uid, "status": "rejected", "reason": reason})
            if rows:
                self._log.store_submissions(rows)
        if self._take("drop_after_commit_next"):
            raise _Dropped
        return _Reply(200, {"results": results})

    def _check_audit_head(self, data: dict) -> str | None:
        """A window's audit chain head (called under the lock): it must not go back, and the entry
        last reported must still have the hash reported then — a rewritten chain does not."""
        chain, seq, digest = data.get("chain"), data.get("seq"), data.get("hash")
        if not isinstance(chain, str) or not _CHAIN.fullmatch(chain):
            return "audit_head 的 chain 应为十六进制标识"
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            return "audit_head 的 seq 应为正整数"
        if not isinstance(digest, str) or not _HEX64.fullmatch(digest):
            return "audit_head 的 hash 应为64位小写十六进制"
        known = self.audit_heads.get(chain)
        if known:
            top = max(known)
            if seq < top or (seq == top and known[top] != digest):
                return f"审计链头回退：已收到第 {top} 条，本次为第 {seq} 条（审计日志疑似被恢复或改写）"
            previous = data.get("previous")
            if not isinstance(previous, dict) or not isinstance(previous.get("seq"), int):
                return "audit_head 缺少 previous（上次上报的位置），无法确认审计链未被改写"
            reported = known.get(previous["seq"])
            if reported is not None and reported != previous.get("hash"):
                return (f"审计链与上次上报不符：第 {previous['seq']} 条的哈希已改变"
                        "（审计日志疑似被整体改写）")
        self.audit_heads.setdefault(chain, {})[seq] = digest
        return None

    @staticmethod
    def _check_item(item: dict) -> str | None:
        uid = item.get("uid")
        if not isinstance(uid, str) or not _UUID.fullmatch(uid):
            return f"uid 应为 UUID，实际为 {uid!r}"
        kind = item.get("kind")
        if kind not in SUBMISSION_KINDS:
            return f"kind {kind!r} 不在 {'/'.join(SUBMISSION_KINDS)} 之中"
        data = item.get("data")
        if not isinstance(data, dict):
            return "data 应为对象"
        if kind == "review":
            missing = [f for f in REVIEW_REQUIRED if not (isinstance(data.get(f), str) and data[f].strip())]
            if missing:
                return "核查记录缺少 " + "、".join(missing)
        if kind == "credit_review_request":
            missing = [f for f in CREDIT_REVIEW_REQUIRED if not (isinstance(data.get(f), str) and data[f].strip())]
            if missing:
                return "信用审查申请缺少 " + "、".join(missing)
            if isinstance(data.get("request_id"), str) and data["request_id"].lower() != uid.lower():
                return "信用审查申请的 request_id 应与 uid 相同"
        return None
