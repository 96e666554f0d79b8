"""使用情况统计 (issue #5) — being built; shows what it will do until then."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from creditdesk.ui.placeholder_page import PlaceholderPage


class StatsPage(PlaceholderPage):
    def __init__(self, ctx, runner, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__("使用情况统计", "按月、季度、半年统计核查量、结论分布、承诺与异议，生成报送材料。", parent)
        self.ctx, self.runner = ctx, runner

    def refresh(self) -> None:
        """Called whenever the page is shown or the signed-in account changes."""
