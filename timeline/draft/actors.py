"""Who an article names: people with their titles, organisations, countries and products.

``find_actors(text)`` reads every name in an article, without a parser or a model, from how
English writes names: a name is a run of capitalised words inside one clause (a few
lowercase particles and "of"/"for" after an organisation's head may sit inside it), a title
before it makes it a person's ("President Emmanuel Macron", "Russia's foreign minister
Sergei Lavrov"), the word it ends with an organisation's ("Security Council", "Apple Inc."),
and a gazetteer of the world's states names countries by any of their forms or demonyms
("U.S.", "Britain", "Russian forces"). Mentions of one participant in one article share one
``Actor``: a surname after the full name, an acronym and its expansion, a partial name of an
organisation after the full one ("the Assembly" after "the UN General Assembly").

``matches(entity, actor)`` says whether a user's entity ("Macron", "the U.N.", "iPhone 4")
names an actor, by the same conventions; ``Timeline.about`` and ``Draft.about`` use it.

All language knowledge is data: ``timeline/lang/en/actors.toml`` (titles, organisation
heads, particles, stop words, countries, conventional abbreviations), with examples run as
tests. The work is linear in the text: one pass over its words, lookups bounded by the
longest title or country name, and every alias found through a dictionary.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from itertools import islice, pairwise
from typing import Any

import attrs

from timeline.draft.candidate import Actor, ActorKind, ActorMention, actor_key
from timeline.errors import RuleTableError
from timeline.model.event import EventSpec
from timeline.tagger.rules import load_lexicon

#: Words and the marks that may sit inside one: "O'Brien", "Jean-Claude", "U.S.", "AT&T".
#: One character class, so the scan is linear; tokens are cleaned afterwards.
_WORD = re.compile(r"[\w&'\u2019.\-]+")
#: What may separate two words of one name: blanks on one line.
_BLANKS = " \t\u00a0\u2009\u202f"
#: Marks after which the next word starts a sentence or a quotation (and may be capitalised
#: for that alone).
_OPENERS = frozenset(".!?\n\"\u201c\u201d\u2018:;")
_APOSTROPHES = "'\u2019"
#: Longer words in capitals are shouted words or datelines ("CANBERRA"), not acronyms.
_ACRONYM_LONGEST = 6
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


# -- the language's data --------------------------------------------------------------------

@attrs.frozen
class ActorLexicon:
    """``actors.toml`` read into lookups (words in lower case without dots, unless said)."""

    stop: frozenset[str]
    numbers: frozenset[str]
    possessive_nouns: frozenset[str]
    particles: frozenset[str]
    of_joins: frozenset[str]
    of_heads: frozenset[str]
    #: title words (normalised) -> the title as written ("prime minister" -> "Prime Minister")
    titles: Mapping[tuple[str, ...], str]
    title_longest: int
    honorifics: frozenset[str]
    #: words that say what a person does, not a title to show ("spokesman", "leader")
    descriptions: frozenset[str]
    #: titles before a given name, not a surname ("King Hussein" is not Saddam Hussein)
    regnal: frozenset[str]
    title_modifiers: frozenset[str]
    heads: frozenset[str]
    corporate: frozenset[str]
    company_words: frozenset[str]
    #: abbreviation key ("un") -> its expansion ("United Nations")
    abbreviations: Mapping[str, str]
    #: (abbreviation as written, expansion), for writing a name the other way
    expansions: tuple[tuple[str, str], ...]
    #: keys of countries' abbreviated forms ("us", "uk"): they may qualify a name ("US Senate")
    country_abbreviations: frozenset[str]
    #: a country's form, demonym or capital as words written (case kept) -> its name
    places: Mapping[tuple[str, ...], str]
    #: every form, demonym and capital of each country or region, as written
    place_names: Mapping[str, tuple[str, ...]]
    #: the first word of a place name holding a lowercase word or a possessive ("Bosnia and
    #: Herzegovina", "People's Republic of China") -> those names' words, longest first
    glued: Mapping[str, tuple[tuple[str, ...], ...]]
    place_longest: int
    #: actor_key of any form, demonym or capital -> the country's name
    country_keys: Mapping[str, str]
    #: the names in ``places`` that are regions, not states ("Europe", "Middle East")
    regions: frozenset[str]
    #: months and weekdays written in full; ``time_abbreviations`` need their dot ("Sept.")
    times: frozenset[str]
    time_abbreviations: frozenset[str]
    dotted: frozenset[str]
    examples: tuple[Mapping[str, Any], ...]


def _words(text: str) -> tuple[str, ...]:
    """A title or head as compared: lower case, no dots, hyphens kept ("secretary-general")."""
    return tuple(w.replace(".", "").lower() for w in text.split())


def _strings(table: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleTableError(f"actors.toml: {where}.{key}: expected a list of strings")
    return value


def _by_place(places: Mapping[tuple[str, ...], str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for words, name in places.items():
        out.setdefault(name, []).append(" ".join(words))
    return {name: tuple(forms) for name, forms in out.items()}


@cache
def load_actor_lexicon(package: str = "timeline.lang.en") -> ActorLexicon:
    """Read ``actors.toml`` (and the months, weekdays and abbreviations the tagger knows)."""
    path = resources.files(package) / "actors.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleTableError(f"actors.toml: not valid TOML: {exc}") from None
    return read_actor_lexicon(data, package)


def read_actor_lexicon(data: Mapping[str, Any], package: str = "timeline.lang.en"
                       ) -> ActorLexicon:
    """An ``actors.toml`` table read and checked: ``RuleTableError`` naming the table and
    the entry at fault."""
    unknown = set(data) - {"names", "titles", "organisations", "countries", "regions",
                           "example"}
    if unknown:
        raise RuleTableError(f"actors.toml: unknown tables {sorted(unknown)}")
    for table in ("names", "titles", "organisations", "countries", "regions"):
        if not isinstance(data.get(table, {}), dict):
            raise RuleTableError(f"actors.toml: {table}: expected a table")
    names, titles_t, orgs = (data.get(k, {}) for k in ("names", "titles", "organisations"))
    if not _strings(titles_t, "titles", "titles"):
        raise RuleTableError("actors.toml: titles.titles: expected at least one title")
    titles: dict[tuple[str, ...], str] = {}
    for title in _strings(titles_t, "titles", "titles"):
        titles.setdefault(_words(title), title)
    for area in _strings(titles_t, "portfolios", "titles"):
        for head in _strings(titles_t, "portfolio_heads", "titles"):
            titles.setdefault(_words(f"{area} {head}"), f"{area} {head}")
    heads = frozenset(_strings(orgs, "heads", "organisations"))
    abbreviations = {}
    expansions = []
    for short, expansion in orgs.get("abbreviations", {}).items():
        if not isinstance(expansion, str):
            raise RuleTableError(f"actors.toml: organisations.abbreviations.{short}: "
                                 f"expected a string")
        abbreviations[actor_key(short)] = expansion
        expansions.append((short, expansion))
    places: dict[tuple[str, ...], str] = {}
    forms: dict[str, tuple[str, ...]] = {}
    country_keys: dict[str, str] = {}
    regions = frozenset(data.get("regions", {}))
    for country, table in [*data.get("countries", {}).items(), *data.get("regions", {}).items()]:
        if not isinstance(table, dict):
            raise RuleTableError(f"actors.toml: countries.{country}: expected a table")
        own = [country, *_strings(table, "forms", f"countries.{country}")]
        adjectives = _strings(table, "demonyms", f"countries.{country}")
        capital = table.get("capital")
        if capital is not None and not isinstance(capital, str):
            raise RuleTableError(f"actors.toml: countries.{country}.capital: expected a string")
        extra = set(table) - {"forms", "demonyms", "capital"}
        if extra:
            raise RuleTableError(f"actors.toml: countries.{country}: unknown keys {sorted(extra)}")
        forms[country] = tuple(own)
        for name in [*own, *adjectives, *([capital] if capital else [])]:
            words = tuple(name.split())
            if not words or words == ("The",):
                raise RuleTableError(f"actors.toml: countries.{country}: an empty name")
            if words[0] == "The":  # "The Bahamas": the article is not part of a name
                words = words[1:]
            places[words] = country
            country_keys[actor_key(" ".join(words))] = country
    glued: dict[str, list[tuple[str, ...]]] = {}
    for words in places:
        if any(not w[:1].isupper() or w.endswith(("'s", "\u2019s")) for w in words):
            glued.setdefault(words[0], []).append(words)
    lexicon = load_lexicon(package)
    calendar = {**lexicon.categories["month"], **lexicon.categories["weekday"]}
    longest: dict[object, str] = {}
    for word, number in calendar.items():  # the longest word for each is the full name
        key = (len(calendar) if word in lexicon.categories["weekday"] else 0, number)
        if len(word) > len(longest.get(key, "")):
            longest[key] = word
    times = frozenset(w.replace(".", "") for w in longest.values()) | frozenset(
        lexicon.categories.get("weekday_plural", ()))
    return ActorLexicon(
        stop=frozenset(_strings(names, "stop", "names")),
        numbers=frozenset(_strings(names, "numbers", "names")),
        possessive_nouns=frozenset(_strings(names, "possessive_nouns", "names")),
        particles=frozenset(_strings(names, "particles", "names")),
        of_joins=frozenset(_strings(names, "of_joins", "names")),
        of_heads=frozenset(_strings(names, "of_heads", "names")) | heads,
        titles=titles, title_longest=max(map(len, titles)),
        honorifics=frozenset(" ".join(_words(h)) for h in _strings(titles_t, "honorifics",
                                                                    "titles")),
        regnal=frozenset(_strings(titles_t, "regnal", "titles")),
        descriptions=frozenset(_strings(titles_t, "descriptions", "titles")),
        title_modifiers=frozenset(_strings(titles_t, "title_modifiers", "titles")),
        heads=heads, corporate=frozenset(_strings(orgs, "corporate", "organisations")),
        company_words=frozenset(_strings(orgs, "company_words", "organisations")),
        abbreviations=abbreviations, expansions=tuple(expansions),
        country_abbreviations=frozenset(
            actor_key(f) for forms_ in forms.values() for f in forms_
            if " " not in f and ("." in f or f.isupper())),
        places=places, place_names=_by_place(places),
        glued={k: tuple(sorted(v, key=len, reverse=True)) for k, v in glued.items()},
        place_longest=max(map(len, places), default=1), country_keys=country_keys, regions=regions,
        times=times,
        time_abbreviations=frozenset(w.replace(".", "") for w in calendar) - times,
        dotted=frozenset(lexicon.cues.get("abbreviations", ())),
        examples=tuple(data.get("example", ())))


# -- words ----------------------------------------------------------------------------------

@attrs.define(slots=True)
class _Token:
    """A word of the text: ``text`` without a possessive "'s" (``raw`` keeps it)."""

    start: int
    end: int
    text: str
    raw: str
    possessive: bool = False
    #: the word ends its sentence (its full stop, or a stop word after a dotted word)
    ends: bool = False
    #: the word's full stop may end a sentence ("U.S.", "Inc.", "J.")
    maybe_ends: bool = False
    #: nothing but blanks separates it from the word before (they may share a name)
    joined: bool = False
    #: the word opens a sentence or a quotation: a capital there says nothing
    initial: bool = False
    #: the word begins a line
    newline: bool = False
    #: the word is in a title-case heading ("US Policy Shift on Russia"): no capital in
    #: the line says anything
    heading: bool = False

    @property
    def norm(self) -> str:
        return self.text.replace(".", "").lower()


def _is_capital(word: str, lexicon: ActorLexicon) -> bool:
    """A name word: capitalised ("Macron", "U.N."), or a particle joined to a capitalised
    word ("al-Assad", "d'Ivoire")."""
    if word[:1].isupper():
        return True
    if word.isalnum():  # the common case: a plain lowercase word
        return False
    for mark in ("-", "'", "\u2019"):
        head, sep, rest = word.partition(mark)
        if sep and rest[:1].isupper() and (head.lower() in lexicon.particles
                                            or len(head) == 1):
            return True
    return False


def _is_product(word: str) -> bool:
    """A product-like word: lower case then a capital ("iPod", "iTunes", "eBay")."""
    return word[:1].islower() and not word.islower() and word.isalnum()


def _is_number(word: str) -> bool:
    """A model number after a name: "4" in "iPhone 4", "3G", "737" (not "2nd")."""
    return (word[:1].isdigit() and len(word) <= 6 and word.isalnum()
            and not word.lower().endswith(("st", "nd", "rd", "th")))


def _is_acronym(word: str) -> bool:
    """Capitals (with dots or digits): "UN", "U.N.", "NATO", "G7"."""
    letters = word.replace(".", "").replace("-", "").replace("&", "")
    return (2 <= len(letters) <= _ACRONYM_LONGEST and letters[:1].isupper() and letters.isalnum()
            and all(c.isupper() or c.isdigit() for c in letters))


def _tokens(text: str, lexicon: ActorLexicon) -> list[_Token]:
    """The text's words with what lies between them, in one pass."""
    out: list[_Token] = []
    previous_end = 0
    sentence_over = True
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        # Marks that open or close a word are not part of it ("'Yes", "well-", "..."); a
        # lone "&" is a word ("Procter & Gamble").
        stripped = word if word == "&" else word.lstrip("'\u2019.-&")
        start += len(word) - len(stripped)
        word = stripped if stripped == "&" else stripped.rstrip("-&")
        end = start + len(word)
        if not word:
            continue
        possessive = False
        raw_length = len(word)
        if word.endswith(("'s", "\u2019s")) and len(word) > 2:
            word, possessive = word[:-2], True
        elif word[-1] in _APOSTROPHES:
            possessive = word[:-1].endswith("s")  # "Jobs'"
            word = word.rstrip(_APOSTROPHES)
            raw_length = len(word) + possessive
        full_stop = maybe = False
        if word.endswith(".") and not possessive:
            base = word.rstrip(".")
            if not base:
                continue
            if len(word) - len(base) == 1 and _keeps_dot(base, lexicon):
                maybe = not _is_title_abbreviation(base, lexicon)
            else:
                word, full_stop = base, True
                raw_length = len(base)
        if not word or not (word[0].isalnum() or word == "&"):
            continue
        gap = text[previous_end:start]
        token = _Token(start, start + len(word), word, text[start:start + raw_length],
                       possessive=possessive, ends=full_stop, maybe_ends=maybe)
        token.joined = bool(out) and not gap.strip(_BLANKS) and not out[-1].ends
        opener = sentence_over or not _OPENERS.isdisjoint(gap)
        if out and out[-1].maybe_ends and token.joined and out[-1].norm in lexicon.corporate:
            token.joined = False  # "Apple Inc. Steve Jobs": a company's name ends at "Inc."
        if out and out[-1].maybe_ends and token.joined and _is_capital(word, lexicon) and (
                token.norm in lexicon.stop):
            out[-1].ends = True  # "... the U.S. The vote": the dotted word ended it
            token.joined = False
            opener = True
        token.initial = opener
        token.newline = not out or "\n" in gap
        if "-" in word:
            out.extend(_split_places(token, lexicon))
        else:
            out.append(token)  # the common case, without a call
        sentence_over = full_stop or word.endswith(("!", "?"))
        previous_end = end
    _mark_headings(out, lexicon)
    return out


