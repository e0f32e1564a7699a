"""The form's groups for the items beyond ESAS-r: only the items asked are shown, answers
come back as the core's values (blank stays blank), and an entry's answers are shown again."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from symptomlog.domain import Entry
from symptomlog.domain.form_items import default_form_items
from symptomlog.ui.item_groups import GradeInput, ItemGroups

WHEN = datetime(2026, 3, 1, 9, 30)


def groups(qtbot, shown) -> ItemGroups:
    widget = ItemGroups(shown)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_only_the_items_asked_show_and_empty_groups_hide(qtbot) -> None:
    widget = groups(qtbot, default_form_items(["capecitabine"]))
    assert widget.inputs["sore_hands_feet"].isVisible()
    assert widget.inputs["shivering"].isVisible()
    assert not widget.inputs["numbness"].isVisible()
    assert not widget.inputs["blood_glucose_mmol"].isVisible()
    assert not widget.boxes["Measurements"].isVisible()
    assert widget.boxes["Warning signs"].title() == "Warning signs"


def test_answers_come_back_as_values_and_blank_stays_blank(qtbot) -> None:
    widget = groups(qtbot, ["shivering", "mouth_sores", "stools_above_usual"])
    qtbot.keyClick(widget.inputs["shivering"], Qt.Key.Key_N)
    mouth = widget.inputs["mouth_sores"]
    assert isinstance(mouth, GradeInput)
    mouth.set_value(2)
    assert mouth.currentText() == "2 – Eating soft food only"
    widget.inputs["stools_above_usual"].setText("5")  # type: ignore[attr-defined]
    values, problems = widget.values()
    assert problems == []
    assert values["shivering"] is False and values["mouth_sores"] == 2
    assert values["stools_above_usual"] == 5 and values["bleeding"] is None
    widget.inputs["stools_above_usual"].setText("31")  # type: ignore[attr-defined]
    _, problems = widget.values()
    assert [p.field for p in problems] == ["stools_above_usual"]
    assert "from 0 to 30" in problems[0].message


def test_an_entrys_answers_show_even_when_that_item_is_no_longer_asked(qtbot) -> None:
    widget = groups(qtbot, [])
    widget.set_entry(Entry(WHEN, numbness=2, bleeding=False))
    assert widget.inputs["numbness"].isVisible() and widget.inputs["bleeding"].isVisible()
    assert widget.values()[0]["numbness"] == 2 and widget.values()[0]["bleeding"] is False
    widget.set_entry(None)
    assert not widget.inputs["numbness"].isVisible()
    assert all(v is None for v in widget.values()[0].values())
