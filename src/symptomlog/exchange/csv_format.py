"""The CSV format of DESIGN.md: parse every row (collecting every problem) and write it back.

Text cells that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``, tab or CR) are written with a leading apostrophe, and
read back without it, so the export is safe to open and still round-trips
exactly. A leading apostrophe that would itself be ambiguous is escaped the same way.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from symptomlog.domain import Entry, Recorder
from symptomlog.domain.entry_batch import EntryBatch, batch_from_columns
from symptomlog.domain.fields import CSV_COLUMNS, SIGN_BY_NAME
from symptomlog.domain.parse import FieldError, parse_datetime, parse_value
from symptomlog.errors import BadFile, ImportRejected, Problem
from symptomlog.exchange.textfile import read_text

TEXT_COLUMNS = ("recorder_name", "other_problem_name", "notes")
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


def _parse_text(raw: str) -> str | None:
    return unprotect(raw) or None


def _cell_parser(name: str) -> Callable[[str], object]:
    if name == "recorded_at":
        return partial(parse_datetime, name)
    if name == "recorded_by":
        return _parse_recorder
    if name in TEXT_COLUMNS:
        return _parse_text
    return partial(parse_value, name)  # a blank cell is None: not recorded


# One parser per column: each runs once per distinct cell text of its column.
PARSERS: dict[str, Callable[[str], object]] = {name: _cell_parser(name) for name in CSV_COLUMNS}


def read_csv(path: Path) -> EntryBatch:
    """Every row of the file, checked, or ImportRejected listing every problem."""
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as error:
        raise BadFile(f"{path} is not a readable CSV file ({error})") from None
    problems = _check_header(header)
    if problems:
        raise ImportRejected(str(path), problems)
    records: list[list[str]] = []
    unreadable: Problem | None = None
    last_good = reader.line_num
    try:
        for record in reader:  # keeps the rows read before a broken one
            records.append(record)
            last_good = reader.line_num
    except csv.Error as error:
        unreadable = _broken_record(error, last_good + 1)
    width = len(header)
    filled = [i for i, cells in enumerate(records) if "".join(cells).strip()]  # skip blank rows
    data = [i for i in filled if len(records[i]) == width]
    rows = [records[i] for i in data]
    columns = dict(zip(header, zip(*rows, strict=True), strict=True)) if rows else {}
    batch, invalid = batch_from_columns(columns, len(rows), PARSERS)
    if invalid or len(data) < len(filled) or unreadable:
        line = _first_lines(text)  # only to say where: most imports never need it
        found = [
            (line[i], Problem("", f"has {len(records[i])} cells but the header has {width}"))
            for i in filled
            if len(records[i]) != width
        ]
        found += [(line[data[row]], problem) for row, problem in invalid]
        for at, p in sorted(found, key=lambda item: item[0]):  # stable: fields keep their order
            column = f", column {p.field}" if p.field else ""
            problems.append(Problem(p.field, p.message, f"line {at}{column}"))
        if unreadable:  # after every row that could be read
            problems.append(unreadable)
        raise ImportRejected(str(path), problems)
    if batch is None or not len(batch):
        raise BadFile(f"{path} has a header but no rows: nothing to import")
    return batch


def _broken_record(error: csv.Error, line: int) -> Problem:
    """Where a record the csv module cannot read starts, and why, in words."""
    if "unexpected end of data" in str(error):
        why = 'a quote (") opened in this row is never closed, so the rows after it would be lost'
    else:
        why = f"the CSV cannot be read ({error})"
    return Problem("", why, f"line {line}")


def _first_lines(text: str) -> list[int]:
    """The line each record after the header starts on (a quoted cell may hold newlines)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    next(reader)
    lines = []
    start = reader.line_num + 1
    with contextlib.suppress(csv.Error):  # a broken row ends the file, as it did when read
        for _ in reader:
            lines.append(start)
            start = reader.line_num + 1
    return lines
