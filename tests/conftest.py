"""Shared fixtures. Qt renders off screen; every test gets its own diary."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt
os.environ.setdefault("MPLBACKEND", "Agg")

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from symptomlog.demo import fill_demo
from symptomlog.store import Diary

DEMO_END = date(2026, 6, 30)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the real user's data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("SYMPTOMLOG_DB", raising=False)


@pytest.fixture
def diary_path(tmp_path: Path) -> Path:
    return tmp_path / "diary" / "diary.sqlite3"


@pytest.fixture
def diary(diary_path: Path) -> Iterator[Diary]:
    """An empty diary on disk (WAL, migrations and permissions as in real use)."""
    with Diary.open(diary_path) as opened:
        yield opened


@pytest.fixture
def memory_diary() -> Iterator[Diary]:
    with Diary.in_memory() as opened:
        yield opened


@pytest.fixture
def demo_diary(tmp_path: Path) -> Iterator[Diary]:
    """The fictional 180-day demo diary, ending on a fixed date so tests are repeatable."""
    with Diary.open(tmp_path / "demo.sqlite3") as opened:
        fill_demo(opened, days=180, seed=7, end=DEMO_END)
        yield opened


@pytest.fixture
def own_settings(tmp_path: Path) -> None:
    """A window test's own QSettings folder: no remembered window settings leak in."""
    from PySide6.QtCore import QSettings  # only the window tests load Qt

    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def window(qtbot, diary: Diary, own_settings: None) -> Iterator[object]:
    """The main window on an empty diary, closed afterwards without the unsaved question."""
    from symptomlog.ui.main_window import MainWindow
    from tests.gui_support import close_quietly

    win = MainWindow(diary)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()  # keyboard tests need the focus in this window
    yield win
    close_quietly(win)


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text)
