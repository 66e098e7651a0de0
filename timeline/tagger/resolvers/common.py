"""Pieces every resolver uses: numbers in words, units, and picking a granule by direction."""

from __future__ import annotations

from datetime import datetime, timedelta
from fractions import Fraction

import attrs

from timeline.errors import ResolveError
from timeline.tagger.context import Context, Tense
from timeline.tagger.rules import Lexicon
from timeline.time.duration import Duration, Unit
from timeline.time.granularity import Granularity, floor, shift
from timeline.time.interval import Interval
from timeline.time.value import Mod, TimeValue, TimexType

#: Lexicon unit names to granularities (a fortnight is two weeks: see ``unit_step``).
GRANULARITY_OF_UNIT = {
    "second": Granularity.SECOND,
    "minute": Granularity.MINUTE,
    "hour": Granularity.HOUR,
    "day": Granularity.DAY,
    "week": Granularity.WEEK,
    "fortnight": Granularity.WEEK,
    "weekend": Granularity.WEEKEND,
    "month": Granularity.MONTH,
    "quarter": Granularity.QUARTER,
    "year": Granularity.YEAR,
    "decade": Granularity.DECADE,
    "century": Granularity.CENTURY,
    "millennium": Granularity.CENTURY,
}

#: Lexicon unit names to TIMEX3 duration units and how many of them one unit is.
DURATION_OF_UNIT: dict[str, tuple[Unit, int]] = {
    "second": (Unit.SECOND, 1),
    "minute": (Unit.MINUTE, 1),
    "hour": (Unit.HOUR, 1),
    "day": (Unit.DAY, 1),
    "week": (Unit.WEEK, 1),
    "fortnight": (Unit.WEEK, 2),
    "weekend": (Unit.WEEKEND, 1),
    "month": (Unit.MONTH, 1),
    "quarter": (Unit.QUARTER, 1),
    "year": (Unit.YEAR, 1),
    "decade": (Unit.DECADE, 1),
    "century": (Unit.CENTURY, 1),
    "millennium": (Unit.MILLENNIUM, 1),
}


def closed(value: TimeValue) -> tuple[datetime, datetime]:
    """The start and end of a value's interval; ``ResolveError`` when it has no bounded one
    ("the past few days" is ``PAST_REF``: no day to take a part or a weekday of)."""
    interval = value.interval
    if interval is None or interval.start is None or interval.end is None:
        raise ResolveError(f"{value.value} has no bounded interval")
    return interval.start, interval.end


def loose_mod(amount: str | None, lexicon: Lexicon) -> Mod | None:
    """APPROX for an amount said loosely ("a couple of": two, give or take), else ``None``."""
    words = " ".join((amount or "").lower().split())
    if not lexicon.has("approximate_amount", words):
        return None
    return Mod(lexicon.value("approximate_amount", words))


def number(text: str, lexicon: Lexicon) -> Fraction | None:
    """The amount a number phrase says: digits, words ("twenty-one"), "a"; ``None`` for "a few".

    >>> from timeline.tagger.rules import load_lexicon
    >>> number("twenty-one", load_lexicon()), number("1,000", load_lexicon())
    (Fraction(21, 1), Fraction(1000, 1))
    """
    words = " ".join(text.lower().replace("-", " ").split())
    if lexicon.has("vague_amount", words):
        amount = lexicon.value("vague_amount", words)
        return None if amount == "X" else Fraction(amount)
    if lexicon.has("article", words):
        return Fraction(lexicon.value("article", words))
    digits = words.replace(",", "")
    half = digits.endswith(" 1/2")  # a mixed number: "2 1/2"
    if half:
        digits = digits[:-4]
    if digits.replace(".", "", 1).isdigit():
        return Fraction(digits) + (Fraction(1, 2) if half else 0)
    # "two thousand five hundred and six": each "hundred" scales the group before it,
    # each "thousand" closes a group; "a hundred" is one hundred.
    total = group = 0
    parts = words.split()
    for i, word in enumerate(parts):
        for category in ("unit_digit", "teen", "tens"):
            if lexicon.has(category, word):
                group += int(lexicon.value(category, word))
                break
        else:
            if lexicon.has("big_number", word):
                size = int(lexicon.value("big_number", word))
                if size < 1000:
                    group = max(group, 1) * size
                else:
                    total, group = total + max(group, 1) * size, 0
            elif not (word == "and" or (i == 0 and lexicon.has("article", word))):
                raise ResolveError(f"not a number: {text!r}")
    return Fraction(total + group)


def whole(amount: Fraction | None, text: str) -> int:
    """An amount that must be a known whole number ("three weeks ago", not "a few")."""
    if amount is None or amount.denominator != 1:
        raise ResolveError(f"needs a whole number: {text!r}")
    return int(amount)


def unit_name(text: str, lexicon: Lexicon) -> str:
    return str(lexicon.value("unit", text))


def is_plural(text: str, unit: str) -> bool:
    """Whether a unit word is plural: its last word is not the lexicon's singular name
    ("days", "trading days"; "a trading day" is singular)."""
    words = text.lower().split()
    return not words or words[-1] != unit


