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
from support.policy import DAY, agency, profile, rec, report, subject

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
    # 四（二）: filed with 中国人民银行 at 省会（首府）城市中心支行 level or above — a provincial 发改委 filing is not
    ("cangzhou", "二（四）", "state_asset_transfer", OLD, [], report(authority="河北省发展和改革委员会"), False, "prohibit", ["credit_report"], True),
    ("cangzhou", "二（五）", "fiscal_support", OLD, [rec("credit_rating", grade="A")], None, False, "incentive", [], True),
    ("cangzhou", "二（十）", "approval", OLD, [rec("admin_penalty")], None, False, "strict", [], True),
    ("cangzhou", "二（十）", "approval", OLD, [rec("honor")], None, False, "incentive", [], True),
    ("cangzhou", "二（二）", "land_transfer", OLD, [rec("serious_dishonesty")], None, False, "normal", [], False),
    # 二连浩特: 失信记录 = black lists and the D grade, not a C grade, not every 行政处罚
    ("erenhot", "三（二）2", "procurement", OLD, [rec("serious_dishonesty")], None, False, "prohibit", [], True),
    ("erenhot", "三（二）2", "procurement", OLD, [rec("credit_rating", grade="D")], None, False, "prohibit", [], True),
    ("erenhot", "三（二）2", "procurement", OLD, [rec("credit_rating", grade="C")], None, False, "normal", [], False),
    ("erenhot", "三（二）2", "procurement", OLD, [rec("admin_penalty")], None, False, "normal", [], False),
    ("erenhot", "三（二）2", "procurement", OLD, [rec("admin_penalty", publish_until=DAY - dt.timedelta(days=1))], None, False, "normal", [], False),
    ("erenhot", "三（二）2", "procurement", OLD, [rec("honor")], None, False, "incentive", [], True),
    ("erenhot", "三（二）4", "fiscal_support", OLD, [rec("major_tax_violation")], None, False, "prohibit", [], True),
    ("erenhot", "三（二）4", "fiscal_support", OLD, [rec("credit_rating", grade="C")], None, False, "normal", [], False),
    ("erenhot", "三（二）4", "fiscal_support", OLD, [rec("honor")], None, False, "incentive", [], True),
    ("erenhot", "四", "approval", OLD, [rec("serious_dishonesty")], None, False, "strict", [], True),
    ("erenhot", "四", "approval", OLD, [rec("admin_penalty")], None, False, "normal", [], False),
    ("erenhot", "四", "approval", OLD, [rec("honor")], None, False, "incentive", [], True),
    ("erenhot", "三（二）3", "land_transfer", OLD, [], None, False, "normal", ["credit_report"], False),
    ("erenhot", "二（四）", "land_transfer", OLD, [], report(publicized_on=DAY + dt.timedelta(days=3)), False, "normal", ["credit_report"], False),
    ("erenhot", "二（四）", "land_transfer", OLD, [], report(publicized_on=DAY), False, "normal", [], False),
    # 二（二）: 人民银行征信中心, or an agency approved by the 征信业监督管理部门 (人民银行) — not one filed with a 信用办
    ("erenhot", "二（二）", "land_transfer", OLD, [], report(level="city"), False, "normal", ["credit_report"], False),
    ("erenhot", "二（二）", "land_transfer", OLD, [], report(authority=None, agency_facts=agency("national", authority=None, name="中国人民银行征信中心")), False, "normal", [], False),
    # 武昌
    ("wuchang", "二（四）2", "approval", OLD, [], None, True, "incentive", [], True),
    ("wuchang", "二（四）2", "approval", NEW, [], None, True, "normal", [], False),
    ("wuchang", "二（四）2", "approval", NEW, [rec("honor")], None, True, "incentive", [], True),
    ("wuchang", "二（四）2", "approval", OLD, [rec("admin_penalty")], None, True, "normal", [], False),
    # 连续三年无不良信用记录: a penalty decided in 2025 counts though repaired or past its publicity ...
    ("wuchang", "二（四）2", "approval", OLD, [rec("admin_penalty", status="repaired", decided_on=dt.date(2025, 3, 1))], None, True, "normal", [], False),
    ("wuchang", "二（四）2", "approval", OLD, [rec("admin_penalty", publish_from=dt.date(2025, 3, 1), publish_until=dt.date(2026, 3, 1))], None, True, "normal", [], False),
    # ... one decided more than three years ago and no longer in force does not; nor does a revoked one
    ("wuchang", "二（四）2", "approval", OLD, [rec("admin_penalty", status="repaired", decided_on=dt.date(2022, 6, 1))], None, True, "incentive", [], True),
    ("wuchang", "二（四）2", "approval", OLD, [rec("admin_penalty", status="revoked", decided_on=dt.date(2025, 3, 1))], None, True, "incentive", [], True),
    # natural persons can qualify (no registration date)
    ("wuchang", "二（四）2", "approval", subject("natural_person", registered_on=None), [], None, True, "incentive", [], True),
    ("wuchang", "二（四）2", "approval", None, [], None, True, "normal", [], False),
    ("wuchang", "二（三）1", "approval", NEW, [], None, False, "normal", ["commitment"], False),
    ("wuchang", "二（五）2", "honors", OLD, [rec("serious_dishonesty")], None, False, "prohibit", [], True),
    # 财库〔2016〕125号 refuses a 失信被执行人 everywhere; 武昌 adds its own restrictions
    ("wuchang", "二（五）2", "procurement", OLD, [rec("dishonest_judgment_debtor"), rec("honor")], None, False, "prohibit", [], True),
    ("wuchang", "二（五）2", "approval", OLD, [rec("serious_dishonesty")], None, True, "strict", [], True),
    # 福州
    ("fuzhou", "三", "procurement", OLD, [], None, False, "normal", ["credit_report"], False),
    ("fuzhou", "二（三）", "procurement", OLD, [], report(issued_on=YEAR_AGO, valid_until=DAY + dt.timedelta(days=30), level="city"), False, "normal", [], False),
    ("fuzhou", "二（三）", "procurement", OLD, [], report(issued_on=YEAR_AGO - dt.timedelta(days=1), valid_until=DAY + dt.timedelta(days=90), level="city"), False, "normal", ["credit_report"], False),
    ("fuzhou", "二（三）", "bond_issue", OLD, [], report(level="county"), False, "normal", ["credit_report"], False),
    # 二（三）: 省(市)信用办备案或认可 — an agency filed only with a 人民银行 branch is not
    ("fuzhou", "二（三）", "procurement", OLD, [], report(level="provincial"), False, "normal", ["credit_report"], False),
    ("fuzhou", "二（三）", "procurement", OLD, [], report(level="provincial", authority="福建省发展和改革委员会"), False, "normal", [], False),
    # 昆山
    ("kunshan", "第五条", "other", OLD, [], None, False, "normal", ["commitment"], False),
    ("kunshan", "第十二条（一）", "fiscal_support", OLD, [], None, False, "normal", ["credit_report", "commitment", "credit_review"], False),
    # 第五条 "信用承诺、信用审查或信用报告": a report or a review, not both
    ("kunshan", "第五条", "fiscal_support", OLD, [], report(level="city"), True, "normal", [], False),
    ("kunshan", "第十九条", "procurement", OLD, [], report(issued_on=YEAR_AGO, valid_until=DAY + dt.timedelta(days=30), level="city"), True, "normal", [], False),
    ("kunshan", "第十九条", "procurement", OLD, [], report(issued_on=YEAR_AGO - dt.timedelta(days=1), valid_until=DAY + dt.timedelta(days=30), level="city"), True, "normal", ["credit_report"], False),
    ("kunshan", "第二十条", "procurement", OLD, [], report(level="county"), True, "normal", ["credit_report"], False),
    ("kunshan", "第十五条", "procurement", OLD, [], report(level="provincial"), True, "normal", ["credit_report"], False),
    # 第七条: a commitment simplifies the approval procedure: normal, with that measure — never 守信激励 ...
    ("kunshan", "第七条", "approval", OLD, [], None, True, "normal", ["credit_review"], True),
    # ... and not for a black-listed applicant
    ("kunshan", "第七条", "approval", OLD, [rec("serious_dishonesty")], None, True, "normal", ["credit_review"], False),
    # 财库〔2016〕125号 under a city text that names no measure
    ("kunshan", "第十七条（二）", "procurement", OLD, [rec("dishonest_judgment_debtor")], report(level="city"), True, "prohibit", [], False),
    ("fuzhou", "三", "procurement", OLD, [rec("major_tax_violation")], None, False, "prohibit", ["credit_report"], False),
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
    clauses = {m.citation.clause for m in result.measures if m.citation.document == DOC_NUMBERS[pid]}
    if cited:
        assert clause in clauses, f"{clause} not among cited clauses {clauses}"
    else:
        assert clause not in clauses
    # Every measure cites the city's text or a national one (never another city's).
    assert all(m.citation.document == DOC_NUMBERS[pid] or m.rule_id.startswith("nat-") for m in result.measures)
    if outcome == "normal":
        assert all(m.outcome == "normal" for m in result.measures)  # only procedural measures (昆山 第七条)
    if outcome in ("strict", "prohibit"):
        assert all(m.outcome not in ("incentive", "normal") for m in result.measures)


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
        + [d.citation for d in (p.reporting.deadlines if p.reporting else ())]
        + list(p.credit_review.citations if p.credit_review else ())
    )  # fmt: skip
    assert citations
    for c in citations:
        assert re.sub(r"\s+", "", c.quote) in text, f"{c.clause}: {c.quote}"
    assert p.document.number in text


def test_all_five_bundled():
    assert set(TEXT_FILES) <= set(ProfileStore.bundled().profile_ids)
