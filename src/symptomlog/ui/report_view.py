"""The Report view: choose a period, see page 1 of the PDF, save it and open it.

The PDF is built in memory for the preview (reportlab, PDFium to draw page 1), and
written only where the user chooses with "Save as…": nothing about the patient is
left in a temporary folder. reportlab and PDFium are imported on first use.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from symptomlog.domain.words import plural
from symptomlog.errors import SymptomlogError
from symptomlog.ui.context import DiaryContext
from symptomlog.ui.period_hint import PeriodHint
from symptomlog.ui.widgets import (
    DateField,
    add_labelled,
    chosen_period,
    show_period,
    to_qdate,
)

PERIODS = {"Last 28 days": 28, "Last 3 months": 91, "Last 6 months": 182, "Custom": -1}
PREVIEW_DPI = 80


class ReportView(QWidget):
    """Period, paper, a preview of page 1, Save as… and Open."""

    def __init__(self, context: DiaryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pdf: bytes | None = None
        self.saved: Path | None = None
        self._stale = True
        self.period = QComboBox()
        self.period.addItems(list(PERIODS))
        self.period.setAccessibleName("Period")
        today = date.today()
        self.start = DateField(to_qdate(today - timedelta(days=27)))
        self.end = DateField(to_qdate(today))
        self.start.setAccessibleName("From date")
        self.end.setAccessibleName("To date")
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.paper.setAccessibleName("Paper size")
        self.save_button = QPushButton("&Save as PDF…")
        self.open_button = QPushButton("Open the saved P&DF")
        self.open_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_as)
        self.open_button.clicked.connect(self.open_saved)
        self.hint = PeriodHint()
        self.hint.sig_show.connect(self.show_period)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.preview = QLabel("The first page appears here.")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setAccessibleName("Preview of the first page")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.preview)
        self._layout(scroll)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.start.dateChanged.connect(self._changed)
        self.end.dateChanged.connect(self._changed)
        self.paper.currentIndexChanged.connect(self._changed)
        context.sig_opened.connect(self._changed)
        context.sig_changed.connect(self._changed)
        self._period_changed()

    def _period_changed(self) -> None:
        days = PERIODS[self.period.currentText()]
        end = date.today()
        preset = (end - timedelta(days=days - 1), end) if days > 0 else None
        show_period(self.start, self.end, preset)
        self._changed()

    def _layout(self, scroll: QScrollArea) -> None:
        """Period and paper; Save and Open on a row of their own; the hints; the preview."""
        row = QHBoxLayout()
        add_labelled(
            row,
            (
                ("Peri&od", self.period),
                ("From", self.start),
                ("To", self.end),
                ("Pap&er", self.paper),
            ),
        )
        row.addStretch(1)
        actions = QHBoxLayout()  # a row of its own: with large text one row would not fit 1024 px
        actions.addWidget(self.save_button)
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(actions)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)

    def show_period(self, start: date, end: date) -> None:
        """The hint's "Show …": a custom period with the data, built once."""
        self.period.blockSignals(True)
        self.period.setCurrentText("Custom")
        self.period.blockSignals(False)
        show_period(self.start, self.end, (start, end))
        show_period(self.start, self.end, None)  # unlocked: Custom dates can be typed
        self._changed()

    def _changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def period_dates(self) -> tuple[date, date]:
        return chosen_period(self.start, self.end)

    def build(self) -> bytes:
        from symptomlog.report.pdf import render_pdf
        from symptomlog.report.summary import build_data

        start, end = self.period_dates()
        diary = self.context.diary
        self.hint.update_for(diary, start, end, len(diary.entries.between(start, end)))
        data = build_data(
            diary.entries.between(None, end), diary.cycles.all(), diary.profile.get(), start, end
        )
        return render_pdf(data, self.paper.currentData())

    def refresh(self) -> None:
        """Build the PDF in memory and show its first page."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.pdf = self.build()
            pages, picture = first_page(self.pdf)
        except SymptomlogError as error:
            self.message.setText(f"⚠ The report could not be made: {error}")
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._stale = False
        self.preview.setPixmap(picture)
        start, end = self.period_dates()
        self.message.setText(
            f"{plural(pages, 'page')} for {start:%d %b %Y} – {end:%d %b %Y}. "
            "Save it as a PDF to print it or send it to the care team."
        )

    def save_as(self) -> None:
        from symptomlog.files import write_atomically

        if self.pdf is None or self._stale:
            self.refresh()
        if self.pdf is None:
            return
        start, end = self.period_dates()
        suggested = Path.home() / f"symptom-summary-{start:%Y%m%d}-{end:%Y%m%d}.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the report", str(suggested), "PDF (*.pdf)"
        )
        if not name:
            return
        try:
            write_atomically(Path(name), self.pdf)
        except SymptomlogError as error:
            self.message.setText(f"⚠ Not saved: {error}")
            return
        self.saved = Path(name)
        self.open_button.setEnabled(True)
        self.context.sig_status.emit(f"Report saved to {name}.")
        self.message.setText(f"Saved to {name}.")

    def open_saved(self) -> None:
        if self.saved is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved)))


def first_page(pdf: bytes) -> tuple[int, QPixmap]:
    """The page count and page 1 drawn by PDFium, as a pixmap."""
    import io

    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=PREVIEW_DPI / 72).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        pages = len(document)
    finally:
        document.close()
    picture = QPixmap()
    picture.loadFromData(buffer.getvalue(), "PNG")
    return pages, picture
