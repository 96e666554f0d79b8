"""The GUI's bridge to the review service and the slip renderer (no widgets here: runs in tasks).

Both are imported directly: a broken import fails loudly, never as a quiet "not available".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from creditdesk.credit import SUBJECT_KIND_LABELS, category_of
from creditdesk.services import reviews

NOT_IN_FORCE_LABELS = {"in_force": "有效", "revoked": "已撤销", "repaired": "已信用修复",
                       "not_yet_published": "尚未公示", "expired": "已过公示期"}  # fmt: skip
REQUIREMENT_LABELS = {"credit_report": "信用报告", "commitment": "信用承诺", "credit_review": "信用审查"}
# On the slip, under 办理要求: what is still open, as a sentence.
REQUIREMENT_SENTENCES = {"credit_report": "申请人须补充提供符合要求的信用报告。",
                         "commitment": "申请人须签署信用承诺书。",
                         "credit_review": "须由市公共信用信息中心进行信用审查。"}  # fmt: skip
ROLE_LABELS = {"legal_representative": "法定代表人", "agent": "委托代理人"}
# What a report verdict's problem codes (policy.model.REPORT_PROBLEMS) say, on screen and on the slip.
REPORT_PROBLEM_TEXT = {
    "unknown_report": "平台上没有该编号的信用报告",
    "expired": "信用报告已超过有效期",
    "not_yet_valid": "信用报告尚未生效",
    "withdrawn": "信用报告已撤回或作废",
    "subject_mismatch": "信用报告不是该申请人的",
    "agency_unknown": "出具机构不在平台备案名单中",
    "agency_not_filed": "出具机构备案已失效或备案层级不足",
    "agency_not_accepted": "出具机构不在本地政策认可的信用服务机构范围内",
    "not_publicized": "信用报告未在平台公示",
}


# -- saving and verifying ------------------------------------------------------------------


def finalise(engine, settings, officer: str, state, actor=None) -> Any:  # noqa: ANN001
    """Build the draft from the panel's ReviewState and save it — with its audit entry (by ``actor``,
    the signed-in account) in the same transaction; returns the SavedReview."""
    commitment = None
    if state.commitment_text is not None:
        commitment = reviews.CommitmentDraft(
            template_text=state.commitment_text, signer_name=state.signer_name, signer_role=state.signer_role,
            signature_png=state.signature_png, signed_on_paper=state.signed_on_paper,
            due_items=list(getattr(state, "due_items", ())) or None,
            principal=getattr(state, "principal", None), authority=getattr(state, "authority", None),
        )  # fmt: skip
    approval = None
    if getattr(state, "approval", None) is not None and getattr(state, "approver", None) is not None:
        a = state.approval
        approval = reviews.OverrideApproval(state.approver, at=a.at.isoformat(timespec="seconds"), note=a.note)
    acknowledgement = None
    acked = getattr(state, "acknowledged_at", None)
    if acked is not None:  # the officer acknowledged the records no rule covers: by whom and when, on the review
        acknowledgement = reviews.Acknowledgement(officer, getattr(state, "officer_display", None),
                                                  acked.isoformat(timespec="seconds"))  # fmt: skip
    draft = reviews.draft_from_check(
        state.output, officer, settings.unit_name, settings.window_name, offline=_offline(engine, settings),
        final_outcome=state.final_outcome, departure_reason=state.departure_reason, commitment=commitment,
        started_at=state.started_at.isoformat(timespec="seconds"),
        departure_category=getattr(state, "departure_category", None), approval=approval,
        acknowledgement=acknowledgement,
    )  # fmt: skip
    return reviews.ReviewService(engine, now=_clock_for(getattr(state, "day", None))).finalise(draft, actor=actor)


def _clock_for(day):  # noqa: ANN001, ANN202
    """The save's clock on the panel's day: the commitment text is dated with that day, so its number,
    its signing time and the review's time carry the same date. (Outside tests and the tour the
    panel's day is today and this is the wall clock.)"""
    if day is None or day == dt.date.today():
        return None
    return lambda: dt.datetime.combine(day, dt.datetime.now().time()).astimezone()


def _offline(engine, settings) -> bool:  # noqa: ANN001
    """Checked while the platform could not be reached (its last sync failed)."""
    if not settings.platform_url:
        return False
    from creditdesk.services.status import read_platform_status

    return bool(read_platform_status(engine, settings.platform_url).last_error)


def verify(engine, code: str) -> Any:  # noqa: ANN001
    return reviews.ReviewService(engine).verify(code)


# -- slips -------------------------------------------------------------------------------------


def _payload(saved) -> str:  # noqa: ANN001
    return f"CDV1:{saved.verification_code}:{saved.id}"


