"""The Report view: page one previewed off the window's thread, the PDF saved where asked."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from symptomlog.domain import Entry, Profile
from symptomlog.ui.main_window import MainWindow
from tests.pictures import pixmap_colours

pytestmark = pytest.mark.usefixtures("own_settings")  # no remembered window settings


def test_report_view_previews_page_one_and_saves_the_pdf(
    qtbot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    diary = window.context.diary
    diary.profile.save(Profile(name="Report Test (fictional)"))
    diary.entries.add(
        Entry(datetime.now().replace(second=0, microsecond=0), pain=5, weight_kg=60.0)
    )
    window.show_view("report")
    view = window.views["report"]
    qtbot.waitUntil(lambda: "pages for" in view.message.text(), timeout=20000)  # off-thread
    page = view.preview.pixmap()
    assert page is not None and not page.isNull()
    tall = {"a4": 297 / 210, "letter": 11 / 8.5}[view.paper.currentData()]
    assert page.height() / page.width() == pytest.approx(tall, rel=0.02)  # a whole page
    assert len(pixmap_colours(page)) > 20  # drawn: text and charts, not a blank sheet
    assert "pages for" in view.message.text()
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    view.save_as()
    from pypdf import PdfReader

    assert "Report Test (fictional)" in PdfReader(target).pages[0].extract_text()
    assert view.open_button.isEnabled()
