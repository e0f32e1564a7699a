"""Starting the window where Qt cannot: a message naming the fix, exit 1, never an abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from symptomlog.ui import platform_check
from symptomlog.ui.platform_check import APT_LINE, platform_problem
from tests.paths import ROOT


def start_window(tmp_path: Path, **env: str | None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in env}
    environment.update({k: v for k, v in env.items() if v is not None})
    return subprocess.run(
        [sys.executable, "-m", "symptomlog", "--db", str(tmp_path / "d.sqlite3")],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_an_unknown_display_plugin_is_named_and_exits_1(tmp_path: Path) -> None:
    done = start_window(tmp_path, QT_QPA_PLATFORM="nonexistentplugin")
    assert done.returncode == 1
    assert "no display plugin called “nonexistentplugin”" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "d.sqlite3").exists()


def test_x11_without_a_display_says_so_and_exits_1(tmp_path: Path) -> None:
    done = start_window(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=None, WAYLAND_DISPLAY=None)
    assert done.returncode == 1
    assert "DISPLAY is not set" in done.stderr


def test_missing_x11_libraries_name_the_readme_install_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "platforms"
    broken.mkdir()
    (broken / "libqxcb.so").write_bytes(b"not a library")  # loads as badly as a missing one
    monkeypatch.setenv("DISPLAY", ":0")
    problem = platform_problem("xcb", [broken])
    assert problem is not None
    assert APT_LINE in problem and "missing" in problem
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert " ".join(APT_LINE.split()) in " ".join(readme.split())


def test_the_real_x11_plugin_check_matches_what_qt_would_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a machine without the X11 libraries the window says how to install them."""
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux loads Qt's X11 plugin")
    monkeypatch.setenv("DISPLAY", ":0")
    problem = platform_problem("xcb")
    if problem is None:
        pytest.skip("this machine has every library the X11 plugin needs")
    done = start_window(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=":0")
    assert done.returncode == 1 and APT_LINE in done.stderr


def test_offscreen_is_always_possible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert platform_check.startup_problem() is None
