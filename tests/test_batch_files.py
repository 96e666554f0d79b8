"""Batch files are read within bounds and refused whole with a Chinese reason (issue 10 item 5,
and the raw Python message for invalid UTF-8).

The CLI tests run the real entry point in a subprocess on a small home; "refused whole"
means no result line, no XLSX written and no audit entry for any row.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from creditdesk.app import open_app
from creditdesk.services import batchfile
from creditdesk.services.batchfile import BatchFileError, iter_stdin_lines, read_lines, read_table
from creditdesk.services.check import read_batch_codes
from support.city import uscc

REPO = Path(__file__).resolve().parents[1]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    p = subprocess.run(
        [sys.executable, "-m", "creditdesk", *args], capture_output=True, timeout=120, cwd=REPO, input=stdin,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    p.stdout_text, p.stderr_text = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")  # type: ignore[attr-defined]
    return p


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("batch") / "home"
    open_app(home).close()
    return home


def audit_count(home: Path) -> int:
    ctx = open_app(home)
    try:
        return ctx.audit.count()
    finally:
        ctx.close()


def million_row_xlsx(path: Path, rows: int = 3_000_000) -> None:
    """A small XLSX (one shared string, repeated) whose sheet holds ``rows`` rows: the issue's 677 KB file."""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        "xl/sharedStrings.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="1" uniqueCount="1"><si><t>{uscc(1)}</t></si></sst>'
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
                     b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')  # fmt: skip
            # Rows and cells without their optional r="" references: identical, so they compress to nothing.
            step = 50_000
            block = b'<row><c t="s"><v>0</v></c></row>' * step
            for _ in range(rows // step):
                fh.write(block)
            fh.write(b"</sheetData></worksheet>")


@pytest.fixture(scope="module")
def bomb_xlsx(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "三百万行.xlsx"
    million_row_xlsx(path)
    return path


# -- the reader ------------------------------------------------------------------------------


def test_the_3_million_row_xlsx_is_refused_by_its_zip_directory(bomb_xlsx):
    assert bomb_xlsx.stat().st_size < 2 * 1024 * 1024  # small on disk ...
    with pytest.raises(BatchFileError) as err:
        read_batch_codes(str(bomb_xlsx))
    message = str(err.value)
    assert "解压后" in message and "超过上限" in message and "未处理任何一行" in message


def test_an_xlsx_with_too_many_rows_is_refused_whole(tmp_path):
    """Within the size caps but one row past MAX_ROWS: found while streaming, refused whole."""
    path = tmp_path / "many.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["统一社会信用代码"])
    for _ in range(batchfile.MAX_ROWS + 1):
        ws.append([uscc(1)])
    wb.save(path)
    with pytest.raises(BatchFileError) as err:
        read_batch_codes(str(path))
    assert f"超过 {batchfile.MAX_ROWS:,} 行" in str(err.value)


def test_exactly_max_rows_with_a_header_are_read(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text("统一社会信用代码\n" + f"{uscc(1)}\n" * batchfile.MAX_ROWS, encoding="utf-8")
    assert len(read_batch_codes(str(path))) == batchfile.MAX_ROWS


def test_a_text_file_with_too_many_lines_is_refused(tmp_path):
    path = tmp_path / "many.txt"
    path.write_text(f"{uscc(1)}\n" * (batchfile.MAX_ROWS + 1), encoding="utf-8")
    with pytest.raises(BatchFileError, match="超过 20,000 行"):
        read_lines(str(path))


def test_a_text_file_over_the_byte_cap_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(batchfile.MAX_TEXT_BYTES + 1)
    with pytest.raises(BatchFileError, match="超过上限"):
        read_lines(str(path))


def test_invalid_utf8_is_named_with_its_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(uscc(1).encode() + b"\n" + b"\xff\xfe\xfa\n")
    with pytest.raises(BatchFileError) as err:
        read_lines(str(path))
    assert "不是 UTF-8 编码" in str(err.value) and "第 2 行" in str(err.value)


def test_a_gbk_csv_is_recognised_as_gbk(tmp_path):
    """What Excel's plain “CSV（逗号分隔）” writes on a Chinese Windows."""
    path = tmp_path / "名单.csv"
    path.write_bytes(f"名称,统一社会信用代码\n福州顺心贸易有限公司,{uscc(1)}\n".encode("gbk"))
    with pytest.raises(BatchFileError) as err:
        read_table(str(path))
    assert "GBK/GB18030" in str(err.value) and "CSV UTF-8" in str(err.value) and "第 1 行" in str(err.value)


def test_utf16_with_bom_is_read(tmp_path):
    """Excel's “Unicode 文本” is UTF-16 with a BOM: a valid encoding, read as such."""
    path = tmp_path / "名单.txt"
    path.write_bytes(f"{uscc(1)}\r\n{uscc(2)}\r\n".encode("utf-16"))
    assert read_lines(str(path)) == [uscc(1), uscc(2)]


def test_binary_and_wrongly_named_files_are_named(tmp_path):
    xls = tmp_path / "old.txt"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(BatchFileError, match="旧版 Excel"):
        read_lines(str(xls))
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"abc\x00def\n")
    with pytest.raises(BatchFileError, match="空字符"):
        read_lines(str(nul))
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a zip", encoding="utf-8")
    with pytest.raises(BatchFileError, match="不是有效的 XLSX"):
        read_table(str(fake))


def test_an_overlong_line_is_refused(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(uscc(1) + "\n" + "甲" * 1000 + "\n", encoding="utf-8")
    with pytest.raises(BatchFileError, match="第 2 行超过 200 个字符"):
        read_lines(str(path))


def test_stdin_lines_are_answered_until_the_first_bad_one():
    import io

    stream = io.BytesIO(b"\xef\xbb\xbf" + uscc(1).encode() + b"\n\n" + uscc(2).encode() + b"\n\xff\xfe\n" + b"more\n")
    got = []
    with pytest.raises(BatchFileError, match="第 4 行不是 UTF-8 编码"):
        for line in iter_stdin_lines(stream):
            got.append(line)
    assert got == [uscc(1), uscc(2)]


# -- the commands ----------------------------------------------------------------------------


def test_check_batch_refuses_the_3_million_row_xlsx_and_audits_nothing(home, bomb_xlsx, tmp_path):
    before = audit_count(home)
    out = tmp_path / "results.xlsx"
    p = run("--home", str(home), "check", "--batch", str(bomb_xlsx), "--matter", "procurement", "--profile", "cangzhou",
            "--out", str(out))  # fmt: skip
    assert p.returncode == 1
    assert "解压后" in p.stderr_text and "未处理任何一行" in p.stderr_text and "Traceback" not in p.stderr_text
    assert p.stdout_text == "" and not out.exists()
    assert audit_count(home) == before


@pytest.mark.parametrize("command", ["check", "lookup"])
def test_invalid_utf8_batch_gets_a_chinese_message_not_a_python_one(home, tmp_path, command):
    path = tmp_path / "bad.txt"
    path.write_bytes(uscc(1).encode() + b"\n" + "福州".encode("gbk") + b"\n")
    extra = ["--matter", "procurement", "--profile", "cangzhou"] if command == "check" else ["--json"]
    before = audit_count(home)
    p = run("--home", str(home), command, "--batch", str(path), *extra)
    assert p.returncode == 1
    assert "不是 UTF-8 编码" in p.stderr_text and "第 2 行" in p.stderr_text
    assert "Traceback" not in p.stderr_text and "UnicodeDecodeError" not in p.stderr_text
    assert p.stdout_text == ""  # refused whole: not even the first, valid line
    assert audit_count(home) == before


def test_lookup_batch_from_stdin_stops_at_invalid_utf8_after_answering_earlier_lines(home):
    p = run("--home", str(home), "lookup", "--batch", "-", "--json", stdin=b"\xe9\xa1\xba\xe5\xbf\x83\n\xff\n")
    assert p.returncode == 1
    lines = [json.loads(x) for x in p.stdout_text.splitlines()]
    assert [x["query"] for x in lines] == ["顺心"]
    assert "第 2 行不是 UTF-8 编码" in p.stderr_text and "Traceback" not in p.stderr_text


def test_a_long_remark_beside_the_code_column_is_fine_a_long_code_is_not(tmp_path):
    path = tmp_path / "名单.xlsx"
    wb = Workbook()
    wb.active.append(["统一社会信用代码", "备注"])
    wb.active.append([uscc(1), "说明" * 500])
    wb.save(path)
    assert read_batch_codes(str(path)) == [uscc(1)]
    wb.active.append(["9" * 300, ""])
    wb.save(path)
    with pytest.raises(BatchFileError, match="代码列第 2 个值超过 200 个字符"):
        read_batch_codes(str(path))
