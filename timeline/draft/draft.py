"""``Draft``: a first timeline drafted from raw articles, for the user to read and confirm.

A draft holds the grouped events (``timeline.draft.group``) in time order and the articles
they quote. It narrows (``top`` for the most reported events, ``about`` for an entity's),
writes the model's own event specs (``to_specs``, which ``events_toml`` writes and
``timeline.load`` reads back) and shows itself: ``to_dict``/``to_json`` with every score
and reason, ``to_text`` with the time expression, the event word and the actors marked in
each quote (``[when]``, ``*event*``, ``{actor}``), and ``_repr_html_`` for notebooks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta
from typing import Any

import attrs

from timeline.draft.actors import matches
from timeline.draft.candidate import Actor, Candidate
from timeline.draft.group import DraftEvent, Link, group, publication_key, time_key
from timeline.errors import CorpusError
from timeline.model.article import Article
from timeline.model.claim import Claim
from timeline.model.event import EventSpec
from timeline.time.interval import Interval, is_floating

#: Kinds of marks in a quote, in the order they win when two overlap.
MARKS = ("when", "event", "actor")


@attrs.frozen(repr=False)
class Draft:
    """Draft events in time order (by interval start, unknown last, then id) and the
    articles they quote (by id).

    Build one with ``Draft.from_candidates``; ``len`` and iteration are over the events.
    """

    events: tuple[DraftEvent, ...]
    articles: tuple[Article, ...]

    @classmethod
    def from_candidates(cls, candidates: Iterable[Candidate], articles: Iterable[Article],
                        **group_options: Any) -> Draft:
        """The candidates grouped into events (``group``'s options: ``threshold``,
        ``suggest``), with the articles they come from."""
        from timeline.draft.order import order

        held = list(articles)
        return cls.of(order(group(candidates, **group_options), held), held)

    @classmethod
    def of(cls, events: Iterable[DraftEvent], articles: Iterable[Article]) -> Draft:
        """A draft of these events and articles, each put in its order."""
        ordered = sorted(events, key=lambda e: (time_key(e.interval), e.id))
        by_id = {a.id: a for a in articles}
        return cls(tuple(ordered), tuple(by_id[k] for k in sorted(by_id)))

    def __len__(self) -> int:
        return len(self.events)

    def __repr__(self) -> str:
        """``<Draft: 33 events from 5 articles>``: its candidates are too many to print."""
        return (f"<Draft: {_plural(len(self.events), 'event')} from "
                f"{_plural(len(self.articles), 'article')}>")

    def __iter__(self) -> Iterator[DraftEvent]:
        return iter(self.events)

    def _keeping(self, events: Iterable[DraftEvent]) -> Draft:
        """Only these events, their suggestions narrowed to the events kept."""
        from timeline.draft.order import without_references

        kept = list(events)
        ids = {e.id for e in kept}
        narrowed = [without_references(attrs.evolve(e, suggestions=tuple(
            s for s in e.suggestions if s.event in ids)), ids) for e in kept]
        return Draft.of(narrowed, self.articles)

    def top(self, n: int) -> Draft:
        """The ``n`` most reported events (distinct articles), in time order: a summary
        timeline of a story. Ties go to the earlier event, then the smaller id."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"top: expected a count of 0 or more, got {n!r}")
        ranked = sorted(self.events, key=lambda e: (-e.reports, time_key(e.interval), e.id))
        return self._keeping(ranked[:n])

    def about(self, *entities: str, own: bool = False) -> Draft:
        """The events one of whose actors any of ``entities`` names (``actors.matches``:
        by name, key or alias, a person's surname, an organisation under a longer name:
        "Beatles Apple Corps" for "Apple Corps"), in time order: an entity's timeline.

        ``own`` keeps in each event only the candidates that name the entity themselves
        (the entity's own reports of the happening: what an entity timeline lists as its
        mentions), the event's time, title and status as the whole group gave them."""
        kept = [e for e in self.events
                if any(matches(name, a) for a in e.actors for name in entities)]
        if own:
            kept = [_narrowed(e, [c for c in e.candidates
                                  if any(matches(name, m.actor) for m in c.actors
                                         for name in entities)]) for e in kept]
        return self._keeping(e for e in kept if e.candidates)

    def happened(self) -> Draft:
        """The events that have happened as the articles tell them (occurred or
        reported), in time order: a timeline of the past leaves out what is only
        scheduled or expected, as the SemEval-2015 TimeLine task's does."""
        return self._keeping(e for e in self.events if not e.status.pending)

    @property
    def fingerprints(self) -> frozenset[str]:
        """Every candidate's fingerprint: what this draft has proposed."""
        return frozenset(c.fingerprint for e in self.events for c in e.candidates)

    @property
    def maybe_same(self) -> dict[str, tuple[str, ...]]:
        """Each event that has suggestions, with the ids of the events it may be."""
        return {e.id: tuple(s.event for s in e.suggestions) for e in self.events
                if e.suggestions}

    def to_specs(self) -> list[EventSpec]:
        """The events as the model's ``EventSpec``s: each candidate's claim built again for
        its event's id (one claim for a statement found twice), the actors by display name.
        ``CorpusError`` when a candidate quotes an article the draft does not have."""
        articles = {a.id: a for a in self.articles}
        specs = []
        for event in self.events:
            claims = dict.fromkeys(_claim_for(event.id, c.claim, articles)
                                   for c in event.candidates)
            specs.append(EventSpec.build(event.id, event.title, claims,
                                         actors=[a.display for a in event.actors]))
        return specs

    def to_dict(self) -> dict[str, Any]:
        """Everything the draft shows, as JSON types: each event with its time, salience,
        actors, merges and suggestions (scores and cues), and its candidates with spans."""
        return {"events": [_event_dict(e) for e in self.events],
                "articles": [{"id": a.id, "title": a.title, "published": a.published.isoformat()}
                             for a in self.articles]}

    def to_json(self) -> str:
        """``to_dict`` as JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        """A listing to read: each event's time, title, status and reports, its suggestions,
        and each candidate's quote with ``[when]``, ``*event*`` and ``{actors}`` marked."""
        lines = [f"Draft: {_plural(len(self.events), 'event')} from "
                 f"{_plural(len(self.articles), 'article')}"]
        for event in self.events:
            lines.append("")
            lines.append(f"{interval_text(event.interval)} | {event.title} | "
                         f"{event.status.value} | {_plural(event.reports, 'report')} "
                         f"({_reported(event)}) | id {event.id}")
            if event.actors:
                lines.append(f"  actors: {', '.join(a.display for a in event.actors)}")
            for suggestion in event.suggestions:
                lines.append(f"  maybe the same as {suggestion.event} "
                             f"({suggestion.score:.2f}: {cues_text(suggestion.link)})")
            for candidate in event.candidates:
                lines.append(f"  - {candidate.article}: {marked(candidate)}{_order(candidate)}")
        return "\n".join(lines) + "\n"

    def _repr_html_(self) -> str:
        from timeline.export.notebook import draft_html

        return draft_html(self)


