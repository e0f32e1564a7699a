"""The diary store: on disk and in memory, the audit trail, cycles and the profile."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from symptomlog.domain import ChemoCycle, Contact, Entry, Profile, Recorder
from symptomlog.errors import DiaryDamaged, DiaryTooNew, DiaryUnavailable, NotFound
from symptomlog.store import Diary
from symptomlog.store.paths import file_mode
from symptomlog.store.schema import HEAD_REVISION, known_revisions

WHEN = datetime(2026, 3, 1, 9, 30)


@pytest.fixture(params=["disk", "memory"])
def any_diary(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    diary = Diary.open(tmp_path / "d.sqlite3") if request.param == "disk" else Diary.in_memory()
    yield diary
    diary.close()


def test_added_entry_reads_back_with_blanks_kept_blank(any_diary: Diary) -> None:
    saved = any_diary.entries.add(Entry(WHEN, pain=0, weight_kg=61.2, notes="ok"))
    again = any_diary.entries.get(saved.id)  # type: ignore[arg-type]
    assert again == saved
    assert again.pain == 0 and again.nausea is None and again.yellow_eyes is None


def test_query_by_date_range_is_inclusive_and_oldest_first(any_diary: Diary) -> None:
    for day in (1, 2, 3, 4):
        any_diary.entries.add(Entry(datetime(2026, 3, day, 23, 59), pain=day))
    found = any_diary.entries.between(date(2026, 3, 2), date(2026, 3, 3))
    assert [e.pain for e in found] == [2, 3]


def test_recorder_filter_returns_only_carer_entries(any_diary: Diary) -> None:
    any_diary.entries.add(Entry(WHEN, pain=1))
    any_diary.entries.add(Entry(WHEN, Recorder.CARER, "Sam", pain=2))
    carers = any_diary.entries.between(recorded_by=Recorder.CARER)
    assert [(e.pain, e.recorder_name) for e in carers] == [(2, "Sam")]


def test_edit_keeps_old_values_in_audit_trail(any_diary: Diary) -> None:
    saved = any_diary.entries.add(Entry(WHEN, pain=3))
    any_diary.entries.update(saved.id, Entry(WHEN, pain=5), actor="carer: Sam")  # type: ignore[arg-type]
    assert any_diary.entries.get(saved.id).pain == 5  # type: ignore[arg-type]
    (record,) = any_diary.entries.audit(saved.id)
    assert record.action == "edit" and record.actor == "carer: Sam"
    assert json.loads(record.old_values or "{}")["pain"] == 3


def test_soft_delete_hides_entry_and_restore_brings_it_back(any_diary: Diary) -> None:
    saved = any_diary.entries.add(Entry(WHEN, pain=3))
    entry_id = saved.id
    assert entry_id is not None
    any_diary.entries.delete(entry_id, actor="patient")
    assert any_diary.entries.count() == 0
    assert [e.id for e in any_diary.entries.between(deleted=True)] == [entry_id]
    with pytest.raises(NotFound):
        any_diary.entries.get(entry_id)
    any_diary.entries.restore(entry_id, actor="patient")
    assert any_diary.entries.get(entry_id).pain == 3
    assert [a.action for a in any_diary.entries.audit(entry_id)] == ["delete", "restore"]


def test_failed_transaction_leaves_nothing_behind(any_diary: Diary) -> None:
    with pytest.raises(RuntimeError), any_diary.transaction():
        any_diary.entries.add(Entry(WHEN, pain=3))
        raise RuntimeError("power cut")
    assert any_diary.entries.count() == 0


def test_cycles_are_numbered_after_the_last_of_their_regimen(any_diary: Diary) -> None:
    any_diary.cycles.add_planned("mfolfirinox", date(2026, 1, 5), 2)
    later = any_diary.cycles.add_planned("mfolfirinox", date(2026, 2, 2), 2)
    assert [(c.number, c.planned_start) for c in later] == [
        (3, date(2026, 2, 2)),
        (4, date(2026, 2, 16)),
    ]
    second_line = any_diary.cycles.add_planned("gem-nabpac", date(2026, 3, 16))
    assert second_line[0].line == 2 and second_line[0].drug_days == (1, 8, 15)


def test_cycle_delay_is_kept(any_diary: Diary) -> None:
    (cycle,) = any_diary.cycles.add([ChemoCycle("mfolfirinox", 1, date(2026, 1, 5))])
    delayed = ChemoCycle(
        "mfolfirinox",
        1,
        date(2026, 1, 5),
        actual_start=date(2026, 1, 12),
        dose_note="80% dose",
        id=cycle.id,
    )
    any_diary.cycles.update(delayed)
    (stored,) = any_diary.cycles.all()
    assert stored.delay_days == 7 and stored.dose_note == "80% dose"


def test_profile_keeps_24_hour_line_first(any_diary: Diary) -> None:
    profile = Profile(
        name="Test Person",
        born=date(1960, 1, 2),
        contacts=(
            Contact("gp", "Dr A", "0100", "Mon–Fri 8–6"),
            Contact("24h-line", "AOS", "0199", "24 hours"),
        ),
        stent=True,
    )
    any_diary.profile.save(profile)
    stored = any_diary.profile.get()
    assert stored.name == "Test Person"
    assert [(c.kind.value, c.name, c.hours) for c in stored.contacts] == [
        ("24h-line", "AOS", "24 hours"),
        ("gp", "Dr A", "Mon–Fri 8–6"),
    ]
    assert stored.stent is True
    assert stored.line_24h is not None and stored.line_24h.phone == "0199"


def test_new_diary_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new-folder" / "diary.sqlite3"
    Diary.open(path).close()
    assert file_mode(path) == 0o600
    assert file_mode(path.parent) == 0o700


def test_diary_uses_wal_foreign_keys_and_busy_timeout(diary: Diary) -> None:
    with diary.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_not_a_database_is_reported_as_damaged_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 100)
    before = path.read_bytes()
    with pytest.raises(DiaryDamaged, match=str(path)):
        Diary.open(path)
    assert path.read_bytes() == before


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER)")
    with pytest.raises(DiaryDamaged, match="not a symptomlog diary"):
        Diary.open(path)


def test_diary_from_newer_version_is_refused_untouched(diary_path: Path) -> None:
    Diary.open(diary_path).close()
    with sqlite3.connect(diary_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = diary_path.read_bytes()
    with pytest.raises(DiaryTooNew, match="newer version"):
        Diary.open(diary_path)
    assert diary_path.read_bytes() == before


def test_missing_diary_is_not_created_when_only_reading(tmp_path: Path) -> None:
    path = tmp_path / "nothing.sqlite3"
    with pytest.raises(DiaryUnavailable, match="no diary"):
        Diary.open(path, create=False)
    assert not path.exists()


def test_head_revision_constant_matches_alembic(tmp_path: Path) -> None:
    assert known_revisions()[0] == HEAD_REVISION


def test_migrations_build_exactly_the_orm_schema(diary: Diary) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from symptomlog.store.models import Base

    with diary.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
