"""Page footers that know the page count ("第 N 页 共 M 页"), for every PDF the app writes.

reportlab draws a page before it knows how many follow, so :class:`NumberedCanvas` holds the pages
back and writes each footer when the document is saved (two passes over the pages, one build).
Use it as ``doc.build(story, ..., canvasmaker=numbered_canvas(PageFooter(...)))``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

__all__ = ["NumberedCanvas", "PageFooter", "numbered_canvas"]


@dataclass(frozen=True)
class PageFooter:
    font: str
    size: float  # points
    y: float  # baseline above the bottom edge
    margin_x: float = 0.0  # where the left text starts and a right-aligned page number ends
    page_text: str = "第 {page} 页 共 {total} 页"
    align: str = "right"  # "right": at the right margin; "centre": in the middle of the page
    left_text: str | None = None  # at the left margin
    colour: colors.Color = colors.HexColor("#5F6368")
    rule_y: float | None = None  # a rule across the page between the margins, at this height
    rule_colour: colors.Color = colors.HexColor("#9AA0A6")
    rule_width: float = 0.5
    # A running header's right-hand text from page 2 on, with the page count ("… · 第 {page} 页 共 {total} 页"),
    # right-aligned at ``header_y`` above the bottom edge (None: no header text here).
    header_text: str | None = None
    header_y: float | None = None


class NumberedCanvas(Canvas):
    """Holds the pages back until :meth:`save`, so that each footer can give the page count."""

    def __init__(self, *args, footer: PageFooter, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._footer = footer

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        f, total = self._footer, len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            width = self._pagesize[0]
            self.saveState()
            if f.rule_y is not None:
                self.setStrokeColor(f.rule_colour)
                self.setLineWidth(f.rule_width)
                self.line(f.margin_x, f.rule_y, width - f.margin_x, f.rule_y)
            self.setFillColor(f.colour)
            self.setFont(f.font, f.size)
            if f.left_text is not None:
                self.drawString(f.margin_x, f.y, f.left_text)
            text = f.page_text.format(page=self._pageNumber, total=total)
            if f.header_text is not None and f.header_y is not None and self._pageNumber > 1:
                self.drawRightString(width - f.margin_x, f.header_y,
                                     f.header_text.format(page=self._pageNumber, total=total))  # fmt: skip
            if f.align == "centre":
                self.drawCentredString(width / 2, f.y, text)
            else:
                self.drawRightString(width - f.margin_x, f.y, text)
            self.restoreState()
            Canvas.showPage(self)
        Canvas.save(self)


def numbered_canvas(footer: PageFooter) -> Callable[..., NumberedCanvas]:
    """A ``canvasmaker`` for ``SimpleDocTemplate.build``."""
    return functools.partial(NumberedCanvas, footer=footer)
