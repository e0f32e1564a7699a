"""Can Qt open a window here? Asked before the QApplication exists.

When Qt cannot load its platform plugin (on a minimal Linux system the X11 one
needs libraries that are not installed) it prints a message about plugins and
aborts the whole process, pointing nowhere near the one ``apt install`` line that
fixes it. So the window checks first, with the same loader Qt would use, and says
what to install and why.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

APT_LINE = (
    "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 "
    "libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0"
)
FIX = (
    f"On Debian or Ubuntu install them with:\n    {APT_LINE}\n"
    "then start symptomlog again (README, “Set up and run”). "
    "The command-line tools work without them (symptomlog --help)."
)
XCB_EXTRA = ("libxcb-cursor.so.0",)
"""Qt 6.5+ refuses the X11 plugin without these, though the plugin does not link them."""


def plugin_folders() -> list[Path]:
    """Where Qt looks for platform plugins: the environment's folder first, then its own."""
    folders = [Path(p) for p in os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(":") if p]
    plugins = QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)
    return [*folders, Path(plugins) / "platforms"]


def wanted_platforms() -> list[str]:
    """The platforms Qt will try, in order (``QT_QPA_PLATFORM`` may list several)."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return [part.split(":")[0].strip() for part in chosen.split(";") if part.strip()]
    if os.environ.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]
    return ["xcb"]


def _load(library: str) -> str | None:
    """None if the library loads; else the loader's reason (the missing file's name)."""
    try:
        ctypes.CDLL(library)
    except OSError as error:
        return str(error)
    return None


def platform_problem(name: str, folders: list[Path] | None = None) -> str | None:
    """Why Qt could not start the platform ``name``, in words; None if it can."""
    candidates = (folder / f"libq{name}.so" for folder in folders or plugin_folders())
    found = next((path for path in candidates if path.exists()), None)
    if found is None:
        return (
            f"The window cannot start: Qt has no display plugin called “{name}” "
            "(QT_QPA_PLATFORM). Unset QT_QPA_PLATFORM, or set it to xcb or wayland."
        )
    if name == "xcb" and not os.environ.get("DISPLAY"):
        return (
            "There is no screen to open the window on (DISPLAY is not set). "
            "Use the commands (symptomlog --help) or --screenshot FILE.png."
        )
    if name != "xcb":
        return None  # only the X11 plugin is known to miss system libraries this way
    for library in (*XCB_EXTRA, str(found)):
        reason = _load(library)
        if reason is not None:
            return (
                "The window cannot start: the system libraries that Qt needs to draw "
                f"windows are missing ({reason}).\n{FIX}"
            )
    return None


def startup_problem() -> str | None:
    """Why no window can open here, or None; only Linux loads its plugins this way."""
    if not sys.platform.startswith("linux"):
        return None
    problems = [platform_problem(name) for name in wanted_platforms()]
    if any(problem is None for problem in problems):
        return None
    return problems[0]
