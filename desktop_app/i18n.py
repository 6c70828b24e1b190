"""The user's language: which translation catalogues to load, from source or a bundle.

The source strings are English; ``resources/translations/voucher_shop_<lang>.ts`` holds the
translations (edit them with Qt Linguist or ``tools/update_translations.py``) and the built
``.qm`` beside it is what the app loads.

Qt-free at import: the command line translates with ``translate`` from the same ``.qm`` files
(read here by ``QmCatalog``), so a command that draws nothing never loads Qt. Once a Qt
application exists (the desktop app, or a command that paints a PDF), ``translate`` is Qt's.
"""

from __future__ import annotations

import locale
import logging
import os
import struct
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.resources import translations_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator

log = logging.getLogger(__name__)

CATALOG = "voucher_shop"
SOURCE_LANGUAGE = "en"
SUPPORTED_LANGUAGES = ("en", "zh_CN")

# --- reading a compiled catalogue without Qt -------------------------------------------------

QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_MESSAGES_SECTION = 0x69
# Tags of a message record in the Messages section (Qt's qtranslator.cpp).
_TAG_END, _TAG_SOURCE16, _TAG_TRANSLATION, _TAG_CONTEXT16 = 1, 2, 3, 4
_TAG_OBSOLETE1, _TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT, _TAG_OBSOLETE2 = 5, 6, 7, 8, 9
_NULL_LENGTH = 0xFFFFFFFF


class QmCatalog:
    """The translations of one ``.qm`` file, by (context, source text)."""

    def __init__(self, messages: dict[tuple[str, str], str]) -> None:
        self.messages = messages

    @classmethod
    def load(cls, path: Path) -> QmCatalog:
        data = path.read_bytes()
        if not data.startswith(QM_MAGIC):
            raise ValueError(f"{path} is not a Qt translation file")
        messages: dict[tuple[str, str], str] = {}
        offset = len(QM_MAGIC)
        while offset + 5 <= len(data):
            tag, length = data[offset], struct.unpack_from(">I", data, offset + 1)[0]
            offset += 5
            if tag == _MESSAGES_SECTION:
                messages.update(_read_messages(data[offset : offset + length]))
            offset += length
        return cls(messages)

    def lookup(self, context: str, text: str) -> str | None:
        return self.messages.get((context, text))


def _read_messages(section: bytes) -> dict[tuple[str, str], str]:
    messages: dict[tuple[str, str], str] = {}
    offset = 0
    fields: dict[int, bytes] = {}
    translations: list[str] = []
    while offset < len(section):
        tag = section[offset]
        offset += 1
        if tag == _TAG_END:
            if translations and _TAG_SOURCE in fields:
                key = (fields.get(_TAG_CONTEXT, b"").decode("utf-8"),
                       fields[_TAG_SOURCE].decode("utf-8"))
                messages.setdefault(key, translations[0])
            fields, translations = {}, []
            continue
        if tag == _TAG_OBSOLETE1:
            continue  # carries no length and no data
        if tag == _TAG_OBSOLETE2:
            offset += 4
            continue
        length = struct.unpack_from(">I", section, offset)[0]
        offset += 4
        if length == _NULL_LENGTH:
            continue
        value = section[offset : offset + length]
        offset += length
        if tag == _TAG_TRANSLATION:
            translations.append(value.decode("utf-16-be"))
        else:
            fields[tag] = value
    return messages


# --- translating ----------------------------------------------------------------------------

