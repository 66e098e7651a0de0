"""English words for the draft: lemmas shared by inflections and nominalisations, verb forms.

Grouping compares event words across articles: "voted", "votes", "voting" and "the vote"
must meet in one normal form, and so must "elected" and "the election". Nothing here
parses: regular suffix rules (-s, -es, -ies, -ed, -ied, -ing, consonant doubling, silent
e) propose candidate bases, and the language data (``lang/en/words.toml``: irregular
verbs, common regular verbs, irregular nominalisations, nominalisation suffix rules)
says which candidate is a word. A word the data does not know falls back on spelling
heuristics, so every word gets a lemma and the same word always the same one. Each word
costs a few dictionary lookups (cached), whatever the text.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from timeline.errors import RuleTableError

_VOWELS = frozenset("aeiou")
#: Third-person present forms no suffix rule makes.
_THIRD = {"be": "is", "have": "has", "do": "does", "go": "goes"}
#: How many inflections deep a word is read ("meetings" -> "meeting" -> "meet").
_DEPTH = 2
#: How many times a guessed lemma is read again to settle.
_SETTLE = 4


@lru_cache(maxsize=1 << 15)
def fold(word: str) -> str:
    """The form words are looked up by: lower case, straight apostrophe, no possessive.

    Cached: every word of a clause is folded, and news repeats its words.
    """
    word = word.lower().replace("\u2019", "'")
    end = len(word)
    while True:  # one pass from the end, however many possessives ("s's's")
        if word.endswith("'s", 0, end):
            end -= 2
        elif word.endswith("s'", 0, end):
            end -= 1
        else:
            return word[:end]


class Words:
    """The words of one language (``lang/<code>/words.toml``), ready to lemmatise with."""

    def __init__(self, data: Mapping[str, Any], *, file: str = "words.toml") -> None:
        self.forms: dict[str, str] = {}  # an irregular past, participle or present -> base
        self.past: set[str] = set()
        self.participles: set[str] = set()
        self.irregular: set[str] = set()
        for entry in _strings(data, "irregular", file):
            parts = entry.split()
            if len(parts) != 3:
                raise RuleTableError(f"{file}: irregular: expected 'base past participle', "
                                     f"got {entry!r}")
            base, past, participle = parts
            self.irregular.add(base)
            for form in past.split("/"):
                self.past.add(form)
                self.forms.setdefault(form, base)
            for form in participle.split("/"):
                self.participles.add(form)
                self.forms.setdefault(form, base)
        present = data.get("present", {})
        if not isinstance(present, dict):
            raise RuleTableError(f"{file}: present: expected a table")
        self.present = {str(k): str(v) for k, v in present.items()}
        self.forms.update(self.present)
        self.verbs = frozenset(_strings(data, "verbs", file)) | self.irregular
        nominal = data.get("nominalisations", {})
        if not isinstance(nominal, dict):
            raise RuleTableError(f"{file}: nominalisations: expected a table")
        self.nominal = {str(k): str(v) for k, v in nominal.items()}
        self.rules: list[tuple[str, tuple[str, ...]]] = []
        for rule in data.get("nominal_rule", []):
            if (not isinstance(rule, dict) or not isinstance(rule.get("suffix"), str)
                    or not isinstance(rule.get("bases"), list)):
                raise RuleTableError(f"{file}: nominal_rule: expected suffix and bases, "
                                     f"got {rule!r}")
            self.rules.append((rule["suffix"], tuple(rule["bases"])))
        nouns = data.get("nouns", {})
        self.event_nouns = frozenset(_strings(nouns, "events", file))
        self.not_events = frozenset(_strings(nouns, "not_events", file))
        self.not_verbs = frozenset(_strings(nouns, "not_verbs", file))
        self._lemmas: dict[str, str] = {}
        #: Each lemma of a class of event words that name one kind of happening, with the
        #: class ("approve" -> "vote").
        self.kinds: dict[str, str] = {}
        for entry in data.get("synonyms", []):
            if (not isinstance(entry, dict) or not isinstance(entry.get("kind"), str)
                    or not isinstance(entry.get("lemmas"), list)
                    or not all(isinstance(w, str) for w in entry["lemmas"])):
                raise RuleTableError(f"{file}: synonyms: expected kind and lemmas, "
                                     f"got {entry!r}")
            for lemma in (entry["kind"], *entry["lemmas"]):
                if self.kinds.setdefault(lemma, entry["kind"]) != entry["kind"]:
                    raise RuleTableError(f"{file}: synonyms: {lemma!r} is in two classes")
        self._event_nouns: dict[str, bool] = {}
        #: What each form test said of a folded word, by test: every word of every clause
        #: is asked several, and news repeats its words (``_answer``).
        self._forms: dict[str, dict[str, bool]] = {
            name: {} for name in ("past", "participle", "gerund", "third")}
        #: Each step of a procedure with what its clause must name and the procedure's kind
        #: ("bring" -> ({"resolve", "motion", ...}, "vote")).
        self.steps: dict[str, tuple[frozenset[str], str]] = {}
        for entry in data.get("procedures", []):
            if (not isinstance(entry, dict) or not isinstance(entry.get("kind"), str)
                    or not isinstance(entry.get("objects"), list)
                    or not isinstance(entry.get("steps"), list)
                    or not all(isinstance(w, str) for w in
                               [*entry["objects"], *entry["steps"]])):
                raise RuleTableError(f"{file}: procedures: expected kind, objects and "
                                     f"steps, got {entry!r}")
            objects = frozenset(self.lemma(w) for w in entry["objects"])
            for step in entry["steps"]:
                if step in self.kinds or step in self.steps:
                    raise RuleTableError(f"{file}: procedures: {step!r} has a kind already")
                self.steps[step] = (objects, entry["kind"])

    # --- lemmas ---------------------------------------------------------------------------

    def lemma(self, word: str) -> str:
        """The normal form of ``word``: a verb's base for its inflections and its
        nominalisations ("voted", "vote", "election" -> "vote", "vote", "elect"), a noun's
        singular otherwise ("policies" -> "policy")."""
        folded = fold(word)
        found = self._lemmas.get(folded)
        if found is None:
            found = self._read(folded)
            # A guess may itself look inflected ("aaased" -> "aaas"): read again until it
            # is its own lemma, so lemmas compare as equals.
            for _ in range(_SETTLE):
                again = self._read(fold(found))
                if again == found:
                    break
                found = again
            self._lemmas[folded] = found
        return found

    def _read(self, folded: str) -> str:
        return self._lemma(folded, _DEPTH) or _guess(folded)

    def kind(self, lemma: str) -> str:
        """The class of event words a lemma belongs to ("approve" -> "vote"), or the lemma
        itself: two event words of one kind may name one happening."""
        return self.kinds.get(lemma, lemma)

    def kind_in(self, lemma: str, content: frozenset[str]) -> str:
        """The kind of happening an event lemma names in a clause whose content words have
        the lemmas ``content``: a step of a procedure whose object the clause names is of
        the procedure's kind ("bring" a resolution: "vote"), else ``kind``."""
        step = self.steps.get(lemma)
        if step is not None and not step[0].isdisjoint(content):
            return step[1]
        return self.kind(lemma)

    def known(self, lemma: str) -> bool:
        """Whether ``lemma`` is a verb the data knows (not a spelling guess)."""
        return lemma in self.verbs

    def _lemma(self, word: str, depth: int) -> str | None:
        """The lemma the data confirms, or None when only a guess is possible."""
        if depth == _DEPTH and word in self.not_verbs:
            return word
        found = self._base(word)
        if found is not None or depth == 0:
            return found
        for candidate in _inflection_bases(word):
            found = self._lemma(candidate, depth - 1)
            if found is not None:
                return found
        return None

    def _base(self, word: str) -> str | None:
        """The verb a word is a form of without inflection: itself, an irregular form, a
        listed or rule-made nominalisation."""
        if word in self.nominal:
            return self.nominal[word]
        if word in self.forms:
            return self.forms[word]
        if word in self.verbs:
            return word
        return self.nominal_verb(word)

    def nominal_verb(self, word: str) -> str | None:
        """The verb a noun nominalises by a suffix rule ("adoption" -> "adopt"), or None."""
        for suffix, bases in self.rules:
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[:-len(suffix)]
                for base in bases:
                    if stem + base in self.verbs:
                        return stem + base
        return None

    # --- forms ----------------------------------------------------------------------------

    def is_event_noun(self, word: str) -> bool:
        """Whether ``word`` names a happening ("vote", "talks", "meeting", "adoption");
        each word read once."""
        folded = fold(word)
        found = self._event_nouns.get(folded)
        if found is None:
            found = self._event_nouns[folded] = self._is_event_noun(folded)
        return found

    def _is_event_noun(self, folded: str) -> bool:
        if folded in self.not_events or folded in self.not_verbs:
            return False
        singular = _singular(folded)
        if folded in self.event_nouns or singular in self.event_nouns:
            return True
        for noun in dict.fromkeys((folded, singular)):
            if noun in self.nominal and noun not in self.not_events:
                return True
            if noun.endswith("ing") and len(noun) > 5:
                return self.known(self.lemma(noun))
            if noun not in self.verbs and self.nominal_verb(noun) is not None:
                return True
        return False

    def _answer(self, test: str, folded: str, compute: Callable[[str], bool]) -> bool:
        """``compute(folded)``, asked once a word for each form test."""
        answers = self._forms[test]
        found = answers.get(folded)
        if found is None:
            found = answers[folded] = compute(folded)
        return found

    def is_past(self, word: str) -> bool:
        """A past or past participle form: "voted", "met", "withdrawn"."""
        return self._answer("past", fold(word), self._is_past)

    def _is_past(self, folded: str) -> bool:
        if folded in self.not_verbs:
            return False
        if folded in self.past or folded in self.participles:
            return True
        if folded.startswith("un") and self.is_past(folded[2:]):
            # "unamended", "unopposed": an adjective, unless "un-" makes a verb ("unveiled").
            return self.known(self.lemma(folded))
        return folded.endswith("ed") and len(folded) > 3 and self._verb_stem(folded)

    def is_participle(self, word: str) -> bool:
        """A form that follows "has" or "was": "voted", "held", "withdrawn"."""
        return self._answer("participle", fold(word), self._is_participle)

    def _is_participle(self, folded: str) -> bool:
        return folded in self.participles or (folded not in self.past and self.is_past(folded))

    def is_gerund(self, word: str) -> bool:
        """An -ing form of a verb: "voting", "meeting" (the noun too)."""
        return self._answer("gerund", fold(word), self._is_gerund)

    def _is_gerund(self, folded: str) -> bool:
        return (folded.endswith("ing") and len(folded) > 4 and folded not in self.not_verbs
                and self._verb_stem(folded))

    def is_third(self, word: str) -> bool:
        """A third-person present of a known verb: "votes", "says", "is", "has"."""
        return self._answer("third", fold(word), self._is_third)

    def _is_third(self, folded: str) -> bool:
        if folded in self.present:
            return folded not in ("are", "am")
        if folded in self.not_verbs or not folded.endswith("s") or folded.endswith("ss"):
            return False
        return any(b in self.verbs for b in _s_bases(folded))

    def is_base(self, word: str) -> bool:
        """A known verb in its base form ("vote", "meet")."""
        return fold(word) in self.verbs

    def _verb_stem(self, folded: str) -> bool:
        """Whether an -ed or -ing word is a verb's: a known verb's, or an unknown word's
        (spelling decides); not a known noun's ("bed", "thing")."""
        lemma = self.lemma(folded)
        return self.known(lemma) or self._lemma(folded, _DEPTH) is None

    def third_person(self, lemma: str) -> str:
        """The third-person present of a verb: "adopt" -> "adopts", "carry" -> "carries"."""
        if lemma in _THIRD:
            return _THIRD[lemma]
        if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
            return lemma + "es"
        if len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in _VOWELS:
            return lemma[:-1] + "ies"
        return lemma + "s"


