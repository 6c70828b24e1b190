"""QR decoding behind one function, whichever decoder libraries this install has.

zxing-cpp is tried first (faster, and it reads more damaged or tilted symbols); pyzbar is the
fallback, both when zxing-cpp is missing and when it finds nothing in a frame. Both libraries are
loaded lazily and any failure to load them is recorded, never raised: a missing libzbar (the
classic Windows-bundle problem) must not stop the app from starting.

Only QR symbols are looked for: vouchers carry nothing else, and skipping 1-D symbologies both
saves time and avoids phantom reads of product barcodes in the background.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from os import PathLike
from pathlib import Path

import cv2
import numpy as np

ZXING = "zxing-cpp"
PYZBAR = "pyzbar"
DECODER_NAMES = (ZXING, PYZBAR)  # best first

# Larger frames are downscaled before the retries: a voucher big enough to matter survives it,
# and decode time grows with the pixel count.
RETRY_MAX_SIDE = 1280

Point = tuple[int, int]


@dataclass(frozen=True)
class Decoded:
    """One symbol found: its text, which decoder read it, and its corners in image pixels."""

    text: str
    decoder: str
    polygon: list[Point] = field(default_factory=list, hash=False)


class UnreadableImage(ValueError):
    """A file that is missing, unreadable or not an image; ``reason`` is a short code."""

    def __init__(self, path: str | PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason  # "not_found", "io_error" or "not_an_image"


class DecoderUnavailable(RuntimeError):
    """A decoder was asked for by name but could not be loaded here."""


@dataclass(frozen=True)
class _Backend:
    name: str
    label: str  # name and versions, for --self-test and bug reports
    decode: Callable[[np.ndarray], list[Decoded]]


_load_lock = threading.Lock()
_backends: dict[str, _Backend] | None = None
_problems: dict[str, str] = {}


def _dist_version(dist: str) -> str:
    # A frozen bundle may ship a package without its metadata: a label without version is fine.
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def _load_zxing() -> _Backend:
    import zxingcpp

    formats = zxingcpp.BarcodeFormat.QRCode

    def decode(gray: np.ndarray) -> list[Decoded]:
        found = zxingcpp.read_barcodes(gray, formats=formats)  # type: ignore[arg-type]
        return [Decoded(b.text, ZXING, _zxing_corners(b.position)) for b in found if b.valid]

    return _Backend(ZXING, f"{ZXING} {_dist_version('zxing-cpp')}", decode)


def _zxing_corners(position: object) -> list[Point]:
    corners = ("top_left", "top_right", "bottom_right", "bottom_left")
    return [(int(getattr(position, c).x), int(getattr(position, c).y)) for c in corners]


def _zbar_version(library: ctypes.CDLL) -> str:
    # zbar >= 0.11 writes a third "patch" argument; pyzbar's own prototype passes only two, so
    # we declare our own. Passing the extra pointer to an older zbar is harmless in C.
    uint_p = ctypes.POINTER(ctypes.c_uint)
    prototype = ctypes.CFUNCTYPE(ctypes.c_int, uint_p, uint_p, uint_p)
    zbar_version = prototype(("zbar_version", library))
    major, minor, patch = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    zbar_version(ctypes.byref(major), ctypes.byref(minor), ctypes.byref(patch))
    return f"{major.value}.{minor.value}.{patch.value}"


def _load_pyzbar() -> _Backend:
    from pyzbar import pyzbar, wrapper

    symbols = [pyzbar.ZBarSymbol.QRCODE]
    try:
        zbar = _zbar_version(wrapper.load_libzbar())
    except (AttributeError, OSError):
        zbar = "?"

    def decode(gray: np.ndarray) -> list[Decoded]:
        found = pyzbar.decode(gray, symbols=symbols)
        return [
            Decoded(r.data.decode("utf-8", "replace"), PYZBAR, [(p.x, p.y) for p in r.polygon])
            for r in found
        ]

    return _Backend(PYZBAR, f"{PYZBAR} {_dist_version('pyzbar')} (zbar {zbar})", decode)


_LOADERS: dict[str, Callable[[], _Backend]] = {ZXING: _load_zxing, PYZBAR: _load_pyzbar}


def _loaded() -> dict[str, _Backend]:
    global _backends
    with _load_lock:
        if _backends is None:
            backends: dict[str, _Backend] = {}
            for name in DECODER_NAMES:
                try:
                    backends[name] = _LOADERS[name]()
                # ImportError for a missing package, OSError for a missing or broken shared
                # library; anything else from a half-installed library must not stop the app.
                except Exception as exc:
                    _problems[name] = f"{type(exc).__name__}: {exc}"
            _backends = backends
        return _backends


def available_decoders() -> list[str]:
    """Labels of the decoders that loaded, best first, e.g. ``["zxing-cpp 3.1.1", ...]``."""
    return [backend.label for backend in _loaded().values()]


def decoder_problems() -> dict[str, str]:
    """Why each missing decoder did not load, by name (``{"pyzbar": "ImportError: ..."}``)."""
    _loaded()
    return dict(_problems)


def _choose(decoders: Sequence[str] | None) -> list[_Backend]:
    loaded = _loaded()
    if decoders is None:
        if not loaded:
            # Finding nothing must mean "no symbol", never "no decoder": say so instead.
            raise DecoderUnavailable(f"no QR decoder loaded: {_problems}")
        return list(loaded.values())
    chosen = []
    for wanted in decoders:
        name = wanted.split()[0] if wanted.strip() else wanted  # a label names its decoder too
        if name not in _LOADERS:
            raise ValueError(f"unknown decoder {wanted!r}; known: {', '.join(DECODER_NAMES)}")
        if name not in loaded:
            raise DecoderUnavailable(f"{name}: {_problems.get(name, 'not loaded')}")
        chosen.append(loaded[name])
    return chosen


def to_gray(image: np.ndarray) -> np.ndarray:
    """A 2-D uint8 view or copy of a grayscale, BGR or BGRA uint8 image."""
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8:
        raise TypeError("expected a uint8 numpy array")
    if image.ndim == 2:
        return image
    if image.ndim == 3 and image.shape[2] == 1:
        return image[:, :, 0]
    if image.ndim == 3 and image.shape[2] == 3:
        return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    if image.ndim == 3 and image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    raise TypeError(f"expected a grayscale, BGR or BGRA image, got shape {image.shape}")


def _downscaled(gray: np.ndarray) -> tuple[np.ndarray, float]:
    side = max(gray.shape[:2])
    if side <= RETRY_MAX_SIDE:
        return gray, 1.0
    scale = RETRY_MAX_SIDE / side
    size = (round(gray.shape[1] * scale), round(gray.shape[0] * scale))
    return cv2.resize(gray, size, interpolation=cv2.INTER_AREA), scale


def _attempts(gray: np.ndarray) -> Iterator[tuple[np.ndarray, float]]:
    """The frame as it is, then cheap repairs for hard frames, each computed only if needed.

    On the synthetic webcam frames of tests/synthetic.py the two thresholds rescue defocus
    blur (sigma ~3 px) for both decoders and a lamp's glare for zbar; CLAHE was tried and
    rescued nothing the decoders' own binarizers missed, so it is not here.
    """
    yield gray, 1.0
    small, scale = _downscaled(gray)
    if scale != 1.0:
        yield small, scale
    # A wide Gaussian window follows uneven light (glare) and restores edges blurred by defocus.
    smooth = cv2.GaussianBlur(small, (3, 3), 0)
    yield cv2.adaptiveThreshold(
        smooth, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, 31, 4
    ), scale
    # A narrow mean window separates modules that strong blur has smeared into each other.
    yield cv2.adaptiveThreshold(
        small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, 2
    ), scale


def _rescaled(found: list[Decoded], scale: float) -> list[Decoded]:
    if scale == 1.0:
        return found
    return [
        Decoded(d.text, d.decoder, [(round(x / scale), round(y / scale)) for x, y in d.polygon])
        for d in found
    ]


def _deduplicated(found: list[Decoded]) -> list[Decoded]:
    seen: dict[str, Decoded] = {}
    for item in found:
        seen.setdefault(item.text, item)
    return list(seen.values())


def decode_image(
    image: np.ndarray, decoders: Sequence[str] | None = None, *, retries: bool = True
) -> list[Decoded]:
    """The QR symbols in a grayscale or BGR uint8 image; ``[]`` when there are none.

    ``decoders`` forces some decoders by name (``("pyzbar",)``), in that order; by default
    every available one is used, best first, moving on only when one finds nothing.
    Raises :class:`DecoderUnavailable` when a forced decoder, or every decoder, is missing.
    ``retries=False`` skips the preprocessing retries (for callers on a tight frame budget).
    """
    gray = to_gray(image)
    chosen = _choose(decoders)
    for attempt, scale in _attempts(gray):
        for backend in chosen:
            found = backend.decode(np.ascontiguousarray(attempt))
            if found:
                return _deduplicated(_rescaled(found, scale))
        if not retries:
            break
    return []


def read_image(path: str | PathLike[str]) -> np.ndarray:
    """An image file as a BGR or grayscale uint8 array; transparency becomes white.

    ``np.fromfile`` + ``cv2.imdecode`` rather than ``cv2.imread``, which cannot open
    non-ASCII paths on Windows.
    """
    file = Path(path)
    try:
        data = np.fromfile(file, dtype=np.uint8)
    except FileNotFoundError:
        raise UnreadableImage(path, "not_found") from None
    except OSError:
        raise UnreadableImage(path, "io_error") from None
    image = None
    if data.size:
        try:
            image = cv2.imdecode(data, cv2.IMREAD_UNCHANGED)
        except cv2.error:
            image = None
    if image is None or image.size == 0:
        raise UnreadableImage(path, "not_an_image")
    return _as_8bit_opaque(image)


def _as_8bit_opaque(image: np.ndarray) -> np.ndarray:
    if image.dtype == np.uint16:
        image = (image >> 8).astype(np.uint8)
    elif image.dtype != np.uint8:
        # OpenCV's stubs want an output array where None asks for a new one.
        image = cv2.normalize(image, None, 0, 255,  # type: ignore[call-overload]
                              cv2.NORM_MINMAX).astype(np.uint8)
    if image.ndim == 3 and image.shape[2] == 4:
        # A QR drawn on a transparent background must not vanish into black.
        alpha = image[:, :, 3:4].astype(np.uint16)
        white = 255 * (255 - alpha)
        image = ((image[:, :, :3] * alpha + white) // 255).astype(np.uint8)
    return image


def decode_file(
    path: str | PathLike[str], decoders: Sequence[str] | None = None
) -> list[Decoded]:
    """The QR symbols in an image file; raises :class:`UnreadableImage` for a bad file."""
    return decode_image(read_image(path), decoders)
