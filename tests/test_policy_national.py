"""The national layer under every city profile, the unruled adverse records (no silent 正常办理), and the
fixes of issue 11 item 3 that are not single outcome cases (tests/test_policy_cities.py has those).

Expected values come from the texts: /work/shared/policies/*.txt for the cities, the quoted national
documents (财库〔2016〕125号; 中办、国办《关于加快推进失信被执行人信用监督、警示和惩戒机制建设的意见》)."""

from __future__ import annotations

import copy
import datetime as dt
from types import SimpleNamespace

import pytest

from creditdesk.policy import MATTER_CODES, PolicyError, ProfileStore, evaluate, parse_profile
from creditdesk.policy.store import bundled_profiles
from support.policy import DAY, profile, rec, subject

CITIES = ("cangzhou", "erenhot", "fuzhou", "kunshan", "wuchang")
NATIONAL = next(p for p in bundled_profiles() if p.id == "national")


def test_the_national_layer_is_bundled_validated_and_not_a_city():
    assert NATIONAL.layer == "national" and {m.code for m in NATIONAL.matters} == set(MATTER_CODES)
    store = ProfileStore.bundled()
    assert "national" not in store.profile_ids and set(CITIES) <= set(store.profile_ids)
    for pid in CITIES:
        assert store.resolve(pid, DAY).base.id == "national"
    for rule in NATIONAL.rules:  # every rule: document, clause and a quote
        assert rule.citation.document != NATIONAL.document.number and rule.citation.clause and rule.citation.quote
    # 国发〔2016〕33号 could not be quoted: it is a note, never a rule
    assert not any("33号" in r.citation.document for r in NATIONAL.rules)
    assert any("国发〔2016〕33号" in n.text for n in NATIONAL.notes)


@pytest.mark.parametrize("pid", CITIES)
@pytest.mark.parametrize("category", ["dishonest_judgment_debtor", "major_tax_violation", "procurement_violation"])
def test_the_three_lists_of_caiku_125_are_refused_in_procurement_everywhere(pid, category):
    r = evaluate(profile(pid), "procurement", DAY, subject(), [rec(category)])
    assert r.outcome == "prohibit"
    cited = [m for m in r.measures if m.layer == "national"]
    assert [(m.citation.document, m.text) for m in cited] == [("财库〔2016〕125号", "拒绝其参与政府采购活动")]
    assert "应当拒绝其参与政府采购活动" in cited[0].citation.quote
    assert r.unruled_adverse == ()


@pytest.mark.parametrize("pid", CITIES)
def test_a_judgment_debtor_asking_for_subsidies_is_restricted_everywhere(pid):
    r = evaluate(profile(pid), "fiscal_support", DAY, subject(), [rec("dishonest_judgment_debtor")])
    assert r.outcome == "prohibit"
    assert any(m.citation.clause == "二（二）" and "政府补贴资金" in m.text and m.layer == "national" for m in r.measures)


def _city_doc(pid: str) -> dict:
    return copy.deepcopy(next(p for p in bundled_profiles() if p.id == pid).raw)


def test_a_city_cannot_take_a_national_measure_away():
    """A city version that rewards a judgment debtor in procurement still gets the national refusal."""
    doc = _city_doc("fuzhou")
    doc["version"] = 9
    doc["rules"] = [{"id": "fz-reward", "matters": ["procurement"], "when": {"records": {"categories": ["dishonest_judgment_debtor"]}},
                     "outcome": "incentive", "measures": ["优先"], "citation": {"clause": "三", "quote": "应当查询公共信用信息平台中的信用记录"}}]  # fmt: skip
    store = ProfileStore.bundled()
    store.add(parse_profile(doc, "test"))
    r = evaluate(store.resolve("fuzhou", DAY), "procurement", DAY, subject(), [rec("dishonest_judgment_debtor")])
    assert r.profile.version == 9 and r.outcome == "prohibit"
    assert [m.text for m in r.measures] == ["拒绝其参与政府采购活动"]  # the incentive is not offered to a refused supplier


def test_the_platform_may_publish_a_newer_national_layer():
    doc = copy.deepcopy(NATIONAL.raw)
    doc["version"] = 2
    doc["rules"].append({"id": "nat-new", "matters": ["honors"], "when": {"records": {"severe": True}}, "outcome": "prohibit",
                         "measures": ["不得参评"], "citation": {"document": "新文件〔2027〕1号", "clause": "一", "quote": "不得参评"}})  # fmt: skip
    store = ProfileStore.bundled()
    store.add_platform_rows([SimpleNamespace(id="nat-2", profile_id="national", version=2, effective_from="2027-01-01", document=doc)])
    assert store.errors == []
    before = evaluate(store.resolve("fuzhou", dt.date(2026, 12, 31)), "honors", dt.date(2026, 12, 31), subject(), [rec("serious_dishonesty")])
    after = evaluate(store.resolve("fuzhou", dt.date(2027, 1, 1)), "honors", dt.date(2027, 1, 1), subject(), [rec("serious_dishonesty")])
    assert (before.base.version, before.outcome) == (1, "normal") and before.unruled_adverse
    assert (after.base.version, after.outcome) == (2, "prohibit") and after.unruled_adverse == ()
    assert "national" not in store.profile_ids


