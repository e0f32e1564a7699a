"""The diary store: SQLite through SQLAlchemy, migrated by Alembic, behind ``Diary``."""

from symptomlog.store.diary import Diary
from symptomlog.store.entries import AuditRecord, EntryRecord, ImportResult
from symptomlog.store.medicine_rows import RecordChange

__all__ = ["AuditRecord", "Diary", "EntryRecord", "ImportResult", "RecordChange"]