#: A line longer than this is prose, whatever its capitals.
_HEADING_WORDS = 16


def _mark_headings(tokens: list[_Token], lexicon: ActorLexicon) -> None:
    """Mark the words of title-case lines: short, no full stop, and every content word
    (four letters or more, not a stop word) capitalised."""
    begin = 0
    for end in range(1, len(tokens) + 1):
        if end < len(tokens) and not tokens[end].newline:
            continue
        line = tokens[begin:end]
        if len(line) <= _HEADING_WORDS and not line[-1].ends:
            content = [t.text for t in line if len(t.text) >= 4 and t.text.isalpha()
                       and t.norm not in lexicon.stop]
            if len(content) >= 2 and all(w[:1].isupper() for w in content):
                for token in line:
                    token.heading = token.initial = True
        begin = end


def _keeps_dot(base: str, lexicon: ActorLexicon) -> bool:
    """Whether a full stop belongs to the word: an abbreviation ("Mr.", "Inc."), an
    initial ("J."), a dotted acronym ("U.S.", "U.N.")."""
    norm = base.replace(".", "").lower()
    return ((len(base) == 1 and base.isupper()) or "." in base or norm in lexicon.dotted
            or norm in lexicon.corporate or (norm,) in lexicon.titles)


def _is_title_abbreviation(base: str, lexicon: ActorLexicon) -> bool:
    """A title's full stop never ends a sentence: "Mr. Macron", "Sen. Smith"."""
    return (base.replace(".", "").lower(),) in lexicon.titles


