"""The command line: the front door for every sub-command, and for the window.

Importing this module loads neither PySide6 nor matplotlib nor SQLAlchemy:
each sub-command imports what it needs, so ``symptomlog --help`` is instant.
Exit codes: 0 ok; 2 bad usage or bad data; 1 anything else (never a bare
traceback unless ``--debug``).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from symptomlog import __version__
from symptomlog.cli_args import build_parser
from symptomlog.opening import diary_path

VIEWS = ("today", "history", "charts", "cycles", "report", "medicines")


def run() -> NoReturn:
    """The process's entry point (the ``symptomlog`` command, ``python -m``, the bundle).

    After ``main`` has closed the diary and flushed the log, the objects it made are
    frozen out of the garbage collector's last pass: that pass at exit took 75 ms of a
    95 ms exit (measured on ``--screenshot``), tearing down what the operating system
    frees at once. Nothing is left to write by then; ``atexit`` still runs.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(VIEWS, __version__)
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", run_window)
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:  # the one place that turns errors into exit codes
        return report_error(error, args.debug)


def report_error(error: Exception, debug: bool) -> int:
    from symptomlog.errors import SymptomlogError

    if debug:
        import traceback

        traceback.print_exception(error)
    if isinstance(error, SymptomlogError):
        print(f"symptomlog: {error}", file=sys.stderr)
        return error.exit_code
    print(
        f"symptomlog: unexpected error ({error.__class__.__name__}: {error}). "
        "Nothing further was saved. Run again with --debug for details.",
        file=sys.stderr,
    )
    return 1


def run_window(args: argparse.Namespace) -> int:
    # Until the window is up (``run_app`` turns it back on), the cycle collector stays
    # off: its full passes over the objects the imports make cost the cold start 40-50 ms,
    # and those objects live as long as the app anyway.
    gc.disable()
    from symptomlog.store.paths import demo_diary_path

    path = diary_path(args)
    if args.demo_if_new and not path.exists():
        path = demo_diary_path()
        if not path.exists():
            from symptomlog.demo import fill_demo
            from symptomlog.store import Diary

            with Diary.open(path) as diary:
                fill_demo(diary)
            print(f"symptomlog: no diary yet; opening the demo diary at {path}", file=sys.stderr)
    from symptomlog.ui.app import run_app

    return run_app(path, view=args.view, screenshot=args.screenshot)
