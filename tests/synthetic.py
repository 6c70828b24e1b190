"""Webcam-like frames of a printed voucher, made from real QR images, for decoder and camera tests.

A frame is a textured counter top with a white voucher card on it, placed by a homography
(position, size, rotation, perspective tilt), then degraded the way cheap webcams degrade:
defocus blur, a glare spot from a lamp on glossy paper, sensor noise and JPEG compression.
Everything is seeded, so a failing frame can be reproduced and looked at.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import cv2
import numpy as np

from desktop_app.core.vouchers import new_code, payload, qr_image

QUIET_ZONE = 4


def random_payload() -> str:
    """A real voucher payload of a random shop."""
    return payload(secrets.token_hex(16), secrets.token_hex(32), new_code())


@dataclass(frozen=True)
class Frame:
    image: np.ndarray  # BGR uint8
    corners: np.ndarray  # 4x2 float32: where the symbol's quiet-zone corners landed
    module_px: float  # size of one module in the frame, along the symbol's top edge

    @property
    def center(self) -> tuple[float, float]:
        x, y = self.corners.mean(axis=0)
        return float(x), float(y)


def voucher_card(text: str) -> tuple[np.ndarray, np.ndarray]:
    """A grayscale voucher card with the QR symbol of ``text`` and some print-like lines.

    Returns the card and the symbol's corners (quiet zone included) in card pixels.
    """
    module = 10
    symbol = qr_image(text, module_px=module, quiet_zone=QUIET_ZONE)
    side = symbol.shape[0]
    card = np.full((side + 6 * module * 4, side + 4 * module * 2), 250, dtype=np.uint8)
    left, top = 4 * module, 4 * module
    card[top : top + side, left : left + side] = symbol
    # Dark "text" bars below the symbol: printed shop name and code, which decoders must ignore.
    for row in range(3):
        y = top + side + module * (3 + 5 * row)
        cv2.rectangle(card, (left, y), (left + side * (3 - row) // 3, y + 2 * module), 60, -1)
    corners = np.float32([[left, top], [left + side, top], [left + side, top + side],
                          [left, top + side]])
    return card, corners


def counter_background(width: int, height: int, rng: np.random.Generator) -> np.ndarray:
    """A wood-ish, unevenly lit surface with some clutter: not a flat colour a decoder likes."""
    coarse = rng.integers(60, 160, size=(height // 40 + 2, width // 40 + 2, 3), dtype=np.uint8)
    image = cv2.resize(coarse, (width, height), interpolation=cv2.INTER_CUBIC)
    grain = rng.normal(0, 12, size=(height, width, 1))
    light = np.linspace(0.7, 1.15, width)[None, :, None]
    image = np.clip(image.astype(np.float32) * light + grain, 0, 255).astype(np.uint8)
    for _ in range(6):  # receipts, a phone, a card reader...
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        w, h = int(rng.integers(40, 200)), int(rng.integers(20, 120))
        colour = tuple(int(c) for c in rng.integers(0, 255, 3))
        cv2.rectangle(image, (x, y), (x + w, y + h), colour, -1)
    return image


def _destination(center: tuple[float, float], module_px: float, modules: int,
                 angle_deg: float, tilt: float) -> np.ndarray:
    """Where the symbol's corners go: a square of the right size, tilted, then rotated."""
    half = module_px * modules / 2
    # Perspective: the far (top) edge looks shorter, as a card lying on the counter does.
    square = np.float32([[-half * (1 - tilt), -half], [half * (1 - tilt), -half],
                         [half, half], [-half, half]])
    theta = np.deg2rad(angle_deg)
    rotation = np.float32([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    return square @ rotation.T + np.float32(center)


def webcam_frame(
    text: str,
    *,
    size: tuple[int, int] = (1280, 720),
    module_px: float = 5.0,
    center: tuple[float, float] | None = None,
    angle_deg: float = 0.0,
    tilt: float = 0.0,
    blur_sigma: float = 0.0,
    glare: float = 0.0,
    noise_sigma: float = 2.0,
    jpeg_quality: int | None = None,
    seed: int = 0,
) -> Frame:
    """A ``size`` (width, height) BGR frame showing a voucher whose QR symbol holds ``text``.

    ``module_px``: module size in the frame; ``tilt``: 0 (flat) to ~0.4 (strong perspective);
    ``glare``: 0 to 1, brightness of a lamp's reflection over part of the symbol.
    """
    rng = np.random.default_rng(seed)
    width, height = size
    frame = counter_background(width, height, rng)
    card, symbol_corners = voucher_card(text)
    modules = round((symbol_corners[1, 0] - symbol_corners[0, 0]) / 10)
    where = center or (width / 2, height / 2)
    corners = _destination(where, module_px, modules, angle_deg, tilt)
    homography = cv2.getPerspectiveTransform(symbol_corners, corners)
    frame = _paste(frame, card, homography)
    frame = _degrade(frame, corners, rng, blur_sigma, glare, noise_sigma, jpeg_quality)
    return Frame(frame, corners, module_px * (1 - tilt))


def _paste(frame: np.ndarray, card: np.ndarray, homography: np.ndarray) -> np.ndarray:
    height, width = frame.shape[:2]
    warped = cv2.warpPerspective(card, homography, (width, height), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.full_like(card, 255), homography, (width, height))
    # Paper under a warm lamp is not pure white.
    tinted = cv2.merge([warped, warped, warped]).astype(np.float32) * np.float32([0.92, 0.97, 1.0])
    alpha = (mask.astype(np.float32) / 255)[:, :, None]
    return (frame * (1 - alpha) + tinted * alpha).astype(np.uint8)


def _degrade(frame: np.ndarray, corners: np.ndarray, rng: np.random.Generator,
             blur_sigma: float, glare: float, noise_sigma: float,
             jpeg_quality: int | None) -> np.ndarray:
    image = frame.astype(np.float32)
    if blur_sigma > 0:
        image = cv2.GaussianBlur(image, (0, 0), blur_sigma)
    if glare > 0:
        image = _add_glare(image, corners, glare)
    if noise_sigma > 0:
        image += rng.normal(0, noise_sigma, size=image.shape).astype(np.float32)
    out = np.clip(image, 0, 255).astype(np.uint8)
    if jpeg_quality is not None:
        ok, encoded = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, jpeg_quality])
        assert ok
        out = cv2.imdecode(encoded, cv2.IMREAD_COLOR)
    return out


