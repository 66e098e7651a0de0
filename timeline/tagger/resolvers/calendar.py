"""Resolvers for calendar dates: days, months, years, decades, centuries, quarters, halves and
seasons named outright ("February 25, 2025", "the 1990s", "Q3 2024").

A form that leaves the year out ("Feb. 25", "in March", "the fourth quarter") takes the
year that puts it nearest the anchor in the tense's direction, as bare weekdays do
(``nearest_weekday``): news mostly reports, so with no tense ties go to the past.
"""

from __future__ import annotations

import functools
from datetime import datetime, timedelta

import attrs

from timeline.errors import ResolveError
from timeline.tagger.context import CalendarEdge, Context, Tense
from timeline.tagger.resolvers import Resolver, resolver
from timeline.tagger.resolvers.common import closed, nearest_granule, spanning
from timeline.tagger.scan import Match
from timeline.time.duration import Duration
from timeline.time.granularity import Granularity, Season, floor, shift
from timeline.time.interval import Interval
from timeline.time.value import TimeValue

#: Years a two-digit year ("2/25/25") may stand for: from this many years before the
#: anchor's to ``_TWO_DIGIT_AHEAD`` after it ("70" is 1970 in 2025, "45" is 2045).
_TWO_DIGIT_BEHIND = 79
_TWO_DIGIT_AHEAD = 20

#: How far a yearless day looks for its year: far enough to reach a leap day.
_LEAP_REACH = 4


def in_calendar(function: Resolver) -> Resolver:
    """Turn a date beyond Python's calendar (before year 1, after 9999) into "no mention".

    Only an anchor near those ends can take a granule there; the text is still read,
    the expression is just left out, as for "February 30".
    """

    @functools.wraps(function)
    def bounded(m: Match, ctx: Context) -> TimeValue:
        try:
            return function(m, ctx)
        except ResolveError:
            raise
        except (ValueError, OverflowError) as exc:
            raise CalendarEdge(f"rule {m.rule.id!r}: outside the calendar ({exc})") from None

    return bounded



def _month(m: Match, ctx: Context) -> int:
    """The month a group names, in digits ("02") or words ("Feb.").

    English capitalises month names, so a lower-case "august" is the adjective and
    "may" the verb: the rule fits, the reading does not.
    """
    text = m.text("month")
    if text.isdigit():
        return int(text)
    if not text[0].isupper():
        raise ResolveError(f"a month name is capitalised, not {text!r}")
    return int(ctx.lexicon.value("month", text))


def _day(m: Match, ctx: Context) -> int:
    """The day of the month: "25", "25th", or "twenty-fifth"."""
    text = m.text("day")
    digits = text.rstrip("stndrhSTNDRH")
    if digits.isdigit():
        return int(digits)
    return int(ctx.lexicon.value("ordinal_day", text))


def _year(m: Match, ctx: Context) -> int | None:
    return _full_year(m.text("year"), ctx) if m.has("year") else None


def _at(ctx: Context, year: int, month: int = 1, day: int = 1) -> datetime:
    """Midnight starting a calendar day, in the anchor's frame (floating or aware).

    Keeping the anchor's frame lets ``nearest_granule`` compare it with the anchor.
    """
    try:
        return ctx.day.replace(year=year, month=month, day=day)
    except ValueError:
        raise ResolveError(f"no such day: {year:04d}-{month:02d}-{day:02d}") from None


#: How far a tense read from the sentence may send a month-day from the anchor.
_INFERRED_REACH = timedelta(days=92)


