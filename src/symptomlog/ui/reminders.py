"""The daily reminder to log, while the app runs, and the dialog that sets it.

When it is due comes from the core (``domain.reminder``): once a day at the chosen
time, never on a day that already has an entry. Here a timer looks every half
minute (a single long timer would miss a time slept through by a laptop), and the
reminder is a tray notification, or, where there is no tray, a message in the
window that does not block it. The settings sit with the window's other settings
(``QSettings``): a reminder belongs to this computer, not to the diary.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QObject, QSettings, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSystemTrayIcon,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from symptomlog.domain.reminder import DEFAULT_TIME, is_due, parse_time
from symptomlog.errors import SymptomlogError
from symptomlog.ui import autostart
from symptomlog.ui.widgets import dialog_buttons

CHECK_MS = 30_000
"""How often the timer looks whether the reminder is due."""
TITLE = "symptomlog — time for your diary"
TEXT = (
    "Nothing is logged yet today. It takes about a minute: how you are now, "
    "and anything new since yesterday."
)
KEY_ON, KEY_TIME, KEY_LAST = "reminder/enabled", "reminder/time", "reminder/last_given"


class Reminder(QObject):
    """Gives the daily reminder when it is due; ``last_entry`` reads the diary's newest entry."""

    sig_due = Signal()
    """The reminder was just given (tests and the window listen)."""

    def __init__(
        self,
        settings: QSettings,
        last_entry: Callable[[], datetime | None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.settings = settings
        self.last_entry = last_entry
        self.window = window
        self.clock: Callable[[], datetime] = datetime.now
        """Where "now" comes from (tests move it)."""
        self.tray: QSystemTrayIcon | None = None
        self.message: QMessageBox | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.apply()

    # -- settings -------------------------------------------------------------------------

    def enabled(self) -> bool:
        return bool(self.settings.value(KEY_ON, False, type=bool))

    def at(self) -> time:
        return parse_time(str(self.settings.value(KEY_TIME, DEFAULT_TIME.strftime("%H:%M"))))

    def last_given(self) -> date | None:
        try:
            return date.fromisoformat(str(self.settings.value(KEY_LAST, "")))
        except ValueError:
            return None

    def set(self, enabled: bool, at: time) -> None:
        self.settings.setValue(KEY_ON, enabled)
        self.settings.setValue(KEY_TIME, at.strftime("%H:%M"))
        self.apply()

    def apply(self) -> None:
        """Run the timer only while the reminder is on."""
        if self.enabled():
            self.timer.start()
        else:
            self.timer.stop()

    # -- giving it ------------------------------------------------------------------------

    def check(self) -> bool:
        """Give the reminder if it is due now; True when it was given."""
        if not self.enabled():
            return False
        try:
            last = self.last_entry()
        except SymptomlogError:
            last = None  # a diary that cannot be read now: remind rather than stay silent
        now = self.clock()
        if not is_due(now, self.at(), last, self.last_given()):
            return False
        self.settings.setValue(KEY_LAST, now.date().isoformat())
        self.notify()
        self.sig_due.emit()
        return True

    def notify(self) -> None:
        """A tray notification, or a message in the window that does not block it."""
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self.tray is None:
                self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
                self.tray.setToolTip("symptomlog")
                self.tray.messageClicked.connect(self.open_today)
                self.tray.activated.connect(lambda _reason: self.open_today())
            self.tray.show()
            self.tray.showMessage(TITLE, TEXT, QSystemTrayIcon.MessageIcon.Information, 60_000)
            return
        if self.message is None:
            self.message = QMessageBox(
                QMessageBox.Icon.Information, "Time for your diary", TEXT, parent=self.window
            )
            self.message.setWindowModality(Qt.WindowModality.NonModal)
            today = self.message.addButton("Open &Today", QMessageBox.ButtonRole.AcceptRole)
            self.message.addButton("&Later", QMessageBox.ButtonRole.RejectRole)
            today.clicked.connect(self.open_today)
        self.message.show()

    def open_today(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        show_view = getattr(self.window, "show_view", None)
        if callable(show_view):
            show_view("today")


class RemindersDialog(QDialog):
    """Remind me each day at a time; start symptomlog when I log in (Linux)."""

    def __init__(self, reminder: Reminder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reminders")
        self.reminder = reminder
        self.remind = QCheckBox("&Remind me each day at")
        self.remind.setChecked(reminder.enabled())
        self.time = QTimeEdit(QTime(reminder.at().hour, reminder.at().minute))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName("Time of the daily reminder")
        self.time.setEnabled(self.remind.isChecked())
        self.remind.toggled.connect(self.time.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.remind)
        row.addWidget(self.time)
        row.addStretch(1)
        why = QLabel(
            "The reminder comes while symptomlog is open, and not on a day that already "
            "has an entry."
        )
        why.setWordWrap(True)
        self.login = QCheckBox("&Start symptomlog when I log in")
        self.login.setChecked(autostart.is_supported() and autostart.is_enabled())
        self.login.setVisible(autostart.is_supported())
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        buttons = dialog_buttons(self, self.accept, save=False)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(why)
        layout.addWidget(self.login)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        chosen = self.time.time()
        self.reminder.set(self.remind.isChecked(), time(chosen.hour(), chosen.minute()))
        if autostart.is_supported() and self.login.isChecked() != autostart.is_enabled():
            try:
                autostart.set_enabled(self.login.isChecked())
            except SymptomlogError as error:
                self.problem.setText(f"⚠ Start at login was not changed: {error}")
                self.problem.setVisible(True)
                return  # the dialog stays open with the reason; the reminder is kept
        super().accept()
