"""Flags: the values that should make a patient or carer call, tell the team, or mention.

One engine for every screen and the PDF: ``find_flags`` always judges the whole
history (episodes, "new" jaundice and weight look back without limit) and then
keeps the period asked for, so Today, History, Charts, the command line and the
PDF agree on every day. The rules, levels and sources are those of CLINICAL.md
"When to call", with each threshold editable per patient inside its safe range.

Against alarm fatigue (CLINICAL.md): red only for acute danger; a severe score
that lasts is one amber flag per episode, repeated at most weekly; two ambers make
red only when both are acute; a red replaces the ambers it is made of. Each flag
names the entries that raised it, so History marks those entries, not the day.

This is guidance for the patient, not triage and not a diagnosis.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from symptomlog.analysis import flag_rules, flag_rules_medicines
from symptomlog.analysis.flag_types import Context, Flag, Level
from symptomlog.analysis.flag_words import GUIDANCE, call_now
from symptomlog.domain import ChemoCycle, Dose, Entry, Medicine, Profile
from symptomlog.domain import thresholds as th
from symptomlog.domain.doses import breakthrough_ids

if TYPE_CHECKING:
    from symptomlog.store import Diary

__all__ = ["GUIDANCE", "Flag", "Level", "at_least", "diary_flags", "find_flags"]


def _combine_acute_pairs(flags: list[Flag], profile: Profile) -> list[Flag]:
    """Two acute ambers on one day become one red that replaces them (CLINICAL.md)."""
    acute: dict[date, list[Flag]] = {}
    for flag in flags:
        if flag.level is Level.AMBER and flag.acute:
            acute.setdefault(flag.day, []).append(flag)
    replaced = {id(f) for group in acute.values() if len(group) >= 2 for f in group}
    result = [f for f in flags if id(f) not in replaced]
    for day, group in acute.items():
        if len(group) < 2:
            continue
        whys = " ".join(f.why for f in group)
        result.append(
            Flag(
                day,
                Level.RED,
                "acute_pair",
                "Two acute warning signs on one day: " + "; ".join(f.title for f in group),
                {k: v for f in group for k, v in f.values.items()},
                th.SOURCE_ACUTE_PAIR,
                f"{call_now(profile)} Two warning signs together today need a call now. {whys}",
                "Two warning signs together today need a call now. " + whys,
                tuple(sorted({e for f in group for e in f.entries})),
                tuple(sorted({i for f in group for i in f.entry_ids})),
                made_of=tuple(f.rule for f in group),
            )
        )
    return result


def _drop_replaced(flags: list[Flag]) -> list[Flag]:
    """A day's red replaces the ambers it is made of; info repeats nothing flagged higher."""
    made_of = {(f.day, rule) for f in flags if f.level is Level.RED for rule in f.made_of}
    kept = [f for f in flags if (f.day, f.rule) not in made_of]
    louder = {(f.day, name) for f in kept if f.level is not Level.INFO for name in f.values}
    return [
        f
        for f in kept
        if f.level is not Level.INFO or not any((f.day, n) in louder for n in f.values)
    ]


def find_flags(
    entries: Iterable[Entry],
    cycles: Sequence[ChemoCycle],
    profile: Profile,
    start: date | None = None,
    end: date | None = None,
    *,
    medicines: Sequence[Medicine] = (),
    doses: Sequence[Dose] = (),
) -> list[Flag]:
    """Every flag from ``start`` to ``end`` (inclusive), oldest first, red before amber on a day.

    Pass all entries, not only the period's: episodes, "new" jaundice, rises and
    weight change look back before the first day of the period. Pass the medicines
    and every dose too, for the breakthrough rule (as-needed doses for pain).
    """
    by_day: dict[date, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: e.recorded_at):
        by_day.setdefault(entry.recorded_at.date(), []).append(entry)
    ctx = Context(by_day, cycles, profile, th.effective(profile.thresholds))
    flag_rules.apply_all(ctx, start, end)
    flag_rules_medicines.breakthrough(ctx, medicines, doses)
    flags = _drop_replaced(_combine_acute_pairs(ctx.flags, profile))
    chosen = [
        f for f in flags if (start is None or f.day >= start) and (end is None or f.day <= end)
    ]
    return sorted(chosen, key=lambda f: (f.day, f.level.rank, f.rule))


def diary_flags(diary: Diary, start: date | None = None, end: date | None = None) -> list[Flag]:
    """The one call every view, the command line and the PDF make: the whole history judged."""
    medicines = diary.medicines.all()
    return find_flags(
        diary.entries.between(),
        diary.cycles.all(),
        diary.profile.get(),
        start,
        end,
        medicines=medicines,
        doses=diary.medicines.doses(medicine_ids=breakthrough_ids(medicines)),
    )


def at_least(flags: Iterable[Flag], level: Level) -> list[Flag]:
    """The flags at ``level`` or more urgent."""
    return [f for f in flags if f.level.rank <= level.rank]
