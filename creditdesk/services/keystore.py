"""Local keys kept out of the database: the natural-person digest key and the audit anchor key.

Both live in the OS credential store (keyring), like the platform token, so that a copy of the
database file alone (a stolen laptop's ``creditdesk.sqlite``, a PostgreSQL dump) gives up
neither a natural person's ID number nor the means to forge the audit trail's anchor.

Fallback, for an office whose machine has no credential store (a headless Linux window, a
kiosk account without a keyring daemon): the key is written to a file of its own under the
home's settings folder (``Paths.key_dir``, ``config/keys/…``, mode 0600), never next to the
database file. What it costs: the database file alone still gives nothing away, but whoever
takes the whole home folder (or the settings folder with the database, e.g. one backup of the
entire home) has the key too — as safe as the folder's file permissions and disk encryption,
no more. ``creditdesk status`` says which store is in use.

Nothing here is ever logged: each value is registered with the log redactor when read.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
import sys
import threading
from pathlib import Path

from creditdesk.logsetup import register_secret

SERVICE = "CreditDesk local keys"
log = logging.getLogger(__name__)

_lock = threading.Lock()
_fallback_dir: Path | None = None
_cache: dict[str, bytes] = {}


class KeyStoreUnavailable(RuntimeError):
    """Neither the credential store nor a fallback folder can keep a key."""


def configure(fallback_dir: Path | None) -> None:
    """Where keys go when the credential store is missing (open_app: the home's ``key_dir``)."""
    global _fallback_dir
    with _lock:
        _fallback_dir = Path(fallback_dir) if fallback_dir is not None else None
        _cache.clear()


def _file(name: str) -> Path | None:
    if _fallback_dir is None:
        return None
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)
    return _fallback_dir / safe


_chosen = False


def _keyring():  # noqa: ANN202
    """keyring, its backend chosen once per process among this system's own credential stores;
    None when this system can have none (then the fallback folder is used).

    keyring's own detection imports every installed backend (the macOS one runs
    ``ctypes.util.find_library`` even on Linux), and importing keyring at all costs ~0.05 s:
    both were part of every signed-in CLI command. The choice is the same as keyring's — the
    configured one (``PYTHON_KEYRING_BACKEND``, ``keyringrc.cfg``) if any, else the viable
    built-in backend of highest priority — only without loading the others, and on a Linux
    session with no D-Bus session bus and no display (a scheduled job, SSH), where no built-in
    backend can be viable, without importing keyring."""
    global _chosen
    core = sys.modules.get("keyring.core")
    if core is not None and getattr(core, "_keyring_backend", None) is not None:  # chosen already
        import keyring

        return keyring
    if not _chosen and _no_store_possible():
        return None
    import keyring

    if not _chosen:
        _chosen = True
        try:
            keyring.set_keyring(_choose_backend())
        except Exception:  # noqa: BLE001 - keyring's own detection then decides, as before
            log.debug("credential store choice failed; keyring detects it", exc_info=True)
    return keyring


def credential_store():  # noqa: ANN201
    """keyring with this system's backend chosen as above (keyring's "fail" backend when this
    system has none): the one way every part of CreditDesk reaches the credential store."""
    store = _keyring()
    if store is None:
        import keyring
        from keyring.backends import fail

        keyring.set_keyring(fail.Keyring())
        return keyring
    return store


