"""核查流程: the checklist beside the profile — matter, records, report, commitment, conclusion, save.

The rules — which steps, their states, what is missing, when saving is allowed, what a departure
needs, the reset for a new applicant — live in the Qt-free
:class:`creditdesk.services.review_workflow.ReviewWorkflow`; this panel shows it and forwards the
officer's input. The engine's evaluation (CheckService) runs through the TaskRunner whenever
something it depends on changes. The matter is chosen by a two-digit number (01–12) or by typing
its name or pinyin initials and Enter; nothing is evaluated until the choice is confirmed. The
conclusion box starts empty; a milder conclusion needs a reason category, ten characters and a
supervisor (on the spot, or 待复核 later on 跟进).
"""

from __future__ import annotations

import datetime as dt
import getpass
import html
import logging
import re
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from creditdesk.credit import SUBJECT_KIND_LABELS, category_of
from creditdesk.grades import grade_is_adverse
from creditdesk.outcomes import LABELS, SCREEN_BG, SCREEN_BORDER, SCREEN_FG
from creditdesk.services.check import CheckOutput, CheckService
from creditdesk.services.review_workflow import (
    MIN_REASON_CHARS,
    OVERRIDE_CATEGORIES,
    STEP_LABELS,
    Approval,
    ReviewWorkflow,
    match_matters,
    matter_numbers,
)
from creditdesk.ui.core_text import core_message, error_text, unruled_notice
from creditdesk.ui.review_adapter import REPORT_PROBLEM_TEXT
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
REQUIREMENT_TEXT = {
    "credit_report": QT_TRANSLATE_NOOP("", "信用报告"),
    "commitment": QT_TRANSLATE_NOOP("", "信用承诺"),
    "credit_review": QT_TRANSLATE_NOOP("", "信用审查（由信用中心办理）"),
}
NOT_IN_FORCE_TEXT = {
    "revoked": QT_TRANSLATE_NOOP("", "已撤销"),
    "repaired": QT_TRANSLATE_NOOP("", "已信用修复"),
    "not_yet_published": QT_TRANSLATE_NOOP("", "尚未公示"),
    "expired": QT_TRANSLATE_NOOP("", "已过公示期"),
}
SIGNER_ROLES = (("legal_representative", QT_TRANSLATE_NOOP("", "法定代表人")),
                ("agent", QT_TRANSLATE_NOOP("", "委托代理人")))
STEP_NAMES = tuple(STEP_LABELS.items())


def outcome_text(outcome: str) -> str:
    return _t(OUTCOME_TEXT.get(outcome, outcome))


def report_problem_text(code: str) -> str:
    return _t(REPORT_PROBLEM_TEXT.get(code, code))


