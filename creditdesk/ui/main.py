"""Starting the GUI: the application object, fonts, the home, the window."""

from __future__ import annotations

import gc
import json
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from creditdesk.app import AppContext, open_app
from creditdesk.paths import DESKTOP_ID, bundled_font, icon_file

# ``CREDITDESK_STARTUP_PROBE=FILE``: append a JSON line {"event", "t"} (time.time()) when the
# sign-in dialog is up and when the query box is ready — for benchmarks/frozen_startup.py.
PROBE_ENV = "CREDITDESK_STARTUP_PROBE"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def probe(event: str) -> None:
    path = os.environ.get(PROBE_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"event": event, "t": time.time()}) + "\n")


def app_icon() -> QIcon:
    """The CreditDesk icon at every size the platforms ask for (window, dialogs, taskbar)."""
    icon = QIcon()
    for size in ICON_SIZES:
        file = icon_file(size)
        if file.is_file():
            icon.addFile(str(file))
    return icon

log = logging.getLogger(__name__)

# TrueType CJK fonts that render Chinese well on the machines a hall uses.
PREFERRED_FONTS = ("Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC")


def make_application(argv: list[str] | None = None, language: str | None = None,
                     missing: set | None = None) -> QApplication:
    from creditdesk.ui.i18n import DEFAULT_LOCALE, choose_language, install_translators

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("CreditDesk")
    QGuiApplication.setDesktopFileName(DESKTOP_ID)  # the taskbar's icon and grouping (Wayland, X11)
    # One icon for the window, every dialog and the taskbar: windows without their own take the app's.
    app.setWindowIcon(app_icon())
    # Qt's own dialogs (打印, 另存为, 取消 …) and, in English, CreditDesk's windows (ui/i18n.py).
    # ``language`` is the home's setting (run_gui); without one, Chinese, whatever the locale.
    install_translators(app, choose_language(language) if language else DEFAULT_LOCALE, missing)
    app.setApplicationDisplayName(app.translate("CreditDesk", "信用核查窗口助手"))
    # Each call from Qt into Python (a paint, a model's data()) waits for the GIL; while a sync
    # parses on a worker thread that wait is up to the switch interval (5 ms by default), many
    # times per repaint. A shorter interval keeps the window's pauses short during a sync.
    sys.setswitchinterval(0.001)
    families = set(QFontDatabase.families())
    if not families.intersection(PREFERRED_FONTS):
        font_file = bundled_font()  # a frozen build carries WenQuanYi Micro Hei
        if font_file is not None and QFontDatabase.addApplicationFont(str(font_file)) >= 0:
            families = set(QFontDatabase.families())
    for family in PREFERRED_FONTS:
        if family in families:
            font = QFont(family)
            font.setPointSize(11)
            app.setFont(font)
            break
    else:
        if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
            from creditdesk.system_libs import FONT_PACKAGE, install_line

            log.warning("no CJK font: Chinese would render as boxes")
            print(f"警告：系统没有中文字体，界面文字将显示为方框。请安装：{install_line([FONT_PACKAGE])}", file=sys.stderr)
    return app  # type: ignore[return-value]


def build_window(ctx: AppContext, today=None):  # noqa: ANN001, ANN201
    from creditdesk.ui.main_window import MainWindow

    return MainWindow(ctx, today=today)


def _language_setting(home: str | Path | None) -> str | None:
    """The home's ``language`` setting, read before the app (and its translators) exist."""
    from creditdesk.config import load_settings
    from creditdesk.paths import resolve_paths

    try:
        return load_settings(resolve_paths(home).config_file).language
    except Exception:  # noqa: BLE001 - an unreadable file is reported by open_app below
        return None


def _preset_sign_in(ctx: AppContext, user: str | None, demo: bool):  # noqa: ANN202
    """``--user NAME`` with ``CREDITDESK_PASSWORD`` set signs in without the dialog (as on the
    command line); a wrong name or password falls back to the dialog."""
    password = os.environ.get("CREDITDESK_PASSWORD")
    if not user or password is None:
        return None
    from creditdesk.services.accounts import LoginFailed, ensure_demo_accounts

    if demo or ctx.settings.demo:
        ensure_demo_accounts(ctx.accounts, unit=ctx.settings.unit_name)
    try:
        return ctx.accounts.authenticate(user, password)
    except LoginFailed:
        return None


def run_gui(home: str | Path | None = None, demo: bool = False, user: str | None = None) -> int:
    app = make_application(language=_language_setting(home))
    try:
        ctx = open_app(home, demo=demo)
    except Exception as exc:  # noqa: BLE001 - shown to the officer, not a traceback
        QMessageBox.critical(None, "CreditDesk", app.translate("CreditDesk", "无法打开数据目录：{0}").format(exc))
        return 1
    from creditdesk.ui.login_dialog import SignInFlow
    from creditdesk.ui.tasks import TaskRunner

    # Sign in first (or create the first administrator): the window shows no data before.
    app.setQuitOnLastWindowClosed(False)  # closing the sign-in dialog is not the end
    started: dict = {}

    def signed_in(actor) -> None:  # noqa: ANN001
        if actor is None:
            app.quit()
            return
        window = build_window(ctx)
        started["window"] = window
        window.show()
        if os.environ.get(PROBE_ENV):
            QTimer.singleShot(0, lambda: probe("query_box_ready"))
        app.setQuitOnLastWindowClosed(True)
        # Everything alive now (Qt bindings, modules, the window) lives as long as the app:
        # keeping it out of the cycle collector's full passes keeps those passes — which
        # stop every thread, the GUI's included — short while a sync allocates.
        gc.freeze()
        if demo or ctx.settings.demo:
            window.seed_demo_if_empty()

    preset = _preset_sign_in(ctx, user, demo)
    if preset is not None:
        ctx.user = preset
        QTimer.singleShot(0, lambda: signed_in(preset))
    flow_runner = TaskRunner(app)
    flow = SignInFlow(ctx, flow_runner)
    flow.finished.connect(signed_in)
    if preset is None:
        QTimer.singleShot(0, flow.start)
    if preset is None and os.environ.get(PROBE_ENV):
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: probe("signin_shown")))
    code = app.exec()
    # Closing the window cancelled the running jobs; the database is closed only once they
    # have all stopped at a safe point (a sync between pages, an import before its commit).
    flow_runner.shutdown(10_000)
    window = started.get("window")
    if window is not None and not window.stop_background_work():
        log.warning("waiting for background tasks to stop before closing the database")
        window.runner.wait()
    flow_runner.wait()
    ctx.close()
    return code
