"""``symptomlog check``: is this diary whole, consistent and of a schema we know?"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from symptomlog.store.schema import HEAD_REVISION, known_revisions
from symptomlog.store.sqlite_files import connect


@dataclass
class CheckReport:
    path: Path
    ok: bool = True
    findings: list[str] = field(default_factory=list)
    older_schema_only: bool = False
    """Whole and consistent, only of an older schema this program can migrate."""

    def add(self, ok: bool, text: str) -> None:
        self.ok = self.ok and ok
        self.findings.append(("ok      " if ok else "PROBLEM ") + text)


def check_diary(path: Path) -> CheckReport:
    """Read-only checks: SQLite integrity, foreign keys and the schema version."""
    report = CheckReport(path)
    if not path.is_file():
        report.add(False, f"there is no diary file at {path}")
        return report
    try:
        with closing(_read_only(path)) as conn:
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            report.add(integrity == ["ok"], "integrity: " + "; ".join(integrity[:5]))
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            report.add(not broken, f"foreign keys: {len(broken)} broken references")
            healthy = report.ok
            schema_ok, text = _schema_finding(conn)
            report.add(schema_ok, text)
            report.older_schema_only = healthy and not schema_ok and "older" in text
            if report.ok:
                count = conn.execute(
                    "SELECT count(*) FROM entries WHERE deleted_at IS NULL"
                ).fetchone()[0]
                report.findings.append(f"ok      {count} entries")
    except sqlite3.Error as error:
        if "disk i/o" in str(error).lower() or "full" in str(error).lower():
            report.add(
                False,
                f"the disk could not be read or written ({error}): it may be full or failing. "
                "The diary itself may be fine: free some space and check again",
            )
        else:
            report.add(False, f"the file cannot be read as a diary: {error}")
    return report


def _read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection; in a read-only folder SQLite cannot make the -shm file it
    wants for a WAL diary, so open it as unchanging instead of calling it damaged."""
    conn = connect(path, "ro")
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1")
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if os.access(path.parent, os.W_OK):
            raise
        return connect(path, "ro", immutable=True)


def _schema_finding(conn: sqlite3.Connection) -> tuple[bool, str]:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return False, "schema: this is not a symptomlog diary (no schema version)"
    version = row[0] if row else None
    if version == HEAD_REVISION:
        return True, f"schema: version {version} (current)"
    if version is not None and version in known_revisions():
        return False, (
            f"schema: version {version}, older than this program's {HEAD_REVISION} "
            "(opening it updates it, after a backup)"
        )
    return False, f"schema: version {version}, this program expects {HEAD_REVISION}"
