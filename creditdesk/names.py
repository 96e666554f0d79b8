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
import re
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


def _core_of(name: str) -> str:
    """``core_name`` of an already normalised name."""
    for suffix in _SUFFIXES_BY_ENDING.get(name[-2:], ()):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


# The suffixes by their last two characters (every suffix has at least two), longest first.
_SUFFIXES_BY_ENDING: dict[str, tuple[str, ...]] = {
    ending: tuple(s for s in COMPANY_FORM_SUFFIXES if s.endswith(ending))
    for ending in {s[-2:] for s in COMPANY_FORM_SUFFIXES}
}


def core_name(text: str) -> str:
    return _core_of(normalize_name(text))


def index_chars(text: str) -> list[str]:
    """The characters that the full-text index holds: letters and digits only."""
    return [c for c in normalize_name(text) if c.isalnum()]


def _load_pinyin_dict() -> dict[int, str]:
    """pypinyin's per-character readings, without importing the ``pypinyin`` package.

    The package's ``__init__`` also loads its phrase dictionary: ~300 ms of
    ``json.loads`` that holds the GIL and froze the GUI when a sync first
    touched names on a worker thread. The per-character table alone is a plain
    module that loads in ~40 ms.
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("pypinyin")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("pypinyin")
    path = Path(spec.origin).with_name("pinyin_dict.py")
    module_spec = importlib.util.spec_from_file_location("_creditdesk_pinyin_dict", path)
    assert module_spec is not None and module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module.pinyin_dict


@functools.cache
def _initials_table() -> dict[int, str]:
    pinyin_dict = _load_pinyin_dict()
    table: dict[int, str] = {}
    for codepoint, readings in pinyin_dict.items():
        first = readings.split(",", 1)[0]
        letter = unicodedata.normalize("NFD", first)[:1].lower()
        if "a" <= letter <= "z":
            table[codepoint] = letter
    return table


def pinyin_initials(text: str) -> str:
    """Initials of the name's characters; ASCII letters and digits are kept as they are."""
    return _initials_of(normalize_name(text))


_NOT_ASCII_ALNUM = re.compile(r"[^0-9A-Za-z]+")


def _initials_of(norm: str) -> str:
    """``pinyin_initials`` of an already normalised name."""
    ascii_only = norm.translate(_initials_table()).encode("ascii", "ignore").decode("ascii")
    return ascii_only if ascii_only.isalnum() or not ascii_only else _NOT_ASCII_ALNUM.sub("", ascii_only)


def index_values(text: str) -> tuple[str, str, str, str, str]:
    """Everything the name index holds for one name, normalising it once.

    ``(norm, core, initials, chars, grams)``: :func:`normalize_name`,
    :func:`core_name`, :func:`pinyin_initials`, and the full-text tokens — the
    :func:`index_chars` and the :func:`bigrams` of the initials, space-separated.
    """
    norm = normalize_name(text)
    initials = _initials_of(norm)
    chars = " ".join(norm) if norm.isalnum() else " ".join([c for c in norm if c.isalnum()])
    return norm, _core_of(norm), initials, chars, _spaced_bigrams(initials)


def _spaced_bigrams(ascii_text: str) -> str:
    """``" ".join(bigrams(ascii_text))`` for ASCII text, by slicing bytes: ``fzsx`` -> ``fz zs sx``."""
    n = len(ascii_text)
    if n < 3:
        return ascii_text if n == 2 else ""
    raw = ascii_text.encode("ascii")
    out = bytearray(b" ") * (3 * n - 4)
    out[0::3] = raw[:-1]
    out[1::3] = raw[1:]
    return out.decode("ascii")


def is_initials_query(text: str) -> bool:
    q = normalize_name(text)
    return bool(q) and q.isascii() and q.isalpha()


def bigrams(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]
