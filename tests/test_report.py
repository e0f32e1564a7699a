"""The PDF summary read back with pypdf: hand-computed figures, literal notes, pages, metadata."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from symptomlog.domain import ChemoCycle, Contact, Entry, Profile, Recorder
from symptomlog.errors import CannotWrite
from symptomlog.report import build_report
from symptomlog.report.fonts import FontMissing
from symptomlog.store import Diary

END = date(2026, 4, 28)
START = END - timedelta(days=27)
NOTE = "Felt <b>awful</b> & sick; =SUM(A1) — café crème, naïve 😀 漢 done"


def at(day: date, hour: int = 9, **values: object) -> Entry:
    return Entry(recorded_at=datetime.combine(day, time(hour)), **values)  # type: ignore[arg-type]


@pytest.fixture
def small_diary(diary: Diary) -> Diary:
    """Four weeks by hand: weight 70.0 -> 63.0 kg (-10.0 %, grade 2), one fever, two notes."""
    diary.profile.save(
        Profile(
            name="Ann Example (fictional)",
            born=date(1950, 2, 3),
            hospital_number="TEST-1",
            baseline_weight_kg=70.0,
            baseline_date=date(2026, 3, 1),
            contacts=(Contact("24h-line", "Acute Oncology", "0100 000 0000"),),
        )
    )
    diary.cycles.add(
        [
            ChemoCycle("mfolfirinox", 1, START),
            ChemoCycle("mfolfirinox", 2, START + timedelta(days=14)),
        ]
    )
    entries = [at(START + timedelta(days=i), pain=3, nausea=2) for i in range(28) if i % 7 != 3]
    entries += [
        at(
            START + timedelta(days=9),
            20,
            pain=8,
            temperature_c=38.2,
            recorded_by=Recorder.CARER,
            recorder_name="Tom",
        ),
        at(START + timedelta(days=2), 10, weight_kg=68.0),
        at(END, 10, weight_kg=63.0, notes=NOTE),
        at(END - timedelta(days=1), 10, notes="Line one\nLine two"),
    ]
    diary.entries.add_many(entries)
    return diary


def text_of(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(path, strict=True)
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_page_one_has_the_hand_computed_figures(small_diary: Diary, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    build_report(small_diary, out, START, END)
    reader, text = text_of(out)
    first = reader.pages[0].extract_text()
    assert "Ann Example (fictional)" in first and "born 03 Feb 1950" in first and "TEST-1" in first
    assert "01 Apr 2026 – 28 Apr 2026" in first and "(28 days)" in first
    # 24 daily entries + 2 weighings + 1 note-only entry by the patient; one carer entry.
    assert "27 by the patient, 1 by a carer" in first
    assert "Entries on 24 of 28 days (86 %)" in first and "longest gap 1 day" in first
    assert "change -7.0 kg (-10.0 %), CTCAE grade 2" in first
    assert "baseline 70 kg (profile, 01 Mar 2026)" in first
    assert "Red (call now) events: 1" in first
    assert "Fri 10 Apr · L1 C1 D10 — Temperature 38.2" in first
    assert "L1 mFOLFIRINOX: 01 Apr 2026 – now · 2 cycles · now L1 C2 D14" in first
    details = reader.pages[1].extract_text()
    assert "8 (10 Apr)" in details  # worst pain and its date, in the symptom table
    assert "Page 1 of" in first
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in reader.pages[-1].extract_text()
    assert reader.metadata is not None
    assert reader.metadata.title.startswith("Symptom diary summary — Ann Example")
    assert reader.metadata.creator.startswith("symptomlog")
    assert "Self-reported" in text


def test_notes_print_literally_and_a_missing_glyph_does_not_abort(
    small_diary: Diary, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    build_report(small_diary, out, START, END)
    _, text = text_of(out)
    flat = " ".join(text.split())
    assert "Felt <b>awful</b> & sick; =SUM(A1) — café crème, naïve" in flat
    # DejaVu draws the emoji; it has no CJK, so 漢 is marked, not dropped or fatal.
    assert "\ufffd done" in flat and "漢" not in flat
    assert "report's font cannot show" in flat
    assert "Line one" in flat and "Line two" in flat


def test_page_count_grows_with_the_period(small_diary: Diary, tmp_path: Path) -> None:
    short, long = tmp_path / "short.pdf", tmp_path / "long.pdf"
    extra = [at(START - timedelta(days=i), pain=2, nausea=1) for i in range(1, 150)]
    small_diary.entries.add_many(extra)
    build_report(small_diary, short, END - timedelta(days=6), END)
    build_report(small_diary, long, START - timedelta(days=149), END)
    assert len(PdfReader(long).pages) > len(PdfReader(short).pages)


def test_an_empty_period_says_so(small_diary: Diary, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    build_report(small_diary, out, date(2025, 1, 1), date(2025, 1, 28))
    reader, text = text_of(out)
    assert "No entries were recorded between 01 Jan 2025 and 28 Jan 2025" in text
    assert len(reader.pages) == 1


def test_letter_paper(small_diary: Diary, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    build_report(small_diary, out, START, END, paper="letter")
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_unwritable_path_gives_a_clear_message(small_diary: Diary, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder")
    with pytest.raises(CannotWrite, match=r"notes\.txt/r\.pdf"):
        build_report(small_diary, not_a_folder / "r.pdf", START, END)
    assert not_a_folder.read_text() == "a file, not a folder"


def test_missing_font_gives_a_clear_message(
    small_diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib import resources

    from symptomlog.report import fonts

    fonts.register_fonts.cache_clear()
    monkeypatch.setattr(resources, "files", lambda _package: tmp_path / "nowhere")
    try:
        with pytest.raises(FontMissing, match=r"DejaVuSans\.ttf"):
            build_report(small_diary, tmp_path / "r.pdf", START, END)
    finally:
        monkeypatch.undo()
        fonts.register_fonts.cache_clear()
    assert not (tmp_path / "r.pdf").exists()


def test_the_pdf_is_a_valid_file_in_pypdf_strict_mode(small_diary: Diary, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    pages = build_report(small_diary, out, START, END)
    reader = PdfReader(io.BytesIO(out.read_bytes()), strict=True)
    assert len(reader.pages) == pages >= 4


@pytest.mark.parametrize("days", [28, 61, 91])
def test_the_notes_heading_never_ends_a_page_alone(
    demo_diary: Diary, tmp_path: Path, days: int
) -> None:
    from pypdf import PdfReader

    from tests.conftest import DEMO_END

    out = tmp_path / "notes.pdf"
    build_report(demo_diary, out, DEMO_END - timedelta(days=days - 1), DEMO_END)
    pages = [page.extract_text() for page in PdfReader(out).pages]
    [heading_page] = [i for i, text in enumerate(pages) if "In their own words" in text]
    after = pages[heading_page].split("In their own words", 1)[1]
    first_note = re.search(r"\d{2}:\d{2} — ", after)  # "Sat 31 Oct 2026 09:29 — Patient"
    assert first_note or "No notes" in after, "the heading ends its page alone"
