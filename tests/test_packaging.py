"""What the wheel and the bundle are built from: every package listed, every resource found.

The resources live in the top-level ``resources/`` and are installed as the package
``symptomlog.resources`` (pyproject.toml maps the folder); ``make smoke`` checks the wheel
and the bundle themselves, these tests the mapping they are built from.
"""

from __future__ import annotations

import tomllib
from configparser import ConfigParser
from importlib import resources
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_under_src_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    on_disk = {
        ".".join(init.parent.relative_to(ROOT / "src").parts)
        for init in (ROOT / "src").rglob("__init__.py")
    }
    assert set(config["packages"]) == on_disk | {"symptomlog.resources"}
    assert config["package-dir"]["symptomlog.resources"] == "resources"


def test_the_resources_are_read_from_the_package_not_from_src() -> None:
    folder = resources.files("symptomlog.resources")
    assert Path(str(folder)).resolve() == ROOT / "resources"
    assert not (ROOT / "src" / "symptomlog" / "resources").exists()
    icon = (folder / "icons" / "symptomlog-256.png").read_bytes()
    assert icon.startswith(b"\x89PNG\r\n\x1a\n")
    assert (folder / "fonts" / "DejaVuSans.ttf").read_bytes()[:4] == b"\x00\x01\x00\x00"
    assert "#choiceRow" in (folder / "styles" / "symptomlog.qss").read_text("utf-8")


def test_the_desktop_files_name_the_app_and_each_other() -> None:
    folder = resources.files("symptomlog.resources") / "desktop"
    entry = ConfigParser(interpolation=None)
    entry.read_string((folder / "org.symptomlog.Symptomlog.desktop").read_text("utf-8"))
    assert entry["Desktop Entry"]["Exec"].startswith("symptomlog-window")
    assert entry["Desktop Entry"]["Icon"] == "org.symptomlog.Symptomlog"
    metainfo = ElementTree.fromstring(
        (folder / "org.symptomlog.Symptomlog.metainfo.xml").read_text("utf-8")
    )
    assert metainfo.findtext("launchable") == "org.symptomlog.Symptomlog.desktop"


def test_the_window_uses_the_stylesheet_from_resources(qapp) -> None:  # type: ignore[no-untyped-def]
    from symptomlog.ui.style import apply_style, stylesheet

    apply_style(qapp, large=False)
    assert qapp.styleSheet().startswith(stylesheet())
    assert '#savedMessage[state="error"]' in qapp.styleSheet()
