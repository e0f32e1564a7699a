"""Page 2 of the PDF: the details behind page 1, for the clinician who wants them.

Every red and amber flag of the period in full (page 1 collapses and caps them),
the symptom table (latest, 7-day mean, worst, change against the previous period,
days severe), the weight table, the items beyond ESAS-r, and the thresholds in
force with their defaults, safe ranges and sources.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from symptomlog.analysis.cycle_day import cycle_day
from symptomlog.analysis.flags import Level
from symptomlog.report import pdf_beyond
from symptomlog.report.fonts import BOLD, printable
from symptomlog.report.settings_table import thresholds_in_force
from symptomlog.report.styles import BODY, GRID, HEADING, RED_FLAG, SMALL
from symptomlog.report.summary import CTCAE_VERSION, ReportData


def num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"


def _arrow(change: float | None) -> str:
    if change is None:
        return "–"
    if change > 0:
        return f"↑ +{num(change)}"
    if change < 0:
        return f"↓ {num(change)}"
    return "= 0"


def symptom_table(data: ReportData) -> Table:
    rows: list[list[str]] = [
        ["Symptom", "Latest", "7-day mean", "Worst (date)", "Change", "Days ≥ 7"]
    ]
    for row in data.symptoms:
        s = row.now
        worst = f"{num(s.worst, 0)} ({s.worst_date:%d %b})" if s.worst_date else "–"
        latest = f"{num(s.latest, 0)} ({s.latest_date:%d %b})" if s.latest_date else "–"
        rows.append(
            [
                row.label,
                latest,
                num(s.mean_7d),
                worst,
                _arrow(row.change),
                str(s.days_severe) if s.latest is not None else "–",
            ]
        )
    table = Table(
        rows,
        colWidths=[38 * mm, 26 * mm, 24 * mm, 30 * mm, 20 * mm, 20 * mm],
        repeatRows=1,
        hAlign="LEFT",
    )
    style = TableStyle(GRID.getCommands())
    for index, row in enumerate(data.symptoms, start=1):
        if row.now.days_severe:
            style.add("FONTNAME", (5, index), (5, index), BOLD)
    table.setStyle(style)
    return table


def weight_table(data: ReportData) -> Table:
    """Baseline, latest, change, grade, 30 days, cachexia: the baseline's source on a line
    of its own (it ran into the weight as "first weighed61.2 kg")."""
    w = data.weight
    base = w.from_baseline
    rows = [["Baseline", "Latest", "Change", "Grade", "Last 30 days", "Cachexia"]]
    if base is None:
        rows.append(["–", "–", "–", "–", "–", "–"])
    else:
        month = w.over_30_days
        source = "profile" if data.profile.baseline_weight_kg else "first weighed"
        when = f"{base.reference_date:%d %b %Y}, " if base.reference_date else ""
        rows.append(
            [
                f"{num(base.reference_kg)} kg\n{when}{source}",
                f"{num(base.latest_kg)} kg\n{base.latest_date:%d %b %Y}",
                f"{base.kg:+.1f} kg\n({base.percent:+.1f} %)",
                f"grade {w.grade}" if w.grade else "none",
                f"{month.kg:+.1f} kg\n({month.percent:+.1f} %)" if month else "–",
                {True: "criterion met", False: "not met", None: "not enough\ndata"}[w.cachexia],
            ]
        )
    table = Table(
        rows, colWidths=[40 * mm, 30 * mm, 28 * mm, 18 * mm, 28 * mm, 28 * mm], hAlign="LEFT"
    )
    table.setStyle(GRID)
    return table


def flag_lines(data: ReportData) -> list[Flowable]:
    if not data.flags:
        return [Paragraph("None.", BODY)]
    lines: list[Flowable] = []
    for flag in data.flags:
        place = cycle_day(data.cycles, flag.day)
        where = f" {place.label}" if place else ""
        style = RED_FLAG if flag.level is Level.RED else SMALL
        lines.append(
            Paragraph(
                f"{flag.day:%d %b}{where}  {flag.level.marker}: {printable(flag.title)} "
                f"<font size=7>({printable(flag.source)})</font>",
                style,
            )
        )
    return lines


def medicines_and_events(data: ReportData) -> list[Flowable]:
    """Every medicine on the list in the period and every event, in full."""
    shown = [
        m
        for m in data.medicines
        if (m.start is None or m.start <= data.end) and (m.stop is None or m.stop >= data.start)
    ]
    events = [e for e in data.events if e.when.date() <= data.end]
    if not shown and not events:
        return []
    story: list[Flowable] = [Paragraph("Medicines and events", HEADING)]
    for m in shown:
        dates = f"from {m.start:%d %b %Y}" if m.start else ""
        if m.stop:
            dates += f" stopped {m.stop:%d %b %Y}"
        taken = sum(1 for d in data.doses if d.medicine_id == m.id)
        story.append(
            Paragraph(
                f"<b>{printable(m.label)}</b> — {printable(m.kind_words)}"
                f"{' · ' + dates if dates else ''} · {taken} doses recorded in the period",
                SMALL,
            )
        )
    for e in events:
        story.append(Paragraph(f"{e.when:%a %d %b %H:%M} — {printable(e.summary)}", SMALL))
    return story


def details(data: ReportData) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph("Every red and amber flag in the period", HEADING),
        *flag_lines(data),
        *medicines_and_events(data),
        Paragraph("Symptoms (ESAS-r 0–10; worst of each day)", HEADING),
        symptom_table(data),
        Paragraph("Weight", HEADING),
        weight_table(data),
        *pdf_beyond.summary_lines(data),
        *thresholds_in_force(data.profile),
        Spacer(1, 2 * mm),
        Paragraph(
            "Change: mean of this period minus the mean of the previous period of the same "
            "length (↑ worse, ↓ better; a change of 1 point is clinically meaningful, Hui 2015). "
            f"Weight grade: {CTCAE_VERSION}. Cachexia: Fearon 2011.",
            SMALL,
        ),
    ]
    return story
