"""A chart in the PDF: matplotlib's 200 dpi pixels, compressed once, as the PDF's image.

Measured (issue 21; CPU time of ``render_pdf(build_data(...))`` for a year of the
benchmark's diary, nine charts): 1655 ms with each chart saved as a PNG and handed
to reportlab, 1053 ms this way. The PNG cost about 60 ms a chart beyond the drawing:
its own encoding, then reportlab decoding it again, splitting off the alpha channel
into a soft mask (every pixel of a chart is opaque), two MD5 sums of the raw pixels,
and a Flate pass over the pixels and another over the mask. Here the Agg canvas
draws the figure at 200 dpi, its RGB pixels go through one ``zlib.compress``, and
that stream is the PDF's image XObject: the same pixels at the same size, about
125 KB a chart (the PNG was about 150 KB, plus the mask). The stream is all the
story holds until the page is drawn, and each drawing buffer is freed at once
(``rgb_pixels``), so the peak memory of that build fell too (168 -> 148 MB).

reportlab has no public call for "an image whose stream is ready": the XObject is
filled in as ``PDFImageXObject.loadImageFromSRC`` fills its own, and registered and
drawn as a form (``PDFDocument.addForm``, ``Canvas.doForm``), which is how
``Canvas.drawImage`` places an image too. tests/test_report_chart_images.py reads
the images back out of the PDF and compares them with the figures saved as PNG.
"""

from __future__ import annotations

import hashlib
import zlib
from typing import TYPE_CHECKING, Any

from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.platypus import Flowable

if TYPE_CHECKING:
    from matplotlib.figure import Figure

WHITE = (255, 255, 255, 255)


def rgb_pixels(figure: Figure, dpi: float) -> tuple[bytes, tuple[int, int]]:
    """The figure drawn at ``dpi`` as RGB rows (top row first) and its size in pixels.

    A chart's figure is opaque (a white figure patch); a pixel that was not would be
    laid on white, as the paper shows it, rather than its alpha dropped.

    The Agg renderer and its 8 MB buffer are let go at once: the figure gets a bare
    canvas back, and its texts forget the renderer they cached while drawing. A figure
    is a web of reference cycles, so anything it still held would wait for the cycle
    collector (nine charts raised the build's peak by 40 MB). This replaces emptying
    the figure (``Figure.clear``), which freed the buffer too but cost about 6 ms a
    chart rebuilding empty axes."""
    from matplotlib.backend_bases import FigureCanvasBase
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text
    from PIL import Image as PILImage

    figure.dpi = dpi
    canvas = FigureCanvasAgg(figure)
    try:
        canvas.draw()
        rgba = canvas.buffer_rgba()
        height, width = rgba.shape[:2]
        image = PILImage.frombuffer("RGBA", (width, height), rgba, "raw", "RGBA", 0, 1)
        if image.getchannel("A").getextrema()[0] != 255:
            image = PILImage.alpha_composite(PILImage.new("RGBA", image.size, WHITE), image)
        pixels = image.convert("RGB").tobytes()
    finally:
        FigureCanvasBase(figure)  # sets itself as the figure's canvas
        for text in figure.findobj(Text):
            text._renderer = None  # type: ignore[attr-defined]  # matplotlib's draw cache
    return pixels, (width, height)


class ChartImage(Flowable):
    """A ready image: Flate-compressed 8-bit RGB rows of ``size`` pixels, drawn
    ``width`` × ``height`` points."""

    def __init__(self, stream: bytes, size: tuple[int, int], width: float, height: float):
        super().__init__()
        self.hAlign = "CENTER"  # as platypus's Image: margin to margin, past the frame's padding
        self.stream = stream
        self.size = size
        self.width = width
        self.height = height
        self.name = "chart" + hashlib.md5(stream, usedforsecurity=False).hexdigest()

    @classmethod
    def of(cls, figure: Figure, width: float, dpi: float) -> ChartImage:
        """The figure at ``dpi``, ``width`` points wide with its own proportions."""
        pixels, size = rgb_pixels(figure, dpi)
        return cls(zlib.compress(pixels), size, width, width * size[1] / size[0])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        if not canvas.hasForm(self.name):
            image = PDFImageXObject(self.name)
            image.width, image.height = self.size
            image.bitsPerComponent = 8
            image.colorSpace = "DeviceRGB"
            image._filters = ("FlateDecode",)
            image.streamContent = self.stream
            image.mask = None
            canvas._doc.addForm(self.name, image)
        canvas.saveState()
        canvas.scale(self.width, self.height)  # an image fills the unit square
        canvas.doForm(self.name)
        canvas.restoreState()
