"""What looks like a time expression in running text and is not one: names, ages, measures,
"around" and "about" as particles (issue 15).

The rules find words that can say a time; English often uses them for something else.
These checks run on the mentions a scan found in running text and drop (or trim) those the
words around them mark as something else. A phrase resolved on its own (``resolve``) is
left alone: asked directly, "three-year-old" is P3Y. The words the checks are stated over
are language data (``timeline/lang/en/notatime.toml``).

- **Names.** English marks a name by capitals. A time expression that is a capitalised run
  going on to a capitalised head noun that ends names ("the Good Friday Agreement", "the
  May 4th Movement", "Tuesday Morning Corp."), that follows a noun opening a name
  ("Operation Christmas Drop") or a common noun introducing a title ("the film
  Independence Day"), or that stands alone in quotes ("'Black Friday'") is part of a name,
  not a date. So is a deictic word capitalised inside a sentence ("NBC's Today show").
  The same words dated by their context ("on Black Friday", "this Independence Day") are
  no name by these marks and stay.
- **Ages.** "a 34-year-old", "the 83-year-old bridge": how old someone or something is, not
  when anything happened (TimeBank tags neither "Howes, 37 years old" nor "a 136-year-old
  institution"; the held-out news gold of issue 15 and HeidelTime tag no age). Before a
  noun naming what happens or holds ("an 8-month-old truce") the age is how long that has
  lasted, a length TimeML tags (TimeBank does).
- **Measures.** A length joined to a rare event ("a 100-year flood") is its return period.
  Other adjectival lengths ("a 30-year bond", "a 52-week high", "a three-year contract")
  stay: TimeBank tags every one it has.
- **"around" and "about" as particles.** Before a preposition ("came around in 2019",
  "came about in March"), or "around" after a verb it is the particle of before a day
  ("turned around last week"), they approximate nothing: the mention is the time without
  them (no APPROX).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from timeline.errors import RuleTableError
from timeline.tagger.rules import _load_toml
from timeline.time.value import TimexType

if TYPE_CHECKING:
    from timeline.tagger.scan import Mention

#: A word: letters, digits, and the marks names keep inside them ("Corp.", "4th", "O'Hare").
_WORD = re.compile(r"[\w][\w'’&.-]*")
#: Blanks between two words of one phrase (at most one line break).
_GAP = re.compile(r"[ \t\u00a0]+(?:\n[ \t\u00a0]*)?|\n[ \t\u00a0]*")
#: Small words a title in title case keeps in lower case ("Fourth of July").
_JOINERS = frozenset({"of", "the", "and", "&", "de", "du"})
#: Quotes that open and close a title.
_OPEN_QUOTES = "\"'`‘“"
_CLOSE_QUOTES = "\"'‘’”"
#: An age: an amount and unit joined by hyphens to "old" ("34-year-old", "three-year-olds").
_AGE = re.compile(r"-olds?\Z", re.IGNORECASE)
_PLURAL_AGE = re.compile(r"-olds\Z", re.IGNORECASE)
#: How far before a mention the words that make it an age are looked for.
_REACH = 20
#: A length joined to the noun it describes ("100-year", "a 30-day").
_ADJECTIVAL = re.compile(r"\w-\w+\Z")


@attrs.frozen
class NotATime:
    """The words the checks are stated over (``notatime.toml``)."""

    heads: frozenset[str]
    openers: frozenset[str]
    deictic: frozenset[str]
    titles: frozenset[str]
    lasting: frozenset[str]
    age_before: re.Pattern[str] | None
    age_after: re.Pattern[str] | None
    return_period: frozenset[str]
    around_verbs: frozenset[str]
    around_followers: frozenset[str]

    def base(self, text: str, mentions: Sequence[Mention]) -> list[Mention]:
        """The mentions of the first pass that are times: none inside a name, no age, no
        measure. Run before composition, so no composite is built on them."""
        return [m for m in mentions
                if not self.in_name(text, m) and not self.is_age(text, m)
                and not self.is_measure(text, m)]

    def composed(self, text: str, mentions: Sequence[Mention]) -> list[Mention]:
        """The mentions after composition, with "around" as a particle taken out of them."""
        return [self.without_particle(text, m) for m in mentions]

    # Names --------------------------------------------------------------------------

    def in_name(self, text: str, mention: Mention) -> bool:
        """Whether the mention is part of a name, as English marks one with capitals."""
        if mention.value.type not in (TimexType.DATE, TimexType.TIME):
            return False
        words = list(_words(text, mention.start, mention.end))
        if not words or not _capitalised(words[-1]) or not any(w[0].isupper() for w in words):
            return False  # "last week", "the 1990s", "1986": no proper noun
        if self._head_follows(text, mention.end):
            return True
        if len(words) == 1 and words[0] in self.deictic and _inside_sentence(text,
                                                                              mention.start):
            return True  # "NBC's Today show": prose writes "today"
        before = _word_before(text, mention.start)
        if before is not None and before in self.openers:
            return True
        # A title is written in title case, and a title noun before a bare weekday is more
        # often a verb's object before its date ("released the album Tuesday").
        titled = len(words) > 1 and all(_capitalised(w) or w in _JOINERS for w in words)
        return titled and ((before is not None and before.lower() in self.titles)
                           or _quoted(text, mention.start, mention.end))

    def _head_follows(self, text: str, end: int) -> bool:
        """Whether the word right after ``end`` is a head that ends a name. Right after:
        with a capitalised word between, the date may be that of the thing named ("the
        Oct. 23 Wall Street Journal", "your Oct. 23 Centennial Journal item")."""
        following = _word_after(text, end)
        return following is not None and following in self.heads

    # Ages and measures --------------------------------------------------------------

    def is_age(self, text: str, mention: Mention) -> bool:
        """Whether the mention is someone's or something's age ("a 34-year-old"), not the
        length of what it describes ("an 8-month-old truce")."""
        if mention.value.type is not TimexType.DURATION:
            return False
        start, end = mention.extent
        if ((self.age_before is not None
             and self.age_before.search(text, max(0, start - _REACH), start))
                or (self.age_after is not None and self.age_after.match(text, end))):
            return True  # "aged 12 years", "34 years of age"
        said = text[start:end]
        if not _AGE.search(said):
            return False
        if _PLURAL_AGE.search(said):
            return True  # "three-year-olds": people of an age
        following = _word_after(text, end)
        return following is None or following.lower() not in self.lasting

    def is_measure(self, text: str, mention: Mention) -> bool:
        """Whether the mention is a return period ("a 100-year flood")."""
        if mention.value.type is not TimexType.DURATION:
            return False
        start, end = mention.extent
        if not _ADJECTIVAL.search(text, start, end):
            return False
        following = _word_after(text, end)
        return following is not None and following.lower() in self.return_period

    # "around" -----------------------------------------------------------------------

    def without_particle(self, text: str, mention: Mention) -> Mention:
        """The mention with "around" or "about" taken out where it is a particle, not an
        approximator: before a preposition ("came around in 2019", "came about in March":
        an approximator stands right before what it approximates), or "around" after a
        verb it belongs to before a day or a longer time ("turned around last week"); the
        mention itself otherwise. Before a clock time the verb's "around" still
        approximates ("the market turned around 3 p.m."): a turn at a moment is said so."""
        from timeline.tagger.scan import CLOCK  # scan imports this module

        match = mention.match
        if match is None or "inner" not in match.children:
            return mention
        approx = (match["approx"] or "").lower()
        if approx not in ("around", "about"):
            return mention
        inner = match.child("inner")
        first = next(iter(_words(text, inner.start, inner.end)), None)
        if first is not None and first.lower() in self.around_followers:
            return inner
        before = _word_before(text, mention.start)
        if (approx == "around" and before is not None and before.lower() in self.around_verbs
                and inner.timex.granularity not in CLOCK):
            return inner
        return mention


def _words(text: str, start: int, end: int) -> Iterable[str]:
    return (m.group() for m in _WORD.finditer(text, start, end))


def _capitalised(word: str) -> bool:
    """A word as a name writes it: a capital first, or a number ("4th", "11")."""
    return word[:1].isupper() or word[:1].isdigit()


def _word_after(text: str, end: int) -> str | None:
    """The word right after ``end`` (one gap of blanks between), without a final period."""
    gap = _GAP.match(text, end)
    if gap is None:
        return None
    word = _WORD.match(text, gap.end())
    return None if word is None else word.group().rstrip(".")


def _word_before(text: str, start: int) -> str | None:
    """The word right before ``start``, with no punctuation between but blanks and an
    opening quote (a title after "the film 'Black Friday'")."""
    pos = start
    while pos > 0 and text[pos - 1] in _OPEN_QUOTES:
        pos -= 1
    stop = pos
    while pos > 0 and text[pos - 1] in " \t\u00a0\n":
        pos -= 1
    if pos == stop:
        return None
    begin = pos
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "-'’"):
        begin -= 1
    return text[begin:pos] or None


