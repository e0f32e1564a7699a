"""The PDF's charts drawn at the report's size: no two date labels collide, no text is cut
off at the figure's edge, and the by-cycle-day chart covers the whole line of treatment."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from symptomlog.charts.dates import even_steps
from symptomlog.report.pdf_charts import CHART_DPI, report_figures
from symptomlog.report.summary import ReportData, build_data
from symptomlog.store import Diary
from tests import story

END = story.START + timedelta(days=story.WEEKS * 7 - 1)
GAP_PX = 6
"""At 200 dpi: about 2 pt between two labels, at the least."""


def drawn_texts(figure: Figure) -> list[Text]:
    """Every visible text matplotlib draws (tick labels of ticks outside the view are not)."""
    hidden = set()
    for axes in figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    hidden |= {id(tick.label1), id(tick.label2)}
    return [
        t
        for t in figure.findobj(Text)
        if t.get_visible() and t.get_text().strip() and id(t) not in hidden
    ]


def problems(figure: Figure) -> list[str]:
    canvas = FigureCanvasAgg(figure)
    figure.set_dpi(CHART_DPI)
    canvas.draw()
    renderer = canvas.get_renderer()
    found = []
    shown = {id(t) for t in drawn_texts(figure)}
    for axes in figure.axes:
        labels = [t for t in axes.get_xticklabels() if id(t) in shown]
        boxes = sorted(
            ((t.get_window_extent(renderer), t.get_text()) for t in labels), key=lambda b: b[0].x0
        )
        for (left, a), (right, b) in itertools.pairwise(boxes):
            if left.x1 + GAP_PX > right.x0:
                found.append(f"{a!r} runs into {b!r}")
    edge = figure.bbox
    for text in drawn_texts(figure):
        box = text.get_window_extent(renderer)
        if box.x0 < edge.x0 - 1 or box.x1 > edge.x1 + 1 or box.y0 < edge.y0 - 1:
            found.append(f"{text.get_text()!r} is cut off at the edge")
        elif box.y1 > edge.y1 + 1:
            found.append(f"{text.get_text()!r} is cut off at the top")
    return found


@pytest.fixture(scope="module")
def story_diary():  # type: ignore[no-untyped-def]
    with Diary.in_memory() as diary:
        story.write(diary)
        yield diary


def data_for(diary: Diary, days: int) -> ReportData:
    start = END - timedelta(days=days - 1)
    return build_data(
        diary.entries.between(None, END), diary.cycles.all(), diary.profile.get(), start, END
    )


@pytest.mark.parametrize("days", [7, 28, 43, 48, 61, 168])  # 43, 48: "29 Sep" ran into "01 Oct"
def test_no_label_collides_or_is_cut_off(story_diary: Diary, days: int) -> None:
    figures = [f for f in report_figures(data_for(story_diary, days)) if isinstance(f, Figure)]
    assert len(figures) >= 6
    found = {f"figure {i}: {p}" for i, figure in enumerate(figures) for p in problems(figure)}
    assert found == set()


def test_the_check_sees_a_collision() -> None:
    figure = Figure(figsize=(2, 1))
    axes = figure.add_subplot()
    axes.set_xticks([0, 0.05], ["25 Sep 2026", "01 Oct 2026"])
    assert any("runs into" in p for p in problems(figure))


def test_a_tick_much_sooner_than_the_usual_step_is_dropped() -> None:
    assert even_steps([21.0, 25.0, 29.0, 31.0, 35.0]) == [21.0, 25.0, 29.0, 35.0]
    assert even_steps([1.0, 8.0, 15.0]) == [1.0, 8.0, 15.0]


def test_the_by_cycle_day_chart_draws_the_whole_line(story_diary: Diary) -> None:
    """A 7-day report in L2 C3 still draws C1 and C2 of line 2 (their days are before it)."""
    figures = [f for f in report_figures(data_for(story_diary, 7)) if isinstance(f, Figure)]
    (by_day,) = [f for f in figures if "day of the cycle" in f.axes[-1].get_xlabel()]
    gids = {line.get_gid() for axes in by_day.axes for line in axes.get_lines()}
    assert {"cycle:C1", "cycle:C2", "cycle:C3", "mean"} <= gids
    assert max(by_day.axes[-1].get_xlim()) == 28.5  # the 28-day cycle, to its last day
