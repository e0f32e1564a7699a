"""The rules of CLINICAL.md's flag table, one function each, over a ``Context``.

Each rule says which entries raised it, so the entry is marked, not the day.
Readings are judged per entry: "vomiting episodes in the last 24 h" is a count
each entry makes on its own, so two entries are never added up (the largest
counts); a temperature is its own reading.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta

from symptomlog.analysis import flag_rules_beyond, flag_rules_lasting
from symptomlog.analysis.flag_types import Context, Level
from symptomlog.analysis.flag_words import days_after, short_date
from symptomlog.analysis.weight import baseline_of
from symptomlog.domain import thresholds as th
from symptomlog.domain.fields import ESAS_SCALES, label_of
from symptomlog.domain.words import times

JAUNDICE_SIGNS = ("yellow_eyes", "yellow_skin", "dark_urine", "pale_stools")
YELLOW = ("yellow_eyes", "yellow_skin")
SEVERE_SCORES = (
    ("pain", th.SOURCE_SEVERE),
    ("nausea", th.SOURCE_SEVERE),
    ("fatigue", th.SOURCE_SEVERE),
    ("itch", th.SOURCE_ITCH),
)
WHY_SEVERE = {
    "pain": "Pain this bad needs a review of your pain relief.",
    "nausea": "Sickness this bad needs a review of your anti-sickness medicine.",
    "fatigue": "Tiredness this bad is worth a review.",
    "itch": "Itching this bad can mean jaundice is getting worse.",
}


def _fmt(value: float) -> str:
    return f"{value:g}"


def fever(ctx: Context, day: date) -> bool:
    """A reading at or above the fever threshold that day."""
    high = ctx.highest(day, "temperature_c")
    return high is not None and high[0] >= ctx.limits["fever_c"]


def temperature(ctx: Context, day: date) -> None:
    """Fever or a low temperature: red on chemotherapy or with a stent, else amber (acute)."""
    high = ctx.highest(day, "temperature_c")
    low = ctx.lowest(day, "temperature_c")
    if high is not None and high[0] >= ctx.limits["fever_c"]:
        reading, entry, kind = high[0], high[1], "fever"
        what = f"Temperature {reading:g} °C (at or above {ctx.limits['fever_c']:g} °C)"
    elif low is not None and low[0] < ctx.limits["low_temp_c"]:
        reading, entry, kind = low[0], low[1], "low"
        what = f"Temperature {reading:g} °C (below {ctx.limits['low_temp_c']:g} °C)"
    else:
        return
    since = ctx.days_since_drug(day)
    values = {"temperature_c": _fmt(reading)}
    if ctx.on_chemo(day) and since is not None:
        why = (
            f"A temperature of {reading:g} °C {days_after(since)} chemotherapy can mean an "
            "infection that needs antibiotics within the hour."
        )
        ctx.add(
            day,
            Level.RED,
            "temperature",
            f"{what}, {since} days after a drug day",
            why,
            th.SOURCE_ALERT_CARD,
            [entry],
            values={**values, "days_since_dose": str(since)},
        )
    elif kind == "fever" and ctx.profile.stent:
        why = (
            f"A temperature of {reading:g} °C with a stent in the bile duct can mean the stent "
            "is blocked and infected, which needs treatment quickly."
        )
        ctx.add(
            day,
            Level.RED,
            "temperature_stent",
            f"{what}, biliary stent in place",
            why,
            th.SOURCE_STENT,
            [entry],
            values=values,
        )
    else:
        why = f"A temperature of {reading:g} °C can be a sign of an infection."
        ctx.add(
            day,
            Level.AMBER,
            "temperature_off_chemo",
            f"{what}, not on chemotherapy",
            why,
            th.SOURCE_ALERT_CARD,
            [entry],
            acute=True,
            values=values,
        )


def vomiting(ctx: Context, day: date) -> None:
    """The largest count any one entry reports for the last 24 hours (never a sum)."""
    largest = ctx.highest(day, "vomiting_episodes")
    if largest is None:
        return
    count, entry = largest
    title = f"Vomited {times(count)} in 24 hours (one entry)"
    values = {"vomiting_episodes": _fmt(count)}
    if count >= ctx.limits["vomiting_red"]:
        why = f"Being sick {times(count)} in 24 hours can quickly dry the body out."
        ctx.add(day, Level.RED, "vomiting", title, why, th.SOURCE_VOMIT_RED, [entry], values=values)
    elif count >= ctx.limits["vomiting_amber"]:
        why = (
            f"Being sick {times(count)} in 24 hours needs a review of your anti-sickness medicine."
        )
        ctx.add(
            day,
            Level.AMBER,
            "vomiting",
            title,
            why,
            th.SOURCE_VOMIT_AMBER,
            [entry],
            acute=True,
            values=values,
        )


def _seen_before(ctx: Context, day: date, names: tuple[str, ...], together: bool) -> bool:
    for back in range(1, th.JAUNDICE_NEW_DAYS + 1):
        earlier = ctx.by_day.get(day - timedelta(days=back), ())
        if together and any(all(getattr(e, n) for n in names) for e in earlier):
            return True
        if not together and any(any(getattr(e, n) for n in names) for e in earlier):
            return True
    return False


def jaundice(ctx: Context, day: date) -> None:
    """New yellowing, or new dark urine with pale stools: one red (one event, one flag)."""
    yellow = ctx.with_sign(day, YELLOW)
    new_yellow = bool(yellow) and not _seen_before(ctx, day, YELLOW, together=False)
    both = [e for e in ctx.by_day.get(day, ()) if e.dark_urine and e.pale_stools]
    urine = ("dark_urine", "pale_stools")
    new_urine = bool(both) and not _seen_before(ctx, day, urine, together=True)
    if new_yellow:
        rule = "new_jaundice"
        why = "New yellowing of the eyes or skin can mean the bile duct or stent is blocked."
    elif new_urine:
        rule = "new_dark_urine_pale_stools"
        why = "Dark urine with pale stools, new this week, can mean the bile duct is blocked."
    else:
        return
    signs = [label_of(n) for n in YELLOW if new_yellow and any(getattr(e, n) for e in yellow)]
    signs += ["Dark urine", "Pale stools"] if new_urine else []
    ctx.add(
        day,
        Level.RED,
        rule,
        f"New jaundice signs: {', '.join(signs).lower()}",
        why,
        th.SOURCE_JAUNDICE,
        [*(yellow if new_yellow else []), *(both if new_urine else [])],
        values={"signs": ", ".join(signs)},
    )


def jaundice_with_fever(ctx: Context, day: date) -> None:
    """Any jaundice sign with a fever: one red that replaces the day's temperature flag."""
    signs_seen = ctx.with_sign(day, JAUNDICE_SIGNS)
    high = ctx.highest(day, "temperature_c")
    if not signs_seen or high is None or high[0] < ctx.limits["fever_c"]:
        return
    names = [label_of(n).lower() for n in JAUNDICE_SIGNS if any(getattr(e, n) for e in signs_seen)]
    since = ctx.days_since_drug(day)
    if ctx.on_chemo(day) and since is not None:
        why = (
            "Jaundice with a temperature can mean an infection of the bile duct or the blood; "
            f"{days_after(since)} chemotherapy it needs antibiotics within the hour."
        )
    else:
        why = "Jaundice with a temperature can mean an infection of the bile duct."
    ctx.add(
        day,
        Level.RED,
        "jaundice_with_fever",
        f"Jaundice ({', '.join(names)}) with a temperature of {high[0]:g} °C",
        why,
        th.SOURCE_CHARCOT,
        [*signs_seen, high[1]],
        made_of=("temperature", "temperature_stent", "temperature_off_chemo"),
        values={"temperature_c": _fmt(high[0]), "signs": ", ".join(names)},
    )


