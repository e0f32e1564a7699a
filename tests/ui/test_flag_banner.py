"""Flags in the window: the red banner's words and Details, amber's contact, the kinds check."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from symptomlog.domain import ChemoCycle, Contact, Profile
from symptomlog.domain.profile import ContactKind
from symptomlog.store import Diary
from tests.gui_support import open_window, wait_for_flags
from tests.paths import DATA

LINE = Contact("24h-line", "Acute Oncology", "0100 000 0000", "24 hours")
NURSE = Contact("palliative", "Sam Nurse", "0100 000 0001", "Mon–Fri 9–5")


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))


@pytest.fixture
def on_chemo(diary: Diary) -> Iterator[Diary]:
    diary.cycles.add([ChemoCycle("mfolfirinox", 1, date.today() - timedelta(days=5))])
    yield diary


def test_fever_banner_says_what_to_do_and_why_with_details_on_demand(qtbot, on_chemo) -> None:
    on_chemo.profile.save(Profile(contacts=(NURSE, LINE)))
    window = open_window(qtbot, on_chemo)
    window.today.form.measures["temperature_c"].setText("38.1")
    assert window.today.save() is not None
    wait_for_flags(qtbot, window)
    banner = window.today.banner
    assert banner.heading.text() == "⚠ Call your 24-hour line now: 0100 000 0000 — Acute Oncology."
    assert "38.1 °C 5 days after chemotherapy can mean an infection" in banner.why.text()
    assert "NICE" not in banner.heading.text() + banner.why.text()
    assert banner.details.isHidden()
    banner.toggle.click()
    assert banner.details.isVisible()
    assert "NICE CG151" in banner.details.text() and "not a diagnosis" in banner.details.text()


def test_without_a_24_hour_line_the_banner_never_shows_the_weekday_number(qtbot, on_chemo) -> None:
    on_chemo.profile.save(Profile(contacts=(NURSE,)))
    window = open_window(qtbot, on_chemo)
    window.today.form.measures["temperature_c"].setText("38.1")
    window.today.save()
    wait_for_flags(qtbot, window)
    heading = window.today.banner.heading.text()
    assert "0100 000 0001" not in heading
    assert "hospital's 24-hour line" in heading and "999" in heading


def test_amber_names_the_daytime_team_in_plain_words(qtbot, diary: Diary) -> None:
    diary.profile.save(Profile(contacts=(LINE, NURSE)))
    window = open_window(qtbot, diary)
    window.today.form.scales["nausea"].set_value(8)
    window.today.save()
    wait_for_flags(qtbot, window)
    amber = window.today.amber_label.text()
    assert amber.startswith("! Tell your care team today: 0100 000 0001 — Sam Nurse")
    assert "Sickness this bad" in amber and "Selby" not in amber
    assert "Selby 2010" in window.today.amber_label.toolTip()
    assert window.today.banner.isHidden()


def test_an_older_diary_asks_once_to_confirm_the_kinds(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "diary-schema-0001.sqlite3", path)
    with Diary.open(path) as diary:
        window = open_window(qtbot, diary)
        dialog = window.confirm_kinds
        qtbot.waitUntil(dialog.isVisible)
        assert (
            "Palliative care nurse specialist"
            in dialog.findChildren(type(dialog.message))[1].text()
        )
        dialog.editor.set_kind(1, ContactKind.PALLIATIVE)
        dialog.save()
        profile = diary.profile.get()
        assert profile.contact_kinds_confirmed
        assert [c.kind for c in profile.contacts] == [
            ContactKind.LINE_24H,
            ContactKind.PALLIATIVE,
            ContactKind.OTHER,
        ]
        again = open_window(qtbot, diary)
        assert not hasattr(again, "confirm_kinds")


def test_profile_dialog_saves_the_stent_and_refuses_nothing_out_of_range(
    qtbot, diary: Diary
) -> None:
    from symptomlog.ui.profile_dialog import ProfileDialog

    window = open_window(qtbot, diary)
    dialog = ProfileDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.stent.setCurrentIndex(1)
    fever = dialog.threshold_inputs["fever_c"]
    fever.setValue(39.0)  # the spin box stops at the top of the safe range
    assert fever.value() == 38.0
    dialog.save()
    profile = diary.profile.get()
    assert profile.stent is True and profile.thresholds == {"fever_c": 38.0}
    assert {a.key for a in diary.profile.audit()} == {"stent", "threshold:fever_c"}


@pytest.mark.parametrize("large", [False, True])
def test_the_call_now_line_stays_bold_and_larger_than_the_text(qtbot, on_chemo, large) -> None:
    from PySide6.QtWidgets import QApplication

    window = open_window(qtbot, on_chemo)
    window.large_text.setChecked(large)
    window.toggle_large_text()
    window.today.form.measures["temperature_c"].setText("38.1")
    window.today.save()
    wait_for_flags(qtbot, window)
    heading = window.today.banner.heading.font()
    body = QApplication.font()
    assert heading.bold() and heading.pointSizeF() >= body.pointSizeF() * 1.3
    window.large_text.setChecked(False)
    window.toggle_large_text()