def pick_by_tense(ctx: Context, candidates: list[datetime], current: datetime) -> datetime:
    """Of candidate granule starts, the one the tense points to from ``current``.

    The anchor's own granule counts as both past and future; with no tense the past one
    wins unless the future one is less than two thirds as far (as ``nearest_granule``).
    """
    past = [c for c in candidates if c <= current]
    future = [c for c in candidates if c >= current]
    # A tense read from the sentence is a guess: it may pick the side, not move a date
    # without a year by most of one (news names the year of any date further off).
    reach = _INFERRED_REACH if ctx.inferred else None
    if ctx.tense is Tense.PAST and past and (reach is None or current - max(past) <= reach):
        return max(past)
    if ctx.tense is Tense.FUTURE and future and (
            reach is None or min(future) - current <= reach):
        return min(future)
    if not past:
        return min(future)
    if not future:
        return max(past)
    before, after = max(past), min(future)
    return before if 2 * (current - before) <= 3 * (after - current) else after


@resolver("day_of_month")
@in_calendar
def day_of_month(m: Match, ctx: Context) -> TimeValue:
    """the 25th: that day of the anchor's month, or of the month before or after, by tense.

    Months without that day ("the 31st" in February) are skipped.
    """
    day = _day(m, ctx)
    month_start = floor(Granularity.MONTH, ctx.day)
    candidates = []
    for k in (-1, 0, 1):
        start = shift(Granularity.MONTH, month_start, k)
        try:
            candidates.append(start.replace(day=day))
        except ValueError:
            continue
    if not candidates:
        raise ResolveError(f"no month near the anchor has a day {day}")
    return TimeValue.of_granule(Granularity.DAY, pick_by_tense(ctx, candidates, ctx.day))


@resolver("calendar_date")
@in_calendar
def calendar_date(m: Match, ctx: Context) -> TimeValue:
    """A day of the calendar: "February 25, 2025", "25 Feb", "the 25th of February", ISO.

    With no year, the nearest such day by the tense ("Feb. 25" on 24 February 2025 is
    the next day; "Dec. 5", with no tense, the December before). February 29 looks as far
    as the nearest leap year.
    """
    month, day = _month(m, ctx), _day(m, ctx)
    year = _year(m, ctx)
    if year is not None:
        return TimeValue.of_granule(Granularity.DAY, _at(ctx, year, month, day))
    here = ctx.day.year
    candidates = []
    for candidate in range(here - _LEAP_REACH, here + _LEAP_REACH + 1):
        try:
            candidates.append(ctx.day.replace(year=candidate, month=month, day=day))
        except ValueError:
            continue  # not in that year (February 29)
    if not candidates:
        raise ResolveError(f"no such day: {month:02d}-{day:02d}")
    return TimeValue.of_granule(Granularity.DAY, pick_by_tense(ctx, candidates, ctx.day))


@resolver("day_range")
@in_calendar
def day_range(m: Match, ctx: Context) -> TimeValue:
    """March 20-21, 20-21 March, between March 20 and 22: the days of one month from the
    first to the second, named by the smallest period holding them, the interval exactly
    those days."""
    if m.has("day_b"):  # the day first: "20-21 March"
        groups = {**m.groups, "month": m["month_b"], "day": m["day_b"], "day2": m["day2_b"]}
        m = attrs.evolve(m, groups=groups)
    first = calendar_date(m, ctx)
    assert first.interval is not None and first.interval.start is not None
    start = first.interval.start
    last = int(m.text("day2").rstrip("stndrhSTNDRH"))
    if last <= start.day:
        raise ResolveError(f"not a range of days: {m.text('day')} to {m.text('day2')}")
    return spanning(Interval(start, _at(ctx, start.year, start.month, last)
                             + timedelta(days=1)))


def _full_year(text: str, ctx: Context) -> int:
    """A year written with four digits, or two read within a window around the anchor's."""
    if len(text) == 4:
        return int(text)
    low = ctx.day.year - _TWO_DIGIT_BEHIND
    year = low - low % 100 + int(text)
    return year if year >= low else year + 100


