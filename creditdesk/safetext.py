"""Text that cannot be turned against its reader: one rule for every export and for the data applied.

Text from the platform (subject names, record titles) and from users ends up in
spreadsheets, CSV files, PDFs and on screen. Three things go wrong with it:

- **formulas**: a cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or
  with a tab or CR, or any of them after leading blanks) is a live formula to
  Excel and WPS — ``=HYPERLINK(...)`` in a subject's name becomes a link in the
  supervisor's ledger. CSV cells get a leading ``'`` (the usual guard; the value
  is then read as text); XLSX cells are written as text cells (type ``s``, with
  Excel's quote prefix), the value kept exactly;
- **control characters**: C0/C1 controls, DEL, lone surrogates, bidirectional
  overrides and zero-width format characters. A NUL makes openpyxl refuse the
  whole workbook; bidi overrides make a name read backwards. They are removed
  (line breaks kept where a field may have several lines);
- **length**: see :func:`shorten` (PDF cells) and services/apply.py (caps on apply).

No imports from the rest of the project: services and exports both use it.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls but tab/LF/CR, DEL, C1 controls, lone surrogates, zero-width and
# bidirectional format characters (U+200B-U+200F, U+202A-U+202E, U+2060-U+2064,
# U+2066-U+2069), the BOM inside text and the interlinear annotation marks.
_ALWAYS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb"
_CONTROLS_MULTILINE = re.compile(f"[{_ALWAYS}]")
#: The characters clean_text always removes (whatever it does with tabs and line breaks).
CONTROL_CHARS = _CONTROLS_MULTILINE
_CONTROLS_ONE_LINE = re.compile(f"[{_ALWAYS}]|[\t\n\r]+")
_LINE_BREAKS = re.compile(r"\r\n?")

#: What makes a spreadsheet cell a formula when it comes first (the CSV guard's rule).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_BLANKS = " \u3000\t\r\n"


def clean_text(value: Any, *, multiline: bool = False) -> str:
    """``value`` as text without control or format characters.

    One-line text (names, titles, codes): tabs and line breaks become one space.
    ``multiline``: line breaks are kept (CR LF and CR become LF), tabs become a space.
    """
    text = "" if value is None else str(value)
    if text.isprintable() and text.isascii():
        return text  # the common case, without a regex
    if multiline:
        text = _LINE_BREAKS.sub("\n", text).replace("\t", " ")
        return _CONTROLS_MULTILINE.sub("", text)
    return _CONTROLS_ONE_LINE.sub(lambda m: " " if m.group(0)[0] in "\t\n\r" else "", text)


def has_controls(text: str, *, multiline: bool = False) -> bool:
    """Whether :func:`clean_text` would change ``text`` (fast for ordinary text)."""
    if text.isprintable():
        return False
    return clean_text(text, multiline=multiline) != text


def looks_like_formula(text: str) -> bool:
    """A spreadsheet would take ``text`` for a formula (first character, or first after blanks)."""
    if not text:
        return False
    return text.startswith(FORMULA_STARTS) or text.lstrip(_BLANKS).startswith(FORMULA_STARTS[:4])


def csv_cell(value: Any, *, multiline: bool = True) -> Any:
    """A CSV field: text cleaned and, when it looks like a formula, prefixed with ``'``.

    Numbers and ``None`` pass as they are (a number is never a formula)."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    raw = str(value)
    text = clean_text(raw, multiline=multiline)
    return "'" + text if looks_like_formula(raw) or looks_like_formula(text) else text


def xlsx_cell(ws: Any, row: int, column: int, value: Any = None, *, multiline: bool = True) -> Any:
    """``ws.cell(row=, column=, value=)`` for openpyxl, with text written as text.

    Text is cleaned of control characters (openpyxl refuses a workbook holding
    one) and stored as a string cell even when it starts like a formula; such a
    cell also gets Excel's quote prefix, so editing it keeps it text. Numbers,
    dates and booleans are written as they are. Returns the cell.
    """
    if isinstance(value, str):
        text = clean_text(value, multiline=multiline)
        cell = ws.cell(row=row, column=column, value=text)
        if cell.data_type != "s":  # openpyxl made it a formula ("f") from its leading "="
            cell.data_type = "s"
        if looks_like_formula(value) or looks_like_formula(text):
            cell.quotePrefix = True
        return cell
    return ws.cell(row=row, column=column, value=value)


def xlsx_write_row(ws: Any, row: int, values: list[Any], *, multiline: bool = True) -> None:
    """Row ``row`` of ``ws`` set to ``values`` through :func:`xlsx_cell` (``ws.append`` made safe)."""
    for column, value in enumerate(values, 1):
        xlsx_cell(ws, row, column, value, multiline=multiline)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (the full value stays in the data)."""
    return text if len(text) <= limit else text[: max(0, limit - 1)] + "…"
