"""Messages the Qt-free core writes in Chinese with values in them, in the window's language.

The core says ``校验码错误：第18位应为“7”，输入为“0”`` (identifiers.py), ``正在输入代码：已输入 10 位，
共 18 位`` (queryhint.py), ``2026年第四季度`` (rows/usage.py) and keeps no Qt. The window passes such a
text through :func:`core_message`: each template below is one of the core's message shapes, written as
the core writes it with ``{0}``, ``{1}`` … for the values; a text that matches it is shown as
``tr(template)`` filled with the values, each value translated too when it is a word of the vocabulary
or of SENTENCES (a reason, a label; a name or a number stays as it is). A text no template matches is looked up whole (a fixed sentence) or shown as it is.
In Chinese every template translates to itself: the text comes back unchanged.

A new message shape in the core is added here as one more ``QT_TRANSLATE_NOOP`` line (and translated
in the .ts); the English tour test finds the ones that reach a screen untranslated.
"""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TEMPLATES = (
    # identifiers.py: why a code cannot be accepted
    QT_TRANSLATE_NOOP("", "第{0}位字符“{1}”不合法：{2}"),
    QT_TRANSLATE_NOOP("", "校验码错误：第18位应为“{0}”，输入为“{1}”"),
    QT_TRANSLATE_NOOP("", "统一社会信用代码应为18位，实际为{0}位"),
    QT_TRANSLATE_NOOP("", "居民身份证号码应为18位，实际为{0}位"),
    QT_TRANSLATE_NOOP("", "应输入18位统一社会信用代码或18位居民身份证号码，实际为{0}位"),
    QT_TRANSLATE_NOOP("", "地址码前两位“{0}”不是有效的省级行政区划代码"),
    QT_TRANSLATE_NOOP("", "出生日期“{0}”不是有效日期"),
    QT_TRANSLATE_NOOP("", "出生日期“{0}”早于1900年1月1日"),
    QT_TRANSLATE_NOOP("", "出生日期“{0}”晚于今天"),
    QT_TRANSLATE_NOOP("", "登记管理部门码应为{0}之一"),
    QT_TRANSLATE_NOOP("", "登记管理部门码“{0}”（{1}）的机构类别码应为{2}之一"),
    # queryhint.py: what the query box says while the officer types
    QT_TRANSLATE_NOOP("", "正在输入代码：已输入 {0} 位，共 18 位"),
    # services/review_workflow.py: a step still open
    QT_TRANSLATE_NOOP("", "有 {0} 条有效不良记录无措施规定：请确认已阅"),
    QT_TRANSLATE_NOOP("", "结论比系统计算结果宽松：请写明理由（至少 10 个字，现 {0} 个）"),
    # rows/usage.py: reporting periods and deadlines
    QT_TRANSLATE_NOOP("", "{0}年第一季度"),
    QT_TRANSLATE_NOOP("", "{0}年第二季度"),
    QT_TRANSLATE_NOOP("", "{0}年第三季度"),
    QT_TRANSLATE_NOOP("", "{0}年第四季度"),
    QT_TRANSLATE_NOOP("", "{0}年{1}月{2}日前"),
    # protocol.py, via wording.py: a refused change
    QT_TRANSLATE_NOOP("", "缺少必填字段 {0}"),
    # rows/ledger.py: the ledger's approval and version columns
    QT_TRANSLATE_NOOP("", "{0} 批准"),
    QT_TRANSLATE_NOOP("", "{0} 驳回"),
    QT_TRANSLATE_NOOP("", "更正 v{0}"),
    # wording.py: where the data is
    QT_TRANSLATE_NOOP("", "本机数据库文件 {0}"),
)

