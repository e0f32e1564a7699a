"""Today: log an entry in under a minute, see it was saved, and be told when to call.

What was typed is never lost: if the save fails (a full disk, a read-only or
locked diary) the values stay in the form and the reason is shown in words.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from symptomlog.analysis.flag_words import tell_today
from symptomlog.analysis.flags import Level
from symptomlog.domain import Entry, Event, Recorder
from symptomlog.domain.form_items import form_items
from symptomlog.domain.words import who_recorded
from symptomlog.errors import SymptomlogError, ValidationError
from symptomlog.ui.context import DiaryContext
from symptomlog.ui.dose_buttons import DoseButtons
from symptomlog.ui.entry_form import EntryForm
from symptomlog.ui.flag_banner import FlagBanner, details_text
from symptomlog.ui.flag_check import DayFlags, FlagCheck
from symptomlog.ui.style import system_font
from symptomlog.ui.what_happened import WhatHappenedDialog
from symptomlog.ui.widgets import run_dialog

TODAY_LIST_LINES = 2


class TodayView(QWidget):
    """The entry form, a big Save button, what was saved today and today's flags."""

    def __init__(self, context: DiaryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._saving = False
        self.what_dialog: WhatHappenedDialog | None = None
        self.banner = FlagBanner()
        self.flag_check = FlagCheck(self)
        self.flag_check.sig_ready.connect(self._flags_judged)
        self.shown: DayFlags | None = None
        """The flags on show and the day they belong to, once judged."""
        self.banner.sig_what_happened.connect(self.what_happened)
        self.form = EntryForm()
        self.doses = DoseButtons(context, self.recorder)
        self.save_button = QPushButton("&Save entry  (Ctrl+S)")
        self.save_button.setObjectName("saveButton")
        self.save_button.setMinimumHeight(48)
        self.save_button.setAccessibleName("Save entry")
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton("C&lear form")
        self.clear_button.setAccessibleName("Clear the form")
        self.clear_button.clicked.connect(self.clear_form)
        self.same_button = QPushButton("Same &as yesterday")
        self.same_button.setAccessibleName("Same as yesterday: fill the form from the last entry")
        self.same_button.setToolTip(
            "Fill the form with the values of the last entry; nothing is saved until you "
            "check them and press Save."
        )
        self.same_button.clicked.connect(self.same_as_yesterday)
        self.saved_icon = self._error_icon()
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedMessage")
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.today_list = QListWidget()
        self.today_list.setAccessibleName("Entries saved today")
        self._fit_today_list()
        self.today_list.setWordWrap(True)
        self.amber_label = QLabel()
        self.amber_label.setWordWrap(True)
        self.amber_label.setTextFormat(Qt.TextFormat.PlainText)
        self.amber_label.setObjectName("amberFlags")
        self._layout()
        QShortcut(
            QKeySequence.StandardKey.Save,
            self,
            self.save,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        context.sig_opened.connect(self.refresh)
        context.sig_changed.connect(self.refresh)
        self.refresh()

    def _layout(self) -> None:
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button, 3)
        buttons.addWidget(self.same_button, 1)
        buttons.addWidget(self.clear_button, 1)
        messages = QVBoxLayout()
        messages.setSpacing(0)
        saved_row = QHBoxLayout()
        saved_row.addWidget(self.saved_icon, 0, Qt.AlignmentFlag.AlignTop)
        saved_row.addWidget(self.saved_label, 1)
        messages.addLayout(saved_row)
        messages.addWidget(self.amber_label)
        caption = QLabel("Saved to&day:")
        caption.setBuddy(self.today_list)
        caption.setAlignment(Qt.AlignmentFlag.AlignTop)
        side = QHBoxLayout()  # one compact strip, so the form keeps the height (large text)
        side.addLayout(messages, 3)
        side.addWidget(caption, 0, Qt.AlignmentFlag.AlignTop)
        side.addWidget(self.today_list, 2)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self.banner)
        layout.addWidget(self.doses)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        layout.addLayout(side)
        self.form.set_tab_order()
        QWidget.setTabOrder(self.form.notes, self.save_button)
        QWidget.setTabOrder(self.save_button, self.same_button)
        QWidget.setTabOrder(self.same_button, self.clear_button)

    def _fit_today_list(self) -> None:
        """Two lines of today's entries (it scrolls): at 1024x700 with large text the form
        above must keep room for at least three scales."""
        lines = self.today_list.fontMetrics().lineSpacing() * TODAY_LIST_LINES
        self.today_list.setMaximumHeight(lines + 2 * self.today_list.frameWidth() + 10)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # large text on or off
            self._fit_today_list()
        super().changeEvent(event)

    def save(self) -> Entry | None:
        """Save the form through the core; on any failure keep every typed value."""
        try:
            entry = self.form.entry()
        except ValidationError:
            self.show_saved("⚠ Not saved: please correct the fields marked ⚠.", ok=False)
            self.context.sig_status.emit("Not saved: some values need correcting.")
            return None
        self.context.actor = " ".join(filter(None, (entry.recorded_by.value, entry.recorder_name)))
        try:
            saved = self.context.diary.entries.add(entry)
        except SymptomlogError as error:
            self.show_saved(f"⚠ Not saved — your entry is still in the form. {error}", ok=False)
            self.context.sig_status.emit(f"Not saved: {error}")
            return None
        self.form.clear_values()
        when = f"{saved.recorded_at:%a %d %b %H:%M}"
        self.show_saved(f"✓ Saved {when}: {saved.summary()}.", ok=True)
        self._saving = True  # the flags are judged once, for the saved day, just below
        try:
            self.context.changed(f"Saved entry for {when}.")
        finally:
            self._saving = False
        self.show_flags(saved.recorded_at.date())
        return saved

    def clear_form(self) -> None:
        self.form.clear_values()
        self.show_saved("", ok=True)

    def same_as_yesterday(self) -> Entry | None:
        """Fill the form from the newest entry, to be checked and saved; nothing is saved here.

        Typed values are never replaced without asking.
        """
        try:
            last = latest_entry(self.context)
        except SymptomlogError as error:
            self.show_saved(f"⚠ The last entry could not be read: {error}", ok=False)
            return None
        if last is None:
            self.show_saved("There is no earlier entry to start from yet.", ok=True)
            return None
        if self.form.has_values() and not self._replace_typed():
            return None
        self.form.fill_from(last)
        self.show_saved(
            f"ℹ Filled from {last.recorded_at:%a %d %b %H:%M} — check each value, then Save. "
            "Temperature, weight, counts and warning signs are left blank: answer them for today.",
            ok=True,
            state="filled",
        )
        self.form.scales["pain"].setFocus(Qt.FocusReason.OtherFocusReason)
        return last

    def _replace_typed(self) -> bool:
        answer = QMessageBox.question(
            self,
            "Same as yesterday",
            "Replace what is in the form with the values of the last entry?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _error_icon(self) -> QLabel:
        """The icon beside a failed save: the words and the colour are not the only signal."""
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(32)
        )
        icon.setAccessibleName("Error")
        icon.setVisible(False)
        return icon

    def show_saved(self, text: str, ok: bool, state: str = "") -> None:
        """Saved or not: words first, then an icon and the error colour for a failure,
        so a failed save never looks like a successful one (colour is never alone).
        ``state="filled"``: the form was filled, not saved."""
        state = state or ("saved" if ok else "error")
        self.saved_label.setText(text)
        self.saved_label.setProperty("state", state)
        names = {"saved": "Saved", "error": "Not saved", "filled": "Filled, not saved yet"}
        self.saved_label.setAccessibleName(names.get(state, "Saved"))
        self.saved_icon.setVisible(not ok)
        self.saved_label.style().unpolish(self.saved_label)
        self.saved_label.style().polish(self.saved_label)

    def show_flags(self, day: date) -> None:
        """Ask for that day's flags; they are shown when judged (``ui/flag_check.py``)."""
        self.flag_check.check(self.context.diary, day)

    def _flags_judged(self, result: object) -> None:
        """The red banner for red flags of the day; amber ones listed below the form."""
        if not isinstance(result, DayFlags):
            self.amber_label.setText(f"⚠ The warning signs could not be checked: {result}")
            return
        self.shown = result
        red = [f for f in result.flags if f.level is Level.RED]
        amber = [f for f in result.flags if f.level is Level.AMBER]
        self.banner.show_flags(red, result.profile)
        large = QApplication.font().pointSizeF() > system_font().pointSizeF() * 1.1
        self.doses.give_way(bool(red) and large)  # the call first; the form keeps 3 scales
        if red:
            try:
                self.banner.show_followed(self.context.diary.events.after_flag(result.day))
            except SymptomlogError:
                self.banner.show_followed([])
        if amber:
            lines = "\n".join(f"• {f.why}" for f in amber)
            self.amber_label.setText(f"! {tell_today(result.profile)}\n{lines}")
            self.amber_label.setToolTip(details_text(amber))
        else:
            self.amber_label.setText("")
            self.amber_label.setToolTip("")

    def what_happened(self) -> Event | None:
        """Record the call after the red flags shown (an Event linked to their day)."""
        day = self.banner.day
        if day is None:
            return None
        rules = sorted({f.rule for f in self.banner.flags})
        dialog = WhatHappenedDialog(
            day, rules, self.context.diary.profile.get(), self._store_event, self
        )
        self.what_dialog = dialog  # tests reach it while it is open
        run_dialog(dialog)
        self.what_dialog = None
        if dialog.saved is not None:
            self.show_flags(day)
        return dialog.saved

    def _store_event(self, event: Event) -> Event:
        saved = self.context.diary.events.add(event, self.context.actor)
        self.context.changed(f"Recorded: {saved.summary}.")
        return saved

    def recorder(self) -> tuple[Recorder, str | None]:
        """Who the form says is recording: a dose taken now is given by them."""
        by = Recorder(self.form.recorded_by.currentData())
        return by, self.form.recorder_name.text().strip() or None

    def refresh(self) -> None:
        today = datetime.now().date()
        self.doses.refresh()
        try:
            entries = self.context.diary.entries.between(today, today)
            self.form.set_items_asked(items_asked(self.context))
        except SymptomlogError as error:
            self.today_list.clear()
            self.today_list.addItem(f"Could not read today's entries: {error}")
            return
        self.today_list.clear()
        for entry in reversed(entries):
            who = who_recorded(entry.recorded_by.label, entry.recorder_name)
            self.today_list.addItem(f"{entry.recorded_at:%H:%M}  {who}: {entry.summary()}")
        if not entries:
            self.today_list.addItem("Nothing saved yet today.")
        if not self.banner.isVisible() and not self._saving:
            self.show_flags(today)


def latest_entry(context: DiaryContext) -> Entry | None:
    """The newest entry of the diary (None for an empty one)."""
    span = context.diary.entries.date_range()
    if span is None:
        return None
    entries = context.diary.entries.between(span[1], span[1])
    return entries[-1] if entries else None


def items_asked(context: DiaryContext) -> tuple[str, ...]:
    """The items beyond ESAS-r the form asks: the profile's choice, else by regimen."""
    profile = context.diary.profile.get()
    return form_items(profile.form_items, [c.regimen for c in context.diary.cycles.all()])
