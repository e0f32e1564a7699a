"""``symptomlog check``: is this diary whole, consistent and of a schema we know?"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from symptomlog.store.schema import HEAD_REVISION


@dataclass
class CheckReport:
    path: Path
    ok: bool = True
    findings: list[str] = field(default_factory=list)

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
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            report.add(integrity == ["ok"], "integrity: " + "; ".join(integrity[:5]))
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            report.add(not broken, f"foreign keys: {len(broken)} broken references")
            report.add(*_schema_finding(conn))
            if report.ok:
                count = conn.execute(
                    "SELECT count(*) FROM entries WHERE deleted_at IS NULL"
                ).fetchone()[0]
                report.findings.append(f"ok      {count} entries")
    except sqlite3.Error as error:
        report.add(False, f"the file cannot be read as a diary: {error}")
    return report


def _schema_finding(conn: sqlite3.Connection) -> tuple[bool, str]:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return False, "schema: this is not a symptomlog diary (no schema version)"
    version = row[0] if row else None
    if version == HEAD_REVISION:
        return True, f"schema: version {version} (current)"
    return False, f"schema: version {version}, this program expects {HEAD_REVISION}"
