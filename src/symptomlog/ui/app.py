"""Starting the window: the QApplication, opening the diary safely, and --screenshot.

The app never crashes on start: a diary that cannot be opened (damaged, read-only,
from a newer version) gives a dialog with the reason and offers to open or
create another one instead.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from symptomlog.errors import DiaryDamaged, DiaryUnavailable, SymptomlogError
from symptomlog.logs import install_excepthook, setup_logging
from symptomlog.store import Diary
from symptomlog.ui.main_window import VIEWS, MainWindow
from symptomlog.ui.own_diary import made_default, offer_first_run, suggested_new_path
from symptomlog.ui.platform_check import startup_problem
from symptomlog.ui.prewarm import load_chart_libraries_soon
from symptomlog.ui.saving import save_pixmap

SCREENSHOT_SIZE = (1024, 700)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _choose_platform(screenshot: str | None) -> None:
    """Render off screen for --screenshot; say clearly when no window can open, and why."""
    if screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    problem = startup_problem()  # Qt would abort the process with a message about plugins
    if problem is not None:
        raise DiaryUnavailable(problem)


def app_icon() -> QIcon:
    """The icon in every size drawn from its SVG, read from the installed package."""
    icon = QIcon()
    folder = resources.files("symptomlog.resources") / "icons"
    for size in ICON_SIZES:
        with resources.as_file(folder / f"symptomlog-{size}.png") as path:
            icon.addFile(str(path), QSize(size, size))
    return icon


def open_or_ask(path: Path) -> Diary | None:
    """Open the diary; if that fails, say why and offer another diary (None: the user quit)."""
    while True:
        try:
            return Diary.open(path, create=True)
        except SymptomlogError as error:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "The diary could not be opened",
                f"{path}\n\n{error}\n\nNothing in it has been changed.",
            )
            backup = error.backup if isinstance(error, DiaryDamaged) else None
            restore = None
            if backup is not None:
                restore = box.addButton(
                    "Restore the newest good backup", QMessageBox.ButtonRole.AcceptRole
                )
            open_other = box.addButton("Open another diary…", QMessageBox.ButtonRole.AcceptRole)
            create = box.addButton("Create a new diary…", QMessageBox.ButtonRole.ActionRole)
            box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if backup is not None and box.clickedButton() is restore:
                restore_backup(backup, path)
                continue
            if box.clickedButton() is open_other:
                name, _ = QFileDialog.getOpenFileName(
                    None, "Open diary", str(path.parent), "Diaries (*.sqlite3);;All files (*)"
                )
            elif box.clickedButton() is create:
                name, _ = QFileDialog.getSaveFileName(
                    None, "New diary", str(suggested_new_path()), "Diaries (*.sqlite3)"
                )
                if name:
                    made_default(Path(name))
            else:
                return None
            if name:
                path = Path(name)


def restore_backup(backup: Path, path: Path) -> None:
    """Put the backup back (the damaged file is kept in backups/) and say so."""
    from symptomlog.store.restore import restore_diary

    try:
        kept = restore_diary(backup, path)
    except SymptomlogError as error:
        QMessageBox.warning(None, "The backup could not be restored", str(error))
        return
    QMessageBox.information(
        None,
        "Backup restored",
        f"{path} was restored from {backup}.\n\nThe damaged file was kept as {kept}.",
    )


def show_unexpected_error(text: str) -> None:
    """The last resort: an error nobody caught, told in words, never a silent failure."""
    QMessageBox.critical(None, "Something went wrong", text)


def run_app(path: Path, view: str | None = None, screenshot: str | None = None) -> int:
    _choose_platform(screenshot)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("symptomlog")
    app.setOrganizationName("symptomlog")
    app.setDesktopFileName("org.symptomlog.Symptomlog")  # matches the .desktop file on Linux
    app.setWindowIcon(app_icon())
    log_path = setup_logging()
    install_excepthook(log_path, lambda text: show_unexpected_error(text))
    if screenshot:
        diary = Diary.open(path, create=True)  # an error becomes a message and exit code
    else:
        asked = open_or_ask(path)
        if asked is None:
            return 1
        diary = asked
    window = MainWindow(diary)
    if view in VIEWS:
        window.show_view(view)
    if screenshot:
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    collect_from_now_on()
    if screenshot:
        wait_until_shown(app, window)
        try:  # checked like every output: never over the diary, its backups or a link
            save_pixmap(window.grab(), screenshot, diary.path)
        finally:
            close_window(window)
        return 0
    QTimer.singleShot(0, load_chart_libraries_soon)  # once the window has been drawn
    offer_first_run(window)
    code = app.exec()
    close_window(window)
    return code


def collect_from_now_on() -> None:
    """The window is up: what exists now lives as long as the app, so it is set aside
    (``gc.freeze``), and the cycle collector, off while starting (``cli.run_window``),
    works again on what is made from now on."""
    gc.freeze()
    gc.enable()


def wait_until_shown(app: QApplication, window: MainWindow, seconds: float = 30.0) -> None:
    """Until the view shows what a person would see, for a screenshot: Today's judged
    flags, the drawn chart (both are made off the window's thread)."""
    deadline = time.monotonic() + seconds
    app.processEvents()
    while window.still_working() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)
    app.processEvents()


def close_window(window: MainWindow) -> None:
    """Tear the window down now, children first, while the QApplication still exists.

    Left to Python's garbage collector, the window (kept alive by its own signal
    connections) was destroyed at interpreter exit after parts of Qt were already
    gone: the crash on quit. Here the watcher and the helper threads stop, the diary
    closes and every child (dialogs, the chart, timers) is deleted by Qt, once.
    """
    window.stop_background_work()
    window.context.diary.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
