"""Resolvers for clock times: "11:38 a.m.", "2 p.m.", "noon", with zones ("EST", "Kyiv time")
and with the day they fall on ("Monday at 2 p.m.", "February 25, 2025 at 11:38").

A time alone takes the anchor's day. A time with a zone is an absolute instant (an aware
datetime); without one it is civil time in the anchor's frame: floating when the anchor
is, in the anchor's zone when the anchor is aware ("local time" stays floating: local to
the event, not to the article).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

import attrs

from timeline.errors import ResolveError
from timeline.tagger.context import Context, Tense
from timeline.tagger.resolvers import resolver
from timeline.tagger.resolvers.calendar import in_calendar
from timeline.tagger.resolvers.common import number, whole
from timeline.tagger.scan import Match, Mention
from timeline.time.granularity import Granularity, PartOfDay, floor
from timeline.time.value import TimeValue, TimexType

#: The granularities of a clock reading, the only times a zone or a day can be added to.
_CLOCK = (Granularity.HOUR, Granularity.MINUTE, Granularity.SECOND)

#: Rules whose times carry a zone of their own, kept when a day is added to them.
_ZONED_RULES = frozenset({"time.zone", "time.military", "time.iso"})



def _twenty_four(hour: int, meridiem: str | None) -> int:
    """The hour on a 24-hour clock: 12 a.m. is midnight, 12 p.m. noon."""
    if meridiem is None:
        return hour
    if not 1 <= hour <= 12:
        raise ResolveError(f"no {hour} {meridiem} on a 12-hour clock")
    if meridiem == "am":
        return 0 if hour == 12 else hour
    return 12 if hour == 12 else hour + 12


def _meridiem(m: Match, ctx: Context) -> str | None:
    return str(ctx.lexicon.value("meridiem", m.text("ampm"))) if m.has("ampm") else None


def _offset(text: str) -> timedelta:
    """``+03:00``, ``-0530``, ``Z`` as a UTC offset."""
    if text.upper() == "Z":
        return timedelta(0)
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))


def _sunday(year: int, month: int, nth: int) -> int:
    """The day of the month of its ``nth`` Sunday (``-1``: the last)."""
    first = datetime(year, month, 1)
    first_sunday = 1 + (6 - first.weekday()) % 7
    if nth > 0:
        return first_sunday + 7 * (nth - 1)
    next_month = datetime(year + month // 12, month % 12 + 1, 1)
    last = (next_month - timedelta(days=1)).day
    return first_sunday + 7 * ((last - first_sunday) // 7)


def _us_summer(local: datetime) -> bool:
    """US daylight saving time, read on the wall clock: since 2007 from 2:00 on the second
    Sunday of March to 2:00 on the first Sunday of November; 1987-2006 from the first
    Sunday of April to the last Sunday of October (earlier years use those rules too)."""
    year = local.year
    if year >= 2007:
        start = datetime(year, 3, _sunday(year, 3, 2), 2)
        end = datetime(year, 11, _sunday(year, 11, 1), 2)
    else:
        start = datetime(year, 4, _sunday(year, 4, 1), 2)
        end = datetime(year, 10, _sunday(year, 10, -1), 2)
    return start <= local < end


def _eu_summer(local: datetime, standard: timedelta) -> bool:
    """EU summer time (since 1996): 01:00 UTC on the last Sunday of March to 01:00 UTC on
    the last Sunday of October, read on the zone's wall clock (earlier years likewise)."""
    year = local.year
    start = datetime(year, 3, _sunday(year, 3, -1), 1) + standard
    end = datetime(year, 10, _sunday(year, 10, -1), 1) + standard + timedelta(hours=1)
    return start <= local < end


def zone_at(spec: Mapping[str, Any], local: datetime) -> tzinfo | None:
    """The zone a lexicon ``time_zone`` entry names, at a wall-clock time (for summer time).

    ``None`` for "local time": the clock of wherever the event was, which the words do
    not say.
    """
    if spec.get("local"):
        return None
    standard = _offset(str(spec["offset"]))
    rule = spec.get("dst")
    wall = local.replace(tzinfo=None)
    if rule is None:
        summer = False
    elif rule == "us":
        summer = _us_summer(wall)
    elif rule == "eu":
        summer = _eu_summer(wall, standard)
    else:
        raise ResolveError(f"unknown summer-time rule {rule!r} in the lexicon")
    return timezone(standard + timedelta(hours=1) if summer else standard)


