"""One opened database: the engine plus what was done to open it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from creditdesk.config import Settings
from creditdesk.db.engine import MigrationOutcome, make_engine, migrate, redacted_url
from creditdesk.paths import Paths


@dataclass
class Database:
    engine: Engine
    url: str
    migration: MigrationOutcome

    @property
    def display_url(self) -> str:
        return redacted_url(self.url)

    def close(self) -> None:
        self.engine.dispose()


def open_database(paths: Paths, settings: Settings) -> Database:
    """Open (creating if needed) and migrate the home's database."""
    paths.ensure()
    url = settings.effective_database_url(paths.database_file)
    engine = make_engine(url)
    outcome = migrate(engine, paths.backup_dir)
    return Database(engine, url, outcome)
