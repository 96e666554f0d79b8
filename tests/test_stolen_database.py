"""Issue 10 item 7: the database file alone gives up no ID number.

Before: the masked form kept 10 of 18 characters (only the birth date hidden) and the digest key
``person_key`` sat in ``sync_state``, so a brute force over the hidden birth dates found the
number in well under a second. Now the key is in the credential store, the file keeps a
reference to it, and the masked form keeps the province and the last 4 characters."""

from __future__ import annotations

import base64
import datetime as dt
import shutil
import sqlite3

from sqlalchemy import text

from creditdesk.app import open_app
from creditdesk.identifiers import (
    CodeError, id_digest, make_id_number, make_uscc, mask_ids_in_text, parse_id_number, parse_uscc,
)
from creditdesk.protocol import Position
from creditdesk.services import keystore
from creditdesk.services.apply import ChangeApplier
from support.city import EPOCH, PERSON_KEY, PERSON_KEY_B64, Feed, id_number, uscc

AS_OF = "2026-11-21T18:00:00+08:00"
BIRTH = dt.date(1985, 6, 15)
NUMBER = id_number(31, birth=BIRTH)  # region 350102, born 1985-06-15
PLATFORM_MASK = NUMBER[:6] + "*" * 8 + NUMBER[-4:]  # what the platform sends (protocol 4.1)


def build_home(tmp_path):
    home = tmp_path / "home"
    feed = Feed()
    person = feed.person("林小红", NUMBER, id_masked=PLATFORM_MASK)
    record = feed.record("R-P", person["id"], "admin_penalty",
                         title=f"林小红（身份证号 {NUMBER}）行政处罚", content=f"当事人林小红，公民身份号码{NUMBER}，罚款。")
    company = feed.company("福州顺心贸易有限公司", uscc(1))
    ctx = open_app(home)
    try:
        ChangeApplier(ctx.engine).apply([person, record, company],
                                        Position(feed.seq, EPOCH, AS_OF, "fuzhou", person_key=PERSON_KEY_B64))
        found = ctx.lookup.lookup(NUMBER)
        assert [h.id for h in found.results] == [person["id"]]  # the counter still finds the person
        db_file = ctx.paths.database_file
    finally:
        ctx.close()
    return home, db_file, person


def candidates(masked: str, region_guess: str, year: int):
    """Every ID number an attacker who knows even the county and the birth year (far more than
    the masked form shows) would have to try: each day of that year, last 4 from the mask."""
    assert masked[:2] == region_guess[:2] and masked[2:14] == "*" * 12
    day = dt.date(year, 1, 1)
    while day.year == year:
        number = make_id_number(region_guess, day, int(masked[14:17]))
        if number[-4:] == masked[-4:]:
            yield number
        day += dt.timedelta(days=1)


def keys_in_file(db_copy) -> list[bytes]:
    """Every value in the copied file that could be a key: each text and blob of every table."""
    out = []
    con = sqlite3.connect(db_copy)
    try:
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'"):
            for row in con.execute(f'SELECT * FROM "{table}"'):  # noqa: S608 - our own table names
                for value in row:
                    if isinstance(value, bytes):
                        out.append(value)
                    elif isinstance(value, str) and 8 <= len(value) <= 200:
                        out.append(value.encode())
                        for prefix in ("b64:", "ks:"):
                            try:
                                out.append(base64.b64decode(value.removeprefix(prefix), validate=True))
                            except ValueError:
                                pass
    finally:
        con.close()
    return out


def test_the_database_file_alone_does_not_give_up_the_number(tmp_path):
    home, db_file, person = build_home(tmp_path)
    stolen = tmp_path / "stolen.sqlite"
    shutil.copy(db_file, stolen)  # the file only: no credential store, no settings folder
    for suffix in ("-wal", "-shm"):
        if db_file.with_name(db_file.name + suffix).exists():
            shutil.copy(db_file.with_name(db_file.name + suffix), tmp_path / f"stolen.sqlite{suffix}")
    con = sqlite3.connect(stolen)
    try:
        masked, region, digest = con.execute("SELECT id_masked, region_code, id_digest FROM subject WHERE id = ?",
                                             (person["id"],)).fetchone()
        (stored_key,) = con.execute("SELECT person_key FROM sync_state WHERE id = 1").fetchone()
    finally:
        con.close()
    raw = stolen.read_bytes()
    assert NUMBER.encode() not in raw and NUMBER[6:14].encode() not in raw  # neither the number nor the birth date
    assert PERSON_KEY not in raw and base64.b64encode(PERSON_KEY) not in raw
    assert masked == NUMBER[:2] + "*" * 12 + NUMBER[-4:] and region == "350000"
    assert stored_key.startswith("ks:")

    # Positive control: with the key (which only the credential store holds) the search works.
    tries = list(candidates(masked, NUMBER[:6], BIRTH.year))
    assert NUMBER in tries and len(tries) > 20
    assert [n for n in tries if id_digest(n, PERSON_KEY) == digest] == [NUMBER]
    # With anything the file holds as the key, nothing matches.
    file_keys = keys_in_file(stolen)
    assert file_keys and PERSON_KEY not in file_keys
    assert not [n for k in file_keys for n in tries if id_digest(n, k) == digest]


