"""Which way a bare "Monday" or "in March" points: the tense of the sentence around it.

News says when things happened in the past tense and announces what comes in the future
("will", "is set to", "plans to", "are meeting"). The verb nearest to the expression in its
sentence decides: first the nearest before it (English puts the verb first: "voted on
Monday", "will meet in March"), else the nearest after ("On Monday, the council voted").
A participle after a form of "be" is passive and says nothing itself ("will be held"),
except a plan told in the present ("is scheduled for Friday" looks ahead); "to" before a
noun phrase is no infinitive ("agreed to the deal"); a full stop after an abbreviation
("Sept. 14", "Mr.", "p.m.") ends no sentence; a past verb does not place the end of a
span it opened ("extended the loans through January").
Nothing is parsed: the sentence is bounded by punctuation within a fixed window and read
word by word, so the work per expression is bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

import attrs

from timeline.tagger.context import Tense

#: How far around an expression the sentence is looked for, in characters each side.
REACH = 160
#: How many words away a verb may be and still decide.
NEAR = 12
_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?|['\u2019](?:ll|s|re)\b")
SENTENCE_END = re.compile(r"[.!?;:](?=\s+[\"'\u201c\u2018(]?[A-Z0-9])|\n\s*\n")
#: The word a full stop ends, read back at most this far (longer words are no abbreviation).
_ABBREVIATION_REACH = 8
_LAST_WORD = re.compile(r"[A-Za-z.]+$")


@attrs.frozen
class Reading:
    """The tense found for one expression and the words that told it (for ``--explain``)."""

    tense: Tense | None
    cue: str | None
    #: How many words lie between the cue and the expression (0: right next to it).
    distance: int = 0


class TenseCues:
    """The cue words of a language (``lang/en/cues.toml``), ready to read sentences with."""

    def __init__(self, cues: Mapping[str, Sequence[str]]) -> None:
        # Phrases by their last word, longest first, futures before pasts: one lookup per
        # word read ("is set to" is found at "to").
        self.ending: dict[str, list[tuple[Tense, tuple[str, ...]]]] = {}
        for tense, name in ((Tense.FUTURE, "future"), (Tense.FUTURE, "motion"),
                            (Tense.PAST, "past")):
            for text in cues.get(name, ()):
                phrase = tuple(text.split())
                self.ending.setdefault(phrase[-1], []).append((tense, phrase))
        #: Phrases whose "to" leads to a place, not an infinitive ("heads to the capital").
        self.motion = frozenset(tuple(text.split()) for text in cues.get("motion", ()))
        for entries in self.ending.values():
            entries.sort(key=lambda entry: (-len(entry[1]), entry[0] is Tense.PAST))
        self.longest = max((len(p) for entries in self.ending.values() for _, p in entries),
                           default=1)
        self.be = frozenset(cues.get("be", ()))
        self.not_past = frozenset(cues.get("not_past", ()))
        self.progressive = frozenset(cues.get("progressive", ()))
        self.ongoing = frozenset(cues.get("ongoing", ()))
        self.participles = frozenset(cues.get("participles", ()))
        self.abbreviations = frozenset(cues.get("abbreviations", ()))
        self.determiners = frozenset(cues.get("determiners", ()))
        self.comparing = frozenset(cues.get("comparing", ()))
        self.span_ends = frozenset(cues.get("span_ends", ()))
        self.span_setting = frozenset(cues.get("span_setting", ()))
        self.perfect = frozenset(cues.get("perfect", ()))
        self.was = frozenset(cues.get("was", ()))
        self.overtaking = frozenset(cues.get("overtaking", ()))

    def read(self, text: str, start: int, end: int) -> Reading:
        """The tense of the sentence holding ``text[start:end]``, from the nearest cue."""
        # Nearest first: the words before the expression read backwards, then (only if
        # they told nothing) those after it.
        # Only the NEAR words each side can decide (and, before them, enough words to
        # complete the longest phrase ending among them).
        before = _WORD.findall(_fold(text[self._sentence_start(text, start):start]))
        found = self._nearest(before[-(NEAR + self.longest):], backwards=True)
        if found is not None and found.tense is Tense.PAST:
            span = self._opens_span(before, found)
            if span is not None:
                return span
        if found is not None and found.tense is Tense.FUTURE:
            overtaken = self._overtaken(before, found, text, end)
            if overtaken is not None:
                return overtaken
        if found is None:
            after = _WORD.findall(_fold(text[end:self._sentence_end(text, end)]))
            found = self._nearest(after[:NEAR], backwards=False)
        return found or Reading(None, None)

    def _overtaken(self, before: list[str], found: Reading, text: str,
                   end: int) -> Reading | None:
        """A past reading of a plan told in the past that the sentence then overtakes ("was
        scheduled for Tuesday but was called off"), or None."""
        at = len(before) - 1 - found.distance  # the cue's last word
        if at < 1 or before[at] not in self.participles or before[at - 1] not in self.was:
            return None
        after = _WORD.findall(_fold(text[end:self._sentence_end(text, end)]))
        turn = next((word for word in after[:NEAR] if word in self.overtaking), None)
        if turn is None:
            return None
        return Reading(Tense.PAST, f"{before[at - 1]} {before[at]} ... {turn}", found.distance)

    def _opens_span(self, before: list[str], found: Reading) -> Reading | None:
        """The reading of the end of a span a past cue only set, or None when the cue tells
        the expression's own tense.

        With "until" or "through" between them, a present perfect, whose state holds now,
        puts the end ahead ("has been postponed until March", "has extended the loans
        through January"); a verb that sets an end leaves it undirected, the nearest such
        date ("gave the bidder until mid-November"). A past that ran its course ends in
        the past too ("the strike lasted until March").
        """
        between = before[-found.distance:] if found.distance else []
        ends = [word for word in between if word in self.span_ends]
        if not ends:
            return None
        at = len(before) - 1 - found.distance  # the cue's last word
        perfect = [w for w in before[max(0, at - self.longest):at + 1] if w in self.perfect]
        if perfect:
            return Reading(Tense.FUTURE, f"{perfect[0]} {found.cue} ... {ends[-1]}",
                           found.distance)
        if before[at] in self.span_setting:
            return Reading(None, None)
        return None

    def ends_sentence(self, text: str, stop: int) -> bool:
        """Whether the punctuation at ``stop`` ends a sentence: a full stop after an
        abbreviation ("Sept. 14", "Mr. Bush", "5 p.m. Friday", "J. Smith") does not."""
        if text[stop] != ".":
            return True
        word = _LAST_WORD.search(text, max(0, stop - _ABBREVIATION_REACH), stop)
        if word is None:
            return True
        folded = word.group().lower()
        return not (folded in self.abbreviations or len(folded.rstrip(".")) == 1
                    or "." in folded.strip("."))  # initials and "U.S.", "p.m."

    def _sentence_start(self, text: str, start: int) -> int:
        """Where the sentence holding ``start`` begins, at most ``REACH`` before it."""
        lo = max(0, start - REACH)
        for _, after in self.stops(text, lo, start):
            lo = after
        return lo

    def _sentence_end(self, text: str, end: int) -> int:
        """Where the sentence holding ``end`` ends, at most ``REACH`` after it."""
        hi = min(len(text), end + REACH)
        for at, _ in self.stops(text, end, hi):
            return at
        return hi

    def stops(self, text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        """Where sentences end in ``text[lo:hi]``: the stop's position and where the next
        sentence may begin. A ``;`` or ``:`` counts (a tense stops there); the draft's
        sentences (``timeline.draft.text``) read them as clause joins instead."""
        for stop in SENTENCE_END.finditer(text, lo, hi):
            if self.ends_sentence(text, stop.start()):
                yield stop.start(), stop.end()

    def _nearest(self, words: list[str], *, backwards: bool) -> Reading | None:
        positions = range(len(words) - 1, -1, -1) if backwards else range(len(words))
        for steps, i in enumerate(positions):
            if steps >= NEAR:
                return None
            found = self._cue_at(words, i)
            if found is not None:
                return attrs.evolve(found, distance=steps)
        return None

    def _noun_phrase(self, words: list[str]) -> bool:
        """Whether ``words`` (one word, or none) open a noun phrase: a determiner or a figure."""
        return bool(words) and (words[0] in self.determiners or words[0][:1].isdigit())

    def _cue_at(self, words: list[str], i: int) -> Reading | None:
        """A cue that ends at word ``i`` (phrases are matched up to it)."""
        word = words[i]
        previous = words[i - 1] if i else ""
        if (previous == "be" and i >= 2 and words[i - 2] == "to"
                and (word in self.participles or (word.endswith("ed") and len(word) > 4))):
            # A passive infinitive looks ahead: "guidelines to be published in November".
            return Reading(Tense.FUTURE, f"to be {word}")
        following = words[i + 1:i + 3]
        for tense, phrase in self.ending.get(word, ()):
            n = len(phrase)
            # "To" before a noun phrase is a preposition, no infinitive: "agreed to the
            # deal", and "due to the storm" is a cause, not a schedule.
            if (n > 1 and word == "to" and phrase not in self.motion
                    and self._noun_phrase(following[:1])):
                continue
            if n == 1 and following[:1] == ["to"] and self._noun_phrase(following[1:]):
                continue
            if i + 1 >= n and tuple(words[i + 1 - n:i + 1]) == phrase:
                if n == 1 and previous in self.be and word in self.participles:
                    if tense is Tense.FUTURE and previous in self.progressive:
                        # A plan told in the present: "the vote is scheduled for Friday".
                        return Reading(tense, f"{previous} {word}")
                    return None  # passive: "will be held", "was expected"
                if n == 1 and word in self.participles and previous in self.comparing:
                    return None  # "began as planned", "rose more than expected"
                return Reading(tense, " ".join(phrase))
        if (word.endswith("ing") and len(word) > 4 and previous in self.progressive
                and word not in self.ongoing):
            return Reading(Tense.FUTURE, f"{previous} {word}")
        if (word.endswith("ed") and len(word) > 4 and word not in self.not_past
                and previous not in self.be):
            return Reading(Tense.PAST, word)
        return None


def _fold(words: str) -> str:
    return words.lower().replace("\u2019", "'")


__all__ = ["NEAR", "REACH", "SENTENCE_END", "Reading", "TenseCues"]
