"""The Charts view's content: the chart builders from ``charts`` on a Qt canvas.

Imported only when the Charts view is first shown, so that starting the app does
not load matplotlib. The figure is the very one the PDF uses, drawn on a
``FigureCanvasQTAgg``; hovering a point says its date, value and who recorded it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.dates import num2date
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, Qt
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

from symptomlog.analysis.daily import Day, daily_values
from symptomlog.analysis.trends import item_values
from symptomlog.analysis.weight import baseline_of
from symptomlog.charts import (
    bowels_chart,
    cycle_day_chart,
    fit,
    jaundice_chart,
    measurements_chart,
    refit,
    side_effects_chart,
    symptom_chart,
    temperature_chart,
    weight_chart,
)
from symptomlog.charts.medicines import MedicineMarks, mark_events, medicine_marks
from symptomlog.domain import Recorder
from symptomlog.domain.fields import ESAS_SCALES, GRADED_SIDE_EFFECTS, label_of
from symptomlog.domain.thresholds import effective
from symptomlog.domain.words import plural
from symptomlog.errors import SymptomlogError
from symptomlog.ui.context import DiaryContext
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


class ChartsPanel(QWidget):
    """Chart, period and symptom choices above one matplotlib canvas."""

    def __init__(self, context: DiaryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.days: dict[date, Day] = {}
        self.marks = MedicineMarks()
        self.figure = Figure(figsize=(10, 4.5), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setAccessibleName("Chart")
        self.canvas.mpl_connect("motion_notify_event", self._hover)
        self.canvas.mpl_connect("resize_event", lambda _event: refit(self.figure))
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
        self.scroll_area.setWidget(self.canvas)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(symptom_grid)
        layout.addWidget(self.hint)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)

    def reload(self) -> None:
        """Read the diary again (after a save, an import, another diary) and redraw."""
        try:
            self.days = daily_values(self.context.diary.entries.between())
            self.cycles = self.context.diary.cycles.all()
            self.profile = self.context.diary.profile.get()
            self.marks = read_marks(self.context, self.profile.thresholds)
        except SymptomlogError as error:
            self.hover.setText(f"⚠ Could not read the diary: {error}")
            return
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
        self.canvas.setMinimumHeight(max(1, panels) * PANEL_MIN_EM * line)

    def redraw(self) -> None:
        if not hasattr(self, "cycles"):
            return
        self.figure.clear()
        start, end = self.period_dates()
        kind = self.chart.currentData()
        names = self.chosen_symptoms() or list(DEFAULT_SYMPTOMS[:1])
        for box in self.symptoms.values():
            box.setEnabled(kind in ("symptoms", "cycle_day"))
        doses_row = kind == "symptoms" and self.marks.has_doses(start, end)
        self._fit_canvas(len(names) + doses_row if kind in ("symptoms", "cycle_day") else 1)
        in_period = sum(1 for day in self.days if start <= day <= end)
        self.hint.update_for(self.context.diary, start, end, in_period)
        self._draw(kind, names, start, end, self.text_scale())
        self.canvas.draw()

    def _draw(self, kind: str, names: list[str], start: date, end: date, scale: float) -> None:
        """The chosen chart on the canvas's figure, its text at the app's size."""
        figure, days, cycles = self.figure, self.days, self.cycles
        if kind == "symptoms":
            symptom_chart(
                days, cycles, start, end, names, figure=figure, scale=scale, marks=self.marks
            )
        elif kind == "cycle_day":
            inside = [c for c in cycles if start <= c.start <= end] or cycles
            latest_line = [c for c in inside if c.line == inside[-1].line] if inside else []
            cycle_day_chart(days, latest_line, figure=figure, names=names, scale=scale)
        else:  # these builders draw at the PDF's size; fit enlarges their text afterwards
            if kind == "weight":
                base = baseline_of(self.profile, item_values(days, "weight_kg"))
                weight_chart(days, base, start, end, cycles, figure=figure)
            elif kind == "jaundice":
                jaundice_chart(days, cycles, start, end, figure=figure)
            elif kind == "side_effects":
                side_effects_chart(days, cycles, start, end, figure=figure)
            elif kind in ("bowels", "measurements"):
                limits = effective(self.profile.thresholds)
                build = bowels_chart if kind == "bowels" else measurements_chart
                build(days, cycles, start, end, figure=figure, limits=limits)
            else:
                limits = effective(self.profile.thresholds)
                temperature_chart(days, cycles, start, end, figure=figure, limits=limits)
            mark_events(figure, self.marks.events, start, end)
            fit(figure, scale)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange and hasattr(self, "cycles"):
            self.redraw()  # large text on or off: the chart text follows
        super().changeEvent(event)

    def _hover(self, event: MouseEvent) -> None:
        """Date, value and recorder of the nearest recorded day under the pointer."""
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
        pain_doses = self.marks.pain_doses.get(nearest, 0)
        if kind == "symptoms" and pain_doses:
            parts.append(f"{plural(pain_doses, 'as-needed dose')} for pain")
        parts += [e.summary for e in self.marks.events_between(nearest, nearest)]
        self.hover.setText(f"{nearest:%a %d %b %Y}: {'; '.join(parts)}")
        self.hover.setAccessibleName(self.hover.text())

    def save_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save chart", f"{self.chart.currentData()}.png", "PNG (*.png);;SVG (*.svg)"
        )
        if not name:
            return
        try:
            save_figure(self.figure, name, self.context.diary.path)
        except SymptomlogError as error:
            self.hover.setText(f"⚠ Not saved: {error}")
            return
        self.context.sig_status.emit(f"Chart saved to {name}.")


def read_marks(context: DiaryContext, thresholds: Mapping[str, float]) -> MedicineMarks:
    """The as-needed doses per day and the events the charts mark, read once per reload."""
    diary = context.diary
    limit = effective(thresholds).get("breakthrough_doses")
    return medicine_marks(
        diary.medicines.all(), diary.medicines.doses(), diary.events.between(), limit
    )


def _shown(name: str, value: object, source: Recorder | None = None) -> str:
    """ "Temperature 38.1 (patient)": each value with who gave it, not who wrote that day."""
    if value is None:
        return f"{label_of(name)} not recorded"
    who = f" ({source.label.lower()})" if source is not None else ""
    if isinstance(value, bool):
        return f"{label_of(name)} {'yes' if value else 'no'}{who}"
    shown = f"{value:g}" if isinstance(value, float) else f"{value}"
    return f"{label_of(name)} {shown}{who}"
