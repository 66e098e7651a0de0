"""Candidates made by hand for the grouping and draft tests: articles written from
statements, each statement a sentence whose candidate has exact spans and a real claim.

Grouping works only from ``Candidate`` objects, so these tests do not depend on how the
statements are extracted from text.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import attrs
from hypothesis import strategies as st

from timeline.draft.candidate import Actor, ActorKind, ActorMention, Candidate, actor_key
from timeline.model.article import Article
from timeline.model.claim import Claim, Status
from timeline.time.interval import Interval
from timeline.time.value import TimeValue

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@attrs.frozen
class Said:
    """One statement to write as a sentence: ``actors`` ``event`` ``words`` in ``when``."""

    when: str | None
    event: str
    lemma: str
    actors: tuple[str, ...] = ()
    status: Status = Status.OCCURRED
    words: tuple[str, ...] = ()
    confidence: float = 1.0
    #: No time of its own, told in the past: a report that may join a dated event
    #: (``Candidate.undated``); its claim holds the publication day, as the extractor's.
    undated: bool = False


#: The kinds of the actors the tests name; any other is ``OTHER``.
KINDS = {"Russia": ActorKind.COUNTRY, "Ukraine": ActorKind.COUNTRY,
         "France": ActorKind.COUNTRY, "Emmanuel Macron": ActorKind.PERSON,
         "Donald Trump": ActorKind.PERSON, "Trump": ActorKind.PERSON,
         "Keir Starmer": ActorKind.PERSON,
         "the UN General Assembly": ActorKind.ORGANISATION,
         "the Security Council": ActorKind.ORGANISATION}


def actor(name: str) -> Actor:
    """The actor ``name`` names; a name of several words has its last word as an alias."""
    return Actor(name=name, kind=KINDS.get(name, ActorKind.OTHER), key=actor_key(name),
                 aliases=frozenset({name.split()[-1]}) if " " in name else frozenset())


def write(article_id: str, published: date | datetime,
          statements: list[Said]) -> tuple[Article, list[Candidate]]:
    """An article whose text is one sentence per statement, and the candidate of each."""
    sentences, parts = [], []
    at = 0
    for k, said in enumerate(statements):
        subject = " and ".join(said.actors) or "Someone"
        sentence = f"Item {k}: {subject} {said.event}"
        if said.words:
            sentence += " " + " ".join(said.words)
        if said.when is not None:
            sentence += f" in {said.when}"
        sentence += "."
        sentences.append(sentence)
        parts.append(at)
        at += len(sentence) + 1
    article = Article(id=article_id, title=f"Article {article_id}", published=published,
                      text=" ".join(sentences))
    candidates = []
    for said, sentence, start in zip(statements, sentences, parts, strict=True):
        day = date(published.year, published.month, published.day)
        claim = Claim.build(article, sentence, event="draft", status=said.status,
                            when=said.when, ongoing=said.when is None and not said.undated,
                            date=day if said.undated else None)
        mentions = []
        position = sentence.index(":") + 2
        for name in said.actors:
            mentions.append(ActorMention((start + position, start + position + len(name)),
                                         name, actor(name)))
            position += len(name) + len(" and ")
        event_at = start + sentence.index(f" {said.event}", sentence.index(":")) + 1
        when_span = None
        if said.when is not None:
            when_at = start + sentence.rindex(said.when)
            when_span = (when_at, when_at + len(said.when))
        value = claim.value if claim.value is not None else TimeValue.from_timex("PRESENT_REF")
        if said.undated:
            value = TimeValue.reference("PAST_REF", Interval.of(day, day + timedelta(days=1)))
        title = f"{said.actors[0] if said.actors else 'Someone'} {said.event}"
        candidates.append(Candidate(
            article=article_id, published=published, quote=sentence,
            quote_span=(start, start + len(sentence)), when=said.when, when_span=when_span,
            value=value, event=said.event, event_span=(event_at, event_at + len(said.event)),
            lemma=said.lemma, status=said.status, actors=tuple(mentions), title=title,
            content=frozenset({said.lemma, *said.words}), claim=claim,
            confidence=said.confidence, undated=said.undated))
    return article, candidates


def day_text(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


#: Event words: (as written, lemma).
EVENTS = (("voted", "vote"), ("met", "meet"), ("visited", "visit"), ("signed", "sign"))
ACTORS = ("Emmanuel Macron", "Donald Trump", "the UN General Assembly", "Russia")
WORDS = ("resolution", "ukraine", "treaty", "ceasefire", "war")
START = date(2025, 2, 20)


@st.composite
def said(draw: st.DrawFn) -> Said:
    """A statement dated to one of a few days (so that some coincide), a weekday (resolved
    against the publication, in its zone when it has one), a month, the year, an open
    "since" a day, a decade, or not at all."""
    kind = draw(st.sampled_from(("day", "day", "day", "weekday", "month", "year", "since",
                                 "decade", "none", "report")))
    day = START + timedelta(days=draw(st.integers(0, 6)))
    when = {"day": day_text(day), "weekday": day.strftime("%A"),
            "month": f"{MONTHS[day.month - 1]} {day.year}", "year": str(day.year),
            "since": f"since {day_text(day)}", "decade": "the 2020s", "none": None,
            "report": None}[kind]
    event, lemma = draw(st.sampled_from(EVENTS))
    return Said(when=when, event=event, lemma=lemma,
                actors=tuple(draw(st.lists(st.sampled_from(ACTORS), max_size=2, unique=True))),
                status=draw(st.sampled_from((Status.OCCURRED, Status.REPORTED,
                                             Status.SCHEDULED))),
                words=tuple(draw(st.lists(st.sampled_from(WORDS), max_size=3, unique=True))),
                confidence=draw(st.sampled_from((1.0, 0.8))), undated=kind == "report")


@st.composite
def corpora(draw: st.DrawFn, max_articles: int = 4) -> tuple[list[Article], list[Candidate]]:
    """A few articles, a few statements each, and every candidate of them; published on a
    day, at a floating time or at a time in a zone, so that floating and absolute times
    meet."""
    articles: list[Article] = []
    candidates: list[Candidate] = []
    for n in range(draw(st.integers(1, max_articles))):
        day = START + timedelta(days=draw(st.integers(7, 9)))
        at = datetime(day.year, day.month, day.day, draw(st.integers(0, 23)))
        published: date | datetime = draw(st.sampled_from((
            day, at, at.replace(tzinfo=timezone(timedelta(hours=draw(st.integers(-12, 14))))))))
        article, made = write(f"a{n}", published, draw(st.lists(said(), min_size=1,
                                                                   max_size=4)))
        articles.append(article)
        candidates.extend(made)
    return articles, candidates


def events_as_sets(events: Any) -> list[frozenset[str]]:
    """Each event's candidates by fingerprint, for comparing groupings."""
    return sorted((frozenset(c.fingerprint for c in e.candidates) for e in events),
                  key=sorted)
