"""Where a quote that is not in its article probably is, and why it did not match.

Quotes are copied by hand from a browser or a PDF, so the usual miss is typographic: curly
quotes typed straight, an en dash typed as a hyphen, a no-break space or a line break
where the copy has a space. ``closest_passage`` folds those on both sides and searches
again; failing that, it takes the passage around the longest run the quote shares with
the article (``difflib``), with the work bounded so a long article stays fast.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

import attrs

_QUOTES = str.maketrans({c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`"}
                        | {c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
_SPACES = frozenset(" \t\n\r\f\v\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000")

#: Above this many characters times quote characters, the difflib search looks only at
#: the start of the quote: its cost grows with their product.
_BUDGET = 4_000_000
#: Longer articles (characters) are searched for typographic near-misses only: the
#: similarity search is a Python loop over every character.
LONG = 200_000
#: How alike (``difflib`` ratio) a passage must be to be worth naming.
_CLOSE = 0.6
#: Characters of a passage shown in a message.
_SHOWN = 100


def _spaces(text: str) -> str:
    """Every run of white space (no-break and line breaks included) as one space."""
    out: list[str] = []
    for char in text:
        if char in _SPACES:
            if not out or out[-1] != " ":
                out.append(" ")
        else:
            out.append(char)
    return "".join(out)


#: The near-misses, each a folding of one kind of difference, named for messages.
_FOLDS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("curly and straight quotes or apostrophes", lambda s: s.translate(_QUOTES)),
    ("dashes and hyphens", lambda s: s.translate(_DASHES)),
    ("spaces (no-break spaces, line breaks or doubled spaces)", _spaces),
)


def _fold(text: str, skip: int = -1) -> str:
    for i, (_, fold) in enumerate(_FOLDS):
        if i != skip:
            text = fold(text)
    return text


_RUN = re.compile("[" + "".join(sorted(_SPACES)) + "]+")


class _Folded:
    """``_fold(text)``, searched at C speed, and the way back to ``text``'s positions."""

    def __init__(self, text: str) -> None:
        flat = text.translate(_QUOTES).translate(_DASHES)  # one character for one
        self.runs = [(m.start(), m.end()) for m in _RUN.finditer(flat)]
        self.text = _RUN.sub(" ", flat)

    def original(self, at: int) -> int:
        """Where the folded text's character ``at`` starts in the original text."""
        removed = 0
        for start, end in self.runs:
            if start - removed > at:
                break
            if start - removed == at:
                return start
            removed += end - start - 1
        return at + removed


@attrs.frozen
class Passage:
    """A stretch ``[start, end)`` of an article close to a quote; ``differs`` names the
    near-misses that explain the difference (empty: it is only similar)."""

    start: int
    end: int
    text: str
    differs: tuple[str, ...] = ()

    def describe(self) -> str:
        """For a message: the passage, where it is, and why it differs when that is known."""
        shown = self.text if len(self.text) <= _SHOWN else self.text[:_SHOWN - 1] + "\u2026"
        where = f"the closest passage is {shown!r} (characters {self.start}-{self.end})"
        if self.differs:
            return f"{where}, which differs only in {' and '.join(self.differs)}"
        return where


def closest_passage(text: str, quote: str) -> Passage | None:
    """The passage of ``text`` that ``quote`` most probably meant, or ``None`` when none is
    close; a typographic near-miss is found exactly, anything else by similarity."""
    if not quote.strip():
        return None
    folded = _Folded(text)
    for trim in (False, True):  # white space at the ends of a quote may not be in the text
        folded_quote = _fold(quote.strip() if trim else quote)
        at = folded.text.find(folded_quote)
        if at >= 0:
            start = folded.original(at)
            end = folded.original(at + len(folded_quote) - 1) + 1
            passage = text[start:end]
            differs = tuple(
                name for i, (name, _) in enumerate(_FOLDS)
                if _fold(passage, skip=i) != _fold(quote.strip() if trim else quote, skip=i))
            return Passage(start, end, passage, differs)
    return _similar(text, quote)


def _similar(text: str, quote: str) -> Passage | None:
    """The passage around the longest run ``quote`` shares with ``text``, if alike enough."""
    if not text or len(text) > LONG:
        return None
    probe = quote[:max(20, _BUDGET // len(text))]
    matcher = difflib.SequenceMatcher(None, text, probe)
    match = matcher.find_longest_match(0, len(text), 0, len(probe))
    if match.size < 3:
        return None
    start = max(0, match.a - match.b)
    end = min(len(text), start + len(quote))
    passage = text[start:end]
    alike = difflib.SequenceMatcher(None, passage, quote)
    # ratio() is quadratic in the worst case: an upper bound will do for a long quote.
    if (alike.ratio() if len(quote) <= 2000 else alike.quick_ratio()) < _CLOSE:
        return None
    return Passage(start, end, passage)


__all__ = ["LONG", "Passage", "closest_passage"]
