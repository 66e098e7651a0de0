"""Lossless JSON for a ``Timeline``: articles with their texts, events with every claim.

``to_dict`` writes what the timeline was built from (articles, claims with quotes, spans,
expressions, anchors and resolved values) and what it computed (each event's bounds,
TIMEX3 value, EDTF, status and conflicts); ``from_dict`` rebuilds the timeline from the
former, so reading back and writing again gives the same document. ``to_json`` and
``from_json`` are the same as JSON text (``timeline.time.jsontext``).
"""

from __future__ import annotations

import reprlib
from collections.abc import Mapping
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from timeline.errors import CorpusError, TimexError
from timeline.model.article import Article
from timeline.model.claim import PARTS, Claim, Offset, Status
from timeline.model.corpus import check_corpus
from timeline.model.event import Event, EventSpec
from timeline.model.load import check_zone
from timeline.model.network import EventTime
from timeline.time.edtf import describe, to_edtf
from timeline.time.granularity import Granularity, floor
from timeline.time.interval import Interval, is_floating
from timeline.time.jsontext import JSONText, dump_json, read_json
from timeline.time.value import TimeValue

if TYPE_CHECKING:
    from timeline.query.timeline import Timeline

FORMAT = "timeline/1"


def _moment(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def value_to_json(value: TimeValue) -> dict[str, Any]:
    """Every field of a value, the interval's ends as exact ISO datetimes."""
    return {
        "type": value.type.value,
        "value": value.value,
        "mod": value.mod.value if value.mod else None,
        "interval": None if value.interval is None else list(value.interval.to_iso()),
        "granularity": value.granularity.value if value.granularity else None,
        "duration": None if value.duration is None else value.duration.to_timex(),
        "quant": value.quant,
        "freq": value.freq,
        "edtf": value.edtf,
    }


#: ``value_to_json``'s dict read back (``TimeValue.from_dict`` reads both shapes).
value_from_json = TimeValue.from_dict


def _offset_to_json(offset: Offset | None) -> dict[str, Any] | None:
    if offset is None:
        return None
    def micro(d: timedelta | None) -> int | None:
        return None if d is None else d // timedelta(microseconds=1)
    return {"text": offset.text, "start_lo_us": micro(offset.start_lo),
            "start_hi_us": micro(offset.start_hi), "before": offset.before,
            "after": offset.after}


def claim_to_json(claim: Claim) -> dict[str, Any]:
    """A claim with its provenance: article, quote and span, expression, anchor, value."""
    return {
        "article": claim.article,
        "quote": claim.quote,
        "span": list(claim.span),
        "status": claim.status.value,
        "known_from": _moment(claim.known_from),
        "when": claim.when,
        "when_span": None if claim.when_span is None else list(claim.when_span),
        "anchor": _moment(claim.anchor),
        "tense": claim.tense,
        "value": None if claim.value is None else value_to_json(claim.value),
        "date": _moment(claim.date),
        "part": claim.part,
        "ongoing": claim.ongoing,
        "before": claim.before,
        "after": claim.after,
        "relative_to": claim.relative_to,
        "offset": _offset_to_json(claim.offset),
        "note": claim.note,
    }


def _rounded(interval: Interval) -> Interval:
    """Outward to whole minutes: the microsecond steps that keep starts before ends are
    exact but say nothing to a reader."""
    start = None if interval.start is None else floor(Granularity.MINUTE, interval.start)
    end = interval.end
    if end is not None and end != floor(Granularity.MINUTE, end):
        end = floor(Granularity.MINUTE, end) + timedelta(minutes=1)
    return Interval(start, end)


def event_time_value(event: Event) -> TimeValue:
    """A TIMEX3 value and EDTF naming where the event possibly lies (its hull)."""
    return describe(_rounded(event.time.hull))


def event_to_json(spec: EventSpec, event: Event | None, *,
                  zone: tzinfo | None = None) -> dict[str, Any]:
    """An event: what the corpus says of it (every claim, each marked ``known`` in this
    view) and, when the view has it, what was computed (time, status, conflicts); the
    computed bounds that are aware are written in ``zone`` when one is given (the same
    instants: nothing is lost)."""
    claims = list(spec.claims)
    visible = set() if event is None else set(event.claims)
    out: dict[str, Any] = {
        "id": spec.id,
        "title": spec.title,
        "actors": list(spec.actors),
        "place": spec.place,
        "note": spec.note,
        "maybe_same": list(spec.maybe_same),
        "status": None if event is None else event.status.value,
        "time": None,
        "conflicts": [],
        "claims": [{**claim_to_json(c), "known": c in visible} for c in claims],
    }
    if event is not None:
        time = event.time
        named = event_time_value(event)
        if zone is not None:
            time = EventTime(*(m if m is None or is_floating(m) else m.astimezone(zone)
                               for m in (time.earliest_start, time.latest_start,
                                         time.earliest_end, time.latest_end)))
        out["time"] = {
            "earliest_start": _moment(time.earliest_start),
            "latest_start": _moment(time.latest_start),
            "earliest_end": _moment(time.earliest_end),
            "latest_end": _moment(time.latest_end),
            "timex": named.value,
            "mod": named.mod.value if named.mod else None,
            "edtf": to_edtf(named),
        }
        out["conflicts"] = [{"kind": c.kind, "message": c.message,
                             "claims": [claims.index(x) for x in c.claims if x in claims]}
                            for c in event.conflicts]
    return out


def article_to_json(article: Article) -> dict[str, Any]:
    return {"id": article.id, "title": article.title, "outlet": article.outlet,
            "url": article.url, "published": _moment(article.published),
            "file": article.file, "sha256": article.sha256, "text": article.text}


def to_dict(tl: Timeline, *, zone: str | None = None) -> dict[str, Any]:
    """The whole timeline as JSON-ready data (``json.dumps`` it, or call ``to_json``).

    ``zone`` (an IANA name) writes the events' computed aware bounds in that zone; claims and
    publications stay as the articles give them.
    """
    shown = None if zone is None else ZoneInfo(check_zone(zone, field="zone"))
    return {
        "format": FORMAT,
        "corpus": {"title": tl.title, "zone": tl.zone},
        "as_of": _moment(tl.as_of_time),
        "possibly": tl.possibly,
        "articles": [article_to_json(a) for a in tl.articles.values()],
        "events": [event_to_json(spec, tl.get(spec.id), zone=shown) for spec in tl.specs],
    }


def to_json(tl: Timeline, *, indent: int | None = None, zone: str | None = None) -> JSONText:
    """``to_dict`` as JSON text: compact unless ``indent`` (``timeline export --format json``
    writes ``indent=2``), non-ASCII characters as they are."""
    return dump_json(to_dict(tl, zone=zone), "Timeline", indent=indent)


def from_json(text: str | bytes) -> Timeline:
    """Rebuild a timeline from ``to_json``'s text (a mapping: deprecated, ``from_dict``)."""
    return from_dict(read_json(text, "Timeline", error=CorpusError, stacklevel=4))


def from_dict(data: Mapping[str, Any]) -> Timeline:
    """Rebuild a timeline from ``to_dict``'s output; a malformed document is a ``CorpusError``.

    Every field is checked on the way in, a wrong one named by its path
    (``events[3].claims[0].span: expected [start, end] integers, got ...``): its type, enum
    values, spans inside the article's text and quotes equal to the text there, known
    article ids, the texts' sha256; then the checks ``Timeline.from_articles`` makes (unique
    ids, known events, no cycle, claims quoting their article as it was published). The
    computed parts (an event's ``time``, ``status`` and ``conflicts``, a claim's ``known``)
    are not read: they are computed again.
    """
    from timeline.query.timeline import Timeline

    document = _Object(data, "")
    if document.data.get("format") != FORMAT:
        raise CorpusError(f"not a timeline document (format "
                          f"{_shown(document.data.get('format'))})", field="format")
    articles: dict[str, Article] = {}
    for raw in document.objects("articles"):
        article = _article(raw)
        if article.id in articles:
            raise CorpusError(f"duplicate article id {article.id!r}", field=raw.at("id"))
        articles[article.id] = article
    specs = [_event(raw, articles) for raw in document.objects("events")]
    as_of = document.moment("as_of")
    possibly = document.flag("possibly")
    corpus = document.child("corpus")
    title = zone = None
    if corpus is not None:
        title, zone = corpus.string("title"), corpus.string("zone")
        if zone is not None:
            zone = check_zone(zone, field=corpus.at("zone"))
    checked = check_corpus(articles.values(), specs, title=title, zone=zone)
    return Timeline(checked.articles, checked.specs, title=checked.title, zone=checked.zone,
                    as_of=as_of, possibly=possibly)


def _shown(value: object) -> str:
    return reprlib.repr(value)


#: The largest offset a document may give: as far as a ``timedelta`` reaches.
_MAX_MICROSECONDS = timedelta.max // timedelta(microseconds=1)


class _Object:
    """One JSON object of a timeline document, read field by field: each field's type is
    checked, and a wrong one named by its path (``events[3].claims[0].span``)."""

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, Mapping):
            raise CorpusError(f"expected an object, got {_shown(data)}", field=path or None)
        self.data: Mapping[str, Any] = data
        self.path = path

    def at(self, key: str) -> str:
        """The path of one field of this object."""
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, expected: str) -> CorpusError:
        return CorpusError(f"expected {expected}, got {_shown(self.data.get(key))}",
                           field=self.at(key))

    def get(self, key: str, required: bool) -> Any:
        """The field's value; ``None`` for an optional field missing or null."""
        value = self.data.get(key)
        if value is None and required:
            raise CorpusError("missing" if key not in self.data else "must not be null",
                              field=self.at(key))
        return value

    def string(self, key: str, *, required: bool = False) -> str | None:
        value = self.get(key, required)
        if value is not None and not (isinstance(value, str) and _unicode(value)):
            raise self.fail(key, "a string (of Unicode text: JSON can escape a lone "
                                 "surrogate, which no text file can hold)")
        return value

    def text(self, key: str) -> str:
        """A required string."""
        value = self.string(key, required=True)
        assert value is not None
        return value

    def flag(self, key: str) -> bool:
        value = self.get(key, False)
        if value is not None and not isinstance(value, bool):
            raise self.fail(key, "true or false")
        return bool(value)

    def moment(self, key: str, *, required: bool = False) -> date | datetime | None:
        value = self.string(key, required=required)
        if value is None:
            return None
        try:
            return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError:
            raise self.fail(key, "an ISO date or datetime") from None

    def span(self, key: str, *, required: bool = False) -> tuple[int, int] | None:
        """``[start, end]``: integers (not booleans), ``0 <= start <= end``."""
        value = self.get(key, required)
        if value is None:
            return None
        if (not isinstance(value, list) or len(value) != 2
                or not all(type(n) is int for n in value) or not 0 <= value[0] <= value[1]):
            raise self.fail(key, "[start, end] integers")
        return value[0], value[1]

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.get(key, False)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(s, str) and _unicode(s)
                                                  for s in value):
            raise self.fail(key, "a list of strings (of Unicode text)")
        return tuple(value)

    def objects(self, key: str) -> list[_Object]:
        """A required list of objects."""
        value = self.get(key, True)
        if not isinstance(value, list):
            raise self.fail(key, "a list")
        return [_Object(item, f"{self.at(key)}[{i}]") for i, item in enumerate(value)]

    def child(self, key: str) -> _Object | None:
        value = self.get(key, False)
        return None if value is None else _Object(value, self.at(key))

    def microseconds(self, key: str) -> timedelta | None:
        value = self.get(key, False)
        if value is None:
            return None
        if type(value) is not int or abs(value) > _MAX_MICROSECONDS:
            raise self.fail(key, "a whole number of microseconds a timedelta can hold")
        return timedelta(microseconds=value)


