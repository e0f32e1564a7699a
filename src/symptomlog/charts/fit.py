"""Chart text that follows the app's text size, and margins that fit that text.

A patient who has turned on large text in the app must get large chart text too.
The builders draw at a base size (8 pt ticks, 10 pt titles: right for the PDF);
``fit`` multiplies every text of a finished figure by the scale and then sets the
margins in inches from the text sizes, so a larger label is never clipped and a
shorter figure (a small window) keeps room for the dates at the bottom.

Margins are estimated from the font size and the number of characters, not
measured: measuring needs a renderer pass (constrained layout costs about a third
of a five-year redraw), and an estimate with a little slack is good enough for
labels this short. The Charts view draws a new figure at each new size, so the
margins are worked out for the size drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter, FixedLocator, FuncFormatter

CHAR_EM = 0.62
"""The width of an average character (DejaVu Sans) in em, with slack."""
LINE_EM = 1.45
"""The height of a line of text in em, with the padding matplotlib puts around it."""
TICK_PT = 8.0
TITLE_Y = 1.0
"""Titles sit at a fixed height just above their panel (``set_title(..., y=TITLE_Y)``):
left to matplotlib, every draw works out whether ticks on top push a title up (there are
none here), 13 of the 85 ms of a five-year symptom chart (``benchmarks/bench_charts``)."""


@dataclass(frozen=True)
class Margins:
    """Inches around the plots, and between stacked panels."""

    left: float
    right: float
    top: float
    bottom: float
    between: float = 0.0


def inches(points: float) -> float:
    return points / 72.0


def _text_width(text: Text) -> float:
    """Inches for the longest line of a text at its current size."""
    lines = text.get_text().split("\n") or [""]
    return max(len(line) for line in lines) * CHAR_EM * inches(float(text.get_fontsize()))


def _text_height(text: Text) -> float:
    lines = text.get_text().count("\n") + 1 if text.get_text() else 0
    return lines * LINE_EM * inches(float(text.get_fontsize()))


def tick_size(axis: Axis) -> float:
    """The tick labels' size in points, from the tick settings (no ticks are made for it:
    asking for the labels themselves runs the locator, a few ms each time)."""
    size = axis.get_tick_params(which="major").get("labelsize", TICK_PT)
    return float(size) if isinstance(size, int | float) else TICK_PT


def _tick_texts(axis: Axis) -> list[str]:
    """Fixed tick labels (the jaundice signs' names); numbers and dates are short.

    matplotlib 3.10 and later keep the labels of ``set_yticks(ticks, labels)`` in a
    ``FuncFormatter`` over a ``FixedLocator``, not a ``FixedFormatter``: both are read
    (a fixed locator costs nothing to ask), or the names would be clipped on the left.
    """
    formatter = axis.get_major_formatter()
    if isinstance(formatter, FixedFormatter):
        return [str(t) for t in formatter.seq]
    locator = axis.get_major_locator()
    if isinstance(formatter, FuncFormatter) and isinstance(locator, FixedLocator):
        return [str(formatter(loc, index)) for index, loc in enumerate(locator.tick_values(0, 0))]
    return []


def enlarge(figure: Figure, scale: float) -> None:
    """Every text of the figure, and the ticks drawn later, ``scale`` times larger."""
    if scale == 1.0:
        return
    sizes = {(a, n): tick_size(a.xaxis if n == "x" else a.yaxis) for a in figure.axes for n in "xy"}
    for text in figure.findobj(Text):
        text.set_fontsize(float(text.get_fontsize()) * scale)
    for (axes, name), size in sizes.items():
        axes.tick_params(axis="x" if name == "x" else "y", labelsize=size * scale)


def _right_of_plot(axes: Axes) -> float:
    """Inches needed right of the plot: the legend and labels drawn past its right edge."""
    needed = 0.0
    legend = axes.get_legend()
    if legend is not None:
        texts = [*legend.get_texts(), legend.get_title()]
        handle = 2.6 * inches(float(texts[0].get_fontsize())) if texts else 0.0
        needed = max(_text_width(t) for t in texts) + handle + 0.15
    for text in axes.texts:
        if (
            not text.get_clip_on() and text.get_horizontalalignment() == "left"
        ):  # a reference line's label
            needed = max(needed, _text_width(text) + 0.1)
    return needed


def _left_of_plot(axes: Axes) -> float:
    size = tick_size(axes.yaxis)
    longest = max((len(t) for t in _tick_texts(axes.yaxis)), default=4)
    label = axes.yaxis.get_label()
    ticks = longest * CHAR_EM * inches(size)
    return ticks + (_text_height(label) if label.get_text() else 0.0) + 0.15


def _titles(axes: Axes) -> list[Text]:
    """The centre, left and right titles that have text (matplotlib keeps three)."""
    found = [getattr(axes, n, None) for n in ("title", "_left_title", "_right_title")]
    return [t for t in found if isinstance(t, Text) and t.get_text()]


def _title_height(axes: Axes) -> float:
    titles = _titles(axes)
    return max((_text_height(t) for t in titles), default=0.0) + (0.08 if titles else 0.0)


def _bottom_of_plot(axes: Axes) -> float:
    shown = axes.xaxis.get_tick_params(which="major").get("labelbottom", True)
    height = LINE_EM * inches(tick_size(axes.xaxis)) + 0.08 if shown else 0.0
    label = axes.xaxis.get_label()
    return height + (_text_height(label) if label.get_text() and shown else 0.0)


def measure(figure: Figure, top_extra: float = 0.0) -> Margins:
    """Margins (inches) that hold every axes' titles, tick labels, axis labels and legend."""
    axes = [a for a in figure.axes if a.get_visible()]
    if not axes:
        return Margins(0.6, 0.3, 0.4, 0.4)
    first, last = axes[0], axes[-1]
    inner = [_title_height(a) for a in axes[1:]] + [_bottom_of_plot(a) for a in axes[:-1]]
    return Margins(
        left=max(_left_of_plot(a) for a in axes) + 0.05,
        right=max(0.15, *(_right_of_plot(a) for a in axes)),
        top=_title_height(first) + top_extra + 0.05,
        bottom=_bottom_of_plot(last) + 0.08,
        between=max(inner, default=0.0) + 0.08,
    )


def apply(figure: Figure, margins: Margins) -> None:
    """The inch margins as fractions of the figure's current size (kept usable when small)."""
    width, height = figure.get_size_inches()
    left = min(margins.left / width, 0.4)
    right = max(1 - margins.right / width, left + 0.2)
    bottom = min(margins.bottom / height, 0.4)
    top = max(1 - margins.top / height, bottom + 0.2)
    rows = max(1, len([a for a in figure.axes if a.get_visible()]))
    panel = max((top - bottom) * height / rows - margins.between, 0.2)
    figure.subplots_adjust(
        left=left, right=right, bottom=bottom, top=top, hspace=margins.between / panel
    )


def fit(figure: Figure, scale: float = 1.0, top_extra: float = 0.0) -> Margins:
    """Scale the text, then set margins that hold it."""
    enlarge(figure, scale)
    margins = measure(figure, top_extra)
    apply(figure, margins)
    return margins
