"""Render resources/icons/creditdesk.svg to the PNG sizes and the Windows ICO.

    python installer/render-icons.py

The PNGs (16…512, the freedesktop hicolor sizes) and creditdesk.ico are committed;
run this again after changing the SVG. Uses Qt's SVG renderer and Pillow (both
already dependencies of the program).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> int:
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - needed to paint
    renderer = QSvgRenderer(str(ICONS / "creditdesk.svg"))
    if not renderer.isValid():
        print("creditdesk.svg could not be read", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"creditdesk-{size}.png"))
    big = Image.open(ICONS / "creditdesk-256.png")
    big.save(ICONS / "creditdesk.ico", sizes=[(s, s) for s in ICO_SIZES])
    print(f"wrote {len(SIZES)} PNGs and creditdesk.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
