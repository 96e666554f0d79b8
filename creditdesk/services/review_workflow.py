"""核查流程的规则 (issue 13 item 1, issue 11 item 5): which steps a review needs, their state, what is
missing, whether it may be saved, and what a departure from the computed conclusion requires.

Qt-free: the review panel (creditdesk/ui/review_panel.py) only shows a :class:`ReviewWorkflow` and
forwards the officer's input to it; tests drive it without a GUI for every profile and matter.

The steps come from the policy profile's matter (``Matter.steps``) plus those the situation adds:

- ``subject`` and ``matter``: chosen (the matter only once the officer confirmed it);
- ``record_check``: the engine's evaluation for exactly the current inputs has arrived;
- ``credit_report`` / ``commitment``: when the matter lists them; a commitment signed by an agent
  adds ``authority`` (授权委托: in whose name and on what authority the agent signs);
- ``acknowledge``: when the check result carries adverse records in force that no rule (national or
  city) provides a measure for (``CheckResult.unruled_adverse``, when the policy engine supplies it),
  the officer must acknowledge them — nothing passes silently as 正常办理;
- ``conclusion``: the box starts empty; the officer adopts the computed conclusion or chooses another.
  A *milder* conclusion (:func:`is_milder`) needs a reason category from :data:`OVERRIDE_CATEGORIES`
  and at least :data:`MIN_REASON_CHARS` characters of text, and a supervisor's approval — given on the
  spot (the supervisor signs in on the same window) or later on 跟进: until then the review is saved
  as 待复核 and its slip shows the computed conclusion. A *stricter* one needs a written reason only.

Reset: a new applicant (another subject), :meth:`ReviewWorkflow.start_over` (Esc after saving,
sign-out, lock) — matter, conclusion, report, commitment, acknowledgement and approval all start over.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from creditdesk.policy.model import RESTRICTIVENESS

__all__ = [
    "MIN_REASON_CHARS", "OVERRIDE_CATEGORIES", "STEP_LABELS", "Approval", "ReviewWorkflow", "is_milder",
    "override_problem", "matter_numbers", "match_matters",
]  # fmt: skip

MIN_REASON_CHARS = 10

# Reason categories for a milder conclusion (the short list the officer picks from).
OVERRIDE_CATEGORIES: dict[str, str] = {
    "data_error": "平台数据有误（已向信用中心核实）",
    "repaired": "信用已修复或记录已撤销，平台尚未更新",
    "not_this_subject": "记录不属于该申请人（同名或代码错误）",
    "objection_upheld": "异议已受理并认定成立",
    "legal_basis": "法律法规或上级文件另有规定（写明文号）",
}

# Every step the panel may show, in order, with its Chinese name.
STEP_LABELS: dict[str, str] = {
    "subject": "主体",
    "matter": "事项",
    "record_check": "记录核查",
    "acknowledge": "确认无措施规定的记录",
    "credit_report": "信用报告",
    "commitment": "信用承诺",
    "authority": "授权委托",
    "conclusion": "结论",
}
STEP_ORDER = tuple(STEP_LABELS)


def is_milder(computed: str, final: str) -> bool:
    """Is ``final`` gentler on the applicant than ``computed``? (依规限制 → anything else, 从严审核 →
    正常办理/守信激励, 正常办理 → 守信激励: an incentive without basis is a departure too.)"""
    return RESTRICTIVENESS[final] < RESTRICTIVENESS[computed]


def override_problem(computed: str, final: str | None, category: str | None, reason: str | None) -> str | None:
    """What is still missing for ``final`` as the adopted conclusion, in Chinese; None when nothing is."""
    if final is None:
        return "请选择或采用结论"
    if final == computed:
        return None
    text = (reason or "").strip()
    if is_milder(computed, final):
        if category not in OVERRIDE_CATEGORIES:
            return "结论比系统计算结果宽松：请选择调整理由类别"
        if len(text) < MIN_REASON_CHARS:
            return f"结论比系统计算结果宽松：请写明理由（至少 {MIN_REASON_CHARS} 个字，现 {len(text)} 个）"
        return None
    if not text:
        return "结论与系统计算结果不同：请写明理由"
    return None


@dataclass(frozen=True)
class Approval:
    """A supervisor's decision on a milder conclusion, given on the spot."""

    supervisor: str  # login name
    supervisor_display: str
    at: dt.datetime
    note: str | None = None


