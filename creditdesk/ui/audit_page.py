"""审计日志: who looked up, checked, exported, signed in and changed what — and is the trail intact?

The newest entries (at most ``LIMIT``) matching the filters, read in the
background. Supervisors and administrators see everyone's entries; an officer
only their own. 校验 walks the whole hash chain in the background and says
完整, or names the first broken entry in red. 导出 CSV writes what the filters
select (dates, account, action) and needs the right to export personal data;
without it the button says why it is disabled, and an attempt anyway is
audited as ``denied``.

Looking at the trail is audited too, without flooding it: ``audit_view`` once,
for the first read while the page is on screen per sign-in (per signed-in Actor
object: each sign-in makes a new one) — not for every refresh, filter change or
F5. 校验 and 导出 are audited each time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sqlalchemy.exc import OperationalError

from creditdesk.cancel import Cancelled
from creditdesk.changes import OpChanges
from creditdesk.roles import may
from creditdesk.services.audit import ACTIONS, AuditRecord, AuditVerdict, audit_refusal
from creditdesk.services.audit_text import detail_text  # the same words as `creditdesk audit list`
from creditdesk.ui.changes import ChangeAware
from creditdesk.ui.core_text import error_text
from creditdesk.ui.tasks import LONG, TaskHandle

LIMIT = 500  # newest entries shown; the filters narrow them down
RED, GREEN = "#b3261e", "#1b6e2a"
UNATTRIBUTED = QT_TRANSLATE_NOOP("", "（未署名）")
_NEVER = object()  # no view audited yet

def tr(text: str) -> str:
    """A word of an entry's details (services/audit_text) in the window's language (ui/vocabulary.py)."""
    return QCoreApplication.translate("AuditPage", text)


@dataclass(frozen=True)
class AuditView:
    """What one background read brings back."""

    entries: list[AuditRecord]
    total: int  # entries in the trail
    names: dict[str, str]  # account name -> display name
    accounts_exist: bool
    scoped_to: str | None  # the officer's own name when they may see only their own
    needs_login: bool = False  # accounts exist and nobody is signed in: show nothing


def _filter_json(f: dict) -> dict:
    """The page's filters as the audit entry records them (days as text)."""
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in f.items()}


