"""As-needed doses per day as bars under the pain line, and events as labelled markers.

Why: a palliative team reads pain together with how many breakthrough doses it
took to hold it, and a trend often turns at an event (an admission, an ERCP and
stent change, a scan). Bars keep doses apart from the 0–10 scores (another unit);
events are vertical dashed lines across every panel, labelled in words at the top,
so they read without colour. Plain data in, matplotlib artists out; no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from symptomlog.analysis.daily import calendar
from symptomlog.charts.builders import _reference_line, x, xs
from symptomlog.charts.fit import TITLE_Y
from symptomlog.charts.style import OKABE_ITO
from symptomlog.domain import Dose, Event, Medicine
from symptomlog.domain.doses import breakthrough_ids
from symptomlog.domain.event import EventKind

PAIN_COLOUR = OKABE_ITO[3]  # blue
OTHER_COLOUR = OKABE_ITO[1]  # sky blue, hatched as well
EVENT_COLOUR = OKABE_ITO[4]  # vermillion
LABEL_CHARS = 22
KEY_LEVELS = 4
PANEL_TITLE = "As-needed doses a day"
KEY_WORDS = "solid: for pain; hatched: for other symptoms"
BARS_UP_TO_DAYS = 200
"""Longer periods draw the dose counts as areas (see ``_draw_dose_areas``)."""


@dataclass(frozen=True)
class MedicineMarks:
    """What the charts draw besides the entries: doses per day and the events."""

    pain_doses: Mapping[date, int] = field(default_factory=dict)
    """As-needed doses for pain (breakthrough) on each day that had any."""
    other_doses: Mapping[date, int] = field(default_factory=dict)
    """The other as-needed doses (sickness, breathlessness…) on each day."""
    events: Sequence[Event] = ()
    breakthrough_limit: float | None = None
    """The amber flag's doses a day (the profile's threshold), drawn as a guide."""

    def has_doses(self, start: date, end: date) -> bool:
        return any(start <= d <= end for d in (*self.pain_doses, *self.other_doses))

    def events_between(self, start: date, end: date) -> list[Event]:
        return [e for e in self.events if start <= e.when.date() <= end]


def medicine_marks(
    medicines: Iterable[Medicine],
    doses: Iterable[Dose],
    events: Sequence[Event] = (),
    breakthrough_limit: float | None = None,
) -> MedicineMarks:
    """Count the as-needed doses per day, for pain apart from the others."""
    listed = list(medicines)
    pain = breakthrough_ids(listed)
    as_needed = {m.id for m in listed if m.as_needed}
    pain_days: dict[date, int] = {}
    other_days: dict[date, int] = {}
    for dose in doses:
        if dose.medicine_id in pain:
            counts = pain_days
        elif dose.medicine_id in as_needed:
            counts = other_days
        else:
            continue  # regular doses are taken by the clock, not by the symptom
        day = dose.taken_at.date()
        counts[day] = counts.get(day, 0) + 1
    return MedicineMarks(pain_days, other_days, tuple(events), breakthrough_limit)


def _draw_dose_areas(axes: Axes, period: list[date], pain: list[int], other: list[int]) -> None:
    """The same counts as one stepped area each (for pain, then the others above): over
    five years a bar per day is 3,600 shapes that took 2.9 s to draw (``make bench``),
    and at that width a bar is a pixel, so the area looks the same."""
    at = xs(period)
    if any(pain):
        axes.fill_between(at, 0, pain, step="mid", color=PAIN_COLOUR, linewidth=0, gid="doses:pain")
    if any(other):
        total = [p + o for p, o in zip(pain, other, strict=True)]
        axes.fill_between(
            at,
            pain,
            total,
            step="mid",
            color=OTHER_COLOUR,
            hatch="///",
            edgecolor="white",
            linewidth=0,
            gid="doses:other",
        )


def draw_doses(axes: Axes, marks: MedicineMarks, start: date, end: date) -> None:
    """Bars of as-needed doses per day (for pain, then the others stacked above)."""
    period = calendar(start, end)
    pain = [marks.pain_doses.get(d, 0) for d in period]
    other = [marks.other_doses.get(d, 0) for d in period]
    axes.set_gid("panel:doses")
    if len(period) > BARS_UP_TO_DAYS:
        _draw_dose_areas(axes, period, pain, other)
    elif any(pain):
        bars = axes.bar(xs(period), pain, width=0.8, color=PAIN_COLOUR, label="for pain")
        for bar in bars:
            bar.set_gid("doses:pain")
    if any(other) and len(period) <= BARS_UP_TO_DAYS:
        bars = axes.bar(
            xs(period),
            other,
            bottom=pain,
            width=0.8,
            color=OTHER_COLOUR,
            hatch="///",
            edgecolor="white",
            linewidth=0,
            label="other as needed",
        )
        for bar in bars:
            bar.set_gid("doses:other")
    top = max([p + o for p, o in zip(pain, other, strict=True)] or [0])
    limit = marks.breakthrough_limit
    axes.set_ylim(0, max(3, top, limit or 0) + 0.8)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=3))
    axes.tick_params(axis="y", labelsize=8)
    if limit is not None:
        _reference_line(axes, limit, f"{limit:g} for pain: amber", ":", end, gid="dose-limit")
    axes.set_title(PANEL_TITLE, loc="left", fontsize=9, fontweight="bold", y=TITLE_Y)
    if any(other):
        axes.set_title(KEY_WORDS, loc="right", fontsize=7, y=TITLE_Y)


def event_label(event: Event) -> str:
    """A few words for the marker: "Call: admitted", "Procedure: ERCP, stent c…"."""
    if event.kind is EventKind.CALL:
        text = f"Call: {event.outcome.label.lower()}" if event.outcome else "Call"
    else:
        text = f"{event.kind.label}: {event.note}" if event.note else event.kind.label
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def _levels(days: Sequence[date], span: int) -> list[int]:
    """The height of each event's number: one step down from a close neighbour, so numbers
    of events a few days apart do not sit on each other."""
    near = max(1, span // 30)
    levels: list[int] = []
    for index, day in enumerate(days):
        close = index > 0 and (day - days[index - 1]).days <= near
        levels.append((levels[-1] + 1) % KEY_LEVELS if close else 0)
    return levels


def mark_events(figure: Figure, events: Sequence[Event], start: date, end: date) -> int:
    """A dashed line at each event's day on every panel, numbered on the top panel, and the
    numbered list beside it ("1 27 Jun Call: admitted"). Returns how many were marked.

    Numbers and a list, not labels on the lines: events cluster (a call, an admission
    and an ERCP within three days) and labels there would cover each other."""
    shown = sorted((e for e in events if start <= e.when.date() <= end), key=lambda e: e.when)
    panels = [a for a in figure.axes if a.get_visible()]
    if not shown or not panels:
        return 0
    top = max(panels, key=lambda a: a.get_position().y1)
    levels = _levels([e.when.date() for e in shown], (end - start).days + 1)
    for number, (event, level) in enumerate(zip(shown, levels, strict=True), start=1):
        where = x(event.when.date())
        for axes in panels:
            axes.axvline(
                where,
                color=EVENT_COLOUR,
                linestyle="--",
                linewidth=1.1,
                zorder=1,
                gid=f"event:{number}",
            )
        top.text(
            where,
            0.97 - 0.24 * level,
            str(number),
            transform=top.get_xaxis_transform(),
            va="top",
            ha="center",
            fontsize=7,
            fontweight="bold",
            color=EVENT_COLOUR,
            bbox={"boxstyle": "circle,pad=0.15", "facecolor": "white", "edgecolor": EVENT_COLOUR},
            gid=f"event-number:{number}",
        )
    lines = [f"{n} {e.when:%d %b} {event_label(e)}" for n, e in enumerate(shown, start=1)]
    room = _key_lines(figure, len(panels))
    if len(lines) > room:
        lines = [*lines[: room - 1], f"+ {len(lines) - room + 1} more (see History)"]
    top.text(
        1.01,
        1.0,
        "Events:\n" + "\n".join(lines),
        transform=top.transAxes,
        va="top",
        ha="left",
        fontsize=7,
        color=EVENT_COLOUR,
        clip_on=False,
        gid="event-key",
    )
    return len(shown)


def _key_lines(figure: Figure, panels: int) -> int:
    """How many lines of the list fit beside the top panel (at the figure's size)."""
    height = figure.get_size_inches()[1]
    panel = max(0.6, (height - 1.0) / max(1, panels))
    return max(3, int(panel / (1.45 * 7 / 72)) - 1)
