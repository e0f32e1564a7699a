"""The report's font: DejaVu Sans, bundled, so accents and symbols print on any computer.

Text a patient typed can hold characters no font has (most emoji). Those are
replaced by U+FFFD "�" (which DejaVu has) rather than aborting the report or
printing an empty box without explanation; the notes section says so.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from symptomlog.errors import SymptomlogError

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
MISSING_GLYPH = "\ufffd"


class FontMissing(SymptomlogError):
    """The bundled font is not where the installation put it."""


@cache
def register_fonts() -> frozenset[int]:
    """Register the bundled fonts once; return the code points the regular face can draw."""
    folder = resources.files("symptomlog.resources") / "fonts"
    faces = {}
    for name in (REGULAR, BOLD):
        source = folder / f"{name}.ttf"
        try:
            with resources.as_file(source) as path:
                faces[name] = TTFont(name, str(path))
        except (OSError, ValueError, TTFError) as error:
            raise FontMissing(
                f"The report font {name}.ttf could not be loaded from {source} "
                f"({error}); reinstall symptomlog"
            ) from None
        pdfmetrics.registerFont(faces[name])
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )
    return frozenset(faces[REGULAR].face.charToGlyph)


def printable(text: str) -> str:
    """Text as a Paragraph shows it literally: markup escaped, unknown glyphs replaced."""
    drawable = register_fonts()
    safe = "".join(c if ord(c) in drawable or c in "\n\t" else MISSING_GLYPH for c in text)
    return escape(safe).replace("\n", "<br/>")


def plain_metadata(text: str) -> str:
    """Text for the PDF's title and author: no control or bidi-override characters, which a
    viewer's title bar would obey (a name could otherwise display reversed or hidden)."""
    return "".join(c for c in text if c.isprintable() and unicodedata.category(c) != "Cf")


def has_missing_glyphs(text: str) -> bool:
    drawable = register_fonts()
    return any(ord(c) not in drawable and c not in "\n\t" for c in text)
