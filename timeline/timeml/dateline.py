"""Find the anchor of a plain text that came without one: its dateline.

News text often carries its own date near the top: a metadata line (``date 2025-02-24``,
``Published: Feb. 25, 2025``), a dateline under the byline (``February 25, 2025 at
11:38``) or one opening the story (``WASHINGTON (AP) — Feb. 25, 2025 — The vote ...``).

A dateline is absolute: it says its year. So the text's head is tagged against two anchors
far apart, and only a DATE or TIME whose value is the same under both (it did not use the
anchor) and names a whole calendar day or a moment in one is a candidate; a bare
"Monday" or "Feb. 25" never is. A candidate must also stand where a dateline stands:

- after a metadata label on its line (``date``, ``published``, ``updated``, ...); or
- near the start of its line (at most ``MAX_WORDS_BEFORE`` words before it, the last not
  a preposition: "On Feb. 24, 2022, Russia invaded" is a story, not a dateline) and near
  its end (at most ``MAX_WORDS_AFTER`` words after it, or a dash opening the story).

A parenthesised credit may stand between the date and the dash that opens the story
(``WASHINGTON, Feb. 24, 2025 (Reuters) - ...``).

The first candidate that qualifies, in text order, within the first ``HEAD`` characters,
is the dateline. Wire datelines often leave out the year (``WASHINGTON, Feb. 24 (Reuters)
-``): such a date used the anchor, so it is no candidate unless the caller knows the year
and passes it (``year=2025``), and then only after a label or before a dash or a credit
(a sentence ending "on Monday, Feb. 24." is no dateline); the ``Dateline`` says
``yearless``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timezone

import attrs

from timeline.tagger.scan import Mention, scan
from timeline.timeml.read import moment_of

#: How far into the text a dateline may start (characters).
HEAD = 600
#: Words a dateline may follow on its line without a label ("WASHINGTON (AP) —").
MAX_WORDS_BEFORE = 6
#: Words that may follow it on its line ("11:38 GMT" the tagger left out, "Updated").
MAX_WORDS_AFTER = 3

#: Words that mark a line as metadata: whatever date follows them is the text's own.
LABELS = frozenset({"date", "dated", "published", "posted", "updated", "filed", "modified",
                    "created", "issued", "released", "dateline", "pubdate"})
#: Words that make a date part of a sentence when they come right before it.
PREPOSITIONS = frozenset({"on", "in", "since", "by", "until", "till", "before", "after", "from",
                          "of", "to", "at", "for", "during", "between", "through", "than",
                          "around", "about", "as", "and", "or", "that", "when"})

#: Two anchors far apart: a value that comes out the same against both did not use it.
_ANCHORS = (date(1957, 5, 15), date(2083, 10, 20))
_WORD = re.compile(r"[^\W\d_]+|\d+")
_DASHES = "—–-|•·/"
#: A credit between a dateline and the dash opening the story: "(Reuters) -", "(AP) —".
_CREDIT = re.compile(r"\([^()\n]{1,40}\)")


@attrs.frozen
class Dateline:
    """The date a text gives itself: the moment, where it is, and why it was taken.

    ``why`` is ``"label"`` (a metadata label before it) or ``"position"`` (where it stands
    on its line). ``yearless`` is true when the text left out the year and the caller's
    ``year`` supplied it.
    """

    moment: date | datetime
    start: int
    end: int
    text: str
    value: str
    why: str
    yearless: bool = False


def _head(text: str, head: int) -> str:
    """The first ``head`` characters, extended to the end of that line (200 more at most),
    so that a dateline straddling the limit is not cut."""
    if len(text) <= head:
        return text
    newline = text.find("\n", head, head + 200)
    return text[:newline if newline >= 0 else head + 200]


def _flatten(mentions: list[Mention]) -> dict[tuple[int, int], Mention]:
    """Every mention and every mention inside one, by TIMEX3 extent (outermost first).

    Children count: a composite ("Tuesday, 25 Feb 2025 11:38") may resolve against the
    anchor where its part ("25 Feb 2025 11:38") does not.
    """
    found: dict[tuple[int, int], Mention] = {}
    stack = list(reversed(mentions))
    while stack:
        mention = stack.pop()
        found.setdefault(mention.extent, mention)
        stack.extend(reversed(mention.children))
    return found


def _alone(text: str, date_order: str) -> str | None:
    """The value of ``text`` tagged by itself against the second anchor, if it is one
    mention whole."""
    found = _flatten(scan(text, _ANCHORS[1], date_order=date_order)).get((0, len(text)))
    return None if found is None else found.value.value


def _absolute(head: str, date_order: str,
              year: int | None = None) -> Iterator[tuple[Mention, date | datetime, str]]:
    """DATE/TIME mentions whose value names a day or finer and does not depend on the anchor
    (with ``year``, also those that depend on it only for their year, read in ``year``),
    each with its moment and value, in text order (outer first).

    Lazily, and the head is tagged in full only once: a mention's own text tagged against
    the second anchor settles the common case (an absolute date comes out the same); only
    when it does not is the whole head tagged against the second anchor, as the rule says.
    """
    first = _flatten(scan(head, _ANCHORS[0], date_order=date_order))
    second: dict[tuple[int, int], Mention] | None = None
    for extent, mention in sorted(first.items(), key=lambda item: (item[0][0], -item[0][1])):
        if mention.value.type.value not in ("DATE", "TIME") or mention.value.mod is not None:
            continue
        value = mention.value.value
        other_value = _alone(head[extent[0]:extent[1]], date_order)
        if other_value != value:
            if second is None:
                second = _flatten(scan(head, _ANCHORS[1], date_order=date_order))
            other = second.get(extent)
            if other is None:
                continue
            other_value = other.value.value
        if value != other_value:
            if year is None or value[4:] != other_value[4:] or not value[4:].startswith("-"):
                continue
            value = f"{year:04d}{value[4:]}"
        moment = _zoned(moment_of(value), mention)
        if moment is not None:
            yield mention, moment, value


def _zoned(moment: date | datetime | None, mention: Mention) -> date | datetime | None:
    """The moment in the zone the mention stated ("11:38 GMT"): a TIMEX3 clock value is
    written without it, its interval keeps it (as a fixed offset, the offset of that day)."""
    interval = mention.value.interval
    if not isinstance(moment, datetime) or interval is None or interval.start is None:
        return moment
    offset = interval.start.utcoffset()
    return moment if offset is None else moment.replace(tzinfo=timezone(offset))


def _why(text: str, start: int, end: int, *, strict: bool = False) -> str | None:
    """``"label"`` or ``"position"`` if a date at ``[start, end)`` stands as a dateline;
    ``strict`` (a date without its year) takes a position only before a dash or credit."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = _WORD.findall(text[line_start:start].lower())
    after_text = text[end:len(text) if line_end < 0 else line_end]
    if LABELS.intersection(before):
        return "label"
    if len(before) > MAX_WORDS_BEFORE or (before and before[-1] in PREPOSITIONS):
        return None
    rest = after_text.strip()
    credit = _CREDIT.match(rest)
    if credit is not None:
        rest = rest[credit.end():].lstrip()
    if rest[:1] and rest[0] in _DASHES:
        return "position"
    if not strict and len(_WORD.findall(rest)) <= MAX_WORDS_AFTER:
        return "position"
    return None


