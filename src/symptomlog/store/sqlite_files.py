"""Opening SQLite files by path, never by a string SQLite or SQLAlchemy would parse.

A folder may be called "What?" or "50% done" or "#2": put into ``file:{path}``
or ``sqlite:///{path}`` unescaped, the ``?`` starts a query and the data goes
to another file. Every connection to a diary or a backup goes through here: a
proper ``file:`` URI (``Path.as_uri`` escapes ``?``, ``#`` and ``%``) with an
explicit mode, so a missing file is never silently created either.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Literal

Mode = Literal["ro", "rw", "rwc"]


def file_uri(path: Path, mode: Mode, *, immutable: bool = False) -> str:
    """``file:///…?mode=…`` for ``path``, every special character escaped."""
    extra = "&immutable=1" if immutable else ""
    return f"{Path(path).absolute().as_uri()}?mode={mode}{extra}"


def connect(
    path: Path, mode: Mode = "rw", *, immutable: bool = False, **kwargs: Any
) -> sqlite3.Connection:
    """A connection to exactly this file: "ro" read-only, "rw" must exist, "rwc" may create.

    ``immutable``: the file will not change while open (a read-only folder, where SQLite
    cannot create the WAL's shared-memory file).
    """
    return sqlite3.connect(file_uri(path, mode, immutable=immutable), uri=True, **kwargs)
