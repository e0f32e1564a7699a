"""The History table's model (ui/history_model.py) on its own: rows newest first, the columns
and their headings, what each role gives, the flag markers and who recorded each entry.

The flags come from the core's own rules (``find_flags``), so a marker here is the marker a
patient sees beside the entry that raised it, not a hand-made Flag."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from symptomlog.analysis.flags import find_flags
from symptomlog.domain import ChemoCycle, Entry, Profile, Recorder
from symptomlog.ui.history_model import BLANK, COLUMNS, EntryTableModel

DAY = datetime(2026, 3, 10, 9, 0)
CYCLES = [ChemoCycle("mfolfirinox", 1, date(2026, 3, 1))]
NAMES = [name for name, _ in COLUMNS]
Role = Qt.ItemDataRole


def entries() -> list[Entry]:
    """A fever on chemotherapy (red), a quiet entry, severe pain and vomiting (amber)."""
    return [
        Entry(DAY, temperature_c=38.4, id=1),
        Entry(DAY + timedelta(hours=3), pain=2, id=2),
        Entry(DAY + timedelta(days=2), pain=8, notes="bad night\nslept at 4", id=3),
        Entry(
            DAY + timedelta(days=2, hours=2),
            vomiting_episodes=3,
            recorded_by=Recorder.CARER,
            recorder_name="Sam (son)",
            id=4,
        ),
    ]


@pytest.fixture
def model(qtbot: object) -> EntryTableModel:
    table = entries()
    made = EntryTableModel()
    made.set_entries(table, find_flags(table, CYCLES, Profile()))
    return made


def cell(model: EntryTableModel, row: int, name: str, role: int = Role.DisplayRole) -> object:
    return model.data(model.index(row, NAMES.index(name)), role)


def test_rows_are_the_entries_newest_first(model: EntryTableModel) -> None:
    assert model.rowCount() == 4 and model.columnCount() == len(COLUMNS)
    assert [model.entry(row).id for row in range(4)] == [4, 3, 2, 1]
    assert model.row_of(2) == 2 and model.row_of(99) is None
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no row has children
    assert model.data(QModelIndex()) is None


def test_entries_at_the_same_minute_keep_a_stable_order_by_id(qtbot: object) -> None:
    same = EntryTableModel()
    same.set_entries([Entry(DAY, pain=1, id=5), Entry(DAY, pain=2, id=9)], [])
    assert [same.entry(row).id for row in range(2)] == [9, 5]


def test_the_headings_come_from_the_item_registry(model: EntryTableModel) -> None:
    horizontal = Qt.Orientation.Horizontal
    headings = [model.headerData(c, horizontal) for c in range(model.columnCount())]
    assert headings[:4] == ["When", "Recorded by", "Flag", "Pain"]
    assert "Nausea" in headings and headings[-1] == "Notes"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, horizontal, Role.ToolTipRole) is None


def test_values_show_as_recorded_and_blank_stays_blank(model: EntryTableModel) -> None:
    assert cell(model, 3, "recorded_at") == "Tue 10 Mar 2026 09:00"
    assert cell(model, 3, "temperature_c") == "38.4"
    assert cell(model, 2, "pain") == "2"
    assert cell(model, 3, "pain") == BLANK  # not recorded is never shown as 0
    assert cell(model, 0, "vomiting_episodes") == "3"
    assert cell(model, 1, "notes") == "bad night slept at 4"  # one line in the table


def test_the_roles_a_view_and_a_screen_reader_ask_for(model: EntryTableModel) -> None:
    for name in ("recorded_at", "pain", "notes"):
        assert cell(model, 1, name, Role.AccessibleTextRole) == cell(model, 1, name)
    assert cell(model, 1, "notes", Role.ToolTipRole) == "bad night\nslept at 4"  # whole note
    assert cell(model, 1, "pain", Role.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignCenter)
    assert cell(model, 1, "notes", Role.TextAlignmentRole) is None  # text reads from the left
    assert cell(model, 1, "pain", Role.ToolTipRole) is None
    assert cell(model, 1, "pain", Role.DecorationRole) is None


def test_flag_markers_sit_beside_the_entry_that_raised_them(model: EntryTableModel) -> None:
    assert cell(model, 3, "flag") == "⚠ RED"  # the fever on chemotherapy
    assert cell(model, 2, "flag") == ""  # the same day, but this entry raised nothing
    assert cell(model, 1, "flag") == "! amber"  # pain 8
    assert cell(model, 0, "flag") == "! amber"  # vomited 3 times
    fever_tip = cell(model, 3, "flag", Role.ToolTipRole)
    assert isinstance(fever_tip, str) and "24-hour line" in fever_tip
    assert cell(model, 2, "flag", Role.ToolTipRole) is None
    assert [f.rule for f in model.flags_of(3)] == ["temperature"]
    assert model.flags_of(2) == []


def test_the_most_urgent_flag_is_the_marker(qtbot: object) -> None:
    fever_and_pain = Entry(DAY, temperature_c=38.4, pain=8, id=1)
    both = EntryTableModel()
    both.set_entries([fever_and_pain], find_flags([fever_and_pain], CYCLES, Profile()))
    assert [f.level.value for f in both.flags_of(0)] == ["red", "amber"]
    assert both.data(both.index(0, NAMES.index("flag"))) == "⚠ RED"


def test_carer_entries_are_marked_with_the_carers_name(model: EntryTableModel) -> None:
    assert cell(model, 0, "recorded_by") == "Carer — Sam (son)"
    assert cell(model, 1, "recorded_by") == "Patient"
    unnamed = EntryTableModel()
    patient_named = Entry(DAY, pain=1, recorder_name="ignored for the patient", id=1)
    unnamed.set_entries(
        [Entry(DAY, pain=1, recorded_by=Recorder.CLINICIAN, id=2), patient_named], []
    )
    assert unnamed.data(unnamed.index(0, 1)) == "Clinician"
    assert unnamed.data(unnamed.index(1, 1)) == "Patient"


def test_jaundice_signs_in_short_words_with_the_full_names_on_hover(qtbot: object) -> None:
    table = EntryTableModel()
    table.set_entries(
        [
            Entry(DAY, yellow_eyes=True, dark_urine=True, id=1),
            Entry(DAY - timedelta(days=1), yellow_eyes=False, id=2),
            Entry(DAY - timedelta(days=2), pain=1, id=3),
        ],
        [],
    )
    column = NAMES.index("jaundice")
    assert table.data(table.index(0, column)) == "eyes, urine"
    tip = table.data(table.index(0, column), Role.ToolTipRole)
    assert isinstance(tip, str) and "eyes" in tip.lower() and "urine" in tip.lower()
    assert table.data(table.index(1, column)) == "none"  # asked, and all no
    assert table.data(table.index(2, column)) == BLANK  # not asked


def test_new_entries_replace_the_old_rows(model: EntryTableModel) -> None:
    model.set_entries([Entry(DAY, pain=4, id=7)], [])
    assert model.rowCount() == 1 and model.entry(0).id == 7
    assert cell(model, 0, "flag") == ""  # the old flags went with the old rows
