"""跟进: commitments coming due or overdue, supervisor alerts, rechecks of offline / stale reviews.

Three tabs, each with its count in the title:

- 承诺到期 — the commitments (officers: those of their own reviews), filtered
  即将到期 / 已逾期 / 履行中 / 全部, working days left (overdue in red); with the
  ``follow_up`` permission 标记已履约 / 标记违约 (a breach needs a written note:
  it is reported to the city credit platform, 昆山办法第九条).
- 监管提醒 — new adverse records for subjects with a commitment in force; 确认已处理.
- 复核清单 — offline / stale reviews whose outcome differs on newer data, the
  findings then and now side by side; 确认已阅.
- 结论调整待复核 — milder conclusions awaiting a supervisor.
- 信用审查 — 信用审查 requests waiting for the 市公共信用信息中心 (昆山 第十一条: 5 个工作日内),
  working days left on the Chinese calendar, overdue in red; 记录审查结果 records the centre's
  审查报告 against the request (and so its review) through CreditReviewService, as the CLI does.

Everything is read and written through the TaskRunner; the services return
frozen dataclasses. Keyboard: F5 reloads, Ctrl+Tab / Ctrl+Shift+Tab switch tabs,
the buttons have mnemonics, Enter in a table opens the mark dialog or acknowledges.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QLineEdit,
    QSpinBox,
    QButtonGroup,
    QDialog,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from creditdesk.changes import OpChanges
from creditdesk.credit import category_of
from creditdesk.outcomes import LABELS
from creditdesk.policy.model import MATTER_CODES
from creditdesk.services import followup as _followup  # imported with the window, not in a worker
from creditdesk.services import credit_review as _credit_review
from creditdesk.services import recheck as _recheck
from creditdesk.roles import may
from creditdesk.services.accounts import accounts_exist
from creditdesk.services.followup import DEFAULT_WITHIN, STATUS_LABELS, AlertRow, CommitmentRow
from creditdesk.services.credit_review import CreditReviewRow
from creditdesk.services.recheck import RecheckRow
from creditdesk.ui.changes import ChangeAware
from creditdesk.ui.core_text import core_message, error_text
from creditdesk.ui.tasks import TaskRunner
from creditdesk.ui.vocabulary import label as tr
from creditdesk.ui.vocabulary import weekday
from creditdesk.workdays import deadline

RED, AMBER, GREEN, GREY = "#b3261e", "#8a5a00", "#1e7b34", "#6b6b6b"
OUTCOME_TEXT = LABELS
OUTCOME_COLOR = {"normal": "#1f3a5f", "incentive": GREEN, "strict": AMBER, "prohibit": RED}
REASON_TEXT = {"in_force": QT_TRANSLATE_NOOP("", "有效"), "revoked": QT_TRANSLATE_NOOP("", "已撤销"),
               "repaired": QT_TRANSLATE_NOOP("", "已信用修复"), "not_yet_published": QT_TRANSLATE_NOOP("", "尚未公示"),
               "expired": QT_TRANSLATE_NOOP("", "已过公示期")}  # fmt: skip
FILTERS = (("due", QT_TRANSLATE_NOOP("", "即将到期(&D)")), ("overdue", QT_TRANSLATE_NOOP("", "已逾期(&O)")),
           ("in_force", QT_TRANSLATE_NOOP("", "履行中(&I)")), ("all", QT_TRANSLATE_NOOP("", "全部(&L)")))


@dataclass(frozen=True)
class Snapshot:
    commitments: tuple[CommitmentRow, ...]  # every one the viewer may see, all statuses
    alerts: tuple[AlertRow, ...]  # open
    rechecks: tuple[RecheckRow, ...]  # differing, open
    can_follow_up: bool
    today: dt.date
    names: dict  # account name -> display name (officers are stored by account name)
    overrides: tuple = ()  # SavedReview with a milder conclusion awaiting a supervisor (待复核)
    credit_reviews: tuple[CreditReviewRow, ...] = ()  # 信用审查 requests waiting for the centre's answer
    credit_review_to: dict = field(default_factory=dict)  # request id -> who reviews (the profile's credit_review.by)
    can_review: bool = False  # may record a 审查报告 (permission review, as the CLI's credit-review record)


def _credit_review_to(engine, rows, today: dt.date) -> dict:  # noqa: ANN001
    """Who answers each request: its profile's ``credit_review.by`` (read in the worker)."""
    from creditdesk.policy.store import ProfileStore, UnknownProfile

    store, out = ProfileStore.from_engine(engine) if rows else None, {}
    for r in rows:
        try:
            p = store.resolve(r.profile_id, today)
        except UnknownProfile:
            continue
        if p.credit_review is not None:
            out[r.id] = p.credit_review.by
    return out


def matter_label(code: str) -> str:
    return tr(MATTER_CODES.get(code, code))


def outcome_text(code: str) -> str:
    return tr(OUTCOME_TEXT.get(code, code))


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)  # the long text last, elided
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setTabKeyNavigation(False)  # Tab leaves the table: keyboard users reach the buttons
    return table


def _item(text: str, color: str | None = None, bold: bool = False, data=None) -> QTableWidgetItem:  # noqa: ANN001
    item = QTableWidgetItem(text)
    if color:
        item.setForeground(QBrush(QColor(color)))
    if bold:
        font = QFont()
        font.setBold(True)
        item.setFont(font)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def days_text(c: CommitmentRow) -> tuple[str, str | None]:
    """剩余工作日 as shown, and its colour."""
    if c.status != "in_force" or c.days_left is None:
        return ("—", GREY)
    est = tr("（估）") if c.estimated else ""
    if c.days_left < 0:
        return (tr("逾期 {0} 个工作日{1}").format(-c.days_left, est), RED)
    if c.days_left == 0:
        return (tr("今日到期"), AMBER)
    return (tr("{0} 个工作日{1}").format(c.days_left, est), AMBER if c.days_left <= 2 else None)