#: A word in lower case or a possessive, then blanks on one line, at the end of a text.
_LOWER_OR_POSSESSIVE = re.compile(r"(?:\b[a-z][\w-]*|[\w.]['’]s?)[ \t\u00a0]+\Z")


def _inside_sentence(text: str, start: int) -> bool:
    """Whether a capitalised word at ``start`` stands inside a sentence, after a word in
    lower case or a possessive ("told NBC's Today"), so its capital marks a name; not at
    the start of a sentence, a line or a quotation, nor in a headline in title case."""
    return _LOWER_OR_POSSESSIVE.search(text, max(0, start - 40), start) is not None


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the span is all a quotation holds: a title ("'Black Friday' opens
    today"), not a date said in a quoted sentence."""
    return (start > 0 and text[start - 1] in _OPEN_QUOTES
            and end < len(text) and text[end] in _CLOSE_QUOTES)


def _phrases(phrases: Iterable[str], frame: str) -> re.Pattern[str] | None:
    """One pattern for any of ``phrases`` (a blank in one matches any blanks), placed in
    ``frame``; ``None`` for no phrases."""
    if not phrases:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split()))
                            for p in sorted(phrases, key=len, reverse=True))
    return re.compile(frame.format(alternatives), re.IGNORECASE)


@functools.cache
def load_not_a_time(package: str = "timeline.lang.en") -> NotATime:
    """Read ``notatime.toml`` of a language (cached); an empty table where it has none."""
    try:
        data = _load_toml(package, "notatime.toml")
    except FileNotFoundError:
        data = {}

    def words(table: str, key: str) -> frozenset[str]:
        found = data.get(table, {}).get(key, [])
        if not isinstance(found, list) or not all(isinstance(w, str) for w in found):
            raise RuleTableError(f"notatime.toml: {table}.{key}: expected a list of words")
        return frozenset(found)

    return NotATime(
        heads=words("names", "heads"), openers=words("names", "openers"),
        deictic=words("names", "deictic"),
        titles=frozenset(w.lower() for w in words("names", "titles")),
        lasting=frozenset(w.lower() for w in words("ages", "lasting")),
        age_before=_phrases(words("ages", "said_before"), r"\b(?:{})\s+\Z"),
        age_after=_phrases(words("ages", "said_after"), r"\s+(?:{})\b"),
        return_period=frozenset(w.lower() for w in words("measures", "return_period")),
        around_verbs=frozenset(w.lower() for w in words("particles", "around_verbs")),
        around_followers=frozenset(w.lower() for w in words("particles", "around_followers")))
