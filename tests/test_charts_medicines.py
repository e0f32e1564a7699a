"""Charts of medicines and events (charts.medicines): doses a day as bars, events as markers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from matplotlib.dates import date2num
from matplotlib.figure import Figure

from symptomlog.analysis.daily import daily_values
from symptomlog.charts import symptom_chart, weight_chart
from symptomlog.charts.medicines import (
    MedicineMarks,
    event_label,
    mark_events,
    medicine_marks,
)
from symptomlog.domain import Dose, Entry, Event, Medicine
from symptomlog.domain.event import EventKind, Outcome

START = date(2026, 3, 1)
END = date(2026, 3, 28)
MORPHINE = Medicine("Oral morphine", "10 mg", True, "pain", 6, id=1)
ONDANSETRON = Medicine("Ondansetron", "8 mg", True, "nausea", 2, id=2)
MR = Medicine("Morphine MR", "20 mg", False, "pain", 2, id=3)


def dose(medicine: Medicine, day: date, hour: int) -> Dose:
    assert medicine.id is not None
    return Dose(medicine.id, datetime.combine(day, time(hour)))


def gids(figure: Figure, prefix: str) -> list:
    return [
        a
        for a in figure.findobj()
        if (getattr(a, "get_gid", lambda: None)() or "").startswith(prefix)
    ]


def marks(events: tuple[Event, ...] = ()) -> MedicineMarks:
    day = date(2026, 3, 10)
    doses = [dose(MORPHINE, day, h) for h in (3, 10, 15, 21)]
    doses += [dose(ONDANSETRON, day, 9), dose(MR, day, 8), dose(MR, day, 20)]
    doses += [dose(MORPHINE, day + timedelta(days=1), 12)]
    return medicine_marks([MORPHINE, ONDANSETRON, MR], doses, events, breakthrough_limit=3)


def days() -> dict:
    return daily_values(
        [
            Entry(datetime.combine(START + timedelta(d), time(9)), pain=3, nausea=1)
            for d in range(20)
        ]
    )


def test_as_needed_doses_are_counted_per_day_regular_ones_left_out() -> None:
    found = marks()
    assert found.pain_doses == {date(2026, 3, 10): 4, date(2026, 3, 11): 1}
    assert found.other_doses == {date(2026, 3, 10): 1}  # the regular MR doses are not counted
    assert found.has_doses(START, END)
    assert not found.has_doses(date(2026, 4, 1), date(2026, 4, 30))


def test_the_doses_panel_sits_under_pain_with_a_bar_per_day() -> None:
    figure = symptom_chart(days(), [], START, END, ("pain", "nausea"), marks=marks())
    order = [a.get_gid() for a in figure.axes]
    assert order == ["panel:pain", "panel:doses", "panel:nausea"]
    pain_bars = gids(figure, "doses:pain")
    heights = {round(b.get_x() + b.get_width() / 2): b.get_height() for b in pain_bars}
    assert heights[round(date2num(date(2026, 3, 10)))] == 4
    assert heights[round(date2num(date(2026, 3, 11)))] == 1
    other = [b for b in gids(figure, "doses:other") if b.get_height() > 0]
    assert len(other) == 1 and other[0].get_y() == 4  # stacked on the pain doses
    assert gids(figure, "dose-limit")  # the amber flag's line at 3 a day


def test_without_pain_ticked_the_doses_panel_is_last_and_without_doses_absent() -> None:
    figure = symptom_chart(days(), [], START, END, ("nausea",), marks=marks())
    assert [a.get_gid() for a in figure.axes] == ["panel:nausea", "panel:doses"]
    empty = medicine_marks([MORPHINE], [], ())
    figure = symptom_chart(days(), [], START, END, ("pain", "nausea"), marks=empty)
    assert [a.get_gid() for a in figure.axes] == ["panel:pain", "panel:nausea"]


def test_events_are_lines_on_every_panel_numbered_and_listed() -> None:
    call = Event(
        datetime(2026, 3, 12, 10, 0),
        EventKind.CALL,
        to_whom="24-hour line",
        outcome=Outcome.ADMITTED,
        flag_day=date(2026, 3, 12),
    )
    ercp = Event(datetime(2026, 3, 14, 15, 0), EventKind.PROCEDURE, note="ERCP, stent change")
    later = Event(datetime(2026, 4, 20, 9, 0), EventKind.SCAN, note="CT")
    figure = symptom_chart(
        days(), [], START, END, ("pain", "nausea"), marks=marks((call, ercp, later))
    )
    assert len(gids(figure, "event:1")) == 3  # on each of the three panels
    assert len(gids(figure, "event:2")) == 3
    assert not gids(figure, "event:3")  # outside the period
    [line] = gids(figure, "event:1")[:1]
    assert line.get_xdata()[0] == date2num(date(2026, 3, 12))
    [key] = gids(figure, "event-key")
    assert "1 12 Mar Call: admitted" in key.get_text()
    assert "2 14 Mar Procedure: ERCP, sten…" in key.get_text()  # kept short


def test_events_mark_the_other_charts_too() -> None:
    scan = Event(datetime(2026, 3, 5, 9, 0), EventKind.SCAN)
    figure = weight_chart(days(), None, START, END, [])
    assert mark_events(figure, [scan], START, END) == 1
    assert gids(figure, "event:1") and "Scan" in gids(figure, "event-key")[0].get_text()
    assert mark_events(figure, [scan], date(2026, 4, 1), date(2026, 4, 30)) == 0


def test_a_long_list_of_events_ends_with_how_many_more() -> None:
    many = [Event(datetime(2026, 3, 1 + d, 9), EventKind.OTHER, note=f"n{d}") for d in range(27)]
    figure = symptom_chart(days(), [], START, END, ("pain",), marks=marks(tuple(many)))
    text = gids(figure, "event-key")[0].get_text()
    assert text.rstrip().endswith("more (see History)")
    assert len(gids(figure, "event-number:")) == 27


def test_event_labels_are_short_words() -> None:
    assert event_label(Event(datetime(2026, 3, 1), EventKind.CALL)) == "Call"
    seen = Event(datetime(2026, 3, 1), EventKind.CALL, outcome=Outcome.SEEN)
    assert event_label(seen) == "Call: seen"
    assert event_label(Event(datetime(2026, 3, 1), EventKind.TRANSFUSION)) == "Transfusion"


def test_a_long_period_draws_the_doses_as_one_area_each_with_the_same_counts() -> None:
    """Five years of bars took 2.9 s to draw; past BARS_UP_TO_DAYS the counts are areas."""
    start = date(2025, 3, 1)
    figure = symptom_chart(days(), [], start, END, ("pain",), marks=marks())
    doses_axes = next(a for a in figure.axes if a.get_gid() == "panel:doses")
    assert not [p for p in doses_axes.patches if (p.get_gid() or "").startswith("doses:")]
    pain = [c for c in doses_axes.collections if c.get_gid() == "doses:pain"]
    other = [c for c in doses_axes.collections if c.get_gid() == "doses:other"]
    assert len(pain) == 1 and len(other) == 1
    pain_top = pain[0].get_paths()[0].vertices[:, 1].max()
    other_top = other[0].get_paths()[0].vertices[:, 1].max()
    assert (pain_top, other_top) == (4, 5)  # 4 for pain on 10 Mar, one more for nausea
