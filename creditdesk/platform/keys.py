"""The platform signing keys this installation trusts (protocol sections 2 and 6).

Offline bundles are signed with Ed25519 keys that a client *pins*: at first
contact with a platform (its ``meta``) or, for an office that never goes
online, by an administrator (``creditdesk platform trust``). Afterwards the
platform cannot change its keys behind the client's back:

- a key it announces under a known ``key_id`` with the same public key: nothing;
- a known ``key_id`` with a DIFFERENT public key, or a new ``key_id`` for a
  platform that is already pinned: stored as ``pending`` — not trusted — and
  reported loudly (returned and logged as a warning, at every contact) until an
  administrator confirms it with :meth:`TrustedKeys.trust`;
- replacing a trusted key of a ``key_id`` by a different one needs
  ``confirm=True``; the old key becomes ``retired``.

Rows live in ``trusted_key`` (status ``trusted`` | ``pending`` | ``retired``,
source ``meta`` | ``admin``). At most one key per ``(platform_id, key_id)``
is ``trusted`` at a time. Public keys are written ``b64:`` + standard base64
of the raw 32-byte Ed25519 key.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, Engine, insert, select, update

from creditdesk.db import models
from creditdesk.db.engine import write_transaction

log = logging.getLogger(__name__)

_keys = models.TrustedKey.__table__

TRUSTED, PENDING, RETIRED = "trusted", "pending", "retired"
SOURCE_META, SOURCE_ADMIN = "meta", "admin"
ALG = "ed25519"
_MAX_ID = 80  # column width of platform_id and key_id


class InvalidKey(ValueError):
    """A malformed public key, platform id or key id; the message is for the administrator."""


class ConfirmationRequired(Exception):
    """Replacing a trusted key by a different one needs the administrator's explicit confirmation."""


@dataclass(frozen=True)
class KeyChange:
    """What contact with a platform (or an administrator) did to one key.

    ``action``: ``pinned`` (first contact, now trusted), ``changed`` (a different
    key under a pinned key_id: pending), ``new_key`` (a new key_id for a pinned
    platform: pending), ``still_pending`` (announced again, still waiting for an
    administrator), ``retired_offered`` (a key that was retired is announced
    again: not trusted), ``invalid`` (malformed entry in meta: ignored),
    ``trusted`` (an administrator added it), ``replaced`` (an administrator
    replaced the trusted key of that key_id), ``unchanged``.
    """

    platform_id: str
    key_id: str
    public_key: str | None
    status: str | None
    action: str
    message: str

    @property
    def needs_admin(self) -> bool:
        return self.action in ("changed", "new_key", "still_pending", "retired_offered", "invalid")