def _zone(m: Match, ctx: Context, local: datetime) -> tzinfo | None:
    """The zone a ``zone`` group names.

    Zone names are capitalised ("EST", "Eastern", "Moscow time"): "2 p.m. central Kyiv"
    is a time and a place. Only "local time" is written in lower case.
    """
    text = m.text("zone")
    spec = ctx.lexicon.value("time_zone", text)
    if not isinstance(spec, Mapping):
        raise ResolveError(f"lexicon time_zone {text!r} is not a table")
    if not spec.get("local") and not text[0].isupper():
        raise ResolveError(f"a zone name is capitalised, not {text!r}")
    return zone_at(spec, local)


def _granularity(m: Match) -> Granularity:
    return Granularity.SECOND if m.has("second") else Granularity.MINUTE


@resolver("clock")
@in_calendar
def clock(m: Match, ctx: Context) -> TimeValue:
    """11:38, 11:38:05, 11.38am, 2 p.m., 1430 GMT: a clock reading on the anchor's day.

    The granularity is what the words give: MINUTE for "11:38" and for "2 p.m." too, which
    names the moment 14:00 ("at 2 p.m.", "the offer expires at 5 p.m."), as "noon" names
    12:00, not the hour from 14:00 to 15:00; SECOND for "11:38:05".
    """
    hour = _twenty_four(int(m.text("hour")), _meridiem(m, ctx))
    minute = int(m["minute"] or 0)
    second = int(m["second"] or 0)
    moment = ctx.day.replace(hour=hour, minute=minute, second=second)
    if m.has("zone"):
        moment = moment.replace(tzinfo=_zone(m, ctx, moment))
    return TimeValue.of_granule(_granularity(m), moment)


@resolver("iso_datetime")
@in_calendar
def iso_datetime(m: Match, ctx: Context) -> TimeValue:
    """2025-02-25T11:38:00Z, 2025-02-25 11:38: ISO 8601 date and time, with its offset if any."""
    try:
        local = datetime(int(m.text("year")), int(m.text("month")), int(m.text("day")),
                         int(m.text("hour")), int(m.text("minute")), int(m["second"] or 0))
    except ValueError:
        raise ResolveError(f"not a calendar date and time: {m.groups}") from None
    zone = timezone(_offset(m.text("offset"))) if m.has("offset") else ctx.anchor.tzinfo
    return TimeValue.of_granule(_granularity(m), local.replace(tzinfo=zone))


@resolver("oclock")
@in_calendar
def oclock(m: Match, ctx: Context) -> TimeValue:
    """An hour on the anchor's day: "3 o'clock", "seven o'clock in the evening".

    With neither a.m./p.m. nor a part of the day, the hours 1-6 are read as afternoon
    and 7-11 as morning (the hours news is about); the reading is a guess, so the
    granularity stays HOUR.
    """
    hour = whole(number(m.text("hour"), ctx.lexicon), m.text("hour"))
    meridiem = _meridiem(m, ctx)
    if meridiem is None and m.has("part"):
        part = str(ctx.lexicon.value("part_of_day", m.text("part")))
        meridiem = "am" if part == "MO" or (part == "NI" and hour < 6) else "pm"
    if meridiem is None:
        meridiem = "pm" if 1 <= hour <= 6 or hour == 12 else "am"
    moment = ctx.day.replace(hour=_twenty_four(hour, meridiem))
    return TimeValue.of_granule(Granularity.HOUR, moment)


@resolver("noon")
@in_calendar
def noon(m: Match, ctx: Context) -> TimeValue:
    """noon: 12:00 on the anchor's day, to the minute (``T12:00``)."""
    return TimeValue.of_granule(Granularity.MINUTE, ctx.day.replace(hour=12))


