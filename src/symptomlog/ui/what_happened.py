""" "What happened?" after a red flag: record the call — to whom, the advice, the outcome.

Why: an alert that nobody follows up changes nothing (Mooney 2014), and the team
reading the PDF wants to see beside each red flag what happened after it. The call
is stored through the core as an ``Event`` of kind ``call`` linked to the flag's day
(and its rule, when there was one), so History, the charts and the PDF show it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from symptomlog.domain import Event, Profile
from symptomlog.domain.event import EventKind, Outcome
from symptomlog.errors import SymptomlogError
from symptomlog.ui.messages import not_saved
from symptomlog.ui.widgets import DateTimeField, add_labelled, dialog_buttons, message_label

OUTCOME_TEXTS = {
    Outcome.ADVICE: "Advice &only",
    Outcome.SEEN: "S&een by someone",
    Outcome.ADMITTED: "Ad&mitted to hospital",
}


def who_to_prefill(profile: Profile) -> str:
    """The 24-hour line the banner told them to call, by its name if it has one."""
    line = profile.line_24h
    if line is None:
        return ""
    return f"24-hour line — {line.name}" if line.name else "24-hour line"


class WhatHappenedDialog(QDialog):
    """To whom, when, the advice and the outcome of the call after the flags of one day."""

    def __init__(
        self,
        day: date,
        rules: list[str],
        profile: Profile,
        save: Callable[[Event], Event],
        parent: QWidget | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"What happened after the warning of {day:%a %d %b}?")
        self.day = day
        self.rule = rules[0] if len(rules) == 1 else None  # several: the call follows them all
        self._save = save
        self.saved: Event | None = None
        moment = (now or datetime.now()).replace(second=0, microsecond=0)
        intro = QLabel(
            "Write down the call you made, so your diary (and the summary for your team) "
            "shows what happened after the warning."
        )
        intro.setWordWrap(True)
        self.to_whom = QLineEdit(who_to_prefill(profile))
        self.to_whom.setAccessibleName("Who was called")
        self.when = DateTimeField()
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setCalendarPopup(True)
        stamp = QDateTime.fromString(moment.strftime("%Y-%m-%dT%H:%M"), "yyyy-MM-ddTHH:mm")
        self.when.setMaximumDateTime(stamp.addSecs(300))
        self.when.setDateTime(stamp)
        self.when.setAccessibleName("When the call was made")
        self.advice = QPlainTextEdit()
        self.advice.setTabChangesFocus(True)
        self.advice.setFixedHeight(80)
        self.advice.setAccessibleName("The advice given")
        self.outcomes = QButtonGroup(self)
        outcome_row = QHBoxLayout()
        self.outcome_buttons: dict[Outcome, QRadioButton] = {}
        for outcome, text in OUTCOME_TEXTS.items():
            button = QRadioButton(text)
            self.outcomes.addButton(button)
            self.outcome_buttons[outcome] = button
            outcome_row.addWidget(button)
        outcome_row.addStretch(1)
        form = QFormLayout()
        add_labelled(
            form,
            (("&To whom", self.to_whom), ("W&hen", self.when), ("What they &advised", self.advice)),
        )
        form.addRow(QLabel("What came of it"), outcome_row)
        self.message = message_label()
        buttons = dialog_buttons(self, self.try_save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def outcome(self) -> Outcome | None:
        return next((o for o, b in self.outcome_buttons.items() if b.isChecked()), None)

    def typed_call(self) -> Event:
        """The call as typed (ValidationError says what is wrong)."""
        value = self.when.dateTime().toString("yyyy-MM-ddTHH:mm")
        return Event(
            when=datetime.fromisoformat(value),
            kind=EventKind.CALL,
            to_whom=self.to_whom.text(),
            advice=self.advice.toPlainText(),
            outcome=self.outcome(),
            flag_day=self.day,
            flag_rule=self.rule,
        )

    def try_save(self) -> None:
        """Store the call through the core; on any problem keep the dialog and say why."""
        try:
            self.saved = self._save(self.typed_call())
        except SymptomlogError as error:  # each problem on its own line, as every dialog says it
            self.message.setText(not_saved(error))
            return
        self.accept()
