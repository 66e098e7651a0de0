"""Dated statements: every clause a time expression dates becomes a candidate claim.

A news article tells what happened when in clauses: "the assembly voted on Monday",
"Starmer is set to visit Washington this week", "Ukraine could join the EU by 2030".
For each time expression the tagger found (a date or a time, not a duration or a set),
the clause around it is the quote, the verb or event noun the expression dates is the
event word ("voted", "visit", "the vote on Monday"), and the verb group around that word
gives the status (past -> occurred, on someone's word -> reported, "will"/"is set to" ->
scheduled, "could"/"hopes"/"by 2030" -> expected). A lead sentence with no time of its
own reports the article's news day (``news_day``: the publication day, or the day before
when only it is named in the body). Asked for (``undated``), a clause no time dates that
tells a past happening is an undated candidate, a further report for grouping. The
title is made of the clause's own words: who (the actor heading the subject, else the
subject's words, else the nearest actor before the event word), the event word in the
present, and what.

Nothing is parsed: words are classed from their form and their neighbours (an auxiliary
before, a determiner before, -ed/-s/-ing), with the language's words as data
(``lang/en/words.toml``, ``lang/en/statements.toml``, and the tagger's tense cues in
``lang/en/cues.toml``). Each clause is read a bounded number of times, so the work grows
with the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, tzinfo
from functools import cache, lru_cache
from typing import Any

import attrs

from timeline.draft.candidate import ActorKind, ActorMention, Candidate, Span
from timeline.draft.text import Token, clauses, sentences, tokens
from timeline.draft.words import Words, english, read_table
from timeline.errors import RuleTableError, TimelineError
from timeline.model.article import Article
from timeline.model.claim import Claim, Status
from timeline.tagger.context import Tense
from timeline.tagger.resolve import resolve
from timeline.tagger.rules import load_lexicon
from timeline.tagger.scan import Mention, default_scanner
from timeline.tagger.tense import NEAR, TenseCues
from timeline.time.granularity import Granularity
from timeline.time.granularity import span as granule
from timeline.time.interval import Interval, is_on_or_before
from timeline.time.value import TimeValue, TimexType

#: How many words before the event word its verb group may hold cues ("is set to meet"),
#: and how many before the group itself ("hopes the war can end").
GROUP = 6
LEAD_IN = 3
#: How many words an event noun may lie before the expression that dates it ("the vote at
#: the U.N. on Monday"); a verb may lie up to ``NEAR`` words off.
NOUN_REACH = 5
#: How many words after an expression its verb may lie: a clause may open with the time
#: and a long phrase before its subject ("Yesterday, at this year's conference in San
#: Francisco, Jobs unveiled...").
AFTER = 24
#: The longest clause quoted whole, in characters; a longer one is quoted around its
#: event word and expression, ``QUOTE_REACH`` words each side.
LONGEST_QUOTE = 1000
QUOTE_REACH = 12
#: Most words in a title.
TITLE_WORDS = 10
#: Most words of a title's subject when no actor is known ("British Prime Minister Keir
#: Starmer").
SUBJECT_WORDS = 5
#: Most words of an aside between a subject and its verb.
ASIDE = 12
#: Most words of a title's object.
OBJECT_WORDS = 6
#: How sure a statement is when its event word is a noun, when the lead sentence is dated
#: by the publication day, and when the claim's own reading of ``when`` differs from the
#: tagger's in context.
NOUN_CONFIDENCE = 0.8
LEAD_CONFIDENCE = 0.5
MISREAD_CONFIDENCE = 0.6
#: How sure a statement is that only a generic time dates ("now", "recently").
GENERIC_CONFIDENCE = 0.5
#: How sure a statement is that no time dates (``Candidate.undated``).
UNDATED_CONFIDENCE = 0.5

_YEAR = re.compile(r"\d{4}")

#: The finite auxiliaries of a past verb group.
_PAST_AUXILIARIES = frozenset({"was", "were", "had", "did"})

# Word classes.
_AUX, _COPULA, _VERB, _NOUN = "aux", "copula", "verb", "noun"


@attrs.frozen
class Language:
    """What ``statements.toml`` says, ready to read clauses with."""

    coordinators: frozenset[str]
    subordinators: frozenset[tuple[str, ...]]
    relatives: frozenset[str]
    be: frozenset[str]
    have: frozenset[str]
    do: frozenset[str]
    modals: frozenset[str]
    adverbs: frozenset[str]
    negations: frozenset[str]
    reporting: frozenset[str]
    saying: frozenset[str]
    light: frozenset[str]
    keeps: frozenset[str]
    attribution: tuple[tuple[str, ...], ...]
    expected: tuple[tuple[str, ...], ...]
    scheduled: frozenset[str]
    stop: frozenset[str]
    prepositions: frozenset[str]
    attached: frozenset[str]
    determiners: frozenset[str]
    pronouns: frozenset[str]
    adjuncts: frozenset[str]

    @classmethod
    def from_toml(cls, data: dict[str, Any], file: str = "statements.toml") -> Language:
        def words(table: str, key: str) -> list[str]:
            values = data.get(table, {}).get(key)
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise RuleTableError(f"{file}: {table}.{key}: expected a list of strings")
            return values

        def phrases(table: str, key: str) -> tuple[tuple[str, ...], ...]:
            return tuple(tuple(p.split()) for p in words(table, key))

        return cls(
            coordinators=frozenset(words("clauses", "coordinators")),
            subordinators=frozenset(phrases("clauses", "subordinators")),
            relatives=frozenset(words("clauses", "relatives")),
            be=frozenset(words("verbs", "be")), have=frozenset(words("verbs", "have")),
            do=frozenset(words("verbs", "do")), modals=frozenset(words("verbs", "modals")),
            adverbs=frozenset(words("verbs", "adverbs")),
            negations=frozenset(words("verbs", "negations")),
            reporting=frozenset(words("verbs", "reporting")),
            saying=frozenset(words("status", "saying")),
            light=frozenset(words("verbs", "light")), keeps=frozenset(words("verbs", "keeps")),
            attribution=phrases("status", "attribution"),
            expected=phrases("status", "expected"),
            scheduled=frozenset(words("status", "scheduled")),
            stop=frozenset(words("words", "stop")),
            prepositions=frozenset(words("words", "prepositions")),
            attached=frozenset(words("words", "attached")),
            determiners=frozenset(words("words", "determiners")),
            pronouns=frozenset(words("words", "pronouns")),
            adjuncts=frozenset(words("words", "adjuncts")))


@cache
def language() -> Language:
    """English (``lang/en/statements.toml``), read once."""
    return Language.from_toml(read_table("statements.toml"))


@cache
def _cues() -> TenseCues:
    return TenseCues(default_scanner().rules.lexicon.cues)


@cache
def _planned() -> frozenset[str]:
    """The words between "is" and "to" in the tagger's future cues ("is set to", "is due
    to", "is expected to"): "set to meet" is the verb group of "is"."""
    return frozenset(phrase[-2] for _, phrase in _cues().ending.get("to", ())
                     if len(phrase) == 3 and phrase[0] in ("is", "are", "was", "were"))


# --- reading a clause ---------------------------------------------------------------------