def _article(raw: _Object) -> Article:
    published = raw.moment("published", required=True)
    assert published is not None
    try:
        article = Article(id=raw.text("id"), title=raw.text("title"),
                          outlet=raw.string("outlet"), url=raw.string("url"),
                          file=raw.string("file"), published=published, text=raw.text("text"))
    except CorpusError:
        raise
    except ValueError as exc:  # the attrs validators: an empty id, title, outlet, url or file
        field = next((k for k in ("id", "title", "outlet", "url", "file")
                      if str(exc).startswith(f"{k!r}")), None)
        raise CorpusError(str(exc), field=raw.path if field is None else raw.at(field)) from None
    if article.sha256 != raw.text("sha256"):
        raise CorpusError("the article's text does not match its sha256", field=raw.at("sha256"))
    return article


def _event(raw: _Object, articles: Mapping[str, Article]) -> EventSpec:
    event = raw.text("id")
    if not event:
        raise raw.fail("id", "a non-empty string")
    claims = raw.objects("claims")
    if not claims:
        raise CorpusError("an event needs at least one claim", field=raw.at("claims"))
    return EventSpec(event, raw.text("title"), raw.strings("actors"), raw.string("place"),
                     raw.string("note"), tuple(_claim(c, event, articles) for c in claims),
                     raw.strings("maybe_same"))


