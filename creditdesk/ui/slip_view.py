"""After saving: 预览 / 打印… / 另存为 PDF… for the 信用核查单 and the 信用承诺书, A4 or A5.

另存为 PDF proposes ``信用核查单-<核查码>.pdf`` in the configured folder (the user's
documents folder by default), never over an existing file without asking, and
says where it went with a button to open the folder. 打印… goes to a real
printer (a CUPS queue on Linux) and says which.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from creditdesk.ui import review_adapter
from creditdesk.ui.core_text import error_text
from creditdesk.ui.tasks import TaskRunner
from creditdesk.ui.vocabulary import label as tr


PRINT_DPI = 300  # the pages go to the printer as images: 300 dpi is sharp text and a small job


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


def print_pdf(pdf: bytes, parent: QWidget | None = None, title: str = "") -> str | None:
    """The print dialog, then the pages to the printer chosen; the printer's name, or None if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    print_pdf_to(printer, pdf, title)
    return printer.printerName() or printer.outputFileName()


def print_to(printer_name: str, pdf: bytes, title: str = "") -> str:
    """Straight to a named printer (a CUPS queue), no dialog: for scripts and the printing test."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(printer_name)
    if not printer.isValid() or printer.printerName() != printer_name:
        raise OSError(tr("没有名为 {0} 的打印机").format(printer_name))
    printer.setResolution(PRINT_DPI)
    print_pdf_to(printer, pdf, title)
    return printer_name


def print_pdf_to(printer, pdf: bytes, title: str = "") -> None:  # noqa: ANN001 - a QPrinter, already set up
    """Paint each page of ``pdf`` onto ``printer`` (a CUPS queue, a file): one print job."""
    if title:
        printer.setDocName(title)
    painter = QPainter(printer)
    if not painter.isActive():
        raise OSError(tr("无法连接打印机 {0}").format(printer.printerName() or printer.outputFileName()))
    from PySide6.QtPrintSupport import QPrinter

    page_rect = printer.pageRect(QPrinter.Unit.DevicePixel)
    for n, image in enumerate(pdf_page_images(pdf, int(page_rect.width()))):
        if n:
            printer.newPage()
        target = image.scaled(int(page_rect.width()), int(page_rect.height()), Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)  # fmt: skip
        painter.drawImage(0, 0, target)
    painter.end()


class SlipPreview(QDialog):
    def __init__(self, title: str, pdf: bytes, parent: QWidget | None = None,
                 save: Callable[[bytes, QWidget], None] | None = None,
                 print_: Callable[[bytes, QWidget], None] | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("slipPreview")
        self.setWindowTitle(title)
        self.pdf = pdf
        self._save = save or (lambda data, w: save_pdf(data, title, w))
        self._print = print_ or (lambda data, w: print_pdf(data, w, title))
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
        self.print_button, self.save_button = print_button, save_button
        print_button.clicked.connect(lambda: self._print(self.pdf, self))
        save_button.clicked.connect(lambda: self._save(self.pdf, self))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        from creditdesk.ui.screen_fit import fit_to_screen

        fit_to_screen(self, 800, 900)  # the buttons stay on a 1366×768 screen


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def proposed_pdf_path(folder: Path, title: str, code: str | None = None) -> Path:
    """``<title>-<核查码>.pdf`` in ``folder``; if that exists, the first free ``…（2）.pdf``."""
    stem = _UNSAFE.sub("_", f"{title}-{code}" if code else title)[:120]
    candidate = Path(folder) / f"{stem}.pdf"
    n = 2
    while candidate.exists() and n < 1000:
        candidate = Path(folder) / f"{stem}（{n}）.pdf"
        n += 1
    return candidate


def write_pdf(path: str | Path, pdf: bytes, overwrite: bool = False) -> Path:
    """Write the PDF whole or not at all; an existing file only when the officer agreed to replace it."""
    from creditdesk.atomic import atomic_path

    target = Path(path)
    if target.exists() and not overwrite:
        raise FileExistsError(tr("文件已存在：{0}").format(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(target, durable=True) as tmp:
        tmp.write_bytes(pdf)
    return target


def save_dialog(parent: QWidget | None, proposed: Path) -> QFileDialog:
    """The 另存为 PDF dialog, proposing ``proposed``; Qt asks before replacing an existing file."""
    dialog = QFileDialog(parent, QFileDialog.tr("另存为 PDF") if parent is None else parent.tr("另存为 PDF"))
    dialog.setObjectName("savePdfDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(dialog.tr("PDF 文件 (*.pdf)"))
    dialog.setDefaultSuffix("pdf")
    try:  # a configured folder that is not there yet is made (the documents folder always is)
        proposed.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    dialog.setDirectory(str(proposed.parent))
    dialog.selectFile(proposed.name)
    from creditdesk.ui.screen_fit import fit_to_screen

    fit_to_screen(dialog, 820, 560)
    return dialog


def save_pdf(pdf: bytes, title: str, parent: QWidget | None = None, code: str | None = None,
             folder: str | Path | None = None) -> str | None:  # fmt: skip
    """Modal: ask where, write, say where it went. The path written, or None if cancelled."""
    from creditdesk.paths import slip_folder

    dialog = save_dialog(parent, proposed_pdf_path(slip_folder(folder), title, code))
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    path = write_pdf(dialog.selectedFiles()[0], pdf, overwrite=True)  # the dialog asked before replacing
    show_saved(parent, path)
    return str(path)


def show_saved(parent: QWidget | None, path: Path) -> QMessageBox:
    """已保存到 …, with 打开所在文件夹."""
    box = QMessageBox(parent)
    box.setObjectName("pdfSavedBox")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(box.tr("已保存"))
    box.setText(box.tr("已保存为 PDF：\n{0}").format(path))
    open_button = box.addButton(box.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent))))
    box.open_button = open_button  # type: ignore[attr-defined]
    box.open()
    return box


class SlipBar(QWidget):
    """The buttons under 已保存."""

    rendered = Signal(str, bytes)  # kind, PDF bytes — for tests and the tour
    previewed = Signal(object)  # the SlipPreview dialog
    save_dialog_opened = Signal(object)  # the QFileDialog of 另存为 PDF (tests drive it)
    pdf_saved = Signal(str)  # the path written
    printed = Signal(str)  # the printer the slip went to
    print_failed = Signal(str)

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
        self.buttons[("review", "print")].setToolTip(self.tr("打印信用核查单（Ctrl+P）"))
        self.buttons[("review", "save")].setToolTip(self.tr("另存为 PDF（Ctrl+S）"))
        self.buttons[("review", "preview")].setToolTip(self.tr("预览信用核查单（Ctrl+Shift+P）"))
        # Only while these buttons are shown (after 已保存): Qt ignores shortcuts of hidden widgets.
        for seq, action in (("Ctrl+P", "print"), ("Ctrl+S", "save"), ("Ctrl+Shift+P", "preview")):
            QShortcut(QKeySequence(seq), self, activated=lambda a=action: self._shortcut(a),
                      context=Qt.ShortcutContext.WindowShortcut)  # fmt: skip

    def _shortcut(self, action: str) -> None:
        button = self.buttons[("review", action)]
        if button.isVisible() and button.isEnabled():
            button.click()

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
            self.status.setText(self.tr("生成失败：{0}").format(error_text(exc)))

        self.status.setText(self.tr("正在生成……"))
        self._runner.run(lambda task: review_adapter.render(kind, saved, state, settings, size),
                         on_success=done, on_failure=failed, key=f"slip-{kind}")  # fmt: skip

    def act(self, kind: str, action: str, title: str) -> None:
        if action == "preview":
            self.render(kind, lambda pdf: self._preview(title, pdf))
        elif action == "print":
            self.render(kind, lambda pdf: self.print_with_dialog(pdf, self._doc_name(title), self))
        else:
            self.render(kind, lambda pdf: self.save_as(pdf, title, self))

    def _doc_name(self, title: str) -> str:
        """The print job's name in the queue: 信用核查单-<核查码>."""
        code = self._code()
        return f"{title}-{code}" if code else title

    def _code(self) -> str | None:
        saved = self._context()[0]
        return getattr(saved, "verification_code", None) or None

    def _folder(self) -> str:
        settings = self._context()[2]
        return getattr(settings, "slip_folder", "") or ""

    def save_as(self, pdf: bytes, title: str, parent: QWidget | None = None) -> QFileDialog:
        """另存为 PDF: the dialog (window-modal, not blocking), proposing 信用核查单-<核查码>.pdf."""
        from creditdesk.paths import slip_folder

        proposed = proposed_pdf_path(slip_folder(self._folder()), title, self._code())
        dialog = save_dialog(parent or self, proposed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self._write(path, pdf, parent or self))
        self.save_dialog_opened.emit(dialog)
        dialog.open()
        return dialog

    def _write(self, path: str, pdf: bytes, parent: QWidget) -> None:
        try:
            written = write_pdf(path, pdf, overwrite=True)  # Qt's dialog asked before replacing
        except OSError as exc:
            self.status.setText(self.tr("保存失败：{0}").format(exc.strerror or exc))
            self.status.setStyleSheet("color:#b3261e;")
            return
        self.status.setText(self.tr("已保存到 {0}").format(written))
        self.status.setStyleSheet("color:#1e7b34;")
        self.saved_box = show_saved(parent, written)
        self.pdf_saved.emit(str(written))

    def print_with_dialog(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        try:
            printer = print_pdf(pdf, parent or self, title)
        except OSError as exc:
            self.status.setText(self.tr("打印失败：{0}").format(error_text(exc)))
            self.status.setStyleSheet("color:#b3261e;")
            self.print_failed.emit(error_text(exc))
            return
        if printer:
            self.status.setText(self.tr("已发送到打印机 {0}").format(printer))
            self.status.setStyleSheet("color:#1e7b34;")
            self.printed.emit(printer)

    def _preview(self, title: str, pdf: bytes) -> None:
        dialog = SlipPreview(title, pdf, self.window(), save=lambda data, w: self.save_as(data, title, w),
                             print_=lambda data, w: self.print_with_dialog(data, self._doc_name(title), w))  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.previewed.emit(dialog)
        dialog.open()
