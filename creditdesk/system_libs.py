"""The system libraries the window needs, checked before Qt loads them.

Qt's xcb platform plugin aborts with "Could not load the Qt platform plugin" and no
hint of which library is missing. On Debian-family systems (麒麟/统信 included) the
packages below are what a minimal install lacks; we name the missing ones and the one
line that installs everything, instead of letting Qt abort.
"""

from __future__ import annotations

import ctypes
import os
import sys

# soname -> Debian package. Always loaded by QtGui / the offscreen plugin:
BASE_LIBRARIES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
}
# ... and by the xcb plugin that shows a real window under X11.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
FONT_PACKAGE = "fonts-wqy-microhei"  # a TrueType CJK font: the window and the printed slips


def install_line(packages: list[str] | None = None) -> str:
    names = packages or [*BASE_LIBRARIES.values(), *XCB_LIBRARIES.values(), FONT_PACKAGE]
    return "sudo apt-get install -y " + " ".join(dict.fromkeys(names))


def _platform_is_xcb() -> bool:
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0] == "xcb"
    return not os.environ.get("WAYLAND_DISPLAY")  # Qt's default on Linux outside Wayland


def missing_libraries(load=ctypes.CDLL) -> dict[str, str]:  # noqa: ANN001
    """soname -> package of each library the window would need and cannot load (Linux only)."""
    if not sys.platform.startswith("linux") or getattr(sys, "frozen", False):
        return {}  # Windows and the frozen build carry their own
    wanted = dict(BASE_LIBRARIES)
    if _platform_is_xcb():
        wanted.update(XCB_LIBRARIES)
    missing = {}
    for soname, package in wanted.items():
        try:
            load(soname)
        except OSError:
            missing[soname] = package
    return missing


def explain_missing(missing: dict[str, str]) -> str:
    names = "、".join(missing)
    return (f"无法打开窗口：系统缺少图形界面所需的库 {names}。\n"
            f"请由管理员安装后再启动（Debian、麒麟、统信等系统）：\n  {install_line(list(missing.values()))}\n"
            "命令行功能（creditdesk lookup、check、sync 等）不需要这些库，照常可用。")  # fmt: skip
