"""Phrase mode: a range said as one expression ("from March 3 to March 5", "between 2:30
p.m. and 4 p.m.", "Monday through Wednesday") resolved to one interval.

TimeML tags the two ends of a range as two TIMEX3s, and the running-text tagger does so
too (``scan.py`` only places them so that the range rises). A phrase resolved on its own
(``resolve``, a claim's ``when``) must be one value, so a phrase that is no single
expression is read here as a range before it is rejected. Nothing here runs on running
text. The conventions (``docs/conventions.md``, "A range as one expression"):

- The interval runs from the first end's start to the second end's end. A clock time ends
  at the instant it names ("between 2:30 p.m. and 4 p.m." ends at 16:00, not at the end of
  that minute); any other end is held whole ("through Wednesday" holds Wednesday, "from
  March 3 to March 5" holds March 5: news English gives dates inclusively).
- An end takes from the other what it lacks: the meridiem ("from 9 to 11 a.m.", the one of
  the two that makes the shorter range: "from 11 to 1 p.m." starts at 11 a.m.), the zone
  ("from 2 to 4 p.m. ET"), the month of a bare day ("March 3 - 5"), the year and the day
  (``scan.range_ends``, the same placing running text gets, which also makes the range
  rise: "from November to February" ends in the February after). A date before the
  opener is the day of both clock times ("Monday from 2 p.m. to 4 p.m.").
- The value is the smallest calendar unit holding the whole interval, as for "March
  20-21" (``edtf.describe``: a week, a month, a day for clock times on one day), with the
  interval kept exactly; its EDTF is the interval (``2025-03-03/2025-03-05``).
- Ends of different sizes make the honest hull ("from Monday to 2027" runs from Monday to
  the end of 2027): the words name both ends, and nothing in them says to narrow either;
  an end open on its side leaves the range open there ("from before 2020 to 2022").
  A length or a set is no end (``ResolveError``), and so is an end before its start once
  placed ("from March 5, 2025 to March 3, 2025").
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import timedelta

import attrs

from timeline.errors import ResolveError
from timeline.tagger.rules import WINDOW, Lexicon
from timeline.tagger.scan import Mention, found_by, range_end, range_ends
from timeline.time.edtf import describe
from timeline.time.interval import Interval, is_before, is_floating
from timeline.time.value import TimexType

#: What reads a text as exactly one time expression (``None`` when it is not one).
Reader = Callable[[str], Mention | None]

#: A bare number that may be a clock time once it has a meridiem ("9", "2:30") or a day of a
#: month once it has a month ("5", "5th").
_BARE_CLOCK = re.compile(r"(?:1[0-2]|0?[1-9])(?::[0-5][0-9])?")
_BARE_DAY = re.compile(r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?", re.IGNORECASE)
_DASH = r"\s*[-\u2013]\s*"
#: How many places a phrase is tried split at: an ISO date's dashes and the joining word,
#: with room to spare; bounds the work a phrase of dashes can ask for.
_SPLITS = 12


@attrs.frozen
class _Grammar:
    """The words that open a range and join its ends (the lexicon's cues)."""

    opens: re.Pattern[str]
    joins: re.Pattern[str]
    ands: re.Pattern[str]
    between: frozenset[str]


def _words(words: Sequence[str]) -> str:
    """An alternation of the words, longest first; one that matches nothing for none."""
    found = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word) for word in found) or "(?!)"


@functools.lru_cache(maxsize=8)
def _grammar_of(starts: tuple[str, ...], betweens: tuple[str, ...], joins: tuple[str, ...],
                ands: tuple[str, ...]) -> _Grammar:
    return _Grammar(
        opens=re.compile(rf"(?<!\w)({_words(starts)}|{_words(betweens)})\s+", re.IGNORECASE),
        joins=re.compile(rf"\s+(?:{_words(joins)})\s+|{_DASH}", re.IGNORECASE),
        ands=re.compile(rf"\s+(?:{_words(ands)})\s+", re.IGNORECASE),
        between=frozenset(word.lower() for word in betweens))


def _grammar(lexicon: Lexicon) -> _Grammar:
    """The grammar of a lexicon's cues, compiled once."""
    cues = lexicon.cues
    return _grammar_of(*(tuple(cues.get(name, ())) for name in (
        "range_from", "range_between", "range_joins", "range_and")))


def read_range(phrase: str, read: Reader, lexicon: Lexicon) -> Mention | None:
    """The phrase as one range of two time expressions; ``None`` when it is no range, so
    that the caller rejects it as it would have; ``ResolveError`` naming the phrase when it
    is one whose ends make none (a length, an end before its start)."""
    if len(phrase) > 2 * WINDOW:
        return None  # each end is one expression, and none is longer than the window
    grammar = _grammar(lexicon)
    opener = grammar.opens.search(phrase)
    day: str | None = None
    if opener is None:
        body, joins = phrase, grammar.joins
    else:
        body = phrase[opener.end():]
        joins = grammar.ands if opener.group(1).lower() in grammar.between else grammar.joins
        if opener.start() > 0:
            day = phrase[:opener.start()].rstrip(" ,")
            said = read(day)
            if said is None or said.value.type is not TimexType.DATE:
                return None
        else:
            whole = read(body)
            if (whole is not None and whole.match is not None
                    and whole.match.rule.params.get("range")):
                # "from March 3 to 5": a range of its own ("March 3 to 5") after "from".
                return attrs.evolve(whole, start=0, end=len(phrase), text=phrase,
                                    extent=(0, len(phrase)), children=(whole,))
    for join in itertools.islice(joins.finditer(body), _SPLITS):
        left, right = body[:join.start()].strip(), body[join.end():].strip()
        if not left or not right:
            continue
        ends = _ends(left, right, read, lexicon, day)
        if ends is not None:
            return _range(phrase, *ends)
    return None


