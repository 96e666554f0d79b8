"""核查流程: the checklist beside the profile — matter, records, report, commitment, conclusion, save.

The steps come from the installation's policy profile (Settings.profile_id):
each matter lists the steps it needs. The engine's evaluation (CheckService)
runs through the TaskRunner whenever something it depends on changes; the
officer's choices (report, commitment, conclusion) feed it. 完成核查并保存
stays disabled until every required step is complete, and a conclusion that
departs from the computed outcome needs a written reason.
"""

from __future__ import annotations

import datetime as dt
import getpass
import html
import logging
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from creditdesk.credit import SUBJECT_KIND_LABELS, category_of
from creditdesk.outcomes import LABELS, SCREEN_BG, SCREEN_BORDER, SCREEN_FG
from creditdesk.services.check import CheckOutput, CheckService
from creditdesk.ui.signature_pad import SignaturePad
from creditdesk.ui.tasks import TaskRunner

CONTEXT = "ReviewPanel"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


OUTCOME_ORDER = ("normal", "incentive", "strict", "prohibit")
OUTCOME_TEXT = {o: LABELS[o] for o in OUTCOME_ORDER}
OUTCOME_STYLE = {
    o: f"background:{SCREEN_BG[o]};color:{SCREEN_FG[o]};border:1px solid {SCREEN_BORDER[o]};" for o in OUTCOME_ORDER
}
REPORT_PROBLEM_TEXT = {
    "unknown_report": "平台上没有该编号的信用报告",
    "expired": "信用报告已超过有效期",
    "not_yet_valid": "信用报告尚未生效",
    "withdrawn": "信用报告已撤回或作废",
    "subject_mismatch": "信用报告不是该申请人的",
    "agency_unknown": "出具机构不在平台备案名单中",
    "agency_not_filed": "出具机构备案已失效或备案层级不足",
    "not_publicized": "信用报告未在平台公示",
}
REQUIREMENT_TEXT = {
    "credit_report": "信用报告",
    "commitment": "信用承诺",
    "credit_review": "信用审查（由信用中心办理）",
}
NOT_IN_FORCE_TEXT = {
    "revoked": "已撤销",
    "repaired": "已信用修复",
    "not_yet_published": "尚未公示",
    "expired": "已过公示期",
}
SIGNER_ROLES = (("legal_representative", "法定代表人"), ("agent", "委托代理人"))
STEP_NAMES = (
    ("subject", "主体"),
    ("matter", "事项"),
    ("record_check", "记录核查"),
    ("credit_report", "信用报告"),
    ("commitment", "信用承诺"),
    ("conclusion", "结论"),
)


def outcome_text(outcome: str) -> str:
    return _t(OUTCOME_TEXT.get(outcome, outcome))


def report_problem_text(code: str) -> str:
    return _t(REPORT_PROBLEM_TEXT.get(code, code))


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def fill_template(text: str, values: dict[str, str]) -> str:
    return re.sub(r"\{([^{}]*)\}", lambda m: values.get(m.group(1), m.group(0)), text)


@dataclass(frozen=True)
class Applicant:
    """Who the review is about, as the counter found them."""

    subject_id: str
    name: str
    kind: str | None
    code_display: str  # USCC or masked ID number; never a full ID number
    known: bool
    reports: tuple = ()  # creditdesk.services.profile.ReportInfo


@dataclass(frozen=True)
class ReviewState:
    """Everything the officer has settled, ready to be saved (see ReviewPanel.state())."""

    applicant: Applicant
    matter_code: str
    matter_label: str
    output: CheckOutput
    report_no: str | None
    no_report: bool
    commitment_text: str | None
    signer_name: str
    signer_role: str
    signature_png: bytes | None
    signed_on_paper: bool
    final_outcome: str
    departure_reason: str | None
    started_at: dt.datetime
    officer_display: str | None = None  # the signed-in account's name as the slip shows it
    due_items: tuple = ()  # promised materials with working-day deadlines (creditdesk.services.followup)


def _group(title: str) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title)
    box.setStyleSheet(
        "QGroupBox{font-weight:bold;border:1px solid #cfd6e0;border-radius:6px;margin-top:14px;padding:10px 8px 8px 8px;}"
        "QGroupBox::title{subcontrol-origin:margin;left:10px;padding:0 4px;}"
    )
    layout = QVBoxLayout(box)
    layout.setSpacing(6)
    return box, layout


