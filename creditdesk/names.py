"""Name normalisation for search: what officers type versus what names hold.

- ``normalize_name``: NFKC, no whitespace, lowercase ASCII — the form that is
  indexed and compared.
- ``core_name``: the normalised name without its company-form suffix
  (有限公司, 股份有限公司 …), so that 福州顺心贸易 matches 福州顺心贸易有限公司 exactly.
- ``pinyin_initials``: 福州顺心 → ``fzsx``. pypinyin's per-call API costs ~60 µs
  a name, too slow for a million-subject load, so the initial of each
  character's most common reading is taken from pypinyin's own dictionary into
  a ``str.translate`` table once.
"""

from __future__ import annotations

import functools
import unicodedata

# Longest first: the first suffix that matches is stripped.
COMPANY_FORM_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        {
            "股份有限公司",
            "有限责任公司",
            "有限公司",
            "股份公司",
            "集团公司",
            "有限合伙企业",
            "普通合伙企业",
            "(有限合伙)",
            "(普通合伙)",
            "(特殊普通合伙)",
            "合伙企业",
            "公司",
        },
        key=len,
        reverse=True,
    )
)


def normalize_name(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.split()).lower()


def core_name(text: str) -> str:
    name = normalize_name(text)
    for suffix in COMPANY_FORM_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def index_chars(text: str) -> list[str]:
    """The characters that the full-text index holds: letters and digits only."""
    return [c for c in normalize_name(text) if c.isalnum()]


@functools.cache
def _initials_table() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    table: dict[int, str] = {}
    for codepoint, readings in pinyin_dict.items():
        first = readings.split(",", 1)[0]
        letter = unicodedata.normalize("NFD", first)[:1].lower()
        if "a" <= letter <= "z":
            table[codepoint] = letter
    return table


def pinyin_initials(text: str) -> str:
    """Initials of the name's characters; ASCII letters and digits are kept as they are."""
    translated = normalize_name(text).translate(_initials_table())
    return "".join(c for c in translated if c.isascii() and c.isalnum())


def is_initials_query(text: str) -> bool:
    q = normalize_name(text)
    return bool(q) and q.isascii() and q.isalpha()


def bigrams(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]