def _ends(left: str, right: str, read: Reader, lexicon: Lexicon,
          day: str | None) -> tuple[Mention, Mention] | None:
    """The two ends read, each taking from the other what it lacks; of the readings a
    shared meridiem allows, the one that makes the shorter rising range."""
    best: tuple[Mention, Mention] | None = None
    shortest: timedelta | None = None
    for first_text, last_text in _readings(left, right, read, lexicon):
        if day is not None:
            first_text = f"{first_text} {day}"  # "2 p.m. Monday", as time.time-date reads it
        first, last = read(first_text), read(last_text)
        if first is None or last is None:
            continue
        if day is not None and TimexType.DATE in (first.value.type, last.value.type):
            return None  # a day before "from" is the day of clock times
        first, last = range_ends(first, last)
        length = _length(first, last)
        if best is None or (length is not None and (shortest is None or length < shortest)):
            best, shortest = (first, last), length
    return best


def _readings(left: str, right: str, read: Reader,
              lexicon: Lexicon) -> Iterator[tuple[str, str]]:
    """The texts of the two ends, and those with what one lacks taken from the other: a
    meridiem (either one, "from 11 to 1 p.m."), a zone, a month for a bare day."""
    yield left, right
    for bare, said, bare_first in ((left, right, True), (right, left, False)):
        other = read(said)
        if other is None:
            continue
        for text in _completed(bare, other, read, lexicon):
            yield (text, said) if bare_first else (said, text)


def _completed(bare: str, other: Mention, read: Reader, lexicon: Lexicon) -> Iterator[str]:
    """The end ``bare`` with what ``other`` states and it lacks: the month of a bare day,
    the meridiem and the zone of a clock time."""
    if _BARE_DAY.fullmatch(bare):
        month = found_by(other, lambda m: m.has("month") and m.has("day"))
        if month is not None and month.match is not None:
            name = month.match.text("month")
            yield f"{name} {bare}"
            yield f"{bare} {name}"
    mention = read(bare)
    if mention is None:
        if not _BARE_CLOCK.fullmatch(bare):
            return
        unmarked, zoned = True, False  # "9": a clock time once it has a meridiem
    else:
        clock = found_by(mention, lambda m: m.has("hour"))
        if (mention.value.type is not TimexType.TIME or clock is None or clock.match is None
                or found_by(mention, lambda m: m.has("date") or m.has("year")) is not None):
            return
        unmarked = (not clock.match.has("ampm") and clock.match.has("minute")
                    and clock.match.text("hour").isdigit()
                    and 1 <= int(clock.match.text("hour")) <= 12)
        zoned = found_by(mention, lambda m: m.has("zone")) is not None
    marked = found_by(other, lambda m: m.has("ampm"))
    zone_of = None if zoned else found_by(other, lambda m: m.has("zone"))
    zone = "" if zone_of is None or zone_of.match is None else " " + zone_of.match.text("zone")
    words: list[str] = [""]
    if unmarked and marked is not None and marked.match is not None:
        meridiem = marked.match.text("ampm")
        words = [" " + meridiem]
        other_word = _other_meridiem(meridiem, lexicon)
        if other_word is not None:
            words.append(" " + other_word)
    for word in words:
        if word or zone:
            yield f"{bare}{word}{zone}"


def _other_meridiem(word: str, lexicon: Lexicon) -> str | None:
    """The other meridiem spelled as ``word`` is ("p.m." for "a.m.", "AM" for "PM")."""
    value = lexicon.value("meridiem", word)
    for candidate in lexicon.categories.get("meridiem", {}):
        if lexicon.value("meridiem", candidate) != value and candidate[1:] == word[1:].lower():
            return candidate if word[:1].islower() else candidate.upper()
    return None


def _length(first: Mention, last: Mention) -> timedelta | None:
    """How long the range from the first end's start to the second's end is; ``None`` when
    that makes no range (an end before the start, a zone on one end only, an open end)."""
    interval = first.value.interval
    start = None if interval is None else interval.start
    end = range_end(last.value)
    if (start is None or end is None or is_floating(start) != is_floating(end)
            or not is_before(start, end)):
        return None  # a zone on one end only: how long it lasts depends on the zone
    return end - start


def _range(phrase: str, first: Mention, last: Mention) -> Mention:
    """One mention for the whole phrase, its value the smallest unit holding the range."""
    for side in (first, last):
        if side.value.type not in (TimexType.DATE, TimexType.TIME):
            raise ResolveError(f"not a range of dates or times: {phrase!r} ({side.text!r} is "
                               f"a {side.value.type.value.lower()}, not a date or a time)")
        if side.value.interval is None:
            raise ResolveError(f"not a range: {phrase!r} ({side.text!r}, "
                               f"{side.value.value}, names no place in time)")
    interval = first.value.interval
    assert interval is not None
    start, end = interval.start, range_end(last.value)
    if start is not None and end is not None:
        if is_floating(start) != is_floating(end):
            raise ResolveError(f"not a range: {phrase!r} has a zone on one end only "
                               f"({first.text!r}, {last.text!r})")
        if not is_before(start, end):
            raise ResolveError(
                f"not a range: {phrase!r} ends ({last.text!r}, {last.value.value}) before "
                f"it starts ({first.text!r}, {first.value.value})")
    span = Interval(start, end)
    value = describe(span)
    return Mention(0, len(phrase), phrase, "range", value, (0, len(phrase)), (first, last))

