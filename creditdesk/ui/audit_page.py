"""审计日志 (issue #5) — being built; shows what it will do until then."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from creditdesk.ui.placeholder_page import PlaceholderPage


class AuditPage(PlaceholderPage):
    def __init__(self, ctx, runner, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__("审计日志", "查询、核查、导出、登录与设置修改的留痕记录，校验是否被篡改。", parent)
        self.ctx, self.runner = ctx, runner

    def refresh(self) -> None:
        """Called whenever the page is shown or the signed-in account changes."""
