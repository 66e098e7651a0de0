"""One event per happening: candidates that report the same happening grouped into one.

Two candidates are scored on cues (``score``, weights ``W_*``): their times must intersect
(required; a candidate without an interval is never merged by time), the same event lemma
(or, a little weaker, two event words of one kind: "approved", "voted"; ``Words.kind``; a
step of a procedure is of its kind when its clause names the procedure's object, "brought
its resolution to the council": ``Words.kind_in``), shared actors (by ``Actor.key`` or an
alias, Ochiai's overlap weighted by kind: ``ACTOR_WEIGHT``; two statements that both name
actors and share none are told apart), shared content words (Jaccard) and, weakly, the same
status family (done or pending); a same-day pair counts more than a pair that only shares a
week, a month or a year. Pairs that share neither the lemma nor an actor are not scored at
all: the content words of one story ("Ukraine", "war") are shared by everything in it. One
statement found twice (the same article, overlapping clauses, the same lemma, times that
agree) is one from the start, and counts once. An undated report ("the council voted
against the text", ``Candidate.undated``) is no event of its own: once the dated statements
are grouped, it joins the one-day event of its kind in its article's news week that names
its subject and that it is most like (``_Groups.attach``), or is dropped.

Grouping is agglomerative with **average linkage**: two groups merge when the mean score
over all their cross pairs (an unscored pair counts 0) reaches ``threshold``, and only
while the merged group's intervals still have a common intersection. Complete linkage
lets one paraphrase that shares few words veto a merge every other report supports;
single linkage chains a week of daily votes into one event through their neighbours.
The mean asks that a newcomer be like most of a group, which is what several reports of
one happening are. Groups are merged in order of decreasing linkage, ties broken by the
candidates' canonical order (``sort_key``), so the result does not depend on the order
the candidates came in. A pair of groups whose linkage stays below ``threshold`` but
reaches ``suggest`` is a suggestion on both events ("maybe the same as ...").

Blocking by time (``related_pairs``): candidates with a bounded interval of at most
``FINE`` are swept in order of start with an active set, so each is compared only with
those whose intervals reach it; longer or open intervals (a year, a decade, "since
2022") are compared only with candidates of their own lemma: with each other by the same
sweep, and with the fine ones that can fall inside them, found by bisection (a year and
a day share a happening only when they name it with one word; by actors alone, a year
would be compared with the whole year's news). The sweep's active set is indexed by
what a pair must share to be scored (the kind of event word, an actor's key or a name
it answers to: ``_Blocking``), so a candidate meets only the active ones it shares one
with, never the whole day. On a news corpus, where most statements are dated to a day
or a week, the comparisons are ``O(n * w + c * m + n log n)`` for ``n`` candidates,
``w`` the candidates on one day (or in one week) that share a kind or an actor with
one, ``c`` the coarse candidates and ``m`` the candidates of one lemma in a coarse
candidate's span: they grow with the corpus, not its square, and a big news day (5,000
statements on one day) costs the pairs that can score, not the day's square
(``tests/draft/test_group.py`` counts them). The linkage needs only those pairs: an
unscored pair adds 0 to a sum divided by the groups' sizes.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta

import attrs

from timeline.draft.candidate import Actor, ActorKind, ActorMention, Candidate, actor_key
from timeline.draft.words import english
from timeline.model.claim import Status
from timeline.model.event import status_of
from timeline.time.granularity import Granularity
from timeline.time.interval import Interval, as_datetime, utc_range
from timeline.time.value import TimeValue

#: Default linkage at which two groups become one event.
THRESHOLD = 0.6
#: Default linkage at which two events that stay apart suggest each other.
SUGGEST = 0.45
#: The longest interval swept with the fine candidates: a month, with room for the
#: widening an interval gets when read in absolute time.
FINE = timedelta(days=33)

#: Weights of the cues; together at most 1.
W_TIME = {"same day": 0.2, "same week": 0.14, "same month": 0.1, "overlapping": 0.05}
W_LEMMA = 0.35
#: Two event words of one kind ("approved", "voted": ``Words.kind``): a little weaker than
#: one word, as a synonym may name a neighbouring happening of that kind.
W_KIND = 0.3
W_ACTORS = 0.25
#: Both statements name actors and share none: evidence of two happenings.
W_OTHER_ACTORS = -0.25
W_CONTENT = 0.15
W_STATUS = 0.05
#: What sharing an actor of each kind weighs in the actors' overlap:
#: the countries of a story are its background, named by most of its statements; the
#: people and organisations say who acted.
ACTOR_WEIGHT = {ActorKind.PERSON: 1.0, ActorKind.ORGANISATION: 1.0, ActorKind.OTHER: 0.75,
                ActorKind.COUNTRY: 0.4}
#: What sharing an event noun's possessor or complement weighs ("Russia's invasion of
#: Ukraine"): they take part in its happening, countries too; the clause around it may
#: name others that do not ("the US withdrew its support for condemning ...").
PARTICIPANT = 1.0


@attrs.frozen
class Cue:
    """One reason two candidates are (or are not) the same happening: ``name`` the cue
    ("time", "lemma", "actors", "content", "status", "statement"), ``value`` what they share
    ("same day", "vote", "emmanuel macron"), ``weight`` what it adds to the score."""

    name: str
    value: str
    weight: float


@attrs.frozen
class Link:
    """The strongest pair between two groups: the two candidates (by fingerprint), that
    pair's own score and its cues."""

    first: str
    second: str
    score: float
    cues: tuple[Cue, ...]


