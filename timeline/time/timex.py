"""TIMEX3 ``value`` strings (TimeML 1.2.1) to and from calendar granules.

The forms: ``2025``, ``199`` (decade), ``18`` (century), ``2025-02``, ``2025-02-24``,
``2025-W08``, ``2025-W09-WE``, ``2025-Q1``, ``2024-H2``, ``2025-SU``,
``2025-02-24TEV``, ``2025-02-25T11:38``, ``2025-02-25T11:38:00-05:00``,
``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``; values with ``X`` for unknown digits
(``XXXX-WXX-1``, ``XXXX-02-24``) parse but have no interval.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import attrs

from timeline.errors import TimexError
from timeline.time.granularity import Granularity, PartOfDay, Season, floor, part_of_day_span, span
from timeline.time.interval import Interval

MAX_LENGTH = 64  # longer strings are rejected before any pattern runs

REFERENCES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")

_DATE = re.compile(
    r"(?P<year>[0-9X]{4})"
    r"(?:-(?:(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2}))?"
    r"|W(?P<week>[0-9X]{2})(?:-(?P<wday>[1-7X]|WE))?"
    r"|Q(?P<quarter>[1-4X])|H(?P<half>[12X])|(?P<season>SP|SU|FA|WI)))?"
    r"(?:T(?:(?P<part>MO|MI|AF|EV|NI|DT)"
    r"|(?P<hour>[0-9]{2})(?::(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?)?"
    r"(?P<zone>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?))?"
)
_SHORT = re.compile(r"[0-9]{2,3}")


@attrs.frozen
class Granule:
    """What a TIMEX3 date or time value names: its granularity and interval.

    ``interval`` is ``None`` when the value has unknown digits (``XXXX-02-24``).
    """

    granularity: Granularity
    interval: Interval | None


def parse(value: str) -> Granule:
    """Read a TIMEX3 DATE or TIME value; ``TimexError`` names it when it is not one."""
    if len(value) > MAX_LENGTH:
        raise TimexError(f"TIMEX3 value too long ({len(value)} characters): {value[:20]!r}...")
    short = _SHORT.fullmatch(value)
    m = None if short else _DATE.fullmatch(value)
    if short is None and m is None:
        raise TimexError(f"not a TIMEX3 date or time value: {value!r}")
    try:
        return _short(value) if m is None else _granule(m)
    except (ValueError, OverflowError) as exc:
        # A day or week the calendar does not have, or a granule ending past 9999
        # ("99", "9999-12-31": datetime arithmetic raises OverflowError there).
        raise TimexError(f"not a calendar date: {value!r} ({exc})") from None


def _short(value: str) -> Granule:
    """``199`` (a decade) or ``18`` (a century)."""
    granularity = Granularity.DECADE if len(value) == 3 else Granularity.CENTURY
    first_year = int(value) * (10 if len(value) == 3 else 100)
    return _years(granularity, first_year)


def _years(granularity: Granularity, first_year: int) -> Granule:
    """A decade or century (``00``, starting in year 0, has no interval)."""
    if first_year == 0:
        return Granule(granularity, None)
    return Granule(granularity, Interval(*span(granularity, datetime(first_year, 1, 1))))


def _granule(m: re.Match[str]) -> Granule:
    g = m.groupdict()
    granularity = _granularity_of(g)
    year = g["year"]
    if "X" in year:
        if year[:3].isdigit() and year[3] == "X" and granularity is Granularity.YEAR:
            return _years(Granularity.DECADE, int(year[:3]) * 10 or 1)
        if year[:2].isdigit() and year[2:] == "XX" and granularity is Granularity.YEAR:
            return _years(Granularity.CENTURY, int(year[:2]) * 100 or 1)
        return Granule(granularity, None)
    if any("X" in (g[k] or "") for k in ("month", "day", "week", "wday", "quarter", "half")):
        return Granule(granularity, None)
    y = int(year)
    if y == 0:
        raise ValueError("year 0000 is outside the calendar supported here")
    if g["week"]:
        week = int(g["week"])
        monday = datetime.fromisocalendar(y, week, 1)
        if g["wday"] == "WE":
            start = monday + timedelta(days=5)
        elif g["wday"]:
            start = monday + timedelta(days=int(g["wday"]) - 1)
        else:
            start = monday
    elif g["quarter"]:
        start = datetime(y, (int(g["quarter"]) - 1) * 3 + 1, 1)
    elif g["half"]:
        start = datetime(y, 1 if g["half"] == "1" else 7, 1)
    elif g["season"]:
        start = datetime(y, Season[g["season"]].value, 1)
    else:
        start = datetime(y, int(g["month"] or 1), int(g["day"] or 1))
    if g["part"]:
        lo, hi = part_of_day_span(start, PartOfDay[g["part"]])
        return Granule(granularity, Interval(lo, hi))
    if g["hour"] is not None:
        hour, minute, second = int(g["hour"]), int(g["minute"] or 0), int(g["second"] or 0)
        if hour == 24 and minute == second == 0:
            # ISO 8601's end of the day ("midnight Friday" is Friday T24:00): the instant
            # the next day begins.
            hour, start = 0, start + timedelta(days=1)
        start = start.replace(hour=hour, minute=minute, second=second)
        if g["zone"]:
            start = start.replace(tzinfo=_zone(g["zone"]))
    return Granule(granularity, Interval(*span(granularity, start)))


def _granularity_of(g: dict[str, str | None]) -> Granularity:
    if g["part"]:
        return Granularity.PART_OF_DAY
    if g["hour"] is not None:
        if g["second"] is not None:
            return Granularity.SECOND
        return Granularity.MINUTE if g["minute"] is not None else Granularity.HOUR
    if g["day"] or (g["wday"] and g["wday"] != "WE"):
        return Granularity.DAY
    if g["wday"] == "WE":
        return Granularity.WEEKEND
    if g["week"]:
        return Granularity.WEEK
    if g["month"]:
        return Granularity.MONTH
    if g["quarter"]:
        return Granularity.QUARTER
    if g["half"]:
        return Granularity.HALF
    if g["season"]:
        return Granularity.SEASON
    return Granularity.YEAR


def _zone(text: str) -> timezone:
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def render(granularity: Granularity, moment: datetime, part: PartOfDay | None = None) -> str:
    """The TIMEX3 value of the granule of this size that contains ``moment``.

    A clock value is written without the moment's zone (``2025-02-24T14:00``, never
    ``...T14:00-05:00``): TimeML's annotated corpora write none, and a scorer compares the
    strings. The zone stays in the value's interval (and its EDTF and JSON), where the text
    stated it; ``parse`` still reads an offset a file gives.

    >>> render(Granularity.WEEK, datetime(2025, 2, 19))
    '2025-W08'
    >>> render(Granularity.WEEKEND, datetime(2025, 2, 24))
    '2025-W09-WE'
    """
    g = granularity
    if g is Granularity.PART_OF_DAY:
        if part is None:
            raise ValueError("a part-of-day value needs its part")
        return f"{_ymd(moment)}T{part.name}"
    if g is Granularity.SECOND:
        return f"{_ymd(moment)}T{moment:%H:%M:%S}"
    if g is Granularity.MINUTE:
        return f"{_ymd(moment)}T{moment:%H:%M}"
    if g is Granularity.HOUR:
        return f"{_ymd(moment)}T{moment:%H}"
    if g is Granularity.DAY:
        return _ymd(moment)
    if g in (Granularity.WEEK, Granularity.WEEKEND):
        year, week, _ = moment.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if g is Granularity.WEEKEND else "")
    start = floor(g, moment)
    if g is Granularity.MONTH:
        return f"{start.year:04d}-{start.month:02d}"
    if g is Granularity.QUARTER:
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if g is Granularity.HALF:
        return f"{start.year:04d}-H{1 if start.month <= 6 else 2}"
    if g is Granularity.SEASON:
        return f"{start.year:04d}-{Season(start.month).name}"
    if g is Granularity.YEAR:
        return f"{start.year:04d}"
    if g is Granularity.DECADE:
        return f"{start.year // 10:03d}"
    return f"{start.year // 100:02d}"


def _ymd(moment: datetime) -> str:
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"

