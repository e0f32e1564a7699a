"""Chemotherapy cycles: add (several at once), edit, delete, list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from symptomlog.domain import ChemoCycle
from symptomlog.domain.cycle import plan_cycles
from symptomlog.errors import NotFound
from symptomlog.store.convert import cycle_columns, cycle_from_row
from symptomlog.store.models import CycleRow

if TYPE_CHECKING:
    from datetime import date

    from symptomlog.store.diary import Diary


class CycleStore:
    def __init__(self, diary: Diary) -> None:
        self._diary = diary

    def add(self, cycles: list[ChemoCycle]) -> list[ChemoCycle]:
        with self._diary.write() as session:
            rows = [CycleRow(**cycle_columns(c)) for c in cycles]
            session.add_all(rows)
            session.flush()
            return [c.with_id(r.id) for c, r in zip(cycles, rows, strict=True)]

    def add_planned(
        self,
        regimen: str,
        start: date,
        count: int = 1,
        *,
        line: int | None = None,
        cycle_days: int = 0,
    ) -> list[ChemoCycle]:
        """``count`` consecutive cycles, numbered after the last cycle of that regimen.

        The line of treatment defaults to the current line, or the next one when
        the regimen changes or the last line was marked as ended.
        """
        with self._diary.read() as session:
            last_number = session.scalar(
                select(func.max(CycleRow.number)).where(CycleRow.regimen == regimen)
            )
        if line is None:
            line = self._line_for(regimen)
        planned = plan_cycles(
            regimen,
            start,
            count,
            first_number=(last_number or 0) + 1,
            line=line,
            cycle_days=cycle_days,
        )
        return self.add(planned)

    def _line_for(self, regimen: str) -> int:
        existing = self.all()
        if not existing:
            return 1
        last = existing[-1]
        if last.regimen != regimen or last.ends_line:
            return last.line + 1
        return last.line

    def update(self, cycle: ChemoCycle) -> ChemoCycle:
        with self._diary.write() as session:
            row = session.get(CycleRow, cycle.id)
            if row is None:
                raise NotFound(f"There is no cycle number {cycle.id} in this diary")
            for name, value in cycle_columns(cycle).items():
                setattr(row, name, value)
        return cycle

    def delete(self, cycle_id: int) -> None:
        with self._diary.write() as session:
            row = session.get(CycleRow, cycle_id)
            if row is None:
                raise NotFound(f"There is no cycle number {cycle_id} in this diary")
            session.delete(row)

    def all(self) -> list[ChemoCycle]:
        """Every cycle, in order of the day it started."""
        with self._diary.read() as session:
            rows = session.scalars(select(CycleRow))
            cycles = [cycle_from_row(r) for r in rows]
        return sorted(cycles, key=lambda c: (c.start, c.line, c.number))
