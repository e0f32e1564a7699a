"""``Diary``: the one service through which the CLI, the GUI and the importers
read and write a diary. It owns the engine; every call opens its own short
session and returns frozen domain objects, so no caller ever holds a session.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from symptomlog.errors import SymptomlogError
from symptomlog.store.cycles import CycleStore
from symptomlog.store.engine import WRITE, explain, memory_engine, open_engine
from symptomlog.store.entries import EntryStore
from symptomlog.store.profiles import ProfileStore


class Diary:
    """An open diary. Use ``Diary.open(path)`` or ``Diary.in_memory()``."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self._engine = engine
        self._write_engine = engine.execution_options(**WRITE)
        self.path = path
        self._active: Session | None = None
        self.entries = EntryStore(self)
        self.cycles = CycleStore(self)
        self.profile = ProfileStore(self)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Diary:
        """Open (and if needed create and migrate) the diary at ``path``."""
        path = Path(path).expanduser()
        return cls(open_engine(path, create=create), path)

    @classmethod
    def in_memory(cls) -> Diary:
        return cls(memory_engine(), None)

    @property
    def name(self) -> str:
        return str(self.path) if self.path else "in-memory diary"

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Diary:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session on a consistent snapshot (or the open transaction's)."""
        if self._active is not None:
            yield self._active
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
        if self._active is not None:
            yield self._active
            return
        with (
            self._guard(),
            Session(self._write_engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            self._active = session
            try:
                yield session
            finally:
                self._active = None

    transaction = write

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
        except (DBAPIError, OSError) as error:
            raise explain(error, self.name) from None
