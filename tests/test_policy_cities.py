"""Each city's profile against its own text: one case per clause, named by the clause it checks.

The expected outcomes and requirements follow the quoted sentence of the
clause; the assertions also check that the measures cite that very clause.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from creditdesk.policy import MATTER_CODES, ProfileStore, evaluate
from support.policy import DAY, profile, rec, report, subject

# The texts as issued sit beside the project (../shared/policies), not inside it.
POLICY_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "policies"
TEXT_FILES = {"cangzhou": "cangzhou-2022", "erenhot": "erenhot-2018", "wuchang": "wuchang-2018",
              "fuzhou": "fuzhou-2016", "kunshan": "kunshan-2017"}  # fmt: skip
DOC_NUMBERS = {"cangzhou": "沧政办字〔2022〕92号", "erenhot": "二信发〔2018〕22号", "wuchang": "武昌信用办〔2018〕3号",
               "fuzhou": "榕发改信用〔2016〕19号", "kunshan": "昆政办发〔2017〕41号"}  # fmt: skip

YEAR_AGO = DAY - dt.timedelta(days=365)
# (profile, clause, matter, subject, records, report, commitment signed, outcome, requirements, measures cite clause)
NEW = subject(registered_on=DAY - dt.timedelta(days=400))
OLD = subject(registered_on=dt.date(2015, 3, 1))
CASES = [
    # 沧州
    ("cangzhou", "二（一）", "procurement", OLD, [rec("serious_dishonesty")], None, False, "prohibit", [], True),
    ("cangzhou", "二（一）", "procurement", OLD, [rec("dishonest_judgment_debtor", status="repaired")], None, False, "normal", [], False),
    ("cangzhou", "二（一）", "procurement", OLD, [rec("honor")], None, False, "incentive", [], True),
    ("cangzhou", "二（一）", "procurement", OLD, [rec("honor"), rec("procurement_violation")], None, False, "prohibit", [], True),
    ("cangzhou", "二（四）", "state_asset_transfer", OLD, [], None, False, "prohibit", ["credit_report"], True),
    ("cangzhou", "二（四）", "state_asset_transfer", OLD, [], report(grade="AA"), False, "normal", [], False),
    ("cangzhou", "二（四）", "state_asset_transfer", OLD, [], report(grade="C"), False, "prohibit", [], True),
    ("cangzhou", "二（四）", "state_asset_transfer", OLD, [], report(level="city"), False, "prohibit", ["credit_report"], True),
    ("cangzhou", "二（五）", "fiscal_support", OLD, [rec("credit_rating", grade="A")], None, False, "incentive", [], True),
    ("cangzhou", "二（十）", "approval", OLD, [rec("admin_penalty")], None, False, "strict", [], True),
    ("cangzhou", "二（十）", "approval", OLD, [rec("honor")], None, False, "incentive", [], True),
    ("cangzhou", "二（二）", "land_transfer", OLD, [rec("serious_dishonesty")], None, False, "normal", [], False),
    # 二连浩特
    ("erenhot", "三（二）2", "procurement", OLD, [rec("admin_penalty")], None, False, "prohibit", [], True),
    ("erenhot", "三（二）2", "procurement", OLD, [rec("admin_penalty", publish_until=DAY - dt.timedelta(days=1))], None, False, "normal", [], False),
    ("erenhot", "三（二）4", "fiscal_support", OLD, [rec("major_tax_violation")], None, False, "prohibit", [], True),
    ("erenhot", "三（二）4", "fiscal_support", OLD, [rec("honor")], None, False, "incentive", [], True),
    ("erenhot", "四", "approval", OLD, [rec("admin_penalty")], None, False, "strict", [], True),
    ("erenhot", "四", "approval", OLD, [rec("honor")], None, False, "incentive", [], True),
    ("erenhot", "三（二）3", "land_transfer", OLD, [], None, False, "normal", ["credit_report"], False),
    ("erenhot", "二（四）", "land_transfer", OLD, [], report(publicized_on=DAY + dt.timedelta(days=3)), False, "normal", ["credit_report"], False),
    ("erenhot", "二（四）", "land_transfer", OLD, [], report(publicized_on=DAY), False, "normal", [], False),
    # 武昌
    ("wuchang", "二（四）2", "approval", OLD, [], None, True, "incentive", [], True),
    ("wuchang", "二（四）2", "approval", NEW, [], None, True, "normal", [], False),
    ("wuchang", "二（四）2", "approval", NEW, [rec("honor")], None, True, "incentive", [], True),
    ("wuchang", "二（四）2", "approval", OLD, [rec("admin_penalty")], None, True, "normal", [], False),
    ("wuchang", "二（四）2", "approval", OLD, [rec("admin_penalty", status="repaired")], None, True, "incentive", [], True),
    ("wuchang", "二（四）2", "approval", None, [], None, True, "normal", [], False),
    ("wuchang", "二（三）1", "approval", NEW, [], None, False, "normal", ["commitment"], False),
    ("wuchang", "二（五）2", "honors", OLD, [rec("serious_dishonesty")], None, False, "prohibit", [], True),
    ("wuchang", "二（五）2", "procurement", OLD, [rec("dishonest_judgment_debtor"), rec("honor")], None, False, "strict", [], True),
    ("wuchang", "二（五）2", "approval", OLD, [rec("serious_dishonesty")], None, True, "strict", [], True),
    # 福州
    ("fuzhou", "三", "procurement", OLD, [], None, False, "normal", ["credit_report"], False),
    ("fuzhou", "二（三）", "procurement", OLD, [], report(issued_on=YEAR_AGO, valid_until=DAY + dt.timedelta(days=30), level="city"), False, "normal", [], False),
    ("fuzhou", "二（三）", "procurement", OLD, [], report(issued_on=YEAR_AGO - dt.timedelta(days=1), valid_until=DAY + dt.timedelta(days=90), level="city"), False, "normal", ["credit_report"], False),
    ("fuzhou", "二（三）", "bond_issue", OLD, [], report(level="county"), False, "normal", ["credit_report"], False),
    # 昆山
    ("kunshan", "第五条", "other", OLD, [], None, False, "normal", ["commitment"], False),
    ("kunshan", "第十二条（一）", "fiscal_support", OLD, [], None, False, "normal", ["credit_report", "commitment", "credit_review"], False),
    ("kunshan", "第十九条", "procurement", OLD, [], report(issued_on=YEAR_AGO, valid_until=DAY + dt.timedelta(days=30), level="city"), True, "normal", [], False),
    ("kunshan", "第十九条", "procurement", OLD, [], report(issued_on=YEAR_AGO - dt.timedelta(days=1), valid_until=DAY + dt.timedelta(days=30), level="city"), True, "normal", ["credit_report"], False),
    ("kunshan", "第二十条", "procurement", OLD, [], report(level="county"), True, "normal", ["credit_report"], False),
    ("kunshan", "第七条", "approval", OLD, [], None, True, "incentive", ["credit_review"], True),
]  # fmt: skip


@pytest.mark.parametrize(
    "pid, clause, matter, subj, records, rep, signed, outcome, requirements, cited", CASES,
    ids=[f"{c[0]}-{c[1]}-{c[2]}-{i}" for i, c in enumerate(CASES)],
)  # fmt: skip
def test_clause(pid, clause, matter, subj, records, rep, signed, outcome, requirements, cited):
    p = profile(pid)
    result = evaluate(p, matter, DAY, subj, records, rep, signed, subject_id=subj.id if subj else "9135X")
    assert result.outcome == outcome
    assert list(result.requirements) == requirements
    clauses = {m.citation.clause for m in result.measures}
    if cited:
        assert clause in clauses, f"{clause} not among cited clauses {clauses}"
        assert all(m.citation.document == DOC_NUMBERS[pid] for m in result.measures)
    if outcome == "normal":
        assert result.measures == ()
    if outcome in ("strict", "prohibit"):
        assert all(m.outcome != "incentive" for m in result.measures)


def test_report_problems_are_named_in_the_cases():
    """The 二（四）/第二十条 cases above fail for the reason the clause gives."""
    late = evaluate(profile("erenhot"), "land_transfer", DAY, subject(), [], report(publicized_on=DAY + dt.timedelta(days=1)))
    assert late.report.problems == ("not_publicized",)
    county = evaluate(profile("kunshan"), "procurement", DAY, subject(), [], report(level="county"))
    assert county.report.problems == ("agency_not_filed",)
    old = evaluate(profile("fuzhou"), "procurement", DAY, subject(), [],
                   report(issued_on=YEAR_AGO - dt.timedelta(days=1), valid_until=DAY + dt.timedelta(days=9), level="city"))  # fmt: skip
    assert old.report.problems == ("expired",)


@pytest.mark.parametrize("pid", sorted(TEXT_FILES))
def test_profile_covers_the_standard_matters_and_cites_its_own_document(pid):
    p = profile(pid)
    assert p.document.number == DOC_NUMBERS[pid]
    assert {m.maps_to for m in p.matters} == set(MATTER_CODES)
    for code in MATTER_CODES:
        assert p.matter(code) is not None
    for rule in p.rules:
        assert rule.citation.document == DOC_NUMBERS[pid]


@pytest.mark.parametrize("pid", sorted(TEXT_FILES))
def test_every_quote_is_in_the_text(pid):
    path = POLICY_TEXTS / f"{TEXT_FILES[pid]}.txt"
    if not path.exists():
        pytest.skip(f"the policy text {path} is not beside this clone (../shared/policies)")
    text = re.sub(r"\s+", "", path.read_text(encoding="utf-8"))
    p = profile(pid)
    citations = (
        [r.citation for r in p.rules] + [m.citation for m in p.matters if m.citation]
        + [n.citation for n in p.notes if n.citation] + list(p.report.citations)
        + [t.citation for t in p.commitment_templates if t.citation]
    )  # fmt: skip
    assert citations
    for c in citations:
        assert re.sub(r"\s+", "", c.quote) in text, f"{c.clause}: {c.quote}"
    assert p.document.number in text


def test_all_five_bundled():
    assert set(TEXT_FILES) <= set(ProfileStore.bundled().profile_ids)
