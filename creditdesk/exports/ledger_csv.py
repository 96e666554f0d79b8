"""每日核查台账 as CSV: UTF-8 with BOM and Chinese headers, so Excel and WPS open it right."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

from creditdesk.atomic import atomic_path
from creditdesk.cancel import CancelToken
from creditdesk.safetext import csv_cell
from creditdesk.rows.ledger import COLUMNS, ExportMeta, LedgerRow, Ticker


def write_csv(
    rows: Sequence[LedgerRow],
    path: str | Path,
    meta: ExportMeta | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """One header line, then one line per review; returns the number of rows written.

    The file is plain data (no title lines) so it sorts and filters in a spreadsheet;
    the title and totals are in the XLSX and PDF exports.
    """
    tick = Ticker(len(rows), progress, cancel, step=500)
    with atomic_path(path) as tmp:
        # newline="" and the csv module's \r\n: what Excel expects on Windows.
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([c.header for c in COLUMNS])
            for i, row in enumerate(rows, 1):
                w.writerow([csv_cell(c.value(row)) for c in COLUMNS])
                tick(i)
        tick(len(rows), force=True)
    return len(rows)
