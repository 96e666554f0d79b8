"""After saving: 预览 / 打印… / 另存为 PDF… for the 信用核查单 and the 信用承诺书, A4 or A5."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from creditdesk.ui import review_adapter
from creditdesk.ui.tasks import TaskRunner


def pdf_page_images(pdf: bytes, width_px: int) -> list[QImage]:
    """Each page rendered on white (QPdfDocument.render gives a transparent image)."""
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buffer)
    images = []
    for n in range(doc.pageCount()):
        size = doc.pagePointSize(n)
        scale = width_px / size.width()
        target = QSize(width_px, int(size.height() * scale))
        page = doc.render(n, target)
        white = QImage(target, QImage.Format.Format_RGB32)
        white.fill(Qt.GlobalColor.white)
        p = QPainter(white)
        p.drawImage(0, 0, page)
        p.end()
        images.append(white)
    doc.close()
    return images


def print_pdf(pdf: bytes, parent: QWidget | None = None) -> bool:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    painter = QPainter(printer)
    page_rect = printer.pageRect(QPrinter.Unit.DevicePixel)
    for n, image in enumerate(pdf_page_images(pdf, int(page_rect.width()))):
        if n:
            printer.newPage()
        target = image.scaled(int(page_rect.width()), int(page_rect.height()), Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)  # fmt: skip
        painter.drawImage(0, 0, target)
    painter.end()
    return True


class SlipPreview(QDialog):
    def __init__(self, title: str, pdf: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slipPreview")
        self.setWindowTitle(title)
        self.pdf = pdf
        pages = QWidget()
        pages.setStyleSheet("background:#8a94a6;")
        pl = QVBoxLayout(pages)
        pl.setSpacing(16)
        self.page_labels: list[QLabel] = []
        for image in pdf_page_images(pdf, 720):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            pl.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox()
        print_button = buttons.addButton(self.tr("打印…"), QDialogButtonBox.ButtonRole.ActionRole)
        save_button = buttons.addButton(self.tr("另存为 PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        print_button.clicked.connect(lambda: print_pdf(self.pdf, self))
        save_button.clicked.connect(lambda: save_pdf(self.pdf, title, self))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(800, 900)


def save_pdf(pdf: bytes, title: str, parent: QWidget | None = None) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, parent.tr("另存为 PDF") if parent else "另存为 PDF", f"{title}.pdf",
                                          "PDF (*.pdf)")  # fmt: skip
    if not path:
        return None
    with open(path, "wb") as f:
        f.write(pdf)
    return path


class SlipBar(QWidget):
    """The buttons under 已保存."""

    rendered = Signal(str, bytes)  # kind, PDF bytes — for tests and the tour
    previewed = Signal(object)  # the SlipPreview dialog

    def __init__(self, runner: TaskRunner, context: Callable[[], tuple], parent: QWidget | None = None) -> None:
        """``context()`` gives (saved, state, settings) of the review just saved."""
        super().__init__(parent)
        self._runner, self._context = runner, context
        self.page_size = QComboBox()
        self.page_size.setObjectName("pageSize")
        self.page_size.addItems(["A4", "A5"])
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("纸张：")))
        top.addWidget(self.page_size)
        top.addStretch(1)
        layout.addLayout(top)
        self.buttons: dict[tuple[str, str], QPushButton] = {}
        self.rows: dict[str, QWidget] = {}
        for kind, title in (("review", self.tr("信用核查单")), ("commitment", self.tr("信用承诺书"))):
            row_widget = QWidget()
            row = QHBoxLayout(row_widget)
            row.setContentsMargins(0, 0, 0, 0)
            caption = QLabel(title)
            caption.setMinimumWidth(80)
            row.addWidget(caption)
            for action, text in (("preview", self.tr("预览")), ("print", self.tr("打印…")), ("save", self.tr("另存为 PDF…"))):
                button = QPushButton(text)
                button.setObjectName(f"{kind}-{action}")
                button.clicked.connect(lambda _=False, k=kind, a=action, t=title: self.act(k, a, t))
                row.addWidget(button)
                self.buttons[(kind, action)] = button
            row.addStretch(1)
            layout.addWidget(row_widget)
            self.rows[kind] = row_widget
        layout.addWidget(self.status)

    def refresh(self, has_commitment: bool) -> None:
        self.rows["commitment"].setVisible(has_commitment)

    def render(self, kind: str, then: Callable[[bytes], None] | None = None) -> None:
        saved, state, settings = self._context()
        size = self.page_size.currentText()

        def done(pdf: bytes) -> None:
            self.status.clear()
            self.rendered.emit(kind, pdf)
            if then:
                then(pdf)

        def failed(exc: BaseException) -> None:
            self.status.setText(self.tr("生成失败：{0}").format(exc))

        self.status.setText(self.tr("正在生成……"))
        self._runner.run(lambda task: review_adapter.render(kind, saved, state, settings, size),
                         on_success=done, on_failure=failed, key=f"slip-{kind}")  # fmt: skip

    def act(self, kind: str, action: str, title: str) -> None:
        if action == "preview":
            self.render(kind, lambda pdf: self._preview(title, pdf))
        elif action == "print":
            self.render(kind, lambda pdf: print_pdf(pdf, self))
        else:
            self.render(kind, lambda pdf: save_pdf(pdf, title, self))

    def _preview(self, title: str, pdf: bytes) -> None:
        dialog = SlipPreview(title, pdf, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.previewed.emit(dialog)
        dialog.open()
