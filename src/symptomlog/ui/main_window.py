"""The main window: the views, the menus, the status bar, and what it remembers.

It owns no data: the views read and write through the ``DiaryContext``'s diary.
The window remembers its size, who records, recent diaries and the text size
(``QSettings``), and says in the status bar which diary is open and whether the
last save worked.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from symptomlog.domain import Recorder
from symptomlog.domain.words import plural
from symptomlog.errors import SymptomlogError
from symptomlog.store import Diary
from symptomlog.ui import fhir_export
from symptomlog.ui.background import BackgroundTask
from symptomlog.ui.confirm_kinds import ConfirmKindsDialog, needs_confirming
from symptomlog.ui.context import DiaryContext
from symptomlog.ui.demo_strip import DemoStrip, is_demo
from symptomlog.ui.help_boxes import show_about, show_shortcuts
from symptomlog.ui.lazy import LazyPage, Views
from symptomlog.ui.own_diary import (
    made_default,
    offer_first_run,
    start_own_diary,
    suggested_new_path,
)
from symptomlog.ui.profile_dialog import ProfileDialog
from symptomlog.ui.reminders import Reminder, RemindersDialog
from symptomlog.ui.style import apply_style
from symptomlog.ui.today_view import TodayView, latest_entry
from symptomlog.ui.unsaved import confirm_unsaved
from symptomlog.ui.view_pages import BUILDERS
from symptomlog.ui.widgets import run_dialog

if TYPE_CHECKING:
    from symptomlog.exchange.transfer import ImportSummary
    from symptomlog.ui.charts_panel import ChartsPanel
    from symptomlog.ui.cycles_view import CyclesView
    from symptomlog.ui.history_view import HistoryView

VIEWS = ("today", "history", "charts", "cycles", "report", "medicines")
TITLES = ("Today", "History", "Charts", "Cycles", "Report", "Medicines")
MAX_RECENT = 6


def settings() -> QSettings:
    """The window's settings; their file names the diary, so it is private (0600 in 0700)."""
    found = QSettings("symptomlog", "symptomlog")
    path = Path(found.fileName())
    if path.is_absolute():  # a file, not the Windows registry
        with contextlib.suppress(OSError):
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(path.parent, 0o700)
            if not path.exists():
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            os.chmod(path, 0o600)  # Qt keeps a file's mode when it rewrites it
    return found


