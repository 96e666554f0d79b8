"""An export while a bundle import holds SQLite's write lock (issue 10.2, reads never wait for
writers): the ledger file is written and its audit entry is spooled, not lost after the file exists;
the entry joins the chain when the lock is free. The lock is held by a real second SQLite
connection (``BEGIN IMMEDIATE``), as the import's one transaction holds it."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time

from sqlalchemy import text

from creditdesk.app import open_app
from creditdesk.services.audit_spool import drain, pending_files
from creditdesk.services.ledger import LedgerFilter, export_ledger


def test_ledger_export_during_an_import_is_written_and_audited(tmp_path):
    ctx = open_app(tmp_path / "home")
    try:
        with ctx.engine.connect() as conn:
            before = conn.execute(text("SELECT count(*) FROM audit_entry WHERE action = 'export'")).scalar()
        db_file = ctx.engine.url.database
        holder = sqlite3.connect(db_file, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # the importer's write lock
        try:
            started = time.monotonic()
            out = tmp_path / "ledger.xlsx"
            result = export_ledger(ctx.engine, ctx.audit, LedgerFilter.day(dt.date(2026, 12, 1)), "xlsx", out, None)
            seconds = time.monotonic() - started
            assert out.is_file() and result.path == out
            assert seconds < 5  # not the 10 s busy wait that ended in "database is locked"
            assert len(pending_files(ctx.engine)) == 1  # recorded durably before the call returned
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert drain(ctx.audit) == 1
        with ctx.engine.connect() as conn:
            rows = conn.execute(text("SELECT target, detail FROM audit_entry WHERE action = 'export'")).all()
        assert len(rows) - before == 1 and rows[-1].target == "ledger" and '"file":"ledger.xlsx"' in rows[-1].detail
        assert ctx.audit.verify().intact
    finally:
        ctx.close()