#: The statuses a claim may have: ``unconfirmed`` is derived, never claimed.
_CLAIMED = {s.value: s for s in Status if s is not Status.UNCONFIRMED}


def _claim(raw: _Object, event: str, articles: Mapping[str, Article]) -> Claim:
    """A claim: its spans inside its article's text, its quote the text there."""
    article = articles.get(raw.text("article"))
    if article is None:
        raise raw.fail("article", "the id of an article in 'articles'")
    quote = raw.text("quote")
    span = raw.span("span", required=True)
    assert span is not None
    if not quote or article.text[span[0]:span[1]] != quote:
        raise CorpusError(f"{_shown(list(span))} is not where the quote is in article "
                          f"{article.id!r}", field=raw.at("span"))
    when, when_span = raw.string("when"), raw.span("when_span")
    if when_span is not None and (when is None or not span[0] <= when_span[0] <= when_span[1]
                                  <= span[1] or article.text[slice(*when_span)] != when):
        raise CorpusError(f"{_shown(list(when_span))} is not where 'when' is in the quote",
                          field=raw.at("when_span"))
    status = _CLAIMED.get(raw.text("status"))
    if status is None:
        raise raw.fail("status", "'occurred', 'reported', 'scheduled' or 'expected'")
    known_from = raw.moment("known_from", required=True)
    assert known_from is not None
    if type(known_from) is not type(article.published) or known_from != article.published:
        raise raw.fail("known_from", f"the publication of article {article.id!r}, "
                                     f"{article.published.isoformat()}")
    part = raw.string("part")
    if part is not None and part not in PARTS:
        raise raw.fail("part", "'start' or 'end'")
    return Claim(
        event=event, article=article.id, quote=quote, span=span, status=status,
        known_from=known_from, when=when, when_span=when_span,
        anchor=raw.moment("anchor"), tense=raw.string("tense"), value=_value(raw.child("value")),
        date=raw.moment("date"), before=raw.string("before"), after=raw.string("after"),
        relative_to=raw.string("relative_to"), offset=_offset(raw), note=raw.string("note"),
        part=part, ongoing=raw.flag("ongoing"))


