"""Resolvers for lengths of time (TIMEX3 DURATION): "three years", "half an hour", "more than
a decade", "for years", and lengths anchored at the anchor ("the past three years").

The value keeps the unit the text said ("18 months" is ``P18M``, not ``P1.5Y``): TimeML
normalises the amount, not the unit, and a reader checking the value against the text
should find the same number. The granularity is the finest unit of the length.
"""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction

import attrs

from timeline.errors import ResolveError
from timeline.tagger.context import Context
from timeline.tagger.resolvers import resolver
from timeline.tagger.resolvers.common import (
    UNIT_ORDER,
    counted_reference,
    granularity_of_length,
    is_plural,
    length_of,
    loose_mod,
    number,
    unit_name,
)
from timeline.tagger.scan import Match
from timeline.time.duration import Duration, Unit
from timeline.time.interval import Interval
from timeline.time.value import Mod, TimeValue, TimexType

#: Half of a unit, in the next unit down where that is a whole number: "half an hour" is
#: said and heard as thirty minutes, so ``PT30M``. Units missing here ("half a week",
#: 3.5 days) keep their own unit with a decimal (``P0.5W``).
HALF_OF_UNIT: dict[str, tuple[Unit, int]] = {
    "minute": (Unit.SECOND, 30),
    "hour": (Unit.MINUTE, 30),
    "day": (Unit.HOUR, 12),
    "fortnight": (Unit.WEEK, 1),
    "year": (Unit.MONTH, 6),
    "decade": (Unit.YEAR, 5),
    "century": (Unit.YEAR, 50),
    "millennium": (Unit.CENTURY, 5),
}





def duration_value(duration: Duration, mod: Mod | None = None,
                   interval: Interval | None = None) -> TimeValue:
    """A DURATION value with its length attached and the length's granularity."""
    value = TimeValue.of_duration(duration, mod=mod, interval=interval)
    return attrs.evolve(value, granularity=granularity_of_length(duration))


def _mod(m: Match, ctx: Context) -> Mod | None:
    """The bounding word's mod ("more than"), else APPROX for a loose amount ("a couple of")."""
    text = m["mod"]
    if text is not None:
        return Mod(ctx.lexicon.value("duration_mod", text))
    return loose_mod(m["amount"], ctx.lexicon)


#: Units whose half is written whole in the next unit down when an amount has a half:
#: "two and a half years" is P2Y6M, "an hour and a half" PT1H30M, as TIMEX3 writes them.
#: Decades, centuries and weeks keep a decimal ("P2.5DE"): a year is no part of ISO 8601's
#: decade, and half a week is no whole number of days.
_HALF_BELOW = {"year", "day", "hour", "minute", "fortnight"}


def amount_length(amount: Fraction | None, unit: str) -> Duration:
    """``amount`` units as a length, a half written in the unit below where it is whole."""
    if amount is None or amount.denominator != 2 or unit not in _HALF_BELOW:
        return length_of(amount, unit)
    whole = length_of(amount - Fraction(1, 2), unit)
    smaller, half = HALF_OF_UNIT[unit]
    parts: list[tuple[Unit, Fraction | None]] = [(u, a) for u, a in whole.parts if a]
    if parts and parts[-1][0] is smaller:
        last_unit, last = parts.pop()
        parts.append((last_unit, (last or Fraction(0)) + half))
    else:
        parts.append((smaller, Fraction(half)))
    return Duration(tuple(parts))


def _amount_unit(m: Match, ctx: Context) -> Duration:
    """The length the ``amount`` and ``unit`` groups say; a missing amount is X.

    X needs a plural ("several days", "for years"): "some day" is an indefinite time,
    not a length, and is refused.
    """
    unit_text = m.text("unit")
    unit = unit_name(unit_text, ctx.lexicon)
    amount = number(m.text("amount"), ctx.lexicon) if m.has("amount") else None
    if amount is None and not is_plural(unit_text, unit) and m["joiner"] != "-":
        # (An adjective takes the singular: "a several-year tenure" is some years.)
        raise ResolveError(f"no amount of a single {unit}: {m.groups}")
    if "/" in (m["amount"] or ""):  # "2 1/2 years", as "two and a half years"
        return amount_length(amount, unit)
    return length_of(amount, unit)  # "1.5 hours" keeps the decimal it was written with


@resolver("length")
def length(m: Match, ctx: Context) -> TimeValue:
    """N units, with a bounding word as the mod: "more than three years" is P3Y MORE_THAN."""
    return duration_value(_amount_unit(m, ctx), _mod(m, ctx))


