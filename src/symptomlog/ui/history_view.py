"""History: every entry, newest first; correct one, delete one and undo, restore a deleted one.

Every change goes through the core, which keeps the old values in the audit trail,
so nothing done here can lose data: a deletion is a soft delete that Ctrl+Z or
"Deleted entries…" brings back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from symptomlog.analysis.flags import Level, at_least, diary_flags
from symptomlog.domain import Entry, Recorder
from symptomlog.domain.words import plural
from symptomlog.errors import SymptomlogError, ValidationError
from symptomlog.ui.context import DiaryContext
from symptomlog.ui.entry_form import EntryForm
from symptomlog.ui.history_events import HistoryEvents
from symptomlog.ui.history_model import EntryTableModel
from symptomlog.ui.lazy import RefreshWhenSeen
from symptomlog.ui.period_hint import PeriodHint
from symptomlog.ui.widgets import (
    DateField,
    add_labelled,
    dialog_buttons,
    from_qdate,
    run_dialog,
    to_qdate,
)

DEFAULT_DAYS = 90


@dataclass(frozen=True)
class Undo:
    """One step that Ctrl+Z reverses: its description and how to reverse it."""

    text: str
    reverse: Callable[[], object]


class EditDialog(QDialog):
    """The entry form for one existing entry; OK saves through the core, errors keep it open."""

    def __init__(self, entry: Entry, save: Callable[[Entry], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Correct the entry of {entry.recorded_at:%a %d %b %Y %H:%M}")
        self.form = EntryForm()
        self.form.load(entry)
        self.form.set_tab_order()
        self._save = save
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = dialog_buttons(self, self.try_save)
        scroll = QScrollArea()  # the whole form must fit a 1024x700 screen, buttons included
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1000, 620)

    def try_save(self) -> None:
        try:
            self._save(self.form.entry())
        except ValidationError:
            self.message.setText("⚠ Not saved: please correct the fields marked ⚠.")
            return
        except SymptomlogError as error:
            self.message.setText(f"⚠ Not saved: {error}")
            return
        self.accept()


class HistoryView(QWidget):
    """A filtered table of entries with edit, delete, undo and restore."""

    def __init__(self, context: DiaryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = EntryTableModel()
        self.undo_steps: list[Undo] = []
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Entries, newest first")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self._filters()
        self._buttons()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = PeriodHint()
        self.hint.sig_show.connect(self.show_period)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.events = HistoryEvents()
        layout.addWidget(self.events)
        layout.addWidget(self.message)
        layout.addLayout(self.button_row)
        within = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo, within)
        # Delete and Enter act on the table only, never while typing in a date field.
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_selected, within)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_selected, within)
        context.sig_opened.connect(self._diary_opened)
        self.when_seen = RefreshWhenSeen(self, self.refresh)
        context.sig_changed.connect(self.when_seen.changed)
        self._diary_opened()

    def _filters(self) -> None:
        today = date.today()
        self.start = DateField(to_qdate(today - timedelta(days=DEFAULT_DAYS)))
        self.end = DateField(to_qdate(today))
        for edit, name in ((self.start, "From date"), (self.end, "To date")):
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self.refresh)
        self.recorder = QComboBox()
        self.recorder.addItem("Everyone", None)
        for recorder in Recorder:
            self.recorder.addItem(recorder.label, recorder.value)
        self.recorder.setAccessibleName("Recorded by")
        self.recorder.currentIndexChanged.connect(self.refresh)
        row = QHBoxLayout()
        add_labelled(
            row, (("Sho&w from", self.start), ("t&o", self.end), ("Recorded &by", self.recorder))
        )
        self.all_button = QPushButton("&All dates")
        self.all_button.clicked.connect(self.show_all)
        row.addWidget(self.all_button)
        row.addStretch(1)
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        self.filter_row = row

    def _buttons(self) -> None:
        row = QHBoxLayout()
        self.edit_button = QPushButton("&Edit…  (Enter)")
        self.delete_button = QPushButton("&Delete  (Del)")
        self.undo_button = QPushButton("&Undo  (Ctrl+Z)")
        self.deleted_button = QPushButton("Deleted entries… (re&store)")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo)
        self.deleted_button.clicked.connect(self.show_deleted)
        for button in (self.edit_button, self.delete_button, self.undo_button, self.deleted_button):
            button.setMinimumHeight(40)
            row.addWidget(button)
        row.addStretch(1)
        self.button_row = row
        self._update_undo()

    # -- reading ----------------------------------------------------------------------

    def _diary_opened(self) -> None:
        self.undo_steps.clear()
        self._update_undo()
        self.when_seen.changed()  # read when first shown: not on the start path

    def show_all(self) -> None:
        span = self.context.diary.entries.date_range()
        if span is not None:
            self.start.setDate(to_qdate(span[0]))
            self.end.setDate(to_qdate(max(span[1], date.today())))

    def show_period(self, start: date, end: date) -> None:
        """Both dates at once, then one refresh (the hint's "Show …" button)."""
        for field, day in ((self.start, start), (self.end, end)):
            field.blockSignals(True)
            field.setDate(to_qdate(day))
            field.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        value = self.recorder.currentData()
        recorder = Recorder(value) if value else None
        diary = self.context.diary
        try:
            entries = diary.entries.between(start, end, recorded_by=recorder)
            flags = diary_flags(diary, start, end)
            events = diary.events.between(start, end)
        except SymptomlogError as error:
            self.message.setText(f"⚠ Could not read the diary: {error}")
            return
        current = self.selected()
        row = self.table.currentIndex().row()
        self.model.set_entries(entries, at_least(flags, Level.AMBER))
        self.events.set_events(events, start, end)
        self.count_label.setText(plural(len(entries), "entry", "entries"))
        self.hint.update_for(diary, start, end, len(entries))
        if entries:
            # Stay on the entry just corrected, or near the one just deleted.
            same = self.model.row_of(current.id) if current is not None else None
            self.table.selectRow(same if same is not None else min(max(row, 0), len(entries) - 1))

    def selected(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    # -- changing ---------------------------------------------------------------------

    def _actor(self) -> str:
        return self.context.actor

    def edit_selected(self) -> None:
        entry = self.selected()
        if entry is None or entry.id is None:
            self.message.setText("Choose an entry to edit first.")
            return
        entry_id = entry.id

        def save(new: Entry) -> None:
            self.context.diary.entries.update(entry_id, new, self._actor())

        dialog = EditDialog(entry, save, self)
        if run_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._push(
                f"edit of {entry.recorded_at:%d %b %H:%M}",
                lambda: self.context.diary.entries.update(entry_id, entry, self._actor()),
            )
            self.context.changed(f"Corrected the entry of {entry.recorded_at:%d %b %H:%M}.")

    def delete_selected(self) -> None:
        entry = self.selected()
        if entry is None or entry.id is None:
            self.message.setText("Choose an entry to delete first.")
            return
        entry_id = entry.id
        try:
            self.context.diary.entries.delete(entry_id, self._actor())
        except SymptomlogError as error:
            self.message.setText(f"⚠ Not deleted: {error}")
            return
        when = f"{entry.recorded_at:%a %d %b %H:%M}"
        self._push(
            f"deletion of {when}",
            lambda: self.context.diary.entries.restore(entry_id, self._actor()),
        )
        self.message.setText(f"Deleted the entry of {when}. Press Ctrl+Z to undo.")
        self.context.changed(f"Deleted the entry of {when} (Ctrl+Z undoes).")

    def _push(self, text: str, reverse: Callable[[], object]) -> None:
        self.undo_steps.append(Undo(text, reverse))
        self._update_undo()

    def _update_undo(self) -> None:
        last = self.undo_steps[-1].text if self.undo_steps else None
        self.undo_button.setEnabled(last is not None)
        self.undo_button.setToolTip(f"Undo the {last}" if last else "Nothing to undo")

    def undo(self) -> None:
        if not self.undo_steps:
            self.message.setText("Nothing to undo.")
            return
        step = self.undo_steps[-1]
        try:
            step.reverse()
        except SymptomlogError as error:
            self.message.setText(f"⚠ Could not undo the {step.text}: {error}")
            return
        self.undo_steps.pop()
        self._update_undo()
        self.message.setText(f"Undid the {step.text}.")
        self.context.changed(f"Undid the {step.text}.")

    def show_deleted(self) -> None:
        dialog = DeletedDialog(self.context, self._actor(), self)
        run_dialog(dialog)


class DeletedDialog(QDialog):
    """Deleted entries from the audit trail, each of which can be restored."""

    def __init__(self, context: DiaryContext, actor: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        self.setWindowTitle("Deleted entries")
        self.list = QListWidget()
        self.list.setAccessibleName("Deleted entries")
        self.restore_button = QPushButton("&Restore the selected entry")
        self.restore_button.clicked.connect(self.restore)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Entries that were deleted; restoring brings one back as it was."))
        layout.addWidget(self.list)
        layout.addWidget(self.restore_button)
        layout.addWidget(close)
        self.resize(700, 400)
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        deleted = self.context.diary.entries.between(deleted=True)
        for entry in reversed(deleted):
            item = QListWidgetItem(
                f"{entry.recorded_at:%a %d %b %Y %H:%M}  {entry.recorded_by.label}: "
                f"{entry.summary()}"
            )
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.list.addItem(item)
        if not deleted:
            self.list.addItem("No deleted entries.")
        self.restore_button.setEnabled(bool(deleted))
        self.list.setCurrentRow(0)

    def restore(self) -> None:
        item = self.list.currentItem()
        entry_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if entry_id is None:
            return
        self.context.diary.entries.restore(int(entry_id), self.actor)
        self.context.changed("Restored a deleted entry.")
        self.fill()
