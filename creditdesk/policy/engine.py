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
    filing_authority: str | None = None  # 备案机关, e.g. 中国人民银行福州中心支行


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
    layer: str | None = None  # "national": from the national layer under the city profile

    def to_json(self) -> dict:
        return {"text": self.text, "citation": self.citation.to_json(), "outcome": self.outcome,
                "layer": self.layer or "city"}  # fmt: skip


@dataclass(frozen=True)
class Finding:
    record: RecordInfo
    in_force: bool
    reason: str  # "in_force" or a NotInForce value

    def to_json(self) -> dict:
        return {"record_id": self.record.id, "category": self.record.category, "in_force": self.in_force, "reason": self.reason}


UNRULED_HEADLINE = "本市档案未规定措施"


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
    notes: tuple[Note, ...]  # the national layer's notes for the matter (with an adverse record in force), then the city's
    # Adverse records in force that no fired restricting rule (national or city) covers: the officer must
    # see them named with the notes and acknowledge them before the review is saved (issue 11 item 2).
    unruled_adverse: tuple = ()
    # Requirement groups any one step of which will do (昆山 第五条 "或"), as still open.
    either: tuple[tuple[str, ...], ...] = ()
    # The matter is not named by the city's text: national layer and the city's general clause apply.
    fallback: str | None = None
    base: Profile | None = None  # the national layer version applied

    @property
    def needs_acknowledgement(self) -> bool:
        return bool(self.unruled_adverse)

    @property
    def unruled_notice(self) -> str | None:
        """What the officer reads when an adverse record matches no rule (None when every one is ruled)."""
        if not self.unruled_adverse:
            return None
        from creditdesk.credit import category_of

        named = "；".join(
            f"{category_of(r.category).label}“{r.title}”（{r.authority}{'，' + r.doc_no if r.doc_no else ''}，"
            f"{r.decided_on.isoformat()}）"
            for r in self.unruled_adverse
        )
        return (f"{UNRULED_HEADLINE}：{named}。国家层和{self.profile.name}档案对此类记录在本事项中均未规定措施，"
                "请阅读档案说明，依法依规判断并确认后再办理。")  # fmt: skip


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
        if policy.agencies is not None and not any(
            a.accepts(agency.name, agency.filing_authority, agency.filing_level) for a in policy.agencies
        ):
            problems.append("agency_not_accepted")
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
    history: tuple[RecordInfo, ...] = ()  # every record not revoked, in force or not

    def pool(self, f: RecordFilter) -> tuple[RecordInfo, ...]:
        return self.history if f.history else self.in_force


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
        return sum(_matches(cond.filter, r, facts.day) for r in facts.pool(cond.filter)) >= cond.at_least
    if isinstance(cond, NoRecordsCond):
        return not any(_matches(cond.filter, r, facts.day) for r in facts.pool(cond.filter))
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


def _covers(cond, record: RecordInfo, day: dt.date) -> bool:  # noqa: ANN001
    """Does a (fired) condition rest on this record — a records condition, not negated, that it matches?"""
    if isinstance(cond, RecordsCond):
        return _matches(cond.filter, record, day)
    if isinstance(cond, (AllCond, AnyCond)):
        return any(_covers(c, record, day) for c in cond.parts)
    return False


_DEFAULT_STORE = None


def _default_layer(day: dt.date) -> Profile | None:
    """The bundled national layer, for a profile evaluated without one attached (e.g. built by hand)."""
    global _DEFAULT_STORE
    if _DEFAULT_STORE is None:
        from creditdesk.policy.store import ProfileStore

        _DEFAULT_STORE = ProfileStore.bundled()
    return _DEFAULT_STORE.layer(day)