@pytest.mark.parametrize("mutate, path", [
    (lambda d: d["matters"].append({"code": "lottery", "label": "彩票", "maps_to": "other", "steps": ["record_check"]}), "$.matters[12].code"),
    (lambda d: d.pop("layer"), "$.layer"),
    (lambda d: d.update(layer="provincial"), "$.layer"),
])  # fmt: skip
def test_the_layer_is_validated(mutate, path):
    doc = copy.deepcopy(NATIONAL.raw)
    mutate(doc)
    with pytest.raises(PolicyError) as exc:
        parse_profile(doc, "national.json")
    assert exc.value.path == path


def test_a_city_cannot_call_itself_a_layer():
    doc = _city_doc("fuzhou")
    doc["layer"] = "national"
    with pytest.raises(PolicyError) as exc:
        parse_profile(doc, "fuzhou.json")
    assert exc.value.path == "$.profile_id"


# -- no silent 正常办理 ------------------------------------------------------------------------------


def test_an_adverse_record_no_rule_covers_is_named_with_the_notes():
    penalty = rec("admin_penalty")
    r = evaluate(profile("fuzhou"), "approval", DAY, subject(), [penalty, rec("admin_penalty", status="repaired")])
    assert r.outcome == "normal" and r.unruled_adverse == (penalty,) and r.needs_acknowledgement
    assert r.unruled_notice.startswith("本市档案未规定措施：行政处罚")
    texts = [n.text for n in r.notes]
    assert any(t.startswith("本通知只要求查询信用记录") for t in texts)  # 福州's own note
    assert any("国发〔2016〕33号" in t for t in texts)  # and the national layer's, first
    assert r.notes[0] in NATIONAL.notes


def test_national_notes_only_with_an_adverse_record_in_force():
    clean = evaluate(profile("fuzhou"), "procurement", DAY, subject(), [rec("honor")])
    assert clean.notes and not any(n in NATIONAL.notes for n in clean.notes)
    assert all("严重失信" not in n.text for n in clean.notes)
    bad = evaluate(profile("fuzhou"), "procurement", DAY, subject(), [rec("admin_penalty")])
    assert any(n in NATIONAL.notes for n in bad.notes)


def test_a_record_a_restricting_rule_rests_on_is_not_unruled():
    r = evaluate(profile("cangzhou"), "approval", DAY, subject(), [rec("admin_penalty")])
    assert r.outcome == "strict" and r.unruled_adverse == ()  # 二（十）对信用状况差的……应严格审查


def test_only_the_uncovered_record_is_listed():
    tax_d, penalty = rec("credit_rating", grade="D"), rec("admin_penalty")
    r = evaluate(profile("erenhot"), "procurement", DAY, subject(), [tax_d, penalty])
    assert r.outcome == "prohibit" and r.unruled_adverse == (penalty,)


def test_records_not_in_force_are_never_unruled():
    r = evaluate(profile("fuzhou"), "approval", DAY, subject(), [rec("serious_dishonesty", publish_until=DAY - dt.timedelta(days=1))])
    assert r.unruled_adverse == () and not r.needs_acknowledgement


# -- item 3: the profiles say what the texts say ------------------------------------------------------


def test_wuchang_two_five_two_every_measure_with_its_own_citation():
    r = evaluate(profile("wuchang"), "approval", DAY, subject(), [rec("serious_dishonesty")])
    got = {m.text: m.citation.quote for m in r.measures}
    # the measures of 二（五）2 that concern an approval, as the text lists them
    assert list(got) == ["列为重点监管对象", "从严审核行政许可审批项目", "从严控制生产许可证发放", "限制新增项目审批、核准", "限制从事互联网信息服务"]
    assert len(set(got.values())) == len(got)  # one citation per measure, not one for two
    assert all(m.citation.clause == "二（五）2" for m in r.measures)
    finance = [m.text for m in evaluate(profile("wuchang"), "finance", DAY, subject(), [rec("serious_dishonesty")]).measures]
    assert finance == ["列为重点监管对象", "限制股票发行上市融资或发行债券", "限制在全国股份转让系统挂牌、融资",
                       "限制发起设立或参股金融机构以及小额贷款公司、融资担保公司、创业投资公司、互联网融资平台等机构"]  # fmt: skip
    honors = evaluate(profile("wuchang"), "honors", DAY, subject(), [rec("serious_dishonesty")])
    assert honors.outcome == "prohibit" and [m.text for m in honors.measures] == ["列为重点监管对象", "撤销荣誉称号", "取消参加评先评优资格"]
    bidding = [m.text for m in evaluate(profile("wuchang"), "bidding", DAY, subject(), [rec("serious_dishonesty")]).measures]
    assert bidding == ["列为重点监管对象", "限制参与有关公共资源交易活动", "限制参与基础设施和公用事业特许经营"]