def test_full_id_numbers_in_free_text_are_masked_on_apply(tmp_path):
    home, db_file, person = build_home(tmp_path)
    ctx = open_app(home)
    try:
        with ctx.engine.connect() as conn:
            title, content = conn.execute(text("SELECT title, content FROM record WHERE id = 'R-P'")).one()
    finally:
        ctx.close()
    masked = NUMBER[:2] + "*" * 12 + NUMBER[-4:]
    assert title == f"林小红（身份证号 {masked}）行政处罚" and content == f"当事人林小红，公民身份号码{masked}，罚款。"
    # An all-digit unified social credit code is not an ID number and stays whole.
    digit_uscc = next(u for u in (make_uscc(make_id_number("350102", BIRTH, n)[:17]) for n in range(1000))
                      if u.isdigit() and _valid_both(u))
    assert mask_ids_in_text(f"统一社会信用代码{digit_uscc}") == f"统一社会信用代码{digit_uscc}"


def _valid_both(code: str) -> bool:
    try:
        parse_uscc(code)
        parse_id_number(code)
    except CodeError:
        return False
    return True


def test_an_older_home_moves_its_key_out_and_remasks_on_open(tmp_path):
    """Migration: a home from before (key in sync_state, 6+4 masks, full numbers in record text)."""
    from alembic import command

    from creditdesk.db.engine import _alembic_config, make_engine
    from creditdesk.paths import home_paths

    paths = home_paths(tmp_path / "old").ensure()
    engine = make_engine(f"sqlite:///{paths.database_file}")
    with engine.connect() as conn, conn.begin():
        command.upgrade(_alembic_config(conn), "0004")
        conn.execute(text("UPDATE sync_state SET person_key = :k, seq = 3 WHERE id = 1"), {"k": PERSON_KEY_B64})
        digest = id_digest(NUMBER, PERSON_KEY)
        conn.execute(text("INSERT INTO subject (id, kind, name, status, id_masked, id_digest, region_code) "
                          "VALUES (:id, 'natural_person', '林小红', 'active', :m, :d, :r)"),
                     {"id": "P-" + digest, "m": PLATFORM_MASK, "d": digest, "r": NUMBER[:6]})
        conn.execute(text("INSERT INTO record (id, subject_id, category, title, authority, decided_on, publish_from, "
                          "status, content) VALUES ('R-1', :s, 'admin_penalty', :t, '某局', '2026-01-01', '2026-01-01', "
                          "'active', :c)"), {"s": "P-" + digest, "t": f"处罚 {NUMBER}", "c": f"号码{NUMBER}。"})
    engine.dispose()
    keystore.configure(None)

    ctx = open_app(tmp_path / "old")
    try:
        with ctx.engine.connect() as conn:
            ref = conn.execute(text("SELECT person_key FROM sync_state")).scalar()
            masked, region = conn.execute(text("SELECT id_masked, region_code FROM subject")).one()
            title, content = conn.execute(text("SELECT title, content FROM record")).one()
        assert ref.startswith("ks:") and masked == NUMBER[:2] + "*" * 12 + NUMBER[-4:] and region == "350000"
        assert NUMBER not in title + content
        assert [h.id for h in ctx.lookup.lookup(NUMBER).results] == ["P-" + digest]  # found through the store
    finally:
        ctx.close()
    raw = b"".join(p.read_bytes() for p in paths.data_dir.glob("creditdesk.sqlite*"))
    assert base64.b64encode(PERSON_KEY) not in raw
    backups = list(paths.backup_dir.glob("*.sqlite"))  # the copy taken before the migration
    assert backups and all(base64.b64encode(PERSON_KEY) not in b.read_bytes() for b in backups)


def test_without_a_credential_store_the_key_goes_to_the_settings_folder(tmp_path, monkeypatch):
    """The documented fallback: a 0600 file under config/keys, never beside the database."""
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    monkeypatch.setattr(keyring, "get_keyring", lambda: NoKeyring())
    keyring.set_keyring(NoKeyring())
    home, db_file, person = build_home(tmp_path)
    files = list((home / "config" / "keys").iterdir())
    assert files and all((f.stat().st_mode & 0o077) == 0 for f in files)
    assert not list(db_file.parent.glob("*key*"))
    assert keystore.where() == "file"
