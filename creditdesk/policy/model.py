"""A policy profile as plain data: what the loader builds and the engine reads.

The file format these come from is described in docs/policy-format.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

FORMAT = "creditdesk-policy"
FORMAT_VERSION = 1

# Matter codes stable across profiles (issue #4, item 2).
MATTER_CODES: dict[str, str] = {
    "procurement": "政府采购",
    "bidding": "招标投标",
    "land_transfer": "土地使用权出让",
    "state_asset_transfer": "国有产权交易",
    "fiscal_support": "财政资金扶持",
    "tax_incentive": "税收优惠",
    "honors": "评优评先与评级",
    "qualification": "资质审核认定",
    "personnel": "公务员与事业单位人员招录管理",
    "approval": "行政审批、许可与市场准入",
    "finance": "融资担保与金融监管",
    "other": "其他",
}

STEPS = ("record_check", "credit_report", "commitment", "credit_review")
OPEN_REQUIREMENTS = ("credit_report", "commitment", "credit_review")  # record_check is the check itself

# Precedence: the most restrictive outcome among the rules that fire wins.
OUTCOMES = ("prohibit", "strict", "incentive", "normal")
RULE_OUTCOMES = ("prohibit", "strict", "incentive")
PRECEDENCE = {"prohibit": 3, "strict": 2, "incentive": 1, "normal": 0}
# How hard an outcome is on the applicant: an incentive is gentler than normal treatment.
RESTRICTIVENESS = {"prohibit": 3, "strict": 2, "normal": 1, "incentive": 0}

REPORT_PROBLEMS = (
    "unknown_report",
    "expired",
    "not_yet_valid",
    "withdrawn",
    "subject_mismatch",
    "agency_unknown",
    "agency_not_filed",
    "not_publicized",
)
AGENCY_LEVELS = ("county", "city", "provincial", "national")  # lowest first
SUBJECT_KINDS = ("legal_person", "unincorporated", "individual_business", "natural_person")
NATURES = ("adverse", "positive", "neutral")
TEMPLATE_FIELDS = ("subject_name", "subject_code", "matter", "unit_name", "date", "document")
# Usage reporting (使用情况报送): how often, and which period a report covers, counted from its due
# day (from the day asked about when the policy fixes no day).
REPORTING_RHYTHMS = ("monthly", "quarterly", "yearly")
REPORTING_PERIODS = ("previous_month", "current_quarter", "previous_quarter", "first_half", "second_half")


@dataclass(frozen=True)
class Citation:
    document: str
    clause: str
    quote: str

    def to_json(self) -> dict:
        return {"document": self.document, "clause": self.clause, "quote": self.quote}


# -- conditions ---------------------------------------------------------------


@dataclass(frozen=True)
class RecordFilter:
    """Which records a condition looks at; every field given must match."""

    categories: frozenset[str] | None = None
    nature: str | None = None
    severe: bool | None = None
    grades: frozenset[str] | None = None
    min_age_days: int | None = None
    max_age_days: int | None = None
    min_age_years: int | None = None
    max_age_years: int | None = None


@dataclass(frozen=True)
class RecordsCond:
    """At least ``at_least`` records in force on the day match the filter."""

    filter: RecordFilter
    at_least: int = 1


@dataclass(frozen=True)
class NoRecordsCond:
    """No record in force on the day matches the filter."""

    filter: RecordFilter


@dataclass(frozen=True)
class SubjectCond:
    known: bool | None = None
    kinds: frozenset[str] | None = None
    min_years_registered: int | None = None
    max_years_registered: int | None = None


@dataclass(frozen=True)
class ReportCond:
    state: str  # missing | not_acceptable | missing_or_not_acceptable | acceptable


@dataclass(frozen=True)
class ReportGradeCond:
    """An acceptable report whose grade is one of these."""

    grades: frozenset[str]


@dataclass(frozen=True)
class CommitmentCond:
    state: str  # missing | signed


@dataclass(frozen=True)
class AllCond:
    parts: tuple


@dataclass(frozen=True)
class AnyCond:
    parts: tuple


@dataclass(frozen=True)
class NotCond:
    part: object


Condition = (
    RecordsCond | NoRecordsCond | SubjectCond | ReportCond | ReportGradeCond | CommitmentCond | AllCond | AnyCond | NotCond
)


# -- the profile ---------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    text: str
    citation: Citation | None
    matters: tuple[str, ...] | None  # None: the whole profile


@dataclass(frozen=True)
class Rule:
    id: str
    matters: tuple[str, ...] | None  # None: every matter
    when: Condition
    outcome: str
    measures: tuple[str, ...]
    citation: Citation
    note: str | None = None

    def applies_to(self, matter: str) -> bool:
        return self.matters is None or matter in self.matters


@dataclass(frozen=True)
class Matter:
    code: str
    label: str
    maps_to: str  # one of MATTER_CODES
    steps: tuple[str, ...]
    citation: Citation | None = None


@dataclass(frozen=True)
class ReportPolicy:
    max_age_years: int | None = None  # counted from issued_on
    min_agency_level: str | None = None
    require_publicized: bool = False
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class CommitmentTemplate:
    matters: tuple[str, ...] | None
    text: str
    citation: Citation | None = None


@dataclass(frozen=True)
class ReportingDeadline:
    """One recurring deadline for the usage report: "monthly" on ``day``, "yearly" on ``month``/``day``,
    "quarterly" with no day fixed (``next_due`` is then None)."""

    rhythm: str  # one of REPORTING_RHYTHMS
    what: str  # e.g. "月度工作进展"
    to: str  # to whom it goes, e.g. "市信用办"
    citation: Citation
    month: int | None = None  # yearly only
    day: int | None = None  # monthly and yearly
    covers: str | None = None  # one of REPORTING_PERIODS; None: no natural period

    @property
    def basis(self) -> str:
        return f"{self.citation.document} {self.citation.clause}：{self.citation.quote}"

    def next_due(self, today: dt.date) -> dt.date | None:
        """The first due day on or after ``today`` (a deadline "X 日前" is that day; today is still ahead).
        A monthly day past the month's end falls on its last day."""
        if self.rhythm == "monthly":
            year, month = today.year, today.month
            due = _day_in(year, month, self.day)
            if due < today:
                year, month = year + (month == 12), month % 12 + 1
                due = _day_in(year, month, self.day)
            return due
        if self.rhythm == "yearly":
            this_year = dt.date(today.year, self.month, self.day)
            return this_year if this_year >= today else dt.date(today.year + 1, self.month, self.day)
        return None


