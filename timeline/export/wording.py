"""Plain English for an event's time, shared by every export that shows one to a reader.

An ``EventTime`` bounds an event's start and end; its hull is everything the event possibly
covers. The words here never name a narrower span than the hull (a reader may trust
"between 17 and 23 Feb 2025" to contain the event), and never a wider one than needed. Bounds
are rounded outward to whole minutes first: the solver keeps starts before ends with
one-microsecond steps, which are exact but say nothing to a reader.

Day-month-year order with our own month abbreviations ("24 Feb 2025"), never ``strftime``'s
``%b``, which follows the locale: the same corpus must give the same bytes everywhere.
Floating (civil) times are written as they are; aware ones in UTC, with "UTC" said wherever
a time of day is shown.

>>> from datetime import datetime as dt
>>> when_text(EventTime(dt(2025, 2, 17), dt(2025, 2, 23, 23, 59), dt(2025, 2, 17, 0, 1),
...                     dt(2025, 2, 24)))
'between 17 and 23 Feb 2025'
>>> when_text(EventTime(None, None, None, dt(2026, 1, 1)))
'by 31 Dec 2025'
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

import attrs

from timeline.model.claim import Claim, Status
from timeline.model.event import Event
from timeline.model.network import (
    NEG,
    POS,
    Conflict,
    EventTime,
    Frame,
    _relate,  # the one statement of what an order claim constrains
    bounds_of,
    claimed,
    components,
    frame_for,
)
from timeline.time.granularity import Granularity, floor, step
from timeline.time.interval import Interval, is_floating

if TYPE_CHECKING:
    from timeline.model.event import Event
    from timeline.query.timeline import Change, Timeline

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DASH = "\u2013"  # en dash, for ranges ("14:00–16:00")

_MINUTE = timedelta(minutes=1)
_DAY = timedelta(days=1)
#: Bounds this close are equal: the solver separates a start from its end, or an event
#: from the one it follows, by a microsecond per step.
_NOISE = timedelta(milliseconds=1)
_TICK = timedelta(microseconds=1)  # the solver keeps a start this far before its end

#: How each status reads in a line about an event ("[scheduled]").
STATUS_WORDS: dict[Status, str] = {
    Status.OCCURRED: "occurred",
    Status.REPORTED: "reported",
    Status.SCHEDULED: "scheduled",
    Status.EXPECTED: "expected",
    Status.UNCONFIRMED: "unconfirmed",
}


_WEB = re.compile(r"https?://[^\s\x00-\x1f\x7f<>\"]+", re.IGNORECASE)


def web_url(url: str | None) -> str | None:
    """``url`` when it is fit to be a link (http or https, no spaces, quotes or controls).

    Article URLs come from the corpus, untrusted: a ``javascript:`` link in an export
    would run when clicked, so anything else is shown as text, never linked.
    """
    return url if url is not None and _WEB.fullmatch(url) else None


def plural(count: int, word: str) -> str:
    """``1 event``, ``3 events``: a count and its noun."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def status_text(status: Status) -> str:
    """The status as a reader says it: ``scheduled``, ``expected``, ``unconfirmed``."""
    return STATUS_WORDS[status]


def day_text(day: date) -> str:
    """``24 Feb 2025``: day-month-year, no leading zero, no locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_text(day: date) -> str:
    """``Feb 2025``: the month that holds ``day``."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def clock_text(moment: datetime) -> str:
    """``14:00``; seconds only when there are any, since news rarely gives them."""
    if moment.second or moment.microsecond:
        return f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
    return f"{moment.hour:02d}:{moment.minute:02d}"


@attrs.frozen
class Display:
    """The zone times are shown in: what every export's words and days are read in.

    ``zone`` shows aware times (``None``: UTC, or the corpus's zone when it has one);
    ``corpus`` is the corpus's declared zone, in which its floating times are read;
    ``note_floating`` adds "zone not stated" after a floating clock time, for a reader who
    asked for a zone (``--zone``) and must not take a floating time for one of theirs.
    """

    zone: tzinfo | None = None
    corpus: tzinfo | None = None
    note_floating: bool = False


# Display is frozen (attrs), so one shared default cannot be changed in place.
_DISPLAY: ContextVar[Display] = ContextVar("timeline_display",
                                           default=Display())  # noqa: B039