@attrs.frozen
class Merge:
    """Why two groups became one: the linkage (mean pair score) when they merged and the
    strongest pair between them."""

    score: float
    link: Link


@attrs.frozen
class Suggestion:
    """Another event that may be the same happening: its id, the linkage between the two
    events (at least ``suggest``; below ``threshold``, unless their times are disjoint) and
    the strongest pair between them."""

    event: str
    score: float
    link: Link


@attrs.frozen(repr=False)
class DraftEvent:
    """One happening as the draft sees it: the candidates that report it, and why.

    ``interval`` is the intersection of the candidates' intervals (``None`` when none has
    one); ``title`` the best candidate's (most confident, then earliest published, then
    first in canonical order); ``actors`` the union of the candidates' actors by key, most
    mentioned first. ``articles``, ``reports``, ``first_reported`` and ``last_reported``
    say how salient it is: how many distinct articles report it, and when.
    """

    id: str
    title: str
    actors: tuple[Actor, ...]
    candidates: tuple[Candidate, ...]
    interval: Interval | None
    lemma: str
    status: Status
    merges: tuple[Merge, ...]
    suggestions: tuple[Suggestion, ...]
    articles: tuple[str, ...]
    first_reported: date | datetime
    last_reported: date | datetime

    @property
    def reports(self) -> int:
        """How many distinct articles report the event."""
        return len(self.articles)

    def __repr__(self) -> str:
        """``<DraftEvent 'ga-vote': [2025-02-24, 2025-02-25) [occurred], 5 candidates from
        4 articles>``: what it holds, not every candidate's fields."""
        return (f"<DraftEvent {self.id!r}: {self.interval or 'time unknown'} "
                f"[{self.status.value}], {len(self.candidates)} candidate"
                f"{'' if len(self.candidates) == 1 else 's'} from {self.reports} article"
                f"{'' if self.reports == 1 else 's'}>")


def publication_key(moment: date | datetime) -> tuple[datetime, str]:
    """A total order of publication times mixing dates, floating and aware datetimes.

    A floating time is placed at the middle of the instants it may be (UTC-12 to UTC+14),
    an aware one at its instant; the ISO text breaks ties, so equal keys are equal times.
    """
    lo, hi = utc_range(as_datetime(moment))
    return lo + (hi - lo) / 2, moment.isoformat()


def time_key(interval: Interval | None) -> tuple[int, datetime, datetime, str]:
    """The order of events in time: by start (an open start first), then end, unknown
    last; floating and aware intervals alike, at their widest absolute reading."""
    if interval is None:
        return 1, _FAR, _FAR, ""
    absolute = interval.to_absolute()
    assert absolute is not None  # the widest reading is never empty
    start, end = absolute.start, absolute.end
    return (0, _NEAR if start is None else start, _FAR if end is None else end,
            str(interval))


_NEAR = datetime.min.replace(tzinfo=UTC)
_FAR = datetime.max.replace(tzinfo=UTC)


# -- pair scores -------------------------------------------------------------------------------

def _family(status: Status) -> str:
    return _FAMILY[status]


#: Each status's family, read once (``_score`` asks for every pair).
_FAMILY = {status: "done" if status.done else "pending" for status in Status}


def _granule(interval: Interval) -> timedelta | None:
    if interval.start is None or interval.end is None:
        return None
    return interval.end - interval.start


def _time_cue(a: Interval, b: Interval) -> Cue:
    """How precisely two intersecting intervals agree: by the longer of the two."""
    lengths = [_granule(a), _granule(b)]
    longest = None if None in lengths else max(x for x in lengths if x is not None)
    if longest is not None and longest <= timedelta(days=1):
        name = "same day"
    elif longest is not None and longest <= timedelta(days=7):
        name = "same week"
    elif longest is not None and longest <= timedelta(days=31):
        name = "same month"
    else:
        name = "overlapping"
    return Cue("time", name, W_TIME[name])


def _keys(candidate: Candidate) -> dict[str, tuple[float, Actor]]:
    """Each actor by key, with what sharing it weighs (``ACTOR_WEIGHT``; an event noun's
    own actors, ``_phrase_actors``, weigh as participants whatever their kind)."""
    keys: dict[str, tuple[float, Actor]] = {}
    own = _phrase_actors(candidate)
    for mention in candidate.actors:
        actor = mention.actor
        weight = PARTICIPANT if mention in own else ACTOR_WEIGHT[actor.kind]
        if actor.key not in keys or keys[actor.key][0] < weight:
            keys[actor.key] = (weight, actor)
    return keys


#: What may stand between an event noun's possessor and the noun ("Russia's 2022
#: invasion", "Putin's full-scale invasion", "the General Assembly vote"), and between
#: the noun and its complement ("invasion of Ukraine", "war against Ukraine", "talks
#: with Moscow").
_POSSESSOR = re.compile(r"\A(?:['\u2019]s(?:\s+[\w-]+){0,2})?\s+\Z")
_COMPLEMENT = re.compile(r"\A\s+(?:of|by|against|with|between|on)\s+(?:the\s+)?\Z")


