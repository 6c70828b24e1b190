"""Chinese text copied from, or searched in, the PDFs the app writes reads as it was typed.

A CJK font draws a radical and the ideograph it looks like with one glyph (⻋ U+2ECB and 车
U+8F66). Qt's PDF writer names each glyph in the font's ToUnicode map by the lowest code point
that reaches it, the radical, so "洗车" copied from a voucher sheet pastes as "洗⻋" and a
search of the sheet for 车 finds nothing. ``readable_cjk`` names those glyphs by the ideograph
again. Each name is four hex digits before and after, so the file keeps its length and every
offset its cross-reference table records. No Qt here: bytes in, bytes out.
"""

from __future__ import annotations

import re
import unicodedata

# The CJK Radicals Supplement (U+2E80-U+2EF3) has no decomposition to its ideograph; these are
# the ones a Chinese font draws with the ideograph's own glyph (read off Noto Sans and Serif
# CJK SC, and Unicode's EquivalentUnifiedIdeograph.txt), radical then ideograph.
_SUPPLEMENT_PAIRS = (
    "⺂乛⺃乚⺅亻⺉刂⺋㔾⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭"
    "⺫罒⺭礻⺯糹⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀⺾艹⻁虎⻂衤⻃覀⻅见⻆角⻈讠⻉贝⻋车⻌辶⻐钅⻑長⻒镸⻓长"
    "⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻮齿"
    "⻯竜⻰龙⻱龜⻲亀⻳龟"
)
# A Kangxi radical (U+2F00-U+2FD5) decomposes to its ideograph, except where the simplified
# Chinese font shares the glyph with another one: ⼾ is drawn as 户, not as 戶.
_KANGXI_OVERRIDES = {"⼾": "户"}


def _ideograph_of() -> dict[int, int]:
    pairs = {ord(radical): ord(ideograph) for radical, ideograph
             in zip(_SUPPLEMENT_PAIRS[::2], _SUPPLEMENT_PAIRS[1::2], strict=True)}
    for code in range(0x2F00, 0x2FD6):
        radical = chr(code)
        ideograph = _KANGXI_OVERRIDES.get(radical) or unicodedata.normalize("NFKC", radical)
        if len(ideograph) == 1 and ideograph != radical:
            pairs[code] = ord(ideograph)
    return pairs


IDEOGRAPH_OF = _ideograph_of()

_TO_UNICODE_REF = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
# An object whose stream has a length and nothing else (no filter): how Qt writes a ToUnicode.
_PLAIN_STREAM = re.compile(rb"(?:^|[\r\n])(\d+) 0 obj\s*<<\s*/Length (\d+)\s*>>\s*stream\r?\n")
_SECTION = re.compile(rb"begin(bfrange|bfchar)(.*?)end\1", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
_CHAR_LINE = re.compile(rb"(\s*<[0-9A-Fa-f]+>\s*)<([0-9A-Fa-f]+)>(\s*)")
_RANGE_LINE = re.compile(rb"(\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*)"
                         rb"(\[[^\]]*\]|<[0-9A-Fa-f]+>)(\s*)")


def _renamed(name: bytes) -> bytes:
    """A destination name, four hex digits, with a radical's put back to its ideograph."""
    if len(name) != 4:
        return name  # a pair of surrogates or several characters: never one radical
    code = int(name, 16)
    return b"%04X" % IDEOGRAPH_OF[code] if code in IDEOGRAPH_OF else name


def _hex_renamed(token: re.Match[bytes]) -> bytes:
    return b"<" + _renamed(token.group(1)) + b">"


def _line_readable(kind: bytes, line: bytes) -> bytes:
    if kind == b"bfchar":
        char = _CHAR_LINE.fullmatch(line)
        if char is None:
            return line
        return char.group(1) + b"<" + _renamed(char.group(2)) + b">" + char.group(3)
    ranged = _RANGE_LINE.fullmatch(line)
    if ranged is None:
        return line
    lead, low, high, target, tail = ranged.groups()
    if target.startswith(b"[") or low == high:  # one glyph, one name: safe to rename
        target = _HEX.sub(_hex_renamed, target)
    return lead + target + tail


def _cmap_readable(cmap: bytes) -> bytes:
    """The CMap's destination names, radicals put back to ideographs; the glyph codes (the
    source side) untouched. A range of several glyphs onto consecutive code points is left as
    it is: renaming its first would rename the others."""

    def section(match: re.Match[bytes]) -> bytes:
        kind, body = match.group(1), match.group(2)
        lines = body.split(b"\n")
        return b"begin" + kind + b"\n".join(_line_readable(kind, line) for line in lines) \
            + b"end" + kind

    return _SECTION.sub(section, cmap)


def readable_cjk(pdf: bytes) -> bytes:
    """``pdf`` with the radicals in its fonts' ToUnicode maps named by their ideographs. Only
    uncompressed maps (as Qt writes them) are touched; anything unexpected is left alone."""
    wanted = {int(ref) for ref in _TO_UNICODE_REF.findall(pdf)}
    out = bytearray(pdf)
    for header in _PLAIN_STREAM.finditer(pdf):  # one pass: not one search of the file a font
        if int(header.group(1)) not in wanted:
            continue
        start, length = header.end(), int(header.group(2))
        cmap = pdf[start:start + length]
        fixed = _cmap_readable(cmap)
        if len(fixed) == len(cmap):
            out[start:start + length] = fixed
    return bytes(out)
