"""Sentences, clauses and words of an article, each with its exact character span.

A statement's quote is a span of the article, so every piece here is one: sentences are
cut where the tagger ends them (``timeline.tagger.tense``: a full stop, "!" or "?" before
a capital, not after an abbreviation such as "Sept." or "U.S."), and also where news text
ends them without the tagger's pattern: after a closing quote (``said.” The``), before
an opening backquote (TimeBank's ````I want``), and at a line break before a line that
does not continue the sentence (a headline, a paragraph, a bullet). A ";" or ":" the
tagger stops at joins two clauses of one sentence instead. Clauses split at those and at
a comma before a joining word ("and", "while") only when each side has a verb of its own
(the caller says what a verb is), so "Paris, London and Rome" stays whole. Every step is
one pass over the text with patterns that cannot backtrack.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

import attrs

from timeline.draft.candidate import Span
from timeline.draft.words import fold
from timeline.tagger.scan import default_scanner
from timeline.tagger.tense import TenseCues

#: A sentence end the tagger's pattern leaves out: punctuation and closing quotes before a
#: blank and a capital or an opening quote (backquotes too).
_QUOTED_END = re.compile(r"[.!?][\"'\u201d\u2019)]{1,3}(?=\s)|[.!?](?=\s+`)")
_NEXT_STARTS = re.compile(r"\s*[`\"'\u201c\u2018(]{0,2}[A-Z0-9]")
#: A line that opens with a bullet.
_BULLET = re.compile(r"[ \t]*(?:[-\u2022*\u2013\u2014]|\d{1,2}[.)])[ \t]")
#: Word pieces: letters and digits; a piece joined to the next by one apostrophe, dot or
#: hyphen is one word with it ("U.S.", "Russia’s", "European-backed", "2025-02-24"), and
#: so is a figure's thousands comma ("3,027,330").
_PIECE = r"[^\W_]+"
#: Pieces joined by an apostrophe, dot or hyphen, or a dotted name's possessive ("U.S.'s").
#: The joiners are no piece's characters, so the match cannot backtrack far.
_JOINED = re.compile(rf"{_PIECE}(?:(?:[.'\u2019-]|\.['\u2019]){_PIECE})*")
_DETACHED_POSSESSIVE = frozenset((" '", " \u2019"))


@attrs.frozen
class Token:
    """A word: its span, its text, the form it is looked up by, and how it is written."""

    start: int
    end: int
    text: str
    #: Lower case, straight apostrophe, no possessive ``'s`` (``words.fold``).
    folded: str
    #: Written with a possessive ``'s`` ("Monday's").
    possessive: bool
    #: Starts with a capital letter.
    capital: bool


@cache
def _cues() -> TenseCues:
    return TenseCues(default_scanner().rules.lexicon.cues)


def sentences(text: str) -> list[Span]:
    """The sentences of ``text`` as spans, in order, without surrounding blanks or a
    leading bullet."""
    cues = _cues()
    out: list[Span] = []
    for lo, hi in _lines(text):
        stops = {at for at, _ in cues.stops(text, lo, hi) if text[at] in ".!?"}
        ends = sorted({at + 1 for at in stops}
                      | {m.end() for m in _QUOTED_END.finditer(text, lo, hi)
                         if cues.ends_sentence(text, m.start())
                         and _NEXT_STARTS.match(text, m.end()) is not None})
        start = lo
        for end in ends:
            if start < end <= hi:
                _add(text, start, end, out)
                start = end
        _add(text, start, hi, out)
    return out


def _lines(text: str) -> list[Span]:
    """Paragraphs: lines, a line joined to the next when that one continues it (starts
    in lower case, not with a bullet, after no full stop: "iOS 4 ships" starts one)."""
    out: list[Span] = []
    start = 0
    at = text.find("\n")
    while at >= 0:
        rest = text[at + 1:at + 3].lstrip(" \t")
        ended = text[max(start, at - 4):at].rstrip().rstrip("\"'\u201d\u2019)").endswith(
            (".", "!", "?"))
        continues = (bool(rest) and rest[0].islower() and not ended
                     and _BULLET.match(text, at + 1) is None)
        if not continues:
            out.append((start, at))
            start = at + 1
        at = text.find("\n", at + 1)
    out.append((start, len(text)))
    return out


def _add(text: str, start: int, end: int, out: list[Span]) -> None:
    bullet = _BULLET.match(text, start, end)
    if bullet is not None:
        start = bullet.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and any(c.isalnum() for c in text[start:end]):
        out.append((start, end))


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The words of ``text[start:end]``, in order."""
    # Pieces joined by one joiner or a dotted possessive come whole from ``_JOINED``; a
    # thousands comma (digits on both sides, as ``str.isdigit`` says) joins here.
    joined = [(m.start(), m.end()) for m in _JOINED.finditer(text, start, end)]
    out: list[Token] = []
    i = 0
    while i < len(joined):
        lo, hi = joined[i]
        while (i + 1 < len(joined) and joined[i + 1][0] == hi + 1 and text[hi] == ","
               and text[hi - 1].isdigit() and text[hi + 1].isdigit()):
            i += 1
            hi = joined[i][1]
        if hi < end and text[hi] == "." and "." in text[lo:hi]:
            hi += 1  # "U.S." keeps its last dot
        word = text[lo:hi]
        plain = word.lower().replace("\u2019", "'")
        if (out and word.lower() == "s" and text[lo - 2:lo] in _DETACHED_POSSESSIVE
                and out[-1].end == lo - 2):
            # Tokenised text ("Apple 's shop"): the possessive belongs to the word before.
            out[-1] = attrs.evolve(out[-1], possessive=True)
        out.append(Token(lo, hi, word, fold(word).rstrip("."),
                         plain.endswith(("'s", "s'")), word[:1].isupper()))
        i += 1
    return out


