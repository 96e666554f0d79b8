"""Batch files from users (``check --batch``, ``lookup --batch``, the GUI's 批量核查), read within bounds.

A batch file is refused whole, with the reason in Chinese, before any row is
checked or audited, when it is too big or not what it claims to be:

- at most ``MAX_ROWS`` non-empty rows (lines);
- a text or CSV file: at most ``MAX_TEXT_BYTES``, UTF-8 (with or without BOM) or
  UTF-16 with its BOM (Excel's "Unicode 文本"); any other encoding is named
  (a GBK/GB18030 file is recognised and said so) with what to do instead;
- an XLSX: at most ``MAX_XLSX_BYTES`` on disk and ``MAX_XLSX_INFLATED`` once its
  parts are decompressed (read from the ZIP directory before anything is parsed:
  a 677 KB file holding 3 million rows is refused at once); then the sheet is
  read streaming (openpyxl read-only), only its first ``MAX_COLUMNS`` columns,
  stopping as soon as a row beyond ``MAX_ROWS`` appears;
- no line, and no cell of the code column, is longer than ``MAX_CELL_CHARS``
  characters (a code is 18; other columns, such as a remark, may be longer).

From standard input (``lookup --batch -``, a program waiting for each answer)
lines are answered as they come: the same bounds are checked line by line, and
the first line past them stops the batch with the reason.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

MAX_ROWS = 20_000
MAX_TEXT_BYTES = 8 * 1024 * 1024
MAX_XLSX_BYTES = 16 * 1024 * 1024
MAX_XLSX_INFLATED = 64 * 1024 * 1024
MAX_COLUMNS = 50
MAX_CELL_CHARS = 200

XLSX_SUFFIXES = (".xlsx", ".xlsm")


class BatchFileError(ValueError):
    """A batch file refused whole; ``str()`` says why, in Chinese."""


def _too_many_rows(name: str) -> BatchFileError:
    return BatchFileError(f"名单 {name} 超过 {MAX_ROWS:,} 行，未处理任何一行：请分成多个文件")


def _too_long(name: str, where: str) -> BatchFileError:
    return BatchFileError(
        f"名单 {name} {where}超过 {MAX_CELL_CHARS} 个字符，不是代码或名称，未处理任何一行：请检查文件内容"
    )


# -- text and CSV ---------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    """The text of a batch file, or BatchFileError naming its encoding."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BatchFileError(f"名单 {name} 以 UTF-16 标记开头，但第 {exc.start + 1} 个字节起无法按 UTF-16 解码") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            data.decode("gb18030")
            guess = "看起来是 GBK/GB18030 编码（Excel 的“CSV（逗号分隔）”或记事本的“ANSI”）"
        except UnicodeDecodeError:
            guess = "也不是 GBK/GB18030 编码，可能不是文本文件"
        raise BatchFileError(
            f"名单 {name} 不是 UTF-8 编码：第 {line} 行（第 {exc.start + 1} 个字节）起无法解码，{guess}。"
            "请另存为“CSV UTF-8（逗号分隔）”或 XLSX 后重试"
        ) from None
    if "\x00" in text:
        raise BatchFileError(f"名单 {name} 含有空字符（NUL），不是文本文件：请使用文本、CSV 或 XLSX 文件")
    return text


def _read_text(path: str) -> tuple[str, str]:
    """(text, display name) of a text/CSV batch file or stdin, bounded."""
    import sys

    name = "（标准输入）" if path == "-" else Path(path).name
    if path == "-":
        data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
    else:
        try:
            size = Path(path).stat().st_size
        except OSError as exc:
            raise BatchFileError(f"无法读取名单 {path}：{exc.strerror or exc}") from None
        if size > MAX_TEXT_BYTES:
            raise BatchFileError(f"名单 {name} 有 {size:,} 字节，超过上限 {MAX_TEXT_BYTES:,} 字节，未处理任何一行")
        with open(path, "rb") as fh:
            data = fh.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        raise BatchFileError(f"名单 {name} 超过上限 {MAX_TEXT_BYTES:,} 字节，未处理任何一行")
    _refuse_binary(data, name)
    return _decode(data, name), name


def _refuse_binary(data: bytes, name: str) -> None:
    if data.startswith(b"PK\x03\x04"):
        raise BatchFileError(f"名单 {name} 是 ZIP/XLSX 文件，但扩展名不是 .xlsx：请改名为 .xlsx 后重试")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise BatchFileError(f"名单 {name} 是旧版 Excel（.xls）文件，不支持：请在 Excel 中另存为 .xlsx 或 CSV UTF-8")


def read_lines(path: str) -> list[str]:
    """The non-empty lines of a text batch file (stripped), refused whole past a bound."""
    text, name = _read_text(path)
    lines: list[str] = []
    for number, line in enumerate(io.StringIO(text), 1):
        line = line.strip()
        if not line:
            continue
        if len(line) > MAX_CELL_CHARS:
            raise _too_long(name, f"第 {number} 行")
        lines.append(line)
        if len(lines) > MAX_ROWS:
            raise _too_many_rows(name)
    return lines


