"""The password check's head start (creditdesk/passwords.py): the CLI starts scrypt on a thread,
reading the stored hash from the SQLite file, while the database layer loads; the account service's
own verification then takes that answer only for the same password against the same stored hash.

``_compute`` is wrapped with a counter (the real scrypt still runs) to see which verification
computed: the head start's thread or the service's call."""

from __future__ import annotations

import pytest

from creditdesk import passwords
from creditdesk.app import open_app
from creditdesk.services.accounts import AccountService, LoginFailed


@pytest.fixture
def home(tmp_path):
    ctx = open_app(tmp_path / "home")
    accounts = AccountService(ctx.engine, ctx.audit)
    admin = accounts.create("root", "admin", "Root-pass-2026", by=None)
    accounts.create("wang.li", "officer", "Wang-pass-2026", by=admin)
    yield ctx
    ctx.close()


@pytest.fixture
def computed(monkeypatch):
    calls: list[str] = []
    real = passwords._compute

    def counting(password: str, stored: str) -> bool:
        import threading

        calls.append(threading.current_thread().name)
        return real(password, stored)

    monkeypatch.setattr(passwords, "_compute", counting)
    monkeypatch.setattr(passwords, "_head", None)
    return calls


def sign_in(ctx, name: str, password: str):  # noqa: ANN001, ANN201
    return AccountService(ctx.engine, ctx.audit).authenticate(name, password)


def test_the_right_password_is_checked_once_on_the_head_start_thread(home, computed):
    passwords.start_check(home.paths.database_file, "Wang.Li ", "Wang-pass-2026")  # the name as typed
    actor = sign_in(home, "wang.li", "Wang-pass-2026")
    assert actor.name == "wang.li"
    assert computed == ["password-check"]  # the service took the thread's answer


def test_a_wrong_password_is_refused_and_counted(home, computed):
    passwords.start_check(home.paths.database_file, "wang.li", "not-the-password")
    with pytest.raises(LoginFailed):
        sign_in(home, "wang.li", "not-the-password")
    assert computed == ["password-check"]
    with home.engine.connect() as conn:
        from sqlalchemy import text

        assert conn.execute(text("SELECT failed_logins FROM account WHERE name = 'wang.li'")).scalar() == 1


def test_the_answer_is_for_that_password_only(home, computed):
    # A head start for a wrong password never answers for the right one (nor the other way round).
    passwords.start_check(home.paths.database_file, "wang.li", "not-the-password")
    assert sign_in(home, "wang.li", "Wang-pass-2026").name == "wang.li"
    assert sorted(computed) == ["MainThread", "password-check"]  # the service did not wait for the thread


def test_the_answer_is_for_that_stored_hash_only(home, computed):
    # Started for wang.li; the service signs in root: root's hash is computed, wang's answer not used.
    passwords.start_check(home.paths.database_file, "wang.li", "Root-pass-2026")
    assert sign_in(home, "root", "Root-pass-2026").name == "root"
    assert sorted(computed) == ["MainThread", "password-check"]


def test_used_once(home, computed):
    passwords.start_check(home.paths.database_file, "wang.li", "Wang-pass-2026")
    sign_in(home, "wang.li", "Wang-pass-2026")
    sign_in(home, "wang.li", "Wang-pass-2026")
    assert computed == ["password-check", "MainThread"]


def test_an_unknown_name_costs_what_a_known_one_costs(home, computed):
    # The thread checks against the dummy hash, as the service does for an unknown name: the service
    # computes nothing more than for a known name.
    passwords.start_check(home.paths.database_file, "nobody", "Some-pass-2026")
    with pytest.raises(LoginFailed):
        sign_in(home, "nobody", "Some-pass-2026")
    assert computed == ["password-check"]


@pytest.mark.parametrize("where", ["missing", "not-a-database", "no-account-table"])
def test_no_head_start_without_an_account_table(tmp_path, home, computed, where):
    import sqlite3

    db = tmp_path / "other.sqlite"
    if where == "not-a-database":
        db.write_bytes(b"this is no database" * 100)
    elif where == "no-account-table":
        sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.close()
    passwords.start_check(db, "wang.li", "Wang-pass-2026")
    assert sign_in(home, "wang.li", "Wang-pass-2026").name == "wang.li"
    assert computed[-1] == "MainThread"
