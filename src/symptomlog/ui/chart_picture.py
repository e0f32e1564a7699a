"""The drawn chart on screen: a picture, and where the pointer is on it.

The chart is drawn off the window's thread (``ui/chart_render``) into pixels; this
widget only paints them, so painting never waits for matplotlib. While a new
picture for a new size is being drawn, the last one is shown stretched to fit.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class ChartPicture(QWidget):
    """Paints the latest chart; says where the pointer is in the picture's own pixels."""

    sig_pointer = Signal(float, float)
    """The pointer at (x, y) in the picture's pixels, y up from the bottom (matplotlib's)."""
    sig_resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Chart")

    def show_image(self, rgba: bytes, width: int, height: int) -> None:
        self.image = QImage(rgba, width, height, QImage.Format.Format_RGBA8888).copy()
        self.image.setDevicePixelRatio(self.devicePixelRatioF())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.image.isNull():
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Drawing the chart…")
        else:
            painter.drawImage(self.rect(), self.image)
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self.image.isNull() and self.width() > 0 and self.height() > 0:
            x, y = self.in_picture(event.position())
            self.sig_pointer.emit(x, y)
        super().mouseMoveEvent(event)

    def in_picture(self, point: QPointF) -> tuple[float, float]:
        """A point on the widget in the picture's pixels (it may be stretched for now)."""
        x = point.x() * self.image.width() / self.width()
        y = self.image.height() - point.y() * self.image.height() / self.height()
        return x, y

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.sig_resized.emit()
