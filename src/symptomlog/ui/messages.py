"""The words for a failed save, the same in every dialog: what was wrong, in a list."""

from __future__ import annotations

from symptomlog.errors import SymptomlogError, ValidationError


def not_saved(error: SymptomlogError) -> str:
    """ "⚠ Not saved:" and each problem on its own line (or the error's one sentence)."""
    if isinstance(error, ValidationError):
        return "⚠ Not saved:\n" + "\n".join(p.message for p in error.problems)
    return f"⚠ Not saved: {error}"
