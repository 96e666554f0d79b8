"""异议处理 (issue #5) — being built; shows what it will do until then."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from creditdesk.ui.placeholder_page import PlaceholderPage


class ObjectionsPage(PlaceholderPage):
    def __init__(self, ctx, runner, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__("异议处理", "登记申请人对信用记录的异议，上报平台并跟踪处理状态。", parent)
        self.ctx, self.runner = ctx, runner

    def refresh(self) -> None:
        """Called whenever the page is shown or the signed-in account changes."""
