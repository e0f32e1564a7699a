"""History lists the period's events apart from the entries, marked, newest first."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from symptomlog.domain import Entry, Event
from symptomlog.domain.event import EventKind, Outcome
from symptomlog.ui.history_events import event_line
from symptomlog.ui.main_window import MainWindow


def test_events_of_the_period_are_listed_apart_and_marked(window: MainWindow) -> None:
    diary = window.context.diary
    today = date.today()
    diary.entries.add(Entry(datetime.combine(today - timedelta(days=3), time(9)), pain=4))
    call = diary.events.add(
        Event(
            datetime.combine(today - timedelta(days=2), time(10)),
            EventKind.CALL,
            to_whom="24-hour line",
            advice="Come in now",
            outcome=Outcome.SEEN,
            flag_day=today - timedelta(days=2),
        )
    )
    scan = diary.events.add(
        Event(datetime.combine(today - timedelta(days=1), time(11)), EventKind.SCAN, note="CT")
    )
    diary.events.add(Event(datetime(2020, 1, 1, 9), EventKind.ADMISSION))  # outside the period
    window.context.changed()
    window.show_view("history")
    events = window.history.events
    assert events.isVisible()
    rows = [events.list.item(i).text() for i in range(events.list.count())]
    assert rows == [event_line(scan), event_line(call)]
    assert (
        rows[1].startswith("◆ ") and "Call to 24-hour line — Seen — advice: Come in now" in rows[1]
    )
    assert "after the warning of" in rows[1]
    assert window.history.model.rowCount() == 1  # the entries table holds entries only
    assert "2 in this period" in events.caption.text()


def test_no_events_no_list(window: MainWindow) -> None:
    window.show_view("history")
    assert not window.history.events.isVisible()
