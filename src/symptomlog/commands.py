"""One function per sub-command: parse what was typed, call the core, print a result.

Each returns the exit code. Heavy modules are imported inside the functions
so that the command line starts quickly.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from symptomlog.domain.fields import VALUE_FIELDS
from symptomlog.domain.parse import (
    FieldError,
    other_problem_of,
    parse_date,
    parse_datetime,
    parse_value,
)
from symptomlog.errors import Problem, ValidationError

if TYPE_CHECKING:
    from symptomlog.domain import Entry, Profile
    from symptomlog.store import Diary


def _say(*parts: object, file: TextIO | None = None, sep: str = " ") -> None:
    """Print text for a person at a terminal: stored text (a name, a note) never carries
    control characters, so an escape sequence in a name cannot rewrite the screen."""
    text = sep.join(str(p) for p in parts)
    safe = "".join(c if c.isprintable() or c in "\n\t" else f"\\x{ord(c):02x}" for c in text)
    print(safe, file=file or sys.stdout)


def _open(args: argparse.Namespace, *, create: bool) -> Diary:
    from symptomlog.opening import open_diary

    diary = open_diary(args, create=create)
    if diary.protection_warning:  # protection stopped: say so here too, not in the window only
        _say(f"Warning: {diary.backup_note}", file=sys.stderr)
    return diary


def demo(args: argparse.Namespace) -> int:
    from symptomlog.demo import check_demo_days, fill_demo

    check_demo_days(args.days)  # before opening: a refused demo creates no diary
    with _open(args, create=True) as diary:
        count = fill_demo(diary, days=args.days, seed=args.seed)
        _say(f"Filled {diary.name} with a fictional {args.days}-day diary ({count} entries).")
    return 0


def _entry_from_args(args: argparse.Namespace) -> Entry:
    from symptomlog.domain import Entry

    values: dict[str, object] = {}
    problems: list[Problem] = []
    for name in VALUE_FIELDS:
        if name == "other_problem":
            continue  # given with its name, below
        try:
            values[name] = parse_value(name, getattr(args, name))
        except FieldError as error:
            problems.append(Problem(name, str(error)))
    try:
        values.update(other_problem_of(getattr(args, "other_problem_pair", None)))
    except FieldError as error:
        problems.append(Problem(error.field, str(error)))
    try:
        when = parse_datetime("recorded_at", args.when) if args.when else datetime.now()
    except FieldError as error:
        problems.append(Problem("recorded_at", str(error)))
        when = datetime.now()
    if problems:
        raise ValidationError(problems)
    return Entry(when, args.by, args.name, **values, notes=args.note)  # type: ignore[arg-type]


def add(args: argparse.Namespace) -> int:
    entry = _entry_from_args(args)
    if entry.is_blank():
        raise ValidationError(Problem("", "Nothing to save: give at least one value or a note"))
    with _open(args, create=True) as diary:
        saved = diary.entries.add(entry)
    _say(f"Saved entry {saved.id} for {saved.recorded_at:%Y-%m-%d %H:%M} ({saved.recorded_by}).")
    return 0


def import_(args: argparse.Namespace) -> int:
    from symptomlog.exchange.transfer import format_of, import_file

    path = Path(args.file)
    format_of(path)  # a wrong kind of file is reported before any diary is created
    from symptomlog.exchange.textfile import read_text

    read_text(path)
    with _open(args, create=True) as diary:
        _say(import_file(diary, path))
    return 0


def export(args: argparse.Namespace) -> int:
    from symptomlog.exchange.transfer import export_file

    start, end = _period(args)
    with _open(args, create=False) as diary:
        count = export_file(diary, args.format, args.output, start, end)
    if args.output != "-":
        _say(f"Exported {count} entries to {args.output}.", file=sys.stderr)
    return 0


def cycle_add(args: argparse.Namespace) -> int:
    try:
        start = parse_date("start", args.start)
    except FieldError as error:
        raise ValidationError(Problem("start", str(error))) from None
    assert start is not None
    notes: list[str] = []
    with _open(args, create=True) as diary:
        line = args.line
        if line is None and args.new_line:
            line = max((c.line for c in diary.cycles.all()), default=0) + 1
        added = diary.cycles.add_planned(
            args.regimen, start, args.count, line=line, cycle_days=args.cycle_days, notes=notes
        )
    for cycle in added:
        _say(f"Added {cycle.regimen_name} {cycle.line_label} starting {cycle.start}.")
    for note in notes:
        _say(note)
    return 0


def cycle_list(args: argparse.Namespace) -> int:
    with _open(args, create=False) as diary:
        cycles = diary.cycles.all()
    if not cycles:
        _say("No chemotherapy cycles recorded.")
        return 0
    _say(
        f"{'line':<5}{'regimen':<30}{'cycle':<7}{'planned':<12}{'actual':<12}{'drug days':<16}note"
    )
    for c in cycles:
        actual = str(c.actual_start) if c.actual_start else "-"
        days = ",".join(str(d) for d in c.drug_days)
        days = days if len(days) < 15 else f"{c.drug_days[0]}-{c.drug_days[-1]}"
        note = "; ".join(n for n in (c.dose_note, "end of line" if c.ends_line else None) if n)
        _say(
            f"{c.line:<5}{c.regimen_name:<30}C{c.number:<6}{c.planned_start!s:<12}"
            f"{actual:<12}{days:<16}{note}"
        )
    return 0


def _form_items_text(profile: Profile, regimens: list[str]) -> str:
    """The optional items the form asks, in words, and whether they are the defaults."""
    from symptomlog.domain.fields import label_of
    from symptomlog.domain.form_items import form_items

    names = form_items(profile.form_items, regimens)
    how = " (the defaults for the regimens)" if profile.form_items is None else ""
    return (", ".join(label_of(n) for n in names) or "nothing more") + how


def profile_show(args: argparse.Namespace) -> int:
    with _open(args, create=False) as diary:
        profile = diary.profile.get()
        diary_regimens = [c.regimen for c in diary.cycles.all()]
    rows = [
        ("Name", profile.name),
        ("Date of birth", profile.born),
        ("Hospital number", profile.hospital_number),
        ("Height", f"{profile.height_cm:g} cm" if profile.height_cm else None),
        (
            "Baseline weight",
            f"{profile.baseline_weight_kg:g} kg" if profile.baseline_weight_kg else None,
        ),
        ("Baseline date", profile.baseline_date),
    ]
    for label, value in rows:
        _say(f"{label + ':':<18}{value if value is not None else '(not set)'}")
    stent = {True: "yes", False: "no", None: "(not set)"}[profile.stent]
    _say(f"{'Biliary stent:':<18}{stent}")
    _say(f"{'Form asks also:':<18}{_form_items_text(profile, diary_regimens)}")
    _say("Care team:" if profile.contacts else "Care team:        (none; add the 24-hour line)")
    for contact in profile.contacts:
        hours = f" ({contact.hours})" if contact.hours else ""
        _say(f"  {contact.kind.label}: {contact.name}, {contact.phone}{hours}")
    if profile.contacts and profile.line_24h is None:
        _say('  No 24-hour line is stored: add it with --contact "24h-line|NAME|PHONE".')
    return 0


def profile_set(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from symptomlog.domain import Contact

    try:
        dates = {k: parse_date(k, getattr(args, k)) for k in ("born", "baseline_date")}
    except FieldError as error:
        raise ValidationError(Problem(error.field, str(error))) from None
    changes: dict[str, object] = {
        "name": args.name,
        "hospital_number": args.hospital_number,
        "height_cm": args.height_cm,
        "baseline_weight_kg": args.baseline_weight,
        **dates,
    }
    changes = {k: v for k, v in changes.items() if v is not None}
    if args.contact is not None:
        changes["contacts"] = tuple(Contact.parse(text) for text in args.contact)
        changes["contact_kinds_confirmed"] = True  # the kinds were typed, not guessed
    if args.stent is not None:
        changes["stent"] = args.stent == "yes"
    if args.form_items is not None:
        chosen = [n.strip() for n in args.form_items.split(",") if n.strip()]
        changes["form_items"] = None if chosen == ["default"] else tuple(chosen)
    with _open(args, create=True) as diary:
        diary.profile.save(replace(diary.profile.get(), **changes))  # type: ignore[arg-type]
    _say(f"Profile saved ({', '.join(changes) or 'nothing changed'}).")
    return 0


def _period(args: argparse.Namespace) -> tuple[date | None, date | None]:
    """--from/--to as dates; a wrong date is bad usage (exit 2) naming the option."""
    problems: list[Problem] = []
    found: list[date | None] = []
    for option, raw in (("--from", args.start), ("--to", args.end)):
        try:
            found.append(parse_date(option, raw))
        except FieldError as error:
            problems.append(Problem(option, str(error)))
    if problems:
        raise ValidationError(problems)
    start, end = found
    if start and end and start > end:
        raise ValidationError(Problem("--from", f"--from {start} is after --to {end}"))
    return start, end


def flags(args: argparse.Namespace) -> int:
    from symptomlog.analysis.flags import GUIDANCE, Level, at_least, diary_flags

    start, end = _period(args)
    with _open(args, create=False) as diary:
        found = diary_flags(diary, start, end)
    chosen = at_least(found, Level(args.level))
    if args.format == "json":
        print(json.dumps([f.as_json() for f in chosen], ensure_ascii=False, indent=2))
        return 0
    if not chosen:
        _say("No flags in this period.")
        return 0
    for flag in chosen:
        _say(f"{flag.day}  {flag.level.value.upper():5}  {flag.message}")
        _say(f"{'':19}Details: {flag.title}; rule {flag.rule}; source: {flag.source}")
    counts = ", ".join(f"{sum(f.level is level for f in chosen)} {level.value}" for level in Level)
    _say(f"\n{len(chosen)} flags ({counts}). {GUIDANCE}")
    return 0


def thresholds_show(args: argparse.Namespace) -> int:
    """Every threshold: key, value in force, default, safe range and source."""
    from symptomlog.domain.thresholds import THRESHOLDS

    with _open(args, create=False) as diary:
        profile = diary.profile.get()
    rows = [
        {
            "key": t.key,
            "label": t.label,
            "value": profile.thresholds.get(t.key, t.default),
            "default": t.default,
            "unit": t.unit,
            "range": [t.minimum, t.maximum],
            "changed": t.key in profile.thresholds,
            "source": t.source,
        }
        for t in THRESHOLDS
    ]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row, t in zip(rows, THRESHOLDS, strict=True):
        mark = "*" if row["changed"] else " "
        _say(
            f"{mark} {t.key:<20} {row['value']:>5g} {t.unit:<22} default {t.default:<5g} "
            f"range {t.range_text:<18} {t.source}"
        )
    _say("\n* differs from the default. Change with: symptomlog thresholds set KEY=VALUE")
    return 0


def thresholds_set(args: argparse.Namespace) -> int:
    """Change thresholds inside their safe ranges (exit 2 outside); every change audited."""
    from dataclasses import replace

    from symptomlog.domain.thresholds import THRESHOLD_BY_KEY

    changes: dict[str, object] = {}
    problems: list[Problem] = []
    for pair in args.pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            problems.append(Problem(pair, f"Write each threshold as KEY=VALUE (got {pair!r})"))
        elif value.strip().lower() == "default" and key.strip() in THRESHOLD_BY_KEY:
            changes[key.strip()] = None
        else:
            changes[key.strip()] = value.strip()
    if problems:
        raise ValidationError(problems)
    with _open(args, create=False) as diary:
        profile = diary.profile.get()
        merged: dict[str, object] = {**profile.thresholds, **changes}
        wanted = {k: v for k, v in merged.items() if v is not None}  # checked by Profile
        changed = replace(profile, thresholds=wanted)  # type: ignore[arg-type]
        saved = diary.profile.save(changed, actor="command line")
    for key in changes:
        threshold = THRESHOLD_BY_KEY[key]
        value = saved.thresholds.get(key, threshold.default)
        _say(f"{threshold.label}: {value:g} {threshold.unit}")
    return 0


def report(args: argparse.Namespace) -> int:
    from symptomlog.report import build_report
    from symptomlog.store.outputs import checked_output

    start, end = _period(args)
    if args.since_last and (start or end):
        raise ValidationError(Problem("--since-last", "--since-last goes without --from and --to"))
    with _open(args, create=False) as diary:
        output = checked_output(args.output, diary.path)  # "" is not ".": check the text typed
        if args.since_last:
            since = diary.reports.since_last()
            if since is None:
                raise ValidationError(
                    Problem(
                        "--since-last",
                        "No report has been saved from this diary yet: "
                        "give the period with --from and --to",
                    )
                )
            start, end = since
        pages = build_report(diary, output, start, end, args.paper)
    period = f" for {start:%d %b %Y} – {end:%d %b %Y}" if start and end else ""
    _say(f"Wrote {args.output} ({pages} pages){period}.")
    return 0


def check(args: argparse.Namespace) -> int:
    from symptomlog.opening import diary_path
    from symptomlog.store.check import check_diary

    report = check_diary(diary_path(args))
    _say(f"Checking {report.path}")
    for line in report.findings:
        _say("  " + line)
    _say("The diary is healthy." if report.ok else "The diary has problems (see above).")
    return 0 if report.ok else 1


def backup(args: argparse.Namespace) -> int:
    from symptomlog.store.backup import copy_diary
    from symptomlog.store.outputs import checked_output, only_older_copy

    with _open(args, create=False) as diary:
        assert diary.path is not None
        output = checked_output(args.output, diary.path, may_replace_diary_copy=True)
        only_older_copy(output, diary.path)
        target = copy_diary(diary.path, output)
    _say(f"Backed up to {target}.")
    return 0


def restore(args: argparse.Namespace) -> int:
    from symptomlog.opening import diary_path
    from symptomlog.store.restore import restore_diary

    kept = restore_diary(Path(args.file), diary_path(args))
    _say(f"Restored {diary_path(args)} from {args.file}.")
    if kept:
        _say(f"The diary it replaced was kept at {kept}.")
    return 0
