"""How a draft stands against a curated timeline: which draft events each curated one found.

A draft event *matches* a curated event when one of its statements and one of the curated
event's claims come from the same sentence of the same article, and their times
intersect (an event with no time yet intersects anything). This is the issue's measure
for the seeds: every curated event should be matched, by few draft events (a reader
looks at each), and the reports of one happening should sit in one draft event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

import attrs

from timeline.draft.candidate import Candidate, Span
from timeline.draft.text import sentences
from timeline.model.article import Article
from timeline.model.event import Event
from timeline.time.interval import Interval


class _DraftEvent(Protocol):
    """What a comparison reads of a draft event."""

    @property
    def id(self) -> str: ...

    @property
    def candidates(self) -> tuple[Candidate, ...]: ...

    @property
    def interval(self) -> Interval | None: ...


@attrs.frozen
class Match:
    """One curated event and the draft events that match it (ids, best first)."""

    event: str
    title: str
    claims: int
    matched: tuple[str, ...]
    #: How many of the curated event's claims some matching draft statement shares a
    #: sentence with.
    claims_found: int

    @property
    def found(self) -> bool:
        return bool(self.matched)


def compare(draft_events: Iterable[_DraftEvent], curated: Iterable[Event],
            articles: Mapping[str, Article]) -> list[Match]:
    """For each curated event, the draft events that match it (see the module)."""
    sentences = {key: _sentence_starts(article.text) for key, article in articles.items()}
    drafted = list(draft_events)
    # The draft's statements by (article, sentence), so each claim is looked up, not scanned.
    by_sentence: dict[tuple[str, int], list[tuple[int, Candidate]]] = {}
    for number, event in enumerate(drafted):
        for candidate in event.candidates:
            starts = sentences.get(candidate.article)
            if starts is None:
                continue
            for sentence in _sentences_of(starts, candidate.quote_span):
                by_sentence.setdefault((candidate.article, sentence), []).append(
                    (number, candidate))
    rows = []
    for told in curated:
        hits: dict[int, int] = {}
        found = 0
        for claim in told.claims:
            starts = sentences.get(claim.article)
            if starts is None:
                continue
            shared = False
            for sentence in _sentences_of(starts, claim.span):
                for number, _ in by_sentence.get((claim.article, sentence), ()):
                    if _intersect(drafted[number].interval, told.time.hull):
                        hits[number] = hits.get(number, 0) + 1
                        shared = True
            found += shared
        ranked = sorted(hits, key=lambda n: (-hits[n], drafted[n].id))
        rows.append(Match(told.id, told.title, len(told.claims),
                          tuple(drafted[n].id for n in ranked), found))
    return rows


def _intersect(a: Interval | None, b: Interval | None) -> bool:
    if a is None or b is None:
        return True
    return a.intersect(b) is not None


def _sentence_starts(text: str) -> list[int]:
    """Where each sentence of ``text`` starts, as the draft splits sentences."""
    return [0, *(start for start, _ in sentences(text)[1:])]


def _sentences_of(starts: Sequence[int], span: Span) -> range:
    """The numbers of the sentences a span touches."""
    from bisect import bisect_right

    first = bisect_right(starts, span[0]) - 1
    last = bisect_right(starts, max(span[0], span[1] - 1)) - 1
    return range(first, last + 1)
