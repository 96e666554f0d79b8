"""ui/core_text.py: the core's formatted messages, in the window's language.

Its templates copy the shapes of messages written in the Qt-free core; these tests take real messages
from the core (identifiers.py, queryhint.py, review_workflow/engine texts, rows/usage.py) and check that
in Chinese each comes back unchanged, and in English each matches a template and has no Chinese left
but the values that are data (a subject's title, a profile's name).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from creditdesk.identifiers import CodeError, make_uscc, parse_code
from creditdesk.queryhint import hint_for

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def _code_error(text: str) -> str:
    with pytest.raises(CodeError) as info:
        parse_code(text, today=dt.date(2026, 11, 20))
    return info.value.message


def core_messages() -> list[str]:
    good = make_uscc("91350100MA0000001")
    wrong_check = good[:17] + ("0" if good[17] != "0" else "1")
    return [
        hint_for("").message,  # 输入统一社会信用代码、身份证号码或名称
        hint_for("9135010046").message,  # 正在输入代码：已输入 10 位，共 18 位
        hint_for(good).message,  # 有效的统一社会信用代码
        hint_for("顺心").message,  # 按名称、曾用名或拼音首字母查找
        hint_for("顺").message,  # 名称至少输入 2 个字
        _code_error(wrong_check),  # 校验码错误：第18位应为“…”，输入为“…”
        _code_error(good[:8] + "I" + good[9:]),  # 第9位字符“I”不合法：统一社会信用代码不使用 I、O、Z、S、V
        _code_error("350102800101123"),  # 15位为第一代身份证号码 …
        _code_error("9135010" + "0" * 12),  # 应输入18位…，实际为19位
    ]


def test_in_chinese_every_message_comes_back_unchanged(qapp):
    from creditdesk.ui.core_text import core_message

    for text in core_messages():
        assert HAN.search(text), text  # they are the core's Chinese messages
        assert core_message(text) == text


@pytest.fixture
def english(qapp):
    from creditdesk.ui.i18n import DEFAULT_LOCALE, install_translators

    install_translators(qapp, "en")
    yield
    install_translators(qapp, DEFAULT_LOCALE)


def test_in_english_no_message_keeps_a_chinese_word(english):
    from creditdesk.ui.core_text import core_message

    shown = {text: core_message(text) for text in core_messages()}
    assert {k: v for k, v in shown.items() if HAN.search(v)} == {}
    # the values go into the English sentence: the position and the characters of the check error
    good = make_uscc("91350100MA0000001")
    assert core_message(_code_error(good[:8] + "I" + good[9:])) == (
        "Character 9 (“I”) is not allowed: credit codes do not use I, O, Z, S, V")
    assert core_message(hint_for("9135010046").message) == "Typing a code: 10 of 18 characters"
    assert core_message("2026年第四季度") == "Q4 2026"  # rows/usage.py's period label
    assert core_message("演示科长 批准") == "approved by 演示科长"  # a name is data: as it is


def test_the_unruled_notice_is_the_engines_in_chinese(qapp):
    """ui/core_text.unruled_notice rebuilds policy/engine.CheckResult.unruled_notice from its records:
    in Chinese the two must be the same text."""
    from creditdesk.policy.engine import CheckResult
    from creditdesk.ui.core_text import unruled_notice

    class Profile:
        name = "武汉市武昌区"

    class Record:
        category, title, authority, doc_no = "admin_penalty", "销售不合格产品", "武昌区市场监督管理局", "武市监罚〔2026〕1号"
        decided_on = dt.date(2026, 5, 4)

    class NoDoc(Record):
        doc_no = None

    for records in ((Record(),), (Record(), NoDoc())):
        result = CheckResult.__new__(CheckResult)
        object.__setattr__(result, "unruled_adverse", records)
        object.__setattr__(result, "profile", Profile())
        assert unruled_notice(result) == result.unruled_notice
