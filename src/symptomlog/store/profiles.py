"""The profile (one per diary) and its care-team contacts."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from symptomlog.domain import Profile
from symptomlog.store.convert import profile_from_rows
from symptomlog.store.models import ContactRow, ProfileRow

if TYPE_CHECKING:
    from symptomlog.store.diary import Diary

PROFILE_ID = 1


class ProfileStore:
    def __init__(self, diary: Diary) -> None:
        self._diary = diary

    def get(self) -> Profile:
        with self._diary.read() as session:
            row = session.get(ProfileRow, PROFILE_ID)
            contacts = list(session.scalars(select(ContactRow).order_by(ContactRow.position)))
            return profile_from_rows(row, contacts)

    def save(self, profile: Profile) -> Profile:
        with self._diary.write() as session:
            row = session.get(ProfileRow, PROFILE_ID) or ProfileRow(id=PROFILE_ID)
            row.name = profile.name
            row.born = profile.born
            row.hospital_number = profile.hospital_number
            row.height_cm = profile.height_cm
            row.baseline_weight_kg = profile.baseline_weight_kg
            row.baseline_date = profile.baseline_date
            row.thresholds = json.dumps(profile.thresholds, sort_keys=True)
            session.add(row)
            session.execute(delete(ContactRow))
            session.add_all(
                ContactRow(position=i, role=c.role, name=c.name, phone=c.phone)
                for i, c in enumerate(profile.contacts)
            )
        return profile
