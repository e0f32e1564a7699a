"""Validation: person-readable messages, blanks stay blank, every range from one place."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from symptomlog.domain import ChemoCycle, Contact, Entry, Profile, plan_cycles
from symptomlog.domain.fields import MEASURES, SCALES, SIGNS
from symptomlog.domain.parse import FieldError, parse_bool, parse_datetime, parse_value
from symptomlog.errors import ValidationError

WHEN = datetime(2026, 3, 1, 9, 30)


def test_pain_above_10_gives_the_message_a_person_understands() -> None:
    with pytest.raises(ValidationError) as caught:
        Entry(WHEN, pain=11)
    assert str(caught.value) == "Pain must be a whole number from 0 to 10 (got 11)"


def test_every_problem_is_listed_not_only_the_first() -> None:
    with pytest.raises(ValidationError) as caught:
        Entry(WHEN, pain=11, weight_kg=5.0, temperature_c=50.0)
    assert [p.field for p in caught.value.problems] == ["pain", "weight_kg", "temperature_c"]


@given(st.sampled_from(SCALES), st.integers(min_value=-1000, max_value=1000))
def test_scales_accept_exactly_0_to_10(scale, value: int) -> None:  # type: ignore[no-untyped-def]
    if 0 <= value <= 10:
        assert getattr(Entry(WHEN, **{scale.name: value}), scale.name) == value
        assert parse_value(scale.name, str(value)) == value
    else:
        with pytest.raises(ValidationError, match=scale.label):
            Entry(WHEN, **{scale.name: value})
        with pytest.raises(FieldError, match="whole number from 0 to 10"):
            parse_value(scale.name, str(value))


@given(st.sampled_from(MEASURES), st.floats(allow_nan=True, allow_infinity=True, width=32))
def test_measures_accept_only_their_range(measure, value: float) -> None:  # type: ignore[no-untyped-def]
    text = repr(value)
    inside = measure.minimum <= value <= measure.maximum and (
        not measure.integer or value == int(value)
    )
    if inside:
        parsed = parse_value(measure.name, text)
        assert parsed is not None
        assert measure.minimum <= parsed <= measure.maximum
    else:
        with pytest.raises(FieldError, match=re.escape(measure.label)):
            parse_value(measure.name, text)


@given(st.text(max_size=20))
def test_parsing_any_text_gives_a_value_or_a_field_error(text: str) -> None:
    for name in ("pain", "weight_kg", "vomiting_episodes", "yellow_eyes"):
        try:
            parse_value(name, text)
        except FieldError as error:
            assert error.field == name and str(error)


def test_blank_text_means_not_recorded_never_zero() -> None:
    for name in ("pain", "weight_kg", "temperature_c", "vomiting_episodes", "yellow_eyes"):
        assert parse_value(name, "") is None
        assert parse_value(name, "   ") is None
    assert Entry(WHEN).is_blank()


def test_yes_no_words() -> None:
    assert [parse_bool("dark_urine", w) for w in ("yes", "TRUE", "1", "no", "false", "0")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    with pytest.raises(FieldError, match="Dark urine must be yes, no or blank"):
        parse_bool("dark_urine", "maybe")


def test_weight_accepts_a_decimal_comma() -> None:
    assert parse_value("weight_kg", "61,2") == 61.2


def test_dates_in_the_future_or_before_1900_are_refused() -> None:
    with pytest.raises(ValidationError, match="future"):
        Entry(datetime.now() + timedelta(days=1))
    with pytest.raises(ValidationError, match="1900"):
        Entry(datetime(1899, 12, 31))


def test_a_date_alone_means_the_start_of_that_day() -> None:
    assert parse_datetime("recorded_at", "2026-03-01") == datetime(2026, 3, 1)
    with pytest.raises(FieldError, match="2026-03-01T09:30"):
        parse_datetime("recorded_at", "1/3/26")


def test_moments_are_kept_to_the_minute() -> None:
    assert Entry(datetime(2026, 3, 1, 9, 30, 45)).recorded_at == WHEN


def test_unknown_recorder_is_refused() -> None:
    with pytest.raises(ValidationError, match="patient, carer or clinician"):
        Entry(WHEN, recorded_by="neighbour")  # type: ignore[arg-type]


def test_signs_must_be_yes_or_no() -> None:
    for sign in SIGNS:
        with pytest.raises(ValidationError, match=sign.label):
            Entry(WHEN, **{sign.name: 1})


def test_regimen_templates_give_cycle_length_and_drug_days() -> None:
    cycles = plan_cycles("gem-nabpac", WHEN.date(), 2)
    assert [c.cycle_days for c in cycles] == [28, 28]
    assert cycles[1].planned_start == WHEN.date() + timedelta(days=28)
    assert cycles[0].drug_dates()[-1] == WHEN.date() + timedelta(days=14)
    with pytest.raises(ValidationError, match="Regimen must be one of"):
        ChemoCycle("folfox", 1, WHEN.date())


def test_contact_parse_and_profile_ranges() -> None:
    assert Contact.parse("GP | Dr A | 0100").name == "Dr A"
    with pytest.raises(ValidationError, match=re.escape("KIND|NAME|PHONE")):
        Contact.parse("just a name")
    with pytest.raises(ValidationError, match="Height"):
        Profile(height_cm=20)


def test_a_nul_character_in_text_is_refused_with_a_message() -> None:
    with pytest.raises(ValidationError, match="NUL"):
        Entry(WHEN, notes="a\x00b")


def test_an_entry_says_how_often_in_words_never_1_episodes() -> None:
    from datetime import datetime

    from symptomlog.domain import Entry

    said = [Entry(datetime(2026, 3, 1, 9), vomiting_episodes=n).summary() for n in (0, 1, 2, 6)]
    assert said == [
        "Vomited not at all",
        "Vomited once",
        "Vomited twice",
        "Vomited 6 times",
    ]
