"""The flag rules for the items beyond ESAS-r (CLINICAL.md's table, issue 16).

Same engine, same levels and same words as ``flag_rules``: red only for acute
danger, amber to tell the team today, info for a trend. Each entry is judged on
its own (the most stools any one entry reports, never a sum). Against alarm
fatigue, what lasts (numbness, constipation, swelling that makes clothes tight)
is one amber per episode, repeated at most weekly; acute ambers (diarrhoea,
mouth sores that limit eating, new swelling) may pair into red; a red made of a
fever replaces that day's temperature flag, so one event is flagged once.
"""

from __future__ import annotations

from datetime import date

from symptomlog.analysis.flag_types import Context, Level
from symptomlog.analysis.flag_words import days_after
from symptomlog.domain import Entry
from symptomlog.domain import thresholds as th
from symptomlog.domain.fields import ITEM_BY_NAME

TEMPERATURE_RULES = ("temperature", "temperature_stent", "temperature_off_chemo")
WARNING_REDS = (
    (
        "bleeding",
        "Bleeding reported",
        "Bleeding that will not stop, blood in vomit or black or bloody stools needs "
        "checking now (low platelets or blood thinners can cause it).",
        th.SOURCE_ACUTE_ADVICE,
    ),
    (
        "clot_signs",
        "Signs of a blood clot (a swollen, painful or red leg, or sudden chest pain)",
        "A swollen, painful or red leg, or sudden chest pain, can be a blood clot, which is "
        "common with this illness and needs checking now.",
        th.SOURCE_CLOT,
    ),
    (
        "confusion",
        "New confusion",
        "New confusion can come from an infection, high calcium, pain medicine or the liver, "
        "and needs checking now.",
        th.SOURCE_ACUTE_ADVICE,
    ),
    (
        "cannot_keep_fluids",
        "Cannot keep fluids down for 24 hours",
        "Not keeping fluids down for a day can quickly dry the body out and harm the kidneys.",
        th.SOURCE_FLUIDS,
    ),
)


def _fmt(value: float) -> str:
    return f"{value:g}"


def _fever(ctx: Context, day: date) -> tuple[float, Entry] | None:
    high = ctx.highest(day, "temperature_c")
    return high if high is not None and high[0] >= ctx.limits["fever_c"] else None


def warning_signs(ctx: Context, day: date) -> None:
    """Bleeding, a clot, new confusion, no fluids kept down: red on any day they are ticked."""
    for name, title, why, source in WARNING_REDS:
        said = ctx.with_sign(day, (name,))
        if said:
            ctx.add(day, Level.RED, name, title, why, source, said, values={name: "yes"})


def shivering(ctx: Context, day: date) -> None:
    """Shivering on chemotherapy, with a stent, or with a fever: red (sepsis, cholangitis).

    With a fever it is one event: this red replaces the day's temperature flag.
    """
    said = ctx.with_sign(day, ("shivering",))
    if not said:
        return
    fever = _fever(ctx, day)
    since = ctx.days_since_drug(day)
    if fever is not None:
        title = f"Shivering or shaking with a temperature of {fever[0]:g} °C"
        why = "Shivering with a temperature can mean an infection in the blood."
    elif ctx.on_chemo(day) and since is not None:
        title = f"Shivering or shaking, {since} days after a drug day"
        why = f"Shivering {days_after(since)} chemotherapy can mean an infection in the blood."
    elif ctx.profile.stent:
        title = "Shivering or shaking, biliary stent in place"
        why = "Shivering with a stent in the bile duct can mean the stent is blocked and infected."
    else:
        return
    why += " It needs treatment within the hour."
    ctx.add(
        day,
        Level.RED,
        "shivering",
        title,
        why,
        th.SOURCE_RIGORS,
        [*said, *([fever[1]] if fever else [])],
        made_of=TEMPERATURE_RULES if fever else (),
        values={**({"temperature_c": _fmt(fever[0])} if fever else {}), "shivering": "yes"},
    )


