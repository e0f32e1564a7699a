"""The JSON format: everything in a diary (profile, cycles, entries with deleted
ones, audit trail), with a ``format_version`` so later versions can read it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from symptomlog import __version__
from symptomlog.domain import ChemoCycle, Contact, Dose, Entry, Event, Medicine, Profile
from symptomlog.domain.entry import ENTRY_FIELD_NAMES
from symptomlog.domain.profile import kind_from_role
from symptomlog.errors import BadFile, ImportRejected, Problem, ValidationError, excerpt
from symptomlog.exchange.medicine_records import (
    check_dose_links,
    dose_from_record,
    dose_record,
    event_from_record,
    event_record,
    medicine_from_record,
    medicine_record,
)
from symptomlog.exchange.textfile import read_text
from symptomlog.store import AuditRecord, Diary, EntryRecord

FORMAT_VERSION = 4
"""4 added medicines, doses and events (issue 17); 3 added the items beyond ESAS-r to
entries and the form's optional items to the profile (an older program would refuse
them as unknown fields, and now says the file is newer instead); 2 added contact
kinds and hours, the stent and confirmed kinds. 1, 2 and 3 still import (with no
medicines, doses or events)."""
READABLE_VERSIONS = (1, 2, 3, 4)
MAX_INT_DIGITS = 15


@dataclass(frozen=True)
class Snapshot:
    """A whole diary as plain objects, between the file and the store."""

    profile: Profile
    cycles: list[ChemoCycle]
    records: list[EntryRecord]
    audit: list[AuditRecord]
    medicines: list[Medicine] = field(default_factory=list)
    doses: list[Dose] = field(default_factory=list)
    """Each dose's ``medicine_id`` is the id of one of ``medicines`` in the file."""
    events: list[Event] = field(default_factory=list)


