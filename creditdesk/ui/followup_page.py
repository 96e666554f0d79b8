"""承诺跟进与复核 (issue #5) — being built; shows what it will do until then."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from creditdesk.ui.placeholder_page import PlaceholderPage


class FollowUpPage(PlaceholderPage):
    def __init__(self, ctx, runner, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__("承诺跟进与复核", "到期与逾期的信用承诺、监管提醒、离线或过期数据核查的复核清单。", parent)
        self.ctx, self.runner = ctx, runner

    def refresh(self) -> None:
        """Called whenever the page is shown or the signed-in account changes."""
