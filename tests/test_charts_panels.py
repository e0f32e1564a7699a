"""Charts a patient can read: one panel per symptom, the app's dates, text that scales,
a carer's marker only on a carer's own value, every ticked symptom by day of the cycle."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from symptomlog.analysis.daily import daily_values
from symptomlog.charts import cycle_day_chart, fit, symptom_chart, temperature_chart
from symptomlog.domain import ChemoCycle, Entry, Recorder

START = date(2026, 3, 1)
END = date(2026, 3, 28)
CYCLES = [
    ChemoCycle("mfolfirinox", 1, date(2026, 3, 2)),
    ChemoCycle("mfolfirinox", 2, date(2026, 3, 16)),
]


def at(day: date, hour: int = 9, **values: object) -> Entry:
    return Entry(recorded_at=datetime.combine(day, time(hour)), **values)  # type: ignore[arg-type]


def days() -> dict:
    entries = [at(START + timedelta(days=i), pain=i % 5, nausea=2, fatigue=4) for i in range(20)]
    # 10 March: the patient's own 38.1 °C and pain 6; a carer's 37.2 °C and pain 2 later.
    entries.append(at(date(2026, 3, 10), 8, temperature_c=38.1, pain=6))
    entries.append(
        at(date(2026, 3, 10), 20, recorded_by=Recorder.CARER, temperature_c=37.2, pain=2)
    )
    # 12 March: only the carer's value is the day's worst.
    entries.append(at(date(2026, 3, 12), 20, recorded_by=Recorder.CARER, temperature_c=38.4))
    return daily_values(entries)


def by_gid(figure: Figure, gid: str) -> list:
    return [a for a in figure.findobj() if getattr(a, "get_gid", lambda: None)() == gid]


def drawn(figure: Figure) -> Figure:
    FigureCanvasAgg(figure).draw()
    return figure


def test_one_panel_per_symptom_on_one_time_axis() -> None:
    figure = symptom_chart(days(), CYCLES, START, END, ("pain", "nausea", "fatigue"))
    assert [a.get_gid() for a in figure.axes] == ["panel:pain", "panel:nausea", "panel:fatigue"]
    titles = [a.get_title(loc="left") for a in figure.axes]
    assert titles[:2] == ["Pain", "Nausea"] and titles[2].startswith("Tiredness")
    for axes, name in zip(figure.axes, ("pain", "nausea", "fatigue"), strict=True):
        lines = [
            line.get_gid() for line in axes.get_lines() if line.get_gid().startswith("series:")
        ]
        assert lines == [f"series:{name}"]  # one symptom per panel: no tangle
    assert all(a.get_xlim() == figure.axes[-1].get_xlim() for a in figure.axes)  # one time axis
    drawn(figure)
    assert not any(t.get_text() for t in figure.axes[0].get_xticklabels() if t.get_visible())
    assert any(t.get_text() for t in figure.axes[-1].get_xticklabels())


def test_dates_in_the_apps_words() -> None:
    figure = drawn(symptom_chart(days(), CYCLES, START, START + timedelta(days=13), ("pain",)))
    labels = [t.get_text() for t in figure.axes[-1].get_xticklabels() if t.get_text()]
    assert labels and all(len(label.split()) == 3 for label in labels)  # "Wed 04 Mar"
    assert all(
        label.split()[0] in {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} for label in labels
    )
    figure = drawn(symptom_chart(days(), CYCLES, START, START + timedelta(days=90), ("pain",)))
    labels = [t.get_text() for t in figure.axes[-1].get_xticklabels() if t.get_text()]
    assert labels and all(
        "-" not in label and label.split()[1] in {"Mar", "Apr", "May"} for label in labels
    )


def test_text_scales_with_the_apps_text_size() -> None:
    small = drawn(symptom_chart(days(), CYCLES, START, END, ("pain", "nausea")))
    large = drawn(symptom_chart(days(), CYCLES, START, END, ("pain", "nausea"), scale=1.5))

    def sizes(figure: Figure) -> tuple[float, float, float]:
        tick = next(t for t in figure.axes[-1].get_xticklabels() if t.get_text())
        heading = by_gid(figure, "heading")[0]
        panel = next(t for t in figure.axes[0].findobj(Text) if t.get_text() == "Pain")
        return tick.get_fontsize(), heading.get_fontsize(), panel.get_fontsize()

    for before, after in zip(sizes(small), sizes(large), strict=True):
        assert after == before * 1.5
    assert sizes(small)[0] == 8.0


def test_fit_enlarges_the_other_charts_and_keeps_labels_inside() -> None:
    figure = temperature_chart(days(), CYCLES, START, END)
    fit(figure, 1.5)
    drawn(figure)
    tick = next(t for t in figure.axes[0].get_xticklabels() if t.get_text())
    assert tick.get_fontsize() == 12.0
    renderer = figure.canvas.get_renderer()
    box = figure.bbox
    for axes in figure.axes:
        for text in (axes.xaxis.label, axes.yaxis.label, tick, axes.get_legend().get_title()):
            if text.get_text():
                extent = text.get_window_extent(renderer)
                assert box.x0 - 1 <= extent.x0 and extent.x1 <= box.x1 + 1, text.get_text()
                assert box.y0 - 1 <= extent.y0 and extent.y1 <= box.y1 + 1, text.get_text()


def test_a_carers_marker_only_where_the_days_value_is_the_carers() -> None:
    figure = temperature_chart(days(), CYCLES, START, END)
    [carer] = by_gid(figure, "carer:temperature_c")
    # 10 March: the patient's own 38.1 is the day's highest: drawn filled, not hollow.
    assert list(carer.get_ydata()) == [38.4]
    assert carer.get_markerfacecolor() == "white"
    values = days()
    assert values[date(2026, 3, 10)].source("temperature_c") is Recorder.PATIENT
    assert values[date(2026, 3, 10)].source("pain") is Recorder.PATIENT
    assert values[date(2026, 3, 12)].source("temperature_c") is Recorder.CARER
    assert values[date(2026, 3, 12)].source("pain") is Recorder.PATIENT  # same day, own value
    assert values[date(2026, 3, 12)].source("weight_kg") is None  # not recorded


def test_a_tie_with_the_carer_counts_as_the_patients_own() -> None:
    entries = [at(START, 8, pain=5, recorded_by=Recorder.CARER), at(START, 9, pain=5)]
    assert daily_values(entries)[START].source("pain") is Recorder.PATIENT
    entries = [at(START, 8, vomiting_episodes=1, recorded_by=Recorder.CARER)] * 2
    assert daily_values(entries)[START].source("vomiting_episodes") is Recorder.CARER


def test_by_cycle_day_shows_every_ticked_symptom() -> None:
    figure = drawn(cycle_day_chart(days(), CYCLES, names=("pain", "nausea", "fatigue")))
    assert [a.get_gid() for a in figure.axes] == ["panel:pain", "panel:nausea", "panel:fatigue"]
    for axes in figure.axes:
        assert [line.get_gid() for line in axes.get_lines()].count("mean") == 1
    label = figure.axes[-1].xaxis.label
    assert label.get_text().startswith("day of the cycle")
    extent = label.get_window_extent(figure.canvas.get_renderer())
    assert extent.y0 >= figure.bbox.y0  # the x label is not clipped at the bottom


def test_by_cycle_day_says_why_when_there_are_no_cycles() -> None:
    figure = cycle_day_chart(days(), [], names=("pain", "nausea"))
    [why] = by_gid(figure, "why-empty")
    assert "Cycles" in why.get_text()


def test_the_pdf_call_still_gives_one_named_symptom() -> None:
    figure = cycle_day_chart(days(), CYCLES, "nausea")
    assert [a.get_gid() for a in figure.axes] == ["panel:nausea"]
