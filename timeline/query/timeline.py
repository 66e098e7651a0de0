"""``Timeline``: events with provenance, and the questions asked of them.

A timeline is built from articles and event specs (claims with quotes). Each event's time
is computed from its claims and the order between events (``timeline.model.network``);
questions about order and overlap answer with Allen's relations still possible, and
``as_of`` rebuilds the timeline from only what had been published by a given time.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta, tzinfo
from operator import attrgetter
from pathlib import Path
from typing import Any

import attrs

from timeline.errors import QueryError, TimelineError, UnknownEventError
from timeline.model.article import Article
from timeline.model.claim import Claim
from timeline.model.corpus import check_corpus
from timeline.model.event import Event, EventSpec
from timeline.model.network import NEG, POS, Conflict, EventTime
from timeline.query.allen import Bounds, Differences, possible_relations
from timeline.query.asof import (
    Entry,
    Knowledge,
    State,
    cutoff,
    localized,
    micro,
    precedences,
    publication_key,
)
from timeline.query.index import IntervalIndex
from timeline.query.moments import Moment, as_of_moment, latest_published, read_moment
from timeline.time.anchor import read_anchor
from timeline.time.interval import (
    Interval,
    as_datetime,
    check_interval,
    check_moment,
    is_floating,
)
from timeline.time.jsontext import JSONText
from timeline.time.value import TimeValue

Window = Interval | date | datetime | str | TimeValue
_LOW = (1 << 64) - 1  # an entry's rank keeps its event's position in the lowest bits
_by_rank = attrgetter("rank")


def published_by(published: Moment, moment: Moment, *, possibly: bool = False,
                 zone: tzinfo | None = None) -> bool:
    """Whether something published at ``published`` is out by ``moment`` (a date: the end
    of that day).

    A date-only publication is certainly out at the end of its day in the latest zone
    (UTC-12), a floating time at that time in the latest zone; with ``possibly``, the
    earliest instead (the start of the day, or the time, at UTC+14). In a corpus with a
    ``zone`` both floating times are read in it.
    """
    limit = localized(cutoff(moment), zone)
    key = publication_key(published, possibly=possibly, floating_cutoff=is_floating(limit),
                          zone=zone)
    return key <= micro(limit)


def known_by(claim: Claim, moment: Moment, *, possibly: bool = False) -> bool:
    """Whether the claim's article was published by ``moment`` (``published_by``)."""
    return published_by(claim.known_from, moment, possibly=possibly)


