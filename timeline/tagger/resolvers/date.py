"""Resolvers for dates relative to the anchor: days, weekdays, this/next/last, ago, in N, and
the modifiers that compose with any date (the end of, early, by, before, since)."""

from __future__ import annotations

from datetime import datetime, timedelta

import attrs

from timeline.errors import ResolveError
from timeline.tagger.context import Context, Tense
from timeline.tagger.resolvers import resolver
from timeline.tagger.resolvers.common import (
    closed,
    counted_reference,
    granularity_of_length,
    is_plural,
    length_of,
    loose_mod,
    nearest_granule,
    nearest_weekday,
    number,
    unit_count,
    unit_name,
    whole,
)
from timeline.tagger.scan import Match
from timeline.time.granularity import Granularity, PartOfDay, Season, floor, shift, span, third
from timeline.time.interval import Interval, is_before
from timeline.time.value import Mod, TimeValue, TimexType, apply_mod, one_sided


@resolver("relative_day")
def relative_day(m: Match, ctx: Context) -> TimeValue:
    """today, yesterday, tomorrow, the day before yesterday: a day offset from the anchor's."""
    offset = int(ctx.lexicon.value("relative_day", m.text("day")))
    day = ctx.day + timedelta(days=offset)
    if m.has("part"):
        part = PartOfDay[ctx.lexicon.value("part_of_day", m.text("part"))]
        return TimeValue.of_granule(Granularity.PART_OF_DAY, day, part=part)
    return TimeValue.of_granule(Granularity.DAY, day)


@resolver("position_part_of_day")
def position_part_of_day(m: Match, ctx: Context) -> TimeValue:
    """mid-afternoon, late morning yesterday: START/MID/END of a part of a day."""
    offset = int(ctx.lexicon.value("relative_day", m.text("day"))) if m.has("day") else 0
    part = PartOfDay[ctx.lexicon.value("part_of_day", m.text("part"))]
    value = TimeValue.of_granule(Granularity.PART_OF_DAY, ctx.day + timedelta(days=offset),
                                 part=part)
    mod = Mod(ctx.lexicon.value("position", m.text("position")))
    assert value.interval is not None
    return attrs.evolve(value, mod=mod,
                        interval=apply_mod(mod, Granularity.PART_OF_DAY, value.interval))


@resolver("tonight")
def tonight(m: Match, ctx: Context) -> TimeValue:
    """tonight: the night of the anchor's day (``TNI``)."""
    return TimeValue.of_granule(Granularity.PART_OF_DAY, ctx.day, part=PartOfDay.NI)


@resolver("last_night")
def last_night(m: Match, ctx: Context) -> TimeValue:
    """last night: the night that began on the day before the anchor's (``TNI`` of yesterday)."""
    return TimeValue.of_granule(Granularity.PART_OF_DAY, ctx.day - timedelta(days=1),
                                part=PartOfDay.NI)


@resolver("the_weekend")
def the_weekend(m: Match, ctx: Context) -> TimeValue:
    """the weekend: the anchor's own on a Saturday or Sunday, else the one the tense points to.

    With no tense the nearer wins: on Monday to Wednesday the one just past, on Thursday
    and Friday the coming one.
    """
    this = floor(Granularity.WEEKEND, ctx.anchor)
    day = ctx.day
    if day >= this:  # Saturday or Sunday: this weekend
        return TimeValue.of_granule(Granularity.WEEKEND, this)
    before = this - timedelta(weeks=1)
    if ctx.tense is Tense.PAST:
        start = before
    elif ctx.tense is Tense.FUTURE:
        start = this
    else:
        start = before if (day - before) <= (this - day) + timedelta(days=1) else this
    return TimeValue.of_granule(Granularity.WEEKEND, start)


@resolver("this_part_of_day")
def this_part_of_day(m: Match, ctx: Context) -> TimeValue:
    """this morning, this evening, at dawn: that part of the anchor's day."""
    word = m.text("part")
    category = "part_of_day" if ctx.lexicon.has("part_of_day", word) else "twilight"
    part = PartOfDay[ctx.lexicon.value(category, word)]
    return TimeValue.of_granule(Granularity.PART_OF_DAY, ctx.day, part=part)


def _reference_day(ctx: Context) -> datetime:
    """The day last told, or the anchor's when the text told none as fine as a day."""
    start, granularity = ctx.reference_point
    return floor(Granularity.DAY, start) if granularity <= Granularity.DAY else ctx.day


@resolver("part_of_reference_day")
def part_of_reference_day(m: Match, ctx: Context) -> TimeValue:
    """in the morning, during the afternoon: that part of the day last told."""
    part = PartOfDay[ctx.lexicon.value("part_of_day", m.text("part"))]
    return TimeValue.of_granule(Granularity.PART_OF_DAY, _reference_day(ctx), part=part)


@resolver("nth_day_of_event")
def nth_day_of_event(m: Match, ctx: Context) -> TimeValue:
    """is (was) the eighth day of: the day spoken of, the anchor's in the present tense,
    the day last told in the past."""
    past = m.text("verb").lower() in ("was", "marked")
    return TimeValue.of_granule(Granularity.DAY, _reference_day(ctx) if past else ctx.day)