def _narrowed(event: DraftEvent, candidates: list[Candidate]) -> DraftEvent:
    """``event`` with only ``candidates`` (some of its own), its reports counted again
    from them; its time, title, status, actors and merges stay the group's."""
    if len(candidates) == len(event.candidates):
        return event
    published = sorted((c.published for c in candidates), key=publication_key)
    return attrs.evolve(event, candidates=tuple(candidates),
                        articles=tuple(sorted({c.article for c in candidates})),
                        first_reported=published[0] if published else event.first_reported,
                        last_reported=published[-1] if published else event.last_reported)


def _claim_for(event: str, claim: Claim, articles: Mapping[str, Article]) -> Claim:
    """``claim`` built again with ``Claim.build`` for ``event``: the same quote (at its
    span), status, time (its ``when`` already resolved: ``value``) and note."""
    article = articles.get(claim.article)
    if article is None:
        raise CorpusError(f"unknown article {claim.article!r}: give the draft its articles",
                          entry=f"event {event!r}", field="article")
    return Claim.build(article, claim.quote, event=event, status=claim.status,
                       when=claim.when, tense=claim.tense if claim.when else None,
                       date=claim.date, at=claim.span, note=claim.note,
                       part=claim.part, ongoing=claim.ongoing, before=claim.before,
                       after=claim.after, value=claim.value if claim.when else None)


def quote_marks(candidate: Candidate) -> tuple[tuple[int, int, str], ...]:
    """Where the quote holds the time expression, the event word and the actors:
    ``(start, end, kind)`` relative to the quote, in order, none overlapping (the time
    expression wins over the event word, the event word over an actor)."""
    base, length = candidate.quote_span[0], len(candidate.quote)
    wanted: list[tuple[int, tuple[int, int] | None]] = [
        (0, candidate.when_span), (1, candidate.event_span),
        *((2, m.span) for m in candidate.actors)]
    marks: list[tuple[int, int, str]] = []
    for kind, span in wanted:
        if span is None:
            continue
        start, end = span[0] - base, span[1] - base
        if not 0 <= start < end <= length:
            continue
        if any(start < e and s < end for s, e, _ in marks):
            continue
        marks.append((start, end, MARKS[kind]))
    return tuple(sorted(marks))


