"""账户管理: who may sign in at this window, with which role (administrators only).

Lists the accounts and creates, re-passwords, re-roles, disables and enables
them. Every call goes to ``AccountService`` through the TaskRunner (a password
hash takes ~0.1 s); the service checks the permission again and audits the
change; its refusals (AccountError, NotPermitted) are shown as they are.

``AccountFormDialog`` is also the first start's 创建系统管理员 dialog.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from creditdesk.roles import ROLE_LABELS, ROLES, Actor
from creditdesk.services.accounts import MIN_PASSWORD_LENGTH, AccountError, AccountInfo, check_password_policy
from creditdesk.ui.core_text import error_text
from creditdesk.ui.tasks import TaskRunner
from creditdesk.ui.vocabulary import label as tr

ERROR_STYLE = "color:#b3261e;"
OK_STYLE = "color:#1e7b34;"


def _error_text(exc: BaseException) -> str:
    """Refusals carry their Chinese message; anything else is named."""
    if isinstance(exc, (AccountError, PermissionError)):
        return error_text(exc)
    return tr("{0}：{1}").format(type(exc).__name__, exc)


def _password_pair(name: str, first: str, second: str) -> str | None:
    """The error for two typed passwords, or None (the service checks the policy again)."""
    if not first:
        return tr("请输入密码")
    if first != second:
        return tr("两次输入的密码不一致")
    try:
        check_password_policy(name, first)
    except AccountError as exc:
        return error_text(exc)
    return None


def _password_edit(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(ERROR_STYLE)
    return label


class AccountFormDialog(QDialog):
    """A new account; with ``first`` the home's first administrator, who is then signed in."""

    created = Signal(object)  # the Actor
    failed = Signal(str)

    def __init__(
        self,
        accounts,  # noqa: ANN001 - AccountService
        runner: TaskRunner,
        *,
        by: Actor | None,
        first: bool = False,
        unit: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("createAdminDialog" if first else "accountDialog")
        self._accounts, self._runner, self._by, self._first = accounts, runner, by, first
        self._busy = False
        self._closed = False
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("创建系统管理员") if first else self.tr("新建账户"))

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        if first:
            self.intro.setText(self.tr(
                "<h3>欢迎使用信用核查窗口助手</h3>"
                "<p>首次使用，请先创建<b>系统管理员</b>账户。之后由管理员为各位经办人、科室负责人创建账户，"
                "每次查询和核查都将记录在登录的账户名下。</p>"))  # fmt: skip
        else:
            self.intro.setText(self.tr("新建的账户用用户名和密码登录；请把初始密码当面告知本人。"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("accountName")
        self.name_edit.setPlaceholderText(self.tr("小写字母、数字或 . _ -，如 zhangsan"))
        self.display_edit = QLineEdit()
        self.display_edit.setObjectName("accountDisplayName")
        self.display_edit.setPlaceholderText(self.tr("姓名，如 张三（显示在核查单上）"))
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("accountRole")
        for role in ROLES:
            self.role_combo.addItem(self.tr(ROLE_LABELS[role]), role)
        self.unit_edit = QLineEdit(unit or "")
        self.unit_edit.setObjectName("accountUnit")
        self.unit_edit.setPlaceholderText(self.tr("所属科室或单位（可空）"))
        self.password_edit = _password_edit(self.tr("至少 {0} 位").format(MIN_PASSWORD_LENGTH))
        self.password_edit.setObjectName("accountPassword")
        self.password2_edit = _password_edit(self.tr("再输入一次"))
        self.password2_edit.setObjectName("accountPassword2")
        self.error_label = _error_label()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("用户名(&U)"), self.name_edit)
        form.addRow(self.tr("姓名(&N)"), self.display_edit)
        if first:
            self.role_combo.setCurrentIndex(self.role_combo.findData("admin"))
            form.addRow(self.tr("角色"), QLabel(self.tr(ROLE_LABELS["admin"])))
        else:
            self.role_combo.setCurrentIndex(self.role_combo.findData("officer"))
            form.addRow(self.tr("角色(&R)"), self.role_combo)
        form.addRow(self.tr("科室/单位"), self.unit_edit)
        form.addRow(self.tr("密码(&P)"), self.password_edit)
        form.addRow(self.tr("确认密码"), self.password2_edit)

        self.ok_button = QPushButton(self.tr("创建并登录") if first else self.tr("创建账户"))
        self.ok_button.setObjectName("createButton")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("退出") if first else self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)

        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.name_edit.setFocus()

    def submit(self) -> None:
        if self._busy:
            return
        name = self.name_edit.text().strip().lower()
        display = self.display_edit.text().strip()
        role = "admin" if self._first else self.role_combo.currentData()
        unit = self.unit_edit.text().strip() or None
        password = self.password_edit.text()
        if not name:
            self._show_error(self.tr("请输入用户名"), self.name_edit)
            return
        if not display:
            self._show_error(self.tr("请输入姓名"), self.display_edit)
            return
        problem = _password_pair(name, password, self.password2_edit.text())
        if problem:
            self._show_error(self.tr(problem), self.password_edit)
            return
        accounts, by, first = self._accounts, self._by, self._first

        def work(task):  # noqa: ANN001, ANN202
            actor = accounts.create(name, role, password, display_name=display, unit=unit, by=by)
            if first:  # and sign in as the new administrator (audited as a login)
                actor = accounts.authenticate(name, password)
            return actor

        self._set_busy(True)
        self.error_label.setStyleSheet("color:#555;")
        self.error_label.setText(self.tr("正在创建账户……"))
        self._runner.run(work, on_success=self._done, on_failure=self._failed)

    def _done(self, actor: Actor) -> None:
        self._set_busy(False)
        if self._closed:
            return
        self.actor = actor
        self.created.emit(actor)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        text = _error_text(exc)
        self._show_error(text, self.password_edit if "密码" in text or tr("密码").lower() in text.lower() else self.name_edit)

    def _show_error(self, text: str, focus: QWidget | None = None) -> None:
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setText(text)
        if focus is not None:
            focus.setFocus()
            if isinstance(focus, QLineEdit):
                focus.selectAll()
        self.failed.emit(text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)

    def done(self, result: int) -> None:  # noqa: D401 - QDialog.done
        self._closed = True
        super().done(result)


