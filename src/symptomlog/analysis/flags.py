"""Red flags: the values that should make a patient or carer ring the 24-hour line.

The rules, levels and sources are those of ../shared/CLINICAL.md, with each
threshold editable per patient (``Profile.thresholds``). The rules work on whole
days: the day's highest temperature (and lowest, for the low-temperature rule),
the sum of its vomiting episodes, its worst scores, any jaundice sign seen that
day. Rules about a state that lasts (weight loss) flag the day it begins, not every
day after; rules about a day's symptoms flag every day they occur.

This is guidance for the patient, not triage and not a diagnosis: every message
says so, and says to follow the care team's own advice where it differs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from symptomlog.analysis.cycle_day import last_dose_before
from symptomlog.analysis.daily import Day, daily_values
from symptomlog.analysis.trends import item_values
from symptomlog.analysis.weight import baseline
from symptomlog.domain import ChemoCycle, Entry, Profile
from symptomlog.domain import thresholds as th
from symptomlog.domain.fields import ESAS_SCALES, label_of

GUIDANCE = "This is guidance, not a diagnosis: follow your care team's own advice where it differs."
JAUNDICE_SIGNS = ("yellow_eyes", "yellow_skin", "dark_urine", "pale_stools")


class Level(StrEnum):
    """How soon to act: red now, amber today, info at the next contact."""

    RED = "red"
    AMBER = "amber"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"red": 0, "amber": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Flag:
    """One rule tripped on one day, with the values that tripped it."""

    day: date
    level: Level
    rule: str
    title: str
    values: dict[str, str] = field(default_factory=dict)
    source: str = ""
    message: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "level": self.level.value,
            "rule": self.rule,
            "title": self.title,
            "values": self.values,
            "message": self.message,
            "source": self.source,
        }


def action_for(level: Level, profile: Profile, rule: str = "") -> str:
    """What to do, with the 24-hour number when one is stored."""
    contact = profile.line_24h
    if level is Level.RED:
        if contact is None:
            return (
                "Call your hospital's 24-hour line now. No number is stored in this diary: "
                "add it in the Profile."
            )
        return f"Call your 24-hour line now: {contact.phone} ({contact.name})."
    if level is Level.AMBER:
        if rule.startswith("itch"):
            return "Report it to your care team within 24 hours."
        return "Tell your care team today; ring the 24-hour line if you are worried."
    return "Mention it to your care team at your next contact."


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    text = f"{value:g}"
    return f"{text} {unit}".strip()


@dataclass
class _Context:
    """What every rule reads: days, thresholds, cycles, profile."""

    days: dict[date, Day]
    low_temps: dict[date, float]
    cycles: Sequence[ChemoCycle]
    profile: Profile
    limits: dict[str, float]
    flags: list[Flag] = field(default_factory=list)

    def add(
        self, day: date, level: Level, rule: str, title: str, source: str, **values: str
    ) -> None:
        message = f"{title}. {action_for(level, self.profile, rule)} {GUIDANCE}"
        self.flags.append(Flag(day, level, rule, title, dict(values), source, message))

    def value(self, day: date, name: str) -> float | None:
        entry = self.days.get(day)
        raw = entry.get(name) if entry else None
        return None if raw is None else float(raw)

    def any_sign(self, day: date, names: Iterable[str]) -> bool:
        entry = self.days.get(day)
        return bool(entry) and any(entry.get(n) for n in names)  # type: ignore[union-attr]

    def on_chemo(self, day: date) -> bool:
        dose = last_dose_before(self.cycles, day)
        return dose is not None and (day - dose).days <= self.limits["chemo_window_days"]


def _temperature(ctx: _Context, day: date) -> None:
    high = ctx.value(day, "temperature_c")
    low = ctx.low_temps.get(day)
    fever = ctx.limits["fever_c"]
    cold = ctx.limits["low_temp_c"]
    if high is not None and high >= fever:
        reading, what = high, f"Temperature {high:g} °C (at or above {fever:g} °C)"
    elif low is not None and low < cold:
        reading, what = low, f"Temperature {low:g} °C (below {cold:g} °C)"
    else:
        return
    if ctx.on_chemo(day):
        dose = last_dose_before(ctx.cycles, day)
        days_since = (day - dose).days if dose else 0
        ctx.add(
            day,
            Level.RED,
            "temperature",
            f"{what}, {days_since} days after chemotherapy",
            th.SOURCE_ALERT_CARD,
            temperature_c=_fmt(reading),
            days_since_dose=str(days_since),
        )
    else:
        ctx.add(
            day,
            Level.AMBER,
            "temperature_off_chemo",
            f"{what}, not on chemotherapy",
            th.SOURCE_ALERT_CARD,
            temperature_c=_fmt(reading),
        )


def _vomiting(ctx: _Context, day: date) -> None:
    count = ctx.value(day, "vomiting_episodes")
    if count is None:
        return
    if count >= ctx.limits["vomiting_red"]:
        ctx.add(
            day,
            Level.RED,
            "vomiting",
            f"{count:g} vomiting episodes in 24 hours",
            th.SOURCE_VOMIT_RED,
            vomiting_episodes=_fmt(count),
        )
    elif count >= ctx.limits["vomiting_amber"]:
        ctx.add(
            day,
            Level.AMBER,
            "vomiting",
            f"{count:g} vomiting episodes in 24 hours",
            th.SOURCE_VOMIT_AMBER,
            vomiting_episodes=_fmt(count),
        )


def _seen_before(ctx: _Context, day: date, check: object) -> bool:
    span = th.JAUNDICE_NEW_DAYS
    return any(check(day - timedelta(days=i)) for i in range(1, span + 1))  # type: ignore[operator]


def _jaundice(ctx: _Context, day: date) -> None:
    def yellow(d: date) -> bool:
        return ctx.any_sign(d, ("yellow_eyes", "yellow_skin"))

    def urine_and_stools(d: date) -> bool:
        entry = ctx.days.get(d)
        return bool(entry and entry.get("dark_urine") and entry.get("pale_stools"))

    if yellow(day) and not _seen_before(ctx, day, yellow):
        signs = [label_of(n) for n in ("yellow_eyes", "yellow_skin") if ctx.any_sign(day, [n])]
        ctx.add(
            day,
            Level.RED,
            "new_jaundice",
            f"New jaundice: {', '.join(signs).lower()}",
            th.SOURCE_JAUNDICE,
            signs=", ".join(signs),
        )
    if urine_and_stools(day) and not _seen_before(ctx, day, urine_and_stools):
        ctx.add(
            day,
            Level.RED,
            "new_dark_urine_pale_stools",
            "New dark urine with pale stools",
            th.SOURCE_JAUNDICE,
            signs="dark urine, pale stools",
        )
    high = ctx.value(day, "temperature_c")
    if high is not None and high >= ctx.limits["fever_c"] and ctx.any_sign(day, JAUNDICE_SIGNS):
        signs = [label_of(n).lower() for n in JAUNDICE_SIGNS if ctx.any_sign(day, [n])]
        ctx.add(
            day,
            Level.RED,
            "jaundice_with_fever",
            f"Jaundice ({', '.join(signs)}) with a temperature of {high:g} °C",
            th.SOURCE_CHARCOT,
            temperature_c=_fmt(high),
            signs=", ".join(signs),
        )


def _rise(ctx: _Context, day: date, name: str) -> tuple[float, float] | None:
    """Today's score and the lowest of the previous three days, if it rose that much."""
    today = ctx.value(day, name)
    before = [ctx.value(day - timedelta(days=i), name) for i in range(1, th.RISE_WINDOW_DAYS + 1)]
    earlier = [v for v in before if v is not None]
    if today is None or not earlier:
        return None
    return today, min(earlier)


