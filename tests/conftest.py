import os

# Offscreen on the most common office screen (1366×768) rather than Qt's default 800×800 square.
_SCREEN = os.path.join(os.path.dirname(__file__), "support", "screen-1366x768.json")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")

import creditdesk.ui  # noqa: E402,F401 - before any Qt call: keeps None alive under PySide6 6.12.0 (ui/_none_guard.py)
import keyring  # noqa: E402
import pytest  # noqa: E402

from support.db import PG_URL_ENV, fresh_engine  # noqa: E402
from support.memory_keyring import MemoryKeyring  # noqa: E402

keyring.set_keyring(MemoryKeyring())


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch):
    """No test reads the developer's own home, database or credentials."""
    for name in ("CREDITDESK_HOME", "CREDITDESK_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    keyring.set_keyring(MemoryKeyring())


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    """A migrated, empty database: a SQLite file in tmp_path, or a fresh PostgreSQL schema."""
    if request.param == "postgres" and not os.environ.get(PG_URL_ENV):
        pytest.skip(f"{PG_URL_ENV} is not set (bash .ci/start-postgres prints one)")
    eng = fresh_engine(request.param, tmp_path)
    yield eng
    eng.dispose()
