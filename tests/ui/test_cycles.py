"""The Cycles view: each cycle's delay and drug days, as the table shows them."""

from __future__ import annotations

from datetime import date

import pytest

from symptomlog.domain import ChemoCycle
from symptomlog.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("own_settings")  # no remembered window settings


def test_cycles_view_lists_delays_and_the_drug_days(window: MainWindow) -> None:
    diary = window.context.diary
    diary.cycles.add(
        [
            ChemoCycle("gem-nabpac", 1, date(2026, 3, 2)),
            ChemoCycle(
                "gem-nabpac",
                2,
                date(2026, 3, 30),
                actual_start=date(2026, 4, 6),
                dose_note="80% dose",
            ),
        ]
    )
    window.context.changed()
    table = window.cycles.table
    assert table.rowCount() == 2
    assert "+7 days" in table.item(1, 4).text()
    assert table.item(0, 5).text() == "D1 02 Mar, D8 09 Mar, D15 16 Mar"
    assert table.item(1, 6).text() == "80% dose"
