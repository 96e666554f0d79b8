"""The one question about the account table that every layer asks: does the home have accounts yet?

Until it has, everything runs unattributed (the first start). Here, below the
account and audit services, so that neither has to import the other for it.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, select

from creditdesk.db import models

_acc = models.Account.__table__


def accounts_exist(bind: Engine | Connection) -> bool:
    """Whether the home has any account yet (until it has, everything runs unattributed).

    ``bind`` may be a Connection, to ask inside a transaction that is already open."""
    if isinstance(bind, Connection):
        return bind.execute(select(_acc.c.id).limit(1)).first() is not None
    with bind.connect() as conn:
        return accounts_exist(conn)
