"""The CSV format of DESIGN.md: parse every row (collecting every problem) and write it back.

Text cells that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``, tab or CR) are written with a leading apostrophe, and
read back without it, so the export is safe to open and still round-trips
exactly. A leading apostrophe that would itself be ambiguous is escaped the same way.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from symptomlog.domain import Entry, Recorder
from symptomlog.domain.fields import CSV_COLUMNS, SIGN_BY_NAME, VALUE_FIELDS
from symptomlog.domain.parse import FieldError, parse_datetime, parse_value
from symptomlog.errors import BadFile, ImportRejected, Problem, ValidationError
from symptomlog.exchange.textfile import read_text

TEXT_COLUMNS = ("recorder_name", "notes")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def protect(text: str) -> str:
    """Make a text cell inert in a spreadsheet (reversible by ``unprotect``)."""
    needs = text.startswith(FORMULA_STARTS) or (
        text.startswith(ESCAPE) and text[1:2] in (*FORMULA_STARTS, ESCAPE)
    )
    return ESCAPE + text if needs else text


def unprotect(text: str) -> str:
    if text.startswith(ESCAPE) and text[1:2] and text[1:2] in (*FORMULA_STARTS, ESCAPE):
        return text[1:]
    return text


def format_cell(name: str, value: object) -> str:
    if value is None:
        return ""
    if name == "recorded_at":
        return value.isoformat(timespec="minutes")  # type: ignore[attr-defined]
    if name == "recorded_by":
        return str(getattr(value, "value", value))
    if name in SIGN_BY_NAME:
        return "yes" if value else "no"
    if name in TEXT_COLUMNS:
        return protect(str(value))
    return str(value)


def write_csv(entries: Iterable[Entry], stream: io.TextIOBase) -> int:
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for entry in entries:
        writer.writerow([format_cell(name, getattr(entry, name)) for name in CSV_COLUMNS])
        count += 1
    return count


def _check_header(header: list[str]) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for name in header:
        where = f"line 1, column {name or '(blank)'}"
        if name not in CSV_COLUMNS:
            problems.append(
                Problem(name, "unknown column (the columns are listed in the README)", where)
            )
        elif name in seen:
            problems.append(Problem(name, "this column appears twice", where))
        seen.add(name)
    if "recorded_at" not in header:
        problems.append(
            Problem("recorded_at", "the required column is missing", "line 1, column recorded_at")
        )
    return problems


def _parse_recorder(raw: str) -> Recorder:
    text = raw.strip().lower() or "patient"
    try:
        return Recorder(text)
    except ValueError:
        raise FieldError(
            "recorded_by", f"Recorded by must be patient, carer or clinician (got {raw.strip()})"
        ) from None


def _parse_recorded_at(raw: str) -> object:
    return parse_datetime("recorded_at", raw)


# One parser per column, looked up once: an import of years of rows stays fast.
PARSERS: dict[str, Callable[[str], object]] = {
    "recorded_at": _parse_recorded_at,
    "recorded_by": _parse_recorder,
    **{name: partial(parse_value, name) for name in VALUE_FIELDS},
}


def parse_row(cells: dict[str, str], where: str) -> tuple[Entry | None, list[Problem]]:
    """An entry from one row's cells, or the list of everything wrong with it."""
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for name, parse in PARSERS.items():
        raw = cells.get(name, "")
        if not raw and name in VALUE_FIELDS:
            continue  # blank: not recorded (the Entry default)
        try:
            values[name] = parse(raw)
        except FieldError as error:
            problems.append(Problem(name, str(error), f"{where}, column {name}"))
    for name in TEXT_COLUMNS:
        values[name] = unprotect(cells.get(name, "")) or None
    if problems:
        return None, problems
    try:
        return Entry(**values), []  # type: ignore[arg-type]
    except ValidationError as error:
        located = [
            Problem(p.field, p.message, f"{where}, column {p.field}") for p in error.problems
        ]
        return None, located


def read_csv(path: Path) -> list[Entry]:
    """Every row of the file as an entry, or ImportRejected listing every problem."""
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as error:
        raise BadFile(f"{path} is not a readable CSV file ({error})") from None
    problems = _check_header(header)
    if problems:
        raise ImportRejected(str(path), problems)
    entries: list[Entry] = []
    start = reader.line_num + 1
    try:
        for cells in reader:
            where = f"line {start}"
            start = reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                problems.append(
                    Problem("", f"has {len(cells)} cells but the header has {len(header)}", where)
                )
                continue
            entry, row_problems = parse_row(dict(zip(header, cells, strict=True)), where)
            problems += row_problems
            if entry is not None:
                entries.append(entry)
    except csv.Error as error:
        problems.append(Problem("", f"the CSV cannot be read ({error})", f"line {reader.line_num}"))
    if problems:
        raise ImportRejected(str(path), problems)
    if not entries:
        raise BadFile(f"{path} has a header but no rows: nothing to import")
    return entries
