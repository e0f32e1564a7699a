"""The window through pytest-qt: log by keyboard alone, correct, delete and undo, bad input."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from gui_support import wait_for_flags
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from symptomlog.domain import ChemoCycle, Contact, Entry, Profile, Recorder
from symptomlog.errors import CannotWrite
from symptomlog.store import Diary
from symptomlog.ui.app import open_or_ask
from symptomlog.ui.history_view import EditDialog
from symptomlog.ui.main_window import VIEWS, MainWindow


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> None:
    """Each test starts with no remembered window settings."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def window(qtbot, diary: Diary) -> Iterator[MainWindow]:
    win = MainWindow(diary)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    win.today.form.clear_values()  # closing would otherwise ask about the typed values
    win.close()
    win.deleteLater()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab(qtbot, times: int = 1) -> QWidget:
    for _ in range(times):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    return focused()


def test_fill_and_save_today_by_keyboard_alone(qtbot, window: MainWindow) -> None:
    form = window.today.form
    form.scales["pain"].setFocus()
    assert focused() is form.scales["pain"]
    qtbot.keyClick(focused(), Qt.Key.Key_3)
    assert tab(qtbot) is form.scales["fatigue"]  # ESAS-r's published order
    qtbot.keyClicks(focused(), "10")  # "1" then "0" is ten
    assert tab(qtbot) is form.scales["drowsiness"]
    qtbot.keyClick(focused(), Qt.Key.Key_Right)  # from blank, an arrow starts at 0
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert tab(qtbot) is form.scales["nausea"]
    assert tab(qtbot, 5) is form.scales["wellbeing"]  # the nine, all on the form
    assert tab(qtbot) is form.esas.other_name  # ESAS-r's tenth: named, then scored
    assert tab(qtbot) is form.scales["other_problem"]
    assert tab(qtbot) is form.measures["vomiting_episodes"]
    assert tab(qtbot) is form.measures["weight_kg"]
    qtbot.keyClicks(focused(), "61.2")
    assert tab(qtbot, 2) is form.signs["yellow_eyes"]  # temperature left blank
    qtbot.keyClick(focused(), Qt.Key.Key_N)
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    [saved] = window.context.diary.entries.between()
    assert (saved.pain, saved.fatigue, saved.drowsiness, saved.weight_kg) == (3, 10, 1, 61.2)
    assert saved.nausea is None and saved.other_problem is None
    assert saved.yellow_eyes is False
    # Blank stays blank: nothing typed is None, never 0.
    assert saved.temperature_c is None and saved.vomiting_episodes is None
    assert saved.yellow_skin is None and saved.itch is None and saved.appetite is None
    assert (
        "Saved" in window.today.saved_label.text() and "Pain 3" in window.today.saved_label.text()
    )
    assert form.scales["pain"].value() is None  # the form is ready for the next entry
    assert "Pain 3" in window.today.today_list.item(0).text()


def test_the_tab_order_follows_the_form_and_every_input_has_a_name(
    qtbot,
    window: MainWindow,
) -> None:
    form = window.today.form
    chain = form.inputs()
    assert all(widget.accessibleName() for widget in chain)
    reachable = [w for w in chain if w.isVisible() and w.isEnabled()]
    reachable[0].setFocus()
    for expected in reachable[1:]:
        now = tab(qtbot)
        assert now is expected or expected.isAncestorOf(now), expected.accessibleName()
    assert tab(qtbot) is window.today.save_button
    assert window.today.save_button.accessibleName() == "Save entry"


def test_a_blank_form_is_not_saved(qtbot, window: MainWindow) -> None:
    window.today.save()
    assert window.context.diary.entries.count() == 0
    assert "Nothing to save" in window.today.form.errors[""].text()


def test_an_impossible_value_says_why_next_to_the_field_and_keeps_what_was_typed(
    window: MainWindow,
) -> None:
    form = window.today.form
    form.measures["weight_kg"].setText("500")
    form.scales["pain"].set_value(4)
    assert window.today.save() is None
    assert window.context.diary.entries.count() == 0
    message = form.errors["weight_kg"]
    assert not message.isHidden() and "Weight" in message.text() and "500" in message.text()
    assert form.measures["weight_kg"].text() == "500" and form.scales["pain"].value() == 4


def test_a_failed_save_keeps_the_entry_in_the_form(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_entry: Entry) -> Entry:
        raise CannotWrite("Could not save to /x/diary.sqlite3: database or disk is full")

    monkeypatch.setattr(window.context.diary.entries, "add", disk_full)
    form = window.today.form
    form.scales["pain"].set_value(6)
    form.notes.setPlainText("a bad night")
    assert window.today.save() is None
    assert "Not saved" in window.today.saved_label.text()
    assert "disk is full" in window.today.saved_label.text()
    assert form.scales["pain"].value() == 6 and form.notes.toPlainText() == "a bad night"


