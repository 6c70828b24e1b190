"""Parsing never crashes and never accepts what it should not: random text, payloads typed on
other keyboard layouts, and single-character changes of genuine payloads and codes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core import vouchers

SHOP_ID = "fuzz-shop"
KEY = "5a" * 32
GENUINE = [vouchers.new_code() for _ in range(8)]
PAYLOADS = [vouchers.payload(SHOP_ID, KEY, code) for code in GENUINE]
LAYOUTS = sorted(vouchers.LAYOUT_MANGLING)
TYPED_CHARS = sorted(set(vouchers.ALPHABET) | set("OIL-_ &?é\"'(è_çàabcyzé") | {
    c for m in vouchers.LAYOUT_MANGLING.values() for c in m.values()})
# No example database: it would write a .hypothesis folder into the repository.
FUZZ = settings(max_examples=300, deadline=None, database=None)


def parse(text: str) -> vouchers.Parsed:
    return vouchers.parse(text, SHOP_ID, KEY)


def names_a_genuine_voucher(parsed: vouchers.Parsed) -> bool:
    return parsed.reason is None and parsed.code in GENUINE


@FUZZ
@given(st.text(max_size=80))
def test_random_text_never_crashes_and_is_never_a_voucher(text: str) -> None:
    parsed = parse(text)
    assert parsed.reason in (None, "malformed", "mistyped", "wrong_shop", "invalid_signature")
    if parsed.reason is None:  # a random 17-symbol text can pass a 5-bit check: typed only
        assert parsed.via == "typed"


@FUZZ
@given(st.text(alphabet=TYPED_CHARS, min_size=30, max_size=45))
def test_payload_shaped_noise_is_never_accepted_as_a_payload(text: str) -> None:
    parsed = parse(text)
    assert parsed.reason is not None or parsed.via == "typed"


@FUZZ
@given(st.sampled_from(PAYLOADS), st.sampled_from(LAYOUTS))
def test_mangled_genuine_payloads_are_read(payload: str, layout: str) -> None:
    parsed = parse(vouchers.mangle(payload, layout))
    assert names_a_genuine_voucher(parsed)
    assert parsed.code == payload[2 + vouchers.SHOP_LEN:-vouchers.TAG_LEN]


@FUZZ
@given(st.sampled_from(PAYLOADS), st.sampled_from([*LAYOUTS, ""]), st.data())
def test_single_character_changes_are_refused(payload: str, layout: str,
                                               data: st.DataObject) -> None:
    text = vouchers.mangle(payload, layout) if layout else payload
    position = data.draw(st.integers(0, len(text) - 1))
    replacement = data.draw(st.sampled_from(TYPED_CHARS))
    changed = text[:position] + replacement + text[position + 1:]
    if vouchers.normalize(changed) == vouchers.normalize(text):
        return  # a look-alike the reader forgives (O/0, a lower-case letter), not a change
    genuine = {vouchers.normalize(payload)} | {
        vouchers.normalize(vouchers.mangle(payload, other)) for other in LAYOUTS}
    if vouchers.normalize(changed) in genuine:
        # The change undid the layout's only mangled key, or made the one key another layout
        # mangles: the genuine payload as typed on some keyboard, which reads as it should.
        return
    assert parse(changed).reason is not None, changed


def test_undoing_the_only_mangled_key_gives_the_genuine_payload_not_a_forgery() -> None:
    """Found by the fuzz test: a QWERTZ reading whose one swapped key is typed back is the
    real payload, and reads as it (the tag decides, and it is the shop's own)."""
    payload = next(p for p in PAYLOADS if sum(c in "YZ" for c in p) >= 1)
    mangled = vouchers.mangle(payload, "qwertz")
    position = next(i for i, c in enumerate(payload) if c in "YZ")
    undone = mangled[:position] + payload[position] + mangled[position + 1:]
    parsed = parse(undone)
    if sum(c in "YZ" for c in payload) == 1:
        assert parsed.reason is None and vouchers.normalize(undone) == payload
    else:
        assert parsed.reason is not None  # other keys still swapped: neither reading holds


def test_typing_the_one_key_a_layout_swaps_reads_as_that_layout_not_a_forgery() -> None:
    """Why the fuzz test skips changes that land on another layout's reading: a payload with
    one Y typed with a Z is what a QWERTZ keyboard sends, and it is the genuine voucher."""
    candidates = (vouchers.payload(SHOP_ID, KEY, vouchers.new_code()) for _ in range(1000))
    payload = next(p for p in candidates if sum(c in "YZ" for c in p) == 1)
    position = next(i for i, c in enumerate(payload) if c in "YZ")
    other = "Z" if payload[position] == "Y" else "Y"
    swapped = payload[:position] + other + payload[position + 1:]
    assert swapped == vouchers.mangle(payload, "qwertz")
    assert parse(swapped).reason is None


@FUZZ
@given(st.sampled_from(GENUINE), st.data())
def test_single_symbol_typos_of_printed_codes_are_mistyped(code: str,
                                                           data: st.DataObject) -> None:
    typed = vouchers.typed_code(code).replace("-", "")
    position = data.draw(st.integers(0, len(typed) - 1))
    symbol = data.draw(st.sampled_from(vouchers.ALPHABET).filter(lambda s: s != typed[position]))
    parsed = parse(typed[:position] + symbol + typed[position + 1:])
    assert parsed.reason == "mistyped"
    assert code in vouchers.likely_corrections(parsed.typed)


@FUZZ
@given(st.one_of(st.text(max_size=60), st.text(alphabet=[*TYPED_CHARS, "o", "i", "l"],
                                                max_size=60)))
def test_the_scanners_fast_path_normalizes_as_the_full_rules_do(text: str) -> None:
    """A payload as a scanner types it (ASCII letters and digits) skips the character-by-
    character rules; for such text they would have given the same."""
    assert vouchers.normalize(text) == vouchers.normalize_any(text)


@FUZZ
@given(st.one_of(st.text(alphabet=TYPED_CHARS, max_size=60), st.sampled_from(
    PAYLOADS + [vouchers.typed_code(code).lower().replace("-", " ") for code in GENUINE])))
def test_a_code_as_read_is_what_a_parse_would_name(text: str) -> None:
    """"Checking…" names the code a scan reads as before the check: whenever the check names
    a voucher, the same code (never another one)."""
    parsed = parse(text)
    if parsed.reason is None:
        assert vouchers.code_as_read(text) == vouchers.typed_code(parsed.code)


def test_a_code_as_read_needs_no_key() -> None:
    code = GENUINE[0]
    assert vouchers.code_as_read(PAYLOADS[0]) == vouchers.typed_code(code)
    assert vouchers.code_as_read(vouchers.payload("another-shop", "00" * 32, code)) == \
        vouchers.typed_code(code)  # another shop's, or forged: read as it says
    assert vouchers.code_as_read(vouchers.typed_code(code).lower()) == vouchers.typed_code(code)
    assert vouchers.code_as_read("134567890123456789") is None  # a payment code
    assert vouchers.code_as_read("hello") is None
