"""Automatic daily backups beside the diary: the last 7 days and 4 weeks are kept.

When a diary is opened, at most once a day, a consistent copy (SQLite's online
backup API, safe while another window writes) goes into ``backups/`` next to it.
A copy is kept only if it passes SQLite's quick check, so a damaged diary can
never push good backups out of the rotation. Copies made before a migration or a
restore have other names and are never pruned here.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from symptomlog.errors import SymptomlogError
from symptomlog.store.backup import copy_diary
from symptomlog.store.sqlite_files import connect

DAILY_KEEP = 7
WEEKLY_KEEP = 4
_NAME = re.compile(r"^(?P<stem>.+)-daily-(?P<day>\d{4}-\d{2}-\d{2})\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    path: Path
    day: date


def backup_folder(diary: Path) -> Path:
    return diary.parent / "backups"


def daily_backups(diary: Path) -> list[Backup]:
    """This diary's automatic backups, newest first."""
    folder = backup_folder(diary)
    found = []
    if folder.is_dir():
        for item in folder.iterdir():
            if item.is_symlink() or not item.is_file():
                continue  # a planted link is not today's backup
            match = _NAME.match(item.name)
            if match and match["stem"] == diary.stem:
                try:
                    found.append(Backup(item, date.fromisoformat(match["day"])))
                except ValueError:
                    continue
    return sorted(found, key=lambda b: b.day, reverse=True)


def quick_check(path: Path) -> bool:
    try:
        with closing(connect(path, "ro")) as conn:
            return [row[0] for row in conn.execute("PRAGMA quick_check")] == ["ok"]
    except sqlite3.Error:
        return False


def ensure_daily_backup(diary: Path, today: date | None = None) -> Path | None:
    """Write today's backup if there is none yet, then prune; return the new file, if any."""
    today = today or date.today()
    if any(b.day == today for b in daily_backups(diary)):
        return None
    target = backup_folder(diary) / f"{diary.stem}-daily-{today.isoformat()}.sqlite3"
    if target.is_symlink():
        target.unlink()  # a link in our backups folder is never ours: make the real backup
    copy_diary(diary, target)
    if not quick_check(target):
        target.unlink(missing_ok=True)
        return None
    prune(diary)
    return target


def to_keep(backups: list[Backup]) -> list[Backup]:
    """The newest 7, and the newest of each of the 4 most recent weeks before those."""
    newest_first = sorted(backups, key=lambda b: b.day, reverse=True)
    keep = newest_first[:DAILY_KEEP]
    weeks: dict[tuple[int, int], Backup] = {}
    for backup in newest_first[DAILY_KEEP:]:
        week = backup.day.isocalendar()[:2]
        if week not in weeks and len(weeks) < WEEKLY_KEEP:
            weeks[week] = backup
    return keep + list(weeks.values())


def prune(diary: Path) -> list[Path]:
    """Delete automatic backups outside the rotation; return what was deleted."""
    backups = daily_backups(diary)
    keep = {b.path for b in to_keep(backups)}
    removed = []
    for backup in backups:
        if backup.path not in keep:
            for suffix in ("", "-wal", "-shm", "-journal"):  # no orphan side files left behind
                backup.path.with_name(backup.path.name + suffix).unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def newest_good_backup(diary: Path) -> Backup | None:
    """The most recent automatic backup that passes the quick check."""
    return next((b for b in daily_backups(diary) if quick_check(b.path)), None)


BACKUP_FAILED = "Today's automatic backup could not be written"


def backup_quietly(diary: Path) -> str | None:
    """Today's backup, or a sentence saying why it could not be written (never an error).

    A full disk or a read-only folder must not stop a patient from opening the diary;
    the window shows the sentence in its status bar instead.
    """
    try:
        written = ensure_daily_backup(diary)
    except SymptomlogError as error:
        return f"{BACKUP_FAILED}: {error}"
    return f"Daily backup written to {written}" if written else None
