"""Draw the app icon's PNG sizes (16-512), a Windows .ico and a macOS .icns from the one SVG.

Qt's SVG renderer draws the source (no Inkscape needed); Pillow, which matplotlib
already brings, writes the .ico and .icns. Run from the repository root:
    python packaging/make_icons.py
The PNGs are committed, so a normal install never needs to run this.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(source: Path, size: int, target: Path) -> None:
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target)):
        raise SystemExit(f"could not write {target}")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    source = ICONS / "symptomlog.svg"
    for size in SIZES:
        render(source, size, ICONS / f"symptomlog-{size}.png")
    largest = Image.open(ICONS / "symptomlog-512.png")
    largest.save(ICONS / "symptomlog.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    largest.save(ICONS / "symptomlog.icns")
    print(f"wrote {len(SIZES)} PNGs, symptomlog.ico and symptomlog.icns to {ICONS}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