_catalog: QmCatalog | None = None
_language = SOURCE_LANGUAGE
_catalog_in_use = False  # use_language was called last, not install_translator


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate without translating it yet (no translator is loaded then)."""
    return text


def translate(context: str, text: str) -> str:
    """``text`` in the user's language: the catalogue ``use_language`` loaded (the command
    line's case), else Qt's translators once a Qt application exists."""
    qt_core = sys.modules.get("PySide6.QtCore")
    if (not _catalog_in_use and qt_core is not None
            and qt_core.QCoreApplication.instance() is not None):
        return str(qt_core.QCoreApplication.translate(context, text))
    found = _catalog.lookup(context, text) if _catalog is not None else None
    return found or text


FULL_WIDTH_ENDS = "。！？；：）」』"


def sentences(*parts: str) -> str:
    """Translated sentences one after another: a space after a Latin full stop, none after a
    Chinese one (QA: "…停用状态。 此后…")."""
    text = ""
    for part in filter(None, parts):
        gap = "" if not text or text.endswith(tuple(FULL_WIDTH_ENDS)) else " "
        text += gap + part
    return text


def label(context: str, table: Mapping[str, str], key: str) -> str:
    """``key``'s entry in ``table`` (texts marked ``QT_TRANSLATE_NOOP(context, ...)``) in the
    user's language; ``key`` itself, as stored, when the table does not know it."""
    text = table.get(key)
    return translate(context, text) if text else key


def _env_language() -> str:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").split(":")[0]
        if value and value not in ("C", "POSIX"):
            return value
    if sys.platform == "win32":
        import ctypes  # here: only Windows has this API

        code = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
        return str(locale.windows_locale.get(code, ""))
    return locale.getlocale()[0] or ""


def use_language(lang: str | None) -> str:
    """Translate with the ``.qm`` catalogue of ``lang`` (``None``: the system's), no Qt."""
    global _catalog
    language = resolve_language(lang if lang else _env_language())
    _catalog = None
    path = translations_dir() / f"{CATALOG}_{language}.qm"
    if language != SOURCE_LANGUAGE:
        try:
            _catalog = QmCatalog.load(path)
        except (OSError, ValueError, struct.error, UnicodeDecodeError):
            log.warning("no %s translation found", path.name)
    _remember(language, catalog_in_use=True)
    return language


def current_language() -> str:
    """The language ``use_language`` or ``install_translator`` chose last."""
    return _language


def _remember(language: str, catalog_in_use: bool) -> None:
    global _language, _catalog_in_use
    _language, _catalog_in_use = language, catalog_in_use


def resolve_language(lang: str | None) -> str:
    """``None`` means the system's language; any Chinese becomes ``zh_CN``, the rest ``en``."""
    name = (lang or system_language()).replace("-", "_").strip()
    if name.lower().startswith("zh"):
        return "zh_CN"
    return SOURCE_LANGUAGE


# --- Qt's translators (the desktop app, and commands that paint) -----------------------------
# PySide6 is imported inside these functions: the command line must not pay for it.

# Kept here so Python does not collect a translator Qt is still using, and so a second
# install (tests, a language switch) replaces the first instead of stacking on it.
_installed: list[QTranslator] = []


def system_language() -> str:
    """The first language the user prefers, as Qt reports it (``zh-CN``, ``en-GB``, ``C``)."""
    if "PySide6.QtCore" not in sys.modules:
        return _env_language()
    from PySide6.QtCore import QLocale

    system = QLocale.system()
    languages = system.uiLanguages()
    return languages[0] if languages else system.name()


def _load(name: str, folders: list[Path]) -> QTranslator | None:
    from PySide6.QtCore import QTranslator

    for folder in folders:
        translator = QTranslator()
        if folder.is_dir() and translator.load(name, str(folder)):
            return translator
    return None


def _qt_translations_dir() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _use_locale_of(language: str) -> None:
    from PySide6.QtCore import QLocale

    # Numbers and dates follow the system's own locale when it speaks the UI language (an
    # en_GB user keeps day-first dates); otherwise they follow the UI language, so a Chinese
    # screen never shows English month names.
    system = resolve_language(system_language())
    QLocale.setDefault(QLocale.system() if system == language else QLocale(language))


def remove_translators(app: QCoreApplication) -> None:
    """Back to the English source strings and the system locale."""
    from PySide6.QtCore import QLocale

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
    _remember(language, catalog_in_use=False)
    return language
