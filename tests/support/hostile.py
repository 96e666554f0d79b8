"""Hostile platforms on 127.0.0.1: real sockets, one thread per connection, each
misbehaving in one way (tests/test_hostile_feed.py, benchmarks/hostile_feed.py).

Each server answers ``/api/v1/meta`` properly, so a client gets as far as the
change feed, and misbehaves on ``/api/v1/changes``. Bodies are produced as they
are sent (a 600 MB page or a 20 GB gzip bomb costs the server no memory).
"""

from __future__ import annotations

import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from urllib.parse import parse_qs, urlsplit

import orjson

META = {
    "protocol": 1, "platform_id": "hostile", "platform_name": "恶意平台", "region_code": "350100",
    "server_time": "2026-11-21T18:00:00+08:00", "epoch": "e1", "oldest_seq": 0, "high_water": 10,
    "signing_keys": [],
}  # fmt: skip

Handler = Callable[[socket.socket, str, dict], None]


def _send(sock: socket.socket, status: str, body: bytes = b"", headers: dict | None = None) -> None:
    head = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}", "Content-Type: application/json"]
    head += [f"{k}: {v}" for k, v in (headers or {}).items()]
    sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body)


def page(after: int, changes: list | None = None, has_more: bool = True, nxt: int | None = None) -> bytes:
    changes = changes or []
    last = changes[-1]["seq"] if changes else after
    return orjson.dumps(
        {"changes": changes, "next": last if nxt is None else nxt, "has_more": has_more, "high_water": 10, "epoch": "e1"}
    )


class HostileServer:
    """``HostileServer(handler)``: ``handler(sock, path, query)`` answers ``/api/v1/changes``."""

    def __init__(self, changes: Handler) -> None:
        self.changes = changes
        self.requests: list[str] = []
        self.sent = 0  # body bytes the misbehaving handlers sent
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.base_url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/exchange"

    def __enter__(self) -> "HostileServer":
        t = threading.Thread(target=self._serve, daemon=True)
        t.start()
        self._threads.append(t)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=5)
        self._listener.close()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except (TimeoutError, socket.timeout):
                continue
            except OSError:
                return
            t = threading.Thread(target=self._connection, args=(conn,), daemon=True)
            t.start()
            self._threads.append(t)

    def _connection(self, conn: socket.socket) -> None:
        conn.settimeout(10)
        buf = b""
        try:
            while not self._stop.is_set():
                while b"\r\n\r\n" not in buf:
                    data = conn.recv(65536)
                    if not data:
                        return
                    buf += data
                head, _, buf = buf.partition(b"\r\n\r\n")
                target = head.split(b"\r\n", 1)[0].split(b" ")[1].decode()
                parts = urlsplit(target)
                self.requests.append(target)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                if parts.path.endswith("/api/v1/meta"):
                    _send(conn, "200 OK", orjson.dumps(META))
                    continue
                self.changes(conn, parts.path, query)
                # The handlers that misbehave end the connection by returning from here.
                if getattr(conn, "_closed", False):
                    return
        except OSError:
            return
        finally:
            conn.close()


# -- the misbehaviours -------------------------------------------------------------


def stalled(server_ref: list) -> Handler:
    """A page that says has_more forever without moving the position."""

    def handle(sock: socket.socket, path: str, query: dict) -> None:
        _send(sock, "200 OK", page(int(query.get("after", 0))))

    return handle


def trickle_body(interval: float, total: int = 1_000_000, server_ref: list | None = None) -> Handler:
    """Proper headers, then the body one byte every ``interval`` seconds."""

    def handle(sock: socket.socket, path: str, query: dict) -> None:
        sock.sendall(f"HTTP/1.1 200 OK\r\nContent-Length: {total}\r\nContent-Type: application/json\r\n\r\n".encode())
        for _ in range(total):
            if server_ref and server_ref[0].stopping:
                break
            sock.sendall(b" ")
            time.sleep(interval)
        raise OSError("done")

    return handle


def trickle_headers(interval: float, server_ref: list | None = None) -> Handler:
    """The status line and an endless header, one byte every ``interval`` seconds."""

    def handle(sock: socket.socket, path: str, query: dict) -> None:
        data = b"HTTP/1.1 200 OK\r\nX-Padding: " + b"a" * 10_000_000
        for b in data:
            if server_ref and server_ref[0].stopping:
                break
            sock.sendall(bytes([b]))
            time.sleep(interval)
        raise OSError("done")

    return handle


def _huge_body(size: int) -> Iterator[bytes]:
    # A JSON object that never closes in time: {"changes": [ then spaces.
    yield b'{"changes": ['
    chunk = b" " * (1024 * 1024)
    sent = 0
    while sent < size:
        yield chunk
        sent += len(chunk)


def huge_page(size: int, declare_length: bool = False, server_ref: list | None = None) -> Handler:
    """A page of ``size`` bytes (plain), chunked or with its Content-Length."""

    def handle(sock: socket.socket, path: str, query: dict) -> None:
        framing = f"Content-Length: {size + 13}" if declare_length else "Transfer-Encoding: chunked"
        sock.sendall(f"HTTP/1.1 200 OK\r\n{framing}\r\nContent-Type: application/json\r\n\r\n".encode())
        for chunk in _huge_body(size):
            if server_ref and server_ref[0].stopping:
                break
            sock.sendall(chunk if declare_length else b"%x\r\n%s\r\n" % (len(chunk), chunk))
            if server_ref:
                server_ref[0].sent += len(chunk)
        raise OSError("done")

    return handle


def gzip_bomb(inflated: int, server_ref: list | None = None) -> Handler:
    """A gzip body that inflates to ``inflated`` bytes of zeros, compressed as it is sent."""

    def handle(sock: socket.socket, path: str, query: dict) -> None:
        sock.sendall(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"
            b"Content-Type: application/json\r\n\r\n"
        )
        comp = zlib.compressobj(9, zlib.DEFLATED, 31)
        zeros = b"\0" * (4 * 1024 * 1024)
        done = 0
        while done < inflated:
            if server_ref and server_ref[0].stopping:
                break
            out = comp.compress(zeros)
            done += len(zeros)
            if out:
                sock.sendall(b"%x\r\n%s\r\n" % (len(out), out))
                if server_ref:
                    server_ref[0].sent += len(out)
        out = comp.flush()
        sock.sendall(b"%x\r\n%s\r\n0\r\n\r\n" % (len(out), out))
        raise OSError("done")

    return handle


def redirect(location: str) -> Handler:
    def handle(sock: socket.socket, path: str, query: dict) -> None:
        _send(sock, "302 Found", b"", {"Location": location})

    return handle


def hostile(make: Callable[..., Handler], *args: object, **kwargs: object) -> HostileServer:
    """A server whose handler can see the server (to stop when it closes, to count bytes)."""
    ref: list = []
    server = HostileServer(make(*args, server_ref=ref, **kwargs))
    ref.append(server)
    return server