@contextmanager
def display_zone(zone: str | tzinfo | None = None, *, corpus: str | None = None
                 ) -> Iterator[Display]:
    """Words and days inside the ``with`` are in ``zone`` (an IANA name or a ``tzinfo``),
    else the corpus's zone, else UTC for aware times; a context variable, so concurrent
    exports (threads, async) do not see each other's."""
    shown = _tz(zone)
    display = Display(shown if shown is not None else _tz(corpus), _tz(corpus),
                      note_floating=zone is not None)
    token = _DISPLAY.set(display)
    try:
        yield display
    finally:
        _DISPLAY.reset(token)


def _tz(zone: str | tzinfo | None) -> tzinfo | None:
    if zone is None or isinstance(zone, tzinfo):
        return zone
    from zoneinfo import ZoneInfo

    return ZoneInfo(zone)


def _zone(moment: datetime) -> str:
    """Nothing for floating time (", zone not stated" when the reader asked for a zone);
    the zone's abbreviation (``EST``), ``UTC`` or ``UTC+01:00`` for an aware one."""
    if is_floating(moment):
        return ", zone not stated" if _DISPLAY.get().note_floating else ""
    offset = moment.utcoffset()
    assert offset is not None
    name = moment.tzname()
    if name and name.isalpha() and name.isupper() and name != "UTC" and len(name) <= 5:
        return f" {name}"
    if not offset:
        return " UTC"
    sign = "+" if offset > timedelta(0) else "-"
    minutes = abs(offset) // _MINUTE
    return f" UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def moment_text(moment: date | datetime) -> str:
    """A publication or as-of time: ``25 Feb 2025`` or ``25 Feb 2025, 11:38`` (zone as given).

    An aware time keeps the offset it was published with, since that is what the outlet
    printed (``25 Feb 2025, 11:38 UTC+01:00``), unless the reader asked for a zone; a
    floating one is read in the corpus's zone when it has one.
    """
    if not isinstance(moment, datetime):
        return day_text(moment)
    display = _DISPLAY.get()
    if is_floating(moment) and display.corpus is not None:
        moment = moment.replace(tzinfo=display.corpus)
    if display.note_floating and not is_floating(moment):
        moment = moment.astimezone(display.zone)
    return f"{day_text(moment.date())}, {clock_text(moment)}{_zone(moment)}"


