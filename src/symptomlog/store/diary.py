"""``Diary``: the one service through which the CLI, the GUI and the importers
read and write a diary. It owns the engine; every call opens its own short
session and returns frozen domain objects, so no caller ever holds a session.
"""

from __future__ import annotations

import os
import shlex
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from symptomlog.errors import DiaryDamaged, DiaryUnavailable, SymptomlogError
from symptomlog.store.cycles import CycleStore
from symptomlog.store.engine import WRITE, explain, memory_engine, open_engine
from symptomlog.store.entries import EntryStore
from symptomlog.store.events import EventStore
from symptomlog.store.medicines import MedicineStore
from symptomlog.store.profiles import ProfileStore
from symptomlog.store.report_log import ReportLog
from symptomlog.store.sqlite_files import connect


class Diary:
    """An open diary. Use ``Diary.open(path)`` or ``Diary.in_memory()``."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self._engine = engine
        self._write_engine = engine.execution_options(**WRITE)
        self.path = path
        self._identity = _identity(path) if path is not None else None
        self.backup_note: str | None = None
        self.protection_warning = False
        """True when ``backup_note`` says protection stopped (shown by the command line too)."""
        self._watch: sqlite3.Connection | None = None
        """What happened to today's automatic backup, for the window's status bar."""
        self._local = threading.local()
        """This thread's open write transaction: a report built in a worker thread must
        never join the window thread's transaction."""
        self.entries = EntryStore(self)
        self.cycles = CycleStore(self)
        self.reports = ReportLog(self)
        self.profile = ProfileStore(self)
        self.medicines = MedicineStore(self)
        self.events = EventStore(self)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, backup: bool = True) -> Diary:
        """Open (and if needed create and migrate) the diary at ``path``.

        A damaged diary is refused with the newest good backup named; a good one gets
        its daily automatic backup (``store.rotation``) unless ``backup`` is False.
        """
        from symptomlog.store import rotation

        path = Path(path).expanduser()
        existed = path.exists()
        log_missing = existed and _log_was_removed(path)
        if existed and path.is_file() and path.stat().st_size == 0 and rotation.daily_backups(path):
            # an empty file where a diary with backups was: never start afresh silently
            raise damaged_with_backup(path, f"{path} is empty, but it had entries before")
        try:
            engine = open_engine(path, create=create)
        except DiaryDamaged as error:
            raise damaged_with_backup(path, str(error)) from None
        if existed and not rotation.quick_check(path):
            engine.dispose()
            raise damaged_with_backup(path, f"{path} is damaged (SQLite's quick check failed)")
        diary = cls(engine, path)
        if backup and existed:
            note = rotation.backup_quietly(path)
            diary.backup_note = note
            diary.protection_warning = bool(note and note.startswith(rotation.BACKUP_FAILED))
        if log_missing:
            diary.backup_note = (
                f"{path.name}-wal, where the last saves wait before they join the diary, was "
                "missing after the program stopped: the most recent entries may be lost. "
                "Check History, and restore a backup if entries are missing."
            )
            diary.protection_warning = True
        return diary

    @classmethod
    def in_memory(cls) -> Diary:
        return cls(memory_engine(), None)

    @property
    def name(self) -> str:
        return str(self.path) if self.path else "in-memory diary"

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        self._engine.dispose()

    def data_version(self) -> int:
        """A number that changes whenever anyone (another window, a CLI import) commits.

        SQLite's ``PRAGMA data_version`` on one long-lived connection of our own: the
        window polls it to refresh what it shows when the diary changes elsewhere.
        """
        if self.path is None:
            return 0
        try:
            if self._watch is None:
                self._watch = connect(self.path, "ro", check_same_thread=False)
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as error:
            raise explain(error, self.name) from None

    def _active_session(self) -> Session | None:
        return getattr(self._local, "active", None)

    def __enter__(self) -> Diary:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session on a consistent snapshot (or the open transaction's)."""
        active = self._active_session()
        if active is not None:
            yield active
            return
        with self._guard(), Session(self._engine, expire_on_commit=False) as session:
            yield session
            session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: all of it is stored, or (on any error) none of it.

        Inside ``transaction()`` it joins the open transaction instead, so several
        stores can change together (a JSON import: profile, cycles and entries).
        """
        active = self._active_session()
        if active is not None:
            yield active
            return
        with (
            self._guard(),
            Session(self._write_engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            self._local.active = session
            try:
                yield session
                self._check_same_file()
            finally:
                self._local.active = None

    transaction = write

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A write transaction on a plain connection, for the hottest write: one save.

        The same guard, lock and same-file check as ``write``, without an ORM session:
        its bookkeeping took 0.16 of a save's 0.44 ms CPU (mean of 400), and ``make
        bench`` holds a save to twice a bare INSERT + COMMIT (0.3 ms). Inside
        ``transaction()`` it joins the open transaction.
        """
        active = self._active_session()
        if active is not None:
            yield active.connection()
            return
        with self._guard(), self._write_engine.begin() as connection:
            yield connection
            self._check_same_file()

    def _check_same_file(self) -> None:
        """Refuse to commit into a file that is no longer the diary at our path.

        A restore (another process) renames a new file over the diary; a write that
        began before it would otherwise commit into the old, unlinked file and be lost
        while reporting success. Checked just before each commit.
        """
        if self.path is not None and _identity(self.path) != self._identity:
            raise DiaryUnavailable(
                f"{self.path} was replaced by another program (a restore) during this save. "
                "Nothing was saved here: open the diary again and repeat it."
            )

    @property
    def engine(self) -> Engine:
        """For integrity checks and backups only; never for reading or writing entries."""
        return self._engine

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except SymptomlogError:
            raise
        except (DBAPIError, sqlite3.Error, OSError) as error:
            raise explain(error, self.name) from None


def _log_was_removed(path: Path) -> bool:
    """True when the diary's -shm is there but its -wal is not: after a crash both stay,
    after a clean close both go; a -wal deleted by hand (or a cleaner) loses saved entries."""
    shm = path.with_name(path.name + "-shm")
    wal = path.with_name(path.name + "-wal")
    return shm.exists() and not wal.exists()


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file is at ``path`` (device and inode), or None if there is none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def damaged_with_backup(path: Path, message: str) -> DiaryDamaged:
    """The damage, and the way back: the newest automatic backup that is whole."""
    from symptomlog.store.rotation import newest_good_backup

    good = newest_good_backup(path)
    if good is None:
        return DiaryDamaged(f"{message}. There is no automatic backup of it to restore.")
    error = DiaryDamaged(
        f"{message}. The newest good backup is from {good.day:%d %b %Y}: "
        f"'symptomlog --db {shlex.quote(str(path))} restore {shlex.quote(str(good.path))}' "
        "puts it back and keeps the damaged file."
    )
    error.backup = good.path
    return error
