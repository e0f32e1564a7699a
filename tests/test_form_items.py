"""The profile chooses which optional items the daily form asks, with defaults by regimen
(CLINICAL.md): stored, audited, exported, and set from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from symptomlog.domain import Profile
from symptomlog.domain.form_items import default_form_items, form_items
from symptomlog.errors import ValidationError
from symptomlog.exchange.json_format import read_json, write_json
from symptomlog.store import Diary
from tests.test_cli import run

EVERYONE = (
    "days_since_bowels_opened",
    "shivering",
    "bleeding",
    "clot_signs",
    "confusion",
    "cannot_keep_fluids",
)


@pytest.mark.parametrize(
    ("regimens", "extra"),
    [
        ((), ()),
        (("gemcitabine",), ()),
        (("mfolfirinox",), ("stools_above_usual", "numbness")),
        (("nalirifox",), ("stools_above_usual", "numbness")),
        (("nal-iri-5fu",), ("stools_above_usual",)),
        (("gem-nabpac",), ("numbness",)),
        (("capecitabine",), ("sore_hands_feet",)),
        (("gem-nabpac", "capecitabine"), ("numbness", "sore_hands_feet")),
    ],
)
def test_defaults_follow_the_regimens(regimens: tuple[str, ...], extra: tuple[str, ...]) -> None:
    assert set(default_form_items(regimens)) == {*EVERYONE, *extra}


def test_the_profiles_choice_wins_in_registry_order_and_unknown_items_are_refused() -> None:
    profile = Profile(form_items=("numbness", "mouth_sores"))
    assert profile.form_items == ("mouth_sores", "numbness")
    assert form_items(profile.form_items, ["mfolfirinox"]) == ("mouth_sores", "numbness")
    assert form_items((), ["mfolfirinox"]) == ()  # nothing more asked, on purpose
    with pytest.raises(ValidationError, match="hiccups is not an optional item"):
        Profile(form_items=("hiccups",))
    with pytest.raises(ValidationError, match="not an optional item"):
        Profile(form_items=("pain",))  # ESAS-r is always asked, never switched off


def test_the_choice_is_stored_audited_and_round_trips_through_json(
    diary: Diary, tmp_path: Path
) -> None:
    assert diary.profile.get().form_items is None
    diary.profile.save(Profile(form_items=("mouth_sores",)))
    assert diary.profile.get().form_items == ("mouth_sores",)
    assert [(a.key, a.new_value) for a in diary.profile.audit()] == [("form_items", "mouth_sores")]
    path = tmp_path / "all.json"
    path.write_text(write_json(diary), encoding="utf-8")
    assert json.loads(path.read_text())["profile"]["form_items"] == ["mouth_sores"]
    assert read_json(path).profile.form_items == ("mouth_sores",)


def test_profile_set_form_items_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    assert (
        run("cycle", "add", "--regimen", "capecitabine", "--start", "2026-03-01", db=db).returncode
        == 0
    )
    shown = run("profile", "show", db=db).stdout
    assert "Sore hands or feet (the defaults for the regimens)" in shown
    assert run("profile", "set", "--form-items", "mouth_sores,numbness", db=db).returncode == 0
    assert (
        "Form asks also:   Mouth sores, Numbness or tingling\n"
        in run("profile", "show", db=db).stdout
    )
    refused = run("profile", "set", "--form-items", "hiccups", db=db)
    assert refused.returncode == 2 and "hiccups is not an optional item" in refused.stderr
    assert run("profile", "set", "--form-items", "default", db=db).returncode == 0
    assert "(the defaults for the regimens)" in run("profile", "show", db=db).stdout


def test_saving_the_profile_dialog_keeps_the_forms_items(qtbot, diary: Diary) -> None:
    from symptomlog.ui.profile_dialog import ProfileDialog
    from tests.gui_support import open_window

    diary.profile.save(Profile(form_items=("mouth_sores",)))
    window = open_window(qtbot, diary)
    dialog = ProfileDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.stent.setCurrentIndex(1)
    dialog.save()
    assert diary.profile.get().stent is True
    assert diary.profile.get().form_items == ("mouth_sores",)