class AuditPage(QWidget, ChangeAware):
    watches = OpChanges(audit=True, accounts=True)  # what it shows (ui/changes.py)
    loaded = Signal(int)  # rows shown
    verify_finished = Signal(object)  # AuditVerdict, or the exception
    export_finished = Signal(object)  # rows written, or the exception

    def __init__(self, ctx, runner, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self._verifying = False
        self._bad_seq: int | None = None  # the first broken entry found by the last 校验
        self._accounts_exist = True  # until the first read says otherwise
        self._work: TaskHandle | None = None  # the verify or export under way
        self._last_user = None
        self._viewed_by: object = _NEVER  # the signed-in Actor whose view of the page is audited
        self._names: dict[str, str] = {}

        self.summary = QLabel()
        self.summary.setWordWrap(True)

        # filters
        self.use_dates = QCheckBox(self.tr("按日期(&D)"))
        today = QDate.currentDate()
        self.since_edit = QDateEdit(today.addDays(-30))
        self.until_edit = QDateEdit(today)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.account_box = QComboBox()
        self.account_box.setMinimumWidth(160)
        self.account_box.addItem(self.tr("全部账户"), None)
        self.action_box = QComboBox()
        self.action_box.addItem(self.tr("全部操作"), None)
        for code, label in sorted(((c, self.tr(x)) for c, x in ACTIONS.items()), key=lambda kv: kv[1]):
            self.action_box.addItem(label, code)
        self.apply_button = QPushButton(self.tr("查询(&Q)"))
        self.apply_button.setDefault(True)

        filters = QHBoxLayout()
        filters.addWidget(self.use_dates)
        filters.addWidget(self.since_edit)
        filters.addWidget(QLabel(self.tr("至")))
        filters.addWidget(self.until_edit)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("账户")))
        filters.addWidget(self.account_box)
        filters.addWidget(QLabel(self.tr("操作")))
        filters.addWidget(self.action_box)
        filters.addWidget(self.apply_button)
        filters.addStretch(1)

        # table
        headers = [self.tr("序号"), self.tr("时间"), self.tr("账户"), self.tr("操作"), self.tr("对象"), self.tr("详情")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in range(len(headers) - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((70, 150, 150, 110, 220)):
            self.table.setColumnWidth(col, width)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color:#666;font-size:12pt;padding:24px;")
        self.empty.hide()

        # verify and export
        self.verify_button = QPushButton(self.tr("校验完整性(&V)"))
        self.verify_button.setToolTip(self.tr("逐条核对哈希链，发现被修改、删除或插入的记录"))
        self.export_button = QPushButton(self.tr("导出 CSV(&E)…"))
        self.refresh_button = QPushButton(self.tr("刷新(&R)"))
        self.refresh_button.setToolTip("F5")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.setFormat("%v / %m")
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setToolTip(self.tr("停止正在进行的校验或导出"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_work)
        self.verdict = QLabel()
        self.verdict.setObjectName("auditVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        for w in (self.verify_button, self.export_button, self.refresh_button, self.progress, self.cancel_button):
            actions.addWidget(w)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>{0}</h2>".format(self.tr("审计日志"))))
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.verdict)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)

        self.use_dates.toggled.connect(self.since_edit.setEnabled)
        self.use_dates.toggled.connect(self.until_edit.setEnabled)
        self.apply_button.clicked.connect(self.reload)
        self.account_box.activated.connect(lambda _i: self.reload())
        self.action_box.activated.connect(lambda _i: self.reload())
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.choose_export)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        for edit in (self.since_edit, self.until_edit):
            edit.editingFinished.connect(self.reload)
        self.setTabOrder(self.use_dates, self.since_edit)
        self.setTabOrder(self.since_edit, self.until_edit)
        self.setTabOrder(self.until_edit, self.account_box)
        self.setTabOrder(self.account_box, self.action_box)
        self.setTabOrder(self.action_box, self.apply_button)
        self.setTabOrder(self.apply_button, self.verify_button)
        self.setTabOrder(self.verify_button, self.export_button)
        self.setTabOrder(self.export_button, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.table)

    # -- scope and filters ---------------------------------------------------------

    def _scope(self) -> str | None:
        """The account whose entries alone may be shown, or None for all."""
        user = self.ctx.user
        if user is not None and not user.can("view_all_reviews"):
            return user.name
        return None

    def filters(self) -> dict:
        since = until = None
        if self.use_dates.isChecked():
            since = self.since_edit.date().toPython()
            until = self.until_edit.date().toPython()
            if since > until:
                since, until = until, since
        actor = self._scope() or self.account_box.currentData()
        return {"since": since, "until": until, "actor": actor, "action": self.action_box.currentData()}

    def refresh(self) -> None:
        """Called whenever the page is shown or the signed-in account changes."""
        user = self.ctx.user
        if user != self._last_user:  # another account: the last verdict was theirs
            self._last_user = user
            self._bad_seq = None
            self.verdict.clear()
            self.message.clear()
        self._set_export(user, accounts_exist=self._accounts_exist)
        scoped = self._scope() is not None
        self.account_box.setEnabled(not scoped)
        self.reload()

    def _may_export(self, user, accounts_exist: bool) -> bool:  # noqa: ANN001
        return may(user, "export_personal_data", accounts_exist=accounts_exist)

    def _set_export(self, user, *, accounts_exist: bool) -> None:  # noqa: ANN001
        can_export = self._may_export(user, accounts_exist)
        self.export_button.setEnabled(can_export)
        if can_export:
            self.export_button.setToolTip(self.tr("把符合所选日期、账户和操作条件的审计日志（含哈希）导出为 CSV；导出本身也记入审计日志"))
        elif user is None:
            self.export_button.setToolTip(self.tr("导出审计日志需要以科室负责人或系统管理员账户登录"))
        else:
            self.export_button.setToolTip(self.tr("{0}无权导出审计日志：需要科室负责人或系统管理员").format(user.label))

    def reload(self) -> None:
        audit, accounts, f, scoped_to = self.ctx.audit, self.ctx.accounts, self.filters(), self._scope()
        user = self.ctx.user
        signed_in = user is not None
        # the first read on screen per sign-in is audited (after reading: it does not show itself)
        log_view = self.isVisible() and self._viewed_by is not user
        if log_view:
            self._viewed_by = user

        queue = self.ctx.audit_queue

        def read(task: TaskHandle) -> AuditView:
            infos = accounts.list()
            names = {a.name: a.display_name for a in infos}
            if infos and not signed_in:
                return AuditView([], audit.count(), names, True, None, needs_login=True)
            entries = audit.entries(limit=LIMIT, newest_first=True, **f)
            view = AuditView(entries, audit.count(), names, bool(infos), scoped_to)
            if log_view:
                detail = {"via": "page", **_filter_json(f), "rows": len(entries)}
                try:
                    audit.append("audit_view", actor=user, target="page", detail=detail)
                except OperationalError:  # the write lock is held (a bundle import): written when it is free
                    queue.put("audit_view", actor=user, target="page", detail=detail)
            return view

        self.runner.run(read, on_success=self._show, on_failure=self._failed, key="audit-page")

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(f"<span style='color:{RED}'>" + self.tr("读取审计日志失败：{0}").format(error_text(exc)) + "</span>")

    def _show(self, view: AuditView) -> None:
        self._names = view.names
        self._accounts_exist = view.accounts_exist
        self._set_export(self.ctx.user, accounts_exist=view.accounts_exist)
        self._fill_accounts(view)
        rows = view.entries
        self.table.setUpdatesEnabled(False)
        self.table.setRowCount(len(rows))
        for r, e in enumerate(rows):
            who = self.tr(UNATTRIBUTED) if e.actor is None else (
                tr("{0}（{1}）").format(view.names[e.actor], e.actor) if view.names.get(e.actor, e.actor) != e.actor
                else e.actor)
            values = (str(e.seq), e.at[:19].replace("T", " "), who, self.tr(e.action_label), e.target or "",
                      detail_text(e.detail, tr))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 5 and value:
                    item.setToolTip(value)
                if c == 2 and e.actor is None:
                    item.setForeground(QColor("#777"))
                if e.action in ("login_failed", "denied") and c == 3:
                    item.setForeground(QColor(RED))
                self.table.setItem(r, c, item)
        self.table.setUpdatesEnabled(True)
        if self._bad_seq is not None:
            self._highlight(self._bad_seq)

        if rows:
            self.empty.hide()
            self.table.show()
        else:
            self.table.hide()
            if view.needs_login:
                self.empty.setText(self.tr("请先登录：审计日志只向登录的账户显示"))
            elif view.total:
                self.empty.setText(self.tr("没有符合条件的审计记录"))
            else:
                self.empty.setText(self.tr("尚无审计记录：查询、核查、导出、登录和设置修改都会记在这里"))
            self.empty.show()
        parts = [self.tr("审计日志共 {0:,} 条").format(view.total)]
        if len(rows) == LIMIT:
            parts.append(self.tr("显示符合条件的最近 {0} 条（用日期、账户或操作缩小范围）").format(LIMIT))
        else:
            parts.append(self.tr("显示 {0} 条").format(len(rows)))
        if view.scoped_to:
            parts.append(self.tr("经办人只能查看本人的记录"))
        elif not view.accounts_exist:
            parts.append(self.tr("本机尚未建立账户，记录均未署名"))
        self.summary.setText(self.tr("；").join(parts))
        self.loaded.emit(len(rows))

    def _fill_accounts(self, view: AuditView) -> None:
        current = self.account_box.currentData()
        names = sorted(view.names)
        existing = [self.account_box.itemData(i) for i in range(1, self.account_box.count())]
        if existing == names:
            return
        self.account_box.blockSignals(True)
        self.account_box.clear()
        self.account_box.addItem(self.tr("全部账户"), None)
        for name in names:
            self.account_box.addItem(tr("{0}（{1}）").format(view.names[name], name), name)
        index = self.account_box.findData(current)
        self.account_box.setCurrentIndex(max(index, 0))
        self.account_box.blockSignals(False)

    # -- verify ---------------------------------------------------------------------

    def verify(self) -> None:
        if self._verifying:
            return
        audit, user = self.ctx.audit, self.ctx.user
        self._verifying = True
        self.verify_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.verdict.setText(self.tr("正在校验……"))
        self.verdict.setStyleSheet("")

        def work(task: TaskHandle) -> AuditVerdict:
            verdict = audit.verify(progress=task.progress, cancel=task)
            audit.append("audit_verify", actor=user, detail=verdict.to_json())
            return verdict

        self._work = self.runner.run(work, on_success=self._verified, on_failure=self._verify_failed,
                                     on_progress=self._progress, lane=LONG)  # fmt: skip
        self.cancel_button.show()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def cancel_work(self) -> None:
        """Stop the verify or export under way (at its next 1,000 entries)."""
        if self._work is not None:
            self._work.cancel()
            self.message.setText(self.tr("正在取消……"))

    def _work_over(self) -> None:
        self._work = None
        self.cancel_button.hide()

    def _verify_over(self) -> None:
        self._verifying = False
        self._work_over()
        self.verify_button.setEnabled(True)
        self.progress.hide()

    def _verified(self, verdict: AuditVerdict) -> None:
        self._verify_over()
        self._bad_seq = None if verdict.intact else verdict.first_bad_seq
        if verdict.intact:
            self.verdict.setStyleSheet(f"color:{GREEN};font-weight:bold;")
            self.verdict.setText(self.tr("完整：{0:,} 条记录的哈希链全部相符").format(verdict.entries))
        else:
            self.verdict.setStyleSheet(f"color:{RED};font-weight:bold;")
            self.verdict.setText(self.tr("审计日志被篡改：{0}（首个异常：第 {1} 条）").format(
                verdict.reason, verdict.first_bad_seq))  # fmt: skip
        self.verify_finished.emit(verdict)
        self.reload()

    def _highlight(self, seq: int | None) -> None:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.text() == str(seq):
                for c in range(self.table.columnCount()):
                    cell = self.table.item(r, c)
                    if cell is not None:
                        cell.setBackground(QColor("#fde7e9"))
                self.table.scrollToItem(item)
                return

    def _verify_failed(self, exc: BaseException) -> None:
        self._verify_over()
        self.verdict.setStyleSheet(f"color:{RED};")
        self.verdict.setText(self.tr("校验未完成：{0}").format(error_text(exc)))
        self.verify_finished.emit(exc)

    # -- export ---------------------------------------------------------------------

    def choose_export(self) -> None:
        default = self.tr("审计日志-{0}.csv").format(f"{dt.date.today():%Y%m%d}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出审计日志"), default, self.tr("CSV 文件 (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Export what the filters select (dates, account, action; an officer's own entries only)."""
        user = self.ctx.user
        audit, f = self.ctx.audit, self.filters()
        if not self._may_export(user, self._accounts_exist):
            self.message.setText(f"<span style='color:{RED}'>" + self.export_button.toolTip() + "</span>")
            self.runner.run(lambda task: audit_refusal(audit, user, "export_personal_data", "export audit"),
                            key=None)  # fmt: skip
            return
        name = path.replace("\\", "/").rsplit("/", 1)[-1]

        def work(task: TaskHandle) -> int:
            rows = audit.export(path, **f, cancel=task)
            audit.append("audit_export", actor=user, target=name, detail={"rows": rows, **_filter_json(f)})
            return rows

        self.export_button.setEnabled(False)
        self.message.setText(self.tr("正在导出……"))
        self._work = self.runner.run(work, on_success=lambda n: self._exported(n, path), on_failure=self._export_failed,
                                     lane=LONG)  # fmt: skip
        self.cancel_button.show()

    def _exported(self, rows: int, path: str) -> None:
        self._work_over()
        self.export_button.setEnabled(True)
        self.message.setText(self.tr("已导出 {0:,} 条到 {1}").format(rows, path))
        self.export_finished.emit(rows)
        self.reload()

    def _export_failed(self, exc: BaseException) -> None:
        self._work_over()
        self.export_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.message.setText(self.tr("审计导出已取消，未写入文件"))
            return
        self.message.setText(f"<span style='color:{RED}'>" + self.tr("导出失败：{0}").format(error_text(exc)) + "</span>")
        self.export_finished.emit(exc)

