"""异议处理: the objections filed at the counter, their status, and the credit office's answer.

A table of objections (officers: those they filed; supervisors and
administrators: all), newest first, with the status in colour and its note
(the platform's reason for a refusal, how the record changed, the credit
office's answer). Showing the page, or 刷新状态 (F5), first derives each open
objection's status from the outbox and the records
(``ObjectionService.refresh_statuses``). With the ``follow_up`` permission,
登记处理结果 (Ctrl+R, or Enter on a row) records 异议成立 / 异议不成立 with a note
(audited). New objections are filed from the counter (提出异议, Ctrl+E).

Everything runs through the TaskRunner; the service returns frozen dataclasses.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sqlalchemy.exc import OperationalError

from creditdesk.changes import OpChanges
from creditdesk.roles import NotPermitted
from creditdesk.services.objections import ANSWERS, STATUS_LABELS, STATUSES, ObjectionService, SavedObjection
from creditdesk.ui.changes import ChangeAware
from creditdesk.ui.core_text import error_text

RED, GREEN, AMBER, BLUE, GREY = "#b3261e", "#1b6e2a", "#8a5a00", "#1f5fa8", "#6b6b6b"
STATUS_COLOURS = {"queued": GREY, "submitted": BLUE, "rejected": RED, "record_changed": AMBER, "upheld": GREEN,
                  "dismissed": "#5a3d8a"}  # fmt: skip
COLUMNS = (QT_TRANSLATE_NOOP("", "登记时间"), QT_TRANSLATE_NOOP("", "主体"), QT_TRANSLATE_NOOP("", "信用记录"),
           QT_TRANSLATE_NOOP("", "异议理由"), QT_TRANSLATE_NOOP("", "联系人"), QT_TRANSLATE_NOOP("", "经办人"),
           QT_TRANSLATE_NOOP("", "状态"), QT_TRANSLATE_NOOP("", "状态说明"))


def _when(text: str | None) -> str:
    return (text or "")[:16].replace("T", " ")


class AnswerDialog(QDialog):
    """登记处理结果: 异议成立 / 异议不成立 and a note (the answer's reference or gist)."""

    def __init__(self, objection: SavedObjection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记处理结果"))
        self.setMinimumWidth(520)
        about = QLabel("<b>{0}</b><br>{1}<br><span style='color:#555'>{2}</span>".format(
            html.escape(objection.subject_name or objection.subject_id),
            html.escape(objection.record_title or objection.record_id), html.escape(objection.grounds)))  # fmt: skip
        about.setWordWrap(True)
        self.upheld = QRadioButton(self.tr("异议成立(&U)（平台记录已更正或撤销）"))
        self.dismissed = QRadioButton(self.tr("异议不成立(&D)（记录维持）"))
        self.group = QButtonGroup(self)
        self.group.addButton(self.upheld)
        self.group.addButton(self.dismissed)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("answerNote")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("信用办答复的文号或要点，如：榕信异〔2026〕17号，处罚决定有效"))
        self.note_edit.setMaximumHeight(90)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("登记"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.upheld)
        layout.addWidget(self.dismissed)
        layout.addWidget(QLabel(self.tr("说明(&N)")))
        layout.addWidget(self.note_edit)
        layout.addWidget(self.buttons)
        for w in (self.upheld, self.dismissed):
            w.toggled.connect(self._check)
        self.note_edit.textChanged.connect(self._check)
        self._check()
        self.upheld.setFocus()

    def answer(self) -> str | None:
        return "upheld" if self.upheld.isChecked() else "dismissed" if self.dismissed.isChecked() else None

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def _check(self) -> None:
        self.ok_button.setEnabled(self.answer() in ANSWERS and len(self.note()) >= 2)


class ObjectionsPage(QWidget, ChangeAware):
    watches = OpChanges(data=True, objections=True, outbox=True)  # what it shows (ui/changes.py)
    loaded = Signal(int)  # rows shown, for tests

    def __init__(self, ctx, runner, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self._rows: list[SavedObjection] = []

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("全部状态"), None)
        for s in STATUSES:
            self.status_filter.addItem(self.tr(STATUS_LABELS[s]), s)
        filter_label = QLabel(self.tr("状态(&S)"))
        filter_label.setBuddy(self.status_filter)
        self.refresh_button = QPushButton(self.tr("刷新状态"))
        self.refresh_button.setToolTip(self.tr("按上报结果和平台数据更新异议状态（F5）"))
        self.answer_button = QPushButton(self.tr("登记处理结果…"))
        self.answer_button.setObjectName("answerButton")
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("objections")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for i in range(len(COLUMNS)):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for i, width in enumerate((116, 180, 170, 220, 140, 100, 84)):
            self.table.setColumnWidth(i, width)
        self.table.installEventFilter(self)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color:{GREY};font-size:12pt;padding:40px;")
        self.empty.hide()
        self.detail = QLabel()
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("QLabel#detail{background:#f4f6f9;border:1px solid #d5dbe3;padding:8px;}")
        self.detail.hide()

        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.status_filter)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.answer_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>{0}</h2>".format(self.tr("异议处理"))))
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail, 0)
        layout.addWidget(self.empty, 1)

        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.answer_button.clicked.connect(self.answer_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemSelectionChanged.connect(self._show_detail)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh)
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.answer_selected)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------
    def refresh(self) -> None:
        """Called whenever the page is shown or the signed-in account changes (re-reads ctx.user)."""
        engine, audit, user, status = self.ctx.engine, self.ctx.audit, self.ctx.user, self.status_filter.currentData()
        accounts = getattr(self.ctx, "accounts", None)

        def load(task):  # noqa: ANN001, ANN202
            service = ObjectionService(engine, audit)
            try:
                changed = service.refresh_statuses()
            except OperationalError:  # the write lock is held (a bundle import): list them as they stand
                changed = []
            names = {a.name: a.display_name for a in accounts.list()} if accounts is not None else {}
            return service.list(user), changed, status, names

        self.refresh_button.setEnabled(False)
        self.runner.run(load, on_success=self._show, on_failure=self._failed, key="objections-page")

    def _person(self, account: str) -> str:
        """An officer as people know them: the account's display name, else the stored name."""
        return getattr(self, "_names", {}).get(account) or account

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self._say(self.tr("读取异议失败：{0}").format(error_text(exc)), RED)

    def _show(self, data) -> None:  # noqa: ANN001
        everything, changed, status, self._names = data
        self.refresh_button.setEnabled(True)
        user = self.ctx.user
        rows = [o for o in everything if status is None or o.status == status]
        self._rows = rows
        counts = {s: 0 for s in STATUSES}
        for o in everything:
            counts[o.status] = counts.get(o.status, 0) + 1
        scope = self.tr("全部经办人") if user is None or user.can("view_all_reviews") else self.tr("本人登记的")
        parts = [f"{self.tr(STATUS_LABELS[s])} {n}" for s, n in counts.items() if n]
        self.summary.setText(self.tr("{0}异议共 {1} 件{2}").format(
            scope, len(everything), (self.tr("：") + self.tr("，").join(parts)) if parts else ""))  # fmt: skip
        if changed:
            self._say(self.tr("已更新 {0} 件异议的状态").format(len(changed)), BLUE)
        else:
            self._say("", GREY)

        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for i, o in enumerate(rows):
            grounds = o.grounds if len(o.grounds) <= 40 else o.grounds[:40] + "…"
            cells = (
                _when(o.filed_at), o.subject_name or o.subject_id, o.record_title or o.record_id, grounds,
                f"{o.contact_name} {o.contact_phone or ''}".strip(), self._person(o.officer), self.tr(o.status_label),
                o.status_note or "",
            )  # fmt: skip
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 0:
                    item.setData(Qt.ItemDataRole.UserRole, o.id)
                if j == 1:
                    item.setToolTip(o.subject_id)
                if j == 2:
                    item.setToolTip(o.record_id)
                if j == 3:
                    item.setToolTip(o.grounds)
                if j in (6, 7):
                    item.setForeground(QBrush(QColor(STATUS_COLOURS.get(o.status, GREY))))
                    if j == 7:
                        item.setToolTip(o.status_note or "")
                if j == 6:
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                self.table.setItem(i, j, item)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if not rows:
            if everything:
                self.empty.setText(self.tr("没有状态为“{0}”的异议。").format(STATUS_LABELS.get(status, status)))
            else:
                self.empty.setText(self.tr("暂无异议。\n申请人对信用记录有异议时，在核查台查看其信用档案，"
                                           "点击“提出异议…”（Ctrl+E）登记，异议将随同步报送平台。"))  # fmt: skip
        elif self.table.currentRow() < 0:
            self.table.selectRow(0)
        self._update_buttons()
        self._show_detail()
        self.loaded.emit(len(rows))

    def _show_detail(self) -> None:
        """The selected objection in full: grounds, record, contact, and what its status means."""
        o = self.selected()
        self.detail.setVisible(o is not None)
        if o is None:
            return
        colour = STATUS_COLOURS.get(o.status, GREY)
        rows = [
            (self.tr("信用记录"), f"{o.record_title or ''}（{o.record_id}）"),
            (self.tr("异议理由"), o.grounds),
            (self.tr("联系人"), f"{o.contact_name} {o.contact_phone or ''}"),
            (self.tr("登记"), f"{_when(o.filed_at)}　{o.unit}　{self._person(o.officer)}" + (self.tr("　核查记录 {0}").format(o.review_id) if o.review_id else "")),
        ]  # fmt: skip
        status = f"<b style='color:{colour}'>{html.escape(self.tr(o.status_label))}</b>"
        if o.status_note:
            status += "　" + html.escape(o.status_note)
        if o.status_at:
            status += f"<span style='color:{GREY}'>（{html.escape(_when(o.status_at))}）</span>"
        body = "".join(f"<tr><td style='color:#555;padding-right:12px;white-space:nowrap'>{html.escape(k)}</td>"
                       f"<td>{html.escape(v)}</td></tr>" for k, v in rows)  # fmt: skip
        body += f"<tr><td style='color:#555;padding-right:12px'>{html.escape(self.tr('状态'))}</td><td>{status}</td></tr>"
        self.detail.setText(f"<table cellspacing='0' cellpadding='2'>{body}</table>")

    # -- answering -----------------------------------------------------------------
    def _can_answer(self) -> tuple[bool, str]:
        user = self.ctx.user
        if user is not None and not user.can("follow_up"):
            return False, self.tr("登记处理结果需要科室负责人或系统管理员权限")
        return True, ""

    def selected(self) -> SavedObjection | None:
        row = self.table.currentRow()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _update_buttons(self) -> None:
        can, why = self._can_answer()
        self.answer_button.setVisible(can)
        o = self.selected()
        enabled = can and o is not None and not o.final
        self.answer_button.setEnabled(enabled)
        self.answer_button.setToolTip(
            why or (self.tr("该异议已登记处理结果") if o is not None and o.final else self.tr("登记信用办的答复（Ctrl+R）")))

    def answer_selected(self) -> None:
        o = self.selected()
        can, why = self._can_answer()
        if not can:
            self._say(why, AMBER)
            return
        if o is None or o.final:
            return
        dialog = AnswerDialog(o, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.answer_dialog = dialog
        dialog.accepted.connect(lambda: self._record_answer(o.id, dialog.answer(), dialog.note()))
        dialog.open()

    def _record_answer(self, objection_id: str, answer: str | None, note: str) -> None:
        engine, audit, user = self.ctx.engine, self.ctx.audit, self.ctx.user

        def run(task):  # noqa: ANN001, ANN202
            return ObjectionService(engine, audit).set_status(objection_id, answer, note, user)

        def done(saved) -> None:  # noqa: ANN001
            self._say(self.tr("已登记：{0}").format(self.tr(saved.status_label)), GREEN)
            self.refresh()

        def failed(exc: BaseException) -> None:
            prefix = self.tr("无权操作：") if isinstance(exc, NotPermitted) else self.tr("未登记：")
            self._say(prefix + error_text(exc), RED)

        self.runner.run(run, on_success=done, on_failure=failed, key="objection-answer")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.table and event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return, Qt.Key.Key_Enter
        ):  # fmt: skip
            self.answer_selected()
            return True
        return super().eventFilter(watched, event)

    def _say(self, text: str, colour: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color:{colour};")
        self.message.setVisible(bool(text))
