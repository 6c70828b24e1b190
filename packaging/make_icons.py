"""Build-time helper: the app icon as ``.ico`` (Windows), ``.icns`` (macOS) and ``.png``.

``build.spec`` runs it before PyInstaller's analysis:

    python packaging/make_icons.py --out build/icons

It renders ``resources/icons/app.svg`` (or scales ``app.png`` when there is no SVG; or draws a
plain placeholder when neither exists) at every size each format wants, with Qt, and packs the
PNGs into the containers itself: both ICO (Windows Vista and later) and ICNS (macOS 10.7 and
later) accept PNG-compressed entries, so no Pillow or iconutil is needed, and the icons are made
fresh from the source on every build instead of being committed and going stale.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "resources" / "icons"

ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
# ICNS types that hold PNG data, and the pixel size of each.
ICNS_TYPES = (
    (b"ic11", 32), (b"ic12", 64), (b"ic07", 128), (b"ic13", 256),
    (b"ic08", 256), (b"ic14", 512), (b"ic09", 512), (b"ic10", 1024),
)


def _renderer():  # -> Callable[[int], bytes]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    svg = SOURCE_DIR / "app.svg"
    png = SOURCE_DIR / "app.png"

    def paint_source(painter: QPainter, size: int) -> None:
        if svg.is_file():
            from PySide6.QtSvg import QSvgRenderer

            renderer = QSvgRenderer(str(svg))
            if renderer.isValid():
                renderer.render(painter, QRectF(0, 0, size, size))
                return
        if png.is_file():
            image = QImage(str(png))
            if not image.isNull():
                scaled = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation)
                painter.drawImage((size - scaled.width()) // 2, (size - scaled.height()) // 2,
                                  scaled)
                return
        # No icon in resources/ yet: a plain teal ticket with a "V".
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#0f766e"))
        margin = size * 0.08
        painter.drawRoundedRect(QRectF(margin, margin, size - 2 * margin, size - 2 * margin),
                                size * 0.18, size * 0.18)
        painter.setPen(QColor("white"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(1, int(size * 0.6)))
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "V")

    def render(size: int) -> bytes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        paint_source(painter, size)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise RuntimeError(f"could not encode a {size}px PNG")
        buffer.close()
        return bytes(data.data())

    render.app = app  # type: ignore[attr-defined]  # keep the application alive while rendering
    return render


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are the given PNGs (size -> PNG data)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file with PNG entries for every retina and non-retina size."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(out: Path) -> dict[str, Path]:
    render = _renderer()
    sizes = sorted({*ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: render(size) for size in sizes}
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "ico": out / "app.ico",
        "icns": out / "app.icns",
        "png": out / "app.png",
    }
    files["ico"].write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    files["icns"].write_bytes(icns_bytes(pngs))
    files["png"].write_bytes(pngs[256])
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for app.ico/.icns/.png")
    args = parser.parse_args(argv)
    for kind, path in make_icons(args.out).items():
        print(f"{kind}: {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
