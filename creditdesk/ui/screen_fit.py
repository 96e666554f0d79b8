"""Windows and dialogs that fit the office's screens (1366×768 laptops, 1280×720 projectors).

``fit_to_screen(widget, width, height)`` sizes a top-level window to what it would
like, but never larger than the available geometry of the screen it opens on
(the taskbar excluded), and keeps it on that screen. Every dialog with buttons
at the bottom goes through it, so the buttons are always on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What a window frame and title bar take beyond the client area (the window manager draws them).
FRAME_ALLOWANCE = QSize(16, 40)


def available_geometry(widget: QWidget | None = None) -> QRect:
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent.window().screen() if parent is not None else None) or widget.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fitted_size(width: int, height: int, available: QRect) -> QSize:
    """The wanted client size, shrunk so that it and its frame fit the available area."""
    return QSize(
        max(200, min(width, available.width() - FRAME_ALLOWANCE.width())),
        max(200, min(height, available.height() - FRAME_ALLOWANCE.height())),
    )


def fit_to_screen(widget: QWidget, width: int, height: int, available: QRect | None = None) -> QSize:
    """Resize ``widget`` to (width, height) or less, so that it fits the screen; centre it there."""
    area = available if available is not None else available_geometry(widget)
    size = fitted_size(width, height, area)
    widget.resize(size)
    x = area.x() + max(0, (area.width() - size.width() - FRAME_ALLOWANCE.width()) // 2)
    y = area.y() + max(0, (area.height() - size.height() - FRAME_ALLOWANCE.height()) // 2)
    widget.move(x, y)
    return size


__all__ = ["available_geometry", "fit_to_screen", "fitted_size"]
