"""同步: bring the data up to date, import an offline bundle, see what was refused.

Sync and import are the use cases of platform/usecases.py (the CLI runs the
same ones), run through the TaskRunner with progress and a cancel button; the
page only presents them. The counter stays usable throughout (each page
commits on its own, lookups read the last committed state).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
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

from creditdesk.app import AppContext
from creditdesk.changes import OpChanges

# Imported when the window is built, not in the first sync's worker thread: a module
# import there holds the interpreter for long stretches and the window would stall.
from creditdesk.platform import session as _session  # noqa: F401
from creditdesk.platform.usecases import import_bundle_now, sync_now
from creditdesk.services import outbox
from creditdesk.services.rejections import list_rejected_changes
from creditdesk.ui.changes import ChangeAware
from creditdesk.ui.core_text import core_message, core_summary, translate
from creditdesk.ui.tasks import LONG, TaskHandle, TaskRunner
from creditdesk.ui.vocabulary import label as tr


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


class SyncPage(QWidget, ChangeAware):
    watches = OpChanges(data=True, outbox=True, settings=True)  # what it shows (ui/changes.py)
    sync_finished = Signal(object)  # SyncResult, or the exception
    import_finished = Signal(object)
    data_changed = Signal()
    followup_found = Signal(object)  # creditdesk.services.followup.UpdateFindings after a sync or import

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        from creditdesk.platform.client import default_ssl_context

        default_ssl_context()  # now, not in the first sync's worker (see there)
        self._task: TaskHandle | None = None

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("立即同步"))
        self.full_button = QPushButton(self.tr("完整重新同步"))
        self.import_button = QPushButton(self.tr("导入离线数据包…"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)

        buttons = QHBoxLayout()
        for b in (self.sync_button, self.full_button, self.import_button, self.cancel_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.rejected_changes = _table([self.tr("数据序号"), self.tr("类型"), self.tr("实体"), self.tr("来源"), self.tr("原因")])
        self.rejected_items = _table([self.tr("编号"), self.tr("种类"), self.tr("生成时间"), self.tr("平台给出的原因")])
        changes_box = QGroupBox(self.tr("被拒收的变更（平台数据无法应用）"))
        QVBoxLayout(changes_box).addWidget(self.rejected_changes)
        items_box = QGroupBox(self.tr("被平台拒绝的上报事项（需人工处理）"))
        QVBoxLayout(items_box).addWidget(self.rejected_items)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>{0}</h2>".format(self.tr("数据同步"))))
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(changes_box, 1)
        layout.addWidget(items_box, 1)

        self.sync_button.clicked.connect(lambda: self.start_sync(full=False))
        self.full_button.clicked.connect(lambda: self.start_sync(full=True))
        self.import_button.clicked.connect(self.choose_bundle)
        self.cancel_button.clicked.connect(self.cancel)

    # -- refresh ---------------------------------------------------------------
    def refresh(self) -> None:
        engine, url = self.ctx.engine, self.ctx.settings.platform_url

        def read(task):  # noqa: ANN001, ANN202
            from creditdesk.services.status import read_platform_status

            return (read_platform_status(engine, url), outbox.counts(engine),
                    list_rejected_changes(engine), outbox.rejected_items(engine))  # fmt: skip

        self.runner.run(read, on_success=self._show, key="sync-page")

    def _show(self, data) -> None:  # noqa: ANN001
        platform, counts, changes, items = data
        lines = [
            self.tr("平台：{0}").format(platform.url or self.tr("未连接（在“设置”页连接平台，或导入离线数据包）")),
            self.tr("上次成功同步：{0}").format(platform.last_sync or "—"),
            self.tr("待上报 {0} 项 · 已送达 {1} 项 · 被拒 {2} 项").format(counts.pending, counts.delivered, counts.rejected),
        ]
        if platform.last_error:
            lines.append("<span style='color:#b3261e'>" + self.tr("上次错误：{0}").format(_reason(platform.last_error)) + "</span>")
        self.summary.setText("<br>".join(lines))
        self.sync_button.setEnabled(bool(platform.url) and self._task is None)
        self.full_button.setEnabled(bool(platform.url) and self._task is None)
        from creditdesk.wording import chinese_reason, entity_label, outbox_kind_label, source_label

        self._fill(self.rejected_changes, [  # in words: 信用记录 / 平台同步 / 缺少必填字段 决定机关
            (str(c.seq or ""), tr(entity_label(c.entity_type)), c.entity_id or "", tr(source_label(c.source)),
             core_message(chinese_reason(c.reason))) for c in changes])  # fmt: skip
        self._fill(self.rejected_items, [(i.uid, tr(outbox_kind_label(i.kind)), i.created_at,
                                          core_message(chinese_reason(i.reason)))
                                         for i in items])  # fmt: skip

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(value))

    # -- work --------------------------------------------------------------------
    def _busy(self, busy: bool, label: str = "") -> None:
        for b in (self.sync_button, self.full_button, self.import_button):
            b.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.message.setText(label)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.message.setText(self.tr("正在取消……已写入的数据保留，下次从中断处继续"))

    def start_sync(self, full: bool = False) -> None:
        if self._task is not None:
            return
        engine, settings, audit, user = self.ctx.engine, self.ctx.settings, self.ctx.audit, self.ctx.user

        def work(task: TaskHandle):  # noqa: ANN202 - the handle is the CancelToken: a cancel wakes a retry wait
            return sync_now(engine, settings, audit, actor=user, full=full, progress=task.progress,
                            cancel=task)  # fmt: skip

        self._busy(True, self.tr("正在同步……"))
        self._task = self.runner.run(work, on_success=self._sync_done, on_failure=self._sync_failed,
                                     on_progress=self._progress, lane=LONG)  # fmt: skip

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.progress.setFormat(self.tr("%v / %m"))

    def _sync_done(self, outcome) -> None:  # noqa: ANN001
        result, pushed, found = outcome.sync, outcome.outbox, outcome.followup
        self._task = None
        self._busy(False)
        self.message.setText(self.tr("同步完成：应用 {0} 条变更，拒收 {1} 条，送达上报 {2} 项").format(
            result.applied, result.rejected, pushed.delivered)
            + (translate("；") + core_summary(found.summary()) + self.tr("（见“跟进”页）") if found.summary() else ""))
        self.sync_finished.emit(result)
        self.followup_found.emit(found)
        self.data_changed.emit()
        self.refresh()

    def _sync_failed(self, exc: BaseException) -> None:
        self._task = None
        self._busy(False)
        self.message.setText("<span style='color:#b3261e'>" + self.tr("同步未完成：{0}").format(_reason(exc)) + "</span>")
        self.sync_finished.emit(exc)
        self.data_changed.emit()
        self.refresh()

    # -- offline bundles ---------------------------------------------------------
    def choose_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择离线数据包"), "", self.tr("离线数据包 (*.cdpkg)"))
        if path:
            self.import_bundle(path)

    def import_bundle(self, path: str) -> None:
        if self._task is not None:
            return
        engine, settings, audit, user = self.ctx.engine, self.ctx.settings, self.ctx.audit, self.ctx.user

        def work(task: TaskHandle):  # noqa: ANN202
            return import_bundle_now(engine, settings, audit, path, actor=user, progress=task.progress,
                                     cancel=task)  # fmt: skip

        self._busy(True, self.tr("正在校验并导入离线数据包……"))
        self._task = self.runner.run(work, on_success=self._import_done, on_failure=self._import_failed,
                                     on_progress=self._progress, lane=LONG)  # fmt: skip

    def _import_done(self, outcome) -> None:  # noqa: ANN001
        result, found = outcome.result, outcome.followup
        self._task = None
        self._busy(False)
        self.message.setText(self.tr("离线数据包已导入：{0}").format(core_message(str(result)))
                             + (translate("；") + core_summary(found.summary()) + self.tr("（见“跟进”页）") if found.summary() else ""))
        self.import_finished.emit(result)
        self.followup_found.emit(found)
        self.data_changed.emit()
        self.refresh()

    def _import_failed(self, exc: BaseException) -> None:
        self._task = None
        self._busy(False)
        self.message.setText("<span style='color:#b3261e'>" + self.tr("离线数据包未导入，本地数据未作任何改动：{0}").format(_reason(exc)) + "</span>")
        self.import_finished.emit(exc)
        self.refresh()


def _reason(error: object) -> str:
    """An error as people read it: the protocol's field names in Chinese (缺少必填字段 决定机关), HTML-safe."""
    import html

    from creditdesk.wording import chinese_reason

    return html.escape(core_message(chinese_reason(str(error))))
