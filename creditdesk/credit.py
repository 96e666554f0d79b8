"""A subject's credit standing on a given day (protocol 4.2), as plain data.

Pure domain code: the services fill these dataclasses from the database, the
GUI, the CLI and (later) the rules engine read them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class Nature(str, Enum):
    ADVERSE = "adverse"
    POSITIVE = "positive"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    nature: Nature
    severe: bool = False  # a black-list category: must be impossible to overlook


# Display order: black lists first, then other adverse, positive, neutral.
CATEGORIES: tuple[Category, ...] = (
    Category("serious_dishonesty", "严重失信主体名单（黑名单）", Nature.ADVERSE, True),
    Category("dishonest_judgment_debtor", "失信被执行人", Nature.ADVERSE, True),
    Category("major_tax_violation", "重大税收违法失信主体", Nature.ADVERSE, True),
    Category("procurement_violation", "政府采购严重违法失信行为记录", Nature.ADVERSE, True),
    Category("admin_penalty", "行政处罚", Nature.ADVERSE),
    Category("commitment_breach", "信用承诺违约", Nature.ADVERSE),
    Category("credit_rating", "信用评价等级", Nature.NEUTRAL),
    Category("honor", "守信激励对象 / 红名单 / 诚信典型", Nature.POSITIVE),
    Category("admin_license", "行政许可", Nature.NEUTRAL),
    Category("other", "其他", Nature.NEUTRAL),
)
CATEGORY_BY_CODE = {c.code: c for c in CATEGORIES}
SEVERE_CATEGORIES = frozenset(c.code for c in CATEGORIES if c.severe)
ADVERSE_CATEGORIES = frozenset(c.code for c in CATEGORIES if c.nature is Nature.ADVERSE)

# Credit-rating grades read as adverse or positive; anything else is neutral.
ADVERSE_GRADES = frozenset({"C", "D", "CC", "CCC"})
POSITIVE_GRADES = frozenset({"A", "AA", "AAA", "A+", "高级认证"})

SUBJECT_KIND_LABELS = {
    "legal_person": "法人",
    "unincorporated": "非法人组织",
    "individual_business": "个体工商户",
    "natural_person": "自然人",
}
SUBJECT_STATUS_LABELS = {"active": "存续", "deregistered": "注销", "revoked": "吊销"}
RECORD_STATUS_LABELS = {"active": "有效", "repaired": "已信用修复", "revoked": "已撤销"}


def category_of(code: str) -> Category:
    """Unknown categories (the platform may add some) are shown, as neutral."""
    return CATEGORY_BY_CODE.get(code) or Category(code, code, Nature.NEUTRAL)


class NotInForce(str, Enum):
    REVOKED = "revoked"
    REPAIRED = "repaired"
    NOT_YET_PUBLISHED = "not_yet_published"
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        return {
            "revoked": "已撤销",
            "repaired": "已信用修复",
            "not_yet_published": "尚未到公示起始日",
            "expired": "已过公示期",
        }[self.value]


@dataclass(frozen=True)
class SubjectInfo:
    id: str
    kind: str
    name: str
    uscc: str | None
    former_names: tuple[str, ...]
    legal_representative: str | None
    region_code: str | None
    registered_on: dt.date | None
    status: str
    id_masked: str | None

    @property
    def kind_label(self) -> str:
        return SUBJECT_KIND_LABELS.get(self.kind, self.kind)

    @property
    def code_display(self) -> str:
        """What identifies the subject on screen and paper: USCC or the masked ID number."""
        return self.uscc or self.id_masked or self.id


@dataclass(frozen=True)
class RecordInfo:
    id: str
    subject_id: str
    category: str
    title: str
    doc_no: str | None
    authority: str
    decided_on: dt.date
    publish_from: dt.date
    publish_until: dt.date | None
    status: str
    basis: str | None = None
    content: str | None = None
    amount: float | None = None
    grade: str | None = None
    rating_scheme: str | None = None
    updated_at: str | None = None

    def not_in_force_reason(self, day: dt.date) -> NotInForce | None:
        """None when the record counts on ``day`` (protocol 4.2, last paragraph)."""
        if self.status == "revoked":
            return NotInForce.REVOKED
        if self.status == "repaired":
            return NotInForce.REPAIRED
        if self.status != "active":  # an unknown status never counts against anyone
            return NotInForce.REVOKED
        if day < self.publish_from:
            return NotInForce.NOT_YET_PUBLISHED
        if self.publish_until is not None and day > self.publish_until:
            return NotInForce.EXPIRED
        return None

    def in_force(self, day: dt.date) -> bool:
        return self.not_in_force_reason(day) is None

    @property
    def nature(self) -> Nature:
        if self.category == "credit_rating":
            grade = (self.grade or "").upper()
            if grade in ADVERSE_GRADES:
                return Nature.ADVERSE
            if grade in POSITIVE_GRADES:
                return Nature.POSITIVE
            return Nature.NEUTRAL
        return category_of(self.category).nature


@dataclass(frozen=True)
class Finding:
    record: RecordInfo
    in_force: bool
    reason: NotInForce | None

    @property
    def nature(self) -> Nature:
        return self.record.nature


@dataclass(frozen=True)
class CategoryGroup:
    category: Category
    findings: tuple[Finding, ...]

    @property
    def in_force_count(self) -> int:
        return sum(f.in_force for f in self.findings)


@dataclass(frozen=True)
class CreditProfile:
    subject: SubjectInfo | None
    subject_id: str
    day: dt.date
    groups: tuple[CategoryGroup, ...]
    adverse_in_force: int
    positive_in_force: int
    severe_in_force: tuple[str, ...] = field(default=())  # category codes

    @property
    def blacklisted(self) -> bool:
        return bool(self.severe_in_force)

    @property
    def known(self) -> bool:
        return self.subject is not None


def count_in_force(records: list[RecordInfo], day: dt.date) -> tuple[int, int]:
    """(adverse, positive) records in force on ``day``."""
    adverse = positive = 0
    for r in records:
        if r.in_force(day):
            nature = r.nature
            adverse += nature is Nature.ADVERSE
            positive += nature is Nature.POSITIVE
    return adverse, positive


def build_profile(
    subject: SubjectInfo | None, subject_id: str, records: list[RecordInfo], day: dt.date
) -> CreditProfile:
    by_category: dict[str, list[Finding]] = {}
    for r in records:
        reason = r.not_in_force_reason(day)
        by_category.setdefault(r.category, []).append(Finding(r, reason is None, reason))
    order = {c.code: i for i, c in enumerate(CATEGORIES)}
    groups = []
    for code in sorted(by_category, key=lambda c: (order.get(c, len(order)), c)):
        # In-force first, newest first within each.
        findings = sorted(
            by_category[code], key=lambda f: (not f.in_force, -f.record.decided_on.toordinal(), f.record.id)
        )
        groups.append(CategoryGroup(category_of(code), tuple(findings)))
    adverse, positive = count_in_force(records, day)
    severe = tuple(g.category.code for g in groups if g.category.severe and g.in_force_count)
    return CreditProfile(subject, subject_id, day, tuple(groups), adverse, positive, severe)
