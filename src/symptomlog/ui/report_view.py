"""The Report view: choose a period, see page 1 of the PDF, save it and open it.

The PDF is built in memory for the preview (reportlab, PDFium to draw page 1), and
written only where the user chooses with "Save as…": nothing about the patient is
left in a temporary folder. reportlab and PDFium are imported on first use. Both the
preview and Save build on a helper thread (Save with progress and Cancel, see
``report_save``), so the window keeps answering; a newer preview cancels an older
one. "Since the last report" starts the day after the last report saved.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
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
from symptomlog.ui.latest import Latest
from symptomlog.ui.period_hint import PeriodHint
from symptomlog.ui.report_save import Cancelled, Request, SaveBuild
from symptomlog.ui.widgets import (
    DateField,
    add_labelled,
    chosen_period,
    show_period,
    to_qdate,
)

SINCE_LAST = "Since the last report"
PERIODS = {
    "Last 28 days": 28,
    "Last 3 months": 91,
    "Last 6 months": 182,
    SINCE_LAST: 0,
    "Custom": -1,
}
PREVIEW_DPI = 80


class ReportView(QWidget):
    """Period, paper, a preview of page 1, Save as… and Open."""

    def __init__(self, context: DiaryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pdf: bytes | None = None
        self.saved: Path | None = None
        self._stale = True
        self._built_for: tuple[date, date, str] | None = None
        self._preview_cancel = threading.Event()
        self.saving: SaveBuild | None = None
        self.since_note = ""
        self._previews = Latest("report", self)
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
        self.save_message = QLabel()
        """The save's own line beside its buttons: a preview remade meanwhile (the diary
        changed elsewhere) must not hide "Saved to …" or "cancelled" from the person."""
        self.save_message.setWordWrap(True)
        self.save_message.setTextFormat(Qt.TextFormat.PlainText)
        self.save_message.setAccessibleName("What happened to the saved report")
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
        self.since_note = ""
        if days == 0:
            preset = self._since_last(end)
        show_period(self.start, self.end, preset)
        self._changed()

    def _since_last(self, today: date) -> tuple[date, date]:
        """The day after the last saved report to today; the last 28 days if none was saved."""
        try:
            since = self.context.diary.reports.since_last(today)
        except SymptomlogError:
            since = None
        if since is None:
            self.since_note = "No report has been saved from this diary yet: the last 28 days. "
            return today - timedelta(days=27), today
        return since

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
        actions.addWidget(self.save_message, 1)
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
        if self.isVisible() and not self._previews.stopped:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self._previews.stopped:
            self.refresh()

    def period_dates(self) -> tuple[date, date]:
        return chosen_period(self.start, self.end)

    def refresh(self) -> None:
        """Build the PDF and draw its first page off the window's thread, then show it.

        Building a year took 1.6 s: on the window's thread that froze it. A newer
        request (the period changed meanwhile) makes an older result be dropped.
        """
        start, end = self.period_dates()
        diary = self.context.diary
        self.hint.update_for(diary, start, end, len(diary.entries.between(start, end)))
        self._preview_cancel.set()  # an older preview still building stops at its next step
        self._preview_cancel = threading.Event()
        self.message.setText(f"Making the report for {start:%d %b %Y} – {end:%d %b %Y}…")
        job = PreviewJob(diary, start, end, self.paper.currentData(), self._preview_cancel)
        self._previews.run(job.run, self._shown, diary.path is None)

    def stop(self) -> None:
        """The window is closing: a preview being made stops at its next step and is
        waited for (``Latest.stop``); none is shown."""
        self._preview_cancel.set()
        self._previews.stop()

    @property
    def previewing(self) -> bool:
        """The newest preview asked for is not on screen yet (nor its error)."""
        return self._previews.pending

    def _shown(self, result: object) -> None:
        if isinstance(result, Exception):  # a SymptomlogError's words, or a logged surprise
            self.message.setText(f"⚠ The report could not be made: {result}")
            return
        assert isinstance(result, Preview)
        self.pdf = result.pdf
        self._built_for = (result.start, result.end, result.paper)
        self._stale = False
        picture = QPixmap()
        picture.loadFromData(result.png, "PNG")
        self.preview.setPixmap(picture)
        self.message.setText(
            f"{self.since_note}{plural(result.pages, 'page')} for {result.start:%d %b %Y} – "
            f"{result.end:%d %b %Y}. Save it as a PDF to print it or send it to the care team."
        )

    def save_as(self) -> None:
        """Ask where, then write the PDF: the preview's if it is of this period and paper,
        else one built on a helper thread behind a progress box with Cancel."""
        from symptomlog.store.outputs import checked_output

        if self.saving is not None and not self.saving.finished:
            self.save_message.setText("The report is still being made: wait, or press Cancel.")
            return
        start, end = self.period_dates()
        paper = self.paper.currentData()
        suggested = Path.home() / f"symptom-summary-{start:%Y%m%d}-{end:%Y%m%d}.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the report", str(suggested), "PDF (*.pdf)"
        )
        if not name:
            return
        diary = self.context.diary
        try:
            output = checked_output(name, diary.path)
        except SymptomlogError as error:
            self.save_message.setText(f"⚠ Not saved: {error}")
            return
        request = Request(diary, start, end, paper, output)
        if self.pdf is not None and not self._stale and self._built_for == (start, end, paper):
            self._write(request, self.pdf)
            return
        self.save_button.setEnabled(False)
        self.saving = SaveBuild(self, request, build_pdf, lambda r: self._built(request, r))
        self.save_message.setText(f"Making the report for {start:%d %b %Y} – {end:%d %b %Y}…")
        self.saving.start(on_this_thread=diary.path is None)

    def _built(self, request: Request, result: object) -> None:
        self.save_button.setEnabled(True)
        if isinstance(result, Cancelled):
            self.save_message.setText("Not saved: the report was cancelled. Nothing was written.")
            return
        if isinstance(result, Exception):  # a SymptomlogError's words, or a logged surprise
            self.save_message.setText(f"⚠ The report could not be made: {result}")
            return
        assert isinstance(result, bytes)
        self._write(request, result)

    def _write(self, request: Request, pdf: bytes) -> None:
        from symptomlog.files import write_atomically

        try:
            write_atomically(request.output, pdf)
            request.diary.reports.saved(request.start, request.end)
        except SymptomlogError as error:
            self.save_message.setText(f"⚠ Not saved: {error}")
            return
        self.saved = request.output
        self.open_button.setEnabled(True)
        self.context.sig_status.emit(f"Report saved to {request.output}.")
        self.save_message.setText(f"Saved to {request.output}.")

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
    paper: str = "a4"


@dataclass(frozen=True)
class PreviewJob:
    """Everything one preview needs, taken on the window's thread; run anywhere."""

    diary: Diary
    start: date
    end: date
    paper: str
    cancel: threading.Event = field(default_factory=threading.Event)

    def _step(self, _done: int, _total: int) -> None:
        if self.cancel.is_set():
            raise Cancelled("A newer preview replaced this one")

    def run(self) -> Preview:
        pdf = build_pdf(self.diary, self.start, self.end, self.paper, self._step)
        pages, png = first_page(pdf)
        return Preview(pdf, pages, png, self.start, self.end, self.paper)