def _severe_or_rising(ctx: _Context, day: date, name: str, source: str) -> None:
    """A score at the severe threshold, or else one that rose fast (pain, itch)."""
    score = ctx.value(day, name)
    rise = _rise(ctx, day, name)
    label = label_of(name)
    if score is not None and score >= ctx.limits[f"{name}_severe"]:
        ctx.add(
            day,
            Level.AMBER,
            f"{name}_severe",
            f"{label} {score:g}/10 (severe)",
            source,
            **{name: _fmt(score)},
        )
    elif rise and rise[0] - rise[1] >= ctx.limits[f"{name}_rise"]:
        ctx.add(
            day,
            Level.AMBER,
            f"{name}_rising",
            f"{label} up from {rise[1]:g} to {rise[0]:g} within {th.RISE_WINDOW_DAYS} days",
            source,
            **{name: _fmt(rise[0]), f"{name}_before": _fmt(rise[1])},
        )


def _severe_scores(ctx: _Context, day: date) -> None:
    _severe_or_rising(ctx, day, "pain", th.SOURCE_SEVERE)
    for name, key in (("nausea", "nausea_severe"), ("fatigue", "fatigue_severe")):
        score = ctx.value(day, name)
        if score is not None and score >= ctx.limits[key]:
            ctx.add(
                day,
                Level.AMBER,
                key,
                f"{label_of(name)} {score:g}/10 (severe)",
                th.SOURCE_SEVERE,
                **{name: _fmt(score)},
            )
    high = ctx.value(day, "temperature_c")
    if high is not None and high >= ctx.limits["fever_c"]:
        return  # itch with fever: the temperature and jaundice rules speak for that day
    _severe_or_rising(ctx, day, "itch", th.SOURCE_ITCH)