def _strings(data: Mapping[str, Any], key: str, file: str) -> list[str]:
    values = data.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise RuleTableError(f"{file}: {key}: expected a list of strings")
    return values


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _s_bases(word: str) -> Iterable[str]:
    if word.endswith("ies") and len(word) > 4:
        yield word[:-3] + "y"
    if word.endswith(("ses", "xes", "zes", "ches", "shes", "oes")):
        yield word[:-2]  # "pushes", "goes"; not "aides"
    yield word[:-1]


def _inflection_bases(word: str) -> list[str]:
    """The bases a regular inflection of ``word`` could have, likeliest first."""
    out: list[str] = []
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        out.extend(_s_bases(word))
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[:-len(suffix)]
            if suffix == "ed" and stem.endswith("i"):
                out.append(stem[:-1] + "y")  # carried
            if suffix == "ing" and stem.endswith("y") and len(stem) > 1:
                out.append(stem[:-1] + "ie")  # dying
            out.extend((stem, stem + "e"))
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                out.append(stem[:-1])  # stopped, signalled
    return out


def _guess(word: str) -> str:
    """The lemma of a word the data does not know, from its spelling alone."""
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ed") and len(word) > 4:
        return _restore(word[:-2])
    if word.endswith("ing") and len(word) > 5:
        return _restore(word[:-3])
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return _singular(word)


