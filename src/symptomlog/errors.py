"""One small hierarchy of errors, each with a message written for a person.

The CLI maps them to exit codes (``exit_code``) and the GUI to dialogs, so no
caller has to know which library raised what underneath.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class SymptomlogError(Exception):
    """Base class: ``str(error)`` is a complete sentence a user can act on."""

    exit_code = 1


EXCERPT_CHARS = 40


def excerpt(value: object) -> str:
    """A short, printable quote of a bad value: a message never repeats a megabyte."""
    text = value if isinstance(value, str) else repr(value)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates too
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one value, located for the person who typed it."""

    field: str
    message: str
    where: str | None = None  # e.g. "line 4, column pain" or "entries[3].pain"

    def __str__(self) -> str:
        return self.message if self.where is None else f"{self.where}: {self.message}"


class ValidationError(SymptomlogError):
    """One or more values are not acceptable; nothing was saved."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


class ImportRejected(ValidationError):
    """An import file had problems; every one is listed and nothing was stored."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        super().__init__(problems)
        count = len(self.problems)
        listing = "\n".join(f"  {p}" for p in self.problems)
        self.args = (
            f"{source}: nothing imported, {count} problem{'s' if count != 1 else ''}:\n{listing}",
        )


class BadFile(SymptomlogError):
    """A file the user named is missing, unreadable or of the wrong kind."""

    exit_code = 2


class DiaryUnavailable(SymptomlogError):
    """The diary cannot be opened or written (permissions, disk full, locked)."""


class DiaryDamaged(SymptomlogError):
    """The diary file exists but is not a readable symptomlog diary."""

    backup: Path | None = None
    """The newest good automatic backup, when there is one (offered by the window)."""


class DiaryTooNew(SymptomlogError):
    """The diary was written by a newer symptomlog; it is left untouched."""


class NotFound(SymptomlogError):
    """An entry, cycle or file that was asked for does not exist."""

    exit_code = 2


class CannotWrite(SymptomlogError):
    """A file the user asked for (export, backup, report) could not be written."""


class RefusedOutput(CannotWrite):
    """An output that would overwrite the diary, a backup, a link or a device: bad usage."""

    exit_code = 2
