"""Data safety: backups and their rotation, damage found on open and restored, failures that
save nothing and say why, two writers, the schema fixture, privacy and no network."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from symptomlog.domain import Entry
from symptomlog.errors import DiaryDamaged, DiaryTooNew, DiaryUnavailable
from symptomlog.store import Diary
from symptomlog.store.rotation import (
    DAILY_KEEP,
    WEEKLY_KEEP,
    daily_backups,
    ensure_daily_backup,
    newest_good_backup,
)
from symptomlog.store.schema import HEAD_REVISION

FIXTURES = Path(__file__).parent / "data"
NOW = datetime(2026, 5, 1, 9, 0)


def add(diary: Diary, n: int, start: datetime = NOW) -> None:
    diary.entries.add_many([Entry(start - timedelta(hours=i), pain=i % 11) for i in range(n)])


def damage(path: Path) -> None:
    """Overwrite a page in the middle of the file, as a failing disk might."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek((size // 2) // 4096 * 4096)
        handle.write(b"\xde\xad" * 2048)


def test_daily_backups_rotate_to_seven_days_and_four_weeks(diary_path: Path) -> None:
    with Diary.open(diary_path) as diary:
        add(diary, 5)
    first = date(2026, 3, 1)
    for offset in range(60):
        ensure_daily_backup(diary_path, first + timedelta(days=offset))
    kept = daily_backups(diary_path)
    assert len(kept) == DAILY_KEEP + WEEKLY_KEEP
    newest = first + timedelta(days=59)
    assert [b.day for b in kept[:DAILY_KEEP]] == [newest - timedelta(days=i) for i in range(7)]
    weeks = [b.day.isocalendar()[:2] for b in kept[DAILY_KEEP:]]
    assert len(set(weeks)) == WEEKLY_KEEP
    assert ensure_daily_backup(diary_path, newest) is None  # at most once a day


