"""A picture of a timeline in SVG 1.1: one row per event on a date axis, doubt drawn as fades.

What a bar says follows ``EventTime``: the span the event certainly covers (its core) is
solid; the bounds it may reach beyond that fade out towards where it possibly starts or
ends; an event whose day is known but not its hour is solid across that day (the words
say "24 Feb 2025, before 18:00"). Scheduled and expected events are hollow (an outline,
no fill), unconfirmed ones dashed with a ``?``, conflicted ones outlined in red with a
``!``. An open end fades out over a tenth of the plot from where the known part stops,
with the words "end not reported" ("start not reported" for an open start), never drawn to
the axis's edge as if it lasted years; what goes on beyond the axis ends in an arrow at
the edge. Rows follow the chronology's order, and dates are those ``wording.Shown`` gives
(a bound derived through order claims at the granularity its sources give).

The axis covers where the events are, not every bound they have: events open at one end
never widen it, and when a few events lie far from the rest (an invasion three years
earlier, a goal for 2030) the axis keeps to the stretch holding most of them and draws the
others at its edges with their dates in words, rather than squash the rest into a few
pixels. Labels sit in a column of their own, one row per event, so they cannot overlap;
each is cut to fit with an ellipsis, and a ``<title>`` tooltip carries the full text.

The document is built as text with every piece of untrusted text escaped; no fonts are
read, so text widths are estimated from Helvetica's metrics (``text_width``), widened a
little for the fonts browsers fall back to. The same timeline always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
import unicodedata
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

import attrs

from timeline.export.chronology import reading_order
from timeline.export.wording import (
    MONTHS,
    Shown,
    day_text,
    display_zone,
    is_uncertain,
    moment_text,
    plural,
    status_text,
    when_text,
)
from timeline.model.claim import Status
from timeline.model.event import Event
from timeline.query.moments import as_of_moment
from timeline.time.interval import is_floating

if TYPE_CHECKING:
    from timeline.query.timeline import Timeline

#: The namespace of the ``tl:event`` attribute that names each row's event.
NAMESPACE = "urn:timeline:svg"
FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"
MIN_WIDTH = 320

COLOUR = "#2f6db5"
CONFLICT = "#c0392b"
INK = "#222222"
MUTED = "#5f6670"
GRID = "#e3e6ea"
STRIPE = "#f4f6f9"

ROW = 20          # height of one event's row
BAR = 10          # height of a bar inside it
TITLE_SIZE = 12
NOTE_SIZE = 10.5
TICK_SIZE = 11
PAD = 8           # outer margin
GAP = 12          # between the label column and the plot
ARROW = 7         # length of an arrow at the plot's edge
MARKER = 5        # below this many pixels a bar is drawn as a diamond

_EPOCH = datetime(1, 1, 1)
_HOUR = 3600.0
_DAY = 86400.0
_FOCUS_SHARE = 0.75    # the axis keeps to at least this share of the bounded events
_FOCUS_GROWTH = 8.0    # ... and takes in more while their window grows at most this much
_FOCUS_FLOOR = 31 * _DAY  # ... or up to a month, however tight the core is
_MARGIN = 0.03         # of the axis span, each side
#: An open end fades out over this share of the plot: it is not known to go on for years.
OPEN_FADE = 0.1

#: Helvetica's advance widths (thousandths of an em) for printable ASCII.
_HELVETICA = dict(zip(
    (chr(c) for c in range(32, 127)),
    (278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
     556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
     1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
     667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
     333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
     556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584),
    strict=True))
_HELVETICA.update({"\u2018": 222, "\u2019": 222, "\u201c": 333, "\u201d": 333,
                   "\u2013": 556, "\u2014": 1000, "\u2026": 1000, "\u00a0": 278})
#: Browsers fall back to wider faces than Helvetica (DejaVu Sans on Linux): estimate wide.
_WIDEN = 1.12
ELLIPSIS = "\u2026"

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated width in pixels of ``text`` at font ``size``: generous, never narrow.

    Characters outside the table count as 0.65 em, East Asian wide ones as a full em and
    combining marks as nothing.
    """
    ems = 0.0
    for char in text:
        known = _HELVETICA.get(char)
        if known is not None:
            ems += known / 1000
        elif unicodedata.combining(char):
            continue
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            ems += 1.0
        else:
            ems += 0.65
    return ems * size * _WIDEN * (1.06 if bold else 1.0)


