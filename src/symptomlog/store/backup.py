"""Consistent copies of a diary through SQLite's online backup API.

A plain file copy of a WAL database can miss the last saves; the backup API
copies a consistent snapshot even while another window has the diary open.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from symptomlog.errors import DiaryUnavailable
from symptomlog.files import private_partial
from symptomlog.store.paths import ensure_private_folder
from symptomlog.store.sqlite_files import connect


def copy_diary(source: Path, destination: Path) -> Path:
    """Write a consistent private copy of ``source`` to ``destination``."""
    if destination.resolve() == source.resolve():
        raise DiaryUnavailable(f"A backup cannot overwrite the diary itself ({source})")
    try:
        ensure_private_folder(destination.parent)
        # never half a backup under its real name: written beside it, then renamed
        with (
            private_partial(destination) as partial,
            closing(connect(source, "ro")) as src,
            closing(connect(partial, "rw")) as dst,
        ):
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
    except (OSError, sqlite3.Error) as error:
        raise DiaryUnavailable(f"Cannot write the backup {destination}: {error}") from None
    return destination


def unique_path(path: Path) -> Path:
    """``path``, or ``name-2.sqlite3``, ``name-3`` … if taken: two copies in one second differ."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def copy_before_migration(path: Path, revision: str) -> Path:
    """Keep the diary as it was before a schema migration, beside it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.parent / "backups" / f"{path.stem}-schema{revision}-{stamp}.sqlite3"
    return copy_diary(path, unique_path(target))