def test_saving_a_fever_on_chemotherapy_shows_the_red_message_with_the_number(
    qtbot, window: MainWindow
) -> None:
    diary = window.context.diary
    diary.cycles.add([ChemoCycle("mfolfirinox", 1, date.today() - timedelta(days=9))])
    diary.profile.save(Profile(contacts=(Contact("24h-line", "Acute Oncology", "0100 000 0000"),)))
    form = window.today.form
    form.measures["temperature_c"].setText("38.4")
    assert window.today.save() is not None
    wait_for_flags(qtbot, window)
    banner = window.today.banner
    assert not banner.isHidden()
    assert "Call your 24-hour line now: 0100 000 0000" in banner.heading.text()
    assert "38.4" in banner.details.text() and "not a diagnosis" in banner.details.text()


def test_red_message_asks_for_the_number_when_none_is_stored(qtbot, window: MainWindow) -> None:
    window.today.form.measures["vomiting_episodes"].setText("6")
    window.today.save()
    wait_for_flags(qtbot, window)
    assert "Add the number in Profile" in window.today.banner.heading.text()


def _three_entries(diary: Diary) -> list[Entry]:
    now = datetime.now().replace(second=0, microsecond=0)
    return [
        diary.entries.add(
            Entry(
                now - timedelta(days=d), pain=d, recorded_by=Recorder.CARER, recorder_name="David"
            )
        )
        for d in (1, 2, 3)
    ]


