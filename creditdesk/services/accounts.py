"""Local accounts: who may sign in, with which role; passwords kept as scrypt hashes only.

A home starts with no account and everything runs unattributed. The first
account created must be an administrator (and needs nobody's permission);
after that only an administrator creates and changes accounts, and the home is
never left without an enabled administrator.

Passwords are hashed with scrypt (memory-hard) and stored as the self-describing
string ``scrypt$n$r$p$salt_b64$hash_b64``: the parameters are read back from the
stored string, so raising them later only rehashes each password at its next
successful sign-in. Five failed sign-ins in a row lock the account for five
minutes. Every sign-in, failure, creation and change is in the audit trail —
never a password.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.exc import OperationalError

from creditdesk.db import models
from creditdesk.db.accounts import LOCKOUT, MAX_FAILURES, count_failure, note_success, replay_sign_ins
from creditdesk.db.accounts import accounts_exist  # noqa: F401 - also the name callers import from here
from creditdesk.db.engine import is_sqlite, write_transaction
from creditdesk.passwords import (  # noqa: F401 - SCRYPT_* and hash_password are also imported from here
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    dummy_hash,
    hash_password,
    login_name,
    needs_rehash,
    verify_password,
)
from creditdesk.roles import ROLE_LABELS, ROLES, Actor, NotPermitted, require
from creditdesk.services.audit import AuditTrail
from creditdesk.services.audit_spool import (
    BUSY_TIMEOUT_MS,
    append_or_spool,
    deferred_sign_ins,
    is_lock_error,
    spool,
    spool_dir,
)

_acc = models.Account.__table__

UTC = dt.timezone.utc

MIN_PASSWORD_LENGTH = 8


WRONG = "用户名或密码错误"
JUST_LOCKED = f"{WRONG}；连续输错 {MAX_FAILURES} 次，账户已锁定 {int(LOCKOUT.total_seconds() // 60)} 分钟"


def _locked_message(minutes: int) -> str:
    return f"连续输错密码次数过多，账户已锁定，请 {minutes} 分钟后再试"


class LoginFailed(Exception):
    """Sign-in refused; the message (Chinese) never says whether the name exists."""


class AccountError(ValueError):
    """A bad name, role or password, a duplicate, or a change that is not allowed."""


@dataclass(frozen=True)
class AccountInfo:
    name: str
    display_name: str
    role: str
    unit: str | None
    disabled: bool
    created_at: dt.datetime | None
    last_login_at: dt.datetime | None
    locked_until: dt.datetime | None  # only while the lock-out lasts, else None

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


# -- passwords: creditdesk/passwords.py (hashing, and the CLI's head start) ----------------------


# -- validation ----------------------------------------------------------------------


def normalise_name(name: str) -> str:
    norm = login_name(name)
    if norm is None:
        raise AccountError("用户名须为 2–64 位小写字母、数字或 . _ -")
    return norm


def check_password_policy(name: str, password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"密码至少 {MIN_PASSWORD_LENGTH} 位")
    if password.strip().lower() == name.lower():
        raise AccountError("密码不能与用户名相同")


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"角色须为 {' / '.join(ROLES)}（{'、'.join(ROLE_LABELS[r] for r in ROLES)}）")
    return role


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands DateTime columns back naive; they are stored in UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _remaining_minutes(until: dt.datetime, now: dt.datetime) -> int:
    return max(1, -(-int((until - now).total_seconds()) // 60))


# -- the service ---------------------------------------------------------------------


class AccountService:
    def __init__(self, engine: Engine, audit: AuditTrail, now: Callable[[], dt.datetime] | None = None) -> None:
        self.engine = engine
        self.audit = audit
        self._now = now or (lambda: dt.datetime.now(UTC))

    def now(self) -> dt.datetime:
        value = self._now()
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    # -- reading -----------------------------------------------------------------

    def accounts_exist(self) -> bool:
        return accounts_exist(self.engine)

    def get(self, name: str) -> Actor | None:
        """The account as an Actor (disabled ones too), or None."""
        row = self._find(name)
        return _actor(row) if row else None

    def info(self, name: str) -> AccountInfo | None:
        row = self._find(name)
        return self._info(row) if row else None

    def _find(self, name: str):  # noqa: ANN202
        """The account's row by its name as typed, or None (also for a name no account can have)."""
        try:
            norm = normalise_name(name)
        except AccountError:
            return None
        with self.engine.connect() as conn:
            return conn.execute(select(_acc).where(_acc.c.name == norm)).mappings().first()

    def list(self) -> list[AccountInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(_acc).order_by(_acc.c.name)).mappings().all()
        return [self._info(r) for r in rows]

    def _info(self, row) -> AccountInfo:  # noqa: ANN001
        locked = _aware(row["locked_until"])
        if locked is not None and locked <= self.now():
            locked = None
        return AccountInfo(
            name=row["name"], display_name=row["display_name"], role=row["role"], unit=row["unit"],
            disabled=bool(row["disabled"]), created_at=_aware(row["created_at"]),
            last_login_at=_aware(row["last_login_at"]), locked_until=locked,
        )  # fmt: skip

    # -- creating ----------------------------------------------------------------

    def create(
        self,
        name: str,
        role: str,
        password: str,
        *,
        display_name: str | None = None,
        unit: str | None = None,
        by: Actor | None,
        enforce_policy: bool = True,
    ) -> Actor:
        norm = normalise_name(name)
        _check_role(role)
        if not password:
            raise AccountError("密码不能为空")
        if enforce_policy:
            check_password_policy(norm, password)
        display = (display_name or "").strip() or norm
        unit = (unit or "").strip() or None
        stored = hash_password(password)  # outside the write lock: it takes ~0.1 s
        with write_transaction(self.engine) as conn:
            first = not accounts_exist(conn)
            if first:
                if role != "admin":
                    raise AccountError("第一个账户必须是系统管理员（--role admin）")
            else:
                self._require_admin(conn, by, "manage_accounts")
            if conn.execute(select(_acc.c.id).where(_acc.c.name == norm)).first() is not None:
                raise AccountError(f"用户名 {norm} 已存在")
            conn.execute(insert(_acc).values(
                name=norm, display_name=display[:100], role=role, unit=unit, password_hash=stored,
                disabled=False, failed_logins=0, locked_until=None, created_at=self.now(),
                created_by=by.name if by else None, last_login_at=None,
            ))  # fmt: skip
            self.audit.append("account_create", actor=by, target=norm, conn=conn,
                              detail={"role": role, "display_name": display[:100], "unit": unit, "first": first})  # fmt: skip
        return Actor(norm, display[:100], role, unit)

    def _create_unchecked(self, name: str, role: str, password: str, display_name: str, unit: str | None) -> bool:
        """For the demo accounts: no permission check; False if the name exists already."""
        stored = hash_password(password)
        with write_transaction(self.engine) as conn:
            if conn.execute(select(_acc.c.id).where(_acc.c.name == name)).first() is not None:
                return False
            conn.execute(insert(_acc).values(
                name=name, display_name=display_name, role=role, unit=unit, password_hash=stored,
                disabled=False, failed_logins=0, created_at=self.now(), created_by=None,
            ))  # fmt: skip
            self.audit.append("account_create", actor=None, target=name, conn=conn,
                              detail={"role": role, "display_name": display_name, "unit": unit, "demo": True})  # fmt: skip
        return True

    # -- signing in --------------------------------------------------------------

    def authenticate(self, name: str, password: str) -> Actor:
        """The account's Actor if the password is right; LoginFailed otherwise (audited either way)."""
        actor, reason = self._attempt(name, password, success_action="login")
        if actor is None:
            raise LoginFailed(reason)
        return actor

    def check_password(self, name: str, password: str) -> bool:
        """Unlocking the idle-locked window: True if right (audited 'unlock'), else 'login_failed'."""
        actor, _reason = self._attempt(name, password, success_action="unlock")
        return actor is not None

    def _attempt(self, name: str, password: str, *, success_action: str) -> tuple[Actor | None, str]:
        try:
            norm = normalise_name(name)
        except AccountError:
            norm = None
        row = None
        if norm is not None:
            with self.engine.connect() as conn:
                row = conn.execute(select(_acc).where(_acc.c.name == norm)).mappings().first()
        now = self.now()
        target = norm or (name or "").strip()[:64] or None

        if row is None:
            verify_password(password or "", dummy_hash())  # same cost as a known name
            self._audit_or_spool("login_failed", target, {"reason": "wrong", "via": success_action})
            return None, WRONG

        locked = _aware(row["locked_until"])
        if locked is not None and locked > now:
            self._audit_or_spool("login_failed", norm, {"reason": "locked", "via": success_action})
            return None, _locked_message(_remaining_minutes(locked, now))

        spooling = spool_dir(self.engine) is not None
        deferred = deferred_sign_ins(self.engine, norm) if spooling else []
        # Sign-ins answered while an import held the lock, not yet applied to the row: counted as the
        # drain will apply them (db/accounts.py), so the lock-out holds during an import too.
        failures_before, locked_at = replay_sign_ins(row["failed_logins"], deferred)
        if locked_at is not None and locked_at + LOCKOUT > now:
            self._audit_or_spool("login_failed", norm, {"reason": "locked", "via": success_action})
            return None, _locked_message(_remaining_minutes(locked_at + LOCKOUT, now))

        ok = verify_password(password or "", row["password_hash"])
        try:
            # While a bundle import holds SQLite's write lock (minutes), the bookkeeping of a sign-in
            # is not waited for: see _deferred.
            with write_transaction(self.engine, busy_timeout_ms=BUSY_TIMEOUT_MS if spooling else None) as conn:
                return self._record(conn, row, norm, ok, password, success_action, now)
        except OperationalError as exc:
            if not spooling or not is_lock_error(exc):
                raise
        return self._deferred(row, norm, ok, success_action, now, failures_before)

    def _record(self, conn, row, norm: str, ok: bool, password: str, success_action: str,  # noqa: ANN001
                now: dt.datetime) -> tuple[Actor | None, str]:
        q = select(_acc.c.failed_logins, _acc.c.locked_until, _acc.c.disabled).where(_acc.c.name == norm)
        if not is_sqlite(conn):
            q = q.with_for_update()
        cur = conn.execute(q).first()
        if cur is None:  # removed meanwhile
            self.audit.append("login_failed", actor=None, target=norm, conn=conn, detail={"reason": "wrong", "via": success_action})
            return None, WRONG
        if not ok:
            failures, locked = count_failure(conn, norm, now)
            detail = {"reason": "wrong", "via": success_action, "failures": failures}
            if locked:
                detail["locked_minutes"] = int(LOCKOUT.total_seconds() // 60)
            self.audit.append("login_failed", actor=None, target=norm, conn=conn, detail=detail)
            if locked:
                return None, JUST_LOCKED
            return None, WRONG
        if cur.disabled:
            self.audit.append("login_failed", actor=None, target=norm, conn=conn, detail={"reason": "disabled", "via": success_action})
            return None, "账户已停用，请联系系统管理员"
        values = {"password_hash": hash_password(password)} if needs_rehash(row["password_hash"]) else {}
        note_success(conn, norm, now if success_action == "login" else None, **values)
        actor = _actor(row)
        self.audit.append(success_action, actor=actor, target=norm, conn=conn)
        return actor, ""

    def _deferred(self, row, norm: str, ok: bool, success_action: str, now: dt.datetime,  # noqa: ANN001
                  failures_before: int) -> tuple[Actor | None, str]:
        """The sign-in's answer while an import holds SQLite's write lock: its audit entry goes to
        the durable audit spool (services/audit_spool.py), stamped ``deferred``; the import's end (or
        the next writer) appends it and applies its bookkeeping to the account row then — a wrong
        password counts toward the lock-out at once (the spooled failures are counted above), a
        right one restarts the counter. A password rehash waits for a sign-in that can write."""
        if not ok:
            failures = failures_before + 1
            detail = {"reason": "wrong", "via": success_action, "failures": failures, "deferred": True}
            spool(self.engine, [("login_failed", None, norm, detail, now)])
            if failures >= MAX_FAILURES:
                return None, JUST_LOCKED
            return None, WRONG
        if row["disabled"]:
            spool(self.engine, [("login_failed", None, norm, {"reason": "disabled", "via": success_action}, now)])
            return None, "账户已停用，请联系系统管理员"
        actor = _actor(row)
        spool(self.engine, [(success_action, actor, norm, {"deferred": True}, now)])
        return actor, ""

    def _audit_or_spool(self, action: str, target: str | None, detail: dict) -> None:
        """A refused sign-in's entry, spooled if an import holds SQLite's write lock."""
        append_or_spool(self.audit, [(action, None, target, detail, self.now())])

    # -- changing ----------------------------------------------------------------

    def set_password(self, name: str, new_password: str, *, by: Actor) -> None:
        """The account itself or an administrator; also lifts a lock-out."""
        norm = normalise_name(name)
        check_password_policy(norm, new_password or "")
        stored = hash_password(new_password)
        with write_transaction(self.engine) as conn:
            self._row(conn, norm)
            if by is None or by.name != norm:
                self._require_admin(conn, by, "manage_accounts")
            else:
                self._require_enabled(conn, by)
            conn.execute(update(_acc).where(_acc.c.name == norm)
                         .values(password_hash=stored, failed_logins=0, locked_until=None))  # fmt: skip
            self.audit.append("account_change", actor=by, target=norm, conn=conn, detail={"change": "password"})

    def set_role(self, name: str, role: str, *, by: Actor) -> None:
        norm = normalise_name(name)
        _check_role(role)
        with write_transaction(self.engine) as conn:
            self._require_admin(conn, by, "manage_accounts")
            row = self._row(conn, norm)
            if row["role"] == role:
                return
            if row["role"] == "admin" and not row["disabled"]:
                self._keep_an_admin(conn, norm)
            conn.execute(update(_acc).where(_acc.c.name == norm).values(role=role))
            self.audit.append("account_change", actor=by, target=norm, conn=conn,
                              detail={"change": "role", "from": row["role"], "to": role})  # fmt: skip

    def set_disabled(self, name: str, disabled: bool, *, by: Actor) -> None:
        norm = normalise_name(name)
        with write_transaction(self.engine) as conn:
            self._require_admin(conn, by, "manage_accounts")
            row = self._row(conn, norm)
            if bool(row["disabled"]) == bool(disabled):
                return
            if disabled and row["role"] == "admin":
                self._keep_an_admin(conn, norm)
            values: dict = {"disabled": bool(disabled)}
            if not disabled:
                values.update(failed_logins=0, locked_until=None)
            conn.execute(update(_acc).where(_acc.c.name == norm).values(**values))
            self.audit.append("account_change", actor=by, target=norm, conn=conn,
                              detail={"change": "disable" if disabled else "enable"})  # fmt: skip

    # -- helpers -----------------------------------------------------------------

    def _row(self, conn, norm: str):  # noqa: ANN001, ANN202
        q = select(_acc).where(_acc.c.name == norm)
        if not is_sqlite(conn):
            q = q.with_for_update()
        row = conn.execute(q).mappings().first()
        if row is None:
            raise AccountError(f"没有账户 {norm}")
        return row

    def _require_enabled(self, conn, by: Actor) -> dict:  # noqa: ANN001
        """The acting account as it is now in the database (its role may have changed since sign-in)."""
        row = conn.execute(select(_acc).where(_acc.c.name == by.name)).mappings().first()
        if row is None or row["disabled"]:
            raise NotPermitted(f"账户 {by.name} 不存在或已停用")
        return row

    def _require_admin(self, conn, by: Actor | None, permission: str) -> None:  # noqa: ANN001
        require(by, permission, accounts_exist=True)
        row = self._require_enabled(conn, by)
        require(_actor(row), permission, accounts_exist=True)

    def _keep_an_admin(self, conn, leaving: str) -> None:  # noqa: ANN001
        q = select(func.count()).select_from(_acc).where(
            _acc.c.role == "admin", _acc.c.disabled.is_(False), _acc.c.name != leaving
        )
        if not conn.execute(q).scalar():
            raise AccountError("不能停用或降级最后一个可用的系统管理员账户")


def _actor(row) -> Actor:  # noqa: ANN001
    return Actor(name=row["name"], display_name=row["display_name"], role=row["role"], unit=row["unit"])


DEMO_PASSWORD = "demo"
DEMO_ACCOUNTS = (
    ("demo-admin", "admin", "演示管理员"),
    ("demo-supervisor", "supervisor", "演示科长"),
    ("demo-officer", "officer", "演示经办人"),
)


def ensure_demo_accounts(service: AccountService, unit: str | None = None) -> None:
    """The demo city's accounts (password "demo"); creates only those missing."""
    for name, role, display in DEMO_ACCOUNTS:
        if service.get(name) is None:
            service._create_unchecked(name, role, DEMO_PASSWORD, display, unit)
