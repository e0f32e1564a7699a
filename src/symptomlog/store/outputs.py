"""Where a file the user asked for may be written: never over the diary or its backups.

``report -o diary.sqlite3`` once replaced the diary with a PDF and exited 0. Every
output a person names (an export, a report, a backup, a chart, a screenshot) is
checked here first: not empty, not the diary or one of its side files, not inside
its backups folder, not a link, a device or a folder, and not another diary.
"""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from pathlib import Path

from symptomlog.errors import RefusedOutput
from symptomlog.store.rotation import backup_folder
from symptomlog.store.sqlite_files import connect

SQLITE_MAGIC = b"SQLite format 3\x00"
SIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def checked_output(
    output: str | Path, diary: Path | None, *, may_replace_diary_copy: bool = False
) -> Path:
    """``output`` as a path that is safe to write, or RefusedOutput saying why not.

    ``may_replace_diary_copy``: a backup may overwrite an older copy of a diary the
    user named themselves; an export or report never overwrites any diary.
    """
    text = str(output)
    if not text.strip():
        raise RefusedOutput("The output file name is empty: choose a file name")
    path = Path(text)
    if path.is_symlink():
        raise RefusedOutput(f"{path} is a link: choose a plain file name instead")
    if path.exists():
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise RefusedOutput(f"{path} is not a regular file (a folder, device or pipe)")
    if diary is not None:
        _not_the_diary(path, diary)
    if path.exists() and not may_replace_diary_copy and _is_sqlite(path):
        raise RefusedOutput(f"{path} is a diary: it would be overwritten. Choose another name")
    return path


def only_older_copy(output: Path, diary: Path) -> None:
    """A backup may replace an existing diary file only if it is an older copy of this
    diary: every entry in it is also in this one. Anything else would lose entries."""
    if not output.exists() or not _is_sqlite(output):
        return
    try:
        with closing(connect(output, "ro")) as there, closing(connect(diary, "ro")) as here:
            theirs = {row[0] for row in there.execute("SELECT fingerprint FROM entries")}
            ours = {row[0] for row in here.execute("SELECT fingerprint FROM entries")}
    except sqlite3.Error:
        raise RefusedOutput(
            f"{output} is a database but not a copy of this diary: it would be overwritten"
        ) from None
    missing = len(theirs - ours)
    if missing:
        raise RefusedOutput(
            f"{output} is another diary: {missing} of its entries are not in this one and "
            "would be lost. Choose another file name"
        )


def _not_the_diary(path: Path, diary: Path) -> None:
    target = path.resolve()
    guarded = {diary.with_name(diary.name + s).resolve() for s in SIDE_SUFFIXES}
    if target in guarded:
        raise RefusedOutput(f"{path} is the diary itself: it would be overwritten. Nothing written")
    if target.parent == backup_folder(diary).resolve():
        raise RefusedOutput(
            f"{path} is in the diary's backups folder: the backups are kept as they are. "
            "Choose another folder"
        )


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False
