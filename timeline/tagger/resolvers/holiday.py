"""Named days: Christmas, Easter and the days around it, Thanksgiving, Election Day, Ramadan.

How each falls in a given year is data (``[words.holiday]`` in the lexicon); this module
only knows the calendar rules behind the data: a fixed month and day, an offset from Easter
Sunday (dateutil's Gregorian computus, or its Julian one for Orthodox Easter), the Nth (or
last) weekday of a month, and a day or month of the Islamic calendar (Ramadan, the Eids),
dated by the Umm al-Qura tables of ``hijridate``. A holiday without a year is the one the
sentence's tense points to, else the nearest, as bare months are.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Literal

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from timeline.errors import ResolveError
from timeline.tagger.context import Context
from timeline.tagger.resolvers import resolver
from timeline.tagger.resolvers.calendar import in_calendar, pick_by_tense
from timeline.tagger.resolvers.common import spanning
from timeline.tagger.scan import Match
from timeline.time.granularity import Granularity
from timeline.time.interval import Interval
from timeline.time.value import TimeValue


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ISO ``weekday`` of a month; ``n = -1`` the last.

    >>> nth_weekday(2025, 11, 4, 4), nth_weekday(2025, 5, 1, -1)
    (datetime.date(2025, 11, 27), datetime.date(2025, 5, 26))
    """
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def _hijri_in(rule: str, year: int) -> tuple[date, date]:
    """A day (``MM-DD``) or a whole month (``MM``) of the Islamic calendar, as the Umm
    al-Qura calendar dates it (``hijridate``), the first that begins in Gregorian ``year``.

    The calendar's tables run from 1343 to 1500 AH (1924 to 2077); outside them, and
    where a local sighting may differ by a day, no date is guessed.
    """
    from hijridate import Gregorian, Hijri  # its tables load on first use

    month_text, _, day_text = rule.partition("-")
    month, day = int(month_text), int(day_text or 1)
    try:
        first = Gregorian(year, 1, 1).to_hijri().year
        last = Gregorian(year, 12, 31).to_hijri().year
        for hijri_year in range(first, last + 1):
            when = Hijri(hijri_year, month, day)
            start = when.to_gregorian()
            if start.year == year:
                length = 1 if day_text else when.month_length()
                return start, start + timedelta(days=length)
    except (OverflowError, ValueError):
        pass
    raise ResolveError(f"no Umm al-Qura date for Hijri {rule} in {year}")


#: Holiday kinds counted from an Easter Sunday, and dateutil's computus for each.
_COMPUTUS: dict[str, Literal[1, 2, 3]] = {"easter": EASTER_WESTERN,
                                          "orthodox": EASTER_ORTHODOX}


def holiday_in(spec: str, year: int) -> tuple[date, date]:
    """The first day of a holiday in ``year`` and the day after its last."""
    kind, _, rule = spec.partition(":")
    if kind == "fixed":
        month, day = (int(part) for part in rule.split("-"))
        start = date(year, month, day)
    elif kind in _COMPUTUS:  # Easter Sunday by dateutil's tables, then the offset
        start = easter(year, _COMPUTUS[kind]) + timedelta(days=int(rule))
    elif kind == "nth":
        month_text, weekday_text, n_text = rule.split("-", 2)
        start = nth_weekday(year, int(month_text), int(weekday_text), int(n_text))
    elif kind == "after":
        base, _, days = rule.partition("+")
        month_text, weekday_text, n_text = base.split("-")
        start = nth_weekday(year, int(month_text), int(weekday_text), int(n_text)) + \
            timedelta(days=int(days))
    elif kind == "hijri":
        return _hijri_in(rule, year)
    else:
        raise ResolveError(f"unknown holiday rule {spec!r}")
    return start, start + timedelta(days=1)


@resolver("holiday")
@in_calendar
def holiday(m: Match, ctx: Context) -> TimeValue:
    """Christmas, Easter Monday, Thanksgiving 2024, Ramadan: the day (or days) it falls on."""
    spec = str(ctx.lexicon.value("holiday", m.text("holiday")))
    if m.has("year"):
        years = [int(m.text("year"))]
    else:
        years = [ctx.day.year - 1, ctx.day.year, ctx.day.year + 1]
    found: dict[datetime, tuple[date, date]] = {}
    for year in years:
        try:
            first, end = holiday_in(spec, year)
        except ResolveError:
            continue
        found[ctx.day.replace(year=first.year, month=first.month, day=first.day)] = (first,
                                                                                    end)
    if not found:
        raise ResolveError(f"{m.text('holiday')!r} has no known date near {ctx.day.year}")
    if len(found) == 1:
        chosen = next(iter(found))
    else:
        # Lasting several days (Ramadan), the anchor's own counts as this one.
        current = ctx.day
        for start, (first, end) in found.items():
            if start <= current < start + (end - first):
                current = start
        chosen = pick_by_tense(ctx, sorted(found), current)
    first, end = found[chosen]
    days = (end - first).days
    if days == 1:
        return TimeValue.of_granule(Granularity.DAY, chosen)
    return spanning(Interval(chosen, chosen + timedelta(days=days)))
