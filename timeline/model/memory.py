"""``DraftMemory``: what the draft step has proposed before, ``events.toml``'s ``[draft]`` table.

A draft is a proposal the user edits: they keep a drafted event, rewrite it or delete it.
Run again, the draft must not bring back what they deleted, nor add a second copy of what
they rewrote; it cannot tell either from the events themselves (an edited event is no
longer the one proposed, a deleted one is gone). So ``events.toml`` remembers the
fingerprint of every statement the draft has proposed (``Candidate.fingerprint``: 16
hexadecimal digits of a digest of the article, quote, expression and event word), and a
candidate whose fingerprint is remembered is never proposed again::

    [draft]
    seen = ["3f2a9c0d1e4b5a67", "9b8e7d6c5a4f3e21"]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from timeline.errors import CorpusError

#: The table's name in ``events.toml`` and the keys it may have.
DRAFT = "draft"
KEYS = frozenset({"seen"})
#: ``Candidate.fingerprint``: the first 16 hexadecimal digits of a SHA-256.
FINGERPRINT = re.compile(r"[0-9a-f]{16}")
#: More statements than any corpus a person reviews holds (fifty articles make a few
#: hundred); a bound so that a runaway file is an error, not a slow set of millions.
MAX_SEEN = 1_000_000


def check_fingerprints(values: object, *, file: str | None = None, entry: str | None = None,
                       field: str = "seen") -> frozenset[str]:
    """Fingerprints as a set: ``CorpusError`` naming ``field`` unless ``values`` is a list
    (or other iterable, not a string) of at most ``MAX_SEEN`` fingerprints. Repeats are
    harmless (a set holds each once)."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise CorpusError(f"expected a list of fingerprints (16 hexadecimal digits), got "
                          f"{type(values).__name__}", file=file, entry=entry, field=field)
    items = list(values)
    if len(items) > MAX_SEEN:
        raise CorpusError(f"{len(items)} fingerprints; at most {MAX_SEEN} are kept",
                          file=file, entry=entry, field=field)
    for i, item in enumerate(items, start=1):
        if not isinstance(item, str) or not FINGERPRINT.fullmatch(item):
            shown = repr(item) if len(repr(item)) <= 40 else f"{repr(item)[:40]}…"
            raise CorpusError(f"item {i}: expected a fingerprint (16 lower-case hexadecimal "
                              f"digits), got {shown}", file=file, entry=entry, field=field)
    return frozenset(items)


def _fingerprints(values: Iterable[str]) -> frozenset[str]:
    return check_fingerprints(values)


@attrs.frozen
class DraftMemory:
    """The fingerprints of every statement the draft step has proposed for a corpus, kept
    whether the user confirmed, edited or deleted what it proposed."""

    seen: frozenset[str] = attrs.field(default=frozenset(), converter=_fingerprints)

    @classmethod
    def from_toml(cls, table: object, *, file: str | None = None) -> DraftMemory:
        """The ``[draft]`` table of ``events.toml``: ``CorpusError`` naming the file and the
        field unless it is a table whose only key is a list ``seen`` of fingerprints."""
        if not isinstance(table, dict):
            raise CorpusError("expected a table ([draft])", file=file, field=DRAFT)
        for key in sorted(set(table) - KEYS):
            raise CorpusError(f"unknown key; expected one of {', '.join(sorted(KEYS))}",
                              file=file, entry=f"[{DRAFT}]", field=key)
        return cls(check_fingerprints(table.get("seen", []), file=file, entry=f"[{DRAFT}]"))

    def __contains__(self, fingerprint: object) -> bool:
        return fingerprint in self.seen

    def __len__(self) -> int:
        return len(self.seen)

    def remember(self, fingerprints: Iterable[str]) -> DraftMemory:
        """This memory and ``fingerprints`` (checked as the file's are)."""
        return DraftMemory(self.seen | check_fingerprints(fingerprints))

    def unseen(self, fingerprints: Iterable[str]) -> list[str]:
        """The fingerprints not proposed before, in the order given, each once: what a
        draft run may still propose."""
        return [f for f in dict.fromkeys(fingerprints) if f not in self.seen]


__all__ = ["DRAFT", "FINGERPRINT", "MAX_SEEN", "DraftMemory", "check_fingerprints"]
