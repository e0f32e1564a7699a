"""Logging to the platform's log folder, and the last resort for an unexpected error.

The log says what the program did and what went wrong — never what was recorded:
no symptom, name, note or number from the diary is written to it. An error's
message can quote a value, so an unexpected exception is logged as its type and
where it happened (the traceback's frames), not its message.
The excepthook makes an error in a Qt slot visible: instead of vanishing, it is
logged and the user is told, in words, that their entries are safe and where the
details are.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

LOG_NAME = "symptomlog.log"
MAX_BYTES = 512 * 1024
BACKUPS = 3
log = logging.getLogger("symptomlog")


def log_folder() -> Path:
    return platformdirs.user_log_path("symptomlog", appauthor=False)


def setup_logging(folder: Path | None = None) -> Path:
    """Log to a rotating, private file in the log folder; return its path."""
    folder = folder or log_folder()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / LOG_NAME
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    for handler in list(log.handlers):
        if isinstance(handler, RotatingFileHandler):
            log.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def without_message(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The traceback's frames and the error's type, without its message (it may hold data)."""
    frames = "".join(traceback.format_tb(tb))
    return f"Traceback (most recent call last):\n{frames}{kind.__module__}.{kind.__qualname__}"


def unexpected_error_text(path: Path) -> str:
    """What the user reads: what happened, that nothing is lost, where the details are."""
    return (
        "Something went wrong in symptomlog. Your entries are safe: everything you saved "
        f"is still in the diary. Details for support are in {path}."
    )


def install_excepthook(path: Path, show: Callable[[str], None] | None = None) -> None:
    """Log every uncaught exception (also from Qt slots) and tell the user through ``show``."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("unexpected error\n%s", without_message(kind, tb))
        if show is not None:
            try:
                show(unexpected_error_text(path))
            except Exception:  # the dialog itself failed: the log still has it
                log.exception("could not show the error dialog")

    sys.excepthook = hook
