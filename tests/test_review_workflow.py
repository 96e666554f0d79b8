"""ReviewWorkflow without Qt: the steps each profile's matter requires, what is missing, when saving is
allowed, the override rules, the reset when the applicant changes, and the matter choice."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from creditdesk.policy.engine import evaluate
from creditdesk.policy.store import bundled_profiles
from creditdesk.services.review_workflow import (
    MIN_REASON_CHARS,
    OVERRIDE_CATEGORIES,
    Approval,
    ReviewWorkflow,
    is_milder,
    match_matters,
    matter_numbers,
    override_problem,
)
from support.policy import DAY, SID, profile, rec, report, subject

def _city_profiles() -> dict:
    """Every bundled city profile (the national layer underneath them is not chosen at a window)."""
    out = {}
    for p in bundled_profiles():
        try:
            out[p.id] = profile(p.id)
        except LookupError:
            continue
    return out


PROFILES = _city_profiles()
CASES = [(pid, m.code) for pid, p in sorted(PROFILES.items()) for m in p.matters]


class Driver:
    """Plays the panel's part: forwards input and runs the (real) policy engine when asked."""

    def __init__(self, pid: str, records=(), report_facts=None):  # noqa: ANN001
        self.p = profile(pid)
        self.records = list(records)
        self.report_facts = report_facts
        self.wf = ReviewWorkflow(profile=self.p)
        self.wf.set_subject(SID, known=True, legal_representative="张三")

    def run(self) -> None:
        key = self.wf.eval_key()
        assert key is not None
        self.wf.evaluating(key)
        _sid, matter, report_no, signed = key
        facts = self.report_facts if report_no else None
        result = evaluate(self.p, matter, DAY, subject(), self.records, facts, signed)
        assert self.wf.evaluated(key, SimpleNamespace(result=result))


@pytest.mark.parametrize(("pid", "matter"), CASES)
def test_every_profile_and_matter_walks_to_may_finalise(pid: str, matter: str) -> None:
    d = Driver(pid, report_facts=report())
    wf = d.wf
    assert not wf.may_finalise()
    assert wf.eval_key() is None  # nothing evaluated before the matter is confirmed
    wf.choose_matter(matter)
    steps = PROFILES[pid].matter(matter).steps
    expected = ["subject", "matter", "record_check"]
    expected += [s for s in ("credit_report", "commitment") if s in steps] + ["conclusion"]
    assert list(wf.applicable_steps()) == expected
    missing = [s for s, _ in wf.missing()]
    assert missing == expected[2:]  # subject and matter done; the rest open
    if "credit_report" in steps:
        wf.set_report("BG-1")
    if "commitment" in steps:
        wf.set_commitment(signer_name="张三", inked=True)
    d.run()
    assert wf.step_state("record_check") == "done"
    # the conclusion box starts empty: not saveable until the officer adopts one
    assert wf.inputs.final is None
    assert [s for s, _ in wf.missing()] == ["conclusion"]
    assert not wf.may_finalise()
    wf.adopt_computed()
    assert wf.missing() == [] and wf.may_finalise()
    assert wf.override_kind() is None and wf.approval_status() is None


REPORT_CASES = [(pid, next(m.code for m in p.matters if "credit_report" in m.steps))
                for pid, p in sorted(PROFILES.items()) if any("credit_report" in m.steps for m in p.matters)]


@pytest.mark.parametrize(("pid", "matter"), REPORT_CASES)
def test_report_typed_but_not_confirmed_is_open(pid: str, matter: str) -> None:
    d = Driver(pid, report_facts=report())
    d.wf.choose_matter(matter)
    d.wf.set_report("BG-1")
    d.wf.set_commitment(signer_name="张三", on_paper=True)
    d.run()
    assert d.wf.step_state("credit_report") == "done"
    d.wf.set_report("BG-2", confirmed=False)  # being typed
    assert d.wf.step_state("credit_report") == "open"
    d.wf.set_no_report(True)
    assert d.wf.step_state("credit_report") == "busy"  # the evaluation must run again


