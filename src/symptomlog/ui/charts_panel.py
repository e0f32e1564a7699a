"""The Charts view's content: choices above the chart, the chart, its pointer readout.

Imported only when the Charts view is first shown. Reading the diary and drawing
the chart both run off the window's thread (``ui/chart_render``, ``ui/latest``): the
window keeps answering while five years are read and drawn, and the picture appears
when it is ready. The figure is the very one the PDF uses; hovering a point says
its date, value and who recorded it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from symptomlog.analysis.daily import Day
from symptomlog.domain import Recorder
from symptomlog.domain.fields import ESAS_SCALES, GRADED_SIDE_EFFECTS, label_of
from symptomlog.domain.words import plural
from symptomlog.drawing import DRAW_LOCK
from symptomlog.errors import SymptomlogError
from symptomlog.ui.chart_picture import ChartPicture
from symptomlog.ui.chart_render import ChartData, ChartOrder, Drawn, draw_chart, read_chart_data
from symptomlog.ui.context import DiaryContext
from symptomlog.ui.latest import Latest
from symptomlog.ui.lazy import RefreshWhenSeen
from symptomlog.ui.period_hint import PeriodHint
from symptomlog.ui.saving import save_figure
from symptomlog.ui.style import system_font
from symptomlog.ui.widgets import (
    DateField,
    add_labelled,
    chosen_period,
    show_period,
    to_qdate,
)

if TYPE_CHECKING:
    from matplotlib.backend_bases import FigureCanvasBase, MouseEvent
    from matplotlib.figure import Figure

CHARTS = {
    "symptoms": "Symptoms over time",
    "weight": "Weight against baseline",
    "jaundice": "Jaundice signs and itch",
    "temperature": "Temperature",
    "cycle_day": "Symptom by day of the cycle",
    "bowels": "Bowels",
    "side_effects": "Side effects",
    "measurements": "Girth, glucose, activity",
}
HOVER_ITEMS = {
    "weight": ["weight_kg"],
    "temperature": ["temperature_c"],
    "jaundice": ["yellow_eyes", "yellow_skin", "dark_urine", "pale_stools", "itch"],
    "bowels": ["stools_above_usual", "days_since_bowels_opened"],
    "side_effects": [item.name for item in GRADED_SIDE_EFFECTS],
    "measurements": ["abdominal_girth_cm", "blood_glucose_mmol", "activity_level"],
}
"""What the pointer reads out on each chart (the symptoms chart: the ones ticked)."""
PERIODS = {"4 weeks": 28, "3 months": 91, "6 months": 182, "All": 0, "Custom": -1}
DEFAULT_SYMPTOMS = ("pain", "nausea", "fatigue")
SYMPTOMS_PER_ROW = 5
CHART_BASE_PT = 8.0
"""The builders' tick size: the screen scales chart text so ticks match the app's text."""
PANEL_MIN_EM = 6
"""The least height of one symptom's panel, in lines of the app's text."""
RESIZE_PAUSE_MS = 150
"""A new size is drawn once the window has kept it this long."""


class ChartsPanel(QWidget):
    """Chart, period and symptom choices above one matplotlib canvas."""

    def __init__(self, context: DiaryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data: ChartData | None = None
        """What was read from the diary; None until the first reading is back."""
        self.figure: Figure | None = None
        """The figure on screen (for the pointer and Save); None until one is drawn."""
        self.drawn: ChartOrder | None = None
        self.loader = Latest("chart-data", self)
        self.drawer = Latest("chart-draw", self)
        self._draw_soon = QTimer(self)  # several changes in one go make one drawing
        self._draw_soon.setSingleShot(True)
        self._draw_soon.setInterval(0)
        self._draw_soon.timeout.connect(self._start_draw)
        self._resized_soon = QTimer(self)  # a window being dragged larger: draw when it stops
        self._resized_soon.setSingleShot(True)
        self._resized_soon.setInterval(RESIZE_PAUSE_MS)
        self._resized_soon.timeout.connect(self._size_changed)
        self.picture = ChartPicture()
        self.picture.sig_pointer.connect(self._pointer)
        self.picture.sig_resized.connect(self._resized_soon.start)
        self.chart = QComboBox()
        for key, title in CHARTS.items():
            self.chart.addItem(title, key)
        self.period = QComboBox()
        for name in PERIODS:
            self.period.addItem(name)
        self.period.setCurrentText("3 months")
        today = date.today()
        self.start = DateField(to_qdate(today - timedelta(days=90)))
        self.end = DateField(to_qdate(today))
        self.symptoms: dict[str, QCheckBox] = {}
        symptom_grid = self._symptom_grid()
        self.hover = QLabel("Point at the chart to see a day's value and who recorded it.")
        self.hover.setTextFormat(Qt.TextFormat.PlainText)
        self.hover.setWordWrap(True)
        self.save_button = QPushButton("&Save chart as PNG or SVG…")
        self.save_button.clicked.connect(self.save_as)
        self.hint = PeriodHint()
        self.hint.sig_show.connect(self.show_period)
        self._layout(symptom_grid)
        self.chart.currentIndexChanged.connect(self.redraw)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.start.dateChanged.connect(self.redraw)
        self.end.dateChanged.connect(self.redraw)
        self.when_seen = RefreshWhenSeen(self, self.reload)
        context.sig_opened.connect(self.when_seen.changed)
        context.sig_changed.connect(self.when_seen.changed)
        self._period_changed()
        self.reload()

    def _symptom_grid(self) -> QGridLayout:
        """The symptoms to draw, in two rows: one row of nine would not fit 1024 px."""
        grid = QGridLayout()
        grid.addWidget(QLabel("Symptoms:"), 0, 0)
        for index, scale in enumerate(ESAS_SCALES):
            box = QCheckBox(scale.label)
            box.setChecked(scale.name in DEFAULT_SYMPTOMS)
            box.toggled.connect(self.redraw)
            self.symptoms[scale.name] = box
            grid.addWidget(box, index // SYMPTOMS_PER_ROW, 1 + index % SYMPTOMS_PER_ROW)
        grid.setColumnStretch(SYMPTOMS_PER_ROW + 1, 1)
        return grid

    def _layout(self, symptom_grid: QGridLayout) -> None:
        """Chart and period, the symptoms, the hint, the canvas, then hover and Save."""
        controls = QHBoxLayout()
        add_labelled(
            controls,
            (
                ("&Which chart", self.chart),
                ("Peri&od", self.period),
                ("From", self.start),
                ("To", self.end),
            ),
        )
        controls.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hover, 1)
        bottom.addWidget(self.save_button)
        self.scroll_area = QScrollArea()  # many ticked symptoms: panels keep a readable height
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.picture)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(symptom_grid)
        layout.addWidget(self.hint)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)

    @property
    def days(self) -> Mapping[date, Day]:
        return self.data.days if self.data is not None else {}

    @property
    def canvas(self) -> FigureCanvasBase | None:
        """The drawn figure's own (Agg) canvas: where the pointer's events are made."""
        return self.figure.canvas if self.figure is not None else None

    @property
    def settled(self) -> bool:
        """Nothing left to read or draw: the picture shows the current choices."""
        return not (self.loader.pending or self.drawer.pending or self._draw_soon.isActive())

    def stop(self) -> None:
        """The window is closing: no more reading or drawing; a running one is dropped."""
        self._draw_soon.stop()
        self._resized_soon.stop()
        self.loader.stop()
        self.drawer.stop()

    def reload(self) -> None:
        """Read the diary again (after a save, an import, another diary), then redraw."""
        diary = self.context.diary
        self.loader.run(partial(read_chart_data, diary), self._loaded, diary.path is None)

    def _loaded(self, result: ChartData | Exception) -> None:
        if isinstance(result, Exception):
            self.hover.setText(f"⚠ Could not read the diary: {result}")
            return
        self.data = result
        self._period_changed()

    def _period_changed(self) -> None:
        days = PERIODS[self.period.currentText()]
        period = None
        if days >= 0:
            end = max([date.today(), *self.days]) if self.days else date.today()
            start = min(self.days) if days == 0 and self.days else end - timedelta(days=days - 1)
            period = (start, end)
        show_period(self.start, self.end, period)
        self.redraw()

    def chosen_symptoms(self) -> list[str]:
        return [name for name, box in self.symptoms.items() if box.isChecked()]

    def period_dates(self) -> tuple[date, date]:
        return chosen_period(self.start, self.end)

    def show_period(self, start: date, end: date) -> None:
        """The hint's "Show …": a custom period with the data, drawn once."""
        self.period.blockSignals(True)
        self.period.setCurrentText("Custom")
        self.period.blockSignals(False)
        show_period(self.start, self.end, (start, end))
        show_period(self.start, self.end, None)  # unlocked: Custom dates can be typed
        self.redraw()

    def text_scale(self) -> float:
        """Chart text as large as the app's text, so large text enlarges the charts too."""
        size = QApplication.font().pointSizeF()
        base = system_font().pointSizeF()
        return max(1.0, size / CHART_BASE_PT) if size > 0 and base > 0 else 1.0

    def _fit_canvas(self, panels: int) -> None:
        """Each panel at least a few lines of text high; more panels scroll."""
        line = self.fontMetrics().lineSpacing()
        self.picture.setMinimumHeight(max(1, panels) * PANEL_MIN_EM * line)

    def redraw(self) -> None:
        """The choices changed: say what the period holds now, draw the chart soon."""
        if self.data is None:
            return
        start, end = self.period_dates()
        kind = self.chart.currentData()
        for box in self.symptoms.values():
            box.setEnabled(kind in ("symptoms", "cycle_day"))
        names = self.chosen_symptoms() or list(DEFAULT_SYMPTOMS[:1])
        doses_row = kind == "symptoms" and self.data.marks.has_doses(start, end)
        self._fit_canvas(len(names) + doses_row if kind in ("symptoms", "cycle_day") else 1)
        in_period = sum(1 for day in self.data.days if start <= day <= end)
        self.hint.update_for(self.context.diary, start, end, in_period)
        self._draw_soon.start()

    def _order(self) -> ChartOrder:
        """The chart as chosen, at the size it will have on screen."""
        ratio = self.picture.devicePixelRatioF()
        viewport = self.scroll_area.viewport()
        height = max(self.picture.minimumHeight(), viewport.height())
        start, end = self.period_dates()
        return ChartOrder(
            self.chart.currentData(),
            tuple(self.chosen_symptoms() or DEFAULT_SYMPTOMS[:1]),
            start,
            end,
            self.text_scale(),
            max(1, round(viewport.width() * ratio)),
            max(1, round(height * ratio)),
            ratio,
        )

    def _start_draw(self) -> None:
        if self.data is not None:
            self.drawer.run(partial(draw_chart, self._order(), self.data), self._show_drawn)

    def _show_drawn(self, result: Drawn | Exception) -> None:
        if isinstance(result, Exception):
            self.hover.setText(f"⚠ The chart could not be drawn: {result}")
            return
        # the old figure is let go, not emptied here: emptying it would wait for the drawing
        # lock, which a report saving its charts holds for seconds
        self.figure, self.drawn = result.figure, result.order
        self.picture.show_image(result.rgba, result.width, result.height)

    def _size_changed(self) -> None:
        """Drawn again at the new size once the resizing stops (meanwhile stretched)."""
        if self.data is None or self.drawn is None:
            return
        order = self._order()
        if (order.width, order.height) != (self.drawn.width, self.drawn.height):
            self._draw_soon.start()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.redraw()  # large text on or off: the chart text follows
        super().changeEvent(event)

    def _pointer(self, x: float, y: float) -> None:
        """The pointer moved over the picture: read out the day under it."""
        from matplotlib.backend_bases import MouseEvent

        if self.canvas is not None:
            self._hover(MouseEvent("motion_notify_event", self.canvas, round(x), round(y)))

    def _hover(self, event: MouseEvent) -> None:
        """Date, value and recorder of the nearest recorded day under the pointer."""
        from matplotlib.dates import num2date

        if event.inaxes is None or event.xdata is None or self.chart.currentData() == "cycle_day":
            return
        day = num2date(event.xdata).date()
        nearest = min(self.days, key=lambda d: abs((d - day).days), default=None)
        if nearest is None or abs((nearest - day).days) > 1:
            self.hover.setText(f"{day:%a %d %b %Y}: nothing recorded")
            return
        record = self.days[nearest]
        kind = self.chart.currentData()
        names = self.chosen_symptoms() if kind == "symptoms" else HOVER_ITEMS[kind]
        parts = [_shown(name, record.get(name), record.source(name)) for name in names]
        marks = self.data.marks if self.data is not None else None
        pain_doses = marks.pain_doses.get(nearest, 0) if marks is not None else 0
        if kind == "symptoms" and pain_doses:
            parts.append(f"{plural(pain_doses, 'as-needed dose')} for pain")
        parts += [e.summary for e in marks.events_between(nearest, nearest)] if marks else []
        self.hover.setText(f"{nearest:%a %d %b %Y}: {'; '.join(parts)}")
        self.hover.setAccessibleName(self.hover.text())

    def save_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save chart", f"{self.chart.currentData()}.png", "PNG (*.png);;SVG (*.svg)"
        )
        if not name:
            return
        if self.figure is None:
            self.hover.setText("⚠ Not saved: the chart is still being drawn; try again soon.")
            return
        try:
            with DRAW_LOCK:
                save_figure(self.figure, name, self.context.diary.path)
        except SymptomlogError as error:
            self.hover.setText(f"⚠ Not saved: {error}")
            return
        self.context.sig_status.emit(f"Chart saved to {name}.")


def _shown(name: str, value: object, source: Recorder | None = None) -> str:
    """ "Temperature 38.1 (patient)": each value with who gave it, not who wrote that day."""
    if value is None:
        return f"{label_of(name)} not recorded"
    who = f" ({source.label.lower()})" if source is not None else ""
    if isinstance(value, bool):
        return f"{label_of(name)} {'yes' if value else 'no'}{who}"
    shown = f"{value:g}" if isinstance(value, float) else f"{value}"
    return f"{label_of(name)} {shown}{who}"
