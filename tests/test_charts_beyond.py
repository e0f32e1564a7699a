"""The bowels chart and the side-effects strip: gaps stay gaps, levels are marked by size,
the reference lines are the thresholds in force, and both render."""

from __future__ import annotations

import math
from datetime import timedelta
from pathlib import Path

from symptomlog.analysis.daily import daily_values
from symptomlog.charts import bowels_chart, side_effects_chart
from symptomlog.domain.thresholds import effective
from tests.pictures import png_colours, png_size
from tests.test_charts import CYCLES, END, START, at, line_colours


def _days() -> dict:
    entries = [
        at(START, stools_above_usual=0, days_since_bowels_opened=0, mouth_sores=0),
        at(START + timedelta(days=1), stools_above_usual=5, mouth_sores=2, numbness=1),
        at(START + timedelta(days=4), days_since_bowels_opened=3, mouth_sores=4),
        at(START + timedelta(days=5), abdominal_swelling=3),
    ]
    return daily_values(entries)


def _artist(figure, gid: str):
    return next(a for ax in figure.axes for a in ax.get_children() if a.get_gid() == gid)


def test_bowels_chart_draws_both_items_with_gaps_and_the_limits_in_force() -> None:
    limits = effective({"stools_red": 8, "stools_amber": 3})
    figure = bowels_chart(_days(), CYCLES, START, END, limits=limits)
    stools = _artist(figure, "series:stools_above_usual").get_ydata()
    assert list(stools[:2]) == [0, 5] and math.isnan(stools[2])  # not asked: a gap, not 0
    stuck = _artist(figure, "series:days_since_bowels_opened").get_ydata()
    assert stuck[4] == 3 and math.isnan(stuck[1])
    levels = {
        line.get_ydata()[0]
        for line in figure.axes[0].get_lines()
        if line.get_gid() == "reference-line"
    }
    assert levels == {3, 8}
    texts = " ".join(t.get_text() for ax in figure.axes for t in ax.texts)
    assert "8: call now" in texts and "3 days" in texts


def test_side_effects_strip_marks_each_level_bigger_when_worse(tmp_path: Path) -> None:
    figure = side_effects_chart(_days(), CYCLES, START, END)
    assert len(_artist(figure, "none:mouth_sores").get_xdata()) == 1
    two = _artist(figure, "level2:mouth_sores")
    four = _artist(figure, "level4:mouth_sores")
    assert len(two.get_xdata()) == len(four.get_xdata()) == 1
    assert four.get_markersize() > two.get_markersize()
    assert len(_artist(figure, "level1:numbness").get_xdata()) == 1
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels == [
        "Abdominal swelling",
        "Sore hands or feet",
        "Numbness or tingling",
        "Mouth sores",
    ]
    figure.savefig(tmp_path / "strip.png")
    width, height = figure.get_size_inches() * figure.dpi
    assert png_size(tmp_path / "strip.png") == (round(width), round(height))
    drawn = line_colours(figure)  # the level marks, each in its colour
    assert drawn and drawn <= png_colours(tmp_path / "strip.png")


def test_fit_leaves_room_for_the_rows_names_on_the_strips() -> None:
    """matplotlib 3.10+ keeps fixed tick labels in a FuncFormatter: still measured."""
    from symptomlog.charts import jaundice_chart
    from symptomlog.charts.fit import CHAR_EM, _left_of_plot, inches

    strip = side_effects_chart(_days(), CYCLES, START, END).axes[0]
    assert _left_of_plot(strip) >= len("Numbness or tingling") * CHAR_EM * inches(8)
    signs = jaundice_chart(_days(), CYCLES, START, END).axes[0]
    assert _left_of_plot(signs) >= len("Yellow eyes") * CHAR_EM * inches(8)


def test_measurements_chart_has_a_panel_per_item_recorded_and_the_glucose_lines() -> None:
    from symptomlog.charts import measurements_chart

    entries = [
        at(START, blood_glucose_mmol=6.5, activity_level=1),
        at(START + timedelta(days=2), blood_glucose_mmol=3.5, activity_level=3),
    ]
    figure = measurements_chart(daily_values(entries), CYCLES, START, END)
    titles = [ax.get_title(loc="left") for ax in figure.axes]  # no girth: not recorded
    assert titles[0] == "Blood glucose" and titles[1].startswith("What I could do today")
    assert len(titles) == 2
    glucose = figure.axes[0]
    lines = {ln.get_ydata()[0] for ln in glucose.get_lines() if ln.get_gid() == "reference-line"}
    assert lines == {4.0, 20.0}
    low, high = glucose.get_ylim()
    assert low < 3.5 and high > 20  # both lines and every reading in view
    activity = figure.axes[1]
    assert activity.get_ylim()[0] > activity.get_ylim()[1]  # 0 (as before) at the top
