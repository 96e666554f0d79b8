"""设置 → 数据与备份: where the data lives (with open-folder buttons), the backup button, the
language choice, and the icon on window and dialogs (issue 14 items 1, 2, 4, 5)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from creditdesk.app import open_app
from creditdesk.config import load_settings
from creditdesk.ui.main import app_icon, make_application
from creditdesk.ui.main_window import MainWindow


class FileUrls(QObject):
    """Qt's own hook for file:// URLs (QDesktopServices.setUrlHandler): what would be opened."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toLocalFile())


@pytest.fixture
def window(qtbot, tmp_path):
    ctx = open_app(tmp_path / "home")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    yield win
    win.runner.wait(5000)
    ctx.close()


def test_data_tab_shows_the_home_database_and_log_folder_and_opens_them(window, tmp_path):
    page, paths = window.settings_page, window.ctx.paths
    shown = {key: page.findChild(QLabel, f"path_{key}").text() for key in ("home", "database", "logs", "backups")}
    root = (tmp_path / "home").resolve()
    assert shown == {"home": str(root), "database": str(root / "data" / "creditdesk.sqlite"),
                     "logs": str(root / "logs"), "backups": str(root / "data" / "backups")}  # fmt: skip
    handler = FileUrls()
    QDesktopServices.setUrlHandler("file", handler, "open")
    try:
        for key in ("home", "database", "logs"):
            page.findChild(QPushButton, f"open_{key}").click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert handler.opened == [str(root), str(root / "data"), str(root / "logs")]
    assert paths.log_dir == root / "logs"


def test_backup_button_writes_a_backup_off_the_gui_thread_and_says_where(qtbot, window, tmp_path):
    page = window.settings_page
    target = tmp_path / "from-settings.cdbak"
    page.backup(str(target))  # what the file dialog would return
    qtbot.waitUntil(lambda: "已备份到" in page.backup_status.text(), timeout=20000)
    assert str(target) in page.backup_status.text()
    with zipfile.ZipFile(target) as zf:
        assert set(zf.namelist()) == {"manifest.json", "config.toml", "creditdesk.sqlite"}
    qtbot.waitUntil(lambda: bool(window.ctx.audit.entries(action="backup")), timeout=10000)
    assert window.ctx.audit.entries(action="backup")[0].target == target.name


def test_language_is_saved_and_audited_like_the_other_settings(qtbot, window):
    page = window.settings_page
    page.language.setCurrentIndex(page.language.findData("en"))
    seen = []
    page.audited.connect(seen.append)
    page.save()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert seen[0]["changes"]["language"] == {"old": "auto", "new": "en"}
    assert load_settings(window.ctx.paths.config_file).language == "en"


def test_window_dialogs_and_taskbar_have_the_icon(window):
    app = make_application()
    assert not app_icon().isNull()
    assert {s.width() for s in app_icon().availableSizes()} >= {16, 32, 48, 256}
    assert not QApplication.windowIcon().isNull()
    assert not window.windowIcon().isNull()  # windows without an own icon take the application's
    from creditdesk.ui.verify_dialog import VerifyDialog

    dialog = VerifyDialog(window.runner, window.ctx.engine, window)
    assert dialog.windowIcon().cacheKey() == QApplication.windowIcon().cacheKey()
    dialog.close()
    assert QApplication.desktopFileName() == "cn.creditdesk.CreditDesk"
