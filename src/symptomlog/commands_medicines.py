"""The medicine, dose and event sub-commands (DESIGN.md "Command line", issue 17).

Each returns the exit code. Everything typed is checked before the diary is
written: a bad value or an unknown medicine is exit 2 with a message, and nothing
is saved. Reaching the most doses allowed in 24 hours is a warning on stderr,
never a refusal and never dosing advice: the dose is still recorded.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from symptomlog.commands import _open, _period, _say
from symptomlog.domain.parse import FieldError, parse_date, parse_datetime
from symptomlog.errors import Problem, ValidationError, excerpt

if TYPE_CHECKING:
    from symptomlog.domain import Medicine
    from symptomlog.store import Diary


def _whole(option: str, label: str, raw: str | None, low: int, high: int) -> int | None:
    """A whole number typed on the command line, or the domain's message naming it."""
    if raw is None:
        return None
    try:
        return int(raw.strip())
    except ValueError:
        raise ValidationError(
            Problem(
                option, f"{label} must be a whole number from {low} to {high} (got {excerpt(raw)})"
            )
        ) from None


def _day(option: str, raw: str | None) -> date | None:
    try:
        return parse_date(option, raw)
    except FieldError as error:
        raise ValidationError(Problem(option, str(error))) from None


def _moment(option: str, raw: str | None) -> datetime:
    if raw is None:
        return datetime.now().replace(second=0, microsecond=0)
    try:
        return parse_datetime(option, raw)
    except FieldError as error:
        raise ValidationError(Problem(option, str(error))) from None


# --- med add | list | stop ------------------------------------------------------------------


def med_add(args: argparse.Namespace) -> int:
    from symptomlog.domain import Medicine
    from symptomlog.domain.medicine import MAX_PER_24H_LIMIT

    most = _whole("--max-per-24h", "Most doses in 24 hours", args.max_per_24h, 1, MAX_PER_24H_LIMIT)
    medicine = Medicine(
        args.name,
        args.strength,
        args.as_needed,
        args.purpose,
        most,
        _day("--start", args.start),
    )
    with _open(args, create=True) as diary:
        saved = diary.medicines.add(medicine, actor="command line")
    _say(f"Added {saved.label} ({saved.kind_words}).")
    return 0


def _medicine_line(medicine: Medicine, today: date) -> str:
    dates = []
    if medicine.start is not None:
        dates.append(f"since {medicine.start}")
    if medicine.stop is not None:
        dates.append(f"{'stopped' if medicine.stop <= today else 'stops'} {medicine.stop}")
    when = f" ({', '.join(dates)})" if dates else ""
    return f"{medicine.label:<36} {medicine.kind_words}{when}"


def med_list(args: argparse.Namespace) -> int:
    from symptomlog.exchange.medicine_records import medicine_record

    now = datetime.now()
    with _open(args, create=False) as diary:
        medicines = diary.medicines.all()
        facts = {m.id: _recent_words(diary, m, now) for m in medicines if m.taken_on(now.date())}
    if args.format == "json":
        print(json.dumps([medicine_record(m) for m in medicines], ensure_ascii=False, indent=2))
        return 0
    if not medicines:
        _say("No medicines recorded. Add one with: symptomlog med add --name NAME")
        return 0
    for medicine in medicines:
        _say(_medicine_line(medicine, now.date()) + facts.get(medicine.id, ""))
    return 0


def _recent_words(diary: Diary, medicine: Medicine, now: datetime) -> str:
    """For a current as-needed medicine: "; last dose 3 h 10 min ago, 2 in the last 24 h".
    Facts, never advice."""
    from symptomlog.domain.doses import doses_in_24h, since_words

    if not medicine.as_needed or medicine.id is None:
        return ""
    last = diary.medicines.last_dose(medicine.id, now)
    if last is None:
        return "; no dose yet"
    day_before = (now - timedelta(days=1)).date()
    recent = diary.medicines.doses(day_before, now.date(), medicine_id=medicine.id)
    count = len(doses_in_24h(recent, now, medicine.id))
    return f"; last dose {since_words(now - last.taken_at)}, {count} in the last 24 h"