def evaluate(
    profile: Profile,
    matter: str,
    day: dt.date,
    subject: SubjectInfo | None,
    records: list[RecordInfo],
    report: ReportFacts | None = None,
    commitment_signed: bool = False,
    subject_id: str | None = None,
    *,
    credit_review_valid: bool = False,
    pilot_unit: bool = True,
) -> CheckResult:
    """Apply ``profile`` (on its national layer) to one applicant for ``matter`` on ``day``.

    ``subject`` None: the platform does not know the applicant (checked as one
    with no records of its own). ``subject_id`` is whom the applicant claims to
    be, for matching the report; it defaults to ``subject.id``.
    ``credit_review_valid``: a 信用审查报告 within its validity is on file for the
    applicant; ``pilot_unit``: the unit is one of those that must request 信用审查
    (a profile with ``credit_review.pilot_only``).

    The national layer's rules always apply (matched on the matter's standard
    code); a city rule can only add to them: the most restrictive fired rule wins.
    """
    m = profile.matter(matter)
    if m is None:
        raise UnknownMatter(matter, profile)
    subject_id = subject_id or (subject.id if subject else None)
    base = profile.base if profile.layer is None and profile.base is not None else None
    if base is None and profile.layer is None:
        base = _default_layer(day)

    findings = []
    for r in sorted(records, key=lambda r: (-r.decided_on.toordinal(), r.id)):
        reason = r.not_in_force_reason(day)
        findings.append(Finding(r, reason is None, "in_force" if reason is None else reason.value))
    in_force = tuple(f.record for f in findings if f.in_force)
    history = tuple(f.record for f in findings if f.record.status != "revoked")

    verdict = judge_report(report, profile, subject_id, day) if report is not None else None
    facts = _Facts(subject, in_force, verdict, commitment_signed, day, history)

    national = tuple(rule for rule in (base.rules if base else ()) if rule.applies_to(m.maps_to) and _holds(rule.when, facts))
    local = tuple(rule for rule in profile.rules if rule.applies_to(m.code) and _holds(rule.when, facts))
    fired = national + local
    outcome = max((r.outcome for r in fired), key=PRECEDENCE.__getitem__, default="normal")
    restricting = outcome in ("strict", "prohibit")
    seen: set[tuple[str, str]] = set()
    measures = []
    for rule in fired:
        layer = base.layer if rule in national else None
        # Incentives (and procedural simplifications) are not offered to an applicant who is being restricted.
        if rule.outcome in ("incentive", "normal") and restricting:
            continue
        for text in rule.measures:
            if (text, rule.citation.document) not in seen:  # the same measure twice from one document: once
                seen.add((text, rule.citation.document))
                measures.append(Measure(text, rule.citation, rule.id, rule.outcome, layer))

    unruled = tuple(
        r for r in in_force
        if r.nature.value == "adverse"
        and not any(rule.outcome in ("strict", "prohibit") and _covers(rule.when, r, day) for rule in fired)
    )  # fmt: skip

    review_policy = profile.credit_review
    review_waived = review_policy is not None and review_policy.pilot_only and not pilot_unit
    done = set()
    if verdict is not None and verdict.acceptable:
        done.add("credit_report")
    if commitment_signed:
        done.add("commitment")
    if credit_review_valid:
        done.add("credit_review")
    steps = [s for s in m.steps if not (s == "credit_review" and review_waived)]
    open_groups = []
    for group in m.either:
        group = tuple(s for s in group if s in steps)
        if any(s in done for s in group):
            done.update(group)  # one of them is enough
        elif len(group) > 1:
            open_groups.append(group)
    requirements = [s for s in OPEN_REQUIREMENTS if s in steps and s not in done]

    # The national layer's notes explain national measures not (yet) written as rules: they matter when the
    # applicant has an adverse record in force, and would only be noise on every clean check.
    adverse_in_force = any(r.nature.value == "adverse" for r in in_force)
    notes = (base.notes_for(m.maps_to) if base and adverse_in_force else ()) + profile.notes_for(m.code)
    fallback = None
    if not m.listed:
        c = m.citation
        fallback = (f"{profile.document.number}未列明“{m.label}”事项：按国家层规则和本市一般条款"
                    f"（{c.clause}：“{c.quote}”）办理。")  # fmt: skip

    return CheckResult(
        profile=profile, matter=m.code, day=day, outcome=outcome, fired=fired, measures=tuple(measures),
        requirements=tuple(requirements), findings=tuple(findings), report=verdict, notes=notes,
        unruled_adverse=unruled, either=tuple(open_groups), fallback=fallback, base=base,
    )  # fmt: skip
