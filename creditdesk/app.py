"""Opening a CreditDesk home: paths, settings, logging, database and services.

The CLI and the GUI both start here, so they share one set of services.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from creditdesk.config import Settings, load_settings, save_settings
from creditdesk.db.database import Database, open_database
from creditdesk.logsetup import setup_logging
from creditdesk.paths import Paths, resolve_paths
from creditdesk.roles import Actor
from creditdesk.services.accounts import AccountService
from creditdesk.services.audit import AuditTrail
from creditdesk.services.lookup import LookupService
from creditdesk.services.profile import ProfileService


@dataclass
class AppContext:
    paths: Paths
    settings: Settings
    db: Database
    lookup: LookupService
    profiles: ProfileService
    audit: AuditTrail
    accounts: AccountService
    # The signed-in account; None = unattributed (a home with no account yet, or before login).
    user: Actor | None = None

    @property
    def engine(self):  # noqa: ANN201
        return self.db.engine

    def save_settings(self) -> None:
        save_settings(self.paths.config_file, self.settings)

    def close(self) -> None:
        self.db.close()


def open_app(home: str | Path | None = None, *, demo: bool = False) -> AppContext:
    paths = resolve_paths(home).ensure()
    setup_logging(paths.log_file)
    settings = load_settings(paths.config_file)
    if demo and not settings.demo:
        settings.demo = True
        save_settings(paths.config_file, settings)
    elif not paths.config_file.exists():
        save_settings(paths.config_file, settings)
    db = open_database(paths, settings)
    audit = AuditTrail(db.engine)
    return AppContext(
        paths, settings, db, LookupService(db.engine), ProfileService(db.engine), audit,
        AccountService(db.engine, audit),
    )
