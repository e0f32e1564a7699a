"""The log and the last-resort error handler: private, never health data, never silent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from symptomlog.logs import install_excepthook, setup_logging
from symptomlog.store.paths import file_mode


@pytest.fixture
def restore_hook():
    saved = sys.excepthook
    yield
    sys.excepthook = saved


def test_the_log_file_is_private(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs")
    assert path.exists() and file_mode(path) == 0o600
    assert file_mode(path.parent) == 0o700


def test_an_error_in_a_qt_slot_is_logged_without_its_message_and_shown(
    qtbot, tmp_path: Path, restore_hook
) -> None:
    path = setup_logging(tmp_path / "logs")
    shown: list[str] = []
    install_excepthook(path, shown.append)

    secret = "".join(["Pain ", "9 and a ", "private note"])  # never on a source line

    def broken_slot() -> None:
        raise ValueError(secret)

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert "Your entries are safe" in shown[0] and str(path) in shown[0]
    logged = path.read_text(encoding="utf-8")
    assert "builtins.ValueError" in logged and "broken_slot" in logged
    assert "private note" not in logged and "Pain 9" not in logged