def test_history_delete_and_undo_by_keyboard(qtbot, window: MainWindow) -> None:
    _three_entries(window.context.diary)
    window.show_view("history")
    history = window.history
    history.refresh()
    assert history.model.rowCount() == 3
    assert history.model.text(history.model.entry(0), "recorded_by") == "Carer — David"
    history.table.setFocus()
    history.table.selectRow(0)
    newest = history.selected()
    assert newest is not None and newest.pain == 1
    qtbot.keyClick(history.table, Qt.Key.Key_Delete)
    assert window.context.diary.entries.count() == 2
    assert history.model.rowCount() == 2
    qtbot.keyClick(history.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.context.diary.entries.count() == 3
    assert [a.action for a in window.context.diary.entries.audit(newest.id)] == [
        "delete",
        "restore",
    ]


def test_history_edit_in_a_dialog_and_undo_the_edit(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    entries = _three_entries(window.context.diary)
    window.show_view("history")
    history = window.history
    history.refresh()
    history.table.selectRow(2)  # the oldest: pain 3

    def correct(dialog: EditDialog) -> int:
        dialog.form.scales["pain"].set_value(5)
        dialog.try_save()
        return int(dialog.result())

    monkeypatch.setattr(EditDialog, "exec", correct)
    history.edit_selected()
    oldest = entries[2]
    assert oldest.id is not None
    assert window.context.diary.entries.get(oldest.id).pain == 5
    history.undo()
    assert window.context.diary.entries.get(oldest.id).pain == 3
    assert QDialog.DialogCode.Accepted.value == 1


def test_history_filters_by_recorder_and_date(window: MainWindow) -> None:
    diary = window.context.diary
    _three_entries(diary)
    diary.entries.add(Entry(datetime.now().replace(second=0, microsecond=0), pain=0))
    history = window.history
    history.refresh()
    assert history.model.rowCount() == 4
    history.recorder.setCurrentIndex(history.recorder.findData("carer"))
    assert history.model.rowCount() == 3
    history.start.setDate(history.end.date().addDays(-1))
    assert history.model.rowCount() == 1


def test_opening_a_damaged_diary_shows_the_reason_and_leaves_the_file_alone(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    before = damaged.read_bytes()
    shown: list[str] = []

    def answer_quit(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer_quit)
    assert open_or_ask(damaged) is None
    assert shown and str(damaged) in shown[0] and "Nothing in it has been changed" in shown[0]
    assert damaged.read_bytes() == before


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_renders(window: MainWindow, view: str) -> None:
    window.show_view(view)
    assert window.current_view() == view
    picture = window.grab()
    assert not picture.isNull() and picture.width() >= 1000


def test_window_opens_on_today_and_remembers_the_text_size(qtbot, diary: Diary) -> None:
    first = MainWindow(diary)
    qtbot.addWidget(first)
    normal = QApplication.font().pointSizeF()
    first.show_view("report")
    first.large_text.trigger()
    assert QApplication.font().pointSizeF() > normal
    first.close()
    second = MainWindow(diary)
    qtbot.addWidget(second)
    assert second.current_view() == "today" and second.large_text.isChecked()
    second.large_text.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(normal)


def test_cycles_view_lists_delays_and_the_drug_days(window: MainWindow) -> None:
    diary = window.context.diary
    diary.cycles.add(
        [
            ChemoCycle("gem-nabpac", 1, date(2026, 3, 2)),
            ChemoCycle(
                "gem-nabpac",
                2,
                date(2026, 3, 30),
                actual_start=date(2026, 4, 6),
                dose_note="80% dose",
            ),
        ]
    )
    window.context.changed()
    table = window.cycles.table
    assert table.rowCount() == 2
    assert "+7 days" in table.item(1, 4).text()
    assert table.item(0, 5).text() == "D1 02 Mar, D8 09 Mar, D15 16 Mar"
    assert table.item(1, 6).text() == "80% dose"


def test_charts_view_switches_period_chart_and_symptoms(qtbot, window: MainWindow) -> None:
    diary = window.context.diary
    today = date.today()
    for offset in range(60):
        diary.entries.add(
            Entry(
                datetime.combine(today - timedelta(days=offset), datetime.min.time()),
                pain=offset % 10,
                nausea=2,
                weight_kg=60.0,
            )
        )
    window.show_view("charts")
    panel = window.views["charts"].panel
    assert panel is not None
    panel.period.setCurrentText("4 weeks")
    start, end = panel.period_dates()
    assert (end - start).days == 27
    series = {
        a.get_gid() for a in panel.figure.findobj() if (a.get_gid() or "").startswith("series:")
    }
    assert series == {"series:pain", "series:nausea", "series:fatigue"}
    panel.symptoms["fatigue"].setChecked(False)
    panel.symptoms["anxiety"].setChecked(True)
    series = {
        a.get_gid() for a in panel.figure.findobj() if (a.get_gid() or "").startswith("series:")
    }
    assert series == {"series:pain", "series:nausea", "series:anxiety"}
    panel.chart.setCurrentIndex(panel.chart.findData("weight"))
    assert any(a.get_gid() == "baseline" for a in panel.figure.findobj())
    panel.period.setCurrentText("All")
    assert panel.period_dates()[0] == today - timedelta(days=59)


def test_starting_the_window_does_not_import_matplotlib(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from symptomlog.store import Diary; from symptomlog.ui.main_window import MainWindow;"
        f"w = MainWindow(Diary.open({str(tmp_path / 'd.sqlite3')!r})); w.show();"
        "app.processEvents();"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported at start';"
        "w.show_view('charts'); app.processEvents();"
        "assert 'matplotlib' in sys.modules"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_report_view_previews_page_one_and_saves_the_pdf(
    qtbot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    diary = window.context.diary
    diary.profile.save(Profile(name="Report Test (fictional)"))
    diary.entries.add(
        Entry(datetime.now().replace(second=0, microsecond=0), pain=5, weight_kg=60.0)
    )
    window.show_view("report")
    view = window.views["report"]
    qtbot.waitUntil(lambda: "pages for" in view.message.text(), timeout=20000)  # off-thread
    assert view.preview.pixmap() is not None and not view.preview.pixmap().isNull()
    assert "pages for" in view.message.text()
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    view.save_as()
    from pypdf import PdfReader

    assert "Report Test (fictional)" in PdfReader(target).pages[0].extract_text()
    assert view.open_button.isEnabled()


def test_the_app_icon_comes_from_the_installed_package() -> None:
    from symptomlog.ui.app import ICON_SIZES, app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert sorted(size.width() for size in icon.availableSizes()) == sorted(ICON_SIZES)


def test_a_damaged_diary_offers_the_newest_good_backup(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "diary.sqlite3"
    with Diary.open(path) as diary:
        diary.entries.add_many(
            [Entry(datetime(2026, 5, 1, 9) - timedelta(hours=i), pain=i % 11) for i in range(400)]
        )
    Diary.open(path).close()  # today's automatic backup
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek((size // 2) // 4096 * 4096)
        handle.write(b"\xde\xad" * 2048)
    offered: list[list[str]] = []

    def choose_restore(box: QMessageBox) -> int:
        offered.append([b.text() for b in box.buttons()])
        next(b for b in box.buttons() if b.text().startswith("Restore")).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_restore)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    opened = open_or_ask(path)
    assert opened is not None
    assert "Restore the newest good backup" in offered[0]
    assert opened.entries.count() == 400
    opened.close()


def test_a_save_in_another_window_refreshes_this_one(window: MainWindow) -> None:
    other = Diary.open(window.context.diary.path, backup=False)  # type: ignore[arg-type]
    try:
        other.entries.add(Entry(datetime.now().replace(second=0, microsecond=0), pain=7))
    finally:
        other.close()
    window.context.check_for_changes()
    history = window.history
    assert history.when_seen.stale  # hidden: brought up to date when it is next shown
    window.show_view("history")
    assert history.model.rowCount() == 1 and history.model.entry(0).pain == 7
    assert not history.when_seen.stale
    assert "changed elsewhere" in window.statusBar().currentMessage()