@resolver("numeric_date")
@in_calendar
def numeric_date(m: Match, ctx: Context) -> TimeValue:
    """2/25/2025, 25/2/25, 25.02.2025: month first (``mdy``) or day first (``dmy``).

    A reading impossible in the context's order but possible in the other (25/2/2025 in
    ``mdy``) is taken the only way it can be read; a year of two digits is the one
    within ``_TWO_DIGIT_BEHIND`` years before the anchor's or ``_TWO_DIGIT_AHEAD`` after.
    """
    first, second = int(m.text("first")), int(m.text("second"))
    year = _full_year(m.text("year"), ctx)
    orders = [(first, second), (second, first)]
    if ctx.date_order == "dmy":
        orders.reverse()
    for month, day in orders:
        if 1 <= month <= 12:
            try:
                return TimeValue.of_granule(Granularity.DAY, _at(ctx, year, month, day))
            except ResolveError:
                continue
    raise ResolveError(f"not a date in either order: {m.groups}")


@resolver("year")
@in_calendar
def year(m: Match, ctx: Context) -> TimeValue:
    """A year written out ("1998", "in 2022"): the whole calendar year. Two digits ("FY25")
    are read as numeric dates read them (``_full_year``)."""
    return TimeValue.of_granule(Granularity.YEAR, _at(ctx, _full_year(m.text("year"), ctx)))


@resolver("spoken_year")
@in_calendar
def spoken_year(m: Match, ctx: Context) -> TimeValue:
    """A year said aloud: "nineteen ninety-six" (hundreds, then the rest), "two thousand
    and five"."""
    def words(text: str) -> int:
        total = 0
        for word in text.lower().replace("-", " ").split():
            for category in ("tens", "teen", "unit_digit"):
                if word in ctx.lexicon.categories[category]:
                    total += int(ctx.lexicon.value(category, word))
        return total

    if m.has("thousands"):
        return TimeValue.of_granule(Granularity.YEAR, _at(
            ctx, 2000 + (words(m.text("small")) if m.has("small") else 0)))
    rest = m.text("rest").lower()
    low = 0 if rest == "hundred" else words(rest)
    return TimeValue.of_granule(Granularity.YEAR, _at(ctx, words(m.text("hundreds")) * 100
                                                      + low))


@resolver("month")
@in_calendar
def month(m: Match, ctx: Context) -> TimeValue:
    """A month: with its year ("February 2025"), with this/last/next, or bare by the tense.

    Bare, it is the nearest such month in the tense's direction (``nearest_granule``).
    "last March" is the latest March that began before the anchor's month (not the month
    just ended within the same year: "last February" said in March is a year back),
    "next March" the first that begins after it, "this March" the one in the anchor's year.
    """
    number = _month(m, ctx)
    year_given = _year(m, ctx)
    if year_given is not None:
        return TimeValue.of_granule(Granularity.MONTH, _at(ctx, year_given, number))
    this_year = _at(ctx, ctx.day.year, number)
    which = m["dir"]
    if which is None:
        start = nearest_granule(ctx, Granularity.MONTH, this_year, Granularity.YEAR)
    else:
        offset = int(ctx.lexicon.value("this_next_last", which))
        current = floor(Granularity.MONTH, ctx.day)
        start = this_year
        # "Last February" said in March is not the month just ended, which English calls
        # "last month": it is the February of the year before. Across the new year the
        # month just ended is last year's own ("last December", said in January).
        just_ended = shift(Granularity.MONTH, current, -1)
        if offset < 0 and (start >= current or (start == just_ended
                                                and start.year == current.year)):
            start = shift(Granularity.YEAR, start, -1)
        elif offset > 0 and start <= current:
            start = shift(Granularity.YEAR, start, 1)
    return TimeValue.of_granule(Granularity.MONTH, start)