def find_dateline(text: str, *, date_order: str = "mdy", head: int = HEAD,
                  year: int | None = None) -> Dateline | None:
    """The text's own date from its dateline or metadata line; ``None`` when it has none.

    ``year`` reads a dateline that leaves its year out ("WASHINGTON, Feb. 24 (Reuters) -")
    in that year; without it such a dateline is no dateline (the year would be invented).

    >>> line = find_dateline("Ukraine\\n\\nAuthor: L. Norman\\nFebruary 25, 2025 at 11:38\\n")
    >>> line.moment, line.why
    (datetime.datetime(2025, 2, 25, 11, 38), 'position')
    >>> find_dateline("On Feb. 24, 2022, Russia invaded Ukraine.") is None
    True
    """
    if not text.strip():
        return None
    prefix = _head(text, head)
    for mention, moment, value in _absolute(prefix, date_order, year):
        start, end = mention.extent
        if start > head:
            break
        why = _why(prefix, start, end, strict=value != mention.value.value)
        if why is not None:
            return Dateline(moment, start, end, text[start:end], value, why,
                            yearless=value != mention.value.value)
    return None


def dateline_anchor(text: str, *, date_order: str = "mdy") -> date | datetime | None:
    """The moment of ``find_dateline``, or ``None``."""
    found = find_dateline(text, date_order=date_order)
    return None if found is None else found.moment


__all__ = ["HEAD", "LABELS", "Dateline", "dateline_anchor", "find_dateline"]
