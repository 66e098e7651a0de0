"""An RFC 5545 calendar of a ``Timeline``: one VEVENT per event, reproducible byte for byte.

Built with ``icalendar``'s API (``Calendar.new``, ``Event.new``), which escapes and folds;
what it lets through is checked here: control characters in text are removed, and an
all-day event always ends at least a day after it starts. Conventions:

- An event whose start and end are each known to the minute is timed: floating (no TZID)
  when the corpus's times are civil, in UTC when they are absolute. Every other event is
  all-day over the days its hull touches (``DTSTART;VALUE=DATE`` and an exclusive
  ``DTEND;VALUE=DATE``): an event "on Monday" at an unknown hour is that whole Monday, one
  "last week" spans the week, and its SUMMARY says the date is uncertain in the words of
  ``timeline.export.wording`` ("(date uncertain: between 17 and 23 Feb 2025)").
- Every event carries its hull's TIMEX3 value and EDTF (as the JSON export names them) and
  its status word in ``X-TIMELINE-*`` properties, and its provenance in DESCRIPTION: one
  paragraph per claim with the article, outlet, publication time, URL, expression,
  resolved value and quote. An event with one source article that has a web URL gets it
  as its URL. The calendar is named (NAME, X-WR-CALNAME) after the timeline's title.
- Events are placed and worded as ``timeline.export.wording.Shown`` shows them: a bound
  derived through order claims at the granularity its sources give ("by 26 Feb 2022",
  not "18:00" carried back three years), with what it was derived from in DESCRIPTION.
- STATUS: CONFIRMED for occurred and reported events, TENTATIVE for scheduled, expected
  and unconfirmed ones (SUMMARY says which; unconfirmed ones give the reason).
- Events with an open start or end are left out unless ``include_open``; then they sit on
  the one day their bounded side names ("by 31 Dec 2030" on 31 Dec 2030), flagged as
  uncertain. An event with neither end bounded has no day at all and is never written.
- Nothing reads the clock: DTSTAMP is the view's as-of time, else the latest publication;
  UIDs hash the corpus (its articles' sha256s) with the event id.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from importlib import metadata
from typing import TYPE_CHECKING, Any

from icalendar import Calendar, vText
from icalendar import Event as VEvent
from icalendar.enums import STATUS

from timeline.export.json import event_time_value
from timeline.export.wording import (
    Shown,
    day_span,
    display_zone,
    is_uncertain,
    moment_text,
    status_text,
    web_url,
    when_text,
)
from timeline.model.article import Article
from timeline.model.claim import Claim, Status
from timeline.model.event import Event, status_of
from timeline.model.network import EventTime
from timeline.query.moments import as_of_moment
from timeline.time.edtf import to_edtf
from timeline.time.interval import LAST_YEAR, is_floating
from timeline.time.value import TimeValue

if TYPE_CHECKING:
    from timeline.query.timeline import Timeline

_DAY = timedelta(days=1)
_MINUTE = timedelta(minutes=1)

#: Characters RFC 5545 TEXT cannot hold (C0 and C1 controls and DEL, newline and tab
#: excepted) and lone surrogates, which UTF-8 cannot encode. icalendar writes them as they are.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")
_LINE_SPACE = re.compile("[ \t\n]*[\t\n][ \t\n]*")

#: How each status reads to a calendar client (RFC 5545 3.8.1.11).
ICS_STATUS: dict[Status, STATUS] = {
    Status.OCCURRED: STATUS.CONFIRMED,
    Status.REPORTED: STATUS.CONFIRMED,
    Status.SCHEDULED: STATUS.TENTATIVE,
    Status.EXPECTED: STATUS.TENTATIVE,
    Status.UNCONFIRMED: STATUS.TENTATIVE,
}


def clean_text(text: str) -> str:
    """Text fit for an ICS TEXT value: line breaks as ``\\n``, control characters removed.

    CR, CRLF and the Unicode line and paragraph separators become ``\\n`` (which icalendar
    escapes); other controls are dropped, since RFC 5545 forbids them and icalendar would
    write them raw; lone surrogates become U+FFFD, since they cannot be encoded. A
    backslash before ``N`` becomes U+FF3C (a fullwidth backslash): icalendar 7 takes
    ``\\N`` in plain text for an escaped line break, and every reader would see one.
    """
    text = _SURROGATE.sub("\ufffd", _CONTROL.sub("", _BREAKS.sub("\n", text)))
    return text.replace("\\N", "\uff3cN")


def one_line(text: str) -> str:
    """Cleaned text on one line (SUMMARY, LOCATION): calendars show these as a single line."""
    return _LINE_SPACE.sub(" ", clean_text(text)).strip()


def open_ended(tl: Timeline) -> list[Event]:
    """Events with an unbounded start or end, in time order: left out unless ``include_open``.

    A calendar entry needs a first and a last day; "by 2030" has no first one.
    """
    return [e for e in tl.events if e.time.earliest_start is None or e.time.latest_end is None]


def undated(tl: Timeline) -> list[Event]:
    """Events with neither end bounded: no day to put them on, so never written."""
    return [e for e in tl.events if e.time.earliest_start is None and e.time.latest_end is None]


def utc_instant(moment: date | datetime) -> datetime:
    """A publication or as-of time as the UTC instant ICS's DTSTAMP-like properties need.

    A date means the end of that day (everything published on it is out by then). A
    floating time is read as UTC: those properties must be UTC, the zone is unknown, and
    any reading is off by at most 14 hours; UTC at least keeps the wall-clock digits.
    Seconds only, as ICS has no finer unit.
    """
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day) + _DAY
    if is_floating(moment):
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0)


def stamp(tl: Timeline) -> datetime | None:
    """DTSTAMP: the view's as-of time, else the latest publication (``None``: no articles).

    Never the wall clock, so the same corpus gives the same bytes on every run. A view
    as of a time past the supported calendar (``--as-of 9999-12-31``) is everything, and
    stamped as a view of everything is (#13).
    """
    if tl.as_of_time is not None and not tl.as_of_time.year > LAST_YEAR:
        return utc_instant(as_of_moment(tl.as_of_time))
    published = [a.published for a in tl.articles.values()]
    if not published:  # a hand-built timeline: its claims still say when they were published
        published = [c.known_from for e in tl.events for c in e.claims]
    return max((utc_instant(p) for p in published), default=None)


def corpus_digest(tl: Timeline) -> str:
    """The corpus's identity: a hash of its articles' sha256s, in sorted order."""
    digests = sorted(a.sha256 for a in tl.articles.values())
    return hashlib.sha256("\n".join(digests).encode("ascii")).hexdigest()


def event_uid(event_id: str, corpus: str) -> str:
    """A UID stable across runs and views, distinct between corpora that reuse an id."""
    digest = hashlib.sha256(f"{corpus}\n{event_id}".encode()).hexdigest()
    return f"{digest[:32]}@timeline"


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None or is_floating(moment):
        return moment
    return moment.astimezone(UTC)


def _floor(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _ceil(moment: datetime) -> datetime:
    floor = _floor(moment)
    return floor if floor == moment else floor + _MINUTE


def _midnight(moment: datetime) -> bool:
    return moment == moment.replace(hour=0, minute=0, second=0, microsecond=0)


def clock_span(time: EventTime) -> tuple[datetime, datetime] | None:
    """Start and end of a timed event, or ``None`` when it is all-day.

    Timed when the start and the end are each known to the minute, rounding outward (a
    claim "at 14:00" bounds both within that minute) and not both at midnight (whole days
    are all-day). The solver's one-microsecond steps between bounds round away.
    """
    es, ls, ee, le = (_utc(m) for m in (time.earliest_start, time.latest_start,
                                         time.earliest_end, time.latest_end))
    if es is None or ls is None or ee is None or le is None:
        return None
    start, end = _floor(es), _ceil(le)
    if _floor(ls) != start or _ceil(ee) != end:
        return None
    if _midnight(start) and _midnight(end):
        return None
    return start, end


def day_range(time: EventTime) -> tuple[date, date] | None:
    """First day and exclusive end day of an all-day entry; ``None`` with no bounded end.

    The days the hull touches; an open event sits on the one day of its bounded side.
    """
    first, last = day_span(time)
    if first is None and last is None:
        return None
    first = last if first is None else first
    last = first if last is None else last
    assert first is not None and last is not None
    return first, last + _DAY


def summary(event: Event) -> str:
    """The title, then what a reader of the calendar must know before trusting the entry."""
    notes = []
    if event.status is Status.UNCONFIRMED:
        notes.append("unconfirmed")
    elif event.status.pending:
        notes.append(status_text(event.status))
    if is_uncertain(event.time):
        notes.append(f"date uncertain: {when_text(event.time)}")
    title = one_line(event.title) or event.id  # a title of control characters only
    return f"{title} ({'; '.join(notes)})" if notes else title


def _dating(claim: Claim) -> str:
    """How the claim dates its event: the expression and its value, a date, an order."""
    parts = []
    if claim.when is not None:
        resolved = "unresolved" if claim.value is None else claim.value.value
        if claim.value is not None and claim.value.mod is not None:
            resolved += f" ({claim.value.mod.value})"
        parts.append(f"\u201c{claim.when}\u201d = {resolved}")
    elif claim.date is not None:
        parts.append(f"dated {claim.date.isoformat()}")
        if claim.value is not None:
            parts[-1] += f" = {claim.value.value}"
    if claim.before is not None:
        parts.append(f"before event \u2018{claim.before}\u2019")
    if claim.after is not None:
        parts.append(f"after event \u2018{claim.after}\u2019")
    if claim.relative_to is not None:
        # "three years after event 'x'", "within two hours of event 'x'"
        offset = "relative to" if claim.offset is None else claim.offset.text
        joiner = " " if offset.endswith(("before", "after", "to")) else " of "
        parts.append(f"{offset}{joiner}event \u2018{claim.relative_to}\u2019")
    return "; ".join(parts)


def claim_paragraph(claim: Claim, article: Article | None) -> str:
    """One claim's provenance: article id, title, outlet, publication, expression, quote."""
    if article is None:
        source = f"Article {claim.article}, published {moment_text(claim.known_from)}"
    else:
        source = f"Article {article.id}: {article.title}"
        if article.outlet is not None:
            source += f" ({article.outlet})"
        source += f", published {moment_text(article.published)}"
        if article.url is not None:
            source += f", {article.url}"
    lines = [source + ".", f"Says: {claim.status.value}"]
    dating = _dating(claim)
    if dating:
        lines[-1] += f"; {dating}"
    lines[-1] += "."
    lines.append(f"Quote: \u201c{claim.quote}\u201d")
    if claim.note is not None:
        lines.append(f"Note: {claim.note}")
    return "\n".join(lines)


def description(event: Event, tl: Timeline, *, shown: Shown | None = None) -> str:
    """When, status and why, any conflict, then one paragraph per claim (the provenance).

    With ``shown``, "When" also says what a bound derived through order claims came from.
    """
    when = when_text(event.time) if shown is None else shown.when(event)
    head = [f"When: {when}.", f"Status: {status_text(event.status)}."]
    if event.actors:
        head.append(f"Actors: {', '.join(event.actors)}.")
    if event.note is not None:
        head.append(f"Note: {event.note}")
    paragraphs = ["\n".join(head)]
    if event.status is Status.UNCONFIRMED:
        claimed = status_text(status_of(event.claims))
        by = ("in this corpus" if tl.as_of_time is None
              else f"published by {moment_text(tl.as_of_time)}")
        paragraphs.append(f"Unconfirmed: {claimed} (when: {when_text(event.time)}), but no "
                          f"article {by} says it happened.")
    paragraphs.extend(f"Conflict ({c.kind}): {c.message}" for c in event.conflicts)
    paragraphs.extend(claim_paragraph(c, tl.articles.get(c.article)) for c in event.claims)
    return clean_text("\n\n".join(paragraphs))


def source_url(event: Event, tl: Timeline) -> str | None:
    """The event's URL: its one source article's, when it has exactly one and that has a
    web URL (with several sources no one of them is the event's page)."""
    if len(event.articles) != 1:
        return None
    article = tl.articles.get(event.articles[0])
    return None if article is None else web_url(article.url)


def _fields(event: Event, tl: Timeline, *, stamp: datetime, corpus: str,
            shown: Shown | None = None) -> list[tuple[str, object]] | None:
    """The VEVENT's properties as ``Event.new`` and ``add`` take them, in that order; ``None``
    when the event has no bounded end to place it by (``vevent`` says how it is placed).

    One list for the two writers, ``vevent`` (an icalendar ``Event``) and ``_vevent_lines``
    (its content lines straight from icalendar's property types), so they cannot drift.
    """
    seen = event if shown is None else shown.by_id.get(event.id, event)
    timed = clock_span(seen.time)
    span: tuple[date, date] | tuple[datetime, datetime] | None = (
        timed if timed is not None else day_range(seen.time))
    if span is None:
        return None
    start, end = span
    if not end > start:  # icalendar would write it; every all-day event lasts a day or more
        raise AssertionError(f"event {event.id!r}: empty span {start} to {end}")
    published = [utc_instant(c.known_from) for c in event.claims]
    fields: list[tuple[str, object]] = [
        ("SUMMARY", summary(seen)), ("DTSTART", start), ("DTEND", end), ("DTSTAMP", stamp),
        ("UID", event_uid(event.id, corpus)), ("CREATED", min(published, default=None)),
        ("DESCRIPTION", description(seen, tl, shown=shown)),
        ("LAST-MODIFIED", max(published, default=None)),
        ("LOCATION", None if event.place is None else one_line(event.place)),
        ("STATUS", ICS_STATUS[event.status]), ("URL", source_url(event, tl)),
    ]
    named, edtf = _time_value(event)
    fields += [("X-TIMELINE-EDTF", edtf), ("X-TIMELINE-EVENT", one_line(event.id)),
               ("X-TIMELINE-MOD", None if named.mod is None else named.mod.value),
               ("X-TIMELINE-STATUS", event.status.value), ("X-TIMELINE-TIMEX", named.value)]
    return fields


#: The hull's TIMEX3 value and EDTF, by the hull's bounds with their zones and folds:
#: events of a day share them, and naming one takes a search over every granularity.
_NAMED: dict[tuple[object, ...], tuple[TimeValue, str | None]] = {}
#: Above this many kept, the names start afresh (a bound on their memory).
_KEPT = 100_000


def _time_value(event: Event) -> tuple[TimeValue, str | None]:
    """``event_time_value`` and its EDTF, remembered by the hull: aware bounds equal across
    zones (or across a fold) name different values, so each bound's zone and fold are in
    the key."""
    hull = event.time.hull
    key = tuple(None if m is None else (m, m.tzinfo, m.fold) for m in (hull.start, hull.end))
    named = _NAMED.get(key)
    if named is None:
        if len(_NAMED) >= _KEPT:
            _NAMED.clear()
        value = event_time_value(event)
        named = _NAMED[key] = (value, to_edtf(value))
    return named


def vevent(event: Event, tl: Timeline, *, stamp: datetime, corpus: str,
           shown: Shown | None = None) -> VEvent | None:
    """The event as a VEVENT, or ``None`` when it has no bounded end to place it by.

    Placed and worded as ``shown`` shows it (``wording.Shown``: a bound derived through
    order claims at the granularity its sources give, and what it came from); the
    ``X-TIMELINE-*`` values stay the model's, as the JSON export names them.
    """
    fields = _fields(event, tl, stamp=stamp, corpus=corpus, shown=shown)
    if fields is None:
        return None
    given: dict[str, Any] = dict(fields[:11])
    entry = VEvent.new(
        uid=given["UID"], stamp=given["DTSTAMP"], start=given["DTSTART"], end=given["DTEND"],
        summary=given["SUMMARY"], description=given["DESCRIPTION"],
        location=given["LOCATION"], status=given["STATUS"], created=given["CREATED"],
        last_modified=given["LAST-MODIFIED"], url=given["URL"],
    )
    for name, value in fields[11:]:
        if value is not None:
            entry.add(name, value)
    return entry


def _vevent_lines(fields: list[tuple[str, object]],
                  known: dict[tuple[object, ...], str]) -> Iterator[str]:
    """The VEVENT's content lines, unfolded, as icalendar writes ``vevent``'s: BEGIN, the
    canonical properties (SUMMARY to UID) in order, the others by name, END.

    Each value is encoded by the property type icalendar gives its name (escaping TEXT),
    without building the component, which costs more than the event's own wording (#16).
    Dates and times repeat from event to event (a stamp, a day, a publication), and so do
    statuses and values: their lines are kept in ``known``, by value and type (and a
    time's zone and fold); only those ``_OWN`` to one event are encoded every time.
    """
    yield "BEGIN:VEVENT"
    for name, value in fields:
        if value is None:
            continue
        key: tuple[object, ...] | None = None
        if isinstance(value, date):
            key = (name, type(value), value, getattr(value, "tzinfo", None),
                   getattr(value, "fold", 0))
        elif name not in _OWN:
            key = (name, type(value), value)
        if key is not None:
            line = known.get(key)
            if line is not None:
                yield line
                continue
        prop = _TYPES.for_property(name)(value)
        text = prop.to_ical().decode("utf-8")
        params = prop.params.to_ical(sorted=True).decode("utf-8") if prop.params else ""
        line = f"{name};{params}:{text}" if params else f"{name}:{text}"
        if key is not None:
            if len(known) >= _KEPT:
                known.clear()
            known[key] = line
        yield line
    yield "END:VEVENT"


_TYPES = VEvent.types_factory
#: The properties whose values are one event's own, never worth keeping.
_OWN = frozenset({"SUMMARY", "DESCRIPTION", "UID", "LOCATION", "URL", "X-TIMELINE-EVENT"})


def fold(line: str) -> str:
    """A content line folded as icalendar folds it (RFC 5545 3.1): pieces of at most 74
    octets joined by CRLF and a space, never splitting a character nor ending a piece
    with a backslash or a caret (the start of an escape); a piece at a time, not a
    character at a time as icalendar does (#16)."""
    n = len(line)
    ascii = line.isascii()  # an octet a character: nothing to count
    if (n if ascii else len(line.encode("utf-8"))) <= _PIECE:
        return line
    pieces, at = [], 0
    while at < n:
        size = min(_PIECE, n - at)
        if not ascii:
            octets = len(line[at:at + size].encode("utf-8"))
            while octets > _PIECE:  # the widest prefix of at most 74 octets
                size -= 1
                octets -= len(line[at + size].encode("utf-8"))
        if at + size < n and size > 1 and line[at + size - 1] in "\\^":
            size -= 1
        pieces.append(line[at:at + size])
        at += size
    return "\r\n ".join(pieces)


#: The octets of a folded line's piece (RFC 5545: 75 with the leading space).
_PIECE = 74


def _version() -> str:
    try:
        return metadata.version("timeline")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "0"


def calendar_name(tl: Timeline) -> str:
    """NAME (RFC 7986) and X-WR-CALNAME (which calendar apps show): the timeline's title,
    with the view's as-of time; ``timeline`` when it has no title."""
    name = one_line(tl.title) if tl.title else ""
    name = name or "timeline"
    return name if tl.as_of_time is None else f"{name} as of {moment_text(tl.as_of_time)}"


def calendar(tl: Timeline, events: Iterable[Event]) -> Calendar:
    """A calendar holding ``events`` (each that can be placed) of the timeline."""
    corpus = corpus_digest(tl)
    cal = Calendar.new(prodid=f"-//timeline//timeline {_version()}//EN",
                       calscale="GREGORIAN", uid=event_uid("", corpus))
    # Not Calendar.new(name=...): icalendar 7 writes those two unescaped, and a comma in
    # the title then ends the name for readers that follow RFC 5545's TEXT (vobject).
    name = vText(calendar_name(tl))
    cal.add("NAME", name)
    cal.add("X-WR-CALNAME", name)
    when = stamp(tl)
    shown: Shown | None = None
    for event in events:
        assert when is not None, "an event has claims, so a publication time"
        shown = Shown.of(tl.events) if shown is None else shown
        entry = vevent(event, tl, stamp=when, corpus=corpus, shown=shown)
        if entry is not None:
            cal.add_component(entry)
    return cal


def to_ics(tl: Timeline, *, include_open: bool = False, zone: str | None = None) -> bytes:
    """The timeline as an iCalendar file (UTF-8, CRLF lines folded at 75 octets).

    Events with an open start or end (``open_ended``) are left out unless ``include_open``;
    those with neither end bounded (``undated``) always are.

    ``zone`` (an IANA name) shows times in the reader's zone; without it, in the corpus's
    zone when it declares one, else aware times in UTC. Floating times stay floating
    ("11:38, zone not stated" once a zone is asked for).
    """
    with display_zone(zone, corpus=tl.zone):
        return _to_ics_shown(tl, include_open=include_open)


def _to_ics_shown(tl: Timeline, *, include_open: bool = False) -> bytes:
    """The export itself, inside ``display_zone``: the calendar's own lines from icalendar
    (``calendar`` with no events), then each event's lines, folded and encoded as it is
    built; the output and one event's lines are all it holds (#16)."""
    left_out = set() if include_open else {e.id for e in open_ended(tl)}
    head = calendar(tl, ()).to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    chunks = [head[:-len(end)]]
    corpus, when = corpus_digest(tl), stamp(tl)
    shown = Shown.of(tl.events)
    known: dict[tuple[object, ...], str] = {}
    for event in tl.events:
        if event.id in left_out:
            continue
        assert when is not None, "an event has claims, so a publication time"
        fields = _fields(event, tl, stamp=when, corpus=corpus, shown=shown)
        if fields is not None:
            lines = "\r\n".join(fold(line) for line in _vevent_lines(fields, known))
            chunks.append(lines.encode("utf-8") + b"\r\n")
    chunks.append(end)
    return b"".join(chunks)


__all__ = ["ICS_STATUS", "calendar", "calendar_name", "clean_text", "clock_span",
           "corpus_digest", "day_range", "description", "event_uid", "fold", "one_line",
           "open_ended",
           "source_url", "stamp", "summary", "to_ics", "undated", "utc_instant", "vevent"]