def _moment(value: object, articles: Mapping[str, Article]) -> Moment:
    """An "as of" or instant argument: a date or datetime as given; a string read as
    ``--as-of`` reads it (ISO, else an expression's end against the latest publication)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return read_moment(value, latest_published(articles.values()))[0]
    raise QueryError(f"expected a date, a datetime or a string such as '2025-03-05' or "
                     f"'last Monday', got {value!r}")


@attrs.frozen
class Change:
    """What became known between two times about one event, and the claims that told it.

    ``kind`` is ``added``, ``narrowed`` (its time bounds only tightened), ``moved`` (they
    changed otherwise), ``status`` or ``conflict``; ``old``/``new`` hold the before and after.
    """

    kind: str
    event: str
    old: Any
    new: Any
    claims: tuple[Claim, ...]

    def __repr__(self) -> str:
        from timeline.export.wording import change_repr

        return change_repr(self)


class Changes(list[Change]):
    """What ``Timeline.changes`` found: a list of ``Change``, with a DataFrame and tables.

    ``to_dataframe()`` gives one row a change, the bounds before and after as exact
    half-open bounds (``timeline.export.notebook.changes_dataframe``); notebooks show
    it as an HTML or Markdown table, article text escaped.
    """

    def to_dataframe(self) -> Any:
        """One row a change (needs ``timeline[pandas]``): see ``changes_dataframe``."""
        from timeline.export.notebook import changes_dataframe

        return changes_dataframe(self)

    def _repr_html_(self) -> str:
        from timeline.export.notebook import changes_html

        return changes_html(self)

    def _repr_markdown_(self) -> str:
        from timeline.export.notebook import changes_markdown

        return changes_markdown(self)


class Conflicts(list[Conflict]):
    """``Timeline.conflicts``: a list of ``Conflict`` (claims that cannot all be true),
    with a DataFrame (``to_dataframe``) and HTML and Markdown tables for notebooks."""

    def to_dataframe(self) -> Any:
        """One row a conflict (needs ``timeline[pandas]``): see ``conflicts_dataframe``."""
        from timeline.export.notebook import conflicts_dataframe

        return conflicts_dataframe(self)

    def _repr_html_(self) -> str:
        from timeline.export.notebook import conflicts_html

        return conflicts_html(self)

    def _repr_markdown_(self) -> str:
        from timeline.export.notebook import conflicts_markdown

        return conflicts_markdown(self)


class Timeline:
    """Events from a corpus, each traceable to its articles' quotes, in time order."""

    # Views are made by the hundred thousand a second: slots make each one cheaper.
    __slots__ = ("_entries", "_events_cache", "_index", "_knowledge", "_known_articles",
                 "_only", "_order_cache", "_specs", "_state", "articles", "as_of_time",
                 "possibly", "title", "zone")

    def __init__(self, articles: Sequence[Article], specs: Sequence[EventSpec], *,
                 title: str | None = None, zone: str | None = None,
                 as_of: Moment | str | None = None, possibly: bool = False) -> None:
        """``title`` names the timeline in its exports; ``zone`` is the IANA zone the
        corpus's floating times are read in (``None``: they stay floating)."""
        knowledge = Knowledge(articles, specs, zone=zone)
        self.title = title
        self.zone = zone
        moment = None if as_of is None else _moment(as_of, knowledge.articles)
        self._setup(knowledge, moment, possibly)

    def _setup(self, knowledge: Knowledge, as_of: Moment | None, possibly: bool,
               only: frozenset[str] | None = None) -> None:
        """A view of ``knowledge``: O(log n), everything else is computed when asked for.

        ``articles`` is the whole corpus in every view (the JSON of a view and its ICS
        UIDs name the corpus); ``known_articles`` those published by the view's time.
        ``only`` keeps just those events (``about``): each is computed as in the whole
        timeline, with the order and times its links to other events give it.
        """
        self._knowledge = knowledge
        self._only = only
        self._known_articles: dict[str, Article] | None = None
        self.articles: dict[str, Article] = knowledge.articles
        self._specs = knowledge.corpus_order
        self.as_of_time = as_of  # as given, shown; taken at ``as_of_moment`` of it (#13)
        self.possibly = possibly
        self._state = State(knowledge, None if as_of is None else as_of_moment(as_of), possibly)
        self._entries: dict[str, Entry] | None = None
        self._order_cache: list[str] | None = None
        self._events_cache: list[Event] | None = None
        self._index: IntervalIndex[str] | None = None

    @property
    def _all(self) -> dict[str, Entry]:
        """Every event this view knows, materialised."""
        if self._entries is None:
            entries = self._state.entries()
            only = self._only
            self._entries = entries if only is None else {
                e: entry for e, entry in entries.items() if e in only}
        return self._entries

    @property
    def _order(self) -> list[str]:
        if self._order_cache is None:
            self._order_cache = self._sort()
        return self._order_cache

    # -- access ---------------------------------------------------------------------

    @property
    def known_articles(self) -> dict[str, Article]:
        """The articles this view knows: published by its "as of" time, read as its claims
        are (certainly, or with ``possibly`` possibly); every article when it has none."""
        if self._known_articles is None:
            moment = None if self.as_of_time is None else as_of_moment(self.as_of_time)
            self._known_articles = self.articles if moment is None else {
                key: article for key, article in self.articles.items()
                if published_by(article.published, moment, possibly=self.possibly,
                                zone=self._knowledge.zone)}
        return self._known_articles

    @property
    def events(self) -> list[Event]:
        """The events in time order (``sorted()``)."""
        if self._events_cache is None:
            self._events_cache = self._in_order()
        return list(self._events_cache)

    def _in_order(self) -> list[Event]:
        """Sorted by rank (earliest start, latest end, id) straight from the view's state;
        the full ordering (``_sort``) only when a stated order disagrees."""
        if self._entries is None and self._order_cache is None:
            ordered, linked = self._state.collect()
            only = self._only
            if only is not None:
                ordered = [entry for entry in ordered if entry.event.id in only]
                linked = {e: entry for e, entry in linked.items() if e in only}
            if all(linked[a].rank < linked[b].rank for a, b in self._applied(linked)):
                return [entry.event for entry in ordered]
        entries = self._all
        return [entries[i].event for i in self._order]

    def __getitem__(self, event_id: str) -> Event:
        """The event with this id; ``UnknownEventError`` (a ``QueryError`` and a ``KeyError``)
        when this timeline (or view) does not have it, so ``except KeyError`` works as it
        does for a dict."""
        entry = self._entry(event_id) if isinstance(event_id, str) else None
        if entry is None:
            raise UnknownEventError(event_id)
        return entry.event

    def get(self, event_id: str) -> Event | None:
        """The event, or ``None`` when this timeline (or view) does not have it."""
        entry = self._entry(event_id)
        return None if entry is None else entry.event

    def _entry(self, event_id: str) -> Entry | None:
        if self._only is not None and event_id not in self._only:
            return None
        return self._state.entry(event_id)

    def __contains__(self, event_id: object) -> bool:
        return (isinstance(event_id, str) and (self._only is None or event_id in self._only)
                and self._state.count(event_id) > 0)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        if self._only is not None:
            return sum(1 for event_id in self._only if self._state.count(event_id))
        return len(self._state)

    @property
    def specs(self) -> tuple[EventSpec, ...]:
        """The corpus's events as written, with every claim (known in this view or not),
        in time order where the view has them and in corpus order after."""
        rank = {event_id: i for i, event_id in enumerate(self._order)}
        specs = self._specs if self._only is None else [
            s for s in self._specs if s.id in self._only]
        return tuple(sorted(specs, key=lambda s: rank.get(s.id, len(rank))))

    def to_dict(self, *, zone: str | None = None) -> dict[str, Any]:
        """Lossless JSON-ready data (``timeline.export.json``): the articles with their texts,
        every claim, each event's computed time (its aware bounds in ``zone`` when given);
        ``from_dict`` rebuilds the timeline."""
        from timeline.export.json import to_dict

        return to_dict(self, zone=zone)

    def to_json(self, *, indent: int | None = None, zone: str | None = None) -> JSONText:
        """``to_dict`` as JSON text, compact unless ``indent`` (``timeline export --format
        json`` writes ``indent=2``); ``from_json`` reads it back.

        It gave the dict until 0.1.0. For one release the text (a ``str``) still answers
        as that dict, with a ``DeprecationWarning``: ``doc["events"]``, ``doc.get``,
        ``doc.keys()``, ``dict(doc)``, ``doc == a_dict``. ``json.dumps(tl.to_json())`` now
        encodes a string holding the text: write the text itself, or dump ``to_dict()``.
        """
        from timeline.export.json import to_json

        return to_json(self, indent=indent, zone=zone)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Timeline:
        """Rebuild a timeline from ``to_dict``'s output (``CorpusError`` if malformed)."""
        from timeline.export.json import from_dict

        return from_dict(data)

    @classmethod
    def from_json(cls, text: str | bytes) -> Timeline:
        """Rebuild a timeline from ``to_json``'s text (``CorpusError`` if it is not one).

        A mapping, as taken until 0.1.0, still works for one release, with a
        ``DeprecationWarning``: pass it to ``from_dict``.
        """
        from timeline.export.json import from_json

        return from_json(text)

    # -- a corpus made in Python, and saved (#12) --------------------------------------

    @classmethod
    def from_articles(cls, articles: Iterable[Article], events: Iterable[EventSpec] = (), *,
                      title: str | None = None, zone: str | None = None) -> Timeline:
        """A timeline from articles and events made in Python (``Article``,
        ``EventSpec.build``), checked as ``timeline.load`` checks a corpus folder: every
        problem in one ``CorpusError``."""
        corpus = check_corpus(articles, events, title=title, zone=zone)
        return cls(corpus.articles, corpus.specs, title=corpus.title, zone=corpus.zone)

    def save(self, directory: str | Path) -> Path:
        """Write the whole corpus to ``directory`` as ``timeline.load`` reads it back:
        ``sources.toml`` (with ``[corpus]`` title and zone when set), each article's text
        (its ``file``, else ``<id>.txt``) and ``events.toml``, atomically.

        A view's as-of time is not part of the corpus: the files hold every article and
        event. A timeline without a title loads back with its folder's name, as any does.
        """
        from timeline.model.save import save_corpus

        return save_corpus(directory, self.articles.values(), self._specs, title=self.title,
                           zone=self.zone)

    def __eq__(self, other: object) -> bool:
        """Equal timelines hold equal articles and events (in corpus order), the same title
        and zone, and are views at the same time read the same way."""
        if not isinstance(other, Timeline):
            return NotImplemented
        return (self.articles == other.articles and self._specs == other._specs
                and (self.title, self.zone, self.possibly) == (other.title, other.zone,
                                                               other.possibly)
                and self.as_of_time == other.as_of_time and self._only == other._only)

    __hash__ = None  # type: ignore[assignment]  # equal by value, and not immutable

    # -- outputs (timeline.export; delegating, so the model never imports an exporter) --

    def chronology(self, *, format: str = "text", width: int = 80,
                   zone: str | None = None) -> str:
        """A plain-text (or Markdown) chronology: events by day, with their sources; times
        in ``zone`` (an IANA name) when given, else the corpus's zone, else UTC."""
        from timeline.export.chronology import chronology

        return chronology(self, format=format, width=width, zone=zone)

    def to_ics(self, *, include_open: bool = False, zone: str | None = None) -> bytes:
        """An RFC 5545 calendar, one VEVENT per event, reproducible byte for byte; all-day
        events fall on the days of ``zone`` when given."""
        from timeline.export.ics import to_ics

        return to_ics(self, include_open=include_open, zone=zone)

    def to_timelinejs(self, *, zone: str | None = None) -> dict[str, Any]:
        """TimelineJS's JSON format (slides with start and end date parts, in ``zone``)."""
        from timeline.export.timelinejs import to_timelinejs

        return to_timelinejs(self, zone=zone)

    def to_svg(self, *, width: int = 960, zone: str | None = None) -> str:
        """A picture of the timeline: one row per event on a date axis (words in ``zone``)."""
        from timeline.export.svg import to_svg

        return to_svg(self, width=width, zone=zone)

    def to_dataframe(self, by: str = "event") -> Any:
        """A pandas DataFrame, one row per event (or per claim); needs ``timeline[pandas]``."""
        from timeline.export.notebook import to_dataframe

        return to_dataframe(self, by=by)

    def _repr_html_(self) -> str:
        from timeline.export.notebook import timeline_html

        return timeline_html(self)

    def _repr_markdown_(self) -> str:
        from timeline.export.notebook import timeline_markdown

        return timeline_markdown(self)

    def __repr__(self) -> str:
        """``<Timeline 'seeds': 24 events from 5 articles, as of 2025-03-05>``."""
        from timeline.export.wording import timeline_repr

        return timeline_repr(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's console: the repr, then an event a line (``timeline_pretty``)."""
        from timeline.export.wording import timeline_pretty

        printer.text(timeline_pretty(self))

    @property
    def conflicts(self) -> Conflicts:
        """Every conflict of every event, in time order: a list with ``to_dataframe()`` and
        notebook tables."""
        return Conflicts(c for e in self.events for c in e.conflicts)

    def _event(self, event: str | Event) -> Event:
        return self[event if isinstance(event, str) else event.id]

    # -- order ----------------------------------------------------------------------

    def _key(self, event_id: str) -> tuple[int, str]:
        return self._all[event_id].rank, event_id

    def _sort(self) -> list[str]:
        """A total order consistent with every stated order, then earliest start, latest end, id.

        The smallest key first among the events whose predecessors are placed (Kahn's
        algorithm). Settled bounds already put an event after what it follows, so sorting
        by key is that order unless open bounds tie; Kahn runs only when it is not.
        """
        entries = self._all
        ranked = sorted([entry.rank for entry in entries.values()])
        by_position = self._knowledge.by_position
        order = [by_position[rank & _LOW] for rank in ranked]
        # Every order the solver applied holds in it: then it is the order (the common case).
        if all(entries[a].rank < entries[b].rank for a, b in self._applied(entries)):
            return order
        dropped = _dropped(entries)
        edges = [(a, b) for event_id in entries
                 if event_id in self._knowledge.group_of and event_id not in dropped
                 for claim in entries[event_id].event.claims
                 if not any(other in dropped for other in claim.references)
                 for a, b in precedences(event_id, claim)
                 if a in entries and b in entries and a != b]
        successors: dict[str, set[str]] = {e: set() for e in entries}
        indegree = dict.fromkeys(entries, 0)
        for first, second in edges:
            if second not in successors[first]:
                successors[first].add(second)
                indegree[second] += 1
        heap = [self._key(e) for e, d in indegree.items() if d == 0]
        heapq.heapify(heap)
        kahn: list[str] = []
        while heap:
            event_id = heapq.heappop(heap)[1]
            kahn.append(event_id)
            for nxt in successors[event_id]:
                indegree[nxt] -= 1
                if indegree[nxt] == 0:
                    heapq.heappush(heap, self._key(nxt))
        if len(kahn) < len(entries):  # a cycle (only from hand-made data): by key
            placed = set(kahn)
            kahn.extend(e for e in order if e not in placed)
        return kahn

    def _applied(self, entries: Mapping[str, Entry]) -> Iterator[tuple[str, str]]:
        """The stated orders between events of ``entries`` that the solver applied: not
        those of a claim whose event, or an event it names, had its order claims set
        aside as contradicting the dates (reported once, as that event's conflict; the
        order follows the consistent rest, #16)."""
        dropped = _dropped(entries)
        for a, b, event, references in self._knowledge.stated:
            if a in entries and b in entries and (not dropped or (
                    event not in dropped and not any(r in dropped for r in references))):
                yield a, b

    def sorted(self) -> list[Event]:
        """Events in an order consistent with every certain "before"."""
        return self.events

    def relation(self, a: str | Event, b: str | Event) -> frozenset[str]:
        """Allen's relations still possible between two events, given everything known."""
        first, second = self._event(a), self._event(b)
        net = self._state.network([first.id, second.id])
        sa, sb = net.index[first.id], net.index[second.id]
        ba = Bounds(_open(net.lower[sa]), _open(net.upper[sa]), _open(net.lower[sa + 1]),
                    _open(net.upper[sa + 1]))
        bb = Bounds(_open(net.lower[sb]), _open(net.upper[sb]), _open(net.lower[sb + 1]),
                    _open(net.upper[sb + 1]))
        d = net.distances([sa, sa + 1, sb, sb + 1], [sa, sa + 1, sb, sb + 1])

        def span(x: int, y: int) -> tuple[int | None, int | None]:
            """Bounds on x - y: x - y <= d[y, x] and y - x <= d[x, y]."""
            hi, lo = d[y, x], d[x, y]
            return (None if lo >= POS else -lo), (None if hi >= POS else hi)

        known = Differences(span(sa, sb), span(sa, sb + 1), span(sa + 1, sb),
                            span(sa + 1, sb + 1))
        return possible_relations(ba, bb, known)

    def _holds(self, a: str | Event, b: str | Event, names: set[str]) -> bool | None:
        possible = self.relation(a, b)
        if not possible:
            return None
        if possible <= names:
            return True
        if not possible & names:
            return False
        return None

    def before(self, a: str | Event, b: str | Event) -> bool | None:
        """Whether ``a`` ends before ``b`` starts (or just as it starts); ``None``: either."""
        return self._holds(a, b, {"before", "meets"})

    def after(self, a: str | Event, b: str | Event) -> bool | None:
        return self._holds(a, b, {"after", "met-by"})

    def overlaps(self, a: str | Event, b: str | Event) -> bool | None:
        """Whether the two share some time; ``None`` when the evidence allows both."""
        return self._holds(a, b, {"overlaps", "overlapped-by", "starts", "started-by",
                                  "during", "contains", "finishes", "finished-by", "equals"})

    def during(self, a: str | Event, b: str | Event) -> bool | None:
        return self._holds(a, b, {"during", "starts", "finishes", "equals"})

    # -- windows --------------------------------------------------------------------

    @property
    def index(self) -> IntervalIndex[str]:
        """The interval index over every event's possible span, built on first use."""
        if self._index is None:
            entries = self._all
            self._index = IntervalIndex.build(
                (e, _open(entries[e].bounds[0]), _open(entries[e].bounds[3]))
                for e in self._order)
        return self._index

    def _window(self, window: Window, anchor: Moment | str | None, certain: bool) -> tuple[
            int | None, int | None]:
        moment = None if anchor is None else check_moment(
            read_anchor(anchor, error=QueryError), error=QueryError, what="anchor")
        interval = check_interval(_as_interval(window, moment), error=QueryError,
                                  what=f"window {window!r}")
        frame = self._knowledge.frame
        if certain:  # narrowest in the network's frame: every zone must agree
            lo = None if interval.start is None else frame.upper(interval.start)
            hi = None if interval.end is None else frame.lower(interval.end)
        else:
            lo = None if interval.start is None else frame.lower(interval.start)
            hi = None if interval.end is None else frame.upper(interval.end)
        if lo is not None and hi is not None and lo >= hi:
            raise QueryError(f"window {window!r} is empty in this timeline's frame")
        return lo, hi

    def overlapping(self, window: Window, *, anchor: Moment | str | None = None,
                    certain: bool = False) -> list[Event]:
        """Events that possibly (or, with ``certain``, certainly) share time with the window.

        The window is an ``Interval``, a date or datetime, a TIMEX3 value (``2025-W08``) or
        a time expression ("last week") read against ``anchor`` (a date, a datetime or an
        ISO string such as ``"2025-02-24"``).
        """
        lo, hi = self._window(window, anchor, certain)
        keys = self.index.overlapping(lo, hi)
        if certain:
            keys = [k for k in keys if self._certainly_overlaps(k, lo, hi)]
        entries = self._all
        return [entries[k].event for k in keys]

    def _certainly_overlaps(self, event_id: str, lo: int | None, hi: int | None) -> bool:
        _, latest_start, earliest_end, _ = self._all[event_id].bounds
        return (hi is None or latest_start < hi) and (lo is None or earliest_end > lo)

    def within(self, window: Window, *, anchor: Moment | str | None = None,
               certain: bool = False) -> list[Event]:
        """Events that possibly (or certainly) lie wholly inside the window."""
        lo, hi = self._window(window, anchor, certain)
        entries = self._all
        if certain:
            return [entries[k].event for k in self.index.within(lo, hi)]
        out = []
        for k in self.index.overlapping(lo, hi):
            _, latest_start, earliest_end, _ = entries[k].bounds
            if (lo is None or latest_start >= lo) and (hi is None or earliest_end <= hi):
                out.append(entries[k].event)
        return out

    def at(self, instant: Moment | str, *, certain: bool = False) -> list[Event]:
        """Events that possibly (or certainly) were going on at an instant (a string as
        ``as_of`` reads it)."""
        moment = as_datetime(check_moment(_moment(instant, self.articles), error=QueryError,
                                          what="instant"))
        return self.overlapping(Interval(moment, moment + timedelta(microseconds=1)),
                                certain=certain)

    def count(self, window: Window, *, anchor: Moment | str | None = None) -> int:
        """How many events possibly share time with the window, in O(log n)."""
        lo, hi = self._window(window, anchor, False)
        return self.index.count_overlapping(lo, hi)

    # -- knowledge over time --------------------------------------------------------

    def as_of(self, moment: Moment | str, *, possibly: bool = False) -> Timeline:
        """The timeline as it stood at ``moment``: only claims published by then.

        A date means the end of that day. A string is an ISO date or datetime, or a time
        expression read against the latest publication, the view taken at its end ("last
        Monday": once that Monday was over); ``QueryError`` when it is neither. Events
        announced for a time that has passed with no claim that they happened read
        ``unconfirmed``.
        """
        if not isinstance(moment, date):
            moment = _moment(moment, self.articles)
        view = Timeline.__new__(Timeline)
        view.title, view.zone = self.title, self.zone
        view._setup(self._knowledge, moment, possibly, self._only)
        return view

    def about(self, entity: str) -> Timeline:
        """The events an entity takes part in: a view keeping those whose ``actors`` name
        it, in time order, each with the time it has in the whole timeline.

        An actor names the entity as ``timeline.draft.actors.matches`` says: its name or a
        form of it, case, dots and "the" aside ("the U.N." is "UN" is "United Nations"), a
        person's surname ("Macron" for "Emmanuel Macron"), a country's short forms and
        demonyms ("U.S.", "American"); a name with a number is a model ("iPhone 4" is not
        "iPhone 3G"). ``QueryError`` for an empty entity. Views combine: ``about`` of an
        ``as_of`` view, or ``about`` twice (the events both name).
        """
        from timeline.draft.actors import about_ids

        if not isinstance(entity, str) or not entity.strip():
            raise QueryError(f"about: expected an entity's name, got {entity!r}")
        kept = about_ids(entity, self._specs)
        if self._only is not None:
            kept &= self._only
        view = Timeline.__new__(Timeline)
        view.title, view.zone = self.title, self.zone
        view._setup(self._knowledge, self.as_of_time, self.possibly, kept)
        return view

    def changes(self, start: Moment | str, end: Moment | str, *,
                possibly: bool | None = None) -> Changes:
        """What became known between two times, event by event, with the claims responsible.

        Publications are read as this timeline reads them (certainly published, unless it
        is a ``possibly`` view) unless ``possibly`` says otherwise. A ``Changes``: a list,
        with ``to_dataframe()`` and HTML and Markdown tables for notebooks.
        """
        possibly = self.possibly if possibly is None else possibly
        old, new = self.as_of(start, possibly=possibly), self.as_of(end, possibly=possibly)
        out = Changes()
        for event in new.events:
            if event.id not in old:
                out.append(Change("added", event.id, None, event.time, event.claims))
                continue
            before = old[event.id]
            fresh = tuple(c for c in event.claims if c not in before.claims)
            if event.time != before.time:
                kind = "narrowed" if _within(event.time, before.time) else "moved"
                out.append(Change(kind, event.id, before.time, event.time, fresh))
            if event.status != before.status:
                out.append(Change("status", event.id, before.status, event.status, fresh))
            new_conflicts = tuple(c for c in event.conflicts if c not in before.conflicts)
            if new_conflicts:
                out.append(Change("conflict", event.id, before.conflicts, event.conflicts,
                                  fresh))
        return out


def _dropped(entries: Mapping[str, Entry]) -> set[str]:
    """The events of ``entries`` whose order claims the solver set aside (as it does:
    ``network._settle``), so that no order they state or are named in is applied."""
    return {event for event, entry in entries.items()
            if any(conflict.kind == "order" for conflict in entry.event.conflicts)}


def _open(micro: int) -> int | None:
    return None if micro <= NEG // 2 or micro >= POS // 2 else micro


def _within(inner: EventTime, outer: EventTime) -> bool:
    """Whether ``inner``'s bounds are all at least as tight as ``outer``'s."""
    def ge(a: datetime | None, b: datetime | None) -> bool:
        return b is None or (a is not None and a >= b)

    def le(a: datetime | None, b: datetime | None) -> bool:
        return b is None or (a is not None and a <= b)

    return (ge(inner.earliest_start, outer.earliest_start)
            and le(inner.latest_start, outer.latest_start)
            and ge(inner.earliest_end, outer.earliest_end)
            and le(inner.latest_end, outer.latest_end))


def _as_interval(window: Window, anchor: Moment | None) -> Interval:
    """A window from an interval, a date or datetime, a TIMEX3 value or an expression."""
    if isinstance(window, Interval):
        return window
    if isinstance(window, TimeValue):
        value = window
    elif isinstance(window, date):
        check_moment(window, error=QueryError, what="window")  # no day past 9999 (#13)
        if isinstance(window, datetime):
            return Interval(window, window + timedelta(microseconds=1))
        day = as_datetime(window)
        return Interval(day, day + timedelta(days=1))
    elif isinstance(window, str):
        try:
            value = TimeValue.from_timex(window)
        except TimelineError as exc:
            if anchor is None:
                raise QueryError(f"window {window!r} is not a TIMEX3 value ({exc}); to use "
                                 f"an expression, give its anchor") from None
            from timeline.tagger.resolve import resolve

            value = resolve(window, anchor)
    else:
        raise QueryError(f"cannot use {window!r} as a window")
    if value.interval is None:
        raise QueryError(f"window {value.value!r} has no interval")
    return value.interval


__all__ = ["Change", "Changes", "Conflicts", "QueryError", "Timeline", "UnknownEventError",
           "known_by"]
