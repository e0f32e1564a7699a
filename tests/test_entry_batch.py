"""The batch path of a large import must agree with one ``Entry`` at a time: the same
values, the same fingerprints, the same problems, and rows stored exactly as the
single-entry path stores them."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from symptomlog.domain import Entry, Recorder
from symptomlog.domain.entry import VALUE_NAMES
from symptomlog.domain.entry_batch import EntryBatch, batch_from_columns
from symptomlog.domain.fields import ITEMS
from symptomlog.errors import ValidationError
from symptomlog.store import Diary
from symptomlog.store.convert import entry_columns
from symptomlog.store.entries import AuditRecord, EntryRecord
from symptomlog.store.models import EntryRow

NOW = datetime(2026, 11, 25, 12, 0)

# Values an import may meet, wrong ones included: out of range, wrong type,
# True where a number belongs (it equals 1), seconds to be dropped, blank text.
ANY_VALUE = st.one_of(
    st.none(),
    st.integers(-2, 60),
    st.booleans(),
    st.floats(20, 70, allow_nan=False).map(lambda f: round(f, 1)),
    st.sampled_from([1.0, float("nan"), "", "  ", "3"]),
)
WHEN = st.datetimes(datetime(1899, 12, 31), datetime(2026, 12, 31))
TEXT = st.none() | st.text(max_size=5) | st.just("   ")


@st.composite
def rows(draw: st.DrawFn) -> list[dict[str, object]]:
    result = []
    for _ in range(draw(st.integers(0, 6))):
        row: dict[str, object] = {
            "recorded_at": draw(WHEN),
            "recorded_by": draw(st.sampled_from([*Recorder, "carer", "nobody"])),
            "recorder_name": draw(TEXT),
            "notes": draw(TEXT),
        }
        for item in ITEMS:  # the items beyond ESAS-r too, and the Other problem's name
            row[item.name] = draw(TEXT if item.kind == "text" else ANY_VALUE)
        result.append(row)
    return result


def rows_of(batch: EntryBatch) -> list[dict[str, object]]:
    """The batch's values row by row, as ``Entry.values()`` gives them."""
    return [
        dict(zip(VALUE_NAMES, row, strict=True))
        for row in zip(*(batch.columns[n] for n in VALUE_NAMES), strict=True)
    ]


def one_at_a_time(row: dict[str, object]) -> Entry | ValidationError:
    try:
        entry = Entry(**row)  # type: ignore[arg-type]
    except ValidationError as error:
        return error
    return entry


@settings(max_examples=150, deadline=None)
@given(rows())
def test_a_batch_equals_its_rows_built_one_at_a_time(table: list[dict[str, object]]) -> None:
    columns = {name: [row[name] for row in table] for name in VALUE_NAMES} if table else {}
    singles = [one_at_a_time(row) for row in table]  # both read the real clock
    batch, problems = batch_from_columns(columns, len(table))
    wrong = [(i, s) for i, s in enumerate(singles) if isinstance(s, ValidationError)]
    if wrong:
        assert batch is None
        found = {(i, p.field, p.message) for i, p in problems}
        assert {f[0] for f in found} == {i for i, _ in wrong}
        for i, error in wrong:
            said = {(i, p.field, p.message) for p in error.problems}
            if [p.field for p in error.problems] == ["recorded_by"]:
                assert said <= found  # one entry stops at who recorded; a batch says the rest too
            else:
                assert said == {f for f in found if f[0] == i}
        return
    assert problems == []
    assert batch is not None
    assert rows_of(batch) == [s.values() for s in singles]  # type: ignore[union-attr]
    assert batch.fingerprints == [s.fingerprint() for s in singles]  # type: ignore[union-attr]


def test_true_beside_one_is_kept_apart_in_a_column() -> None:
    columns = {
        "recorded_at": [NOW, NOW + timedelta(minutes=1)],
        "pain": [1, True],  # True equals 1 and hashes alike, but is no pain score
        "weight_kg": [60.0, 60],
    }
    batch, problems = batch_from_columns(columns, 2, now=NOW + timedelta(hours=1))
    assert batch is None
    assert [(row, p.field) for row, p in problems] == [(1, "pain")]


