"""Refresh the translation sources from the code, then build what the app loads.

    python tools/update_translations.py            # lupdate, lrelease, then the glossary check
    python tools/update_translations.py --release  # lrelease only, after editing a .ts
    python tools/update_translations.py --check    # only check: untranslated or banned words

lupdate collects every ``tr()``, ``QCoreApplication.translate()`` and ``QT_TRANSLATE_NOOP``
string of ``desktop_app/**/*.py`` into ``resources/translations/voucher_shop_<lang>.ts``.
Translate new strings there (Qt Linguist: ``pyside6-linguist FILE.ts``, or by hand: fill
``<translation>`` and drop ``type="unfinished"``), then run this again to build the ``.qm``.
The English catalogue holds plural forms only: the source strings are English already.

Every run fails (exit 1, naming each offender) when a Chinese translation uses a word that
``resources/translations/GLOSSARY.md`` bans, such as 兑换 for redeem.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "desktop_app"
TS_DIR = ROOT / "resources" / "translations"
CATALOG = "voucher_shop"
# Language → extra lupdate options.
LANGUAGES: dict[str, list[str]] = {"zh_CN": [], "en": ["-pluralonly"]}
GLOSSARY = TS_DIR / "GLOSSARY.md"
GLOSSARY_LANGUAGE = "zh_CN"


def tool(name: str) -> str:
    """A Qt tool from PySide6: next to this Python first (a venv), then on PATH."""
    for candidate in (Path(sys.executable).parent / f"pyside6-{name}",
                      Path(sys.executable).parent / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        sys.exit(f"pyside6-{name} not found: install PySide6 (requirements-dev.txt)")
    return found


def sources() -> list[str]:
    files = sorted(p for p in SOURCE_DIR.rglob("*.py") if "__pycache__" not in p.parts)
    return [str(p.relative_to(ROOT)) for p in files]


def ts_file(language: str) -> Path:
    return TS_DIR / f"{CATALOG}_{language}.ts"


def run(command: list[str]) -> None:
    print("$", Path(command[0]).name, "...", command[-1], flush=True)
    subprocess.run(command, cwd=ROOT, check=True)


def lupdate(language: str) -> None:
    run([tool("lupdate"), *sources(), "-no-obsolete", "-source-language", "en",
         "-target-language", language, *LANGUAGES[language],
         "-ts", str(ts_file(language).relative_to(ROOT))])


def lrelease(language: str) -> None:
    """Builds the .qm beside the .ts, then swaps it in whole: Qt maps a loaded catalogue into
    memory, and lrelease writing the live file in place crashed an app running from this
    folder at its next translated string."""
    ts = ts_file(language)
    qm = ts.with_suffix(".qm")
    built = qm.with_suffix(".qm.new")
    run([tool("lrelease"), str(ts.relative_to(ROOT)), "-qm", str(built.relative_to(ROOT))])
    os.replace(built, qm)


def unfinished(language: str) -> list[str]:
    """Source texts in the .ts whose translation is missing or marked unfinished."""
    missing = []
    for message in ET.parse(ts_file(language)).getroot().iter("message"):
        translation = message.find("translation")
        empty = translation is None or not "".join(translation.itertext()).strip()
        if translation is None or translation.get("type") == "unfinished" or empty:
            missing.append(message.findtext("source") or "")
    return missing


def translations(language: str) -> list[tuple[str, str, str]]:
    """(context, source, translation) of every message; plural forms joined by " | "."""
    found = []
    for context in ET.parse(ts_file(language)).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else (
                [f.text or "" for f in translation.iter("numerusform")]
                or [translation.text or ""])
            found.append((name, message.findtext("source") or "", " | ".join(forms)))
    return found


def banned_words(glossary: Path = GLOSSARY) -> list[str]:
    """The words in the first column of the glossary's "Banned words" table."""
    section = re.search(r"^## Banned words\n(.*?)(?=^## |\Z)", glossary.read_text("utf-8"),
                        re.MULTILINE | re.DOTALL)
    if section is None:
        sys.exit(f"{glossary}: no '## Banned words' section")
    return re.findall(r"^\|\s*`([^`]+)`\s*\|", section.group(1), re.MULTILINE)


def banned_translations(language: str = GLOSSARY_LANGUAGE) -> list[str]:
    """One line per translation that uses a banned word: the word, where, and the text."""
    words = banned_words()
    return [f"{word}: [{context}] {source!r} -> {text!r}"
            for context, source, text in translations(language)
            for word in words if word in text]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only build the .qm files")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a translation is missing, unfinished "
                             "or uses a word the glossary bans")
    args = parser.parse_args(argv)
    TS_DIR.mkdir(parents=True, exist_ok=True)
    status = 0
    for language in LANGUAGES:
        if not args.check:
            if not args.release:
                lupdate(language)
            lrelease(language)
        missing = unfinished(language)
        if missing:
            print(f"{language}: {len(missing)} string(s) to translate, e.g. {missing[0]!r}")
            status = 1 if args.check else status
    offenders = banned_translations()
    if offenders:
        print(f"{GLOSSARY_LANGUAGE}: {len(offenders)} translation(s) use a word "
              f"{GLOSSARY.relative_to(ROOT)} bans:")
        print("\n".join(f"  {line}" for line in offenders))
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
