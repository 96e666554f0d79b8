"""Translations: Qt's own dialogs in Chinese (打印, 文件名, 保存, 取消 …), in one place.

``install_translators(app)`` loads Qt's shipped Chinese catalogue (qtbase_zh_CN.qm
from the PySide6 installation's translations folder) so QFileDialog, QPrintDialog,
QMessageBox and the standard buttons speak Chinese. The app's own English
translation (for an English-speaking site) is added here later: one list of
catalogues, one function.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

DEFAULT_LOCALE = "zh_CN"
# Qt's catalogues for the widgets the app uses, in the order they are tried.
QT_CATALOGUES = ("qtbase",)


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install_translators(app: QCoreApplication, locale: str = DEFAULT_LOCALE) -> list[QTranslator]:
    """Install Qt's own translations for ``locale``; returns the translators (kept alive by the app)."""
    installed: list[QTranslator] = getattr(app, "_creditdesk_translators", [])
    for old in installed:
        app.removeTranslator(old)
    installed = []
    folder = qt_translations_dir()
    for name in QT_CATALOGUES:
        translator = QTranslator(app)
        if translator.load(f"{name}_{locale}", str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("Qt translation %s_%s not found in %s", name, locale, folder)
    QLocale.setDefault(QLocale(locale))
    app._creditdesk_translators = installed  # type: ignore[attr-defined]
    return installed


__all__ = ["DEFAULT_LOCALE", "install_translators", "qt_translations_dir"]