def _weight(ctx: _Context, weights: dict[date, float]) -> None:
    """Weight flags when a loss is first reached, not on every weighing after.

    Weighings wobble by a few hundred grams, so a loss that hovers at the threshold
    would flag again and again: the 30-day rule re-arms only 30 days after it last
    flagged, and the baseline rule flags again only at each further 5 % of loss.
    """
    base = baseline(ctx.profile, weights)
    last_30d: date | None = None
    next_base = ctx.limits["weight_baseline_pct"]
    for day in sorted(weights):
        kg = weights[day]
        window = [d for d in weights if day - timedelta(days=30) <= d < day]
        if window and (last_30d is None or (day - last_30d).days > 30):
            first = weights[min(window)]
            drop = round(100.0 * (first - kg) / first, 1)  # as read: to one decimal
            if drop >= ctx.limits["weight_30d_pct"]:
                last_30d = day
                ctx.add(
                    day,
                    Level.AMBER,
                    "weight_30_days",
                    f"Weight down {drop:.1f} % in 30 days ({first:g} to {kg:g} kg)",
                    th.SOURCE_WEIGHT,
                    weight_kg=_fmt(kg),
                    weight_30_days_ago=_fmt(first),
                )
        if base is not None:
            loss = round(100.0 * (base[0] - kg) / base[0], 1)
            if loss >= next_base:
                while loss >= next_base:
                    next_base += 5
                ctx.add(
                    day,
                    Level.AMBER,
                    "weight_from_baseline",
                    f"Weight down {loss:.1f} % from baseline ({base[0]:g} to {kg:g} kg)",
                    th.SOURCE_WEIGHT,
                    weight_kg=_fmt(kg),
                    baseline_kg=_fmt(base[0]),
                )


def _trend(ctx: _Context, day: date) -> None:
    for scale in ESAS_SCALES:
        today = ctx.value(day, scale.name)
        if today is None:
            continue
        earlier = (ctx.value(day - timedelta(days=i), scale.name) for i in range(1, 8))
        week = [v for v in earlier if v is not None]  # the seven days before, by date lookup
        if len(week) < 3:
            continue  # too few days for a mean worth comparing against
        mean = sum(week) / len(week)
        if mean is not None and today - mean >= th.TREND_RISE:
            ctx.add(
                day,
                Level.INFO,
                f"trend_{scale.name}",
                f"{scale.label} {today:g}, up from a 7-day mean of {mean:.1f}",
                th.SOURCE_TREND,
                **{scale.name: _fmt(today), "mean_7_days": f"{mean:.1f}"},
            )


def _two_ambers(ctx: _Context) -> None:
    by_day: dict[date, list[Flag]] = {}
    for flag in ctx.flags:
        if flag.level is Level.AMBER:
            by_day.setdefault(flag.day, []).append(flag)
    for day, ambers in by_day.items():
        if len(ambers) >= 2:
            titles = "; ".join(f.title for f in ambers)
            ctx.add(
                day,
                Level.RED,
                "two_ambers",
                f"Two or more warning signs on one day ({titles})",
                th.SOURCE_ACUTE_PAIR,
                rules=", ".join(f.rule for f in ambers),
            )


def find_flags(
    entries: Iterable[Entry],
    cycles: Sequence[ChemoCycle],
    profile: Profile,
    start: date | None = None,
    end: date | None = None,
) -> list[Flag]:
    """Every flag from ``start`` to ``end`` (inclusive), oldest first, red before amber on a day.

    Pass all entries, not only the period's: "new" jaundice, rises and weight change
    look back before the first day of the period.
    """
    entry_list = list(entries)
    days = daily_values(entry_list)
    low_temps: dict[date, float] = {}
    for entry in entry_list:
        if entry.temperature_c is not None:
            day = entry.recorded_at.date()
            low_temps[day] = min(low_temps.get(day, entry.temperature_c), entry.temperature_c)
    ctx = _Context(days, low_temps, cycles, profile, th.effective(profile.thresholds))
    for day in sorted(days):
        _temperature(ctx, day)
        _vomiting(ctx, day)
        _jaundice(ctx, day)
        _severe_scores(ctx, day)
        _trend(ctx, day)
    _weight(ctx, item_values(days, "weight_kg"))
    _two_ambers(ctx)
    chosen = [
        f for f in ctx.flags if (start is None or f.day >= start) and (end is None or f.day <= end)
    ]
    return sorted(chosen, key=lambda f: (f.day, f.level.rank, f.rule))


def at_least(flags: Iterable[Flag], level: Level) -> list[Flag]:
    """The flags at ``level`` or more urgent."""
    return [f for f in flags if f.level.rank <= level.rank]