def severe_episodes(ctx: Context) -> None:
    """A severe score: one amber per episode, repeated at most weekly while it lasts.

    An episode starts on the first day at or above the threshold after a day below
    it, or after 7 days with no value; it is mentioned again no sooner than 7 days
    after it was last mentioned. Itch on a day with a fever is left to the
    temperature and jaundice rules.
    """
    for name, source in SEVERE_SCORES:
        limit = ctx.limits[f"{name}_severe"]
        start: date | None = None
        last_said: date | None = None
        last_value: date | None = None
        for day in sorted(ctx.by_day):
            worst = ctx.highest(day, name)
            if worst is None:
                continue
            score, entry = worst
            gap = last_value is None or (day - last_value).days > th.EPISODE_GAP_DAYS
            last_value = day
            if score < limit:
                start = None
                continue
            if name == "itch" and fever(ctx, day):
                continue
            ctx.severe_days.add((name, day))
            label = label_of(name)
            if start is None or gap:
                start = last_said = day
                title = f"{label} {score:g}/10 (severe; start of an episode)"
                why = f"{label} is {score:g} out of 10. {WHY_SEVERE[name]}"
            elif last_said is not None and (day - last_said).days >= th.EPISODE_REPEAT_DAYS:
                last_said = day
                title = f"{label} ≥ {limit:g}/10 since {start:%d %b %Y} (still severe)"
                why = (
                    f"{label} has been {limit:g} or more since {short_date(start)}. "
                    + (WHY_SEVERE[name])
                )
            else:
                continue
            ctx.add(
                day,
                Level.AMBER,
                f"{name}_severe",
                title,
                why,
                source,
                [entry],
                values={name: _fmt(score)},
            )