@resolver("overnight")
def overnight(m: Match, ctx: Context) -> TimeValue:
    """overnight: the night that ended on the day last told (the anchor's, when the text
    told no day), or with a future tense the night that begins on it."""
    day = _reference_day(ctx)
    night = day if ctx.tense is Tense.FUTURE else day - timedelta(days=1)
    return TimeValue.of_granule(Granularity.PART_OF_DAY, night, part=PartOfDay.NI)


@resolver("weekday")
def weekday(m: Match, ctx: Context) -> TimeValue:
    """A weekday, bare or with this/last/next.

    Bare: by the tense (``nearest_weekday``). "this Friday": the Friday of the anchor's
    week. "last Monday": the most recent Monday before the anchor's day; "next Monday":
    the first after it (the TimeML annotation practice; "next Friday" meaning the week
    after is the reading we do not take).
    """
    day_number = int(ctx.lexicon.value("weekday", m.text("weekday")))
    which = m["dir"]
    if which is None:
        day = nearest_weekday(ctx, day_number)
    else:
        # "last", "next" count from the anchor's day; "(the) previous", "(the) following"
        # from the day the text last told (the anchor's when it told none).
        word = which.lower().split()[-1]
        offset = {"previous": -1, "following": 1}.get(word) or int(
            ctx.lexicon.value("this_next_last", which))
        base = ctx.day
        if word in ("previous", "following"):
            point, granularity = ctx.reference_point
            if granularity <= Granularity.DAY:
                base = floor(Granularity.DAY, point)
        if offset == 0:
            day = floor(Granularity.WEEK, base) + timedelta(days=day_number - 1)
        elif offset < 0:
            day = base - timedelta(days=(base.isoweekday() - day_number - 1) % 7 + 1)
        else:
            day = base + timedelta(days=(day_number - base.isoweekday() - 1) % 7 + 1)
    if m.has("part"):
        part = PartOfDay[ctx.lexicon.value("part_of_day", m.text("part"))]
        return TimeValue.of_granule(Granularity.PART_OF_DAY, day, part=part)
    return TimeValue.of_granule(Granularity.DAY, day)


def _season_start(code: str, year: int, ctx: Context) -> Interval:
    start = floor(Granularity.YEAR, ctx.anchor).replace(year=year, month=Season[code].value)
    return Interval(*span(Granularity.SEASON, start))


@resolver("shift_unit")
def shift_unit(m: Match, ctx: Context) -> TimeValue:
    """this/next/last + a calendar unit: the anchor's granule, or the one before or after.

    For seasons, "this summer" is the summer of the anchor's year, "last summer" the
    latest summer that has ended, "next summer" the first that has not begun. "The coming
    weekend" is the first weekend not yet begun (said on a Tuesday, the one four days on).
    """
    offset = int(ctx.lexicon.value("this_next_last", m.text("dir")))
    unit = str(ctx.lexicon.value("calendar_unit", m.text("unit")))
    if unit == "weekend" and ctx.lexicon.has("upcoming", m.text("dir")):
        start = floor(Granularity.WEEKEND, ctx.anchor)
        if start <= ctx.day:
            start = shift(Granularity.WEEK, start, 1)
        return TimeValue.of_granule(Granularity.WEEKEND, start)
    if unit in Season.__members__:
        this_year = floor(Granularity.YEAR, ctx.anchor).replace(month=Season[unit].value)
        if offset == 0:
            start = this_year
        else:
            tense = Tense.PAST if offset < 0 else Tense.FUTURE
            start = nearest_granule(ctx.with_tense(tense), Granularity.SEASON, this_year,
                                    Granularity.YEAR)
            lo, hi = span(Granularity.SEASON, start)
            if offset < 0 and Interval(lo, hi).contains(ctx.anchor):
                start = shift(Granularity.YEAR, start, -1)
            if offset > 0 and Interval(lo, hi).contains(ctx.anchor):
                start = shift(Granularity.YEAR, start, 1)
        return TimeValue.of_granule(Granularity.SEASON, start)
    return _granule_off_anchor(unit, offset, ctx)


def _granule_off_anchor(unit: str, offset: int, ctx: Context) -> TimeValue:
    """The granule ``offset`` units of ``unit`` from the anchor's (0: the anchor's own)."""
    granularity, count = unit_count(unit, offset)
    start = shift(granularity, floor(granularity, ctx.anchor), count)
    return TimeValue.of_granule(granularity, start)


@resolver("unit_beyond")
def unit_beyond(m: Match, ctx: Context) -> TimeValue:
    """the week before last, the year after next: two units from the anchor's."""
    unit = str(ctx.lexicon.value("calendar_unit", m.text("unit")))
    return _granule_off_anchor(unit, int(ctx.lexicon.value("beyond", m.text("beyond"))), ctx)


@resolver("time_of_year_off")
def time_of_year_off(m: Match, ctx: Context) -> TimeValue:
    """this time last year, the same time next year: about the anchor's day a year off,
    named by the week holding it (a time of year is not told to the day)."""
    years = int(ctx.lexicon.value("this_next_last", m.text("dir")))
    day = shift(Granularity.YEAR, ctx.day, years)
    return _about(TimeValue.of_granule(Granularity.WEEK, floor(Granularity.WEEK, day)))


