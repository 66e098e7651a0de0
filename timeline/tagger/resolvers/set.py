"""Resolvers for recurring times (TIMEX3 SET): "every Monday", "weekly", "twice a week".

TimeML 1.2.1 writes a set of calendar granules with X for the part that recurs
("every Monday" is ``XXXX-WXX-1``) and a set of lengths as its period ("every two weeks"
is ``P2W``). ``quant`` is the quantifier as written, upper-cased ("EVERY", "EACH");
``freq`` is how many times in each period ("twice a week": ``2X``). The value's
``duration`` is always the period, so a consumer can step through the set; a set has no
interval.
"""

from __future__ import annotations

from fractions import Fraction

from timeline.errors import ResolveError
from timeline.tagger.context import Context
from timeline.tagger.resolvers import resolver
from timeline.tagger.resolvers.common import (
    GRANULARITY_OF_UNIT,
    is_plural,
    length_of,
    number,
    unit_name,
    whole,
)
from timeline.tagger.scan import Match
from timeline.time.duration import Duration, Unit
from timeline.time.granularity import Granularity, PartOfDay, Season
from timeline.time.value import TimeValue, TimexType

_WEEK = Duration.of(Unit.WEEK, 1)
_DAY = Duration.of(Unit.DAY, 1)
_YEAR = Duration.of(Unit.YEAR, 1)
_EVERY_WEEKEND = "XXXX-WXX-WE"



def _quant(m: Match) -> str | None:
    """The quantifier as TimeML writes it: the word itself, upper-cased."""
    text = m["quant"] or m["per"]
    if text is None or text.lower() not in ("every", "each"):
        return None
    return text.upper()


def _set(value: str, period: Duration, granularity: Granularity, *, quant: str | None = None,
         freq: str | None = None) -> TimeValue:
    return TimeValue(TimexType.SET, value, None, None, granularity, period, quant, freq)



def _part(m: Match, ctx: Context) -> PartOfDay | None:
    """The part of the day a ``part`` group names, singular or plural ("evenings")."""
    text = m["part"]
    if text is None:
        return None
    word = " ".join(text.lower().split())
    if not ctx.lexicon.has("part_of_day", word):
        word = word.removesuffix("s")
    return PartOfDay[ctx.lexicon.value("part_of_day", word)]


@resolver("every_unit")
def every_unit(m: Match, ctx: Context) -> TimeValue:
    """every week, every two weeks, every other day, every third year: the period.

    "every weekend" is the set of weekends (``XXXX-WXX-WE``), which a length cannot say.
    """
    unit_text = m.text("unit")
    unit = unit_name(unit_text, ctx.lexicon)
    amount: Fraction | None
    if m.has("other"):
        amount = Fraction(2)
    elif m.has("ordinal"):
        amount = Fraction(int(ctx.lexicon.value("ordinal", m.text("ordinal"))))
        if amount < 2:
            raise ResolveError(f"not a step: {m.groups}")
    elif m.has("amount"):
        amount = number(m.text("amount"), ctx.lexicon)
        if amount is None and not is_plural(unit_text, unit):
            raise ResolveError(f"every some {unit}: {m.groups}")
    elif is_plural(unit_text, unit):
        raise ResolveError(f"every with a plural and no amount: {m.groups}")
    else:
        amount = Fraction(1)
    granularity = GRANULARITY_OF_UNIT[unit]
    if unit == "weekend" and amount == 1:
        return _set(_EVERY_WEEKEND, _WEEK, Granularity.WEEKEND, quant=_quant(m))
    period = length_of(amount, unit)
    return _set(period.to_timex(), period, granularity, quant=_quant(m))


@resolver("every_weekday")
def every_weekday(m: Match, ctx: Context) -> TimeValue:
    """every Monday, on Mondays, Friday nights, on weekends: a day of every week."""
    if m.has("weekend"):
        return _set(_EVERY_WEEKEND, _WEEK, Granularity.WEEKEND, quant=_quant(m))
    text = m.text("weekday")
    category = "weekday" if ctx.lexicon.has("weekday", text) else "weekday_plural"
    day = int(ctx.lexicon.value(category, text))
    part = _part(m, ctx)
    if part is None:
        return _set(f"XXXX-WXX-{day}", _WEEK, Granularity.DAY, quant=_quant(m))
    return _set(f"XXXX-WXX-{day}T{part.name}", _WEEK, Granularity.PART_OF_DAY, quant=_quant(m))


