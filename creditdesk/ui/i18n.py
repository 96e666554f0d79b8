"""Translations, in one place: Qt's own dialogs and CreditDesk's windows in the chosen language.

The program's strings are written in Chinese and go through ``tr()``; the English ones are in
``resources/translations/creditdesk_en.ts`` (kept current with ``pyside6-lupdate``, compiled to
``.qm`` with ``pyside6-lrelease``). Qt's own strings (QFileDialog, QPrintDialog, QMessageBox,
the standard buttons: 打印, 文件名, 保存, 取消 …) come from Qt's shipped ``qtbase_*.qm``.

``install_translators(app, locale)`` loads both for ``locale`` (Chinese needs only Qt's). The
setting ``language`` is ``auto`` (the system locale: English for an English locale, Chinese
otherwise), ``zh_CN`` or ``en``; :func:`choose_language` turns it into a locale. It takes
effect at the next start.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from creditdesk.paths import translations_dir

log = logging.getLogger(__name__)

DEFAULT_LOCALE = "zh_CN"
DEFAULT = DEFAULT_LOCALE

# each language by its own name; 跟随系统 in the window's language
LANGUAGES = {"auto": QT_TRANSLATE_NOOP("", "跟随系统"), "zh_CN": "中文（简体）", "en": "English"}
# Qt's catalogues for the widgets the app uses, in the order they are tried.
QT_CATALOGUES = ("qtbase",)


class CreditDeskTranslator(QTranslator):
    """The program's translator. Strings translated through a module-level helper (e.g.
    ``profile_html.tr``) or passed to ``tr()`` as values (ui/vocabulary.py) are filed by
    ``pyside6-lupdate`` under the empty context while Qt asks with the caller's own context:
    those are looked up in the empty context too.

    ``missing``: when a set is given, every (context, source) asked for that has no
    translation is added to it (the translation test's record of the tour)."""

    def __init__(self, parent=None, missing: set | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.missing = missing

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
        found = super().translate(context, source, disambiguation, n)
        if not found and context:
            found = super().translate("", source, disambiguation, n)
        if not found and self.missing is not None and source:
            self.missing.add((context, source))
        return found or None  # None: "not here" (Qt then shows the source text)


def choose_language(setting: str | None, system: QLocale | None = None) -> str:
    """``zh_CN`` or ``en`` for a ``language`` setting (``auto`` looks at the system locale)."""
    if setting in ("zh_CN", "en"):
        return setting
    system = system or QLocale.system()
    return "en" if system.language() == QLocale.Language.English else DEFAULT_LOCALE


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install_translators(app: QCoreApplication, locale: str = DEFAULT_LOCALE,
                        missing: set | None = None) -> list[QTranslator]:
    """Install Qt's own translations and, for a locale other than Chinese, CreditDesk's, for
    ``locale``; returns the translators (kept alive by the app). Replaces earlier ones."""
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
        elif locale != "en":  # Qt's own strings are English already
            log.warning("Qt translation %s_%s not found in %s", name, locale, folder)
    if locale != DEFAULT_LOCALE:
        own = CreditDeskTranslator(app, missing)
        if own.load(f"creditdesk_{locale}", str(translations_dir())):
            app.installTranslator(own)
            installed.append(own)
        else:
            log.warning("CreditDesk translation creditdesk_%s not found in %s", locale, translations_dir())
    QLocale.setDefault(QLocale(locale))
    app._creditdesk_translators = installed  # type: ignore[attr-defined]
    app.setProperty("creditdesk_language", locale)
    return installed


__all__ = ["DEFAULT_LOCALE", "LANGUAGES", "CreditDeskTranslator", "choose_language", "install_translators",
           "qt_translations_dir"]
