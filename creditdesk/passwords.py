"""Password hashes (scrypt), and a sign-in's password check started before the program has loaded.

Pure standard library, below every layer: the account service (``services/accounts.py``) is
the one authority on signing in; this module only hashes and compares.

Why a head start: a signed-in CLI command (``creditdesk --user wang lookup …``) spends ~0.1 s
in scrypt and ~0.2 s importing the database layer, one after the other. scrypt runs in
OpenSSL with the GIL released, so :func:`start_check` reads the account's stored hash with
the standard ``sqlite3`` module (read-only, one ``SELECT``) and verifies the password on a
thread while the rest of the program loads. When the account service then verifies the same
password against the same stored hash, :func:`verify_password` takes that answer instead of
computing it again; anything else (another hash, another password, no head start) is
computed as always. An unknown name gets the same head start against the dummy hash, so a
wrong name still costs what a wrong password costs.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import re
import secrets
import sqlite3
import threading
from pathlib import Path

# scrypt: n=2**15, r=8 takes 128*n*r = 32 MiB and ~0.1 s per hash.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
_MAX_N = 2**20  # refuse absurd parameters read from a (tampered) stored string

NAME_RE = re.compile(r"[a-z0-9._-]{2,64}")


def login_name(name: str | None) -> str | None:
    """The account name as stored (trimmed, lower case), or None if it cannot be one."""
    norm = (name or "").strip().lower()
    return norm if NAME_RE.fullmatch(norm) else None


def _maxmem(n: int, r: int, p: int) -> int:
    return 128 * r * (n + p + 2) + (16 << 20)


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    salt = secrets.token_bytes(SALT_BYTES)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_maxmem(n, r, p),
                            dklen=HASH_BYTES)  # fmt: skip
    b64 = base64.b64encode
    return f"scrypt${n}${r}${p}${b64(salt).decode()}${b64(digest).decode()}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return None
        n, r, p = int(n), int(r), int(p)
        if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
            return None
        return n, r, p, base64.b64decode(salt, validate=True), base64.b64decode(digest, validate=True)
    except (ValueError, AttributeError):
        return None


def _compute(password: str, stored: str) -> bool:
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, digest = parsed
    got = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_maxmem(n, r, p),
                         dklen=len(digest))  # fmt: skip
    return hmac.compare_digest(got, digest)


def needs_rehash(stored: str) -> bool:
    parsed = _parse(stored)
    return parsed is None or (parsed[0], parsed[1], parsed[2]) < (SCRYPT_N, SCRYPT_R, SCRYPT_P)


_dummy_lock = threading.Lock()
_dummy_hash: str | None = None


def dummy_hash() -> str:
    """Compared against when the name is unknown, so that a wrong name costs as long as a wrong password."""
    global _dummy_hash
    with _dummy_lock:
        if _dummy_hash is None:
            _dummy_hash = hash_password(secrets.token_hex(8))
        return _dummy_hash


# -- the head start ------------------------------------------------------------------------


class _HeadStart:
    """One password check computed ahead on a thread: its inputs (the password only as a keyed
    digest) and, once done, its answer. Taken at most once."""

    def __init__(self, password: str) -> None:
        self.key = secrets.token_bytes(16)
        self.password_mac = self._mac(password)
        self.stored: str | None = None
        self.answer: bool | None = None
        self.done = threading.Event()

    def _mac(self, password: str) -> bytes:
        return hmac.new(self.key, password.encode("utf-8"), hashlib.sha256).digest()

    def matches(self, password: str, stored: str) -> bool:
        return self.stored == stored and hmac.compare_digest(self.password_mac, self._mac(password))


_head_lock = threading.Lock()
_head: _HeadStart | None = None


def start_check(db_file: Path, name: str, password: str) -> None:
    """Start verifying ``password`` for account ``name`` of the SQLite database ``db_file`` on a
    thread (see the module's doc). Never raises; without a readable database it does nothing."""
    global _head
    norm = login_name(name)
    if norm is None or not Path(db_file).is_file():
        return
    head = _HeadStart(password)

    def run() -> None:
        try:
            uri = Path(db_file).resolve().as_uri() + "?mode=ro"
            with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=1.0)) as conn:  # WAL: never waits for writers
                row = conn.execute("SELECT password_hash FROM account WHERE name = ?", (norm,)).fetchone()
            head.stored = row[0] if row and isinstance(row[0], str) else dummy_hash()
            head.answer = _compute(password, head.stored)
        except Exception:  # noqa: BLE001 - no head start (no such table yet, a damaged file): computed later
            head.stored = None
        finally:
            head.done.set()

    with _head_lock:
        _head = head
    threading.Thread(target=run, name="password-check", daemon=True).start()


def _take_head_start(password: str, stored: str) -> bool | None:
    global _head
    with _head_lock:
        head = _head
    if head is None or not hmac.compare_digest(head.password_mac, head._mac(password)):
        return None  # no head start for this password: nothing to wait for
    head.done.wait(30)
    with _head_lock:
        if _head is not head or not head.done.is_set() or head.answer is None or not head.matches(password, stored):
            return None
        _head = None  # used once
    return head.answer


def verify_password(password: str, stored: str) -> bool:
    """Does ``password`` match the stored hash string? Parameters come from the string."""
    ahead = _take_head_start(password, stored)
    if ahead is not None:
        return ahead
    return _compute(password, stored)
