"""每日核查台账: every finalised review of a day (or days), filtered, with totals and exports.

Filter bar (从 / 到, 经办人, 事项, 结论, 离线), a table of the reviews (a Qt model
over frozen LedgerRows, not thousands of items), the totals under it, and
导出 CSV / Excel / PDF. Officers see only their own reviews and cannot export
(the buttons say why); supervisors see their unit. Loading and exporting run
in the TaskRunner (key "ledger"), exports with progress and 取消.

Keyboard: Ctrl+F the filter, F5 reload, Ctrl+E export (Excel), Enter or a
double-click on a row shows the review.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from creditdesk.changes import OpChanges
from creditdesk.outcomes import SCREEN_BG, SCREEN_FG
from creditdesk.roles import ROLE_LABELS, Actor, may
from creditdesk.services import ledger as _ledger  # imported with the window, not in a worker
from creditdesk.services.accounts import accounts_exist
from creditdesk.services.ledger import (
    COLUMNS,
    FORMAT_LABELS,
    OUTCOME_LABELS,
    OUTCOMES,
    Choice,
    ExportCancelled,
    ExportResult,
    LedgerFilter,
    LedgerRow,
    LedgerTotals,
)
from creditdesk.ui.changes import ChangeAware
from creditdesk.ui.core_text import core_message, error_text
from creditdesk.ui.tasks import LONG, TaskHandle, TaskRunner
from creditdesk.ui.vocabulary import weekday

RED, GREY = "#b3261e", "#6b6b6b"
OUTCOME_COLOURS = {o: (SCREEN_FG[o], SCREEN_BG[o]) for o in OUTCOMES}  # text, background: as in the review panel
# columns whose values are words of the core (outcomes, matters, approval, version), shown translated
WORDS = {"matter_name", "computed_label", "outcome_label", "approval", "offline", "version"}
# login name and matter code: in the files, not on screen; the acknowledgement of unruled records and the
# 信用审查 link (long sentences the core writes): in the files and in the row detail
HIDDEN_COLUMNS = {"officer", "matter", "acknowledgement", "credit_review"}
EMPTY_TEXT = QT_TRANSLATE_NOOP("", "该日期没有核查记录")


@dataclass(frozen=True)
class LedgerSnapshot:
    flt: LedgerFilter
    rows: tuple[LedgerRow, ...]
    totals: LedgerTotals
    officers: tuple[Choice, ...]
    matters: tuple[Choice, ...]
    can_export: bool
    viewer: Actor | None = None  # whom the rows were read for
    previous_day: dt.date | None = None  # an empty day: the last earlier day with reviews


class LedgerModel(QAbstractTableModel):
    """The ledger rows for a QTableView; display texts computed once per load."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[LedgerRow, ...] = ()
        self._texts: list[list[str]] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._brushes = {o: (QBrush(QColor(fg)), QBrush(QColor(bg))) for o, (fg, bg) in OUTCOME_COLOURS.items()}
        self._outcome_col = next(j for j, c in enumerate(COLUMNS) if c.key == "outcome_label")

    def set_rows(self, rows: tuple[LedgerRow, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._texts = [["" if (v := c.value(r)) is None else core_message(str(v)) if c.key in WORDS else str(v)
                        for c in COLUMNS] for r in rows]  # fmt: skip
        self.endResetModel()

    def row_at(self, i: int) -> LedgerRow:
        return self._rows[i]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section].header)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[r][c]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._texts[r][c]
            return text if len(text) > 12 else None
        row = self._rows[r]
        if c == self._outcome_col and row.outcome in self._brushes:
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._brushes[row.outcome][0]
            if role == Qt.ItemDataRole.BackgroundRole:
                return self._brushes[row.outcome][1]
            if role == Qt.ItemDataRole.FontRole and row.outcome == "prohibit":
                return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and (row.superseded or COLUMNS[c].key == "departure_reason"):
            return QBrush(QColor(GREY if row.superseded else RED))
        return None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class LedgerPage(QWidget, ChangeAware):
    watches = OpChanges(reviews=True, accounts=True, settings=True)  # what it shows (ui/changes.py)
    loaded = Signal(object)  # LedgerSnapshot, or the exception
    exported = Signal(object)  # ExportResult, or the exception (ExportCancelled when cancelled)

    def __init__(self, ctx, runner: TaskRunner, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self._snapshot: LedgerSnapshot | None = None
        self._export_task: TaskHandle | None = None
        self._last_dir: str | None = None
        self._last_export: Path | None = None
        self._filling = False
        self._locked_to_self = False
        today = dt.date.today()

        # -- filter bar
        self.from_edit = QDateEdit(_qdate(today))
        self.to_edit = QDateEdit(_qdate(today))
        for e in (self.from_edit, self.to_edit):
            e.setCalendarPopup(True)
            e.setDisplayFormat("yyyy-MM-dd")
        self.officer_combo = QComboBox()
        self.officer_combo.setMinimumContentsLength(8)
        self.matter_combo = QComboBox()
        self.matter_combo.setMinimumContentsLength(10)
        self.outcome_combo = QComboBox()
        self.outcome_combo.setMinimumContentsLength(12)
        # A long outcome name (in English: "Restricted (not handled)") is elided in the box rather than the filter
        # row widened past a 1366-pixel screen; the open list shows it whole.
        self.outcome_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.outcome_combo.view().setMinimumWidth(240)
        self.outcome_combo.addItem(self.tr("全部结论"), None)
        for o in OUTCOMES:
            self.outcome_combo.addItem(self.tr(OUTCOME_LABELS[o]), o)
        self.offline_combo = QComboBox()
        for label, value in ((self.tr("全部"), None), (self.tr("仅离线"), True), (self.tr("仅在线"), False)):
            self.offline_combo.addItem(label, value)
        self.today_button = QPushButton(self.tr("今天(&T)"))
        self.reload_button = QPushButton(self.tr("刷新 F5"))

        bar = QHBoxLayout()
        self.from_label = QLabel(self.tr("从(&F)"))
        self.from_label.setBuddy(self.from_edit)
        to_label = QLabel(self.tr("到"))
        to_label.setBuddy(self.to_edit)
        self.officer_label = QLabel(self.tr("经办人(&O)"))
        self.officer_label.setBuddy(self.officer_combo)
        matter_label = QLabel(self.tr("事项(&M)"))
        matter_label.setBuddy(self.matter_combo)
        outcome_label = QLabel(self.tr("结论(&R)"))
        outcome_label.setBuddy(self.outcome_combo)
        offline_label = QLabel(self.tr("离线(&N)"))
        offline_label.setBuddy(self.offline_combo)
        for w in (self.from_label, self.from_edit, to_label, self.to_edit, self.today_button, self.officer_label,
                  self.officer_combo, matter_label, self.matter_combo, outcome_label, self.outcome_combo,
                  offline_label, self.offline_combo, self.reload_button):  # fmt: skip
            bar.addWidget(w)
        bar.addStretch(1)

        self.scope_label = QLabel()
        self.scope_label.setStyleSheet(f"color:{GREY}")

        # -- the table, or the empty state
        self.model = LedgerModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._initial_widths()
        for j, c in enumerate(COLUMNS):
            self.table.setColumnHidden(j, c.key in HIDDEN_COLUMNS)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(f"color:{GREY};font-size:14pt")
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.linkActivated.connect(lambda day: self.go_to_day(dt.date.fromisoformat(day)))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        self.totals_label = QLabel()
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.totals_label.setWordWrap(True)

        # -- exports
        self.export_buttons = {
            "csv": QPushButton(self.tr("导出 CSV")),
            "xlsx": QPushButton(self.tr("导出 Excel（Ctrl+E）")),
            "pdf": QPushButton(self.tr("导出 PDF")),
        }
        self.cancel_button = QPushButton(self.tr("取消导出"))
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.open_folder_button = QPushButton(self.tr("打开所在文件夹"))
        self.open_folder_button.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        actions = QHBoxLayout()
        for b in self.export_buttons.values():
            actions.addWidget(b)
        actions.addWidget(self.progress)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.message, 1)
        actions.addWidget(self.open_folder_button)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>{0}</h2>".format(self.tr("每日核查台账"))))
        layout.addLayout(bar)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.totals_label)
        layout.addLayout(actions)

        # -- wiring
        for e in (self.from_edit, self.to_edit):
            e.dateChanged.connect(self._date_changed)
        for combo in (self.officer_combo, self.matter_combo, self.outcome_combo, self.offline_combo):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.today_button.clicked.connect(self.go_today)
        self.reload_button.clicked.connect(self.reload)
        for fmt, b in self.export_buttons.items():
            b.clicked.connect(lambda _=False, f=fmt: self.export(f))
        self.cancel_button.clicked.connect(self.cancel_export)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.table.doubleClicked.connect(lambda idx: self.show_details(idx.row()))
        self.table.activated.connect(lambda idx: self.show_details(idx.row()))
        ctx_scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_filter, context=ctx_scope)
        QShortcut(QKeySequence("F5"), self, activated=self.reload, context=ctx_scope)
        QShortcut(QKeySequence("Ctrl+E"), self, activated=lambda: self.export("xlsx"), context=ctx_scope)

        self.setTabOrder(self.from_edit, self.to_edit)
        self.setTabOrder(self.to_edit, self.officer_combo)
        self.setTabOrder(self.officer_combo, self.matter_combo)
        self.setTabOrder(self.matter_combo, self.outcome_combo)
        self.setTabOrder(self.outcome_combo, self.offline_combo)
        self.setTabOrder(self.offline_combo, self.table)
        self._apply_role(None, can_export=True)

    def _initial_widths(self) -> None:
        widths = {"time": 146, "officer_name": 112, "window": 64, "matter_name": 120, "subject_name": 220,
                  "subject_code": 170, "outcome_label": 130, "measures": 300, "departure_reason": 120,
                  "commitment_number": 140, "verification_code": 110, "offline": 50, "data_as_of": 130,
                  "version": 90}  # fmt: skip
        header = self.table.horizontalHeader()
        for j, c in enumerate(COLUMNS):  # never narrower than its header (English headers are longer)
            need = header.fontMetrics().horizontalAdvance(self.model.headerData(j, Qt.Orientation.Horizontal)) + 16
            self.table.setColumnWidth(j, max(widths.get(c.key, self.table.columnWidth(j)), need))

    # -- the filter ----------------------------------------------------------------------

    def current_filter(self) -> LedgerFilter:
        start, end = _pydate(self.from_edit.date()), _pydate(self.to_edit.date())
        if end < start:
            end = start
        user = self.ctx.user
        officer = self.officer_combo.currentData()
        if user is not None and not user.can("view_all_reviews"):
            officer = user.name
        return LedgerFilter(start, end, officer=officer, matter=self.matter_combo.currentData(),
                            outcome=self.outcome_combo.currentData(), offline=self.offline_combo.currentData())  # fmt: skip

    def set_filter(self, *, outcome: str | None = None, offline: bool | None = None, matter: str | None = None,
                   officer: str | None = None, day: dt.date | None = None) -> None:  # fmt: skip
        """Set the filter as a person would (for the tour and tests); reloads once."""
        self._filling = True
        try:
            if day is not None:
                self.from_edit.setDate(_qdate(day))
                self.to_edit.setDate(_qdate(day))
            for combo, value in ((self.outcome_combo, outcome), (self.offline_combo, offline),
                                 (self.matter_combo, matter), (self.officer_combo, officer)):  # fmt: skip
                i = combo.findData(value)
                if i >= 0:
                    combo.setCurrentIndex(i)
        finally:
            self._filling = False
        self.reload()

    def _date_changed(self, _date: QDate) -> None:
        if self.sender() is self.from_edit and self.to_edit.date() < self.from_edit.date():
            self.to_edit.setDate(self.from_edit.date())
            return  # the to-edit's own change reloads
        if self.sender() is self.to_edit and self.to_edit.date() < self.from_edit.date():
            self.from_edit.setDate(self.to_edit.date())
            return
        self._filter_changed()

    def _filter_changed(self, *_args) -> None:  # noqa: ANN002
        if not self._filling:
            self.reload()

    def go_to_day(self, day: dt.date) -> None:
        """Show one day's ledger (the empty-day hint links here)."""
        self.set_filter(day=day)

    def go_today(self) -> None:
        self.set_filter(day=dt.date.today())

    def focus_filter(self) -> None:
        self.from_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.from_edit.selectAll()

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Called whenever the page is shown or the signed-in account changes (re-reads ctx.user)."""
        user = self.ctx.user
        if (user is None or user.can("view_all_reviews")) and self._locked_to_self:
            # Was an officer's view (the combo held only that officer): back to everyone's.
            self._filling = True
            self.officer_combo.clear()
            self.officer_combo.addItem(self.tr("全部经办人"), None)
            self._filling = False
            self._locked_to_self = False
        self.reload()

    def reload(self) -> None:
        engine, user, profile_id = self.ctx.engine, self.ctx.user, self.ctx.settings.profile_id
        flt = self.current_filter()

        def load(task: TaskHandle) -> LedgerSnapshot:
            service = _ledger.LedgerService(engine)
            rows = tuple(service.rows(flt, user))
            can = may(user, "export_personal_data", accounts_exist=user is not None or accounts_exist(engine))
            previous = None if rows else service.latest_day_before(flt.date_from, user)
            return LedgerSnapshot(flt, rows, _ledger.totals(rows), tuple(service.officers(user)),
                                  tuple(service.matters(user, profile_id)), can, user, previous)  # fmt: skip

        self.scope_label.setText(self.tr("正在读取……"))
        self.runner.run(load, on_success=self._show, on_failure=self._load_failed, key="ledger")

    def _load_failed(self, exc: BaseException) -> None:
        self.scope_label.setText(f"<span style='color:{RED}'>" + self.tr("读取台账失败：{0}").format(html.escape(error_text(exc))) + "</span>")
        self.loaded.emit(exc)

    def _show(self, snap: LedgerSnapshot) -> None:
        self._snapshot = snap
        self._fill_choices(snap)
        self._apply_role(self.ctx.user, snap.can_export)
        self.model.set_rows(snap.rows)
        if snap.rows:
            self.stack.setCurrentWidget(self.table)
        else:
            user = self.ctx.user
            narrowed = any(v is not None for v in (snap.flt.matter, snap.flt.outcome, snap.flt.offline)) or (
                snap.flt.officer is not None and (user is None or user.can("view_all_reviews")))
            if not narrowed:
                text = self.tr(EMPTY_TEXT) if snap.flt.date_from == snap.flt.date_to else self.tr("这段日期没有核查记录")
                if snap.previous_day is not None:
                    day = snap.previous_day
                    text += "<br><br>" + self.tr("最近一次核查在 {0}（{1}）：<a href='{2}'>查看当天台账</a>").format(
                        day.isoformat(), weekday(day), day.isoformat())
                self.empty_label.setText(text)
            else:
                self.empty_label.setText(self.tr("没有符合筛选条件的核查记录（按 Ctrl+F 修改筛选）"))
            self.stack.setCurrentWidget(self.empty_label)
        self.totals_label.setText(self._totals_html(snap.totals))
        self.loaded.emit(snap)

    def _fill_choices(self, snap: LedgerSnapshot) -> None:
        self._filling = True
        try:
            user = self.ctx.user
            combos = [(self.matter_combo, self.tr("全部事项"), snap.matters)]
            if user is None or user.can("view_all_reviews"):
                combos.insert(0, (self.officer_combo, self.tr("全部经办人"), snap.officers))
            for combo, everything, choices in combos:
                current = combo.currentData()
                wanted = [(None, everything)] + [(c.code, self.tr(c.label) if combo is self.matter_combo else c.label)
                                                 for c in choices]  # fmt: skip
                have = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
                if have != wanted:
                    combo.clear()
                    for code, label in wanted:
                        combo.addItem(label, code)
                    i = combo.findData(current)
                    combo.setCurrentIndex(max(i, 0))
        finally:
            self._filling = False

    def _apply_role(self, user, can_export: bool) -> None:  # noqa: ANN001
        own_only = user is not None and not user.can("view_all_reviews")
        if own_only:
            self._filling = True
            self.officer_combo.clear()
            self.officer_combo.addItem(user.display_name, user.name)
            self._filling = False
        self._locked_to_self = own_only
        self.officer_combo.setEnabled(not own_only)
        self.officer_combo.setVisible(not own_only)
        self.officer_label.setVisible(not own_only)
        if user is None:
            scope = self.tr("全部核查记录")
        elif own_only:
            scope = self.tr("仅显示本人（{0}）的核查记录").format(user.display_name)
        elif user.unit:
            scope = self.tr("{0}的全部核查记录").format(user.unit)
        else:
            scope = self.tr("全部核查记录")
        self.scope_label.setText(scope)
        busy = self._export_task is not None
        for b in self.export_buttons.values():
            b.setEnabled(can_export and not busy)
            b.setToolTip("" if can_export else self.tr("导出含个人信息的台账需要{0}或{1}权限").format(
                self.tr(ROLE_LABELS["supervisor"]), self.tr(ROLE_LABELS["admin"])))  # fmt: skip

    def _totals_html(self, t: LedgerTotals) -> str:
        parts = [self.tr("共 <b>{0}</b> 条").format(t.count)]
        for o in OUTCOMES:
            fg = OUTCOME_COLOURS[o][0]
            parts.append(f"<span style='color:{fg}'>{self.tr(OUTCOME_LABELS[o])} <b>{t.by_outcome.get(o, 0)}</b></span>")
        parts.append(self.tr("离线 <b>{0}</b>").format(t.offline))
        parts.append(self.tr("偏离系统结论 <b>{0}</b>").format(t.departures))
        parts.append(self.tr("签署承诺 <b>{0}</b>").format(t.commitments))
        if t.corrections:
            parts.append(self.tr("更正 <b>{0}</b>").format(t.corrections))
        return " · ".join(parts)

    @property
    def row_count(self) -> int:
        return self.model.rowCount()

    # -- details ---------------------------------------------------------------------------

    def show_details(self, i: int) -> None:
        if not (0 <= i < self.model.rowCount()):
            return
        r = self.model.row_at(i)
        # the acknowledgement of records no rule covers and the 信用审查 are columns too (issue 11 items 2, 4)
        fields = [(c.header, c.value(r)) for c in COLUMNS]
        body = "".join(f"<tr><td style='color:{GREY};padding-right:10px'>{html.escape(k)}</td>"
                       f"<td>{html.escape(str(v or '—'))}</td></tr>" for k, v in fields)  # fmt: skip
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("核查记录 {0}").format(r.verification_code))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<table>{body}</table>")
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.button(QMessageBox.StandardButton.Close).setText(self.tr("关闭"))
        box.open()

    # -- exports ---------------------------------------------------------------------------

    def _default_name(self, fmt: str) -> str:
        flt = self._snapshot.flt if self._snapshot else self.current_filter()
        days = flt.date_from.isoformat() if flt.date_from == flt.date_to else f"{flt.date_from}_{flt.date_to}"
        return self.tr("核查台账-{0}.{1}").format(days, fmt)

    def export(self, fmt: str) -> None:
        """Ask where to save, then export in the background."""
        button = self.export_buttons[fmt]
        if not button.isEnabled() or self._export_task is not None:
            return
        folder = self._last_dir or str(Path.home())
        filters = {"csv": self.tr("CSV 文件 (*.csv)"), "xlsx": self.tr("Excel 工作簿 (*.xlsx)"),
                   "pdf": self.tr("PDF 文件 (*.pdf)")}  # fmt: skip
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出台账（{0}）").format(FORMAT_LABELS[fmt]),
                                              str(Path(folder) / self._default_name(fmt)), filters[fmt])  # fmt: skip
        if path:
            if not path.lower().endswith("." + fmt):
                path += "." + fmt
            self.export_to(fmt, path)

    def export_to(self, fmt: str, path: str | Path) -> None:
        """Export the ledger as shown to ``path`` (no dialog)."""
        if self._export_task is not None:
            return
        engine, audit, user, unit = self.ctx.engine, self.ctx.audit, self.ctx.user, self.ctx.settings.unit_name
        snap = self._snapshot
        flt = snap.flt if snap is not None else self.current_filter()
        # The rows on screen, unless they were read for someone else (the account changed since).
        rows = list(snap.rows) if snap is not None and snap.viewer == user else None
        path = Path(path)

        def work(task: TaskHandle) -> ExportResult:
            return _ledger.export_ledger(engine, audit, flt, fmt, path, user, progress=task.progress,
                                         cancel=task, unit=unit, rows=rows)  # fmt: skip

        self._last_dir = str(path.parent)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.open_folder_button.hide()
        self.message.setText(self.tr("正在导出 {0}……").format(FORMAT_LABELS[fmt]))
        for b in self.export_buttons.values():
            b.setEnabled(False)
        self._export_task = self.runner.run(work, on_success=self._exported, on_failure=self._export_failed,
                                            on_progress=self._progress, lane=LONG)  # fmt: skip

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def cancel_export(self) -> None:
        if self._export_task is not None:
            self._export_task.cancel()
            self.message.setText(self.tr("正在取消……"))

    def _export_ended(self) -> None:
        self._export_task = None
        self.progress.hide()
        self.cancel_button.hide()
        self._apply_role(self.ctx.user, self._snapshot.can_export if self._snapshot else True)

    def _exported(self, result: ExportResult) -> None:
        self._export_ended()
        self._last_export = result.path
        self.message.setText(self.tr("已导出 {0} 条核查记录到 {1}").format(result.rows, result.path))
        self.open_folder_button.show()
        self.exported.emit(result)

    def _export_failed(self, exc: BaseException) -> None:
        self._export_ended()
        if isinstance(exc, ExportCancelled):
            self.message.setText(self.tr("导出已取消，未写入文件"))
        else:
            self.message.setText(f"<span style='color:{RED}'>" + self.tr("导出失败：{0}").format(html.escape(error_text(exc))) + "</span>")
        self.exported.emit(exc)

    def open_folder(self) -> None:
        if self._last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._last_export.parent)))