def _iso(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return getattr(value, "value", value)


def snapshot_to_json(diary: Diary) -> dict[str, Any]:
    profile = diary.profile.get()
    return {
        "format_version": FORMAT_VERSION,
        "app": f"symptomlog {__version__}",
        "exported_at": datetime.now().isoformat(timespec="seconds"),
        "profile": {
            "name": profile.name,
            "born": _iso(profile.born),
            "hospital_number": profile.hospital_number,
            "height_cm": profile.height_cm,
            "baseline_weight_kg": profile.baseline_weight_kg,
            "baseline_date": _iso(profile.baseline_date),
            "contacts": [
                {
                    "kind": c.kind.value,
                    "name": c.name,
                    "phone": c.phone,
                    "hours": c.hours,
                    "role": c.role,
                }
                for c in profile.contacts
            ],
            "thresholds": profile.thresholds,
            "stent": profile.stent,
            "contact_kinds_confirmed": profile.contact_kinds_confirmed,
            "form_items": None if profile.form_items is None else list(profile.form_items),
        },
        "cycles": [
            {k: _iso(v) for k, v in vars(c).items() if k != "id"} | {"drug_days": list(c.drug_days)}
            for c in diary.cycles.all()
        ],
        "entries": [
            {name: _iso(getattr(r.entry, name)) for name in ENTRY_FIELD_NAMES}
            | {
                "created_at": _iso(r.created_at),
                "updated_at": _iso(r.updated_at),
                "deleted_at": _iso(r.deleted_at),
            }
            for r in diary.entries.records()
        ],
        "audit": [
            {
                "entry_id": a.entry_id,
                "action": a.action,
                "at": _iso(a.at),
                "actor": a.actor,
                "old_values": a.old_values,
            }
            for a in diary.entries.audit()
        ],
        "medicines": [medicine_record(m) for m in diary.medicines.all()],
        "doses": [dose_record(d) for d in diary.medicines.doses()],
        "events": [event_record(e) for e in diary.events.between()],
    }


def _datetime(value: object, *, local: bool = False) -> datetime | None:
    """A time from the file; ``local``: refuse a UTC offset (when an entry was recorded is
    the patient's own clock time; bookkeeping times with an offset are converted later)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(
            f"a date and time must be text like 2026-03-01T09:30 (got {excerpt(value)})"
        )
    moment = datetime.fromisoformat(value)
    if local and moment.tzinfo is not None:
        raise ValueError(f"{excerpt(value)} has a UTC offset: the diary keeps local time")
    return moment


def _date(value: object) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"a date must be text like 2026-03-01 (got {excerpt(value)})")
    return date.fromisoformat(value)


def _entry(data: dict[str, Any]) -> EntryRecord:
    unknown = set(data) - set(ENTRY_FIELD_NAMES) - {"created_at", "updated_at", "deleted_at"}
    if unknown:
        raise ValidationError(Problem("", f"unknown fields {', '.join(sorted(unknown))}"))
    values = {k: v for k, v in data.items() if k in ENTRY_FIELD_NAMES}
    values["recorded_at"] = _datetime(values.get("recorded_at"), local=True)
    if values["recorded_at"] is None:
        raise ValidationError(Problem("recorded_at", "Recorded at is required"))
    entry = Entry(**values)
    return EntryRecord(
        entry,
        _datetime(data.get("created_at")),
        _datetime(data.get("updated_at")),
        _datetime(data.get("deleted_at")),
    )


def _profile(data: dict[str, Any]) -> Profile:
    old_contacts = any("kind" not in c for c in data.get("contacts", []))
    return Profile(
        name=data.get("name"),
        born=_date(data.get("born")),
        hospital_number=data.get("hospital_number"),
        height_cm=data.get("height_cm"),
        baseline_weight_kg=data.get("baseline_weight_kg"),
        baseline_date=_date(data.get("baseline_date")),
        contacts=tuple(_contact(c) for c in data.get("contacts", [])),
        thresholds=dict(data.get("thresholds") or {}),
        stent=data.get("stent"),
        contact_kinds_confirmed=_flag(data.get("contact_kinds_confirmed", not old_contacts)),
        form_items=data.get("form_items"),
    )


def _flag(value: object) -> bool:
    """A JSON true or false; the text "false" is not true."""
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false (got {excerpt(value)})")
    return value


def _contact(data: dict[str, Any]) -> Contact:
    """A contact of either version: a version-1 contact has only a free-text role."""
    role = str(data.get("role") or "")
    kind = data.get("kind") or kind_from_role(role)
    return Contact(kind, data["name"], data["phone"], data.get("hours") or "", role).checked()


def _cycle(data: dict[str, Any]) -> ChemoCycle:
    return ChemoCycle(
        regimen=data["regimen"],
        number=int(data["number"]),
        planned_start=_date(data["planned_start"]),  # type: ignore[arg-type]
        actual_start=_date(data.get("actual_start")),
        line=int(data.get("line", 1)),
        cycle_days=int(data.get("cycle_days", 0)),
        drug_days=tuple(int(d) for d in data.get("drug_days", ())),
        dose_note=data.get("dose_note"),
        ends_line=bool(data.get("ends_line", False)),
    )


def _audit(data: dict[str, Any]) -> AuditRecord:
    return AuditRecord(
        int(data["entry_id"]),
        str(data["action"]),
        _datetime(data["at"]),  # type: ignore[arg-type]
        str(data["actor"]),
        data.get("old_values"),
    )


def _each(items: object, section: str, build: Any, problems: list[Problem]) -> list[Any]:
    """Build every item of a section, collecting a located problem for each bad one."""
    if not isinstance(items, list):
        problems.append(Problem(section, "must be a list", section))
        return []
    built = []
    for index, item in enumerate(items):
        where = f"{section}[{index}]"
        try:
            if not isinstance(item, dict):
                raise ValidationError(Problem("", "must be an object"))
            built.append(build(item))
        except ValidationError as error:
            problems += [
                Problem(p.field, p.message, f"{where}.{p.field}" if p.field else where)
                for p in error.problems
            ]
        except KeyError as error:
            problems.append(Problem("", f"has no {excerpt(error.args[0])}", where))
        except (TypeError, ValueError, AttributeError, OverflowError) as error:
            problems.append(Problem("", f"is not valid ({excerpt(str(error))})", where))
    return built


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object; a key given twice is an error (which one would count?)."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"the key {excerpt(key)!r} appears twice in one object")
        found[key] = value
    return found


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number this diary can hold")


def _bounded_int(text: str) -> int:
    """Whole numbers up to 15 digits: larger ones are never a diary value."""
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"the number {excerpt(text)} is far too large")
    return int(text)


def _check_ids(entries: object, problems: list[Problem]) -> None:
    """Entry ids, when given, are whole numbers and unique (the audit refers to them)."""
    if not isinstance(entries, list):
        return
    seen: dict[object, int] = {}
    for index, item in enumerate(entries):
        if not isinstance(item, dict) or item.get("id") is None:
            continue
        ident = item["id"]
        if isinstance(ident, bool) or not isinstance(ident, int):
            problems.append(
                Problem(
                    "id", f"must be a whole number (got {excerpt(ident)})", f"entries[{index}].id"
                )
            )
        elif ident in seen:
            problems.append(
                Problem(
                    "id",
                    f"{ident} is also the id of entries[{seen[ident]}]",
                    f"entries[{index}].id",
                )
            )
        else:
            seen[ident] = index


def read_json(path: Path) -> Snapshot:
    """The whole snapshot, or ImportRejected listing every problem."""
    text = read_text(path)
    try:
        data = json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constant,
            parse_int=_bounded_int,
        )
    except json.JSONDecodeError as error:
        raise BadFile(
            f"{path} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise BadFile(f"{path} is nested too deeply to be a symptomlog export") from None
    except ValueError as error:  # from the hooks: a duplicate key, NaN, a huge number
        raise BadFile(f"{path} is not a symptomlog export: {error}") from None
    if not isinstance(data, dict) or "format_version" not in data:
        raise BadFile(f"{path} is not a symptomlog JSON export (no format_version)")
    if data["format_version"] not in READABLE_VERSIONS:
        raise BadFile(
            f"{path} has format_version {data['format_version']!r}; "
            f"this version of symptomlog reads versions 1 to {FORMAT_VERSION}"
        )
    problems: list[Problem] = []
    _check_ids(data.get("entries"), problems)
    profiles = _each([data.get("profile") or {}], "profile", _profile, problems)
    cycles = _each(data.get("cycles", []), "cycles", _cycle, problems)
    records = _each(data.get("entries", []), "entries", _entry, problems)
    audit = _each(data.get("audit", []), "audit", _audit, problems)
    medicines = _each(data.get("medicines", []), "medicines", medicine_from_record, problems)
    doses = _each(data.get("doses", []), "doses", dose_from_record, problems)
    events = _each(data.get("events", []), "events", event_from_record, problems)
    check_dose_links(medicines, doses, problems)
    if problems:
        raise ImportRejected(str(path), problems)
    profile = profiles[0] if profiles else Profile()
    return Snapshot(profile, cycles, records, audit, medicines, doses, events)


def write_json(diary: Diary) -> str:
    return json.dumps(snapshot_to_json(diary), ensure_ascii=False, indent=2) + "\n"
