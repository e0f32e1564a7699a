"""The SQLAlchemy 2.0 typed schema. Only the store package sees these classes;
everyone else gets the frozen domain objects back."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    # Pinned so the migrations (which spell these types out) always match the ORM.
    type_annotation_map: ClassVar = {float: Float(), datetime: DateTime(), date: Date()}


class EntryRow(Base):
    __tablename__ = "entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(String(16))
    recorder_name: Mapped[str | None] = mapped_column(String(200))
    pain: Mapped[int | None]
    nausea: Mapped[int | None]
    vomiting_episodes: Mapped[int | None]
    fatigue: Mapped[int | None]
    appetite: Mapped[int | None]
    breathlessness: Mapped[int | None]
    drowsiness: Mapped[int | None]
    depression: Mapped[int | None]
    anxiety: Mapped[int | None]
    wellbeing: Mapped[int | None]
    weight_kg: Mapped[float | None]
    temperature_c: Mapped[float | None]
    yellow_eyes: Mapped[bool | None]
    yellow_skin: Mapped[bool | None]
    itch: Mapped[int | None]
    dark_urine: Mapped[bool | None]
    pale_stools: Mapped[bool | None]
    stools_above_usual: Mapped[int | None]
    days_since_bowels_opened: Mapped[int | None]
    shivering: Mapped[bool | None]
    bleeding: Mapped[bool | None]
    clot_signs: Mapped[bool | None]
    confusion: Mapped[bool | None]
    cannot_keep_fluids: Mapped[bool | None]
    mouth_sores: Mapped[int | None]
    numbness: Mapped[int | None]
    sore_hands_feet: Mapped[int | None]
    abdominal_swelling: Mapped[int | None]
    abdominal_girth_cm: Mapped[float | None]
    blood_glucose_mmol: Mapped[float | None]
    activity_level: Mapped[int | None]
    other_problem_name: Mapped[str | None] = mapped_column(String(200))
    other_problem: Mapped[int | None]
    notes: Mapped[str | None] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_entries_live_by_time", "deleted_at", "recorded_at"),)


class AuditRow(Base):
    """One change to an entry: what it was before, who changed it and when."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(200))
    old_values: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_audit_entry_id", "entry_id"),)


class CycleRow(Base):
    __tablename__ = "cycles"

    id: Mapped[int] = mapped_column(primary_key=True)
    regimen: Mapped[str] = mapped_column(String(32))
    line: Mapped[int]
    number: Mapped[int]
    planned_start: Mapped[date]
    actual_start: Mapped[date | None]
    cycle_days: Mapped[int]
    drug_days: Mapped[str] = mapped_column(String(200))
    dose_note: Mapped[str | None] = mapped_column(Text)
    ends_line: Mapped[bool] = mapped_column(default=False)


class ProfileRow(Base):
    """A single row (id 1): the diary is about one person."""

    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    born: Mapped[date | None]
    hospital_number: Mapped[str | None] = mapped_column(String(64))
    height_cm: Mapped[float | None]
    baseline_weight_kg: Mapped[float | None]
    baseline_date: Mapped[date | None]
    thresholds: Mapped[str] = mapped_column(Text, default="{}")
    stent: Mapped[bool | None]
    contact_kinds_confirmed: Mapped[bool] = mapped_column(default=True)
    form_items: Mapped[str | None] = mapped_column(Text)
    """A JSON list of the optional items the form asks; NULL: the defaults by regimen."""


class ContactRow(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int]
    role: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32), default="other")
    hours: Mapped[str] = mapped_column(String(200), default="")


class SettingsAuditRow(Base):
    """One change to the profile's settings (a threshold, the stent, contact kinds)."""

    __tablename__ = "settings_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


class MedicineRow(Base):
    """One medicine on the list (issue 17); stopping it sets ``stop``, never deletes it."""

    __tablename__ = "medicines"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    strength: Mapped[str | None] = mapped_column(String(200))
    as_needed: Mapped[bool] = mapped_column(default=False)
    purpose: Mapped[str] = mapped_column(String(32))
    max_per_24h: Mapped[int | None]
    start: Mapped[date | None]
    stop: Mapped[date | None]


class DoseRow(Base):
    """One dose taken; a medicine with doses cannot be removed (only stopped)."""

    __tablename__ = "doses"

    id: Mapped[int] = mapped_column(primary_key=True)
    medicine_id: Mapped[int] = mapped_column(ForeignKey("medicines.id", ondelete="RESTRICT"))
    taken_at: Mapped[datetime]
    amount: Mapped[str | None] = mapped_column(String(200))
    given_by: Mapped[str] = mapped_column(String(16))
    giver_name: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (Index("ix_doses_taken_at", "taken_at"),)


class EventRow(Base):
    """A dated happening: a call (with its outcome), an admission, a procedure, a scan."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    to_whom: Mapped[str | None] = mapped_column(String(200))
    advice: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(String(16))
    flag_day: Mapped[date | None]
    flag_rule: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (Index("ix_events_at", "at"),)


class RecordAuditRow(Base):
    """One change to a medicine, dose or event: what it was before, who changed it, when.

    Kept apart from the entries' audit (whose rows point at an entry) so a deleted
    dose's old values stay after its row is gone.
    """

    __tablename__ = "record_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_kind: Mapped[str] = mapped_column(String(16))
    """medicine, dose or event."""
    record_id: Mapped[int]
    action: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(200))
    old_values: Mapped[str | None] = mapped_column(Text)
