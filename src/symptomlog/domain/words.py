"""Small pieces of text built from numbers and names, said the way people say them.

In the domain so that every layer (the entry's summary, the window, the command line)
says "1 episode" and "Carer — David (husband)" the same way.
"""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 page", "2 pages", "0 entries": never "1 pages"."""
    word = one if count == 1 else (many or f"{one}s")
    return f"{count} {word}"


def who_recorded(label: str, name: str | None) -> str:
    """ "Carer — David (husband)": the name may hold brackets of its own, so none are added."""
    return f"{label} — {name}" if name else label


def times(count: float) -> str:
    """ "not at all", "once", "twice", "6 times"."""
    return {0: "not at all", 1: "once", 2: "twice"}.get(int(count), f"{count:g} times")


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"
