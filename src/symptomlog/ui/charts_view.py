"""The Charts view: builds its matplotlib panel the first time it is shown.

matplotlib takes a noticeable part of a second to import; a patient who only logs
today should not wait for it, so the start of the app never imports it.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from symptomlog.ui.context import DiaryContext


class ChartsView(QWidget):
    """An empty page until first shown; then the ``ChartsPanel`` with the charts."""

    def __init__(self, context: DiaryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.panel: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def showEvent(self, event: QShowEvent) -> None:
        if self.panel is None:
            from symptomlog.ui.charts_panel import ChartsPanel

            self.panel = ChartsPanel(self.context)
            self._layout.addWidget(self.panel)
        super().showEvent(event)
