"""Opening a diary file: SQLite settings, file permissions, errors and migration.

Every connection gets foreign keys, WAL, a busy timeout and ``synchronous=FULL``
(an acknowledged save survives a power cut). Writes begin with
``BEGIN IMMEDIATE`` so two windows on one diary queue up instead of failing
half-way; reads use a plain ``BEGIN`` for a consistent snapshot.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool, StaticPool

from symptomlog.errors import DiaryDamaged, DiaryUnavailable, SymptomlogError
from symptomlog.store import schema
from symptomlog.store.paths import create_private_file, ensure_private_folder
from symptomlog.store.sqlite_files import connect

BUSY_TIMEOUT_MS = 5000
WRITE = {"symptomlog_write": True}


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event decides below
    cursor = dbapi_conn.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _on_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get("symptomlog_write")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _make_engine(url: str, **kwargs: Any) -> Engine:
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def explain(error: BaseException, path: Path | str) -> SymptomlogError:
    """Turn an SQLite or OS error into a sentence naming the diary and what to do."""
    original = getattr(error, "orig", None) or error
    message = str(original).lower()
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return DiaryDamaged(f"{path} is damaged or is not a symptomlog diary ({original})")
    if "readonly" in message or "read-only" in message or "permission denied" in message:
        return DiaryUnavailable(
            f"{path} cannot be written: the file or its folder is read-only. "
            "Nothing was saved; copy the diary somewhere writable or change its permissions."
        )
    if "disk is full" in message or "no space" in message or "disk i/o" in message:
        return DiaryUnavailable(f"The disk holding {path} is full. Nothing was saved.")
    if "locked" in message or "busy" in message:
        return DiaryUnavailable(
            f"{path} is busy in another window or program. Nothing was saved; try again."
        )
    if "unable to open" in message:
        return DiaryUnavailable(f"{path} cannot be opened ({original})")
    return DiaryUnavailable(f"{path}: {original}")


def open_engine(path: Path, *, create: bool) -> Engine:
    """An engine on the diary at ``path``, migrated to the current schema."""
    if path.is_dir():
        raise DiaryUnavailable(f"{path} is a folder, not a diary file")
    if not path.exists():
        if not create:
            raise DiaryUnavailable(f"There is no diary at {path}")
        try:
            ensure_private_folder(path.parent)
            create_private_file(path)
        except OSError as error:
            raise DiaryUnavailable(
                f"Cannot create a diary at {path}: {error.strerror or error}"
            ) from None
    if path.stat().st_size == 0:
        os.chmod(path, 0o600)  # an empty file about to become a diary: private like a new one
    engine = _make_engine(
        "sqlite://",
        creator=lambda: connect(path, "rw", check_same_thread=False),
        poolclass=QueuePool,  # what SQLAlchemy picks for a file URL; "sqlite://" alone is memory
    )
    try:
        _prepare(engine, path)
    except BaseException:
        engine.dispose()
        raise
    return engine


def memory_engine() -> Engine:
    """An in-memory diary for tests and previews; one shared connection."""
    engine = _make_engine(
        "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
    )
    _prepare(engine, ":memory:")
    return engine


def _prepare(engine: Engine, path: Path | str) -> None:
    try:
        with engine.connect() as conn:
            revision = schema.stored_revision(conn)
            conn.rollback()
        if not schema.needs_migration(revision, path):
            return
        if revision is not None and isinstance(path, Path):
            from symptomlog.store.backup import copy_before_migration

            copy_before_migration(path, revision)
        with engine.connect().execution_options(**WRITE) as conn, conn.begin():
            schema.upgrade(conn)
    except DiaryDamaged as error:
        raise DiaryDamaged(f"{path} is not a symptomlog diary: {error}") from None
    except (DBAPIError, sqlite3.Error, OSError) as error:
        raise explain(error, path) from None
