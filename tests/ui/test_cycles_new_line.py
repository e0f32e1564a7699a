"""The Cycles view: adding cycles as a new line of treatment ends the current line."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialog

from symptomlog.ui import cycles_view
from symptomlog.ui.main_window import MainWindow
from symptomlog.ui.widgets import to_qdate

START = date.today() - timedelta(days=60)


def answer(regimen: str, start: date, count: int, new_line: bool):  # type: ignore[no-untyped-def]
    def fill(dialog: QDialog) -> QDialog.DialogCode:
        assert isinstance(dialog, cycles_view.AddCyclesDialog)
        dialog.regimen.setCurrentIndex(dialog.regimen.findData(regimen))
        dialog.start.setDate(to_qdate(start))
        dialog.count.setValue(count)
        dialog.new_line.setChecked(new_line)
        return QDialog.DialogCode.Accepted

    return fill


def test_a_new_line_from_the_window_ends_the_current_one(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = window.cycles
    monkeypatch.setattr(cycles_view, "run_dialog", answer("nalirifox", START, 2, False))
    view.add_cycles()
    switch = START + timedelta(days=35)  # during C2 (days 29-56): C2 began, nothing planned after
    monkeypatch.setattr(cycles_view, "run_dialog", answer("nalirifox", switch, 1, True))
    view.add_cycles()
    cycles = window.context.diary.cycles.all()
    assert [(c.line, c.number, c.ends_line) for c in cycles] == [
        (1, 1, False),
        (1, 2, True),
        (2, 1, False),
    ]
    assert "Line 1 (NALIRIFOX) now ends with C2" in view.message.text()
    drug_days = view.table.item(0, cycles_view.HEADERS.index("Drug days")).text()
    assert drug_days.startswith("D1 ") and ", D15 " in drug_days  # 28 days, days 1 and 15
