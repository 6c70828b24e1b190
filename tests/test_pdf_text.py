"""Chinese text copied from the app's PDFs reads as typed: no radical in place of 车, 小 or 用.

A CJK font draws ⻋ (U+2ECB) and 车 with one glyph and Qt's PDF writer named that glyph by the
radical, so "洗车" pasted from a voucher sheet as "洗⻋" and a search for 车 found nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_printing import pdf_text, sell

from desktop_app import printing
from desktop_app.core.store import Shop
from desktop_app.printing.pdf_text import IDEOGRAPH_OF, readable_cjk

pytestmark = pytest.mark.usefixtures("qapp")

# Each of these characters shares its glyph with a radical in the Noto CJK fonts.
SHARED_WITH_RADICALS = "小马洗车行 用品 长门见风飞 鱼鸟 户"
RADICALS = re.compile("[\u2e80-\u2fdf]")


def _cmap(body: bytes) -> bytes:
    return (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" + body
            + b"endcmap\nend\nend\n")


def _pdf_with(cmap: bytes, header: bytes = b"<< /Length %d >>") -> bytes:
    """A PDF's bytes as Qt lays out a font's ToUnicode stream (enough for the fix to find)."""
    return (b"%PDF-1.4\n5 0 obj\n<< /Type /Font /ToUnicode 6 0 R>>\nendobj\n6 0 obj\n"
            + header % len(cmap) + b"\nstream\n" + cmap + b"\nendstream\nendobj\n%%EOF\n")


def test_every_radical_names_one_ideograph() -> None:
    assert len(IDEOGRAPH_OF) > 280
    for radical, ideograph in IDEOGRAPH_OF.items():
        assert 0x2E80 <= radical <= 0x2FDF and 0x3400 <= ideograph <= 0x9FFF
    assert chr(IDEOGRAPH_OF[0x2ECB]) == "车" and chr(IDEOGRAPH_OF[0x2F3E]) == "户"


def test_the_names_are_put_back_and_the_glyph_codes_left_alone() -> None:
    cmap = _cmap(
        b"2 beginbfrange\n<0000> <0000> <0000>\n"
        b"<0001> <0004> [<6D17> <2ECB> <2F29> <D840DC00> ]\n"  # 洗 ⻋ ⼩ and a pair
        b"<0005> <0005> <2F64>\n"  # one glyph: ⽤
        b"<0006> <0007> <2F29>\n"  # two glyphs onto ⼩ ⼪: left, renaming one renames both
        b"endbfrange\n"
        b"2 beginbfchar\n<2ECB> <2ED4>\n<0009> <0041>\nendbfchar\n")
    fixed = readable_cjk(_pdf_with(cmap))
    assert len(fixed) == len(_pdf_with(cmap))  # every offset of the file still holds
    assert b"[<6D17> <8F66> <5C0F> <D840DC00> ]" in fixed
    assert b"<0005> <0005> <7528>" in fixed
    assert b"<0006> <0007> <2F29>" in fixed
    assert b"<2ECB> <95E8>" in fixed  # a glyph code that looks like a radical stays a code
    assert b"<0009> <0041>" in fixed


def test_a_compressed_or_unfamiliar_map_is_left_as_it_is() -> None:
    cmap = _cmap(b"1 beginbfchar\n<0001> <2ECB>\nendbfchar\n")
    compressed = _pdf_with(cmap, b"<< /Length %d /Filter /FlateDecode >>")
    assert readable_cjk(compressed) == compressed
    no_such_object = b"%PDF-1.4\n/ToUnicode 9 0 R\n%%EOF"
    assert readable_cjk(no_such_object) == no_such_object


@pytest.mark.parametrize("layout", ["a4", "receipt58", "receipt80"])
def test_a_voucher_sheet_copies_as_typed(shop: Shop, tmp_path: Path, layout: str) -> None:
    [view] = sell(shop, name=SHARED_WITH_RADICALS)
    pdf = tmp_path / f"{layout}.pdf"
    printing.write_voucher_pdf(pdf, [view], layout)
    text = pdf_text(pdf)
    assert not RADICALS.findall(text)
    assert "".join(SHARED_WITH_RADICALS.split()) in "".join(text.split())


def test_the_recovery_sheet_copies_as_typed_and_a_failed_save_says_so(
        qtbot: QtBot, tmp_path: Path) -> None:
    from desktop_app.core.keyslots import new_recovery_key
    from desktop_app.ui.session.recovery_key_dialog import RecoveryKeyDialog

    key = new_recovery_key()
    dialog = RecoveryKeyDialog(key, SHARED_WITH_RADICALS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    assert dialog.file_dialog is not None
    dialog.file_dialog.fileSelected.emit(str(tmp_path / "key"))
    text = pdf_text(tmp_path / "key.pdf")
    assert key in text and not RADICALS.findall(text)
    assert "".join(SHARED_WITH_RADICALS.split()) in "".join(text.split())

    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("")
    dialog.save_pdf(str(not_a_folder / "key.pdf"))
    assert dialog.message.isVisible()
    assert "Saved" not in dialog.message.text() and str(not_a_folder) in dialog.message.text()
    assert not (not_a_folder / "key.pdf").exists()



def test_a_phone_number_in_the_address_is_never_split_on_a_58_mm_receipt(
        shop: Shop, tmp_path: Path) -> None:
    """QA s35a F11: "010-8888" on one line and "6666" on the next."""
    from desktop_app.printing.text import numbers_kept_whole

    assert numbers_kept_whole("电话 010-8888 6666 · 12 号") == "电话 010-8888\u00a06666 · 12 号"
    shop.set_setting("address_line", "朝阳区建国路 88 号 · 电话 010-8888 6666")
    [view] = sell(shop, name="洗车")
    pdf = tmp_path / "receipt58.pdf"
    printing.write_voucher_pdf(pdf, [view], "receipt58")
    lines = [line for line in pdf_text(pdf).splitlines() if "8888" in line or "6666" in line]
    assert len(lines) == 1 and "6666" in lines[0], lines


SHOP_NOTE = "本券不兑现、不找零，节假日通用，最终解释权归本店所有"


@pytest.mark.parametrize("layout", printing.LAYOUTS)
def test_a_wrapped_note_ends_on_more_than_one_character(shop: Shop, tmp_path: Path,
                                                        layout: str) -> None:
    """QA s39a F20.9: "…最终解释权归本店所" then "有" alone on the voucher's last line."""
    shop.set_setting("voucher_note", SHOP_NOTE)
    [view] = sell(shop, name="洗车")
    pdf = tmp_path / f"{layout}.pdf"
    printing.write_voucher_pdf(pdf, [view], layout)
    text = pdf_text(pdf)
    start = text.index(SHOP_NOTE[:4])
    lines = []
    for line in text[start:].splitlines():
        lines.append(line.strip())
        if "".join(lines).endswith(SHOP_NOTE[-3:]):
            break
    assert "".join(lines) == SHOP_NOTE, lines
    assert min(len(line) for line in lines) >= len(SHOP_NOTE) // (2 * len(lines)), lines


def test_balanced_lines_keep_their_count_and_their_centre(qapp: object) -> None:
    from desktop_app.printing.style import font, mm
    from desktop_app.printing.text import CENTER, balanced, lay_out

    text_font, width = font(7, bold=True), mm(52)
    plain = lay_out(SHOP_NOTE, text_font, width, CENTER)
    even = balanced(SHOP_NOTE, text_font, width)
    assert even.lines == plain.lines > 1 and even.width <= width
    lengths = [even.layout.lineAt(i).textLength() for i in range(even.lines)]
    assert max(lengths) - min(lengths) <= 2, lengths
    for i in range(even.lines):  # narrower lines, centred where the column's centre is
        line = even.layout.lineAt(i)
        assert abs(line.x() + line.width() / 2 - width / 2) < 0.5
    assert balanced("短句", text_font, width).lines == 1
