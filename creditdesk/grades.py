"""Which credit grades read as adverse — 纳税信用 D, a report graded C — for colouring and wording.

Qt-free: the screens ask ``grade_is_adverse(grade, profile)``. A grade is adverse when the
national reading says so (``creditdesk.credit.ADVERSE_GRADES``: C, D, CC, CCC) or when the
policy profile in force makes it adverse: a rule leading to 从严 or 禁止 on a report of
that grade, or on in-force rating records of that grade.
"""

from __future__ import annotations

from creditdesk.credit import ADVERSE_GRADES, POSITIVE_GRADES

ADVERSE_OUTCOMES = frozenset({"strict", "prohibit"})


def _grades_in(cond) -> set[str]:  # noqa: ANN001 - a creditdesk.policy.model condition
    from creditdesk.policy import model as m

    if isinstance(cond, m.ReportGradeCond):
        return set(cond.grades)
    if isinstance(cond, m.RecordsCond):
        return set(cond.filter.grades or ())
    if isinstance(cond, (m.AllCond, m.AnyCond)):
        found: set[str] = set()
        for part in cond.parts:
            found |= _grades_in(part)
        return found
    return set()  # NotCond: a grade under "not" is what the rule does not want; never read it as adverse


def profile_adverse_grades(profile) -> frozenset[str]:  # noqa: ANN001 - creditdesk.policy.model profile or None
    """The grades the profile's 从严/禁止 rules are about."""
    if profile is None:
        return frozenset()
    found: set[str] = set()
    for rule in getattr(profile, "rules", ()) or ():
        if rule.outcome in ADVERSE_OUTCOMES:
            found |= _grades_in(rule.when)
    return frozenset(g.upper() for g in found)


def grade_is_adverse(grade: str | None, profile=None) -> bool:  # noqa: ANN001
    g = (grade or "").strip().upper()
    return bool(g) and (g in ADVERSE_GRADES or g in profile_adverse_grades(profile))


def grade_is_positive(grade: str | None, profile=None) -> bool:  # noqa: ANN001
    g = (grade or "").strip().upper()
    return bool(g) and g in POSITIVE_GRADES and not grade_is_adverse(g, profile)


__all__ = ["grade_is_adverse", "grade_is_positive", "profile_adverse_grades"]
