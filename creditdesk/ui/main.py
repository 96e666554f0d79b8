"""Starting the GUI: the application object, fonts, the home, the window."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from creditdesk.app import AppContext, open_app

log = logging.getLogger(__name__)

# TrueType CJK fonts that render Chinese well on the machines a hall uses.
PREFERRED_FONTS = ("Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC")


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("CreditDesk")
    app.setApplicationDisplayName("信用核查窗口助手")
    # Each call from Qt into Python (a paint, a model's data()) waits for the GIL; while a sync
    # parses on a worker thread that wait is up to the switch interval (5 ms by default), many
    # times per repaint. A shorter interval keeps the window's pauses short during a sync.
    sys.setswitchinterval(0.001)
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


def run_gui(home: str | Path | None = None, demo: bool = False) -> int:
    app = make_application()
    try:
        ctx = open_app(home, demo=demo)
    except Exception as exc:  # noqa: BLE001 - shown to the officer, not a traceback
        QMessageBox.critical(None, "CreditDesk", f"无法打开数据目录：{exc}")
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
        app.setQuitOnLastWindowClosed(True)
        # Everything alive now (Qt bindings, modules, the window) lives as long as the app:
        # keeping it out of the cycle collector's full passes keeps those passes — which
        # stop every thread, the GUI's included — short while a sync allocates.
        gc.freeze()
        if demo or ctx.settings.demo:
            window.seed_demo_if_empty()

    flow = SignInFlow(ctx, TaskRunner(app))
    flow.finished.connect(signed_in)
    QTimer.singleShot(0, flow.start)
    code = app.exec()
    window = started.get("window")
    if window is not None:
        window.runner.wait(5000)
    ctx.close()
    return code