def _floor(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _ceil(moment: datetime) -> datetime:
    floor = _floor(moment)
    return floor if floor == moment else floor + _MINUTE


def _utc(moment: datetime | None) -> datetime | None:
    """A time as it is shown (``display_zone``): aware ones in the display zone (UTC by
    default); floating ones unchanged, or read in the corpus's zone when it has one."""
    if moment is None:
        return moment
    display = _DISPLAY.get()
    if is_floating(moment):
        if display.corpus is None:
            return moment
        moment = moment.replace(tzinfo=display.corpus)
    return moment.astimezone(display.zone or UTC)


def shown_moment(moment: datetime) -> datetime:
    """A time as every export shows it (``display_zone``): aware in the display zone, or
    floating."""
    shown = _utc(moment)
    assert shown is not None
    return shown


def rounded_hull(time: EventTime) -> tuple[datetime | None, datetime | None]:
    """The hull's ends as shown (aware ones in the display zone), rounded outward to whole
    minutes."""
    start, end = _utc(time.earliest_start), _utc(time.latest_end)
    return (None if start is None else _floor(start)), (None if end is None else _ceil(end))


def _exact(time: EventTime) -> bool:
    """Start and end each known, up to the solver's microsecond steps."""
    es, ls, ee, le = time.earliest_start, time.latest_start, time.earliest_end, time.latest_end
    if es is None or ls is None or ee is None or le is None:
        return False
    return abs(ls - es) <= _NOISE and abs(le - ee) <= _NOISE


def _midnight(moment: datetime) -> bool:
    return moment.hour == 0 and moment.minute == 0 and moment.second == 0 \
        and moment.microsecond == 0


def day_span(time: EventTime) -> tuple[date | None, date | None]:
    """The first and last calendar day the hull touches (inclusive); ``None`` when open.

    Exports group by these: an event whose two days are equal belongs under that day.
    """
    start, end = rounded_hull(time)
    first = None if start is None else start.date()
    last = None if end is None else (end - _DAY if _midnight(end) else end).date()
    return first, last


def _days(first: date, last: date, joiner: str) -> str:
    """``17 and 23 Feb 2025``, ``28 Feb and 2 Mar 2025``, ``30 Dec 2024 and 3 Jan 2025``."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{joiner}{day_text(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]}{joiner}{day_text(last)}"
    return f"{day_text(first)}{joiner}{day_text(last)}"


def _point(moment: datetime, *, end: bool) -> str:
    """A bound in words: a day when at midnight (an end's midnight names the day before)."""
    if _midnight(moment):
        return day_text((moment - _DAY if end else moment).date())
    return f"{day_text(moment.date())}, {clock_text(moment)}{_zone(moment)}"


def _whole_months(start: datetime, end: datetime) -> bool:
    return start.day == 1 and end.day == 1 and _midnight(start) and _midnight(end)


def _clock_window(start: datetime, end: datetime, *, exact: bool) -> str:
    """The part of one day a window covers: ``14:00–16:00``, ``before 18:00``, ``14:00``."""
    zone = _zone(start)
    until = "24:00" if _midnight(end) else clock_text(end)
    if exact:
        return f"{clock_text(start)}{DASH}{until}{zone}"
    if end - start <= _MINUTE:
        return f"{clock_text(start)}{zone}"
    if _midnight(start):
        return f"before {until}{zone}"
    if _midnight(end):
        return f"after {clock_text(start)}{zone}"
    return f"between {clock_text(start)} and {until}{zone}"


def clock_window(time: EventTime) -> str | None:
    """The time of day of an event inside one day (``before 18:00``); ``None`` otherwise.

    ``None`` also when the hull is the whole day: there is no time of day to add to it.
    For chronologies that already name the day in a heading.
    """
    start, end = rounded_hull(time)
    if start is None or end is None or (_midnight(start) and _midnight(end)):
        return None
    first, last = day_span(time)
    if first != last:
        return None
    return _clock_window(start, end, exact=_exact(time))


def _closed(time: EventTime, start: datetime, end: datetime) -> str:
    exact = _exact(time)
    last_day = (end - _DAY if _midnight(end) else end).date()
    if _midnight(start) and _midnight(end):
        if start.date() == last_day:
            return day_text(last_day)
        if exact:
            same_month = (start.year, start.month) == (last_day.year, last_day.month)
            return _days(start.date(), last_day, DASH if same_month else f" {DASH} ")
        if _whole_months(start, end):
            if start.month == 1 and end.month == 1:
                if end.year - start.year == 1:
                    return str(start.year)
                return f"between {start.year} and {end.year - 1}"
            if (end.year - start.year) * 12 + end.month - start.month == 1:
                return month_text(start)
            last = last_day
            if start.year == last.year:
                return f"between {MONTHS[start.month - 1]} and {month_text(last)}"
            return f"between {month_text(start)} and {month_text(last)}"
        return "between " + _days(start.date(), last_day, " and ")
    if start.date() == last_day:  # within one day, with a time of day on at least one side
        return f"{day_text(start.date())}, {_clock_window(start, end, exact=exact)}"
    if exact:
        return f"{_point(start, end=False)} {DASH} {_point(end, end=True)}"
    return f"between {_point(start, end=False)} and {_point(end, end=True)}"


def when_text(time: EventTime) -> str:
    """When an event happens, in words no narrower than its hull.

    ``24 Feb 2025``; ``24 Feb 2025, 14:00–16:00`` (known start and end); ``24 Feb 2025,
    between 12:00 and 18:00``; ``between 17 and 23 Feb 2025``; ``Feb 2025``; ``2025``;
    ``by 31 Dec 2025`` (open start; the hull's end is exclusive, so an end at midnight on
    1 Jan names 31 Dec); ``from 24 Feb 2025``, ``from 2022``, ``starting between 24 and 26
    Feb 2025`` (open end); ``date unknown``.
    """
    start, end = rounded_hull(time)
    if start is None and end is None:
        return "date unknown"
    if start is None:
        assert end is not None
        return f"by {_point(end, end=True)}"
    if end is None:
        # Its start is known only to lie in a window (the war "began in 2022"): name the
        # window, not its first instant, which nobody claimed.
        latest = _utc(time.latest_start)
        if latest is not None and latest - start >= _DAY:
            window = interval_text(Interval(start, _ceil(latest + _TICK)))
            # "from 2022", but "starting between 24 Feb and 25 Feb 2025, 02:00".
            return f"starting {window}" if window.startswith("between ") else f"from {window}"
        return f"from {_point(start, end=False)}"
    return _closed(time, start, end)


def interval_text(interval: Interval) -> str:
    """Words for a claim's interval: the event lies somewhere inside it."""
    return when_text(EventTime(interval.start, None, None, interval.end))


def is_uncertain(time: EventTime) -> bool:
    """True unless the words name the event's day(s) exactly.

    Certain: a hull that is one whole day, a time exact to the minute, or a hull inside one
    day (the date is certain; only the time of day is not). Uncertain: open ends and
    windows of several days, months or years.
    """
    start, end = rounded_hull(time)
    if start is None or end is None:
        return True
    if _exact(time):
        return False
    first, last = day_span(time)
    return first != last


# -- reprs: what an object holds, in one line ---------------------------------------------------

def holds_text(tl: Timeline) -> str:
    """``24 events from 5 articles``: what a timeline (or view) holds; the articles are
    those it knows (published by its "as of" time)."""
    return f"{plural(len(tl), 'event')} from {plural(len(tl.known_articles), 'article')}"


def timeline_repr(tl: Timeline) -> str:
    """``<Timeline 'seeds': 24 events from 5 articles, as of 2025-03-05>``.

    The title when it has one, the "as of" time (ISO, as ``as_of`` takes it), the zone
    its floating times are read in, and "possibly known" for a ``possibly`` view.
    """
    title = "" if tl.title is None else f" {tl.title!r}"
    parts = [holds_text(tl)]
    if tl.as_of_time is not None:
        parts.append(f"as of {tl.as_of_time.isoformat()}")
    if tl.possibly:
        parts.append("possibly known")
    if tl.zone is not None:
        parts.append(f"zone {tl.zone}")
    return f"<Timeline{title}: {', '.join(parts)}>"


#: Events ``timeline_pretty`` lists before it says how many more there are.
PRETTY_ROWS = 20


def timeline_pretty(tl: Timeline, rows: int = PRETTY_ROWS) -> str:
    """The repr, then one line an event (when, id, status, title), for IPython's console."""
    events = tl.events
    shown = [(when_text(e.time), e.id, f"[{status_text(e.status)}]", e.title)
             for e in events[:rows]]
    widths = [max((len(line[i]) for line in shown), default=0) for i in range(3)]
    lines = [timeline_repr(tl)]
    lines += ["  " + "  ".join(cell.ljust(width) for cell, width in zip(line, [*widths, 0],
                                                                       strict=True)).rstrip()
              for line in shown]
    if len(events) > rows:
        lines.append(f"  \u2026 {plural(len(events) - rows, 'more event')}")
    return "\n".join(lines)


def event_repr(event: Event) -> str:
    """``<Event 'ga-vote': 24 Feb 2025, before 18:00 [occurred], 5 claims from 3 articles>``.

    The time in the words the chronology uses (never narrower than the event's hull).
    """
    parts = [f"{when_text(event.time)} [{status_text(event.status)}]",
             f"{plural(len(event.claims), 'claim')} from "
             f"{plural(len(event.articles), 'article')}"]
    if event.conflicted:
        parts.append("conflicting claims")
    return f"<Event {event.id!r}: {', '.join(parts)}>"


def placement_text(claim: Claim) -> str | None:
    """How a claim places its event against others: ``before ga-vote``, ``days before
    invasion-2022``; ``None`` when it places it against none."""
    parts = []
    if claim.before is not None:
        parts.append(f"before {claim.before}")
    if claim.after is not None:
        parts.append(f"after {claim.after}")
    if claim.relative_to is not None:
        offset = claim.offset.text if claim.offset is not None else "relative to"
        parts.append(f"{offset} {claim.relative_to}")
    return "; ".join(parts) or None


#: Characters of a quote a claim's repr shows before it stops with "...".
_QUOTED = 48


def claim_repr(claim: Claim) -> str:
    """``<Claim 'ga-vote' in '002' [occurred] 'on Monday' = 2025-02-24: "Earlier on...">``.

    The event, the article, the status, what it says of the time (the expression and its
    TIMEX3 value, or the event it is placed against) and the start of its quote.
    """
    says = []
    if claim.when is not None:
        says.append(repr(claim.when))
    if claim.value is not None:
        says.append(f"= {claim.value.value}")
    placement = placement_text(claim)
    if placement is not None:
        says.append(placement)
    quote = " ".join(claim.quote.split())
    quote = quote if len(quote) <= _QUOTED else quote[:_QUOTED].rstrip() + "..."
    said = " ".join(says) + ": " if says else ""
    return (f"<Claim {claim.event!r} in {claim.article!r} [{status_text(claim.status)}] "
            f"{said}{quote!r}>")


def change_side(value: object) -> str:
    """One side of a ``Change`` in words: a time (``when_text``), a status, a count of
    conflicts; ``-`` for nothing (an added event had no before)."""
    if value is None:
        return "-"
    if isinstance(value, EventTime):
        return when_text(value)
    if isinstance(value, Status):
        return status_text(value)
    if isinstance(value, tuple) and all(isinstance(c, Conflict) for c in value):
        return plural(len(value), "conflict")
    return str(value)


def change_repr(change: Change) -> str:
    """``<Change narrowed 'summit': Mar 2025 -> 3 Mar 2025, 1 claim>``."""
    before = "" if change.old is None else f"{change_side(change.old)} -> "
    return (f"<Change {change.kind} {change.event!r}: {before}{change_side(change.new)}, "
            f"{plural(len(change.claims), 'claim')}>")


def conflict_repr(conflict: Conflict) -> str:
    """``<Conflict dates 'treaty': ... (claims from 'a', 'b')>``: kind, event, message."""
    articles = ", ".join(repr(a) for a in dict.fromkeys(c.article for c in conflict.claims))
    return f"<Conflict {conflict.kind} {conflict.event!r}: {conflict.message} ({articles})>"


# -- bounds derived through order claims ----------------------------------------------------
#
# The solver carries a bound from one event to another along order claims: an event "days
# before" the invasion ends by the invasion's latest start, which may itself come from an
# event "three years after" it, which is bounded by a "Monday afternoon" three years later.
# The microseconds are right, but "by 26 Feb 2022, 18:00" states a clock time no source gave
# for that event. So each bound remembers the coarsest granularity of the claims it was
# carried through (the claim it started from, and each offset on the way: "three years
# after" is good to a day, "within two hours" to the hour, a plain "before" adds nothing),
# and a bound that came through an order claim is rounded outward to that granularity:
# "by 26 Feb 2022", still true, at the granularity the sources give.

#: Granules a bound is rounded to: parts of the day overlap and a weekend is two days of a
#: week, so those round to the hour and the day; seconds are below what the words show.
_ROUNDING: dict[Granularity, Granularity] = {
    Granularity.SECOND: Granularity.MINUTE,
    Granularity.PART_OF_DAY: Granularity.HOUR,
    Granularity.WEEKEND: Granularity.DAY,
}
_OFFSET_UNITS: dict[str, Granularity] = {"minute": Granularity.MINUTE,
                                         "hour": Granularity.HOUR}


def _coarsest(a: Granularity | None, b: Granularity | None) -> Granularity | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def claim_granularity(claim: Claim) -> Granularity:
    """How finely a claim dates its event: its value's granularity (a day when unknown)."""
    if claim.value is not None and claim.value.granularity is not None:
        return claim.value.granularity
    if claim.value is None and claim.ongoing and isinstance(claim.known_from, datetime):
        return Granularity.MINUTE
    return Granularity.DAY


def offset_granularity(claim: Claim) -> Granularity | None:
    """How finely an order claim places its event: ``None`` for a plain before/after.

    Offsets in days or longer units are good to a day ("three years after": the
    anniversary, give or take a day); "within two hours" or "hours after" to the hour.
    """
    if claim.offset is None:
        return None
    words = claim.offset.text.casefold().split()
    for word in words:
        unit = word.removesuffix("s")
        if unit in _OFFSET_UNITS:
            return _OFFSET_UNITS[unit]
        if unit in ("day", "week", "month", "year"):
            return Granularity.DAY
    return None


def set_aside(event: Event) -> set[Claim]:
    """The event's order claims the timeline set aside because they cannot hold."""
    return {c for conflict in event.conflicts if conflict.kind == "order"
            for c in conflict.claims}


#: Per bound (earliest start, latest start, earliest end, latest end): the granularity a
#: bound derived through order claims is good to, ``None`` where the event's own claims
#: give it (or it is open).
Grains = tuple[Granularity | None, Granularity | None, Granularity | None, Granularity | None]


@attrs.frozen
class Derivation:
    """How an event's bounds were found: ``grains`` per bound (``None``: from its own claims
    or open), the hull its own claims give, and the order claim each end of the hull came
    through last (``None``: its own claims give it)."""

    grains: Grains
    own: EventTime
    start_via: Claim | None
    end_via: Claim | None


def derivations(events: Sequence[Event]) -> dict[str, Derivation]:
    """Which bounds of each event come through order claims, and how finely they are known.

    The bounds are propagated again as the solver does (its own claims, then the order
    claims it kept), each carrying the coarsest granularity of the claims on its way and
    the last order claim it came through. Only that bookkeeping is used: the values shown
    are the events' own, which this never changes except by rounding outward. Each group
    of events linked by order claims is worked in its own frame, as the model computes it
    (civil when all its times are floating; the corpus's zone, from ``display_zone``).
    """
    by_id = {e.id: e for e in events}
    out: dict[str, Derivation] = {}
    for group in components({e.id: e.claims for e in events}):
        out.update(_derivations([by_id[event_id] for event_id in group]))
    return out


def _derivations(events: Sequence[Event]) -> dict[str, Derivation]:
    """``derivations`` for one linked group, in the frame its events' times are in: a view
    may know only floating claims of a group the model computes absolute (#13)."""
    corpus = _DISPLAY.get().corpus
    aware = any(m is not None and not is_floating(m) for e in events
                for m in (e.time.earliest_start, e.time.latest_start, e.time.earliest_end,
                          e.time.latest_end))
    frame = (Frame(floating=False, zone=corpus) if aware
             else frame_for((c for e in events for c in e.claims), corpus))
    index = {e.id: 2 * i for i, e in enumerate(events)}
    n = 2 * len(index)
    lower, upper = [NEG] * n, [POS] * n
    lo_grain: list[Granularity | None] = [None] * n
    hi_grain: list[Granularity | None] = [None] * n
    lo_via: list[Claim | None] = [None] * n
    hi_via: list[Claim | None] = [None] * n
    edges: list[tuple[int, int, int, Granularity | None, Claim | None]] = []
    own: dict[str, tuple[int, int, int, int]] = {}
    # As the solver: an event whose order claims were set aside places nothing, and is
    # placed by nothing.
    dropped = {e.id for e in events if any(c.kind == "order" for c in e.conflicts)}
    for event in events:
        s = index[event.id]
        items = [(b, c) for c in event.claims for b in bounds_of(c, frame)]
        agreed = claimed(event.id, items, [])
        own[event.id] = agreed or (NEG, POS, NEG, POS)
        if agreed is not None:
            for k, var in enumerate((s, s, s + 1, s + 1)):
                # Which claims give this bound (a start's upper bound may be its end's, less
                # the solver's microsecond): the finest of them is what it is good to.
                alt = {1: 3, 2: 0}.get(k)
                tick = -1 if k == 1 else 1
                giving = [c for b, c in items if b[k] == agreed[k]
                          or (alt is not None and b[alt] + tick == agreed[k])]
                grain = min(claim_granularity(c) for c in giving or [c for _, c in items])
                if k % 2:
                    upper[var], hi_grain[var] = agreed[k], grain
                else:
                    lower[var], lo_grain[var] = agreed[k], grain
        edges.append((s + 1, s, -1, None, None))  # start < end
        if event.id in dropped:
            continue
        for claim in event.claims:
            if any(r not in index or r in dropped for r in claim.references):
                continue

            def edge(u: int, v: int, w: int, claim: Claim = claim) -> None:
                edges.append((u, v, w, offset_granularity(claim), claim))

            _relate(claim, s, index, edge)
    # Worklists, as the solver's propagation: an upper bound moves forward along x_v <= x_u
    # + w, a lower bound backward; a variable moved more often than there are variables is
    # on a contradiction left in a view, and stops there.
    forward: dict[int, list[tuple[int, int, Granularity | None, Claim | None]]] = {}
    backward: dict[int, list[tuple[int, int, Granularity | None, Claim | None]]] = {}
    for u, v, w, by_grain, by_claim in edges:
        forward.setdefault(u, []).append((v, w, by_grain, by_claim))
        backward.setdefault(v, []).append((u, w, by_grain, by_claim))
    moves = [0] * n
    pending = deque(range(n))
    while pending:
        u = pending.popleft()
        if upper[u] < POS:
            for v, w, by_grain, by_claim in forward.get(u, ()):
                if upper[u] + w < upper[v] and moves[v] <= n:
                    upper[v] = upper[u] + w
                    hi_grain[v] = _coarsest(hi_grain[u], by_grain)
                    hi_via[v] = by_claim or hi_via[u]
                    moves[v] += 1
                    pending.append(v)
    pending = deque(range(n))
    moves = [0] * n
    while pending:
        v = pending.popleft()
        if lower[v] > NEG:
            for u, w, by_grain, by_claim in backward.get(v, ()):
                if lower[v] - w > lower[u] and moves[u] <= n:
                    lower[u] = lower[v] - w
                    lo_grain[u] = _coarsest(lo_grain[v], by_grain)
                    lo_via[u] = by_claim or lo_via[v]
                    moves[u] += 1
                    pending.append(u)
    out: dict[str, Derivation] = {}
    for event_id, s in index.items():
        e = s + 1
        grains = (lo_grain[s] if lo_via[s] else None, hi_grain[s] if hi_via[s] else None,
                  lo_grain[e] if lo_via[e] else None, hi_grain[e] if hi_via[e] else None)
        out[event_id] = Derivation(grains, EventTime(*(frame.moment(b) for b in own[event_id])),
                                   lo_via[s], hi_via[e])
    return out


def _round(moment: datetime | None, grain: Granularity | None, *, up: bool) -> datetime | None:
    """``moment`` floored (or ceiled) to a granule of ``grain``; unchanged without one."""
    if moment is None or grain is None:
        return moment
    unit = _ROUNDING.get(grain, grain)
    moment = _utc(moment)
    assert moment is not None
    start = floor(unit, moment)
    if not up or start == moment:
        return start
    try:
        return start + step(unit)
    except OverflowError:  # the last granule of the calendar: no end to round to
        return moment


def coarsened(time: EventTime, grains: Grains) -> EventTime:
    """``time`` with each derived bound rounded outward to its granularity (never narrower).

    The inner bounds keep the solver's microsecond from a granule's edge, as a claim's own
    bounds do (an event "on Monday" starts by Tuesday less a microsecond), so the words
    read them alike.
    """
    es = _round(time.earliest_start, grains[0], up=False)
    ls = time.latest_start
    if ls is not None and grains[1] is not None:
        ls = _round(ls + _TICK, grains[1], up=True)
        ls = None if ls is None else ls - _TICK
    ee = time.earliest_end
    if ee is not None and grains[2] is not None:
        ee = _round(ee - _TICK, grains[2], up=False)
        ee = None if ee is None else ee + _TICK
    le = _round(time.latest_end, grains[3], up=True)
    # A start stays before its end, as the solver keeps it, but never inside what was known.
    known_ls, known_ee = _utc(time.latest_start), _utc(time.earliest_end)
    if ls is not None and le is not None and known_ls is not None:
        ls = max(min(ls, le - _TICK), known_ls)
    if ee is not None and es is not None and known_ee is not None:
        ee = min(max(ee, es + _TICK), known_ee)
    return EventTime(es, ls, ee, le)


def _tighter(shown: datetime | None, own: datetime | None, *, upper: bool) -> bool:
    """The shown bound says more than the event's own claims do."""
    if shown is None:
        return False
    if own is None:
        return True
    shown, own = _utc(shown), _utc(own)
    assert shown is not None and own is not None
    return shown < own if upper else shown > own


@attrs.frozen
class Shown:
    """A timeline's events as exports show them: bounds derived through order claims at the
    granularity their sources give, and, for such an event, what they were derived from.
    """

    events: tuple[Event, ...]
    #: For each event whose hull has an end derived through order claims (tighter than its
    #: own claims give), the order claims that end came through last.
    via: Mapping[str, tuple[Claim, ...]]
    by_id: Mapping[str, Event] = attrs.field(init=False, repr=False, eq=False)
    _titles: Mapping[str, str] = attrs.field(init=False, repr=False, eq=False)

    @by_id.default
    def _by_id(self) -> Mapping[str, Event]:
        return {e.id: e for e in self.events}

    @_titles.default
    def _default_titles(self) -> Mapping[str, str]:
        return {e.id: e.title for e in self.events}

    @classmethod
    def of(cls, events: Iterable[Event]) -> Shown:
        events = tuple(events)
        found = derivations(events)
        shown = tuple(attrs.evolve(e, time=coarsened(e.time, found[e.id].grains))
                      if any(found[e.id].grains) else e for e in events)
        via: dict[str, tuple[Claim, ...]] = {}
        for event in shown:
            d = found[event.id]
            claims = []
            if d.start_via and _tighter(event.time.earliest_start, d.own.earliest_start,
                                        upper=False):
                claims.append(d.start_via)
            if d.end_via and _tighter(event.time.latest_end, d.own.latest_end, upper=True):
                claims.append(d.end_via)
            if claims:
                via[event.id] = tuple(dict.fromkeys(claims))
        return cls(shown, via)

    def derived_from(self, event: Event) -> tuple[str, ...]:
        """The order claims an event's derived ends come from, each with the other event's
        time: ``days before "Invasion" (between 21 and 28 Feb 2022)``. A claim of the other
        event is said from this one's side ("X is three years after it": ``three years
        before "X" (24 Feb 2025)``).

        Empty when the event's own claims give both ends of its hull.
        """
        out = []
        for claim in self.via.get(event.id, ()):
            converse = claim.event != event.id
            words = order_text(claim, self._titles, converse=converse)
            if words is None:
                continue
            other = self.by_id.get(claim.event if converse else _reference(claim))
            out.append(words if other is None else f"{words} ({when_text(other.time)})")
        return tuple(out)

    def when(self, event: Event) -> str:
        """``when_text`` of the shown event, then what a derived end came from:
        ``by 26 Feb 2022, days before "Invasion" (between 21 and 28 Feb 2022)``."""
        shown = self.by_id.get(event.id, event)
        return ", ".join((when_text(shown.time), *self.derived_from(shown)))


def _reference(claim: Claim) -> str:
    """The event an order claim places its event against (as ``order_text`` names it)."""
    if claim.relative_to is not None and claim.offset is not None:
        return claim.relative_to
    return claim.before or claim.after or ""


_CONVERSE = {"before": "after", "after": "before"}


def order_text(claim: Claim, titles: Mapping[str, str], *,
               converse: bool = False) -> str | None:
    """``days before "<title>"``: how a claim places its event against another one.

    ``converse``: from the other event's side, naming the claim's own event (a claim that
    X is "three years after" Y reads, for Y, ``three years before "X"``).
    """
    def name(event_id: str) -> str:
        return f'"{titles.get(event_id, event_id)}"'
    if claim.relative_to is not None and claim.offset is not None:
        text = claim.offset.text
        if converse:
            words = text.split()
            words[-1] = _CONVERSE.get(words[-1].casefold(), words[-1])
            text = " ".join(words)
        joiner = " of " if text.split(" ", 1)[0].casefold() == "within" else " "
        return f"{text}{joiner}{name(claim.event if converse else claim.relative_to)}"
    if claim.before is not None:
        return f"after {name(claim.event)}" if converse else f"before {name(claim.before)}"
    if claim.after is not None:
        return f"before {name(claim.event)}" if converse else f"after {name(claim.after)}"
    return None


__all__ = [
    "DASH",
    "MONTHS",
    "PRETTY_ROWS",
    "STATUS_WORDS",
    "Derivation",
    "Display",
    "Shown",
    "change_repr",
    "change_side",
    "claim_granularity",
    "claim_repr",
    "clock_text",
    "clock_window",
    "coarsened",
    "conflict_repr",
    "day_span",
    "day_text",
    "derivations",
    "display_zone",
    "event_repr",
    "holds_text",
    "interval_text",
    "is_uncertain",
    "moment_text",
    "month_text",
    "offset_granularity",
    "order_text",
    "placement_text",
    "plural",
    "rounded_hull",
    "set_aside",
    "shown_moment",
    "status_text",
    "timeline_pretty",
    "timeline_repr",
    "web_url",
    "when_text",
]