@resolver("turn_of")
def turn_of(m: Match, ctx: Context) -> TimeValue:
    """the turn of the century (of the year, of the 19th century): about the moment one
    such period gave way to the next, named by the first year (day) of the new one.

    A period named ("the 19th century") turns at its start; "the century" is the anchor's,
    whose turn is its start too, unless the sentence looks ahead to the next one ("by the
    turn of the decade" said in 2025 is 2030).
    """
    if m.has("inner"):
        inner = m.child("inner").value
    else:
        inner = the_unit_named(str(ctx.lexicon.value("calendar_unit", m.text("unit"))), ctx)
    granularity = inner.granularity
    if (inner.mod is not None or inner.interval is None or inner.interval.start is None
            or inner.interval.end is None or granularity is None
            or granularity < Granularity.YEAR):
        raise ResolveError(f"no turn of {inner.value}")
    turn = inner.interval.start
    if not m.has("inner") and ctx.tense is Tense.FUTURE:
        turn = inner.interval.end
    named = Granularity.DAY if granularity is Granularity.YEAR else Granularity.YEAR
    return _about(TimeValue.of_granule(named, turn))


@resolver("earlier_later_this")
def earlier_later_this(m: Match, ctx: Context) -> TimeValue:
    """earlier/later this week (month, year, today): the part of the anchor's granule before
    or after the anchor.

    The anchor's own day belongs to both sides: "later this week" on a Tuesday may mean
    Tuesday evening, "earlier this week" may mean that morning.
    """
    unit = str(ctx.lexicon.value("calendar_unit", m.text("unit")))
    granularity, _ = unit_count(unit, 0)
    start = floor(granularity, ctx.anchor)
    value = TimeValue.of_granule(granularity, start)
    lo, hi = span(granularity, start)
    day_lo, day_hi = ctx.day, ctx.day + timedelta(days=1)
    if ctx.lexicon.value("earlier_later", m.text("side")) == "earlier":
        interval = Interval(lo, min(hi, day_hi))
    else:
        interval = Interval(max(lo, day_lo), hi)
    return attrs.evolve(value, interval=interval)


@resolver("earlier_later_day")
def earlier_later_day(m: Match, ctx: Context) -> TimeValue:
    """earlier/later (on) a day or a part of one: that day ("later this afternoon": that
    afternoon), cut at the anchor when the anchor falls inside it.

    "Later Monday" in a Monday article written at 11:38 runs from 11:38; with a date-only
    anchor, or another day, the whole day stays: the words order events within the day,
    which is for the events' relations, not the date, to record.
    """
    inner = m.child("inner").value
    if inner.granularity not in (Granularity.DAY, Granularity.PART_OF_DAY) or inner.mod:
        raise ResolveError(f"{inner.value} is not a day or a part of one")
    start, end = closed(inner)
    assert inner.interval is not None
    if ctx.anchor_granularity is Granularity.DAY or not inner.interval.contains(ctx.anchor):
        return inner
    earlier = ctx.lexicon.value("earlier_later", m.text("side")) == "earlier"
    interval = Interval(start, ctx.anchor) if earlier else Interval(ctx.anchor, end)
    return attrs.evolve(inner, interval=interval)


@resolver("ago")
def ago(m: Match, ctx: Context) -> TimeValue:
    """N units ago: the granule N units before the anchor's, at that unit's granularity.

    "three years ago" is the DATE ``2022`` (TimeML: a point, not a duration). A vague
    amount ("a few days ago") is ``PAST_REF``, bounded only by the anchor's day.
    """
    unit = unit_name(m.text("unit"), ctx.lexicon)
    if not m.has("amount") and not is_plural(m.text("unit"), unit):
        raise ResolveError(f"no amount of a single {unit} ago")  # "day ago"
    amount = number(m.text("amount"), ctx.lexicon) if m.has("amount") else None
    if amount is None:
        return counted_reference(ctx, "PAST_REF", unit, Interval(None, ctx.day))
    granularity, count = unit_count(unit, whole(amount, m.text("amount")))
    here = floor(granularity, ctx.anchor)
    value = TimeValue.of_granule(granularity, shift(granularity, here, -count))
    upper = m["upper"] or m["upper_after"]
    if upper is not None:
        # "one or two days ago", "a week or two ago": the nearer granule, about, its
        # interval back to the further one (as "in a week or two" runs forward).
        _, far = unit_count(unit, whole(number(upper, ctx.lexicon), upper))
        if far <= count or m.has("or_so") or m.has("mod") or value.interval is None:
            raise ResolveError(f"not a rising range: {m.groups}")
        start = shift(granularity, here, -far)
        return attrs.evolve(value, mod=Mod.APPROX, interval=Interval(start, value.interval.end))
    if m.has("or_so"):  # "a week or so ago": about then
        return _about(value)
    return _bounded_offset(m, ctx, value, shift(granularity, ctx.day, -count), past=True)