def test_milder_needs_category_ten_characters_and_approval() -> None:
    # 沧州, procurement: a 严重失信主体名单 record -> 依规限制
    d = Driver("cangzhou", records=[rec("serious_dishonesty")])
    wf = d.wf
    wf.choose_matter("procurement")
    wf.set_no_report(True)
    d.run()
    computed = wf.computed
    assert computed == "prohibit"
    wf.set_conclusion("normal", reason="x")
    assert wf.override_kind() == "milder"
    assert not wf.may_finalise()
    assert "理由类别" in dict(wf.missing())["conclusion"]
    wf.set_conclusion("normal", category="data_error", reason="x" * (MIN_REASON_CHARS - 1))
    assert f"至少 {MIN_REASON_CHARS} 个字" in dict(wf.missing())["conclusion"]
    wf.set_conclusion("normal", reason="平台记录已于昨日撤销，见撤销决定书")
    assert len(wf.inputs.reason) >= MIN_REASON_CHARS
    assert wf.may_finalise()  # saved as 待复核 without approval
    assert wf.approval_status() == "pending"
    wf.approve(Approval("kezhang", "李科长", dt.datetime(2026, 11, 21, 10, 0, tzinfo=dt.timezone.utc)))
    assert wf.approval_status() == "approved"
    # changing the reason, the category or the conclusion voids the approval
    wf.set_conclusion("normal", reason="平台记录已于昨日撤销，见撤销决定书（补）")
    assert wf.approval_status() == "pending"
    wf.approve(Approval("kezhang", "李科长", dt.datetime(2026, 11, 21, 10, 5, tzinfo=dt.timezone.utc)))
    wf.set_conclusion("normal", category="objection_upheld")
    assert wf.approval_status() == "pending"


def test_stricter_needs_a_reason_only_and_no_approval() -> None:
    d = Driver("fuzhou")
    d.wf.choose_matter("procurement")
    d.wf.set_no_report(True)
    d.run()
    assert d.wf.computed == "normal"
    d.wf.set_conclusion("strict")
    assert not d.wf.may_finalise()
    d.wf.set_conclusion("strict", reason="现场发现材料不一致")
    assert d.wf.may_finalise() and d.wf.override_kind() == "stricter" and not d.wf.needs_approval()
    with pytest.raises(ValueError):
        d.wf.approve(Approval("kezhang", "李科长", dt.datetime.now(dt.timezone.utc)))


def test_milder_order() -> None:
    # 依规限制 → anything, 从严审核 → 正常办理/守信激励 (issue 11 item 5); stricter moves are not milder
    for final in ("strict", "normal", "incentive"):
        assert is_milder("prohibit", final)
    assert is_milder("strict", "normal") and is_milder("strict", "incentive")
    assert not is_milder("strict", "prohibit") and not is_milder("normal", "strict")
    assert override_problem("strict", None, None, None) == "请选择或采用结论"
    assert override_problem("strict", "strict", None, None) is None
    assert set(OVERRIDE_CATEGORIES) and all(len(v) > 4 for v in OVERRIDE_CATEGORIES.values())


def test_new_subject_resets_everything_same_subject_keeps() -> None:
    d = Driver("wuchang")
    wf = d.wf
    wf.choose_matter("approval")
    wf.set_commitment(signer_name="张三", inked=True)
    d.run()
    wf.adopt_computed()
    assert not wf.set_subject(SID, known=True)  # shown again: nothing lost
    assert wf.inputs.matter == "approval" and wf.inputs.final is not None
    assert wf.set_subject("91350100000000002Y", known=True)
    assert wf.inputs.matter is None and wf.inputs.final is None and wf.inputs.signer_name == ""
    assert wf.output is None and not wf.commitment_signed()


def test_same_subject_after_saving_starts_a_new_review_and_start_over_clears() -> None:
    d = Driver("wuchang")
    d.wf.choose_matter("approval")
    d.wf.set_commitment(signer_name="张三", inked=True)
    d.run()
    d.wf.adopt_computed()
    d.wf.mark_saved(object())
    assert not d.wf.may_finalise()
    assert d.wf.set_subject(SID, known=True)  # the next applicant may be the same company: a new review
    assert d.wf.saved is None and d.wf.inputs.matter is None
    d.wf.choose_matter("approval")
    d.wf.start_over()  # Esc after saving, sign-out, lock
    assert d.wf.subject_id is None and d.wf.inputs.matter is None and d.wf.eval_key() is None


