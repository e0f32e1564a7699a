"""Keeping a diary's schema current with Alembic, and refusing one that is too new.

The stored revision is read with one query; Alembic itself is imported only
when the revision differs from ``HEAD_REVISION``, which keeps start-up fast.
A diary is backed up before any migration touches it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from symptomlog.errors import DiaryDamaged, DiaryTooNew

if TYPE_CHECKING:
    from alembic.config import Config

HEAD_REVISION = "0007"
MIGRATIONS = "symptomlog.store:migrations"


def stored_revision(conn: Connection) -> str | None:
    """The revision recorded in the diary, or None for an empty (new) file."""
    tables = {
        row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
    }
    if "alembic_version" not in tables:
        if tables:
            raise DiaryDamaged("it is an SQLite database but not a symptomlog diary")
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> list[str]:
    """Every revision this program can migrate from, newest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return [rev.revision for rev in script.walk_revisions()]


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    return config


def upgrade(conn: Connection) -> None:
    """Run every pending migration on ``conn`` (inside its transaction)."""
    from alembic import command

    config = _alembic_config()
    config.attributes["connection"] = conn
    command.upgrade(config, "head")


def needs_migration(revision: str | None, path: Path | str) -> bool:
    """True if ``revision`` is older than ours; DiaryTooNew if we don't know it."""
    if revision == HEAD_REVISION:
        return False
    if revision is not None and revision not in known_revisions():
        raise DiaryTooNew(
            f"{path} was written by a newer version of symptomlog (schema {revision}); "
            "it has been left untouched. Install the newer version to open it."
        )
    return True
