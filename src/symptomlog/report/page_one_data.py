"""What page 1 says, in words, before any layout: the two-minute read for a clinician.

Issue 19: on a 24-week diary the flag list ran over three pages, each two-amber
red repeated the ambers under it, and the three real events were buried. Here
each red event stands alone with its date, its place in the treatment
("L1 C3 D9"), the day's values and the patient's or carer's own words that day;
ambers are collapsed to one line per kind ("Tiredness ≥ 7 on 12 days, 3–21 Jun");
the treatment is every line so far; vomiting, temperature, jaundice and bowels
get one line each. Plain data and strings only (tested without a PDF).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from symptomlog.analysis.cycle_day import cycle_day, ordered
from symptomlog.analysis.flags import Flag, Level
from symptomlog.domain import ChemoCycle, Recorder
from symptomlog.domain.event import events_after_flag
from symptomlog.domain.fields import SIGNS, label_of
from symptomlog.domain.thresholds import THRESHOLD_BY_KEY, effective
from symptomlog.domain.words import plural
from symptomlog.report.summary import Note, ReportData

WORDS_MAX = 220
"""A day's words on page 1 are cut here (with "…"); "In their own words" keeps them whole."""


def span(first: date, last: date) -> str:
    """ "3–21 Jun", "28 May – 4 Jun", "12 Jun" (one day), with the year only across years."""
    if first == last:
        return f"{first.day} {first:%b}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%b}"
    if first.year == last.year:
        return f"{first.day} {first:%b} – {last.day} {last:%b}"
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"


@dataclass(frozen=True)
class TreatmentLine:
    """One line of treatment as page 1 lists it."""

    line: int
    regimens: tuple[str, ...]
    first: date
    last: date
    given: int
    """Cycles begun on or before the report's last day."""
    planned: int
    """Cycles planned after the report's last day."""
    now: str | None
    """ "L2 C3 D5" when the report's last day falls in this line, else None."""

    @property
    def text(self) -> str:
        cycles = plural(self.given, "cycle") if self.given else "not begun"
        more = f", {self.planned} more planned" if self.planned else ""
        if not self.given:
            when = f"from {self.first:%d %b %Y}"  # planned, nothing begun: no end to give
        else:
            when = f"{self.first:%d %b %Y} – " + ("now" if self.now else f"{self.last:%d %b %Y}")
        state = f" · now {self.now}" if self.now else ""
        return f"L{self.line} {' then '.join(self.regimens)}: {when} · {cycles}{more}{state}"


def treatment_lines(cycles: Sequence[ChemoCycle], end: date) -> list[TreatmentLine]:
    """Every line of treatment so far (and planned), oldest first.

    A line ends on the last day of its last cycle begun, or the day before the next
    line starts, whichever comes first (a new line ends the one before).
    """
    chain = ordered(cycles)
    lines = sorted(
        {c.line for c in chain}, key=lambda n: min(c.start for c in chain if c.line == n)
    )
    place = cycle_day(chain, end)
    result = []
    for index, number in enumerate(lines):
        own = [c for c in chain if c.line == number]
        begun = [c for c in own if c.start <= end]
        last = max(c.last_day for c in (begun or own))
        if index + 1 < len(lines):
            following = min(c.start for c in chain if c.line == lines[index + 1])
            last = min(last, following.fromordinal(following.toordinal() - 1))
        names = tuple(dict.fromkeys(c.regimen_name for c in own))
        now = place.label if place is not None and place.cycle.line == number else None
        result.append(
            TreatmentLine(number, names, own[0].start, last, len(begun), len(own) - len(begun), now)
        )
    return result


@dataclass(frozen=True)
class RedEvent:
    flag: Flag
    place: str
    """ "L1 C3 D9", or "" off treatment."""
    values: str
    """The day's other values a clinician asks first (temperature, vomits, pain…)."""
    words: tuple[Note, ...]


DAY_VALUES = (
    ("temperature_c", "temperature", " °C"),
    ("vomiting_episodes", "vomits", ""),
    ("pain", "pain", "/10"),
    ("nausea", "nausea", "/10"),
    ("fatigue", "tiredness", "/10"),
    ("itch", "itch", "/10"),
    ("stools_above_usual", "stools above usual", ""),
)


def _day_values(data: ReportData, day: date) -> str:
    values = data.days.get(day)
    if values is None:
        return ""
    parts = []
    for name, label, unit in DAY_VALUES:
        value = values.get(name)
        if value is not None and not isinstance(value, bool):
            parts.append(f"{label} {value:g}{unit}")
    signs = [s.label.lower() for s in SIGNS if values.get(s.name)]
    if signs:
        parts.append(", ".join(signs))
    return "; ".join(parts)


def red_events(data: ReportData) -> list[RedEvent]:
    """Each red flag of the period, oldest first, with the day's values and words."""
    events = []
    for flag in data.flags:
        if flag.level is not Level.RED:
            continue
        place = cycle_day(data.cycles, flag.day)
        words = tuple(n for n in data.notes if n.when.date() == flag.day)
        events.append(
            RedEvent(flag, place.label if place else "", _day_values(data, flag.day), words)
        )
    return events


