"""Saving the report: built on a helper thread behind a progress box with Cancel.

Issue 19: the Report view built the PDF on the window's thread, 2-2.6 s for the
default period, during which the window did not answer. The build runs on a
helper thread here; reportlab's layout reports its progress, which moves the bar,
and Cancel stops the build at its next step (nothing is written). The file is
written on the window's thread once the PDF is whole (write_atomically: all or
nothing), and the report's period is remembered for "Since the last report".
The thread, the progress box and Cancel are ``ui/background.BackgroundTask``'s, shared
with File ▸ Import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from symptomlog.store import Diary
from symptomlog.ui.background import BackgroundTask, Cancelled

__all__ = ["Cancelled", "Request", "SaveBuild"]


@dataclass(frozen=True)
class Request:
    diary: Diary
    start: date
    end: date
    paper: str
    output: Path


class SaveBuild(BackgroundTask[bytes]):
    """One build for Save as PDF: ``done(pdf bytes | exception)`` on the window's thread."""

    def __init__(
        self,
        parent: QWidget,
        request: Request,
        build: Callable[..., bytes],
        done: Callable[[object], None],
    ) -> None:
        self.request = request

        def work() -> bytes:
            self.step(0, 0)
            return build(request.diary, request.start, request.end, request.paper, self.step)

        super().__init__(
            parent,
            f"Making the report for {request.start:%d %b %Y} – {request.end:%d %b %Y}…",
            work,
            done,
            title="Saving the report",
            cancel="&Cancel",
            thread_name="report-save",
        )
