"""批量核查: a bidder list (txt / CSV / XLSX) in, each bidder's outcome in a table; progress and cancel."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
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

from creditdesk.outcomes import SCREEN_BG
from creditdesk.services.check import CheckService, read_batch_codes
from creditdesk.ui.core_text import core_message, error_text
from creditdesk.ui.review_panel import OUTCOME_STYLE, outcome_text
from creditdesk.ui.tasks import LONG, TaskHandle, TaskRunner
from creditdesk.ui.vocabulary import label as tr

OUTCOME_COLOURS = {**SCREEN_BG, "normal": "#ffffff"}  # the review panel's backgrounds; normal rows stay white


@dataclass(frozen=True)
class BatchRow:
    query: str
    name: str
    outcome: str | None
    in_force: int
    measures: str
    error: str


def run_batch(check: CheckService, codes: list[str], matter: str, day: dt.date, task: TaskHandle) -> list[BatchRow]:
    rows: list[BatchRow] = []
    for n, code in enumerate(codes):
        if task.cancelled:
            break
        try:
            out = check.check(code, matter, day=day)
        except Exception as exc:  # noqa: BLE001 - a bad line is a row with its error, the batch goes on
            rows.append(BatchRow(code, "", None, 0, "", error_text(exc)))
        else:
            r = out.result
            rows.append(BatchRow(
                code, out.subject.name if out.subject else tr("（平台无此主体）"), r.outcome,
                sum(f.in_force for f in r.findings), tr("；").join(m.text for m in r.measures), "",
            ))  # fmt: skip
        task.progress(n + 1, len(codes))
    return rows


class BatchDialog(QDialog):
    finished_rows = Signal(list)

    def __init__(self, runner: TaskRunner, check: CheckService, profile, today: dt.date | None = None,  # noqa: ANN001
                 matter: str | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self.setWindowTitle(self.tr("批量核查"))
        self._runner, self._check, self._today = runner, check, today
        self._handle: TaskHandle | None = None
        self._codes: list[str] = []
        self.matter_combo = QComboBox()
        if profile is not None:
            for m in profile.matters:
                self.matter_combo.addItem(self.tr(m.label), m.code)
        if matter:
            self.matter_combo.setCurrentIndex(max(0, self.matter_combo.findData(matter)))
        self.open_button = QPushButton(self.tr("导入名单…"))
        self.start_button = QPushButton(self.tr("开始核查"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setEnabled(False)
        self.start_button.setEnabled(False)
        self.file_label = QLabel(self.tr("支持 txt（每行一个代码）、CSV、XLSX（代码列）"))
        self.file_label.setStyleSheet("color:#555;")
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v / %m"))
        self.progress.hide()
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("batchTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("代码"), self.tr("名称"), self.tr("结论"), self.tr("有效记录"), self.tr("措施"), self.tr("错误")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("事项：")))
        top.addWidget(self.matter_combo, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.start_button)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.file_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.open_button.clicked.connect(self.choose_file)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        from creditdesk.ui.screen_fit import fit_to_screen

        fit_to_screen(self, 980, 600)  # its buttons stay on a small screen

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入投标人名单"), "",
                                              self.tr("名单 (*.txt *.csv *.xlsx *.xlsm)"))  # fmt: skip
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        self.file_label.setText(self.tr("正在读取 {0}……").format(path))

        def loaded(codes: list[str]) -> None:
            self._codes = codes
            self.file_label.setText(self.tr("{0}：{1} 个代码").format(path, len(codes)))
            self.start_button.setEnabled(bool(codes))

        self._runner.run(lambda task: read_batch_codes(path), on_success=loaded,
                         on_failure=lambda exc: self.file_label.setText(self.tr("无法读取名单：{0}").format(error_text(exc))),
                         key="batch-read")  # fmt: skip

    def start(self) -> None:
        codes, check, matter = list(self._codes), self._check, self.matter_combo.currentData()
        day = self._today or dt.date.today()
        self.table.setRowCount(0)
        self.progress.setMaximum(len(codes))
        self.progress.setValue(0)
        self.progress.show()
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.summary.setText(self.tr("正在核查……"))
        self._handle = self._runner.run(lambda task: run_batch(check, codes, matter, day, task),
                                        on_success=self._show, on_failure=self._failed,
                                        on_progress=self._progress, key="batch", lane=LONG)  # fmt: skip

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self.summary.setText(self.tr("正在取消……"))

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("批量核查失败：{0}").format(error_text(exc)))
        self.cancel_button.setEnabled(False)
        self.start_button.setEnabled(True)

    def _show(self, rows: list[BatchRow]) -> None:
        self.cancel_button.setEnabled(False)
        self.start_button.setEnabled(True)
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            values = [row.query, row.name, outcome_text(row.outcome) if row.outcome else "",
                      str(row.in_force) if row.outcome else "",
                      row.measures, row.error]  # fmt: skip
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if row.outcome:
                    item.setBackground(QColor(OUTCOME_COLOURS.get(row.outcome, "#ffffff")))
                elif row.error:
                    item.setForeground(QColor("#a1241b"))
                item.setToolTip(value)
                self.table.setItem(i, j, item)
        header = self.table.horizontalHeader()
        for col in (0, 1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(5, 220)
        counts = {o: sum(r.outcome == o for r in rows) for o in OUTCOME_STYLE}
        text = self.tr("已核查 {0} / {1}：").format(len(rows), len(self._codes)) + "　".join(
            f"{outcome_text(o)} {n}" for o, n in counts.items() if n)
        errors = sum(bool(r.error) for r in rows)
        if errors:
            text += self.tr("　出错 {0}").format(errors)
        if len(rows) < len(self._codes):
            text += self.tr("　（已取消）")
        self.summary.setText(text)
        self.finished_rows.emit(rows)
