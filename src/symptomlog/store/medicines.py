"""Medicines and doses: add, edit and stop a medicine; record, edit and delete a dose.

Every change is kept in the record audit with the values before it (who, when),
like the entries' audit, so a clinician can see why a count changed. A medicine is
never deleted, only stopped: its doses stay in the history and the PDF.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from symptomlog.domain.doses import DoseLimit, dose_limit
from symptomlog.domain.medicine import Dose, Medicine
from symptomlog.errors import NotFound, Problem, ValidationError
from symptomlog.store.medicine_rows import (
    DOSE_COLUMNS,
    RecordChange,
    add_audited,
    change_audited,
    delete_audited,
    dose_columns,
    dose_from_row,
    medicine_columns,
    medicine_from_row,
    read_audit,
    row_or_not_found,
)
from symptomlog.store.models import DoseRow, MedicineRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from symptomlog.store.diary import Diary


def _same_name(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def _current(medicine: Medicine, today: date) -> bool:
    return medicine.stop is None or medicine.stop >= today


def _continues(medicine: Medicine, today: date) -> bool:
    """Still on the list after today: one that stops today gives way to its successor."""
    return medicine.stop is None or medicine.stop > today


class MedicineStore:
    """The only way medicines and doses are read and written."""

    def __init__(self, diary: Diary) -> None:
        self._diary = diary

    # --- medicines -------------------------------------------------------------------------

    def add(self, medicine: Medicine, actor: str = "user") -> Medicine:
        """Put a medicine on the list; a current medicine of the same name is refused."""
        with self._diary.write() as session:
            self._check_name_free(session, medicine)
            row = MedicineRow(**medicine_columns(medicine))
            return medicine.with_id(add_audited(session, row, "medicine", actor))

    def update(self, medicine: Medicine, actor: str = "user") -> Medicine:
        """Change a medicine (its id says which), keeping its old values in the audit."""
        with self._diary.write() as session:
            row = self._row(session, medicine.id)
            self._check_name_free(session, medicine)
            old = medicine_columns(medicine_from_row(row))
            change_audited(session, row, old, medicine_columns(medicine), "medicine", actor)
            self._check_doses_inside(session, medicine)
        return medicine

    def stop(self, medicine_id: int, on: date | None = None, actor: str = "user") -> Medicine:
        """Stop a medicine on ``on`` (today if not given); it stays in the history."""
        current = self.get(medicine_id)
        day = on or date.today()
        if current.stop is not None and current.stop < date.today():
            raise ValidationError(
                Problem("stop", f"{current.label} was already stopped on {current.stop}")
            )
        return self.update(replace(current, stop=day), actor)

    def get(self, medicine_id: int | None) -> Medicine:
        with self._diary.read() as session:
            return medicine_from_row(self._row(session, medicine_id))

    def all(self) -> list[Medicine]:
        """Every medicine, stopped ones too: current first, then by name."""
        with self._diary.read() as session:
            medicines = [medicine_from_row(r) for r in session.scalars(select(MedicineRow))]
        today = date.today()
        return sorted(medicines, key=lambda m: (not _current(m, today), m.name.casefold(), m.id))

    def current(self, day: date | None = None) -> list[Medicine]:
        """The medicines on the list on ``day`` (today if not given)."""
        on = day or date.today()
        return [m for m in self.all() if m.taken_on(on)]

    def find(self, name: str) -> Medicine:
        """The medicine called ``name`` (any case): the current one if it was restarted."""
        matches = [m for m in self.all() if _same_name(m.name, name)]
        if not matches:
            names = ", ".join(m.name for m in self.all()) or "none yet"
            raise NotFound(
                f"There is no medicine called {name.strip()!r} in this diary "
                f"(medicines: {names}). Add it with 'med add --name ...'."
            )
        continuing = [m for m in matches if _continues(m, date.today())]
        return (continuing or matches)[0]  # all() lists current medicines first

    # --- doses -----------------------------------------------------------------------------

    def record_dose(self, dose: Dose, actor: str = "user") -> Dose:
        """Store a dose taken; it must lie within its medicine's start and stop dates."""
        with self._diary.write() as session:
            medicine = medicine_from_row(self._row(session, dose.medicine_id))
            _check_inside(medicine, dose)
            return dose.with_id(add_audited(session, DoseRow(**dose_columns(dose)), "dose", actor))

    def edit_dose(self, dose: Dose, actor: str = "user") -> Dose:
        """Correct a dose (its id says which); the old values stay in the audit."""
        with self._diary.write() as session:
            row = self._dose_row(session, dose.id)
            medicine = medicine_from_row(self._row(session, dose.medicine_id))
            _check_inside(medicine, dose)
            old = dose_columns(dose_from_row(row))
            change_audited(session, row, old, dose_columns(dose), "dose", actor)
        return dose

    def delete_dose(self, dose_id: int, actor: str = "user") -> None:
        """Remove a dose recorded by mistake; its values stay in the audit."""
        with self._diary.write() as session:
            row = self._dose_row(session, dose_id)
            delete_audited(session, row, dose_columns(dose_from_row(row)), "dose", actor)

    def get_dose(self, dose_id: int) -> Dose:
        with self._diary.read() as session:
            return dose_from_row(self._dose_row(session, dose_id))

    def doses(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        medicine_id: int | None = None,
        medicine_ids: Collection[int] | None = None,
    ) -> list[Dose]:
        """Doses taken on days ``start`` to ``end`` (both inclusive), oldest first: of one
        medicine, of some (``medicine_ids``: the flags want only as-needed pain relief,
        not years of three Creon a day), or of all."""
        query = select(*DOSE_COLUMNS).order_by(DoseRow.taken_at, DoseRow.id)
        if start is not None:
            query = query.where(DoseRow.taken_at >= datetime.combine(start, time.min))
        if end is not None:
            query = query.where(DoseRow.taken_at < datetime.combine(end + timedelta(1), time.min))
        if medicine_id is not None:
            query = query.where(DoseRow.medicine_id == medicine_id)
        if medicine_ids is not None:
            query = query.where(DoseRow.medicine_id.in_(medicine_ids))
        with self._diary.read() as session:
            return [dose_from_row(r) for r in session.execute(query)]

    def last_dose(self, medicine_id: int, before: datetime | None = None) -> Dose | None:
        """The most recent dose of a medicine (at or before ``before``), or None: for
        "last dose 3 h ago" beside a Took-a-dose button."""
        query = select(DoseRow).where(DoseRow.medicine_id == medicine_id)
        if before is not None:
            query = query.where(DoseRow.taken_at <= before)
        query = query.order_by(DoseRow.taken_at.desc(), DoseRow.id.desc()).limit(1)
        with self._diary.read() as session:
            row = session.scalars(query).first()
            return None if row is None else dose_from_row(row)

    def limit_at(self, medicine: Medicine, moment: datetime) -> DoseLimit | None:
        """The 24-hour count of ``medicine`` at ``moment`` against its maximum (a fact)."""
        if medicine.id is None or medicine.max_per_24h is None:
            return None
        nearby = self.doses(
            (moment - timedelta(days=1)).date(), moment.date(), medicine_id=medicine.id
        )
        return dose_limit(medicine, nearby, moment)

    def audit(self) -> list[RecordChange]:
        """Every change to a medicine or dose, oldest first."""
        with self._diary.read() as session:
            return [c for c in read_audit(session) if c.record_kind in ("medicine", "dose")]

    # --- a full import ---------------------------------------------------------------------

    def add_records(
        self, medicines: Iterable[Medicine], doses: Iterable[Dose], actor: str = "import"
    ) -> tuple[int, int]:
        """Store imported medicines and doses (their ids are the file's own).

        A medicine equal to one in the diary is reused and a dose already there is
        skipped, so importing the same file twice adds nothing. Returns how many
        medicines and doses were added.
        """
        with self._diary.write() as session:
            existing = [medicine_from_row(r) for r in session.scalars(select(MedicineRow))]
            by_content = {repr(medicine_columns(m)): m.id for m in existing}
            new_ids: dict[int | None, int] = {}
            added_medicines = 0
            for medicine in medicines:
                key = repr(medicine_columns(medicine))
                if key not in by_content:
                    self._check_name_free(session, medicine.with_id(None))
                    row = MedicineRow(**medicine_columns(medicine))
                    by_content[key] = add_audited(session, row, "medicine", actor, "import")
                    added_medicines += 1
                new_ids[medicine.id] = by_content[key]  # type: ignore[assignment]
            known = {repr(dose_columns(dose_from_row(r))) for r in session.scalars(select(DoseRow))}
            added_doses = 0
            for dose in doses:
                if dose.medicine_id not in new_ids:
                    raise ValidationError(
                        Problem(
                            "medicine_id",
                            f"A dose names medicine {dose.medicine_id}, which is not in the file",
                        )
                    )
                medicine_id = new_ids[dose.medicine_id]
                columns = dose_columns(dose) | {"medicine_id": medicine_id}
                if repr(columns) in known:
                    continue
                _check_inside(medicine_from_row(self._row(session, medicine_id)), dose)
                known.add(repr(columns))
                session.add(DoseRow(**columns))
                added_doses += 1
        return added_medicines, added_doses

    # --- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _row(session: Session, medicine_id: int | None) -> MedicineRow:
        return row_or_not_found(session, MedicineRow, medicine_id, "medicine")

    @staticmethod
    def _dose_row(session: Session, dose_id: int | None) -> DoseRow:
        return row_or_not_found(session, DoseRow, dose_id, "dose")

    @staticmethod
    def _check_name_free(session: Session, medicine: Medicine) -> None:
        """Two current medicines of one name would make 'dose NAME' ambiguous. One that
        stops today does not clash: a new strength is entered the day the old one stops."""
        if not _current(medicine, date.today()):
            return
        today = date.today()
        for row in session.scalars(select(MedicineRow)):
            other = medicine_from_row(row)
            if (
                other.id != medicine.id
                and _same_name(other.name, medicine.name)
                and _continues(other, today)
            ):
                raise ValidationError(
                    Problem(
                        "name",
                        f"{other.name} is already on the list of medicines: edit or stop "
                        "that one, or give this one another name",
                    )
                )

    @staticmethod
    def _check_doses_inside(session: Session, medicine: Medicine) -> None:
        """Moving a start or stop date must not leave recorded doses outside it: the
        first dose outside, if any, is read and named (not years of doses to look at)."""
        outside = []
        if medicine.start is not None:
            outside.append(DoseRow.taken_at < datetime.combine(medicine.start, time.min))
        if medicine.stop is not None:
            after = datetime.combine(medicine.stop + timedelta(days=1), time.min)
            outside.append(DoseRow.taken_at >= after)
        if not outside:
            return
        query = select(DoseRow).where(DoseRow.medicine_id == medicine.id, or_(*outside))
        row = session.scalars(query.order_by(DoseRow.taken_at).limit(1)).first()
        if row is not None:
            _check_inside(medicine, dose_from_row(row))


def _check_inside(medicine: Medicine, dose: Dose) -> None:
    """A dose lies within its medicine's start and stop dates (when they are known)."""
    day = dose.taken_at.date()
    if medicine.start is not None and day < medicine.start:
        raise ValidationError(
            Problem(
                "taken_at",
                f"{medicine.label}: a dose on {day} is before its start date ({medicine.start})",
            )
        )
    if medicine.stop is not None and day > medicine.stop:
        raise ValidationError(
            Problem(
                "taken_at",
                f"{medicine.label}: a dose on {day} is after its stop date ({medicine.stop})",
            )
        )