def rises(ctx: Context, day: date) -> None:
    """Pain or itch up by the threshold within 3 days: acute amber (not on a severe-flag day)."""
    for name, source in (("pain", th.SOURCE_SEVERE), ("itch", th.SOURCE_ITCH)):
        today = ctx.highest(day, name)
        limit = ctx.limits[f"{name}_rise"]
        if today is None or today[0] < limit or (name, day) in ctx.severe_days:
            continue  # below the rise itself it cannot have risen by it (scores are ≥ 0)
        before = [
            low[0]
            for i in range(1, th.RISE_WINDOW_DAYS + 1)
            if (low := ctx.highest(day - timedelta(days=i), name)) is not None
        ]
        if not before or today[0] - min(before) < limit:
            continue  # checked first: most days rise by less, and this is the cheap test
        if any(f.rule == f"{name}_rising" for f in ctx.recent(day)):
            continue  # one climb, one flag: not again on each day of the same rise
        if name == "itch" and fever(ctx, day):
            continue
        label = label_of(name)
        why = (
            f"{label} has gone up from {min(before):g} to {today[0]:g} in "
            f"{th.RISE_WINDOW_DAYS} days. {WHY_SEVERE[name]}"
        )
        ctx.add(
            day,
            Level.AMBER,
            f"{name}_rising",
            f"{label} up from {min(before):g} to {today[0]:g} within {th.RISE_WINDOW_DAYS} days",
            why,
            source,
            [today[1]],
            acute=True,
            values={name: _fmt(today[0]), f"{name}_before": _fmt(min(before))},
        )