def _rich(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("font-weight:normal;")
    return label


class ReviewPanel(QWidget):
    evaluated = Signal(object)  # CheckOutput, for tests and the tour
    saved = Signal(object)  # the SavedReview
    save_failed = Signal(str)
    matters_loaded = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        engine,  # noqa: ANN001 - sqlalchemy Engine
        settings,  # noqa: ANN001 - creditdesk.config.Settings
        today: dt.date | None = None,
        parent: QWidget | None = None,
        audit=None,  # noqa: ANN001 - audit(action, actor, target, detail), called in the background task
        current_user=None,  # noqa: ANN001 - () -> Actor | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self._audit, self._current_user = audit, current_user or (lambda: None)
        self._runner, self._engine, self._settings = runner, engine, settings
        self._today = today
        self._check = CheckService(engine, settings.profile_id, settings.stale_after_hours)
        self._profile = None
        self._applicant: Applicant | None = None
        self._output: CheckOutput | None = None
        self._output_key: tuple | None = None
        self._pending_key: tuple | None = None
        self._saved = None
        self._saved_state: ReviewState | None = None
        self._started_at = dt.datetime.now().astimezone()
        self._followed_outcome = True

        # -- header: the steps at a glance ------------------------------------
        self.steps_label = QLabel()
        self.steps_label.setObjectName("reviewSteps")
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        self.steps_label.setWordWrap(True)

        # -- matter + subject ---------------------------------------------------
        self.subject_label = _rich()
        self.subject_label.setObjectName("reviewSubject")
        self.matter_combo = QComboBox()
        self.matter_combo.setObjectName("matterCombo")
        self.matter_combo.setPlaceholderText(self.tr("请选择办理事项（Alt+M，输入序号选择）"))
        self.matter_combo.setMinimumWidth(260)
        self.matter_combo.setMaxVisibleItems(16)
        matter_row = QHBoxLayout()
        matter_caption = QLabel(self.tr("办理事项(&M)："))
        matter_caption.setBuddy(self.matter_combo)
        matter_row.addWidget(matter_caption)
        matter_row.addWidget(self.matter_combo, 1)
        self.subject_box, sl = _group(self.tr("① 申请主体与办理事项"))
        sl.addWidget(self.subject_label)
        sl.addLayout(matter_row)

        # -- record check -------------------------------------------------------
        self.records_box, rl = _group(self.tr("② 信用记录核查"))
        self.records_label = _rich()
        self.records_label.setObjectName("recordsLabel")
        rl.addWidget(self.records_label)

        # -- credit report ------------------------------------------------------
        self.report_box, rpl = _group(self.tr("③ 信用报告"))
        self.report_combo = QComboBox()
        self.report_combo.setObjectName("reportCombo")
        self.report_edit = QLineEdit()
        self.report_edit.setObjectName("reportEdit")
        self.report_edit.setPlaceholderText(self.tr("或输入报告编号，回车核验"))
        self.report_edit.setClearButtonEnabled(True)
        self.no_report = QCheckBox(self.tr("申请人未提供信用报告"))
        self.no_report.setObjectName("noReport")
        self.report_verdict = _rich()
        self.report_verdict.setObjectName("reportVerdict")
        report_grid = QGridLayout()
        report_grid.addWidget(QLabel(self.tr("平台公示的报告：")), 0, 0)
        report_grid.addWidget(self.report_combo, 0, 1)
        report_grid.addWidget(QLabel(self.tr("报告编号：")), 1, 0)
        report_grid.addWidget(self.report_edit, 1, 1)
        report_grid.setColumnStretch(1, 1)
        rpl.addLayout(report_grid)
        rpl.addWidget(self.no_report)
        rpl.addWidget(self.report_verdict)

        # -- commitment ---------------------------------------------------------
        self.commitment_box, cl = _group(self.tr("④ 信用承诺"))
        self.commitment_text = QLabel()
        self.commitment_text.setObjectName("commitmentText")
        self.commitment_text.setWordWrap(True)
        self.commitment_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.commitment_text.setStyleSheet(
            "font-weight:normal;background:#fbfaf6;border:1px solid #e3dfd3;padding:10px;line-height:150%;"
        )
        self.signer_edit = QLineEdit()
        self.signer_edit.setObjectName("signerEdit")
        self.signer_edit.setPlaceholderText(self.tr("签署人姓名"))
        self.role_group = QButtonGroup(self)
        role_row = QHBoxLayout()
        role_row.addWidget(QLabel(self.tr("签署人：")))
        role_row.addWidget(self.signer_edit, 1)
        self.role_buttons: dict[str, QRadioButton] = {}
        for code, label in SIGNER_ROLES:
            button = QRadioButton(_t(label))
            self.role_group.addButton(button)
            self.role_buttons[code] = button
            role_row.addWidget(button)
        self.role_buttons["legal_representative"].setChecked(True)
        self.signature = SignaturePad()
        self.signature.setObjectName("signaturePad")
        self.paper_signed = QCheckBox(self.tr("纸质签署（申请人在打印的承诺书上手写签名）"))
        self.paper_signed.setObjectName("paperSigned")
        cl.addWidget(self.commitment_text)
        cl.addLayout(role_row)
        cl.addWidget(self.signature)
        cl.addWidget(self.paper_signed)
        from creditdesk.ui.followup_page import DueItemsEditor

        self.due_items = DueItemsEditor(self._day)  # 承诺补交: material + N working days, due date shown
        cl.addWidget(self.due_items)

        # -- conclusion ---------------------------------------------------------
        self.conclusion_box, kl = _group(self.tr("⑤ 核查结论"))
        self.banner = QLabel()
        self.banner.setObjectName("outcomeBanner")
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setMinimumHeight(48)
        self.final_combo = QComboBox()
        self.final_combo.setObjectName("finalOutcome")
        for code in OUTCOME_ORDER:
            self.final_combo.addItem(outcome_text(code), code)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("departureReason")
        self.reason_edit.setPlaceholderText(self.tr("结论与系统计算结果不同时，须写明理由（将记录在案）"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(64)
        self.requirements_label = _rich()
        final_row = QHBoxLayout()
        final_caption = QLabel(self.tr("采用结论(&J)："))
        final_caption.setBuddy(self.final_combo)
        final_row.addWidget(final_caption)
        final_row.addWidget(self.final_combo, 1)
        kl.addWidget(self.banner)
        kl.addLayout(final_row)
        kl.addWidget(self.reason_edit)
        kl.addWidget(self.requirements_label)

        # -- saved --------------------------------------------------------------
        self.saved_box = QFrame()
        self.saved_box.setObjectName("savedBox")
        self.saved_box.setStyleSheet("QFrame#savedBox{background:#e6f4ea;border:1px solid #8cc79a;border-radius:6px;}")
        svl = QVBoxLayout(self.saved_box)
        self.saved_label = _rich()
        self.saved_label.setObjectName("savedLabel")
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        svl.addWidget(self.saved_label)
        from creditdesk.ui.slip_view import SlipBar

        self.slip_bar = SlipBar(runner, lambda: (self._saved, self._saved_state, self._settings))
        svl.addWidget(self.slip_bar)
        self.saved_box.hide()

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(4, 0, 8, 4)
        for w in (self.subject_box, self.records_box, self.report_box, self.commitment_box, self.conclusion_box,
                  self.saved_box):  # fmt: skip
            body_layout.addWidget(w)
        body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)

        # -- footer -------------------------------------------------------------
        self.missing_label = QLabel()
        self.missing_label.setObjectName("missingLabel")
        self.missing_label.setWordWrap(True)
        self.missing_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.finalise_button = QPushButton(self.tr("完成核查并保存"))
        self.finalise_button.setObjectName("finaliseButton")
        self.finalise_button.setToolTip(self.tr("Ctrl+Enter"))
        self.finalise_button.setMinimumHeight(38)
        self.finalise_button.setAutoDefault(True)
        self.finalise_button.setStyleSheet(
            "QPushButton{background:#1f3a5f;color:white;font-weight:bold;padding:6px 18px;border-radius:4px;}"
            "QPushButton:disabled{background:#c5ccd6;color:#f4f6f9;}"
        )
        footer = QHBoxLayout()
        footer.addWidget(self.missing_label, 1)
        footer.addWidget(self.finalise_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps_label)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(footer)

        self._eval_timer = QTimer(self)
        self._eval_timer.setSingleShot(True)
        self._eval_timer.setInterval(120)
        self._eval_timer.timeout.connect(self.evaluate)

        self.matter_combo.currentIndexChanged.connect(self._matter_changed)
        self.report_combo.activated.connect(self._report_picked)
        self.report_edit.returnPressed.connect(self._report_entered)
        self.report_edit.textEdited.connect(self._report_edited)
        self.no_report.toggled.connect(self._no_report_toggled)
        self.signer_edit.textChanged.connect(self._commitment_changed)
        self.signature.changed.connect(self._signature_changed)
        self.paper_signed.toggled.connect(self._paper_toggled)
        self.final_combo.currentIndexChanged.connect(self._final_changed)
        self.reason_edit.textChanged.connect(self._refresh)
        self.finalise_button.clicked.connect(self.finalise)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.finalise,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip

        self._reset_subject_steps()
        self._refresh()
        self._load_profile()

    # -- the profile and its matters ------------------------------------------
    def reload_profile(self) -> None:
        """After Settings.profile_id changed: the new installation profile's matters."""
        self._check = CheckService(self._engine, self._settings.profile_id, self._settings.stale_after_hours)
        self._profile = None
        self._output = self._output_key = None
        self._load_profile()

    def _day(self) -> dt.date:
        return self._today or dt.date.today()

    def _load_profile(self) -> None:
        check, pid, day = self._check, self._settings.profile_id, self._day()
        self._runner.run(
            lambda task: check.store.resolve(pid, day),
            on_success=self._show_matters,
            on_failure=lambda exc: self._show_error(self.tr("策略档案无法加载：{0}").format(exc)),
            key="review-profile",
        )

    def _show_matters(self, profile) -> None:  # noqa: ANN001
        self._profile = profile
        current = self.matter_code()
        self.matter_combo.blockSignals(True)
        self.matter_combo.clear()
        for n, m in enumerate(profile.matters, start=1):
            self.matter_combo.addItem(f"{n}. {m.label}", m.code)
            if m.citation:
                self.matter_combo.setItemData(
                    n - 1, f"{m.citation.document} {m.citation.clause}：“{m.citation.quote}”", Qt.ItemDataRole.ToolTipRole
                )
        self.matter_combo.setCurrentIndex(self.matter_combo.findData(current) if current else -1)
        self.matter_combo.blockSignals(False)
        self.matters_loaded.emit()
        self._matter_changed()

    def _show_error(self, text: str) -> None:
        self.missing_label.setText(text)
        self.missing_label.setStyleSheet("color:#b3261e;")

    def focus_matter(self) -> None:
        self.matter_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def matter_code(self) -> str | None:
        return self.matter_combo.currentData()

    def matter(self):  # noqa: ANN201
        code = self.matter_code()
        return self._profile.matter(code) if self._profile is not None and code else None

    def steps(self) -> tuple[str, ...]:
        m = self.matter()
        return m.steps if m is not None else ()

    @property
    def profile(self):  # noqa: ANN201
        return self._profile

    # -- the applicant ------------------------------------------------------------
    def set_applicant(self, applicant: Applicant | None) -> None:
        """A new applicant (or none): everything but the matter starts over."""
        if applicant is not None and self._applicant is not None and applicant.subject_id == self._applicant.subject_id \
                and self._saved is None:  # fmt: skip
            self._applicant = applicant  # the same applicant shown again: keep what is settled
            self._fill_reports()
            self._refresh()
            return
        self._applicant = applicant
        self._reset_subject_steps()
        self._fill_reports()
        self._schedule_evaluation()

    def _reset_subject_steps(self) -> None:
        self._runner.cancel_key("review-check")
        self._output = self._output_key = self._pending_key = None
        self._saved = self._saved_state = None
        self._started_at = dt.datetime.now().astimezone()
        self._followed_outcome = True
        for w in (self.report_edit, self.no_report, self.signer_edit, self.paper_signed, self.reason_edit):
            w.blockSignals(True)
        self.report_edit.clear()
        self.no_report.setChecked(False)
        self.signer_edit.clear()
        self.paper_signed.setChecked(False)
        self.reason_edit.clear()
        self.due_items.clear()
        for w in (self.report_edit, self.no_report, self.signer_edit, self.paper_signed, self.reason_edit):
            w.blockSignals(False)
        self.signature.blockSignals(True)
        self.signature.clear()
        self.signature.blockSignals(False)
        self.signature.setEnabled(True)
        self.role_buttons["legal_representative"].setChecked(True)
        self.saved_box.hide()
        self._set_form_enabled(True)
        self.missing_label.setStyleSheet("")

    def _fill_reports(self) -> None:
        self.report_combo.clear()
        reports = self._applicant.reports if self._applicant else ()
        self.report_combo.addItem(self.tr("— 选择申请人提交的报告 —") if reports else self.tr("（平台上没有该主体的公示报告）"), None)
        for r in reports:
            self.report_combo.addItem(
                self.tr("{0} · {1} · 等级 {2} · 有效期至 {3}").format(
                    r.report_no, r.agency_name or r.agency_id, r.grade, r.valid_until.isoformat()
                ),
                r.report_no,
            )
        self.report_combo.setEnabled(bool(reports))
        if self.report_edit.text():
            i = self.report_combo.findData(self.report_edit.text().strip())
            self.report_combo.setCurrentIndex(max(0, i))

    @property
    def applicant(self) -> Applicant | None:
        return self._applicant

    # -- inputs ---------------------------------------------------------------------
    def _matter_changed(self, *_args) -> None:  # noqa: ANN002
        steps = self.steps()
        self.report_box.setVisible("credit_report" in steps)
        self.commitment_box.setVisible("commitment" in steps)
        self._fill_commitment_text()
        self._schedule_evaluation()

    def _report_picked(self, index: int) -> None:
        report_no = self.report_combo.itemData(index)
        self.report_edit.setText(report_no or "")
        if report_no:
            self.no_report.setChecked(False)
        self._schedule_evaluation()

    def _report_entered(self) -> None:
        text = self.report_edit.text().strip()
        if text:
            self.no_report.setChecked(False)
        i = self.report_combo.findData(text)
        self.report_combo.setCurrentIndex(max(0, i))
        self._schedule_evaluation()

    def _report_edited(self, _text: str) -> None:
        # Until Enter is pressed the number typed is not the one judged: the step is open again.
        self._refresh()

    def _no_report_toggled(self, on: bool) -> None:
        if on:
            self.report_edit.clear()
            self.report_combo.setCurrentIndex(0)
        self._schedule_evaluation()

    def _commitment_changed(self, *_args) -> None:  # noqa: ANN002
        self._schedule_evaluation()

    def _signature_changed(self, inked: bool) -> None:
        if inked and self.paper_signed.isChecked():
            self.paper_signed.setChecked(False)
        self._schedule_evaluation()

    def _paper_toggled(self, on: bool) -> None:
        if on and self.signature.has_ink():
            self.signature.clear()
        self.signature.setEnabled(not on)
        self._schedule_evaluation()

    def _final_changed(self, *_args) -> None:  # noqa: ANN002
        computed = self._output.result.outcome if self._output else None
        self._followed_outcome = computed is None or self.final_combo.currentData() == computed
        self._refresh()

    # -- step states ----------------------------------------------------------------
    def report_no(self) -> str | None:
        return self.report_edit.text().strip() or None

    def commitment_signed(self) -> bool:
        if "commitment" not in self.steps():
            return False
        return bool(self.signer_edit.text().strip()) and (self.signature.has_ink() or self.paper_signed.isChecked())

    def _eval_key(self) -> tuple | None:
        if self._applicant is None or self.matter_code() is None or self._profile is None:
            return None
        report = None if self.no_report.isChecked() else self.report_no()
        return (self._applicant.subject_id, self.matter_code(), report, self.commitment_signed())

    def _current(self) -> bool:
        return self._output is not None and self._output_key == self._eval_key()

    def step_state(self, step: str) -> str:
        """'done', 'open', 'busy' or 'n/a' for the steps of STEP_NAMES."""
        steps = self.steps()
        if step == "subject":
            return "done" if self._applicant is not None else "open"
        if step == "matter":
            return "done" if self.matter_code() else "open"
        if step == "record_check":
            if self._current():
                return "done"
            return "busy" if self._pending_key is not None else "open"
        if step == "credit_report":
            if "credit_report" not in steps:
                return "n/a"
            if self.no_report.isChecked():
                return "done" if self._current() else "busy"
            judged = self._current() and self._output.result.report is not None
            same = judged and self._output.result.report.report_no == self.report_no()
            return "done" if same else "open"
        if step == "commitment":
            if "commitment" not in steps:
                return "n/a"
            return "done" if self.commitment_signed() else "open"
        if step == "conclusion":
            earlier = ("record_check", "credit_report", "commitment")
            if not self._current() or any(self.step_state(e) not in ("done", "n/a") for e in earlier):
                return "open"
            if self.final_combo.currentData() == self._output.result.outcome:
                return "done"
            return "done" if self.reason_edit.toPlainText().strip() else "open"
        raise ValueError(step)

    def missing_steps(self) -> list[str]:
        return [label for step, label in STEP_NAMES if self.step_state(step) in ("open", "busy")]

    def can_finalise(self) -> bool:
        return self._saved is None and not self.missing_steps()

    # -- evaluation -----------------------------------------------------------------
    def _schedule_evaluation(self) -> None:
        self._refresh()
        if self._eval_key() is not None and not self._current():
            self._eval_timer.start()

    def evaluate(self) -> None:
        key = self._eval_key()
        if key is None or self._saved is not None:
            self._refresh()
            return
        subject_id, matter, report_no, signed = key
        check, day = self._check, self._day()
        self._pending_key = key

        def run(task):  # noqa: ANN001, ANN202
            return key, check.check(subject_id, matter, report_no=report_no, day=day, commitment_signed=signed)

        self._runner.run(run, on_success=self._show_output, on_failure=self._evaluation_failed, key="review-check")
        self._refresh()

    def _evaluation_failed(self, exc: BaseException) -> None:
        self._pending_key = None
        self.records_label.setText(
            "<span style='color:#b3261e'>{0}</span>".format(html.escape(self.tr("核查失败：{0}").format(exc)))
        )
        self._refresh()

    def _show_output(self, keyed) -> None:  # noqa: ANN001
        key, output = keyed
        self._pending_key = None
        if key != self._eval_key():  # something changed while it ran
            self._schedule_evaluation()
            return
        self._output, self._output_key = output, key
        if self._followed_outcome:
            self.final_combo.blockSignals(True)
            self.final_combo.setCurrentIndex(self.final_combo.findData(output.result.outcome))
            self.final_combo.blockSignals(False)
        self._render_output(output)
        self._refresh()
        self.evaluated.emit(output)

    def _render_output(self, output: CheckOutput) -> None:
        r = output.result
        in_force = [f for f in r.findings if f.in_force]
        past = [f for f in r.findings if not f.in_force]
        parts: list[str] = []
        if not in_force:
            parts.append("<p style='color:#1e6b30'>✔ {0}</p>".format(html.escape(self.tr("没有有效的信用记录"))))
        else:
            parts.append("<p><b>{0}</b></p><ul style='margin-left:-20px'>".format(
                html.escape(self.tr("有效记录 {0} 条：").format(len(in_force)))))
            for f in in_force:
                rec = f.record
                cat = category_of(rec.category)
                colour = "#a1241b" if cat.severe else ("#7a4f00" if cat.nature.value == "adverse" else "#1e6b30")
                until = rec.publish_until.isoformat() if rec.publish_until else self.tr("长期")
                parts.append(
                    "<li><span style='color:{0};font-weight:bold'>{1}</span>　{2}<br>"
                    "<span style='color:#555'>{3}　{4}　{5}　{6}</span></li>".format(
                        colour, html.escape(_t(cat.label)), html.escape(rec.title), html.escape(rec.doc_no or ""),
                        html.escape(rec.authority or ""), rec.decided_on.isoformat(),
                        html.escape(self.tr("公示至 {0}").format(until)),
                    )
                )  # fmt: skip
            parts.append("</ul>")
        if past:
            reasons = "、".join(sorted({_t(NOT_IN_FORCE_TEXT.get(f.reason, f.reason)) for f in past}))
            parts.append("<p style='color:#6b6b6b'>{0}</p>".format(
                html.escape(self.tr("另有 {0} 条记录不计入（{1}）").format(len(past), reasons))))
        if r.measures:
            parts.append("<p><b>{0}</b></p>".format(html.escape(self.tr("应采取的措施："))))
            for m in r.measures:
                c = m.citation
                parts.append(
                    "<p style='margin-left:8px'>▸ {0}<br><span style='color:#555'>{1}</span></p>".format(
                        html.escape(m.text),
                        html.escape(self.tr("依据 {0} 第{1}条：“{2}”").format(c.document, c.clause, c.quote)),
                    )
                )
        else:
            parts.append("<p style='color:#555'>{0}</p>".format(html.escape(
                self.tr("{0} v{1} 对该事项没有触发惩戒或激励措施。").format(r.profile.name, r.profile.version))))
        for note in r.notes:
            cite = f"（{note.citation.document} {note.citation.clause}）" if note.citation else ""
            parts.append("<p style='color:#666;font-size:9pt'>ⓘ {0}</p>".format(html.escape(note.text + cite)))
        if output.stale:
            parts.append("<p style='color:#8a5a00'><b>⚠ {0}</b></p>".format(
                html.escape(self.tr("本地数据已超过 {0} 小时未更新，核查单将注明。").format(self._settings.stale_after_hours))))
        self.records_label.setText("".join(parts))

        verdict = r.report
        if verdict is None:
            text = self.tr("未提供信用报告") if self.no_report.isChecked() else ""
            self.report_verdict.setText("<span style='color:#7a4f00'>{0}</span>".format(html.escape(text)) if text else "")
        elif verdict.acceptable:
            self.report_verdict.setText("<span style='color:#1e6b30'><b>✔ {0}</b></span>".format(html.escape(
                self.tr("报告 {0} 可用，信用等级 {1}").format(verdict.report_no, verdict.grade or "—"))))
        else:
            items = "".join(
                "<li title='{1}'>{0}</li>".format(html.escape(report_problem_text(p)), p)
                for p in verdict.problems
            )
            self.report_verdict.setText("<span style='color:#a1241b'><b>✖ {0}</b></span><ul style='margin-left:-20px;color:#a1241b'>{1}</ul>".format(
                html.escape(self.tr("报告 {0} 不符合要求：").format(verdict.report_no)), items))

    # -- commitment text ------------------------------------------------------------
    def commitment_template_text(self) -> str | None:
        if self._profile is None or "commitment" not in self.steps():
            return None
        m = self.matter()
        template = self._profile.commitment_template(m.code)
        if template is None:
            return None
        a = self._applicant
        doc = self._profile.document
        return fill_template(template.text, {
            "subject_name": a.name if a else "＿＿＿＿", "subject_code": a.code_display if a else "＿＿＿＿",
            "matter": m.label, "unit_name": self._settings.unit_name, "date": chinese_date(self._day()),
            "document": f"《{doc.title}》（{doc.number}）",
        })  # fmt: skip

    def _fill_commitment_text(self) -> None:
        text = self.commitment_template_text()
        if "commitment" in self.steps() and text is None:
            text = self.tr("（策略档案没有该事项的承诺书模板：请使用纸质承诺书）")
        self.commitment_text.setText(text or "")

    # -- refresh ---------------------------------------------------------------------
    def _refresh(self) -> None:
        a = self._applicant
        if a is None:
            self.subject_label.setText("<span style='color:#6b6b6b'>{0}</span>".format(
                html.escape(self.tr("先在左侧查询并选中申请人。"))))
        else:
            kind = _t(SUBJECT_KIND_LABELS.get(a.kind or "", a.kind or "")) if a.kind else ""
            unknown = "" if a.known else "　<span style='color:#8a5a00'>{0}</span>".format(
                html.escape(self.tr("平台无此主体，按无信用记录核查")))
            self.subject_label.setText("<b style='font-size:13pt'>{0}</b>　{1}　<span style='color:#555'>{2}</span>{3}".format(
                html.escape(a.name), html.escape(a.code_display), html.escape(kind), unknown))
        self._fill_commitment_text()
        if self._output is None:
            busy = self._pending_key is not None
            self.records_label.setText("<span style='color:#6b6b6b'>{0}</span>".format(html.escape(
                self.tr("正在核查……") if busy else self.tr("选定申请人和办理事项后自动核查。"))))
        # the conclusion banner
        if self._current():
            outcome = self._output.result.outcome
            self.banner.setText(self.tr("系统计算结论：{0}").format(outcome_text(outcome)))
            self.banner.setStyleSheet(
                OUTCOME_STYLE.get(outcome, "") + "font-size:15pt;font-weight:bold;border-radius:6px;padding:8px;")
            departing = self.final_combo.currentData() != outcome
            self.reason_edit.setVisible(departing)
            reqs = [r for r in self._output.result.requirements if r in ("credit_review",) or
                    (r == "credit_report" and self.step_state("credit_report") != "done") or
                    (r == "credit_report" and self._output.result.report is not None)]  # fmt: skip
            lines = []
            if self._output.result.report is not None and not self._output.result.report.acceptable:
                lines.append(self.tr("信用报告不符合要求，按规定处理"))
            if "credit_report" in reqs and self.no_report.isChecked():
                lines.append(self.tr("申请人未提供信用报告"))
            if "credit_review" in self._output.result.requirements:
                lines.append(self.tr("该事项还须由信用中心进行信用审查"))
            self.requirements_label.setText("".join(
                "<div style='color:#7a4f00'>⚑ {0}</div>".format(html.escape(x)) for x in lines))
        else:
            self.banner.setText(self.tr("完成以上步骤后显示结论"))
            self.banner.setStyleSheet("background:#f2f4f7;color:#6b6b6b;border:1px dashed #c5ccd6;border-radius:6px;padding:8px;")
            self.reason_edit.setVisible(False)
            self.requirements_label.clear()
        self._refresh_steps()

    def _refresh_steps(self) -> None:
        marks = {"done": ("✔", "#1e7b34"), "open": ("○", "#8a5a00"), "busy": ("…", "#1f3a5f")}
        parts = []
        for step, label in STEP_NAMES:
            state = self.step_state(step)
            if state == "n/a":
                continue
            mark, colour = marks[state]
            parts.append(f"<span style='color:{colour}'>{mark} {html.escape(_t(label))}</span>")
        if self._saved is not None:
            parts.append("<span style='color:#1e7b34'><b>✔ {0}</b></span>".format(html.escape(self.tr("已保存"))))
        self.steps_label.setText(
            "<div style='font-size:11pt;padding:4px 2px'>" + "　→　".join(parts) + "</div>")
        for box, step in ((self.records_box, "record_check"), (self.report_box, "credit_report"),
                          (self.commitment_box, "commitment"), (self.conclusion_box, "conclusion")):  # fmt: skip
            box.setProperty("state", self.step_state(step))
        if self._saved is not None:
            self.finalise_button.setEnabled(False)
            return
        missing = self.missing_steps()
        self.finalise_button.setEnabled(self.can_finalise())
        if missing:
            self.missing_label.setText(self.tr("尚未完成：{0}").format("、".join(_t(m) for m in missing)))
            self.missing_label.setStyleSheet("color:#8a5a00;")
        else:
            self.missing_label.setText(self.tr("各步骤已完成，可以保存（Ctrl+Enter）"))
            self.missing_label.setStyleSheet("color:#1e7b34;")

    def _set_form_enabled(self, on: bool) -> None:
        for w in (self.matter_combo, self.report_box, self.commitment_box, self.conclusion_box):
            w.setEnabled(on)

    # -- finalising --------------------------------------------------------------------
    def state(self) -> ReviewState | None:
        if not self._current() or self._applicant is None:
            return None
        m = self.matter()
        final = self.final_combo.currentData()
        departing = final != self._output.result.outcome
        has_commitment = "commitment" in self.steps()
        role = next(code for code, b in self.role_buttons.items() if b.isChecked())
        return ReviewState(
            applicant=self._applicant, matter_code=m.code, matter_label=m.label, output=self._output,
            report_no=None if self.no_report.isChecked() else self.report_no(), no_report=self.no_report.isChecked(),
            commitment_text=self.commitment_template_text() if has_commitment else None,
            signer_name=self.signer_edit.text().strip() if has_commitment else "",
            signer_role=role,
            signature_png=(self.signature.png_bytes() or None) if has_commitment and not self.paper_signed.isChecked() else None,
            signed_on_paper=has_commitment and self.paper_signed.isChecked(),
            final_outcome=final, departure_reason=self.reason_edit.toPlainText().strip() if departing else None,
            started_at=self._started_at,
            officer_display=user.display_name if (user := self._current_user()) is not None else None,
            due_items=tuple(self.due_items.items()) if has_commitment else (),
        )  # fmt: skip

    def finalise(self) -> None:
        if not self.can_finalise():
            self._refresh()
            return
        state = self.state()
        if state is None:
            return
        from creditdesk.ui import review_adapter

        engine, settings, audit, user = self._engine, self._settings, self._audit, self._current_user()
        # The signed-in account; unattributed homes (no account yet) keep the configured or OS user name.
        officer = user.name if user is not None else (settings.extra.get("officer") or getpass.getuser())
        self.finalise_button.setEnabled(False)
        self.missing_label.setText(self.tr("正在保存……"))
        self.missing_label.setStyleSheet("color:#1f3a5f;")

        def run(task):  # noqa: ANN001, ANN202
            saved = review_adapter.finalise(engine, settings, officer, state)
            if audit is not None:
                try:
                    audit("review", user, saved.id, {"matter": saved.matter, "outcome": saved.final_outcome,
                                                     "verification_code": saved.verification_code})  # fmt: skip
                except Exception:  # noqa: BLE001 - the review is saved (with its officer); say so in the log
                    logging.getLogger(__name__).exception("review %s saved but not audited", saved.id)
            return saved

        self._runner.run(run, on_success=lambda saved: self._show_saved(saved, state), on_failure=self._save_failed,
                         key="review-save")  # fmt: skip

    def _save_failed(self, exc: BaseException) -> None:
        self.missing_label.setText(self.tr("保存失败：{0}").format(exc))
        self.missing_label.setStyleSheet("color:#b3261e;font-weight:bold;")
        self.finalise_button.setEnabled(self.can_finalise())
        self.save_failed.emit(str(exc))

    def _show_saved(self, saved, state: ReviewState) -> None:  # noqa: ANN001
        self._saved, self._saved_state = saved, state
        self._set_form_enabled(False)
        self.signature.setEnabled(False)
        code = getattr(saved, "verification_code", "")
        self.saved_label.setText(
            "<div style='font-size:14pt;color:#1e6b30'><b>✔ {0}</b></div>"
            "<div style='font-size:12pt'>{1}<b style='font-size:18pt;letter-spacing:2px;font-family:monospace'>{2}</b></div>"
            "<div style='color:#555'>{3}</div>".format(
                html.escape(self.tr("已保存")), html.escape(self.tr("信用核查码：")), html.escape(code),
                html.escape(self.tr("结论：{0}。可凭核查码核验（Ctrl+K）。按 Esc 开始下一位申请人。").format(
                    outcome_text(state.final_outcome))),
            )
        )  # fmt: skip
        self.missing_label.setText(self.tr("已保存，信用核查码 {0}").format(code))
        self.missing_label.setStyleSheet("color:#1e7b34;font-weight:bold;")
        self.slip_bar.refresh(getattr(saved, "commitment", None) is not None)
        self.saved_box.show()
        self._refresh_steps()
        self.saved.emit(saved)
        QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(self.saved_box))

    @property
    def saved_review(self):  # noqa: ANN201
        return self._saved

    @property
    def saved_state(self) -> ReviewState | None:
        return self._saved_state

    @property
    def output(self) -> CheckOutput | None:
        return self._output
