"""Start at login on Linux: an XDG autostart entry that the person can switch on and off.

A daily reminder only helps while the app runs, so the reminders dialog offers to
start it at login. On Linux that is a ``.desktop`` file in
``$XDG_CONFIG_HOME/autostart`` (the freedesktop.org Desktop Application Autostart
specification): written whole or not at all through ``symptomlog.files``, and
removed when switched off. No Qt here, so it is tested without a window.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import platformdirs

from symptomlog.errors import CannotWrite
from symptomlog.files import write_atomically

FILE_NAME = "org.symptomlog.Symptomlog.desktop"
RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
"""Characters that make an Exec argument need quoting (Desktop Entry specification)."""


def is_supported() -> bool:
    """XDG autostart is a Linux (freedesktop) convention; other systems have their own."""
    return sys.platform.startswith("linux")


def autostart_path() -> Path:
    """Where the entry lives: ``$XDG_CONFIG_HOME/autostart`` (``~/.config/autostart``)."""
    return Path(platformdirs.user_config_dir()) / "autostart" / FILE_NAME


def launch_command() -> str:
    """The command that opens the window, as the Exec key needs it (quoted when needed)."""
    if getattr(sys, "frozen", False):  # the packaged app: its own executable
        return _exec_quote([sys.executable])
    for name in ("symptomlog-window", "symptomlog"):
        found = shutil.which(name)
        if found:
            return _exec_quote([found])
    return _exec_quote([sys.executable, "-m", "symptomlog"])


def _exec_quote(words: list[str]) -> str:
    """Quote the words as the Desktop Entry specification asks for an Exec key.

    An argument with a reserved character (a space, a quote...) goes in double quotes,
    with the double quote, backtick, dollar and backslash escaped by a backslash; a
    percent sign is doubled (field codes); then every backslash is escaped once more,
    as in every string value of the file.
    """
    quoted = []
    for word in words:
        word = word.replace("%", "%%")
        if any(c in RESERVED for c in word):
            word = '"' + "".join("\\" + c if c in '"`$\\' else c for c in word) + '"'
        quoted.append(word)
    return " ".join(quoted).replace("\\", "\\\\")


def desktop_entry(command: str) -> str:
    """The text of the autostart entry."""
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=symptomlog",
            "Comment=Your symptom diary, started at login for its daily reminder",
            f"Exec={command}",
            "Icon=org.symptomlog.Symptomlog",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


def is_enabled() -> bool:
    return autostart_path().is_file()


def set_enabled(enabled: bool) -> Path:
    """Write (atomically, private) or remove the entry; CannotWrite says what failed."""
    path = autostart_path()
    if not enabled:
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            raise CannotWrite(f"Cannot remove {path}: {error.strerror or error}") from None
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CannotWrite(f"Cannot create {path.parent}: {error.strerror or error}") from None
    write_atomically(path, desktop_entry(launch_command()).encode("utf-8"))
    return path