def fit(text: str, size: float, room: float, *, bold: bool = False) -> str:
    """``text`` on one line, cut with an ellipsis to fit ``room`` pixels ("" if nothing fits)."""
    text = _SPACES.sub(" ", text).strip()
    if text_width(text, size, bold=bold) <= room:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with its ellipsis
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid].rstrip() + ELLIPSIS, size, bold=bold) <= room:
            lo = mid
        else:
            hi = mid - 1
    if lo == 0:
        return ELLIPSIS if text_width(ELLIPSIS, size, bold=bold) <= room else ""
    return text[:lo].rstrip() + ELLIPSIS


def clean(text: str) -> str:
    """Text XML 1.0 can hold: control characters and lone surrogates become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _esc(text: str) -> str:
    """Escaped for element content and for double-quoted attributes alike."""
    return escape(clean(text), {'"': "&quot;"})


def _n(x: float) -> str:
    """A coordinate with one decimal, no trailing ``.0``: short and byte-stable."""
    text = f"{x:.1f}"
    if text == "-0.0":
        return "0"
    return text[:-2] if text.endswith(".0") else text


# -- time as numbers ---------------------------------------------------------------------------

def _seconds(moment: datetime) -> float:
    """Seconds since 0001-01-01 on the timeline's clock: floating as written, aware in UTC."""
    if not is_floating(moment):
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return (moment.replace(tzinfo=None) - _EPOCH).total_seconds()