def _split_places(token: _Token, lexicon: ActorLexicon) -> list[_Token]:
    """"U.S.-Russia" is two countries: a hyphenated word whose parts each name one and
    whose whole does not ("Guinea-Bissau", "Bosnia-Herzegovina" stay whole)."""
    if "-" not in token.text or (token.text,) in lexicon.places:
        return [token]
    parts = token.text.split("-")
    if len(parts) == 2 and (parts[0],) in lexicon.places and parts[1].islower():
        # "U.S.-led", "Russian-made": the place, then an adjective that is no name.
        place = _Token(token.start, token.start + len(parts[0]), parts[0], parts[0],
                       possessive=True, joined=token.joined, initial=token.initial)
        return [place]
    if len(parts) > 4 or not all((p,) in lexicon.places for p in parts):
        return [token]
    out, at = [], token.start
    for part in parts:
        out.append(_Token(at, at + len(part), part, part, initial=token.initial))
        at += len(part) + 1
    out[0].joined = token.joined
    last = out[-1]
    last.possessive, last.ends, last.maybe_ends = token.possessive, token.ends, token.maybe_ends
    return out


# -- names: runs of capitalised words inside a clause ------------------------------------

#: A run longer than this is a title-case headline or a list, not one name.
MAX_NAME = 12
_CONNECTORS_LONGEST = 3


class _Reader:
    """One article's words, read into raw mentions (before aliases are joined)."""

    def __init__(self, text: str, lexicon: ActorLexicon) -> None:
        self.text = text
        self.lex = lexicon
        self.tokens = _tokens(text, lexicon)
        #: words the article writes in lower case: common words, whatever a sentence's
        #: first capital makes of them ("Current PowerPC chips", then "the current chips")
        self.lower = {t.text for t in self.tokens if t.text[:1].islower()}

    # -- word classes ----------------------------------------------------------------------

    def place(self, tokens: Sequence[_Token]) -> str | None:
        """The country these words name (a form, a demonym or a capital), if any."""
        if not tokens or len(tokens) > self.lex.place_longest:
            return None
        words = (*(t.raw for t in tokens[:-1]), tokens[-1].text)
        return self.lex.places.get(words)

    def is_time(self, token: _Token) -> bool:
        """A month or weekday ("May", "Monday", "Sept."): a time, not a name."""
        norm = token.norm
        return norm in self.lex.times or (token.text.endswith(".") and
                                          norm in self.lex.time_abbreviations)

    def is_name_word(self, token: _Token) -> bool:
        """A word that may be part of a name: capitalised or product-like, not a stop word
        (unless it is a country's or a conventional abbreviation: "US", "WHO")."""
        text = token.text
        if not (_is_capital(text, self.lex) or _is_product(text)):
            return False
        head, _, tail = text.rpartition("-")
        if head and tail.islower() and head.lower() not in self.lex.particles:
            return False  # "European-backed", "Co-founder": an adjective or a noun
        norm = token.norm
        if len(text) == 2 and text[1] == ".":
            return True  # an initial, even "A." or "I."
        if "'" in norm or "\u2019" in norm:  # "I'm", "We're", "Don't": a stop word's
            norm = norm.replace("\u2019", "'").partition("'")[0] or norm
        if norm in self.lex.stop:
            return ((text,) in self.lex.places
                    or (_is_acronym(text) and norm in self.lex.abbreviations))
        return not self.is_time(token)

    def name_word_at(self, i: int) -> bool:
        """``is_name_word``, and a number word after a head's "of" ("Group of Seven")."""
        tokens, token = self.tokens, self.tokens[i]
        if self.is_name_word(token):
            return True
        return (token.norm in self.lex.numbers and token.text[:1].isupper() and i >= 2
                and token.joined and tokens[i - 1].joined and tokens[i - 1].norm == "of"
                and tokens[i - 2].norm in self.lex.of_heads)

    def title_at(self, tokens: Sequence[_Token], at: int) -> tuple[int, str | None]:
        """How many words from ``at`` make the longest title there, and the title as
        written ("Prime Minister"); (0, None) for none. Modifiers before it are part of it
        ("Deputy Foreign Minister", "Then-President", "Acting Secretary")."""
        lex = self.lex
        modifiers: list[str] = []
        k = at
        while k < len(tokens) and len(modifiers) < 2 and tokens[k].norm in lex.title_modifiers:
            modifiers.append(tokens[k].text)
            k += 1
        first = k
        best, title = 0, None
        words: tuple[str, ...] = ()
        for k in range(first, min(len(tokens), first + lex.title_longest)):
            word = tokens[k].text.replace(".", "").lower()
            if k == first and "-" in word:  # "Then-President", "ex-Minister"
                head, _, tail = word.partition("-")
                if head in lex.title_modifiers and (tail,) in lex.titles:
                    word = tail
            words += (word,)
            if words in lex.titles:
                best, title = k - at + 1, lex.titles[words]
        if title is not None and modifiers:
            title = " ".join([*modifiers, title])
        return best, title

    # -- runs ------------------------------------------------------------------------------

    def runs(self) -> list[tuple[int, int]]:
        """Token ranges ``[i, j)`` of capitalised words inside one clause."""
        tokens, n, out = self.tokens, len(self.tokens), []
        start: int | None = None
        last = -1  # the last name word of the open run
        has_of = False
        i = 0
        while i < n:
            token = tokens[i]
            if start is not None and not token.joined:
                out.append((start, last + 1))
                start = None
            glued = self.glued_at(i)
            if glued:
                if start is None:
                    start, has_of = i, False
                last = i + glued - 1
                i += glued
                if tokens[last].possessive or tokens[last].ends:
                    out.append((start, last + 1))
                    start = None
                continue
            if self.name_word_at(i) or (start is not None and self.month_in_name(i)):
                if start is None:
                    start, has_of = i, False
                last = i
                i += 1
                if token.ends or (token.possessive and not self.possessive_in_name(i - 1)):
                    out.append((start, last + 1))
                    start = None
                continue
            if start is not None and last == i - 1:
                joined = self.connect(i, has_of)
                if joined:
                    has_of = has_of or tokens[i].norm in self.lex.of_joins
                    i += joined
                    continue
                if _is_number(token.text) and self.numbered(tokens[last]):
                    out.append((start, i + 1))
                    start = None
                    i += 1
                    continue
            if start is not None:
                out.append((start, last + 1))
                start = None
            i += 1
        if start is not None:
            out.append((start, last + 1))
        return [(a, b) for a, b in out if b - a <= MAX_NAME]

    def possessive_in_name(self, i: int) -> bool:
        """A possessive inside a name: "People's Union", "Children's Fund" (a plural
        common noun then a capitalised word), not "Russia's Foreign Ministry"."""
        tokens = self.tokens
        return (tokens[i].norm in self.lex.possessive_nouns and i + 1 < len(tokens)
                and tokens[i + 1].joined and self.is_name_word(tokens[i + 1]))

    def glued_at(self, i: int) -> int:
        """Words of a country name holding a lowercase word or a possessive at ``i``."""
        tokens = self.tokens
        for words in self.lex.glued.get(tokens[i].raw, ()):
            k = len(words)
            if i + k <= len(tokens) and all(
                    tokens[i + j].joined and tokens[i + j].raw == words[j] for j in range(1, k)):
                if tokens[i + k - 1].text != words[-1] and tokens[i + k - 1].raw != words[-1]:
                    continue
                return k
        return 0

    def month_in_name(self, i: int) -> bool:
        """A month inside a name ("Theresa May"): after a name word of the run, not before
        a number ("May 2025")."""
        tokens = self.tokens
        token = tokens[i]
        if not (token.norm in self.lex.times and token.text[:1].isupper() and token.joined):
            return False
        before = tokens[i - 1]
        if not self.is_name_word(before) or self.place(tokens[i - 1:i]) or before.possessive:
            return False
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        return after is None or not (after.joined and after.text[:1].isdigit())

    def connect(self, i: int, has_of: bool) -> int:
        """How many lowercase words at ``i`` join the name before to the word after
        (0: none): particles ("von der"), "of"/"for" after a head, "and"/"&" after those."""
        tokens, lex = self.tokens, self.lex
        words: list[str] = []
        j = i
        while j < len(tokens) and j - i < _CONNECTORS_LONGEST and tokens[j].joined:
            norm = tokens[j].norm
            if tokens[j].text[:1].isupper() or not (
                    norm in lex.particles or norm in lex.of_joins or norm in ("the", "and")
                    or norm == "&"):
                break
            words.append(norm)
            if tokens[j].possessive or tokens[j].ends:
                return 0
            j += 1
        if not words or j >= len(tokens) or not tokens[j].joined:
            return 0
        if not self.name_word_at(j) or self.is_time(tokens[j]):
            return 0
        head = tokens[i - 1].norm
        if all(w in lex.particles for w in words):
            return len(words)
        if words == ["&"]:
            return 1
        if words[0] in lex.of_joins and head in lex.of_heads and (
                words[1:] in ([], ["the"])):
            return len(words)
        if words == ["and"] and has_of:
            return 1
        return 0

    def numbered(self, before: _Token) -> bool:
        """Whether a number after this word is part of a name ("iPhone 4", "Windows 95")."""
        return (not before.possessive and not before.ends and (before.text,) not in
                self.lex.places and before.norm not in self.lex.heads
                and (before.text.replace(".", "").lower(),) not in self.lex.titles)


