"""One engine, one answer: Today, History, the command line and the PDF agree on every day.

Built on the fictional 24-week story (tests/story.py): six cycles of mFOLFIRINOX with
the known severe nausea and tiredness after each, a nadir fever, one day of 6 vomits,
a jaundice episode. Red must fall on the three acute days only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from symptomlog.analysis.flags import Level, at_least, diary_flags
from symptomlog.report.summary import build_data
from symptomlog.store import Diary
from symptomlog.ui.history_model import COLUMNS
from symptomlog.ui.main_window import MainWindow
from symptomlog.ui.widgets import to_qdate
from tests import story
from tests.gui_support import wait_for_flags
from tests.test_cli import run

END = story.START + timedelta(weeks=story.WEEKS) - timedelta(days=1)


@pytest.fixture
def story_path(tmp_path: Path) -> Path:
    path = tmp_path / "story.sqlite3"
    with Diary.open(path) as diary:
        story.write(diary)
    return path


@pytest.fixture
def story_diary(story_path: Path) -> Iterator[Diary]:
    with Diary.open(story_path) as diary:
        yield diary


def test_red_falls_only_on_the_acute_days(story_diary: Diary) -> None:
    flags = diary_flags(story_diary)
    red = {f.day: f.rule for f in flags if f.level is Level.RED}
    assert red == {
        story.FEVER_DAY: "temperature",
        story.SIX_VOMITS_DAY: "vomiting",
        story.JAUNDICE_DAY: "new_jaundice",
    }
    # the known post-chemotherapy days: amber once per episode, never red
    nausea = [f.day for f in flags if f.rule == "nausea_severe"]
    assert len(nausea) == 6 and all((d - story.START).days % 14 == 1 for d in nausea)
    two_threes = [f for f in flags if f.day == story.TWO_THREES_DAY]
    assert [(f.rule, f.level) for f in two_threes] == [("vomiting", Level.AMBER)]


def test_cli_and_engine_agree(story_diary: Diary, story_path: Path) -> None:
    result = run("flags", "--format", "json", "--level", "info", db=story_path)
    assert result.returncode == 0, result.stderr
    from_cli = [(f["date"], f["level"], f["rule"]) for f in json.loads(result.stdout)]
    engine = [(f.day.isoformat(), f.level.value, f.rule) for f in diary_flags(story_diary)]
    assert from_cli == engine


def test_the_pdf_lists_what_the_engine_finds_for_its_period(story_diary: Diary) -> None:
    start = story.FEVER_DAY - timedelta(days=20)
    data = build_data(
        story_diary.entries.between(None, END),
        story_diary.cycles.all(),
        story_diary.profile.get(),
        start,
        END,
    )
    engine = at_least(diary_flags(story_diary, start, END), Level.AMBER)
    assert [(f.day, f.rule) for f in data.flags] == [(f.day, f.rule) for f in engine]


def test_today_and_history_agree_with_the_engine(qtbot, story_diary: Diary, tmp_path) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    window = MainWindow(story_diary)
    qtbot.addWidget(window)
    engine = diary_flags(story_diary)
    for day in (story.FEVER_DAY, story.SIX_VOMITS_DAY, story.JAUNDICE_DAY, story.TWO_THREES_DAY):
        window.today.show_flags(day)  # what Today shows for that day, judged off its thread
        wait_for_flags(qtbot, window)
        assert window.today.shown is not None and window.today.shown.day == day
        assert window.today.shown.flags == [f for f in engine if f.day == day]
    history = window.history
    history.start.setDate(to_qdate(story.FEVER_DAY))
    history.end.setDate(to_qdate(story.FEVER_DAY))
    history.refresh()
    flag_column = [name for name, _ in COLUMNS].index("flag")
    marks = {
        history.model.entry(row).recorded_at.hour: history.model.index(row, flag_column).data()
        for row in range(history.model.rowCount())
    }
    # the carer's 38.3 °C at 20:00 raised the red flag; the normal morning entry did not
    assert marks == {20: Level.RED.marker, 9: ""}
