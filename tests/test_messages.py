"""The words a user reads: a message for each core error, the language chosen, and the
translation catalogues (complete, with contexts, placeholders kept)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.core import errors
from desktop_app.core.errors import InvalidInput, ShopError, WrongPassword
from desktop_app.i18n import install_translator, remove_translators, resolve_language
from desktop_app.messages import (
    error_message,
    problem_message,
    role_label,
)
from desktop_app.messages.error_texts import ERROR_TEXTS
from desktop_app.resources import translations_dir

# The offscreen platform of headless runs says so for any window with a size limit, and for
# raising a window; neither is about the app.
pytestmark = pytest.mark.usefixtures("temp_settings")

TS_FILES = sorted(translations_dir().glob("voucher_shop_*.ts"))


def all_error_classes() -> list[type[ShopError]]:
    found, todo = [], [ShopError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize("cls", all_error_classes(), ids=lambda cls: cls.code)
def test_every_error_has_its_own_message(cls: type[ShopError]) -> None:
    assert cls.code in ERROR_TEXTS
    text = error_message(cls())
    assert text.strip()
    assert "{" not in text and "}" not in text


def test_messages_name_the_facts() -> None:
    assert "/mnt/share/shop" in error_message(errors.NetworkPathRefused(path="/mnt/share/shop"))
    assert "PostgreSQL" in error_message(errors.NetworkPathRefused(path="/x"))
    assert "Nothing already saved was lost" in error_message(errors.DiskFull(path="/x"))
    text = error_message(InvalidInput(field="password", problem="too_short", minimum=8))
    assert text == "Password: Too short: use at least 8 characters."
    stock = error_message(errors.OutOfStock(product="Coffee", wanted=3, available=1))
    assert "Coffee" in stock and "1" in stock
    state = error_message(errors.InvalidState(what="order", id=3, state="refunded"))
    assert "order" in state and "refunded" in state
    assert problem_message("no such problem") == "Not accepted."
    assert "another shop" in error_message(errors.BackupInvalid(problem="foreign", path="b"))


def test_no_shop_on_a_server_is_said_in_a_servers_words() -> None:
    """QA s43b F5: an empty database on the server was "no shop in the folder postgresql://…",
    with advice to start with the folder that holds the shop."""
    text = error_message(errors.NoShop(path="postgresql://shop:secret@10.0.0.5:5432/voucher_empty"))
    assert "10.0.0.5:5432/voucher_empty" in text and "folder" not in text
    assert "secret" not in text and "init" in text
    assert "folder /srv/shop" in error_message(errors.NoShop(path="/srv/shop"))


def test_lockout_message_names_the_wait(qapp: QApplication) -> None:
    try:
        assert install_translator(qapp, "en") == "en"
        assert "3 minutes," in error_message(errors.LockedOut(operator="Bob", seconds=150))
        assert "20 seconds," in error_message(errors.LockedOut(operator="Bob", seconds=20))
        assert install_translator(qapp, "zh_CN") == "zh_CN"
        assert "20" in error_message(errors.LockedOut(operator="Bob", seconds=20))
    finally:
        remove_translators(qapp)


@pytest.mark.parametrize(("asked", "used"), [
    ("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("zh-Hans-CN", "zh_CN"), ("en", "en"),
    ("en_GB", "en"), ("de_DE", "en"), ("C", "en"),
])
def test_language_choice(asked: str, used: str) -> None:
    assert resolve_language(asked) == used


def test_chinese_translator_translates(qapp: QApplication) -> None:
    try:
        assert install_translator(qapp, "zh_CN") == "zh_CN"
        translated = error_message(WrongPassword())
        assert translated != ERROR_TEXTS["wrong_password"]
        assert "密码" in translated
        assert QCoreApplication.translate("MainWindow", "Redemption") == "核销"
        assert role_label("clerk") == "核销员"
    finally:
        remove_translators(qapp)
    assert error_message(WrongPassword()).startswith("Wrong password")


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}|%n", text))


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_no_translation_is_unfinished(ts: Path) -> None:
    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm"))), "run tools/update_translations.py"
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None and translation.get("type") is None, source
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""]
            assert all(form.strip() for form in forms), source
            for form in forms:  # a lost or renamed placeholder would break .format()
                assert placeholders(form) == placeholders(source), source
            if message.get("numerus") != "yes":
                assert translator.translate(name, source) == forms[0], f"stale .qm: {source}"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_every_message_has_a_context(ts: Path) -> None:
    """lupdate reads the context from the call: a ``tr(text)`` helper function outside a class
    files its strings under no context, and the translations never match at run time."""
    for context in ET.parse(ts).getroot().iter("context"):
        sources = [m.findtext("source") for m in context.iter("message")]
        assert context.findtext("name"), (
            f"no context for {sources[:3]}: call QCoreApplication.translate('ctx', '...') or "
            "QT_TRANSLATE_NOOP('ctx', '...') with a literal context")


def _invalid_inputs_raised_in_core() -> list[tuple[str, str, set[str]]]:
    """(where, problem, keyword names) of every ``InvalidInput(problem="…")`` in core."""
    import ast

    found = []
    for source in (Path(__file__).resolve().parents[1] / "desktop_app" / "core").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "InvalidInput":
                words = {k.arg: k.value for k in node.keywords if k.arg}
                problem = words.get("problem")
                if isinstance(problem, ast.Constant):
                    found.append((f"{source.name}:{node.lineno}", str(problem.value),
                                  set(words)))
    return found


def test_every_refused_value_fills_its_whole_message() -> None:
    """"Too short: use at least  characters": a finder passed ``min``, the text wants
    ``minimum``."""
    from desktop_app.messages.input_texts import PROBLEM_TEXTS

    raised = _invalid_inputs_raised_in_core()
    assert any(problem == "too_short" for _, problem, _ in raised)  # the scan finds them
    for where, problem, given in raised:
        wanted = set(re.findall(r"\{(\w+)\}", PROBLEM_TEXTS.get(problem, "")))
        assert wanted <= given, (where, problem, wanted - given)


def test_a_lost_or_unreachable_server_reads_right_for_any_action() -> None:
    """Core raises ServerLost for any change (a product, an order), not only a redemption,
    and also when a pooled connection was already dead: the words fit every case."""
    from desktop_app.core.pg_connection import server_facts

    host = server_facts("postgresql://shop@db.example:5432/shop")["host"]
    lost = error_message(errors.ServerLost(host=host))
    assert "db.example:5432" in lost
    assert "broke while" not in lost  # the server may have been down before Save
    assert "not certain whether this was saved" in lost
    assert "check before trying again" in lost
    assert "voucher" not in lost  # a product, an order: the voucher's words only for a scan
    unreachable = error_message(errors.ServerUnreachable(host=host))
    assert "db.example:5432" in unreachable and "nothing was changed" in unreachable
    assert "voucher" not in unreachable
