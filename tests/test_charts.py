"""Chart builders: the artists a reader relies on are there, gaps stay gaps, PNG and SVG render."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from matplotlib.dates import date2num
from matplotlib.figure import Figure

from symptomlog.analysis.daily import daily_values
from symptomlog.analysis.weight import baseline_of
from symptomlog.charts import (
    cycle_day_chart,
    jaundice_chart,
    symptom_chart,
    temperature_chart,
    weight_chart,
)
from symptomlog.charts.style import OKABE_ITO
from symptomlog.domain import ChemoCycle, Entry, Profile, Recorder
from symptomlog.domain.thresholds import effective
from tests.pictures import png_colours, png_size

START = date(2026, 3, 1)
END = date(2026, 3, 28)
CYCLES = [
    ChemoCycle("mfolfirinox", 1, date(2026, 3, 2)),
    ChemoCycle("mfolfirinox", 2, date(2026, 3, 16), actual_start=date(2026, 3, 23)),
]


def at(day: date, **values: object) -> Entry:
    return Entry(recorded_at=datetime.combine(day, time(9)), **values)  # type: ignore[arg-type]


def days_with_a_gap() -> dict:
    entries = [at(START + timedelta(days=i), pain=i % 5, weight_kg=60 - i * 0.1) for i in range(10)]
    # 11th to 14th of March: nothing recorded (a gap); then a carer's entries.
    entries += [
        at(START + timedelta(days=i), pain=3, recorded_by=Recorder.CARER, temperature_c=38.1)
        for i in range(14, 20)
    ]
    entries.append(at(START + timedelta(days=20), yellow_eyes=True, itch=6))
    return daily_values(entries)


def gids(figure: Figure, prefix: str) -> list:
    return [
        a
        for a in figure.findobj()
        if (getattr(a, "get_gid", lambda: None)() or "").startswith(prefix)
    ]


def test_symptom_chart_bands_ticks_gaps_and_carer_markers() -> None:
    figure = symptom_chart(days_with_a_gap(), CYCLES, START, END, ("pain",))
    [bands] = gids(figure, "cycle-bands")
    assert len(bands.get_paths()) == 2
    assert [t.get_text() for t in gids(figure, "cycle-label")] == ["C1", "C2"]
    [ticks] = gids(figure, "drug-days")
    tick_days = sorted(segment[0][0] for segment in ticks.get_segments())
    assert tick_days == [date2num(date(2026, 3, 2)), date2num(date(2026, 3, 23))]  # delayed C2
    [line] = gids(figure, "series:pain")
    ys = list(line.get_ydata())
    assert len(ys) == 28 and all(math.isnan(y) for y in ys[10:14])  # a gap, not zeros
    assert ys[0] == 0.0  # a recorded 0 is a 0
    [carer] = gids(figure, "carer:pain")
    assert len(carer.get_xdata()) == 6 and carer.get_markerfacecolor() == "white"
    assert str(line.get_color()).upper() == OKABE_ITO[0]


def test_weight_chart_has_baseline_and_three_reference_lines() -> None:
    base = baseline_of(Profile(baseline_weight_kg=64.0), {})
    figure = weight_chart(days_with_a_gap(), base, START, END)
    [base] = gids(figure, "baseline")
    assert list(base.get_ydata()) == [64.0, 64.0]
    levels = sorted(round(a.get_ydata()[0], 2) for a in gids(figure, "reference-line"))
    assert levels == [51.2, 57.6, 60.8]  # -20, -10, -5 %


def test_temperature_chart_has_the_default_fever_and_low_lines() -> None:
    figure = temperature_chart(days_with_a_gap(), CYCLES, START, END)
    levels = sorted(a.get_ydata()[0] for a in gids(figure, "reference-line"))
    assert levels == [36.0, 37.5]
    assert "37.5 °C" in figure.axes[0].get_title(loc="left")


def test_temperature_chart_draws_the_thresholds_in_force() -> None:
    limits = effective({"fever_c": 38.0, "low_temp_c": 35.5})
    figure = temperature_chart(days_with_a_gap(), CYCLES, START, END, limits=limits)
    levels = sorted(a.get_ydata()[0] for a in gids(figure, "reference-line"))
    assert levels == [35.5, 38.0]
    assert "38.0 °C" in figure.axes[0].get_title(loc="left")


def test_jaundice_strip_marks_the_days_present() -> None:
    figure = jaundice_chart(days_with_a_gap(), CYCLES, START, END)
    [eyes] = gids(figure, "present:yellow_eyes")
    assert list(eyes.get_xdata()) == [date2num(date(2026, 3, 21))]
    [skin] = gids(figure, "present:yellow_skin")
    assert len(skin.get_xdata()) == 0


def test_cycle_day_chart_has_a_faint_line_per_cycle_and_a_mean() -> None:
    entries = [at(date(2026, 3, 3), nausea=6), at(date(2026, 3, 24), nausea=4)]
    figure = cycle_day_chart(daily_values(entries), CYCLES, "nausea")
    assert {a.get_gid() for a in gids(figure, "cycle:")} == {"cycle:C1", "cycle:C2"}
    [mean] = gids(figure, "mean")
    assert mean.get_ydata()[1] == 5.0  # day 2 of both cycles: (6 + 4) / 2


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_every_chart_renders(tmp_path: Path, suffix: str) -> None:
    days = days_with_a_gap()
    figures = [
        symptom_chart(days, CYCLES, START, END),
        weight_chart(days, None, START, END, CYCLES),
        jaundice_chart(days, CYCLES, START, END),
        temperature_chart(days, CYCLES, START, END),
        cycle_day_chart(days, CYCLES, "pain"),  # the days hold pain, not nausea
    ]
    for index, figure in enumerate(figures):
        path = tmp_path / f"chart{index}.{suffix}"
        figure.savefig(path)
        marked = {a.get_gid() for a in gids(figure, "") if a.get_gid()}
        assert marked, index
        if suffix == "svg":  # every marked artist is in the file, under its own id
            text = path.read_text("utf-8")
            assert all(f'id="{gid}"' in text for gid in marked), index
        else:  # the file is the figure's size, and every solid data line is drawn in it
            width, height = figure.get_size_inches() * figure.dpi
            assert png_size(path) == (round(width), round(height))
            drawn = line_colours(figure)
            assert drawn and drawn <= png_colours(path), index


def line_colours(figure: Figure) -> set[tuple[int, int, int]]:
    """The colours of the marked data points drawn as solid markers (a faint or hollow one
    blends into the paper)."""
    from matplotlib.colors import to_rgb
    from matplotlib.lines import Line2D

    points = [
        a
        for a in figure.findobj(Line2D)
        if a.get_gid()
        and any(math.isfinite(y) for y in a.get_ydata())
        and (a.get_alpha() or 1) == 1
        and a.get_marker() not in ("None", "", None, "|", "_", "x", "+")
        and a.get_markersize() >= 3
    ]
    return {tuple(round(255 * v) for v in to_rgb(a.get_color())) for a in points}  # type: ignore[misc]