def _phrase_actors(candidate: Candidate) -> tuple[ActorMention, ...]:
    """The actors of an event noun's own phrase: its possessor and its complement
    ("Russia's invasion of Ukraine", "the General Assembly vote")."""
    if not candidate.noun:
        return ()
    text, offset = candidate.quote, candidate.quote_span[0]
    start, end = candidate.event_span[0] - offset, candidate.event_span[1] - offset
    found = []
    for mention in candidate.actors:
        lo, hi = mention.span[0] - offset, mention.span[1] - offset
        if ((hi <= start and _POSSESSOR.match(text[hi:start]))
                or (lo >= end and _COMPLEMENT.match(text[end:lo]))):
            found.append(mention)
    return tuple(found)


def _names(actor: Actor) -> frozenset[str]:
    """The keys an actor answers to: its own and its aliases' ("trump" for Donald Trump)."""
    return _names_of(actor.key, actor.aliases)


@functools.lru_cache(maxsize=1 << 14)
def _names_of(key: str, aliases: frozenset[str]) -> frozenset[str]:
    """``_names``, cached by what it reads (strings hash at once, an ``Actor`` does not)."""
    return frozenset({key, *(actor_key(alias) for alias in aliases)})


def _same_actor(x: Actor, y: Actor) -> bool:
    """One actor, named fully in one article and by an alias in another."""
    return x.key == y.key or x.key in _names(y) or y.key in _names(x)


def _shared_actors(ka: dict[str, tuple[float, Actor]],
                   kb: dict[str, tuple[float, Actor]]) -> dict[str, float]:
    """The actors two statements share, each once, by its longer key: the same key, or a
    key the other's aliases name; with the larger of the two weights."""
    shared: dict[str, float] = {}
    used: set[str] = set()
    for x in sorted(ka):
        match = x if x in kb else next(
            (y for y in sorted(kb) if y not in used and _same_actor(ka[x][1], kb[y][1])), None)
        if match is None or match in used:
            continue
        used.add(match)
        shared[max(x, match, key=lambda k: (len(k), k))] = max(ka[x][0], kb[match][0])
    return shared


def _kind(lemma: str) -> str:
    """The kind of happening an event lemma names (``Words.kind``)."""
    return english().kind(lemma)


def _kind_of(candidate: Candidate) -> str:
    """The kind of happening a statement's event word names in its clause: a step of a
    procedure whose object the clause names ("brought its resolution to the council") is
    of the procedure's kind ("vote"; ``Words.kind_in``), else the word's own kind."""
    return _kind_in(candidate.lemma, candidate.content)


@functools.lru_cache(maxsize=1 << 14)
def _kind_in(lemma: str, content: frozenset[str]) -> str:
    """``_kind_of``, cached by what it reads."""
    return english().kind_in(lemma, content)


def _same_statement(a: Candidate, b: Candidate) -> bool:
    """One statement found twice: the same article, overlapping clauses, the same lemma."""
    return (a.article == b.article and a.lemma == b.lemma
            and a.quote_span[0] < b.quote_span[1] and b.quote_span[0] < a.quote_span[1])


def score(a: Candidate, b: Candidate) -> tuple[float, tuple[Cue, ...]] | None:
    """The score that ``a`` and ``b`` report one happening, in [0, 1], and its cues; ``None``
    when they cannot be merged (times that do not both exist and intersect, unless they
    are one statement found twice) or share neither the event lemma nor an actor."""
    return _score(a, b, _keys(a), _keys(b))


def _score(a: Candidate, b: Candidate, ka: dict[str, tuple[float, Actor]],
           kb: dict[str, tuple[float, Actor]]) -> tuple[float, tuple[Cue, ...]] | None:
    """``score``, given each candidate's actors by key (``_keys``, made once a candidate)."""
    return _scored(a, b, ka, kb, a.interval, b.interval)


def _scored(a: Candidate, b: Candidate, ka: dict[str, tuple[float, Actor]],
            kb: dict[str, tuple[float, Actor]], ia: Interval | None,
            ib: Interval | None) -> tuple[float, tuple[Cue, ...]] | None:
    """``_score`` with the candidates' intervals given (an undated report's is the news
    window it may fall in, ``_window``)."""
    same_lemma = bool(a.lemma) and a.lemma == b.lemma
    same_kind = same_lemma or (bool(a.lemma) and _kind_of(a) == _kind_of(b))
    shared = _shared_actors(ka, kb)
    if not same_kind and not shared:  # first: the cheap test most pairs fail
        return None
    both = None if ia is None or ib is None else _meet(ia, ib)
    if _same_statement(a, b) and (both is not None or ia is None or ib is None):
        return 1.0, (Cue("statement", "same clause, same event word", 1.0),)
    if ia is None or ib is None or both is None:
        return None
    cues = [_time_cue(ia, ib)]
    if same_lemma:
        cues.append(Cue("lemma", a.lemma, W_LEMMA))
    elif same_kind:
        cues.append(Cue("lemma", " ~ ".join(sorted((a.lemma, b.lemma))), W_KIND))
    if shared:
        # Ochiai's overlap: a clause names more actors than its event's, so the union
        # (Jaccard) punishes a long clause; the smaller set alone (overlap coefficient)
        # lets two countries of the story decide.
        overlap = min(1.0, sum(shared.values()) / math.sqrt(
            sum(w for w, _ in ka.values()) * sum(w for w, _ in kb.values())))
        cues.append(Cue("actors", ", ".join(sorted(shared)), W_ACTORS * overlap))
    elif ka and kb:
        cues.append(Cue("actors", "none shared", W_OTHER_ACTORS))
    common = a.content & b.content
    if common:
        jaccard = len(common) / len(a.content | b.content)
        cues.append(Cue("content", ", ".join(sorted(common)), W_CONTENT * jaccard))
    if _family(a.status) == _family(b.status):
        cues.append(Cue("status", _family(a.status), W_STATUS))
    total = min(1.0, max(0.0, sum(c.weight for c in cues)))
    return round(total, 6), tuple(cues)


