"""The credit profile rendered as HTML for a QTextBrowser.

Black-list categories come first under a red banner; records not in force are
greyed with the reason. Strings go through Qt's translation function.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from creditdesk.credit import (
    RECORD_STATUS_LABELS,
    SUBJECT_STATUS_LABELS,
    CreditProfile,
    Finding,
    Nature,
)
from creditdesk.grades import grade_is_adverse, grade_is_positive
from creditdesk.services.profile import ProfileView, ReportInfo

RED, GREEN, GREY, AMBER = "#b3261e", "#1e7b34", "#6b6b6b", "#8a5a00"
LEVEL_LABELS = {"national": QT_TRANSLATE_NOOP("", "国家级"), "provincial": QT_TRANSLATE_NOOP("", "省级"),
                "city": QT_TRANSLATE_NOOP("", "市级"), "county": QT_TRANSLATE_NOOP("", "县级")}


def tr(text: str) -> str:
    return QCoreApplication.translate("ProfileHtml", text)


def _e(value: object) -> str:
    return html.escape(str(value)) if value is not None else "—"


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else tr("长期")


def _money(amount: float | None) -> str:
    if amount is None:
        return ""
    return tr("金额 {0} 元").format(f"{amount:,.2f}")


def _finding_row(f: Finding, policy=None) -> str:  # noqa: ANN001 - the policy profile in force, for its adverse grades
    r = f.record
    nature = Nature.ADVERSE if r.grade and grade_is_adverse(r.grade, policy) else f.nature
    colour = {Nature.ADVERSE: RED, Nature.POSITIVE: GREEN}.get(nature, "#202020") if f.in_force else GREY
    state = (
        f"<b style='color:{colour}'>● {tr('计入')}</b>"
        if f.in_force
        else f"<span style='color:{GREY}'>{tr('不计入')}：{_e(tr(f.reason.label) if f.reason else '')}</span>"
    )
    grade = f" · {_e(r.rating_scheme)} <b>{_e(r.grade)}</b>" if r.grade else ""
    if r.grade and nature is Nature.ADVERSE:
        grade += f" <span style='color:{RED if f.in_force else GREY}'>（{tr('不良等级')}）</span>"
    details = " · ".join(x for x in (_e(r.doc_no) if r.doc_no else "", _money(r.amount)) if x)
    content = f"<br><span style='color:{GREY}'>{_e(r.content)}</span>" if r.content else ""
    return (
        f"<tr><td style='color:{colour if f.in_force else GREY}'><b>{_e(r.title)}</b>{grade}<br>"
        f"<span style='color:{GREY}'>{_e(r.authority)}{' · ' + details if details else ''}</span>{content}</td>"
        f"<td style='white-space:nowrap'>{r.decided_on.isoformat()}</td>"
        # the period on two lines: at 1366×768 the profile is ~530 px wide, and one nowrap line for it
        # left the record's title one character wide
        f"<td style='white-space:nowrap'>{r.publish_from.isoformat()} —<br>{_date(r.publish_until)}</td>"
        # the state may wrap: "not counted: Credit repaired" on one line took the title's width in English
        f"<td>{_e(tr(RECORD_STATUS_LABELS.get(r.status, r.status)))}<br>{state}</td></tr>"
    )


def _banner(p: CreditProfile) -> str:
    if p.blacklisted:
        names = tr("、").join(tr(g.category.label) for g in p.groups if g.category.code in p.severe_in_force)
        return (
            f"<table width='100%' cellpadding='8' cellspacing='0' style='background:{RED};color:white'><tr><td>"
            f"<span style='font-size:17pt'><b>⚠ {tr('列入失信黑名单')}</b></span><br>"
            f"<span style='font-size:11pt'>{tr('有效记录')}{tr('：')}{_e(names)}</span></td></tr></table>"
        )
    if p.adverse_in_force:
        return (
            f"<table width='100%' cellpadding='8' cellspacing='0' style='background:#fdecea;color:{RED}'><tr><td>"
            f"<span style='font-size:15pt'><b>⚠ {tr('有 {0} 条有效不良记录').format(p.adverse_in_force)}</b></span>"
            "</td></tr></table>"
        )
    if not p.known:
        return (
            f"<table width='100%' cellpadding='8' cellspacing='0' style='background:#f1f1f1;color:#303030'><tr><td>"
            f"<span style='font-size:14pt'><b>{tr('平台暂无该主体的信用记录')}</b></span></td></tr></table>"
        )
    good = (
        tr("有 {0} 条有效守信激励记录").format(p.positive_in_force) if p.positive_in_force else tr("无有效不良记录")
    )
    return (
        f"<table width='100%' cellpadding='8' cellspacing='0' style='background:#e7f4ea;color:{GREEN}'><tr><td>"
        f"<span style='font-size:15pt'><b>✔ {good}</b></span></td></tr></table>"
    )


def _header(view: ProfileView) -> str:
    p = view.profile
    s = p.subject
    if s is None:
        return f"<h2>{_e(p.subject_id)}</h2>"
    rows = [
        (tr("主体类型"), tr(s.kind_label)),
        (tr("统一社会信用代码") if s.uscc else tr("身份证号码"), s.code_display),
        (tr("法定代表人/负责人") if s.kind != "natural_person" else None, s.legal_representative),
        (tr("登记状态"), tr(SUBJECT_STATUS_LABELS.get(s.status, s.status))),
        (tr("成立日期") if s.kind != "natural_person" else None, s.registered_on.isoformat() if s.registered_on else None),
        (tr("曾用名"), "、".join(s.former_names) if s.former_names else None),
    ]
    cells = "".join(
        f"<tr><td style='color:{GREY};padding-right:12px'>{_e(k)}</td><td>{_e(v)}</td></tr>"
        for k, v in rows
        if k and v
    )
    return f"<h2 style='margin-bottom:4px'>{_e(s.name)}</h2><table cellspacing='2'>{cells}</table>"


def _reports(reports: tuple[ReportInfo, ...], day: dt.date, policy=None) -> str:  # noqa: ANN001
    if not reports:
        return ""
    rows = []
    for r in reports:
        valid = r.valid_on(day)
        state = tr("有效") if valid else (tr("已撤回") if r.status == "withdrawn" else tr("已过期") if day > r.valid_until else tr("未生效"))
        adverse = grade_is_adverse(r.grade, policy)
        colour = (AMBER if adverse else GREEN) if valid else GREY
        agency = f"{_e(r.agency_name)}（{_e(tr(LEVEL_LABELS.get(r.agency_level or '', r.agency_level or '—')))}）"
        grade = (f"<b style='color:{RED}'>{_e(r.grade)}（{tr('不良等级')}）</b>" if adverse
                 else f"<span style='color:{GREEN}'>{_e(r.grade)}</span>" if grade_is_positive(r.grade, policy)
                 else _e(r.grade))  # fmt: skip
        rows.append(
            f"<tr><td><b>{_e(r.report_no)}</b><br><span style='color:{GREY}'>{agency}</span></td>"
            f"<td>{grade}</td><td>{r.issued_on.isoformat()} — {r.valid_until.isoformat()}</td>"
            f"<td style='color:{colour}'><b>{_e(state)}</b></td></tr>"
        )
    return (
        f"<h3>{tr('已公示的信用报告')}</h3><table width='100%' cellspacing='0' cellpadding='5' border='0'>"
        f"<tr style='background:#f0f0f0'><th align='left'>{tr('报告编号 / 出具机构')}</th><th align='left'>{tr('等级')}</th>"
        f"<th align='left'>{tr('有效期')}</th><th align='left'>{tr('状态')}</th></tr>{''.join(rows)}</table>"
    )


def render_profile(view: ProfileView, policy=None) -> str:  # noqa: ANN001 - the policy profile in force (adverse grades)
    p = view.profile
    parts = [_header(view), "<br>", _banner(p)]
    counts = tr("在 {0} 有效：不良 {1} 条 · 守信 {2} 条 · 全部记录 {3} 条").format(
        p.day.isoformat(), p.adverse_in_force, p.positive_in_force, sum(len(g.findings) for g in p.groups)
    )
    parts.append(f"<p style='color:{GREY}'>{counts}</p>")
    for g in p.groups:
        head_colour = RED if g.category.severe and g.in_force_count else "#202020"
        parts.append(
            f"<h3 style='color:{head_colour};margin-bottom:2px'>{_e(tr(g.category.label))}"
            f" <span style='font-weight:normal;color:{GREY}'>（{tr('有效 {0} / 共 {1}').format(g.in_force_count, len(g.findings))}）</span></h3>"
            "<table width='100%' cellspacing='0' cellpadding='5'>"
            # Every column's share given: Qt's rich text honours a percentage only when all columns have one,
            # else the record's title (the only column that wraps) is squeezed to one character a line
            f"<tr style='background:#f0f0f0'><th align='left' width='44%'>{tr('事项')}</th>"
            f"<th align='left' width='18%'>{tr('决定日期')}</th>"
            f"<th align='left' width='20%'>{tr('公示期')}</th><th align='left' width='18%'>{tr('状态')}</th></tr>"
            + "".join(_finding_row(f, policy) for f in g.findings)
            + "</table>"
        )
    if not p.groups and p.known:
        parts.append(f"<p>{tr('平台未公示该主体的任何信用记录。')}</p>")
    parts.append(_reports(view.reports, p.day, policy))
    return "<html><body style='font-size:11pt'>" + "".join(parts) + "</body></html>"
