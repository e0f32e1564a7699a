"""Demo or own diary: the demo is marked, one click starts your own, which stays the default."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

import pytest

from symptomlog.cli import diary_path
from symptomlog.demo import fill_demo
from symptomlog.diary_choice import remember_diary
from symptomlog.domain import Entry, Recorder
from symptomlog.domain.words import plural, who_recorded
from symptomlog.store import Diary
from symptomlog.store.paths import data_dir, demo_diary_path
from symptomlog.ui.main_window import MainWindow
from symptomlog.ui.own_diary import suggested_new_path

pytestmark = pytest.mark.usefixtures("own_settings")


def no_args(**values: object) -> argparse.Namespace:
    return argparse.Namespace(db=values.get("db"))


def test_the_demo_is_marked_and_one_click_opens_the_users_own_diary(qtbot) -> None:
    with Diary.open(demo_diary_path()) as demo:
        fill_demo(demo, days=14)
    win = MainWindow(Diary.open(demo_diary_path()))
    win.show()
    qtbot.waitExposed(win)
    assert win.demo_strip.isVisible() and "Demo diary — fictional" in win.demo_strip.label.text()
    win.demo_strip.button.click()
    own = data_dir() / "diary.sqlite3"
    assert win.context.diary.path == own and own.exists()
    assert not win.demo_strip.isVisible()
    assert win.first_run is not None  # a new own diary asks for the 24-hour line
    win.first_run.reject()
    assert diary_path(no_args()) == own.resolve()  # what a plain `symptomlog` opens next
    win.close()
    win.context.diary.close()


def test_make_run_opens_the_own_diary_once_one_exists(tmp_path: Path) -> None:
    own = tmp_path / "mine" / "diary.sqlite3"
    with Diary.open(own) as diary:
        diary.entries.add(Entry(datetime(2026, 3, 1, 9, 0), pain=2))
    remember_diary(own)
    chosen = diary_path(no_args())
    assert chosen == own.resolve() and chosen != demo_diary_path()


def test_db_and_the_environment_still_win(tmp_path: Path, monkeypatch) -> None:
    own = tmp_path / "diary.sqlite3"
    Diary.open(own).close()
    remember_diary(own)
    assert diary_path(no_args(db=str(tmp_path / "x.sqlite3"))) == tmp_path / "x.sqlite3"
    monkeypatch.setenv("SYMPTOMLOG_DB", str(tmp_path / "env.sqlite3"))
    assert diary_path(no_args()) == tmp_path / "env.sqlite3"


def test_a_remembered_diary_that_was_removed_falls_back_to_the_data_folder(
    tmp_path: Path,
) -> None:
    remember_diary(tmp_path / "gone.sqlite3")
    assert diary_path(no_args()) == data_dir() / "diary.sqlite3"


def test_new_diaries_are_suggested_in_the_data_folder_never_the_home_folder() -> None:
    first = suggested_new_path()
    assert first == data_dir() / "diary.sqlite3"
    Diary.open(first).close()
    second = suggested_new_path()
    assert second.parent == data_dir() and second != first


def test_counts_and_names_read_as_people_say_them() -> None:
    assert plural(1, "page") == "1 page" and plural(2, "page") == "2 pages"
    assert plural(1, "entry", "entries") == "1 entry"
    assert who_recorded(Recorder.CARER.label, "David (husband)") == "Carer — David (husband)"


def test_today_lists_a_carer_without_doubled_brackets(window: MainWindow) -> None:
    form = window.today.form
    form.set_recorder(Recorder.CARER, "David (husband)")
    form.scales["pain"].set_value(3)
    assert window.today.save() is not None
    shown = window.today.today_list.item(0).text()
    assert "David (husband))" not in shown and "Carer — David (husband)" in shown