class MainWindow(QMainWindow):
    """Today, History, Charts, Cycles, Report and Medicines, with File, View, Profile and
    Help menus."""

    def __init__(self, diary: Diary) -> None:
        super().__init__()
        self.context = DiaryContext(diary)
        self.settings = settings()
        self.tabs = QTabWidget()
        self.today = TodayView(self.context)
        self.views = Views(
            {
                "today": self.today,
                **{
                    name: LazyPage(partial(build, self.context)) for name, build in BUILDERS.items()
                },
            }
        )
        for title, page in zip(
            ("&Today", "H&istory", "&Charts", "C&ycles", "&Report", "Medici&nes"),
            self.views.pages.values(),
            strict=True,
        ):
            self.tabs.addTab(page, title)
        self.demo_strip = DemoStrip()
        self.demo_strip.sig_start_own.connect(self.start_own_diary)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.demo_strip)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.first_run: QDialog | None = None
        self.unsaved_box: QMessageBox | None = None
        self.diary_label = QLabel()
        self.statusBar().addPermanentWidget(self.diary_label)
        self.context.sig_status.connect(lambda text: self.statusBar().showMessage(text))
        self.context.sig_opened.connect(self._diary_opened)
        self.context.sig_changed.connect(self._refresh_title)
        self.reminder = Reminder(self.settings, self._last_entry_time, self)
        self._menus()
        self._restore_settings()
        self._diary_opened()

    # -- menus ------------------------------------------------------------------------

    def _action(self, menu, text: str, slot: Callable[[], object], shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _view_opener(self, name: str) -> Callable[[], None]:
        def open_view() -> None:
            self.show_view(name)

        return open_view

    def _menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action(file, "&New diary…", self.new_diary, QKeySequence.StandardKey.New)
        self._action(file, "&Open diary…", self.open_diary, QKeySequence.StandardKey.Open)
        self.recent_menu = file.addMenu("&Recent diaries")
        file.addSeparator()
        self._action(file, "&Import CSV or JSON…", self.import_file, "Ctrl+I")
        self._action(file, "&Export…", self.export_file, "Ctrl+E")
        self._action(
            file, fhir_export.MENU_TEXT, lambda: fhir_export.export_fhir(self, self.context)
        )
        self._action(file, "&Backup…", self.backup, "Ctrl+B")
        file.addSeparator()
        self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        view = bar.addMenu("&View")
        for number, (name, title) in enumerate(zip(VIEWS, TITLES, strict=True), start=1):
            self._action(view, title, self._view_opener(name), f"Ctrl+{number}")
        view.addSeparator()
        self.large_text = self._action(view, "&Large text", self.toggle_large_text, "Ctrl+Shift+L")
        self.large_text.setCheckable(True)
        self.stones = self._action(view, "Show weight in &stones and pounds", self.toggle_stones)
        self.stones.setCheckable(True)
        profile = bar.addMenu("&Profile")
        self._action(profile, "&Profile, care team and thresholds…", self.edit_profile, "Ctrl+P")
        self._action(profile, "&Reminders…", self.edit_reminders)
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", self.show_shortcuts, "F1")
        self._action(help_menu, "&About symptomlog", self.show_about)

    # -- settings ---------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1024, 700)
        self.show_view("today")  # always Today: the last view (Report) made starting slow
        large = self.settings.value("view/large_text", False, type=bool)
        self.large_text.setChecked(bool(large))
        self.stones.setChecked(bool(self.settings.value("view/stones", False, type=bool)))
        self.today.form.set_show_stones(self.stones.isChecked())
        self._apply_text_size()
        name = str(self.settings.value("entry/carer_name", ""))
        by = str(self.settings.value("entry/recorded_by", Recorder.PATIENT.value))
        self.today.form.set_recorder(
            Recorder(by) if by in {r.value for r in Recorder} else Recorder.PATIENT, name
        )
        self.today.form.recorder_name.editingFinished.connect(self.remember_recorder)
        self.today.form.recorded_by.currentIndexChanged.connect(self.remember_recorder)

    def remember_recorder(self) -> None:
        """Who records (and the carer's name), so a carer need not choose it every time."""
        form = self.today.form
        self.settings.setValue("entry/carer_name", form.recorder_name.text().strip())
        self.settings.setValue("entry/recorded_by", form.recorded_by.currentData())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not confirm_unsaved(self, "closing the window"):
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.remember_recorder()
        self.settings.sync()
        self.stop_background_work()
        super().closeEvent(event)

    def stop_background_work(self) -> None:
        """Before the window goes: no timer fires and no helper thread is still at work
        on it (flags, a chart, a preview) while Qt takes it apart."""
        self.reminder.timer.stop()
        self.context.stop()
        self.today.flag_check.stop()
        if (panel := self._chart_panel()) is not None:
            panel.stop()
        if (report := self.views.built("report")) is not None:
            report.stop()  # type: ignore[attr-defined]

    def _apply_text_size(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_style(app, self.large_text.isChecked())

    def toggle_large_text(self) -> None:
        self.settings.setValue("view/large_text", self.large_text.isChecked())
        self._apply_text_size()

    def toggle_stones(self) -> None:
        self.settings.setValue("view/stones", self.stones.isChecked())
        self.today.form.set_show_stones(self.stones.isChecked())

    # -- views ------------------------------------------------------------------------

    @property
    def history(self) -> HistoryView:
        return cast("HistoryView", self.views["history"])

    @property
    def cycles(self) -> CyclesView:
        return cast("CyclesView", self.views["cycles"])

    def show_view(self, name: str) -> None:
        if name not in self.views:
            name = "today"
        self.tabs.setCurrentWidget(self.views.pages[name])
        if name == "today":  # ready for the keyboard
            self.today.form.scales["pain"].setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif name == "history":
            self.history.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _chart_panel(self) -> ChartsPanel | None:  # if ever shown (asking must not build it)
        return getattr(self.views.built("charts"), "panel", None)

    def still_working(self) -> bool:
        """Work off the window's thread is not shown yet: flags, a chart, a preview."""
        panel, report = self._chart_panel(), self.views.built("report")
        return (
            self.today.flag_check.pending
            or (panel is not None and not panel.settled)
            or bool(getattr(report, "previewing", False))
        )

    def current_view(self) -> str:
        current = self.tabs.currentWidget()
        return next((n for n, p in self.views.pages.items() if p is current), "today")

    def _diary_opened(self) -> None:
        path = self.context.diary.path
        self.diary_label.setText(f"Diary: {path}" if path else "Diary: in memory")
        self.diary_label.setAccessibleName(self.diary_label.text())
        if path is not None:
            self._add_recent(path)
        self._refresh_title()
        self.demo_strip.setVisible(is_demo(self.context.diary))
        if self.context.diary.backup_note:  # a warning stays until the next message
            warning = self.context.diary.protection_warning
            self.statusBar().showMessage(self.context.diary.backup_note, 0 if warning else 15000)
        if needs_confirming(self.context):
            self.confirm_kinds = ConfirmKindsDialog(self.context, self)
            self.confirm_kinds.open()  # window-modal, not blocking: the window paints first

    def _refresh_title(self) -> None:
        name = self.context.diary.profile.get().name
        who = f"{name} — " if name else ""
        self.setWindowTitle(f"{who}symptomlog — {self.context.diary.name}")

    def _add_recent(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self._recent() if p != str(path) and Path(p).exists()]
        self.settings.setValue("diaries/recent", recent[:MAX_RECENT])
        self.recent_menu.clear()
        for item in recent[:MAX_RECENT]:
            action = self.recent_menu.addAction(item)
            action.triggered.connect(self._diary_opener(Path(item)))

    def _diary_opener(self, path: Path) -> Callable[[], None]:
        def open_diary() -> None:
            self.switch_to(path, False)

        return open_diary

    def _recent(self) -> list[str]:
        value = self.settings.value("diaries/recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    # -- files ------------------------------------------------------------------------

    def switch_to(self, path: Path, create: bool) -> bool:
        """Open another diary; on failure say why and keep the current one open."""
        if not confirm_unsaved(self, "opening another diary"):
            return False
        try:
            diary = Diary.open(path, create=create)
        except SymptomlogError as error:
            QMessageBox.warning(self, "Could not open the diary", f"{path}\n\n{error}")
            return False
        self.context.replace(diary)
        self.context.sig_status.emit(f"Opened {path}.")
        return True

    def new_diary(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "New diary", str(suggested_new_path()), "Diaries (*.sqlite3)"
        )
        if not name:
            return
        path = Path(name)
        if path.exists():
            QMessageBox.warning(
                self, "New diary", f"{path} already exists; use Open diary… to open it."
            )
            return
        if self.switch_to(path, True):
            made_default(path)
            offer_first_run(self)

    def start_own_diary(self) -> None:
        start_own_diary(self)

    def open_diary(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open diary", str(Path.home()), "Diaries (*.sqlite3);;All files (*)"
        )
        if name:
            self.switch_to(Path(name), False)

    def import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import entries", str(Path.home()), "CSV or JSON (*.csv *.json);;All files (*)"
        )
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> BackgroundTask[ImportSummary]:
        """Import off the window's thread (five years took 0.4 s), then say what was added."""
        from symptomlog.exchange.transfer import import_file

        diary = self.context.diary

        def done(result: ImportSummary | Exception) -> None:
            if isinstance(result, SymptomlogError):
                QMessageBox.warning(self, "Nothing was imported", str(result))
            elif isinstance(result, Exception):
                QMessageBox.warning(
                    self,
                    "Nothing was imported",
                    f"{path} could not be imported ({result}). The diary is as it was.",
                )
            else:
                self.context.changed(str(result))
                QMessageBox.information(self, "Import", str(result))

        task = BackgroundTask(
            self, f"Importing {path.name}…", lambda: import_file(diary, path), done
        )
        task.start(on_this_thread=diary.path is None)
        return task

    def export_file(self) -> None:
        from symptomlog.exchange.transfer import export_file

        name, chosen = QFileDialog.getSaveFileName(
            self,
            "Export the diary",
            str(Path.home() / "symptomlog-export.csv"),
            "CSV for a spreadsheet (*.csv);;JSON, everything (*.json)",
        )
        if not name:
            return
        kind = "json" if name.endswith(".json") or "JSON" in chosen else "csv"
        try:
            count = export_file(self.context.diary, kind, name)
        except SymptomlogError as error:
            QMessageBox.warning(self, "Not exported", str(error))
            return
        self.context.sig_status.emit(f"Exported {plural(count, 'entry', 'entries')} to {name}.")

    def backup(self) -> None:
        from symptomlog.store.backup import copy_diary

        name, _ = QFileDialog.getSaveFileName(
            self,
            "Back up the diary",
            str(Path.home() / "diary-backup.sqlite3"),
            "Diaries (*.sqlite3)",
        )
        if not name:
            return
        source = self.context.diary.path
        if source is None:
            return
        try:
            copy_diary(source, Path(name))
        except SymptomlogError as error:
            QMessageBox.warning(self, "No backup written", str(error))
            return
        self.context.sig_status.emit(f"Backup written to {name}.")

    # -- dialogs ----------------------------------------------------------------------

    def edit_profile(self) -> None:
        run_dialog(ProfileDialog(self.context, self))

    def edit_reminders(self) -> None:
        run_dialog(RemindersDialog(self.reminder, self))

    def _last_entry_time(self) -> datetime | None:
        last = latest_entry(self.context)
        return None if last is None else last.recorded_at

    def show_shortcuts(self) -> None:
        show_shortcuts(self)

    def show_about(self) -> None:
        show_about(self)