@resolver("length_ago")
def length_ago(m: Match, ctx: Context) -> TimeValue:
    """A length said otherwise than "N units", then "ago": "half a century ago", "a year
    and a half ago", "two and a half hours ago". The moment that long before the anchor,
    named at the length's finest unit (P1Y6M: a month); "about" widens it (APPROX)."""
    inner = m.child("length").value
    length = inner.duration
    point = None if length is None else length.before(ctx.anchor)
    if point is None or length is None:
        raise ResolveError(f"no moment that long ago: {inner.value}")
    granularity = granularity_of_length(length)
    if inner.mod is not None:
        # "nearly half a century ago": after that moment; "over ... ago": before it.
        value = TimeValue.of_granule(granularity, floor(granularity, point))
        return _bounded(value, inner.mod, point, ctx, past=True)
    if granularity < Granularity.DAY and ctx.anchor_granularity is Granularity.DAY:
        # A date's anchor has no clock: "an hour and a half ago" said some time on the
        # 24th lies between 22:30 on the 23rd and 22:30 on the 24th.
        day = TimeValue.of_granule(Granularity.DAY, ctx.day)
        late = length.before(ctx.day + timedelta(days=1))
        assert late is not None
        return attrs.evolve(day, interval=Interval(point, late))
    return TimeValue.of_granule(granularity, floor(granularity, point))


#: Units counted back to the day as so many years.
_IN_YEARS = {Granularity.DECADE: 10, Granularity.CENTURY: 100}


@resolver("ago_anniversary")
def ago_anniversary(m: Match, ctx: Context) -> TimeValue:
    """three years ago this week, a year ago today: the anchor's day, week or month, that
    many years or months back."""
    unit = unit_name(m.text("unit"), ctx.lexicon)
    amount = number(m.text("amount"), ctx.lexicon)
    if amount is None or amount.denominator != 1:
        raise ResolveError(f"no whole amount: {m.text('amount')!r}")
    step, count = unit_count(unit, int(amount))
    if step in _IN_YEARS:  # a decade is ten years back, to the day
        step, count = Granularity.YEAR, count * _IN_YEARS[step]
    if step not in (Granularity.YEAR, Granularity.MONTH):
        raise ResolveError(f"an anniversary counts years or months, not {unit}")
    day = shift(step, ctx.day, -count)
    granularity = {"today": Granularity.DAY, "this week": Granularity.WEEK,
                   "this weekend": Granularity.WEEKEND,
                   "this month": Granularity.MONTH}[" ".join(m.text("which").lower().split())]
    return TimeValue.of_granule(granularity, floor(granularity, day))


def _about(value: TimeValue) -> TimeValue:
    """About that granule: APPROX, widened by one granule on each side."""
    assert value.granularity is not None and value.interval is not None
    return attrs.evolve(value, mod=Mod.APPROX,
                        interval=apply_mod(Mod.APPROX, value.granularity, value.interval))


def _bounded_offset(m: Match, ctx: Context, value: TimeValue, point: datetime,
                    *, past: bool) -> TimeValue:
    """Apply "more than", "less than", "about" to an offset from the anchor.

    "More than two years ago" lies before the day exactly two years back (mod BEFORE);
    "less than a year ago" between that day and the anchor's (mod AFTER); "about" widens
    the granule (mod APPROX). In the future, more and less swap sides.
    """
    if not m.has("mod"):
        # "a couple of weeks ago" is about then.
        return value if loose_mod(m["amount"], ctx.lexicon) is None else _about(value)
    return _bounded(value, Mod(ctx.lexicon.value("duration_mod", m.text("mod"))), point, ctx,
                    past=past)


def _bounded(value: TimeValue, bound: Mod, point: datetime, ctx: Context, *,
             past: bool) -> TimeValue:
    """``value``, the granule holding ``point``, as a length's bound makes it (see
    ``_bounded_offset``)."""
    if bound is Mod.APPROX:
        return _about(value)
    further = bound in (Mod.MORE_THAN, Mod.EQUAL_OR_MORE)
    day_after = point + timedelta(days=1)
    if past:
        mod = Mod.BEFORE if further else Mod.AFTER
        interval = Interval(None, day_after) if further else Interval(point, ctx.day + timedelta(
            days=1))
    else:
        mod = Mod.AFTER if further else Mod.BEFORE
        interval = Interval(point, None) if further else Interval(ctx.day, day_after)
    return attrs.evolve(value, mod=mod, interval=interval)


@resolver("from_now")
def from_now(m: Match, ctx: Context) -> TimeValue:
    """in N units, N units from now: the granule N units after the anchor's.

    "in a week or two" (``amount2``) spans from one to the other: its value is the first
    granule with mod APPROX, its interval both granules and everything between.

    In a sentence about the past "in" measures how long something took ("replied in less
    than an hour", "the first order in about a decade"): a length, which this refuses so
    the duration rules read it.
    """
    if ctx.tense is Tense.PAST:
        raise ResolveError(f"'in' a length, in the past: {m.groups}")
    unit = unit_name(m.text("unit"), ctx.lexicon)
    amount = number(m.text("amount"), ctx.lexicon)
    if amount is None:
        granularity = unit_count(unit, 0)[0]
        return attrs.evolve(TimeValue.reference("FUTURE_REF", ctx.interval),
                            interval=Interval(ctx.day + timedelta(days=1), None),
                            granularity=granularity)
    granularity, count = unit_count(unit, whole(amount, m.text("amount")))
    here = floor(granularity, ctx.anchor)
    first = shift(granularity, here, count)
    if not m.has("amount2"):
        return _bounded_offset(m, ctx, TimeValue.of_granule(granularity, first),
                               shift(granularity, ctx.day, count), past=False)
    upper = number(m.text("amount2"), ctx.lexicon)
    _, last_count = unit_count(unit, whole(upper, m.text("amount2")))
    if last_count <= count:
        raise ResolveError(f"range runs backwards: {m.groups}")
    last = shift(granularity, here, last_count)
    value = TimeValue.of_granule(granularity, first, mod=Mod.APPROX)
    return attrs.evolve(value, interval=Interval(first, span(granularity, last)[1]))


