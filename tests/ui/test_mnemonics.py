"""No Alt+letter is claimed twice in one window: each view with the menus, and each dialog."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QTabBar,
    QTabWidget,
    QWidget,
)

from symptomlog.domain import ChemoCycle, Entry, Medicine, Profile
from symptomlog.ui.cycles_view import AddCyclesDialog, EditCycleDialog
from symptomlog.ui.first_run import FirstRunDialog
from symptomlog.ui.history_view import DeletedDialog, EditDialog
from symptomlog.ui.main_window import VIEWS, MainWindow
from symptomlog.ui.medicine_dialog import MedicineDialog
from symptomlog.ui.medicines_view import StopDialog
from symptomlog.ui.profile_dialog import ProfileDialog
from symptomlog.ui.reminders import RemindersDialog
from symptomlog.ui.what_happened import WhatHappenedDialog
from tests.gui_support import wait_for_flags

MNEMONIC = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def texts_shown(root: QWidget) -> list[str]:
    """Every text with a mnemonic that is active now: visible widgets, tabs, the menu bar."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or isinstance(
            widget, QAbstractButton
        ):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(root, MainWindow):
        texts += [action.text() for action in root.menuBar().actions()]
    return texts


def doubles(root: QWidget) -> dict[str, list[str]]:
    texts = texts_shown(root)
    counts = Counter(filter(None, map(letter, texts)))
    return {k: [t for t in texts if letter(t) == k] for k, n in counts.items() if n > 1}


def every_tab(root: QWidget) -> list[int]:
    """Check each page of each tab widget in turn (hidden pages claim nothing)."""
    tabs = root.findChildren(QTabWidget)
    return list(range(max((t.count() for t in tabs), default=1)))


def check_dialog(dialog: QDialog) -> dict[str, list[str]]:
    dialog.show()
    found: dict[str, list[str]] = {}
    for page in every_tab(dialog):
        for tabs in dialog.findChildren(QTabWidget):
            tabs.setCurrentIndex(min(page, tabs.count() - 1))
        found.update(doubles(dialog))
    dialog.reject()
    return found


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_with_the_menus_claims_each_letter_once(window: MainWindow, view: str) -> None:
    window.show_view(view)
    assert doubles(window) == {}


def test_the_demo_strip_claims_no_letter_of_the_views(window: MainWindow) -> None:
    window.demo_strip.setVisible(True)
    for view in VIEWS:
        window.show_view(view)
        assert doubles(window) == {}, view


def test_each_dialog_claims_each_letter_once(qtbot, window: MainWindow) -> None:
    context = window.context
    cycle = ChemoCycle("gemcitabine", 1, date(2026, 3, 2))
    entry = Entry(datetime(2026, 3, 1, 9, 0), pain=2)
    dialogs: list[QDialog] = [
        FirstRunDialog(Profile(), window),
        AddCyclesDialog(window),
        EditCycleDialog(cycle, window),
        DeletedDialog(context, "patient", window),
        EditDialog(entry, lambda _e: None, window),
        RemindersDialog(window.reminder, window),
        MedicineDialog(lambda m: m, Medicine("Ondansetron", "8 mg", True, "nausea", 2), window),
        StopDialog(Medicine("Ondansetron"), window),
        WhatHappenedDialog(date(2026, 3, 1), ["fever"], Profile(), lambda e: e, window),
    ]
    for dialog in dialogs:
        assert check_dialog(dialog) == {}, type(dialog).__name__


def test_the_profile_dialog_claims_each_letter_once(window: MainWindow) -> None:
    assert check_dialog(ProfileDialog(window.context, window)) == {}


def test_today_with_the_red_banner_and_dose_buttons_claims_each_letter_once(
    qtbot, window: MainWindow
) -> None:
    diary = window.context.diary
    diary.medicines.add(Medicine("Oral morphine", "10 mg", True, "pain", 6))
    diary.cycles.add([ChemoCycle("mfolfirinox", 1, date.today() - timedelta(days=5))])
    window.today.form.measures["temperature_c"].setText("38.4")
    window.today.save()
    wait_for_flags(qtbot, window)
    window.demo_strip.setVisible(True)
    window.show_view("today")
    assert window.today.banner.isVisible() and window.today.doses.isVisible()
    assert doubles(window) == {}
