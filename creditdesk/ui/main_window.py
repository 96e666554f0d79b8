"""The main window: navigation on the left, pages in the middle, data freshness below."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from creditdesk import __version__
from creditdesk.app import AppContext
from creditdesk.cancel import Cancelled
from creditdesk.changes import (
    ACCOUNTS_CHANGED,
    BUNDLE_IMPORTED,
    COMMITMENT_MARKED,
    CREDIT_REVIEW_REQUESTED,
    DEMO_SEEDED,
    EXPORTED,
    OBJECTION_FILED,
    REVIEW_SAVED,
    SETTINGS_SAVED,
    SYNCED,
    USER_CHANGED,
    OpChanges,
)
from creditdesk.services.position import DataPosition, read_position
from creditdesk.ui.changes import ChangeBus
from creditdesk.ui.core_text import core_message, error_text
from creditdesk.ui.counter_page import CounterPage
from creditdesk.ui.audit_page import AuditPage
from creditdesk.ui.followup_page import FollowUpPage
from creditdesk.ui.idle_lock import IdleLock
from creditdesk.ui.ledger_page import LedgerPage
from creditdesk.ui.objections_page import ObjectionsPage
from creditdesk.ui.stats_page import StatsPage
from creditdesk.ui.settings_page import SettingsPage
from creditdesk.ui.sync_page import SyncPage
from creditdesk.ui.tasks import LONG, TaskRunner

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    user_changed = Signal(object)  # the Actor now signed in, or None

    def __init__(self, ctx: AppContext, today: dt.date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = TaskRunner(self)
        self.setWindowTitle(self.tr("信用核查窗口助手 CreditDesk {0} — {1} {2}").format(
            __version__, ctx.settings.unit_name, ctx.settings.window_name))
        from creditdesk.ui.screen_fit import fit_to_screen

        fit_to_screen(self, 1280, 800)  # never taller than a 1366×768 laptop's screen

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(148)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet(
            "QListWidget#nav{background:#1f3a5f;color:#e8eef6;border:none;font-size:13pt;}"
            "QListWidget#nav::item{padding:12px 14px;}"
            "QListWidget#nav::item:selected{background:#2f5d94;color:white;}"
        )
        self.pages = QStackedWidget()

        self.counter = CounterPage(
            self.runner, ctx.lookup, ctx.profiles, ctx.settings.search_limit, today=today,
            engine=ctx.engine, settings=ctx.settings, audit=self._audit, current_user=lambda: self.ctx.user,
        )
        self._add_page(self.tr("核查台"), self.counter)
        self.followup_page = FollowUpPage(ctx, self.runner)
        self._add_page(self.tr("跟进"), self.followup_page)
        self.objections_page = ObjectionsPage(ctx, self.runner)
        self._add_page(self.tr("异议"), self.objections_page)
        self.ledger_page = LedgerPage(ctx, self.runner)
        self._add_page(self.tr("台账"), self.ledger_page)
        self.stats_page = StatsPage(ctx, self.runner)
        self._add_page(self.tr("统计"), self.stats_page)
        self.audit_page = AuditPage(ctx, self.runner)
        self._add_page(self.tr("审计"), self.audit_page)
        self.sync_page = SyncPage(ctx, self.runner)
        self._add_page(self.tr("同步"), self.sync_page)
        self.settings_page = SettingsPage(ctx, self.runner)
        self._add_page(self.tr("设置"), self.settings_page)
        # Pages learn about changes from one mechanism (ui/changes.py): each operation below is
        # published once with what it changed, and every page decides by what it watches.
        self.changes = ChangeBus(self)
        for i in range(self.pages.count()):
            self.changes.changed.connect(self.pages.widget(i).on_changes)
        self.changes.changed.connect(self._status_on_changes)
        publish_on = self._publish_on
        publish_on(self.sync_page.sync_finished, SYNCED, self.sync_page, failed_too=True)  # a failed sync keeps pages
        publish_on(self.sync_page.import_finished, BUNDLE_IMPORTED, self.sync_page)  # all or nothing
        publish_on(self.counter.review.saved, REVIEW_SAVED, self.counter)
        publish_on(self.counter.review.credit_review_requested, CREDIT_REVIEW_REQUESTED, self.counter)  # 跟进 lists it
        publish_on(self.followup_page.marked, COMMITMENT_MARKED, self.followup_page)
        publish_on(self.settings_page.settings_saved, SETTINGS_SAVED, self.settings_page)
        publish_on(self.settings_page.connected, SETTINGS_SAVED, self.settings_page)
        publish_on(self.settings_page.accounts.changed, ACCOUNTS_CHANGED, self.settings_page)
        publish_on(self.ledger_page.exported, EXPORTED, self.ledger_page)
        publish_on(self.stats_page.exported, EXPORTED, self.stats_page)
        self.settings_page.settings_saved.connect(self._schedule_sync)
        publish_on(self.counter.outbox_changed, OBJECTION_FILED, self.counter)  # an objection filed there
        self.nav.currentRowChanged.connect(self._show_page)
        self.nav.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        # The content and the lock screen share one place: locked, no page is even in the widget tree's view.
        self.content = central
        self.shell = QStackedWidget()
        self.shell.addWidget(central)
        self.idle_lock = IdleLock(ctx, self.runner, self.shell, central, parent=self)
        self.idle_lock.switch_requested.connect(self._lock_screen_switch)
        self.setCentralWidget(self.shell)

        self.data_label = QLabel()
        self.data_label.setObjectName("dataLabel")
        self.mode_label = QLabel()
        self.platform_label = QLabel()
        self.platform_label.setObjectName("platformLabel")
        self.outbox_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setFormat(self.tr("%v / %m"))
        self.progress.hide()
        self.seed_cancel_button = QPushButton(self.tr("停止生成"))
        self.seed_cancel_button.setToolTip(self.tr("停止生成演示数据；已写入的部分保留"))
        self.seed_cancel_button.setFlat(True)
        self.seed_cancel_button.hide()
        self.seed_cancel_button.clicked.connect(self._cancel_seed)
        self._seed_task = None
        self.statusBar().addWidget(self.data_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.seed_cancel_button)
        self.statusBar().addPermanentWidget(self.outbox_label)
        self.statusBar().addPermanentWidget(self.platform_label)
        self.statusBar().addPermanentWidget(self.mode_label)
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.user_label.setStyleSheet("padding:0 6px;font-weight:bold;color:#1f3a5f;")
        self.lock_button = QPushButton(self.tr("锁定"))
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setToolTip(self.tr("锁定窗口（Ctrl+Alt+L）"))
        self.lock_button.setFlat(True)
        self.lock_button.clicked.connect(self.lock)
        self.sign_out_button = QPushButton(self.tr("退出登录"))
        self.sign_out_button.setObjectName("signOutButton")
        self.sign_out_button.setFlat(True)
        self.sign_out_button.clicked.connect(self.sign_out)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.lock_button)
        self.statusBar().addPermanentWidget(self.sign_out_button)
        self.settings_page.settings_saved.connect(self._idle_minutes_changed)
        self.settings_page.own_account_changed.connect(self._reload_user)
        self.sync_timer = QTimer(self)
        self.sync_timer.timeout.connect(self._scheduled_sync)
        self._schedule_sync()

        focus = QAction(self)
        focus.setShortcuts([QKeySequence("Ctrl+L"), QKeySequence("F2")])
        focus.triggered.connect(self.go_to_counter)
        self.addAction(focus)
        for i in range(self.nav.count()):
            jump = QAction(self)
            jump.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            jump.triggered.connect(lambda _=False, row=i: self.nav.setCurrentRow(row))
            self.addAction(jump)
        self.lock_action = QAction(self.tr("锁定窗口"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+Alt+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)
        # Locked or signed out, the page shortcuts rest (the lock's own stay on).
        self._content_actions = list(self.actions())
        self.idle_lock.locked.connect(lambda: self._content_shortcuts(False))
        self.idle_lock.locked.connect(self.counter.clear)  # locked: the next person starts a new review
        self.idle_lock.unlocked.connect(lambda: self._content_shortcuts(True))
        self.sign_out_action = QAction(self.tr("退出登录"), self)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.addAction(self.sign_out_action)
        self._show_user()
        if ctx.user is None:  # unattributed: say whether that is because the home has no account yet
            accounts = ctx.accounts
            self.runner.run(lambda task: accounts.accounts_exist(), on_success=self._accounts_known, key="accounts-exist")

        self.refresh_position()
        self.counter.focus_query()

    # -- who is signed in ---------------------------------------------------------
    def _audit(self, action: str, actor, target: str | None = None, detail: dict | None = None) -> None:  # noqa: ANN001
        """For the counter's background tasks: one audit entry, queued so that a lookup never waits
        for the database's write lock (a bundle import holds it)."""
        self.ctx.audit_queue.put(action, actor=actor, target=target, detail=detail)

    def _show_user(self) -> None:
        from creditdesk.roles import ROLE_LABELS

        user = self.ctx.user
        if user is None:
            no_account = not self._signed_out and self._accounts_exist is False
            text = self.tr("未登录（无账户）") if no_account else self.tr("未登录")
            self.user_label.setToolTip("")
        else:
            text = "{0} · {1}".format(user.display_name, self.tr(ROLE_LABELS.get(user.role, user.role)))
            self.user_label.setToolTip(self.tr("登录账户：{0}").format(user.name))
        self.user_label.setText(text)
        self.lock_button.setVisible(user is not None)
        self.sign_out_button.setVisible(user is not None)

    _signed_out = False
    _accounts_exist: bool | None = None

    def _accounts_known(self, exist: bool) -> None:
        self._accounts_exist = exist
        self._show_user()

    def set_user(self, actor) -> None:  # noqa: ANN001 - Actor | None
        """A different account at the window: nothing the previous one saw stays on screen."""
        self.ctx.user = actor
        self._show_user()
        self.counter.clear()
        if actor is not None:  # every page reloads for the new account (none: nothing is read)
            self.changes.publish(USER_CHANGED)
        self.user_changed.emit(actor)

    def _content_shortcuts(self, on: bool) -> None:
        for action in self._content_actions:
            if action is not self.lock_action:
                action.setEnabled(on)
        self.lock_button.setVisible(on and self.ctx.user is not None)

    def lock(self) -> bool:
        return self.idle_lock.lock(reason="manual")

    def sign_out(self) -> None:
        """退出登录: audited, every dialog of the account closed, the window covered until someone signs in."""
        user = self.ctx.user
        if user is None:
            return
        self.ctx.audit_queue.put("logout", actor=user)
        self.idle_lock.show_signed_out()
        for w in self.idle_lock.forget_hidden_windows():
            w.close()
        self._signed_out = True
        self.set_user(None)
        self.open_login()

    def open_login(self):  # noqa: ANN201
        from creditdesk.ui.login_dialog import LoginDialog, place_text

        dialog = LoginDialog(self.ctx.accounts, self.runner, demo=self.ctx.settings.demo,
                             place=place_text(self.ctx.settings), parent=self)  # fmt: skip
        dialog.cancel_button.setText(self.tr("取消"))
        dialog.signed_in.connect(self._signed_in)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.login_dialog = dialog
        dialog.open()
        return dialog

    def _signed_in(self, actor) -> None:  # noqa: ANN001
        self._signed_out = False
        self.set_user(actor)
        self.idle_lock.release()
        self.go_to_counter()

    def _lock_screen_switch(self) -> None:
        if self.ctx.user is None:  # signed out already: 登录…
            self.open_login()
        else:
            self.sign_out()

    def _idle_minutes_changed(self) -> None:
        from creditdesk.ui.idle_lock import idle_minutes

        self.idle_lock.set_minutes(idle_minutes(self.ctx.settings))

    def _reload_user(self) -> None:
        """The signed-in account itself was changed in 账户管理: its role, or disabled."""
        user = self.ctx.user
        if user is None:
            return
        accounts = self.ctx.accounts

        def read(task):  # noqa: ANN001, ANN202
            info = accounts.info(user.name)
            return (accounts.get(user.name), info.disabled) if info is not None else (None, True)

        def apply(result) -> None:  # noqa: ANN001
            actor, disabled = result
            if self.ctx.user is None or self.ctx.user.name != user.name:
                return
            if disabled or actor is None:
                self.sign_out()
            elif actor != self.ctx.user:
                self.ctx.user = actor
                self._show_user()
                self.settings_page.refresh()
                self.user_changed.emit(actor)

        self.runner.run(read, on_success=apply, key="reload-user")

    def _show_page(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        self.pages.currentWidget().on_shown()  # every page is ChangeAware (ui/changes.py)

    def _publish_on(self, signal, changes: OpChanges, origin: QWidget, *, failed_too: bool = False) -> None:  # noqa: ANN001
        """When ``signal`` says an operation ended, publish what it changed (not for a failure,
        which these operations roll back, unless ``failed_too``)."""

        def ended(*args) -> None:  # noqa: ANN002
            if failed_too or not (args and isinstance(args[0], BaseException)):
                self.changes.publish(changes, origin)

        signal.connect(ended)

    def _status_on_changes(self, changes: OpChanges, _origin) -> None:  # noqa: ANN001
        """The status bar shows the data position, the platform's state and the outbox."""
        if changes.touches(OpChanges(data=True, outbox=True, settings=True)):
            self.refresh_position()

    # -- scheduled sync ---------------------------------------------------------
    def _schedule_sync(self) -> None:
        minutes = self.ctx.settings.sync_interval_minutes
        if minutes > 0 and self.ctx.settings.platform_url:
            self.sync_timer.start(minutes * 60 * 1000)
        else:
            self.sync_timer.stop()

    def _scheduled_sync(self) -> None:
        self.sync_page.start_sync(full=False)

    def _add_page(self, label: str, page: QWidget) -> None:
        item = QListWidgetItem(label)
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.nav.addItem(item)
        self.pages.addWidget(page)

    def go_to_counter(self) -> None:
        self.nav.setCurrentRow(0)
        self.counter.focus_query()

    # -- data freshness --------------------------------------------------------
    def refresh_position(self) -> None:
        engine = self.ctx.engine

        url = self.ctx.settings.platform_url

        def read(task):  # noqa: ANN001, ANN202
            from creditdesk.services.outbox import counts
            from creditdesk.services.status import read_platform_status

            with engine.connect() as conn:
                position = read_position(conn)
            return position, read_platform_status(engine, url), counts(engine)

        self.runner.run(read, on_success=self._show_state, key="position")

    def _show_state(self, state) -> None:  # noqa: ANN001
        position, platform, outbox = state
        self.show_position(position)
        if not platform.url:
            text, style = self.tr("● 未连接平台"), "color:#6b6b6b;"
        elif platform.last_error:  # cleared by every successful sync
            from creditdesk.wording import chinese_reason

            text, style = self.tr("● 离线/出错：{0}").format(core_message(chinese_reason(platform.last_error))[:60]), "color:#b3261e;"
        else:
            text, style = self.tr("● 在线"), "color:#1e7b34;"
        self.platform_label.setText(text)
        self.platform_label.setToolTip(core_message(platform.last_error) or platform.url or "")
        self.platform_label.setStyleSheet(style)
        self.outbox_label.setText(self.tr("待上报 {0}").format(outbox.pending) if outbox.pending else "")

    def show_position(self, position: DataPosition) -> None:
        self.position = position
        settings = self.ctx.settings
        if position.seq == 0:
            text = self.tr("本地尚无信用数据：请在“同步”页同步或导入离线数据包")
            self.data_label.setToolTip("")
            style = "color:#b3261e;font-weight:bold;"
        else:
            as_of = position.as_of_time()
            shown = as_of.astimezone().strftime("%Y-%m-%d %H:%M") if as_of else (position.as_of or "—")
            text = self.tr("数据截至 {0}").format(shown)
            self.data_label.setToolTip(self.tr("平台数据序号 {0}").format(position.seq))
            style = ""
            if position.is_stale(settings.stale_after_hours):
                text += self.tr("　⚠ 数据已超过 {0} 小时未更新").format(settings.stale_after_hours)
                style = "color:#8a5a00;font-weight:bold;"
        self.data_label.setText(text)
        self.data_label.setStyleSheet(style)
        self.mode_label.setText(self.tr("演示数据") if settings.demo else "")
        self.mode_label.setStyleSheet("background:#fff3cd;color:#8a5a00;padding:2px 8px;" if settings.demo else "")

    # -- demo seeding ---------------------------------------------------------
    def seed_demo_if_empty(self, subjects: int = 5000):  # noqa: ANN201 - the TaskHandle (a CancelToken)
        from creditdesk.demo.load import load_demo_city

        engine = self.ctx.engine

        accounts, unit = self.ctx.accounts, self.ctx.settings.unit_name

        def seed(task):  # noqa: ANN001, ANN202
            from creditdesk.services.accounts import ensure_demo_accounts

            ensure_demo_accounts(accounts, unit)  # demo-officer / demo-supervisor / demo-admin, password "demo"
            with engine.connect() as conn:
                if read_position(conn).seq:
                    return None
            result = load_demo_city(engine, subjects=subjects, progress=task.progress, cancel=task)
            # some weeks of counter work on the new city (nothing if reviews exist)
            from creditdesk.demo.history import generate_history

            now = dt.datetime.now().astimezone()
            generate_history(engine, self.ctx.settings, now.date(), progress=task.progress, until=now, cancel=task)
            return result

        def progress(done: int, total: int) -> None:
            self.progress.show()
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.data_label.setText(self.tr("正在生成演示城市数据……"))

        def finished(_result) -> None:  # noqa: ANN001
            self.progress.hide()
            self.seed_cancel_button.hide()
            self.changes.publish(DEMO_SEEDED)

        def failed(exc: BaseException) -> None:
            self.progress.hide()
            self.seed_cancel_button.hide()
            if isinstance(exc, Cancelled):
                self.data_label.setText(self.tr("演示数据生成已取消：{0}").format(error_text(exc)))
                self.changes.publish(DEMO_SEEDED)  # the batches and days written so far stay
            else:
                self.data_label.setText(self.tr("演示数据生成失败：{0}").format(error_text(exc)))

        handle = self.runner.run(seed, on_success=finished, on_failure=failed, on_progress=progress, key="seed",
                                 lane=LONG)  # fmt: skip
        self._seed_task = handle
        self.seed_cancel_button.show()
        return handle

    def _cancel_seed(self) -> None:
        if self._seed_task is not None:
            self._seed_task.cancel()
            self.data_label.setText(self.tr("正在停止生成演示数据……"))

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        self.stop_background_work()
        super().closeEvent(event)

    def stop_background_work(self, msecs: int = 10_000) -> bool:
        """Cancel every running job (sync, import, export, verify, seeding…) and wait for each to stop
        at its safe point; the database is closed only after this (ui/main.py). True when all stopped."""
        if self.runner.running():
            self.statusBar().showMessage(self.tr("正在停止后台任务……"))
        stopped = self.runner.shutdown(msecs)
        if not stopped:
            log.warning("background tasks still running %s ms after the window closed", msecs)
        return stopped
