"""每日核查台账 as XLSX (openpyxl): a title row, a bold frozen header with an auto-filter,
columns as wide as their Chinese text, outcome cells coloured, and a 汇总 sheet."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from creditdesk.atomic import atomic_path
from creditdesk.cancel import CancelToken
from creditdesk.outcomes import PRINT_BG, PRINT_FG
from creditdesk.safetext import xlsx_cell
from creditdesk.rows.ledger import (
    COLUMNS,
    OUTCOME_LABELS,
    ExportMeta,
    LedgerRow,
    Ticker,
    totals,
)

OUTCOME_FILLS = {o: c.lstrip("#") for o, c in PRINT_BG.items()}  # openpyxl: RRGGBB, no '#'
OUTCOME_FONTS = {o: c.lstrip("#") for o, c in PRINT_FG.items()}
MAX_WIDTH = 60
HEADER_ROW = 3  # 1: title, 2: filter and who generated it, 3: headers


def text_width(text: str) -> int:
    """Display width in Excel character units: East Asian wide characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def write_xlsx(
    rows: Sequence[LedgerRow],
    path: str | Path,
    meta: ExportMeta,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    tick = Ticker(len(rows), progress, cancel, step=250)
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(f"台账 {meta.date_text}")
    bold = Font(bold=True)
    xlsx_cell(ws, 1, 1, meta.title).font = Font(bold=True, size=14)
    xlsx_cell(ws, 2, 1, "；".join(p for p in (meta.filter_text, meta.generated_text) if p))
    ws.cell(row=2, column=1).font = Font(color="666666")
    header_fill = PatternFill("solid", fgColor="E8EEF6")
    widths = [text_width(c.header) for c in COLUMNS]
    for j, col in enumerate(COLUMNS, 1):
        cell = xlsx_cell(ws, HEADER_ROW, j, col.header)
        cell.font, cell.fill = bold, header_fill
        cell.alignment = Alignment(vertical="center")
    fills = {k: PatternFill("solid", fgColor=v) for k, v in OUTCOME_FILLS.items()}
    fonts = {k: Font(color=v, bold=k == "prohibit") for k, v in OUTCOME_FONTS.items()}
    outcome_col = next(j for j, c in enumerate(COLUMNS, 1) if c.key == "outcome_label")
    wrap = Alignment(wrap_text=True, vertical="top")
    wrap_cols = {j for j, c in enumerate(COLUMNS, 1) if c.key in ("measures", "departure_reason", "acknowledgement",
                                                                     "credit_review")}
    for i, row in enumerate(rows, 1):
        r = HEADER_ROW + i
        for j, col in enumerate(COLUMNS, 1):
            value = col.value(row)
            if value == "":
                value = None  # an empty cell, not an empty string
            cell = xlsx_cell(ws, r, j, value)
            if j in wrap_cols:
                cell.alignment = wrap
            w = text_width(str(value)) if value is not None else 0
            if w > widths[j - 1]:
                widths[j - 1] = w
        oc = ws.cell(row=r, column=outcome_col)
        if row.outcome in fills:
            oc.fill, oc.font = fills[row.outcome], fonts[row.outcome]
        tick(i)
    for j, col in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(j)].width = min(max(widths[j - 1], col.xlsx_min) + 2, MAX_WIDTH)
    last_col = get_column_letter(len(COLUMNS))
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{HEADER_ROW + max(len(rows), 1)}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    # 汇总
    ts = wb.create_sheet("汇总")
    sums = totals(rows)
    xlsx_cell(ts, 1, 1, meta.title).font = Font(bold=True, size=14)
    xlsx_cell(ts, 2, 1, meta.generated_text).font = Font(color="666666")
    xlsx_cell(ts, 4, 1, "项目").font = bold
    xlsx_cell(ts, 4, 2, "数量").font = bold
    label_to_outcome = {v: k for k, v in OUTCOME_LABELS.items()}
    for k, (label, n) in enumerate(sums.lines(), 5):
        a = xlsx_cell(ts, k, 1, label)
        xlsx_cell(ts, k, 2, n)
        if label in label_to_outcome:
            o = label_to_outcome[label]
            a.fill, a.font = fills[o], fonts[o]
    ts.column_dimensions["A"].width = max(text_width(label) for label, _ in sums.lines()) + 4
    ts.column_dimensions["B"].width = 10
    if meta.filter_text:
        xlsx_cell(ts, 6 + len(sums.lines()), 1, f"筛选条件：{meta.filter_text}")

    tick(len(rows), force=True)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return len(rows)


def _sheet_title(text: str) -> str:
    for ch in "[]:*?/\\":
        text = text.replace(ch, "-")
    return text[:31]