# The fixed sentences and parts those messages carry (looked up whole, or as a template's value).
SENTENCES = (
    QT_TRANSLATE_NOOP("", "输入统一社会信用代码、身份证号码或名称"),
    QT_TRANSLATE_NOOP("", "有效的统一社会信用代码"),
    QT_TRANSLATE_NOOP("", "有效的居民身份证号码"),
    QT_TRANSLATE_NOOP("", "名称至少输入 2 个字"),
    QT_TRANSLATE_NOOP("", "按名称、曾用名或拼音首字母查找"),
    QT_TRANSLATE_NOOP("", "请输入统一社会信用代码"),
    QT_TRANSLATE_NOOP("", "请输入居民身份证号码"),
    QT_TRANSLATE_NOOP("", "请输入统一社会信用代码或居民身份证号码"),
    QT_TRANSLATE_NOOP("", "15位为第一代身份证号码，已停止使用，请输入18位居民身份证号码"),
    QT_TRANSLATE_NOOP("", "15位为第一代身份证号码，已停止使用，请输入18位居民身份证号码；如为旧营业执照注册号，请改用18位统一社会信用代码"),
    QT_TRANSLATE_NOOP("", "统一社会信用代码只能由数字和大写英文字母组成"),
    QT_TRANSLATE_NOOP("", "统一社会信用代码不使用 I、O、Z、S、V"),
    QT_TRANSLATE_NOOP("", "第3～8位为登记管理机关行政区划码，应为数字"),
    QT_TRANSLATE_NOOP("", "居民身份证号码第18位应为数字或X"),
    QT_TRANSLATE_NOOP("", "居民身份证号码前17位应为数字"),
    QT_TRANSLATE_NOOP("", "居民身份证号码只能由数字和末位的X组成"),
    QT_TRANSLATE_NOOP("", "号码只能由数字和大写英文字母组成"),
    QT_TRANSLATE_NOOP("", "文件未规定具体日期"),
    QT_TRANSLATE_NOOP("", "已被更正"),
    QT_TRANSLATE_NOOP("", "在线"),
)


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern, str], ...]:
    out = []
    for template in TEMPLATES:
        parts = re.split(r"\{\d\}", template)
        out.append((re.compile("^" + "(.+?)".join(map(re.escape, parts)) + "$", re.DOTALL), template))
    return tuple(out)


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@functools.cache
def _words() -> frozenset[str]:
    """The values worth translating: the sentences above and the vocabulary (names and numbers are not)."""
    from creditdesk.ui.vocabulary import CORE_LABELS, VOCABULARY

    return frozenset(SENTENCES) | frozenset(VOCABULARY) | frozenset(CORE_LABELS)


def core_message(text: str | None, context: str = "") -> str:
    """``text`` (a message of the core) in the window's language; unknown text as it is. ``context``:
    the asking class, whose own translation of a whole text is tried first (then the vocabulary's)."""
    if not text:
        return text or ""
    for pattern, template in _patterns():
        m = pattern.match(text)
        if m:
            return _tr(template).format(*(_tr(v) if v in _words() else v for v in m.groups()))
    return QCoreApplication.translate(context, text)


def unruled_notice(result) -> str | None:  # noqa: ANN001 - a policy CheckResult
    """``result.unruled_notice`` (policy/engine.py) in the window's language: the records no rule covers,
    each by its category, title, authority, document number and date, and what the officer is to do."""
    records = getattr(result, "unruled_adverse", None)
    if not records:
        return getattr(result, "unruled_notice", None)
    from creditdesk.credit import category_of

    named = QCoreApplication.translate("", "；").join(
        QCoreApplication.translate("", "{0}“{1}”（{2}）").format(
            _tr(category_of(r.category).label), r.title,
            r.authority + (QCoreApplication.translate("", "，") + r.doc_no if r.doc_no else "")
            + QCoreApplication.translate("", "，") + r.decided_on.isoformat())
        for r in records)  # fmt: skip
    return QCoreApplication.translate(
        "", "本市档案未规定措施：{0}。国家层和{1}档案对此类记录在本事项中均未规定措施，请阅读档案说明，依法依规判断并确认后再办理。"
    ).format(named, result.profile.name)


__all__ = ["SENTENCES", "TEMPLATES", "core_message", "unruled_notice"]
