"""The patient's profile: who they are, their baseline and their care team."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from symptomlog.domain.fields import NAME_MAX_CHARS, WEIGHT
from symptomlog.domain.parse import measure_message
from symptomlog.domain.thresholds import validate_thresholds
from symptomlog.errors import Problem, ValidationError

HEIGHT_RANGE_CM = (50.0, 250.0)


@dataclass(frozen=True)
class Contact:
    """A care-team contact; the 24-hour line is listed first."""

    role: str
    name: str
    phone: str

    def __post_init__(self) -> None:
        if not self.phone.strip():
            raise ValidationError(Problem("contact", f"Contact {self.role!r} needs a phone number"))

    @classmethod
    def parse(cls, text: str) -> Contact:
        """Read ``ROLE|NAME|PHONE`` as typed on the command line."""
        parts = [p.strip() for p in text.split("|")]
        if len(parts) != 3:
            raise ValidationError(
                Problem("contact", f"A contact is written ROLE|NAME|PHONE (got {text!r})")
            )
        return cls(*parts)

    @property
    def is_24h_line(self) -> bool:
        role = self.role.lower()
        return "24" in role or "acute oncology" in role or "triage" in role


@dataclass(frozen=True)
class Profile:
    """Who the diary is about. Every field may be blank until someone fills it in."""

    name: str | None = None
    born: date | None = None
    hospital_number: str | None = None
    height_cm: float | None = None
    baseline_weight_kg: float | None = None
    baseline_date: date | None = None
    contacts: tuple[Contact, ...] = field(default=())
    thresholds: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "contacts", sort_contacts(self.contacts))
        problems = []
        if self.name and len(self.name) > NAME_MAX_CHARS:
            problems.append(Problem("name", f"Name is too long (at most {NAME_MAX_CHARS})"))
        if self.height_cm is not None and not (
            HEIGHT_RANGE_CM[0] <= self.height_cm <= HEIGHT_RANGE_CM[1]
        ):
            problems.append(
                Problem("height_cm", f"Height must be from 50 to 250 cm (got {self.height_cm:g})")
            )
        weight = self.baseline_weight_kg
        if weight is not None and not WEIGHT.minimum <= weight <= WEIGHT.maximum:
            problems.append(Problem("baseline_weight_kg", measure_message(WEIGHT, f"{weight:g}")))
        if self.born is not None and not date(1900, 1, 1) <= self.born <= date.today():
            problems.append(Problem("born", "Date of birth must be between 1900 and today"))
        try:
            object.__setattr__(self, "thresholds", validate_thresholds(self.thresholds))
        except ValidationError as error:
            problems.extend(error.problems)
        if problems:
            raise ValidationError(problems)

    @property
    def emergency_contact(self) -> Contact | None:
        """The 24-hour line if one is stored, else the first contact."""
        return self.contacts[0] if self.contacts else None


def sort_contacts(contacts: tuple[Contact, ...] | list[Contact]) -> tuple[Contact, ...]:
    """The 24-hour line first, the rest in the order given."""
    return tuple(sorted(contacts, key=lambda c: not c.is_24h_line))
