"""The Charts view's content: the chart builders from ``charts`` on a Qt canvas.

Imported only when the Charts view is first shown, so that starting the app does
not load matplotlib. The figure is the very one the PDF uses, drawn on a
``FigureCanvasQTAgg``; hovering a point says its date, value and who recorded it.
"""

from __future__ import annotations

from datetime import date, timedelta

from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.dates import num2date
from matplotlib.figure import Figure
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from symptomlog.analysis.daily import Day, daily_values
from symptomlog.analysis.trends import item_values
from symptomlog.analysis.weight import baseline_of
from symptomlog.charts import (
    cycle_day_chart,
    jaundice_chart,
    symptom_chart,
    temperature_chart,
    weight_chart,
)
from symptomlog.domain.fields import ESAS_SCALES, label_of
from symptomlog.domain.thresholds import effective
from symptomlog.errors import SymptomlogError
from symptomlog.ui.context import DiaryContext
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
}
PERIODS = {"4 weeks": 28, "3 months": 91, "6 months": 182, "All": 0, "Custom": -1}
DEFAULT_SYMPTOMS = ("pain", "nausea", "fatigue")


class ChartsPanel(QWidget):
    """Chart, period and symptom choices above one matplotlib canvas."""

    def __init__(self, context: DiaryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.days: dict[date, Day] = {}
        self.figure = Figure(figsize=(10, 4.5), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setAccessibleName("Chart")
        self.canvas.mpl_connect("motion_notify_event", self._hover)
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
        symptom_row = QHBoxLayout()
        symptom_row.addWidget(QLabel("Symptoms:"))
        for scale in ESAS_SCALES:
            box = QCheckBox(scale.label)
            box.setChecked(scale.name in DEFAULT_SYMPTOMS)
            box.toggled.connect(self.redraw)
            self.symptoms[scale.name] = box
            symptom_row.addWidget(box)
        symptom_row.addStretch(1)
        self.hover = QLabel("Point at the chart to see a day's value and who recorded it.")
        self.hover.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton("&Save chart as PNG or SVG…")
        self.save_button.clicked.connect(self.save_as)
        controls = QHBoxLayout()
        add_labelled(
            controls,
            (
                ("C&hart", self.chart),
                ("&Period", self.period),
                ("From", self.start),
                ("To", self.end),
            ),
        )
        controls.addStretch(1)
        controls.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(symptom_row)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.hover)
        self.chart.currentIndexChanged.connect(self.redraw)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.start.dateChanged.connect(self.redraw)
        self.end.dateChanged.connect(self.redraw)
        context.sig_opened.connect(self.reload)
        context.sig_changed.connect(self.reload)
        self._period_changed()
        self.reload()

    def reload(self) -> None:
        """Read the diary again (after a save, an import, another diary) and redraw."""
        try:
            self.days = daily_values(self.context.diary.entries.between())
            self.cycles = self.context.diary.cycles.all()
            self.profile = self.context.diary.profile.get()
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

    def redraw(self) -> None:
        if not hasattr(self, "cycles"):
            return
        self.figure.clear()
        start, end = self.period_dates()
        kind = self.chart.currentData()
        names = self.chosen_symptoms() or list(DEFAULT_SYMPTOMS[:1])
        for box in self.symptoms.values():
            box.setEnabled(kind in ("symptoms", "cycle_day"))
        if kind == "symptoms":
            symptom_chart(self.days, self.cycles, start, end, names, figure=self.figure)
        elif kind == "weight":
            base = baseline_of(self.profile, item_values(self.days, "weight_kg"))
            weight_chart(self.days, base, start, end, self.cycles, figure=self.figure)
        elif kind == "jaundice":
            jaundice_chart(self.days, self.cycles, start, end, figure=self.figure)
        elif kind == "temperature":
            limits = effective(self.profile.thresholds)
            temperature_chart(self.days, self.cycles, start, end, figure=self.figure, limits=limits)
        else:
            inside = [c for c in self.cycles if start <= c.start <= end] or self.cycles
            latest_line = [c for c in inside if c.line == inside[-1].line] if inside else []
            cycle_day_chart(self.days, latest_line, names[0], figure=self.figure)
        self.canvas.draw()

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
        names = {
            "symptoms": self.chosen_symptoms(),
            "weight": ["weight_kg"],
            "temperature": ["temperature_c"],
            "jaundice": ["yellow_eyes", "yellow_skin", "dark_urine", "pale_stools", "itch"],
        }[kind]
        parts = [_shown(name, record.get(name)) for name in names]
        who = ", ".join(sorted(r.label for r in record.recorders))
        self.hover.setText(f"{nearest:%a %d %b %Y}: {'; '.join(parts)} — recorded by {who}")
        self.hover.setAccessibleName(self.hover.text())

    def save_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save chart", f"{self.chart.currentData()}.png", "PNG (*.png);;SVG (*.svg)"
        )
        if not name:
            return
        try:
            self.figure.savefig(name, dpi=200)
        except OSError as error:
            self.hover.setText(f"⚠ Not saved: {name}: {error.strerror or error}")
            return
        self.context.sig_status.emit(f"Chart saved to {name}.")


def _shown(name: str, value: object) -> str:
    if value is None:
        return f"{label_of(name)} not recorded"
    if isinstance(value, bool):
        return f"{label_of(name)} {'yes' if value else 'no'}"
    return (
        f"{label_of(name)} {value:g}" if isinstance(value, float) else f"{label_of(name)} {value}"
    )
