"""每日核查台账 (issue #5) — being built; shows what it will do until then."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from creditdesk.ui.placeholder_page import PlaceholderPage


class LedgerPage(PlaceholderPage):
    def __init__(self, ctx, runner, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__("每日核查台账", "按日期、经办人、事项、结论筛选每一次核查，导出 CSV、Excel 与 PDF。", parent)
        self.ctx, self.runner = ctx, runner

    def refresh(self) -> None:
        """Called whenever the page is shown or the signed-in account changes."""