@resolver("season")
@in_calendar
def season(m: Match, ctx: Context) -> TimeValue:
    """A season: of a year ("summer 2024"; the winter of Y, or of "Y-Y+1", begins in
    December of Y) or bare by the tense ("in the spring")."""
    code = str(ctx.lexicon.value("season", m.text("season")))
    first_month = Season[code].value
    year_given = _year(m, ctx)
    if year_given is not None:
        if m.has("year2") and int(m.text("year2")) != (year_given + 1) % 100:
            raise ResolveError(f"{m.text('year2')} does not follow {year_given}")
        if m.has("year2") and code != "WI":
            raise ResolveError(f"only a winter spans two years, not {m.groups}")
        return TimeValue.of_granule(Granularity.SEASON, _at(ctx, year_given, first_month))
    this_year = _at(ctx, ctx.day.year, first_month)
    start = nearest_granule(ctx, Granularity.SEASON, this_year, Granularity.YEAR)
    return TimeValue.of_granule(Granularity.SEASON, start)


@resolver("decade")
@in_calendar
def decade(m: Match, ctx: Context) -> TimeValue:
    """The 1990s (``199``), the '90s, the nineties: the latest such decade not after the
    anchor's, unless the words give the century ("the nineteen-twenties").

    "The 1800s" and "the 1900s" name centuries in most writing (``18``, ``19``); "the
    2000s" is read as the decade, as "the early 2000s" almost always means.
    """
    if m.has("decade"):
        first = int(m.text("decade"))
        if first % 100 == 0 and first < 2000:
            return TimeValue.of_granule(Granularity.CENTURY, _at(ctx, first))
    elif m.has("century"):
        hundreds = 1900 if m.text("century").lower() == "nineteen" else 2000
        first = hundreds + 10 * int(ctx.lexicon.value("decade_word", m.text("word")))
    else:
        short = (int(m.text("short")) if m.has("short")
                 else 10 * int(ctx.lexicon.value("decade_word", m.text("word"))))
        this_decade = ctx.day.year // 10 * 10
        first = this_decade - (this_decade - short) % 100
    return TimeValue.of_granule(Granularity.DECADE, _at(ctx, first))


@resolver("century")
@in_calendar
def century(m: Match, ctx: Context) -> TimeValue:
    """The 19th century is 1800-1899 (TIMEX3 ``18``), as TimeML and the granules count."""
    ordinal = int(ctx.lexicon.value("ordinal", m.text("ordinal")))
    if ordinal < 2:
        raise ResolveError(f"no {m.text('ordinal')} century in this calendar")
    return TimeValue.of_granule(Granularity.CENTURY, _at(ctx, (ordinal - 1) * 100))


_PARTS = {"quarter": (Granularity.QUARTER, 4), "half": (Granularity.HALF, 2),
          "q": (Granularity.QUARTER, 4), "h": (Granularity.HALF, 2)}


@resolver("quarter")
@in_calendar
def quarter(m: Match, ctx: Context) -> TimeValue:
    """A quarter or half of a year: "Q3 2024", "H1 2025", "the first quarter", "the second half".

    With no year, the nearest such quarter by the tense: on 24 February 2025 "the first
    quarter" is 2025-Q1 (the anchor's own), "the fourth quarter" 2024-Q4 unless the tense
    points ahead ("profits in the fourth quarter" are usually reported after it).
    """
    granularity, count = _PARTS[m.text("unit").lower()]
    if m.has("number"):
        number = int(m.text("number"))
    else:
        number = int(ctx.lexicon.value("ordinal", m.text("ordinal")))
        number = count if number < 0 else number  # "the final quarter"
    if not 1 <= number <= count:
        raise ResolveError(f"a year has no {m.groups}")
    first_month = 1 + (number - 1) * 12 // count
    year_given = _year(m, ctx)
    if year_given is not None:
        return TimeValue.of_granule(granularity, _at(ctx, year_given, first_month))
    this_year = _at(ctx, ctx.day.year, first_month)
    return TimeValue.of_granule(granularity, nearest_granule(_reported(ctx), granularity,
                                                            this_year, Granularity.YEAR))


