"""Phrase mode: a whole text that must be exactly one time expression, resolved."""

from __future__ import annotations

from datetime import datetime

from timeline.errors import ResolveError
from timeline.tagger.context import Tense
from timeline.tagger.ranges import read_range
from timeline.tagger.scan import Mention, Scanner, default_scanner
from timeline.time.anchor import Anchor
from timeline.time.granularity import Granularity
from timeline.time.interval import FIRST_YEAR, LAST_YEAR, check_interval
from timeline.time.value import TimeValue

MAX_PHRASE = 1000  # a phrase longer than this is not one time expression
_TRAILING = ".,;:!?)\"'\u201d\u2019"


def resolve_mention(text: str, anchor: Anchor, *, tense: str | Tense | None = None,
                    date_order: str = "mdy", scanner: Scanner | None = None) -> Mention:
    """The single mention that covers all of ``text``; ``ResolveError`` naming the text otherwise.

    Surrounding blanks and closing punctuation ("last week.") are not part of the phrase.
    A range of two expressions ("from March 3 to March 5") is one mention whose value
    covers both (``timeline.tagger.ranges``).
    """
    if not isinstance(text, str):
        raise ResolveError(f"expected a text to resolve, got {type(text).__name__}")
    if len(text) > MAX_PHRASE:
        raise ResolveError(f"too long to be one time expression ({len(text)} characters): "
                           f"{text[:40]!r}...")
    phrase = text.strip()
    scanner = scanner or default_scanner()
    ctx = scanner.context(anchor, tense=tense, date_order=date_order, read_sentence=False)

    read: dict[str, Mention | None] = {}  # a range reads some of its parts more than once
    edges: list[tuple[int, int]] = []  # where the calendar's edge stopped a whole phrase

    def whole(candidate: str) -> Mention | None:
        if candidate not in read:
            found: list[tuple[int, int]] = []
            mentions = scanner.scan_context(candidate, ctx, found)
            edges.extend(span for span in found if span == (0, len(candidate)))
            read[candidate] = (mentions[0] if len(mentions) == 1 and mentions[0].start == 0
                               and mentions[0].end == len(candidate) else None)
        return read[candidate]

    candidates = [c for c in dict.fromkeys((phrase, phrase.rstrip(_TRAILING).rstrip())) if c]
    for candidate in candidates:
        mention = whole(candidate)
        if mention is not None:
            return mention
    for candidate in candidates:
        # Not one expression: perhaps a range of two ("from March 3 to March 5").
        mention = read_range(candidate, whole, scanner.rules.lexicon)
        if mention is not None:
            return mention
    if edges:
        raise ResolveError(
            f"{phrase!r} against {_written(ctx.anchor, ctx.anchor_granularity)} falls outside "
            f"the supported calendar (years {FIRST_YEAR} to {LAST_YEAR})")
    found = ", ".join(repr(m.text) for m in scanner.scan(phrase, anchor, tense=tense,
                                                          date_order=date_order))
    detail = f" (found only {found})" if found else ""
    raise ResolveError(f"not a time expression: {text!r}{detail}")


def _written(anchor: datetime, granularity: Granularity) -> str:
    """The anchor as the caller gave it: a date, or a date and time."""
    return anchor.date().isoformat() if granularity is Granularity.DAY else anchor.isoformat()


def resolve(text: str, anchor: Anchor, *, tense: str | Tense | None = None,
            date_order: str = "mdy") -> TimeValue:
    """Resolve one time expression against an anchor (an article's publication date: a
    date, a datetime or an ISO string).

    >>> resolve("last week", "2025-02-24").value
    '2025-W08'
    >>> resolve("Monday", "2025-02-25", tense="past").value
    '2025-02-24'
    """
    value = resolve_mention(text, anchor, tense=tense, date_order=date_order).value
    if value.interval is not None:  # near the calendar's edge, "in 300 years" may leave it
        check_interval(value.interval, what=repr(text))
    return value