def clauses(text: str, span: Span, words: Sequence[Token], *,
            has_verb: Callable[[Sequence[Token]], bool],
            coordinators: frozenset[str], subordinators: frozenset[tuple[str, ...]]
            ) -> list[tuple[Span, list[Token]]]:
    """The clauses of the sentence ``text[span]`` (whose words are ``words``): split at
    "; ", ": " and ", <joining word>" where each side has a verb of its own. A clause
    starts after a coordinator ("and") and at a subordinator ("while")."""
    start, end = span
    # (left's word end, right's first word, left's character end, right's character start)
    cuts: list[tuple[int, int, int, int]] = []
    for i, word in enumerate(words):
        if i == 0:
            continue
        gap = text[words[i - 1].end:word.start]
        mark = gap.strip()
        if mark in (";", ":"):
            cuts.append((i, i, words[i - 1].end + gap.index(mark), word.start))
        elif mark == ",":
            left_end = words[i - 1].end + gap.index(",")
            if word.folded in coordinators and i + 1 < len(words):
                cuts.append((i, i + 1, left_end, words[i + 1].start))
            elif any(tuple(w.folded for w in words[i:i + len(s)]) == s for s in subordinators):
                cuts.append((i, i, left_end, word.start))
    pieces: list[tuple[int, int, int, int]] = []  # (first word, last word + 1, start, end)
    first, lo = 0, start
    for left_stop, right_first, left_end, right_start in cuts:
        pieces.append((first, left_stop, lo, left_end))
        first, lo = right_first, right_start
    pieces.append((first, len(words), lo, end))
    known: dict[tuple[int, int], bool] = {}

    def verb_in(piece: tuple[int, int, int, int]) -> bool:
        """``has_verb`` of a piece's words, asked once a piece."""
        key = piece[0], piece[1]
        if key not in known:
            known[key] = has_verb(words[piece[0]:piece[1]])
        return known[key]

    merged: list[tuple[int, int, int, int]] = []
    for piece in pieces:
        if merged and not (verb_in(piece) and verb_in(merged[-1])):
            prev = merged.pop()
            piece = (prev[0], piece[1], prev[2], piece[3])
        merged.append(piece)
    # A verbless first piece was kept only for lack of a left neighbour: join it rightwards.
    if len(merged) > 1 and not verb_in(merged[0]):
        head, nxt = merged[0], merged[1]
        merged[:2] = [(head[0], nxt[1], head[2], nxt[3])]
    return [((lo, hi), list(words[a:b])) for a, b, lo, hi in merged]


__all__ = ["Token", "clauses", "sentences", "tokens"]