def _add_glare(image: np.ndarray, corners: np.ndarray, strength: float) -> np.ndarray:
    """A soft bright blob over one part of the symbol, the way a ceiling lamp reflects."""
    side = float(np.linalg.norm(corners[1] - corners[0]))
    spot = corners.mean(axis=0) + (corners[1] - corners[0]) * 0.2 - (corners[3] - corners[0]) * 0.2
    ys, xs = np.mgrid[0 : image.shape[0], 0 : image.shape[1]].astype(np.float32)
    sigma = side * 0.22
    blob = np.exp(-((xs - spot[0]) ** 2 + (ys - spot[1]) ** 2) / (2 * sigma**2))
    return image + (strength * 230 * blob)[:, :, None]


def garbage_images(seed: int = 0) -> list[np.ndarray]:
    """Images with no QR symbol: noise, flat, a checkerboard, text-like bars, a bare counter."""
    rng = np.random.default_rng(seed)
    checker = np.kron((np.indices((12, 16)).sum(axis=0) % 2) * 255,
                      np.ones((40, 40))).astype(np.uint8)
    bars = np.full((300, 400), 255, dtype=np.uint8)
    for y in range(20, 280, 24):
        bars[y : y + 10, 20 : int(rng.integers(100, 380))] = 0
    return [
        rng.integers(0, 256, size=(480, 640), dtype=np.uint8),
        np.zeros((480, 640, 3), dtype=np.uint8),
        np.full((100, 100), 255, dtype=np.uint8),
        checker,
        bars,
        counter_background(1280, 720, rng),
    ]


HARD_CASES: dict[str, dict[str, float]] = {
    "plain": {},
    "perspective": {"tilt": 0.35, "angle_deg": 8},
    "blur": {"blur_sigma": 2.5},
    "glare": {"glare": 1.1},
    "jpeg": {"jpeg_quality": 30, "noise_sigma": 8},
    "rotated": {"angle_deg": 37},
    "small": {"module_px": 2.0},
    "combined": {"tilt": 0.2, "angle_deg": -20, "blur_sigma": 1.2, "glare": 0.5,
                 "jpeg_quality": 40},
}
"""Named frame settings that a webcam at a shop counter produces; each must decode."""


def hard_frame(case: str, text: str, seed: int = 0) -> Frame:
    settings = dict(HARD_CASES[case])
    quality = settings.pop("jpeg_quality", None)
    return webcam_frame(text, jpeg_quality=None if quality is None else int(quality),
                        seed=seed, **settings)
