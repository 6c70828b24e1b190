"""QR decoding with the real decoder libraries, on real voucher symbols and webcam-like frames."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
from synthetic import HARD_CASES, garbage_images, hard_frame, random_payload, webcam_frame

from desktop_app.core.vouchers import payload, qr_image
from desktop_app.scanning.decoders import (
    DECODER_NAMES,
    PYZBAR,
    ZXING,
    Decoded,
    DecoderUnavailable,
    UnreadableImage,
    available_decoders,
    decode_file,
    decode_image,
    decoder_problems,
)

AVAILABLE = [label.split()[0] for label in available_decoders()]

# One fixed voucher for the tests that pin a frame on which some attempt must fail: with a
# random payload the symbol's pattern, and so the edge of failure, would move between runs.
FIXED_PAYLOAD = payload("0" * 32, "1" * 64, "0123456789ABCDEF")


def each_decoder() -> list[object]:
    """Every decoder we know, skipped with the reason when this install cannot load it."""
    problems = decoder_problems()
    return [pytest.param(name, marks=pytest.mark.skipif(name not in AVAILABLE,
                                                        reason=problems.get(name, "")))
            for name in DECODER_NAMES]


def write_image(path: Path, image: np.ndarray) -> Path:
    """Writes through numpy so that non-ASCII paths work on every platform."""
    ok, encoded = cv2.imencode(path.suffix, image)
    assert ok
    encoded.tofile(path)
    return path


def near(polygon: list[tuple[int, int]], point: tuple[float, float], tolerance: float) -> bool:
    x, y = np.mean(np.array(polygon, dtype=float), axis=0)
    return abs(x - point[0]) <= tolerance and abs(y - point[1]) <= tolerance


def test_every_decoder_is_loaded_or_explained() -> None:
    labels = available_decoders()
    problems = decoder_problems()
    assert {label.split()[0] for label in labels} | set(problems) == set(DECODER_NAMES)
    assert labels, "no QR decoder at all: install zxing-cpp or pyzbar with libzbar"
    for label in labels:
        assert any(char.isdigit() for char in label), label  # versions, for bug reports
    assert [n for n in DECODER_NAMES if n in AVAILABLE] == AVAILABLE  # best first


@pytest.mark.parametrize("decoder", each_decoder())
@pytest.mark.parametrize("module_px", [2, 4, 8])
def test_voucher_symbol_round_trips(decoder: str, module_px: int) -> None:
    text = random_payload()
    image = qr_image(text, module_px=module_px)
    found = decode_image(image, (decoder,))
    assert [(d.text, d.decoder) for d in found] == [(text, decoder)]
    # Corners in image pixels: the symbol starts after the 4-module quiet zone.
    xs = [x for x, _ in found[0].polygon]
    assert len(found[0].polygon) == 4
    assert min(xs) == pytest.approx(4 * module_px, abs=module_px + 1)


@pytest.mark.parametrize("decoder", each_decoder())
def test_bgr_and_bgra_input(decoder: str) -> None:
    text = random_payload()
    gray = qr_image(text, module_px=4)
    for image in (cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR), cv2.cvtColor(gray, cv2.COLOR_GRAY2BGRA)):
        assert [d.text for d in decode_image(image, (decoder,))] == [text]


def test_default_order_prefers_zxing() -> None:
    text = random_payload()
    found = decode_image(qr_image(text))
    assert found[0].decoder == AVAILABLE[0]
    if ZXING in AVAILABLE:
        assert found[0].decoder == ZXING


@pytest.mark.parametrize("case", sorted(HARD_CASES))
def test_webcam_like_frames_decode(case: str) -> None:
    text = random_payload()
    frame = hard_frame(case, text, seed=7)
    assert frame.image.shape == (720, 1280, 3)
    found = decode_image(frame.image)
    assert [d.text for d in found] == [text], case
    # The corners point at the symbol in the frame, whichever attempt found it.
    assert near(found[0].polygon, frame.center, tolerance=4 * frame.module_px)


@pytest.mark.parametrize("decoder", each_decoder())
@pytest.mark.parametrize("case", ["plain", "rotated", "jpeg", "perspective", "small"])
def test_each_decoder_reads_ordinary_frames(decoder: str, case: str) -> None:
    text = random_payload()
    found = decode_image(hard_frame(case, text, seed=3).image, (decoder,))
    assert [d.text for d in found] == [text]


@pytest.mark.parametrize("decoder", each_decoder())
def test_threshold_retry_rescues_a_defocused_frame(decoder: str) -> None:
    frame = webcam_frame(FIXED_PAYLOAD, blur_sigma=2.9, seed=3)
    assert decode_image(frame.image, (decoder,), retries=False) == []
    assert [d.text for d in decode_image(frame.image, (decoder,))] == [FIXED_PAYLOAD]


@pytest.mark.skipif(PYZBAR not in AVAILABLE, reason="pyzbar not loaded")
def test_glare_that_only_zbar_reads_after_thresholding() -> None:
    frame = webcam_frame(FIXED_PAYLOAD, glare=1.2, seed=3)
    assert decode_image(frame.image, retries=False) == []
    found = decode_image(frame.image)
    assert [(d.text, d.decoder) for d in found] == [(FIXED_PAYLOAD, PYZBAR)]


def test_a_large_photo_is_retried_downscaled_with_corners_in_full_size() -> None:
    frame = webcam_frame(FIXED_PAYLOAD, size=(1920, 1080), module_px=8, blur_sigma=5, seed=3)
    assert decode_image(frame.image, retries=False) == []
    found = decode_image(frame.image)
    assert [d.text for d in found] == [FIXED_PAYLOAD]
    assert near(found[0].polygon, frame.center, tolerance=3 * frame.module_px)


@pytest.mark.parametrize("decoder", [None, *each_decoder()])
def test_garbage_decodes_to_nothing(decoder: str | None) -> None:
    chosen = None if decoder is None else (decoder,)
    for image in garbage_images(seed=5):
        assert decode_image(image, chosen) == []


def test_two_vouchers_in_one_image_and_duplicates_merged() -> None:
    first, second = random_payload(), random_payload()
    one, two = qr_image(first, module_px=4), qr_image(second, module_px=4)
    side_by_side = np.hstack([one, two])
    assert sorted(d.text for d in decode_image(side_by_side)) == sorted([first, second])
    same_twice = np.hstack([one, one])
    assert [d.text for d in decode_image(same_twice)] == [first]


def test_decode_file_png_and_jpeg(tmp_path: Path) -> None:
    text = random_payload()
    frame = hard_frame("perspective", text, seed=1)
    for name in ("frame.png", "frame.jpg"):
        path = write_image(tmp_path / name, frame.image)
        assert [d.text for d in decode_file(path)] == [text]
        assert [d.text for d in decode_file(str(path))] == [text]


def test_decode_file_with_a_chinese_name(tmp_path: Path) -> None:
    text = random_payload()
    folder = tmp_path / "优惠券"
    folder.mkdir()
    path = write_image(folder / "二维码 扫描.png", qr_image(text))
    assert [d.text for d in decode_file(path)] == [text]


def test_transparent_and_16_bit_pngs(tmp_path: Path) -> None:
    text = random_payload()
    symbol = qr_image(text, module_px=4)
    # Black modules on a transparent background: read as black on white, not black on black.
    transparent = np.zeros((*symbol.shape, 4), dtype=np.uint8)
    transparent[:, :, 3] = 255 - symbol
    deep = symbol.astype(np.uint16) * 257
    for name, image in (("alpha.png", transparent), ("deep.png", deep)):
        path = write_image(tmp_path / name, image)
        assert [d.text for d in decode_file(path)] == [text], name


def test_a_file_that_is_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "voucher.png"
    path.write_text("V1 not really a picture\n", encoding="utf-8")
    with pytest.raises(UnreadableImage) as error:
        decode_file(path)
    assert error.value.path == str(path)
    assert error.value.reason == "not_an_image"
    assert isinstance(error.value, ValueError)
    assert str(path) in str(error.value)


@pytest.mark.parametrize(("name", "reason"), [("missing.png", "not_found"),
                                              ("empty.png", "not_an_image")])
def test_missing_and_empty_files(tmp_path: Path, name: str, reason: str) -> None:
    (tmp_path / "empty.png").write_bytes(b"")
    with pytest.raises(UnreadableImage) as error:
        decode_file(tmp_path / name)
    assert error.value.reason == reason


def test_a_truncated_image(tmp_path: Path) -> None:
    whole = write_image(tmp_path / "whole.jpg", webcam_frame(random_payload()).image)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[:200])
    with pytest.raises(UnreadableImage):
        decode_file(cut)


def test_bad_arguments() -> None:
    with pytest.raises(TypeError):
        decode_image(np.zeros((10, 10), dtype=np.float32))
    with pytest.raises(TypeError):
        decode_image(np.zeros((10, 10, 2), dtype=np.uint8))
    with pytest.raises(ValueError, match="unknown decoder"):
        decode_image(qr_image(random_payload()), ("quagga",))


def test_forcing_a_decoder_by_its_label() -> None:
    label = available_decoders()[0]
    text = random_payload()
    assert [d.text for d in decode_image(qr_image(text), (label,))] == [text]


@pytest.mark.skipif(set(AVAILABLE) == set(DECODER_NAMES), reason="every decoder is loaded")
def test_forcing_a_missing_decoder_says_why() -> None:
    missing = next(name for name in DECODER_NAMES if name not in AVAILABLE)
    with pytest.raises(DecoderUnavailable, match=missing):
        decode_image(qr_image(random_payload()), (missing,))


def test_decoded_is_a_value() -> None:
    a = Decoded("X", ZXING, [(0, 0), (1, 0), (1, 1), (0, 1)])
    assert a == Decoded("X", ZXING, [(0, 0), (1, 0), (1, 1), (0, 1)])
    assert hash(a) == hash(Decoded("X", ZXING, []))  # hashable despite its list of corners
    with pytest.raises(AttributeError):
        a.text = "Y"  # type: ignore[misc]


# --- Installs with a decoder missing ----------------------------------------------------------
# A fresh interpreter sees a stand-in package that fails on import the way a real broken
# install does (no libzbar: ImportError or OSError). The stand-in replaces the third-party
# library, not our code, which runs as it is.

PROBE = """
import json, sys
from desktop_app.core.vouchers import qr_image
from desktop_app.scanning import decoders
text = sys.argv[1]
report = {"available": decoders.available_decoders(), "problems": decoders.decoder_problems()}
try:
    report["read"] = [(d.text, d.decoder) for d in decoders.decode_image(qr_image(text))]
