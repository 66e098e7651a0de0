"""Lossless JSON for a ``Timeline``: articles with their texts, events with every claim.

``to_dict`` writes what the timeline was built from (articles, claims with quotes, spans,
expressions, anchors and resolved values) and what it computed (each event's bounds,
TIMEX3 value, EDTF, status and conflicts); ``from_dict`` rebuilds the timeline from the
former, so reading back and writing again gives the same document. ``to_json`` and
``from_json`` are the same as JSON text (``timeline.time.jsontext``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from timeline.errors import CorpusError
from timeline.model.article import Article
from timeline.model.claim import Claim, Offset, Status
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


def _read_moment(text: Any, where: str) -> date | datetime | None:
    if text is None:
        return None
    if not isinstance(text, str):
        raise CorpusError(f"expected an ISO date or datetime, got {text!r}", field=where)
    try:
        return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)
    except ValueError:
        raise CorpusError(f"not an ISO date or datetime: {text!r}", field=where) from None


def _read_datetime(text: Any, where: str) -> datetime | None:
    moment = _read_moment(text, where)
    if moment is not None and not isinstance(moment, datetime):
        raise CorpusError(f"expected a datetime, got {text!r}", field=where)
    return moment


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


def _offset_from_json(data: Mapping[str, Any] | None) -> Offset | None:
    if data is None:
        return None
    def delta(us: int | None) -> timedelta | None:
        return None if us is None else timedelta(microseconds=us)
    return Offset(data["text"], delta(data["start_lo_us"]), delta(data["start_hi_us"]),
                  bool(data["before"]), bool(data["after"]))


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


def claim_from_json(data: Mapping[str, Any], event: str) -> Claim:
    known_from = _read_moment(data["known_from"], "known_from")
    assert known_from is not None
    when_span = data.get("when_span")
    return Claim(
        event=event, article=data["article"], quote=data["quote"],
        span=(int(data["span"][0]), int(data["span"][1])), status=Status(data["status"]),
        known_from=known_from, when=data.get("when"),
        when_span=None if when_span is None else (int(when_span[0]), int(when_span[1])),
        anchor=_read_moment(data.get("anchor"), "anchor"), tense=data.get("tense"),
        value=None if data.get("value") is None else value_from_json(data["value"]),
        date=_read_moment(data.get("date"), "date"), before=data.get("before"),
        after=data.get("after"), relative_to=data.get("relative_to"),
        offset=_offset_from_json(data.get("offset")), note=data.get("note"),
        part=data.get("part"), ongoing=bool(data.get("ongoing", False)))


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
    """Rebuild a timeline from ``to_dict``'s output; a malformed document is a ``CorpusError``."""
    from timeline.query.timeline import Timeline

    if not isinstance(data, Mapping):
        raise CorpusError(f"expected a timeline document (a mapping), got "
                          f"{type(data).__name__}")
    try:
        if data.get("format") != FORMAT:
            raise CorpusError(f"not a timeline document (format {data.get('format')!r})",
                              field="format")
        articles = []
        for raw in data["articles"]:
            published = _read_moment(raw["published"], "published")
            assert published is not None
            article = Article(id=raw["id"], file=raw.get("file"), title=raw["title"],
                              outlet=raw.get("outlet"), url=raw.get("url"),
                              published=published, text=raw["text"])
            if article.sha256 != raw["sha256"]:
                raise CorpusError("text does not match its sha256", entry=f"article "
                                  f"{raw['id']!r}", field="sha256")
            articles.append(article)
        specs = [EventSpec(raw["id"], raw["title"], tuple(raw.get("actors", ())),
                           raw.get("place"), raw.get("note"),
                           tuple(claim_from_json(c, raw["id"]) for c in raw["claims"]))
                 for raw in data["events"]]
        as_of = _read_moment(data.get("as_of"), "as_of")
        corpus = data.get("corpus") or {}
        title, zone = corpus.get("title"), corpus.get("zone")
        if title is not None and not isinstance(title, str):
            raise CorpusError(f"expected a string, got {title!r}", field="corpus.title")
        if zone is not None:
            zone = check_zone(zone, field="corpus.zone")
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        if isinstance(exc, CorpusError):
            raise
        raise CorpusError(f"malformed timeline document: {exc!r}") from None
    return Timeline(articles, specs, title=title, zone=zone, as_of=as_of,
                    possibly=bool(data.get("possibly")))


__all__ = ["FORMAT", "from_dict", "from_json", "to_dict", "to_json", "value_from_json",
           "value_to_json"]
