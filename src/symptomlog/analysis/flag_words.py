"""What a flag tells a tired, frightened person: what to do, who to call, and why.

CLINICAL.md gives three levels three messages. Red names only a contact of kind
24-hour line; with none stored it sends the reader to the hospital's 24-hour line
(the number is on the chemotherapy alert card) or 999, and asks for the number.
Amber names the day-time team. Rule names, thresholds and sources never appear
in these words: they go under "Details" in the window and in the PDF.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from symptomlog.domain import Profile

GUIDANCE: Final = (
    "This is guidance, not a diagnosis: follow your care team's own advice where it differs."
)
NO_NUMBER: Final = (
    "Call your hospital's 24-hour line now (the number is on your chemotherapy alert card). "
    "In an emergency call 999. Add the number in Profile."
)


def call_now(profile: Profile) -> str:
    """The red headline: the 24-hour line's number, never a day-time contact's."""
    line = profile.line_24h
    if line is None:
        return NO_NUMBER
    who = f" — {line.name}" if line.name else ""
    return f"Call your 24-hour line now: {line.phone}{who}."


def tell_today(profile: Profile) -> str:
    """The amber headline: the palliative or oncology team, else the 24-hour line."""
    contact = profile.daytime_contact
    if contact is not None:
        hours = f", {contact.hours}" if contact.hours else ""
        who = f" — {contact.name}" if contact.name else ""
        return f"Tell your care team today: {contact.phone}{who}{hours}."
    line = profile.line_24h
    if line is not None:
        return f"Tell your care team today: ring your 24-hour line, {line.phone}."
    return "Tell your care team today."


MENTION: Final = "Mention it to your care team at your next contact."


def short_date(day: date) -> str:
    """ "Wed 3 Jun": the app's date format for people."""
    return f"{day:%a} {day.day} {day:%b}"


def days_after(days: int) -> str:
    """ "the day after", "5 days after"."""
    if days == 0:
        return "on the day of"
    if days == 1:
        return "the day after"
    return f"{days} days after"