def _value(value: _Object | None) -> TimeValue | None:
    if value is None:
        return None
    try:
        return value_from_json(value.data)
    except TimexError as exc:
        raise CorpusError(str(exc), field=value.path) from None


def _offset(raw: _Object) -> Offset | None:
    offset = raw.child("offset")
    if offset is None:
        return None
    if raw.string("relative_to") is None:
        raise CorpusError("an offset needs 'relative_to'", field=offset.path)
    lo, hi = offset.microseconds("start_lo_us"), offset.microseconds("start_hi_us")
    if lo is not None and hi is not None and lo > hi:
        raise CorpusError("start_lo_us is larger than start_hi_us", field=offset.path)
    text = offset.text("text")
    # The text is what the corpus wrote and what every output shows ("three days after"):
    # it must be an offset the corpus format reads, never an empty or foreign string.
    try:
        Offset.parse(text)
    except ValueError as exc:
        raise CorpusError(str(exc), field=offset.at("text")) from None
    return Offset(text, lo, hi, offset.flag("before"), offset.flag("after"))


__all__ = ["FORMAT", "from_dict", "from_json", "to_dict", "to_json", "value_from_json",
           "value_to_json"]


def _unicode(text: str) -> bool:
    """Whether ``text`` is Unicode text, which UTF-8 can write: no lone surrogate (#13)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
