"""提出异议: the applicant objects to one of their credit records; the officer files it here.

The record is shown read-only (title, category, document number, authority,
dates, status); when the counter passes all of the subject's records, a list
above chooses which one (adverse records in force first). Grounds, contact
name and phone are checked as they are typed (the same checks as the service,
creditdesk.services.objections.validate_draft): 登记异议 stays disabled and the
problems are listed until the objection can be filed. Filing runs in the
TaskRunner; a refusal from the service is shown in the dialog.

Keyboard: Tab moves through the fields (also out of the grounds box),
Ctrl+Enter files, Esc cancels.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from creditdesk.credit import Nature, RecordInfo, category_of
from creditdesk.services.objections import MIN_GROUNDS, ObjectionDraft, ObjectionService, validate_draft
from creditdesk.ui.core_text import error_text
from creditdesk.ui.tasks import TaskRunner

RED = "#b3261e"
_STATUS = {"active": QT_TRANSLATE_NOOP("", "有效"), "repaired": QT_TRANSLATE_NOOP("", "已信用修复"),
           "revoked": QT_TRANSLATE_NOOP("", "已撤销")}


def _order(records: list[RecordInfo], day: dt.date) -> list[RecordInfo]:
    """Adverse records in force first (what applicants object to), black lists before them; then the rest;
    newest first within each."""
    return sorted(records, key=lambda r: (not (r.nature is Nature.ADVERSE and r.in_force(day)),
                                          not category_of(r.category).severe, r.nature is not Nature.ADVERSE,
                                          -r.decided_on.toordinal(), r.id))  # fmt: skip


class ObjectionDialog(QDialog):
    filed = Signal(object)  # SavedObjection

    def __init__(
        self,
        runner: TaskRunner,
        engine,  # noqa: ANN001
        records: list[RecordInfo],
        *,
        subject_name: str,
        subject_code: str,
        unit: str,
        current_user: Callable[[], object] | None = None,
        audit=None,  # noqa: ANN001 - an AuditTrail; default: one on the engine
        review_id: str | None = None,
        record_id: str | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("提出异议 — {0}").format(subject_name))
        self.setMinimumWidth(620)
        self._runner, self._engine, self._audit = runner, engine, audit
        self._unit, self._user = unit, current_user or (lambda: None)
        self._review_id = review_id
        self._day = today or dt.date.today()
        self._records = _order(list(records), self._day)
        self._saving = False

        heading = QLabel("<b>{0}</b>　{1}".format(html.escape(subject_name), html.escape(subject_code or "")))
        heading.setTextFormat(Qt.TextFormat.RichText)

        self.record_combo = QComboBox()
        self.record_combo.setObjectName("recordCombo")
        for r in self._records:
            mark = "⚠ " if r.nature is Nature.ADVERSE and r.in_force(self._day) else ""
            self.record_combo.addItem(f"{mark}{category_of(r.category).label} · {r.title}" + (f"（{r.doc_no}）" if r.doc_no else ""),
                                      r.id)  # fmt: skip
        self.record_view = QLabel()
        self.record_view.setObjectName("recordView")
        self.record_view.setTextFormat(Qt.TextFormat.RichText)
        self.record_view.setWordWrap(True)
        self.record_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.record_view.setStyleSheet("QLabel#recordView{background:#f4f6f9;border:1px solid #d5dbe3;padding:8px;}")

        self.grounds_edit = QPlainTextEdit()
        self.grounds_edit.setObjectName("groundsEdit")
        self.grounds_edit.setTabChangesFocus(True)
        self.grounds_edit.setPlaceholderText(self.tr("写明记录哪一点有误、依据是什么（如：处罚已履行完毕并经复议撤销，附复议决定书）"))
        self.grounds_edit.setMinimumHeight(110)
        self.grounds_count = QLabel()
        self.grounds_count.setStyleSheet("color:#6b6b6b;")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("contactName")
        self.name_edit.setPlaceholderText(self.tr("申请人或其代理人"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("contactPhone")
        self.phone_edit.setPlaceholderText(self.tr("手机号，或带区号的固定电话，如 0591-87654321"))

        form = QFormLayout()
        form.addRow(self.tr("信用记录(&R)"), self.record_combo)
        form.addRow("", self.record_view)
        form.addRow(self.tr("异议理由(&G)"), self.grounds_edit)
        form.addRow("", self.grounds_count)
        form.addRow(self.tr("联系人(&N)"), self.name_edit)
        form.addRow(self.tr("联系电话(&P)"), self.phone_edit)

        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("登记异议"))
        self.ok_button.setToolTip(self.tr("登记并排队上报平台（Ctrl+Enter）"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        note = QLabel(self.tr("异议登记后随下次同步报送市公共信用信息平台，处理结果在“异议”页跟踪。请勿在理由中填写完整身份证号。"))
        note.setWordWrap(True)
        note.setStyleSheet("color:#6b6b6b;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        self.setTabOrder(self.record_combo, self.grounds_edit)
        self.setTabOrder(self.grounds_edit, self.name_edit)
        self.setTabOrder(self.name_edit, self.phone_edit)
        self.setTabOrder(self.phone_edit, self.ok_button)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.submit)
        self.grounds_edit.installEventFilter(self)  # the text box would take Ctrl+Enter as a line break

        self.record_combo.currentIndexChanged.connect(self._show_record)
        self.grounds_edit.textChanged.connect(self._validate)
        self.name_edit.textChanged.connect(self._validate)
        self.phone_edit.textChanged.connect(self._validate)
        if record_id is not None:
            index = self.record_combo.findData(record_id)
            if index >= 0:
                self.record_combo.setCurrentIndex(index)
        self._show_record()
        self._validate()
        (self.grounds_edit if self._records else self.record_combo).setFocus()

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802 - Qt API
        if (watched is self.grounds_edit and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):  # fmt: skip
            self.submit()
            return True
        return super().eventFilter(watched, event)

    # -- the record -----------------------------------------------------------------
    def record(self) -> RecordInfo | None:
        i = self.record_combo.currentIndex()
        return self._records[i] if 0 <= i < len(self._records) else None

    def _show_record(self) -> None:
        r = self.record()
        if r is None:
            self.record_view.setText(self.tr("该主体在本地数据中没有信用记录，无法提出异议。"))
            self._validate()
            return
        in_force = r.in_force(self._day)
        status = self.tr(_STATUS.get(r.status, r.status)) + (
            "" if r.status != "active" else (self.tr("（公示中）") if in_force else self.tr("（不在公示期内）")))
        period = self.tr("{0} 至 {1}").format(r.publish_from, r.publish_until or self.tr("长期"))
        rows = [
            (self.tr("记录"), r.title), (self.tr("类别"), self.tr(category_of(r.category).label)),
            (self.tr("文号"), r.doc_no or "—"), (self.tr("认定机关"), r.authority),
            (self.tr("决定日期"), str(r.decided_on)), (self.tr("公示期"), period), (self.tr("状态"), status),
            (self.tr("记录编号"), r.id),
        ]  # fmt: skip
        self.record_view.setText("<table cellspacing='0' cellpadding='2'>" + "".join(
            f"<tr><td style='color:#555;padding-right:10px'>{html.escape(k)}</td><td>{html.escape(str(v))}</td></tr>"
            for k, v in rows) + "</table>")  # fmt: skip
        self._validate()

    # -- checking and filing ----------------------------------------------------------
    def draft(self) -> ObjectionDraft:
        r = self.record()
        return ObjectionDraft(
            record_id=r.id if r else "", subject_id=r.subject_id if r else "",
            grounds=self.grounds_edit.toPlainText(), contact_name=self.name_edit.text(),
            contact_phone=self.phone_edit.text(), review_id=self._review_id,
        )  # fmt: skip

    def _validate(self) -> list[str]:
        n = len(self.grounds_edit.toPlainText().strip())
        self.grounds_count.setText(self.tr("已输入 {0} 字（至少 {1} 字）").format(n, MIN_GROUNDS))
        problems = validate_draft(self.draft())
        self.ok_button.setEnabled(not problems and not self._saving)
        if problems:
            self.problems.setText("<span style='color:#8a5a00'>" + "<br>".join(
                "· " + html.escape(p) for p in problems) + "</span>")  # fmt: skip
        else:
            self.problems.setText("<span style='color:#1e7b34'>✔ {0}</span>".format(self.tr("可以登记")))
        return problems

    def submit(self) -> None:
        if self._saving or self._validate():
            return
        draft, engine, audit, unit, user = self.draft(), self._engine, self._audit, self._unit, self._user()
        self._saving = True
        self.ok_button.setEnabled(False)
        self.problems.setText("<span style='color:#1f3a5f'>{0}</span>".format(self.tr("正在登记……")))

        def run(task):  # noqa: ANN001, ANN202
            return ObjectionService(engine, audit).file(draft, user, unit)

        self._runner.run(run, on_success=self._filed, on_failure=self._refused, key="objection-file")

    def _filed(self, saved) -> None:  # noqa: ANN001
        self._saving = False
        self.saved = saved
        self.filed.emit(saved)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._saving = False
        self._validate()
        self.problems.setText("<span style='color:{0}'><b>{1}</b>{2}</span>".format(
            RED, html.escape(self.tr("未登记：")), html.escape(error_text(exc))))  # fmt: skip
