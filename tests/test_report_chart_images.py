"""The PDF's charts are the figures' own 200 dpi pixels (no PNG between since issue 21):
read back out of the PDF with pypdf, each image equals its figure saved as a PNG."""

from __future__ import annotations

import gc
import hashlib
import io
from datetime import timedelta

import pytest
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from PIL import Image as PILImage
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import A4

from symptomlog.report.chart_image import ChartImage, rgb_pixels
from symptomlog.report.pdf import MARGIN, render_pdf
from symptomlog.report.pdf_charts import CHART_DPI, chart_pages, report_figures
from symptomlog.report.summary import ReportData, build_data
from symptomlog.store import Diary
from tests import story

END = story.START + timedelta(days=story.WEEKS * 7 - 1)


@pytest.fixture(scope="module")
def data() -> ReportData:
    with Diary.in_memory() as diary:
        story.write(diary)
        return build_data(
            diary.entries.between(None, END),
            diary.cycles.all(),
            diary.profile.get(),
            END - timedelta(days=167),
            END,
        )


def as_png(figure: Figure) -> PILImage.Image:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=CHART_DPI)
    buffer.seek(0)
    return PILImage.open(buffer)


def fingerprint(image: PILImage.Image) -> tuple[str, tuple[int, int], str]:
    return image.mode, image.size, hashlib.sha256(image.tobytes()).hexdigest()


def test_each_chart_in_the_pdf_has_the_pixels_of_its_figure_saved_as_png(
    data: ReportData,
) -> None:
    expected = []
    for figure in report_figures(data):
        if isinstance(figure, Figure):
            png = as_png(figure)
            assert png.mode == "RGBA" and png.getextrema()[3] == (255, 255)  # opaque
            width, height = figure.get_size_inches()
            assert png.size == (round(width * CHART_DPI), round(height * CHART_DPI))
            expected.append(fingerprint(png.convert("RGB")))
    assert len(expected) >= 6
    reader = PdfReader(io.BytesIO(render_pdf(data)))
    found = [fingerprint(i.image) for page in reader.pages for i in page.images]
    assert sorted(found) == sorted(expected)


def test_a_chart_is_as_wide_as_the_text_and_keeps_its_proportions(data: ReportData) -> None:
    charts = [f for f in chart_pages(data, 480.0) if isinstance(f, ChartImage)]
    sizes = [f.get_size_inches() for f in report_figures(data) if isinstance(f, Figure)]
    assert len(charts) == len(sizes)
    for chart, (width, height) in zip(charts, sizes, strict=True):
        assert chart.wrap(500, 800) == pytest.approx((480.0, 480.0 * height / width), rel=1e-3)


def image_boxes(pdf: bytes) -> list[tuple[float, float]]:
    """Each image drawn in the PDF as (left edge, width) in points, from the content
    streams: the transformation in force at each ``Do`` of an image."""
    boxes = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        images = {str(n) for n, x in xobjects.items() if x.get_object()["/Subtype"] == "/Image"}
        matrix: list[float] = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
        saved: list[list[float]] = []
        for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
            if operator == b"q":
                saved.append(matrix)
            elif operator == b"Q":
                matrix = saved.pop()
            elif operator == b"cm":
                a, b, c, d, e, f = (float(v) for v in operands)
                m = matrix
                matrix = [
                    a * m[0] + b * m[2],
                    a * m[1] + b * m[3],
                    c * m[0] + d * m[2],
                    c * m[1] + d * m[3],
                    e * m[0] + f * m[2] + m[4],
                    e * m[1] + f * m[3] + m[5],
                ]
            elif operator == b"Do" and str(operands[0]) in images:
                boxes.append((matrix[4], matrix[0]))
    return boxes


def test_each_chart_is_drawn_from_margin_to_margin(data: ReportData) -> None:
    boxes = image_boxes(render_pdf(data))
    assert len(boxes) >= 6
    for left, width in boxes:
        assert left == pytest.approx(MARGIN, abs=0.01)
        assert width == pytest.approx(A4[0] - 2 * MARGIN, abs=0.01)


def test_a_see_through_part_of_a_figure_lands_on_white_paper() -> None:
    figure = Figure(figsize=(1, 1), facecolor="none")
    half = Rectangle((0.5, 0), 0.5, 1, transform=figure.transFigure, color="black", alpha=0.5)
    figure.add_artist(half)
    pixels, size = rgb_pixels(figure, 20)
    image = PILImage.frombytes("RGB", size, pixels)
    assert size == (20, 20)
    assert image.getpixel((2, 10)) == (255, 255, 255)  # left half: nothing drawn
    grey = image.getpixel((17, 10))  # half-transparent black on white, not black
    assert all(120 <= channel <= 136 for channel in grey), grey


def test_the_drawing_buffer_is_let_go_without_waiting_for_the_cycle_collector(
    data: ReportData,
) -> None:
    """Each chart's Agg buffer (8 MB at 200 dpi) is freed as soon as its pixels are taken;
    a figure is a web of reference cycles, so anything it kept would wait for gc."""

    def renderers() -> int:
        return sum(1 for o in gc.get_objects() if isinstance(o, RendererAgg))

    figures = [f for f in report_figures(data) if isinstance(f, Figure)]
    gc.collect()
    gc.disable()
    try:
        before = renderers()
        for figure in figures:
            rgb_pixels(figure, CHART_DPI)
        assert renderers() == before
    finally:
        gc.enable()
