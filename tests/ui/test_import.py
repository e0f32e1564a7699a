"""File ▸ Import runs off the window's thread and says what it added, or why nothing was."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from symptomlog.exchange import transfer
from symptomlog.ui.main_window import MainWindow

HEADER = "recorded_at,recorded_by,pain,notes\n"


def write_csv(path: Path, rows: int) -> Path:
    lines = [
        f"2026-0{1 + i // 28}-{1 + i % 28:02d}T09:00,patient,{i % 11},day {i}" for i in range(rows)
    ]
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """What the message boxes would have shown (they are modal, so recorded instead)."""
    found: dict[str, list[str]] = {"information": [], "warning": []}
    for kind, texts in found.items():
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, _k=texts: _k.append(text))
    return found


def test_import_runs_on_a_helper_thread_and_adds_the_entries(
    qtbot, window: MainWindow, tmp_path: Path, said, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real = transfer.import_file

    def recording(diary, path):
        threads.append(threading.current_thread().name)
        return real(diary, path)

    monkeypatch.setattr(transfer, "import_file", recording)
    task = window.import_path(write_csv(tmp_path / "days.csv", 40))
    qtbot.waitUntil(lambda: task.finished, timeout=10_000)
    assert threads == ["background-task"], "the import must not run on the window's thread"
    assert window.context.diary.entries.count() == 40
    assert said["information"] == [
        "Imported 40 entries from days.csv; 0 were already in the diary."
    ]
    assert said["warning"] == []
    assert window.statusBar().currentMessage().startswith("Imported 40 entries")


def test_a_bad_file_imports_nothing_and_says_where(
    qtbot, window: MainWindow, tmp_path: Path, said
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "2026-01-01T09:00,patient,11,too much\n", encoding="utf-8")
    task = window.import_path(bad)
    qtbot.waitUntil(lambda: task.finished, timeout=10_000)
    assert window.context.diary.entries.count() == 0
    assert said["information"] == []
    assert len(said["warning"]) == 1
    assert "line 2" in said["warning"][0] and "pain" in said["warning"][0].lower()


def test_the_menus_import_finishes_though_nobody_keeps_the_task(
    qtbot, window: MainWindow, tmp_path: Path, said, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File ▸ Import drops the task it starts: the answer must still come back."""
    import gc

    from PySide6.QtWidgets import QFileDialog

    source = write_csv(tmp_path / "menu.csv", 30)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    window.import_file()
    gc.collect()  # what nobody holds is gone now
    qtbot.waitUntil(lambda: bool(said["information"]), timeout=10_000)
    assert said["information"] == [
        "Imported 30 entries from menu.csv; 0 were already in the diary."
    ]
    assert window.statusBar().currentMessage().startswith("Imported 30 entries")