# -- blocking ----------------------------------------------------------------------------------

@attrs.define
class Comparisons:
    """How many candidate pairs the blocking looked at (for the cost law in the tests)."""

    count: int = 0


def _sweep_ends(intervals: Sequence[Interval | None]) -> list[tuple[datetime, datetime] | None]:
    """Each interval as comparable ends in one frame: as they stand when all are floating
    or all aware, else every one at its widest absolute reading (a superset of the true
    intersections; the score checks the real one)."""
    present = [i for i in intervals if i is not None]
    frame_floating = {i.floating for i in present}
    ends: list[tuple[datetime, datetime] | None] = []
    for interval in intervals:
        if interval is None:
            ends.append(None)
            continue
        if len(frame_floating) > 1:
            widest = interval.to_absolute()
            assert widest is not None
            interval = widest
        floating = interval.floating
        lo = _NEAR if interval.start is None else interval.start
        hi = _FAR if interval.end is None else interval.end
        if floating:
            lo, hi = lo.replace(tzinfo=UTC), hi.replace(tzinfo=UTC)
        ends.append((lo, hi))
    return ends


@attrs.frozen
class _Blocking:
    """What ``_score`` asks first, ready for each candidate: its kind of event word (``None``
    without one), its actors' keys and every key they answer to (a pair shares an actor
    when one's key is among the other's names). A pair that shares neither the kind nor
    an actor is never scored."""

    kinds: list[str | None]
    own: list[frozenset[str]]
    names: list[frozenset[str]]

    @classmethod
    def of(cls, candidates: Sequence[Candidate],
           keys: Sequence[dict[str, tuple[float, Actor]]]) -> _Blocking:
        return cls([_kind_of(c) if c.lemma else None for c in candidates],
                   [frozenset(k) for k in keys],
                   [frozenset().union(*(_names(actor) for _, actor in k.values()))
                    for k in keys])

    def may_score(self, i: int, j: int) -> bool:
        """Whether ``i`` and ``j`` share the kind of event word or an actor."""
        kinds, own, names = self.kinds, self.own, self.names
        return ((kinds[i] is not None and kinds[i] == kinds[j])
                or not own[i].isdisjoint(names[j]) or not own[j].isdisjoint(names[i]))


