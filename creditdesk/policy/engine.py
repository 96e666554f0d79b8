"""The rules engine: a profile, a matter and the facts about one applicant in, a decision out.

Pure code: no Qt, no database. The service (creditdesk.services.check) reads the
facts from the database; the GUI and the CLI show the result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from creditdesk.credit import SEVERE_CATEGORIES, RecordInfo, SubjectInfo
from creditdesk.policy.model import (
    AGENCY_LEVELS,
    OPEN_REQUIREMENTS,
    PRECEDENCE,
    AllCond,
    AnyCond,
    Citation,
    CommitmentCond,
    NoRecordsCond,
    Note,
    NotCond,
    Profile,
    RecordFilter,
    RecordsCond,
    ReportCond,
    ReportGradeCond,
    Rule,
    SubjectCond,
)
from creditdesk.policy.store import UnknownMatter


@dataclass(frozen=True)
class AgencyFacts:
    """The issuing agency as the platform lists it (protocol 4.3)."""

    id: str
    name: str | None
    filing_level: str | None
    status: str | None
    filed_on: dt.date | None = None
    valid_until: dt.date | None = None


@dataclass(frozen=True)
class ReportFacts:
    """A credit report the applicant presents (protocol 4.4). ``found=False``: no such report number."""

    report_no: str
    found: bool = True
    subject_id: str | None = None
    issued_on: dt.date | None = None
    valid_until: dt.date | None = None
    grade: str | None = None
    publicized_on: dt.date | None = None
    status: str | None = None
    agency: AgencyFacts | None = None

    @classmethod
    def unknown(cls, report_no: str) -> ReportFacts:
        return cls(report_no, found=False)


@dataclass(frozen=True)
class ReportVerdict:
    report_no: str
    problems: tuple[str, ...]
    grade: str | None

    @property
    def acceptable(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        return {"report_no": self.report_no, "acceptable": self.acceptable, "problems": list(self.problems)}


@dataclass(frozen=True)
class Measure:
    text: str
    citation: Citation
    rule_id: str
    outcome: str

    def to_json(self) -> dict:
        return {"text": self.text, "citation": self.citation.to_json()}


@dataclass(frozen=True)
class Finding:
    record: RecordInfo
    in_force: bool
    reason: str  # "in_force" or a NotInForce value

    def to_json(self) -> dict:
        return {"record_id": self.record.id, "category": self.record.category, "in_force": self.in_force, "reason": self.reason}


@dataclass(frozen=True)
class CheckResult:
    profile: Profile
    matter: str  # the profile's matter code
    day: dt.date
    outcome: str
    fired: tuple[Rule, ...]
    measures: tuple[Measure, ...]
    requirements: tuple[str, ...]
    findings: tuple[Finding, ...]
    report: ReportVerdict | None
    notes: tuple[Note, ...]


# -- facts -----------------------------------------------------------------------


def _years_between(start: dt.date, end: dt.date) -> int:
    """Full years from start to end (anniversaries passed)."""
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def judge_report(report: ReportFacts, profile: Profile, subject_id: str | None, day: dt.date) -> ReportVerdict:
    """Every problem the report has on ``day`` under the profile's report policy."""
    if not report.found:
        return ReportVerdict(report.report_no, ("unknown_report",), None)
    problems: list[str] = []
    policy = profile.report
    if report.issued_on is not None and day < report.issued_on:
        problems.append("not_yet_valid")
    expired = report.valid_until is not None and day > report.valid_until
    if policy.max_age_years and report.issued_on is not None:
        # 有效期原则上为1年: the anniversary itself is the last day.
        expired = expired or day > _add_years(report.issued_on, policy.max_age_years)
    if expired:
        problems.append("expired")
    if report.status != "active":
        problems.append("withdrawn")
    if subject_id is None or report.subject_id != subject_id:
        problems.append("subject_mismatch")
    agency = report.agency
    if agency is None:
        problems.append("agency_unknown")
    else:
        lapsed = (
            agency.status != "active"
            or (agency.valid_until is not None and day > agency.valid_until)
            or (agency.filed_on is not None and day < agency.filed_on)
        )
        low = False
        if policy.min_agency_level:
            level = AGENCY_LEVELS.index(agency.filing_level) if agency.filing_level in AGENCY_LEVELS else -1
            low = level < AGENCY_LEVELS.index(policy.min_agency_level)
        if lapsed or low:
            problems.append("agency_not_filed")
    if policy.require_publicized and (report.publicized_on is None or report.publicized_on > day):
        problems.append("not_publicized")
    return ReportVerdict(report.report_no, tuple(problems), report.grade)


@dataclass(frozen=True)
class _Facts:
    subject: SubjectInfo | None
    in_force: tuple[RecordInfo, ...]
    report: ReportVerdict | None
    commitment_signed: bool
    day: dt.date