# -- matter choice: two-digit numbers and type-ahead -------------------------------------------


def matter_numbers(count: int) -> list[str]:
    """The numbers the matter list shows: all of the same width (01–12), so no prefix is ambiguous."""
    width = max(2, len(str(count)))
    return [f"{n:0{width}d}" for n in range(1, count + 1)]


def match_matters(matters: list[tuple[str, str]], typed: str) -> list[int]:
    """Indexes of the matters ``(code, label)`` the officer's typing points at.

    Digits: the number typed in full (two digits for 01–12); fewer digits match nothing yet.
    Otherwise the label's Chinese text contains it, or its pinyin initials start with it
    (``zfcg`` → 政府采购). Nothing is chosen here; the caller confirms.
    """
    typed = (typed or "").strip().lower()
    if not typed:
        return []
    numbers = matter_numbers(len(matters))
    if typed.isdigit():
        return [i for i, n in enumerate(numbers) if n == typed]
    from creditdesk.names import pinyin_initials

    hits = []
    for i, (_code, label) in enumerate(matters):
        if typed in label.lower() or pinyin_initials(label).startswith(typed):
            hits.append(i)
    return hits


# -- the workflow ----------------------------------------------------------------------------


@dataclass
class _Inputs:
    matter: str | None = None  # confirmed matter code
    report_no: str | None = None  # the number confirmed (Enter or picked), not what is being typed
    report_typed: str | None = None  # what is in the box right now
    no_report: bool = False
    signer_name: str = ""
    signer_role: str = "legal_representative"
    inked: bool = False
    on_paper: bool = False
    authority: str = ""  # 授权委托书: number/date/who granted it
    principal: str = ""  # in whose name the agent signs (法定代表人), when the platform does not say
    acknowledged: bool = False
    acknowledged_at: dt.datetime | None = None  # when the officer ticked it (stored with the review)
    final: str | None = None  # None: the box is empty
    category: str | None = None
    reason: str = ""
    approval: Approval | None = None