@resolver("coming_units")
def coming_units(m: Match, ctx: Context) -> TimeValue:
    """in the coming weeks, within weeks, in the next few days: an unknown number of units
    from the anchor's day on (``PXW``, as TimeML writes "the next few days").

    The end is left open: "the coming weeks" bounds nothing a reader could check. In a
    sentence about the past ("within hours, the video had spread") the units run from some
    moment told of, not from the anchor: a length with no interval.
    """
    unit = unit_name(m.text("unit"), ctx.lexicon)
    if ctx.tense is Tense.PAST:
        return TimeValue.of_duration(length_of(None, unit))
    return TimeValue.of_duration(length_of(None, unit), interval=Interval(ctx.day, None))


@resolver("position")
def position(m: Match, ctx: Context) -> TimeValue:
    """early/mid/late, the start/middle/end of a date: its first, middle or last third (mod).
    "the end of the decade": of the anchor's decade (or century); "late Monday night": the
    mod alone, the part of the day being loose already."""
    inner = the_unit(m, ctx) if m.has("unit") else m.child("inner").value
    mod = Mod(ctx.lexicon.value("position", m.text("position")))
    if inner.mod is not None or inner.interval is None or inner.granularity is None:
        raise ResolveError(f"cannot take the {mod.value.lower()} of {inner.value}")
    which = {Mod.START: 0, Mod.MID: 1, Mod.END: 2}[mod]
    if inner.granularity is Granularity.PART_OF_DAY and not m.has("unit"):
        # "late Monday night", "early Tuesday morning": the mod says which end; the
        # interval stays the part's, whose bounds are loose already ("late Monday night"
        # may be 23:30 or 03:00: no third of the night holds both).
        return attrs.evolve(inner, mod=mod)
    if inner.granularity < Granularity.DAY:
        raise ResolveError(f"no {mod.value.lower()} of a {inner.granularity.value}")
    if (inner.granularity is not Granularity.DAY
            and ctx.lexicon.has("position_of_day", m.text("position"))):
        raise ResolveError(f"{m.text('position')!r} is said of a day, not {inner.value}")
    start, _ = closed(inner)
    lo, hi = third(inner.granularity, floor(inner.granularity, start), which)
    return attrs.evolve(inner, mod=mod, interval=Interval(lo, hi))


@resolver("unit_end")
def unit_end(m: Match, ctx: Context) -> TimeValue:
    """year-end, year's end, quarter-end: the end (last third, mod END) of the anchor's
    year or quarter; of the one before when the sentence speaks of the past and this one's
    end has not begun by the anchor ("gains since year-end")."""
    unit, _ = unit_count(unit_name(m.text("unit"), ctx.lexicon), 1)
    start = floor(unit, ctx.anchor)
    if ctx.tense is Tense.PAST and third(unit, start, 2)[0] > ctx.anchor:
        start = shift(unit, start, -1)
    lo, hi = third(unit, start, 2)
    return attrs.evolve(TimeValue.of_granule(unit, start), mod=Mod.END, interval=Interval(lo, hi))


@resolver("signal")
def signal(m: Match, ctx: Context) -> TimeValue:
    """on/in/at/during a date: the date itself. The signal is kept out of the TIMEX3 extent
    (the rule's ``timex`` group) but inside the mention, so a phrase such as "on Monday"
    resolves as a whole."""
    return m.child("inner").value


@resolver("bound")
def bound(m: Match, ctx: Context) -> TimeValue:
    """by/before/after/since/until a date: the interval opened on one side.

    "by 2030" runs to the end of 2030 (ON_OR_BEFORE), "before 2030" to its start (BEFORE),
    "after" and "since" likewise from its end or start. A date that already has a mod
    ("by the end of the year") keeps it: TimeML has one mod, and the signal is not part
    of the TIMEX3 extent.
    """
    return _open(m.child("inner").value, Mod(ctx.lexicon.value("bound", m.text("signal"))))


def _open(inner: TimeValue, mod: Mod) -> TimeValue:
    """A date opened on one side by a signal's mod (BEFORE, ON_OR_BEFORE, AFTER,
    ON_OR_AFTER); a mod it already has is kept."""
    if inner.interval is None or inner.type not in (TimexType.DATE, TimexType.TIME):
        raise ResolveError(f"cannot bound {inner.value}")
    return attrs.evolve(inner, mod=inner.mod or mod, interval=one_sided(mod, inner.interval))


