"""JSON export and import carry medicines, doses and events (format_version 4); an
import twice adds nothing; a version-3 file still imports; a bad dose or event is
located and nothing at all is imported."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from symptomlog.domain import Dose, Entry, Event, Medicine
from symptomlog.errors import ImportRejected
from symptomlog.exchange.json_format import FORMAT_VERSION, write_json
from symptomlog.exchange.transfer import import_file
from symptomlog.store import Diary

WHEN = datetime(2026, 3, 2, 8, 0)


def fill(diary: Diary) -> None:
    diary.entries.add(Entry(WHEN, pain=6))
    creon = diary.medicines.add(Medicine("Creon", "25,000 units", purpose="enzymes"))
    morphine = diary.medicines.add(
        Medicine("Oral morphine", "10 mg/5 ml", True, "pain", 6, date(2026, 3, 1))
    )
    diary.medicines.stop(creon.id, date(2026, 3, 10))  # type: ignore[arg-type]
    diary.medicines.record_dose(Dose(creon.id, WHEN, "2 capsules"))  # type: ignore[arg-type]
    diary.medicines.record_dose(Dose(morphine.id, WHEN, "5 ml", "carer", "David"))  # type: ignore[arg-type]
    diary.events.add(
        Event(
            WHEN, "call", "fever", "24-hour line", "Come in", "admitted", WHEN.date(), "temperature"
        )
    )
    diary.events.add(Event(datetime(2026, 3, 5, 9, 0), "procedure", "ERCP, stent changed"))


def _export(tmp_path: Path, name: str = "out.json") -> Path:
    path = tmp_path / name
    with Diary.open(tmp_path / "source.sqlite3") as source:
        fill(source)
        path.write_text(write_json(source), encoding="utf-8")
    return path


def _content(diary: Diary) -> tuple[object, ...]:
    """What the diary says, without its own ids."""
    medicines = {m.id: m.name for m in diary.medicines.all()}
    return (
        sorted(
            (m.name, m.strength, m.as_needed, m.purpose, m.max_per_24h, m.start, m.stop)
            for m in diary.medicines.all()
        ),
        [
            (medicines[d.medicine_id], d.taken_at, d.amount, d.given_by, d.giver_name)
            for d in diary.medicines.doses()
        ],
        [e.with_id(None) for e in diary.events.between()],
    )


def test_export_import_round_trips_medicines_doses_and_events(tmp_path: Path) -> None:
    path = _export(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format_version"] == FORMAT_VERSION == 4
    assert {m["name"] for m in data["medicines"]} == {"Creon", "Oral morphine"}
    with Diary.open(tmp_path / "source.sqlite3") as source:
        expected = _content(source)
    with Diary.open(tmp_path / "empty.sqlite3") as diary:
        summary = import_file(diary, path)
        assert _content(diary) == expected
        assert "2 medicines added; 2 doses added; 2 events added" in str(summary)
        again = import_file(diary, path)
        assert (again.medicines_added, again.doses_added, again.events_added) == (0, 0, 0)
        assert len(diary.medicines.doses()) == 2 and len(diary.events.between()) == 2
        assert all(c.action == "import" for c in diary.medicines.audit())


def test_a_version_3_file_still_imports(tmp_path: Path) -> None:
    path = _export(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["format_version"] = 3
    for section in ("medicines", "doses", "events"):
        del data[section]
    path.write_text(json.dumps(data), encoding="utf-8")
    with Diary.open(tmp_path / "empty.sqlite3") as diary:
        summary = import_file(diary, path)
        assert summary.added == 1 and diary.entries.between()[0].pain == 6
        assert diary.medicines.all() == [] and diary.events.between() == []


@pytest.mark.parametrize(
    ("section", "change", "where", "expected"),
    [
        ("doses", {"medicine_id": 99}, "doses[0].medicine_id", "names medicine 99"),
        ("doses", {"given_by": "neighbour"}, "doses[0].given_by", "Given by must be one of"),
        ("doses", {"taken_at": "2026-03-02T08:00+01:00"}, "doses[0]", "UTC offset"),
        ("medicines", {"max_per_24h": 30}, "medicines[0].max_per_24h", "from 1 to 24 (got 30)"),
        ("medicines", {"colour": "red"}, "medicines[0]", "unknown fields colour"),
        ("events", {"kind": "party"}, "events[0].kind", "Kind must be one of"),
        ("events", {"outcome": "fine"}, "events[0].outcome", "Outcome must be one of"),
    ],
)
def test_a_bad_medicine_dose_or_event_is_located_and_nothing_imported(
    tmp_path: Path, section: str, change: dict[str, object], where: str, expected: str
) -> None:
    path = _export(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data[section][0].update(change)
    path.write_text(json.dumps(data), encoding="utf-8")
    with Diary.open(tmp_path / "empty.sqlite3") as diary:
        with pytest.raises(ImportRejected) as caught:
            import_file(diary, path)
        message = str(caught.value)
        assert where in message and expected in message, message
        assert diary.entries.count() == 0 and diary.medicines.all() == []
        assert diary.events.between() == []
