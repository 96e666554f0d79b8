import os
import tempfile
from pathlib import Path

# Offscreen on the most common office screen (1366×768) rather than Qt's default 800×800 square.
_SCREEN = os.path.join(os.path.dirname(__file__), "support", "screen-1366x768.json")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")

import creditdesk.ui  # noqa: E402,F401 - before any Qt call: keeps None alive under PySide6 6.12.0 (ui/_none_guard.py)
import keyring  # noqa: E402
import pytest  # noqa: E402

from support.ci import NOT_APPLICABLE, under_ci  # noqa: E402
from support.db import PG_URL_ENV, fresh_engine  # noqa: E402
from support.memory_keyring import MemoryKeyring  # noqa: E402

keyring.set_keyring(MemoryKeyring())


_SUPPORT_PARENT = str(Path(__file__).resolve().parent)


# Set at import, before any fixture (module-scoped ones too) opens a home: one file per session.
_KEYRING_FILE = str(Path(tempfile.mkdtemp(prefix="creditdesk-test-keyring-")) / "test-keyring.json")
os.environ["CREDITDESK_TEST_KEYRING_FILE"] = _KEYRING_FILE
os.environ["PYTHON_KEYRING_BACKEND"] = "support.memory_keyring.MemoryKeyring"
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [_SUPPORT_PARENT, os.environ.get("PYTHONPATH")]))


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch):
    """No test reads the developer's own home, database or credentials. A ``creditdesk``
    subprocess shares the tests' credential store (one JSON file per session, tests/support/memory_keyring.py)."""
    for name in ("CREDITDESK_HOME", "CREDITDESK_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    keyring.set_keyring(MemoryKeyring())
    from creditdesk.services import keystore

    keystore.configure(None)  # no cached local key and no fallback folder left from another test


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    """A migrated, empty database: a SQLite file in tmp_path, or a fresh PostgreSQL schema."""
    if request.param == "postgres" and not os.environ.get(PG_URL_ENV):
        pytest.skip(f"{PG_URL_ENV} is not set (bash .ci/start-postgres prints one)")
    eng = fresh_engine(request.param, tmp_path)
    yield eng
    eng.dispose()


# -- CI: a skip is a failure, and the PostgreSQL tests are counted ------------------------------

_postgres_passed: list[str] = []


def _is_postgres(item) -> bool:  # noqa: ANN001
    callspec = getattr(item, "callspec", None)
    return item.get_closest_marker("postgres") is not None or (
        callspec is not None and "postgres" in callspec.id.split("-"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):  # noqa: ANN001, ANN201
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail") and under_ci():
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if not reason.removeprefix("Skipped: ").startswith(NOT_APPLICABLE):
            # CI installs every server, text and tool the suite uses: missing means broken.
            report.outcome = "failed"
            report.longrepr = f"under CI a skip hides part of the project: {reason}"
    if report.when == "call" and report.passed and _is_postgres(item):
        _postgres_passed.append(item.nodeid)


def pytest_terminal_summary(terminalreporter):  # noqa: ANN001, ANN201
    url = os.environ.get(PG_URL_ENV)
    where = "" if url else f" ({PG_URL_ENV} is not set: they skip; bash .ci/start-postgres starts a server)"
    terminalreporter.write_line(f"PostgreSQL tests passed: {len(_postgres_passed)}{where}")
