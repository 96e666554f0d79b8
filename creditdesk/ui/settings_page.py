"""设置: the unit and window, data freshness, the idle lock, the platform connection; 账户管理.

The token field is write-only: what is typed goes to the OS credential store
and the field is cleared; it is never shown, saved to a file or logged.

Only a system administrator changes settings (others see them read-only, with
the reason); every saved change is audited as ``settings_change`` with the
changed keys and their old and new values — never the token. The 账户管理 tab
is shown to administrators only.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from creditdesk.app import AppContext
from creditdesk.changes import OpChanges
from creditdesk.roles import may
from creditdesk.ui.accounts_widget import AccountsWidget
from creditdesk.ui.changes import ChangeAware
from creditdesk.ui.core_text import core_message, error_text
from creditdesk.ui.i18n import LANGUAGES
from creditdesk.ui.idle_lock import idle_minutes, set_idle_minutes
from creditdesk.ui.tasks import TaskRunner
from creditdesk.ui.vocabulary import label as tr

# What ``save`` changes, as the audit entry names them.
SAVED_KEYS = ("unit_name", "window_name", "stale_after_hours", "sync_interval_minutes", "idle_lock_minutes",
              "language", "credit_review_pilot")



def _values(settings) -> dict:  # noqa: ANN001
    values = {k: getattr(settings, k) for k in SAVED_KEYS if k != "idle_lock_minutes"}
    values["idle_lock_minutes"] = idle_minutes(settings)
    return values


def changed_values(old: dict, new: dict) -> dict:
    """{key: {"old": ..., "new": ...}} for the keys whose value changed."""
    return {k: {"old": old.get(k), "new": new.get(k)} for k in new if old.get(k) != new.get(k)}


class SettingsPage(QWidget, ChangeAware):
    watches = OpChanges(settings=True, accounts=True)  # what it shows (ui/changes.py)
    settings_saved = Signal()
    connected = Signal(object)  # meta dict, or the exception
    own_account_changed = Signal()  # the signed-in account was changed in 账户管理
    audited = Signal(dict)  # the changes of a settings_change entry, once written

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        s = ctx.settings

        self.unit_name = QLineEdit(s.unit_name)
        self.window_name = QLineEdit(s.window_name)
        self.stale_hours = QSpinBox()
        self.stale_hours.setRange(1, 24 * 30)
        self.stale_hours.setValue(s.stale_after_hours)
        self.stale_hours.setSuffix(self.tr(" 小时"))
        self.sync_minutes = QSpinBox()
        self.sync_minutes.setRange(0, 24 * 60)
        self.sync_minutes.setValue(s.sync_interval_minutes)
        self.sync_minutes.setSuffix(self.tr(" 分钟"))
        self.sync_minutes.setSpecialValueText(self.tr("不自动同步"))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idleMinutes")
        self.idle_minutes.setRange(0, 240)
        self.idle_minutes.setValue(idle_minutes(s))
        self.idle_minutes.setSuffix(self.tr(" 分钟"))
        self.idle_minutes.setSpecialValueText(self.tr("从不自动锁定"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, label in LANGUAGES.items():
            self.language.addItem(self.tr(label) if code == "auto" else label, code)
        self._show_language(s.language)
        self.credit_review_pilot = QCheckBox(self.tr("本单位是信用审查试点单位(&X)"))
        self.credit_review_pilot.setObjectName("creditReviewPilot")
        self.credit_review_pilot.setChecked(bool(s.credit_review_pilot))
        # 昆山 第十三条 (昆政办发〔2017〕41号): only the pilot units must request a 信用审查 (Settings.credit_review_pilot)
        self.pilot_note = QLabel(self.tr("昆政办发〔2017〕41号第十三条：信用审查由“28个部门和单位试行”；非试点单位取消勾选，办理时不再要求信用审查。"))
        self.pilot_note.setObjectName("creditReviewPilotNote")
        self.pilot_note.setWordWrap(True)
        self.pilot_note.setTextFormat(Qt.TextFormat.PlainText)
        self.pilot_note.setStyleSheet("color:#555;")
        self.save_button = QPushButton(self.tr("保存设置"))
        self.save_button.setObjectName("saveSettings")
        self.readonly_note = QLabel()
        self.readonly_note.setObjectName("readonlyNote")
        self.readonly_note.setWordWrap(True)
        self.readonly_note.setTextFormat(Qt.TextFormat.PlainText)
        self.readonly_note.setStyleSheet("background:#fff3cd;color:#7a4f00;border:1px solid #e0b84f;"
                                         "border-radius:4px;padding:6px 8px;")  # fmt: skip
        self.readonly_note.hide()
        self.save_status = QLabel()
        self.save_status.setObjectName("saveStatus")
        self.save_status.setTextFormat(Qt.TextFormat.PlainText)

        unit_box = QGroupBox(self.tr("单位与窗口"))
        form = QFormLayout(unit_box)
        form.addRow(self.tr("单位名称（打印在核查单上）"), self.unit_name)
        form.addRow(self.tr("窗口"), self.window_name)
        form.addRow(self.tr("数据超过此时长未更新时提醒"), self.stale_hours)
        form.addRow(self.tr("自动同步间隔"), self.sync_minutes)
        form.addRow(self.tr("无操作自动锁屏"), self.idle_minutes)
        form.addRow(self.tr("界面语言（下次启动时生效）"), self.language)
        form.addRow(self.tr("信用审查"), self.credit_review_pilot)
        form.addRow("", self.pilot_note)
        self.profile_label = QLabel(profile_name(s.profile_id))  # the city's name, not the profile's code
        self.profile_label.setObjectName("profileName")
        form.addRow(self.tr("政策配置"), self.profile_label)
        from creditdesk.wording import database_text

        database = QLabel(core_message(database_text(ctx.db.url)))  # a path or a server, never a URL or its password
        database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("数据库"), database)

        self.platform_url = QLineEdit(s.platform_url)
        self.platform_url.setPlaceholderText(self.tr("市信用平台提供的数据交换地址"))
        self.client_id = QLineEdit(s.platform_client_id)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("留空则沿用系统凭据库中已保存的令牌"))
        self.connect_button = QPushButton(self.tr("连接平台并保存令牌"))
        self.connect_status = QLabel()
        self.connect_status.setWordWrap(True)
        platform_box = QGroupBox(self.tr("市公共信用信息平台"))
        pform = QFormLayout(platform_box)
        pform.addRow(self.tr("平台地址"), self.platform_url)
        pform.addRow(self.tr("工作站编号"), self.client_id)
        pform.addRow(self.tr("访问令牌"), self.token)
        row = QHBoxLayout()
        row.addWidget(self.connect_button)
        row.addStretch(1)
        pform.addRow("", row)
        pform.addRow("", self.connect_status)

        general = QWidget()
        gl = QVBoxLayout(general)
        gl.addWidget(self.readonly_note)
        gl.addWidget(unit_box)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.save_status, 1)
        gl.addLayout(save_row)
        gl.addWidget(platform_box)
        gl.addStretch(1)

        self.accounts = AccountsWidget(ctx, runner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(general, self.tr("常规设置"))
        self.data_tab = self.tabs.addTab(self._data_tab(), self.tr("数据与备份"))
        self.accounts_tab = self.tabs.addTab(self.accounts, self.tr("账户管理"))

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>{0}</h2>".format(self.tr("设置"))))
        layout.addWidget(self.tabs, 1)

        self.backup_button.clicked.connect(self.backup)
        self.save_button.clicked.connect(self.save)
        self.connect_button.clicked.connect(self.connect_platform)
        self.accounts.changed.connect(self._account_changed)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._apply_permissions()

    # -- who may change what ---------------------------------------------------------
    def can_change(self) -> bool:
        """Administrators; and anybody in a home that has no account yet (unattributed)."""
        user = self.ctx.user
        # No user on this page means a home without accounts: once one exists the window is signed in
        # or locked (login dialog), so no database question is asked here on the GUI thread.
        return may(user, "change_settings", accounts_exist=user is not None)

    def can_manage_accounts(self) -> bool:
        user = self.ctx.user
        return user is not None and user.can("manage_accounts")

    def refresh(self) -> None:
        """Shown, or the signed-in account changed: the values as saved, and what this account may do."""
        s = self.ctx.settings
        self.profile_label.setText(profile_name(s.profile_id))
        self.unit_name.setText(s.unit_name)
        self.window_name.setText(s.window_name)
        self.stale_hours.setValue(s.stale_after_hours)
        self.sync_minutes.setValue(s.sync_interval_minutes)
        self.idle_minutes.setValue(idle_minutes(s))
        self._show_language(s.language)
        self.credit_review_pilot.setChecked(bool(s.credit_review_pilot))
        self.save_status.clear()
        self._apply_permissions()
        if self.tabs.currentWidget() is self.accounts and self.can_manage_accounts():
            self.accounts.refresh()

    def _apply_permissions(self) -> None:
        editable = self.can_change()
        for edit in (self.unit_name, self.window_name, self.platform_url, self.client_id):
            edit.setReadOnly(not editable)
            edit.setStyleSheet("" if editable else "background:#f2f4f7;color:#555;")
        for w in (self.stale_hours, self.sync_minutes, self.idle_minutes, self.save_button, self.token,
                  self.connect_button):  # fmt: skip
            w.setEnabled(editable)
        self.language.setEnabled(editable)
        self.credit_review_pilot.setEnabled(editable)
        self.backup_button.setEnabled(editable)
        user = self.ctx.user
        if editable:
            self.readonly_note.hide()
        else:
            self.readonly_note.setText(self.tr("只有系统管理员可以修改设置。当前登录：{0}，以下设置仅供查看。").format(
                user.label if user else ""))
            self.readonly_note.show()
        admin = self.can_manage_accounts()
        if not admin and self.tabs.currentIndex() == self.accounts_tab:
            self.tabs.setCurrentIndex(0)  # before hiding it: Qt would move to the neighbouring tab
        self.tabs.setTabVisible(self.accounts_tab, admin)

    def _tab_changed(self, index: int) -> None:
        if index == self.accounts_tab and self.can_manage_accounts():
            self.accounts.refresh()

    def _account_changed(self, name: str) -> None:
        user = self.ctx.user
        if user is not None and user.name == name:
            self.own_account_changed.emit()

    def show_accounts(self) -> None:
        if self.can_manage_accounts():
            self.tabs.setCurrentIndex(self.accounts_tab)

    def save(self) -> None:
        if not self.can_change():
            self._apply_permissions()
            return
        s = self.ctx.settings
        old = _values(s)
        s.unit_name = self.unit_name.text().strip() or s.unit_name
        s.window_name = self.window_name.text().strip() or s.window_name
        s.stale_after_hours = self.stale_hours.value()
        s.sync_interval_minutes = self.sync_minutes.value()
        set_idle_minutes(s, self.idle_minutes.value())
        s.language = self.language.currentData() or s.language
        s.credit_review_pilot = self.credit_review_pilot.isChecked()
        changes = changed_values(old, _values(s))
        self.ctx.save_settings()
        if changes:
            self._audit(changes)
            self.save_status.setText(self.tr("已保存"))
        else:
            self.save_status.setText(self.tr("没有修改"))
        self.settings_saved.emit()

    def _show_language(self, code: str) -> None:
        index = self.language.findData(code)
        self.language.setCurrentIndex(index if index >= 0 else 0)

    # -- 数据与备份: where the data lives, and a backup --------------------------------------
    def _data_tab(self) -> QWidget:
        from creditdesk.wording import database_text

        paths, db = self.ctx.paths, self.ctx.db
        sqlite_file = Path(db.engine.url.database) if db.engine.dialect.name == "sqlite" and db.engine.url.database else None
        places = QGroupBox(self.tr("数据位置"))
        pform = QFormLayout(places)
        self.folder_buttons: dict[str, QPushButton] = {}
        rows = (
            ("home", self.tr("主目录"), str(paths.home), paths.home),
            ("database", self.tr("数据库"), str(sqlite_file) if sqlite_file else core_message(database_text(db.url)),
             sqlite_file.parent if sqlite_file else None),
            ("logs", self.tr("日志文件夹"), str(paths.log_dir), paths.log_dir),
            ("backups", self.tr("备份文件夹"), str(paths.backup_dir), paths.backup_dir),
        )
        for key, label, shown, folder in rows:
            value = QLabel(shown)
            value.setObjectName(f"path_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            row = QHBoxLayout()
            row.addWidget(value, 1)
            if folder is not None:
                button = QPushButton(self.tr("打开文件夹"))
                button.setObjectName(f"open_{key}")
                button.clicked.connect(lambda _=False, f=folder: self.open_folder(f))
                self.folder_buttons[key] = button
                row.addWidget(button)
            pform.addRow(label, row)
        backup_box = QGroupBox(self.tr("备份"))
        bl = QVBoxLayout(backup_box)
        note = QLabel(self.tr("备份文件包含数据库（运行中也可备份）和设置，不含平台访问令牌。"
                              "备份只能恢复到新的或空的数据目录，方法见使用说明。"))
        note.setWordWrap(True)
        if sqlite_file is None:
            note.setText(self.tr("此数据目录使用 PostgreSQL 数据库：请由数据库管理员用 pg_dump 备份（pg_restore 恢复）。"))
        self.backup_button = QPushButton(self.tr("备份数据……"))
        self.backup_button.setObjectName("backupButton")
        self.backup_button.setVisible(sqlite_file is not None)
        self.backup_status = QLabel()
        self.backup_status.setObjectName("backupStatus")
        self.backup_status.setWordWrap(True)
        self.backup_status.setTextFormat(Qt.TextFormat.PlainText)
        brow = QHBoxLayout()
        brow.addWidget(self.backup_button)
        brow.addWidget(self.backup_status, 1)
        bl.addWidget(note)
        bl.addLayout(brow)
        tab = QWidget()
        tl = QVBoxLayout(tab)
        tl.addWidget(places)
        tl.addWidget(backup_box)
        tl.addStretch(1)
        return tab

    def open_folder(self, folder: Path) -> bool:
        """Show ``folder`` in the system's file manager (created first if it is not there yet)."""
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def backup(self, target: str | None = None) -> None:
        """Ask where (unless ``target`` is given) and write a backup off the GUI thread."""
        if not self.can_change():
            self._apply_permissions()
            return
        from creditdesk.services.backup import SUFFIX, BackupError, backup_home, default_backup_name

        if target is None:
            suggested = str(self.ctx.paths.backup_dir / default_backup_name())
            target, _ = QFileDialog.getSaveFileName(self, self.tr("备份数据"), suggested,
                                                    self.tr("CreditDesk 备份 (*{0})").format(SUFFIX))  # fmt: skip
            if not target:
                return
        ctx, user = self.ctx, self.ctx.user

        def work(task):  # noqa: ANN001, ANN202
            info = backup_home(ctx.paths, ctx.settings, ctx.engine, target)
            ctx.audit.append("backup", actor=user, target=info.file.name,
                             detail={"schema": info.schema, "bytes": info.bytes, "counts": info.counts})  # fmt: skip
            return info

        def done(info) -> None:  # noqa: ANN001
            self.backup_status.setText(self.tr("已备份到 {0}（{1:,} 字节）").format(info.file, info.bytes))
            self.backup_status.setStyleSheet("color:#1e7b34;")

        def failed(exc: BaseException) -> None:
            text = error_text(exc) if isinstance(exc, BackupError) else self.tr("备份失败：{0}").format(error_text(exc))
            self.backup_status.setText(text)
            self.backup_status.setStyleSheet("color:#b3261e;")

        self.backup_status.setText(self.tr("正在备份……"))
        self.backup_status.setStyleSheet("")
        self.runner.run(work, on_success=done, on_failure=failed, key="backup")

    def _audit(self, changes: dict, extra: dict | None = None) -> None:
        audit, user = self.ctx.audit, self.ctx.user
        detail = {"changes": changes, **(extra or {})}
        target = ",".join(changes)

        def failed(exc: BaseException) -> None:
            self.save_status.setText(self.tr("设置已保存，但审计记录写入失败：{0}").format(error_text(exc)))

        self.runner.run(lambda task: audit.append("settings_change", actor=user, target=target, detail=detail),
                        on_success=lambda _seq: self.audited.emit(detail), on_failure=failed)  # fmt: skip

    def connect_platform(self) -> None:
        if not self.can_change():
            self._apply_permissions()
            return
        url, client_id, token = self.platform_url.text().strip(), self.client_id.text().strip(), self.token.text()
        self.token.clear()  # the secret leaves the widget at once
        engine, settings = self.ctx.engine, self.ctx.settings
        audit, user = self.ctx.audit, self.ctx.user
        old = {"platform_url": settings.platform_url, "platform_client_id": settings.platform_client_id}

        def work(task):  # noqa: ANN001, ANN202
            from creditdesk.platform.client import PlatformClient, check_base_url
            from creditdesk.platform.credentials import get_token, store_token
            from creditdesk.platform.keys import TrustedKeys

            base = check_base_url(url)
            if token:
                store_token(base, client_id, token)
            stored = get_token(base, client_id)
            with PlatformClient(base, client_id, stored or "") as client:
                meta = client.meta()
            changes = TrustedKeys(engine).pin_from_meta(meta["platform_id"], meta.get("signing_keys") or [])
            changed = changed_values(old, {"platform_url": base, "platform_client_id": client_id})
            if changed or token:  # which keys, old and new; of the token only that it was replaced
                audit.append("settings_change", actor=user, target=",".join(changed) or "platform_token",
                             detail={"changes": changed, "token_replaced": bool(token)})  # fmt: skip
            return base, meta, changes

        def done(outcome) -> None:  # noqa: ANN001
            base, meta, changes = outcome
            settings.platform_url, settings.platform_client_id = base, client_id
            self.ctx.save_settings()
            text = self.tr("已连接：{0}（{1}），epoch {2}").format(
                meta.get("platform_name") or meta["platform_id"], meta["platform_id"], meta["epoch"])
            if changes:
                text += "<br>" + "<br>".join(str(c) for c in changes)
            self.connect_status.setText(text)
            self.connect_status.setStyleSheet("color:#1e7b34;")
            self.connected.emit(meta)

        def failed(exc: BaseException) -> None:
            self.connect_status.setText(self.tr("连接失败：{0}").format(error_text(exc)))
            self.connect_status.setStyleSheet("color:#b3261e;")
            self.connected.emit(exc)

        self.connect_status.setText(self.tr("正在连接……"))
        self.connect_status.setStyleSheet("")
        self.runner.run(work, on_success=done, on_failure=failed, key="connect")


def profile_name(profile_id: str) -> str:
    """The policy profile by its city's name (福州市 …), as the bundled profiles call it."""
    return _profile_names().get(profile_id) or tr("（未知的政策配置）")


@functools.cache
def _profile_names() -> dict[str, str]:
    try:
        from creditdesk.policy.store import ProfileStore

        store = ProfileStore.bundled()
        return {pid: store.versions(pid)[-1].name for pid in store.profile_ids}
    except Exception:  # noqa: BLE001 - the page still opens; the row says the profile is not known
        return {}