class DueItemsEditor(QWidget):
    """承诺补交: materials the applicant promises to hand in within N working days (容缺受理).

    Used in the review panel's commitment section; ``items()`` gives the due items
    (creditdesk.services.followup.make_due_item) for CommitmentDraft.due_items, the
    deadline counted from ``day()`` (the signing day) in Chinese working days.
    Enter in the name adds the item; Delete removes the selected one.
    """

    changed = Signal()

    def __init__(self, day=None, parent: QWidget | None = None) -> None:  # noqa: ANN001 - () -> date
        super().__init__(parent)
        self.setObjectName("dueItemsEditor")
        self._day = day or dt.date.today
        self._items: list[dict] = []
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("dueItemName")
        self.name_edit.setPlaceholderText(tr("承诺补交的材料，如“营业执照副本”（回车添加）"))
        self.days_spin = QSpinBox()
        self.days_spin.setObjectName("dueItemDays")
        self.days_spin.setRange(1, 365)
        self.days_spin.setValue(5)
        self.days_spin.setSuffix(tr(" 个工作日内"))
        self.due_label = QLabel()
        self.due_label.setObjectName("dueItemDue")
        self.add_button = QPushButton(tr("添加(&M)"))
        self.add_button.setObjectName("dueItemAdd")
        self.list = QListWidget()
        self.list.setObjectName("dueItemList")
        self.list.setMaximumHeight(72)
        self.list.hide()
        caption = QLabel(tr("承诺补交(&Y)："))
        caption.setBuddy(self.name_edit)
        caption.setStyleSheet("font-weight:normal;")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(caption)
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.days_spin)
        row.addWidget(self.due_label)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.days_spin.valueChanged.connect(self._show_due)
        self.name_edit.returnPressed.connect(self.add_current)
        self.add_button.clicked.connect(self.add_current)
        self.list.installEventFilter(self)  # Delete / Backspace removes the selected item
        self._show_due()

    def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, N802 - Qt API
        if obj is self.list and event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Delete,
                                                                                         Qt.Key.Key_Backspace):
            self.remove_selected()
            return True
        return super().eventFilter(obj, event)

    def _show_due(self) -> None:
        d = deadline(self._day(), self.days_spin.value())
        text = tr("→ {0}（{1}）").format(d.due.isoformat(), weekday(d.due, short=True))
        self.due_label.setText(text + (tr("（估算）") if d.estimated else ""))
        self.due_label.setToolTip(d.note or tr("按国务院节假日安排计算：法定节假日不计，调休上班日计入"))
        self.due_label.setStyleSheet("font-weight:normal;" + (f"color:{AMBER};" if d.estimated else "color:#1f3a5f;"))

    def add(self, text: str, working_days: int) -> dict:
        item = _followup.make_due_item(text, working_days, self._day())
        self._items.append(item)
        est = tr("（估算）") if item.get("estimated") else ""
        self.list.addItem(QListWidgetItem(tr("{0}　{1} 个工作日内，{2} 前{3}").format(item["item"], working_days, item["due"], est)))
        self.list.show()
        self.changed.emit()
        return item

    def add_current(self) -> None:
        text = self.name_edit.text().strip()
        if not text:
            return
        self.add(text, self.days_spin.value())
        self.name_edit.clear()
        self.name_edit.setFocus()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._items):
            del self._items[row]
            self.list.takeItem(row)
            self.list.setVisible(bool(self._items))
            self.changed.emit()

    def items(self) -> list[dict]:
        return [dict(i) for i in self._items]

    def clear(self) -> None:
        self._items.clear()
        self.list.clear()
        self.list.hide()
        self.name_edit.clear()
        self.days_spin.setValue(5)
        self._show_due()