@pytest.mark.parametrize(
    ("name", "odd"),
    [
        ("recorded_at", NOW.replace(hour=3, fold=1)),  # equals its fold=0 twin, repr differs
        ("weight_kg", -0.0),  # equals 0.0, repr differs (and is out of range)
        ("pain", [[1], 2]),  # unhashable
        ("recorded_by", type("Lookalike", (), {"__str__": lambda self: "carer"})()),
    ],
)
def test_values_equal_to_others_or_unhashable_are_judged_as_one_entry_would(
    name: str, odd: object
) -> None:
    at = NOW.replace(hour=3)
    plain = {
        "recorded_at": at,
        "weight_kg": 0.0,
        "pain": 1,
        "recorded_by": "carer",
    }
    rows = [
        {"recorded_at": at, name: plain[name]},
        {"recorded_at": at, name: odd},
    ]
    columns = {n: [row.get(n) for row in rows] for n in {*rows[0], *rows[1]}}
    if name != "recorded_by":
        columns.setdefault("recorded_by", ["patient", "patient"])
    singles = [one_at_a_time({"recorded_by": "patient", **row}) for row in rows]
    batch, problems = batch_from_columns(columns, 2, now=NOW + timedelta(hours=1))
    if any(isinstance(s, ValidationError) for s in singles):
        assert batch is None
        assert {(row, p.field, p.message) for row, p in problems} == {
            (i, p.field, p.message)
            for i, s in enumerate(singles)
            if isinstance(s, ValidationError)
            for p in s.problems
        }
    else:
        assert batch is not None
        assert rows_of(batch) == [s.values() for s in singles]  # type: ignore[union-attr]
        assert batch.fingerprints == [s.fingerprint() for s in singles]  # type: ignore[union-attr]


def stored_rows(path: Path) -> list[tuple[object, ...]]:
    """Every stored value with its SQLite type, bookkeeping columns left out."""
    names = [*VALUE_NAMES, "fingerprint", "deleted_at"]
    select = ", ".join(f"typeof({n}), {n}" for n in names)
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(f"SELECT {select} FROM entries ORDER BY recorded_at").fetchall()


def test_batch_records_and_single_saves_store_exactly_what_the_orm_stores(
    tmp_path: Path,
) -> None:
    start = datetime(2026, 3, 1, 9, 30)
    table = [
        Entry(start, Recorder.CARER, "Sam", pain=3, weight_kg=61.25, yellow_eyes=True),
        Entry(start + timedelta(hours=5), nausea=0, temperature_c=38.1, dark_urine=False),
        Entry(start + timedelta(days=1), notes="Crème brûlée 🙂", vomiting_episodes=2),
    ]
    columns = {name: [getattr(e, name) for e in table] for name in VALUE_NAMES}
    batch, problems = batch_from_columns(columns, len(table))
    assert batch is not None and problems == []
    with Diary.open(tmp_path / "batch.sqlite3") as diary:
        assert diary.entries.add_batch(batch).added == 3
        assert diary.entries.add_batch(batch).already_present == 3
        assert diary.entries.between() == [e.with_id(i + 1) for i, e in enumerate(table)]
    with Diary.open(tmp_path / "single.sqlite3") as diary:
        assert [diary.entries.add(e).id for e in table] == [1, 2, 3]
    with Diary.open(tmp_path / "records.sqlite3") as diary:  # a JSON import, one audited
        records = [EntryRecord(e.with_id(i + 7)) for i, e in enumerate(table)]
        trail = [AuditRecord(8, "edit", start, "carer", '{"pain": 1}')]
        assert diary.entries.add_records(records, trail).added == 3
        assert [a.entry_id for a in diary.entries.audit()] == [2]
        assert diary.entries.between() == [e.with_id(i + 1) for i, e in enumerate(table)]
    with Diary.open(tmp_path / "orm.sqlite3") as diary, diary.write() as session:
        stamp = datetime.now()
        session.add_all(
            EntryRow(**entry_columns(e), created_at=stamp, updated_at=stamp) for e in table
        )
    orm = stored_rows(tmp_path / "orm.sqlite3")
    assert stored_rows(tmp_path / "batch.sqlite3") == orm
    assert stored_rows(tmp_path / "single.sqlite3") == orm
    assert stored_rows(tmp_path / "records.sqlite3") == orm