def test_a_changed_computed_conclusion_voids_the_adopted_one() -> None:
    d = Driver("cangzhou", report_facts=report())
    d.wf.choose_matter("procurement")
    d.wf.set_no_report(True)
    d.run()
    d.wf.adopt_computed()
    assert d.wf.inputs.final == "normal"
    d.records.append(rec("serious_dishonesty"))
    d.wf.set_report("BG-1")  # new inputs -> new evaluation, now with the black-list record
    d.run()
    assert d.wf.computed != "normal"
    assert d.wf.inputs.final is None  # the officer must look at the new conclusion


def test_agent_signing_asks_for_authority() -> None:
    d = Driver("wuchang")
    d.wf.legal_representative = None
    d.wf.choose_matter("approval")
    d.wf.set_commitment(signer_name="李四", signer_role="agent", on_paper=True)
    assert "authority" in d.wf.applicable_steps()
    d.run()
    d.wf.adopt_computed()
    assert not d.wf.may_finalise()
    assert "委托人" in dict(d.wf.missing())["authority"]
    d.wf.set_commitment(principal="张三")
    assert "授权委托书" in dict(d.wf.missing())["authority"]
    d.wf.set_commitment(authority="2026年11月20日授权委托书")
    assert d.wf.may_finalise()
    d.wf.set_commitment(signer_role="legal_representative")
    assert "authority" not in d.wf.applicable_steps()


def test_unruled_adverse_records_need_acknowledging() -> None:
    # The hook for the policy engine's unruled_adverse (issue 11 item 2): driven by the check result's data.
    d = Driver("fuzhou")
    d.wf.choose_matter("procurement")
    d.wf.set_no_report(True)
    key = d.wf.eval_key()
    d.wf.evaluating(key)
    result = evaluate(d.p, "procurement", DAY, subject(), [], None, False)
    output = SimpleNamespace(result=SimpleNamespace(outcome=result.outcome, report=None,
                                                    unruled_adverse=(rec("admin_penalty"),)))  # fmt: skip
    d.wf.evaluated(key, output)
    d.wf.adopt_computed()
    assert "acknowledge" in d.wf.applicable_steps()
    assert [s for s, _ in d.wf.missing()] == ["acknowledge", "conclusion"]
    d.wf.acknowledge_unruled()
    assert d.wf.may_finalise()


def test_stale_evaluation_is_ignored() -> None:
    d = Driver("fuzhou")
    d.wf.choose_matter("procurement")
    key = d.wf.eval_key()
    d.wf.evaluating(key)
    d.wf.choose_matter("bidding")  # the officer moved on while it ran
    assert not d.wf.evaluated(key, SimpleNamespace(result=None))
    assert d.wf.output is None and d.wf.step_state("record_check") == "open"


def test_matter_numbers_are_unambiguous_and_type_ahead_matches_names_and_initials() -> None:
    matters = [(m.code, m.label) for m in PROFILES["cangzhou"].matters]
    numbers = matter_numbers(len(matters))
    assert numbers[0] == "01" and numbers[-1] == "12" and len(set(map(len, numbers))) == 1
    assert match_matters(matters, "1") == []  # one digit chooses nothing: 1 could become 10, 11, 12
    assert match_matters(matters, "10") == [9] and match_matters(matters, "01") == [0]
    assert match_matters(matters, "13") == []
    zfcg = match_matters(matters, "zfcg")
    assert [matters[i][1] for i in zfcg] == ["政府采购"]
    assert [matters[i][1] for i in match_matters(matters, "招标")] == ["招标投标"]
    assert match_matters(matters, "") == []


def test_choose_unknown_matter_refused() -> None:
    wf = ReviewWorkflow(profile=profile("fuzhou"))
    with pytest.raises(ValueError, match="没有该办理事项"):
        wf.choose_matter("no-such-matter")