def _reported(ctx: Context) -> Context:
    """The context a period of results is read in. Results are told in the past tense once
    a quarter has begun ("earned $5 million in the first quarter"), so a past verb rules
    out periods still to come; a future verb in the sentence says nothing ("expects to
    report third-quarter results" looks back at a quarter). A tense the caller gives is
    taken as given."""
    if ctx.from_sentence and ctx.tense is not Tense.PAST:
        return ctx.with_tense(None)
    return ctx


@resolver("year_range")
@in_calendar
def year_range(m: Match, ctx: Context) -> TimeValue:
    """2024-25, 1990-91: the two years and those between, a span of years (issue 15).

    A TIMEX3 DATE value names one granule, and no granule is a span of years: the smallest
    holding one ("195" for "1957-58", "19" for "1959-60") reads as the decade or the
    century. TimeML gives a span its two ends as a DURATION (whose ``beginPoint`` and
    ``endPoint`` are the ends); kept as one TIMEX3, as TimeBank keeps a range, that is the
    DURATION of the years it touches (``P2Y``), with the interval holding them exactly.
    """
    first, last = _two_years(m)
    value = TimeValue.of_duration(Duration.from_timex(f"P{last - first + 1}Y"),
                                  interval=_years(ctx, first, last))
    return attrs.evolve(value, granularity=Granularity.YEAR)


@resolver("fiscal_year")
@in_calendar
def fiscal_year(m: Match, ctx: Context) -> TimeValue:
    """fiscal 1989, fiscal 2012/13: a company's or a state's year, named by the calendar
    year it ends in (the second of two). Told by two years, its months lie somewhere in
    both, so the interval is both."""
    if not m.has("year2"):
        return TimeValue.of_granule(Granularity.YEAR, _at(ctx, int(m.text("year")), 1))
    first, last = _two_years(m)
    value = TimeValue.of_granule(Granularity.YEAR, _at(ctx, last, 1))
    return attrs.evolve(value, interval=_years(ctx, first, last))


def _years(ctx: Context, first: int, last: int) -> Interval:
    """The years ``first`` to ``last``, both whole."""
    return Interval(_at(ctx, first, 1), _at(ctx, last + 1, 1))


def _two_years(m: Match) -> tuple[int, int]:
    """The years of "2024-25": the second written by its last two digits, after the first
    and less than ten years on ("1998-12" is a month, not a span said this way)."""
    first = int(m.text("year"))
    last = first - first % 100 + int(m.text("year2"))
    if last <= first:
        last += 100
    if last - first > 9:
        raise ResolveError(f"not a range of years: {m.text('year')}-{m.text('year2')}")
    return first, last


@resolver("half_of_year")
def half_of_year(m: Match, ctx: Context) -> TimeValue:
    """the last half of 1989, the front half of the year: that half of the year named."""
    inner = m.child("inner").value
    if (inner.granularity is not Granularity.YEAR or inner.mod is not None
            or inner.interval is None or inner.interval.start is None):
        raise ResolveError(f"a half of no year: {inner.value}")
    half = int(ctx.lexicon.value("half_side", m.text("side")))
    start = shift(Granularity.MONTH, inner.interval.start, 6 * (half - 1))
    return TimeValue.of_granule(Granularity.HALF, start)