@resolver("offset_from")
def offset_from(m: Match, ctx: Context) -> TimeValue:
    """N units before/after a date ("three days before February 24, 2022", "a week after Monday").

    The date's start moves by the length, at the finer of the two granularities: a week
    after a Monday is the next Monday. A vague amount ("days before") only says which side
    of the date it lies on, so the value keeps the date with mod BEFORE or AFTER.
    """
    inner = m.child("inner").value
    if inner.interval is None or inner.interval.start is None or inner.granularity is None:
        raise ResolveError(f"cannot count from {inner.value}")
    exact = m.rule.params.get("exact_length", False)  # "two weeks from Monday"
    side = 1 if exact else (
        -1 if ctx.lexicon.value("bound", m.text("signal")) in ("BEFORE", "ON_OR_BEFORE") else 1)
    said = (m.child("length").text if m.has("length") else m.text("unit")).split()
    if len(said) > 1 and ctx.lexicon.has("unit", " ".join(said[-2:])):
        # "eight trading days after Oct. 12": days counted by a market's or an office's
        # calendar, which is not ours to know; the length and the date stay two TIMEX3s.
        raise ResolveError(f"days of a calendar not known: {' '.join(said)!r}")
    if m.has("length"):
        length = m.child("length").value.duration
        if length is None:
            raise ResolveError(f"no length in {m.groups}")
        granularity = granularity_of_length(length)
    else:
        amount = number(m.text("amount"), ctx.lexicon) if m.has("amount") else None
        unit = unit_name(m.text("unit"), ctx.lexicon)
        granularity = unit_count(unit, 1)[0]
        length = None if amount is None else length_of(amount, unit)
    target = None if length is None else (length.before(inner.interval.start) if side < 0
                                          else length.after(inner.interval.start))
    if target is None:
        if exact:  # "weeks from the vote" says how near, not which side
            raise ResolveError(f"no length to count from {inner.value}: {m.groups}")
        return _vague_side(inner, side)
    return TimeValue.of_granule(min(granularity, inner.granularity), target)


def _vague_side(inner: TimeValue, side: int) -> TimeValue:
    assert inner.interval is not None
    if side < 0:
        return attrs.evolve(inner, mod=Mod.BEFORE, interval=Interval(None, inner.interval.start))
    return attrs.evolve(inner, mod=Mod.AFTER, interval=Interval(inner.interval.end, None))


@resolver("the_unit")
def the_unit(m: Match, ctx: Context) -> TimeValue:
    """the week, the month, the year: the anchor's (as in "the end of the year")."""
    return the_unit_named(str(ctx.lexicon.value("calendar_unit", m.text("unit"))), ctx)


def the_unit_named(unit: str, ctx: Context) -> TimeValue:
    """The anchor's granule of ``unit`` ("year": the anchor's year)."""
    return _granule_off_anchor(unit, 0, ctx)


@resolver("unit_of_date")
def unit_of_date(m: Match, ctx: Context) -> TimeValue:
    """the week of March 3, the weekend of March 8: the week (weekend) holding that day."""
    inner = m.child("inner").value
    if inner.granularity is not Granularity.DAY or inner.mod:
        raise ResolveError(f"{inner.value} is not a day")
    day, _ = closed(inner)
    granularity = Granularity.WEEKEND if m.text("unit").lower() == "weekend" else \
        Granularity.WEEK
    return TimeValue.of_granule(granularity, floor(granularity, day))


@resolver("nth_unit_of")
def nth_unit_of(m: Match, ctx: Context) -> TimeValue:
    """the first week of March, the last day of 2024: a unit counted from either end of a date.

    A "week" here is seven days from the start (or to the end) of the date, not an ISO week:
    the first week of March is 1-7 March whatever weekday the 1st is; its value is the ISO
    week holding most of those days. A weekend is a Saturday and Sunday inside the date.
    """
    inner = m.child("inner").value
    whole = inner.interval
    if whole is None or whole.start is None or whole.end is None or inner.mod:
        raise ResolveError(f"cannot count within {inner.value}")
    n = int(ctx.lexicon.value("ordinal", m.text("ordinal")))
    unit = m.text("unit").lower()
    granularity = {"day": Granularity.DAY, "week": Granularity.WEEK, "weekend":
                   Granularity.WEEKEND, "month": Granularity.MONTH,
                   "quarter": Granularity.QUARTER}[unit]
    if inner.granularity is None or inner.granularity <= granularity:
        raise ResolveError(f"no {unit} inside {inner.value}")
    if granularity is Granularity.WEEK:
        first = whole.start + timedelta(weeks=n - 1) if n > 0 else whole.end - timedelta(weeks=1)
        block = Interval(first, first + timedelta(weeks=1))
        value = TimeValue.of_granule(Granularity.WEEK, first + timedelta(days=3))
    else:
        if granularity is Granularity.WEEKEND:
            saturday = whole.start + timedelta(days=(5 - whole.start.weekday()) % 7)
            eve = whole.end - timedelta(days=1)
            last_sunday = eve - timedelta(days=(eve.weekday() - 6) % 7)
            first = (saturday + timedelta(weeks=n - 1) if n > 0
                     else last_sunday - timedelta(days=1))
        elif n > 0:
            first = shift(granularity, whole.start, n - 1)
        else:
            first = shift(granularity, whole.end, -1)
        value = TimeValue.of_granule(granularity, first)
        assert value.interval is not None
        block = value.interval
    assert block.start is not None and block.end is not None
    if block.start < whole.start or block.end > whole.end:
        raise ResolveError(f"{m.text('ordinal')} {unit} is outside {inner.value}")
    return attrs.evolve(value, interval=block)


