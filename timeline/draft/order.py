"""The order a sentence gives two drafted events: ``before``/``after`` on the claim that says it.

News orders happenings with a connective as often as with a date: "Macron met Trump after
the vote", "days before the summit, the leaders spoke", "following the talks, ...", "since
the invasion". When both happenings are events of the draft, the claim whose quote says it
gets ``after = "<the other event>"`` (or ``before``), as a curator would write it in
``events.toml`` (``timeline.model.claim``: ``before`` says the event ends before the other
starts, ``after`` that it starts after the other ends).

A connective (``lang/en/order.toml``) opens a *complement* that runs to the end of its
clause (a comma, a semicolon, a colon, a dash or a bracket); the happening named there is
the *reference*: a drafted statement of the same article whose event word lies among the
complement's first words, else an event noun that heads it ("after the vote", "ahead of
Monday's summit": among its first words, before any verb) when the draft has one event of
its kind (from this article if any names it). The clause's own happening is the drafted
statement of the sentence whose event word is nearest the connective, outside the
complement. The key is written only when it tells something and can hold: never on an event
against itself, never where the two events' times already order them (it adds nothing) or
contradict it (it would be false), never where it would close a cycle of events placed
against each other or could not hold with the keys already written and the dates (the
loader's network of bounds says so), and at most once per claim and key.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

import attrs

from timeline.draft.candidate import Candidate, Span
from timeline.draft.group import DraftEvent
from timeline.draft.text import Token, sentences, tokens
from timeline.draft.words import english, read_table
from timeline.errors import RuleTableError
from timeline.model.article import Article
from timeline.model.claim import Claim
from timeline.model.network import solve
from timeline.time.interval import Interval

#: What ends a connective's complement: the end of its clause.
_CLAUSE_END = frozenset(",;:()\u2013\u2014")
#: How many words may open a complement before its event noun ("after Russia's full-scale
#: invasion"): a noun further on is in a clause of its own, not what the connective names.
_HEAD = 4
#: How many words into its complement a drafted statement's event word may be to be what
#: the connective names ("after the case closed", "since the original iPhone was
#: released"): one further on is in a clause about the complement ("in response to
#: complaints that it had not taken measures").
_REACH = 6
#: The two sides a connective places its clause's happening on.
SIDES = ("before", "after")


@attrs.frozen
class Connective:
    """A connective found in a sentence: its span and words, the side it places the
    clause's happening on (``"before"`` or ``"after"`` the reference) and its complement."""

    span: Span
    text: str
    side: str
    complement: Span