@dataclass(frozen=True)
class KeyInfo:
    platform_id: str
    key_id: str
    alg: str
    public_key: str
    status: str
    source: str
    first_seen: dt.datetime
    confirmed_at: dt.datetime | None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def ed25519(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(parse_public_key(self.public_key))

    def to_json(self) -> dict[str, Any]:
        return {
            "platform_id": self.platform_id,
            "key_id": self.key_id,
            "alg": self.alg,
            "public_key": self.public_key,
            "fingerprint": self.fingerprint,
            "status": self.status,
            "source": self.source,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "confirmed_at": self.confirmed_at.isoformat() if self.confirmed_at else None,
        }


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------


def parse_public_key(value: Any) -> bytes:
    """The raw 32 bytes of a ``b64:`` Ed25519 public key; raises :class:`InvalidKey`."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidKey("公钥不能为空，应为 b64: 加标准 base64 编码的 32 字节 Ed25519 公钥")
    text = value.strip()
    if not text.startswith("b64:"):
        raise InvalidKey(f"公钥应以 “b64:” 开头，后接标准 base64 编码，实际为 {text[:20]!r}…")
    try:
        raw = base64.b64decode(text[4:], validate=True)
    except (binascii.Error, ValueError):
        raise InvalidKey("公钥 “b64:” 之后不是有效的标准 base64 编码") from None
    if len(raw) != 32:
        raise InvalidKey(f"Ed25519 公钥应为 32 字节，实际为 {len(raw)} 字节")
    try:
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise InvalidKey("不是有效的 Ed25519 公钥") from None
    return raw


def canonical_public_key(value: Any) -> str:
    """The key in its one stored form (``b64:`` + padded standard base64)."""
    return "b64:" + base64.b64encode(parse_public_key(value)).decode("ascii")


def fingerprint(public_key_b64: str) -> str:
    """A short, readable fingerprint for people comparing keys: SHA-256, 16 hex digits in groups."""
    try:
        raw = parse_public_key(public_key_b64)
    except InvalidKey:
        raw = public_key_b64.encode("utf-8", "replace")
    h = hashlib.sha256(raw).hexdigest()[:16]
    return ":".join(h[i : i + 4] for i in range(0, 16, 4))


def _check_id(what: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidKey(f"{what}不能为空")
    if value != value.strip() or len(value) > _MAX_ID or any(ord(c) < 32 for c in value):
        raise InvalidKey(f"{what} {value[:_MAX_ID]!r} 无效：应为 1–{_MAX_ID} 个字符，首尾不能有空白，不能含控制字符")
    return value


# ---------------------------------------------------------------------------
# The service
# ---------------------------------------------------------------------------


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class TrustedKeys:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- reading -------------------------------------------------------------
    @staticmethod
    def _rows(conn: Connection, platform_id: str, key_id: str | None = None) -> list[dict[str, Any]]:
        q = select(_keys).where(_keys.c.platform_id == platform_id)
        if key_id is not None:
            q = q.where(_keys.c.key_id == key_id)
        return [dict(r._mapping) for r in conn.execute(q.order_by(_keys.c.id))]

    def trusted_key(self, platform_id: str, key_id: str) -> Ed25519PublicKey | None:
        """The trusted public key of ``(platform_id, key_id)``, or None."""
        with self.engine.connect() as conn:
            value = conn.execute(
                select(_keys.c.public_key).where(
                    _keys.c.platform_id == platform_id, _keys.c.key_id == key_id, _keys.c.status == TRUSTED
                )
            ).scalar()
        if value is None:
            return None
        return Ed25519PublicKey.from_public_bytes(parse_public_key(value))

    def keys_of(self, platform_id: str, key_id: str | None = None, status: str | None = None) -> list[KeyInfo]:
        with self.engine.connect() as conn:
            rows = self._rows(conn, platform_id, key_id)
        return [_info(r) for r in rows if status is None or r["status"] == status]

    def is_pinned(self, platform_id: str) -> bool:
        """Whether this installation trusts any key of ``platform_id``."""
        return bool(self.keys_of(platform_id, status=TRUSTED))

    def list_keys(self) -> list[KeyInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(_keys).order_by(_keys.c.platform_id, _keys.c.key_id, _keys.c.id))
            return [_info(dict(r._mapping)) for r in rows]

    # -- first contact / every contact ----------------------------------------
    def pin_from_meta(self, platform_id: str, signing_keys: list[dict]) -> list[KeyChange]:
        """Pin the ``signing_keys`` of ``meta`` at first contact; afterwards report any change.

        Returns one :class:`KeyChange` per key that was pinned or that needs an
        administrator (unchanged trusted keys are not reported). Changes that
        need an administrator are also logged as warnings, at every contact.
        """
        platform_id = _check_id("平台标识 platform_id ", platform_id)
        changes: list[KeyChange] = []
        now = _now()
        with write_transaction(self.engine) as conn:
            first_contact = not self._rows(conn, platform_id)
            for entry in signing_keys or []:
                change = self._meta_key(conn, platform_id, entry, first_contact, now)
                if change is not None:
                    changes.append(change)
        for change in changes:
            if change.needs_admin:
                log.warning("签名密钥需要管理员处理：%s", change.message)
            else:
                log.info("%s", change.message)
        return changes

    def _meta_key(
        self, conn: Connection, platform_id: str, entry: Any, first_contact: bool, now: dt.datetime
    ) -> KeyChange | None:
        key_id = entry.get("key_id") if isinstance(entry, dict) else None
        try:
            if not isinstance(entry, dict):
                raise InvalidKey("signing_keys 的条目不是对象")
            key_id = _check_id("密钥标识 key_id ", key_id)
            alg = entry.get("alg", ALG)
            if alg != ALG:
                raise InvalidKey(f"不支持的签名算法 {alg!r}（只支持 ed25519）")
            public_key = canonical_public_key(entry.get("public_key"))
        except InvalidKey as exc:
            return KeyChange(
                platform_id, str(key_id), None, None, "invalid",
                f"平台 {platform_id} 公布的签名密钥 {key_id!r} 无效，已忽略：{exc}",
            )  # fmt: skip
        rows = self._rows(conn, platform_id, key_id)
        same = next((r for r in rows if r["public_key"] == public_key), None)
        trusted = next((r for r in rows if r["status"] == TRUSTED), None)
        fp = fingerprint(public_key)
        if same is not None:
            if same["status"] == TRUSTED:
                return None
            if same["status"] == PENDING:
                return KeyChange(
                    platform_id, key_id, public_key, PENDING, "still_pending",
                    f"平台 {platform_id} 的签名密钥 {key_id}（指纹 {fp}）仍待管理员确认，确认前不信任："
                    f"creditdesk platform trust --platform-id {platform_id} --key-id {key_id} "
                    f"--public-key {public_key} --confirm",
                )  # fmt: skip
            return KeyChange(
                platform_id, key_id, public_key, RETIRED, "retired_offered",
                f"平台 {platform_id} 又公布了已停用的签名密钥 {key_id}（指纹 {fp}），不予信任",
            )  # fmt: skip
        if first_contact and trusted is None:
            conn.execute(insert(_keys).values(
                platform_id=platform_id, key_id=key_id, alg=ALG, public_key=public_key,
                status=TRUSTED, source=SOURCE_META, first_seen=now, confirmed_at=None,
            ))  # fmt: skip
            return KeyChange(
                platform_id, key_id, public_key, TRUSTED, "pinned",
                f"首次连接平台 {platform_id}：已固定签名密钥 {key_id}（指纹 {fp}）",
            )  # fmt: skip
        conn.execute(insert(_keys).values(
            platform_id=platform_id, key_id=key_id, alg=ALG, public_key=public_key,
            status=PENDING, source=SOURCE_META, first_seen=now, confirmed_at=None,
        ))  # fmt: skip
        confirm = (
            f"creditdesk platform trust --platform-id {platform_id} --key-id {key_id} "
            f"--public-key {public_key}" + (" --confirm" if trusted is not None else "")
        )
        if trusted is not None:
            return KeyChange(
                platform_id, key_id, public_key, PENDING, "changed",
                f"警告：平台 {platform_id} 的签名密钥 {key_id} 已变更！已信任的指纹 {fingerprint(trusted['public_key'])}，"
                f"平台现在公布的指纹 {fp}。新密钥在管理员核实并确认前不被信任，用它签名的离线数据包将被拒绝。"
                f"核实后确认：{confirm}",
            )  # fmt: skip
        return KeyChange(
            platform_id, key_id, public_key, PENDING, "new_key",
            f"警告：平台 {platform_id} 公布了新的签名密钥 {key_id}（指纹 {fp}）。"
            f"在管理员核实并确认前不被信任。核实后确认：{confirm}",
        )  # fmt: skip

    # -- the administrator ------------------------------------------------------
    def trust(self, platform_id: str, key_id: str, public_key_b64: str, confirm: bool = False) -> KeyChange:
        """Trust ``public_key_b64`` as ``key_id`` of ``platform_id`` (an administrator's decision).

        Adding a key (or confirming a pending one) needs nothing more. Replacing
        a different key already trusted under ``key_id`` raises
        :class:`ConfirmationRequired` unless ``confirm`` is true; the replaced
        key becomes ``retired``.
        """
        platform_id = _check_id("平台标识 platform_id ", platform_id)
        key_id = _check_id("密钥标识 key_id ", key_id)
        public_key = canonical_public_key(public_key_b64)
        fp = fingerprint(public_key)
        now = _now()
        with write_transaction(self.engine) as conn:
            rows = self._rows(conn, platform_id, key_id)
            same = next((r for r in rows if r["public_key"] == public_key), None)
            trusted = next((r for r in rows if r["status"] == TRUSTED), None)
            if same is not None and same["status"] == TRUSTED:
                return KeyChange(
                    platform_id, key_id, public_key, TRUSTED, "unchanged",
                    f"平台 {platform_id} 的签名密钥 {key_id}（指纹 {fp}）已受信任，无需变更",
                )  # fmt: skip
            if trusted is not None:
                if not confirm:
                    raise ConfirmationRequired(
                        f"平台 {platform_id} 的签名密钥 {key_id} 已信任另一个公钥（指纹 "
                        f"{fingerprint(trusted['public_key'])}）。替换为指纹 {fp} 的新公钥前，"
                        f"请与市信用办核实指纹，然后加 --confirm（confirm=True）确认；旧公钥将停用"
                    )
                conn.execute(update(_keys).where(_keys.c.id == trusted["id"]).values(status=RETIRED))
            if same is not None:
                conn.execute(
                    update(_keys).where(_keys.c.id == same["id"]).values(status=TRUSTED, confirmed_at=now)
                )
            else:
                conn.execute(insert(_keys).values(
                    platform_id=platform_id, key_id=key_id, alg=ALG, public_key=public_key,
                    status=TRUSTED, source=SOURCE_ADMIN, first_seen=now, confirmed_at=now,
                ))  # fmt: skip
        if trusted is not None:
            change = KeyChange(
                platform_id, key_id, public_key, TRUSTED, "replaced",
                f"管理员已将平台 {platform_id} 的签名密钥 {key_id} 替换为指纹 {fp} 的公钥；"
                f"旧公钥（指纹 {fingerprint(trusted['public_key'])}）已停用",
            )  # fmt: skip
            log.warning("%s", change.message)
        else:
            change = KeyChange(
                platform_id, key_id, public_key, TRUSTED, "trusted",
                f"管理员已信任平台 {platform_id} 的签名密钥 {key_id}（指纹 {fp}）",
            )  # fmt: skip
            log.info("%s", change.message)
        return change


def _info(r: dict[str, Any]) -> KeyInfo:
    return KeyInfo(
        r["platform_id"], r["key_id"], r["alg"], r["public_key"], r["status"], r["source"],
        r["first_seen"], r["confirmed_at"],
    )  # fmt: skip
