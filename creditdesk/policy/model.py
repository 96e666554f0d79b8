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
STEP_LABELS = {"record_check": "查询信用记录", "credit_report": "提供信用报告", "commitment": "签署信用承诺",
               "credit_review": "信用审查（信用中心出具审查报告）"}  # fmt: skip
OPEN_REQUIREMENTS = ("credit_report", "commitment", "credit_review")  # record_check is the check itself

# Precedence: the most restrictive outcome among the rules that fire wins.
OUTCOMES = ("prohibit", "strict", "incentive", "normal")
# A rule may also leave the outcome at "normal" and only add a procedural measure (e.g. 昆山 第七条: a signed
# commitment simplifies the approval procedure; it is not an incentive).
RULE_OUTCOMES = ("prohibit", "strict", "incentive", "normal")
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
    "agency_not_accepted",
    "not_publicized",
)
# Profiles that are layers under the city profiles (docs/policy-format.md, "国家层"): their rules apply under
# every city profile and cannot be removed by one.
LAYERS = ("national",)
NATIONAL_LAYER_ID = "national"
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
    # True: look at the record history (every record not revoked, whether or not in force on the day);
    # e.g. 武昌 二（四）2 "连续三年无不良信用记录" counts a penalty decided two years ago whose publicity ended.
    history: bool = False


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
    # Groups of steps any one of which satisfies the group (昆山 第五条 "信用承诺、信用审查或信用报告").
    either: tuple[tuple[str, ...], ...] = ()
    # False: the city's text does not name this matter; it is handled under the national layer and the
    # city's general clause (the matter's citation), and the result says so.
    listed: bool = True


@dataclass(frozen=True)
class AgencyRule:
    """One way an issuing agency is acceptable: filed with an authority whose name contains one of
    ``authorities`` (at ``min_level`` or above), or an agency whose own name contains one of ``names``."""

    authorities: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    min_level: str | None = None

    def accepts(self, name: str | None, authority: str | None, level: str | None) -> bool:
        if self.names and any(n in (name or "") for n in self.names):
            return True
        if not self.authorities or not any(a in (authority or "") for a in self.authorities):
            return False
        if self.min_level is None:
            return True
        return level in AGENCY_LEVELS and AGENCY_LEVELS.index(level) >= AGENCY_LEVELS.index(self.min_level)


@dataclass(frozen=True)
class ReportPolicy:
    max_age_years: int | None = None  # counted from issued_on
    min_agency_level: str | None = None
    require_publicized: bool = False
    citations: tuple[Citation, ...] = ()
    # None: any filing authority; otherwise the agency must satisfy one of these (沧州 四（二）: 中国人民银行
    # 省会（首府）城市中心支行以上; 二连浩特 二（二）: 人民银行征信中心 or approved by the 征信业监督管理部门).
    agencies: tuple[AgencyRule, ...] | None = None


@dataclass(frozen=True)
class CreditReviewPolicy:
    """信用审查 by the city's credit information centre (昆山 第十、十一、十三、十四条)."""

    by: str  # who issues it, e.g. "市公共信用信息中心"
    deadline_working_days: int  # 第十一条: 5个工作日内
    valid_years: int  # 第十四条: 有效期原则上为1年
    pilot_only: bool  # 第十三条: only the pilot units must do it
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
    layer: str | None = None  # "national": a layer under every city profile, not a city profile itself
    credit_review: CreditReviewPolicy | None = None
    base: Profile | None = field(default=None, repr=False, compare=False)  # the layer this profile builds on
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