def words_text(note: Note) -> str:
    """ "Shivery and hot this evening." — carer Tom, 20:00 (cut at WORDS_MAX)."""
    text = " ".join(note.text.split())
    if len(text) > WORDS_MAX:
        text = text[: WORDS_MAX - 1].rstrip() + "…"
    who = note.recorded_by.label.lower()
    if note.recorder_name and note.recorded_by is not Recorder.PATIENT:
        who += f" {note.recorder_name}"
    return f"“{text}” — {who}, {note.when:%H:%M}"


SEVERE_RULES = {"pain_severe": "pain", "nausea_severe": "nausea", "fatigue_severe": "fatigue"}
SEVERE_RULES |= {"itch_severe": "itch"}
GENERIC = {
    "vomiting": "Vomiting {low}–{high} times in 24 h (one entry)",
    "pain_rising": "Pain up by {pain_rise:g} or more within 3 days",
    "itch_rising": "Itch up by {itch_rise:g} or more within 3 days",
    "weight_from_baseline": "Weight down from baseline",
    "weight_30_days": "Weight down over 30 days",
    "breakthrough_doses": "{breakthrough_doses:g} or more as-needed doses for pain in 24 h",
}
"""Words for a rule raised on several days: never one day's numbers for all of them."""


@dataclass(frozen=True)
class AmberLine:
    first: date
    text: str


def amber_lines(data: ReportData) -> list[AmberLine]:
    """One line per kind of amber flag, oldest first: episodes of a severe score become
    "Tiredness ≥ 7 on 12 days, 3–21 Jun (6 episodes)"; a single flag keeps its own words."""
    limits = effective(data.profile.thresholds)
    groups: dict[str, list[Flag]] = {}
    for flag in data.flags:
        if flag.level is Level.AMBER:
            groups.setdefault(flag.rule, []).append(flag)
    lines = []
    for rule, flags in groups.items():
        first, last = flags[0].day, flags[-1].day
        item = SEVERE_RULES.get(rule)
        if item is not None:
            at = limits.get(rule, 7.0)
            days = sorted(d for d, v in data.days.items() if _number(v.get(item)) >= at)
            first, last = (days[0], days[-1]) if days else (first, last)
            episodes = sum(1 for f in flags if "start of an episode" in f.title)
            text = f"{label_of(item)} ≥ {at:g} on {plural(len(days), 'day')}, {span(first, last)}"
            if episodes > 1:
                text += f" ({episodes} episodes)"
        elif len(flags) == 1:
            text = f"{flags[0].title}, {span(first, first)}"
        else:
            text = (
                f"{_generic(rule, flags, limits)} on {plural(len({f.day for f in flags}), 'day')}, "
            )
            text += span(first, last)
        lines.append(AmberLine(first, text))
    return sorted(lines, key=lambda a: a.first)


def _generic(rule: str, flags: list[Flag], limits: dict[str, float]) -> str:
    if rule == "vomiting":
        counts = [int(f.values.get("vomiting_episodes", "0")) for f in flags]
        return GENERIC[rule].format(low=min(counts), high=max(counts))
    if rule in GENERIC:
        return GENERIC[rule].format(**limits)
    titles = {f.title for f in flags}
    if len(titles) == 1:
        return flags[0].title
    return f"{flags[0].title} (the first of them)"  # another day's numbers differ


def _number(value: object) -> float:
    return -1.0 if value is None or isinstance(value, bool) else float(value)  # type: ignore[arg-type]


def _days_with(data: ReportData, name: str) -> list[tuple[date, float]]:
    return [
        (d, _number(v.get(name))) for d, v in sorted(data.days.items()) if v.get(name) is not None
    ]


def vomiting_line(data: ReportData) -> str:
    seen = _days_with(data, "vomiting_episodes")
    if not seen:
        return "not recorded in the period"
    some = [(d, v) for d, v in seen if v > 0]
    if not some:
        return f"none (recorded on {plural(len(seen), 'day')})"
    worst_day, worst = max(some, key=lambda s: s[1])
    return (
        f"on {plural(len(some), 'day')} of {len(seen)} recorded; most in one entry "
        f"{worst:g} ({worst_day.day} {worst_day:%b})"
    )


def temperature_line(data: ReportData) -> str:
    seen = _days_with(data, "temperature_c")
    if not seen:
        return "not recorded in the period"
    fever = effective(data.profile.thresholds)["fever_c"]
    high_day, high = max(seen, key=lambda s: s[1])  # a day's value is its highest reading
    low_day, low = min(  # so the lowest is looked for among every reading
        (
            (e.recorded_at.date(), e.temperature_c)
            for e in data.entries
            if e.temperature_c is not None
        ),
        key=lambda s: s[1],
    )
    hot = [d for d, v in seen if v >= fever]
    text = f"highest {high:.1f} °C ({high_day.day} {high_day:%b})"
    place = cycle_day(data.cycles, high_day)
    if place is not None:
        text += f" {place.label}"
    text += f", lowest {low:.1f} °C ({low_day.day} {low_day:%b}); "
    text += f"≥ {fever:g} °C on {plural(len(hot), 'day')}" if hot else f"never ≥ {fever:g} °C"
    return text + f" (recorded on {plural(len(seen), 'day')})"


