"""Flag rules for the items beyond ESAS-r that last: numbness, sore hands and feet,
constipation, abdominal swelling, and what the person could do in a day.

What lasts is one amber per episode (CLINICAL.md, against alarm fatigue): the
first day at or above the threshold after a day below it, or after 7 days with
no value, then at most weekly while it lasts. What is dangerous on the day (sore
hands or feet that stop walking, no bowels with vomiting or a tight belly,
swelling with a fever) is red on every day it is reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from symptomlog.analysis.flag_types import Context, Level
from symptomlog.analysis.flag_words import short_date
from symptomlog.domain import Entry
from symptomlog.domain import thresholds as th
from symptomlog.domain.fields import ITEM_BY_NAME

TEMPERATURE_RULES = ("temperature", "temperature_stent", "temperature_off_chemo")
Episode = tuple[date, float, Entry, date]
"""A day to flag: the day, its worst value, the entry, and the day the episode began."""


def _fmt(value: float) -> str:
    return f"{value:g}"


def _answer(name: str, level: float) -> str:
    return ITEM_BY_NAME[name].answer(int(level)).lower()  # type: ignore[union-attr]


def episode_days(ctx: Context, name: str, at_least: float) -> Iterator[Episode]:
    """The days a lasting item is flagged: an episode's first day, then weekly."""
    start: date | None = None
    last_said = last_value = date.min
    for day in sorted(ctx.by_day):
        worst = ctx.highest(day, name)
        if worst is None:
            continue
        gap = (day - last_value).days > th.EPISODE_GAP_DAYS
        last_value = day
        if worst[0] < at_least:
            start = None
        elif start is None or gap:
            start = last_said = day
            yield day, worst[0], worst[1], start
        elif (day - last_said).days >= th.EPISODE_REPEAT_DAYS:
            last_said = day
            yield day, worst[0], worst[1], start


def _since(day: date, start: date) -> str:
    return "" if day == start else f" (since {short_date(start)})"


def numbness(ctx: Context) -> None:
    """Numbness that makes buttons or writing hard: amber, a dose decision (not acute)."""
    why = (
        "Numbness or tingling that gets in the way matters before the next cycle: "
        "your team may change the dose."
    )
    for day, level, entry, start in episode_days(ctx, "numbness", 2):
        title = f"Numbness or tingling: {_answer('numbness', level)}{_since(day, start)}"
        source = th.SOURCE_NEUROPATHY
        ctx.add(
            day,
            Level.AMBER,
            "numbness",
            title,
            why,
            source,
            [entry],
            values={"numbness": _fmt(level)},
        )


def sore_hands_feet(ctx: Context) -> None:
    """Cannot walk or use the hands: red every day; painful, still using them: amber."""
    for day in sorted(ctx.by_day):
        worst = ctx.highest(day, "sore_hands_feet")
        if worst is not None and worst[0] >= 3:
            why = (
                "Hands or feet too sore to walk or use need a call now: "
                "capecitabine tablets are often stopped."
            )
            title = f"Sore hands or feet: {_answer('sore_hands_feet', worst[0])}"
            ctx.add(
                day,
                Level.RED,
                "sore_hands_feet",
                title,
                why,
                th.SOURCE_HAND_FOOT,
                [worst[1]],
                values={"sore_hands_feet": _fmt(worst[0])},
            )
    why = "Sore, red or peeling hands or feet that hurt need a review, often of the tablets."
    for day, level, entry, start in episode_days(ctx, "sore_hands_feet", 2):
        if level >= 3:
            continue  # red that day
        title = f"Sore hands or feet: {_answer('sore_hands_feet', level)}{_since(day, start)}"
        ctx.add(
            day,
            Level.AMBER,
            "sore_hands_feet",
            title,
            why,
            th.SOURCE_HAND_FOOT,
            [entry],
            values={"sore_hands_feet": _fmt(level)},
        )


def bowels(ctx: Context) -> None:
    """No bowels opened for the threshold's days: amber per episode; red on any such day
    with vomiting (3 or more) or swelling that is tight and breathless (a blockage)."""
    limit = ctx.limits["bowels_days"]
    for day in sorted(ctx.by_day):
        stuck = ctx.highest(day, "days_since_bowels_opened")
        if stuck is None or stuck[0] < limit:
            continue
        vomits = ctx.highest(day, "vomiting_episodes")
        swelling = ctx.highest(day, "abdominal_swelling")
        with_vomits = vomits is not None and vomits[0] >= 3
        with_swelling = swelling is not None and swelling[0] >= 3
        if not (with_vomits or with_swelling):
            continue
        what = f"being sick {vomits[0]:g} times" if with_vomits and vomits else "a tight belly"
        ctx.add(
            day,
            Level.RED,
            "bowels_blocked",
            f"No bowels opened for {stuck[0]:g} days, with {what}",
            "No bowels opened for days, with sickness or a swollen tight belly, "
            "can mean the bowel is blocked.",
            th.SOURCE_CONSTIPATION,
            [stuck[1], *(x[1] for x in (vomits, swelling) if x)],
            made_of=("bowels", "vomiting", "abdominal_swelling", "abdominal_swelling_new"),
            values={"days_since_bowels_opened": _fmt(stuck[0])},
        )
    why = "Constipation for days needs a review of laxatives (and of pain medicine)."
    for day, count, entry, start in episode_days(ctx, "days_since_bowels_opened", limit):
        title = f"No bowels opened for {count:g} days{_since(day, start)}"
        ctx.add(
            day,
            Level.AMBER,
            "bowels",
            title,
            why,
            th.SOURCE_CONSTIPATION,
            [entry],
            values={"days_since_bowels_opened": _fmt(count)},
        )


