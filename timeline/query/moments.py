"""The "as of" time a user writes: an ISO date or datetime, or a time expression.

``Timeline.as_of`` and ``timeline ... --as-of`` read it the same way (``read_moment``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from timeline.errors import QueryError, TimelineError
from timeline.time.anchor import read_anchor
from timeline.time.interval import FIRST_YEAR, LAST_YEAR, in_calendar

if TYPE_CHECKING:
    from timeline.model.article import Article

Moment = date | datetime


def latest_published(articles: Iterable[Article]) -> Moment | None:
    """The latest publication time of ``articles``, as the article gave it (a date stays a
    date); ``None`` when there are none.

    A date counts as the end of its day; an aware time is compared by its UTC wall clock
    with the floating ones, which is all an anchor for "last Monday" needs.
    """
    def end(moment: Moment) -> datetime:
        if not isinstance(moment, datetime):
            return datetime(moment.year, moment.month, moment.day) + timedelta(days=1)
        if moment.tzinfo is not None and moment.utcoffset() is not None:
            return moment.astimezone(UTC).replace(tzinfo=None)
        return moment

    latest: Moment | None = None
    for article in articles:
        if latest is None or end(article.published) > end(latest):
            latest = article.published
    return latest


#: What an "as of" time after the supported calendar stands for: two days past its end, a
#: date (the end of that day), later than every publication it can hold in every zone.
EVERYTHING = date(LAST_YEAR + 1, 1, 2)
#: And one before it: two days before its start, earlier than every publication.
NOTHING = date(FIRST_YEAR - 1, 12, 30)


def as_of_moment(moment: Moment) -> Moment:
    """The "as of" time to take a view at: ``moment``, or ``EVERYTHING``/``NOTHING`` when
    it lies after/before the supported calendar (``timeline.time.interval.in_calendar``).

    ``--as-of 9999-12-31`` is how a user says "everything": every publication a corpus
    can hold is in the calendar (the loader refuses others), so a view at any time after
    it is the same view, and taking it at ``EVERYTHING`` keeps the arithmetic of the
    view (a day added, floating times widened) inside ``datetime`` (#13). Likewise a
    time before the calendar knows nothing.

    >>> as_of_moment(date(9999, 12, 31))
    datetime.date(9800, 1, 2)
    >>> as_of_moment(date(2025, 3, 5))
    datetime.date(2025, 3, 5)
    """
    if in_calendar(moment):
        return moment
    return EVERYTHING if moment.year > LAST_YEAR else NOTHING


def read_moment(text: str, anchor: Moment | None) -> tuple[Moment, str]:
    """An "as of" time and how to show it: ISO first, else an expression's end.

    ``2025-03-05`` is the end of that day (a date, as ``Timeline.as_of`` reads dates);
    ``2025-02-24T12:00Z`` and ``2025-02-24T12:00`` are that instant and that floating
    time. Anything else is a time expression resolved against ``anchor`` (a corpus's
    latest publication), and the view is as of the END of what it names: "as of last
    Monday" asks what had been published by the time that Monday was over, and an
    expression's start would leave out that day's own articles. An end at midnight is
    given back as the date of the day it closes. ``QueryError`` names the text when none
    of these reads it.
    """
    try:
        return read_anchor(text, error=QueryError), text
    except QueryError:
        pass
    if anchor is None:
        raise QueryError(f"{text!r} is not an ISO date or datetime, and a corpus with no "
                         f"articles has no date to resolve an expression against")
    from timeline.tagger.resolve import resolve  # the rule tables load on first use

    try:
        value = resolve(text, anchor)
    except TimelineError as exc:
        raise QueryError(f"expected an ISO date (2025-03-05), datetime (2025-02-24T12:00Z) "
                         f"or time expression (last Monday), got {text!r}: {exc}") from None
    end = None if value.interval is None else value.interval.end
    if end is None:
        raise QueryError(f"{text!r} ({value.value}) has no end to take the view at")
    if end.tzinfo is None and end == datetime(end.year, end.month, end.day):
        moment: Moment = (end - timedelta(days=1)).date()
    else:
        moment = end
    return moment, f"{moment.isoformat()} (the end of {text!r})"


__all__ = ["EVERYTHING", "NOTHING", "Moment", "as_of_moment", "latest_published", "read_moment"]
