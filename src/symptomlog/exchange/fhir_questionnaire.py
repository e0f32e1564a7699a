"""The diary's own FHIR Questionnaire, and one entry's answers to it.

A receiving system needs to know what each answer meant: the Questionnaire carries
the ESAS-r wording exactly as the form shows it (``domain/fields.py``), so a
QuestionnaireResponse can be read without symptomlog. linkIds are the diary's field
names, the same names as the CSV columns, so the three formats line up.
"""

from __future__ import annotations

from typing import Any, Final

from symptomlog.domain import Entry
from symptomlog.domain.fields import (
    BEYOND_ESAS,
    ESAS_SCALES,
    ITCH,
    SIGNS,
    TEMPERATURE,
    VOMITING,
    WEIGHT,
    Item,
    Scale,
)

QUESTIONNAIRE_URL: Final = "urn:symptomlog:questionnaire:daily-diary"
QUESTIONNAIRE_VERSION: Final = "2"
"""2 added the items beyond ESAS-r and ESAS-r's own "Other problem"."""
LOINC: Final = "http://loinc.org"

ESAS_ACKNOWLEDGEMENT: Final = (
    "The nine symptom items and their anchor words are the revised Edmonton Symptom "
    "Assessment System (ESAS-r), used as published: Watanabe SM, Nekolaichuk C, Beaumont C, "
    "Johnson L, Myers J, Strasser F. A multicenter study comparing two numerical versions of "
    "the Edmonton Symptom Assessment System in palliative care patients. J Pain Symptom "
    "Manage 2011;41(2):456-468. ESAS-r: Alberta Health Services, acknowledged with thanks."
)
ESAS_INSTRUCTION: Final = "choose the number that best describes how you feel NOW."

# The answer type of each kind of item, as FHIR names it in Questionnaire and answer.
ANSWER_KEY: Final = {
    "integer": "valueInteger",
    "decimal": "valueDecimal",
    "boolean": "valueBoolean",
    "text": "valueString",
}

# LOINC codes on the items that also become Observations (the same code on both).
ITEM_LOINC: Final = {
    "pain": ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
    "weight_kg": ("29463-7", "Body weight"),
    "temperature_c": ("8310-5", "Body temperature"),
    "activity_level": ("89247-1", "ECOG Performance Status score"),
}


def _scale_text(scale: Scale) -> str:
    """ "Tiredness (lack of energy): 0 = No Tiredness, 10 = Worst Possible Tiredness":
    the form's words and both anchors, so the number can be read without the app."""
    label = f"{scale.label} ({scale.hint})" if scale.hint else scale.label
    return f"{label}: {scale.minimum} = {scale.low_anchor}, {scale.maximum} = {scale.high_anchor}"


def _beyond_question(item: Item) -> tuple[str, str, str]:
    """One item beyond ESAS-r in the diary's own words, each graded level spelled out."""
    if isinstance(item, Scale):
        return item.name, _scale_text(item), "integer"
    if item.kind == "sign":
        return item.name, f"{item.wording} (yes or no)", "boolean"
    if item.kind == "grade":
        levels = "; ".join(f"{n} = {a}" for n, a in enumerate(item.answers))  # type: ignore[union-attr]
        return item.name, f"{item.wording}: {levels}", "integer"
    if item.kind == "text":
        return item.name, item.label, "text"
    return item.name, item.wording, "integer" if item.integer else "decimal"  # type: ignore[union-attr]


def _questions() -> tuple[tuple[str, str, str], ...]:
    """(linkId, text, type) in the form's order: ESAS-r, then the diary's own items."""
    return (
        *((s.name, _scale_text(s), "integer") for s in ESAS_SCALES),
        (VOMITING.name, f"{VOMITING.label}: number of episodes", "integer"),
        (WEIGHT.name, f"{WEIGHT.label} ({WEIGHT.unit})", "decimal"),
        (TEMPERATURE.name, f"{TEMPERATURE.label} ({TEMPERATURE.unit})", "decimal"),
        *((s.name, f"{s.label} (yes or no)", "boolean") for s in SIGNS),
        (ITCH.name, _scale_text(ITCH), "integer"),
        *(_beyond_question(item) for item in BEYOND_ESAS),
        ("notes", "Notes", "text"),
    )


QUESTIONS: Final = _questions()
QUESTION_BY_ID: Final = {link_id: (text, kind) for link_id, text, kind in QUESTIONS}


def _item(link_id: str, text: str, kind: str) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": link_id, "text": text, "type": kind, "required": False}
    if link_id in ITEM_LOINC:
        code, display = ITEM_LOINC[link_id]
        item["code"] = [{"system": LOINC, "code": code, "display": display}]
    return item


def questionnaire(resource_id: str) -> dict[str, Any]:
    """The Questionnaire every response in the Bundle answers (the same in every export)."""
    return {
        "resourceType": "Questionnaire",
        "id": resource_id,
        "url": QUESTIONNAIRE_URL,
        "version": QUESTIONNAIRE_VERSION,
        "name": "SymptomlogDailyDiary",
        "title": "symptomlog daily symptom diary",
        "publisher": "symptomlog (a patient-held diary)",
        "status": "active",
        "subjectType": ["Patient"],
        "description": (
            "A home symptom diary for advanced pancreatic cancer, kept by the patient or a "
            "carer: the ESAS-r scores (0-10), vomiting episodes in the last 24 hours, weight, "
            "temperature, the signs of jaundice, itch (0-10), the diary's own items on bowels, "
            "warning signs, treatment side effects and measurements (not part of ESAS-r), "
            "ESAS-r's optional Other problem, and free-text notes. For the "
            f"scores: {ESAS_INSTRUCTION} An item left blank was not recorded that time and "
            "has no answer (never 0). The ESAS-r acknowledgement is under copyright."
        ),
        "copyright": ESAS_ACKNOWLEDGEMENT,
        "item": [_item(*question) for question in QUESTIONS],
    }


def answered_items(entry: Entry) -> list[dict[str, Any]]:
    """The entry's recorded values as response items; a blank item is left out, never 0."""
    items = []
    for link_id, text, kind in QUESTIONS:
        value = getattr(entry, link_id)
        if value is None:
            continue
        if kind == "decimal":
            value = float(value)
        items.append({"linkId": link_id, "text": text, "answer": [{ANSWER_KEY[kind]: value}]})
    return items
