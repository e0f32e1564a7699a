"""Plain typed domain objects and their validation: no database, no Qt."""

from symptomlog.domain.cycle import REGIMENS, ChemoCycle, Regimen, plan_cycles
from symptomlog.domain.entry import Entry, Recorder
from symptomlog.domain.event import Event, EventKind, Outcome
from symptomlog.domain.medicine import Dose, Medicine, Purpose
from symptomlog.domain.profile import Contact, Profile

__all__ = [
    "REGIMENS",
    "ChemoCycle",
    "Contact",
    "Dose",
    "Entry",
    "Event",
    "EventKind",
    "Medicine",
    "Outcome",
    "Profile",
    "Purpose",
    "Recorder",
    "Regimen",
    "plan_cycles",
]