@resolver("length_range")
def length_range(m: Match, ctx: Context) -> TimeValue:
    """A length between two amounts ("two to three weeks", "a week or two"): the smaller,
    at least (EQUAL_OR_MORE), since TIMEX3 writes one length and "at least the smaller"
    is true of every length in the range.

    The unit is said once, at the end or after the first amount ("a week or two"); said
    twice it must be the same unit ("two weeks to three months" is two lengths). "And"
    joins a range only after "between"; the amounts must rise ("three to two days" is no
    range).
    """
    if m["sep"] == "and" and not m.has("between"):
        raise ResolveError(f"'and' without 'between': {m.groups}")
    unit_text = m["unit"] or m["unit1"]
    if unit_text is None:
        raise ResolveError(f"a range with no unit: {m.groups}")
    unit = unit_name(unit_text, ctx.lexicon)
    if m.has("unit1") and m.has("unit") and unit_name(m.text("unit1"), ctx.lexicon) != unit:
        raise ResolveError(f"a range over two units: {m.groups}")
    low = number(m.text("amount"), ctx.lexicon)
    high = number(m.text("amount2"), ctx.lexicon)
    if low is None or high is None or high <= low:
        raise ResolveError(f"not a rising range: {m.groups}")
    if m.has("unit1") and not m.has("unit") and (m["sep"] != "or" or is_plural(unit_text, unit)):
        # Only "a week or two" leaves the unit after the first amount alone; "two weeks
        # to three" and "weeks or two" are something else.
        raise ResolveError(f"a range with its unit in the middle: {m.groups}")
    return duration_value(length_of(low, unit), Mod.EQUAL_OR_MORE)


@resolver("period_ended")
def period_ended(m: Match, ctx: Context) -> TimeValue:
    """"the year ended March 31": twelve months named by the day they end, not a calendar
    year; TimeML writes the length (P1Y) and tags the end date on its own."""
    unit = unit_name(m.text("unit"), ctx.lexicon)
    return duration_value(length_of(Fraction(1), unit))


@resolver("not_a_time")
def not_a_time(m: Match, ctx: Context) -> TimeValue:
    """For rules that only claim words so no other rule reads them (``params.blocks``):
    "four flights a week" is a rate, and its "a week" no length. Never called by the
    scanner; resolving such words as a phrase is refused."""
    raise ResolveError(f"not a time expression: {m.groups}")


@resolver("half_length")
def half_length(m: Match, ctx: Context) -> TimeValue:
    """half an hour, half a day: in the next unit down when whole (``HALF_OF_UNIT``)."""
    unit_text = m.text("unit")
    unit = unit_name(unit_text, ctx.lexicon)
    if is_plural(unit_text, unit):
        raise ResolveError(f"half of a plural: {unit_text!r}")
    return duration_value(_half(unit), _mod(m, ctx))


def _half(unit: str) -> Duration:
    """Half a ``unit``, in the next unit down when whole there (``HALF_OF_UNIT``)."""
    if unit in HALF_OF_UNIT:
        return Duration.of(*HALF_OF_UNIT[unit])
    return length_of(Fraction(1, 2), unit)


@resolver("and_a_half")
def and_a_half(m: Match, ctx: Context) -> TimeValue:
    """an hour and a half, two and a half years: the amount said plus a half, in the unit
    said (``PT1.5H``, ``P2.5Y``), since that is the number the text gives."""
    amount = number(m.text("amount"), ctx.lexicon)
    if amount is None:
        raise ResolveError(f"a half more than a vague amount: {m.groups}")
    unit = unit_name(m.text("unit"), ctx.lexicon)
    return duration_value(amount_length(amount + Fraction(1, 2), unit), _mod(m, ctx))


def window(ctx: Context, duration: Duration, side: int) -> Interval:
    """The interval "the past/next <duration>" covers, ``side`` -1 for past, 1 for next.

    Calendar units (a day or more) count whole days: "the past three days" on 24 February
    is the 22nd, 23rd and 24th, ending with the anchor's day; "the next two weeks" starts
    with it. Clock units cannot be rounded to days, so "the last 24 hours" covers every
    moment 24 hours before some moment of the anchor's interval (its day, or its minute):
    from the interval's start minus 24 hours to its end. A vague length ("the past few
    days") leaves the far end open.
    """
    try:
        if all(unit.clock for unit, _ in duration.parts):
            lo, hi = ctx.interval.start, ctx.interval.end
            assert lo is not None and hi is not None  # the anchor's interval is bounded
            if side < 0:
                return Interval(duration.before(lo), hi)
            return Interval(lo, duration.after(hi))
        day, next_day = ctx.day, ctx.day + timedelta(days=1)
        if side < 0:
            return Interval(duration.before(next_day), next_day)
        return Interval(day, duration.after(day))
    except (OverflowError, ValueError) as exc:  # past year 1 or 9999, or a zero length
        raise ResolveError(f"no window of {duration.to_timex()} at {ctx.anchor}: {exc}") from None


