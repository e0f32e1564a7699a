"""Many entries at once — a CSV import of years — under exactly the rules of ``Entry``.

A five-year diary is thousands of rows but few distinct values per column (eleven
pain scores, a few hundred weights, one text per timestamp). So each column is
worked through once per distinct cell — parsed, normalised, checked by the same
``field_problem`` an entry uses, and turned into the ``repr`` its fingerprint is
made from — and the rows then only look results up. The batch keeps the values
column by column, which is also how the store inserts them. A test holds a batch
to what ``Entry(**values)`` makes of each row, fingerprints included.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from symptomlog.domain.entry import (
    CHECKED_FIELDS,
    DIGEST_EXTRA,
    DIGEST_NAMES,
    NORMALISED_FIELDS,
    VALUE_NAMES,
    Recorder,
    digest_part,
    field_problem,
    fingerprints_of,
    normalised,
)
from symptomlog.domain.parse import FieldError
from symptomlog.errors import Problem

Parse = Callable[[Any], object]
Cell = Callable[[object], object]
CHECKED = frozenset(CHECKED_FIELDS)
NORMALISED = frozenset(NORMALISED_FIELDS)
RowProblem = tuple[int, Problem]
EXTRA = frozenset(DIGEST_EXTRA)


@dataclass(frozen=True)
class EntryBatch:
    """Checked entries held column by column: what a large import stores.

    ``columns`` has one list per name in ``VALUE_NAMES``, every value already
    normalised and checked; ``fingerprints`` has the fingerprint of each row.
    """

    columns: Mapping[str, list[object]]
    fingerprints: list[str]

    def __len__(self) -> int:
        return len(self.fingerprints)


def recorder(value: object) -> Recorder:
    """Who recorded an entry, from a ``Recorder`` or its text."""
    if isinstance(value, Recorder):
        return value
    try:
        return Recorder(value)  # type: ignore[arg-type]  # text, or anything else: refused
    except ValueError:
        raise FieldError(
            "recorded_by", f"Recorded by must be patient, carer or clinician (got {value})"
        ) from None


def _type_and_repr(value: object) -> object:
    """A key for a value that may equal another yet differ from it — True and 1,
    0.0 and -0.0, a time and its ``fold=1`` twin — or be unhashable (a list)."""
    return (value.__class__, repr(value))


def _same(value: object) -> object:
    return value


class _Column:
    """One column, worked through once per distinct cell."""

    def __init__(self, name: str, cells: Sequence[object], parse: Parse, now: datetime) -> None:
        self.name = name
        self.cells = cells
        # Text cells (a CSV's) are their own keys: equal texts are the same text.
        text = set(map(type, cells)) <= {str, type(None)}
        self.key: Cell = _same if text else _type_and_repr
        self.value: dict[object, object] = {}
        self.repr: dict[object, str] = {}
        self.problem: dict[object, str] = {}
        value_of, repr_of, problem_of = self.value, self.repr, self.problem  # a hot loop
        normal, check = name in NORMALISED, name in CHECKED
        distinct = dict.fromkeys(cells) if text else {self.key(c): c for c in cells}
        for key, cell in distinct.items():
            cell = key if text else cell
            try:
                value = parse(cell)
            except FieldError as error:
                value = None
                problem_of[key] = str(error)
            else:
                if normal:
                    value = normalised(name, value)
                if check and (message := field_problem(name, value, now)):
                    problem_of[key] = message
            value_of[key] = value
            repr_of[key] = digest_part(name, value) if name in EXTRA else repr(value)
        self.blank = all(v is None for v in value_of.values())

    def _per_row(self, results: Mapping[object, object]) -> list[Any]:
        if self.key is _same:
            return list(map(results.__getitem__, self.cells))
        return [results[self.key(c)] for c in self.cells]

    def values(self) -> list[object]:
        return self._per_row(self.value)

    def reprs(self) -> list[str]:
        return self._per_row(self.repr)

    def problems(self) -> list[RowProblem]:
        if not self.problem:
            return []
        messages = self._per_row({**dict.fromkeys(self.value), **self.problem})
        return [(row, Problem(self.name, m)) for row, m in enumerate(messages) if m]


def batch_from_columns(
    columns: Mapping[str, Sequence[object]],
    rows: int,
    parsers: Mapping[str, Parse] | None = None,
    now: datetime | None = None,
) -> tuple[EntryBatch | None, list[RowProblem]]:
    """Check ``rows`` entries given as one sequence per field (a field left out is not
    recorded; who recorded defaults to the patient).

    ``parsers`` turns a column's cells into values first (a CSV's text); a cell
    that cannot be parsed is a problem of its own. Returns the batch, or ``None``
    and every problem as (row index, problem), by row and then field.
    """
    unknown = set(columns) - set(VALUE_NAMES)
    if unknown:
        raise KeyError(f"an entry has no field {', '.join(sorted(unknown))}")
    now = now or datetime.now()  # one clock for every row's "not in the future"
    parsers = parsers or {}
    result: dict[str, list[object]] = {}
    reprs: dict[str, list[str]] = {}
    problems: list[RowProblem] = []
    for name in VALUE_NAMES:
        if name in EXTRA and name not in columns:  # a later item not given: blank, no digest
            result[name] = [None] * rows
            continue
        column = _Column(name, *_cells_of(name, columns, rows, parsers), now)
        result[name] = column.values()
        if name not in EXTRA or not column.blank:  # a blank later item adds nothing
            reprs[name] = column.reprs()
        problems += column.problems()
    if problems:
        order = {name: index for index, name in enumerate(VALUE_NAMES)}
        return None, sorted(problems, key=lambda p: (p[0], order[p[1].field]))
    return EntryBatch(result, _fingerprints(reprs)), []


def _cells_of(
    name: str, columns: Mapping[str, Sequence[object]], rows: int, parsers: Mapping[str, Parse]
) -> tuple[Sequence[object], Parse]:
    """A column's cells and how to parse them; a column not given is not recorded
    (and recorded by the patient)."""
    cells = columns.get(name)
    parse: Parse = recorder if name == "recorded_by" else _same
    if cells is None:
        return [Recorder.PATIENT if name == "recorded_by" else None] * rows, parse
    if len(cells) != rows:
        raise ValueError(f"{name} has {len(cells)} values for {rows} rows")
    return cells, parsers.get(name, parse)


def _fingerprints(reprs: Mapping[str, list[str]]) -> list[str]:
    """Each row's fingerprint from its columns' reprs, in the digest's order."""
    ordered = [reprs[n] for n in (*DIGEST_NAMES, *DIGEST_EXTRA) if n in reprs]
    return fingerprints_of(zip(*ordered, strict=True))