def iter_stdin_lines(stream: IO[bytes]) -> Iterator[str]:
    """Lines of a byte stream as they come (stripped, empty ones skipped), the bounds checked
    line by line: the first line past them raises BatchFileError (the earlier ones were answered)."""
    name = "（标准输入）"
    decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
    rows = 0
    for number in itertools.count(1):
        raw = stream.readline(MAX_CELL_CHARS * 4 + 2)
        if not raw:
            return
        try:
            line = decoder.decode(raw)
        except UnicodeDecodeError:
            raise BatchFileError(
                f"{name}第 {number} 行不是 UTF-8 编码，已停止：此前各行已输出结果。请以 UTF-8 编码输入"
            ) from None
        if not line.endswith("\n") and len(raw) > MAX_CELL_CHARS * 4:
            raise _too_long(name, f"第 {number} 行")
        line = line.strip()
        if not line:
            continue
        if "\x00" in line:
            raise BatchFileError(f"{name}第 {number} 行含有空字符（NUL），已停止：此前各行已输出结果")
        if len(line) > MAX_CELL_CHARS:
            raise _too_long(name, f"第 {number} 行")
        rows += 1
        if rows > MAX_ROWS:
            raise BatchFileError(f"{name}超过 {MAX_ROWS:,} 行，已停止：此前各行已输出结果")
        yield line


def _csv_rows(text: str, name: str) -> list[list[str]]:
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline="")):
            row = row[:MAX_COLUMNS]
            if not any(c.strip() for c in row):
                continue
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:  # one header row allowed
                raise _too_many_rows(name)
    except csv.Error as exc:
        raise BatchFileError(f"名单 {name} 不是有效的 CSV：{exc}") from None
    return rows


def check_codes(codes: list[str], path: str) -> list[str]:
    """``codes`` (the column read from a table) if none is longer than MAX_CELL_CHARS."""
    for number, code in enumerate(codes, 1):
        if len(code) > MAX_CELL_CHARS:
            raise _too_long(Path(path).name, f"代码列第 {number} 个值")
    return codes


# -- XLSX -------------------------------------------------------------------------------------


def _check_xlsx_sizes(path: str, name: str) -> None:
    """Refuse by the ZIP directory alone, before openpyxl parses anything."""
    try:
        size = Path(path).stat().st_size
    except OSError as exc:
        raise BatchFileError(f"无法读取名单 {path}：{exc.strerror or exc}") from None
    if size > MAX_XLSX_BYTES:
        raise BatchFileError(f"名单 {name} 有 {size:,} 字节，超过上限 {MAX_XLSX_BYTES:,} 字节，未处理任何一行")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError):
        with open(path, "rb") as fh:
            _refuse_binary(fh.read(8), name)
        raise BatchFileError(f"名单 {name} 不是有效的 XLSX 文件（无法作为 ZIP 打开）：请在 Excel 中重新保存") from None
    if len(infos) > 10_000:
        raise BatchFileError(f"名单 {name} 含有 {len(infos):,} 个部件，不是正常的 XLSX 文件，未处理任何一行")
    inflated = sum(i.file_size for i in infos)
    if inflated > MAX_XLSX_INFLATED:
        raise BatchFileError(
            f"名单 {name} 解压后有 {inflated:,} 字节，超过上限 {MAX_XLSX_INFLATED:,} 字节"
            f"（约 {MAX_ROWS:,} 行的名单远小于此），未处理任何一行：请只保留代码列，或分成多个文件"
        )


def _xlsx_rows(path: str) -> list[list[str]]:
    name = Path(path).name
    _check_xlsx_sizes(path, name)
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise BatchFileError(f"名单 {name} 无法作为 XLSX 读取（{type(exc).__name__}）：请在 Excel 中重新保存") from None
    rows: list[list[str]] = []
    try:
        sheet = wb.active
        if sheet is None:
            raise BatchFileError(f"名单 {name} 没有工作表")
        for values in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
            row = ["" if v is None else str(v) for v in values]
            if not any(c.strip() for c in row):
                continue
            rows.append(row)  # cells are openpyxl's own strings (a shared string is one object)
            if len(rows) > MAX_ROWS + 1:  # one header row allowed
                raise _too_many_rows(name)
    except BatchFileError:
        raise
    except zipfile.BadZipFile as exc:  # a part whose size or checksum does not match the directory
        raise BatchFileError(f"名单 {name} 已损坏（{exc}）：请在 Excel 中重新保存") from None
    except Exception as exc:  # noqa: BLE001
        raise BatchFileError(f"名单 {name} 无法作为 XLSX 读取（{type(exc).__name__}）：请在 Excel 中重新保存") from None
    finally:
        wb.close()
    return rows


def read_table(path: str) -> list[list[str]]:
    """The rows of a batch file as cells: a CSV or XLSX table, or a text file's lines."""
    lower = path.lower()
    if lower.endswith(XLSX_SUFFIXES):
        return _xlsx_rows(path)
    if lower.endswith(".xls"):
        raise BatchFileError(f"不支持旧版 Excel（.xls）文件 {Path(path).name}：请另存为 .xlsx 或 CSV UTF-8")
    if lower.endswith(".csv"):
        text, name = _read_text(path)
        return _csv_rows(text, name)
    return [[line] for line in read_lines(path)]
