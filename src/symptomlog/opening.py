"""Which diary to open, and opening it: shared by the command line and its sub-commands.

Its own small module so that ``commands`` need not import ``cli`` (which imports
``cli_args``, which imports ``commands``): no import cycle.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from symptomlog.store import Diary


def diary_path(args: argparse.Namespace) -> Path:
    """``--db``, else ``$SYMPTOMLOG_DB``, else the diary the user made their own
    (``diary_choice``: the one last created in the window), else the data folder's."""
    from symptomlog.diary_choice import default_for_user
    from symptomlog.errors import Problem, ValidationError

    if args.db is not None and not str(args.db).strip():
        raise ValidationError(Problem("--db", "--db is empty: give the diary's file name"))
    return Path(args.db).expanduser() if args.db else default_for_user()


def open_diary(args: argparse.Namespace, *, create: bool) -> Diary:
    from symptomlog.store import Diary

    return Diary.open(diary_path(args), create=create)
