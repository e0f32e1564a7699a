"""History shows the items beyond ESAS-r in two columns of words: the warning signs, and
the other items (bowels, side effects, measurements, the named Other problem)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from symptomlog.domain import Entry
from symptomlog.ui.history_model import COLUMNS, EntryTableModel

WHEN = datetime(2026, 3, 1, 9, 30)


def _cell(entry: Entry, name: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    model = EntryTableModel()
    model.set_entries([entry], [])
    column = [n for n, _ in COLUMNS].index(name)
    return model.data(model.index(0, column), role)


def test_warning_signs_ticked_none_or_not_asked(qtbot: object) -> None:
    assert _cell(Entry(WHEN, bleeding=True, clot_signs=True), "warning") == (
        "Bleeding, Signs of a clot"
    )
    assert _cell(Entry(WHEN, shivering=False), "warning") == "none"
    assert _cell(Entry(WHEN, pain=2), "warning") == "–"


def test_other_items_in_words_from_the_registry(qtbot: object) -> None:
    entry = Entry(
        WHEN,
        stools_above_usual=5,
        mouth_sores=2,
        blood_glucose_mmol=5.4,
        other_problem_name="Hiccups",
        other_problem=6,
    )
    text = "Stools above usual 5 stools, Mouth sores 2/4, Blood glucose 5.4 mmol/L, Hiccups 6"
    assert _cell(entry, "other_items") == text
    assert _cell(entry, "other_items", Qt.ItemDataRole.ToolTipRole) == text
    assert _cell(Entry(WHEN, pain=2), "other_items") == "–"
    assert [label for _, label in COLUMNS][-3:] == ["Warning signs", "Other items", "Notes"]