# -- raw mentions -----------------------------------------------------------------------

@attrs.define(slots=True)
class _Raw:
    """One name in the text, before its aliases are joined."""

    first: int  # token range [first, last)
    last: int
    start: int  # character span, the title included when written in the run
    end: int
    words: tuple[str, ...]
    kind: ActorKind
    title: str | None = None
    country: str | None = None
    title_only: bool = False
    person_like: bool = False
    acronym: bool = False

    @property
    def surface(self) -> str:
        return " ".join(self.words)


def _is_plain(word: str) -> bool:
    """A capitalised word and nothing else ("Negotiations", not "NATO" or "iPod")."""
    return word[:1].isupper() and word[1:].islower()


class _Segmenter(_Reader):
    """Runs cut into raw mentions: a title splits a run into what it qualifies and the
    person it names ("U.S. President Donald Trump": the U.S., then the President)."""

    def raws(self) -> list[_Raw]:
        runs = self.runs()
        tokens = self.tokens
        # Names in a title-case heading count only as the prose writes them: a run the
        # prose has too, else word by word ("US Policy Shift" is the US).
        prose = {tuple(t.text for t in tokens[a:b])[i:j] for a, b in runs
                 if not tokens[a].heading for i in range(b - a) for j in range(i + 1, b - a + 1)}
        out: list[_Raw] = []
        for first, last in runs:
            words = tuple(t.text for t in tokens[first:last])
            if tokens[first].heading and words not in prose:
                k = first
                while k < last:  # the longest piece the prose has, else one word
                    j = next((j for j in range(last, k + 1, -1)
                              if words[k - first:j - first] in prose), k + 1)
                    out.extend(self.segment(k, j, None))
                    k = j
            else:
                if self.common_opener(first, last):
                    first += 1
                out.extend(self.segment(first, last, self.title_before(first)))
        # A plain capitalised word that opens a sentence is a name only if the article
        # also capitalises it where a sentence does not begin ("Negotiations are going"),
        # and never writes it in lower case.
        # (Opening two sentences counts too: a common noun seldom does, a name often.)
        inside = {t.text for first, last in runs for t in self.tokens[first:last]
                  if not t.initial or (last - first > 1 and not t.heading)}
        openers = Counter(r.words[0] for r in out if self.sentence_capital(r))
        inside.update(word for word, n in openers.items() if n > 1)
        return [r for r in out
                if not (self.sentence_capital(r) and (r.words[0] not in inside
                                                      or r.words[0].lower() in self.lower))
                and not (len(r.words) == 1 and len(r.words[0].rstrip(".")) == 1)]

    def common_opener(self, first: int, last: int) -> bool:
        """Whether a run's first word is a common word a sentence capitalised: plain, the
        article also writes it in lower case, and it is no title or place."""
        token = self.tokens[first]
        return (last - first > 1 and token.initial and _is_plain(token.text)
                and token.text.lower() in self.lower
                and self.title_at(self.tokens[first:last], 0)[1] is None
                and self.place(self.tokens[first:first + 1]) is None)

    def sentence_capital(self, raw: _Raw) -> bool:
        return (len(raw.words) == 1 and raw.title is None and raw.country is None
                and not raw.acronym and self.tokens[raw.first].initial
                and _is_plain(raw.words[0]))

    def title_before(self, first: int) -> str | None:
        """A lowercase title just before a name: "foreign minister Sergei Lavrov"."""
        tokens, best = self.tokens, None
        words: tuple[str, ...] = ()
        if not tokens[first].joined:
            return None
        for k in range(first - 1, max(-1, first - 1 - self.lex.title_longest), -1):
            token = tokens[k]
            if self.is_name_word(token) or token.ends or token.possessive:
                break
            words = (token.norm, *words)
            if words in self.lex.titles:
                best = self.lex.titles[words]
            if not token.joined:
                break
        return best

    def segment(self, first: int, last: int, title_before: str | None) -> list[_Raw]:
        tokens = self.tokens[first:last]
        if not tokens:
            return []
        country = self.place(tokens)
        if country is not None:
            kind = ActorKind.OTHER if country in self.lex.regions else ActorKind.COUNTRY
            return [self.raw(first, last, kind, country=country)]
        for p in range(len(tokens)):
            length, title = self.title_at(tokens, p)
            if title is None:
                continue
            rest = tokens[p + length:]
            if rest and (self.is_org(rest) or self.place(rest) is not None
                         or (not _is_capital(rest[0].text, self.lex)
                         and rest[0].norm not in self.lex.particles)):
                continue  # "General Assembly", "Justice Department": not a title here
            out = self.segment(first, first + p, None) if p else []
            if rest and title in self.lex.descriptions:  # "Spokesman Yuri Gremitskikh"
                out.append(self.raw(first + p + length, last, ActorKind.PERSON))
            elif rest:
                out.append(self.raw(first + p + length, last, ActorKind.PERSON, title=title,
                                    span_from=tokens[p].start))
            elif title in self.lex.descriptions:
                pass  # "the Spokesman" names nobody in particular
            else:  # "the President", "the U.S. President": resolved against the article
                out.append(attrs.evolve(self.raw(first + p, last, ActorKind.PERSON,
                                                 title=title), title_only=True))
            return out
        if (len(tokens) > 1 and tokens[0].maybe_ends and self.place(tokens[:1]) is not None
                and not self.is_org(tokens)):
            # "in the U.S. Jobs said": a dotted country then a name is two names.
            return [*self.segment(first, first + 1, None), *self.segment(first + 1, last, None)]
        kind = self.classify(tokens)
        raw = self.raw(first, last, kind)
        if title_before is not None and kind is ActorKind.OTHER and raw.person_like:
            raw.kind = ActorKind.PERSON
            if title_before not in self.lex.descriptions:
                raw.title = title_before
        return [raw]

    def is_org(self, tokens: Sequence[_Token]) -> bool:
        """An organisation's name: it ends with a head ("Security Council"), a head takes
        "of" or "for" ("Bank of England"), or it is an acronym ("NATO")."""
        last = tokens[-1]
        if last.norm in self.lex.heads or (len(tokens) == 1 and _is_acronym(last.text)):
            return True
        return any(t.norm in self.lex.of_joins and before.norm in self.lex.heads
                   for before, t in pairwise(tokens))

    def classify(self, tokens: Sequence[_Token]) -> ActorKind:
        return ActorKind.ORGANISATION if self.is_org(tokens) else ActorKind.OTHER

    def raw(self, first: int, last: int, kind: ActorKind, *, title: str | None = None,
            country: str | None = None, span_from: int | None = None) -> _Raw:
        tokens = self.tokens[first:last]
        words = (*(t.raw for t in tokens[:-1]), tokens[-1].text)  # "People's Union"
        return _Raw(first, last, tokens[0].start if span_from is None else span_from,
                    tokens[-1].end, words, kind, title, country,
                    person_like=country is None and _person_like(words, self.lex),
                    acronym=len(words) == 1 and _is_acronym(words[0]))


