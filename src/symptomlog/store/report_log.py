"""The reports saved from this diary: their period, so the next can be "since the last report".

A clinician who read the last report wants what happened after it; remembering
its last day (not the file: where it went is the user's business) is enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Date, DateTime, select
from sqlalchemy.orm import Mapped, mapped_column

from symptomlog.store.models import Base

if TYPE_CHECKING:
    from symptomlog.store.diary import Diary


class ReportRow(Base):
    """One saved report: when it was saved and the period it covered."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    saved_at: Mapped[datetime] = mapped_column(DateTime())
    period_start: Mapped[date] = mapped_column(Date())
    period_end: Mapped[date] = mapped_column(Date())


@dataclass(frozen=True)
class SavedReport:
    saved_at: datetime
    start: date
    end: date


class ReportLog:
    def __init__(self, diary: Diary) -> None:
        self._diary = diary

    def saved(self, start: date, end: date, at: datetime | None = None) -> None:
        """Remember that a report for [start, end] was saved (now, unless ``at``)."""
        with self._diary.write() as session:
            session.add(
                ReportRow(
                    saved_at=at or datetime.now().replace(microsecond=0),
                    period_start=start,
                    period_end=end,
                )
            )

    def last(self) -> SavedReport | None:
        """The report saved most recently, or None if none was."""
        with self._diary.read() as session:
            row = session.scalars(
                select(ReportRow).order_by(ReportRow.saved_at.desc(), ReportRow.id.desc())
            ).first()
            return (
                None if row is None else SavedReport(row.saved_at, row.period_start, row.period_end)
            )

    def since_last(self, today: date | None = None) -> tuple[date, date] | None:
        """The period from the day after the last report's end to today; None if no report
        was saved. A report that ended today (or later) gives today alone."""
        last = self.last()
        if last is None:
            return None
        end = today or date.today()
        return min(last.end + timedelta(days=1), end), end
