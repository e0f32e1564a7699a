"""Medicines, doses and events (issue 17): validation in plain words, the dose facts
(24 hours, time since the last, the most allowed), the store with its audit, the
breakthrough threshold, and an 0005 diary that upgrades keeping its entries."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from symptomlog.domain import Contact, Profile
from symptomlog.domain.doses import (
    breakthrough_per_day,
    dose_limit,
    doses_in_24h,
    limit_warning,
    most_per_day,
    per_day_summary,
    since_words,
)
from symptomlog.domain.entry import Recorder
from symptomlog.domain.event import Event, EventKind, Outcome
from symptomlog.domain.medicine import Dose, Medicine, Purpose
from symptomlog.domain.thresholds import THRESHOLD_BY_KEY, validate_thresholds
from symptomlog.errors import NotFound, ValidationError
from symptomlog.store import Diary
from symptomlog.store.schema import HEAD_REVISION

FIXTURES = Path(__file__).parent / "data"
T0 = datetime(2026, 3, 2, 8, 0)

TEAM = Contact("palliative", "Sam Nurse", "0100 000 0001", "Mon–Fri 9–5")
MORPHINE = Medicine("Oral morphine", "10 mg/5 ml", True, Purpose.PAIN, 6, id=1)
ONDANSETRON = Medicine("Ondansetron", "8 mg", True, Purpose.NAUSEA, 3, id=2)
MST = Medicine("Morphine MR", "30 mg", False, Purpose.PAIN, 2, id=3)


def dose(at: datetime, medicine: Medicine = MORPHINE, **kw: object) -> Dose:
    return Dose(medicine.id, at, **kw)  # type: ignore[arg-type]


# --- domain ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_per_24h": 0}, "Most doses in 24 hours must be a whole number from 1 to 24 (got 0)"),
        ({"max_per_24h": 25}, "from 1 to 24 (got 25)"),
        ({"max_per_24h": 2.5}, "from 1 to 24 (got 2.5)"),
        ({"purpose": "sleep"}, "What it is for must be one of pain, nausea, bowels"),
        ({"name": "  "}, "A medicine needs a name"),
        ({"name": "x" * 201}, "Medicine name is too long (201 characters; at most 200)"),
        ({"name": "Mor\x1b[2Jphine"}, "Medicine name contains a control character"),
        (
            {"start": date(2026, 3, 5), "stop": date(2026, 3, 1)},
            "Stop date must not be before the start date (2026-03-01 < 2026-03-05)",
        ),
        ({"start": date(1850, 1, 1)}, "Start date must be between 1900 and 2100"),
    ],
)
def test_a_medicine_is_refused_in_plain_words(kwargs: dict[str, object], message: str) -> None:
    values: dict[str, object] = {"name": "Oral morphine", **kwargs}
    with pytest.raises(ValidationError) as error:
        Medicine(**values)  # type: ignore[arg-type]
    assert message in str(error.value)


def test_a_medicine_keeps_its_words_and_limits_at_both_ends() -> None:
    assert Medicine("A", max_per_24h=1).max_per_24h == 1
    assert Medicine("A", max_per_24h=24).max_per_24h == 24
    assert Medicine(" Creon ", purpose="ENZYMES").purpose is Purpose.ENZYMES
    assert MORPHINE.label == "Oral morphine 10 mg/5 ml"
    assert MORPHINE.kind_words == "as needed, for pain, at most 6 in 24 h"
    assert MORPHINE.is_breakthrough and not MST.is_breakthrough
    assert not ONDANSETRON.is_breakthrough


def test_a_dose_is_refused_in_the_future_or_with_an_unknown_giver() -> None:
    with pytest.raises(ValidationError, match="Time taken must not be in the future"):
        dose(datetime.now() + timedelta(hours=1))
    with pytest.raises(ValidationError, match="Given by must be one of patient, carer, clinician"):
        dose(T0, given_by="neighbour")
    given = dose(T0.replace(second=40), given_by="carer", giver_name=" David ", amount=" ")
    assert given.taken_at == T0 and given.by_carer and given.giver_name == "David"
    assert given.amount is None  # blank is not recorded


def test_an_event_checks_call_details_and_outcome() -> None:
    call = Event(T0, "call", to_whom="24-hour line", advice="Come in", outcome="seen")
    assert call.kind is EventKind.CALL and call.outcome is Outcome.SEEN
    assert call.summary == "Call to 24-hour line — Seen — advice: Come in"
    with pytest.raises(ValidationError, match="An outcome is recorded only for a call"):
        Event(T0, "scan", outcome="seen")
    with pytest.raises(ValidationError, match="Outcome must be one of advice, seen, admitted"):
        Event(T0, "call", outcome="ignored")
    with pytest.raises(ValidationError, match="Kind must be one of call, admission, procedure"):
        Event(T0, "party")
    linked = Event(T0, "call", flag_day=T0.date(), flag_rule="temperature")
    assert linked.follows(T0.date(), "temperature") and not linked.follows(T0.date(), "pain")


def test_doses_in_24h_keep_a_dose_just_inside_and_drop_one_exactly_24h_before() -> None:
    doses = [
        dose(T0 - timedelta(hours=24)),
        dose(T0 - timedelta(hours=23, minutes=59)),
        dose(T0),
        dose(T0, ONDANSETRON),
        dose(T0 + timedelta(minutes=1)),
    ]
    assert [d.taken_at for d in doses_in_24h(doses, T0, MORPHINE.id)] == [
        T0 - timedelta(hours=23, minutes=59),
        T0,
    ]
    assert len(doses_in_24h(doses, T0)) == 3


def test_the_time_since_the_last_dose_in_words() -> None:
    assert since_words(timedelta(hours=3, minutes=10)) == "3 h 10 min ago"
    assert since_words(timedelta(minutes=45)) == "45 min ago"
    assert since_words(timedelta(days=3)) == "3 days ago"
    assert since_words(None) == "no dose yet"


def test_the_24_hour_maximum_is_a_fact_below_at_and_above() -> None:
    doses = [dose(T0 + timedelta(hours=h)) for h in range(5)]
    at = T0 + timedelta(hours=5)
    below = dose_limit(MORPHINE, doses, at)
    assert below is not None and not below.reached and below.count == 5
    doses.append(dose(at))
    reached = dose_limit(MORPHINE, doses, at)
    assert reached is not None and reached.reached and not reached.passed
    assert limit_warning(reached, Profile(contacts=(TEAM,))) == (
        "That is the 6th dose of Oral morphine 10 mg/5 ml in 24 hours — the most your team "
        "set. If the pain is not controlled, call your care team (0100 000 0001)."
    )
    doses.append(dose(at + timedelta(minutes=5)))
    passed = dose_limit(MORPHINE, doses, at + timedelta(minutes=5))
    assert passed is not None and passed.passed
    assert "7th dose" in limit_warning(passed, Profile()) and "more than the 6 your team set" in (
        limit_warning(passed, Profile())
    )
    assert dose_limit(Medicine("Creon", id=9), doses, at) is None  # no maximum recorded


def test_breakthrough_doses_per_day_count_only_as_needed_pain_medicines() -> None:
    medicines = [MORPHINE, ONDANSETRON, MST]
    doses = [
        dose(T0),
        dose(T0 + timedelta(hours=4)),
        dose(T0 + timedelta(hours=5), ONDANSETRON),
        dose(T0, MST),
        dose(T0 + timedelta(days=1)),
    ]
    counts = breakthrough_per_day(doses, medicines)
    assert counts == {T0.date(): 2, T0.date() + timedelta(days=1): 1}
    days = [T0.date() + timedelta(days=i) for i in range(4)]
    assert per_day_summary(counts, days) == (0.75, 2)


def test_most_in_any_24_hours_slides_across_midnight() -> None:
    evening = datetime(2026, 3, 2, 20, 0)
    times = [evening, evening + timedelta(hours=3), evening + timedelta(hours=10)]
    # the night's three count together on the morning they reach three, not per calendar day
    assert most_per_day(times) == {
        evening.date(): (2, evening + timedelta(hours=3)),
        evening.date() + timedelta(days=1): (3, evening + timedelta(hours=10)),
    }
    apart = [evening, evening + timedelta(hours=24)]  # exactly a day apart: never together
    assert most_per_day(apart) == {evening.date(): (1, evening), apart[1].date(): (1, apart[1])}
    assert most_per_day([]) == {}


def test_breakthrough_threshold_default_range_and_source() -> None:
    threshold = THRESHOLD_BY_KEY["breakthrough_doses"]
    assert (threshold.default, threshold.minimum, threshold.maximum) == (3, 2, 6)
    assert "Scottish Palliative Care Guidelines" in threshold.source
    assert validate_thresholds({"breakthrough_doses": 2}) == {"breakthrough_doses": 2}
    assert validate_thresholds({"breakthrough_doses": 6}) == {"breakthrough_doses": 6}
    for outside in (1, 7, 2.5):
        with pytest.raises(ValidationError, match="As-needed doses for pain in 24 h must be"):
            validate_thresholds({"breakthrough_doses": outside})


# --- store ----------------------------------------------------------------------------------


@pytest.fixture
def morphine(diary: Diary) -> Medicine:
    return diary.medicines.add(Medicine("Oral morphine", "10 mg/5 ml", True, "pain", 6))


def test_medicines_and_doses_read_back_from_the_file(diary: Diary, morphine: Medicine) -> None:
    taken = diary.medicines.record_dose(Dose(morphine.id, T0, "5 ml", "carer", "David"))  # type: ignore[arg-type]
    assert taken.id is not None
    with Diary.open(diary.path) as again:  # type: ignore[arg-type]
        assert again.medicines.all() == [morphine]
        assert again.medicines.doses() == [taken]
        assert again.medicines.find("ORAL MORPHINE ") == morphine


def test_unknown_medicine_names_the_ones_there_are(diary: Diary, morphine: Medicine) -> None:
    with pytest.raises(NotFound, match=r"no medicine called 'Oramorph'.*Oral morphine"):
        diary.medicines.find("Oramorph")


def test_a_current_medicine_of_the_same_name_is_refused(diary: Diary, morphine: Medicine) -> None:
    with pytest.raises(ValidationError, match="already on the list of medicines"):
        diary.medicines.add(Medicine("oral MORPHINE"))
    assert len(diary.medicines.all()) == 1


def test_a_new_strength_can_be_entered_the_day_the_old_one_stops(
    diary: Diary, morphine: Medicine
) -> None:
    diary.medicines.stop(morphine.id, date.today())  # type: ignore[arg-type]
    stronger = diary.medicines.add(Medicine("Oral morphine", "20 mg/5 ml", True, "pain"))
    assert diary.medicines.find("oral morphine") == stronger


def test_an_import_cannot_bring_a_second_current_medicine_of_one_name(
    diary: Diary, morphine: Medicine
) -> None:
    other = Medicine("Oral Morphine", "20 mg/5 ml", True, "pain", id=1)
    with pytest.raises(ValidationError, match="already on the list of medicines"):
        diary.medicines.add_records([other], [Dose(1, T0)])
    assert diary.medicines.all() == [morphine] and diary.medicines.doses() == []


def test_an_imported_dose_outside_its_medicines_dates_is_refused(diary: Diary) -> None:
    stopped = Medicine("Ondansetron", "8 mg", True, "nausea", 3, date(2026, 1, 1), date(2026, 2, 1))
    with pytest.raises(ValidationError, match="after its stop date"):
        diary.medicines.add_records([stopped.with_id(7)], [Dose(7, T0)])
    assert diary.medicines.all() == []  # nothing of the file was kept


def test_stop_keeps_the_medicine_and_its_doses_and_restart_is_found_first(
    diary: Diary, morphine: Medicine
) -> None:
    diary.medicines.record_dose(Dose(morphine.id, T0))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="a dose on 2026-03-02 is after its stop date"):
        diary.medicines.stop(morphine.id, date(2026, 3, 1))  # type: ignore[arg-type]
    stopped = diary.medicines.stop(morphine.id, date(2026, 3, 3))  # type: ignore[arg-type]
    assert stopped.stop == date(2026, 3, 3)
    assert diary.medicines.current(date(2026, 3, 4)) == []
    again = diary.medicines.add(Medicine("Oral morphine", "20 mg/5 ml", True, "pain"))
    assert diary.medicines.find("oral morphine") == again
    assert len(diary.medicines.doses(medicine_id=morphine.id)) == 1
    with pytest.raises(ValidationError, match="after its stop date"):
        diary.medicines.record_dose(Dose(morphine.id, datetime(2026, 3, 10)))  # type: ignore[arg-type]


def test_dose_edit_and_delete_are_audited_with_old_values(diary: Diary, morphine: Medicine) -> None:
    taken = diary.medicines.record_dose(Dose(morphine.id, T0, "5 ml"))  # type: ignore[arg-type]
    fixed = Dose(morphine.id, T0 + timedelta(hours=1), "10 ml", id=taken.id)  # type: ignore[arg-type]
    diary.medicines.edit_dose(fixed, actor="carer")
    assert diary.medicines.get_dose(taken.id) == fixed  # type: ignore[arg-type]
    diary.medicines.delete_dose(taken.id, actor="carer")  # type: ignore[arg-type]
    assert diary.medicines.doses() == []
    changes = [c for c in diary.medicines.audit() if c.record_kind == "dose"]
    assert [c.action for c in changes] == ["add", "edit", "delete"]
    assert json.loads(changes[1].old_values)["amount"] == "5 ml"  # type: ignore[arg-type]
    assert json.loads(changes[2].old_values)["amount"] == "10 ml"  # type: ignore[arg-type]
    assert changes[2].actor == "carer"
    with pytest.raises(NotFound, match="no dose number"):
        diary.medicines.delete_dose(taken.id)  # type: ignore[arg-type]


def test_limit_at_counts_the_stored_doses_of_the_last_24_hours(
    diary: Diary, morphine: Medicine
) -> None:
    for hours in (0, 10, 20, 22, 23, 30):
        diary.medicines.record_dose(Dose(morphine.id, T0 + timedelta(hours=hours)))  # type: ignore[arg-type]
    limit = diary.medicines.limit_at(morphine, T0 + timedelta(hours=30))
    assert limit is not None and limit.count == 5 and not limit.reached


def test_a_failed_write_leaves_no_medicine_or_dose(diary: Diary, morphine: Medicine) -> None:
    with pytest.raises(RuntimeError), diary.transaction():
        diary.medicines.record_dose(Dose(morphine.id, T0))  # type: ignore[arg-type]
        diary.events.add(Event(T0, "scan"))
        raise RuntimeError("power cut")
    assert diary.medicines.doses() == [] and diary.events.between() == []


def test_events_between_after_flag_edit_and_audit(diary: Diary) -> None:
    call = diary.events.add(
        Event(
            T0,
            "call",
            to_whom="24-hour line",
            outcome="advice",
            flag_day=T0.date(),
            flag_rule="temperature",
        )
    )
    scan = diary.events.add(Event(T0 + timedelta(days=2), "scan", note="CT"))
    assert diary.events.between(T0.date(), T0.date()) == [call]
    assert diary.events.between(kind=EventKind.SCAN) == [scan]
    assert diary.events.after_flag(T0.date(), "temperature") == [call]
    assert diary.events.after_flag(T0.date() + timedelta(days=1)) == []
    admitted = Event(T0, "call", to_whom="24-hour line", outcome="admitted", id=call.id)
    diary.events.update(admitted)
    diary.events.delete(scan.id)  # type: ignore[arg-type]
    assert diary.events.between() == [admitted]
    assert [c.action for c in diary.events.audit()] == ["add", "add", "edit", "delete"]


# --- migration ------------------------------------------------------------------------------


def _diary_at_0005(tmp_path: Path) -> Path:
    """The 0002 fixture (36 entries) migrated by Alembic to 0005 and no further."""
    from alembic import command
    from sqlalchemy import create_engine

    from symptomlog.store.schema import _alembic_config

    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "diary-schema-0002.sqlite3", path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        config = _alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0005")
    engine.dispose()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0005",)
    return path


def test_a_0005_diary_upgrades_and_keeps_its_entries(tmp_path: Path) -> None:
    path = _diary_at_0005(tmp_path)
    with closing(sqlite3.connect(path)) as conn:
        before = conn.execute("SELECT * FROM entries ORDER BY id").fetchall()
    with Diary.open(path) as diary:
        assert diary.entries.count() == 36
        assert diary.medicines.all() == [] and diary.events.between() == []
        medicine = diary.medicines.add(Medicine("Creon", "25,000 units", purpose="enzymes"))
        diary.medicines.record_dose(Dose(medicine.id, T0, "2 capsules"))  # type: ignore[arg-type]
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,
        )
        assert conn.execute("SELECT * FROM entries ORDER BY id").fetchall() == before
        assert conn.execute("SELECT count(*) FROM doses").fetchone() == (1,)
    assert HEAD_REVISION == "0007"  # 0007: NALIRIFOX 28-day cycles, the reports log (issue 19)
    assert list((tmp_path / "backups").glob("old-schema0005-*.sqlite3"))


def test_the_recorder_type_is_shared_with_entries() -> None:
    assert Dose(1, T0, given_by=Recorder.CLINICIAN).given_by is Recorder.CLINICIAN


def test_last_dose_and_what_happened_after_a_flag(diary: Diary, morphine: Medicine) -> None:
    from symptomlog.domain.event import events_after_flag

    assert diary.medicines.last_dose(morphine.id) is None  # type: ignore[arg-type]
    first = diary.medicines.record_dose(Dose(morphine.id, T0))  # type: ignore[arg-type]
    later = diary.medicines.record_dose(Dose(morphine.id, T0 + timedelta(hours=5)))  # type: ignore[arg-type]
    assert diary.medicines.last_dose(morphine.id) == later  # type: ignore[arg-type]
    assert diary.medicines.last_dose(morphine.id, T0 + timedelta(hours=1)) == first  # type: ignore[arg-type]
    call = Event(
        T0 + timedelta(hours=2),
        "call",
        to_whom="GP",
        outcome="advice",
        flag_day=T0.date(),
        flag_rule="breakthrough_doses",
    )
    scan = Event(T0 + timedelta(hours=1), "scan", flag_day=T0.date())
    events = [call, scan, Event(T0, "other")]
    assert events_after_flag(events, T0.date(), "breakthrough_doses") == [scan, call]
    assert events_after_flag(events, T0.date() + timedelta(days=1)) == []


def test_moving_the_start_after_a_recorded_dose_is_refused(
    diary: Diary, morphine: Medicine
) -> None:
    diary.medicines.record_dose(Dose(morphine.id, T0))  # type: ignore[arg-type]
    later = replace(morphine, start=T0.date() + timedelta(days=1))
    with pytest.raises(ValidationError, match="a dose on 2026-03-02 is before its start date"):
        diary.medicines.update(later)
    assert diary.medicines.get(morphine.id).start is None  # type: ignore[arg-type]
    diary.medicines.update(replace(morphine, start=T0.date()))  # on the dose's day: fine