def related_pairs(candidates: Sequence[Candidate], *,
                  comparisons: Comparisons | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, whose intervals may intersect and that share the
    kind of event word or an actor, plus the pairs of one statement found twice: the only
    pairs ``score`` may give a score. See the module docstring for the bound."""
    return _related(candidates, _Blocking.of(candidates, [_keys(c) for c in candidates]),
                    comparisons)


def _related(candidates: Sequence[Candidate], blocking: _Blocking,
             comparisons: Comparisons | None) -> Iterator[tuple[int, int]]:
    """``related_pairs``, given each candidate's blocking keys."""
    counted = comparisons if comparisons is not None else Comparisons()
    ends = _sweep_ends([c.interval for c in candidates])
    fine: list[int] = []
    coarse: list[int] = []
    for i, span in enumerate(ends):
        if span is None:
            continue
        lo, hi = span
        if lo != _NEAR and hi != _FAR and hi - lo <= FINE:
            fine.append(i)
        else:
            coarse.append(i)
    # The stages below look at disjoint pairs (fine with fine, coarse with coarse of a
    # lemma, coarse with fine, and last pairs with a candidate that has no interval), so
    # no pair comes twice and none need be remembered: a corpus has millions.
    for i, j in _keyed_sweep(fine, ends, blocking):
        counted.count += 1
        yield (i, j) if i < j else (j, i)
    coarse_by_lemma: dict[str, list[int]] = {}
    for i in coarse:
        coarse_by_lemma.setdefault(_kind(candidates[i].lemma), []).append(i)
    for members in coarse_by_lemma.values():
        for i, j in _sweep(members, ends):
            counted.count += 1
            yield (i, j) if i < j else (j, i)
    by_lemma: dict[str, list[tuple[datetime, int]]] = {}
    for i in fine:
        span = ends[i]
        assert span is not None
        by_lemma.setdefault(_kind(candidates[i].lemma), []).append((span[0], i))
    for starts in by_lemma.values():
        starts.sort()
    for i in coarse:
        span = ends[i]
        assert span is not None
        lo, hi = span
        starts = by_lemma.get(_kind(candidates[i].lemma), [])
        first = 0 if lo - _NEAR < FINE else bisect.bisect_left(starts, (lo - FINE, -1))
        last = bisect.bisect_left(starts, (hi, -1))
        for _, j in starts[first:last]:
            other = ends[j]
            assert other is not None
            if other[1] > lo:
                counted.count += 1
                yield (i, j) if i < j else (j, i)
    # One statement found twice may lack an interval: pair it within its clause. (Two with
    # intervals were paired above when those intersect, and cannot be scored otherwise.)
    by_clause: dict[tuple[str, str], list[int]] = {}
    for i, candidate in enumerate(candidates):
        by_clause.setdefault((candidate.article, candidate.lemma), []).append(i)
    for members in by_clause.values():
        if len(members) < 2 or all(ends[i] is not None for i in members):
            continue
        for i, j in itertools.combinations(members, 2):
            if (ends[i] is None or ends[j] is None) and _same_statement(candidates[i],
                                                                        candidates[j]):
                counted.count += 1
                yield i, j


def _sweep(members: Sequence[int],
           ends: Sequence[tuple[datetime, datetime] | None]) -> Iterator[tuple[int, int]]:
    """Pairs of ``members`` whose ``[lo, hi)`` intersect: by start, with the active set."""
    order = sorted(members, key=lambda i: (_end(ends, i)[0], i))
    active: list[tuple[datetime, int]] = []  # a heap by end
    for i in order:
        lo, hi = _end(ends, i)
        while active and active[0][0] <= lo:
            heapq.heappop(active)
        for _, j in active:
            yield j, i
        heapq.heappush(active, (hi, i))


def _keyed_sweep(members: Sequence[int], ends: Sequence[tuple[datetime, datetime] | None],
                 blocking: _Blocking) -> Iterator[tuple[int, int]]:
    """Pairs of ``members`` whose ``[lo, hi)`` intersect and that share a blocking key
    (``_Blocking.may_score``): the sweep of ``_sweep``, with the active set indexed by
    those keys, so a candidate meets only the active ones it may be scored with. A big
    news day (thousands of statements on one day) costs the pairs that share a kind of
    event word or an actor, not the square of the day."""
    kinds, own, names = blocking.kinds, blocking.own, blocking.names
    order = sorted(members, key=lambda i: (_end(ends, i)[0], i))
    active: list[tuple[datetime, int]] = []  # a heap by end
    # The active candidates by kind, by each name they answer to, by each key they own.
    by_kind: dict[str, set[int]] = {}
    by_name: dict[str, set[int]] = {}
    by_own: dict[str, set[int]] = {}

    def filed(j: int) -> Iterator[tuple[dict[str, set[int]], str]]:
        kind = kinds[j]
        if kind is not None:
            yield by_kind, kind
        yield from ((by_name, name) for name in names[j])
        yield from ((by_own, key) for key in own[j])

    for i in order:
        lo, hi = _end(ends, i)
        while active and active[0][0] <= lo:
            _, j = heapq.heappop(active)
            for index, key in filed(j):
                bucket = index[key]
                bucket.discard(j)
                if not bucket:
                    del index[key]
        met: set[int] = set()
        kind = kinds[i]
        if kind is not None and kind in by_kind:
            met.update(by_kind[kind])
        for key in own[i]:  # a key of mine among their names
            met.update(by_name.get(key, ()))
        for name in names[i]:  # a name of mine among their keys
            met.update(by_own.get(name, ()))
        for j in sorted(met):
            yield j, i
        heapq.heappush(active, (hi, i))
        for index, key in filed(i):
            index.setdefault(key, set()).add(i)


def _end(ends: Sequence[tuple[datetime, datetime] | None], i: int) -> tuple[datetime, datetime]:
    span = ends[i]
    assert span is not None
    return span


# -- clustering --------------------------------------------------------------------------------

def canonical(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The candidates without repeats, in an order that does not depend on the input's:
    by ``sort_key``, then fingerprint, then (for the rare remaining tie) their repr."""
    unique = set(candidates)

    def order(c: Candidate) -> tuple[tuple[str, int, int], str, tuple[int, int]]:
        return c.sort_key, c.fingerprint, c.when_span or (-1, -1)

    result: list[Candidate] = []
    for _, tied in itertools.groupby(sorted(unique, key=order), key=order):
        same = list(tied)
        result.extend(same if len(same) == 1 else sorted(same, key=repr))
    return result


@attrs.define
class _Pair:
    """Between two groups: the sum of their scored pairs, and the strongest pair (its cues
    are scored again when a link is shown: kept for every pair, they were most of the
    memory of a large corpus)."""

    total: float
    best: float
    link: tuple[int, int]

    def better(self, other: _Pair) -> bool:
        return (self.best, -self.link[0], -self.link[1]) > (other.best, -other.link[0],
                                                            -other.link[1])


def group(candidates: Iterable[Candidate], *, threshold: float = THRESHOLD,
          suggest: float = SUGGEST, comparisons: Comparisons | None = None) -> list[DraftEvent]:
    """The candidates grouped into events, one per happening, in time order (module
    docstring: cues, linkage, blocking). ``threshold`` is the linkage at which groups merge,
    ``suggest`` (at most ``threshold``) the one at which events that stay apart name each
    other (a linkage at ``threshold`` or above only when their times are disjoint);
    ``comparisons`` counts the pairs the blocking looked at. ``ValueError`` when
    ``suggest`` is not between 0 and ``threshold``."""
    if not 0 <= suggest <= threshold:
        raise ValueError(f"expected 0 <= suggest <= threshold, got suggest={suggest!r}, "
                         f"threshold={threshold!r}")
    ordered = canonical(candidates)
    groups = _Groups.of([c for c in ordered if not c.undated]
                        + [c for c in ordered if c.undated], comparisons)
    heap = [(-groups.linkage(a, b), a, b) for a in groups.between for b in groups.between[a]
            if a < b]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in groups.members or b not in groups.between[a]:
            continue  # merged away, or a pair already refused
        linkage = groups.linkage(a, b)
        if linkage != -negative or linkage < threshold:
            continue  # stale: the pair's linkage has changed since
        both = _intersection(groups.common[a], groups.common[b])
        if both is False:
            # A group's time only narrows: these two can never merge; what is left of
            # the pair is kept for suggestions.
            continue
        groups.join(a, b, both, Merge(linkage, groups.link(groups.between[a][b])))
        for other in groups.between[a]:
            heapq.heappush(heap, (-groups.linkage(a, other), min(a, other), max(a, other)))
    groups.attach(threshold)
    return groups.events(suggest)


@attrs.define
class _Groups:
    """The groups while they merge, each known by its smallest candidate index: its
    members, how many distinct statements they are, their common time, the merges that
    made it, and its pairs with other groups (sum of statement-pair scores, best pair)."""

    items: list[Candidate]
    fingerprints: list[str]
    members: dict[int, list[int]]
    statements: dict[int, int]
    common: dict[int, Interval | None]
    merges: dict[int, list[Merge]]
    between: dict[int, dict[int, _Pair]]
    keys: list[dict[str, tuple[float, Actor]]]

    @classmethod
    def of(cls, items: Sequence[Candidate], comparisons: Comparisons | None) -> _Groups:
        """Each candidate a group, except that one statement found twice is one group
        from the start, counted once in the linkage; the pairs scored between them."""
        # (i, j, score, the cues of one statement found twice, else None: see ``_Pair``)
        scored: list[tuple[int, int, float, tuple[Cue, ...] | None]] = []
        keys = [_keys(c) for c in items]
        dated = [c for c in items if not c.undated]  # the reports come last (``group``)
        blocking = _Blocking.of(items, keys)
        for i, j in _related(dated, blocking, comparisons):
            if not blocking.may_score(i, j):
                continue  # neither the kind of event nor an actor: ``_score`` says None
            result = _score(items[i], items[j], keys[i], keys[j])
            if result is not None:
                value, found = result
                scored.append((i, j, value, found if found[0].name == "statement" else None))
        scored.sort(key=lambda pair: (pair[0], pair[1]))
        n = len(items)
        groups = cls(list(items), [c.fingerprint for c in items], {i: [i] for i in range(n)},
                     {i: 1 for i in range(n)},
                     {i: None if c.undated else c.interval for i, c in enumerate(items)},
                     {i: [] for i in range(n)}, {i: {} for i in range(n)}, keys)
        of = list(range(n))
        for i, j, value, cues in scored:
            a, b = sorted((of[i], of[j]))
            if cues is None or a == b:  # not one statement found twice
                continue
            both = _intersection(groups.common[a], groups.common[b])
            if both is not False:
                merge = Merge(value, Link(groups.fingerprints[i], groups.fingerprints[j],
                                          value, cues))
                for k in groups.members[b]:
                    of[k] = a
                groups.join(a, b, both, merge)
                groups.statements[a] = 1
        for i, j, value, _ in scored:
            a, b = of[i], of[j]
            if a == b:
                continue
            pair = _Pair(value, value, (i, j))
            known = groups.between[a].get(b)
            if known is None or pair.better(known):  # a statement pair: its best pair
                groups.between[a][b] = groups.between[b][a] = pair
        return groups

    def attach(self, threshold: float) -> None:
        """Each undated report joins the dated event it is most like, when its mean score
        over the event's statements reaches ``threshold``; a report that joins none is
        dropped (it tells no time of its own). Only events of the report's kind of event
        word (``Words.kind``) whose time is one day in the report's news window
        (``_window``), and whose statements name its subject (``_subject_in``), are
        tried. The events are those of the dated statements alone, so the reports do not
        depend on one another; the report's claim is dated by its event's day."""
        items = self.items
        reports = [g for g in self.members if items[g].undated]
        if not reports:
            return
        # The one-day events by kind of event word, in order of (absolute) start, so a
        # report looks only at those of its week.
        by_kind: dict[str, list[tuple[datetime, int]]] = {}
        for g, members in self.members.items():
            common = self.common[g]
            if items[g].undated or _day_of(common) is None:
                continue
            start = time_key(common)[1]
            for kind in sorted({_kind_of(items[m]) for m in members}):
                by_kind.setdefault(kind, []).append((start, g))
        for starts in by_kind.values():
            starts.sort()
        keys: dict[int, dict[str, tuple[float, Actor]]] = {}
        joins: list[tuple[int, int, Merge]] = []
        for r in reports:
            report = items[r]
            window = _window(report)
            if window is None:
                continue
            _, lo, hi, _ = time_key(window)
            starts = by_kind.get(_kind_of(report), [])
            first = bisect.bisect_left(starts, (lo - timedelta(days=2), -1))
            last = bisect.bisect_left(starts, (hi, -1))
            mine = _keys(report)
            best: tuple[float, int, Merge] | None = None
            for _, g in starts[first:last]:
                common = self.common[g]
                if common is None or _meet(window, common) is None:
                    continue
                total, top = 0.0, None
                for m in self.members[g]:
                    theirs = keys.setdefault(m, _keys(items[m]))
                    found = _scored(report, items[m], mine, theirs, window, items[m].interval)
                    if found is None:
                        continue
                    total += found[0]
                    if top is None or found[0] > top.score:
                        top = Link(self.fingerprints[r], self.fingerprints[m], *found)
                mean = round(total / self.statements[g], 6)
                if (top is not None and mean >= threshold
                        and _subject_in(report, [items[m] for m in self.members[g]])
                        and (best is None or mean > best[0])):
                    best = (mean, g, Merge(mean, top))
            if best is not None:
                joins.append((best[1], r, best[2]))
        for g, r, merge in joins:
            self.items[r] = _dated_by(items[r], self.common[g])
            self.join(g, r, True, merge)
            self.statements[g] -= 1  # a report adds no statement to the linkage
        for r in reports:
            if r in self.members and all(items[m].undated for m in self.members[r]):
                del self.members[r], self.statements[r], self.common[r], self.merges[r]
                for other in self.between.pop(r):
                    self.between[other].pop(r, None)

    def linkage(self, a: int, b: int) -> float:
        """The mean score over the statement pairs of two groups (an unscored pair: 0)."""
        return round(self.between[a][b].total / (self.statements[a] * self.statements[b]), 6)

    def link(self, pair: _Pair) -> Link:
        """The pair's link, its cues scored again."""
        i, j = pair.link
        found = _score(self.items[i], self.items[j], self.keys[i], self.keys[j])
        assert found is not None and found[0] == pair.best
        return Link(self.fingerprints[i], self.fingerprints[j], pair.best, found[1])

    def join(self, a: int, b: int, both: Interval | bool, merge: Merge) -> None:
        """Group ``b`` into group ``a`` (``a < b``)."""
        self.merges[a].extend([*self.merges.pop(b), merge])
        self.members[a] = sorted(self.members[a] + self.members.pop(b))
        self.statements[a] += self.statements.pop(b)
        common = self.common.pop(b)
        self.common[a] = both if isinstance(both, Interval) else self.common[a] or common
        for other, pair in self.between.pop(b).items():
            if other != a:
                merged = _combine(self.between[a].get(other), pair)
                self.between[a][other] = self.between[other][a] = merged
                del self.between[other][b]
        self.between[a].pop(b, None)

    def events(self, suggest: float) -> list[DraftEvent]:
        """The groups as ``DraftEvent``s in time order, with unique ids and suggestions."""
        items, members = self.items, self.members
        order = sorted(members, key=lambda g: (time_key(self.common[g]), g))
        best = {g: _best(items, members[g]) for g in order}
        ids = unique_ids([best[g].title for g in order])
        id_of = dict(zip(order, ids, strict=True))
        events = []
        for g in order:
            group_items = [items[i] for i in members[g]]
            suggestions = [Suggestion(id_of[other], self.linkage(g, other), self.link(pair))
                           for other, pair in self.between[g].items()
                           if self.linkage(g, other) >= suggest]
            suggestions.sort(key=lambda s: (-s.score, s.event))
            published = sorted((c.published for c in group_items), key=publication_key)
            events.append(DraftEvent(
                id=id_of[g], title=best[g].title,
                actors=_actors(group_items), candidates=tuple(group_items),
                interval=self.common[g], lemma=_lemma(group_items),
                status=status_of([c.claim for c in group_items]),
                merges=tuple(self.merges[g]), suggestions=tuple(suggestions),
                articles=tuple(sorted({c.article for c in group_items})),
                first_reported=published[0], last_reported=published[-1]))
        return events


def _subject_in(report: Candidate, statements: Sequence[Candidate]) -> bool:
    """Whether the actor a report names last before its event word (its subject: "the
    United States voted") takes part in the statements. Without a time, a kind of event
    word and the story's background ("the stock exchange", "the Gulf") do not name one
    happening: "Ralston closed" and "Kimberly-Clark closed" are two."""
    before = [m for m in report.actors if m.span[1] <= report.event_span[0]]
    if not before:
        return False
    subject = max(before, key=lambda m: m.span).actor
    return any(_same_actor(subject, m.actor) for c in statements for m in c.actors)


#: How far back an undated report in a news article may lie: its story's week. News tells
#: the happenings of its days again without their day ("the assembly voted against the
#: text"); older background carries its time ("since the war began in 2022").
NEWS_WINDOW = timedelta(days=7)


def _window(report: Candidate) -> Interval | None:
    """The time an undated report may fall in: the week up to its publication day's end."""
    interval = report.value.interval
    if interval is None or interval.end is None:
        return None
    return Interval(interval.end - NEWS_WINDOW, interval.end)


def _day_of(interval: Interval | None) -> date | None:
    """The day an interval lies in, when it lies in one: the grain of news an undated
    report is given."""
    if interval is None or interval.start is None or interval.end is None:
        return None
    start = interval.start
    day = date(start.year, start.month, start.day)
    last = interval.end - timedelta(microseconds=1)
    return day if (last.year, last.month, last.day) == (day.year, day.month, day.day) else None


def _dated_by(report: Candidate, interval: Interval | None) -> Candidate:
    """An undated report with its claim dated by the event it joined (its day), saying so."""
    day = _day_of(interval)
    assert day is not None
    value = TimeValue.of_granule(Granularity.DAY, datetime(day.year, day.month, day.day))
    claim = attrs.evolve(report.claim, date=day, value=value,
                         note="no time of its own: dated by the event it reports")
    return attrs.evolve(report, claim=claim)


def _meet(a: Interval, b: Interval) -> Interval | None:
    """The intersection of two intervals, floating or aware (in absolute time when the two
    differ)."""
    if a.floating != b.floating:
        wide_a, wide_b = a.to_absolute(), b.to_absolute()
        assert wide_a is not None and wide_b is not None
        return wide_a.intersect(wide_b)
    return a.intersect(b)


def _combine(mine: _Pair | None, theirs: _Pair) -> _Pair:
    if mine is None:
        return theirs
    best = mine if mine.better(theirs) else theirs
    return _Pair(mine.total + theirs.total, best.best, best.link)


def _intersection(a: Interval | None, b: Interval | None) -> Interval | bool:
    """The common interval, ``True`` when either group has no interval, ``False`` when they
    share no time."""
    if a is None or b is None:
        return True
    both = a.intersect(b)
    return False if both is None else both


def _best(items: Sequence[Candidate], group_members: Sequence[int]) -> Candidate:
    """The candidate that speaks for its event, a dated one: the most confident; of those,
    the most like the event's other statements (the sum of its scores with them: a report
    of the happening itself rather than of a neighbour merged in), then the earliest
    published, then the first."""
    speakers = [i for i in group_members if not items[i].undated] or list(group_members)
    top = max(items[i].confidence for i in speakers)
    tied = [i for i in speakers if items[i].confidence == top]
    if len(tied) == 1:
        return items[tied[0]]

    def likeness(i: int) -> float:
        total = 0.0
        for j in group_members:
            found = None if i == j or items[j].undated else score(items[i], items[j])
            total += 0.0 if found is None else found[0]
        return round(total, 6)

    index = min(tied, key=lambda i: (-likeness(i), publication_key(items[i].published), i))
    return items[index]


def _lemma(candidates: Sequence[Candidate]) -> str:
    counts = Counter(c.lemma for c in candidates)
    return min(counts, key=lambda lemma: (-counts[lemma], lemma))


def _actors(candidates: Sequence[Candidate]) -> tuple[Actor, ...]:
    """The union of the actors by key, most mentioned first; each actor as first named in
    canonical order, with every alias and the first title any mention gives it. An actor
    another one's aliases name ("Trump" beside "Donald Trump") is that one."""
    counts: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    aliases: dict[str, set[str]] = {}
    for candidate in candidates:
        for mention in candidate.actors:
            actor = mention.actor
            counts[actor.key] += 1
            known = first.setdefault(actor.key, actor)
            if known.title is None and actor.title is not None:
                first[actor.key] = attrs.evolve(known, title=actor.title)
            aliases.setdefault(actor.key, set()).update(actor.aliases)
            if actor.name != first[actor.key].name:
                aliases[actor.key].add(actor.name)
    for key in sorted(first, key=lambda k: (len(k), k)):
        owners = [o for o in first if o != key and o in counts and len(o) > len(key)
                  and key in _names(attrs.evolve(first[o], aliases=frozenset(aliases[o])))]
        if owners:
            owner = min(owners, key=lambda o: (-counts[o], o))
            counts[owner] += counts.pop(key)
            aliases[owner] |= aliases[key] | {first[key].name}
    keys = sorted(counts, key=lambda k: (-counts[k], k))
    return tuple(attrs.evolve(first[k], aliases=frozenset(aliases[k] - {first[k].name}))
                 for k in keys)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
#: Longest slug before a suffix; ids may be 80 characters.
_SLUG = 60


def slug(title: str) -> str:
    """An event id from a title: lower-case ASCII letters, digits and hyphens, cut at a word
    boundary, ``event`` when nothing of it is left.

    >>> slug("UN General Assembly adopts Ukraine’s resolution")
    'un-general-assembly-adopts-ukraines-resolution'
    >>> slug("Élysée talks")
    'elysee-talks'
    """
    # An apostrophe joins its word ("Ukraine's", "Ukraine’s": "ukraines"), curly or not.
    plain = title.replace("\u2019", "").replace("'", "")
    folded = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode("ascii")
    words = _NOT_SLUG.sub("-", folded.lower()).strip("-")
    if len(words) > _SLUG:
        words = words[:_SLUG + 1]
        words = words[:words.rfind("-")] if "-" in words else words[:_SLUG]
    return words.strip("-") or "event"


def unique_ids(titles: Sequence[str]) -> list[str]:
    """A unique slug for each title, in order: a repeat gets ``-2``, ``-3``, ..., never a
    slug another title gives by itself (``timeline.batch.merge_blocks`` applies it again
    across blocks)."""
    taken: set[str] = set()
    bases = [slug(t) for t in titles]
    natural = set(bases)
    tried: dict[str, int] = {}  # the last suffix tried for a base: each is tried once
    ids = []
    for base in bases:
        candidate, n = base, tried.get(base, 1)
        while candidate in taken or (n > 1 and candidate in natural):
            n += 1
            candidate = f"{base}-{n}"
        tried[base] = n
        taken.add(candidate)
        ids.append(candidate)
    return ids


__all__ = ["FINE", "SUGGEST", "THRESHOLD", "Comparisons", "Cue", "DraftEvent", "Link",
           "Merge", "Suggestion", "canonical", "group", "publication_key", "related_pairs",
           "score", "slug", "time_key", "unique_ids"]