class MarkDialog(QDialog):
    """Confirm a mark; a breach needs a written note (it is reported to the platform)."""

    def __init__(self, row: CommitmentRow, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markDialog")
        self.status = status
        breach = status == "breached"
        self.setWindowTitle(tr("标记违约") if breach else tr("标记已履约"))
        self.setMinimumWidth(460)
        info = QLabel(
            f"<b>{html.escape(row.number)}</b>　{html.escape(row.subject_display)}<br>"
            + tr("事项：{0}　签署人：{1}").format(html.escape(matter_label(row.matter)), html.escape(row.signer_name)) + "<br>"
            + (f"<span style='color:{RED}'>" + tr("标记违约后将上报市公共信用信息平台，不可撤销。") + "</span>"
               if breach else tr("确认申请人已履行承诺（含承诺补交的全部材料）？"))
        )  # fmt: skip
        info.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setObjectName("markNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(tr("违约事实（必填）：如“逾期未补交营业执照副本”") if breach else tr("备注（可不填）"))
        self.note.setFixedHeight(90)
        caption = QLabel(tr("违约事实(&N)：") if breach else tr("备注(&N)："))
        caption.setBuddy(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("确认违约") if breach else tr("确认已履约"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(caption)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.note.textChanged.connect(self._check)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self._accept_if_ok)
        self._check()
        self.note.setFocus()

    def _check(self) -> None:
        self.ok.setEnabled(self.status != "breached" or bool(self.note_text()))

    def _accept_if_ok(self) -> None:
        if self.ok.isEnabled():
            self.accept()

    def note_text(self) -> str:
        return self.note.toPlainText().strip()


class CreditReviewResultDialog(QDialog):
    """The centre's 审查报告 came back: the day received, its number, adverse or not, a summary."""

    def __init__(self, row: CreditReviewRow, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creditReviewResultDialog")
        self.setWindowTitle(self.tr("记录信用审查结果"))
        self.setMinimumWidth(480)
        info = QLabel(self.tr("<b>{0}</b>　事项：{1}<br>申请于 {2}，应于 {3} 前反馈").format(
            html.escape(row.subject_name or row.subject_id), html.escape(matter_label(row.matter)),
            html.escape(row.requested_at[:10]), row.due_on.isoformat()))  # fmt: skip
        info.setWordWrap(True)
        self.received = QDateEdit(today)
        self.received.setObjectName("creditReviewReceived")
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.received.setMinimumDate(dt.date.fromisoformat(row.requested_at[:10]))
        self.received.setMaximumDate(today)
        self.report_no = QLineEdit()
        self.report_no.setObjectName("creditReviewReportNo")
        self.report_no.setMaxLength(80)
        self.adverse_group = QButtonGroup(self)
        self.clean = QRadioButton(self.tr("未发现不良信息(&C)"))
        self.clean.setObjectName("creditReviewClean")
        self.adverse = QRadioButton(self.tr("报告载有不良信息(&V)"))
        self.adverse.setObjectName("creditReviewAdverse")
        self.unstated = QRadioButton(self.tr("报告未说明(&U)"))
        for b in (self.clean, self.adverse, self.unstated):
            self.adverse_group.addButton(b)
        self.unstated.setChecked(True)
        verdict = QHBoxLayout()
        for b in (self.clean, self.adverse, self.unstated):
            verdict.addWidget(b)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("creditReviewSummary")
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(80)
        self.summary.setPlaceholderText(self.tr("审查结论摘要（可不填）"))
        form = QFormLayout()
        form.addRow(self.tr("收到日期(&D)："), self.received)
        form.addRow(self.tr("审查报告编号(&N)："), self.report_no)
        form.addRow(self.tr("审查结论："), verdict)
        form.addRow(self.tr("摘要(&S)："), self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("记录结果"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.report_no.setFocus()

    def values(self) -> dict:
        """The keyword arguments of CreditReviewService.record_result (besides the request and profile)."""
        adverse = True if self.adverse.isChecked() else False if self.clean.isChecked() else None
        return {"received_on": self.received.date().toPython(), "report_no": self.report_no.text().strip(),
                "adverse": adverse, "summary": self.summary.toPlainText().strip()}  # fmt: skip


class FollowUpPage(QWidget, ChangeAware):
    watches = OpChanges(data=True, reviews=True, commitments=True, accounts=True)  # what it shows (ui/changes.py)
    loaded = Signal(object)  # Snapshot
    marked = Signal(object)  # MarkResult, or the exception
    acknowledged = Signal(object)  # AlertRow / RecheckRow, or the exception
    decided = Signal(object)  # the SavedReview after an override decision, or the exception
    reviewed = Signal(object)  # the CreditReviewRow after its result was recorded, or the exception

    def __init__(self, ctx, runner: TaskRunner, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self._snapshot: Snapshot | None = None
        self._busy = False
        self.filter = "due"
        # A dialog factory the tests may replace: (row, status) -> note or None (cancelled).
        self.ask_note = self._ask_note
        # (row) -> (item index, note) or None: which promised item was handed in.
        self.ask_item = self._ask_item

        title = QLabel(tr("<h2>承诺跟进与复核</h2>"))
        self.scope_label = QLabel()
        self.scope_label.setStyleSheet(f"color:{GREY};")
        self.refresh_button = QPushButton(tr("刷新 (F5)"))
        self.refresh_button.setObjectName("refreshButton")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.scope_label)
        head.addWidget(self.refresh_button)
        self.message = QLabel()
        self.message.setObjectName("followupMessage")
        self.message.setWordWrap(True)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("followupTabs")
        self.tabs.addTab(self._commitments_tab(), tr("承诺到期"))
        self.tabs.addTab(self._alerts_tab(), tr("监管提醒"))
        self.tabs.addTab(self._rechecks_tab(), tr("复核清单"))
        self.tabs.addTab(self._overrides_tab(), tr("结论调整待复核"))
        self.tabs.addTab(self._credit_reviews_tab(), self.tr("信用审查"))

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._show_permissions(False)

    # -- building -------------------------------------------------------------------
    def _commitments_tab(self) -> QWidget:
        w = QWidget()
        self.filter_group = QButtonGroup(self)
        self.filter_buttons: dict[str, QRadioButton] = {}
        row = QHBoxLayout()
        for code, label in FILTERS:
            b = QRadioButton(tr(label))
            b.setObjectName(f"filter_{code}")
            self.filter_group.addButton(b)
            self.filter_buttons[code] = b
            row.addWidget(b)
        self.filter_buttons["due"].setChecked(True)
        for code, b in self.filter_buttons.items():
            b.toggled.connect(lambda on, code=code: on and self.set_filter(code))
        row.addStretch(1)
        hint = QLabel(tr("即将到期：{0} 个工作日内（按国务院节假日安排，调休上班日计入）").format(DEFAULT_WITHIN))
        hint.setStyleSheet(f"color:{GREY};")
        row.addWidget(hint)
        self.commitment_table = _table([tr("承诺编号"), tr("主体"), tr("事项"), tr("签署人"), tr("到期日"), tr("剩余工作日"), tr("经办人"), tr("状态")],
                                       "commitmentTable")  # fmt: skip
        self.commitment_detail = QLabel()
        self.commitment_detail.setObjectName("commitmentDetail")
        self.commitment_detail.setWordWrap(True)
        self.commitment_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.commitment_detail.setStyleSheet("background:#f7f8fa;border:1px solid #dfe3ea;padding:8px;")
        self.commitment_detail.setMinimumHeight(70)
        self.commitment_detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.receive_button = QPushButton(tr("登记补交(&R)…"))
        self.receive_button.setObjectName("receiveButton")
        self.receive_button.setToolTip(tr("申请人已补交一项承诺的材料"))
        self.fulfil_button = QPushButton(tr("标记已履约(&F)"))
        self.fulfil_button.setObjectName("fulfilButton")
        self.breach_button = QPushButton(tr("标记违约(&B)…"))
        self.breach_button.setObjectName("breachButton")
        self.breach_button.setStyleSheet(f"QPushButton{{color:{RED};font-weight:bold;}}")
        buttons = QHBoxLayout()
        self.commitment_empty = QLabel()
        self.commitment_empty.setStyleSheet(f"color:{GREY};")
        buttons.addWidget(self.commitment_empty, 1)
        buttons.addWidget(self.receive_button)
        buttons.addWidget(self.fulfil_button)
        buttons.addWidget(self.breach_button)
        layout = QVBoxLayout(w)
        layout.addLayout(row)
        layout.addWidget(self.commitment_table, 1)
        layout.addWidget(self.commitment_detail)
        layout.addLayout(buttons)
        self.commitment_table.itemSelectionChanged.connect(self._commitment_selected)
        self.commitment_table.itemActivated.connect(lambda _i: self.fulfil_button.isEnabled() and self.mark_selected("fulfilled"))
        self.fulfil_button.clicked.connect(lambda: self.mark_selected("fulfilled"))
        self.receive_button.clicked.connect(self.receive_selected)
        self.breach_button.clicked.connect(lambda: self.mark_selected("breached"))
        return w

    def _alerts_tab(self) -> QWidget:
        w = QWidget()
        self.alert_table = _table([tr("提醒时间"), tr("主体"), tr("承诺编号"), tr("经办人"), tr("新增记录类别"), tr("记录")], "alertTable")
        self.alert_detail = QLabel()
        self.alert_detail.setObjectName("alertDetail")
        self.alert_detail.setWordWrap(True)
        self.alert_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.alert_detail.setStyleSheet("background:#fdf6f5;border:1px solid #efd3cf;padding:8px;")
        self.alert_detail.setMinimumHeight(60)
        self.alert_ack_button = QPushButton(tr("确认已处理(&A)"))
        self.alert_ack_button.setObjectName("alertAckButton")
        self.alert_empty = QLabel()
        self.alert_empty.setStyleSheet(f"color:{GREY};")
        buttons = QHBoxLayout()
        buttons.addWidget(self.alert_empty, 1)
        buttons.addWidget(self.alert_ack_button)
        layout = QVBoxLayout(w)
        layout.addWidget(self.alert_table, 1)
        layout.addWidget(self.alert_detail)
        layout.addLayout(buttons)
        self.alert_table.itemSelectionChanged.connect(self._alert_selected)
        self.alert_table.itemActivated.connect(lambda _i: self.alert_ack_button.isEnabled() and self.acknowledge_alert())
        self.alert_ack_button.clicked.connect(self.acknowledge_alert)
        return w

    def _rechecks_tab(self) -> QWidget:
        w = QWidget()
        self.recheck_table = _table([tr("主体"), tr("事项"), tr("核查时间"), tr("经办人"), tr("原结论 → 新结论"), tr("新增有效记录")], "recheckTable")
        self.old_view = QTextBrowser()
        self.old_view.setObjectName("recheckOld")
        self.new_view = QTextBrowser()
        self.new_view.setObjectName("recheckNew")
        sides = QSplitter(Qt.Orientation.Horizontal)
        sides.addWidget(self.old_view)
        sides.addWidget(self.new_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.recheck_table)
        split.addWidget(sides)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        self.recheck_ack_button = QPushButton(tr("确认已阅(&A)"))
        self.recheck_ack_button.setObjectName("recheckAckButton")
        self.recheck_empty = QLabel()
        self.recheck_empty.setStyleSheet(f"color:{GREY};")
        buttons = QHBoxLayout()
        buttons.addWidget(self.recheck_empty, 1)
        buttons.addWidget(self.recheck_ack_button)
        layout = QVBoxLayout(w)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.recheck_table.itemSelectionChanged.connect(self._recheck_selected)
        self.recheck_table.itemActivated.connect(lambda _i: self.recheck_ack_button.isEnabled() and self.acknowledge_recheck())
        self.recheck_ack_button.clicked.connect(self.acknowledge_recheck)
        return w

    def _overrides_tab(self) -> QWidget:
        """Milder conclusions saved without a supervisor (issue 11 item 5): approve or reject."""
        w = QWidget()
        self.override_table = _table([tr("主体"), tr("事项"), tr("核查时间"), tr("经办人"), tr("系统结论 → 拟采用"), tr("理由")], "overrideTable")
        self.override_approve_button = QPushButton(tr("批准调整(&P)"))
        self.override_approve_button.setObjectName("overrideApproveButton")
        self.override_reject_button = QPushButton(tr("驳回(&J)"))
        self.override_reject_button.setObjectName("overrideRejectButton")
        self.override_empty = QLabel()
        self.override_empty.setStyleSheet(f"color:{GREY};")
        buttons = QHBoxLayout()
        buttons.addWidget(self.override_empty, 1)
        buttons.addWidget(self.override_approve_button)
        buttons.addWidget(self.override_reject_button)
        layout = QVBoxLayout(w)
        layout.addWidget(self.override_table, 1)
        layout.addLayout(buttons)
        self.override_table.itemSelectionChanged.connect(self._update_override_buttons)
        self.override_approve_button.clicked.connect(lambda: self.decide_override(True))
        self.override_reject_button.clicked.connect(lambda: self.decide_override(False))
        # (review) -> note, or None when cancelled; the tests may replace it
        self.ask_override_note = self._ask_override_note
        return w

    def _fill_overrides(self) -> None:
        rows = self._snapshot.overrides if self._snapshot else ()
        t = self.override_table
        t.setRowCount(len(rows))
        for i, r in enumerate(rows):
            o = r.override
            t.setItem(i, 0, _item(r.subject_name or r.subject_code_display or "", data=r.id))
            t.setItem(i, 1, _item(matter_label(r.matter)))
            t.setItem(i, 2, _item((r.finalised_at or "")[:16].replace("T", " ")))
            t.setItem(i, 3, _item(self.person(r.officer)))
            t.setItem(i, 4, _item(f"{outcome_text(o.computed_outcome)} → {outcome_text(o.requested_outcome)}",
                                  OUTCOME_COLOR.get(o.computed_outcome), bold=True))  # fmt: skip
            t.setItem(i, 5, _item(f"{o.category_label}：{o.reason}"))
        t.resizeColumnsToContents()
        self.override_empty.setText("" if rows else tr("没有待复核的结论调整。"))
        self._update_override_buttons()

    def _selected_override(self):  # noqa: ANN202
        rows = self.override_table.selectionModel().selectedRows() if self.override_table.selectionModel() else []
        if not rows or self._snapshot is None:
            return None
        rid = self.override_table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((r for r in self._snapshot.overrides if r.id == rid), None)

    def _update_override_buttons(self) -> None:
        on = getattr(self, "_can", False) and self._selected_override() is not None and not self._busy
        for b in (self.override_approve_button, self.override_reject_button):
            b.setVisible(getattr(self, "_can", False))
            b.setEnabled(on)

    def _ask_override_note(self, review, approve: bool):  # noqa: ANN001, ANN202
        from PySide6.QtWidgets import QInputDialog

        label = tr("审批意见（可选）：") if approve else tr("驳回理由（必填，至少 4 个字）：")
        text, ok = QInputDialog.getText(self, tr("批准调整") if approve else tr("驳回调整"), label)
        return text if ok else None

    def decide_override(self, approve: bool) -> None:
        review = self._selected_override()
        if review is None:
            return
        note = self.ask_override_note(review, approve)
        if note is None:
            return
        engine, audit, user = self.ctx.engine, self.ctx.audit, self.ctx.user
        from creditdesk.services.reviews import ReviewService

        self._busy = True
        self._update_override_buttons()

        def run(task):  # noqa: ANN001, ANN202
            return ReviewService(engine).decide_override(review.id, approve, user, note, audit=audit)

        def done(saved):  # noqa: ANN001
            self._busy = False
            self._say((tr("已批准：{0} 的结论调整") if approve else tr("已驳回：{0} 的结论调整")).format(saved.subject_name or ""),
                      GREEN)
            self.decided.emit(saved)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._say(tr("审批失败：{0}").format(error_text(exc)), RED)
            self.decided.emit(exc)
            self._update_override_buttons()

        self.runner.run(run, on_success=done, on_failure=failed, key="followup-override")

    # -- 信用审查 (昆山 第十、十一、十四条) ----------------------------------------------------
    def _credit_reviews_tab(self) -> QWidget:
        w = QWidget()
        self.credit_review_table = _table(
            [self.tr("主体"), self.tr("事项"), self.tr("申请时间"), self.tr("经办人"), self.tr("反馈期限"),
             self.tr("剩余工作日"), self.tr("审查机构")], "creditReviewTable")  # fmt: skip
        hint = QLabel(self.tr("信用中心应在 5 个工作日内反馈（按国务院节假日安排，调休上班日计入）；逾期标红"))
        hint.setStyleSheet(f"color:{GREY};")
        self.credit_review_record_button = QPushButton(self.tr("记录审查结果(&V)…"))
        self.credit_review_record_button.setObjectName("creditReviewRecordButton")
        self.credit_review_empty = QLabel()
        self.credit_review_empty.setStyleSheet(f"color:{GREY};")
        buttons = QHBoxLayout()
        buttons.addWidget(self.credit_review_empty, 1)
        buttons.addWidget(self.credit_review_record_button)
        layout = QVBoxLayout(w)
        layout.addWidget(hint)
        layout.addWidget(self.credit_review_table, 1)
        layout.addLayout(buttons)
        self.credit_review_table.itemSelectionChanged.connect(self._update_credit_review_button)
        self.credit_review_table.itemActivated.connect(lambda _i: self.record_credit_review())
        self.credit_review_record_button.clicked.connect(self.record_credit_review)
        # (row, today) -> record_result keyword arguments, or None when cancelled; the tests may replace it
        self.ask_credit_review_result = self._ask_credit_review_result
        self._update_credit_review_button()  # hidden until a snapshot says the viewer may record
        return w

    def credit_review_days_text(self, r: CreditReviewRow) -> tuple[str, str | None]:
        """剩余工作日 of a waiting request as shown, and its colour (overdue red)."""
        est = self.tr("（估）") if r.due_estimated else ""
        if r.days_left is None:
            return ("—", GREY)
        if r.overdue:
            return (self.tr("逾期 {0} 个工作日").format(-r.days_left) + est, RED)
        if r.days_left == 0:
            return (self.tr("今日到期"), AMBER)
        return (self.tr("{0} 个工作日").format(r.days_left) + est, AMBER if r.days_left <= 1 else None)

    def _fill_credit_reviews(self) -> None:
        rows = self._snapshot.credit_reviews if self._snapshot else ()
        overdue = sum(1 for r in rows if r.overdue)
        self.tabs.setTabText(4, self.tr("信用审查 ({0})").format(len(rows))
                             + (self.tr(" · 已逾期 ({0})").format(overdue) if overdue else ""))  # fmt: skip
        t = self.credit_review_table
        t.setRowCount(len(rows))
        for i, r in enumerate(rows):
            days, color = self.credit_review_days_text(r)
            cells = [
                _item(r.subject_name or r.subject_id, data=r.id), _item(matter_label(r.matter)),
                _item(r.requested_at[:16].replace("T", " ")), _item(self.person(r.officer)),
                _item(r.due_on.isoformat(), RED if r.overdue else None, bold=r.overdue),
                _item(days, color, bold=r.overdue), _item(self._credit_review_to(r)),
            ]  # fmt: skip
            for col, cell in enumerate(cells):
                t.setItem(i, col, cell)
        self.credit_review_empty.setText("" if rows else self.tr("没有待信用中心反馈的信用审查申请"))
        if rows:
            t.selectRow(0)
        self._update_credit_review_button()

    def _credit_review_to(self, r: CreditReviewRow) -> str:
        return (self._snapshot.credit_review_to.get(r.id) if self._snapshot else None) or ""

    def selected_credit_review(self) -> CreditReviewRow | None:
        return self._selected(self.credit_review_table,  # type: ignore[return-value]
                              self._snapshot.credit_reviews if self._snapshot else ())  # fmt: skip

    def _update_credit_review_button(self) -> None:
        can = bool(self._snapshot and self._snapshot.can_review)
        self.credit_review_record_button.setVisible(can)
        self.credit_review_record_button.setEnabled(can and not self._busy and self.selected_credit_review() is not None)

    def _ask_credit_review_result(self, row: CreditReviewRow, today: dt.date) -> dict | None:
        dialog = CreditReviewResultDialog(row, today, self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def record_credit_review(self) -> None:
        """Record the centre's 审查报告 against the selected request — CreditReviewService.record_result, the
        service the CLI's ``credit-review record`` calls (it checks the permission and the dates again)."""
        row = self.selected_credit_review()
        if row is None or not self.credit_review_record_button.isEnabled():
            return
        today = self._snapshot.today if self._snapshot else dt.date.today()
        values = self.ask_credit_review_result(row, today)
        if values is None:
            return
        engine, audit, user = self.ctx.engine, self.ctx.audit, self.ctx.user

        def work(task):  # noqa: ANN001, ANN202
            from creditdesk.policy.store import ProfileStore

            profile = ProfileStore.from_engine(engine).resolve(row.profile_id, values["received_on"])
            return _credit_review.CreditReviewService(engine, audit).record_result(row.id, profile, by=user, **values)

        def done(result: CreditReviewRow) -> None:
            self._busy = False
            late = self.tr("（晚于期限）") if result.result_received_on and result.result_received_on > result.due_on else ""
            self._say(self.tr("已记录 {0} 的审查报告{1}，有效期至 {2}").format(
                result.subject_name or result.subject_id, late, result.valid_until))  # fmt: skip
            self.reviewed.emit(result)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._say(self.tr("未能记录审查结果：{0}").format(error_text(exc)), RED)
            self._update_credit_review_button()
            self.reviewed.emit(exc)

        self._busy = True
        self._update_credit_review_button()
        self.runner.run(work, on_success=done, on_failure=failed, key="followup-credit-review")

    # -- loading ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Called whenever the page is shown or the signed-in account changes (re-reads ctx.user)."""
        engine, audit, user = self.ctx.engine, self.ctx.audit, self.ctx.user
        accounts = getattr(self.ctx, "accounts", None)

        def load(task):  # noqa: ANN001, ANN202
            from creditdesk.services.reviews import ReviewService

            service = _followup.FollowUpService(engine, audit)
            can = may(user, "follow_up", accounts_exist=user is not None or accounts_exist(engine))
            names = {a.name: a.display_name for a in accounts.list()} if accounts is not None else {}
            pending = ReviewService(engine).pending_overrides(user.unit if user is not None and user.unit else None)
            if user is not None and not user.can("view_all_reviews"):
                pending = [r for r in pending if r.officer == user.name]
            today = service.today()
            waiting = _credit_review.CreditReviewService(engine, audit).waiting(today)
            if user is not None and not user.can("view_all_reviews"):  # an officer: the requests they made
                waiting = [r for r in waiting if r.officer == user.name]
            return Snapshot(
                commitments=tuple(service.commitments(user, "all")), alerts=tuple(service.alerts(user)),
                rechecks=tuple(_recheck.RecheckService(engine, audit).list(user)), can_follow_up=can,
                today=today, names=names, overrides=tuple(pending), credit_reviews=tuple(waiting),
                can_review=may(user, "review", accounts_exist=user is not None or accounts_exist(engine)),
                credit_review_to=_credit_review_to(engine, waiting, today),
            )  # fmt: skip

        self.runner.run(load, on_success=self._show, on_failure=self._load_failed, key="followup-page")

    def on_data_update(self, _found=None) -> None:  # noqa: ANN001
        """After a sync or bundle import (SyncPage.followup_found): reload."""
        self.refresh()

    def _load_failed(self, exc: BaseException) -> None:
        self._say(tr("读取跟进数据失败：{0}").format(error_text(exc)), RED)

    def _show(self, snap: Snapshot) -> None:
        self._snapshot = snap
        user = self.ctx.user
        self.scope_label.setText(
            (tr("全部经办人的承诺") if user is None or user.can("view_all_reviews") else tr("{0} 经办的承诺").format(user.display_name))
            + ("" if snap.can_follow_up else tr("　·　仅查看（标记与确认需科室负责人）"))
        )  # fmt: skip
        self._show_permissions(snap.can_follow_up)
        self._fill_commitments()
        self._fill_alerts()
        self._fill_rechecks()
        self._fill_overrides()
        self._fill_credit_reviews()
        self.loaded.emit(snap)

    def _show_permissions(self, can: bool) -> None:
        for b in (self.receive_button, self.fulfil_button, self.breach_button, self.alert_ack_button,
                  self.recheck_ack_button):
            b.setVisible(can)
        self._can = can
        self._update_buttons()
        if hasattr(self, "override_table"):
            self._update_override_buttons()

    def person(self, account: str) -> str:
        """An officer as people know them: the account's display name, else the stored name."""
        return (self._snapshot.names.get(account) if self._snapshot else None) or account

    def counts(self) -> dict[str, int]:
        s = self._snapshot
        if s is None:
            return {k: 0 for k, _ in FILTERS}
        rows = s.commitments
        return {
            "due": sum(1 for c in rows if self._in_filter(c, "due")),
            "overdue": sum(1 for c in rows if c.overdue),
            "in_force": sum(1 for c in rows if c.status == "in_force"),
            "all": len(rows),
        }

    @staticmethod
    def _in_filter(c: CommitmentRow, code: str) -> bool:
        if code == "due":
            return c.status == "in_force" and c.days_left is not None and 0 <= c.days_left <= DEFAULT_WITHIN
        if code == "overdue":
            return c.overdue
        if code == "in_force":
            return c.status == "in_force"
        return True

    def set_filter(self, code: str) -> None:
        self.filter = code
        if not self.filter_buttons[code].isChecked():
            self.filter_buttons[code].setChecked(True)
        self._fill_commitments()

    def visible_commitments(self) -> list[CommitmentRow]:
        if self._snapshot is None:
            return []
        return [c for c in self._snapshot.commitments if self._in_filter(c, self.filter)]

    def _fill_commitments(self) -> None:
        counts = self.counts()
        for code, label in FILTERS:
            self.filter_buttons[code].setText(f"{tr(label)} ({counts[code]})")
        attention = counts["due"] + counts["overdue"]
        self.tabs.setTabText(0, tr("承诺到期 ({0})").format(attention)
                             + (tr(" · 已逾期 ({0})").format(counts["overdue"]) if counts["overdue"] else ""))
        rows = self.visible_commitments()
        selected = self.selected_commitment()
        t = self.commitment_table
        t.setSortingEnabled(False)
        t.setRowCount(len(rows))
        for r, c in enumerate(rows):
            days, color = days_text(c)
            status_color = RED if c.overdue or c.status == "breached" else GREEN if c.status == "fulfilled" else None
            cells = [
                _item(c.number, data=c.id), _item(c.subject_display), _item(matter_label(c.matter)),
                _item(c.signer_name), _item(c.earliest_due.isoformat() if c.earliest_due else "—"),
                _item(days, color, bold=bool(c.overdue)), _item(self.person(c.officer)),
                _item(tr(c.status_label), status_color, bold=c.overdue or c.status == "breached"),
            ]  # fmt: skip
            for col, cell in enumerate(cells):
                t.setItem(r, col, cell)
        self.commitment_empty.setText("" if rows else {
            "due": tr("近 {0} 个工作日内没有到期的承诺").format(DEFAULT_WITHIN), "overdue": tr("没有已逾期的承诺"),
            "in_force": tr("没有履行中的承诺"), "all": tr("还没有签署过信用承诺")}[self.filter])  # fmt: skip
        again = next((i for i, c in enumerate(rows) if selected and c.id == selected.id), 0 if rows else -1)
        if again >= 0:
            t.selectRow(again)
        self._commitment_selected()

    def _fill_alerts(self) -> None:
        alerts = self._snapshot.alerts if self._snapshot else ()
        self.tabs.setTabText(1, tr("监管提醒 ({0})").format(len(alerts)))
        t = self.alert_table
        t.setRowCount(len(alerts))
        for r, a in enumerate(alerts):
            d = a.detail
            severe = bool(d.get("severe"))
            cells = [
                _item(a.created_at[:16].replace("T", " "), data=a.id),
                _item(f"{d.get('subject_name') or a.subject_id} {d.get('subject_code') or ''}".strip()),
                _item(d.get("commitment_number") or ""),
                _item(self.person(d.get("officer") or "")),
                _item(tr(d.get("category_label") or category_of(d.get("category", "")).label), RED if severe else AMBER,
                      severe),
                _item(f"{d.get('title') or a.record_id}" + (f"（{d['doc_no']}）" if d.get("doc_no") else "")),
            ]  # fmt: skip
            for col, cell in enumerate(cells):
                t.setItem(r, col, cell)
        self.alert_empty.setText("" if alerts else tr("没有待处理的监管提醒：同步或导入数据后，履行承诺期间出现的新失信记录会列在这里"))
        if alerts:
            t.selectRow(0)
        self._alert_selected()

    def _fill_rechecks(self) -> None:
        rows = self._snapshot.rechecks if self._snapshot else ()
        self.tabs.setTabText(2, tr("复核清单 ({0})").format(len(rows)))
        t = self.recheck_table
        t.setRowCount(len(rows))
        for r, x in enumerate(rows):
            cells = [
                _item(f"{x.subject_name or tr('（平台无此主体）')} {x.subject_code or ''}".strip(), data=x.id),
                _item(matter_label(x.matter)), _item(x.finalised_at[:16].replace("T", " ")), _item(self.person(x.officer)),
                _item(f"{outcome_text(x.old_outcome)} → {outcome_text(x.new_outcome)}",
                      OUTCOME_COLOR.get(x.new_outcome), True),
                _item(tr("、").join(dict.fromkeys(tr(category_of(f.get("category") or "").label) for f in x.new_findings
                                              if f.get("record_id") in x.new_record_ids)) or "—"),
            ]  # fmt: skip
            for col, cell in enumerate(cells):
                t.setItem(r, col, cell)
        self.recheck_empty.setText("" if rows else tr("没有待复核的核查：离线或过期数据下作出的核查，在新数据下结论变化时列在这里"))
        if rows:
            t.selectRow(0)
        self._recheck_selected()

    # -- selection and details -------------------------------------------------------------
    def _selected(self, table: QTableWidget, rows) -> object | None:  # noqa: ANN001
        items = table.selectedItems()
        if not items:
            return None
        key = table.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((x for x in rows if x.id == key), None)

    def selected_commitment(self) -> CommitmentRow | None:
        return self._selected(self.commitment_table, self.visible_commitments())  # type: ignore[return-value]

    def selected_alert(self) -> AlertRow | None:
        return self._selected(self.alert_table, self._snapshot.alerts if self._snapshot else ())  # type: ignore[return-value]

    def selected_recheck(self) -> RecheckRow | None:
        return self._selected(self.recheck_table, self._snapshot.rechecks if self._snapshot else ())  # type: ignore[return-value]

    def _update_buttons(self) -> None:
        c = self.selected_commitment() if hasattr(self, "commitment_table") else None
        ok = getattr(self, "_can", False) and not self._busy
        self.fulfil_button.setEnabled(ok and c is not None and c.status == "in_force")
        self.breach_button.setEnabled(ok and c is not None and c.status == "in_force")
        self.receive_button.setEnabled(ok and c is not None and c.status == "in_force" and any(i.open for i in c.items))
        self.alert_ack_button.setEnabled(ok and self.selected_alert() is not None)
        self.recheck_ack_button.setEnabled(ok and self.selected_recheck() is not None)

    def _commitment_selected(self) -> None:
        c = self.selected_commitment()
        if c is None:
            self.commitment_detail.setText(tr("<span style='color:#6b6b6b'>选择一条承诺查看承诺补交的材料</span>"))
        else:
            lines = [f"<b>{html.escape(c.number)}</b>　{html.escape(c.subject_display)}　"
                     + tr("签署于 {0}　状态：{1}").format(html.escape(c.signed_at[:16].replace("T", " ")),
                                                     html.escape(tr(c.status_label)))]  # fmt: skip
            if c.items:
                parts = []
                for i in c.items:
                    due = i.due.isoformat() if i.due else "—"
                    wd = tr("{0} 个工作日内，").format(i.working_days) if i.working_days else ""
                    state = (tr("已补交（{0}）").format(i.fulfilled_at[:10]) if not i.open
                             else tr("逾期") if i.days_left is not None and i.days_left < 0 else tr("待补交"))
                    color = GREEN if not i.open else RED if state == tr("逾期") else AMBER
                    est = tr("（节假日安排未收录，按周一至周五估算）") if i.estimated else ""
                    parts.append(f"· {html.escape(i.item)}：" + tr("{0}{1} 前{2}").format(wd, due, est)
                                 + f" <span style='color:{color}'>{state}</span>")
                lines.append(tr("承诺补交：<br>") + "<br>".join(parts))
            else:
                lines.append(tr("本承诺没有约定补交材料"))
            if c.status_at:
                lines.append(f"{tr(STATUS_LABELS.get(c.status, c.status))}：{html.escape(c.status_at[:16].replace('T', ' '))}"
                             + (f"　{html.escape(c.status_note)}" if c.status_note else ""))  # fmt: skip
            self.commitment_detail.setText("<br>".join(lines))
        self._update_buttons()

    def _alert_selected(self) -> None:
        a = self.selected_alert()
        self.alert_detail.setText(html.escape(core_message(a.message)) if a else "")  # the core's sentence, stored
        self.alert_detail.setVisible(a is not None)
        self._update_buttons()

    def _recheck_selected(self) -> None:
        x = self.selected_recheck()
        if x is None:
            self.old_view.setHtml("")
            self.new_view.setHtml("")
        else:
            then = tr("离线") if x.offline else tr("数据已过期")
            self.old_view.setHtml(self._side(
                tr("核查时（{0}，数据序号 {1}，{2}）").format(x.finalised_at[:16].replace("T", " "), x.review_seq, then),
                x.old_outcome, x.old_findings, x.old_measures, frozenset(),
                tr("核查码 {0}　经办人 {1}").format(x.verification_code, self.person(x.officer))
                + (tr("　经办人采用：{0}").format(outcome_text(x.final_outcome)) if x.final_outcome != x.old_outcome else "")))
            self.new_view.setHtml(self._side(
                tr("现在的数据（数据序号 {0}，复核于 {1}）").format(x.data_seq, x.checked_at[:16].replace("T", " ")),
                x.new_outcome, x.new_findings, x.new_measures, x.new_record_ids, ""))  # fmt: skip
        self._update_buttons()

    @staticmethod
    def _side(title: str, outcome: str, findings, measures, new_ids, extra: str) -> str:  # noqa: ANN001
        color = OUTCOME_COLOR.get(outcome, "#1f3a5f")
        out = [f"<h3 style='margin:0'>{html.escape(title)}</h3>",
               f"<p style='font-size:14pt;color:{color}'><b>{html.escape(outcome_text(outcome))}</b></p>"]  # fmt: skip
        if extra:
            out.append(f"<p>{html.escape(extra)}</p>")
        out.append(tr("<b>记录</b>"))
        if not findings:
            out.append(tr("<p style='color:#6b6b6b'>当时本地数据中没有该主体的记录</p>"))
        else:
            out.append("<ul>")
            for f in findings:
                label = tr(category_of(f.get("category") or "").label)
                state = tr(REASON_TEXT.get(f.get("reason") or "", f.get("reason") or ""))
                new = f.get("record_id") in new_ids
                style = "background:#fff3cd;" if new else ""
                tag = tr(" <b style='color:#b3261e'>［新增］</b>") if new else ""
                out.append(f"<li style='{style}'>" + tr("{0}：{1}（{2}）").format(
                    html.escape(label), html.escape(f.get("title") or f.get("record_id") or ""), html.escape(state))
                    + f"{tag}</li>")  # fmt: skip
            out.append("</ul>")
        if measures:
            out.append(tr("<b>措施</b><ul>"))
            for m in measures:
                c = m.get("citation") or {}
                out.append(f"<li>{html.escape(m.get('text') or '')}<br><span style='color:#6b6b6b'>"
                           f"{html.escape(c.get('document') or '')} {html.escape(c.get('clause') or '')}</span></li>")  # fmt: skip
            out.append("</ul>")
        return "".join(out)

    # -- acting ----------------------------------------------------------------------------
    def _say(self, text: str, color: str = GREEN) -> None:
        self.message.setText(f"<span style='color:{color}'>{html.escape(text)}</span>")

    def _ask_note(self, row: CommitmentRow, status: str) -> str | None:
        dialog = MarkDialog(row, status, self)
        return dialog.note_text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def mark_selected(self, status: str) -> None:
        row = self.selected_commitment()
        if row is None or not self.fulfil_button.isEnabled():
            return
        note = self.ask_note(row, status)
        if note is None:
            return
        self.mark(row.id, status, note)

    def _ask_item(self, row: CommitmentRow) -> tuple[int, str] | None:
        from PySide6.QtWidgets import QInputDialog

        open_items = [(n, i) for n, i in enumerate(row.items) if i.open]
        labels = [tr("{0}（{1} 前）").format(i.item, i.due.isoformat() if i.due else "—") for _n, i in open_items]
        label, ok = QInputDialog.getItem(self, tr("登记补交"), tr("{0} 申请人已补交：").format(row.number), labels, 0, False)
        if not ok:
            return None
        return open_items[labels.index(label)][0], ""

    def receive_selected(self) -> None:
        row = self.selected_commitment()
        if row is None or not self.receive_button.isEnabled():
            return
        answer = self.ask_item(row)
        if answer is None:
            return
        index, note = answer
        engine, audit, user = self.ctx.engine, self.ctx.audit, self.ctx.user

        def work(task):  # noqa: ANN001, ANN202
            return _followup.FollowUpService(engine, audit).mark_item_fulfilled(row.id, index, note, user)

        def done(result) -> None:  # noqa: ANN001
            self._busy = False
            left = [i.item for i in result.commitment.items if i.open]
            self._say(tr("已登记“{0}”已补交；").format(result.commitment.items[index].item)
                      + (tr("尚待补交：{0}").format(tr("、").join(left)) if left else tr("全部材料已补交，可标记承诺已履约")))  # fmt: skip
            self.marked.emit(result)
            self.refresh()

        self._busy = True
        self._update_buttons()
        self.runner.run(work, on_success=done, on_failure=self._mark_failed)

    def mark(self, number_or_id: str, status: str, note: str | None) -> None:
        """Mark in the background (the service checks the permission and the note again)."""
        engine, audit, user = self.ctx.engine, self.ctx.audit, self.ctx.user

        def work(task):  # noqa: ANN001, ANN202
            return _followup.FollowUpService(engine, audit).mark(number_or_id, status, note, user)

        self._busy = True
        self._update_buttons()
        self._say(tr("正在保存……"), "#1f3a5f")
        self.runner.run(work, on_success=self._marked, on_failure=self._mark_failed)

    def _marked(self, result) -> None:  # noqa: ANN001
        self._busy = False
        c = result.commitment
        self._say(tr("已将承诺 {0} 标记为{1}，已列入待上报，下次同步时报送平台").format(
            c.number, tr(STATUS_LABELS.get(c.status, c.status))),
                  RED if c.status == "breached" else GREEN)  # fmt: skip
        self.marked.emit(result)
        self.refresh()

    def _mark_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._say(tr("未能标记：{0}").format(error_text(exc)), RED)
        self._update_buttons()
        self.marked.emit(exc)

    def acknowledge_alert(self) -> None:
        a = self.selected_alert()
        if a is None or not self.alert_ack_button.isEnabled():
            return
        engine, audit, user = self.ctx.engine, self.ctx.audit, self.ctx.user
        self._acknowledge(lambda task: _followup.FollowUpService(engine, audit).acknowledge_alert(a.id, user),
                          tr("已确认该监管提醒"))  # fmt: skip

    def acknowledge_recheck(self) -> None:
        x = self.selected_recheck()
        if x is None or not self.recheck_ack_button.isEnabled():
            return
        engine, audit, user = self.ctx.engine, self.ctx.audit, self.ctx.user
        self._acknowledge(lambda task: _recheck.RecheckService(engine, audit).acknowledge(x.id, user),
                          tr("已确认阅知该复核结果"))  # fmt: skip

    def _acknowledge(self, work, done_text: str) -> None:  # noqa: ANN001
        self._busy = True
        self._update_buttons()

        def ok(row) -> None:  # noqa: ANN001
            self._busy = False
            self._say(done_text)
            self.acknowledged.emit(row)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._say(tr("未能确认：{0}").format(error_text(exc)), RED)
            self._update_buttons()
            self.acknowledged.emit(exc)

        self.runner.run(work, on_success=ok, on_failure=failed)