def _credit_review_on_file(engine, output: CheckOutput, day: dt.date) -> dict | None:  # noqa: ANN001
    """In the check's task: when the check still asks for a 信用审查, the request a save would link to
    (a request for this subject and matter still waiting for the centre), else None."""
    if "credit_review" not in output.result.requirements:
        return None
    from creditdesk.services.reviews import credit_review_link

    with engine.connect() as conn:
        return credit_review_link(conn, output.subject_id, output.result.matter, day)


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
    departure_category: str | None = None  # creditdesk.services.review_workflow.OVERRIDE_CATEGORIES
    approval: Approval | None = None  # a supervisor approved the milder conclusion on the spot
    approver: object = None  # that supervisor's Actor
    principal: str | None = None  # an agent signs in this person's name
    authority: str | None = None  # on this authority (授权委托书)
    day: dt.date | None = None  # the panel's day: the commitment text's date, and so the signing date
    acknowledged_at: dt.datetime | None = None  # the officer acknowledged the records no rule covers (本市档案未规定措施)


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
    credit_review_requested = Signal(object)  # the CreditReviewRow, or the exception the request failed with

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
        self._check = CheckService(engine, settings.profile_id, settings.stale_after_hours,
                                   settings.credit_review_pilot)  # 昆山 第十三条: only pilot units are asked
        self.wf = ReviewWorkflow()  # the rules; this widget shows them and forwards input
        self._applicant: Applicant | None = None
        self._saved_state: ReviewState | None = None
        self._approver = None  # the supervisor's Actor when approved on the spot
        self._credit_review_link: dict | None = None  # the 信用审查 a save would link (reviews.credit_review_link)
        self._credit_review_busy = False
        self._credit_review_error: str | None = None
        self._started_at = dt.datetime.now().astimezone()
        self._matter_typed = ""
        self._matter_typed_timer = QTimer(self)
        self._matter_typed_timer.setSingleShot(True)
        self._matter_typed_timer.setInterval(1500)
        self._matter_typed_timer.timeout.connect(self._forget_matter_typing)

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
        self.matter_combo.setPlaceholderText(self.tr("请选择办理事项（Alt+M：两位序号，或名称/拼音首字母后回车）"))
        self.matter_combo.setMinimumWidth(260)
        self.matter_combo.setMaxVisibleItems(16)
        self.matter_combo.installEventFilter(self)
        self.matter_combo.activated.connect(self._matter_activated)
        self.matter_hint = QLabel()
        self.matter_hint.setObjectName("matterHint")
        self.matter_hint.setStyleSheet("color:#555;font-weight:normal;")
        matter_row = QHBoxLayout()
        matter_caption = QLabel(self.tr("办理事项(&M)："))
        matter_caption.setBuddy(self.matter_combo)
        matter_row.addWidget(matter_caption)
        matter_row.addWidget(self.matter_combo, 1)
        self.subject_box, sl = _group(self.tr("① 申请主体与办理事项"))
        sl.addWidget(self.subject_label)
        sl.addLayout(matter_row)
        sl.addWidget(self.matter_hint)

        # -- record check -------------------------------------------------------
        self.records_box, rl = _group(self.tr("② 信用记录核查"))
        self.records_label = _rich()
        self.records_label.setObjectName("recordsLabel")
        rl.addWidget(self.records_label)
        self.ack_check = QCheckBox()
        self.ack_check.setObjectName("acknowledgeUnruled")
        self.ack_check.setStyleSheet("font-weight:bold;color:#7a4f00;")
        self.ack_check.hide()
        rl.addWidget(self.ack_check)
        # 信用审查 (昆山 第十、十一条): requested from the centre when the check says it is required or one of the
        # alternatives; shown only when the check asks for it, so never to a unit outside the pilots (第十三条)
        self.credit_review_row = QWidget()
        self.credit_review_row.setObjectName("creditReviewRow")
        crl = QHBoxLayout(self.credit_review_row)
        crl.setContentsMargins(0, 0, 0, 0)
        self.credit_review_label = _rich()
        self.credit_review_label.setObjectName("creditReviewLabel")
        self.credit_review_button = QPushButton(self.tr("申请信用审查(&Q)…"))
        self.credit_review_button.setObjectName("requestCreditReview")
        self.credit_review_button.setAutoDefault(True)
        crl.addWidget(self.credit_review_label, 1)
        crl.addWidget(self.credit_review_button)
        self.credit_review_row.hide()
        self.credit_review_confirm: QMessageBox | None = None
        rl.addWidget(self.credit_review_row)

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
        # 委托代理人: in whose name and on what authority
        self.authority_row = QWidget()
        ar = QHBoxLayout(self.authority_row)
        ar.setContentsMargins(0, 0, 0, 0)
        self.principal_edit = QLineEdit()
        self.principal_edit.setObjectName("principalEdit")
        self.principal_edit.setPlaceholderText(self.tr("委托人（法定代表人）姓名"))
        self.authority_edit = QLineEdit()
        self.authority_edit.setObjectName("authorityEdit")
        self.authority_edit.setPlaceholderText(self.tr("授权委托书（编号或出具日期）"))
        ar.addWidget(QLabel(self.tr("受托于：")))
        ar.addWidget(self.principal_edit, 1)
        ar.addWidget(QLabel(self.tr("依据：")))
        ar.addWidget(self.authority_edit, 2)
        self.authority_row.hide()
        cl.addWidget(self.commitment_text)
        cl.addLayout(role_row)
        cl.addWidget(self.authority_row)
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
        self.final_combo.setPlaceholderText(self.tr("— 请采用或选择结论 —"))
        for code in OUTCOME_ORDER:
            self.final_combo.addItem(outcome_text(code), code)
        self.final_combo.setCurrentIndex(-1)  # the box starts empty
        self.adopt_button = QPushButton(self.tr("采用系统结论(&Y)"))
        self.adopt_button.setObjectName("adoptComputed")
        self.adopt_button.setAutoDefault(True)
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("departureCategory")
        self.category_combo.setPlaceholderText(self.tr("— 调整理由类别（必选）—"))
        for code, label in OVERRIDE_CATEGORIES.items():
            self.category_combo.addItem(_t(label), code)
        self.category_combo.setCurrentIndex(-1)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("departureReason")
        self.reason_edit.setPlaceholderText(self.tr("结论与系统计算结果不同时，须写明理由（将记录在案）"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(56)
        self.approval_label = _rich()
        self.approval_label.setObjectName("approvalLabel")
        self.approve_button = QPushButton(self.tr("负责人现场审批(&P)…"))
        self.approve_button.setObjectName("approveButton")
        self.approval_row = QWidget()
        apl = QHBoxLayout(self.approval_row)
        apl.setContentsMargins(0, 0, 0, 0)
        apl.addWidget(self.approval_label, 1)
        apl.addWidget(self.approve_button)
        self.approval_row.hide()
        self.category_combo.hide()
        self.requirements_label = _rich()
        final_row = QHBoxLayout()
        final_caption = QLabel(self.tr("采用结论(&J)："))
        final_caption.setBuddy(self.final_combo)
        final_row.addWidget(final_caption)
        final_row.addWidget(self.final_combo, 1)
        final_row.addWidget(self.adopt_button)
        kl.addWidget(self.banner)
        kl.addLayout(final_row)
        kl.addWidget(self.category_combo)
        kl.addWidget(self.reason_edit)
        kl.addWidget(self.approval_row)
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
        self.adopt_button.clicked.connect(self.adopt_computed)
        self.category_combo.currentIndexChanged.connect(self._final_changed)
        self.reason_edit.textChanged.connect(self._final_changed)
        self.approve_button.clicked.connect(self.request_approval)
        self.ack_check.toggled.connect(self._ack_toggled)
        self.credit_review_button.clicked.connect(self.request_credit_review)
        self.principal_edit.textChanged.connect(self._authority_changed)
        self.authority_edit.textChanged.connect(self._authority_changed)
        self.role_group.buttonToggled.connect(self._role_toggled)
        self.finalise_button.clicked.connect(self.finalise)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.finalise,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip

        self._reset_subject_steps()
        self._refresh()
        self._load_profile()

    # -- the workflow's state, for the code below and for tests ------------------
    @property
    def _profile(self):  # noqa: ANN202
        return self.wf.profile

    @property
    def _output(self) -> CheckOutput | None:
        return self.wf.output

    @property
    def _saved(self):  # noqa: ANN202
        return self.wf.saved

    # -- the profile and its matters ------------------------------------------
    def reload_profile(self) -> None:
        """After Settings.profile_id changed: the new installation profile's matters."""
        self._check = CheckService(self._engine, self._settings.profile_id, self._settings.stale_after_hours,
                                   self._settings.credit_review_pilot)
        self.wf.set_profile(None)
        self._load_profile()

    def _day(self) -> dt.date:
        return self._today or dt.date.today()

    def _load_profile(self) -> None:
        check, pid, day = self._check, self._settings.profile_id, self._day()
        self._runner.run(
            lambda task: check.store.resolve(pid, day),
            on_success=self._show_matters,
            on_failure=lambda exc: self._show_error(self.tr("策略档案无法加载：{0}").format(error_text(exc))),
            key="review-profile",
        )

    def _show_matters(self, profile) -> None:  # noqa: ANN001
        self.wf.set_profile(profile)
        current = self.wf.inputs.matter
        self.matter_combo.blockSignals(True)
        self.matter_combo.clear()
        for number, m in zip(matter_numbers(len(profile.matters)), profile.matters):
            self.matter_combo.addItem(f"{number}  {_t(m.label)}", m.code)
            if m.citation:
                self.matter_combo.setItemData(
                    self.matter_combo.count() - 1, f"{m.citation.document} {m.citation.clause}：“{m.citation.quote}”",
                    Qt.ItemDataRole.ToolTipRole,
                )  # fmt: skip
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
        return self.wf.inputs.matter

    def matter(self):  # noqa: ANN201
        return self.wf.matter()

    def steps(self) -> tuple[str, ...]:
        return self.wf.steps()

    @property
    def profile(self):  # noqa: ANN201
        return self.wf.profile

    # -- the matter choice: two-digit numbers, type-ahead, Enter confirms ---------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if obj is self.matter_combo and event.type() == QEvent.Type.KeyPress:
            return self._matter_key(event)
        return super().eventFilter(obj, event)

    def _matter_key(self, event) -> bool:  # noqa: ANN001
        key, text = event.key(), event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False  # Ctrl+Enter (save), Alt+… shortcuts: not ours
        combo = self.matter_combo
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if combo.currentIndex() >= 0:
                self._confirm_matter(combo.currentIndex())
            return True
        moves = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5,
                 Qt.Key.Key_Home: -combo.count(), Qt.Key.Key_End: combo.count()}  # fmt: skip
        if key in moves:  # the highlight moves; nothing is chosen before Enter
            self._highlight_matter(max(0, min(combo.count() - 1, combo.currentIndex() + moves[key])))
            self.matter_hint.setText(self.tr("回车确认所选事项"))
            return True
        if key == Qt.Key.Key_Backspace:
            self._matter_typed = self._matter_typed[:-1]
            self._matter_typing()
            return True
        if key == Qt.Key.Key_Escape and self._matter_typed:
            self._forget_matter_typing()
            return True
        if text and text.isprintable() and not text.isspace():
            self._matter_typed = (self._matter_typed + text)[-12:]
            self._matter_typing()
            return True
        return False

    def _matter_typing(self) -> None:
        self._matter_typed_timer.start()
        typed = self._matter_typed
        matters = [(m.code, m.label) for m in (self.wf.profile.matters if self.wf.profile else ())]
        hits = match_matters(matters, typed)
        if not typed:
            self.matter_hint.clear()
            return
        if typed.isdigit():
            if len(typed) < len(matter_numbers(len(matters))[0] if matters else "00"):
                self.matter_hint.setText(self.tr("序号 {0}…（两位序号，如 01）").format(typed))
                return
            self._matter_typed = ""
            if hits:  # a complete two-digit number is unambiguous: that is the choice
                self._confirm_matter(hits[0])
            else:
                self.matter_hint.setText(self.tr("没有序号 {0} 的事项").format(typed))
            return
        if not hits:
            self.matter_hint.setText(self.tr("“{0}”：没有匹配的事项").format(typed))
            return
        self._highlight_matter(hits[0])
        if len(hits) == 1:
            self.matter_hint.setText(self.tr("“{0}” → {1}，回车确认").format(typed, matters[hits[0]][1]))
        else:
            names = "、".join(matters[i][1] for i in hits[:4])
            self.matter_hint.setText(self.tr("“{0}” 匹配 {1} 项：{2}；继续输入或 ↑↓ 后回车").format(typed, len(hits), names))

    def _forget_matter_typing(self) -> None:
        self._matter_typed = ""

    def _highlight_matter(self, index: int) -> None:
        """Show ``index`` in the box without choosing it: nothing is evaluated."""
        self.matter_combo.blockSignals(True)
        self.matter_combo.setCurrentIndex(index)
        self.matter_combo.blockSignals(False)
        self._refresh()

    def _confirm_matter(self, index: int) -> None:
        self._matter_typed = ""
        self.matter_combo.blockSignals(True)
        self.matter_combo.setCurrentIndex(index)
        self.matter_combo.blockSignals(False)
        self._matter_changed()

    def _matter_activated(self, index: int) -> None:
        self._confirm_matter(index)

    # -- the applicant ------------------------------------------------------------
    def set_applicant(self, applicant: Applicant | None) -> None:
        """A new applicant (or none): the review starts over — matter, conclusion, report, commitment."""
        new = self.wf.set_subject(applicant.subject_id if applicant else None, known=bool(applicant and applicant.known))
        self._applicant = applicant
        if not new:  # the same applicant shown again: keep what is settled
            self._fill_reports()
            self._refresh()
            return
        self._reset_subject_steps()
        self._fill_reports()
        self._schedule_evaluation()

    def start_over(self) -> None:
        """A new review with no applicant (Esc after saving, sign-out, lock)."""
        self.wf.start_over()
        self._applicant = None
        self._reset_subject_steps()
        self._fill_reports()
        self._refresh()

    def _reset_subject_steps(self) -> None:
        self._runner.cancel_key("review-check")
        self._saved_state = None
        self._approver = None
        self._credit_review_link = None
        self._credit_review_error = None
        self._credit_review_busy = False  # a request still running is written; its answer is not shown here
        self._started_at = dt.datetime.now().astimezone()
        self._matter_typed = ""
        widgets = (self.report_edit, self.no_report, self.signer_edit, self.paper_signed, self.reason_edit,
                   self.matter_combo, self.final_combo, self.category_combo, self.ack_check, self.principal_edit,
                   self.authority_edit, self.role_group)  # fmt: skip
        for w in widgets:
            w.blockSignals(True)
        self.report_edit.clear()
        self.no_report.setChecked(False)
        self.signer_edit.clear()
        self.paper_signed.setChecked(False)
        self.reason_edit.clear()
        self.matter_combo.setCurrentIndex(-1)
        self.final_combo.setCurrentIndex(-1)
        self.category_combo.setCurrentIndex(-1)
        self.ack_check.setChecked(False)
        self.principal_edit.clear()
        self.authority_edit.clear()
        self.role_buttons["legal_representative"].setChecked(True)
        self.due_items.clear()
        for w in widgets:
            w.blockSignals(False)
        self.matter_hint.clear()
        self.authority_row.hide()
        self.signature.blockSignals(True)
        self.signature.clear()
        self.signature.blockSignals(False)
        self.signature.setEnabled(True)
        self.saved_box.hide()
        self._set_form_enabled(True)
        self.missing_label.setStyleSheet("")
        self._matter_changed(evaluate=False)

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

    # -- inputs: forwarded to the workflow --------------------------------------------
    def _matter_changed(self, *_args, evaluate: bool = True) -> None:  # noqa: ANN002
        code = self.matter_combo.currentData()
        if code != self.wf.inputs.matter and self.wf.profile is not None:
            self.wf.choose_matter(code)
            self.final_combo.blockSignals(True)
            self.final_combo.setCurrentIndex(-1)
            self.final_combo.blockSignals(False)
            label = _t(self.wf.matter().label) if self.wf.matter() else ""
            self.matter_hint.setText(self.tr("已选：{0}").format(label) if label else "")
        steps = self.steps()
        self.report_box.setVisible("credit_report" in steps)
        self.commitment_box.setVisible("commitment" in steps)
        self._fill_commitment_text()
        if evaluate:
            self._schedule_evaluation()

    def _report_picked(self, index: int) -> None:
        report_no = self.report_combo.itemData(index)
        self.report_edit.setText(report_no or "")
        self.wf.set_report(report_no)
        if report_no:
            self.no_report.setChecked(False)
        self._schedule_evaluation()

    def _report_entered(self) -> None:
        text = self.report_edit.text().strip()
        self.wf.set_report(text)
        if text:
            self.no_report.setChecked(False)
        i = self.report_combo.findData(text)
        self.report_combo.setCurrentIndex(max(0, i))
        self._schedule_evaluation()

    def _report_edited(self, text: str) -> None:
        # Until Enter is pressed the number typed is not the one judged: the step is open again.
        self.wf.set_report(text, confirmed=False)
        self._refresh()

    def _no_report_toggled(self, on: bool) -> None:
        self.wf.set_no_report(on)
        if on:
            self.report_edit.clear()
            self.report_combo.setCurrentIndex(0)
        elif self.report_no():
            self.wf.set_report(self.report_no())
        self._schedule_evaluation()

    def _commitment_changed(self, *_args) -> None:  # noqa: ANN002
        self.wf.set_commitment(signer_name=self.signer_edit.text())
        self._schedule_evaluation()

    def _signature_changed(self, inked: bool) -> None:
        if inked and self.paper_signed.isChecked():
            self.paper_signed.setChecked(False)
        self.wf.set_commitment(inked=self.signature.has_ink(), on_paper=self.paper_signed.isChecked())
        self._schedule_evaluation()

    def _paper_toggled(self, on: bool) -> None:
        if on and self.signature.has_ink():
            self.signature.clear()
        self.signature.setEnabled(not on)
        self.wf.set_commitment(inked=self.signature.has_ink() and not on, on_paper=on)
        self._schedule_evaluation()

    def _role_toggled(self, *_args) -> None:  # noqa: ANN002
        role = next(code for code, b in self.role_buttons.items() if b.isChecked())
        self.wf.set_commitment(signer_role=role)
        self.authority_row.setVisible(role == "agent")
        self._refresh()

    def _authority_changed(self, *_args) -> None:  # noqa: ANN002
        self.wf.set_commitment(principal=self.principal_edit.text(), authority=self.authority_edit.text())
        self._refresh()

    def _ack_toggled(self, on: bool) -> None:
        now = dt.datetime.now()  # on the panel's day, as the save's clock (review_adapter._clock_for)
        self.wf.acknowledge_unruled(on, dt.datetime.combine(self._day(), now.time()).astimezone())
        self._refresh()

    def adopt_computed(self) -> None:
        """采用系统结论: the computed conclusion into the (empty) box."""
        if self.wf.computed is None:
            return
        had_focus = self.adopt_button.hasFocus()
        self.final_combo.setCurrentIndex(self.final_combo.findData(self.wf.computed))
        if had_focus:  # the button disables itself: the focus goes on to saving (Enter or Ctrl+Enter)
            (self.finalise_button if self.can_finalise() else self.final_combo).setFocus(Qt.FocusReason.OtherFocusReason)

    def _final_changed(self, *_args) -> None:  # noqa: ANN002
        before = self.wf.inputs.approval
        self.wf.set_conclusion(self.final_combo.currentData(), category=self.category_combo.currentData() or "",
                               reason=self.reason_edit.toPlainText())  # fmt: skip
        if before is not None and self.wf.inputs.approval is None:
            self._approver = None
        self._refresh()

    def request_approval(self) -> None:
        """负责人现场审批: a supervisor signs in on this window and approves the milder conclusion."""
        if self.wf.override_kind() != "milder" or self.wf.step_state("conclusion") != "done":
            return
        dialog = ApprovalDialog(self._engine, self._current_user(), self._approval_summary(), self, runner=self._runner)
        self.approval_dialog = dialog
        dialog.approved.connect(self._approved)
        dialog.open()

    def _approval_summary(self) -> str:
        i = self.wf.inputs
        return self.tr("系统计算结论：{0}\n拟采用结论：{1}\n理由类别：{2}\n理由：{3}").format(
            outcome_text(self.wf.computed), outcome_text(i.final), _t(OVERRIDE_CATEGORIES.get(i.category, "")),
            i.reason.strip())  # fmt: skip

    def _approved(self, actor, note: str) -> None:  # noqa: ANN001
        self._approver = actor
        self.wf.approve(Approval(actor.name, actor.display_name, dt.datetime.now().astimezone(), note or None))
        self._refresh()

    # -- 信用审查: requested from the window (昆山 第十、十一条), as `creditdesk credit-review request` does ------
    def credit_review_needed(self) -> str | None:
        """'required', 'alternative' (one of the matter's 或 alternatives) or None: as the check says — a unit
        outside the pilots (第十三条) and a subject with a 审查报告 still valid are not asked (the engine)."""
        if not self._current() or "credit_review" not in self._output.result.requirements:
            return None
        either = {step for group in self._output.result.either for step in group}
        return "alternative" if "credit_review" in either else "required"

    def _credit_review_policy(self):  # noqa: ANN202
        return self._profile.credit_review if self._profile is not None else None

    def _refresh_credit_review(self) -> None:
        need, policy = self.credit_review_needed(), self._credit_review_policy()
        self.credit_review_row.setVisible(need is not None and policy is not None)
        if need is None or policy is None:
            return
        link = self._credit_review_link
        clause = policy.citations[0].clause if policy.citations else ""
        if self._credit_review_busy:
            text = self.tr("正在向{0}申请信用审查……").format(policy.by)
            colour = "#1f3a5f"
        elif link is not None and link.get("status") == "requested":
            text = self.tr("✔ 已于 {0} 申请信用审查：{1}应于 {2} 前反馈（{3} 个工作日）；保存的核查记录注明此申请").format(
                (link.get("requested_at") or "")[:10], policy.by, link.get("due_on"), policy.deadline_working_days)
            colour = "#1e6b30"
        elif need == "alternative":
            others = [s for g in self._output.result.either if "credit_review" in g for s in g]
            text = self.tr("⚑ {0}任选其一：可向{1}申请信用审查（{2}），{3} 个工作日内反馈").format(
                self.tr("或").join(self._requirement_name(x) for x in dict.fromkeys(others)), policy.by,
                clause, policy.deadline_working_days)  # fmt: skip
            colour = "#7a4f00"
        else:
            text = self.tr("⚑ 该事项须由{0}进行信用审查（{1}），{2} 个工作日内反馈").format(
                policy.by, clause, policy.deadline_working_days)
            colour = "#7a4f00"
        if self._credit_review_error and not self._credit_review_busy:
            text, colour = self._credit_review_error, "#b3261e"
        self.credit_review_label.setText("<span style='color:{0}'>{1}</span>".format(colour, html.escape(text)))
        waiting = link is not None and link.get("status") == "requested"
        self.credit_review_button.setVisible(not waiting)  # one request per subject and matter (the service)
        self.credit_review_button.setEnabled(not waiting and not self._credit_review_busy)

    def _requirement_name(self, step: str) -> str:
        names = {"credit_report": self.tr("信用报告"), "commitment": self.tr("信用承诺"), "credit_review": self.tr("信用审查")}
        return names.get(step, step)

    def request_credit_review(self) -> None:
        """申请信用审查…: asks to confirm (the deadline said), then requests it in the background."""
        policy, a, m = self._credit_review_policy(), self._applicant, self.matter()
        if self.credit_review_needed() is None or policy is None or a is None or m is None \
                or not self.credit_review_button.isEnabled():  # fmt: skip
            return
        from creditdesk.workdays import deadline

        due = deadline(self._day(), policy.deadline_working_days)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("申请信用审查"), self.tr(
            "向{0}申请对“{1}”的信用审查（事项：{2}）？\n\n申请经平台报送；{0}应在 {3} 个工作日内、即 {4} 前反馈"
            "审查结果，收到后在跟进页记录。").format(policy.by, a.name, _t(m.label), policy.deadline_working_days,
                                            due.due.isoformat()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)  # fmt: skip
        box.setObjectName("creditReviewConfirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("申请(&Y)"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.accepted.connect(self._send_credit_review_request)
        self.credit_review_confirm = box
        box.open()

    def _send_credit_review_request(self) -> None:
        from creditdesk.services.credit_review import CreditReviewService
        from creditdesk.services.reviews import credit_review_link
        from creditdesk.ui import review_adapter

        a, m, profile = self._applicant, self.matter(), self._profile
        if a is None or m is None or profile is None or self._credit_review_busy:
            return
        engine, unit, user, day = self._engine, self._settings.unit_name, self._current_user(), self._day()
        saved = self._saved
        review_id = getattr(saved, "id", None)  # after the save: the request names the review (as --review)
        subject_id, name, matter = a.subject_id, a.name if a.known else None, m.code
        clock = review_adapter._clock_for(day)  # on the panel's day, as the save's clock

        def run(task):  # noqa: ANN001, ANN202
            # the request, its outbox item and its audit entry commit together (CreditReviewService.request)
            row = CreditReviewService(engine, now=clock).request(profile, subject_id, matter, unit, user,
                                                                 subject_name=name, review_id=review_id)  # fmt: skip
            with engine.connect() as conn:
                return (subject_id, matter), row, credit_review_link(conn, subject_id, matter, day)

        self._credit_review_busy = True
        self._credit_review_error = None
        had_focus = self.credit_review_button.hasFocus()
        self._refresh_credit_review()
        self._runner.run(run, on_success=lambda got: self._credit_review_done(got, had_focus),
                         on_failure=self._credit_review_failed, key="credit-review-request")  # fmt: skip

    def _credit_review_done(self, got, had_focus: bool) -> None:  # noqa: ANN001
        (subject_id, matter), row, link = got
        a = self._applicant
        if a is not None and a.subject_id == subject_id and self.wf.inputs.matter == matter:
            self._credit_review_busy = False
            self._credit_review_link = link
            self._refresh_credit_review()
            if had_focus:  # the button disables itself: the focus goes on to the next step
                for w in (self.report_edit, self.signer_edit, self.adopt_button, self.final_combo, self.finalise_button):
                    if w.isVisible() and w.isEnabled():
                        w.setFocus(Qt.FocusReason.OtherFocusReason)
                        break
        self.credit_review_requested.emit(row)

    def _credit_review_failed(self, exc: BaseException) -> None:
        if self._credit_review_busy:  # still the applicant it was asked for (a new one resets the row)
            self._credit_review_busy = False
            self._credit_review_error = self.tr("信用审查申请失败：{0}").format(exc)
            self._refresh_credit_review()
        self.credit_review_requested.emit(exc)

    # -- step states (the workflow's) -------------------------------------------------
    def report_no(self) -> str | None:
        return self.report_edit.text().strip() or None

    def commitment_signed(self) -> bool:
        return self.wf.commitment_signed()

    def _eval_key(self) -> tuple | None:
        return self.wf.eval_key()

    def _current(self) -> bool:
        return self.wf.current()

    def step_state(self, step: str) -> str:
        """'done', 'open', 'busy' or 'n/a' (ReviewWorkflow.step_state)."""
        return self.wf.step_state(step)

    def missing_steps(self) -> list[str]:
        return self.wf.missing_labels()

    def can_finalise(self) -> bool:
        return self.wf.may_finalise()

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
        self.wf.evaluating(key)

        def run(task):  # noqa: ANN001, ANN202
            output = check.check(subject_id, matter, report_no=report_no, day=day, commitment_signed=signed)
            return key, output, _credit_review_on_file(check.engine, output, day)

        self._runner.run(run, on_success=self._show_output, on_failure=self._evaluation_failed, key="review-check")
        self._refresh()

    def _evaluation_failed(self, exc: BaseException) -> None:
        self.wf.evaluation_failed()
        self.records_label.setText(
            "<span style='color:#b3261e'>{0}</span>".format(html.escape(self.tr("核查失败：{0}").format(error_text(exc))))
        )
        self._refresh()

    def _show_output(self, keyed) -> None:  # noqa: ANN001
        key, output, link = keyed
        if not self.wf.evaluated(key, output):  # something changed while it ran
            self._schedule_evaluation()
            return
        self._credit_review_link = link
        if self.wf.inputs.final is None and self.final_combo.currentIndex() >= 0:
            self.final_combo.blockSignals(True)
            self.final_combo.setCurrentIndex(-1)  # the computed conclusion changed: adopt anew
            self.final_combo.blockSignals(False)
        lr = getattr(output.subject, "legal_representative", None) if output.subject is not None else None
        self.wf.legal_representative = lr  # an agent signs in this person's name unless the officer says otherwise
        self.principal_edit.setPlaceholderText(
            self.tr("{0}（平台登记的法定代表人）").format(lr) if lr else self.tr("委托人（法定代表人）姓名"))
        unruled = self.wf.unruled_adverse()
        self.ack_check.setVisible(bool(unruled))
        if unruled:
            notice = unruled_notice(output.result)
            self.ack_check.setText(self.tr("已阅：{0} 条有效不良记录，现行档案未规定措施（须在核查单上注明）").format(len(unruled)))
            self.ack_check.setToolTip(notice or "")
            self.ack_check.setStyleSheet("font-weight:bold;color:#7a4f00;")
        self._render_output(output)
        self._refresh()
        if [s for s, _ in self.wf.missing()] == ["conclusion"] and self.wf.inputs.final is None \
                and self.matter_combo.hasFocus():  # fmt: skip
            self.adopt_button.setFocus(Qt.FocusReason.OtherFocusReason)  # keyboard: Enter adopts, Ctrl+Enter saves
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
                adverse = rec.nature.value == "adverse" or grade_is_adverse(rec.grade, r.profile)  # 纳税信用 D is adverse
                colour = "#a1241b" if cat.severe else ("#7a4f00" if adverse else "#1e6b30")
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
                self.tr("{0}（第 {1} 版）对该事项没有触发惩戒或激励措施。").format(r.profile.name, r.profile.version))))
        notice = unruled_notice(r)
        if notice:  # an adverse record no rule covers: said, and acknowledged below (ReviewWorkflow 'acknowledge')
            parts.append("<p style='color:#7a4f00'><b>⚠ {0}</b></p>".format(html.escape(notice)))
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
        elif verdict.acceptable and grade_is_adverse(verdict.grade, r.profile):
            self.report_verdict.setText("<span style='color:#a1241b'><b>⚠ {0}</b></span>".format(html.escape(
                self.tr("报告 {0} 可用，但信用等级 {1} 为不良等级").format(verdict.report_no, verdict.grade))))
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
        self._refresh_credit_review()
        if self._output is None:
            busy = self.wf.pending_key is not None
            self.records_label.setText("<span style='color:#6b6b6b'>{0}</span>".format(html.escape(
                self.tr("正在核查……") if busy else self.tr("选定申请人并确认办理事项后自动核查。"))))
            self.ack_check.hide()
        wf = self.wf
        if self._current():
            outcome = wf.computed
            self.banner.setText(self.tr("系统计算结论：{0}").format(outcome_text(outcome)))
            self.banner.setStyleSheet(
                OUTCOME_STYLE.get(outcome, "") + "font-size:15pt;font-weight:bold;border-radius:6px;padding:8px;")
            self.final_combo.setEnabled(True)
            self.adopt_button.setEnabled(wf.inputs.final != outcome)
            kind = wf.override_kind()
            self.reason_edit.setVisible(kind is not None)
            self.category_combo.setVisible(kind == "milder")
            if kind == "milder":
                self.reason_edit.setPlaceholderText(self.tr("结论比系统计算结果宽松：写明理由（至少 {0} 个字，将记录在案并报送）")
                                                    .format(MIN_REASON_CHARS))  # fmt: skip
            else:
                self.reason_edit.setPlaceholderText(self.tr("结论与系统计算结果不同时，须写明理由（将记录在案）"))
            self._refresh_approval()
            lines = []
            if self._output.result.report is not None and not self._output.result.report.acceptable:
                lines.append(self.tr("信用报告不符合要求，按规定处理"))
            if "credit_report" in self._output.result.requirements and self.no_report.isChecked():
                lines.append(self.tr("申请人未提供信用报告"))
            if "credit_review" in self._output.result.requirements:
                link = self._credit_review_link
                if link is not None and link.get("status") == "requested":
                    lines.append(self.tr("信用审查已申请，信用中心应于 {0} 前反馈").format(link.get("due_on")))
                else:
                    lines.append(self.tr("该事项还须由信用中心进行信用审查"))
            self.requirements_label.setText("".join(
                "<div style='color:#7a4f00'>⚑ {0}</div>".format(html.escape(x)) for x in lines))
        else:
            self.banner.setText(self.tr("完成以上步骤后显示结论"))
            self.banner.setStyleSheet("background:#f2f4f7;color:#6b6b6b;border:1px dashed #c5ccd6;border-radius:6px;padding:8px;")
            self.final_combo.setEnabled(False)
            self.adopt_button.setEnabled(False)
            self.reason_edit.setVisible(False)
            self.category_combo.setVisible(False)
            self.approval_row.setVisible(False)
            self.requirements_label.clear()
        self._refresh_steps()

    def _refresh_approval(self) -> None:
        wf = self.wf
        if not wf.needs_approval():
            self.approval_row.setVisible(False)
            return
        self.approval_row.setVisible(True)
        approval = wf.inputs.approval
        if approval is not None:
            self.approval_label.setText("<span style='color:#1e6b30'><b>✔ {0}</b></span>".format(html.escape(
                self.tr("{0} 已于 {1:%H:%M} 现场批准").format(approval.supervisor_display, approval.at))))
            self.approve_button.setEnabled(False)
            return
        ready = wf.step_state("conclusion") == "done"
        self.approve_button.setEnabled(ready and self._saved is None)
        self.approval_label.setText("<span style='color:#8a5a00'>{0}</span>".format(html.escape(self.tr(
            "须科室负责人审批：负责人可在本窗口登录现场批准；否则保存为「待复核」，"
            "批准前核查单以系统结论 {0} 为准。").format(outcome_text(wf.computed)))))

    def _refresh_steps(self) -> None:
        marks = {"done": ("✔", "#1e7b34"), "open": ("○", "#8a5a00"), "busy": ("…", "#1f3a5f")}
        parts = []
        for step in self.wf.applicable_steps():
            state = self.step_state(step)
            mark, colour = marks[state]
            parts.append(f"<span style='color:{colour}'>{mark} {html.escape(_t(STEP_LABELS[step]))}</span>")
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
        missing = self.wf.missing()
        self.finalise_button.setEnabled(self.can_finalise())
        pending = self.wf.approval_status() == "pending"
        self.finalise_button.setText(self.tr("保存为待复核") if pending else self.tr("完成核查并保存"))
        if missing:
            self.missing_label.setText(self.tr("尚未完成：{0}").format(_t("；").join(core_message(text, CONTEXT) for _step, text in missing)))
            self.missing_label.setStyleSheet("color:#8a5a00;")
        elif pending:
            self.missing_label.setText(self.tr("未经负责人审批：保存后为「待复核」，出现在负责人的跟进页（Ctrl+Enter）"))
            self.missing_label.setStyleSheet("color:#8a5a00;")
        else:
            self.missing_label.setText(self.tr("各步骤已完成，可以保存（Ctrl+Enter）"))
            self.missing_label.setStyleSheet("color:#1e7b34;")

    def _set_form_enabled(self, on: bool) -> None:
        for w in (self.matter_combo, self.report_box, self.commitment_box, self.conclusion_box):
            w.setEnabled(on)

    # -- finalising --------------------------------------------------------------------
    def state(self) -> ReviewState | None:
        if not self._current() or self._applicant is None or self.wf.inputs.final is None:
            return None
        m = self.matter()
        i = self.wf.inputs
        final = i.final
        departing = final != self.wf.computed
        has_commitment = "commitment" in self.steps()
        role = i.signer_role
        agent = has_commitment and role == "agent"
        return ReviewState(
            applicant=self._applicant, matter_code=m.code, matter_label=m.label, output=self._output,
            report_no=None if self.no_report.isChecked() else self.report_no(), no_report=self.no_report.isChecked(),
            commitment_text=self.commitment_template_text() if has_commitment else None,
            signer_name=self.signer_edit.text().strip() if has_commitment else "",
            signer_role=role,
            signature_png=(self.signature.png_bytes() or None) if has_commitment and not self.paper_signed.isChecked() else None,
            signed_on_paper=has_commitment and self.paper_signed.isChecked(),
            final_outcome=final, departure_reason=i.reason.strip() if departing else None,
            started_at=self._started_at,
            officer_display=user.display_name if (user := self._current_user()) is not None else None,
            due_items=tuple(self.due_items.items()) if has_commitment else (),
            departure_category=i.category if self.wf.override_kind() == "milder" else None,
            approval=i.approval if self.wf.approval_status() == "approved" else None,
            approver=self._approver if self.wf.approval_status() == "approved" else None,
            principal=self.wf.principal_name() if agent else None,
            authority=i.authority.strip() if agent else None, day=self._day(),
            acknowledged_at=i.acknowledged_at if i.acknowledged and self.wf.unruled_adverse() else None,
        )  # fmt: skip

    def finalise(self) -> None:
        if not self.can_finalise():
            self._refresh()
            return
        state = self.state()
        if state is None:
            return
        from creditdesk.ui import review_adapter

        engine, settings, user = self._engine, self._settings, self._current_user()
        # The signed-in account; unattributed homes (no account yet) keep the configured or OS user name.
        officer = user.name if user is not None else (settings.extra.get("officer") or getpass.getuser())
        self.finalise_button.setEnabled(False)
        self.missing_label.setText(self.tr("正在保存……"))
        self.missing_label.setStyleSheet("color:#1f3a5f;")

        def run(task):  # noqa: ANN001, ANN202
            # the review, its audit entry and its outbox items commit together (ReviewService.finalise)
            return review_adapter.finalise(engine, settings, officer, state, actor=user)

        self._runner.run(run, on_success=lambda saved: self._show_saved(saved, state), on_failure=self._save_failed,
                         key="review-save")  # fmt: skip

    def _save_failed(self, exc: BaseException) -> None:
        self.missing_label.setText(self.tr("保存失败：{0}").format(error_text(exc)))
        self.missing_label.setStyleSheet("color:#b3261e;font-weight:bold;")
        self.finalise_button.setEnabled(self.can_finalise())
        self.save_failed.emit(error_text(exc))

    def _show_saved(self, saved, state: ReviewState) -> None:  # noqa: ANN001
        self.wf.mark_saved(saved)
        self._saved_state = state
        self._set_form_enabled(False)
        self.signature.setEnabled(False)
        code = getattr(saved, "verification_code", "")
        status = getattr(saved, "override_status", None)
        if status == "pending":
            conclusion = self.tr("结论：待复核（拟 {0}；负责人批准前以系统结论 {1} 为准）").format(
                outcome_text(saved.final_outcome), outcome_text(saved.computed_outcome))
        elif status == "approved":
            conclusion = self.tr("结论：{0}（系统计算 {1}，{2} 批准）").format(
                outcome_text(saved.final_outcome), outcome_text(saved.computed_outcome),
                saved.override.decided_by_display or saved.override.decided_by)
        else:
            conclusion = self.tr("结论：{0}").format(outcome_text(state.final_outcome))
        self.saved_label.setText(
            "<div style='font-size:14pt;color:#1e6b30'><b>✔ {0}</b></div>"
            "<div style='font-size:12pt'>{1}<b style='font-size:18pt;letter-spacing:2px;font-family:monospace'>{2}</b></div>"
            "<div style='color:#555'>{3}</div>".format(
                html.escape(self.tr("已保存")), html.escape(self.tr("信用核查码：")), html.escape(code),
                html.escape(conclusion + self.tr("。可凭核查码核验（Ctrl+K）。按 Esc 开始下一位申请人。")),
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


class ApprovalDialog(QDialog):
    """负责人现场审批: the supervisor signs in on the officer's window (name + password) and approves.

    The sign-in is checked (and audited as a login) by AccountService in the background, through the
    panel's TaskRunner as the login dialog does (scrypt takes about 0.1 s, and the login is written):
    meanwhile the dialog is busy (批准 disabled, the fields read-only). Only an account that may follow up
    (科室负责人, administrator) and is not the officer can approve."""

    approved = Signal(object, str)  # the supervisor's Actor, the note
    attempted = Signal(str)  # a sign-in attempt ended: "" approved, else the refusal shown

    def __init__(self, engine, officer, summary: str, parent: QWidget | None = None,  # noqa: ANN001
                 runner: TaskRunner | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(self.tr("负责人现场审批"))
        self._engine, self._officer = engine, officer
        self._runner = runner or TaskRunner(self)
        self._busy = False
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("background:#fff8e1;border:1px solid #e0b84f;padding:8px;")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("approverName")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("approverPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("approverNote")
        self.note_edit.setPlaceholderText(self.tr("审批意见（可选）"))
        self.error_label = QLabel()
        self.error_label.setObjectName("approvalError")
        self.error_label.setStyleSheet("color:#b3261e;")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("负责人账户："), self.name_edit)
        form.addRow(self.tr("密码："), self.password_edit)
        form.addRow(self.tr("意见："), self.note_edit)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("批准"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_approve)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    @property
    def busy(self) -> bool:
        return self._busy

    def try_approve(self) -> None:
        """Check the sign-in off the GUI thread; the answer arrives in ``_signed_in`` or ``_refused``."""
        if self._busy:
            return
        from creditdesk.services.accounts import AccountService
        from creditdesk.services.audit import AuditTrail

        name, password = self.name_edit.text().strip(), self.password_edit.text()
        self.password_edit.clear()  # the secret leaves the widget at once
        engine = self._engine
        self._set_busy(True)
        self.error_label.setStyleSheet("color:#555;")
        self.error_label.setText(self.tr("正在核对负责人账户……"))
        self._runner.run(lambda task: AccountService(engine, AuditTrail(engine)).authenticate(name, password),
                         on_success=self._signed_in, on_failure=self._refused, key="approval-sign-in")  # fmt: skip

    def _signed_in(self, actor) -> None:  # noqa: ANN001
        self._set_busy(False)
        if not actor.can("follow_up"):
            self._say(self.tr("{0} 不是科室负责人，不能审批结论调整").format(actor.display_name))
            return
        if self._officer is not None and actor.name == self._officer.name:
            self._say(self.tr("结论调整须由另一人审批：经办人不能审批自己的调整"))
            return
        self.error_label.clear()
        self.approved.emit(actor, self.note_edit.text().strip())
        self.attempted.emit("")
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        from creditdesk.services.accounts import LoginFailed

        self._set_busy(False)
        self._say((error_text(exc) or self.tr("账户或密码不正确")) if isinstance(exc, LoginFailed)
                  else self.tr("无法核对负责人账户：{0}").format(error_text(exc)))  # fmt: skip

    def _say(self, text: str) -> None:
        self.error_label.setStyleSheet("color:#b3261e;")
        self.error_label.setText(text)
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.attempted.emit(text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)
        # read-only, not disabled: a disabled field would pass the focus (and Enter) to 取消
        for edit in (self.name_edit, self.password_edit, self.note_edit):
            edit.setReadOnly(busy)

    def done(self, result: int) -> None:  # noqa: D401 - QDialog.done
        if result != QDialog.DialogCode.Accepted:
            self._runner.cancel_key("approval-sign-in")  # a sign-in still running approves nothing
        super().done(result)
