"""The user's language: which translation catalogues to load, from source or a bundle.

The source strings are English; ``resources/translations/voucher_shop_<lang>.ts`` holds the
translations (edit them with Qt Linguist or ``tools/update_translations.py``) and the built
``.qm`` beside it is what the app loads.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.resources import translations_dir

log = logging.getLogger(__name__)

CATALOG = "voucher_shop"
SOURCE_LANGUAGE = "en"
SUPPORTED_LANGUAGES = ("en", "zh_CN")

# Kept here so Python does not collect a translator Qt is still using, and so a second
# install (tests, a language switch) replaces the first instead of stacking on it.
_installed: list[QTranslator] = []


def system_language() -> str:
    """The first language the user prefers, as Qt reports it (``zh-CN``, ``en-GB``, ``C``)."""
    locale = QLocale.system()
    languages = locale.uiLanguages()
    return languages[0] if languages else locale.name()


def resolve_language(lang: str | None) -> str:
    """``None`` means the system's language; any Chinese becomes ``zh_CN``, the rest ``en``."""
    name = (lang or system_language()).replace("-", "_").strip()
    if name.lower().startswith("zh"):
        return "zh_CN"
    return SOURCE_LANGUAGE


def _load(name: str, folders: list[Path]) -> QTranslator | None:
    for folder in folders:
        translator = QTranslator()
        if folder.is_dir() and translator.load(name, str(folder)):
            return translator
    return None


def _qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _use_locale_of(language: str) -> None:
    # Numbers and dates follow the system's own locale when it speaks the UI language (an
    # en_GB user keeps day-first dates); otherwise they follow the UI language, so a Chinese
    # screen never shows English month names.
    system = resolve_language(system_language())
    QLocale.setDefault(QLocale.system() if system == language else QLocale(language))


def remove_translators(app: QCoreApplication) -> None:
    """Back to the English source strings and the system locale."""
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale.system())


def install_translator(app: QCoreApplication, lang: str | None) -> str:
    """Load the app's and Qt's own translations for ``lang``; return the language used."""
    remove_translators(app)
    language = resolve_language(lang)
    _use_locale_of(language)
    ours = translations_dir()
    # The English catalogue only holds plural forms ("1 voucher", "2 vouchers").
    catalogues = [(f"{CATALOG}_{language}", [ours])]
    if language != SOURCE_LANGUAGE:
        # Qt's own dialogs and context menus; a bundle may carry a copy beside ours.
        catalogues.append((f"qtbase_{language}", [_qt_translations_dir(), ours]))
    for name, folders in catalogues:
        translator = _load(name, folders)
        if translator is None:
            log.warning("no %s translation found", name)
            continue
        app.installTranslator(translator)
        _installed.append(translator)
    return language
