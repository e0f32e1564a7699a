"""Saving a picture the user asked for (a chart, a screenshot) the way every output is saved.

Checked first (never over the diary, its backups, a link, a device or another diary),
then written whole, private (0600) and flushed to the disk: ``symptomlog.files``.
A screenshot once cut the diary to 0 bytes because it was saved with Qt's own
``QPixmap.save`` under any name given.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPixmap

from symptomlog.errors import CannotWrite
from symptomlog.files import write_atomically
from symptomlog.store.outputs import checked_output

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def save_pixmap(pixmap: QPixmap, name: str, diary: Path | None) -> Path:
    """Write ``pixmap`` as PNG to ``name``; RefusedOutput or CannotWrite say why not."""
    output = checked_output(name, diary)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, "PNG"):
        raise CannotWrite(f"Cannot make the picture for {output}")
    buffer.close()
    write_atomically(output, bytes(data.data()))
    return output


def save_figure(figure: Figure, name: str, diary: Path | None, dpi: int = 200) -> Path:
    """Write a chart as SVG (by its name) or else PNG to ``name``."""
    output = checked_output(name, diary)
    kind = "svg" if output.suffix.lower() == ".svg" else "png"
    buffer = io.BytesIO()
    figure.savefig(buffer, format=kind, dpi=dpi)
    write_atomically(output, buffer.getvalue())
    return output