def granularity_of(text: str, lexicon: Lexicon) -> Granularity:
    """The granularity a unit word names ("weeks" -> WEEK)."""
    return GRANULARITY_OF_UNIT[unit_name(text, lexicon)]


def unit_count(unit: str, amount: int) -> tuple[Granularity, int]:
    """Granularity and count for ``amount`` units: a fortnight is two weeks, a millennium
    ten centuries."""
    if unit == "fortnight":
        return Granularity.WEEK, amount * 2
    if unit == "millennium":
        return Granularity.CENTURY, amount * 10
    return GRANULARITY_OF_UNIT[unit], amount


def direction(ctx: Context) -> Tense | None:
    return ctx.tense


def counted_reference(ctx: Context, value: str, unit: str, interval: Interval) -> TimeValue:
    """A reference value (``PAST_REF``, ``FUTURE_REF``) counted in ``unit`` ("a few days
    ago", "in recent weeks", "in future quarters"): when, not how long."""
    return attrs.evolve(TimeValue.reference(value, ctx.interval), interval=interval,
                        granularity=unit_count(unit, 0)[0])


def spanning(interval: Interval) -> TimeValue:
    """A DATE for days that make no one calendar granule (Ramadan, "March 20-21"): the
    interval exactly, named by the smallest period holding it (``edtf.describe``)."""
    from timeline.time.edtf import describe

    named = describe(interval)
    return TimeValue(TimexType.DATE, named.value, named.mod, interval, named.granularity)


def nearest_weekday(ctx: Context, weekday: int) -> datetime:
    """The day named by a bare weekday, by the tense.

    Past: the most recent such day on or before the anchor; future: the next on or
    after it; present or unknown: the nearest, ties going to the past (news reports more
    than it announces). The anchor's own weekday is the anchor's day in every case.
    """
    day = ctx.day
    back = (day.isoweekday() - weekday) % 7
    forward = (weekday - day.isoweekday()) % 7
    if ctx.tense is Tense.PAST:
        return day - timedelta(days=back)
    if ctx.tense is Tense.FUTURE:
        return day + timedelta(days=forward)
    return day - timedelta(days=back) if back <= forward else day + timedelta(days=forward)


def nearest_granule(ctx: Context, granularity: Granularity, this_cycle: datetime,
                    cycle: Granularity) -> datetime:
    """Of the granules one ``cycle`` apart from ``this_cycle``, the one the tense points to.

    Used for bare months ("in March": the March of the anchor's year, or of the year
    before or after) and seasons. The anchor's own granule counts as both past and
    future. With no tense the past one wins unless the future one is less than two thirds
    as far: news reports more than it announces, and a date months off with no verb to
    direct it is more often one reported ("from $29.75 in March", written in October).
    """
    current = floor(granularity, ctx.anchor)
    candidates = [shift(cycle, this_cycle, k) for k in (-1, 0, 1)]
    past = [c for c in candidates if c <= current]
    future = [c for c in candidates if c >= current]
    if ctx.tense is Tense.PAST:
        return max(past)
    if ctx.tense is Tense.FUTURE:
        return min(future)
    before, after = max(past), min(future)
    by_month = granularity >= Granularity.MONTH
    back = _distance(before, current, by_month)
    return before if 2 * back <= 3 * _distance(current, after, by_month) else after


def _distance(earlier: datetime, later: datetime, by_month: bool) -> int:
    """Calendar months between month-aligned granules (so two quarters back and two ahead
    tie, however many days each side has), days otherwise."""
    if by_month:
        return (later.year - earlier.year) * 12 + later.month - earlier.month
    return (later - earlier).days


#: The granularity a length written in each unit has ("P3Y" is year-grained).
GRANULARITY_OF_DURATION_UNIT: dict[Unit, Granularity] = {
    Unit.MILLENNIUM: Granularity.CENTURY,
    Unit.CENTURY: Granularity.CENTURY,
    Unit.DECADE: Granularity.DECADE,
    Unit.YEAR: Granularity.YEAR,
    Unit.HALF: Granularity.HALF,
    Unit.QUARTER: Granularity.QUARTER,
    Unit.MONTH: Granularity.MONTH,
    Unit.WEEK: Granularity.WEEK,
    Unit.WEEKEND: Granularity.WEEKEND,
    Unit.DAY: Granularity.DAY,
    Unit.HOUR: Granularity.HOUR,
    Unit.MINUTE: Granularity.MINUTE,
    Unit.SECOND: Granularity.SECOND,
}

UNIT_ORDER = list(Unit)  # coarsest first, as TIMEX3 writes the parts


def length_of(amount: Fraction | None, unit: str) -> Duration:
    """``amount`` units as a TIMEX3 length; ``None`` is X. A fortnight is written as two weeks."""
    duration_unit, per = DURATION_OF_UNIT[unit]
    return Duration.of(duration_unit, None if amount is None else amount * per)


def granularity_of_length(duration: Duration) -> Granularity:
    """The finest unit of a length, as a granularity ("P3Y2M" is month-grained)."""
    finest = max((unit for unit, _ in duration.parts), key=UNIT_ORDER.index)
    return GRANULARITY_OF_DURATION_UNIT[finest]