@resolver("anchored_length")
def anchored_length(m: Match, ctx: Context) -> TimeValue:
    """the past/last/next/coming N units: a DURATION whose interval is anchored (``window``);
    with no number in the past ("the past few days"), the recent past (PAST_REF).

    With no amount the unit must be plural ("the past decades"): "the past week" is the
    calendar week before the anchor's, a DATE the date rules give.
    """
    duration = _amount_unit(m, ctx)
    side = int(ctx.lexicon.value("this_next_last", m.text("dir")))
    if side == 0:
        raise ResolveError(f"neither past nor next: {m.groups}")
    interval = window(ctx, duration, side)
    if side < 0 and not duration.known:
        # "the past few days" measures nothing it could name: like "in recent days", it
        # places what happened in the recent past. "The coming months" stay the length
        # TimeML writes (PXM), from the anchor's day on, as "in the coming weeks" do.
        return counted_reference(ctx, "PAST_REF", unit_name(m.text("unit"), ctx.lexicon),
                                 interval)
    return duration_value(duration, interval=interval)


@resolver("anchored_half")
def anchored_half(m: Match, ctx: Context) -> TimeValue:
    """the past year and a half, the past half-century, the next two and a half years: the
    length (a half written as ``half_length`` and ``and_a_half`` write it), anchored."""
    if m.has("half_unit"):
        duration = _half(unit_name(m.text("half_unit"), ctx.lexicon))
    else:
        said = m["unit"] or m.text("unit_after")
        amount = number(m.text("amount"), ctx.lexicon) if m.has("amount") else Fraction(1)
        if amount is None:
            raise ResolveError(f"a half more than a vague amount: {m.groups}")
        duration = amount_length(amount + Fraction(1, 2), unit_name(said, ctx.lexicon))
    side = int(ctx.lexicon.value("this_next_last", m.text("dir")))
    return duration_value(duration, interval=window(ctx, duration, side))


@resolver("ahead_length")
def ahead_length(m: Match, ctx: Context) -> TimeValue:
    """the weeks ahead: some weeks from the anchor's day on (PXW), as "the coming weeks"."""
    duration = _amount_unit(m, ctx)
    return duration_value(duration, interval=window(ctx, duration, 1))


@resolver("recent_length")
def recent_length(m: Match, ctx: Context) -> TimeValue:
    """recent days, in recent years: the recent past (PAST_REF), some units up to the
    anchor's day. The words place what happened, they do not measure it: "in recent weeks"
    answers "when", not "how long"."""
    unit = unit_name(m.text("unit"), ctx.lexicon)
    duration = length_of(None, unit)
    if m["side"] is not None and m["side"].lower() == "future":
        return counted_reference(ctx, "FUTURE_REF", unit, window(ctx, duration, 1))
    return counted_reference(ctx, "PAST_REF", unit, window(ctx, duration, -1))


@resolver("unit_or_unit")
def unit_or_unit(m: Match, ctx: Context) -> TimeValue:
    """weeks or months: some number of the smaller unit, APPROX (the larger must be larger)."""
    shorter, longer = (length_of(None, unit_name(m.text(g), ctx.lexicon))
                       for g in ("unit", "unit2"))
    # UNIT_ORDER runs coarsest first.
    if UNIT_ORDER.index(shorter.parts[0][0]) <= UNIT_ORDER.index(longer.parts[0][0]):
        raise ResolveError(f"{m.text('unit')!r} is not shorter than {m.text('unit2')!r}")
    return duration_value(shorter, mod=Mod.APPROX)


@resolver("sum_length")
def sum_length(m: Match, ctx: Context) -> TimeValue:
    """three years and two months: one length of both parts (``P3Y2M``).

    Both must be plain known lengths (no mod, no anchoring) and the first strictly
    coarser, as TIMEX3 writes its parts; anything else is two mentions, not one.
    """
    parts: list[tuple[Unit, Fraction | None]] = []
    for name in ("first", "second"):
        value = m.child(name).value
        if (value.type is not TimexType.DURATION or value.duration is None or value.mod
                or value.interval is not None or not value.duration.known):
            raise ResolveError(f"not a plain length: {value}")
        parts.extend(value.duration.parts)
    orders = [UNIT_ORDER.index(unit) for unit, _ in parts]
    if orders != sorted(set(orders)):
        raise ResolveError(f"lengths not coarsest first: {m.groups}")
    return duration_value(Duration(tuple(parts)))
