"""Opening a CreditDesk home: paths, settings, logging, database and services.

The CLI and the GUI both start here, so they share one set of services.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from creditdesk.config import Settings, load_settings, save_settings
from creditdesk.db.database import Database, open_database
from creditdesk.logsetup import setup_logging
from creditdesk.paths import Paths, resolve_paths
from creditdesk.roles import Actor
from creditdesk.services.accounts import AccountService
from creditdesk.services.audit import AuditQueue, AuditTrail
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
    _audit_queue: AuditQueue | None = field(default=None, init=False, repr=False)

    @property
    def engine(self):  # noqa: ANN201
        return self.db.engine

    @property
    def audit_queue(self) -> AuditQueue:
        """Audit entries for acts that only read (lookups, profile views): written off the caller's
        thread, so the counter never waits for the write lock (started on first use)."""
        if self._audit_queue is None:
            self._audit_queue = AuditQueue(self.audit)
        return self._audit_queue

    def save_settings(self) -> None:
        save_settings(self.paths.config_file, self.settings)

    def close(self) -> None:
        if self._audit_queue is not None:
            self._audit_queue.close()
        self.db.close()


DEMO_PROFILE, DEMO_UNIT = "wuchang", "武昌区政务服务中心"


def _scrub_backups(paths: Paths) -> None:
    """SQLite copies in the backup folder taken before the digest key moved out still hold it:
    each gets the reference instead (services/keystore.py). Best effort, logged."""
    import logging
    import sqlite3

    from creditdesk.services.keystore import PERSON_KEY_REF, remember_person_key

    for copy in sorted(paths.backup_dir.glob("*.sqlite*")):
        if copy.suffix in (".sqlite-wal", ".sqlite-shm") or copy.name.endswith(("-wal", "-shm")):
            continue
        try:
            con = sqlite3.connect(copy)
            try:
                value = con.execute("SELECT person_key FROM sync_state WHERE id = 1").fetchone()
                if value and value[0] and not value[0].startswith(PERSON_KEY_REF):
                    con.execute("UPDATE sync_state SET person_key = ? WHERE id = 1", (remember_person_key(value[0]),))
                    con.commit()
                    con.execute("VACUUM")  # the old value must not linger in free pages
            finally:
                con.close()
        except sqlite3.Error:
            logging.getLogger(__name__).warning("could not scrub the digest key from backup %s", copy, exc_info=True)


def open_app(home: str | Path | None = None, *, demo: bool = False) -> AppContext:
    paths = resolve_paths(home).ensure()
    setup_logging(paths.log_file)
    settings = load_settings(paths.config_file)
    if demo and not settings.demo:
        if not paths.config_file.exists():
            # A new demo home runs a profile with measures (武昌: prohibit / strict / incentive rules,
            # commitments, quarterly reporting), so every screen has something to show; 福州's 2016
            # notice prescribes no measures, so its reviews all come out 正常办理.
            settings.profile_id, settings.unit_name = DEMO_PROFILE, DEMO_UNIT
        settings.demo = True
        save_settings(paths.config_file, settings)
    elif not paths.config_file.exists():
        save_settings(paths.config_file, settings)
    from creditdesk.services import keystore
    from creditdesk.services.position import secure_person_key

    keystore.configure(paths.key_dir)  # fallback when the OS has no credential store
    db = open_database(paths, settings)
    if secure_person_key(db.engine):  # an older home's digest key leaves the database file …
        _scrub_backups(paths)  # … and the copies taken before the migration
    audit = AuditTrail(db.engine)
    return AppContext(
        paths, settings, db, LookupService(db.engine), ProfileService(db.engine), audit,
        AccountService(db.engine, audit),
    )