def _moment(seconds: float) -> datetime:
    """The datetime of an axis position, clamped to Python's calendar: whole seconds, as
    ``datetime.max`` in float seconds rounds up past it (an axis padded past 9799, #13)."""
    low, high = 0.0, float((datetime.max - _EPOCH) // timedelta(seconds=1))
    return _EPOCH + timedelta(seconds=min(max(seconds, low), high))


@attrs.frozen
class Bounds:
    """An event's four bounds in seconds (``None``: open), rounded to whole minutes.

    The solver keeps starts before ends with microsecond steps; on a picture they are
    noise, so starts round down, ends up and the inner bounds to the nearest minute.
    """

    earliest_start: float | None
    latest_start: float | None
    earliest_end: float | None
    latest_end: float | None

    @classmethod
    def of(cls, event: Event) -> Bounds:
        time = event.time

        def rounded(moment: datetime | None, how: str) -> float | None:
            if moment is None:
                return None
            minutes = _seconds(moment) / 60
            whole = math.floor(minutes) if how == "down" else (
                math.ceil(minutes) if how == "up" else round(minutes))
            return float(whole * 60)

        return cls(rounded(time.earliest_start, "down"), rounded(time.latest_start, "near"),
                   rounded(time.earliest_end, "near"), rounded(time.latest_end, "up"))

    @property
    def bounded(self) -> bool:
        return self.earliest_start is not None and self.latest_end is not None

    def extent(self) -> tuple[float, float] | None:
        """From the first to the last finite bound; ``None`` when every bound is open."""
        finite = [b for b in (self.earliest_start, self.latest_start, self.earliest_end,
                              self.latest_end) if b is not None]
        return (min(finite), max(finite)) if finite else None

    @property
    def core(self) -> tuple[float, float] | None:
        lo, hi = self.latest_start, self.earliest_end
        if lo is None or hi is None or lo >= hi:
            return None
        return lo, hi


# -- which stretch of time the axis shows -------------------------------------------------------

def _shortest_window(extents: Sequence[tuple[float, float]], k: int) -> tuple[float, float]:
    """The shortest ``[s, t]`` that meets at least ``k`` of the intervals.

    Sweeping right ends from the latest down, a heap keeps the ``k`` smallest left ends of
    the intervals seen; the window from the current right end to the largest of those meets
    all ``k``. ``O(n log n)``.
    """
    heap: list[float] = []
    best: tuple[float, float] | None = None
    for lo, hi in sorted(extents, key=lambda e: (-e[1], e[0])):
        heapq.heappush(heap, -lo)
        if len(heap) > k:
            heapq.heappop(heap)
        if len(heap) == k:
            window = (hi, max(hi, -heap[0]))
            if best is None or window[1] - window[0] < best[1] - best[0]:
                best = window
    assert best is not None, "k must not exceed the number of intervals"
    return best


def axis_range(extents: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The stretch of time the axis shows, in seconds: where most events are, with a margin.

    With every extent in view, unless the axis would be twice as long as one holding at
    least three quarters of them, and the window around those may grow eightfold (or to a
    month) to take in more. Events partly outside are cut at the edge; those wholly outside
    are drawn there.
    """
    lo = min(a for a, _ in extents)
    hi = max(b for _, b in extents)
    n = len(extents)
    k_min = math.ceil(_FOCUS_SHARE * n)
    core = _shortest_window(extents, k_min)
    allowed = max(_FOCUS_GROWTH * (core[1] - core[0]), _FOCUS_FLOOR)
    best, k_lo, k_hi = core, k_min + 1, n
    while k_lo <= k_hi:  # the window's length never shrinks as k grows: bisect for k
        k = (k_lo + k_hi) // 2
        window = _shortest_window(extents, k)
        if window[1] - window[0] <= allowed:
            best, k_lo = window, k + 1
        else:
            k_hi = k - 1
    s, t = best
    pad = 2 * max(t - s, _DAY)
    meeting = [(max(a, s - pad), min(b, t + pad)) for a, b in extents if a <= t and b >= s]
    start, end = min(a for a, _ in meeting), max(b for _, b in meeting)
    if end - start >= 0.5 * (hi - lo):
        start, end = lo, hi
    if end - start < _HOUR:
        middle = (start + end) / 2
        start, end = middle - _HOUR / 2, middle + _HOUR / 2
    margin = _MARGIN * (end - start)
    top = (datetime.max - _EPOCH).total_seconds()
    return max(start - margin, 0.0), min(end + margin, top)


# -- ticks -------------------------------------------------------------------------------------

#: Tick steps from finest to coarsest: (unit, count, nominal length in seconds).
_STEPS: tuple[tuple[str, int, float], ...] = (
    ("hour", 1, _HOUR), ("hour", 3, 3 * _HOUR), ("hour", 6, 6 * _HOUR),
    ("hour", 12, 12 * _HOUR), ("day", 1, _DAY), ("day", 2, 2 * _DAY), ("week", 1, 7 * _DAY),
    ("week", 2, 14 * _DAY),
    ("month", 1, 30.44 * _DAY), ("month", 3, 91.3 * _DAY), ("month", 6, 182.6 * _DAY),
    *(("year", k, k * 365.25 * _DAY) for k in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000,
                                                 2000)),
)


@attrs.frozen
class Tick:
    at: datetime
    label: str
    context: str  # the coarser unit (year, or day for hours), shown where it changes


def _tick_text(unit: str, moment: datetime) -> tuple[str, str]:
    if unit == "hour":
        return f"{moment.hour:02d}:00", day_text(moment.date())
    if unit in ("day", "week"):
        return f"{moment.day} {MONTHS[moment.month - 1]}", str(moment.year)
    if unit == "month":
        return MONTHS[moment.month - 1], str(moment.year)
    return str(moment.year), ""


def _first(unit: str, count: int, start: datetime) -> datetime:
    """The first tick at or after ``start``, on a round boundary of the step."""
    if unit == "hour":
        moment = start.replace(minute=0, second=0, microsecond=0)
        while moment < start or moment.hour % count:
            moment += timedelta(hours=1)
        return moment
    day = datetime(start.year, start.month, start.day)
    if unit == "day":
        while day < start or day.toordinal() % count:
            day += timedelta(days=1)
        return day
    if unit == "week":  # Mondays (of even-numbered weeks since 0001-01-01, for two)
        while day < start or day.weekday() or (day.toordinal() // 7) % count:
            day += timedelta(days=1)
        return day
    if unit == "month":
        month = datetime(start.year, start.month, 1)
        while month < start or (month.month - 1) % count:
            month = _add_months(month, 1)
        return month
    year = start.year if datetime(start.year, 1, 1) >= start else start.year + 1
    return datetime(year + (-year) % count, 1, 1)


def _add_months(moment: datetime, months: int) -> datetime:
    index = moment.year * 12 + moment.month - 1 + months
    return datetime(index // 12, index % 12 + 1, 1)


def _step(span: float, pixels: float) -> tuple[str, int]:
    """The finest step whose labels (and the year or day above them) fit between ticks."""
    for unit, count, length in _STEPS:
        label, context = _tick_text(unit, datetime(2025, 12, 28, 23))
        room = max(text_width(label, TICK_SIZE), text_width(context, TICK_SIZE - 1, bold=True))
        if length / span * pixels >= room + 10:
            return unit, count
    return _STEPS[-1][0], _STEPS[-1][1]


def ticks(start: float, end: float, pixels: float) -> list[Tick]:
    """Round ticks for the axis: the finest step whose labels stay apart at this scale."""
    unit, count = _step(max(end - start, 1.0), pixels)
    first, last = _moment(start), _moment(end)
    out: list[Tick] = []
    try:
        moment = _first(unit, count, first)
    except (ValueError, OverflowError):
        return out
    while moment <= last:
        label, context = _tick_text(unit, moment)
        out.append(Tick(moment, label, context))
        try:
            if unit == "hour":
                moment += timedelta(hours=count)
            elif unit == "day":
                moment += timedelta(days=count)
            elif unit == "week":
                moment += timedelta(weeks=count)
            elif unit == "month":
                moment = _add_months(moment, count)
            else:
                moment = datetime(moment.year + count, 1, 1)
        except (ValueError, OverflowError):
            break
    return out


# -- the document ------------------------------------------------------------------------------

@attrs.frozen
class Layout:
    """Where things go: the label column, the plot, and the time the plot spans."""

    width: int
    label_right: float
    left: float
    right: float
    start: float
    end: float

    def x(self, seconds: float) -> float:
        share = (seconds - self.start) / (self.end - self.start)
        return self.left + share * (self.right - self.left)

    def beyond(self, bounds: Bounds) -> int:
        """-1 when the event lies wholly left of the plot, 1 wholly right, else 0."""
        if bounds.latest_end is not None and self.x(bounds.latest_end) <= self.left:
            return -1
        if bounds.earliest_start is not None and self.x(bounds.earliest_start) >= self.right:
            return 1
        return 0

    def clamp(self, seconds: float | None, open_side: float) -> tuple[float, bool]:
        """The pixel of a bound and whether it is cut (open, or beyond the plot)."""
        if seconds is None:
            return open_side, True
        x = self.x(seconds)
        if x < self.left:
            return self.left, True
        if x > self.right:
            return self.right, True
        return x, False


class _Doc:
    """An SVG document built line by line; ``@`` in ids stands for the document's prefix."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, line: str) -> None:
        self.lines.append(line)

    def text(self, x: float, y: float, content: str, *, size: float, fill: str = INK,
             anchor: str = "start", bold: bool = False) -> None:
        weight = ' font-weight="bold"' if bold else ""
        middle = "" if anchor == "start" else f' text-anchor="{anchor}"'
        self.add(f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" fill="{fill}"'
                 f'{middle}{weight}>{_esc(content)}</text>')


def _hollow(status: Status) -> bool:
    """Not (yet) said to have happened: drawn as an outline."""
    return status.pending or status is Status.UNCONFIRMED


def _paint(kind: str, event: Event) -> str:
    """Fill and stroke attributes for one piece of an event's bar.

    ``kind``: ``solid`` (certain), ``in``/``out`` (a bound fading towards where the event
    possibly starts/ends), ``band`` (somewhere in here, fading at both ends).
    """
    source = COLOUR if kind == "solid" else f"url(#@-{kind})"
    dash = ' stroke-dasharray="4 2"' if event.status is Status.UNCONFIRMED else ""
    if _hollow(event.status):
        # An outline is thin: its fades need more ink than a fill's.
        stroke = CONFLICT if event.conflicted else (
            COLOUR if kind == "solid" else f"url(#@-{kind}-line)")
        return f'fill="none" stroke="{stroke}" stroke-width="1.5"{dash}'
    if event.conflicted:
        return f'fill="{source}" stroke="{CONFLICT}" stroke-width="1.5"{dash}'
    return f'fill="{source}"'


def _arrow(x: float, cy: float, direction: int, event: Event) -> str:
    """A triangle just outside the plot's edge pointing away (``direction`` -1 left, 1 right)."""
    tip, base = x + direction * ARROW, x + direction * 1
    points = f"{_n(tip)},{_n(cy)} {_n(base)},{_n(cy - 5)} {_n(base)},{_n(cy + 5)}"
    if _hollow(event.status):
        return (f'<polygon points="{points}" fill="white" stroke="{COLOUR}" '
                f'stroke-width="1.2"/>')
    return f'<polygon points="{points}" fill="{COLOUR}"/>'


def _tooltip(event: Event, when: str) -> str:
    lines = [event.title, f"{when} ({status_text(event.status)})"]
    if event.articles:
        lines.append("sources: " + ", ".join(event.articles))
    lines.extend(f"conflict: {c.message}" for c in event.conflicts)
    return "\n".join(lines)


def _marks(event: Event) -> list[tuple[str, str]]:
    """The signs after a bar: ``!`` for conflicting claims, ``?`` for unconfirmed."""
    marks = []
    if event.conflicted:
        marks.append(("!", CONFLICT))
    if event.status is Status.UNCONFIRMED:
        marks.append(("?", INK))
    return marks


def _note(x: float, y: float, event: Event, words: str, anchor: str, fill: str) -> str:
    """The annotation beside a bar: its marks (bold, coloured) and its time in words."""
    parts = [f'<tspan font-weight="bold" fill="{colour}">{mark}</tspan> '
             for mark, colour in _marks(event)]
    middle = "" if anchor == "start" else f' text-anchor="{anchor}"'
    return (f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(NOTE_SIZE)}" fill="{fill}"'
            f'{middle}>{"".join(parts)}{_esc(words)}</text>')


def _note_width(event: Event, words: str) -> float:
    marks = "".join(f"{m} " for m, _ in _marks(event))
    return text_width(marks, NOTE_SIZE, bold=True) + text_width(words, NOTE_SIZE)


def _open_words(bounds: Bounds) -> str:
    """What the picture cannot draw: ``end not reported``, ``start not reported``."""
    missing = [side for side, bound in (("start", bounds.earliest_start),
                                        ("end", bounds.latest_end)) if bound is None]
    return " and ".join(missing) + " not reported" if missing else ""


def _known_edge(bounds: Bounds, *, last: bool) -> float | None:
    """Where what is known of an open event stops: its last finite bound (its first, for
    an open start), from which the open side fades out."""
    finite = [b for b in (bounds.earliest_start, bounds.latest_start, bounds.earliest_end,
                          bounds.latest_end) if b is not None]
    if not finite:
        return None
    return max(finite) if last else min(finite)


def _event_row(doc: _Doc, layout: Layout, event: Event, index: int, top: float,
               shown: Shown) -> set[str]:
    """One event's row; returns the kinds of mark it used (for the legend)."""
    used: set[str] = set()
    cy = top + index * ROW + ROW / 2
    y0, baseline = cy - BAR / 2, cy + 4
    doc.add(f'<g class="event" tl:event="{_esc(event.id)}">')
    doc.add(f"<title>{_esc(_tooltip(event, shown.when(event)))}</title>")
    if index % 2:
        doc.add(f'<rect x="0" y="{_n(top + index * ROW)}" width="{layout.width}" '
                f'height="{ROW}" fill="{STRIPE}"/>')
    title = fit(event.title, TITLE_SIZE, layout.label_right - PAD)
    doc.text(PAD, baseline, title, size=TITLE_SIZE)
    bounds = Bounds.of(event)
    words = when_text(event.time)
    unreported = _open_words(bounds)
    if unreported and bounds.extent() is not None:
        words = f"{words}, {unreported}"
    hollow = _hollow(event.status)
    if hollow:
        used.add("hollow")
    if event.conflicted:
        used.add("conflict")
    if event.status is Status.UNCONFIRMED:
        used.add("unconfirmed")
    lo = bounds.earliest_start
    hi = bounds.latest_end
    side = layout.beyond(bounds)
    if side:
        # Wholly beyond the axis: an arrow at that edge, the date beside it.
        right = side > 0
        edge = layout.right if right else layout.left
        doc.add(_arrow(edge, cy, 1 if right else -1, event))
        used.add("arrow")
        room = layout.right - layout.left - 8
        cut = fit(words, NOTE_SIZE, room - _note_width(event, ""))
        if cut:
            x = edge - 4 if right else edge + 4
            doc.add(_note(x, baseline, event, cut, "end" if right else "start", MUTED))
        doc.add("</g>")
        return used
    x_lo, cut_lo = layout.clamp(lo, layout.left)
    x_hi, cut_hi = layout.clamp(hi, layout.right)
    # An open side fades out over a bounded length from where the known part stops, not
    # to the axis's edge as if the event lasted years ("end not reported" says why).
    fade = OPEN_FADE * (layout.right - layout.left)
    if hi is None and (known := _known_edge(bounds, last=True)) is not None:
        x_known, _ = layout.clamp(known, layout.right)
        x_hi, cut_hi = min(x_known + fade, layout.right), False
    if lo is None and (known := _known_edge(bounds, last=False)) is not None:
        x_known, _ = layout.clamp(known, layout.left)
        x_lo, cut_lo = max(x_known - fade, layout.left), False
    certain = not is_uncertain(event.time)
    core = bounds.core
    pieces: list[tuple[float, float, str]] = []
    if certain:
        pieces.append((x_lo, x_hi, "solid"))
    elif core is not None:
        c_lo, _ = layout.clamp(core[0], layout.left)
        c_hi, _ = layout.clamp(core[1], layout.right)
        pieces += [(x_lo, c_lo, "in"), (c_lo, c_hi, "solid"), (c_hi, x_hi, "out")]
    elif lo is None and hi is not None:
        pieces.append((x_lo, x_hi, "in"))  # "by ...": strongest at the bound it has
    elif hi is None and lo is not None:
        pieces.append((x_lo, x_hi, "out"))  # "from ..."
    else:
        pieces.append((x_lo, x_hi, "band"))
    kinds = [kind for _, _, kind in pieces]
    if any(kind != "solid" for kind in kinds):
        used.add("fade")
    if "solid" in kinds and not hollow:
        used.add("solid")
    if x_hi - x_lo < MARKER and not (cut_lo or cut_hi):
        middle = (x_lo + x_hi) / 2
        paint = _paint("solid", event)
        opacity = "" if certain else ' fill-opacity="0.55"'
        doc.add(f'<polygon points="{_n(middle)},{_n(cy - 5)} {_n(middle + 5)},{_n(cy)} '
                f'{_n(middle)},{_n(cy + 5)} {_n(middle - 5)},{_n(cy)}" {paint}{opacity}/>')
        x_lo, x_hi = middle - 5, middle + 5
    else:
        for a, b, kind in pieces:
            if b - a < 0.5:
                continue
            doc.add(f'<rect x="{_n(a)}" y="{_n(y0)}" width="{_n(b - a)}" height="{BAR}" '
                    f'{_paint(kind, event)}/>')
    if cut_lo:
        doc.add(_arrow(layout.left, cy, -1, event))
        used.add("arrow")
    if cut_hi:
        doc.add(_arrow(layout.right, cy, 1, event))
        used.add("arrow")
    # The time in words: right of the bar, else left of it, else inside a pale one; without
    # "end not reported" when only that makes it too long (the fade still says it).
    after, before = x_hi + 6, x_lo - 6
    for text in dict.fromkeys((words, when_text(event.time))):
        need = _note_width(event, text)
        if after + need <= layout.right:
            doc.add(_note(after, baseline, event, text, "start", MUTED))
        elif before - need >= layout.left:
            doc.add(_note(before, baseline, event, text, "end", MUTED))
        elif need <= x_hi - x_lo - 8:
            # Inside, whole or not at all (a cut date says less than none; the tooltip
            # has it), over the bar's palest end: the left of a fade towards an open start.
            fill = "white" if certain and not hollow else INK
            if not hollow and kinds == ["in"]:
                doc.add(_note(x_lo + 4, baseline, event, text, "start", fill))
            else:
                doc.add(_note(x_hi - 4, baseline, event, text, "end", fill))
        else:
            continue
        break
    doc.add("</g>")
    return used


def _axis(doc: _Doc, layout: Layout, marks: list[Tick], label_y: float,
          context_y: float) -> None:
    """Tick labels, and the coarser unit (year, or day) where it changes, never overlapping."""
    placed: list[tuple[float, float]] = []
    for tick in marks:
        x = layout.x(_seconds(tick.at))
        half = text_width(tick.label, TICK_SIZE) / 2
        if x - half < layout.label_right + GAP / 2 or x + half > layout.width - 2:
            continue
        if placed and x - half < placed[-1][1] + 4:
            continue
        placed.append((x - half, x + half))
        doc.text(x, label_y, tick.label, size=TICK_SIZE, fill=MUTED, anchor="middle")
    contexts: list[tuple[float, str]] = []
    previous = None
    for tick in marks:
        if tick.context and tick.context != previous:
            contexts.append((layout.x(_seconds(tick.at)), tick.context))
        previous = tick.context
    kept: list[tuple[float, float, float, str]] = []
    low, high = layout.label_right + GAP / 2, layout.width - 2
    # Where the unit changes matters more than the first tick's: place those first. The
    # first heads the ticks after it, so it may shift right to stay in the picture.
    for i, (x, text) in enumerate(sorted(contexts[1:]) + contexts[:1]):
        half = text_width(text, TICK_SIZE - 1, bold=True) / 2
        if i == len(contexts) - 1:
            x = max(x, low + half)
        box = (x - half, x + half)
        if box[0] < low or box[1] > high:
            continue
        if any(box[0] < b + 6 and a < box[1] + 6 for a, b, _, _ in kept):
            continue
        kept.append((box[0], box[1], x, text))
    for _, _, x, text in sorted(kept):
        doc.text(x, context_y, text, size=TICK_SIZE - 1, fill=INK, anchor="middle", bold=True)


def _legend(doc: _Doc, used: set[str], as_of: str | None, top: float, width: int) -> float:
    """The key to the marks in use, wrapped to the width; returns the y below it."""
    items: list[tuple[str, str]] = []
    if "solid" in used:
        items.append((f'<rect x="{{x}}" y="{{y}}" width="18" height="{BAR}" fill="{COLOUR}"/>',
                      "certain"))
    if "fade" in used:
        items.append((f'<rect x="{{x}}" y="{{y}}" width="18" height="{BAR}" '
                      f'fill="url(#@-band)"/>', "somewhere in the shaded span"))
    if "hollow" in used:
        items.append((f'<rect x="{{x}}" y="{{y}}" width="18" height="{BAR}" fill="none" '
                      f'stroke="{COLOUR}" stroke-width="1.5"/>', "scheduled or expected"))
    if "unconfirmed" in used:
        items.append((f'<rect x="{{x}}" y="{{y}}" width="18" height="{BAR}" fill="none" '
                      f'stroke="{COLOUR}" stroke-width="1.5" stroke-dasharray="4 2"/>',
                      "? unconfirmed: due, not reported"))
    if "conflict" in used:
        items.append((f'<rect x="{{x}}" y="{{y}}" width="18" height="{BAR}" fill="{COLOUR}" '
                      f'stroke="{CONFLICT}" stroke-width="1.5"/>', "! conflicting claims"))
    if "arrow" in used:
        items.append(("<polygon points=\"{tip},{mid} {x},{up} {x},{down}\" "
                      f'fill="{COLOUR}"/>', "goes on beyond the axis"))
    if as_of is not None:
        items.append((f'<line x1="{{mid_x}}" y1="{{y}}" x2="{{mid_x}}" y2="{{bottom}}" '
                      f'stroke="{CONFLICT}" stroke-width="1.2" stroke-dasharray="3 2"/>',
                      f"as of {as_of}"))
    x, y = float(PAD), top
    for shape, label in items:
        need = 18 + 5 + text_width(label, NOTE_SIZE) + 16
        if x > PAD and x + need > width - PAD:
            x, y = float(PAD), y + 18
        doc.add(shape.format(x=_n(x), y=_n(y), tip=_n(x + 16), mid=_n(y + BAR / 2),
                             up=_n(y), down=_n(y + BAR), mid_x=_n(x + 9),
                             bottom=_n(y + BAR)))
        doc.text(x + 23, y + BAR - 1, fit(label, NOTE_SIZE, width - PAD - x - 23),
                 size=NOTE_SIZE, fill=MUTED)
        x += need
    return y + (18 if items else 0)


def _defs() -> str:
    """Fades for uncertain bounds; ``objectBoundingBox``, so each stretches over its piece."""
    stops = {
        "in": ((0, 0.08), (1, 0.85)),
        "out": ((0, 0.85), (1, 0.08)),
        "band": ((0, 0.08), (0.3, 0.42), (0.7, 0.42), (1, 0.08)),
        "in-line": ((0, 0.15), (1, 1)),
        "out-line": ((0, 1), (1, 0.15)),
        "band-line": ((0, 0.15), (0.3, 0.9), (0.7, 0.9), (1, 0.15)),
    }
    out = ["<defs>"]
    for name, points in stops.items():
        out.append(f'<linearGradient id="@-{name}" x1="0" y1="0" x2="1" y2="0">')
        out.extend(f'<stop offset="{offset}" stop-color="{COLOUR}" stop-opacity="{opacity}"/>'
                   for offset, opacity in points)
        out.append("</linearGradient>")
    out.append("</defs>")
    return "".join(out)


def _as_of_seconds(moment: date | datetime) -> float:
    """An as-of date means the end of that day (all it published is known); one past the
    supported calendar (9999-12-31, "everything") is taken where the view is (#13)."""
    moment = as_of_moment(moment)
    if isinstance(moment, datetime):
        return _seconds(moment)
    return _seconds(datetime(moment.year, moment.month, moment.day)) + _DAY


def _finish(width: int, height: float, body: list[str]) -> str:
    """Wrap the body in its ``<svg>``, giving ids a prefix derived from the content.

    Several pictures inline in one notebook page share one id space; a prefix from the
    content's hash keeps them apart and stays the same for the same picture.
    """
    text = "\n".join(body)
    prefix = "tl" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:tl="{NAMESPACE}" version="1.1" '
            f'width="{width}" height="{_n(height)}" viewBox="0 0 {width} {_n(height)}" '
            f'font-family="{_esc(FONT)}">')
    return head + "\n" + text.replace("#@-", f"#{prefix}-").replace(
        'id="@-', f'id="{prefix}-') + "\n</svg>\n"