class _Clause:
    """One clause's words, each classed as auxiliary, copula, verb, event noun or none."""

    def __init__(self, text: str, span: Span, words: list[Token], *, first: bool,
                 lang: Language, vocab: Words, until_finite: bool = False) -> None:
        self.text, self.span, self.words = text, span, words
        self.lang, self.vocab = lang, vocab
        #: Whether the clause opens its sentence (its first word's capital says nothing).
        self.first = first
        #: Which words are adverbs (``adverb``), asked of each word's neighbours.
        self.adverbs = [self._adverb(i) for i in range(len(words))]
        self.kinds: list[str | None] = []
        self.finite: list[bool] = []
        for i in range(len(words)):
            kind, finite = self._classify(i, sentence_first=first and i == 0)
            self.kinds.append(kind)
            self.finite.append(finite)
            if finite and until_finite:
                break  # a word's class reads only the words before it: enough for has_verb
        self.relative = self._relatives()
        #: The clause's last verb, or -1.
        self.last_verb = max((i for i, k in enumerate(self.kinds) if k in (_VERB, _AUX)),
                             default=-1)
        #: Where the clause names a source: its verbs of saying, -1 for an attribution.
        self.sources: list[int] | None = None
        self._content: dict[frozenset[int], frozenset[str]] = {}

    def content(self, taken: set[int]) -> frozenset[str]:
        """The lemmas of the content words, but for the words ``taken`` (time words)."""
        key = frozenset(taken)
        found = self._content.get(key)
        if found is None:
            found = self._content[key] = frozenset(
                self.vocab.lemma(w.folded) for i, w in enumerate(self.words)
                if i not in taken and w.folded not in self.lang.stop and w.folded.isalpha()
                and len(w.folded) > 1)
        return found

    def adverb(self, i: int) -> bool:
        """Whether word ``i`` is an adverb that may stand in a verb group ("also",
        "falsely")."""
        return self.adverbs[i]

    def _adverb(self, i: int) -> bool:
        word = self.words[i]
        folded = word.folded
        if folded in self.lang.adverbs:
            return True
        # An -ly word, unless a determiner makes it a noun ("the assembly") or it is a
        # verb ("rally", "supply").
        return (folded.endswith("ly") and len(folded) > 4 and not word.capital
                and not (i > 0 and (self.words[i - 1].folded in self.lang.determiners
                                    or self.words[i - 1].possessive))
                and not self.vocab.is_base(folded))

    def previous(self, i: int) -> int | None:
        """The word before ``i`` that is no adverb, or None."""
        j = i - 1
        while j >= 0 and self.adverb(j):
            j -= 1
        return j if j >= 0 else None

    def _classify(self, i: int, *, sentence_first: bool) -> tuple[str | None, bool]:
        lang, vocab, word = self.lang, self.vocab, self.words[i]
        folded = word.folded
        if word.possessive or folded.isdigit():
            return None, False  # a name's or a time's ("Russia's"), a figure
        if "-" in folded:  # a compound: an event noun by its last part ("cease-fire")
            last = folded.rsplit("-", 1)[1]
            event = not word.capital and (self.vocab.is_event_noun(folded.replace("-", ""))
                                          or self.vocab.is_event_noun(last))
            return (_NOUN if event else None), False
        j = self.previous(i)
        before = self.words[j].folded if j is not None else ""
        if folded in lang.modals or folded in lang.do or folded.endswith("n't"):
            return _AUX, True  # "will", "did", "won't", "isn't"
        if folded in lang.adverbs:
            return None, False
        nxt = self._next_content(i)
        if folded in lang.be or folded in lang.have:
            if nxt is not None and (vocab.is_participle(self.words[nxt].text)
                                    or (folded in lang.be
                                        and vocab.is_gerund(self.words[nxt].text))):
                return _AUX, folded not in ("be", "been", "being", "having")
            return (_COPULA if folded in lang.be else _VERB), folded not in (
                "be", "been", "being", "having")
        capital_name = word.capital and not sentence_first
        if capital_name or folded in lang.stop:
            return (_NOUN if not capital_name and self._event_noun(i) else None), False
        after_det = before in lang.determiners or (j is not None and self.words[j].possessive)
        if (before in lang.modals or before in lang.do or before.endswith("n't")
                or (before == "to" and vocab.is_base(folded))):
            return _VERB, before != "to"
        if before in lang.be and (vocab.is_participle(word.text) or vocab.is_gerund(word.text)):
            return _VERB, False
        if before in lang.have and vocab.is_participle(word.text):
            return _VERB, False
        if after_det:
            return (_NOUN if self._event_noun(i) else None), False
        if vocab.is_past(word.text):
            return _VERB, True
        if vocab.is_third(word.text) and j is not None and self._subject_like(j):
            return _VERB, True
        if vocab.is_gerund(word.text):
            if self._inside_noun_phrase(i):
                return None, False  # "his annual opening keynote", "the operating system"
            if j is not None and self.words[j].folded in lang.prepositions and self._event_noun(i):
                return _NOUN, False  # "after the meeting" was caught above; "at meetings"
            return _VERB, False
        if vocab.is_base(folded) and j is not None and (
                (before in lang.pronouns and before not in ("that", "which"))
                or self._plural_subject(j)):
            return _VERB, True  # "they vote", "the talks resume"
        return (_NOUN if self._event_noun(i) else None), False

    def _inside_noun_phrase(self, i: int) -> bool:
        """Whether word ``i`` stands between a determiner (or a possessive) and the noun it
        modifies, as an adjective does: "the new operating system", "its calling plan"."""
        words, lang = self.words, self.lang
        nxt = i + 1
        if (nxt >= len(words) or "," in self.text[words[i].end:words[nxt].start]
                or words[nxt].folded in lang.stop or words[nxt].folded in lang.prepositions
                or not words[nxt].folded.replace("-", "").isalpha()):
            return False
        j = i - 1
        while j >= 0 and i - j <= MODIFIERS:
            word = words[j]
            if word.possessive or word.folded in lang.determiners:
                return True
            if word.folded in _DEGREE:
                j -= 1
                continue
            if (self.kinds[j] is not None or word.folded in lang.stop
                    or word.folded in lang.prepositions or not word.folded.isalpha()
                    or "," in self.text[word.end:words[j + 1].start]):
                return False
            j -= 1
        return False

    def _event_noun(self, i: int) -> bool:
        word = self.words[i]
        return not (word.capital and i > 0) and self.vocab.is_event_noun(word.folded)

    def _next_content(self, i: int) -> int | None:
        j = i + 1
        while j < len(self.words) and self.adverb(j):
            j += 1
        return j if j < len(self.words) else None

    def _subject_like(self, j: int) -> bool:
        """Whether word ``j`` can end a subject: a pronoun, a name, a noun (no function
        word, no verb, no figure)."""
        word = self.words[j]
        lang = self.lang
        if word.folded in lang.pronouns:
            return True
        if word.folded in lang.stop or word.folded in lang.prepositions:
            return False
        if word.folded[:1].isdigit():
            return False
        return not (j < len(self.kinds) and self.kinds[j] in (_VERB, _AUX, _COPULA))

    def _plural_subject(self, j: int) -> bool:
        """Whether word ``j`` is a plural noun that can be a subject ("talks", "leaders")."""
        word = self.words[j]
        if not word.folded.endswith("s") or word.folded.endswith("ss"):
            return False
        if not self._subject_like(j):
            return False
        # "votes" may be a verb itself, except after a determiner ("the talks resume").
        return not self.vocab.is_third(word.text) or (
            j > 0 and self.words[j - 1].folded in self.lang.determiners)

    def _relatives(self) -> list[bool]:
        """Which words lie in a ", which ...," clause about a noun."""
        inside = [False] * len(self.words)
        i = 0
        while i < len(self.words):
            word = self.words[i]
            if (word.folded in self.lang.relatives and i > 0
                    and "," in self.text[self.words[i - 1].end:word.start]):
                j = i
                while j < len(self.words):
                    inside[j] = True
                    if j + 1 < len(self.words) and "," in self.text[self.words[j].end:
                                                                    self.words[j + 1].start]:
                        break
                    j += 1
                i = j
            i += 1
        return inside

    def in_finite_group(self, i: int) -> bool:
        """Whether verb ``i`` is finite or follows a finite auxiliary ("had approved")."""
        if self.finite[i]:
            return True
        j = self.previous(i)
        if j is not None and self.words[j].folded == "to":
            j = self.previous(j)  # "is set to meet", "plans to open"
            while j is not None and self.words[j].folded in _planned():
                j = self.previous(j)
        return j is not None and self.kinds[j] in (_AUX, _COPULA, _VERB) and self.finite[j]

    def has_verb(self) -> bool:
        return any(self.finite)

    def lemma(self, i: int) -> str:
        return self.vocab.lemma(self.words[i].folded)

    def is_event(self, i: int) -> bool:
        return self.kinds[i] in (_VERB, _NOUN)

    def rank(self, i: int) -> int:
        """How good an event word ``i`` is: 0 a content verb or event noun, 1 a light verb,
        2 a reporting verb."""
        lemma = self.lemma(i)
        if self.kinds[i] == _VERB and lemma in self.lang.reporting:
            return 2
        if self.kinds[i] == _VERB and lemma in self.lang.light:
            return 1
        return 0


def _classify_words(text: str, words: Sequence[Token], lang: Language, vocab: Words) -> bool:
    """Whether ``words`` hold a verb of their own (for clause splitting)."""
    return _Clause(text, (0, 0), list(words), first=False, lang=lang, vocab=vocab,
                   until_finite=True).has_verb()


# --- the event word -------------------------------------------------------------------------