def med_stop(args: argparse.Namespace) -> int:
    day = _day("--date", args.date)
    with _open(args, create=False) as diary:
        medicine = diary.medicines.find(args.medicine)
        stopped = diary.medicines.stop(medicine.id, day, actor="command line")  # type: ignore[arg-type]
    _say(f"Stopped {stopped.label} on {stopped.stop}.")
    return 0


# --- dose | doses ---------------------------------------------------------------------------


def dose(args: argparse.Namespace) -> int:
    """Record a dose taken; warn (stderr) when the most allowed in 24 hours is reached."""
    from symptomlog.domain import Dose
    from symptomlog.domain.doses import limit_warning

    when = _moment("--when", args.when)
    with _open(args, create=False) as diary:
        medicine = diary.medicines.find(args.medicine)
        taken = Dose(medicine.id, when, args.amount, args.by, args.giver)  # type: ignore[arg-type]
        saved = diary.medicines.record_dose(taken, actor="command line")
        limit = diary.medicines.limit_at(medicine, saved.taken_at)
        profile = diary.profile.get()
    who = "" if saved.given_by.value == "patient" else f", given by {saved.given_by.value}"
    amount = f" {saved.amount}" if saved.amount else ""
    _say(f"Recorded {medicine.label}{amount} at {saved.taken_at:%Y-%m-%d %H:%M}{who}.")
    if limit is not None and limit.reached:  # the same words as the window's dose button
        _say(f"Warning: {limit_warning(limit, profile)}", file=sys.stderr)
    return 0


def doses(args: argparse.Namespace) -> int:
    from symptomlog.exchange.medicine_records import dose_record, doses_csv

    start, end = _period(args)
    with _open(args, create=False) as diary:
        medicines = diary.medicines.all()
        found = diary.medicines.doses(start, end)
    by_id = {m.id: m for m in medicines}
    if args.format == "json":
        records = [dose_record(d, by_id) for d in found]
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    if args.format == "csv":
        sys.stdout.write(doses_csv(found, medicines))
        return 0
    if not found:
        _say("No doses recorded in this period.")
        return 0
    for taken in found:
        medicine = by_id[taken.medicine_id]
        who = "" if taken.given_by.value == "patient" else f"  {taken.given_by.value}"
        if taken.giver_name:
            who += f" — {taken.giver_name}"
        _say(f"{taken.taken_at:%Y-%m-%d %H:%M}  {medicine.label}  {taken.amount or ''}{who}")
    return 0


# --- event add | list -----------------------------------------------------------------------


def event_add(args: argparse.Namespace) -> int:
    from symptomlog.domain import Event

    event = Event(
        _moment("--when", args.when),
        args.kind,
        args.note,
        args.to_whom,
        args.advice,
        args.outcome,
        _day("--flag-day", args.flag_day),
        args.flag_rule,
    )
    with _open(args, create=True) as diary:
        saved = diary.events.add(event, actor="command line")
    _say(f"Recorded {saved.kind.value} on {saved.when:%Y-%m-%d %H:%M}: {saved.summary}.")
    return 0


def event_list(args: argparse.Namespace) -> int:
    from symptomlog.exchange.medicine_records import event_record

    start, end = _period(args)
    with _open(args, create=False) as diary:
        events = diary.events.between(start, end)
    if args.format == "json":
        print(json.dumps([event_record(e) for e in events], ensure_ascii=False, indent=2))
        return 0
    if not events:
        _say("No events recorded in this period.")
        return 0
    for event in events:
        after = f"  (after the flag of {event.flag_day})" if event.flag_day else ""
        _say(f"{event.when:%Y-%m-%d %H:%M}  {event.summary}{after}")
    return 0