def _swelling_is_new(ctx: Context, day: date) -> bool:
    for back in range(1, th.NEW_SWELLING_DAYS + 1):
        before = ctx.highest(day - timedelta(days=back), "abdominal_swelling")
        if before is not None and before[0] >= 1:
            return False
    return True


def _swelling_with_fever(
    ctx: Context, day: date, swelling: tuple[float, Entry], fever: tuple[float, Entry]
) -> None:
    """One red for one event: it replaces the day's temperature flag."""
    words = _answer("abdominal_swelling", swelling[0])
    ctx.add(
        day,
        Level.RED,
        "swelling_with_fever",
        f"Abdominal swelling ({words}) with a temperature of {fever[0]:g} °C",
        "A swollen tummy with a temperature can mean an infection of the fluid.",
        th.SOURCE_ASCITES,
        [swelling[1], fever[1]],
        made_of=TEMPERATURE_RULES,
        values={"abdominal_swelling": _fmt(swelling[0]), "temperature_c": _fmt(fever[0])},
    )


def abdominal_swelling(ctx: Context) -> None:
    """New swelling: acute amber; tight (2 or more): amber per episode; either with a
    fever: red, replacing the day's temperature flag."""
    lasting = {e[0]: e for e in episode_days(ctx, "abdominal_swelling", 2)}
    for day in sorted(ctx.by_day):
        worst = ctx.highest(day, "abdominal_swelling")
        if worst is None or worst[0] < 1:
            continue
        level, entry = worst
        new = _swelling_is_new(ctx, day)
        fever = ctx.highest(day, "temperature_c")
        values = {"abdominal_swelling": _fmt(level)}
        words = _answer("abdominal_swelling", level)
        if fever and fever[0] >= ctx.limits["fever_c"] and (new or level >= 2):
            _swelling_with_fever(ctx, day, (level, entry), fever)
        elif new:
            why = "New swelling of the tummy can be fluid (ascites), which the team can treat."
            title = f"New abdominal swelling: {words}"
            ctx.add(
                day,
                Level.AMBER,
                "abdominal_swelling_new",
                title,
                why,
                th.SOURCE_ASCITES,
                [entry],
                acute=True,
                values=values,
            )
        elif day in lasting:
            start = lasting[day][3]
            why = "Swelling that makes clothes tight can be fluid (ascites), which can be drained."
            title = f"Abdominal swelling: {words}{_since(day, start)}"
            source = th.SOURCE_ASCITES
            ctx.add(
                day, Level.AMBER, "abdominal_swelling", title, why, source, [entry], values=values
            )


def activity(ctx: Context) -> None:
    """Info: what I could do today down 2 levels or more against the best of the past
    7 days; once per drop (not again within 7 days)."""
    last_said = date.min
    for day in sorted(ctx.by_day):
        today = ctx.highest(day, "activity_level")  # the highest level: the least done
        if (
            today is None
            or today[0] < th.ACTIVITY_DROP
            or (day - last_said).days <= th.ACTIVITY_DAYS
        ):
            continue  # below the drop itself it cannot have dropped by it (levels are ≥ 0)
        before = [
            best[0]
            for back in range(1, th.ACTIVITY_DAYS + 1)
            if (best := ctx.lowest(day - timedelta(days=back), "activity_level")) is not None
        ]
        if not before or today[0] - min(before) < th.ACTIVITY_DROP:
            continue
        last_said = day
        was, now = _answer("activity_level", min(before)), _answer("activity_level", today[0])
        ctx.add(
            day,
            Level.INFO,
            "activity_down",
            f"What I could do today: down from {min(before):g} to {today[0]:g} within a week",
            f"What you can do has dropped this week (from “{was}” to “{now}”).",
            th.SOURCE_ACTIVITY,
            [today[1]],
            values={"activity_level": _fmt(today[0]), "activity_before": _fmt(min(before))},
        )


def apply(ctx: Context) -> None:
    """Every lasting rule over the whole history."""
    numbness(ctx)
    sore_hands_feet(ctx)
    bowels(ctx)
    abdominal_swelling(ctx)
    activity(ctx)