def test_erenhot_competitive_procedures_get_no_rongque():
    """四 gives 容缺受理 to 守信者, but for procurement the text gives only 评审环节优先扶持 (三（二）2)."""
    good = [rec("honor")]
    proc = evaluate(profile("erenhot"), "procurement", DAY, subject(), good)
    assert [m.text for m in proc.measures] == ["评审环节优先扶持"]
    for matter in ("bidding", "land_transfer", "state_asset_transfer"):
        assert all("容缺受理" not in m.text for m in evaluate(profile("erenhot"), matter, DAY, subject(), good).measures)
    assert "容缺受理" in [m.text for m in evaluate(profile("erenhot"), "approval", DAY, subject(), good).measures]


def test_erenhot_clause_references_are_exact():
    p = profile("erenhot")
    by_matter = {n.matters: n.citation.clause for n in p.notes if n.citation and n.matters}
    assert by_matter[("bidding",)] == "三（二）1"  # 建筑工程招投标
    assert by_matter[("land_transfer",)] == "三（二）3"  # 国有建设用地使用权出让
    assert by_matter[("honors",)] == "三（二）7" and by_matter[("qualification",)] == "三（二）8"
    assert p.matter("finance").citation.clause == "三（二）6"  # 融资性担保和小额贷款公司日常监管


@pytest.mark.parametrize("pid, matters", [
    ("erenhot", ["personnel"]),
    ("fuzhou", ["land_transfer", "state_asset_transfer", "tax_incentive", "personnel"]),
])  # fmt: skip
def test_matters_the_text_does_not_name_fall_back_and_say_so(pid, matters):
    p = profile(pid)
    for code in matters:
        m = p.matter(code)
        assert not m.listed
        assert not any(r.applies_to(code) and r.matters is not None for r in p.rules), f"{code} has invented rules"
        r = evaluate(p, code, DAY, subject(), [])
        assert r.fallback.startswith(f"{p.document.number}未列明“{m.label}”事项：按国家层规则和本市一般条款")
    assert evaluate(p, "procurement", DAY, subject(), []).fallback is None


def test_kunshan_article_seven_is_not_an_incentive_even_signed():
    r = evaluate(profile("kunshan"), "approval", DAY, subject(), [], None, True)
    assert r.outcome == "normal"
    assert [(m.text, m.citation.clause, m.outcome) for m in r.measures] == [("可采取信用承诺的方式，简化审批程序", "第七条", "normal")]
    black = evaluate(profile("kunshan"), "approval", DAY, subject(), [rec("major_tax_violation")], None, True)
    assert black.measures == () and black.unruled_adverse  # no simplification, and the record is named


def test_kunshan_article_five_report_or_review():
    r = evaluate(profile("kunshan"), "honors", DAY, subject(), [], None, True)
    assert r.requirements == ("credit_report", "credit_review") and r.either == (("credit_report", "credit_review"),)
    done = evaluate(profile("kunshan"), "honors", DAY, subject(), [], None, True, credit_review_valid=True)
    assert done.requirements == () and done.either == ()
    non_pilot = evaluate(profile("kunshan"), "honors", DAY, subject(), [], None, True, pilot_unit=False)
    assert non_pilot.requirements == ("credit_report",) and non_pilot.either == ()


def test_one_vocabulary_for_the_four_outcomes():
    """Issue 11 item 6: one source (creditdesk/outcomes.py) for the codes and their long and short forms."""
    from creditdesk.outcomes import LABELS, OUTCOMES, SHORT_LABELS
    from creditdesk.policy.model import OUTCOMES as ENGINE_OUTCOMES

    assert set(OUTCOMES) == set(ENGINE_OUTCOMES) == set(LABELS) == set(SHORT_LABELS)
    assert LABELS == {"prohibit": "依规限制（不予办理）", "strict": "从严审核", "normal": "正常办理", "incentive": "守信激励"}
