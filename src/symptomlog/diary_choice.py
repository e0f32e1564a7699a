"""Which diary a plain ``symptomlog`` opens: the one the user made their own.

When the user creates a diary in the window (File ▸ New diary, or "Start my own
diary" from the demo), it becomes the default, so the next start opens it rather
than the demo or a new, empty third diary. The choice is a one-line file in the
config folder, readable without Qt so the command line agrees with the window.
``--db`` and ``SYMPTOMLOG_DB`` still win.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from symptomlog.store.paths import APP_NAME, ENV_VAR, default_diary_path

CHOICE_FILENAME = "default-diary.txt"


def choice_file() -> Path:
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / CHOICE_FILENAME


def remembered_diary() -> Path | None:
    """The diary last made the default, if it still exists."""
    try:
        text = choice_file().read_text(encoding="utf-8").strip()
    except OSError:
        return None
    path = Path(text).expanduser() if text else None
    return path if path is not None and path.exists() else None


def remember_diary(path: Path) -> None:
    """Make ``path`` the diary a plain ``symptomlog`` opens from now on."""
    from symptomlog.files import write_atomically
    from symptomlog.store.paths import ensure_private_folder

    target = choice_file()
    ensure_private_folder(target.parent)  # it names the diary: private like the diary
    write_atomically(target, f"{Path(path).expanduser().resolve()}\n".encode())


def default_for_user() -> Path:
    """``$SYMPTOMLOG_DB``, else the remembered diary, else the one in the data folder."""
    if os.environ.get(ENV_VAR, "").strip():
        return default_diary_path()
    return remembered_diary() or default_diary_path()