def to_svg(tl: Timeline, *, width: int = 960, zone: str | None = None) -> str:
    """The timeline as an SVG 1.1 document: one row per event, in time order.

    >>> import timeline
    >>> svg = timeline.load("seeds").to_svg()
    >>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    True

    ``zone`` (an IANA name) shows times in the reader's zone; without it, in the corpus's
    zone when it declares one, else aware times in UTC. Floating times stay floating
    ("11:38, zone not stated" once a zone is asked for).
    """
    with display_zone(zone, corpus=tl.zone):
        return _to_svg_shown(tl, width=width)


def _to_svg_shown(tl: Timeline, *, width: int = 960) -> str:
    """The export itself, inside ``display_zone``."""
    if not isinstance(width, int) or isinstance(width, bool) or width < MIN_WIDTH:
        raise ValueError(f"width must be an integer of at least {MIN_WIDTH} pixels, "
                         f"got {width!r}")
    shown = Shown.of(tl.events)
    events = reading_order(shown.events)
    doc = _Doc()
    if tl.title:  # the document's title: what viewers and screen readers name it by
        doc.add(f"<title>{_esc(tl.title)}</title>")
    if not events:
        doc.text(width / 2, 34, "no events", size=TITLE_SIZE + 2, fill=MUTED, anchor="middle")
        return _finish(width, 56, doc.lines)
    label_right = PAD + round(min(max(0.38 * width - 0.1 * (960 - width), 110.0), 420.0))
    bounds = [Bounds.of(e) for e in events]
    bounded = [b.extent() for b in bounds if b.bounded]
    extents = [e for e in bounded if e is not None] or [
        e for e in (b.extent() for b in bounds) if e is not None]
    start, end = axis_range(extents) if extents else (0.0, 1.0)
    layout = Layout(width, label_right, label_right + GAP + ARROW, width - PAD - ARROW,
                    start, end)
    top = 64.0
    bottom = top + len(events) * ROW
    marks = ticks(start, end, layout.right - layout.left) if extents else []
    doc.add(_defs())
    # Header: what is drawn, and how much of it sits at the edges.
    outside = sum(1 for b in bounds if layout.beyond(b))
    zone = any(not is_floating(m) for e in events for m in (
        e.time.earliest_start, e.time.latest_start, e.time.earliest_end, e.time.latest_end)
        if m is not None)
    header = [tl.title] if tl.title else []
    header.append(f"{plural(len(events), 'event')} from "
                  f"{plural(len(tl.known_articles), 'article')}")
    if tl.as_of_time is not None:
        header.append(f"as of {moment_text(tl.as_of_time)}")
    if outside:
        header.append(f"{outside} beyond the axis, drawn at its edges")
    if zone:
        header.append("times in UTC")
    if not extents:
        header.append("no dates known")
    doc.text(PAD, 18, fit(" \u00b7 ".join(header), TITLE_SIZE, width - 2 * PAD),
             size=TITLE_SIZE, fill=INK)
    for tick in marks:  # grid
        x = layout.x(_seconds(tick.at))
        doc.add(f'<line x1="{_n(x)}" y1="{_n(top - 4)}" x2="{_n(x)}" y2="{_n(bottom)}" '
                f'stroke="{GRID}" stroke-width="1"/>')
    _axis(doc, layout, marks, 40, 54)
    doc.add(f'<line x1="{_n(layout.left - ARROW)}" y1="{_n(top - 4)}" '
            f'x2="{_n(layout.right + ARROW)}" y2="{_n(top - 4)}" stroke="#b8bec6" '
            f'stroke-width="1"/>')
    used: set[str] = set()
    for i, event in enumerate(events):
        used |= _event_row(doc, layout, event, i, top, shown)
    as_of = None
    if tl.as_of_time is not None and extents:
        as_of = moment_text(tl.as_of_time)
        x = layout.x(_as_of_seconds(tl.as_of_time))
        if layout.left <= x <= layout.right:
            doc.add(f'<line x1="{_n(x)}" y1="{_n(top - 4)}" x2="{_n(x)}" y2="{_n(bottom)}" '
                    f'stroke="{CONFLICT}" stroke-width="1.2" stroke-dasharray="3 2"/>')
    y = bottom + 12
    if len(events) > 20 and marks:  # a tall picture gets its axis again at the foot
        doc.add(f'<line x1="{_n(layout.left - ARROW)}" y1="{_n(bottom + 2)}" '
                f'x2="{_n(layout.right + ARROW)}" y2="{_n(bottom + 2)}" stroke="#b8bec6" '
                f'stroke-width="1"/>')
        _axis(doc, layout, marks, bottom + 16, bottom + 30)
        y = bottom + 42
    y = _legend(doc, used, as_of, y, width)
    return _finish(width, y + PAD, doc.lines)


__all__ = ["NAMESPACE", "axis_range", "clean", "fit", "text_width", "ticks", "to_svg"]
