"""The Chinese catalogue: the glossary's words, and verdicts a cashier cannot misread.

The completeness, placeholder and stale-.qm checks of every catalogue are in test_ui_shell.py.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "update_translations.py"
ZH_TS = ROOT / "resources" / "translations" / "voucher_shop_zh_CN.ts"


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def catalogue(path: Path = ZH_TS) -> dict[tuple[str, str], str]:
    """(context, source) → translation."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            key = (context.findtext("name") or "", message.findtext("source") or "")
            found[key] = message.findtext("translation") or ""
    return found


ZH = catalogue()


def zh(context: str, source: str) -> str:
    assert (context, source) in ZH, f"the catalogue lost {context}: {source!r}"
    return ZH[(context, source)]


# -- the glossary ---------------------------------------------------------------------------

def test_the_glossary_check_passes() -> None:
    """The tool's --check runs without Qt's tools and changes nothing."""
    before = ZH_TS.read_bytes(), ZH_TS.with_suffix(".qm").read_bytes()
    result = subprocess.run([sys.executable, str(TOOL), "--check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (ZH_TS.read_bytes(), ZH_TS.with_suffix(".qm").read_bytes()) == before


def test_the_glossary_bans_the_words_the_issue_names() -> None:
    assert {"兑换", "审计", "名字"} <= set(load_tool().banned_words())


@pytest.mark.parametrize(("source", "comes_back"), [
    ("Redemption", "兑换"), ("Audit log", "审计日志"), ("Your name", "您的名字"),
])
def test_the_check_fails_naming_a_banned_word_that_comes_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        source: str, comes_back: str) -> None:
    tool = load_tool()
    tree = ET.parse(ZH_TS)
    for message in tree.getroot().iter("message"):
        if message.findtext("source") == source:
            translation = message.find("translation")
            assert translation is not None
            translation.text = comes_back
    shutil.copy(ZH_TS.with_name("voucher_shop_en.ts"), tmp_path)
    tree.write(tmp_path / ZH_TS.name, encoding="utf-8")
    monkeypatch.setattr(tool, "TS_DIR", tmp_path)
    assert tool.main(["--check"]) == 1
    printed = capsys.readouterr().out
    assert repr(source) in printed and comes_back in printed


# -- the counter: no refusal may read as success ----------------------------------------------

SUCCESS = ("Redemption", "Redeemed")
REFUSALS = ["Already redeemed", "Unknown code", "Forged or altered", "Not this shop's voucher",
            "Not a voucher code", "Not paid", "Voided", "Expired", "Not valid yet", "Not allowed",
            "Undo", "Redeemed, undone"]


def test_success_has_its_one_word() -> None:
    assert zh(*SUCCESS) == "核销成功"


@pytest.mark.parametrize("source", REFUSALS)
def test_no_refusal_uses_the_success_word(source: str) -> None:
    text = zh("Redemption", source)
    assert text != zh(*SUCCESS)
    assert zh(*SUCCESS) not in text and "成功" not in text
    assert "已兑换" not in text and "兑换成功" not in text


def test_already_redeemed_says_it_is_used_up() -> None:
    assert zh("Redemption", "Already redeemed") in ("已用完", "已核销过")


def test_not_redeemed_says_it_failed() -> None:
    text = zh("VerdictPanel", "Not redeemed")
    assert text == "核销失败"
    assert "未兑换" not in text and "未核销" not in text


def test_a_forged_code_says_do_not_redeem() -> None:
    text = zh("Redemption", "This QR code was not made by this shop, or it was changed. "
                            "Do not accept it.")
    assert text.endswith("请勿核销。") and "受理" not in text


def test_an_unknown_code_says_check_it() -> None:
    assert zh("Redemption", "Unknown code") == "券码不存在，请核对"
    assert zh("Redemption", "There is no voucher with this code in this shop. "
                            "Check the code.").startswith("券码不存在，请核对")


def test_the_server_away_says_the_scan_waits_for_nobody() -> None:
    """QA s39 F1: "服务器恢复后会自动继续核销" read as this scan being redeemed by itself once the
    server was back (the English was fixed for the same misreading in QA s36a F3): only the
    counter works again by itself; the voucher is scanned again."""
    text = zh("RedemptionTab", "The shop's server cannot be reached: nothing was redeemed. "
                               "Redeeming starts again by itself when the server is back; "
                               "then scan the voucher again.")
    assert "未核销任何卡券" in text and text.endswith("请重新扫码。")
    assert "自动继续核销" not in text and "自动核销" not in text


# -- one wording for one thing ------------------------------------------------------------------

def test_uses_left_is_written_one_way() -> None:
    sources = [key for key in ZH if "{left}" in key[1] and "{total}" in key[1]]
    assert len(sources) >= 3
    for key in sources:
        assert "剩余 {left}/{total} 次" in ZH[key], key


def test_no_expiry_is_written_one_way() -> None:
    """GLOSSARY.md: 长期有效. QA s10c F2: the voucher, the Send image and the Orders card
    said 无期限."""
    sources = [key for key in ZH if key[1].lower() in ("no expiry", "no expiry date", "no end")]
    assert len(sources) >= 3
    assert all(ZH[key] == "长期有效" for key in sources), sources  # QA s39a F7: "No end"
    assert "无期限" not in "".join(ZH.values())


def test_the_clerk_is_called_as_the_glossary_says() -> None:
    """QA s39a F4: 店员 where the role is meant (the login hint, the audit log); the customer
    display, speaking to a customer, may say 店员 (the shop's staff)."""
    said = [(key, text) for key, text in ZH.items() if "店员" in text]
    assert all("ask for it" in key[1] or "ask for them" in key[1] for key, _ in said), said


def test_the_same_words_read_the_same() -> None:
    source = "12 or more characters mixing letters, digits and symbols are much harder to guess."
    assert zh("NewPasswordFields", source) == zh("SetupDialog", source)
    assert zh("ProductDialog", "Uses per voucher:").rstrip("：") == zh("errors",
                                                                     "Uses per voucher")


def test_spacing_around_text_is_kept() -> None:
    """The command line's prompts end in a space, spin-box suffixes start with one."""
    for (context, source), text in ZH.items():
        assert (source != source.rstrip()) == (text != text.rstrip()), (context, source)
        assert (source != source.lstrip()) == (text != text.lstrip()), (context, source)


# -- what the app loads -------------------------------------------------------------------------

def test_the_built_catalogue_reads_the_trade_words() -> None:
    translator = QTranslator()
    assert translator.load(str(ZH_TS.with_suffix(".qm"))), "run tools/update_translations.py"
    assert translator.translate("MainWindow", "Redemption") == "核销"
    assert translator.translate("RedemptionTab", "Redeem") == "核销"
    assert translator.translate("Redemption", "Already redeemed") == "已用完"
    assert translator.translate("MainWindow", "&Audit log…") == "操作日志(&A)…"
    assert translator.translate("roles", "Clerk") == "核销员"


def test_no_wrapper_hides_words_from_lupdate() -> None:
    """lupdate finds ``tr(...)``, ``self.tr(...)`` and ``QCoreApplication.translate(...)``
    with a literal text; a helper taking the text as a variable (``_tr(text)``) hides every
    string given to it, which then stays English in Chinese (About, then the refund words).
    A wrapper fed only texts marked with QT_TRANSLATE_NOOP (tables of words) is fine."""
    import re

    wrapper = re.compile(r"^def (_?tr)\(text: str\)", re.M)
    found = []
    for path in (ROOT / "desktop_app").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for name in wrapper.findall(source):
            if re.search(rf"(?<![.\w]){name}\(\s*\"", source):  # fed a literal text
                found.append(str(path.relative_to(ROOT)))
    assert not found, found


def test_a_station_name_with_brackets_is_not_bracketed_again() -> None:
    """QA s39a F20.7: "本收银台最近记录（1号收银台（前台））"."""
    for source in ("Recent at this station ({station})",
                   "Your recent redemptions at this station ({station})"):
        said = zh("RedemptionTab", source)
        assert "：{station}" in said and "（{station}）" not in said


def test_a_gift_cards_refund_reason_reads_one_way() -> None:
    """QA s39a F20.2: "（未消费的余额）" for one card, "（退未消费的余额）" for several."""
    assert zh("OrdersTab", "its unspent balance") == zh("OrdersTab", "their unspent balance")
