"""Restoring a diary from a backup, keeping a copy of what it replaces."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from symptomlog.errors import BadFile, DiaryUnavailable
from symptomlog.store.backup import copy_diary
from symptomlog.store.check import check_diary
from symptomlog.store.paths import create_private_file, ensure_private_folder


def restore_diary(backup: Path, diary: Path) -> Path | None:
    """Replace ``diary`` with ``backup``; return where the replaced diary was kept."""
    report = check_diary(backup)
    if not report.ok:
        raise BadFile(f"{backup} is not a good diary backup: " + "; ".join(report.findings))
    kept = _keep_current(diary)
    try:
        with closing(sqlite3.connect(backup)) as src, closing(sqlite3.connect(diary)) as dst:
            src.backup(dst)
    except (OSError, sqlite3.Error) as error:
        raise DiaryUnavailable(f"Cannot restore into {diary}: {error}") from None
    return kept


def _keep_current(diary: Path) -> Path | None:
    """Copy the diary about to be replaced into backups/, even if it is damaged."""
    if not diary.exists():
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = diary.parent / "backups" / f"{diary.stem}-before-restore-{stamp}.sqlite3"
    if check_diary(diary).ok:
        return copy_diary(diary, target)
    try:  # a damaged file cannot go through the backup API: move it aside, bytes untouched
        ensure_private_folder(target.parent)
        for suffix in ("", "-wal", "-shm"):
            side = diary.with_name(diary.name + suffix)
            if side.exists():
                shutil.move(side, target.with_name(target.name + suffix))
        create_private_file(diary)
    except OSError as error:
        raise DiaryUnavailable(f"Cannot keep a copy of {diary} before restoring: {error}") from None
    return target
