"""The profile (one per diary), its care-team contacts, and the audit of its settings.

Every change to a setting that decides when the app says "call" (a threshold, the
stent, the contacts and their kinds, the baseline weight) is written to the settings
audit with who changed it and when, so a clinician can see why a flag did or did
not fire.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from symptomlog.domain import Profile
from symptomlog.domain.thresholds import THRESHOLDS
from symptomlog.store.convert import now, profile_from_rows
from symptomlog.store.models import ContactRow, ProfileRow, SettingsAuditRow

if TYPE_CHECKING:
    from symptomlog.store.diary import Diary

PROFILE_ID = 1


@dataclass(frozen=True)
class SettingChange:
    """One audited change: which setting, from what, to what, by whom and when."""

    at: datetime
    actor: str
    key: str
    old_value: str | None
    new_value: str | None


def audited_settings(profile: Profile) -> dict[str, str | None]:
    """The settings the audit follows, as text a person can read."""
    values: dict[str, str | None] = {
        f"threshold:{t.key}": f"{profile.thresholds[t.key]:g}"
        if t.key in profile.thresholds
        else None
        for t in THRESHOLDS
    }
    values["stent"] = None if profile.stent is None else ("yes" if profile.stent else "no")
    values["baseline_weight_kg"] = (
        None if profile.baseline_weight_kg is None else f"{profile.baseline_weight_kg:g}"
    )
    values["form_items"] = None if profile.form_items is None else ", ".join(profile.form_items)
    values["contacts"] = "; ".join(
        f"{c.kind.value}|{c.name}|{c.phone}|{c.hours}" for c in profile.contacts
    )
    return values


class ProfileStore:
    def __init__(self, diary: Diary) -> None:
        self._diary = diary

    def get(self) -> Profile:
        with self._diary.read() as session:
            row = session.get(ProfileRow, PROFILE_ID)
            contacts = list(session.scalars(select(ContactRow).order_by(ContactRow.position)))
            return profile_from_rows(row, contacts)

    def save(self, profile: Profile, actor: str = "user") -> Profile:
        """Store the profile; every setting that changed is audited in the same transaction."""
        before = audited_settings(self.get())
        after = audited_settings(profile)
        with self._diary.write() as session:
            row = session.get(ProfileRow, PROFILE_ID) or ProfileRow(id=PROFILE_ID)
            row.name = profile.name
            row.born = profile.born
            row.hospital_number = profile.hospital_number
            row.height_cm = profile.height_cm
            row.baseline_weight_kg = profile.baseline_weight_kg
            row.baseline_date = profile.baseline_date
            row.thresholds = json.dumps(profile.thresholds, sort_keys=True)
            row.stent = profile.stent
            row.contact_kinds_confirmed = profile.contact_kinds_confirmed
            row.form_items = None if profile.form_items is None else json.dumps(profile.form_items)
            session.add(row)
            session.execute(delete(ContactRow))
            session.add_all(
                ContactRow(
                    position=i,
                    role=c.role,
                    name=c.name,
                    phone=c.phone,
                    kind=c.kind.value,
                    hours=c.hours,
                )
                for i, c in enumerate(profile.contacts)
            )
            at = now()
            session.add_all(
                SettingsAuditRow(
                    at=at, actor=actor, key=key, old_value=before[key], new_value=after[key]
                )
                for key in after
                if before[key] != after[key]
            )
        return profile

    def audit(self) -> list[SettingChange]:
        """Every audited change to the settings, oldest first."""
        with self._diary.read() as session:
            rows = session.scalars(select(SettingsAuditRow).order_by(SettingsAuditRow.id))
            return [SettingChange(r.at, r.actor, r.key, r.old_value, r.new_value) for r in rows]