def _person_like(words: Sequence[str], lexicon: ActorLexicon) -> bool:
    """Words that could be a person's name: capitalised letters (particles and initials
    allowed), no organisation's head, no acronym, digit or product-like word, not a place."""
    if not words or tuple(words) in lexicon.places:
        return False
    saw_name = False
    for word in words:
        norm = word.replace(".", "").lower()
        if norm in lexicon.particles and not word[:1].isupper():
            continue
        letters = word.replace("-", "").replace("'", "").replace("\u2019", "").replace(".", "")
        if (not letters.isalpha() or not _is_capital(word, lexicon) or not _name_cased(word)
                or (_is_acronym(word)
                and norm not in _GENERATIONS) or norm in lexicon.heads
                or norm in lexicon.of_joins):
            return False
        saw_name = True
    return saw_name


def _name_cased(word: str) -> bool:
    """Capitals only where names have them: first, after a hyphen or an apostrophe, or
    after "Mc"/"Mac" ("McCain", "O'Brien", "Jean-Claude"; not "PowerPC", "FaceTime")."""
    if word.isupper():
        return True
    for i in range(1, len(word)):
        if word[i].isupper() and not (word[i - 1] in "-'\u2019." or word[:i] in ("Mc", "Mac")):
            return False
    return True


def _several(meanings: Iterable[str]) -> bool:
    """Whether a short name may stand for two full names (looks at two of them at most,
    so a name thousands share costs nothing more)."""
    return len(list(islice(meanings, 2))) > 1


def _surname_words(words: Sequence[str]) -> tuple[str, ...]:
    """Words without a generation suffix ("Jr.", "III"), lower case without dots."""
    out = tuple(w.replace(".", "").lower() for w in words)
    while len(out) > 1 and out[-1] in _GENERATIONS:
        out = out[:-1]
    return out


# -- keys: the same actor across articles ---------------------------------------------------

def normal_key(text: str) -> str:
    """``actor_key`` normalised further, so one actor gets one key in every article: a
    company's legal suffix dropped ("Apple Inc." is "apple"), conventional abbreviations
    expanded ("U.N." and "UN" are "united nations"), a country by its name ("U.S.",
    "America" and "American" are "united states")."""
    return _cached_key(text)


@lru_cache(maxsize=1 << 16)
def _cached_key(text: str) -> str:
    """``normal_key`` remembered: matching asks for the same aliases' keys again and again."""
    return _normal_key(text, load_actor_lexicon())


def _normal_key(text: str, lexicon: ActorLexicon) -> str:
    key = actor_key(text)
    words = key.split()
    if len(words) > 1 and words[-1].rstrip(",") in lexicon.corporate:
        words = words[:-1]
        if words[-1].endswith(","):  # "Apple Computer, Inc."
            words[-1] = words[-1][:-1]
    whole = " ".join(words)
    country = lexicon.country_keys.get(whole)
    if country is not None:
        return actor_key(country)
    out = []
    for i, word in enumerate(words):
        expansion = lexicon.abbreviations.get(word)
        if expansion is None and i == 0 and len(words) > 1:
            place = lexicon.country_keys.get(word)  # "US Senate", "U.K. Parliament"
            expansion = place if place is not None and word in lexicon.country_abbreviations \
                else None
        out.append(word if expansion is None else actor_key(expansion))
    return " ".join(out)


