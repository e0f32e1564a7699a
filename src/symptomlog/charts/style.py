"""Colours, markers and line styles that stay apart for colour-blind readers and in grey.

The Okabe–Ito palette (Okabe & Ito 2008) is distinguishable with every common
colour-vision deficiency; each series also has its own marker and line style, so a
chart printed in black and white still reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

OKABE_ITO: Final = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow (light: used last)
    "#000000",  # black
)
MARKERS: Final = ("o", "s", "^", "D", "v", "P", "X", "*")
LINESTYLES: Final = ("-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1)), "-", "--")

BAND_COLOURS: Final = ("#E8E8E8", "#F6F6F6")
"""Alternating grey cycle bands: behind the data, never competing with it."""
REFERENCE_COLOUR: Final = "#555555"
CARER_NOTE: Final = "hollow marker:\nrecorded by a carer"


@dataclass(frozen=True)
class SeriesStyle:
    colour: str
    marker: str
    linestyle: str | tuple[int, tuple[int, ...]]


def series_style(index: int) -> SeriesStyle:
    """The colour, marker and line style of the index-th series on a chart."""
    return SeriesStyle(
        OKABE_ITO[index % len(OKABE_ITO)],
        MARKERS[index % len(MARKERS)],
        LINESTYLES[index % len(LINESTYLES)],
    )
