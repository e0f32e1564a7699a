"""The Report view: choose a period, see page 1 of the PDF, save it and open it.

The PDF is built in memory for the preview (reportlab, PDFium to draw page 1), and
written only where the user chooses with "Save as…": nothing about the patient is
left in a temporary folder. reportlab and PDFium are imported on first use.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap, QShowEvent
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
from symptomlog.store import Diary
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
        self._request = 0
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report")
        self._builder = Builder(self)
        self._builder.sig_done.connect(self._shown)
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
        """The PDF for the chosen period, built on this thread (for Save as…)."""
        start, end = self.period_dates()
        diary = self.context.diary
        self.hint.update_for(diary, start, end, len(diary.entries.between(start, end)))
        return build_pdf(diary, start, end, self.paper.currentData())

    def refresh(self) -> None:
        """Build the PDF and draw its first page off the window's thread, then show it.

        Building a year took 1.6 s: on the window's thread that froze it. A newer
        request (the period changed meanwhile) makes an older result be dropped.
        """
        start, end = self.period_dates()
        diary = self.context.diary
        self.hint.update_for(diary, start, end, len(diary.entries.between(start, end)))
        self._request += 1
        self.message.setText(f"Making the report for {start:%d %b %Y} – {end:%d %b %Y}…")
        job = PreviewJob(self._request, diary, start, end, self.paper.currentData())
        if diary.path is None:  # an in-memory diary has one connection: stay on this thread
            job.run_here(self._builder)
        else:
            self._pool.submit(job.run_here, self._builder)

    def _shown(self, request: int, result: object) -> None:
        if request != self._request:
            return  # the period changed while this one was being made
        if isinstance(result, SymptomlogError):
            self.message.setText(f"⚠ The report could not be made: {result}")
            return
        assert isinstance(result, Preview)
        self.pdf = result.pdf
        self._stale = False
        picture = QPixmap()
        picture.loadFromData(result.png, "PNG")
        self.preview.setPixmap(picture)
        self.message.setText(
            f"{plural(result.pages, 'page')} for {result.start:%d %b %Y} – "
            f"{result.end:%d %b %Y}. Save it as a PDF to print it or send it to the care team."
        )

    def save_as(self) -> None:
        from symptomlog.files import write_atomically
        from symptomlog.store.outputs import checked_output

        if self.pdf is None or self._stale:
            try:
                self.pdf = self.build()  # asked to save now: build it now
            except SymptomlogError as error:
                self.message.setText(f"⚠ The report could not be made: {error}")
                return
        start, end = self.period_dates()
        suggested = Path.home() / f"symptom-summary-{start:%Y%m%d}-{end:%Y%m%d}.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the report", str(suggested), "PDF (*.pdf)"
        )
        if not name:
            return
        try:
            write_atomically(checked_output(name, self.context.diary.path), self.pdf)
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


def build_pdf(
    diary: Diary,
    start: date,
    end: date,
    paper: str,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    from symptomlog.report.pdf import render_pdf
    from symptomlog.report.summary import diary_data

    return render_pdf(diary_data(diary, start, end), paper, progress)


def first_page(pdf: bytes) -> tuple[int, bytes]:
    """The page count and page 1 drawn by PDFium, as PNG bytes (safe off the window thread)."""
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
    return pages, buffer.getvalue()


@dataclass(frozen=True)
class Preview:
    pdf: bytes
    pages: int
    png: bytes
    start: date
    end: date


class Builder(QObject):
    """Carries a finished preview back to the window's thread (a queued signal)."""

    sig_done = Signal(int, object)


@dataclass(frozen=True)
class PreviewJob:
    """Everything one preview needs, taken on the window's thread; run anywhere."""

    request: int
    diary: Diary
    start: date
    end: date
    paper: str

    def run_here(self, builder: Builder) -> None:
        result: object
        try:
            pdf = build_pdf(self.diary, self.start, self.end, self.paper)
            pages, png = first_page(pdf)
            result = Preview(pdf, pages, png, self.start, self.end)
        except SymptomlogError as error:
            result = error
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile: nobody to tell
            builder.sig_done.emit(self.request, result)
