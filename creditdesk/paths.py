"""Every file location CreditDesk uses, derived in one place.

Defaults come from platformdirs. ``--home DIR`` or ``CREDITDESK_HOME`` puts
everything (data, config, logs, backups) under one self-contained folder, as
a portable install or a demo does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "CreditDesk"
HOME_ENV = "CREDITDESK_HOME"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_dir: Path
    log_dir: Path
    self_contained: bool

    @property
    def database_file(self) -> Path:
        return self.data_dir / "creditdesk.sqlite"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def key_dir(self) -> Path:
        """Fallback for local keys when the OS has no credential store (services/keystore.py):
        beside the settings, never beside the database file."""
        return self.config_dir / "keys"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "creditdesk.log"

    @property
    def home(self) -> Path:
        """The folder shown to users as "the home" (the data folder by default)."""
        return self.data_dir.parent if self.self_contained else self.data_dir

    def ensure(self) -> "Paths":
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.backup_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def home_paths(home: Path) -> Paths:
    home = Path(home).expanduser().resolve()
    return Paths(home / "data", home / "config", home / "logs", self_contained=True)


def default_paths() -> Paths:
    return Paths(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        self_contained=False,
    )


def demo_home() -> Path:
    """Where ``creditdesk --demo`` keeps its demo city unless a home is given."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "demo-home"


def resolve_paths(home: str | os.PathLike | None = None) -> Paths:
    """``home`` (from ``--home``) wins over ``CREDITDESK_HOME`` over platform defaults."""
    chosen = home or os.environ.get(HOME_ENV)
    return home_paths(Path(chosen)) if chosen else default_paths()
