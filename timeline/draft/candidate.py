"""What the draft step reads out of one article: dated statements, each a candidate claim.

A ``Candidate`` is one clause that a time expression dates (or a lead sentence the dateline
dates), analysed into what grouping and writing need: the quote and its span, the
expression, the event word, a status, the actors and a title made of the clause's own
words. ``claim`` is the model's own ``Claim`` for it (built with ``Claim.build`` for a
provisional event id), so what the draft writes is what ``timeline.load`` reads back.

These are the types the draft layer's parts share (statements, actors, grouping, output);
they hold no logic beyond derived keys.
"""

from __future__ import annotations

import enum
import hashlib
from datetime import date, datetime

import attrs

from timeline.model.claim import Claim, Status
from timeline.time.interval import Interval
from timeline.time.value import TimeValue

#: A character span ``[start, end)`` in an article's text.
Span = tuple[int, int]


class ActorKind(enum.Enum):
    """What kind of participant an actor is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    COUNTRY = "country"
    OTHER = "other"


@attrs.frozen
class Actor:
    """A participant named in an article, under its fullest name there.

    ``name`` is the fullest form the article uses ("Emmanuel Macron", "the UN General
    Assembly" without the article: "UN General Assembly"), ``title`` a person's title when
    the article gives one ("President"), ``aliases`` every other form that names it in the
    article or by convention ("Macron", "U.N. General Assembly", "General Assembly"), and
    ``key`` the normalised form actors are compared by across articles (lower case, no
    dots or "the").
    """

    name: str
    kind: ActorKind
    key: str
    title: str | None = None
    aliases: frozenset[str] = frozenset()

    @property
    def display(self) -> str:
        """How a title or a list of actors names it: "President Emmanuel Macron"."""
        return f"{self.title} {self.name}" if self.title else self.name

    def named_by(self, text: str) -> bool:
        """Whether ``text`` ("Macron", "the U.N.", "emmanuel macron") names this actor."""
        wanted = actor_key(text)
        return (wanted in (self.key, actor_key(self.name))
                or wanted in {actor_key(a) for a in self.aliases})


def actor_key(text: str) -> str:
    """The form names are compared by: lower case, no dots, no leading "the", one space."""
    words = text.replace(".", "").replace("\u2019", "'").lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@attrs.frozen
class ActorMention:
    """Where an article names an actor: the span and the words there."""

    span: Span
    text: str
    actor: Actor


@attrs.frozen
class Candidate:
    """One dated statement of one article: a candidate claim for the draft timeline.

    ``quote``/``quote_span`` is the clause (the sentence when it has one clause); ``when``
    and ``when_span`` the time expression inside it, or ``None`` for a lead sentence dated
    by the dateline; ``value`` the time the tagger resolved it to in context. ``event`` and
    ``event_span`` are the event word ("voted", "visit"), ``lemma`` its normal form shared
    by inflections and nominalisations ("vote" for "voted", "votes", "vote"). ``content``
    holds the lemmas of the clause's content words, for grouping. ``claim`` is the model's
    claim for this statement, built for the provisional event id ``"draft"``.
    """

    article: str
    published: date | datetime
    quote: str
    quote_span: Span
    when: str | None
    when_span: Span | None
    value: TimeValue
    event: str
    event_span: Span
    lemma: str
    status: Status
    actors: tuple[ActorMention, ...]
    title: str
    content: frozenset[str]
    claim: Claim
    #: How sure the extraction is of this statement, 0-1 (a lead sentence dated by its
    #: dateline, an event word guessed from a noun, ... are less sure).
    confidence: float = 1.0
    #: A statement no time dates ("the council voted against the text", in the body of an
    #: article): a further report of a dated happening, never an event of its own. Its
    #: claim has no time; ``value`` is the past before publication (``PAST_REF``).
    undated: bool = False
    #: Whether the event word is a noun ("Russia's invasion of Ukraine", "the vote"), not
    #: a verb.
    noun: bool = False

    @property
    def interval(self) -> Interval | None:
        """The time the statement gives its event: the claim's resolved interval."""
        value = self.claim.value
        return None if value is None else value.interval

    @property
    def fingerprint(self) -> str:
        """A stable id of this statement: the article, the quote, the expression and the
        event word. A draft remembers the fingerprints it has proposed, so a candidate the
        user deleted is not proposed again."""
        text = "\x1f".join((self.article, self.quote, self.when or "", self.event))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    @property
    def sort_key(self) -> tuple[str, int, int]:
        """The order candidates are considered in, whatever order the articles came in."""
        return (self.article, self.quote_span[0], self.event_span[0])
