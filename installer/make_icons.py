"""Render resources/icons/ymdesk.svg into the raster icons installers need (Windows .ico, Linux PNG).

Run at build time instead of committing binaries, so the icons always match the SVG:

    python installer/make_icons.py OUT_DIR    -> OUT_DIR/ymdesk.ico, OUT_DIR/ymdesk-256.png, OUT_DIR/ymdesk.svg
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "ymdesk.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A multi-size .ico with PNG-compressed entries (read by Windows Vista and later, NSIS and PyInstaller)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = [], []
    for size, png in sorted(pngs.items()):
        # Width/height 0 means 256 in the ICO directory.
        entries.append(struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


def make_icons(out_dir: Path) -> dict[str, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["make_icons"])  # noqa: F841 (Qt needs it alive)
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(SVG, size) for size in ICO_SIZES}
    paths = {"ico": out_dir / "ymdesk.ico", "png": out_dir / "ymdesk-256.png", "svg": out_dir / "ymdesk.svg"}
    paths["ico"].write_bytes(ico_bytes(pngs))
    paths["png"].write_bytes(pngs[256])
    shutil.copyfile(SVG, paths["svg"])
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: make_icons.py OUT_DIR")
    for path in make_icons(Path(sys.argv[1])).values():
        print(path)
