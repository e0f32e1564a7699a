"""Plain typed domain objects and their validation: no database, no Qt."""

from symptomlog.domain.cycle import REGIMENS, ChemoCycle, Regimen, plan_cycles
from symptomlog.domain.entry import Entry, Recorder
from symptomlog.domain.profile import Contact, Profile

__all__ = [
    "REGIMENS",
    "ChemoCycle",
    "Contact",
    "Entry",
    "Profile",
    "Recorder",
    "Regimen",
    "plan_cycles",
]