@resolver("midnight")
@in_calendar
def midnight(m: Match, ctx: Context) -> TimeValue:
    """midnight: the one that starts the anchor's day ("since midnight"), or with a future
    tense the one that ends it ("the deadline expires at midnight").

    With a day ("midnight on Friday", see ``date_time``) it is the end of that day, as
    deadlines use it.
    """
    day = ctx.day + timedelta(days=1) if ctx.tense is Tense.FUTURE else ctx.day
    return TimeValue.of_granule(Granularity.MINUTE, day)


def _clock_of(mention: Mention) -> datetime:
    value = mention.value
    if (value.granularity not in _CLOCK or value.mod is not None or value.interval is None
            or value.interval.start is None):
        raise ResolveError(f"{mention.text!r} is not a clock time")
    return value.interval.start


@resolver("time_zone")
@in_calendar
def time_zone(m: Match, ctx: Context) -> TimeValue:
    """A clock time and its zone: "11:38 a.m. EST", "14:30 UTC", "2 p.m. Moscow time".

    The wall clock is what the words say; the zone makes it an instant. A zone with
    summer time ("ET", "Kyiv time") takes the offset in force on that day.
    """
    time = m.child("time")
    if time.rule in _ZONED_RULES:
        raise ResolveError(f"{time.text!r} already has a zone")
    local = _clock_of(time).replace(tzinfo=None)
    assert time.value.granularity is not None
    return TimeValue.of_granule(time.value.granularity,
                                local.replace(tzinfo=_zone(m, ctx, local)))


def _day_of(mention: Mention, hour: int, is_midnight: bool) -> datetime:
    """The day a clock time falls on, from a day or a part of one ("8 p.m. tonight")."""
    value = mention.value
    if value.mod is not None or value.interval is None or value.interval.start is None:
        raise ResolveError(f"{mention.text!r} is not a day")
    day = floor(Granularity.DAY, value.interval.start)
    if value.granularity is Granularity.DAY:
        return day
    if value.granularity is not Granularity.PART_OF_DAY:
        raise ResolveError(f"{mention.text!r} is not a day")
    part = PartOfDay[value.value[-2:]]
    start, end = part.hours
    if is_midnight:
        return day
    if end > 24 and hour < end - 24:
        return day + timedelta(days=1)  # "2 a.m. tonight": the night runs into the next day
    if not start <= hour < end:
        raise ResolveError(f"{hour}:00 is not in the {part.name} of {mention.text!r}")
    return day


@resolver("date_time")
@in_calendar
def date_time(m: Match, ctx: Context) -> TimeValue:
    """A clock time on a given day: "Monday at 2 p.m.", "2 p.m. Monday", "February 25, 2025
    at 11:38", "8 p.m. tonight", "midnight on Friday" (the end of Friday).

    The day comes from the date, the clock and its granularity from the time, the zone from
    the words after the time, else the time's own ("1430 GMT"), else the anchor's frame.
    """
    time = m.child("time")
    if any(child.value.type is TimexType.DATE for child in time.children):
        # "2 a.m. Tuesday, two days later": the time has its day; what follows is another.
        raise ResolveError(f"{time.text!r} is already on a day")
    clock_start = _clock_of(time)
    is_midnight = time.rule == "time.midnight"
    day = _day_of(m.child("date"), clock_start.hour, is_midnight)
    if is_midnight:
        day += timedelta(days=1)
    local = datetime(day.year, day.month, day.day, clock_start.hour, clock_start.minute,
                     clock_start.second)
    if m.has("zone"):
        if time.rule in _ZONED_RULES:
            raise ResolveError(f"{time.text!r} already has a zone")
        zone = _zone(m, ctx, local)
    elif time.rule in _ZONED_RULES:
        zone = clock_start.tzinfo
    else:
        zone = ctx.anchor.tzinfo
    assert time.value.granularity is not None
    value = TimeValue.of_granule(time.value.granularity, local.replace(tzinfo=zone))
    if is_midnight and value.value[10:16] == "T00:00":
        # Written on the day the text names, as ISO 8601 and TimeML allow: "midnight
        # Friday" is Friday T24:00, the instant Saturday begins.
        named = (day - timedelta(days=1)).date().isoformat()
        value = attrs.evolve(value, value=f"{named}T24:00{value.value[16:]}")
    return value