def _strip_title(text: str, lexicon: ActorLexicon) -> str:
    """A user's entity without a title before a name: "President Macron" is "Macron"."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    best = 0
    for k in range(1, min(len(words) - 1, lexicon.title_longest) + 1):
        if tuple(w.replace(".", "").lower() for w in words[:k]) in lexicon.titles:
            best = k
    rest = words[best:]
    if best and rest and (rest[-1].replace(".", "").lower() in lexicon.heads
                          or actor_key(" ".join(rest)) in lexicon.country_keys):
        return " ".join(words)  # "General Assembly", "King Abdullah University"
    return " ".join(rest)


# -- aliases ------------------------------------------------------------------------------

def _aliases(name: str, kind: ActorKind, title: str | None, surfaces: Iterable[str],
             lexicon: ActorLexicon, *, country: str | None = None) -> frozenset[str]:
    """Every other form that names the actor: the article's own forms, with their title,
    and the conventional ones (a person's surname, a country's forms and demonyms, an
    organisation under its abbreviation or expansion, a company without "Inc.")."""
    out = set(surfaces)
    words = name.split()
    if country is not None:
        out.update(lexicon.place_names.get(country, ()))
    elif kind is ActorKind.PERSON or (kind is ActorKind.OTHER and len(words) > 1
                                      and _person_like(words, lexicon)):
        surname = _surname_words(words)
        if len(words) > 1:
            out.add(words[len(surname) - 1])
    else:
        if len(words) > 1 and words[-1].replace(".", "").lower() in lexicon.corporate:
            out.add(" ".join(words[:-1]).rstrip(","))
        for i, word in enumerate(words):  # "UN General Assembly" <-> "U.N. General Assembly"
            expansion = lexicon.abbreviations.get(actor_key(word))
            if expansion is not None:
                out.add(" ".join([*words[:i], expansion, *words[i + 1:]]))
        for form in [name, *out]:
            for short, expansion in lexicon.expansions:
                if form == expansion or form.startswith(expansion + " "):
                    out.add(short + form[len(expansion):])
        if kind is ActorKind.ORGANISATION and 2 < len(words) <= MAX_NAME:
            # "General Assembly" for "UN General Assembly": the name without its qualifier.
            for i in range(1, len(words) - 1):
                if words[i].lower() not in lexicon.of_joins | lexicon.particles:
                    out.add(" ".join(words[i:]))
    if title is not None:
        out.add(f"{title} {name}")
        if kind is ActorKind.PERSON and len(words) > 1:
            out.add(f"{title} {words[len(_surname_words(words)) - 1]}")
    out.discard(name)
    out.discard("")
    return frozenset(out)


# -- one actor per participant ------------------------------------------------------------

class _Joiner:
    """Raw mentions joined into actors (union-find; every lookup through a dictionary, so
    an article of any size is read in about linear time)."""

    def __init__(self, raws: list[_Raw], text: str, lexicon: ActorLexicon) -> None:
        self.raws, self.text, self.lex = raws, text, lexicon
        self.parent = list(range(len(raws)))
        self.person = [False] * len(raws)

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    @staticmethod
    def nearest(indices: list[int], i: int, *, following: bool = True) -> int | None:
        """The index nearest before ``i`` in a sorted list, else (``following``) the first
        after it."""
        at = bisect_left(indices, i)
        if at > 0:
            return indices[at - 1]
        if following and at < len(indices) and indices[at] != i:
            return indices[at]
        if following and at + 1 < len(indices):
            return indices[at + 1]
        return None

    def join(self) -> list[ActorMention]:
        raws, lex = self.raws, self.lex
        keys = ["" if raw.title_only else
                "\x00" + raw.country if raw.country else _normal_key(raw.surface, lex)
                for raw in raws]
        suffixes: dict[tuple[str, ...], list[int]] = {}  # people's shorter names
        org_suffixes: dict[tuple[str, ...], list[int]] = {}  # "Assembly", "General Assembly"
        initials: dict[str, list[int]] = {}
        # People by their first word: a name written family name first ("President Xi
        # Jinping", then "Xi"), or a given name in a quote ("Steve will continue"); only
        # when no other name in the article starts with that word.
        family_first: dict[str, list[int]] = {}
        # Companies by their own name: "Apple" after "Apple Computer" or "Apple Inc.".
        companies: dict[str, list[int]] = {}
        # The full names a short one may stand for ("Apple": Apple Corps, Apple Computer).
        meanings: dict[tuple[str, ...], set[str]] = {}
        for i, raw in enumerate(raws):
            if raw.title_only or len(raw.words) < 2:
                continue
            words = _surname_words(raw.words)
            if raw.person_like:
                for k in range(1, len(words)):
                    if raw.words[k][:1].isupper():
                        suffixes.setdefault(words[k:], []).append(i)
                        meanings.setdefault(words[k:], set()).add(keys[i])
                meanings.setdefault(words[:1], set()).add(keys[i])
                family_first.setdefault(words[0], []).append(i)
            if raw.kind is ActorKind.ORGANISATION:
                for k in range(1, len(words)):
                    org_suffixes.setdefault(words[k:], []).append(i)
                if all(w in lex.company_words or w in lex.corporate for w in words[1:]):
                    companies.setdefault(words[0], []).append(i)
                    meanings.setdefault(words[:1], set()).add(keys[i])
            if raw.country is None:
                letters = "".join(w[0] for w in raw.words if w[:1].isupper())
                initials.setdefault(letters, []).append(i)
        # Mentions with one name join by key; a short name that may stand for two full
        # ones joins only the nearest ("Apple" near "Apple Corps" is not Apple Computer).
        first_of: dict[str, int] = {}
        for i, raw in enumerate(raws):
            if raw.title_only or _several(meanings.get(_surname_words(raw.words), ())):
                continue
            if keys[i] in first_of:
                self.union(i, first_of[keys[i]])
            else:
                first_of[keys[i]] = i
        for i, raw in enumerate(raws):
            if raw.title_only or raw.country is not None:
                continue
            words = _surname_words(raw.words)
            regnal = raw.title is not None and raw.title in lex.regnal
            if raw.person_like and not regnal:  # "Macron" after "Emmanuel Macron"
                j = self.nearest(suffixes.get(words, []), i)
                if j is None and len(words) == 1 and not _several(meanings.get(words, ())):
                    j = self.nearest(family_first.get(words[0], []), i)
                if j is not None and j != i:
                    self.union(i, j)
                    self.person[i] = self.person[j] = True
            if len(words) == 1 and raw.title is None:
                j = self.nearest(companies.get(words[0], []), i)
                if j is not None and j != i:
                    self.union(i, j)
            if raw.kind is ActorKind.ORGANISATION and not raw.acronym:
                j = self.nearest(org_suffixes.get(words, []), i, following=False)
                if j is not None:  # "the Assembly" after "the UN General Assembly"
                    self.union(i, j)
            if raw.acronym:
                letters = raw.words[0].replace(".", "").replace("-", "")
                j = self.nearest(initials.get(letters, []), i)
                if j is not None and j != i:  # "NATO" and "North Atlantic Treaty Organization"
                    self.union(i, j)
                if i and self.defines(i - 1, i):  # "the Economic Community ... (ECOWAS)"
                    self.union(i - 1, i)
        self.resolve_titles()
        return self.actors()

    def defines(self, full: int, short: int) -> bool:
        """Whether a name is followed by its abbreviation in brackets: "Name (NAME)"."""
        a, b = self.raws[full], self.raws[short]
        return (len(a.words) > 1 and a.country is None
                and self.text[a.end:b.start].strip() == "("
                and self.text[b.end:b.end + 1] == ")")

    def resolve_titles(self) -> None:
        """"The President" names the article's one person with that title; with none or
        several, nobody."""
        holders: dict[str, set[int]] = {}
        for i, raw in enumerate(self.raws):
            if raw.title and not raw.title_only:
                holders.setdefault(raw.title, set()).add(self.find(i))
        for i, raw in enumerate(self.raws):
            if raw.title_only:
                roots = holders.get(raw.title or "", set())
                if len(roots) == 1:
                    self.union(i, next(iter(roots)))

    def actors(self) -> list[ActorMention]:
        raws = self.raws
        groups: dict[int, list[int]] = {}
        for i in range(len(raws)):
            groups.setdefault(self.find(i), []).append(i)
        out: list[ActorMention] = []
        for members in groups.values():
            named = [i for i in members if not raws[i].title_only]
            if not named:
                continue  # a title nobody in the article holds
            actor = self.actor(members, named)
            out.extend(ActorMention((raws[i].start, raws[i].end),
                                    self.text[raws[i].start:raws[i].end], actor)
                       for i in members)
        out.sort(key=lambda m: m.span)
        return out

    def actor(self, members: list[int], named: list[int]) -> Actor:
        raws, lex = self.raws, self.lex
        country = next((raws[i].country for i in named if raws[i].country), None)
        titles = [t for t in (raws[i].title for i in members) if t is not None]
        strong = [t for t in titles if " ".join(_words(t)) not in lex.honorifics]
        title = max(strong or titles, key=(strong or titles).count) if titles else None
        if country is not None:
            name, title = country, None
            kind = ActorKind.OTHER if country in lex.regions else ActorKind.COUNTRY
        else:
            best = max(named, key=lambda i: (len(raws[i].words), -i))
            name = raws[best].surface
            if titles or any(raws[i].kind is ActorKind.PERSON for i in named):
                kind = ActorKind.PERSON
            elif any(raws[i].kind is ActorKind.ORGANISATION for i in named):
                kind = ActorKind.ORGANISATION
            elif any(self.person[i] for i in named):
                kind = ActorKind.PERSON
            else:
                kind = ActorKind.OTHER
        surfaces = {raws[i].surface for i in named}
        surfaces.update(f"{raws[i].title} {raws[i].surface}" for i in named if raws[i].title)
        key = actor_key(country) if country is not None else _normal_key(name, lex)
        return Actor(name, kind, key, title,
                     _aliases(name, kind, title, surfaces, lex, country=country))


# -- the public API ----------------------------------------------------------------------

def find_actors(text: str, *, coreference: bool = False) -> list[ActorMention]:
    """Every mention of an actor in an article, by span; one ``Actor`` per participant.

    ``coreference`` adds the words that refer back to a named actor (``coreferent``):
    "he", "its", "the company", "the store" after "iTunes Store".

    >>> mentions = find_actors("French President Emmanuel Macron met the UN Security "
    ...                        "Council. Macron spoke first.")
    >>> [(m.text, m.actor.name, m.actor.kind.value) for m in mentions]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('French', 'France', 'country'),
     ('President Emmanuel Macron', 'Emmanuel Macron', 'person'),
     ('UN Security Council', 'UN Security Council', 'organisation'),
     ('Macron', 'Emmanuel Macron', 'person')]
    >>> mentions[1].actor is mentions[3].actor
    True
    """
    lexicon = load_actor_lexicon()
    raws = _Segmenter(text, lexicon).raws()
    found = _Joiner(raws, text, lexicon).join()
    return coreferent(text, found) if coreference else found


# -- coreference ------------------------------------------------------------------------------

@attrs.frozen
class Coreference:
    """``coreference.toml`` read: the referring words by the kind of actor they agree with."""

    reach: int
    description_reach: int
    person: frozenset[str]
    thing: frozenset[str]
    group: frozenset[str]
    dummy_after: frozenset[str]
    dummy_be: frozenset[str]
    place_prepositions: frozenset[str]
    organisation_nouns: frozenset[str]
    thing_nouns: frozenset[str]
    examples: tuple[Mapping[str, Any], ...]


@cache
def load_coreference(package: str = "timeline.lang.en") -> Coreference:
    """Read ``coreference.toml``; ``RuleTableError`` naming the entry at fault."""
    path = resources.files(package) / "coreference.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleTableError(f"coreference.toml: not valid TOML: {exc}") from None
    pronouns, nouns = data.get("pronouns", {}), data.get("descriptions", {})
    reaches = []
    for key in ("reach", "description_reach"):
        reach = data.get(key)
        if not isinstance(reach, int) or isinstance(reach, bool) or reach < 1:
            raise RuleTableError(f"coreference.toml: {key}: expected a whole number of "
                                 f"sentences")
        reaches.append(reach)

    def words(table: Mapping[str, Any], key: str, where: str) -> frozenset[str]:
        return frozenset(w.lower() for w in _strings(table, key, where))

    return Coreference(
        reaches[0], reaches[1], words(pronouns, "person", "pronouns"),
        words(pronouns, "thing", "pronouns"), words(pronouns, "group", "pronouns"),
        words(pronouns, "dummy_after", "pronouns"), words(pronouns, "dummy_be", "pronouns"),
        words(pronouns, "place_prepositions", "pronouns"),
        words(nouns, "organisation", "descriptions"), words(nouns, "thing", "descriptions"),
        tuple(data.get("example", ())))


_REFERRING = re.compile(r"\b(?:(?P<det>[Tt]he)\s+)?(?P<word>[A-Za-z]+)\b")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s)|\n")


def _placed(text: str, mention: ActorMention, rules: Coreference) -> bool:
    """Whether a name follows a preposition of place, so is a place's, not a person's."""
    before = text[max(0, mention.span[0] - 12):mention.span[0]].split()
    return bool(before) and before[-1].lower() in rules.place_prepositions


def _dummy(after: str, rules: Coreference) -> bool:
    """Whether "it" with ``after`` after it is a dummy subject: "it seems", "it is
    expected that", "it was hard to" (a form of "be" with "that" or "to" soon after),
    not "it is slated for release"."""
    words = after.lower().split()[:4]
    if not words:
        return False
    if words[0] in rules.dummy_after:
        return True
    return words[0] in rules.dummy_be and any(w in ("that", "to") for w in words[1:])


def _is_person(actor: Actor, lexicon: ActorLexicon) -> bool:
    """A person, or a name read as no kind that is written as a person's ("Maria Lopez")."""
    return actor.kind is ActorKind.PERSON or (
        actor.kind is ActorKind.OTHER and len(actor.name.split()) > 1
        and _person_like(actor.name.split(), lexicon))