except decoders.DecoderUnavailable as error:
    report["read"] = "unavailable: " + str(error)
print(json.dumps(report))
"""

BROKEN = {
    "zxingcpp": ("zxingcpp.py", "raise ImportError('No module named zxingcpp')\n"),
    "pyzbar": ("pyzbar/__init__.py", "raise OSError('libzbar-64.dll: cannot load')\n"),
}


def run_probe(tmp_path: Path, broken: list[str]) -> dict[str, object]:
    stand_ins = tmp_path / "stand_ins"
    for name in broken:
        relative, source = BROKEN[name]
        (stand_ins / relative).parent.mkdir(parents=True, exist_ok=True)
        (stand_ins / relative).write_text(source, encoding="utf-8")
    repo = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(stand_ins), str(repo)])}
    text = random_payload()
    done = subprocess.run([sys.executable, "-c", PROBE, text], env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    report = json.loads(done.stdout)
    report["text"] = text
    return report


@pytest.mark.skipif(PYZBAR not in AVAILABLE, reason="pyzbar not loaded")
def test_without_zxing_pyzbar_takes_over(tmp_path: Path) -> None:
    report = run_probe(tmp_path, ["zxingcpp"])
    assert [label.split()[0] for label in report["available"]] == [PYZBAR]
    assert "ImportError" in report["problems"][ZXING]
    assert report["read"] == [[report["text"], PYZBAR]]


@pytest.mark.skipif(ZXING not in AVAILABLE, reason="zxing-cpp not loaded")
def test_a_missing_libzbar_does_not_break_anything(tmp_path: Path) -> None:
    report = run_probe(tmp_path, ["pyzbar"])
    assert [label.split()[0] for label in report["available"]] == [ZXING]
    assert "OSError" in report["problems"][PYZBAR]
    assert report["read"] == [[report["text"], ZXING]]


def test_no_decoder_at_all_is_an_error_not_an_empty_result(tmp_path: Path) -> None:
    report = run_probe(tmp_path, ["zxingcpp", "pyzbar"])
    assert report["available"] == []
    assert set(report["problems"]) == set(DECODER_NAMES)
    assert str(report["read"]).startswith("unavailable: no QR decoder loaded")