@dataclass
class ReviewWorkflow:
    """One review at the counter: the officer's input, the evaluation, and the rules over both."""

    profile: Any = None  # creditdesk.policy.model.Profile
    subject_id: str | None = None
    subject_known: bool = False
    legal_representative: str | None = None
    output: Any = None  # creditdesk.services.check.CheckOutput for output_key
    output_key: tuple | None = None
    pending_key: tuple | None = None
    saved: Any = None  # the SavedReview once saved
    inputs: _Inputs = field(default_factory=_Inputs)

    # -- resets ------------------------------------------------------------------------------

    def start_over(self) -> None:
        """A new review: nothing of the previous applicant's carries over (Esc after saving,
        sign-out, lock, a new subject)."""
        self.subject_id, self.subject_known, self.legal_representative = None, False, None
        self._clear()

    def _clear(self) -> None:
        self.output = self.output_key = self.pending_key = None
        self.saved = None
        self.inputs = _Inputs()

    def set_subject(self, subject_id: str | None, known: bool = True, legal_representative: str | None = None) -> bool:
        """The applicant the counter found. Another subject (or the same one after saving) starts a
        new review; returns True when it did."""
        same = subject_id is not None and subject_id == self.subject_id and self.saved is None
        if same:
            self.subject_known, self.legal_representative = known, legal_representative
            return False
        self._clear()
        self.subject_id, self.subject_known, self.legal_representative = subject_id, known, legal_representative
        return True

    def set_profile(self, profile: Any) -> None:
        self.profile = profile
        if self.inputs.matter is not None and (profile is None or profile.matter(self.inputs.matter) is None):
            self.inputs.matter = None
        self.output = self.output_key = None

    # -- input -------------------------------------------------------------------------------

    def choose_matter(self, code: str | None) -> None:
        """A confirmed matter choice (Enter, a click, a unique two-digit number)."""
        if code is not None and (self.profile is None or self.profile.matter(code) is None):
            raise ValueError(f"本档案没有该办理事项：{code}")
        if code != self.inputs.matter:
            self.inputs.matter = code
            self._conclusion_void()

    def set_report(self, report_no: str | None, *, confirmed: bool = True) -> None:
        text = (report_no or "").strip() or None
        self.inputs.report_typed = text
        if confirmed:
            self.inputs.report_no = text
            if text:
                self.inputs.no_report = False

    def set_no_report(self, on: bool) -> None:
        self.inputs.no_report = on
        if on:
            self.inputs.report_no = self.inputs.report_typed = None

    def set_commitment(self, *, signer_name: str | None = None, signer_role: str | None = None,
                       inked: bool | None = None, on_paper: bool | None = None, authority: str | None = None,
                       principal: str | None = None) -> None:  # fmt: skip
        i = self.inputs
        if signer_name is not None:
            i.signer_name = signer_name
        if signer_role is not None:
            if signer_role not in ("legal_representative", "agent"):
                raise ValueError(signer_role)
            i.signer_role = signer_role
        if inked is not None:
            i.inked = inked
            if inked:
                i.on_paper = False
        if on_paper is not None:
            i.on_paper = on_paper
            if on_paper:
                i.inked = False
        if authority is not None:
            i.authority = authority
        if principal is not None:
            i.principal = principal

    def acknowledge_unruled(self, on: bool = True, at: dt.datetime | None = None) -> None:
        self.inputs.acknowledged = on
        self.inputs.acknowledged_at = (at or dt.datetime.now().astimezone()) if on else None

    def set_conclusion(self, final: str | None, category: str | None = None, reason: str | None = None) -> None:
        i = self.inputs
        if final != i.final:
            i.approval = None  # an approval is for one conclusion
        i.final = final
        if category is not None:
            if (category or None) != i.category:
                i.approval = None
            i.category = category or None
        if reason is not None:
            if reason.strip() != i.reason.strip():
                i.approval = None
            i.reason = reason

    def adopt_computed(self) -> None:
        if self.computed is not None:
            self.set_conclusion(self.computed)

    def approve(self, approval: Approval) -> None:
        """A supervisor approved the milder conclusion as it stands now."""
        if self.override_kind() != "milder":
            raise ValueError("只有比系统计算结果宽松的结论需要负责人审批")
        if override_problem(self.computed, self.inputs.final, self.inputs.category, self.inputs.reason):
            raise ValueError("请先选择理由类别并写明理由")
        self.inputs.approval = approval

    def _conclusion_void(self) -> None:
        """The evaluation is for other inputs now: what was adopted goes with it."""
        self.inputs.final = None
        self.inputs.approval = None
        self.inputs.acknowledged = False
        self.inputs.acknowledged_at = None

    # -- evaluation --------------------------------------------------------------------------

    def commitment_signed(self) -> bool:
        if "commitment" not in self.steps():
            return False
        i = self.inputs
        return bool(i.signer_name.strip()) and (i.inked or i.on_paper)

    def eval_key(self) -> tuple | None:
        """What the engine's evaluation depends on; None: not enough to evaluate yet."""
        if self.subject_id is None or self.inputs.matter is None or self.profile is None:
            return None
        report = None if self.inputs.no_report else self.inputs.report_no
        return (self.subject_id, self.inputs.matter, report, self.commitment_signed())

    def evaluating(self, key: tuple) -> None:
        self.pending_key = key

    def evaluated(self, key: tuple, output: Any) -> bool:
        """The evaluation for ``key`` arrived; False (and ignored) if the inputs moved on meanwhile."""
        self.pending_key = None
        if key != self.eval_key():
            return False
        previous = self.output.result.outcome if self.output is not None else None
        self.output, self.output_key = output, key
        if previous is not None and previous != output.result.outcome:
            self._conclusion_void()  # the computed conclusion changed: adopt anew
        return True

    def evaluation_failed(self) -> None:
        self.pending_key = None

    def current(self) -> bool:
        return self.output is not None and self.output_key == self.eval_key()

    @property
    def computed(self) -> str | None:
        return self.output.result.outcome if self.current() else None

    def unruled_adverse(self) -> tuple:
        """Adverse records in force for which no rule provides a measure (policy engine hook)."""
        if not self.current():
            return ()
        return tuple(getattr(self.output.result, "unruled_adverse", ()) or ())

    # -- the rules ---------------------------------------------------------------------------

    def matter(self) -> Any:
        code = self.inputs.matter
        return self.profile.matter(code) if self.profile is not None and code else None

    def steps(self) -> tuple[str, ...]:
        m = self.matter()
        return m.steps if m is not None else ()

    def applicable_steps(self) -> tuple[str, ...]:
        steps = self.steps()
        out = []
        for s in STEP_ORDER:
            if s in ("credit_report", "commitment") and s not in steps:
                continue
            if s == "authority" and not ("commitment" in steps and self.inputs.signer_role == "agent"):
                continue
            if s == "acknowledge" and not self.unruled_adverse():
                continue
            out.append(s)
        return tuple(out)

    def step_state(self, step: str) -> str:
        """'done', 'open', 'busy' or 'n/a'."""
        if step not in STEP_LABELS:
            raise ValueError(step)
        if step not in self.applicable_steps():
            return "n/a"
        i = self.inputs
        if step == "subject":
            return "done" if self.subject_id is not None else "open"
        if step == "matter":
            return "done" if i.matter else "open"
        if step == "record_check":
            if self.current():
                return "done"
            return "busy" if self.pending_key is not None else "open"
        if step == "acknowledge":
            return "done" if i.acknowledged else "open"
        if step == "credit_report":
            if i.no_report:
                return "done" if self.current() else "busy"
            if i.report_typed != i.report_no:  # typed but not confirmed: not the one judged
                return "open"
            judged = self.current() and self.output.result.report is not None
            same = judged and self.output.result.report.report_no == i.report_no
            return "done" if same else "open"
        if step == "commitment":
            return "done" if self.commitment_signed() else "open"
        if step == "authority":
            return "done" if len(i.authority.strip()) >= 2 and self.principal_name() else "open"
        # conclusion
        earlier = [s for s in self.applicable_steps() if s not in ("conclusion",)]
        if not self.current() or any(self.step_state(e) != "done" for e in earlier):
            return "open"
        return "done" if override_problem(self.computed, i.final, i.category, i.reason) is None else "open"

    def principal_name(self) -> str:
        """In whose name an agent signs: the platform's legal representative, or as the officer entered it."""
        return (self.inputs.principal or "").strip() or (self.legal_representative or "").strip()

    def missing(self) -> list[tuple[str, str]]:
        """(step, what is missing) for every step not done, in order."""
        out = []
        for step in self.applicable_steps():
            state = self.step_state(step)
            if state == "done":
                continue
            out.append((step, self._missing_text(step, state)))
        return out

    def _missing_text(self, step: str, state: str) -> str:
        i = self.inputs
        if step == "record_check" and state == "busy":
            return "正在核查"
        if step == "conclusion" and self.current():
            problem = override_problem(self.computed, i.final, i.category, i.reason)
            if problem:
                return problem
        if step == "authority":
            if not self.principal_name():
                return "委托代理人签署：请填写委托人（法定代表人）姓名"
            return "委托代理人签署：请填写授权委托书（编号或日期）"
        if step == "acknowledge":
            return f"有 {len(self.unruled_adverse())} 条有效不良记录无措施规定：请确认已阅"
        return STEP_LABELS[step]

    def missing_labels(self) -> list[str]:
        return [STEP_LABELS[s] for s, _ in self.missing()]

    def override_kind(self) -> str | None:
        """None (follows the computed conclusion, or none chosen), 'milder' or 'stricter'."""
        computed, final = self.computed, self.inputs.final
        if computed is None or final is None or final == computed:
            return None
        return "milder" if is_milder(computed, final) else "stricter"

    def needs_approval(self) -> bool:
        return self.override_kind() == "milder"

    def approval_status(self) -> str | None:
        """For a milder conclusion: 'approved' (on the spot) or 'pending' (saved as 待复核)."""
        if not self.needs_approval():
            return None
        return "approved" if self.inputs.approval is not None else "pending"

    def may_finalise(self) -> bool:
        return self.saved is None and not self.missing()

    def mark_saved(self, saved: Any) -> None:
        self.saved = saved
