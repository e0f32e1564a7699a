"""The breakthrough rule (CLINICAL.md's flag table): as-needed doses for pain.

Why: palliative teams review the regular pain relief when someone needs three or
more as-needed (breakthrough) doses for pain in a day. The count is over any 24
hours (a bad evening and night count together), never per calendar day only.

Against alarm fatigue it is one amber per episode, like the other lasting ambers:
an episode starts on the first day the count is reached after a day it was not
(a day without doses is a day below it: no dose was needed), and is mentioned
again at most weekly while it lasts. The doses are passed in, as entries are: the
analysis never reads the diary itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from symptomlog.analysis.flag_types import Context, Level
from symptomlog.analysis.flag_words import short_date
from symptomlog.domain import thresholds as th
from symptomlog.domain.doses import breakthrough_doses, most_per_day
from symptomlog.domain.medicine import Dose, Medicine
from symptomlog.domain.words import plural

RULE = "breakthrough_doses"
WHY_REVIEW = "your regular pain relief may need a review."


def _words(count: int, start: date | None, limit: float) -> tuple[str, str]:
    """The title (for Details) and the plain words (what to do and why)."""
    doses = plural(count, "extra dose")
    if start is None:
        return (
            f"{count} as-needed doses for pain in 24 hours (breakthrough; start of an episode)",
            f"You needed {doses} for pain in 24 hours: {WHY_REVIEW}",
        )
    return (
        f"{limit:g} or more as-needed doses for pain in 24 hours since {start:%d %b %Y}",
        f"You have needed {limit:g} or more extra doses for pain in 24 hours since "
        f"{short_date(start)}: {WHY_REVIEW}",
    )


def breakthrough(ctx: Context, medicines: Iterable[Medicine], doses: Iterable[Dose]) -> None:
    """≥ the threshold of as-needed doses for pain in any 24 hours: amber, one per episode."""
    limit = ctx.limits[RULE]
    times = [d.taken_at for d in breakthrough_doses(doses, medicines)]
    per_day = most_per_day(times)
    start: date | None = None
    last_said: date | None = None
    for day in sorted(per_day):
        count, moment = per_day[day]
        if count < limit:
            continue
        before = per_day.get(day - timedelta(days=1), (0, moment))[0]
        if before < limit:  # a day below it (or without doses) ended any episode
            start = None
        if start is None:
            start = last_said = day
            title, why = _words(count, None, limit)
        elif last_said is not None and (day - last_said).days >= th.EPISODE_REPEAT_DAYS:
            last_said = day
            title, why = _words(count, start, limit)
        else:
            continue
        ctx.add(
            day,
            Level.AMBER,
            RULE,
            title,
            why,
            th.SOURCE_BREAKTHROUGH,
            [],
            values={
                RULE: str(count),
                "24_hours_to": moment.isoformat(sep=" ", timespec="minutes"),
            },
        )
