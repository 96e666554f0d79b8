"""锁屏: after some minutes without keyboard or mouse input the window locks itself.

An application-wide event filter notes every key press, click, mouse move and
wheel turn. When ``Settings.idle_lock_minutes`` pass without any (0 = never),
or on Ctrl+Alt+L, the window's content is swapped for an opaque lock screen
that shows no credit data — only who is signed in — and any open dialog is
hidden until the window is unlocked. The password is checked in the
background (``AccountService.check_password``, which audits ``unlock`` or
``login_failed``); the lock itself is audited here (``lock``).

Nothing locks while nobody is signed in (a home with no account yet).
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from creditdesk.roles import ROLE_LABELS
from creditdesk.ui.core_text import error_text
from creditdesk.ui.tasks import TaskRunner
from creditdesk.ui.vocabulary import label as tr

log = logging.getLogger(__name__)

DEFAULT_IDLE_MINUTES = 5

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress, QEvent.Type.InputMethod,
})  # fmt: skip

# Window kinds hidden while locked and shown again after unlocking (not menus or tooltips).
_RESTORABLE = (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet, Qt.WindowType.Tool)


def idle_minutes(settings) -> int:  # noqa: ANN001
    """``Settings.idle_lock_minutes``; from ``extra`` while a config without the field is in use."""
    value = getattr(settings, "idle_lock_minutes", None)
    if value is None:
        value = getattr(settings, "extra", {}).get("idle_lock_minutes", DEFAULT_IDLE_MINUTES)
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES


def set_idle_minutes(settings, minutes: int) -> None:  # noqa: ANN001
    if hasattr(settings, "idle_lock_minutes"):
        settings.idle_lock_minutes = int(minutes)
    else:
        settings.extra["idle_lock_minutes"] = int(minutes)


class LockScreen(QWidget):
    """What covers the window: who is signed in, a password field, 解锁 and 切换账户. No data."""

    unlock_requested = Signal(str)
    switch_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # opaque: nothing shows through
        self.setStyleSheet(
            "QWidget#lockScreen{background:#1f3a5f;}"
            "QFrame#lockCard{background:white;border-radius:10px;}"
            "QLabel#lockTitle{font-size:17pt;font-weight:bold;color:#1f3a5f;}"
            "QLabel#lockNote{color:#555;}"
        )
        self.title_label = QLabel()
        self.title_label.setObjectName("lockTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label = QLabel()
        self.note_label.setObjectName("lockNote")
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("unlockPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("输入密码，回车解锁"))
        self.password_edit.setMinimumHeight(34)
        self.error_label = QLabel()
        self.error_label.setObjectName("unlockError")
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label.setStyleSheet("color:#b3261e;")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.unlock_button = QPushButton(self.tr("解锁"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.setMinimumHeight(34)
        self.unlock_button.setStyleSheet(
            "QPushButton{background:#1f3a5f;color:white;font-weight:bold;padding:4px 22px;border-radius:4px;}"
            "QPushButton:disabled{background:#c5ccd6;}"
        )
        self.switch_button = QPushButton(self.tr("切换账户"))
        self.switch_button.setObjectName("switchButton")
        self.switch_button.setMinimumHeight(34)

        card = QFrame()
        card.setObjectName("lockCard")
        card.setFixedWidth(560)
        cl = QVBoxLayout(card)
        cl.setContentsMargins(32, 28, 32, 24)
        cl.setSpacing(12)
        cl.addWidget(self.title_label)
        cl.addWidget(self.note_label)
        cl.addWidget(self.password_edit)
        cl.addWidget(self.error_label)
        self.locked_row = QWidget()
        buttons = QHBoxLayout(self.locked_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        cl.addWidget(self.locked_row)
        self.login_button = QPushButton(self.tr("登录…"))
        self.login_button.setObjectName("lockLoginButton")
        self.login_button.setMinimumHeight(34)
        self.login_button.setStyleSheet(self.unlock_button.styleSheet())
        self.signed_out_row = QWidget()
        login_row = QHBoxLayout(self.signed_out_row)
        login_row.setContentsMargins(0, 0, 0, 0)
        login_row.addStretch(1)
        login_row.addWidget(self.login_button)
        login_row.addStretch(1)
        cl.addWidget(self.signed_out_row)
        self.signed_out_row.hide()

        outer = QVBoxLayout(self)
        outer.addStretch(2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)

        self.password_edit.returnPressed.connect(self._unlock)
        self.unlock_button.clicked.connect(self._unlock)
        self.switch_button.clicked.connect(self.switch_requested)
        self.login_button.clicked.connect(self.switch_requested)
        self._signed_out = False

    def show_locked(self, label: str) -> None:
        """``label``: the account as people read it, e.g. 张三（经办人）."""
        self._signed_out = False
        self.title_label.setText(self.tr("已锁定 — {0}").format(label))
        self.note_label.setText(self.tr("为保护申请人信息，窗口已锁定。请输入密码解锁，或切换账户。"))
        self.password_edit.clear()
        self.password_edit.show()
        self.locked_row.show()
        self.signed_out_row.hide()
        self.error_label.clear()
        self.set_busy(False)

    def show_signed_out(self) -> None:
        self._signed_out = True
        self.title_label.setText(self.tr("已退出登录"))
        self.note_label.setText(self.tr("请登录后继续办理。"))
        self.password_edit.clear()
        self.password_edit.hide()
        self.locked_row.hide()
        self.signed_out_row.show()
        self.error_label.clear()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self.password_edit.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.switch_button.setEnabled(not busy)
        self.login_button.setEnabled(not busy)
        if busy:
            self.error_label.setStyleSheet("color:#555;")
            self.error_label.setText(self.tr("正在核对密码……"))

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.error_label.setStyleSheet("color:#b3261e;")
        self.error_label.setText(text)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def focus_input(self) -> None:
        (self.login_button if self._signed_out else self.password_edit).setFocus()

    def _unlock(self) -> None:
        if self._signed_out or not self.unlock_button.isEnabled():
            return
        password = self.password_edit.text()
        if not password:
            self.show_error(self.tr("请输入密码"))
            return
        self.unlock_requested.emit(password)


class IdleLock(QObject):
    """Watches for input, locks ``shell`` (a stack whose page ``content`` is the window's content)."""

    locked = Signal()
    unlocked = Signal()
    unlock_failed = Signal(str)
    switch_requested = Signal()

    def __init__(
        self,
        ctx,  # noqa: ANN001 - AppContext: .user, .accounts, .audit, .settings
        runner: TaskRunner,
        shell: QStackedWidget,
        content: QWidget,
        interval_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._runner, self._shell, self._content = ctx, runner, shell, content
        self.screen = LockScreen()
        shell.addWidget(self.screen)
        self._locked = False
        self._hidden_windows: list[QWidget] = []
        self._last_input = time.monotonic()
        self._interval_ms = 0
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._check)
        self.set_interval_ms(idle_minutes(ctx.settings) * 60_000 if interval_ms is None else interval_ms)
        self.screen.unlock_requested.connect(self.try_unlock)
        self.screen.switch_requested.connect(self.switch_requested)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # -- the timer ------------------------------------------------------------------
    def set_interval_ms(self, ms: int) -> None:
        """How long without input before locking; 0 = never."""
        self._interval_ms = max(0, int(ms))
        self._last_input = time.monotonic()
        if self._interval_ms:
            self._tick.start(max(20, min(5000, self._interval_ms // 4)))
        else:
            self._tick.stop()

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(int(minutes) * 60_000)

    @property
    def interval_ms(self) -> int:
        return self._interval_ms

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def note_input(self) -> None:
        self._last_input = time.monotonic()

    def _check(self) -> None:
        if self._locked or not self._interval_ms:
            return
        if (time.monotonic() - self._last_input) * 1000 >= self._interval_ms:
            self.lock(reason="idle")

    # -- locking ----------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self._locked

    def lock(self, reason: str = "manual") -> bool:
        """Cover the window now (Ctrl+Alt+L, or idle). False if there is nobody to lock for."""
        user = self._ctx.user
        if self._locked or user is None:
            return False
        self._cover()
        self.screen.show_locked(tr("{0}（{1}）").format(user.display_name, tr(ROLE_LABELS.get(user.role, user.role))))
        self.screen.focus_input()
        self._ctx.audit_queue.put("lock", actor=user, detail={"reason": reason})
        self.locked.emit()
        return True

    def show_signed_out(self) -> None:
        """After 退出登录: covered, with only a way to sign in."""
        covering = not self._locked
        if covering:
            self._cover()
        self.screen.show_signed_out()
        self.screen.focus_input()
        if covering:
            self.locked.emit()

    def _cover(self) -> None:
        self._locked = True
        window = self._shell.window()
        self._hidden_windows = []
        for w in QApplication.topLevelWidgets():
            if w is window or not w.isVisible() or w.windowType() not in _RESTORABLE:
                continue
            w.hide()
            self._hidden_windows.append(w)
        self._shell.setCurrentWidget(self.screen)

    def try_unlock(self, password: str) -> None:
        user = self._ctx.user
        if not self._locked or user is None:
            return
        accounts = self._ctx.accounts
        name = user.name

        def check(task):  # noqa: ANN001, ANN202
            if accounts.check_password(name, password):
                return True, None
            return False, accounts.info(name)

        self.screen.set_busy(True)
        self._runner.run(check, on_success=self._checked, on_failure=self._check_failed, key="unlock")

    def _checked(self, outcome) -> None:  # noqa: ANN001
        ok, info = outcome
        if not self._locked:
            return
        if ok:
            self.release()
            return
        if info is not None and info.locked_until is not None:
            until = info.locked_until.astimezone().strftime("%H:%M")
            text = self.tr("连续输错密码次数过多，账户已锁定至 {0}，可先切换为其他账户").format(until)
        elif info is not None and info.disabled:
            text = self.tr("账户已停用，请切换账户")
        else:
            text = self.tr("密码错误")
        self.screen.show_error(text)
        self.unlock_failed.emit(text)

    def _check_failed(self, exc: BaseException) -> None:
        text = self.tr("无法核对密码：{0}").format(error_text(exc))
        self.screen.show_error(text)
        self.unlock_failed.emit(text)

    def release(self) -> None:
        """Uncover the window (the right password, or a new sign-in) and show hidden dialogs again."""
        if not self._locked:
            return
        self._locked = False
        self._last_input = time.monotonic()
        self.screen.password_edit.clear()
        self._shell.setCurrentWidget(self._content)
        hidden, self._hidden_windows = self._hidden_windows, []
        for w in hidden:
            try:
                w.show()
            except RuntimeError:  # deleted meanwhile
                pass
        self.unlocked.emit()

    def forget_hidden_windows(self) -> list[QWidget]:
        """On sign-out the hidden dialogs belong to the previous account: the caller closes them."""
        hidden, self._hidden_windows = self._hidden_windows, []
        return hidden