def _head(actor: Actor) -> str:
    """The last word of a name that is no figure, in lower case ("iphone" of "iPhone 4")."""
    words = [w for w in _WORD.findall(actor.name) if any(c.isalpha() for c in w)]
    return words[-1].lower().rstrip(".") if words else ""


def coreferent(text: str, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """``mentions`` with the words that refer back to one of their actors, by span.

    English refers back to a participant it has named by a third-person pronoun or a
    definite description; the referent is the most recent actor (named or referred to)
    within ``reach`` sentences whose kind agrees (``lang/en/coreference.toml``):
    he/she/his/her a person; it/its a single actor that is no person (not a dummy "it
    is ..."); they/their an organisation; "the company" an organisation; "the device"
    an actor that is neither a person nor an organisation nor a country; "the store"
    an actor whose name's head is "store" or a compound of it ("iPhone" for "the
    phone"). A word inside a name is not a referring word.

    >>> found = coreferent("Acme Corp. sued Jo Smith. She said it lost.",
    ...                    find_actors("Acme Corp. sued Jo Smith. She said it lost."))
    >>> [(m.text, m.actor.name) for m in found]  # doctest: +NORMALIZE_WHITESPACE
    [('Acme Corp.', 'Acme Corp.'), ('Jo Smith', 'Jo Smith'), ('She', 'Jo Smith'),
     ('it', 'Acme Corp.')]
    """
    rules, lexicon = load_coreference(), load_actor_lexicon()
    named = sorted(mentions, key=lambda m: m.span)
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    recent: list[tuple[int, ActorMention]] = []  # (sentence, mention), most recent last
    out: list[ActorMention] = []
    at = 0

    def person_like(actor: Actor) -> bool:
        return _is_person(actor, lexicon)

    def sentence(position: int) -> int:
        return bisect_left(ends, position + 1)

    def referent(position: int, fits: Any, reach: int = rules.reach) -> Actor | None:
        here = sentence(position)
        for number, mention in reversed(recent):
            if here - number >= reach:
                return None
            if fits(mention.actor) and not (fits is person_like
                                            and _placed(text, mention, rules)):
                return mention.actor
        return None

    for match in _REFERRING.finditer(text):
        start, end = match.span()
        while at < len(named) and named[at].span[0] < end:
            recent.append((sentence(named[at].span[0]), named[at]))
            at += 1
        if recent and recent[-1][1].span[1] > start:
            continue  # inside a name
        word = match["word"].lower()
        actor: Actor | None = None
        if match["det"] is None or word in rules.person | rules.thing | rules.group:
            start = match.start("word")
            if word in rules.person:  # a known person first, then a name like one
                actor = referent(start, lambda a: a.kind is ActorKind.PERSON) or referent(
                    start, person_like)
            elif word in rules.thing:
                if word == "it" and _dummy(text[match.end():match.end() + 40], rules):
                    continue
                actor = referent(start, lambda a: not _is_person(a, lexicon))
            elif word in rules.group:
                actor = referent(start, lambda a: a.kind is ActorKind.ORGANISATION)
        elif match["word"].islower():
            if word in rules.organisation_nouns:
                actor = referent(start, lambda a: a.kind is ActorKind.ORGANISATION)
            if actor is None and len(word) > 3 and word not in lexicon.stop:
                actor = referent(start, lambda a, noun=word: _head(a).endswith(noun),
                                 rules.description_reach)
            if actor is None and word in rules.thing_nouns:
                actor = referent(start, lambda a: a.kind is ActorKind.OTHER
                                 and not _is_person(a, lexicon))
        if actor is not None:
            made = ActorMention((start, end), text[start:end], actor)
            out.append(made)
            recent.append((sentence(start), made))
    return sorted([*named, *out], key=lambda m: m.span)


def actor_named(name: str) -> Actor:
    """An actor from a bare name, as an ``events.toml`` lists it ("Emmanuel Macron", "UN
    General Assembly", "Russia"): its kind read from the words alone (a country's form, an
    organisation's head or acronym, two or more capitalised words or a title for a person:
    "President Emmanuel Macron" is Emmanuel Macron with his title)."""
    lexicon = load_actor_lexicon()
    text = " ".join(name.split())
    country = lexicon.country_keys.get(actor_key(text))
    if country is not None:
        kind = ActorKind.OTHER if country in lexicon.regions else ActorKind.COUNTRY
        return Actor(country, kind, actor_key(country), None,
                     _aliases(country, kind, None, {text}, lexicon, country=country))
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    rest = _strip_title(" ".join(words), lexicon).split()
    title = None
    if rest and len(rest) < len(words):  # "President Emmanuel Macron"
        title = lexicon.titles.get(tuple(_words(" ".join(words[:len(words) - len(rest)]))))
        words = rest
    last = words[-1].replace(".", "").lower() if words else ""
    if title is not None:
        kind = ActorKind.PERSON
    elif last in lexicon.heads or (len(words) == 1 and _is_acronym(words[0])):
        kind = ActorKind.ORGANISATION
    elif len(words) > 1 and _person_like(words, lexicon):
        kind = ActorKind.PERSON
    else:
        kind = ActorKind.OTHER
    clean = " ".join(words)
    return Actor(clean, kind, _normal_key(clean, lexicon), title,
                 _aliases(clean, kind, title, (), lexicon))


def matches(entity: str, actor: Actor) -> bool:
    """Whether a user's entity names this actor: its key, an alias, a person's surname (or
    the full name of a person the article calls by surname only), an organisation under a
    longer name ("Beatles Apple Corps" for "Apple Corps"), a thing's plural ("iPods" for
    "iPod"); case, dots, "the" and a title
    before a name do not matter. A name with a number is a model: "iPhone 4" is not
    "iPhone 3G".

    >>> macron = actor_named("Emmanuel Macron")
    >>> matches("macron", macron), matches("President Macron", macron)
    (True, True)
    >>> matches("iPhone 4", actor_named("iPhone 3G"))
    False
    >>> matches("Zephone", actor_named("Zephones")), matches("Z 3G", actor_named("Z 3GS"))
    (True, False)
    """
    lexicon = load_actor_lexicon()
    wanted = {_cached_key(entity), _cached_key(_strip_title(entity, lexicon))}
    wanted.discard("")
    if not wanted:
        return False
    names = {actor.key, _cached_key(actor.name)}
    names.update(_cached_key(a) for a in actor.aliases)
    if wanted & names:
        return True
    if actor.kind is not ActorKind.PERSON and {f"{k}s" for k in wanted
                                               if k.split()[-1].isalpha()} & names:
        return True  # "iPods" are instances of the "iPod" (not "iPhone 3GS" of "iPhone 3G")
    own = _cached_key(actor.name).split()
    for key in wanted:
        words = key.split()
        if actor.kind in (ActorKind.PERSON, ActorKind.OTHER) and _key_person_like(own, lexicon) \
                and _key_person_like(words, lexicon):
            shorter, longer = sorted((words, own), key=len)
            if len(shorter) < len(longer) and _surname_words(longer)[-len(shorter):] == \
                    tuple(shorter) and (actor.kind is ActorKind.PERSON or len(own) > 1
                                        or len(words) > 1):
                return True
        if (actor.kind is ActorKind.ORGANISATION and len(own) > 1 and own[-1] in lexicon.heads
                and len(words) > len(own) and words[-len(own):] == own):
            return True  # "Beatles Apple Corps" names "Apple Corps"
        if (actor.kind is ActorKind.ORGANISATION and words and words[-1] in lexicon.heads
                and len(own) > len(words) and own[:len(words)] == words
                and own[-1] in lexicon.heads):
            return True  # the UN takes part in what the "UN General Assembly" does
        if (actor.kind is ActorKind.ORGANISATION and len(words) > 1 and len(own) > 1
                and words[0] == own[0] and words[-1] == own[-1] and own[-1] in lexicon.heads
                and (_within(words, own) or _within(own, words))):
            return True  # "iTunes Store" and "iTunes Music Store"
    return False


def same_actor(a: Actor, b: Actor) -> bool:
    """Whether two actors (of two articles, say) may be one participant: equal keys, or
    either's name names the other ("Macron" in one article, "Emmanuel Macron" in another).
    Symmetric; countries only by their key, so "Georgia" the state never meets a person.

    >>> same_actor(actor_named("Macron"), actor_named("President Emmanuel Macron"))
    True
    """
    if a.key == b.key:
        return True
    if ActorKind.COUNTRY in (a.kind, b.kind):
        return False
    return matches(a.name, b) or matches(b.name, a)


def across_articles(actors: Iterable[Actor]) -> dict[str, Actor]:
    """One actor for each participant of a corpus: every input key -> the actor that stands
    for it, under the fullest name any article gives ("Trump" in one article and "Donald
    Trump" in another are "Donald Trump"), with every article's aliases.

    A short key joins a longer one only when exactly one longer one fits (a surname to the
    one person of that name, "general assembly" to the one assembly it ends), so the result
    does not depend on the order of the actors; keys are compared in sorted order.

    >>> people = across_articles([actor_named("Trump"), actor_named("President Donald Trump")])
    >>> people["trump"].display
    'President Donald Trump'
    """
    lexicon = load_actor_lexicon()
    by_key: dict[str, list[Actor]] = {}
    for actor in actors:
        by_key.setdefault(actor.key, []).append(actor)
    keys = sorted(by_key)
    kinds = {key: _kind_of(by_key[key]) for key in keys}
    # The longer keys each shorter one may stand for: people by their last words,
    # organisations by the words they end with; bounded by a name's length.
    longer: dict[tuple[str, ...], set[str]] = {}
    for key in keys:
        words = tuple(key.split())
        if kinds[key] is ActorKind.COUNTRY or len(words) > MAX_NAME:
            continue
        for k in range(1, len(words)):
            if kinds[key] is ActorKind.ORGANISATION or _key_person_like(words, lexicon):
                longer.setdefault(words[k:], set()).add(key)
    target = {}
    for key in keys:
        fits = longer.get(tuple(key.split()), set()) - {key}
        if kinds[key] is not ActorKind.COUNTRY and len(fits) == 1:
            (full,) = fits
            if kinds[full] is kinds[key] or kinds[key] is ActorKind.OTHER:
                target[key] = full
    groups: dict[str, list[Actor]] = {}
    for key in keys:
        root = key
        while root in target:  # a chain is short: each step adds words
            root = target[root]
        groups.setdefault(root, []).extend(by_key[key])
    out: dict[str, Actor] = {}
    for root, members in groups.items():
        merged = _merged(root, members)
        for member in members:
            out[member.key] = merged
    return out


def _kind_of(actors: Sequence[Actor]) -> ActorKind:
    """The most telling kind among one key's actors."""
    kinds = {a.kind for a in actors}
    for kind in (ActorKind.COUNTRY, ActorKind.PERSON, ActorKind.ORGANISATION):
        if kind in kinds:
            return kind
    return ActorKind.OTHER


def _merged(key: str, actors: Sequence[Actor]) -> Actor:
    """One actor from several articles' actors of one participant."""
    best = max(actors, key=lambda a: (len(a.name.split()), a.key == key, a.name))
    titles = [a.title for a in actors if a.title is not None]
    lexicon = load_actor_lexicon()
    strong = [t for t in titles if " ".join(_words(t)) not in lexicon.honorifics] or titles
    title = max(sorted(set(strong)), key=strong.count) if strong else None
    aliases = {form for a in actors for form in (a.name, *a.aliases)} - {best.name}
    return Actor(best.name, _kind_of(actors), best.key, title, frozenset(aliases))


def _within(shorter: Sequence[str], longer: Sequence[str]) -> bool:
    """Whether ``shorter``'s words appear in ``longer`` in order (gaps allowed)."""
    rest = iter(longer)
    return len(shorter) < len(longer) and all(word in rest for word in shorter)


def _key_person_like(words: Sequence[str], lexicon: ActorLexicon) -> bool:
    """A key that could be a person's name: letters only, no head, not a place."""
    return bool(words) and " ".join(words) not in lexicon.country_keys and all(
        w.replace("-", "").replace("'", "").isalpha() and w not in lexicon.heads
        and w not in lexicon.of_joins for w in words)


def entity_mentions(entity: str, text: str | Sequence[ActorMention]) -> list[ActorMention]:
    """The mentions of an article (its text, or ``find_actors``' output) whose actor the
    entity names."""
    mentions = find_actors(text) if isinstance(text, str) else text
    verdicts: dict[int, bool] = {}
    out = []
    for mention in mentions:
        verdict = verdicts.get(id(mention.actor))
        if verdict is None:
            verdict = verdicts[id(mention.actor)] = matches(entity, mention.actor)
        if verdict:
            out.append(mention)
    return out


def mentions_entity(entity: str, text: str | Sequence[ActorMention]) -> bool:
    """Whether an article (or its mentions) names the entity."""
    return bool(entity_mentions(entity, text))


def about_ids(entity: str, specs: Iterable[EventSpec]) -> frozenset[str]:
    """The ids of the events whose ``actors`` name the entity (``Timeline.about``); each
    actor string is read once (``actor_named``)."""
    verdicts: dict[str, bool] = {}
    kept = set()
    for spec in specs:
        for name in spec.actors:
            verdict = verdicts.get(name)
            if verdict is None:
                verdict = verdicts[name] = matches(entity, actor_named(name))
            if verdict:
                kept.add(spec.id)
                break
    return frozenset(kept)


__all__ = ["ActorLexicon", "Coreference", "about_ids", "across_articles", "actor_named",
           "coreferent", "entity_mentions", "find_actors", "load_actor_lexicon",
           "load_coreference", "matches", "mentions_entity", "normal_key",
           "read_actor_lexicon", "same_actor"]