def weight(ctx: Context) -> None:
    """Weight loss when first reached, against one baseline (the profile's, else the first).

    Weighings wobble by a few hundred grams: the 30-day rule re-arms only 30 days
    after it last flagged; the baseline rules (info at 5 %, amber at the threshold)
    flag once each.
    """
    weighings = [
        (e.recorded_at.date(), e.weight_kg, e)
        for d in sorted(ctx.by_day)
        for e in ctx.by_day[d]
        if e.weight_kg is not None
    ]
    if not weighings:
        return
    base = baseline_of(ctx.profile, {d: kg for d, kg, _ in weighings})
    days = [d for d, _, _ in weighings]
    last_30d: date | None = None
    said: set[str] = set()
    for index, (day, kg, entry) in enumerate(weighings):
        first = bisect_left(days, day - timedelta(days=30))
        if first < index and days[first] < day and (last_30d is None or (day - last_30d).days > 30):
            then = weighings[first][1]
            drop = round(100.0 * (then - kg) / then, 1)
            if drop >= ctx.limits["weight_30d_pct"]:
                last_30d = day
                ctx.add(
                    day,
                    Level.AMBER,
                    "weight_30_days",
                    f"Weight down {drop:.1f} % in 30 days ({then:g} to {kg:g} kg)",
                    f"Weight is down {drop:.1f} % in a month: a dietitian can help.",
                    th.SOURCE_WEIGHT,
                    [entry],
                    values={"weight_kg": _fmt(kg), "weight_30_days_ago": _fmt(then)},
                )
        if base is None:
            continue
        loss = round(100.0 * (base.kg - kg) / base.kg, 1)
        for rule, level, limit in (
            ("weight_from_baseline", Level.AMBER, ctx.limits["weight_baseline_pct"]),
            ("weight_from_baseline_info", Level.INFO, float(th.WEIGHT_INFO_PCT)),
        ):
            if (
                loss >= limit
                and rule not in said
                and not (level is Level.INFO and loss >= ctx.limits["weight_baseline_pct"])
            ):
                said.add(rule)
                ctx.add(
                    day,
                    level,
                    rule,
                    f"Weight down {loss:.1f} % from baseline ({base.kg:g} to {kg:g} kg)",
                    f"Weight is down {loss:.1f} % since {base.described}.",
                    th.SOURCE_WEIGHT,
                    [entry],
                    values={"weight_kg": _fmt(kg), "baseline_kg": _fmt(base.kg)},
                )


def trend(ctx: Context, day: date) -> None:
    """Info: an ESAS-r item up 2 against its previous 7-day mean (at least 3 days of values).

    Not for an item in a severe episode, nor one flagged amber or red in the last
    3 days: the team has already been told about that climb.
    """
    told: set[str] | None = None  # worked out only when a scale is worth a look
    week_days = [day - timedelta(days=i) for i in range(1, 8)]
    for scale in ESAS_SCALES:
        worst = ctx.worst_by_day(scale.name)
        if worst.get(day, 0.0) < th.TREND_RISE:
            continue  # not recorded, or too low to be 2 above any mean (scores are ≥ 0)
        week = [worst[d] for d in week_days if d in worst]
        if len(week) < 3:
            continue
        mean = sum(week) / len(week)
        if worst[day] - mean < th.TREND_RISE or (scale.name, day) in ctx.severe_days:
            continue
        if told is None:
            told = {n for f in ctx.recent(day) if f.level is not Level.INFO for n in f.values}
        today = ctx.highest(day, scale.name)
        if today is not None and scale.name not in told:
            ctx.add(
                day,
                Level.INFO,
                f"trend_{scale.name}",
                f"{scale.label} {today[0]:g}, up from a 7-day mean of {mean:.1f}",
                f"{scale.label} is {today[0]:g}, higher than this past week (about {mean:.0f}).",
                th.SOURCE_TREND,
                [today[1]],
                values={scale.name: _fmt(today[0]), "mean_7_days": f"{mean:.1f}"},
            )


def apply_all(ctx: Context, start: date | None = None, end: date | None = None) -> None:
    """Every rule over the days it must judge, in the order the details read best.

    Rules that keep a state over time (episodes, rises, weight, the lasting ones)
    judge every day. The one-day rules and the trend read entries only, never an
    earlier day's flags, so they judge just the wanted days and the days whose flags
    the trend reads: Today's check after a save fell from 60 to 25 ms CPU on five
    years. ``tests/test_flags_period.py`` checks that any period gets exactly the
    flags the whole history gives it.
    """
    days = sorted(ctx.by_day)
    read_from = None if start is None else start - timedelta(days=th.RISE_WINDOW_DAYS)
    for day in days:
        if _inside(day, read_from, end):
            temperature(ctx, day)
            vomiting(ctx, day)
            jaundice(ctx, day)
            jaundice_with_fever(ctx, day)
            flag_rules_beyond.each_day(ctx, day)
    severe_episodes(ctx)
    for day in days:
        rises(ctx, day)
        if _inside(day, start, end):
            trend(ctx, day)
    weight(ctx)
    flag_rules_lasting.apply(ctx)


def _inside(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)
