"""The account table's rules that more than one service applies, below the account and audit
services so that neither has to import the other for them:

- does the home have accounts yet? (until it has, everything runs unattributed: the first start);
- the lock-out rule: :data:`MAX_FAILURES` wrong passwords in a row lock an account for
  :data:`LOCKOUT`. Applied by a sign-in, and by the audit spool's drain for a sign-in that was
  answered while an import held SQLite's write lock (``services/audit_spool.py``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Engine, select, update

from creditdesk.db import models

_acc = models.Account.__table__

MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=5)


def accounts_exist(bind: Engine | Connection) -> bool:
    """Whether the home has any account yet (until it has, everything runs unattributed).

    ``bind`` may be a Connection, to ask inside a transaction that is already open."""
    if isinstance(bind, Connection):
        return bind.execute(select(_acc.c.id).limit(1)).first() is not None
    with bind.connect() as conn:
        return accounts_exist(conn)


def count_failure(conn: Connection, name: str, at: dt.datetime) -> tuple[int, bool]:
    """One more wrong password for ``name`` (inside the caller's write transaction): returns
    (failures in a row, whether this one locked the account). The counter restarts at a lock."""
    row = conn.execute(select(_acc.c.failed_logins).where(_acc.c.name == name)).first()
    if row is None:
        return 0, False  # no such account (removed meanwhile)
    failures = int(row.failed_logins or 0) + 1
    if failures >= MAX_FAILURES:
        conn.execute(update(_acc).where(_acc.c.name == name).values(failed_logins=0, locked_until=at + LOCKOUT))
        return failures, True
    conn.execute(update(_acc).where(_acc.c.name == name).values(failed_logins=failures))
    return failures, False


def replay_sign_ins(failed_logins: int, sign_ins: list[tuple[str, dt.datetime]]) -> tuple[int, dt.datetime | None]:
    """The failure counter and the start of the last lock-out after ``sign_ins`` ((action, at), oldest
    first) that are not on the row yet, applied as :func:`count_failure` and :func:`note_success` will."""
    failures, locked_at = int(failed_logins or 0), None
    for action, at in sign_ins:
        if action != "login_failed":
            failures, locked_at = 0, None
            continue
        failures += 1
        if failures >= MAX_FAILURES:
            failures, locked_at = 0, at
    return failures, locked_at


def note_success(conn: Connection, name: str, at: dt.datetime | None, **values: object) -> None:
    """A right password for ``name``: the failure counter restarts (``at``: also the last sign-in)."""
    changes: dict = {"failed_logins": 0, "locked_until": None, **values}
    if at is not None:
        changes["last_login_at"] = at
    conn.execute(update(_acc).where(_acc.c.name == name).values(**changes))