def _restore(stem: str) -> str:
    """A stem with its doubled consonant undone or its silent e put back."""
    last = stem[-1]
    if len(stem) > 2 and last == stem[-2] and last not in _VOWELS and last not in "lsz":
        return stem[:-1]  # "frobbed" -> "frob"
    before = stem[-2] if len(stem) > 1 else ""
    if last in "vzu" or (last == "g" and before not in _VOWELS and before != "n"):
        return stem + "e"  # "solved", "argued", "charged"
    if stem.endswith("at") and before == "a" and len(stem) > 2 and stem[-3] not in _VOWELS:
        return stem + "e"  # "frobnicated"
    if last == "l" and before and before not in _VOWELS and before != "l":
        return stem + "e"  # "tabled", "settled"
    third = stem[-3] if len(stem) > 2 else ""
    if (before in "aiou" and last not in _VOWELS and last not in "wxyrnlm"
            and third and third not in _VOWELS and stem[-2:] != "it"):
        return stem + "e"  # "voted", "hoped"
    return stem


def read_table(name: str, package: str = "timeline.lang.en") -> dict[str, Any]:
    """One of a language's TOML files, read; ``RuleTableError`` naming it if it is broken."""
    path = resources.files(package) / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleTableError(f"{name}: not valid TOML: {exc}") from None


@cache
def english() -> Words:
    """The English words (``lang/en/words.toml``), read once."""
    return Words(read_table("words.toml"))


__all__ = ["Words", "english", "fold", "read_table"]
