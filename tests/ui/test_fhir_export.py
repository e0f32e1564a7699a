"""File ▸ Export for a hospital system (FHIR) in the window, through pytest-qt."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from symptomlog.domain import Entry, Recorder
from symptomlog.store import Diary
from symptomlog.ui.fhir_export import MENU_TEXT
from symptomlog.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, diary: Diary, tmp_path: Path) -> MainWindow:
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    diary.entries.add(Entry(datetime(2026, 3, 2, 9, 0), pain=4, weight_kg=60.5))
    diary.entries.add(Entry(datetime(2026, 3, 3, 9, 0), Recorder.CARER, "Ann", temperature_c=37.9))
    win = MainWindow(diary)
    qtbot.addWidget(win)
    return win


def fhir_action(window: MainWindow) -> QAction:
    file_menu = window.menuBar().actions()[0].menu()
    (action,) = [a for a in file_menu.actions() if a.text() == MENU_TEXT]
    return action


def test_the_file_menu_exports_a_valid_bundle(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "for-the-clinic.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    fhir_action(window).trigger()
    bundle = json.loads(target.read_text(encoding="utf-8"))
    parsed = Bundle.model_validate(bundle)
    kinds = sorted(type(e.resource).__name__ for e in parsed.entry)
    assert kinds.count("Observation") == 3 and kinds.count("RelatedPerson") == 1
    assert "never sends" in window.statusBar().currentMessage()


def test_cancelling_or_an_unwritable_place_writes_nothing_and_says_why(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    fhir_action(window).trigger()
    assert list(tmp_path.glob("*.json")) == []
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    missing = tmp_path / "no such folder" / "b.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    fhir_action(window).trigger()
    assert len(warnings) == 1 and "Cannot write" in warnings[0]
