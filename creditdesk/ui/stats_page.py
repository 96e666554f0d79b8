"""使用情况统计: the usage figures for a month, quarter or half-year, charts, the next reporting
deadline, and the 报送 files (PDF / Excel).

Figures are read by creditdesk.services.usage in the TaskRunner (key "stats"); the
exports run there too, with progress and a message naming the file. Counts by
officer appear only for supervisors and administrators (ctx.user re-read on every
refresh).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from creditdesk.changes import OpChanges
from creditdesk.cancel import Cancelled
from creditdesk.services.usage import (
    OUTCOME_COLOURS,
    OUTCOME_LABELS,
    OUTCOMES,
    Period,
    ReportingSchedule,
    UsageReport,
    UsageService,
    export_usage,
    next_deadlines,
)
from creditdesk.ui.changes import ChangeAware
from creditdesk.ui.charts import DonutChart, StackedBarChart
from creditdesk.ui.core_text import core_message, error_text
from creditdesk.ui.tasks import LONG, TaskHandle

KINDS = (("month", QT_TRANSLATE_NOOP("", "月")), ("quarter", QT_TRANSLATE_NOOP("", "季度")),
         ("half", QT_TRANSLATE_NOOP("", "半年")))
_WHICH = {
    "month": [(m, QT_TRANSLATE_NOOP("", "{0}月")) for m in range(1, 13)],
    "quarter": [(1, QT_TRANSLATE_NOOP("", "第一季度")), (2, QT_TRANSLATE_NOOP("", "第二季度")),
                (3, QT_TRANSLATE_NOOP("", "第三季度")), (4, QT_TRANSLATE_NOOP("", "第四季度"))],
    "half": [(1, QT_TRANSLATE_NOOP("", "上半年")), (2, QT_TRANSLATE_NOOP("", "下半年"))],
}

# card key -> (title, colour of the figure)
CARDS = (
    ("total", QT_TRANSLATE_NOOP("", "核查总数"), "#1f3a5f"),
    # the outcomes' short forms, the same on every surface (creditdesk/outcomes.py SHORT_LABELS, in vocabulary.py)
    ("prohibit", OUTCOME_LABELS["prohibit"], OUTCOME_COLOURS["prohibit"]),
    ("strict", OUTCOME_LABELS["strict"], OUTCOME_COLOURS["strict"]),
    ("incentive", OUTCOME_LABELS["incentive"], OUTCOME_COLOURS["incentive"]),
    ("offline", QT_TRANSLATE_NOOP("", "离线占比"), "#5f6368"),
    ("signed", QT_TRANSLATE_NOOP("", "承诺签署"), "#1f3a5f"),
    ("fulfilled", QT_TRANSLATE_NOOP("", "承诺履约"), OUTCOME_COLOURS["incentive"]),
    ("breached", QT_TRANSLATE_NOOP("", "承诺违约"), OUTCOME_COLOURS["prohibit"]),
    ("objections", QT_TRANSLATE_NOOP("", "异议"), "#8a5a00"),
    ("reports", QT_TRANSLATE_NOOP("", "核验信用报告"), "#1f3a5f"),
)


class Card(QFrame):
    """A figure with its caption and a line of detail."""

    def __init__(self, title: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet("QFrame#card{background:white;border:1px solid #d6dde6;border-radius:6px;}")
        self.title_label = QLabel(title)
        self.title_label.setStyleSheet("color:#5f6368;border:none;")
        self.value_label = QLabel("—")
        self.value_label.setStyleSheet(f"color:{colour};font-size:20pt;font-weight:bold;border:none;")
        self.detail_label = QLabel("")
        self.detail_label.setStyleSheet("color:#5f6368;font-size:9pt;border:none;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        for w in (self.title_label, self.value_label, self.detail_label):
            layout.addWidget(w)

    def set(self, value: str, detail: str = "") -> None:
        self.value_label.setText(value)
        self.detail_label.setText(detail)


class StatsPage(QWidget, ChangeAware):
    watches = OpChanges(reviews=True, commitments=True, objections=True, settings=True)  # what it shows (ui/changes.py)
    loaded = Signal(object)  # UsageReport, or the exception
    exported = Signal(object)  # UsageExport, or the exception

    def __init__(self, ctx, runner, parent: QWidget | None = None, today: dt.date | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self._today = today
        self.report: UsageReport | None = None
        self.schedule: ReportingSchedule | None = None
        self._export_task: TaskHandle | None = None
        self._filling = False

        # -- period chooser
        self.kind_box = QComboBox()
        for code, label in KINDS:
            self.kind_box.addItem(self.tr(label), code)
        self.year_box = QSpinBox()
        self.year_box.setRange(2000, 2100)
        self.which_box = QComboBox()
        self.deadline_button = QPushButton(self.tr("按报送期间(&D)"))
        self.deadline_button.setToolTip(self.tr("选择下一次报送所对应的期间"))
        self.refresh_button = QPushButton(self.tr("刷新(&R)"))
        chooser = QHBoxLayout()
        for label, w in ((self.tr("期间(&Q)："), self.kind_box), (self.tr("年份(&Y)："), self.year_box),
                         (None, self.which_box)):  # fmt: skip
            if label:
                lab = QLabel(label)
                lab.setBuddy(w)
                chooser.addWidget(lab)
            chooser.addWidget(w)
        chooser.addWidget(self.deadline_button)
        chooser.addWidget(self.refresh_button)
        chooser.addStretch(1)
        self.scope_label = QLabel()
        self.scope_label.setStyleSheet("color:#5f6368;")
        chooser.addWidget(self.scope_label)

        self.deadline_label = QLabel()
        self.deadline_label.setWordWrap(True)
        self.deadline_label.setStyleSheet(
            "background:#fff8e1;color:#5d4200;border:1px solid #e0c26b;border-radius:4px;padding:6px 8px;")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        # -- cards
        self.cards: dict[str, Card] = {}
        cards = QGridLayout()
        cards.setSpacing(8)
        for i, (key, title, colour) in enumerate(CARDS):
            card = Card(self.tr(title), colour)
            self.cards[key] = card
            cards.addWidget(card, i // 5, i % 5)

        # -- charts
        self.matter_chart = StackedBarChart(Qt.Orientation.Horizontal)
        self.outcome_chart = DonutChart()
        self.trend_chart = StackedBarChart(Qt.Orientation.Vertical)
        self.trend_chart.setMinimumHeight(230)
        top_charts = QHBoxLayout()
        top_charts.addWidget(self.matter_chart, 3)
        top_charts.addWidget(self.outcome_chart, 2)

        # -- officers (supervisors and admins only)
        self.officer_box = QGroupBox(self.tr("按经办人"))
        self.officer_table = QTableWidget(0, 9)
        self.officer_table.setHorizontalHeaderLabels(
            [self.tr("经办人"), *[self.tr(OUTCOME_LABELS[o]) for o in OUTCOMES], self.tr("合计"), self.tr("改变结论"),
             self.tr("其中从宽"), self.tr("离线")])  # fmt: skip
        self.officer_table.verticalHeader().setVisible(False)
        self.officer_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.officer_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.officer_table.setMinimumHeight(160)
        QVBoxLayout(self.officer_box).addWidget(self.officer_table)

        # -- exports
        self.pdf_button = QPushButton(self.tr("导出 PDF(&P)"))
        self.xlsx_button = QPushButton(self.tr("导出 Excel(&E)"))
        for b in (self.pdf_button, self.xlsx_button):
            b.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("取消导出"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_export)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        actions = QHBoxLayout()
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.xlsx_button)
        actions.addWidget(self.progress)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.message, 1)

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(cards)
        inner.addLayout(top_charts)
        inner.addWidget(self.trend_chart)
        inner.addWidget(self.officer_box)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>{0}</h2>".format(self.tr("使用情况统计"))))
        layout.addLayout(chooser)
        layout.addWidget(self.deadline_label)
        layout.addWidget(self.status_label)
        layout.addWidget(scroll, 1)
        layout.addLayout(actions)

        self.setTabOrder(self.kind_box, self.year_box)
        self.setTabOrder(self.year_box, self.which_box)
        self.setTabOrder(self.which_box, self.deadline_button)
        self.setTabOrder(self.deadline_button, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.pdf_button)
        self.setTabOrder(self.pdf_button, self.xlsx_button)

        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.year_box.valueChanged.connect(self._period_changed)
        self.which_box.currentIndexChanged.connect(self._period_changed)
        self.deadline_button.clicked.connect(self.choose_deadline_period)
        self.refresh_button.clicked.connect(self.load)
        self.pdf_button.clicked.connect(lambda: self.choose_export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.choose_export("xlsx"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, activated=self.load)

        self._schedule()
        start = self.schedule.next.period if self.schedule and self.schedule.next and self.schedule.next.period else None
        self.set_period(start or Period.containing("month", self.today()), load=False)

    # -- period ------------------------------------------------------------------------
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _fill_which(self, kind: str, index: int | None = None) -> None:
        self._filling = True
        self.which_box.clear()
        for value, label in _WHICH[kind]:
            self.which_box.addItem(self.tr(label).format(value), value)
        if index is not None:
            self.which_box.setCurrentIndex(max(0, self.which_box.findData(index)))
        self._filling = False

    def _kind_changed(self) -> None:
        if self._filling:
            return
        kind = self.kind_box.currentData()
        self._fill_which(kind, Period.containing(kind, self.today()).index if self.year_box.value() == self.today().year
                         else 1)  # fmt: skip
        self._period_changed()

    def _period_changed(self) -> None:
        if not self._filling:
            self.load()

    def period(self) -> Period:
        return Period.of(self.kind_box.currentData(), self.year_box.value(), self.which_box.currentData())

    def set_period(self, period: Period, load: bool = True) -> None:
        self._filling = True
        self.kind_box.setCurrentIndex(self.kind_box.findData(period.kind))
        self.year_box.setValue(period.year)
        self._fill_which(period.kind, period.index)
        self._filling = False
        if load:
            self.load()

    def _schedule(self) -> None:
        self.schedule = next_deadlines(self.ctx.settings.profile_id, self.today())
        s = self.schedule
        if s.next is None:
            self.deadline_label.setText(self.tr("报送期限：{0}").format(s.note))
            self.deadline_button.setEnabled(False)
            return
        d = s.next
        lines = [self.tr("下次报送：<b>{0}</b>　{1}{2}，报{3}").format(
            core_message(d.due_label), d.what, f"（{core_message(d.period.label)}）" if d.period else "", d.to)]
        later = [x for x in s.deadlines[1:]]
        if later:
            lines.append(self.tr("其后：") + "；".join(
                f"{core_message(x.due_label)} {x.what}" + (f"（{core_message(x.period.label)}）" if x.period else "")
                for x in later))
        lines.append(f"<span style='color:#7a6a3a'>{d.basis}</span>")
        self.deadline_label.setText("<br>".join(lines))
        self.deadline_button.setEnabled(d.period is not None)

    def choose_deadline_period(self) -> None:
        if self.schedule and self.schedule.next and self.schedule.next.period:
            self.set_period(self.schedule.next.period)

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Called whenever the page is shown or the signed-in account changes."""
        self._schedule()
        self.load()

    def _unit(self) -> str | None:
        return self.ctx.settings.unit_name or None

    def load(self) -> None:
        try:
            period = self.period()
        except (ValueError, TypeError):
            return
        engine, viewer, unit = self.ctx.engine, self.ctx.user, self._unit()

        def work(task: TaskHandle) -> UsageReport:
            return UsageService(engine).report(period, viewer=viewer, unit=unit)

        self.status_label.setText(self.tr("正在统计{0}……").format(core_message(period.label)))
        self.runner.run(work, on_success=self._show, on_failure=self._failed, key="stats")

    def _failed(self, exc: BaseException) -> None:
        self.status_label.setText("<span style='color:#b3261e'>{0}</span>".format(self.tr("统计失败：{0}").format(error_text(exc))))
        self.loaded.emit(exc)

    def _show(self, report: UsageReport) -> None:
        self.report = report
        total = report.total
        pct = lambda n: f"{n / total * 100:.1f}%" if total else "—"  # noqa: E731
        c, o = report.commitments, report.objections
        self.scope_label.setText(self.tr("单位：{0}").format(report.unit_label))
        self.cards["total"].set(str(total), self.tr("改变结论 {0} · 更正 {1}").format(report.departures, report.corrections))
        for key in ("prohibit", "strict", "incentive"):
            n = report.outcomes.get(key)
            self.cards[key].set(str(n), pct(n))
        self.cards["offline"].set(f"{report.offline_share * 100:.1f}%" if total else "—",
                                  self.tr("离线 {0} · 过期数据 {1}").format(report.offline, report.stale))  # fmt: skip
        self.cards["signed"].set(str(c.signed), self.tr("纸质 {0} · 履约中 {1}").format(c.signed_on_paper, c.now_in_force))
        self.cards["fulfilled"].set(str(c.fulfilled_in_period), self.tr("期内标记"))
        self.cards["breached"].set(str(c.breached_in_period), self.tr("期内标记"))
        self.cards["objections"].set(str(o.filed), self.tr("待提交 {0} · 已提交 {1}").format(
            o.count("queued"), o.count("submitted")))
        self.cards["reports"].set(str(report.reports_checked), self.tr("不予采信 {0}").format(report.reports_refused))
        series = [(self.tr(OUTCOME_LABELS[x]), OUTCOME_COLOURS[x]) for x in OUTCOMES]
        self.matter_chart.set_data([self.tr(m.name) for m in report.by_matter], series,
                                   [[m.counts.get(x) for m in report.by_matter] for x in OUTCOMES],
                                   self.tr("按事项和结论"))  # fmt: skip
        self.outcome_chart.set_data([(self.tr(OUTCOME_LABELS[x]), report.outcomes.get(x), OUTCOME_COLOURS[x])
                                     for x in OUTCOMES],
                                    self.tr("结论构成"))  # fmt: skip
        self.trend_chart.set_data([p.label for p in report.trend], series,
                                  [[p.counts.get(x) for p in report.trend] for x in OUTCOMES],
                                  self.tr("核查趋势（按日）") if report.trend_unit == "day"
                                  else self.tr("核查趋势（按周，标注每周首日）"))  # fmt: skip
        self.officer_box.setVisible(report.officers_visible)
        rows = report.by_officer if report.officers_visible else ()
        self.officer_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [row.officer, *[row.counts.get(x) for x in OUTCOMES], row.total, row.departures,
                      getattr(row, "milder", 0), row.offline]  # fmt: skip
            for col, v in enumerate(values):
                item = QTableWidgetItem(str(v))
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.officer_table.setItem(r, col, item)
        if total:
            self.status_label.setText(self.tr("{0}（{1} 至 {2}）").format(
                core_message(report.period.label), report.period.start.isoformat(), report.period.end.isoformat()))
        else:
            self.status_label.setText("<span style='color:#8a5a00'>{0}</span>".format(
                self.tr("{0}没有完成的核查记录。可以换一个期间，或仍然导出一份零报告。").format(core_message(report.period.label))))
        busy = self._export_task is not None
        self.pdf_button.setEnabled(not busy)
        self.xlsx_button.setEnabled(not busy)
        self.loaded.emit(report)

    # -- exports ---------------------------------------------------------------------------
    def choose_export(self, fmt: str) -> None:
        if self.report is None:
            return
        p = self.report.period
        default = str(Path.home() / self.tr("信用核查使用情况报送-{0}.{1}").format(p.code, fmt))
        filters = self.tr("PDF 文件 (*.pdf)") if fmt == "pdf" else self.tr("Excel 工作簿 (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出使用情况报送"), default, filters)
        if path:
            if not path.lower().endswith(f".{fmt}"):
                path += f".{fmt}"
            self.export(fmt, path)

    def export(self, fmt: str, path: str) -> None:
        """Write the report shown (its period, unit and viewer) to ``path``, in the background."""
        if self.report is None or self._export_task is not None:
            return
        engine, audit, viewer, report = self.ctx.engine, self.ctx.audit, self.ctx.user, self.report
        profile_id = self.ctx.settings.profile_id

        def work(task: TaskHandle):  # noqa: ANN202
            task.progress(0, 1)
            result = export_usage(engine, audit, report.period, fmt, path, by=viewer, unit=report.unit,
                                  report=report, profile_id=profile_id, cancel=task)  # fmt: skip
            task.progress(1, 1)
            return result

        for b in (self.pdf_button, self.xlsx_button):
            b.setEnabled(False)
        self.progress.show()
        self.cancel_button.show()
        self.message.setText(self.tr("正在生成 {0}……").format("PDF" if fmt == "pdf" else "Excel"))
        self._export_task = self.runner.run(work, on_success=self._exported, on_failure=self._export_failed,
                                            on_progress=self._progress, lane=LONG)  # fmt: skip

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, 0) if done < total else self.progress.setRange(0, 1)

    def cancel_export(self) -> None:
        if self._export_task is not None:
            self._export_task.cancel()
            self.message.setText(self.tr("正在取消……"))

    def _export_done(self) -> None:
        self._export_task = None
        self.progress.hide()
        self.cancel_button.hide()
        for b in (self.pdf_button, self.xlsx_button):
            b.setEnabled(self.report is not None)

    def _exported(self, result) -> None:  # noqa: ANN001
        self._export_done()
        self.message.setText("<span style='color:#1e7b34'>✔ {0}</span>".format(
            self.tr("已导出{0}：{1}").format(core_message(result.report.period.label), result.path)))
        self.exported.emit(result)

    def _export_failed(self, exc: BaseException) -> None:
        self._export_done()
        if isinstance(exc, Cancelled):
            self.message.setText(self.tr("导出已取消，未写入文件"))
        else:
            self.message.setText("<span style='color:#b3261e'>{0}</span>".format(self.tr("导出失败：{0}").format(error_text(exc))))
        self.exported.emit(exc)
