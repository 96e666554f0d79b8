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


def documents_dir() -> Path:
    """The user's documents folder (文档), where saved slips go unless the settings say otherwise."""
    return Path(platformdirs.user_documents_dir())


def slip_folder(configured: str | os.PathLike | None = None) -> Path:
    """Where 另存为 PDF proposes a slip: the configured folder, else the user's documents folder."""
    return Path(configured).expanduser() if configured else documents_dir()


def demo_home() -> Path:
    """Where ``creditdesk --demo`` keeps its demo city unless a home is given."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "demo-home"


def resolve_paths(home: str | os.PathLike | None = None) -> Paths:
    """``home`` (from ``--home``) wins over ``CREDITDESK_HOME`` over platform defaults."""
    chosen = home or os.environ.get(HOME_ENV)
    return home_paths(Path(chosen)) if chosen else default_paths()


def sync_lock_file(db_file: Path) -> Path:
    """The lock file that lets one sync or import at a time write a SQLite database (db/sync_lock.py)."""
    return db_file.with_name(db_file.name + ".sync-lock")


def audit_spool_dir(db_file: Path) -> Path:
    """Audit entries of CLI read acts written while an import held the write lock (services/audit_spool.py)."""
    return db_file.with_name(db_file.name + ".audit-spool")


# -- what the program ships (not per home) ---------------------------------------------
DESKTOP_ID = "cn.creditdesk.CreditDesk"  # desktop entry, AppStream id, Wayland app id


def resources_dir() -> Path:
    """The non-Python files the program ships: icons, desktop entry, metainfo, translations.

    In a source checkout (or an editable install) that is the top-level ``resources/``
    folder; a wheel or a PyInstaller build carries the same files as ``creditdesk/assets``
    (see setup.py and installer/creditdesk.spec). The city policy profiles are package data
    of their own, ``creditdesk/resources/policies`` (read by creditdesk.policy.store)."""
    package = Path(__file__).resolve().parent
    installed = package / "assets"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def icon_file(size: int | None = None) -> Path:
    """The application icon: the SVG source, or the PNG rendered at ``size`` pixels."""
    icons = resources_dir() / "icons"
    return icons / ("creditdesk.svg" if size is None else f"creditdesk-{size}.png")


def translations_dir() -> Path:
    return resources_dir() / "translations"


def bundled_font() -> Path | None:
    """The CJK font a frozen build carries (installer/creditdesk.spec copies it), if any."""
    fonts = resources_dir() / "fonts"
    for name in ("wqy-microhei.ttc", "msyh.ttc"):
        if (fonts / name).is_file():
            return fonts / name
    return None