#: How ``to_text`` marks each kind.
_TEXT_MARKS = {"when": ("[", "]"), "event": ("*", "*"), "actor": ("{", "}")}


def marked(candidate: Candidate) -> str:
    """The quote with ``[when]``, ``*event*`` and ``{actor}`` marked."""
    quote, out, at = candidate.quote, [], 0
    for start, end, kind in quote_marks(candidate):
        left, right = _TEXT_MARKS[kind]
        out += [quote[at:start], left, quote[start:end], right]
        at = end
    out.append(quote[at:])
    return " ".join("".join(out).split())


def interval_text(interval: Interval | None) -> str:
    """An interval to read: a day or a span of days as dates, else its ends."""
    if interval is None:
        return "time unknown"
    start, end = interval.start, interval.end
    if (start is not None and end is not None and is_floating(start)
            and start.time() == end.time() == datetime.min.time()):
        last = (end - timedelta(days=1)).date()
        return (start.date().isoformat() if last == start.date()
                else f"{start.date().isoformat()} to {last.isoformat()}")
    return str(interval)


def cues_text(link: Link) -> str:
    """A link's cues in words: ``time same day +0.20, lemma vote +0.35``."""
    return ", ".join(f"{c.name} {c.value} {c.weight:+.2f}" for c in link.cues)


def _reported(event: DraftEvent) -> str:
    first, last = event.first_reported.isoformat(), event.last_reported.isoformat()
    return f"reported {first}" if first == last else f"reported {first} to {last}"


def _order(candidate: Candidate) -> str:
    """What a candidate's claim says of the order of its event: `` (after ga-vote)``."""
    keys = [f"{k} {getattr(candidate.claim, k)}" for k in ("before", "after")
            if getattr(candidate.claim, k) is not None]
    return f" ({', '.join(keys)})" if keys else ""


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _moment(moment: date | datetime) -> str:
    return moment.isoformat()


def _actor_dict(actor: Actor) -> dict[str, Any]:
    return {"name": actor.name, "kind": actor.kind.value, "key": actor.key,
            "title": actor.title, "aliases": sorted(actor.aliases)}


def _link_dict(link: Link) -> dict[str, Any]:
    return {"first": link.first, "second": link.second, "pair_score": link.score,
            "cues": [{"name": c.name, "value": c.value, "weight": c.weight} for c in link.cues]}


def _candidate_dict(candidate: Candidate) -> dict[str, Any]:
    return {"fingerprint": candidate.fingerprint, "article": candidate.article,
            "published": _moment(candidate.published), "quote": candidate.quote,
            "quote_span": list(candidate.quote_span), "when": candidate.when,
            "when_span": None if candidate.when_span is None else list(candidate.when_span),
            "value": candidate.value.to_dict(), "event": candidate.event,
            "event_span": list(candidate.event_span), "lemma": candidate.lemma,
            "status": candidate.status.value, "title": candidate.title,
            "actors": [{"span": list(m.span), "text": m.text, "key": m.actor.key}
                       for m in candidate.actors],
            "content": sorted(candidate.content), "confidence": candidate.confidence,
            "before": candidate.claim.before, "after": candidate.claim.after,
            "marked": marked(candidate)}


def _event_dict(event: DraftEvent) -> dict[str, Any]:
    interval = None if event.interval is None else list(event.interval.to_iso())
    return {"id": event.id, "title": event.title, "interval": interval,
            "time": interval_text(event.interval), "lemma": event.lemma,
            "status": event.status.value, "actors": [_actor_dict(a) for a in event.actors],
            "reports": event.reports, "articles": list(event.articles),
            "first_reported": _moment(event.first_reported),
            "last_reported": _moment(event.last_reported),
            "merges": [{"score": m.score, **_link_dict(m.link)} for m in event.merges],
            "suggestions": [{"event": s.event, "score": s.score, **_link_dict(s.link)}
                            for s in event.suggestions],
            "candidates": [_candidate_dict(c) for c in event.candidates]}


__all__ = ["MARKS", "Draft", "cues_text", "interval_text", "marked", "quote_marks"]
