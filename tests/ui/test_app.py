"""Starting the window (ui/app.py): a damaged diary is named and left alone or restored from
its newest good backup, and the app icon comes from the installed resources."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from symptomlog.domain import Entry
from symptomlog.store import Diary
from symptomlog.ui.app import open_or_ask

pytestmark = pytest.mark.usefixtures("own_settings")  # no remembered window settings


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


def test_the_app_icon_comes_from_the_installed_package() -> None:
    from symptomlog.ui.app import ICON_SIZES, app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert sorted(size.width() for size in icon.availableSizes()) == sorted(ICON_SIZES)


def test_the_cycle_collector_is_back_on_once_the_window_is_up(tmp_path: Path) -> None:
    """It is off while the window starts (40-50 ms of full passes saved); left off, a
    long session would keep every cycle of garbage it ever made."""
    import subprocess
    import sys

    code = (
        "import gc; from symptomlog.cli import main; "
        f"code = main(['--db', {str(tmp_path / 'd.sqlite3')!r}, '--view', 'today', "
        f"'--screenshot', {str(tmp_path / 'shot.png')!r}]); "
        "print(code, gc.isenabled(), gc.get_freeze_count() > 10_000)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "True", "True"]
    assert (tmp_path / "shot.png").read_bytes().startswith(b"\x89PNG")
