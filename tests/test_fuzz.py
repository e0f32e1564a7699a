"""Fuzzing imports with hypothesis: never a traceback, never a partial import, and
export -> import -> export is the identity for CSV and for JSON."""

from __future__ import annotations

import json
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symptomlog.domain import Entry, Recorder
from symptomlog.domain.fields import CSV_COLUMNS, MEASURES, SCALES, SIGNS
from symptomlog.errors import SymptomlogError
from symptomlog.exchange.transfer import export_text, import_file
from symptomlog.store import Diary

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
NAME_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
"""What a name may hold: no control characters (they would rewrite a terminal)."""
NOTE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t\r"),
    max_size=40,
)


def import_text(diary: Diary, data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        import_file(diary, path)


cell = st.one_of(
    st.just(""),
    st.text(max_size=8),
    st.integers(-5, 400).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["yes", "no", "1", "0", "maybe", "2026-02-30", "2026-03-01T09:30", "=1+1"]),
)


@FUZZ
@given(
    columns=st.lists(st.sampled_from([*CSV_COLUMNS, "unknown", ""]), min_size=1, max_size=8),
    rows=st.lists(st.lists(cell, min_size=0, max_size=9), max_size=6),
    prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00\x01"]),
)
def test_any_csv_is_imported_whole_or_refused_with_a_message(
    columns: list[str], rows: list[list[str]], prefix: bytes
) -> None:
    lines = [",".join(columns), *(",".join(r) for r in rows)]
    data = prefix + "\n".join(lines).encode("utf-8", "surrogatepass")
    with Diary.in_memory() as diary:
        diary.entries.add(Entry(datetime(2026, 1, 1, 9), pain=1))
        try:
            import_text(diary, data, ".csv")
        except SymptomlogError as error:
            assert str(error)  # a message, not a traceback
            assert diary.entries.count() == 1  # nothing of a refused file was stored
        else:
            assert diary.entries.count() >= 1


@FUZZ
@given(st.binary(max_size=300), st.sampled_from([".csv", ".json"]))
def test_any_bytes_never_crash_an_import(data: bytes, suffix: str) -> None:
    with Diary.in_memory() as diary:
        try:
            import_text(diary, data, suffix)
        except SymptomlogError as error:
            assert str(error)
            assert diary.entries.count() == 0


@st.composite
def entries(draw: st.DrawFn) -> list[Entry]:
    start = datetime(2025, 6, 1, 8, 0)
    result = []
    for index in range(draw(st.integers(1, 6))):  # an empty export is header-only: refused
        values: dict[str, object] = {}
        for scale in SCALES:
            values[scale.name] = draw(st.none() | st.integers(0, 10))
        for measure in MEASURES:
            if measure.integer:
                values[measure.name] = draw(st.none() | st.integers(0, 50))
            else:
                number = draw(st.floats(measure.minimum, measure.maximum))
                values[measure.name] = draw(st.none() | st.just(round(number, 1)))
        for sign in SIGNS:
            values[sign.name] = draw(st.none() | st.booleans())
        note = draw(st.none() | NOTE_TEXT)
        result.append(
            Entry(
                recorded_at=start + timedelta(hours=7 * index),
                recorded_by=draw(st.sampled_from(list(Recorder))),
                recorder_name=draw(st.none() | NAME_TEXT.filter(str.strip)),
                notes=note if note and note.strip() else None,
                **values,  # type: ignore[arg-type]
            )
        )
    return result


def without_export_time(text: str, fmt: str) -> object:
    """The JSON export stamps when it was written; two exports a second apart differ there."""
    if fmt == "csv":
        return text
    data = json.loads(text)
    assert data.pop("exported_at")
    return data


@FUZZ
@given(entries(), st.sampled_from(["csv", "json"]))
def test_export_then_import_is_the_identity(items: list[Entry], fmt: str) -> None:
    with Diary.in_memory() as first, Diary.in_memory() as second:
        first.entries.add_many(items)
        exported = export_text(first, fmt)
        import_text(second, exported.encode("utf-8"), f".{fmt}")
        assert without_export_time(export_text(second, fmt), fmt) == without_export_time(
            exported, fmt
        )
        assert [e.fingerprint() for e in second.entries.between()] == [
            e.fingerprint() for e in first.entries.between()
        ]