def review_slip(saved, state, settings) -> Any:  # noqa: ANN001
    from creditdesk.slips import Finding, Measure, ReviewSlip

    r = state.output.result
    report_line = None
    if r.report is not None:
        if r.report.acceptable:
            report_line = f"{r.report.report_no}：可用，信用等级 {r.report.grade or '—'}"
        else:
            problems = "；".join(REPORT_PROBLEM_TEXT.get(p, p) for p in r.report.problems)
            report_line = f"{r.report.report_no}：不符合要求（{problems}）"
    elif state.no_report:
        report_line = "申请人未提供信用报告"
    departed = saved.final_outcome != saved.computed_outcome
    o = getattr(saved, "override", None)
    c = saved.commitment
    effective = getattr(saved, "effective_outcome", saved.final_outcome)
    return ReviewSlip(
        unit_name=saved.unit, window=saved.window or "", officer=getattr(state, "officer_display", None) or saved.officer,
        review_id=saved.id,
        version=saved.version, verification_code=saved.verification_code, verify_payload=_payload(saved),
        subject_name=saved.subject_name or state.applicant.name,
        subject_kind_label=SUBJECT_KIND_LABELS.get(saved.subject_kind or "", "未知（平台无此主体）"),
        subject_code_display=saved.subject_code_display or state.applicant.code_display,
        matter_label=state.matter_label, profile_name=r.profile.name, profile_version=str(r.profile.version),
        outcome=effective, departure_reason=saved.departure_reason,
        computed_outcome=saved.computed_outcome if departed else None,
        override_status=o.status if o else None, requested_outcome=o.requested_outcome if o else None,
        override_category=o.category_label if o else None,
        approved_by=(o.decided_by_display or o.decided_by) if o and o.decided_by else None,
        approved_at=_local_time(o.decided_at) if o and o.decided_at else "", approval_note=o.decision_note if o else None,
        signer_name=c.signer_name if c else None,
        signer_role_label=ROLE_LABELS.get(c.signer_role, c.signer_role) if c else None,
        principal=getattr(c, "principal", None) if c else None, authority=getattr(c, "authority", None) if c else None,
        day=(saved.finalised_at or "")[:10], notes=[n.text for n in getattr(r, "notes", ())],
        measures=[Measure(m.text, m.citation.document, m.citation.clause, m.citation.quote) for m in r.measures],
        requirements=[REQUIREMENT_SENTENCES.get(x, x) for x in r.requirements],
        findings=[
            Finding(category_of(f.record.category).label, f.record.title, f.record.doc_no or "", f.in_force,
                    NOT_IN_FORCE_LABELS.get(f.reason, f.reason))
            for f in r.findings
        ],  # fmt: skip
        report_line=report_line, data_as_of=_local_time(saved.data_as_of), data_seq=saved.data_seq,
        offline=saved.offline, finalised_at=_local_time(saved.finalised_at), commitment_number=saved.commitment.number if saved.commitment else None,
        commitment_due_items=(saved.commitment.due_items or []) if saved.commitment else [],
        unruled=[f"{category_of(x.category).label}“{x.title}”（{x.authority}，{x.decided_on.isoformat()}）"
                 for x in getattr(r, "unruled_adverse", ())],
        acknowledged_by=_ack_by(saved), acknowledged_at=_local_time(_ack(saved).get("at")),
        credit_review_line=reviews.credit_review_text(getattr(saved, "credit_review", None)),
    )  # fmt: skip


def _ack(saved) -> dict:  # noqa: ANN001
    return getattr(saved, "acknowledgement", None) or {}


def _ack_by(saved) -> str | None:  # noqa: ANN001
    a = _ack(saved)
    return (a.get("by_display") or a.get("by")) if a else None


def commitment_slip(saved, state) -> Any | None:  # noqa: ANN001
    c = saved.commitment
    if c is None:
        return None
    from creditdesk.slips import CommitmentSlip

    return CommitmentSlip(
        unit_name=saved.unit, number=c.number, verification_code=saved.verification_code,
        verify_payload=_payload(saved), subject_name=saved.subject_name or state.applicant.name,
        subject_code_display=saved.subject_code_display or state.applicant.code_display,
        matter_label=state.matter_label, template_text=c.template_text, signer_name=c.signer_name,
        signer_role_label=ROLE_LABELS.get(c.signer_role, c.signer_role),
        signature_png=None if c.signed_on_paper else c.signature_png, signed_on_paper=c.signed_on_paper,
        signed_at=_local_time(c.signed_at), offline=saved.offline, due_items=c.due_items or [],
        principal=getattr(c, "principal", None), authority=getattr(c, "authority", None),
    )  # fmt: skip


def _local_time(value) -> str:  # noqa: ANN001
    """An ISO timestamp as people read it on paper: local time to the minute."""
    import datetime as dt

    if not value:
        return ""
    try:
        parsed = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.astimezone().strftime("%Y-%m-%d %H:%M")


def render(kind: str, saved, state, settings, page_size: str) -> bytes:  # noqa: ANN001
    """PDF bytes of the 信用核查单 (kind "review") or the 信用承诺书 (kind "commitment")."""
    from creditdesk.slips import render_commitment, render_review_slip

    if kind == "review":
        return render_review_slip(review_slip(saved, state, settings), page_size)
    slip = commitment_slip(saved, state)
    if slip is None:
        raise ValueError(QCoreApplication.translate("SlipBar", "本次核查没有信用承诺书"))
    return render_commitment(slip, page_size)


def today_text(day: dt.date) -> str:
    return day.isoformat()
