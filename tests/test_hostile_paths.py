"""Hostile paths (issue 18): odd names, outputs aimed at the diary or its backups, links,
races and modes, through the command line. Hostile file contents: test_hostile_files.py."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from symptomlog.errors import BadFile, DiaryUnavailable
from symptomlog.store import Diary
from symptomlog.store.paths import file_mode
from symptomlog.store.restore import restore_diary
from symptomlog.store.schema import HEAD_REVISION
from tests.test_cli import run

FIXTURES = Path(__file__).parent / "data"


@pytest.mark.parametrize("folder", ["What?", "50% done", "#2", "a?b#c%d&e=f"])
def test_a_path_is_a_path(tmp_path: Path, folder: str) -> None:
    db = tmp_path / folder / "diary.sqlite3"
    assert run("add", "--pain", "4", db=db).returncode == 0
    assert db.is_file() and file_mode(db) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]  # nothing written elsewhere
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM entries").fetchone() == (1,)
    checked = run("check", db=db)
    assert checked.returncode == 0 and "1 entries" in checked.stdout
    assert "4" in run("export", "--format", "csv", "-o", "-", db=db).stdout


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "diary.sqlite3"
    assert run("add", "--pain", "3", db=path).returncode == 0
    assert run("flags", db=path).returncode == 0  # opening it again writes the daily backup
    return path


@pytest.mark.parametrize("command", [["report", "-o"], ["export", "--format", "csv", "-o"]])
def test_an_output_never_overwrites_the_diary_or_its_backups(
    db: Path, tmp_path: Path, command: list[str]
) -> None:
    before = db.read_bytes()
    daily = next((db.parent / "backups").iterdir())
    link = tmp_path / "link.pdf"
    link.symlink_to(tmp_path / "elsewhere.pdf")
    other_diary = tmp_path / "other.sqlite3"
    shutil.copy(db, other_diary)
    for target, why in (
        (str(db), "the diary itself"),
        (f"{db}-wal", "the diary itself"),
        (str(daily), "backups folder"),
        (str(link), "is a link"),
        ("/dev/null", "not a regular file"),
        ("", "empty"),
        (str(other_diary), "is a diary"),
    ):
        result = run(*command, target, db=db)
        assert result.returncode == 2, (target, result.stderr)
        assert why in result.stderr, (target, result.stderr)
    assert db.read_bytes() == before
    assert not (tmp_path / "elsewhere.pdf").exists()


def test_backup_may_replace_an_older_copy_but_not_the_diary(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert run("backup", "-o", str(copy), db=db).returncode == 0
    assert run("backup", "-o", str(copy), db=db).returncode == 0  # an older copy, replaced
    refused = run("backup", "-o", str(db), db=db)
    assert refused.returncode != 0 and "diary itself" in refused.stderr


def test_a_backup_of_an_older_schema_restores_and_is_migrated(db: Path, tmp_path: Path) -> None:
    old = tmp_path / "old-backup.sqlite3"
    shutil.copy(FIXTURES / "diary-schema-0001.sqlite3", old)
    result = run("restore", str(old), db=db)
    assert result.returncode == 0, result.stderr
    assert f"ok      schema: version {HEAD_REVISION} (current)" in run("check", db=db).stdout
    assert list((db.parent / "backups").glob("diary-schema0001-*.sqlite3"))


def test_a_restore_into_a_new_path_is_private_and_makes_its_folder(
    db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "new" / "folder" / "diary.sqlite3"
    old_umask = os.umask(0)
    try:
        restore_diary(db, target)
    finally:
        os.umask(old_umask)
    assert file_mode(target) == 0o600 and file_mode(target.parent) == 0o700
    with Diary.open(target) as restored:
        assert restored.entries.count() == 1


def test_two_restores_in_one_second_keep_two_copies(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert run("backup", "-o", str(copy), db=db).returncode == 0
    kept = {restore_diary(copy, db), restore_diary(copy, db)}
    assert len(kept) == 2 and all(p is not None and p.exists() for p in kept)


def test_a_restore_that_fails_half_way_leaves_the_old_diary(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert run("backup", "-o", str(copy), db=db).returncode == 0
    db.write_bytes(b"damaged" * 100)  # a damaged diary, as in the SIGKILL report
    before = db.read_bytes()

    def killed(*_args: object) -> None:
        raise OSError("killed")

    monkeypatch.setattr("symptomlog.store.restore.os.replace", killed)
    with pytest.raises(DiaryUnavailable):
        restore_diary(copy, db)
    assert db.read_bytes() == before  # never an empty file a next start takes for a new diary
    assert not list(db.parent.glob(".*restoring"))


def test_a_stale_partial_file_never_passes_its_mode_on(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    stale = tmp_path / ".export.csv.partial"
    stale.write_text("old")
    stale.chmod(0o666)
    assert run("export", "--format", "csv", "-o", str(out), db=db).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and not stale.exists()


def test_pruning_removes_a_backups_side_files_too(tmp_path: Path) -> None:
    from datetime import date

    from symptomlog.store.rotation import backup_folder, prune

    diary = tmp_path / "diary.sqlite3"
    folder = backup_folder(diary)
    folder.mkdir()
    for day in range(1, 21):
        name = f"diary-daily-{date(2026, 1, day).isoformat()}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            (folder / (name + suffix)).write_bytes(b"x")
    removed = prune(diary)
    assert removed
    left = {p.name for p in folder.iterdir()}
    assert all(not (f"{p.name}-wal" in left or f"{p.name}-shm" in left) for p in removed)


def test_a_refused_demo_creates_no_diary(tmp_path: Path) -> None:
    path = tmp_path / "never.sqlite3"
    result = run("demo", "--days", "10", db=path)
    assert result.returncode == 2 and not path.exists()


def test_an_emptied_diary_with_backups_is_damage_not_a_new_diary(db: Path) -> None:
    db.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    result = run("flags", db=db)
    assert result.returncode != 0 and "is empty, but it had entries before" in result.stderr
    assert "restore" in result.stderr and db.stat().st_size == 0


def test_the_command_line_says_when_the_automatic_backup_fails(db: Path) -> None:
    backups = db.parent / "backups"
    shutil.rmtree(backups)
    backups.write_text("a file where the backups folder should be")
    result = run("flags", db=db)
    assert result.returncode == 0
    assert "automatic backup could not be written" in result.stderr


def test_backup_never_overwrites_another_diary(db: Path, tmp_path: Path) -> None:
    mum = tmp_path / "mum.sqlite3"
    assert run("add", "--pain", "7", "--note", "Mum's own entry", db=mum).returncode == 0
    before = mum.read_bytes()
    result = run("backup", "-o", str(mum), db=db)
    assert result.returncode == 2 and "1 of its entries are not in this one" in result.stderr
    assert mum.read_bytes() == before


def test_a_save_racing_a_restore_is_refused_not_lost(db: Path, tmp_path: Path) -> None:
    from datetime import datetime

    from symptomlog.domain import Entry

    copy = tmp_path / "copy.sqlite3"
    assert run("backup", "-o", str(copy), db=db).returncode == 0
    with Diary.open(db) as window:  # a window open on the diary
        restore_diary(copy, db)  # another program restores over it
        with pytest.raises(DiaryUnavailable, match="replaced by another program"):
            window.entries.add(Entry(datetime(2026, 1, 2, 9, 0), pain=5))


def test_an_empty_db_option_is_refused(tmp_path: Path) -> None:
    result = run("--db", "", "add", "--pain", "2")
    assert result.returncode == 2 and "--db is empty" in result.stderr
    assert not (tmp_path / "home").exists()


def test_an_existing_empty_file_becomes_a_private_diary(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    path.chmod(0o666)
    assert run("add", "--pain", "2", db=path).returncode == 0
    assert file_mode(path) == 0o600


def test_every_new_folder_is_private_whatever_the_umask(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "c" / "diary.sqlite3"
    old_umask = os.umask(0)
    try:
        restore_diary(db, target)
    finally:
        os.umask(old_umask)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", target.parent):
        assert file_mode(folder) == 0o700, folder


def test_a_restore_from_a_link_to_the_diary_is_refused(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.sqlite3"
    link.symlink_to(db)
    with pytest.raises(BadFile, match="the diary itself"):
        restore_diary(link, db)


def test_backups_are_single_files_so_reading_them_leaves_nothing_behind(
    db: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "usb" / "copy.sqlite3"
    assert run("backup", "-o", str(copy), db=db).returncode == 0
    assert run("restore", str(copy), db=db).returncode == 0
    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.sqlite3"]


def test_a_planted_link_in_backups_does_not_stop_todays_backup(db: Path) -> None:
    from datetime import date

    backups = db.parent / "backups"
    shutil.rmtree(backups)
    backups.mkdir()
    (backups / f"diary-daily-{date.today().isoformat()}.sqlite3").symlink_to(db)
    assert run("add", "--pain", "1", db=db).returncode == 0
    assert [p for p in backups.iterdir() if p.is_file() and not p.is_symlink()]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            [
                "cycle",
                "add",
                "--regimen",
                "mfolfirinox",
                "--start",
                "2026-11-01",
                "--line",
                "9" * 21,
            ],
            "lines from 1 to 20",
        ),
        (["profile", "set", "--contact", "24h-line|A|not a phone"], "not a phone number"),
        (["add", "--pain", "2", "--by", "carer", "--name", "carer\x1b[2J"], "control character"),
        (["add", "--pain", "2", "--note", "\x1b]8;;http://x\x07link"], "control character"),
    ],
)
def test_bad_values_are_refused_with_exit_2(db: Path, args: list[str], expected: str) -> None:
    result = run(*args, db=db)
    assert result.returncode == 2 and expected in result.stderr, result.stderr


def test_a_screenshot_is_an_output_like_any_other(db: Path, tmp_path: Path) -> None:
    before = db.read_bytes()
    daily = next((db.parent / "backups").iterdir())
    for target in (db, daily, Path("/dev/full")):
        result = run("--view", "today", "--screenshot", str(target), db=db)
        assert result.returncode == 2, result.stderr
    assert db.read_bytes() == before
    good = tmp_path / "shot.png"
    old_umask = os.umask(0)
    try:
        assert run("--view", "today", "--screenshot", str(good), db=db).returncode == 0
    finally:
        os.umask(old_umask)
    assert good.read_bytes()[:4] == b"\x89PNG" and file_mode(good) == 0o600


def test_the_window_settings_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    code = (
        "import os; os.umask(0)\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from symptomlog.ui.main_window import settings\n"
        "s = settings(); s.setValue('view/large_text', True); s.sync()\n"
        "print(s.fileName())\n"
    )
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    path = Path(out)
    assert file_mode(path) == 0o600 and file_mode(path.parent) == 0o700


def test_a_removed_write_ahead_log_is_said_not_hidden(db: Path) -> None:
    shm = db.with_name(db.name + "-shm")
    shm.write_bytes(b"")  # after a crash both stay; here the -wal was deleted by hand
    result = run("flags", db=db)
    assert result.returncode == 0
    assert "-wal" in result.stderr and "may be lost" in result.stderr