@resolver("every_month")
def every_month(m: Match, ctx: Context) -> TimeValue:
    """every January, every summer: that month or season of every year."""
    if m.has("season"):
        code = Season[str(ctx.lexicon.value("season", m.text("season")))]
        return _set(f"XXXX-{code.name}", _YEAR, Granularity.SEASON, quant=_quant(m))
    month = int(ctx.lexicon.value("month", m.text("month")))
    return _set(f"XXXX-{month:02d}", _YEAR, Granularity.MONTH, quant=_quant(m))


@resolver("every_holiday")
def every_holiday(m: Match, ctx: Context) -> TimeValue:
    """every Christmas, each Easter: a holiday, every year. One fixed in the calendar is
    that day of every year (``XXXX-12-25``); one that moves (Easter, Thanksgiving) has no
    TIMEX3 value naming all its days, so it is the yearly period (``P1Y``), never one
    year's day."""
    rule = str(ctx.lexicon.value("holiday", m.text("holiday")))
    kind, _, day = rule.partition(":")
    if kind != "fixed":
        return _set(_YEAR.to_timex(), _YEAR, Granularity.DAY, quant=_quant(m))
    return _set(f"XXXX-{day}", _YEAR, Granularity.DAY, quant=_quant(m))


@resolver("every_part_of_day")
def every_part_of_day(m: Match, ctx: Context) -> TimeValue:
    """every morning: that part of every day (``XXXX-XX-XXTMO``)."""
    part = _part(m, ctx)
    assert part is not None  # the rule's pattern requires the group
    return _set(f"XXXX-XX-XXT{part.name}", _DAY, Granularity.PART_OF_DAY, quant=_quant(m))


def _freq(m: Match, ctx: Context) -> str | None:
    """TIMEX3 ``freq`` from "twice" or "three times": ``2X``, ``3X``; ``None`` when vague."""
    if m.has("count_word"):
        return f"{int(ctx.lexicon.value('frequency_count', m.text('count_word')))}X"
    if m.has("count"):
        amount = number(m.text("count"), ctx.lexicon)
        return None if amount is None else f"{whole(amount, m.text('count'))}X"
    return None


@resolver("adverb")
def adverb(m: Match, ctx: Context) -> TimeValue:
    """daily, weekly, twice weekly: one unit's period (``P1D``), with its count as freq."""
    unit = str(ctx.lexicon.value("frequency_adverb", m.text("adverb")))
    period = length_of(Fraction(1), unit)
    return _set(period.to_timex(), period, GRANULARITY_OF_UNIT[unit], freq=_freq(m, ctx))


@resolver("times_per_unit")
def times_per_unit(m: Match, ctx: Context) -> TimeValue:
    """twice a week, three times a year, several times a month: the period, with freq."""
    unit_text = m.text("unit")
    unit = unit_name(unit_text, ctx.lexicon)
    if is_plural(unit_text, unit):
        raise ResolveError(f"times a plural: {m.groups}")
    period = length_of(Fraction(1), unit)
    return _set(period.to_timex(), period, GRANULARITY_OF_UNIT[unit], quant=_quant(m),
                freq=_freq(m, ctx))


_DAILY = ("XXXX-XX-XX", "P1D")


@resolver("set_at_time")
def set_at_time(m: Match, ctx: Context) -> TimeValue:
    """every Monday at 9 a.m., 11 a.m. daily: the set's days at that clock time.

    Only sets of days take a clock time: a weekday of every week (``XXXX-WXX-1T09:00``) or
    every day (``XXXX-XX-XXT11``); "every January at 9 a.m." stays two mentions.
    """
    days = m.child("set").value
    clock = m.child("time").value
    if days.type is not TimexType.SET or clock.type is not TimexType.TIME:
        raise ResolveError(f"not a set and a clock time: {m.groups}")
    if days.value in _DAILY and days.freq is None:
        base = _DAILY[0]
    elif (days.value.startswith("XXXX-WXX-") and days.value[-1].isdigit()
          and "T" not in days.value):
        # A weekday's set with no clock time yet: one that has one ("9 p.m. every Sunday")
        # takes no second ("11:00 Kyiv time 9 p.m. every Sunday" is a time and a set).
        base = days.value
    else:
        raise ResolveError(f"{days.value} is not a set of days")
    if "T" not in clock.value or clock.granularity is None or not (
            clock.granularity <= Granularity.HOUR):
        raise ResolveError(f"{clock.value} is not a clock time")
    time_of_day = clock.value[clock.value.index("T"):]
    assert days.duration is not None  # every set carries its period
    return _set(base + time_of_day, days.duration, clock.granularity, quant=days.quant)
