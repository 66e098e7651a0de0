"""TimelineJS JSON: a title slide and one slide per event, dated only as finely as known.

TimelineJS (https://timeline.knightlab.com/docs/json-format.html) takes ``events`` (slides)
and an optional ``title``. A slide's ``start_date`` and ``end_date`` are ``year``,
``month``, ``day``, ``hour``, ``minute`` parts with no zone; the parts left out are what
is not known, so "February 2022" is ``{"year": 2022, "month": 2}``, never the 1st at
midnight. Each slide is written from the event's hull (everything it possibly covers,
rounded outward to whole minutes as ``wording.rounded_hull`` does), with ``display_date`` in
the same plain words as the chronology. An event with no earliest start (only "by the end of
2025") cannot be placed on the axis: it is left out, and the title slide says how many.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from html import escape
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta

from timeline.export.wording import (
    Shown,
    display_zone,
    moment_text,
    plural,
    rounded_hull,
    shown_moment,
    web_url,
    when_text,
)
from timeline.model.claim import Status
from timeline.model.event import Event
from timeline.time.interval import Interval

if TYPE_CHECKING:
    from timeline.model.article import Article
    from timeline.query.timeline import Timeline

#: A TimelineJS date: ``year`` always, then ``month``, ``day``, ``hour``, ``minute``.
DateParts = dict[str, int]


class _Unit(enum.IntEnum):
    """How finely one end is written, finest first."""

    CLOCK = 0
    DAY = 1
    MONTH = 2
    YEAR = 3


_ONE: dict[_Unit, relativedelta] = {
    _Unit.DAY: relativedelta(days=1),
    _Unit.MONTH: relativedelta(months=1),
    _Unit.YEAR: relativedelta(years=1),
}

#: The opening sentence of a slide's text, by status.
_STATUS_TEXT: dict[Status, str] = {
    Status.OCCURRED: "Occurred.",
    Status.REPORTED: "Reported to have happened.",
    Status.SCHEDULED: "Scheduled.",
    Status.EXPECTED: "Expected.",
    Status.UNCONFIRMED: "Unconfirmed: announced, but not reported as having happened "
                        "by the time of this view.",
}


def _civil(moment: datetime) -> datetime:
    """The wall-clock parts to write: TimelineJS has no zone, so an aware time is written
    in the display zone (``wording.display_zone``: UTC unless the reader or the corpus
    names one)."""
    return shown_moment(moment).replace(tzinfo=None)


def _unit(moment: datetime) -> _Unit:
    """The coarsest unit whose granule starts at ``moment``."""
    if moment.hour or moment.minute or moment.second or moment.microsecond:
        return _Unit.CLOCK
    if moment.day != 1:
        return _Unit.DAY
    return _Unit.MONTH if moment.month != 1 else _Unit.YEAR


def _parts(moment: datetime, unit: _Unit) -> DateParts:
    parts: DateParts = {"year": moment.year}
    if unit <= _Unit.MONTH:
        parts["month"] = moment.month
    if unit <= _Unit.DAY:
        parts["day"] = moment.day
    if unit is _Unit.CLOCK:
        parts["hour"] = moment.hour
        if moment.minute:
            parts["minute"] = moment.minute
    return parts


def date_parts(interval: Interval) -> tuple[DateParts, DateParts | None]:
    """``start_date`` and ``end_date`` (``None``: left out) for a half-open interval.

    When both ends fall on midnights, both are written in the coarsest unit both align to,
    and the end as the last unit covered, as people write a span ("Feb-Mar 2025", "17-23
    Feb"): ``[2022-02-01, 2022-03-01)`` is ``{2022, 2}`` alone, a single unit needing no end.
    When an end falls within a day, the ends are instants: a midnight start as its day
    (the same instant), everything else to the hour and minute, the end exclusive as a
    clock reads ("until 18:00"). An open end is left out; one bounded end alone is written
    no coarser than its day, since a bound on the 1st of a month says nothing of the month.
    Seconds are dropped: event times come rounded outward to whole minutes.

    >>> from datetime import datetime as dt
    >>> date_parts(Interval(dt(2025, 2, 17), dt(2025, 2, 24)))
    ({'year': 2025, 'month': 2, 'day': 17}, {'year': 2025, 'month': 2, 'day': 23})
    >>> date_parts(Interval(dt(2022, 2, 1), dt(2022, 3, 1)))
    ({'year': 2022, 'month': 2}, None)
    >>> date_parts(Interval(dt(2025, 2, 24), dt(2025, 2, 24, 18)))
    ({'year': 2025, 'month': 2, 'day': 24}, {'year': 2025, 'month': 2, 'day': 24, 'hour': 18})
    """
    if interval.start is None:
        raise ValueError(f"an interval with an open start has no start date: {interval}")
    start = _civil(interval.start)
    if interval.end is None:
        return _parts(start, min(_unit(start), _Unit.DAY)), None
    end = _civil(interval.end)
    start_unit, end_unit = _unit(start), _unit(end)
    if _Unit.CLOCK in (start_unit, end_unit):
        return _parts(start, min(start_unit, _Unit.DAY)), _parts(end, _Unit.CLOCK)
    unit = min(start_unit, end_unit)
    first, last = _parts(start, unit), _parts(end - _ONE[unit], unit)
    return first, None if last == first else last


def left_out(tl: Timeline) -> list[Event]:
    """The events that cannot be slides: nothing bounds their start, so no date places them."""
    return [event for event in tl.events if event.time.earliest_start is None]


def _publication_order(moment: date | datetime) -> datetime:
    """Publications in order: a date at its start, an aware time by its UTC wall clock."""
    if isinstance(moment, datetime):
        return _civil(moment)
    return datetime(moment.year, moment.month, moment.day)


def _title(tl: Timeline, shown: int, missing: list[Event]) -> dict[str, Any]:
    """The title slide: what the corpus is, when it was published, and what is not shown."""
    articles = list(tl.known_articles.values())
    outlets = sorted({a.outlet for a in articles if a.outlet})
    summary = f"{plural(shown, 'event')} from {plural(len(articles), 'article')}"
    if outlets:
        summary += f" ({', '.join(outlets)})"
    if articles:
        ordered = sorted((a.published for a in articles), key=_publication_order)
        first, last = moment_text(ordered[0]), moment_text(ordered[-1])
        summary += f", published {first}" if first == last else \
            f", published {first} to {last}"
    if tl.as_of_time is not None:
        summary += f"; as known on {moment_text(tl.as_of_time)}"
    paragraphs = [summary + "."]
    if missing:
        ids = ", ".join(event.id for event in missing)
        paragraphs.append(f"Not shown: {plural(len(missing), 'event')} with no known "
                          f"earliest date ({ids}).")
    return {"text": {"headline": escape(tl.title or "Timeline"),
                     "text": "".join(f"<p>{escape(p)}</p>" for p in paragraphs)}}


def _source(article: Article | None, article_id: str) -> str:
    """``000, <a href="...">Title</a>, Outlet, 25 Feb 2025``: escaped HTML, the title a
    link where the article has a web URL."""
    if article is None:
        return escape(article_id)
    url = web_url(article.url)
    title = escape(article.title)
    if url is not None:
        title = f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{title}</a>'
    bits = [escape(article_id), title, *([escape(article.outlet)] if article.outlet else []),
            escape(moment_text(article.published))]
    return ", ".join(bits)


def _slide_text(event: Event, articles: dict[str, Article], derived: tuple[str, ...]) -> str:
    """Status, what a derived date came from, conflicts, then each distinct quote with the
    article it comes from."""
    html = [f"<p>{escape(_STATUS_TEXT[event.status])}</p>"]
    if derived:
        html.append(f"<p>Date derived from the order of events: {escape('; '.join(derived))}"
                    ".</p>")
    html.extend(f"<p>Conflicting claims: {escape(conflict.message)}</p>"
                for conflict in event.conflicts)
    seen: set[tuple[str, str]] = set()
    for claim in event.claims:
        if (claim.article, claim.quote) in seen:
            continue
        seen.add((claim.article, claim.quote))
        source = _source(articles.get(claim.article), claim.article)
        html.append(f"<blockquote><p>{escape(claim.quote)}</p>"
                    f"<p>&mdash; {source}</p></blockquote>")
    return "".join(html)


def _slide(event: Event, articles: dict[str, Article], shown: Shown) -> dict[str, Any]:
    start, end = date_parts(Interval(*rounded_hull(event.time)))
    slide: dict[str, Any] = {"start_date": start}
    if end is not None:
        slide["end_date"] = end
    slide["display_date"] = when_text(event.time)
    slide["text"] = {"headline": escape(event.title),
                     "text": _slide_text(event, articles, shown.derived_from(event))}
    slide["group"] = event.status.value
    slide["unique_id"] = event.id
    return slide


def to_timelinejs(tl: Timeline, *, zone: str | None = None) -> dict[str, Any]:
    """The timeline as TimelineJS JSON (``json.dumps`` it): a title slide and the events.

    Slides come in the timeline's order; ``group`` is the status, so TimelineJS puts
    occurred, scheduled and expected events on rows of their own; ``unique_id`` is the
    event id, so a slide's URL stays the same across runs. Headlines and texts are HTML,
    with every piece of article text escaped; a source's title links to its article's web
    URL. The title slide is headed by the timeline's title. Events are dated as
    ``wording.Shown`` shows them: a bound derived through order claims at the granularity
    its sources give, the slide saying what it was derived from.

    ``zone`` (an IANA name) shows times in the reader's zone; without it, in the corpus's
    zone when it declares one, else aware times in UTC. Floating times stay floating
    ("11:38, zone not stated" once a zone is asked for).
    """
    with display_zone(zone, corpus=tl.zone):
        return _to_timelinejs_shown(tl)


def _to_timelinejs_shown(tl: Timeline) -> dict[str, Any]:
    """The export itself, inside ``display_zone``."""
    shown = Shown.of(tl.events)
    slides = [_slide(event, tl.articles, shown) for event in shown.events
              if event.time.earliest_start is not None]
    return {"title": _title(tl, len(slides), left_out(tl)), "events": slides}


__all__ = ["DateParts", "date_parts", "left_out", "to_timelinejs"]
