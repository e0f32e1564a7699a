"""Restoring a diary from a backup, keeping a copy of what it replaces.

The restored diary is written beside the real one and then renamed over it in one
step, so a crash at any moment leaves either the old diary or the restored one —
never an empty file that the next start would take for a new diary. A backup
from an older version of the program is restored as it is and then migrated,
with its own pre-migration copy, as any older diary is.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from symptomlog.errors import BadFile, DiaryUnavailable
from symptomlog.store.backup import copy_diary, unique_path
from symptomlog.store.check import check_diary
from symptomlog.store.paths import create_private_file, ensure_private_folder
from symptomlog.store.sqlite_files import connect

SIDE_FILES = ("-wal", "-shm", "-journal")


def restore_diary(backup: Path, diary: Path) -> Path | None:
    """Replace ``diary`` with ``backup``; return where the replaced diary was kept."""
    report = check_diary(backup)
    if not report.ok and not report.older_schema_only:
        raise BadFile(f"{backup} is not a good diary backup: " + "; ".join(report.findings))
    if backup.resolve() == diary.resolve():
        raise BadFile(f"{backup} is the diary itself: choose a backup to restore from")
    kept = _keep_current(diary)
    partial = diary.with_name(f".{diary.name}.restoring")
    try:
        ensure_private_folder(diary.parent)
        partial.unlink(missing_ok=True)
        create_private_file(partial)  # as private as a new diary, whatever the umask
        with closing(connect(backup, "ro")) as src, closing(connect(partial, "rw")) as dst:
            src.backup(dst)
        for suffix in SIDE_FILES:  # the old diary's journal must not be replayed onto the new
            diary.with_name(diary.name + suffix).unlink(missing_ok=True)
        os.replace(partial, diary)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise DiaryUnavailable(f"Cannot restore into {diary}: {error}") from None
    if report.older_schema_only:
        _migrate(diary)
    return kept


def _migrate(diary: Path) -> None:
    """Bring a restored older diary to the current schema (it is backed up first)."""
    from symptomlog.store.engine import open_engine

    open_engine(diary, create=False).dispose()


def _keep_current(diary: Path) -> Path | None:
    """Copy the diary about to be replaced into backups/, even if it is damaged."""
    if not diary.exists():
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = unique_path(diary.parent / "backups" / f"{diary.stem}-before-restore-{stamp}.sqlite3")
    if check_diary(diary).ok:
        return copy_diary(diary, target)
    try:  # a damaged file cannot go through the backup API: copy its bytes, leave it in place
        ensure_private_folder(target.parent)
        for suffix in ("", *SIDE_FILES):
            side = diary.with_name(diary.name + suffix)
            if side.exists():
                copy = target.with_name(target.name + suffix)
                create_private_file(copy)
                shutil.copyfile(side, copy)
    except OSError as error:
        raise DiaryUnavailable(f"Cannot keep a copy of {diary} before restoring: {error}") from None
    return target