@attrs.frozen
class Connectives:
    """The language's connectives (``lang/<code>/order.toml``), as word sequences."""

    phrases: tuple[tuple[tuple[str, ...], str], ...]  # longest first
    anaphoric: frozenset[str]
    not_after: frozenset[str]
    #: The phrases by their first word, longest first, and a pattern of the phrases: a
    #: sentence without one is not read word by word.
    by_first: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]] = attrs.field(
        init=False, eq=False, repr=False)
    opening: re.Pattern[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        grouped: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, side in self.phrases:
            grouped.setdefault(phrase[0], []).append((phrase, side))
        object.__setattr__(self, "by_first", {k: tuple(v) for k, v in grouped.items()})
        # Each phrase's words literally, blanks between: a plain alternation, linear.
        whole = sorted((r"\s+".join(map(re.escape, phrase)) for phrase, _ in self.phrases),
                       key=lambda p: (-len(p), p))
        object.__setattr__(self, "opening", re.compile(
            r"\b(?:" + "|".join(whole) + r")\b", re.IGNORECASE))

    @classmethod
    def from_table(cls, data: Mapping[str, object], *, file: str = "order.toml"
                   ) -> Connectives:
        """Read one language's table; ``RuleTableError`` naming what is wrong."""
        table = data.get("connectives")
        if not isinstance(table, dict) or set(table) != set(SIDES):
            raise RuleTableError(f"{file}: connectives: expected 'before' and 'after' lists")
        phrases: dict[tuple[str, ...], str] = {}
        for side in SIDES:
            for phrase in _words(table[side], f"connectives.{side}", file):
                words = tuple(phrase.split())
                if not words or phrases.setdefault(words, side) != side:
                    raise RuleTableError(f"{file}: connectives: {phrase!r} is empty or on "
                                         f"both sides")
        complement = data.get("complement", {})
        if not isinstance(complement, dict):
            raise RuleTableError(f"{file}: complement: expected a table")
        ordered = sorted(phrases.items(), key=lambda item: (-len(item[0]), item[0]))
        return cls(tuple(ordered),
                   frozenset(_words(complement.get("anaphoric", []), "anaphoric", file)),
                   frozenset(_words(complement.get("not_after", []), "not_after", file)))

    def find(self, text: str, span: Span) -> list[Connective]:
        """The connectives of the sentence ``text[span]``, in order, each with a complement
        that may name a happening (not "after that", not "looked after")."""
        if self.opening.search(text, *span) is None:
            return []
        words = tokens(text, *span)
        found: list[Connective] = []
        i = 0
        while i < len(words):
            match = self._phrase_at(words, i)
            if match is None:
                i += 1
                continue
            size, side = match
            last = words[i + size - 1]
            complement = _complement(text, last.end, span[1])
            after = [w for w in words[i + size:] if w.start < complement[1]]
            before = words[i - 1].folded if i else ""
            if (after and after[0].folded not in self.anaphoric
                    and before not in self.not_after and not after[0].text[:1].isdigit()
                    and not english().is_past(after[0].text)):
                found.append(Connective((words[i].start, last.end),
                                        text[words[i].start:last.end], side, complement))
            i += size
        return found

    def _phrase_at(self, words: Sequence[Token], i: int) -> tuple[int, str] | None:
        for phrase, side in self.by_first.get(words[i].folded, ()):
            n = len(phrase)
            if tuple(w.folded for w in words[i:i + n]) == phrase:
                return n, side
        return None


def _words(value: object, key: str, file: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleTableError(f"{file}: {key}: expected a list of strings")
    return [v.lower() for v in value]


def _complement(text: str, start: int, end: int) -> Span:
    """From after a connective to the end of its clause (or of the sentence)."""
    at = start
    while at < end and text[at] not in _CLAUSE_END:
        at += 1
    stop = at
    while stop > start and text[stop - 1] in " \t\r\n.!?\"'\u201d\u2019":
        stop -= 1
    lead = start
    while lead < stop and text[lead].isspace():
        lead += 1
    return lead, stop


@cache
def english_connectives() -> Connectives:
    """The English connectives (``lang/en/order.toml``), read once."""
    return Connectives.from_table(read_table("order.toml"))


@attrs.frozen
class _Placed:
    """One drafted statement of an article: its event's id and the candidate."""

    event: str
    candidate: Candidate


def order(events: Sequence[DraftEvent], articles: Iterable[Article], *,
          connectives: Connectives | None = None) -> list[DraftEvent]:
    """``events`` with ``before``/``after`` written on the claims whose sentences order two
    of them (see the module), in the same order. Deterministic: events are read by id,
    statements in their canonical order, so the result does not depend on the order of
    the articles."""
    words = connectives or english_connectives()
    texts = {a.id: a.text for a in articles}
    by_id = {e.id: e for e in events}
    placed: dict[str, list[_Placed]] = {}
    for event in sorted(events, key=lambda e: e.id):
        for candidate in event.candidates:
            placed.setdefault(candidate.article, []).append(_Placed(event.id, candidate))
    refers: dict[str, set[str]] = {e.id: set() for e in events}
    for event in events:
        for candidate in event.candidates:
            refers[event.id].update(candidate.claim.references)
    kinds = _Kinds(placed)
    keys: dict[tuple[str, str], dict[str, str]] = {}  # (event, fingerprint) -> key -> id
    for article in sorted(placed):
        text = texts.get(article)
        if text is None:
            continue
        mine = sorted(placed[article], key=lambda p: (p.candidate.event_span, p.event))
        for sentence in sentences(text):
            first = bisect.bisect_left(mine, sentence[0], key=lambda p: p.candidate.event_span[0])
            last = bisect.bisect_left(mine, sentence[1], key=lambda p: p.candidate.event_span[0])
            inside = mine[first:last]
            if not inside:
                continue
            for connective in words.find(text, sentence):
                found = _ordering(connective, inside, article, kinds, text)
                if found is None:
                    continue
                main, reference = found
                key = connective.side
                wanted = keys.setdefault((main.event, main.candidate.fingerprint), {})
                claim = main.candidate.claim
                if (key in wanted or getattr(claim, key) is not None
                        or not _tells(by_id[main.event], by_id[reference], key)
                        or _reaches(refers, reference, main.event)):
                    continue
                wanted[key] = reference
                refers[main.event].add(reference)
                if not _holds(main.event, by_id, refers, keys):
                    del wanted[key]  # with the others, it cannot hold with the dates
                    refers[main.event].discard(reference)
    if not keys:
        return list(events)
    return [_with_keys(e, keys) for e in events]


class _Kinds:
    """The drafted events by the kind of their event words (``Words.kind``): in the whole
    draft, and in each article."""

    def __init__(self, placed: Mapping[str, Sequence[_Placed]]) -> None:
        lexicon = english()
        self.every: dict[str, set[str]] = {}
        self.here: dict[tuple[str, str], set[str]] = {}
        for article, statements in placed.items():
            for p in statements:
                kind = lexicon.kind(p.candidate.lemma)
                self.every.setdefault(kind, set()).add(p.event)
                self.here.setdefault((article, kind), set()).add(p.event)

    def only(self, article: str, kind: str) -> str | None:
        """The one event of ``kind`` the article reports, else the one the draft has."""
        found = self.here.get((article, kind)) or self.every.get(kind, set())
        return next(iter(found)) if len(found) == 1 else None


def _ordering(connective: Connective, inside: Sequence[_Placed], article: str,
              kinds: _Kinds, text: str) -> tuple[_Placed, str] | None:
    """The statement a connective places (the one whose event word is nearest it, outside
    its complement) and the id of the event it places it against, or ``None``."""
    lo, hi = connective.complement
    head = tokens(text, lo, hi)[:_REACH]
    reach = head[-1].end if head else lo
    within = [p for p in inside if lo <= p.candidate.event_span[0] < reach]
    outside = [p for p in inside
               if not connective.span[0] <= p.candidate.event_span[0] < hi]
    if not outside:
        return None
    if within:
        reference = min(within, key=lambda p: p.candidate.event_span).event
    else:
        found = _named(text, connective.complement, article, kinds)
        if found is None:
            return None
        reference = found
    candidates = [p for p in outside if p.event != reference]
    if not candidates:
        return None
    main = min(candidates, key=lambda p: (_distance(p.candidate.event_span, connective.span),
                                          p.candidate.sort_key, p.event))
    return main, reference


def _distance(a: Span, b: Span) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _named(text: str, complement: Span, article: str, kinds: _Kinds) -> str | None:
    """The event the first event noun of a complement names ("after the vote"): the one
    event of the draft of its kind, preferring those this article reports; ``None`` when
    there is no such noun, no such event, or several."""
    lexicon = english()
    noun = None
    for word in tokens(text, *complement)[:_HEAD]:
        if lexicon.is_event_noun(word.text):
            noun = word
            break
        if lexicon.is_past(word.text) or lexicon.is_third(word.text):
            return None  # a clause ("after the leaders failed to agree"), not a noun phrase
    if noun is None:
        return None
    return kinds.only(article, lexicon.kind(lexicon.lemma(noun.text)))


def _tells(main: DraftEvent, reference: DraftEvent, key: str) -> bool:
    """Whether ``main`` placed ``key`` (before/after) ``reference`` tells something their
    times do not already say and does not contradict them: neither is wholly on one side
    of the other. An event without a time is ordered by nothing else, so the key tells
    something. Floating times are compared as they stand (a Monday ends when the Tuesday
    starts), a floating and an aware one in absolute time at the floating one's widest
    reading."""
    if main.id == reference.id:
        return False
    if main.interval is None or reference.interval is None:
        return True
    mine, theirs = main.interval, reference.interval
    if mine.floating != theirs.floating:  # one frame: absolute, at the widest readings
        wide_mine, wide_theirs = mine.to_absolute(), theirs.to_absolute()
        assert wide_mine is not None and wide_theirs is not None
        mine, theirs = wide_mine, wide_theirs
    return not (_before(mine, theirs) or _before(theirs, mine))


def _before(a: Interval, b: Interval) -> bool:
    """Whether ``a`` ends no later than ``b`` starts (two intervals of one frame)."""
    return a.end is not None and b.start is not None and a.end <= b.start


def _holds(event: str, events: Mapping[str, DraftEvent],
           refers: Mapping[str, set[str]],
           keys: Mapping[tuple[str, str], Mapping[str, str]]) -> bool:
    """Whether the events linked to ``event`` by the keys so far can have times that keep
    every key and every date (``timeline.model.network``, as loading settles them): two
    keys that each hold may not hold together ("A after B", "B after C", A's day before
    C's)."""
    linked = {event}
    stack = [event]
    back: dict[str, set[str]] = {}
    for source, targets in refers.items():
        for target in targets:
            back.setdefault(target, set()).add(source)
    while stack:
        current = stack.pop()
        for other in refers.get(current, set()) | back.get(current, set()):
            if other not in linked and other in events:
                linked.add(other)
                stack.append(other)
    claims: dict[str, list[Claim]] = {}
    for name in sorted(linked):
        claims[name] = []
        for candidate in events[name].candidates:
            wanted = keys.get((name, candidate.fingerprint), {})
            old = candidate.claim
            claims[name].append(attrs.evolve(
                old, event=name, before=wanted.get("before", old.before),
                after=wanted.get("after", old.after)))
    return not any(c.kind == "order" for c in solve(claims).conflicts)


def _reaches(refers: Mapping[str, set[str]], start: str, goal: str) -> bool:
    """Whether ``start`` places itself, through the events it refers to, against ``goal``:
    a reference from ``goal`` to ``start`` would close a cycle."""
    seen, stack = {start}, [start]
    while stack:
        current = stack.pop()
        if current == goal:
            return True
        for other in refers.get(current, ()):
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return False


def _with_keys(event: DraftEvent, keys: Mapping[tuple[str, str], Mapping[str, str]]
               ) -> DraftEvent:
    """``event`` with the keys found for its candidates written on their claims."""
    changed = False
    out = []
    for candidate in event.candidates:
        wanted = keys.get((event.id, candidate.fingerprint))
        if wanted:
            old = candidate.claim
            claim = attrs.evolve(old, before=wanted.get("before", old.before),
                                 after=wanted.get("after", old.after))
            candidate = attrs.evolve(candidate, claim=claim)
            changed = True
        out.append(candidate)
    return attrs.evolve(event, candidates=tuple(out)) if changed else event


def without_references(event: DraftEvent, kept: set[str]) -> DraftEvent:
    """``event`` with the ``before``/``after`` keys to events not in ``kept`` taken off its
    claims: a narrowed draft (``top``, ``about``) refers only to the events it holds."""
    out = []
    changed = False
    for candidate in event.candidates:
        claim = candidate.claim
        before = claim.before if claim.before is None or claim.before in kept else None
        after = claim.after if claim.after is None or claim.after in kept else None
        if (before, after) != (claim.before, claim.after):
            candidate = attrs.evolve(candidate, claim=attrs.evolve(claim, before=before,
                                                                   after=after))
            changed = True
        out.append(candidate)
    return attrs.evolve(event, candidates=tuple(out)) if changed else event


__all__ = ["SIDES", "Connective", "Connectives", "english_connectives", "order",
           "without_references"]
