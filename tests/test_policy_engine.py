"""Engine properties, report problem codes, loader errors and platform versions superseding bundled ones."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from creditdesk.credit import ADVERSE_CATEGORIES, ADVERSE_GRADES, CATEGORIES
from creditdesk.policy import REPORT_PROBLEMS, PolicyError, ProfileStore, evaluate, load_profile_file, parse_profile
from creditdesk.policy.engine import ReportFacts, judge_report
from creditdesk.policy.model import RESTRICTIVENESS
from creditdesk.policy.store import UnknownMatter, UnknownProfile, bundled_profiles, platform_profile
from support.policy import DAY, SID, agency, rec, report, subject

PROFILES = bundled_profiles()
PAIRS = [(p, m.code) for p in PROFILES for m in p.matters]


def _uses_history(cond) -> bool:  # noqa: ANN001
    f = getattr(cond, "filter", None)
    if f is not None and f.history:
        return True
    parts = getattr(cond, "parts", None) or ((cond.part,) if hasattr(cond, "part") else ())
    return any(_uses_history(c) for c in parts)


# Pairs whose rules look only at records in force (武昌 二（四）2 reads the record history on purpose).
IN_FORCE_PAIRS = [(p, m) for p, m in PAIRS if not any(_uses_history(r.when) for r in p.rules if r.applies_to(m))]
ONE = dt.timedelta(days=1)

dates = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2030, 12, 31))
subjects = st.one_of(
    st.none(),
    st.builds(subject, kind=st.sampled_from(["legal_person", "unincorporated", "individual_business", "natural_person"]),
              registered_on=st.one_of(st.none(), dates)),
)  # fmt: skip


@st.composite
def records(draw, in_force_only: bool = False):  # noqa: ANN001, ANN201
    category = draw(st.sampled_from([c.code for c in CATEGORIES]))
    grade = draw(st.sampled_from(["A", "B", "C", "D", "M", None])) if category == "credit_rating" else None
    if in_force_only:
        start = draw(st.dates(min_value=dt.date(2010, 1, 1), max_value=DAY))
        until = draw(st.one_of(st.none(), st.dates(min_value=DAY, max_value=dt.date(2031, 1, 1))))
        status = "active"
    else:
        start = draw(dates)
        until = draw(st.one_of(st.none(), st.dates(min_value=start, max_value=dt.date(2031, 1, 1))))
        status = draw(st.sampled_from(["active", "active", "repaired", "revoked"]))
    decided = draw(st.dates(min_value=dt.date(2005, 1, 1), max_value=start))
    return rec(category, status=status, publish_from=start, publish_until=until, decided_on=decided, grade=grade)


@st.composite
def adverse_in_force(draw):  # noqa: ANN001, ANN201
    category = draw(st.sampled_from(sorted(ADVERSE_CATEGORIES | {"credit_rating"})))
    grade = draw(st.sampled_from(sorted(ADVERSE_GRADES))) if category == "credit_rating" else None
    start = draw(st.dates(min_value=dt.date(2010, 1, 1), max_value=DAY))
    until = draw(st.one_of(st.none(), st.dates(min_value=DAY, max_value=dt.date(2031, 1, 1))))
    return rec(category, publish_from=start, publish_until=until, grade=grade,
               decided_on=draw(st.dates(min_value=dt.date(2005, 1, 1), max_value=start)))  # fmt: skip


reports = st.one_of(st.none(), st.builds(report, grade=st.sampled_from(["AAA", "AA", "BBB", "CCC", "C"]),
                                         level=st.sampled_from(["county", "city", "provincial", "national"])))  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PAIRS), subjects, st.lists(records(), max_size=6), adverse_in_force(), reports, st.booleans())
def test_adding_an_in_force_adverse_record_never_makes_it_gentler(pair, subj, recs, extra, rep, signed):
    profile, matter = pair
    before = evaluate(profile, matter, DAY, subj, recs, rep, signed, subject_id=SID)
    after = evaluate(profile, matter, DAY, subj, recs + [extra], rep, signed, subject_id=SID)
    assert RESTRICTIVENESS[after.outcome] >= RESTRICTIVENESS[before.outcome]


@st.composite
def not_in_force(draw):  # noqa: ANN001, ANN201
    r = draw(records())
    how = draw(st.sampled_from(["repaired", "revoked", "future", "expired"]))
    if how in ("repaired", "revoked"):
        return rec(r.category, status=how, publish_from=r.publish_from, publish_until=r.publish_until, grade=r.grade)
    if how == "future":
        start = draw(st.dates(min_value=DAY + ONE, max_value=dt.date(2031, 1, 1)))
        return rec(r.category, publish_from=start, grade=r.grade, decided_on=DAY)
    start = draw(st.dates(min_value=dt.date(2010, 1, 1), max_value=DAY - ONE))
    until = draw(st.dates(min_value=start, max_value=DAY - ONE))
    return rec(r.category, publish_from=start, publish_until=until, grade=r.grade)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(IN_FORCE_PAIRS), subjects, st.lists(records(), max_size=5), st.lists(not_in_force(), min_size=1, max_size=4),
       reports, st.booleans())  # fmt: skip
def test_a_record_outside_its_period_or_repaired_never_counts(pair, subj, recs, ghosts, rep, signed):
    profile, matter = pair
    base = evaluate(profile, matter, DAY, subj, recs, rep, signed, subject_id=SID)
    with_ghosts = evaluate(profile, matter, DAY, subj, recs + ghosts, rep, signed, subject_id=SID)
    assert (with_ghosts.outcome, with_ghosts.measures, with_ghosts.requirements) == (base.outcome, base.measures, base.requirements)
    ghost_ids = {g.id for g in ghosts}
    ghost_findings = [f for f in with_ghosts.findings if f.record.id in ghost_ids]
    assert len(ghost_findings) == len(ghosts)
    assert all(not f.in_force and f.reason in ("repaired", "revoked", "not_yet_published", "expired") for f in ghost_findings)


def _profile(**report_policy):  # noqa: ANN003, ANN202
    doc = copy.deepcopy(next(p for p in PROFILES if p.id == "kunshan").raw)
    doc["report"] = report_policy
    return parse_profile(doc, "test")


@pytest.mark.parametrize(
    "problem, facts, policy",
    [
        ("unknown_report", ReportFacts.unknown("BG-404"), {}),
        ("expired", report(issued_on=DAY - dt.timedelta(days=400), valid_until=DAY - ONE), {}),
        ("expired", report(issued_on=DAY - dt.timedelta(days=367), valid_until=DAY + ONE), {"max_age_years": 1}),
        ("not_yet_valid", report(issued_on=DAY + ONE), {}),
        ("withdrawn", report(status="withdrawn"), {}),
        ("subject_mismatch", report(subject_id="91350100000000002X"), {}),
        ("agency_unknown", report(agency_facts=None), {}),
        ("agency_not_filed", report(agency_facts=agency(status="suspended")), {}),
        ("agency_not_filed", report(agency_facts=agency(valid_until=DAY - ONE)), {}),
        ("agency_not_filed", report(agency_facts=agency(level="county")), {"min_agency_level": "city"}),
        ("agency_not_accepted", report(agency_facts=agency(level="provincial", authority="中国人民银行福州中心支行")),
         {"agencies": [{"authorities": ["信用办"]}]}),
        ("agency_not_accepted", report(agency_facts=agency(level="national", authority=None)),
         {"agencies": [{"authorities": ["人民银行"]}, {"names": ["征信中心"]}]}),
        ("not_publicized", report(publicized_on=DAY + ONE), {"require_publicized": True}),
        ("not_publicized", report(publicized_on=None), {"require_publicized": True}),
    ],
)  # fmt: skip
def test_each_report_problem(problem, facts, policy):
    verdict = judge_report(facts, _profile(**policy), SID, DAY)
    assert verdict.problems == (problem,)
    assert not verdict.acceptable
    # A required report with a problem keeps credit_report open.
    result = evaluate(_profile(**policy), "procurement", DAY, subject(), [], facts, True)
    assert "credit_report" in result.requirements and result.report.problems == (problem,)


def test_problem_codes_are_the_documented_ones():
    assert set(REPORT_PROBLEMS) == {"unknown_report", "expired", "not_yet_valid", "withdrawn", "subject_mismatch",
                                    "agency_unknown", "agency_not_filed", "agency_not_accepted", "not_publicized"}  # fmt: skip
    ok = judge_report(report(), _profile(max_age_years=1, min_agency_level="city", require_publicized=True), SID, DAY)
    assert ok.acceptable and ok.problems == ()


def test_unknown_matter_lists_the_profiles_matters():
    p = PROFILES[0]
    with pytest.raises(UnknownMatter) as err:
        evaluate(p, "no_such_matter", DAY, None, [])
    assert all(code in str(err.value) for code in p.matter_codes)


# -- loader errors -------------------------------------------------------------------

BROKEN = [
    (lambda d: d.pop("matters"), "$.matters", "missing"),
    (lambda d: d.__setitem__("version", "2"), "$.version", "integer"),
    (lambda d: d.__setitem__("effective_from", "2026-02-30"), "$.effective_from", "date"),
    (lambda d: d["matters"][1].__setitem__("maps_to", "lottery"), "$.matters[1].maps_to", "lottery"),
    (lambda d: d["matters"][0]["steps"].append("fax"), "$.matters[0].steps[", "fax"),
    (lambda d: d["rules"][0].__setitem__("outcome", "ban"), "$.rules[0].outcome", "ban"),
    (lambda d: d["rules"][0].__setitem__("when", {"weather": "rain"}), "$.rules[0].when.weather", "unknown condition"),
    (lambda d: d["rules"][0]["when"]["any"][0]["all"][0]["records"].__setitem__("nature", "bad"), "$.rules[0].when.any[0].all[0].records.nature", "bad"),
    (lambda d: d["rules"][0]["citation"].pop("quote"), "$.rules[0].citation.quote", "missing"),
    (lambda d: d["rules"][0].__setitem__("matters", ["moon_landing"]), "$.rules[0].matters[0]", "moon_landing"),
    (lambda d: d["commitment_templates"][0].__setitem__("text", "我{nickname}承诺"), "$.commitment_templates[0].text", "nickname"),
    (lambda d: d.__setitem__("colour", "red"), "$.colour", "unknown field"),
]  # fmt: skip


@pytest.mark.parametrize("mutate, path, what", BROKEN)
def test_load_error_names_file_path_and_problem(tmp_path, mutate, path, what):
    doc = json.loads((_bundled_dir() / "wuchang.json").read_text(encoding="utf-8"))
    mutate(doc)
    f = tmp_path / "broken.json"
    f.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        load_profile_file(f)
    message = str(err.value)
    assert str(f) in message and path in message and what in message
    assert err.value.source == str(f) and err.value.path.startswith(path)


def test_invalid_json_names_file_and_position(tmp_path):
    f = tmp_path / "bad.json"
    f.write_text('{"format": "creditdesk-policy",\n  "version": }', encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        load_profile_file(f)
    assert str(f) in str(err.value) and "line 2" in str(err.value)


def _bundled_dir():  # noqa: ANN202
    from importlib import resources

    return resources.files("creditdesk") / "resources" / "policies"


# -- versions -------------------------------------------------------------------------

def _platform_v2(effective: str = "2027-01-01"):  # noqa: ANN202
    doc = copy.deepcopy(next(p for p in PROFILES if p.id == "fuzhou").raw)
    doc["version"] = 2
    doc["rules"] = [{
        "id": "fz2-blacklist", "matters": ["procurement"], "when": {"records": {"severe": True}}, "outcome": "prohibit",
        "measures": ["不得参加政府采购活动"], "citation": {"document": "榕信用〔2026〕1号", "clause": "一", "quote": "不得参加"},
    }]  # fmt: skip
    return platform_profile("fz-2", "fuzhou", 2, effective, doc)


def test_platform_version_supersedes_bundled_from_its_effective_date():
    store = ProfileStore.bundled()
    store.add(_platform_v2("2027-01-01"))
    eve, day = dt.date(2026, 12, 31), dt.date(2027, 1, 1)
    assert store.resolve("fuzhou", eve).version == 1
    assert store.resolve("fuzhou", day).version == 2
    assert store.resolve("fuzhou", day).source == "platform policy fz-2"
    blacklisted = [rec("serious_dishonesty")]
    assert evaluate(store.resolve("fuzhou", eve), "procurement", eve, subject(), blacklisted).outcome == "normal"
    assert evaluate(store.resolve("fuzhou", day), "procurement", day, subject(), blacklisted).outcome == "prohibit"


def test_platform_document_must_agree_with_its_entity():
    doc = copy.deepcopy(next(p for p in PROFILES if p.id == "fuzhou").raw)
    with pytest.raises(PolicyError) as err:
        platform_profile("fz-3", "fuzhou", 3, "2027-01-01", doc)  # the document says version 1
    assert err.value.source == "platform policy fz-3" and err.value.path == "$.version"


def test_unknown_profile_and_no_version_in_force():
    store = ProfileStore.bundled()
    with pytest.raises(UnknownProfile) as err:
        store.resolve("atlantis", DAY)
    assert "fuzhou" in str(err.value) and "kunshan" in str(err.value)
    with pytest.raises(UnknownProfile):
        store.resolve("fuzhou", dt.date(2000, 1, 1))


def test_a_broken_platform_version_is_skipped_and_reported():
    class Row:
        id, profile_id, version, effective_from, document = "fz-9", "fuzhou", 9, dt.date(2020, 1, 1), {"v": 9}

    store = ProfileStore.bundled()
    store.add_platform_rows([Row()])
    assert store.resolve("fuzhou", DAY).version == 1
    assert len(store.errors) == 1 and "platform policy fz-9" in str(store.errors[0])
