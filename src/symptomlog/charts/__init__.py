"""matplotlib Figure builders shared by the Charts view and the PDF.

Object API only (``matplotlib.figure.Figure``), never pyplot: no global state,
safe to build in a test, a thread or a PDF without a screen. Each builder takes
plain data from ``analysis`` and returns a Figure; the caller decides whether to
show it on a Qt canvas, save it as PNG or SVG, or put it in the PDF.
"""

from symptomlog.charts.beyond import bowels_chart, measurements_chart, side_effects_chart
from symptomlog.charts.builders import (
    jaundice_chart,
    temperature_chart,
    weight_chart,
)
from symptomlog.charts.fit import fit
from symptomlog.charts.symptoms import cycle_day_chart, symptom_chart

__all__ = [
    "bowels_chart",
    "cycle_day_chart",
    "fit",
    "jaundice_chart",
    "measurements_chart",
    "side_effects_chart",
    "symptom_chart",
    "temperature_chart",
    "weight_chart",
]