@resolver("day_weekend")
def day_weekend(m: Match, ctx: Context) -> TimeValue:
    """the Easter weekend, Labor Day weekend: the weekend a day belongs to, the day
    included in its interval. Monday and Tuesday join the weekend before, Wednesday to
    Friday the weekend after, Saturday and Sunday their own."""
    inner = m.child("inner").value
    if inner.granularity is not Granularity.DAY or inner.interval is None or inner.mod:
        raise ResolveError(f"{inner.value} is not a day")
    day, _ = closed(inner)
    weekday = day.weekday()  # Monday 0
    saturday = day - timedelta(days=weekday + 2) if weekday <= 1 else \
        day + timedelta(days=5 - weekday)
    value = TimeValue.of_granule(Granularity.WEEKEND, saturday)
    return attrs.evolve(value, interval=Interval(min(day, saturday),
                                                 max(day + timedelta(days=1),
                                                     saturday + timedelta(days=2))))


@resolver("day_part")
def day_part(m: Match, ctx: Context) -> TimeValue:
    """A day and a part of it ("Monday evening", "the morning of February 24")."""
    inner = m.child("inner").value
    if inner.granularity is not Granularity.DAY or inner.interval is None or inner.mod:
        raise ResolveError(f"{inner.value} is not a day")
    start, _ = closed(inner)
    part = PartOfDay[ctx.lexicon.value("part_of_day", m.text("part"))]
    return TimeValue.of_granule(Granularity.PART_OF_DAY, start, part=part)


# -- anaphora: counted from the last date the text mentioned (the anchor's day if none) ----

_BACK = frozenset({"earlier", "before", "previous", "preceding", "prior"})


def _from_point(point: tuple[datetime, Granularity], unit: Granularity,
                count: int) -> TimeValue:
    """The reference moved by ``count`` units, at the reference's own granularity when it
    is no coarser than the unit ("a year earlier" than the third quarter of 1989 is the
    third quarter of 1988; than 2 November 1989, 2 November 1988), else at the unit's
    ("two days later" than 1998 is a day, counted from the year's start)."""
    start, granularity = point
    if granularity <= unit:
        return TimeValue.of_granule(granularity, floor(granularity, shift(unit, start, count)))
    return TimeValue.of_granule(unit, shift(unit, floor(unit, start), count))


@resolver("units_from_reference")
def units_from_reference(m: Match, ctx: Context) -> TimeValue:
    """a year earlier, two days later, three weeks before: counted from the last date the
    text mentioned, not from the article's date (TimeML's anaphoric dates)."""
    unit, count = unit_count(unit_name(m.text("unit"), ctx.lexicon),
                             whole(number(m.text("amount"), ctx.lexicon), m.text("amount")))
    side = -1 if m.text("side").lower() in _BACK else 1
    return _from_point(ctx.reference_point, unit, side * count)


@resolver("adjacent_to_reference")
def adjacent_to_reference(m: Match, ctx: Context) -> TimeValue:
    """the following day, the previous year: one unit after or before the last date the
    text mentioned, at the unit's granularity."""
    unit, _ = unit_count(unit_name(m.text("unit"), ctx.lexicon), 1)
    side = -1 if m.text("side").lower() in _BACK else 1
    start, _granularity = ctx.reference_point
    return TimeValue.of_granule(unit, shift(unit, floor(unit, start), side))


@resolver("year_back")
def year_back(m: Match, ctx: Context) -> TimeValue:
    """the quarter a year ago, the period a year earlier: the date named, a year back, at
    its own granularity (no finer than a year)."""
    if " ".join(m.child("back").text.lower().split()) not in (
            "a year ago", "a year earlier", "a year before", "one year ago", "one year earlier"):
        raise ResolveError(f"not a year back: {m.child('back').text!r}")
    inner = m.child("inner").value
    if (inner.mod is not None or inner.granularity is None or inner.interval is None
            or inner.interval.start is None or inner.granularity > Granularity.YEAR
            or not inner.value[:1].isdigit()):
        raise ResolveError(f"cannot take {inner.value} a year back")
    return _from_point((inner.interval.start, inner.granularity), Granularity.YEAR, -1)


@resolver("then")
def then(m: Match, ctx: Context) -> TimeValue:
    """"until then", "since then", "by then": the date the text last told, as it told it,
    opened on the signal's side (as ``bound`` opens a date). With none told, the scanner
    drops the mention (``params.needs_reference``)."""
    start, granularity = ctx.reference_point
    return _open(TimeValue.of_granule(granularity, start),
                 Mod(ctx.lexicon.value("bound", m.text("signal"))))


