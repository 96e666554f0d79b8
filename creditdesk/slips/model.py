"""What goes on a printed slip: plain data, filled in by the services, rendered by :mod:`.render`.

The slips never see a full ID number: ``subject_code_display`` is a USCC or a
masked ID number (``mask_id_number``); a full, valid ID number is refused here.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import NamedTuple, Sequence

from creditdesk.outcomes import SHORT_LABELS

__all__ = ["CommitmentSlip", "DueItem", "Finding", "Measure", "OUTCOME_LABELS", "ReviewSlip", "SIGNER_ROLES"]

OUTCOME_LABELS = SHORT_LABELS
SIGNER_ROLES = ("法定代表人", "委托代理人")

When = datetime.datetime | datetime.date | str


class Measure(NamedTuple):
    """A measure the outcome imposes, with the clause it rests on."""

    text: str
    document: str
    clause: str
    quote: str


class Finding(NamedTuple):
    """A credit record considered in the review."""

    category_label: str
    title: str
    doc_no: str
    in_force: bool
    reason_label: str


class DueItem(NamedTuple):
    """A material the applicant promised to hand in later (容缺受理), as signed with the commitment."""

    item: str
    working_days: int | None  # the promise: within this many working days of signing
    due: str  # the due date, "YYYY-MM-DD" ("" when unknown)
    estimated: bool = False  # counted Monday to Friday: the year's holiday arrangement was not known

    @classmethod
    def of(cls, value) -> "DueItem":
        """From a ``commitment.due_items`` entry (creditdesk.services.followup.make_due_item), a tuple or a DueItem."""
        if isinstance(value, cls):
            return value
        if isinstance(value, dict):
            due = value.get("due") or ""
            days = value.get("working_days")
            return cls(str(value.get("item") or "").strip(), int(days) if days is not None else None,
                       due.isoformat() if isinstance(due, datetime.date) else str(due),
                       bool(value.get("estimated")))  # fmt: skip
        return cls(*value)


def due_items(values) -> list[DueItem]:
    """The promised items of a commitment for a slip: entries without a material name are left out."""
    items = [DueItem.of(v) for v in values or () if v is not None and not isinstance(v, (str, bytes))]
    return [i for i in items if i.item]


_FULL_ID = re.compile(r"\d{17}[\dXx]|\d{15}")
_ID_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]


def _is_full_id_number(text: str) -> bool:
    """True for an unmasked ID number: 15 digits, or 18 whose GB 11643 check character is right."""
    code = re.sub(r"[\s-]", "", text).upper()
    if not _FULL_ID.fullmatch(code):
        return False
    if len(code) == 15:
        return True
    try:  # a USCC that happens to be all digits is let through unless it reads as a birth date too
        datetime.date(int(code[6:10]), int(code[10:12]), int(code[12:14]))
    except ValueError:
        return False
    total = sum(int(c) * w for c, w in zip(code[:17], _ID_WEIGHTS))
    return "10X98765432"[total % 11] == code[17]


def _check_code_display(value: str) -> None:
    if _is_full_id_number(value):
        raise ValueError("核查单上的证件号码必须脱敏（subject_code_display 不得为完整的居民身份证号码）")


def _as_tuples(items: Sequence, kind: type) -> list:
    return [item if isinstance(item, kind) else kind(*item) for item in items]


@dataclass
class ReviewSlip:
    """信用核查单: one finalised review of one subject for one matter."""

    unit_name: str
    window: str
    officer: str
    review_id: str
    version: int
    verification_code: str
    verify_payload: str  # what the QR encodes, e.g. "CDV1:<code>:<review_id>"
    subject_name: str
    subject_kind_label: str
    subject_code_display: str  # USCC, or the MASKED ID number
    matter_label: str
    profile_name: str
    profile_version: str
    outcome: str  # 'prohibit' | 'strict' | 'incentive' | 'normal'
    outcome_label: str = ""  # Chinese label; defaults from OUTCOME_LABELS
    departure_reason: str | None = None  # why the final outcome departs from the computed one
    computed_outcome: str | None = None  # the engine's outcome when the officer departed from it
    computed_outcome_label: str | None = None
    measures: list[Measure] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    report_line: str | None = None
    data_as_of: When = ""
    data_seq: int | None = None
    offline: bool = False
    finalised_at: When = ""
    commitment_number: str | None = None
    commitment_due_items: list[DueItem] = field(default_factory=list)  # the commitment's promised items
    # A milder conclusion (issue 11 item 5): ``outcome`` is the conclusion in force — the computed one
    # while the override is pending or rejected, the officer's once approved. ``requested_outcome`` is
    # what the officer asked for; the headline block shows computed, final, who approved and why.
    override_status: str | None = None  # None | pending | approved | rejected
    requested_outcome: str | None = None
    override_category: str | None = None  # its label, e.g. 信用已修复或记录已撤销，平台尚未更新
    approved_by: str | None = None  # the supervisor who decided
    approved_at: When = ""
    approval_note: str | None = None
    # Signed by an agent: in whose name and on what authority (授权委托).
    signer_name: str | None = None
    signer_role_label: str | None = None
    principal: str | None = None
    authority: str | None = None
    day: When = ""  # the review's date, for the short 核查编号 (信用核查码 + date); default: finalised_at's date
    notes: list[str] = field(default_factory=list)  # the profile's notes for the matter
    # Adverse records in force for which neither the national layer nor the city's profile names a measure
    # ("本市档案未规定措施"), each as one line (issue 11 item 2).
    unruled: list[str] = field(default_factory=list)
    # Who acknowledged those records, and when (stored with the review: review.acknowledgement).
    acknowledged_by: str | None = None
    acknowledged_at: When = ""
    # The 信用审查 on file when the review was saved (review.credit_review), as one line; None: none.
    credit_review_line: str | None = None

    def __post_init__(self) -> None:
        if self.override_status not in (None, "pending", "approved", "rejected"):
            raise ValueError(f"override_status must be pending/approved/rejected, got {self.override_status!r}")
        if self.requested_outcome is not None and self.requested_outcome not in OUTCOME_LABELS:
            raise ValueError(f"requested_outcome must be one of {tuple(OUTCOME_LABELS)}")
        if self.outcome not in OUTCOME_LABELS:
            raise ValueError(f"outcome must be one of {tuple(OUTCOME_LABELS)}, got {self.outcome!r}")
        if not self.outcome_label:
            self.outcome_label = OUTCOME_LABELS[self.outcome]
        if self.computed_outcome is not None:
            if self.computed_outcome not in OUTCOME_LABELS:
                raise ValueError(f"computed_outcome must be one of {tuple(OUTCOME_LABELS)}")
            if not self.computed_outcome_label:
                self.computed_outcome_label = OUTCOME_LABELS[self.computed_outcome]
        _check_code_display(self.subject_code_display)
        self.measures = _as_tuples(self.measures, Measure)
        self.findings = _as_tuples(self.findings, Finding)
        self.requirements = list(self.requirements)
        self.commitment_due_items = due_items(self.commitment_due_items)
        self.unruled = list(self.unruled)
        self.notes = list(self.notes)


@dataclass
class CommitmentSlip:
    """信用承诺书: the commitment text as signed, with the signer and the signature."""

    unit_name: str
    number: str
    verification_code: str
    verify_payload: str
    subject_name: str
    subject_code_display: str
    matter_label: str
    template_text: str  # paragraphs separated by blank lines (or single newlines)
    signer_name: str
    signer_role_label: str  # 法定代表人 / 委托代理人
    signature_png: bytes | None = None
    signed_on_paper: bool = False  # an empty 签名 box for a handwritten signature
    signed_at: When = ""
    offline: bool = False
    due_items: list[DueItem] = field(default_factory=list)  # 承诺补交材料 (容缺受理), in the order promised
    principal: str | None = None  # an agent signs in this person's name (法定代表人)
    authority: str | None = None  # on this authority (授权委托书)

    def __post_init__(self) -> None:
        _check_code_display(self.subject_code_display)
        self.due_items = due_items(self.due_items)
        if self.signature_png is not None and self.signed_on_paper:
            raise ValueError("signed_on_paper and signature_png exclude each other")
        if self.signature_png is not None and not self.signature_png.startswith(b"\x89PNG\r\n\x1a\n"):
            raise ValueError("signature_png must be PNG bytes")
