"""登录: who is at the window. The sign-in dialog and the start-up flow before the main window.

- A home with accounts: the sign-in dialog (name, password; Enter signs in,
  Esc quits). The password is checked in the background
  (``AccountService.authenticate``, audited ``login`` / ``login_failed``); a
  refusal — the lock-out after repeated failures included — is shown in red.
- The first start outside demo mode (no account yet): 创建系统管理员, then the
  app is signed in as that administrator.
- Demo mode (and only there): the demo accounts are created in the background
  first, and the dialog names them (password ``demo``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from creditdesk.roles import Actor
from creditdesk.services.accounts import LoginFailed
from creditdesk.ui.accounts_widget import AccountFormDialog
from creditdesk.ui.core_text import error_text
from creditdesk.ui.tasks import TaskRunner

DEMO_NOTE = QT_TRANSLATE_NOOP(
    "",
    "<b>演示模式</b>：可用以下演示账户登录，密码均为 demo"
    "<table style='margin-top:4px'>"
    "<tr><td style='padding-right:14px'>demo-officer</td><td>经办人</td></tr>"
    "<tr><td style='padding-right:14px'>demo-supervisor</td><td>科室负责人</td></tr>"
    "<tr><td style='padding-right:14px'>demo-admin</td><td>系统管理员</td></tr></table>"
)


class LoginDialog(QDialog):
    signed_in = Signal(object)  # the Actor
    failed = Signal(str)

    def __init__(
        self,
        accounts,  # noqa: ANN001 - AccountService
        runner: TaskRunner,
        *,
        demo: bool = False,
        place: str = "",
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self._accounts, self._runner = accounts, runner
        self._busy = False
        self._waiting = False
        self._closed = False
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录 — 信用核查窗口助手"))

        heading = QLabel(self.tr("信用核查窗口助手"))
        heading.setObjectName("loginHeading")
        heading.setStyleSheet("font-size:17pt;font-weight:bold;color:#1f3a5f;")
        self.place_label = QLabel(place)
        self.place_label.setStyleSheet("color:#555;")
        self.place_label.setVisible(bool(place))
        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("loginName")
        self.name_edit.setPlaceholderText(self.tr("用户名"))
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("loginPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("密码"))
        for edit in (self.name_edit, self.password_edit):
            edit.setMinimumHeight(32)
        self.error_label = QLabel()
        self.error_label.setObjectName("loginError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet("color:#b3261e;")
        self.demo_label = QLabel(self.tr(DEMO_NOTE))
        self.demo_label.setObjectName("demoNote")
        self.demo_label.setWordWrap(True)
        self.demo_label.setTextFormat(Qt.TextFormat.RichText)
        self.demo_label.setStyleSheet("background:#fff3cd;color:#7a4f00;border:1px solid #e0b84f;"
                                      "border-radius:4px;padding:6px 8px;")  # fmt: skip
        self.demo_label.setVisible(demo)

        self.login_button = QPushButton(self.tr("登录"))
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.login_button.setMinimumHeight(32)
        self.login_button.setStyleSheet(
            "QPushButton{background:#1f3a5f;color:white;font-weight:bold;padding:4px 26px;border-radius:4px;}"
            "QPushButton:disabled{background:#c5ccd6;}"
        )
        self.cancel_button = QPushButton(self.tr("退出"))
        self.cancel_button.setAutoDefault(False)  # Enter always means 登录
        self.cancel_button.setMinimumHeight(32)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("用户名(&U)"), self.name_edit)
        form.addRow(self.tr("密码(&P)"), self.password_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.login_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.place_label)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.demo_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(440)

        self.name_edit.returnPressed.connect(self._name_entered)
        self.password_edit.returnPressed.connect(self.submit)
        self.login_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        (self.password_edit if name else self.name_edit).setFocus()

    # -- waiting for the demo accounts ---------------------------------------------
    def set_waiting(self, text: str) -> None:
        self._waiting = True
        self.login_button.setEnabled(False)
        self.error_label.setStyleSheet("color:#555;")
        self.error_label.setText(text)

    def set_ready(self) -> None:
        self._waiting = False
        self.login_button.setEnabled(not self._busy)
        self.error_label.clear()
        self.error_label.setStyleSheet("color:#b3261e;")

    # -- signing in ------------------------------------------------------------------
    def _name_entered(self) -> None:
        if self.password_edit.text():
            self.submit()
        else:
            self.password_edit.setFocus()

    def submit(self) -> None:
        if self._busy or self._waiting:
            return
        name, password = self.name_edit.text().strip(), self.password_edit.text()
        if not name:
            self.show_error(self.tr("请输入用户名"), self.name_edit)
            return
        if not password:
            self.show_error(self.tr("请输入密码"), self.password_edit)
            return
        accounts = self._accounts
        self._set_busy(True)
        self.error_label.setStyleSheet("color:#555;")
        self.error_label.setText(self.tr("正在登录……"))
        self._runner.run(lambda task: accounts.authenticate(name, password), on_success=self._done,
                         on_failure=self._failed, key="login")  # fmt: skip

    def _done(self, actor: Actor) -> None:
        self._set_busy(False)
        if self._closed:
            return
        self.actor = actor
        self.password_edit.clear()
        self.signed_in.emit(actor)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        text = error_text(exc) if isinstance(exc, LoginFailed) else self.tr("登录失败：{0}").format(error_text(exc))
        self.show_error(text, self.password_edit)

    def show_error(self, text: str, focus: QLineEdit | None = None) -> None:
        self.error_label.setStyleSheet("color:#b3261e;")
        self.error_label.setText(text)
        if focus is self.password_edit:
            self.password_edit.clear()
        if focus is not None:
            focus.setFocus()
            focus.selectAll()
        self.failed.emit(text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.login_button.setEnabled(not busy and not self._waiting)
        # Read-only, not disabled: a disabled field would pass the focus (and Enter) to 退出.
        self.name_edit.setReadOnly(busy)
        self.password_edit.setReadOnly(busy)

    def done(self, result: int) -> None:  # noqa: D401 - QDialog.done
        self._closed = result != QDialog.DialogCode.Accepted
        if self._closed:
            self._runner.cancel_key("login")
        super().done(result)


def place_text(settings) -> str:  # noqa: ANN001
    return f"{settings.unit_name}　{settings.window_name}"


class SignInFlow(QObject):
    """Before the main window: the demo accounts, the first administrator or the sign-in.

    ``start()`` shows the right dialog; ``finished(actor)`` reports the signed-in
    Actor, or None when the officer quit. Sets ``ctx.user``.
    """

    finished = Signal(object)

    def __init__(self, ctx, runner: TaskRunner, parent: QObject | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.dialog: QDialog | None = None
        self._done = False

    def start(self) -> None:
        ctx = self.ctx
        if ctx.settings.demo:
            from creditdesk.services.accounts import ensure_demo_accounts

            dialog = self._login_dialog()
            dialog.set_waiting(self.tr("正在准备演示账户……"))
            accounts, unit = ctx.accounts, ctx.settings.unit_name
            def failed(exc: BaseException) -> None:
                dialog.set_ready()
                dialog.show_error(self.tr("演示账户创建失败：{0}").format(error_text(exc)))

            self.runner.run(lambda task: ensure_demo_accounts(accounts, unit), on_success=lambda _r: dialog.set_ready(),
                            on_failure=failed)  # fmt: skip
            dialog.show()
            return
        accounts = ctx.accounts
        self.runner.run(lambda task: accounts.accounts_exist(), on_success=self._have_accounts,
                        on_failure=self._unreadable)  # fmt: skip

    def _have_accounts(self, exist: bool) -> None:
        if exist:
            self._login_dialog().show()
            return
        dialog = AccountFormDialog(self.ctx.accounts, self.runner, by=None, first=True,
                                   unit=self.ctx.settings.unit_name)  # fmt: skip
        dialog.accepted.connect(lambda: self._finish(dialog.actor))
        dialog.rejected.connect(lambda: self._finish(None))
        self.dialog = dialog
        dialog.show()

    def _unreadable(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "CreditDesk", self.tr("无法读取账户：{0}").format(error_text(exc)))
        self._finish(None)

    def _login_dialog(self) -> LoginDialog:
        dialog = LoginDialog(self.ctx.accounts, self.runner, demo=self.ctx.settings.demo,
                             place=place_text(self.ctx.settings))  # fmt: skip
        dialog.accepted.connect(lambda: self._finish(dialog.actor))
        dialog.rejected.connect(lambda: self._finish(None))
        self.dialog = dialog
        return dialog

    def _finish(self, actor: Actor | None) -> None:
        if self._done:
            return
        self._done = True
        if actor is not None:
            self.ctx.user = actor
        self.finished.emit(actor)
