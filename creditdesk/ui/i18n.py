"""The language of the window: Chinese (the default) or English, and Qt's own strings to match.

The program's strings are written in Chinese and go through ``tr()``; the English ones are in
``resources/translations/creditdesk_en.ts`` (kept current with ``pyside6-lupdate``, compiled to
``.qm`` with ``pyside6-lrelease``). Qt's own strings (standard buttons, context menus) come from
Qt's ``qtbase_*.qm``. The setting ``language`` is ``auto`` (the system locale: English for an
English locale, Chinese otherwise), ``zh_CN`` or ``en``; it takes effect at the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from creditdesk.paths import translations_dir

LANGUAGES = {"auto": "跟随系统 / System", "zh_CN": "中文（简体）", "en": "English"}
DEFAULT = "zh_CN"


class CreditDeskTranslator(QTranslator):
    """The program's translator. Strings translated through a module-level helper (e.g.
    ``profile_html.tr``) are filed by ``pyside6-lupdate`` under the empty context while Qt asks
    with the helper's own context: those are looked up in the empty context too.

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
    return "en" if system.language() == QLocale.Language.English else DEFAULT


def install_translations(app: QCoreApplication, language: str, missing: set | None = None) -> list[QTranslator]:
    """Load Qt's and CreditDesk's translators for ``language`` into ``app``; returns them (keep
    them alive as long as the app). Chinese needs only Qt's ``qtbase_zh_CN``."""
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    if language != DEFAULT:
        own = CreditDeskTranslator(app, missing)
        if own.load(f"creditdesk_{language}", str(translations_dir())):
            app.installTranslator(own)
            installed.append(own)
    app.setProperty("creditdesk_language", language)
    return installed