def test_opening_a_diary_makes_todays_backup_once_private(diary_path: Path) -> None:
    Diary.open(diary_path).close()  # created: nothing to back up yet
    assert daily_backups(diary_path) == []
    with Diary.open(diary_path) as diary:
        assert diary.backup_note and "Daily backup written" in diary.backup_note
    with Diary.open(diary_path) as diary:
        assert diary.backup_note is None
    [backup] = daily_backups(diary_path)
    assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(diary_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(diary_path.parent.stat().st_mode) == 0o700


def test_damage_is_found_on_open_and_the_newest_good_backup_restores_everything(
    diary_path: Path,
) -> None:
    with Diary.open(diary_path) as diary:
        add(diary, 400)
    Diary.open(diary_path).close()  # today's backup
    damage(diary_path)
    damaged_bytes = diary_path.read_bytes()
    with pytest.raises(DiaryDamaged) as caught:
        Diary.open(diary_path)
    backup = newest_good_backup(diary_path)
    assert backup is not None and caught.value.backup == backup.path
    assert f"symptomlog --db {diary_path} restore {backup.path}" in str(caught.value)
    assert diary_path.read_bytes() == damaged_bytes  # refused, untouched

    result = subprocess.run(
        [sys.executable, "-m", "symptomlog", "--db", str(diary_path), "restore", str(backup.path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    with Diary.open(diary_path) as diary:
        assert diary.entries.count() == 400
    kept = list((diary_path.parent / "backups").glob("*before-restore*.sqlite3"))
    assert kept and kept[0].read_bytes()[:4096] == damaged_bytes[:4096]


def _inject(diary: Diary, message: str) -> None:
    @event.listens_for(diary.engine, "before_cursor_execute")
    def fail(conn, cursor, statement, *args) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE")):
            raise sqlite3.OperationalError(message)


@pytest.mark.parametrize(
    ("injected", "said"),
    [
        ("database or disk is full", "is full"),
        ("attempt to write a readonly database", "read-only"),
        ("database is locked", "busy in another window"),
    ],
)
def test_a_failed_save_says_why_and_saves_nothing(
    diary_path: Path, injected: str, said: str
) -> None:
    with Diary.open(diary_path) as diary:
        add(diary, 3)
        _inject(diary, injected)
        with pytest.raises(DiaryUnavailable, match=said) as caught:
            diary.entries.add(Entry(NOW, pain=9))
        assert str(diary_path) in str(caught.value)
    with Diary.open(diary_path) as diary:
        assert diary.entries.count() == 3


def test_a_real_lock_from_another_program_is_reported_not_hung(
    diary_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Diary.open(diary_path) as diary:
        add(diary, 1)
    other = sqlite3.connect(diary_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        from symptomlog.store import engine as engine_module

        monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
        with (
            Diary.open(diary_path, backup=False) as diary,
            pytest.raises(DiaryUnavailable, match="busy"),
        ):
            diary.entries.add(Entry(NOW, pain=2))
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Diary.open(diary_path) as diary:
        assert diary.entries.count() == 1


def test_two_writers_lose_no_update(diary_path: Path) -> None:
    Diary.open(diary_path).close()

    def writer(offset: int) -> None:
        with Diary.open(diary_path, backup=False) as diary:
            for i in range(40):
                diary.entries.add(Entry(NOW - timedelta(minutes=offset + 2 * i), pain=i % 11))

    threads = [threading.Thread(target=writer, args=(k,)) for k in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with Diary.open(diary_path) as diary:
        assert diary.entries.count() == 80


def test_the_other_window_sees_a_change(diary_path: Path) -> None:
    with Diary.open(diary_path) as first, Diary.open(diary_path, backup=False) as second:
        version = second.data_version()
        first.entries.add(Entry(NOW, pain=1))
        assert second.data_version() != version


@pytest.mark.parametrize("version", ["0001", "0002"])
def test_a_diary_of_an_older_schema_is_backed_up_then_migrated(
    tmp_path: Path, version: str
) -> None:
    copy = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / f"diary-schema-{version}.sqlite3", copy)
    with Diary.open(copy) as diary:
        assert diary.entries.count() == 36
        assert diary.profile.get().name == "Fixture Patient (fictional)"
    [before] = (tmp_path / "backups").glob(f"old-schema{version}-*.sqlite3")
    with closing(sqlite3.connect(before)) as conn:  # the copy is the diary as it was
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (version,)
        assert conn.execute("SELECT count(*) FROM entries").fetchone() == (36,)
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,
        )
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(entries)")}
    assert "ix_entries_live_by_time" in indexes  # 0002
    assert not indexes & {"ix_entries_recorded_at", "ix_entries_fingerprint"}  # 0003


def test_a_diary_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    copy = tmp_path / "newer.sqlite3"
    shutil.copy(FIXTURES / "diary-schema-0001.sqlite3", copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = copy.read_bytes()
    with pytest.raises(DiaryTooNew):
        Diary.open(copy)
    assert copy.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_nothing_touches_the_network(tmp_path: Path) -> None:
    """Every command runs with sockets made to fail; all still work."""
    diary = tmp_path / "d.sqlite3"
    script = f"""
import socket, sys
def refuse(*args, **kwargs):
    raise AssertionError("network access attempted")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from symptomlog.cli import main
db = ["--db", {str(diary)!r}]
for command in (["demo"], ["export", "--format", "json", "-o", {str(tmp_path / "x.json")!r}],
                ["flags"], ["report", "-o", {str(tmp_path / "r.pdf")!r}], ["check"],
                ["backup", "-o", {str(tmp_path / "b.sqlite3")!r}]):
    code = main(db + command)
    assert code == 0, (command, code)
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["b.sqlite3", "backups", "d.sqlite3", "r.pdf", "x.json"] or written == [
        "b.sqlite3",
        "d.sqlite3",
        "r.pdf",
        "x.json",
    ]
