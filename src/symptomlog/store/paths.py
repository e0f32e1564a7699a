"""Where diaries live, and making sure their files are private (0600 in 0700)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

APP_NAME = "symptomlog"
DIARY_FILENAME = "diary.sqlite3"
DEMO_FILENAME = "demo-diary.sqlite3"
ENV_VAR = "SYMPTOMLOG_DB"


def data_dir() -> Path:
    """The per-user data folder from platformdirs (e.g. ~/.local/share/symptomlog)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_diary_path() -> Path:
    """``$SYMPTOMLOG_DB`` if set, else the diary in the user's data folder."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    return data_dir() / DIARY_FILENAME


def demo_diary_path() -> Path:
    """A clearly named demo diary beside the real one, never mixed with it."""
    return data_dir() / DEMO_FILENAME


def ensure_private_folder(folder: Path) -> None:
    """Create ``folder`` (and parents) as 0700; tighten it if it is ours and too open."""
    created = not folder.exists()
    missing = [folder, *(p for p in folder.parents if not p.exists())]
    for each in reversed([p for p in missing if not p.exists()]):
        each.mkdir(mode=0o700, exist_ok=True)  # every new folder private, whatever the umask
        os.chmod(each, 0o700)
    if created or folder.resolve() == data_dir().resolve():
        os.chmod(folder, 0o700)


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only, before SQLite opens it."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
