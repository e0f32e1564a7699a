"""Chemotherapy cycles: add (several at once), edit, delete, list."""

from __future__ import annotations

from dataclasses import replace
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
        notes: list[str] | None = None,
    ) -> list[ChemoCycle]:
        """``count`` consecutive cycles, numbered after the last cycle of that regimen and line.

        ``notes``, when given, receives a sentence for each earlier line this one ended
        and each planned cycle it removed, for the command line and the window to say.

        The line of treatment defaults to the current line, or the next one when
        the regimen changes or the last line was marked as ended. A new line ends
        the one before it (see ``end_lines_before``).
        """
        if line is None:
            line = self._line_for(regimen)
        # checked before the diary is asked anything (a line of 10**21 is bad usage, not a crash)
        planned = plan_cycles(regimen, start, count, line=line, cycle_days=cycle_days)
        with self._diary.read() as session:
            last_number = session.scalar(
                select(func.max(CycleRow.number)).where(
                    CycleRow.regimen == regimen, CycleRow.line == line
                )
            )
        if last_number:
            planned = [replace(c, number=c.number + last_number) for c in planned]
        with self._diary.write():  # one transaction: the old line ends as the new one is added
            added = self.add(planned)
            said = self.end_lines_before(line, start)
        if notes is not None:
            notes += said
        return added

    def end_lines_before(self, line: int, start: date) -> list[str]:
        """A new line starting on ``start`` ends every earlier line: its last cycle begun
        before ``start`` is marked as ending the line, and its cycles only planned for
        ``start`` or later (no actual start recorded) are removed — they will not be given.
        Without this a 14-day regimen's last cycle ran on as "D15-D21" until the next
        regimen began. Returns what changed, in words."""
        said: list[str] = []
        with self._diary.write() as session:
            rows = session.scalars(select(CycleRow).where(CycleRow.line < line)).all()
            cycles = sorted(
                ((cycle_from_row(r), r) for r in rows), key=lambda p: (p[0].start, p[0].number)
            )
            last_begun: dict[int, CycleRow] = {}
            for cycle, row in cycles:
                if cycle.start < start:
                    last_begun[cycle.line] = row
                elif row.actual_start is None:
                    said.append(
                        f"Removed {cycle.regimen_name} {cycle.line_label} (planned for "
                        f"{cycle.start:%d %b %Y}): line {line} starts before it."
                    )
                    session.delete(row)
            for row in last_begun.values():
                if not row.ends_line:
                    ended = cycle_from_row(row)
                    said.append(
                        f"Line {ended.line} ({ended.regimen_name}) now ends with {ended.label}: "
                        f"line {line} starts {start:%d %b %Y}."
                    )
                row.ends_line = True
        return said

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
