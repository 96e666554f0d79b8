"""What the query box says while the officer types, before anything is searched.

Pure: no database, so it runs on every keystroke. Codes get a tick or the
exact error; a code still being typed gets a count of characters, except that
a character that can never be right is reported at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from creditdesk.identifiers import CodeError, normalize_code, parse_code
from creditdesk.names import index_chars

State = Literal["empty", "partial", "valid", "invalid", "name", "short"]


@dataclass(frozen=True)
class QueryHint:
    state: State
    message: str
    kind: str | None = None  # "uscc" | "id_number" once valid

    @property
    def searchable(self) -> bool:
        return self.state in ("valid", "name")


def _typing_a_code(code: str) -> bool:
    if not code or not code.isascii() or not code.isalnum():
        return False
    digits = sum(c.isdigit() for c in code)
    return digits >= 6 or (len(code) >= 4 and digits == len(code))


def hint_for(text: str, final: bool = False) -> QueryHint:
    """``final`` is True when the officer pressed Enter: incomplete codes are errors then."""
    if not text.strip():
        return QueryHint("empty", "输入统一社会信用代码、身份证号码或名称")
    code = normalize_code(text)
    if _typing_a_code(code):
        try:
            parsed = parse_code(code)
        except CodeError as exc:
            if final or len(code) >= 18 or exc.reason == "illegal_char":
                return QueryHint("invalid", exc.message)
            return QueryHint("partial", f"正在输入代码：已输入 {len(code)} 位，共 18 位")
        label = "统一社会信用代码" if parsed.kind == "uscc" else "居民身份证号码"
        return QueryHint("valid", f"有效的{label}", parsed.kind)
    if len(index_chars(text)) < 2:
        return QueryHint("short", "名称至少输入 2 个字")
    return QueryHint("name", "按名称、曾用名或拼音首字母查找")