class PasswordDialog(QDialog):
    """重置密码: a new password for ``name`` (typed twice), set by ``by`` (an administrator or the account itself)."""

    changed = Signal(str)
    failed = Signal(str)

    def __init__(self, accounts, runner: TaskRunner, name: str, *, by: Actor | None,  # noqa: ANN001
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self._accounts, self._runner, self._name, self._by = accounts, runner, name, by
        self._busy = False
        self.setWindowTitle(self.tr("重置密码 — {0}").format(name))
        self.password_edit = _password_edit(self.tr("至少 {0} 位").format(MIN_PASSWORD_LENGTH))
        self.password_edit.setObjectName("newPassword")
        self.password2_edit = _password_edit(self.tr("再输入一次"))
        self.password2_edit.setObjectName("newPassword2")
        self.error_label = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("账户"), QLabel(name))
        form.addRow(self.tr("新密码(&P)"), self.password_edit)
        form.addRow(self.tr("确认新密码"), self.password2_edit)
        self.ok_button = QPushButton(self.tr("重置密码"))
        self.ok_button.setDefault(True)
        cancel = QPushButton(self.tr("取消"))
        cancel.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("重置后该账户的登录锁定一并解除。"))
        note.setStyleSheet("color:#555;")
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(400)
        self.ok_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)

    def submit(self) -> None:
        if self._busy:
            return
        password = self.password_edit.text()
        problem = _password_pair(self._name, password, self.password2_edit.text())
        if problem:
            self._fail_text(self.tr(problem))
            return
        accounts, name, by = self._accounts, self._name, self._by
        self._busy = True
        self.ok_button.setEnabled(False)
        self._runner.run(lambda task: accounts.set_password(name, password, by=by),
                         on_success=self._done, on_failure=lambda exc: self._fail_text(_error_text(exc)))  # fmt: skip

    def _done(self, _result) -> None:  # noqa: ANN001
        self._busy = False
        self.ok_button.setEnabled(True)
        self.changed.emit(self._name)
        self.accept()

    def _fail_text(self, text: str) -> None:
        self._busy = False
        self.ok_button.setEnabled(True)
        self.error_label.setText(text)
        self.password_edit.clear()
        self.password2_edit.clear()
        self.password_edit.setFocus()
        self.failed.emit(text)


COLUMNS = (QT_TRANSLATE_NOOP("", "用户名"), QT_TRANSLATE_NOOP("", "姓名"), QT_TRANSLATE_NOOP("", "角色"),
           QT_TRANSLATE_NOOP("", "科室/单位"), QT_TRANSLATE_NOOP("", "状态"), QT_TRANSLATE_NOOP("", "最近登录"))


