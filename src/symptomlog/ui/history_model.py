"""The History table's model: entries read from the core, newest first, never copied.

A ``QAbstractTableModel`` over the list the core returns: rows are the core's
``Entry`` objects, and each cell is formatted when the view asks for it. Blank
stays blank in the table too ("–"), so "not recorded" never looks like 0.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from symptomlog.analysis.flags import Flag
from symptomlog.domain import Entry, Recorder
from symptomlog.domain.entry import value_words
from symptomlog.domain.fields import BEYOND_ESAS, ITEM_BY_NAME, SIGNS, WARNING_SIGNS
from symptomlog.domain.words import who_recorded

Index = QModelIndex | QPersistentModelIndex


def _key(entry: Entry) -> tuple[int | None, datetime]:
    return entry.id, entry.recorded_at


def _heading(name: str) -> str:
    """A column's heading from the registry: a scale's full label, a measure's short one."""
    item = ITEM_BY_NAME[name]
    return item.label if item.kind == "scale" else item.column  # type: ignore[union-attr]


ITEM_COLUMNS = ("pain", "nausea", "vomiting_episodes", "fatigue", "weight_kg", "temperature_c")
COLUMNS: tuple[tuple[str, str], ...] = (
    ("recorded_at", "When"),
    ("recorded_by", "Recorded by"),
    ("flag", "Flag"),
    *((name, _heading(name)) for name in (*ITEM_COLUMNS, "itch")),
    ("jaundice", "Jaundice signs"),
    ("warning", "Warning signs"),
    ("other_items", "Other items"),
    ("notes", "Notes"),
)
"""Headings from the item registry (History shows the scales' full labels)."""
TEXT_COLUMNS = ("notes", "jaundice", "warning", "other_items")
OTHER_ITEMS = tuple(
    i.name for i in BEYOND_ESAS if i.kind in ("measure", "grade") and i.name != "other_problem"
)
"""The items beyond ESAS-r shown in words in one column (from the registry)."""
BLANK = "–"


SHORT_SIGNS = {
    "yellow_eyes": "eyes",
    "yellow_skin": "skin",
    "dark_urine": "urine",
    "pale_stools": "stools",
}


def _jaundice(entry: Entry) -> str:
    seen = [SHORT_SIGNS[s.name] for s in SIGNS if getattr(entry, s.name)]
    said_no = [s for s in SIGNS if getattr(entry, s.name) is False]
    if seen:
        return ", ".join(seen)
    return "none" if said_no else BLANK


def _warning(entry: Entry) -> str:
    """The warning signs ticked, "none" when asked and all no, blank when not asked."""
    seen = [s.label for s in WARNING_SIGNS if getattr(entry, s.name)]
    if seen:
        return ", ".join(seen)
    return "none" if any(getattr(entry, s.name) is False for s in WARNING_SIGNS) else BLANK


def _other_items(entry: Entry) -> str:
    """Bowels, side effects and measurements beyond ESAS-r, then the named Other problem."""
    parts = [value_words(n, v) for n in OTHER_ITEMS if (v := getattr(entry, n)) is not None]
    if entry.other_problem is not None or entry.other_problem_name:
        score = "" if entry.other_problem is None else f" {entry.other_problem}"
        parts.append(f"{entry.other_problem_name or 'Other problem'}{score}")
    return ", ".join(parts) or BLANK


class EntryTableModel(QAbstractTableModel):
    """Entries of a period, newest first; an entry that raised a flag shows its level."""

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[Entry] = []
        self._flags: dict[tuple[int | None, datetime], list[Flag]] = {}

    def set_entries(self, entries: list[Entry], flags: list[Flag]) -> None:
        """Show ``entries``; each is marked with the most urgent of the flags it raised."""
        self.beginResetModel()
        self._entries = sorted(entries, key=lambda e: (e.recorded_at, e.id or 0), reverse=True)
        by_day: dict[date, list[Flag]] = {}
        for flag in flags:
            by_day.setdefault(flag.day, []).append(flag)
        self._flags = {}
        for entry in self._entries:
            same_day = by_day.get(entry.recorded_at.date(), [])
            raised = sorted((f for f in same_day if f.raised_by(entry)), key=lambda f: f.level.rank)
            if raised:
                self._flags[_key(entry)] = raised
        self.endResetModel()

    def flags_of(self, row: int) -> list[Flag]:
        """The flags the entry in this row raised, most urgent first."""
        return self._flags.get(_key(self._entries[row]), [])

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def row_of(self, entry_id: int | None) -> int | None:
        """The row showing that entry, if it is in the current period and filter."""
        for row, entry in enumerate(self._entries):
            if entry.id == entry_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        name = COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(entry, name)
        if role == Qt.ItemDataRole.ToolTipRole and name == "flag":
            return "\n".join(f.message for f in self.flags_of(index.row())) or None
        if role == Qt.ItemDataRole.ToolTipRole and name == "notes":
            return entry.notes
        if role == Qt.ItemDataRole.ToolTipRole and name == "jaundice":
            return ", ".join(s.label for s in SIGNS if getattr(entry, s.name)) or None
        if role == Qt.ItemDataRole.ToolTipRole and name in ("warning", "other_items"):
            return self.text(entry, name)
        if role == Qt.ItemDataRole.TextAlignmentRole and name not in TEXT_COLUMNS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def text(self, entry: Entry, name: str) -> str:
        if name == "recorded_at":
            return f"{entry.recorded_at:%a %d %b %Y %H:%M}"
        if name == "recorded_by":
            carer = entry.recorder_name if entry.recorded_by is not Recorder.PATIENT else None
            return who_recorded(entry.recorded_by.label, carer)
        if name == "flag":
            raised = self._flags.get(_key(entry))
            return raised[0].level.marker if raised else ""
        if name == "jaundice":
            return _jaundice(entry)
        if name == "warning":
            return _warning(entry)
        if name == "other_items":
            return _other_items(entry)
        if name == "notes":
            return (entry.notes or "").replace("\n", " ")
        value = getattr(entry, name)
        return BLANK if value is None else f"{value:g}"