def _matches(f: RecordFilter, r: RecordInfo, day: dt.date) -> bool:
    if f.categories is not None and r.category not in f.categories:
        return False
    if f.nature is not None and r.nature.value != f.nature:
        return False
    if f.severe is not None and (r.category in SEVERE_CATEGORIES) != f.severe:
        return False
    if f.grades is not None and (r.grade or "").upper() not in f.grades:
        return False
    days = (day - r.decided_on).days
    if f.min_age_days is not None and days < f.min_age_days:
        return False
    if f.max_age_days is not None and days > f.max_age_days:
        return False
    years = _years_between(r.decided_on, day)
    if f.min_age_years is not None and years < f.min_age_years:
        return False
    if f.max_age_years is not None and years >= f.max_age_years:  # "within N years"
        return False
    return True


def _holds(cond, facts: _Facts) -> bool:  # noqa: ANN001
    if isinstance(cond, RecordsCond):
        return sum(_matches(cond.filter, r, facts.day) for r in facts.in_force) >= cond.at_least
    if isinstance(cond, NoRecordsCond):
        return not any(_matches(cond.filter, r, facts.day) for r in facts.in_force)
    if isinstance(cond, SubjectCond):
        s = facts.subject
        if cond.known is not None and (s is not None) != cond.known:
            return False
        if cond.kinds is not None and (s is None or s.kind not in cond.kinds):
            return False
        if cond.min_years_registered is not None or cond.max_years_registered is not None:
            if s is None or s.registered_on is None:
                return False
            years = _years_between(s.registered_on, facts.day)
            if cond.min_years_registered is not None and years < cond.min_years_registered:
                return False
            if cond.max_years_registered is not None and years > cond.max_years_registered:
                return False
        return True
    if isinstance(cond, ReportCond):
        missing = facts.report is None
        bad = facts.report is not None and not facts.report.acceptable
        return {
            "missing": missing, "not_acceptable": bad, "missing_or_not_acceptable": missing or bad,
            "acceptable": not missing and not bad,
        }[cond.state]  # fmt: skip
    if isinstance(cond, ReportGradeCond):
        rep = facts.report
        return rep is not None and rep.acceptable and (rep.grade or "").upper() in cond.grades
    if isinstance(cond, CommitmentCond):
        return facts.commitment_signed == (cond.state == "signed")
    if isinstance(cond, AllCond):
        return all(_holds(c, facts) for c in cond.parts)
    if isinstance(cond, AnyCond):
        return any(_holds(c, facts) for c in cond.parts)
    if isinstance(cond, NotCond):
        return not _holds(cond.part, facts)
    raise TypeError(f"unknown condition {cond!r}")


# -- the decision -----------------------------------------------------------------


def evaluate(
    profile: Profile,
    matter: str,
    day: dt.date,
    subject: SubjectInfo | None,
    records: list[RecordInfo],
    report: ReportFacts | None = None,
    commitment_signed: bool = False,
    subject_id: str | None = None,
) -> CheckResult:
    """Apply ``profile`` to one applicant for ``matter`` on ``day``.

    ``subject`` None: the platform does not know the applicant (checked as one
    with no records of its own). ``subject_id`` is whom the applicant claims to
    be, for matching the report; it defaults to ``subject.id``.
    """
    m = profile.matter(matter)
    if m is None:
        raise UnknownMatter(matter, profile)
    subject_id = subject_id or (subject.id if subject else None)

    findings = []
    for r in sorted(records, key=lambda r: (-r.decided_on.toordinal(), r.id)):
        reason = r.not_in_force_reason(day)
        findings.append(Finding(r, reason is None, "in_force" if reason is None else reason.value))
    in_force = tuple(f.record for f in findings if f.in_force)

    verdict = judge_report(report, profile, subject_id, day) if report is not None else None
    facts = _Facts(subject, in_force, verdict, commitment_signed, day)

    fired = tuple(rule for rule in profile.rules if rule.applies_to(m.code) and _holds(rule.when, facts))
    outcome = max((r.outcome for r in fired), key=PRECEDENCE.__getitem__, default="normal")
    measures = tuple(
        Measure(text, rule.citation, rule.id, rule.outcome)
        for rule in fired
        # Incentives are not offered to an applicant who is being restricted.
        if not (rule.outcome == "incentive" and outcome in ("strict", "prohibit"))
        for text in rule.measures
    )

    requirements = []
    for step in OPEN_REQUIREMENTS:
        if step not in m.steps:
            continue
        if step == "credit_report" and verdict is not None and verdict.acceptable:
            continue
        if step == "commitment" and commitment_signed:
            continue
        requirements.append(step)  # credit_review: done by the credit centre, closed by its review record

    return CheckResult(
        profile=profile, matter=m.code, day=day, outcome=outcome, fired=fired, measures=measures,
        requirements=tuple(requirements), findings=tuple(findings), report=verdict, notes=profile.notes_for(m.code),
    )  # fmt: skip