def _when(value: dt.datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else "—"


def status_text(info: AccountInfo) -> str:
    if info.disabled:
        return tr("已停用")
    if info.locked_until is not None:
        return tr("登录锁定至 {0}").format(info.locked_until.astimezone().strftime("%H:%M"))
    return tr("正常")


class AccountsWidget(QWidget):
    """The 账户管理 tab of the settings page."""

    loaded = Signal(list)  # list[AccountInfo]
    changed = Signal(str)  # the account name changed or created
    failed = Signal(str)

    def __init__(self, ctx, runner: TaskRunner, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self._infos: list[AccountInfo] = []

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("accountsTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.create_button = QPushButton(self.tr("新建账户…"))
        self.create_button.setObjectName("createAccount")
        self.password_button = QPushButton(self.tr("重置密码…"))
        self.password_button.setObjectName("resetPassword")
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("roleCombo")
        for role in ROLES:
            self.role_combo.addItem(self.tr(ROLE_LABELS[role]), role)
        self.role_button = QPushButton(self.tr("修改角色"))
        self.role_button.setObjectName("changeRole")
        self.disable_button = QPushButton(self.tr("停用"))
        self.disable_button.setObjectName("toggleDisabled")
        self.reload_button = QPushButton(self.tr("刷新"))
        self.status = QLabel()
        self.status.setObjectName("accountsStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.password_button)
        buttons.addSpacing(12)
        buttons.addWidget(QLabel(self.tr("角色：")))
        buttons.addWidget(self.role_combo)
        buttons.addWidget(self.role_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.disable_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)

        layout = QVBoxLayout(self)
        note = QLabel(self.tr("经办人办理查询与核查；科室负责人另可查看全科室台账、处理跟进与导出；"
                              "系统管理员另可管理账户和修改设置。每项修改都记入审计日志。"))  # fmt: skip
        note.setWordWrap(True)
        note.setStyleSheet("color:#555;")
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self.create_button.clicked.connect(self.create_account)
        self.password_button.clicked.connect(self.reset_password)
        self.role_button.clicked.connect(lambda: self.change_role())
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.reload_button.clicked.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.reset_password())
        self._selection_changed()

    # -- reading --------------------------------------------------------------------
    def refresh(self) -> None:
        accounts = self.ctx.accounts
        self.runner.run(lambda task: accounts.list(), on_success=self._show, on_failure=self._fail,
                        key="accounts-list")  # fmt: skip

    def _show(self, infos: list[AccountInfo]) -> None:
        selected = self.selected_name()
        self._infos = list(infos)
        self.table.setRowCount(len(infos))
        for row, info in enumerate(infos):
            values = (info.name, info.display_name, self.tr(info.role_label), info.unit or "",
                      status_text(info), _when(info.last_login_at))  # fmt: skip
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if info.disabled:
                    item.setForeground(Qt.GlobalColor.gray)
                elif col == 4 and info.locked_until is not None:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, col, item)
            if info.name == selected:
                self.table.selectRow(row)
        if selected is None and infos:
            self.table.selectRow(0)
        self._selection_changed()
        self.loaded.emit(list(infos))

    def selected_name(self) -> str | None:
        info = self.selected_info()
        return info.name if info else None

    def selected_info(self) -> AccountInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._infos):
            return None
        return self._infos[rows[0].row()]

    def select(self, name: str) -> None:
        for row, info in enumerate(self._infos):
            if info.name == name:
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        info = self.selected_info()
        for b in (self.password_button, self.role_button, self.disable_button, self.role_combo):
            b.setEnabled(info is not None)
        if info is not None:
            self.role_combo.setCurrentIndex(self.role_combo.findData(info.role))
            self.disable_button.setText(self.tr("启用") if info.disabled else self.tr("停用"))

    # -- changing --------------------------------------------------------------------
    def create_account(self) -> AccountFormDialog:
        dialog = AccountFormDialog(self.ctx.accounts, self.runner, by=self.ctx.user, unit=self._default_unit(),
                                   parent=self)  # fmt: skip
        dialog.created.connect(lambda actor: self._changed(actor.name, self.tr("已创建账户 {0}").format(actor.name)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _default_unit(self) -> str | None:
        user = self.ctx.user
        return user.unit if user is not None else None

    def reset_password(self) -> PasswordDialog | None:
        name = self.selected_name()
        if name is None:
            return None
        dialog = PasswordDialog(self.ctx.accounts, self.runner, name, by=self.ctx.user, parent=self)
        dialog.changed.connect(lambda n: self._changed(n, self.tr("已重置 {0} 的密码").format(n)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def change_role(self, role: str | None = None) -> None:
        name = self.selected_name()
        role = role or self.role_combo.currentData()
        if name is None or role is None:
            return
        accounts, by = self.ctx.accounts, self.ctx.user
        label = self.tr(ROLE_LABELS.get(role, role))
        self._run(lambda task: accounts.set_role(name, role, by=by), name,
                  self.tr("{0} 的角色已改为{1}").format(name, label))  # fmt: skip

    def toggle_disabled(self) -> None:
        info = self.selected_info()
        if info is None:
            return
        accounts, by, name, disable = self.ctx.accounts, self.ctx.user, info.name, not info.disabled
        done = self.tr("已停用 {0}") if disable else self.tr("已启用 {0}")
        self._run(lambda task: accounts.set_disabled(name, disable, by=by), name, done.format(name))

    def _run(self, fn, name: str, done_text: str) -> None:  # noqa: ANN001
        self.status.setStyleSheet("color:#555;")
        self.status.setText(self.tr("正在保存……"))
        self.runner.run(fn, on_success=lambda _r: self._changed(name, done_text), on_failure=self._fail)

    def _changed(self, name: str, text: str) -> None:
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(text)
        self.changed.emit(name)
        self.refresh()

    def _fail(self, exc: BaseException) -> None:
        text = _error_text(exc)
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)
        self.failed.emit(text)
