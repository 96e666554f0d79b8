"""设置: the unit and window, data freshness, and the platform connection.

The token field is write-only: what is typed goes to the OS credential store
and the field is cleared; it is never shown, saved to a file or logged.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from creditdesk.app import AppContext
from creditdesk.ui.tasks import TaskRunner


class SettingsPage(QWidget):
    settings_saved = Signal()
    connected = Signal(object)  # meta dict, or the exception

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
        self.save_button = QPushButton(self.tr("保存设置"))

        unit_box = QGroupBox(self.tr("单位与窗口"))
        form = QFormLayout(unit_box)
        form.addRow(self.tr("单位名称（打印在核查单上）"), self.unit_name)
        form.addRow(self.tr("窗口"), self.window_name)
        form.addRow(self.tr("数据超过此时长未更新时提醒"), self.stale_hours)
        form.addRow(self.tr("自动同步间隔"), self.sync_minutes)
        form.addRow(self.tr("政策配置"), QLabel(s.profile_id))
        form.addRow(self.tr("数据库"), QLabel(ctx.db.display_url))

        self.platform_url = QLineEdit(s.platform_url)
        self.platform_url.setPlaceholderText("https://credit.example.gov.cn/exchange")
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
        pform.addRow(self.tr("工作站编号（X-Client-Id）"), self.client_id)
        pform.addRow(self.tr("访问令牌"), self.token)
        row = QHBoxLayout()
        row.addWidget(self.connect_button)
        row.addStretch(1)
        pform.addRow("", row)
        pform.addRow("", self.connect_status)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>{0}</h2>".format(self.tr("设置"))))
        layout.addWidget(unit_box)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        layout.addLayout(save_row)
        layout.addWidget(platform_box)
        layout.addStretch(1)

        self.save_button.clicked.connect(self.save)
        self.connect_button.clicked.connect(self.connect_platform)

    def save(self) -> None:
        s = self.ctx.settings
        s.unit_name = self.unit_name.text().strip() or s.unit_name
        s.window_name = self.window_name.text().strip() or s.window_name
        s.stale_after_hours = self.stale_hours.value()
        s.sync_interval_minutes = self.sync_minutes.value()
        self.ctx.save_settings()
        self.settings_saved.emit()

    def connect_platform(self) -> None:
        url, client_id, token = self.platform_url.text().strip(), self.client_id.text().strip(), self.token.text()
        self.token.clear()  # the secret leaves the widget at once
        engine, settings = self.ctx.engine, self.ctx.settings

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
            self.connect_status.setText(self.tr("连接失败：{0}").format(exc))
            self.connect_status.setStyleSheet("color:#b3261e;")
            self.connected.emit(exc)

        self.connect_status.setText(self.tr("正在连接……"))
        self.connect_status.setStyleSheet("")
        self.runner.run(work, on_success=done, on_failure=failed, key="connect")