def _event_word(clause: _Clause, lo: int, hi: int, taken: set[int]) -> tuple[int, int] | None:
    """The event word the expression on words ``lo..hi`` dates, and how far off it is;
    ``taken`` holds the time words (never an event word)."""
    words, n = clause.words, len(clause.words)

    def usable(i: int) -> bool:
        return i not in taken and clause.is_event(i) and (
            clause.relative[i] == clause.relative[lo] if lo < n else not clause.relative[i])

    # A noun the expression modifies: "Monday's vote", "Russia's 2022 invasion"; a noun
    # that names no happening leaves it dating nothing ("a 20th century building").
    if hi + 1 < n and usable(hi + 1) and clause.kinds[hi + 1] == _NOUN:
        return hi + 1, 0
    if _modifies_noun(clause, lo, hi):
        return None
    if words[hi].possessive:
        # "this year's Worldwide Developers Conference": the time of what it owns.
        for steps, i in enumerate(range(hi + 1, min(n, hi + 1 + NOUN_REACH))):
            gap = clause.text[words[i - 1].end:words[i].start].strip(" '\u2019")
            if gap or clause.kinds[i] in (_VERB, _AUX, _COPULA):
                break
            if i not in taken and clause.vocab.is_event_noun(words[i].folded):
                return i, steps
        return None
    # The verb it follows ("voted on Monday", "will meet in March") or a noun it
    # qualifies ("the vote on Monday").
    best: tuple[int, int] | None = None
    for steps, i in enumerate(range(lo - 1, max(-1, lo - 1 - NEAR), -1)):
        if best is not None and clause.text[words[i].end:words[i + 1].start].strip():
            break  # a light verb nearer than the punctuation governs ("coming on the day")
        if not usable(i):
            continue
        if clause.kinds[i] == _NOUN:
            if steps > NOUN_REACH:
                continue
            verb = _governing_verb(clause, i)
            if verb is not None:
                return verb, steps + i - verb  # "sign the deal next month": the signing
            return i, steps
        rank = clause.rank(i)
        if rank == 2 and all(clause.adverb(k) for k in range(i + 1, lo)):
            return i, steps  # "said on Monday": the saying is dated
        if rank == 0:
            return i, steps
        if best is None or rank < clause.rank(best[0]):
            best = (i, steps)
    # The verb after it ("On Monday the assembly adopted", "last week falsely
    # suggested"): the first, a light one only without another; a noun only without one.
    # A participle or an infinitive on the way ("On Monday, the text proposed by Ukraine,
    # backing its claims, was adopted") only when no finite verb follows.
    noun: tuple[int, int] | None = None
    nonfinite: tuple[int, int] | None = None
    end = min(n, hi + 1 + AFTER)
    for steps, i in enumerate(range(hi + 1, end)):
        if not usable(i):
            continue
        rank = clause.rank(i)
        if clause.kinds[i] == _NOUN:
            if noun is None:
                noun = (i, steps)
            continue
        if rank == 1:
            if best is None or rank < clause.rank(best[0]):
                best = (i, steps)
            continue
        if clause.in_finite_group(i) and not _reduced_relative(clause, i, end):
            return i, steps
        if nonfinite is None:
            nonfinite = (i, steps)
    return nonfinite or noun or best


def _negated(clause: _Clause, event: int) -> bool:
    """Whether the verb group of ``event`` denies it ("did not vote", "won't meet")."""
    if clause.kinds[event] != _VERB:
        return False
    negations = clause.lang.negations
    return any(w.folded in negations or w.folded.endswith("n't")
               for w in clause.words[_group_start(clause, event):event])


def _reduced_relative(clause: _Clause, i: int, end: int) -> bool:
    """Whether the participle ``i`` describes the noun before it, with the clause's own
    verb group still to come: "its resolution tabled in opposition ..., was passed"."""
    words, lang = clause.words, clause.lang
    if i == 0 or i + 1 >= len(words) or not clause.vocab.is_participle(words[i].text):
        return False
    before, after = words[i - 1], words[i + 1]
    if (before.folded in lang.stop or clause.kinds[i - 1] is not None or before.possessive
            or after.folded not in lang.prepositions):
        return False
    return any(words[k].folded in lang.be or words[k].folded in lang.have
               for k in range(i + 2, end) if clause.kinds[k] in (_AUX, _COPULA))


def _modifies_noun(clause: _Clause, lo: int, hi: int) -> bool:
    """Whether the expression on words ``lo..hi`` stands between a determiner and a noun,
    as an adjective does ("a 20th century building", "the 2000 Olympics")."""
    words, text = clause.words, clause.text
    if lo == 0 or hi + 1 >= len(words):
        return False
    before, after = words[lo - 1], words[hi + 1]
    joined = not text[before.end:words[lo].start].strip() and not text[
        words[hi].end:after.start].strip()
    return (joined and (before.folded in clause.lang.determiners or before.possessive)
            and clause.kinds[hi + 1] is None and after.folded not in clause.lang.stop
            and not words[hi].possessive)


def _governing_verb(clause: _Clause, noun: int) -> int | None:
    """The content verb whose object the noun ``noun`` is ("sign the deal"), or None; a
    light verb leaves the event to its noun ("held talks")."""
    i = noun - 1
    for _ in range(NOUN_REACH + 1):
        if i < 0 or clause.text[clause.words[i].end:clause.words[i + 1].start].strip():
            return None
        if clause.kinds[i] in (_VERB, _AUX, _COPULA):
            return i if clause.kinds[i] == _VERB and clause.rank(i) == 0 else None
        if clause.words[i].folded in clause.lang.prepositions:
            return None
        i -= 1
    return None


def _lead_event(clause: _Clause) -> int | None:
    """The main event of a lead clause: its first content verb, else the best word."""
    best: int | None = None
    for i in range(len(clause.words)):
        if not clause.is_event(i) or clause.relative[i]:
            continue
        if clause.kinds[i] == _VERB and clause.rank(i) == 0:
            return i
        if best is None or (clause.kinds[best] == _NOUN and clause.kinds[i] == _VERB) or (
                clause.kinds[i] == clause.kinds[best] and clause.rank(i) < clause.rank(best)):
            best = i
    return best


# --- status ---------------------------------------------------------------------------------


