"""names.index_values (one normalisation per name, for the apply path) agrees with the plain definitions."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from creditdesk.names import (
    COMPANY_FORM_SUFFIXES,
    _initials_table,
    bigrams,
    core_name,
    index_chars,
    index_values,
    normalize_name,
    pinyin_initials,
)


def plain_normalize(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def plain_core(text: str) -> str:
    name = plain_normalize(text)
    for suffix in COMPANY_FORM_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def plain_initials(text: str) -> str:
    return "".join(c for c in plain_normalize(text).translate(_initials_table()) if c.isascii() and c.isalnum())


def expected(text: str) -> tuple[str, str, str, str, str]:
    initials = plain_initials(text)
    chars = " ".join(c for c in plain_normalize(text) if c.isalnum())
    return plain_normalize(text), plain_core(text), initials, chars, " ".join(initials[i : i + 2] for i in range(len(initials) - 1))


_pieces = st.one_of(
    st.sampled_from(["福州", "顺心", "贸易", "有限公司", "股份有限公司", "(有限合伙)", "（特殊普通合伙）", "公司", "分公司",
                     "Ａ", "ｂ", " ", "\u3000", "-", "·", "①", "Ⅻ", "İ", "ß", "K", "x1", "行", "重庆", "厦门"]),
    st.text(max_size=3),
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(_pieces, max_size=8).map("".join))
def test_index_values_are_the_plain_definitions(text):
    assert index_values(text) == expected(text)
    assert (normalize_name(text), core_name(text), pinyin_initials(text)) == expected(text)[:3]
    assert " ".join(index_chars(text)) == expected(text)[3]
    assert " ".join(bigrams(pinyin_initials(text))) == expected(text)[4]


def test_known_names():
    assert index_values("福州顺心贸易有限公司") == (
        "福州顺心贸易有限公司", "福州顺心贸易", "fzsxmyyxgs", "福 州 顺 心 贸 易 有 限 公 司", "fz zs sx xm my yy yx xg gs",
    )  # fmt: skip
    assert index_values("ＡＢＣ（有限合伙）")[:3] == ("abc(有限合伙)", "abc", "abcyxhh")
