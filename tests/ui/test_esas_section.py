"""ESAS-r as published on the form: the nine in order, all visible, under the NOW
instruction, "Other problem" tenth, and its authors acknowledged."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from symptomlog.ui.esas_section import EsasSection

PUBLISHED = [
    "Pain",
    "Tiredness",
    "Drowsiness",
    "Nausea",
    "Lack of Appetite",
    "Shortness of Breath",
    "Depression",
    "Anxiety",
    "Wellbeing",
    "Other Problem",
]


def test_the_nine_in_published_order_all_visible_then_other_problem(qtbot) -> None:
    section = EsasSection()
    qtbot.addWidget(section)
    section.show()
    scales = [w for w in section.inputs() if w is not section.other_name]
    assert [s.scale.label for s in scales] == PUBLISHED  # type: ignore[attr-defined]
    assert all(s.isVisible() for s in scales)
    texts = " ".join(label.text() for label in section.findChildren(QLabel))
    assert "choose the number that best describes how you feel NOW" in texts
    assert "Alberta Health Services" in texts
    assert section.inputs()[9] is section.other_name  # named before it is scored


def test_help_about_acknowledges_the_esas_r_authors(window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: said.append(text))
    window.show_about()
    assert "Watanabe et al. 2011" in said[0] and "Alberta Health Services" in said[0]
    assert "not part of ESAS-r" in said[0]