def _ends_phrase(words: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> str | None:
    """The first of ``phrases`` found anywhere in ``words``."""
    present = frozenset(words)
    for phrase in phrases:
        if not present.issuperset(phrase):
            continue  # most phrases: a word of it is missing
        n = len(phrase)
        for k in range(len(words) - n + 1):
            if tuple(words[k:k + n]) == phrase:
                return " ".join(phrase)
    return None


def _status(text: str, clause: _Clause, event: int, sentence: Sequence[Token],
            mention: Mention | None, today: Interval) -> Status:
    """The status of the event word ``event``: expected, scheduled, occurred or reported."""
    lang = clause.lang
    start = max(0, _group_start(clause, event) - LEAD_IN, event - GROUP)
    group = [w.folded for w in clause.words[start:event]]
    if clause.kinds[event] != _VERB:  # an event noun
        # A noun's status is its clause's verb's: "the ceasefire might hold".
        group += [w.folded for w in clause.words[event + 1:event + 1 + GROUP]]
    if _ends_phrase(group, lang.expected) is not None:
        return Status.EXPECTED
    interval = mention.value.interval if mention is not None else None
    after = interval is not None and _later(today.end, interval.start)
    before = interval is not None and _later(interval.end, today.start)
    if (mention is not None and interval is not None and _bound_by(mention)
            and _later(today.end, interval.end)):
        return Status.EXPECTED  # "by 2030": a deadline hoped for
    if any(w in lang.scheduled for w in group) and not before:
        return Status.SCHEDULED
    word = clause.words[event]
    reading = _cues().read(text, word.end, word.end)
    if reading.tense is Tense.FUTURE and not before:
        return Status.SCHEDULED
    if reading.tense is Tense.PAST and after:
        return Status.SCHEDULED  # a past verb that reports a plan: "said he would..."
    if reading.tense not in (Tense.PAST, Tense.FUTURE) and after:
        return Status.SCHEDULED  # the present of a timetable: "the court rules on Friday"
    if _attributed(clause, event):
        return Status.REPORTED
    return Status.OCCURRED


def _later(first: datetime | None, second: datetime | None) -> bool:
    """Whether ``first`` is surely on or before ``second`` (an open end is neither)."""
    return first is not None and second is not None and is_on_or_before(first, second) is True


def _bound_by(mention: Mention) -> bool:
    """Whether the expression is a deadline: "by 2030", "by the end of this year"."""
    return mention.text.lower().startswith("by ")


def _attributed(clause: _Clause, event: int) -> bool:
    """Whether the clause tells the event on someone's word: a verb of saying other than
    the event word ("officials said"), or an attribution ("according to", "reportedly")."""
    lang, vocab = clause.lang, clause.vocab
    if clause.rank(event) == 2:
        return False  # the saying itself is seen
    if clause.sources is None:  # read once a clause
        clause.sources = [i for i, word in enumerate(clause.words)
                          if clause.kinds[i] == _VERB and vocab.lemma(word.folded) in lang.saying]
        if _ends_phrase([w.folded for w in clause.words], lang.attribution) is not None:
            clause.sources.append(-1)
    # A verb of saying before the event governs it ("diplomats said the council
    # adopted"); one after it only as the clause's last verb ("..., officials said"),
    # not one that has a clause of its own ("signalled ..., saying talks were held").
    return any(i < event or (i > event and clause.last_verb == i) for i in clause.sources)


# --- title ----------------------------------------------------------------------------------


def _title(clause: _Clause, event: int, actors: Sequence[ActorMention],
           taken: set[int]) -> str:
    """A title from the clause's own words: who, the event word in the present, what."""
    lang, vocab, words = clause.lang, clause.vocab, clause.words
    word = words[event]
    noun = clause.kinds[event] != _VERB
    group = event if noun else _group_start(clause, event)
    # Who: the words before the verb group (a noun's modifiers: "Russia's invasion"),
    # named by an actor that is their head ("Prime Minister Keir Starmer", not the
    # "Europe" of "European leaders"); a verb without such words takes the nearest actor
    # before it ("he" is no name).
    found = _subject(clause, group, taken, over_phrase=not noun)
    if found:
        lo, hi = words[found[0]].start, words[found[-1]].end
        head = words[found[-1]].start
    else:
        lo, hi, head = clause.span[0], word.start, clause.span[0]
    actor = None
    for mention in actors:
        if (lo <= mention.span[0] and mention.span[1] <= hi and mention.span[1] > head
                and (actor is None or mention.span[0] > actor.span[0])):
            actor = mention
    if noun and not found:
        actor = None  # "the war": no possessor to name
    subject = [actor.actor.display] if actor is not None else [words[i].text for i in found]
    if noun:  # "<actor> <noun>" ("President Macron visit"), else the noun and its modifiers
        parts = [*subject, word.text, *_object(clause, event, taken, of_only=True)]
    else:
        before = clause.previous(event)
        # A passive ("was adopted"), or a participle describing a noun ("an agreement
        # reached between them", "the suit, filed in 2003") keeps its form.
        passive = vocab.is_participle(word.text) and (
            (before is not None and words[before].folded in lang.be)
            or (event + 1 < len(words) and words[event + 1].folded == "by")
            or (event > 0 and "," in clause.text[words[event - 1].end:word.start]
                and _verb_after_aside(clause, event)))
        lemma = vocab.lemma(word.folded)
        # A plural subject takes a plural verb; a capital opening the sentence says nothing
        # of a name ("Members voted" -> "Members vote").
        opening = words[0].text
        opens_plural = (clause.first and found == [0] and _plural(opening.lower())
                        and not _named_inside(clause.text, opening)
                        and (actor is None or actor.actor.kind is ActorKind.OTHER))
        plural = bool(subject) and ((actor is None and _plural(subject[-1])) or opens_plural)
        # A gerund whose subject is an actor tells the happening as a clause does
        # ("despite Lavrov stating last week ..." -> "Lavrov states"; not a noun's
        # modifiers: "composite trading").
        gerund = actor is not None and vocab.is_gerund(word.text) and not (
            before is not None and words[before].folded in lang.be)
        # So does an infinitive whose subject is an actor ("prompting Apple Corps to file
        # suit" -> "Apple Corps files suit"; not "Apple Corps file suit"), or one that
        # continues a finite verb ("is planning to sell" -> "sells", not "sell").
        infinitive = (actor is not None and bool(found) and event > 1
                      and words[event - 1].folded == "to"
                      and (found[-1] == event - 2 or clause.in_finite_group(event - 2)))
        if passive or not vocab.known(lemma) or not (clause.in_finite_group(event)
                                                     or gerund or infinitive):
            verb = [word.text]  # "resolution adopted", "Jobs, born in San Francisco"
        else:
            verb = [lemma if plural else vocab.third_person(lemma)]
            keep = _kept(clause, group, event)
            if keep is not None:
                verb = [vocab.lemma(words[keep].folded) if plural else vocab.third_person(
                    vocab.lemma(words[keep].folded)), "to", lemma]
        parts = subject + verb + _object(clause, event, taken, of_only=False)
    title = " ".join(parts[:TITLE_WORDS])
    if any(c.isupper() for c in title[1:title.find(" ") if " " in title else None]):
        return title  # "iPhone", "eBay": a name written so
    return title[:1].upper() + title[1:]


def _verb_after_aside(clause: _Clause, event: int) -> bool:
    """Whether a finite verb follows a comma after ``event``: the clause's own verb, past
    an aside ("the suit, filed in 2003, claims")."""
    comma = False
    for k in range(event + 1, len(clause.words)):
        comma = comma or "," in clause.text[clause.words[k - 1].end:clause.words[k].start]
        if comma and clause.finite[k] and clause.kinds[k] in (_VERB, _AUX, _COPULA):
            return True
    return False


def _named_inside(text: str, word: str) -> bool:
    """Whether ``word`` stands capitalised inside a sentence somewhere in ``text`` (after a
    word, not a full stop): a name ("Steve Jobs ... Jobs resigned"), not a plural noun
    that opens sentences ("Members voted")."""
    at = text.find(word)
    while at >= 0:
        before = text[max(0, at - 40):at].rstrip(" \t")  # a line break ends a sentence
        if before and (before[-1].isalnum() or before[-1] == ",") and before != text[
                max(0, at - 40):at] and text[at + len(word):at + len(word) + 1] in (
                "", " ", ",", ".", "'", "\u2019"):
            return True
        at = text.find(word, at + len(word))
    return False


def _plural(word: str) -> bool:
    """A plural common noun ("leaders", "tensions"), which takes a plural verb; not a
    capitalised word, which may be a name ("Jobs")."""
    return (word[:1].islower() and word.endswith("s")
            and not word.endswith(("ss", "'s", "\u2019s")))


def _group_start(clause: _Clause, event: int) -> int:
    """Where the verb group of ``event`` starts ("has also been", "is set to")."""
    lang = clause.lang
    i = event
    while i > max(0, event - GROUP):
        prev = clause.words[i - 1].folded
        if (clause.kinds[i - 1] in (_AUX, _COPULA) or clause.adverb(i - 1) or prev == "to"
                or (prev in lang.have | lang.be)):
            i -= 1
            continue
        if (i >= 2 and clause.words[i - 1].folded == "to" and clause.kinds[i - 2] == _VERB):
            i -= 1
            continue
        if clause.kinds[i - 1] == _VERB and i < event and clause.words[i].folded == "to":
            i -= 1  # "plans to", "is set to"
            continue
        break
    return i


def _kept(clause: _Clause, group: int, event: int) -> int | None:
    """A verb before "to <event>" that changes what the event means ("refused to
    accept", "failed to agree"), kept in the title."""
    for i in range(event - 2, group - 1, -1):
        if clause.words[i + 1].folded == "to" and clause.lemma(i) in clause.lang.keeps:
            return i
    return None


def _subject(clause: _Clause, group: int, taken: set[int], *,
             over_phrase: bool = True) -> list[int]:
    """The words just before the verb group: a name or a noun with its modifiers, past a
    time ("Trump last week suggested"), an aside between commas ("The United States,
    along with Russia, voted") and (``over_phrase``) a phrase after the noun ("the
    conflict in eastern Ukraine can end": "conflict")."""
    lang, words, text = clause.lang, clause.words, clause.text

    def gap(k: int) -> str:  # the characters between word k and the next
        return text[words[k].end:words[k + 1].start].strip() if k + 1 < len(words) else ""

    i = group - 1
    while i >= 0 and i in taken and not gap(i):
        i -= 1
    if i >= 0 and gap(i) == ",":
        for k in range(i - 1, max(-1, i - 1 - ASIDE), -1):
            if gap(k) == ",":
                i = k
                break
    out: list[int] = []
    while i >= 0 and len(out) < SUBJECT_WORDS:
        word = words[i]
        if (over_phrase and out and word.folded in lang.attached and i > 0
                and not gap(i - 1) and clause.kinds[i - 1] is None
                and words[i - 1].folded not in lang.stop):
            over_phrase = False  # once: the noun the phrase follows
            out = []
            i -= 1
            continue
        if (over_phrase and out and word.folded in lang.determiners and i > 1
                and words[i - 1].folded in lang.attached and not gap(i - 2)
                and clause.kinds[i - 2] is None and words[i - 2].folded not in lang.stop):
            over_phrase = False  # "rights on the stock": the noun before the phrase
            out = []
            i -= 2
            continue
        if (i in taken or (out and gap(i)) or word.folded in lang.prepositions
                or clause.kinds[i] in (_VERB, _AUX, _COPULA)
                or word.folded in lang.determiners or word.folded in lang.stop):
            break
        out.append(i)
        i -= 1
    return out[::-1]


def _object(clause: _Clause, event: int, taken: set[int], *, of_only: bool) -> list[str]:
    """The noun phrase after the event word, up to a preposition, punctuation, a time
    expression or a verb; a preposition right after a verb opens it ("voted against")."""
    lang, words = clause.lang, clause.words
    out: list[str] = []
    i = event + 1
    opened = False
    if i < len(words) and words[i].folded == "that" and clause.kinds[event] == _VERB:
        return []  # "suggested that ...": a clause, no object
    while i < len(words) and len(out) < OBJECT_WORDS:
        word = words[i]
        gap = clause.text[words[i - 1].end:word.start]
        if i in taken or gap.strip() or clause.kinds[i] in (_VERB, _AUX, _COPULA):
            break
        folded = word.folded
        if folded in lang.prepositions:
            first = i == event + 1 and (folded == "of" or not of_only)
            if not first or i + 1 >= len(words) or (i + 1) in taken:
                break
            out.append(word.text)
            opened = True
            i += 1
            continue
        if folded in lang.stop and folded not in lang.determiners:
            break
        if folded in lang.determiners and (not out or (opened and out[-1] in lang.prepositions)):
            i += 1
            continue
        out.append(word.text)
        i += 1
    while out and out[-1].lower() in lang.prepositions:
        out.pop()
    if of_only and out and out[0].lower() != "of":
        return []
    return out


# --- claims ---------------------------------------------------------------------------------


def _claim(article: Article, quote: str, at: Span, status: Status,
           mention: Mention | None, day: date) -> tuple[Claim, float]:
    """The model's claim for the statement at ``at``, resolving ``when`` as the tagger did
    in context, and how sure that is (lower when the claim had to read it differently);
    ``day`` dates a statement with no expression (the article's news day)."""
    if mention is None:
        return Claim.build(article, quote, event="draft", status=status, date=day,
                           at=at), 1.0
    wanted = mention.value.interval
    default = "future" if status.pending else "past"
    told = mention.context.tense.value if (
        mention.context is not None and mention.context.tense is not None) else None
    first: Claim | None = None
    for tense in dict.fromkeys((default, told, "past", "future", "present")):
        if tense is None:
            continue
        value = _resolved(article, mention.text, tense)
        if value is None:
            continue  # no reading in this tense: ``Claim.build`` would refuse it
        try:
            claim = Claim.build(article, quote, event="draft", status=status,
                                when=mention.text, tense=None if tense == default else tense,
                                at=at, value=value)
        except TimelineError:
            continue
        if claim.value is not None and claim.value.interval == wanted:
            return claim, 1.0
        first = first or claim
    value = mention.value
    if value.granularity is Granularity.DAY and value.mod is None and wanted is not None \
            and wanted.start is not None:
        day = date(wanted.start.year, wanted.start.month, wanted.start.day)
        try:
            claim = Claim.build(article, quote, event="draft", status=status, date=day,
                                at=at,
                                note=f"{mention.text!r} read in context as {value.value}")
        except TimelineError:
            pass
        else:
            if claim.value is not None and claim.value.interval == wanted:
                return claim, 1.0
    if first is None:
        raise _Unclaimable
    return first, MISREAD_CONFIDENCE


def _resolved(article: Article, when: str, tense: str) -> TimeValue | None:
    """``when`` resolved against the article's publication in ``tense``, as ``Claim.build``
    resolves it, or ``None`` when it reads as no time (``_resolved_at``)."""
    anchor = article.published
    return _resolved_at(when, tense, anchor, type(anchor).__name__, anchor.isoformat(),
                        getattr(anchor, "tzinfo", None))


@lru_cache(maxsize=1 << 12)
def _resolved_at(when: str, tense: str, anchor: date | datetime, kind: str, written: str,
                 zone: tzinfo | None) -> TimeValue | None:
    """``resolve(when, anchor, tense=tense)``, or ``None``; cached by everything the
    resolution reads: an article's statements share its expressions, each is tried in
    several tenses, and the articles of one day share theirs ("on Monday", "last week").
    ``kind``, ``written`` and ``zone`` keep apart anchors that compare equal and still
    differ: a date and a datetime, one instant in two zones."""
    try:
        return resolve(when, anchor, tense=tense)
    except TimelineError:
        return None


class _Unclaimable(Exception):
    """The statement's expression reads as no time on its own: no claim can hold it."""


# --- the article ----------------------------------------------------------------------------


def _dates(mention: Mention) -> bool:
    """Whether a mention can date an event: a date or time with an interval."""
    value = mention.value
    return value.type in (TimexType.DATE, TimexType.TIME) and value.interval is not None


def _dateline(text: str, mention: Mention) -> bool:
    """Whether a mention is a dateline, not a statement's time: a full date with its year
    at the start of a line (after one word at most: "date 2025-02-24 As tensions...",
    "February 25, 2025 at 11:38"), not followed by a comma ("On Feb. 24, 2025, the
    council voted" is a statement's)."""
    granularity = mention.value.granularity
    if granularity is None or granularity > Granularity.DAY:
        return False
    if _words_before(text, mention.start, 2) > 1 or _YEAR.search(mention.text) is None:
        return False
    return text[mention.end:mention.end + 1] != ","


def _words_before(text: str, at: int, most: int) -> int:
    """How many words (``most`` at most) stand between the start of the line and ``at``:
    read backwards, so a long line costs nothing ("\n" ends a line; a word is a run of
    non-blanks, as ``str.split`` cuts them)."""
    count, i = 0, at
    while count < most:
        while i > 0 and text[i - 1].isspace() and text[i - 1] != "\n":
            i -= 1
        if i == 0 or text[i - 1] == "\n":
            return count
        count += 1
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    return count


def _generic(mention: Mention) -> bool:
    """"now", "recently", "in the past": a time that dates nothing in particular."""
    return mention.value.value.endswith("_REF")


#: The dashes that end a wire dateline ("WASHINGTON, Feb. 24, 2025 (Reuters) - ...").
_DATELINE_DASHES = (" - ", " -- ", " \u2013 ", " \u2014 ")
#: How far into a sentence a dateline's dash may stand (characters).
_DATELINE_REACH = 100


def _story_start(text: str, span: Span) -> Span:
    """The sentence without the wire dateline it opens with, if any.

    A wire story's first sentence opens with where and when it was filed and by whom,
    then a dash: "UNITED NATIONS, Feb. 24, 2025 (Reuters) - The U.N. General Assembly on
    Monday backed ...". That prefix is no part of any statement (its place is no actor,
    its date no event's time), so the sentence starts after the dash. A prefix is a
    dateline when it has no lower-case word but a month's abbreviation and either opens
    with a word in capitals (the place) or holds a credit in parentheses.
    """
    start, end = span
    head = text[start:min(end, start + _DATELINE_REACH)]
    cuts = [(at, dash) for dash in _DATELINE_DASHES if (at := head.find(dash)) > 0]
    if not cuts:
        return span
    cut = min(cuts)
    prefix = head[:cut[0]]
    words = prefix.replace(",", " ").split()
    if not words or any(w[:1].islower() for w in words):
        return span
    credit = "(" in prefix and prefix.rstrip().endswith(")")
    # Without a credit: a place in capitals and a date ("KYIV, Feb. 24 -"), nothing else
    # ("US President Trump - who ..." is a sentence).
    place = (words[0].strip(".").isupper() and len(words[0].strip(".")) > 1
             and all(_dateline_word(w) for w in words))
    if not (credit or place):
        return span
    story = start + cut[0] + len(cut[1])
    return (story, end) if story < end else span


def _dateline_word(word: str) -> bool:
    """A word a dateline's place and date are written with: capitals, digits, a month."""
    bare = word.strip(".,")
    return bare.isupper() or bare.isdigit() or load_lexicon().has("month", bare)


def _lead(text: str, spans: Sequence[Span], vocab: Words, lang: Language) -> Span | None:
    """The lead sentence: the first that reads as a sentence of the body (ends with a
    full stop, "!" or "?", has a verb and a few words); headlines, bylines and datelines
    before it are not."""
    for sentence in spans:
        body = text[sentence[0]:sentence[1]].rstrip("\"'\u201d\u2019)")
        if not body.endswith((".", "!", "?")):
            continue
        words = tokens(text, *sentence)
        if len(words) >= 6 and _classify_words(text, words, lang, vocab):
            return sentence
    return None


def _today(article: Article) -> Interval:
    """The publication day, in the frame the tagger reads the article's times in."""
    day = default_scanner().context(article.published).day
    return Interval(*granule(Granularity.DAY, day))


def news_day(article: Article, mentions: Iterable[Mention]) -> date:
    """The day an article's news happened: what dates a lead with no time of its own.

    News is published the day it happens or the next morning; an article of the next
    morning names its news day in the body ("the council voted on Monday") and leaves it
    out of the lead ("The council voted to ..."). So the news day is the publication day,
    unless the article's own day-dated statements name the day before and none names the
    publication day (``mentions``: the expressions that date statements).
    """
    published = article.published
    today = date(published.year, published.month, published.day)
    yesterday = today - timedelta(days=1)
    named: set[date] = set()
    for mention in mentions:
        value = mention.value
        interval = value.interval
        if (value.granularity is None or value.granularity > Granularity.DAY
                or interval is None or interval.start is None or _generic(mention)):
            continue
        named.add(date(interval.start.year, interval.start.month, interval.start.day))
    return yesterday if yesterday in named and today not in named else today


class _Reading:
    """One article being read: what every statement of it shares."""

    def __init__(self, article: Article, actors: Sequence[ActorMention],
                 news: date, mentions: Sequence[Mention] = (), *,
                 undated: bool = False, referents: Sequence[ActorMention] = ()) -> None:
        self.article, self.text = article, article.text
        self.mentions = mentions
        self.today = _today(article)
        #: What dates a lead with no time of its own (``news_day``).
        self.news = news
        #: Whether clauses no time dates are read too (``extract``).
        self.undated = undated
        #: What an undated statement's time may be: the past before publication.
        self.past = TimeValue.reference("PAST_REF", self.today) if undated else None
        self.actors = sorted(actors, key=lambda a: a.span)
        #: Words that refer back to an actor, for titles (``extract``).
        self.referents = sorted(referents, key=lambda a: a.span)

    def subjects_in(self, span: Span, inside: tuple[ActorMention, ...]
                    ) -> tuple[ActorMention, ...]:
        """The actors a title may name in ``span``: ``inside`` and the referring words
        there, in order of span."""
        if not self.referents:
            return inside
        first = bisect.bisect_left(self.referents, span[0], key=lambda a: a.span[0])
        last = bisect.bisect_left(self.referents, span[1], key=lambda a: a.span[0])
        extra = [a for a in self.referents[first:last] if a.span[1] <= span[1]]
        return tuple(sorted({*inside, *extra}, key=lambda a: a.span)) if extra else inside

    def actors_in(self, span: Span) -> tuple[ActorMention, ...]:
        first = bisect.bisect_left(self.actors, span[0], key=lambda a: a.span[0])
        last = bisect.bisect_left(self.actors, span[1], key=lambda a: a.span[0])
        return tuple(a for a in self.actors[first:last] if a.span[1] <= span[1])


def extract(article: Article, *, actors: Sequence[ActorMention] = (),
            mentions: Sequence[Mention] | None = None,
            every_event: bool = False, undated: bool = False,
            referents: Sequence[ActorMention] = ()) -> list[Candidate]:
    """Every dated statement of ``article`` as a candidate claim, in ``sort_key`` order.

    ``mentions`` are the article's time expressions (``timeline.tag(article.text,
    article.published)`` when not given); ``actors`` every actor mention found in it
    (``timeline.draft.actors.find_actors``): those inside a quote are the candidate's
    actors, the one nearest before the event word is its title's subject. ``referents``
    are words that refer back to an actor (``actors.coreferent``: "he" for "President
    Trump"): not the candidate's actors, but a pronoun subject's title names its actor
    ("he said in the Oval Office" -> "President Trump says in Oval Office").

    ``every_event`` also reads the events no time expression dates, one candidate per
    event word of every clause (``_undated_candidates``), as an entity timeline wants
    them: off by default, since a reader's draft would drown in undated statements.
    ``undated`` (for a reader's draft) reads a past-tense clause with no time of its own
    as a further report (``Candidate.undated``) that may join the dated event it tells
    of; ``every_event`` reads such clauses its own way and leaves it off.
    """
    text = article.text
    if mentions is None:
        mentions = default_scanner().scan(text, article.published)
    lang, vocab = language(), english()
    dating = sorted((m for m in mentions if _dates(m) and not _dateline(text, m)),
                    key=lambda m: m.start)
    spans = [_story_start(text, span) for span in sentences(text)]
    lead = _lead(text, spans, vocab, lang)
    undated = undated and not every_event  # every_event reads every clause its own way
    # A reader's draft dates a lead by its news day; every_event dates what has no time of
    # its own by the publication day, and a simple past by the news day it has told.
    published = article.published
    news = (date(published.year, published.month, published.day) if every_event
            else news_day(article, dating))
    reading = _Reading(article, actors, news, dating, undated=undated, referents=referents)
    told: date | None = None  # every_event: the day the article's news happened
    out: list[Candidate] = []
    cursor = 0
    for span in spans:
        while cursor < len(dating) and dating[cursor].start < span[0]:
            cursor += 1
        inside = []
        while cursor < len(dating) and dating[cursor].start < span[1]:
            inside.append(dating[cursor])
            cursor += 1
        if not inside and span != lead and not (every_event or undated):
            continue
        sentence_words = tokens(text, *span)
        parts = clauses(text, span, sentence_words,
                        has_verb=lambda ws: _classify_words(text, ws, lang, vocab),
                        coordinators=lang.coordinators, subordinators=lang.subordinators)
        dated = any(not _generic(m) for m in inside)
        at = 0  # the next of the sentence's mentions, clause by clause
        for index, (clause_span, words) in enumerate(parts):
            own = []
            while at < len(inside) and inside[at].start < clause_span[1]:
                if inside[at].start >= clause_span[0]:
                    own.append(inside[at])
                at += 1
            if not words:
                continue
            clause = _Clause(text, clause_span, words, first=index == 0, lang=lang,
                             vocab=vocab)
            if every_event:
                every = _clause_candidates(reading, clause, own, sentence_words, span)
                told = _news_day(reading, every) or told
                every += _undated_candidates(reading, clause, every, sentence_words, span,
                                             told)
                out.extend(_with_participants(reading, clause, c, span) for c in every)
                continue
            if span == lead and not dated:
                # News leads report the publication day's events: the first clause with
                # an event word stands for the sentence.
                found = _lead_candidate(reading, clause, sentence_words)
                if found is not None:
                    out.append(found)
                    break
                continue
            if own:
                out.extend(_clause_candidates(reading, clause, own, sentence_words, span))
            elif undated and span != lead:
                found = _undated_candidate(reading, clause, sentence_words)
                if found is not None:
                    out.append(found)
    return sorted(out, key=lambda c: c.sort_key)


def _covered(words: Sequence[Token], starts: Sequence[int], mention: Mention) -> list[int]:
    """The words a mention overlaps (``starts``: the words' starts)."""
    i = max(0, bisect.bisect_right(starts, mention.start) - 1)
    out = []
    while i < len(words) and words[i].start < mention.end:
        if mention.start < words[i].end:
            out.append(i)
        i += 1
    return out


def _clause_candidates(reading: _Reading, clause: _Clause, own: list[Mention],
                       sentence: list[Token], sentence_span: Span) -> list[Candidate]:
    """The candidates of one clause: one per event word its expressions date."""
    # Only generic times ("now"): the first dates the clause; else none does.
    specific = [m for m in own if not _generic(m)]
    own = specific or own[:1]
    words = clause.words
    starts = [w.start for w in words]
    taken: set[int] = set()
    places: list[tuple[Mention, list[int]]] = []
    for mention in own:
        covered = _covered(words, starts, mention)
        if covered:
            taken.update(covered)
            places.append((mention, covered))
    # Of the times that date one event word, the finest, then the nearest: "Yesterday,
    # at this year's conference, Jobs unveiled" is yesterday's unveiling.
    chosen: dict[int, tuple[tuple[int, int], Mention]] = {}
    for mention, covered in places:
        found = _event_word(clause, covered[0], covered[-1], taken)
        if found is None:
            continue
        event, distance = found
        granularity = mention.value.granularity
        key = (granularity.rank if granularity is not None else len(Granularity), distance)
        if event not in chosen or key < chosen[event][0]:
            chosen[event] = (key, mention)
    out = []
    for event, (_, mention) in chosen.items():
        candidate = _candidate(reading, clause, event, mention, sentence, sentence_span,
                               taken)
        if candidate is not None:
            out.append(candidate)
    if reading.undated:
        # The clause's main verb, when its times date another word ("the US voted
        # against the text, ... since the war began in 2022"), is told undated.
        told = _undated_candidate(reading, clause, sentence, chosen)
        if told is not None:
            out.append(told)
    return out


#: How many days before its publication a news report's own day may lie ("yesterday",
#: "on Monday", "last Thursday"): a week.
NEWS_DAYS = 7


def _news_day(reading: _Reading, dated: Sequence[Candidate]) -> date | None:
    """The day a clause's time puts a past event on when that day is the report's own
    news day: a day in the week before publication (not the publication day itself)."""
    today = reading.today.start
    for candidate in dated:
        interval = candidate.value.interval
        if (candidate.status is not Status.OCCURRED and candidate.status is not
                Status.REPORTED) or interval is None or today is None:
            continue
        if candidate.value.granularity is not Granularity.DAY or interval.start is None:
            continue
        days = (today.date() - interval.start.date()).days
        if 0 < days <= NEWS_DAYS:
            return interval.start.date()
    return None


def _undated_candidates(reading: _Reading, clause: _Clause, dated: Sequence[Candidate],
                        sentence: list[Token], sentence_span: Span,
                        news: date | None = None) -> list[Candidate]:
    """The clause's other event words, each a candidate dated as the TimeLine guidelines
    (Minard et al. 2015) anchor an event with no time expression of its own.

    - An event word coordinated with one the clause's time expression dates shares
      that time: "In 1998 Apple introduced and shipped the iMac" dates both (not "claims
      that it violates an agreement reached in 1991": ``_coordinated``).
    - Otherwise an event that has happened (a past or present verb group, an event
      noun of such a clause) is dated by the article's publication day, the news
      convention the task's gold follows: a report tells what happened by the day it
      was written.
    - But a simple past once the article has told its news day (``news``: "Jobs said
      yesterday", a day of the week before publication): the report's story goes on
      on that day, as news narrates it, until another time is given: "Jobs also said"
      is yesterday's saying too.
    - A scheduled or expected event (a future or a modal verb group) with no time of its
      own is left out: the guidelines leave it unplaced, and a date would be a guess.

    A light verb ("have", "take", "give") is not an event of its own (its noun is:
    "gave his keynote"), and an event noun is one only when an actor owns it ("its
    launch", "Apple's keynote": the possessor takes part in it); a noun with no owner
    and no time of its own names what its clause's verb tells ("filed a suit") or a
    state ("the growth"). Negated events are not events at all (``_candidate`` drops
    them).
    """
    chosen = {c.event_span for c in dated}
    shared = None
    if dated:
        first = min(dated, key=lambda c: c.event_span)
        shared = next((m for m in _clause_mentions(reading, first)), None)
        at = _index(clause, first.event_span)
    out = []
    for i, word in enumerate(clause.words):
        if (word.start, word.end) in chosen or not clause.is_event(i):
            continue
        if clause.kinds[i] == _NOUN and not _possessed(reading, clause, i):
            continue
        if clause.kinds[i] == _VERB and clause.rank(i) == 1:
            continue  # "gave his keynote": a light verb leaves the event to its noun
        mention = shared if shared is not None and _coordinated(clause, at, i) else None
        found = _candidate(reading, clause, i, mention, sentence, sentence_span, set())
        if found is None or (mention is None and found.status.pending):
            continue
        if mention is None and news is not None and _simple_past(clause, i):
            found = _on_day(reading, found, news)
        out.append(attrs.evolve(found, confidence=found.confidence * LEAD_CONFIDENCE))
    return out


def _simple_past(clause: _Clause, event: int) -> bool:
    """Whether the event word is a verb in the simple past ("said", "was fired"), not a
    perfect ("has built") or a present."""
    if clause.kinds[event] != _VERB:
        return False
    word = clause.words[event]
    group = clause.words[_group_start(clause, event):event]
    if any(w.folded in clause.lang.have for w in group):
        return False
    return _cues().read(clause.text, word.end, word.end).tense is Tense.PAST


def _on_day(reading: _Reading, candidate: Candidate, day: date) -> Candidate:
    """The candidate dated ``day`` instead of the publication day."""
    claim = Claim.build(reading.article, candidate.quote, event="draft",
                        status=candidate.status, date=day, at=candidate.quote_span)
    value = TimeValue.of_granule(Granularity.DAY, datetime(day.year, day.month, day.day))
    return attrs.evolve(candidate, claim=claim, value=value)


#: Quotation marks: what follows one is someone's words, not the event's object.
_QUOTES = ('"', "\u201c", "\u201d")


#: Degree words inside a noun phrase: "the most advanced operating system".
_DEGREE = frozenset(("most", "more", "very", "less", "least"))

#: How many modifiers may stand between an event noun and its possessor.
MODIFIERS = 3


def _possessed(reading: _Reading, clause: _Clause, noun: int) -> bool:
    """Whether an actor owns the event noun ``noun``: "its launch", "Apple's keynote"
    (a possessive name, or a possessive determiner that refers to an actor)."""
    # Over the noun's modifiers: "its decades-long trademark dispute", "his annual keynote".
    j = noun - 1
    while (j >= 0 and noun - j <= MODIFIERS and clause.kinds[j] is None
           and not clause.words[j].possessive
           and clause.words[j].folded.replace("-", "").isalpha()
           and clause.words[j].folded not in clause.lang.stop
           and clause.words[j].folded not in clause.lang.prepositions
           and "," not in clause.text[clause.words[j].end:clause.words[j + 1].start]):
        j -= 1
    if j < 0 or "," in clause.text[clause.words[j].end:clause.words[j + 1].start]:
        return False
    before = clause.words[j]
    if not (before.possessive or before.folded in clause.lang.determiners):
        return False
    return any(m.span[1] > before.start
               for m in reading.actors_in((clause.span[0], before.end)))


def _with_participants(reading: _Reading, clause: _Clause, candidate: Candidate,
                       sentence_span: Span) -> Candidate:
    """The candidate with only the actors that take part in its event word, as an
    entity's timeline counts them: the nearest actor before it in the clause (its
    subject, or a noun's possessor: "Apple's launch"; in a clause with no subject of its
    own, the nearest before it in the sentence; for a participle phrase, its main
    clause's subject) and the actors after it up to the next verb, "that", a relative
    word or a quotation mark that are its arguments (its object: "sued Apple", "a lawsuit
    against Apple Computer"; not the sayer's words in "stated that ...", not a word in
    an adjunct: ``_argument``)."""
    word = candidate.event_span
    event = _index(clause, word)
    inside = reading.actors_in(clause.span)
    before = [m for m in inside if m.span[1] <= word[0]]
    main = _main_verb(clause, event) if _free_adjunct(clause, event) else None
    verb = event if main is None else main  # whose subject the event word has
    if main is not None:
        # "..., saying", "while introducing it, Jobs said": the main clause's subject
        before = list(reading.actors_in((sentence_span[0], clause.words[main].start)))
    elif not before and _subjectless(clause, event):
        # "Jobs acknowledged ..., but dismissed ...": the sentence's subject
        before = list(reading.actors_in((sentence_span[0], clause.span[0])))
    subject = before[-1:]
    if subject and clause.kinds[verb] == _VERB:
        subject = _before_aside(reading, clause, verb, subject[0]) or subject
        if _verb_between(clause, subject[0], verb):
            subject = []  # "... the event, saying the company has grown": not its subject
    stop = _object_end(clause, event)
    after = [m for m in inside if word[1] <= m.span[0] and m.span[1] <= stop
             and _argument(clause, event, m) and m not in subject]
    return attrs.evolve(candidate, actors=tuple(subject + after))


def _verb_between(clause: _Clause, actor: ActorMention, verb: int) -> bool:
    """Whether another verb stands between an actor and the verb group of ``verb``, outside
    an aside set off by commas: the actor is then that verb's subject or object, not
    this one's."""
    start = clause.words[_group_start(clause, verb)].start
    inside = [k for k, w in enumerate(clause.words) if actor.span[1] <= w.start < start]
    if not inside:
        return False
    # An aside between commas ("Jobs, aged 55, has") only describes the subject.
    commas = [k for k in inside
              if "," in clause.text[clause.words[k - 1].end if k else 0:clause.words[k].start]]
    aside = (set(range(commas[0], inside[-1] + 1))
             if commas and "," in clause.text[clause.words[inside[-1]].end:start] else set())
    return any(clause.kinds[k] in (_VERB, _AUX, _COPULA) for k in inside if k not in aside)


#: Apostrophes, straight and typographic.
_APOSTROPHES = ("'", "\u2019")


def _possessor(text: str, end: int) -> bool:
    """Whether the words ending at ``end`` are a possessor: "Jobs's", "Jobs'" or, as
    tokenised text writes them, "Jobs 's", "Jobs ' death" (an apostrophe then "s" or a
    space)."""
    rest = text[end:end + 4].lstrip(" ")
    after = rest[1:2]
    return rest[:1] in _APOSTROPHES and (after in ("", " ")
                                         or (after == "s" and not rest[2:3].isalpha()))


def _argument(clause: _Clause, event: int, mention: ActorMention) -> bool:
    """Whether an actor named after the event word is one of its arguments (its object,
    a passive's agent, a noun's complement), as an entity's timeline counts a participant,
    and not a word inside an adjunct or another noun: not the possessor of a noun that
    follows ("responded to Jobs' death" is the death's, not the responding's), and not
    inside a phrase opened by a preposition of place, time, cause or purpose ("expressed
    condolences for Jobs", "unveiled it at Apple's event")."""
    text, lang = clause.text, clause.lang
    if _possessor(text, mention.span[1]):
        return False
    governing: str | None = None  # the preposition whose phrase is still open
    opened = False  # whether that phrase has a word past its determiners
    for word in clause.words[event + 1:]:
        if word.end > mention.span[0]:
            break
        if word.folded in lang.prepositions:
            governing, opened = word.folded, False
        elif word.folded in lang.determiners and opened:
            governing = None  # a new noun phrase: "in 2001 the iPod"
        else:
            opened = True
    return governing is None or governing not in lang.adjuncts


def _before_aside(reading: _Reading, clause: _Clause, event: int, nearest: ActorMention
                  ) -> list[ActorMention]:
    """The subject before an aside that holds ``nearest``: "Steve Jobs, the chief
    executive officer of Apple Inc., announced" is Jobs's announcing (the aside, set off
    by commas right before the verb group, only describes him)."""
    text, group = clause.text, clause.words[_group_start(clause, event)]
    last = text.rfind(",", nearest.span[1], group.start)
    if last < 0 or text[last + 1:group.start].strip():
        return []  # no comma right before the verb group
    opening = text.rfind(",", clause.span[0], nearest.span[0])
    if opening < 0:
        return []
    found = [m for m in reading.actors_in((clause.span[0], opening))
             if not text[m.span[1]:opening].strip()]
    return found[-1:]


def _coordinated(clause: _Clause, one: int, other: int) -> bool:
    """Whether two event words of a clause are coordinated, so share a time: "and",
    "or" or "but" between them, and no "that" or relative word that would start a
    clause of its own ("claims that ... an agreement reached in 1991")."""
    lo, hi = sorted((one, other))
    between = [w.folded for w in clause.words[lo + 1:hi]]
    return (any(w in clause.lang.coordinators for w in between)
            and not any(w == "that" or w in clause.lang.relatives for w in between))


#: Words that open a participle phrase whose subject is its main clause's: "while
#: introducing it", "by walking on stage".
_PARTICIPLE_OPENERS = frozenset(("while", "when", "after", "before", "by", "since", "upon",
                                 "on", "in", "without", "as"))


def _free_adjunct(clause: _Clause, event: int) -> bool:
    """Whether the event word opens a participle phrase with no subject of its own (", saying
    ...", "while introducing ...", "by walking ..."): an -ing verb, not in a verb group,
    after a comma, one of ``_PARTICIPLE_OPENERS`` or at the clause's start."""
    words = clause.words
    if clause.kinds[event] != _VERB or clause.finite[event] or not words[event].folded.endswith(
            "ing"):
        return False
    if event == 0:
        return True
    before = words[event - 1]
    return ("," in clause.text[before.end:words[event].start]
            or before.folded in _PARTICIPLE_OPENERS)


def _main_verb(clause: _Clause, event: int) -> int | None:
    """The clause's first finite verb other than ``event``: the main clause's verb."""
    return next((k for k in range(len(clause.words)) if k != event and clause.finite[k]
                 and clause.kinds[k] in (_VERB, _AUX)), None)


def _subjectless(clause: _Clause, event: int) -> bool:
    """Whether the verb ``event`` opens its clause with no subject of its own, so shares
    the one before ("..., but dismissed the claims"): only a coordinator or adverbs
    come before its verb group."""
    if clause.kinds[event] != _VERB:
        return False
    words = clause.words
    return all(w.folded in clause.lang.coordinators or clause.adverb(k)
               for k, w in enumerate(words[:_group_start(clause, event)]))


def _object_end(clause: _Clause, event: int) -> int:
    """Where the object of the event word ``event`` ends: the next verb, "that", a
    relative word or a quotation mark, else the clause's end."""
    words, lang = clause.words, clause.lang
    return next((words[k].start for k in range(event + 1, len(words))
                 if clause.kinds[k] in (_VERB, _AUX, _COPULA) or words[k].folded == "that"
                 or words[k].folded in lang.relatives
                 or any(q in clause.text[words[k - 1].end:words[k].start] for q in _QUOTES)),
                clause.span[1])


def _index(clause: _Clause, span: Span) -> int:
    """The clause's word at ``span``."""
    return next(i for i, w in enumerate(clause.words) if (w.start, w.end) == span)


def _clause_mentions(reading: _Reading, candidate: Candidate) -> list[Mention]:
    """The time expression that dated ``candidate``, as the tagger found it."""
    if candidate.when_span is None:
        return []
    return [m for m in reading.mentions if (m.start, m.end) == candidate.when_span]


def _lead_candidate(reading: _Reading, clause: _Clause,
                    sentence: list[Token]) -> Candidate | None:
    event = _lead_event(clause)
    if event is None:
        return None
    found = _candidate(reading, clause, event, None, sentence, clause.span, set())
    return None if found is None else attrs.evolve(
        found, confidence=found.confidence * LEAD_CONFIDENCE)


def _undated_candidate(reading: _Reading, clause: _Clause, sentence: list[Token],
                       dated: Iterable[int] = ()) -> Candidate | None:
    """The clause's past happening no time dates (``dated``: the words its times date), as
    an undated candidate, or None (``_told``)."""
    event = _told(clause)
    if event is None or event in dated:
        return None
    return _candidate(reading, clause, event, None, sentence, clause.span, set(),
                      undated=True)


def _told(clause: _Clause) -> int | None:
    """The past happening a clause tells with its main verb: the first verb outside a
    relative clause in a finite group, when it is a past form ("voted", "had approved",
    "was passed"); a light verb tells its event noun subject's ("the vote came shortly
    after ..."), a verb of saying, the present and the future none."""
    for i in range(len(clause.words)):
        if (clause.kinds[i] != _VERB or clause.relative[i]
                or not clause.in_finite_group(i)):
            continue
        if not _past_group(clause, i):
            return None
        rank = clause.rank(i)
        if rank == 0:
            return i
        if rank == 1:
            nouns = [k for k in range(i) if clause.kinds[k] == _NOUN
                     and not clause.relative[k]
                     and clause.words[k - 1].folded not in clause.lang.prepositions]
            if not nouns:
                return None
            head = nouns[0]  # the head of its noun phrase: "the ceasefire vote came"
            while (head + 1 < i and clause.kinds[head + 1] == _NOUN
                   and not clause.text[clause.words[head].end:
                                       clause.words[head + 1].start].strip()):
                head += 1
            return head
        return None
    return None


def _past_group(clause: _Clause, i: int) -> bool:
    """Whether the verb group of verb ``i`` is in the simple past or the past perfect,
    active or passive ("voted", "had approved", "was passed", "did vote"): a happening
    told, not a state ("are designed") nor a present perfect ("has called")."""
    j = clause.previous(i)
    while j is not None and clause.kinds[j] == _AUX:
        if clause.finite[j]:
            return clause.words[j].folded in _PAST_AUXILIARIES
        j = clause.previous(j)
    return clause.finite[i] and clause.vocab.is_past(clause.words[i].text)


def _quote_span(clause: _Clause, event: int, mention: Mention | None) -> Span:
    """The clause, or, in a clause too long to quote (no punctuation for thousands of
    words), the words around the event word and the expression."""
    start, end = clause.span
    if end - start <= LONGEST_QUOTE:
        return start, end
    word = clause.words[event]
    lo = min(word.start, mention.start) if mention is not None else word.start
    hi = max(word.end, mention.end) if mention is not None else word.end
    starts = [w.start for w in clause.words]
    first = max(0, bisect.bisect_right(starts, lo) - 1 - QUOTE_REACH)
    last = min(len(starts) - 1, bisect.bisect_left(starts, hi) + QUOTE_REACH)
    return clause.words[first].start, max(hi, clause.words[last].end)


def _candidate(reading: _Reading, clause: _Clause, event: int, mention: Mention | None,
               sentence: list[Token], sentence_span: Span,
               taken: set[int], *, undated: bool = False) -> Candidate | None:
    article, text = reading.article, reading.text
    if _negated(clause, event):
        return None  # "did not vote on Monday": no event to date
    quote_span = _quote_span(clause, event, mention)
    if mention is not None and not (quote_span[0] <= mention.start
                                    and mention.end <= quote_span[1]):
        # An expression across a clause join: the sentence; across a sentence's end too
        # (a line break inside "in \nFebruary"), the sentence up to the expression's end.
        quote_span = (min(sentence_span[0], mention.start), max(sentence_span[1], mention.end))
    quote = text[quote_span[0]:quote_span[1]]
    status = _status(text, clause, event, sentence, mention, reading.today)
    if undated and status.pending:
        return None
    try:
        claim, sure = _claim(article, quote, quote_span, status, mention, reading.news)
    except _Unclaimable:
        return None
    word = clause.words[event]
    if undated and reading.past is not None:
        value = reading.past
    elif mention is None:
        news = reading.news
        value = TimeValue.of_granule(Granularity.DAY, datetime(news.year, news.month, news.day))
    else:
        value = mention.value
    if clause.kinds[event] != _VERB:  # an event noun
        sure *= NOUN_CONFIDENCE
    if mention is not None and _generic(mention):
        sure *= GENERIC_CONFIDENCE
    if undated:
        # Its claim holds the news day until it joins an event (``group``), which dates it.
        sure *= UNDATED_CONFIDENCE
    inside = reading.actors_in(quote_span)
    content = clause.content(taken)
    return Candidate(
        article=article.id, published=article.published, quote=quote, quote_span=quote_span,
        when=None if mention is None else mention.text,
        when_span=None if mention is None else (mention.start, mention.end),
        value=value, event=word.text.rstrip("."), event_span=(word.start, word.end),
        lemma=clause.vocab.lemma(word.folded), status=status, actors=inside,
        title=_title(clause, event, reading.subjects_in(quote_span, inside), taken),
        content=content, claim=claim,
        confidence=sure, undated=undated, noun=clause.kinds[event] != _VERB)


__all__ = ["Language", "extract", "language"]
