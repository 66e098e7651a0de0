"""A corpus built in Python: articles and events checked together, as loading checks them.

``Timeline.from_articles`` and ``timeline.from_dataframe`` come here, so a corpus made in
a notebook meets the same checks as one read from ``sources.toml`` and ``events.toml``:
unique article ids, claims that quote the very article given, events with unique ids
placed against known events without a cycle; every problem in one ``CorpusError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from functools import partial

import attrs

from timeline.model.article import Article
from timeline.model.claim import Claim
from timeline.model.event import EventSpec, check_specs
from timeline.model.load import check_zone
from timeline.model.problems import Problems
from timeline.time.interval import as_datetime, is_on_or_before


@attrs.frozen
class Corpus:
    """Articles and events that passed every check together, with the corpus's title and
    zone (``[corpus]`` in ``sources.toml``)."""

    articles: tuple[Article, ...]
    specs: tuple[EventSpec, ...]
    title: str | None = None
    zone: str | None = None


def check_corpus(articles: Iterable[Article], events: Iterable[EventSpec] = (), *,
                 title: str | None = None, zone: str | None = None) -> Corpus:
    """Check articles and events made in Python as ``timeline.load`` checks files.

    Each claim must quote the article of its id in this corpus, as it was built
    (``Claim.build`` against the same text and publication time).
    """
    problems = Problems()
    # Typed loosely: what a caller passes is checked, not trusted.
    given: list[object] = list(articles)
    specs: list[object] = list(events)
    by_id: dict[str, Article] = {}
    for i, article in enumerate(given, start=1):
        if not isinstance(article, Article):
            problems.add(None, f"expected an Article, got {type(article).__name__}",
                         entry=f"article {i}")
        elif article.id in by_id:
            problems.add("id", "duplicate id", entry=f"article {article.id!r}")
        else:
            by_id[article.id] = article
    checked: list[EventSpec] = []
    for i, spec in enumerate(specs, start=1):
        if not isinstance(spec, EventSpec):
            problems.add(None, f"expected an EventSpec (EventSpec.build), got "
                               f"{type(spec).__name__}", entry=f"event {i}")
            continue
        for k, claim in enumerate(spec.claims, start=1):
            entry = f"event {spec.id!r}, claim {k}"
            quoted = by_id.get(claim.article)
            if quoted is None:
                problems.add("article", f"unknown article {claim.article!r}", entry=entry)
            elif not _quotes(claim, quoted):
                problems.add("article", f"the claim was built from another article "
                                        f"{claim.article!r} (its text or publication "
                                        f"differ): build it from this one", entry=entry)
        checked.append(spec)
    check_specs(checked, problems)
    if title is not None and (not isinstance(title, str) or not title.strip()):
        problems.add("title", f"expected a non-empty string, got {title!r}", entry="corpus")
    if zone is not None:
        zone = problems.attempt(partial(check_zone, zone, entry="corpus"))
    problems.raise_any()
    return Corpus(tuple(by_id.values()), tuple(checked), title=title, zone=zone)


def _quotes(claim: Claim, article: Article) -> bool:
    start, end = claim.span
    return (article.text[start:end] == claim.quote
            and type(claim.known_from) is type(article.published)
            and claim.known_from == article.published)


@attrs.frozen
class LateClaim:
    """A claim that says its event happened, dated wholly after its own article came out:
    a wrong status, a wrong date or a misread expression, worth a look."""

    event: str
    index: int
    claim: Claim
    published: date | datetime

    @property
    def message(self) -> str:
        value = self.claim.value
        assert value is not None
        return (f"event {self.event!r}, claim {self.index}: {self.claim.status.value} but "
                f"dated {value.value} ({value.interval}), after article "
                f"{self.claim.article!r} was published ({self.published.isoformat()})")


def late_claims(articles: Mapping[str, Article], specs: Sequence[EventSpec]) -> list[LateClaim]:
    """Claims of events that occurred (or were reported to have) whose own dating starts
    after their article was published, whatever the zones: no report can see the future.

    A date-only publication is over at the end of its day; a floating and an aware time
    are compared over every zone, so only what is late everywhere is named.
    """
    late = []
    for spec in specs:
        for index, claim in enumerate(spec.claims, start=1):
            value, article = claim.value, articles.get(claim.article)
            if not claim.status.done or value is None or article is None:
                continue
            start = None if value.interval is None else value.interval.start
            published = article.published
            out = (published if isinstance(published, datetime)
                   else as_datetime(published) + timedelta(days=1))
            if start is not None and is_on_or_before(out, start) is True:
                late.append(LateClaim(spec.id, index, claim, published))
    return late


__all__ = ["Corpus", "LateClaim", "check_corpus", "late_claims"]
