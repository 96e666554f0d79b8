"""The CJK TrueType font the printed slips embed (as a subset).

reportlab embeds TrueType outlines only (``glyf``), never CFF ones, so OpenType/CFF
fonts (``OTTO``, e.g. Noto Sans CJK, Source Han, macOS PingFang) are skipped.
Candidates, in order: the path in ``CREDITDESK_CJK_FONT`` (``PATH`` or
``PATH#INDEX`` for a collection), then the usual system fonts of Debian/Ubuntu,
Windows and macOS.  The font is registered with reportlab once per process.
"""

from __future__ import annotations

import os
import struct
import threading
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CJKFontNotFound", "FontSource", "FONT_NAME", "cjk_font_name", "find_cjk_font", "font_candidates"]

FONT_NAME = "CreditDeskCJK"
ENV_VAR = "CREDITDESK_CJK_FONT"

# (path, subfontIndex) in order of preference after the environment variable.
SYSTEM_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0),
)


class CJKFontNotFound(RuntimeError):
    """No embeddable (TrueType-outline) CJK font was found; the message says where we looked."""


@dataclass(frozen=True)
class FontSource:
    path: str
    subfont_index: int = 0


def _parse_env(value: str) -> tuple[str, int]:
    path, sep, index = value.rpartition("#")
    if sep and index.isdigit():
        return path, int(index)
    return value, 0


def font_candidates() -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        out.append(_parse_env(env))
    out.extend(SYSTEM_CANDIDATES)
    return out


def _outline_kind(path: str, index: int) -> str:
    """'truetype', 'cff' or a reason it is unusable, from the sfnt header alone."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                if index >= count:
                    return f"集合中只有 {count} 个字体，没有第 {index} 个"
                f.seek(12 + 4 * index)
                (offset,) = struct.unpack(">I", f.read(4))
                f.seek(offset)
                head = f.read(12)
            version = head[:4]
            if version == b"OTTO":
                return "cff"
            if version not in (b"\x00\x01\x00\x00", b"true"):
                return "不是 TrueType 字体文件"
            (num_tables,) = struct.unpack(">H", head[4:6])
            tags = {f.read(16)[:4] for _ in range(num_tables)}
    except OSError as err:
        return f"无法读取（{err.strerror or err}）"
    except struct.error:
        return "文件已损坏"
    if b"glyf" not in tags:
        return "cff"
    return "truetype"


def find_cjk_font() -> FontSource:
    """The first usable candidate, or raise :class:`CJKFontNotFound` naming all of them."""
    tried: list[str] = []
    for path, index in font_candidates():
        label = path if index == 0 else f"{path}#{index}"
        if not Path(path).is_file():
            tried.append(f"{label}（不存在）")
            continue
        kind = _outline_kind(path, index)
        if kind == "truetype":
            return FontSource(path, index)
        if kind == "cff":
            kind = "CFF/OpenType 轮廓，reportlab 无法嵌入"
        tried.append(f"{label}（{kind}）")
    raise CJKFontNotFound(
        "未找到可嵌入 PDF 的中文 TrueType 字体，无法生成核查单。已查找：\n  "
        + "\n  ".join(tried)
        + f"\n请安装文泉驿微米黑（Debian/Ubuntu：apt-get install fonts-wqy-microhei），"
        f"或将环境变量 {ENV_VAR} 设为一个 TrueType 中文字体文件（.ttf/.ttc，集合可写作 路径#序号）。"
    )


_lock = threading.Lock()
_registered: FontSource | None = None


def cjk_font_name() -> str:
    """Register the CJK font with reportlab (once per process) and return its name."""
    global _registered
    if _registered is not None:
        return FONT_NAME
    with _lock:
        if _registered is None:
            from reportlab.lib.fonts import addMapping
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            source = find_cjk_font()
            pdfmetrics.registerFont(TTFont(FONT_NAME, source.path, subfontIndex=source.subfont_index))
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
            _registered = source
    return FONT_NAME


def registered_font() -> FontSource | None:
    """Which file was registered, if any yet."""
    return _registered