@resolver("month_range_period")
@in_calendar
def month_range_period(m: Match, ctx: Context) -> TimeValue:
    """the January-March quarter, the April-September half, the July-August period: the
    months from the first to the second, named by the quarter or half they make, else by
    the smallest period holding them. Without a year, the first month is read as a quarter
    is (results come after their period, so a future verb says nothing)."""
    first = _month(m, ctx)
    last = _month(attrs.evolve(m, groups={**m.groups, "month": m["month2"]}), ctx)
    months = (last - first) % 12 + 1
    if months < 2:
        raise ResolveError(f"not a range of months: {m.text('month')}-{m.text('month2')}")
    year = _year(m, ctx)
    if year is not None:
        start = _at(ctx, year, first)
    else:
        start = nearest_granule(_reported(ctx), Granularity.MONTH,
                                _at(ctx, ctx.day.year, first), Granularity.YEAR)
    for granularity, size, firsts in ((Granularity.QUARTER, 3, (1, 4, 7, 10)),
                                      (Granularity.HALF, 6, (1, 7))):
        if months == size and first in firsts:
            return TimeValue.of_granule(granularity, start)
    return spanning(Interval(start, shift(Granularity.MONTH, start, months)))


#: Granularities a part of a year can have, and which rules may give it: only the forms
#: that leave the year out ("the first quarter", "February", "the summer").
_OF_YEAR = {Granularity.MONTH, Granularity.SEASON, Granularity.QUARTER, Granularity.HALF}
_YEARLESS_RULES = {"calendar.month", "calendar.may", "calendar.season", "calendar.quarter",
                   "calendar.q-quarter"}


@resolver("part_of")
@in_calendar
def part_of(m: Match, ctx: Context) -> TimeValue:
    """A part of a year or week given by another date: "the first quarter of 2024", "the
    summer of last year", "February of next year", "Monday of last week".

    The part keeps its place in the year (the winter of Y still begins in December of Y)
    or its weekday in the week.
    """
    part, whole = m.child("part"), m.child("inner").value
    if whole.mod is not None or whole.interval is None or whole.interval.start is None:
        raise ResolveError(f"cannot take a part of {whole.value}")
    start = part.value.interval.start if part.value.interval else None
    if start is None or part.value.mod is not None:
        raise ResolveError(f"{part.text!r} is not a part of a calendar unit")
    if (part.rule in _YEARLESS_RULES and part.value.granularity in _OF_YEAR
            and whole.granularity is Granularity.YEAR):
        moved = start.replace(year=whole.interval.start.year)
        assert part.value.granularity is not None
        return TimeValue.of_granule(part.value.granularity, moved)
    if (part.rule == "date.weekday" and part.value.granularity is Granularity.DAY
            and whole.granularity is Granularity.WEEK and len(part.text.split()) == 1):
        monday = whole.interval.start
        return TimeValue.of_granule(Granularity.DAY,
                                    monday + timedelta(days=start.isoweekday() - 1))
    raise ResolveError(f"{part.text!r} is not a part of {whole.value}")


@resolver("year_part")
@in_calendar
def year_part(m: Match, ctx: Context) -> TimeValue:
    """The year before its part: "the 1988 third quarter", "this year's third quarter";
    "the 1988 period" is the year."""
    if m.has("year"):
        whole = m.child("year").value
        if whole.granularity is not Granularity.YEAR:
            raise ResolveError(f"{m.text('year')!r} is not a year")
        return whole
    return part_of(m, ctx)


@resolver("weekday_date")
@in_calendar
def weekday_date(m: Match, ctx: Context) -> TimeValue:
    """A weekday and a date ("Monday, February 24, 2025", "next Wednesday, March 20"): the
    date, if the weekday agrees; the date told settles which Wednesday "next" meant.

    A weekday that disagrees leaves two mentions, for a reader to judge.
    """
    weekday, inner = m.child("weekday"), m.child("inner").value
    if (weekday.rule != "date.weekday" or weekday.match is None
            or weekday.value.granularity is not Granularity.DAY):
        raise ResolveError(f"{weekday.text!r} is not a weekday")
    if inner.granularity is not Granularity.DAY or inner.mod is not None or not inner.interval:
        raise ResolveError(f"{inner.value} is not a day")
    name = weekday.match.text("weekday")
    start, _ = closed(inner)
    if int(ctx.lexicon.value("weekday", name)) != start.isoweekday():
        raise ResolveError(f"{inner.value} is not a {name}")
    return inner