def _no_store_possible() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("PYTHON_KEYRING_BACKEND"):
        return False
    if any(os.environ.get(v) for v in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY")):
        return False
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return not (config_home / "python_keyring" / "keyringrc.cfg").exists()


def _choose_backend():  # noqa: ANN202
    from keyring import core
    from keyring.backends import fail

    configured = core.load_env() or core.load_config()
    if configured is not None:
        return configured
    if sys.platform.startswith("win"):
        from keyring.backends import Windows

        classes = [Windows.WinVaultKeyring]
    elif sys.platform == "darwin":
        from keyring.backends import macOS

        classes = [macOS.Keyring]
    else:
        from keyring.backends import SecretService, kwallet, libsecret

        classes = [SecretService.Keyring, libsecret.Keyring, kwallet.DBusKeyring, kwallet.DBusKeyringKWallet4]
    viable = [cls() for cls in classes if cls.viable]
    return max(viable, key=lambda backend: backend.priority, default=fail.Keyring())


def where() -> str:
    """"keyring" when the OS credential store answers, else "file" (fallback) or "none"."""
    try:
        store = _keyring()
        if store is None:
            raise KeyStoreUnavailable("no credential store on this system")
        store.get_password(SERVICE, "probe")
        return "keyring"
    except Exception:  # noqa: BLE001 - no backend, or a misconfigured one: both mean "not usable"
        return "file" if _fallback_dir is not None else "none"


def get_secret(name: str) -> bytes | None:
    with _lock:
        if name in _cache:
            return _cache[name]
        text = None
        try:
            store = _keyring()
            text = store.get_password(SERVICE, name) if store is not None else None
        except Exception:  # noqa: BLE001 - an unusable credential store: the fallback folder is asked
            log.debug("credential store unusable for %s", name, exc_info=True)
        if text is None:
            path = _file(name)
            if path is not None and path.is_file():
                text = path.read_text(encoding="ascii").strip()
        if not text:
            return None
        value = base64.b64decode(text)
        register_secret(text)
        _cache[name] = value
        return value


def put_secret(name: str, value: bytes) -> str:
    """Keep ``value`` under ``name``; returns where ("keyring" or "file")."""
    text = base64.b64encode(value).decode("ascii")
    register_secret(text)
    with _lock:
        try:
            store = _keyring()
            if store is None:
                raise KeyStoreUnavailable("no credential store on this system")
            store.set_password(SERVICE, name, text)
            _cache[name] = value
            return "keyring"
        except Exception:  # noqa: BLE001 - no usable credential store: the documented fallback
            path = _file(name)
            if path is None:
                raise KeyStoreUnavailable(
                    "系统凭据库不可用，且未指定本机密钥目录：无法保存本地密钥"
                ) from None
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.chmod(path.parent, 0o700)
        except OSError:  # pragma: no cover - e.g. a folder owned by someone else
            pass
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        _cache[name] = value
        return "file"


def get_or_create(name: str, size: int = 32) -> bytes:
    value = get_secret(name)
    if value is None:
        value = secrets.token_bytes(size)
        put_secret(name, value)
    return value


# -- the natural-person digest key (platform protocol 4.1) -------------------------------------

PERSON_KEY_REF = "ks:"  # sync_state.person_key holds "ks:" + fingerprint, never the key


def _decode_person_key(value: str | bytes) -> bytes:
    if isinstance(value, bytes):
        return value
    return base64.b64decode(str(value).removeprefix("b64:"))


def person_key_fingerprint(key: bytes) -> str:
    """A MAC under the key itself: names the key, tells nothing about it (nor about any ID number)."""
    return hmac.new(key, b"CreditDesk person_key fingerprint v1", hashlib.sha256).hexdigest()[:32]


def remember_person_key(value: str | bytes) -> str:
    """Keep the platform's ``person_key`` (``b64:…`` or bytes) in the credential store; returns the
    reference that the database keeps in its place."""
    key = _decode_person_key(value)
    fp = person_key_fingerprint(key)
    if get_secret(f"person-key:{fp}") != key:
        put_secret(f"person-key:{fp}", key)
    return PERSON_KEY_REF + fp


def person_key_for(stored: str | None) -> bytes | None:
    """The key a database's ``sync_state.person_key`` refers to, from the credential store (None if
    this machine does not have it). A legacy value (the key itself, ``b64:…``) is still read, until
    :func:`creditdesk.services.position.secure_person_key` moves it out on the next open."""
    if not stored:
        return None
    if stored.startswith(PERSON_KEY_REF):
        fp = stored[len(PERSON_KEY_REF):]
        key = get_secret(f"person-key:{fp}")
        if key is not None and hmac.compare_digest(person_key_fingerprint(key), fp):
            return key
        return None
    return _decode_person_key(stored)
