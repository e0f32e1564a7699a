"""Looking into a picture a test made (a chart's PNG, a screenshot): its size and colours,
so a test can say what was drawn rather than only that a file was written."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image


def png_size(path: Path) -> tuple[int, int]:
    """Width and height in pixels."""
    with Image.open(path) as image:
        return image.size


def png_colours(path: Path) -> set[tuple[int, int, int]]:
    """Every colour that occurs in the picture."""
    with Image.open(path) as image:
        return {colour for _, colour in image.convert("RGB").getcolors(maxcolors=1 << 24) or []}


def grab_colours(widget: object) -> set[tuple[int, int, int]]:
    """Every colour in a widget as it is drawn now (``QWidget.grab``)."""
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    return pixmap_colours(widget.grab())


def pixmap_colours(pixmap: object) -> set[tuple[int, int, int]]:
    """Every colour in a QPixmap or QImage."""
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert pixmap.save(buffer, "PNG")  # type: ignore[attr-defined]
    with Image.open(io.BytesIO(bytes(buffer.data()))) as image:
        return {colour for _, colour in image.convert("RGB").getcolors(maxcolors=1 << 24) or []}
