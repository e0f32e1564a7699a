"""Import and export whole files: the entry points the CLI and the GUI call."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from symptomlog.errors import BadFile, Problem, ValidationError
from symptomlog.exchange.csv_format import read_csv, write_csv
from symptomlog.exchange.json_format import Snapshot, read_json, write_json
from symptomlog.files import write_atomically
from symptomlog.store import Diary
from symptomlog.store.outputs import checked_output

FORMATS = ("csv", "json")
"""The formats that import reads."""
EXPORT_FORMATS = (*FORMATS, "fhir")
"""FHIR is for a hospital system to take in: export only."""


@dataclass(frozen=True)
class ImportSummary:
    source: Path
    added: int
    already_present: int
    cycles_added: int = 0
    profile_imported: bool = False
    medicines_added: int = 0
    doses_added: int = 0
    events_added: int = 0

    def __str__(self) -> str:
        entries = "entry" if self.added == 1 else "entries"
        text = (
            f"Imported {self.added} {entries} from {self.source.name}; "
            f"{self.already_present} {'was' if self.already_present == 1 else 'were'} "
            "already in the diary"
        )
        if self.cycles_added:
            text += f"; {self.cycles_added} chemotherapy cycles added"
        if self.profile_imported:
            text += "; profile imported"
        for count, one, many in (
            (self.medicines_added, "medicine", "medicines"),
            (self.doses_added, "dose", "doses"),
            (self.events_added, "event", "events"),
        ):
            if count:
                text += f"; {count} {one if count == 1 else many} added"
        return text + "."


def format_of(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise BadFile(f"{path} is not a .csv or .json file, so it cannot be imported")
    return suffix


def import_file(diary: Diary, path: Path) -> ImportSummary:
    """Read and check the whole file first, then store it in one transaction."""
    if format_of(path) == "csv":
        result = diary.entries.add_batch(read_csv(path))
        return ImportSummary(path, result.added, result.already_present)
    return _import_snapshot(diary, path, read_json(path))


def _import_snapshot(diary: Diary, path: Path, snapshot: Snapshot) -> ImportSummary:
    with diary.transaction():
        current = diary.profile.get()
        profile_imported = current == type(current)() and snapshot.profile != current
        if profile_imported:
            diary.profile.save(snapshot.profile)
        known = {(c.regimen, c.line, c.number, c.planned_start) for c in diary.cycles.all()}
        new_cycles = [
            c
            for c in snapshot.cycles
            if (c.regimen, c.line, c.number, c.planned_start) not in known
        ]
        if new_cycles:
            diary.cycles.add(new_cycles)
        result = diary.entries.add_records(snapshot.records, snapshot.audit)
        medicines, doses = diary.medicines.add_records(snapshot.medicines, snapshot.doses)
        events = diary.events.add_records(snapshot.events)
    return ImportSummary(
        path,
        result.added,
        result.already_present,
        len(new_cycles),
        profile_imported,
        medicines,
        doses,
        events,
    )


def export_text(diary: Diary, fmt: str, start: date | None = None, end: date | None = None) -> str:
    return _export(diary, fmt, start, end)[0]


def _export(diary: Diary, fmt: str, start: date | None, end: date | None) -> tuple[str, int]:
    """The export's text and how many entries it holds (those in [start, end] if given)."""
    if fmt == "fhir":
        from symptomlog.exchange.fhir import fhir_text

        return fhir_text(diary, start, end)
    if fmt == "json":
        if start or end:
            raise ValidationError(
                Problem(
                    "--from", "The JSON export is the whole diary: --from/--to are for csv and fhir"
                )
            )
        return write_json(diary), diary.entries.count()
    buffer = io.StringIO(newline="")
    count = write_csv(diary.entries.between(start, end), buffer)
    return buffer.getvalue(), count


def export_file(
    diary: Diary,
    fmt: str,
    destination: str,
    start: date | None = None,
    end: date | None = None,
) -> int:
    """Write the export to ``destination`` ('-' for standard output); return entries written."""
    if fmt not in EXPORT_FORMATS:
        raise BadFile(f"The export format must be csv, json or fhir (got {fmt})")
    if destination != "-":
        checked_output(destination, diary.path)
    text, count = _export(diary, fmt, start, end)
    if destination == "-":
        sys.stdout.write(text)
        return count
    write_atomically(Path(destination), text.encode("utf-8"))
    return count
