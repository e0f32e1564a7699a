"""The thresholds in force, for the clinician: value, default, safe range and source.

A team reading "no red flags" must know which values were used: a profile that
calls at 38.0 °C instead of 37.5 °C is marked as changed, with its default.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from symptomlog.domain import Profile
from symptomlog.domain.thresholds import THRESHOLDS
from symptomlog.report.fonts import printable
from symptomlog.report.styles import GRID, HEADING, SMALL, TINY


def threshold_rows(profile: Profile) -> list[list[str]]:
    """One row per threshold: what, in force, default, safe range, source."""
    rows = [["Threshold", "In force", "Default", "Safe range", "Source"]]
    for t in THRESHOLDS:
        value = profile.thresholds.get(t.key, t.default)
        changed = " (changed)" if value != t.default else ""
        rows.append(
            [t.label, f"{value:g} {t.unit}{changed}", f"{t.default:g}", t.range_text, t.source]
        )
    return rows


def thresholds_in_force(profile: Profile) -> list[Flowable]:
    """A heading, the stent line and the table; changed values in bold."""
    stent = {True: "yes", False: "no", None: "not recorded"}[profile.stent]
    cells = [
        [
            Paragraph(f"<b>{printable(c)}</b>" if c.endswith("(changed)") else printable(c), TINY)
            for c in row
        ]
        for row in threshold_rows(profile)
    ]
    table = Table(
        cells, colWidths=[50 * mm, 27 * mm, 15 * mm, 27 * mm, 55 * mm], hAlign="LEFT", repeatRows=1
    )
    table.setStyle(GRID)
    return [
        Paragraph("Thresholds in force for the flags", HEADING),
        Paragraph(f"Biliary stent in place: {stent}.", SMALL),
        table,
    ]