def stools(ctx: Context, day: date) -> None:
    """Diarrhoea: red at the red count, or any with a fever; amber (acute) at the amber count."""
    most = ctx.highest(day, "stools_above_usual")
    if most is None or most[0] < 1:
        return
    count, entry = most
    values = {"stools_above_usual": _fmt(count)}
    fever = _fever(ctx, day)
    if fever is not None:
        title = f"{count:g} stools above usual with a temperature of {fever[0]:g} °C"
        why = "Diarrhoea with a temperature can mean an infection and dries the body out quickly."
        values["temperature_c"] = _fmt(fever[0])
        ctx.add(
            day,
            Level.RED,
            "diarrhoea_with_fever",
            title,
            why,
            th.SOURCE_DIARRHOEA_RED,
            [entry, fever[1]],
            made_of=TEMPERATURE_RULES,
            values=values,
        )
        return
    title = f"{count:g} stools a day above usual (one entry)"
    why = f"{count:g} more stools than usual in a day can quickly dry the body out."
    if count >= ctx.limits["stools_red"]:
        ctx.add(
            day, Level.RED, "stools", title, why, th.SOURCE_DIARRHOEA_RED, [entry], values=values
        )
    elif count >= ctx.limits["stools_amber"]:
        why += " Your team may change your medicines."
        source = th.SOURCE_DIARRHOEA_AMBER
        ctx.add(day, Level.AMBER, "stools", title, why, source, [entry], acute=True, values=values)


def mouth_sores(ctx: Context, day: date) -> None:
    """Cannot eat or drink (level 4): red; painful to eat or drink much (level 3): acute amber."""
    worst = ctx.highest(day, "mouth_sores")
    if worst is None or worst[0] < 3:
        return
    level, entry = worst
    answer = ITEM_BY_NAME["mouth_sores"].answer(int(level))  # type: ignore[union-attr]
    title = f"Mouth sores: {answer.lower()}"
    values = {"mouth_sores": _fmt(level)}
    if level >= 4:
        why = "Mouth sores that stop you eating or drinking can dry the body out."
        source = th.SOURCE_MUCOSITIS_RED
        ctx.add(day, Level.RED, "mouth_sores", title, why, source, [entry], values=values)
        return
    why = "Mouth sores this painful need treatment, and your team may change your chemotherapy."
    source = th.SOURCE_MUCOSITIS_AMBER
    ctx.add(day, Level.AMBER, "mouth_sores", title, why, source, [entry], acute=True, values=values)


def glucose(ctx: Context, day: date) -> None:
    """A hypo (below 4.0 mmol/L): red; above the high threshold: amber. Each entry its own."""
    low = ctx.lowest(day, "blood_glucose_mmol")
    if low is not None and low[0] < th.GLUCOSE_LOW:
        why = (
            f"A blood glucose of {low[0]:g} mmol/L is a hypo: treat it first "
            "(a sugary drink), then call."
        )
        title = f"Blood glucose {low[0]:g} mmol/L (below {th.GLUCOSE_LOW:g})"
        ctx.add(
            day,
            Level.RED,
            "glucose_low",
            title,
            why,
            th.SOURCE_GLUCOSE,
            [low[1]],
            values={"blood_glucose_mmol": _fmt(low[0])},
        )
    high = ctx.highest(day, "blood_glucose_mmol")
    if high is not None and high[0] > ctx.limits["glucose_high"]:
        why = (
            f"A blood glucose of {high[0]:g} mmol/L is high: check for ketones if you can; "
            "steroids or insulin may need changing."
        )
        title = f"Blood glucose {high[0]:g} mmol/L (above {ctx.limits['glucose_high']:g})"
        ctx.add(
            day,
            Level.AMBER,
            "glucose_high",
            title,
            why,
            th.SOURCE_GLUCOSE,
            [high[1]],
            values={"blood_glucose_mmol": _fmt(high[0])},
        )


def each_day(ctx: Context, day: date) -> None:
    """The rules of one day that need no episode (each entry judged on its own)."""
    warning_signs(ctx, day)
    shivering(ctx, day)
    stools(ctx, day)
    mouth_sores(ctx, day)
    glucose(ctx, day)
