"""``Problems``: every fault found in one input, raised together as one ``CorpusError``.

A corpus file with three mistakes should cost one run to fix, not three: checks add what
they find and go on with what does not depend on it, and the caller raises once at the end
(``CorpusError.of``: the first problem's message, how many more, each in ``problems``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from timeline.errors import CorpusError

T = TypeVar("T")


class Problems:
    """The problems of one file (or one entry of it), in the order found."""

    def __init__(self, *, file: str | None = None, entry: str | None = None) -> None:
        self.file = file
        self.entry = entry
        self.found: list[CorpusError] = []

    def error(self, field: str | None, message: str) -> CorpusError:
        """A problem of ``field`` in this entry, to raise (a check that cannot go on)."""
        return CorpusError(message, file=self.file, entry=self.entry, field=field)

    def add(self, field: str | None, message: str, *, entry: str | None = None) -> None:
        """A problem of ``field`` in this entry (or in ``entry``, when given)."""
        self.found.append(CorpusError(message, file=self.file,
                                      entry=self.entry if entry is None else entry,
                                      field=field))

    def attempt(self, build: Callable[[], T]) -> T | None:
        """``build()``, or ``None`` with its ``CorpusError`` (each problem of it) kept."""
        try:
            return build()
        except CorpusError as error:
            self.found.append(error)
            return None

    def __bool__(self) -> bool:
        return bool(self.found)

    def raise_any(self) -> None:
        """Raise every problem found as one ``CorpusError``; nothing found, nothing raised."""
        if self.found:
            raise CorpusError.of(self.found)


__all__ = ["Problems"]