@resolver("year_before_reference")
def year_before_reference(m: Match, ctx: Context) -> TimeValue:
    """the year-ago quarter, year-earlier results: a year before the period the report is
    about, which is the quarter it last named, else the anchor's year. Not the last date
    mentioned: "the 1988 period ... the year-ago results" compare with the report's
    period, not with 1988."""
    quarter, _ = _reported_quarter(ctx)
    reference_is_quarter = ctx.reference_point[1] is Granularity.QUARTER
    if m.has("unit") and m.text("unit").lower() != "period":
        unit, _ = unit_count(unit_name(m.text("unit"), ctx.lexicon), 1)
        if unit is Granularity.QUARTER:
            return _from_point((quarter, unit), Granularity.YEAR, -1)
        return _from_point((floor(unit, ctx.anchor), unit), Granularity.YEAR, -1)
    if reference_is_quarter:
        return _from_point((quarter, Granularity.QUARTER), Granularity.YEAR, -1)
    return _from_point((floor(Granularity.YEAR, ctx.anchor), Granularity.YEAR),
                       Granularity.YEAR, -1)


def _reported_quarter(ctx: Context) -> tuple[datetime, Granularity]:
    """The quarter a report is about: the one it last named (``Context.quarter``, which
    the scanner sets only to a quarter that is over), else the last date it named if a
    quarter, else the one before the anchor's; results come out after their quarter ends,
    so a quarter not over by the anchor's is a forecast's, never the one reported."""
    if ctx.quarter is not None:
        return ctx.quarter, Granularity.QUARTER
    current = floor(Granularity.QUARTER, ctx.anchor)
    start, granularity = ctx.reference_point
    # The quarter told may be another mention's, with a zone the anchor lacks (or the
    # reverse): it counts as before the anchor's only when it is so in every zone.
    if granularity is Granularity.QUARTER and is_before(start, current) is True:
        return start, Granularity.QUARTER
    return shift(Granularity.QUARTER, floor(Granularity.QUARTER, ctx.anchor), -1), \
        Granularity.QUARTER


@resolver("previous_unit")
def previous_unit(m: Match, ctx: Context) -> TimeValue:
    """the latest month: the one before the anchor's, which is still running; the latest
    quarter or period: the quarter the report is about (``_reported_quarter``)."""
    word = m.text("unit").lower()
    if word == "period":
        return TimeValue.of_granule(Granularity.QUARTER, _reported_quarter(ctx)[0])
    unit, _ = unit_count(unit_name(word, ctx.lexicon), 1)
    if unit is Granularity.QUARTER:
        return TimeValue.of_granule(unit, _reported_quarter(ctx)[0])
    return TimeValue.of_granule(unit, shift(unit, floor(unit, ctx.anchor), -1))


@resolver("same_as_reference")
def same_as_reference(m: Match, ctx: Context) -> TimeValue:
    """the same day, that week, the quarter: the unit holding the last date the text
    mentioned, which must be at least as fine ("that day" after "in 1998" names no one
    day)."""
    word = m["quarter"] or m["day"] or m.text("unit")
    unit, _ = unit_count(unit_name(word, ctx.lexicon), 1)
    if unit is Granularity.QUARTER:
        return TimeValue.of_granule(unit, _reported_quarter(ctx)[0])
    start, granularity = ctx.reference_point
    if unit < granularity:
        raise ResolveError(f"{word!r} is finer than the date it refers to")
    return TimeValue.of_granule(unit, floor(unit, start))


@resolver("part_of_day_told")
def part_of_day_told(m: Match, ctx: Context) -> TimeValue:
    """that evening, the next morning: a part of the day last told (or the day after or
    before it), which must be a day or finer ("that evening" after "in 1998" is none)."""
    start, granularity = ctx.reference_point
    if granularity > Granularity.DAY:
        raise ResolveError(f"{m.text('part')!r} of no one day: a {granularity.value} was told")
    day = floor(Granularity.DAY, start)
    if m.has("side"):
        day = shift(Granularity.DAY, day, -1 if m.text("side").lower() in _BACK else 1)
    part = PartOfDay[ctx.lexicon.value("part_of_day", m.text("part"))]
    return TimeValue.of_granule(Granularity.PART_OF_DAY, day, part=part)


@resolver("approximately")
def approximately(m: Match, ctx: Context) -> TimeValue:
    """around/about a date or time: that granule, widened by one on each side (APPROX)."""
    inner = m.child("inner").value
    if inner.mod is not None or inner.granularity is None or inner.interval is None:
        raise ResolveError(f"cannot take 'about' {inner.value}")
    return _about(inner)


@resolver("open_side")
def open_side(m: Match, ctx: Context) -> TimeValue:
    """1994 or later (ON_OR_AFTER, from its start on), 2030 or earlier (ON_OR_BEFORE)."""
    inner = m.child("inner").value
    if inner.mod is not None:
        raise ResolveError(f"cannot open {inner.value}: it has a mod")
    earlier = m.text("side").lower() in ("or earlier", "or before")
    return _open(inner, Mod.ON_OR_BEFORE if earlier else Mod.ON_OR_AFTER)


@resolver("or_so")
def or_so(m: Match, ctx: Context) -> TimeValue:
    """the next year or so, two years or so: about that (APPROX)."""
    inner = m.child("inner").value
    if inner.mod is not None:
        raise ResolveError(f"{inner.value} already has a mod")
    if inner.type is TimexType.DURATION or inner.granularity is None or inner.interval is None:
        return attrs.evolve(inner, mod=Mod.APPROX)
    return _about(inner)