def jaundice_line(data: ReportData) -> str:
    parts = []
    for sign in SIGNS:
        yes = [d for d, v in sorted(data.days.items()) if v.get(sign.name)]
        if yes:
            parts.append(
                f"{sign.label.lower()} on {plural(len(yes), 'day')} ({span(yes[0], yes[-1])})"
            )
    asked = sum(1 for v in data.days.values() if any(v.get(s.name) is not None for s in SIGNS))
    itch = _days_with(data, "itch")
    if itch:
        day, worst = max(itch, key=lambda s: s[1])
        parts.append(f"itch worst {worst:g}/10 ({day.day} {day:%b})")
    if not parts and not asked:
        return "no signs recorded in the period"
    return "; ".join(parts) if parts else f"no signs (asked on {plural(asked, 'day')})"


def bowels_line(data: ReportData) -> str:
    parts = []
    for name, label in (
        ("stools_above_usual", "stools above usual"),
        ("days_since_bowels_opened", "days since bowels opened"),
    ):
        seen = _days_with(data, name)
        if seen:
            day, worst = max(seen, key=lambda s: s[1])
            parts.append(f"{label} most {worst:g} ({day.day} {day:%b})")
    return "; ".join(parts) if parts else "not recorded in the period"


def completeness_line(data: ReportData) -> str:
    days = data.period_days
    with_entry = days - data.days_without_entry
    gap = longest_gap(data)
    text = (
        f"Entries on {with_entry} of {days} days ({100 * with_entry / days:.0f} %): "
        f"{data.count_by(Recorder.PATIENT)} by the patient, {data.count_by(Recorder.CARER)} "
        "by a carer"
    )
    if data.count_by(Recorder.CLINICIAN):
        text += f", {data.count_by(Recorder.CLINICIAN)} by a clinician"
    return text + (f"; longest gap {plural(gap, 'day')}" if gap else "; no day missed")


def longest_gap(data: ReportData) -> int:
    longest = run = 0
    for offset in range(data.period_days):
        day = date.fromordinal(data.start.toordinal() + offset)
        run = 0 if day in data.days else run + 1
        longest = max(longest, run)
    return longest


def thresholds_text(data: ReportData) -> list[tuple[str, bool]]:
    """Each threshold in force as "Label value unit", and whether it differs from the default."""
    overrides = data.profile.thresholds
    result = []
    for key, value in effective(overrides).items():
        threshold = THRESHOLD_BY_KEY[key]
        changed = key in overrides and value != threshold.default
        text = f"{threshold.label} {value:g} {threshold.unit}".strip()
        if changed:
            text += f" (changed; default {threshold.default:g})"
        result.append((text, changed))
    return result


def after_flag(data: ReportData, flag: Flag) -> str:
    """What happened after a red flag: the calls and other events recorded for it, or
    "no call recorded" (issue 17: an alert nobody follows up changes nothing)."""
    found = events_after_flag(data.events, flag.day, flag.rule)
    if not found:
        return "After it: no call recorded."
    return "After it: " + "; ".join(f"{e.when:%d %b %H:%M} {e.summary}" for e in found) + "."


@dataclass(frozen=True)
class MedicineLines:
    regular: str
    as_needed: str
    breakthrough: str


def medicine_lines(data: ReportData) -> MedicineLines | None:
    """The medicines on the list on the report's last day, regular and as needed, and the
    breakthrough (as-needed for pain) doses per day over the period: mean and most."""
    from symptomlog.domain.doses import breakthrough_per_day, per_day_summary

    now = [m for m in data.medicines if m.taken_on(data.end)]
    if not now and not data.doses:
        return None
    regular = [m.label for m in now if not m.as_needed]
    needed = [f"{m.label} (for {m.purpose.value})" for m in now if m.as_needed]
    counts = breakthrough_per_day(data.doses, data.medicines)
    days = [date.fromordinal(data.start.toordinal() + i) for i in range(data.period_days)]
    mean, most = per_day_summary(counts, days)
    if any(m.is_breakthrough for m in data.medicines):
        busiest = max(counts, key=lambda d: (counts[d], d)) if counts else None
        when = f" ({busiest.day} {busiest:%b})" if busiest else ""
        breakthrough = f"mean {mean:.1f} a day, most {most} in a day{when}"
    else:
        breakthrough = "no as-needed medicine for pain on the list"
    return MedicineLines("; ".join(regular) or "none", "; ".join(needed) or "none", breakthrough)


def event_lines(data: ReportData) -> list[str]:
    """The events of the period (a call, an admission, an ERCP…), oldest first."""
    return [f"{e.when:%d %b %H:%M} {e.summary}" for e in data.events if e.when.date() <= data.end]