def _day_in(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ReportingPolicy:
    """What the policy says about reporting the use of credit records and reports."""

    note: str  # one sentence, shown as is
    deadlines: tuple[ReportingDeadline, ...] = ()  # empty: no fixed schedule


@dataclass(frozen=True)
class DocumentInfo:
    number: str
    title: str
    issuer: str
    issued_on: dt.date


@dataclass(frozen=True)
class Profile:
    id: str
    version: int
    effective_from: dt.date
    name: str
    document: DocumentInfo
    report: ReportPolicy
    matters: tuple[Matter, ...]
    rules: tuple[Rule, ...]
    notes: tuple[Note, ...] = ()
    commitment_templates: tuple[CommitmentTemplate, ...] = ()
    reporting: ReportingPolicy | None = None  # None: the profile says nothing about reporting
    source: str = ""  # the file or "platform:<entity id>" it came from
    raw: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def matter_codes(self) -> tuple[str, ...]:
        return tuple(m.code for m in self.matters)

    def matter(self, code: str) -> Matter | None:
        """By the profile's own code, or by a standard code it maps one of its matters onto."""
        for m in self.matters:
            if m.code == code:
                return m
        for m in self.matters:
            if m.maps_to == code:
                return m
        return None

    def notes_for(self, matter: str) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if n.matters is None or matter in n.matters)

    def commitment_template(self, matter: str) -> CommitmentTemplate | None:
        specific = [t for t in self.commitment_templates if t.matters and matter in t.matters]
        general = [t for t in self.commitment_templates if t.matters is None]
        return (specific or general or [None])[0]
