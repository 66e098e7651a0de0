"""Load and check the English rule tables: TOML data in ``timeline/lang/en``, compiled once.

A rule is a pattern, the name of a resolver function, and examples. Patterns are written
for people and compiled here:

- ``{category}`` expands to the words of a lexicon category (longest first, so "Sept"
  wins over "Sep"), ``{fragment}`` to a lexicon fragment, recursively;
- ``{@date}``, ``{@time}``, ``{@duration}``, ``{@set}`` stand for a mention already found in
  an earlier pass (see ``scan.py``): rules that use them compose expressions
  ("the end of {@date}", "{@time} {@date}");
- a space matches any run of blanks with at most one line break;
- case is folded, except for the words the lexicon lists as case-sensitive ("May", "March"
  as months are capitalised; "may" and "march" are a verb and a walk);
- the match must end at a word boundary.

A rule may also have a ``priority`` (higher wins between matches of one length at one
place; then the order the tables list rules in) and ``params`` its resolver or the scanner
reads: ``anaphoric`` (resolved again against the last date the text told),
``sentence_tense = false`` (the sentence's tense is not read for it), ``refuse_tense``
(a tense it does not hold in), ``comparison`` (a year back in a comparison of a quarter's
figures is that quarter), ``refers = false`` (later anaphora do not count from it),
``blocks`` (its words are claimed and nothing tagged: "four flights a week"; its examples
are texts that must give no mention), ``value`` (a fixed reference value),
``needs_reference`` (dropped when the text told no date before it: "since then"), ``needs`` (a
lexicon category every match holds a word of, such as ``"unit"``: the scanner tries the
rule only where such a word is within reach, which must never change what it finds;
``tests/tagger/test_gates.py`` checks that), ``range`` (its match is a range of its own,
"March 3 to 5", which a phrase may open with "from": ``ranges.py``).

Every pattern is checked for nested repetition when loaded, so no rule can backtrack
catastrophically; matching is also bounded to a window of ``WINDOW`` characters, so the
scanner's work is linear in its input whatever the rules are.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from importlib import resources
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import attrs

from timeline.errors import RuleTableError

#: A rule's match must fit in this many characters; it bounds the work at each position.
WINDOW = 160

#: Characters that stand for an already-found mention in the composition passes.
PLACEHOLDER = {"date": "\ue000", "time": "\ue001", "duration": "\ue002", "set": "\ue003"}
PLACEHOLDER_CLASS = {
    "date": "[\ue000\ue001]",  # a date, or a clock time, which is a date too
    "time": "\ue001",
    "duration": "\ue002",
    "set": "\ue003",
    "any": "[\ue000-\ue003]",
}

_SPACE = r"(?:[ \t\u00a0]+(?:\n[ \t\u00a0]*)?|\n[ \t\u00a0]*)"
_REF = re.compile(r"\{(@?)([a-z_][a-z0-9_]*)\}")
_EXAMPLE_KEYS = {"text", "value", "mod", "type", "interval", "granularity", "anchor", "tense",
                 "edtf", "date_order", "note", "quant", "freq"}
_RULE_KEYS = {"id", "pattern", "resolver", "examples", "priority", "note", "params"}


@attrs.frozen
class Example:
    """One example of a rule: a text, the anchor and tense, and what it must resolve to."""

    text: str
    expected: Mapping[str, Any]
    anchor: date | datetime
    tense: str | None
    date_order: str


@attrs.frozen
class Rule:
    """One compiled rule."""

    id: str
    source: str  # the pattern as written
    regex: re.Pattern[str]
    resolver: str
    composite: bool  # uses {@...} placeholders, so runs in the composition passes
    #: Which rule wins between matches of the same length at the same place (higher
    #: first; then the order the tables list them in).
    priority: int
    params: Mapping[str, Any]
    examples: tuple[Example, ...]
    first: frozenset[str] | None  # characters a match can start with (folded); None: any
    file: str
    #: Words every match holds (``params.needs``, a lexicon category), as the rule itself
    #: spells them: the scanner tries the rule only where one is within reach.
    gate: re.Pattern[str] | None = None


@attrs.frozen
class Lexicon:
    """Word categories (word -> value) and pattern fragments."""

    categories: Mapping[str, Mapping[str, Any]]
    fragments: Mapping[str, str]
    case_sensitive: frozenset[str]
    cues: Mapping[str, tuple[str, ...]]

    def value(self, category: str, word: str) -> Any:
        """The value of a word in a category, found however the text spelled it."""
        table = self.categories[category]
        key = _normal(word)
        if key not in table:
            key = key.rstrip(".")
        if key not in table:
            raise KeyError(f"{word!r} is not in the lexicon category {category!r}")
        return table[key]

    def has(self, category: str, word: str) -> bool:
        table = self.categories.get(category, {})
        key = _normal(word)
        return key in table or key.rstrip(".") in table


def _normal(word: str) -> str:
    """Lower case, one space between words, typographic apostrophes made plain."""
    return " ".join(word.lower().replace("\u2019", "'").split())


@attrs.frozen
class RuleSet:
    """The compiled rules of one language, with the lexicon they were written against."""

    lexicon: Lexicon
    base: tuple[Rule, ...]
    composite: tuple[Rule, ...]
    negatives: tuple[tuple[str, str], ...]  # (file, text) that must yield no mention
    default_anchor: Mapping[str, date | datetime]  # file -> its anchor

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self.base + self.composite

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)


def _load_toml(package: str, name: str) -> dict[str, Any]:
    path = resources.files(package) / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleTableError(f"{name}: not valid TOML: {exc}") from None


def load_lexicon(package: str = "timeline.lang.en") -> Lexicon:
    """Read ``lexicon.toml`` and ``cues.toml``."""
    data = _load_toml(package, "lexicon.toml")
    categories: dict[str, dict[str, Any]] = {}
    for name, table in data.get("words", {}).items():
        if not isinstance(table, dict) or not table:
            raise RuleTableError(f"lexicon.toml: words.{name}: expected a non-empty table")
        categories[name] = {_normal(k): v for k, v in table.items()}
    fragments = data.get("fragments", {})
    for name, text in fragments.items():
        if not isinstance(text, str):
            raise RuleTableError(f"lexicon.toml: fragments.{name}: expected a string")
        if name in categories:
            raise RuleTableError(f"lexicon.toml: {name!r} is both a category and a fragment")
    case_sensitive = frozenset(data.get("case_sensitive", []))
    cues_data = _load_toml(package, "cues.toml")
    cues = {name: tuple(words) for name, words in cues_data.get("cues", {}).items()}
    return Lexicon(categories, dict(fragments), case_sensitive, cues)


class _Expander:
    """Expands ``{name}`` references in patterns, caching each name's regex text."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.cache: dict[str, str] = {}

    def expand(self, pattern: str, where: str, stack: tuple[str, ...] = ()) -> str:
        out: list[str] = []
        pos = 0
        for m in _REF.finditer(pattern):
            out.append(_spaces(pattern[pos:m.start()]))
            pos = m.end()
            at, name = m.group(1), m.group(2)
            if at:
                if name not in PLACEHOLDER_CLASS:
                    raise RuleTableError(f"{where}: unknown placeholder {{@{name}}}")
                out.append(PLACEHOLDER_CLASS[name])
            else:
                out.append(self.name(name, where, stack))
        out.append(_spaces(pattern[pos:]))
        return "".join(out)

    def name(self, name: str, where: str, stack: tuple[str, ...]) -> str:
        if name in self.cache:
            return self.cache[name]
        if name in stack:
            raise RuleTableError(f"{where}: fragment cycle {' -> '.join((*stack, name))}")
        lex = self.lexicon
        if name in lex.categories:
            words = sorted(lex.categories[name], key=lambda w: (-len(w), w))
            text = "(?:" + "|".join(self.word(w) for w in words) + ")"
        elif name in lex.fragments:
            text = "(?:" + self.expand(lex.fragments[name], f"{where}: {{{name}}}",
                                       (*stack, name)) + ")"
        else:
            raise RuleTableError(f"{where}: unknown category or fragment {{{name}}}")
        self.cache[name] = text
        return text

    def word(self, word: str) -> str:
        parts = [re.escape(p).replace("'", "['\u2019]") for p in word.split(" ")]
        body = _SPACE.join(parts)
        if word.rstrip(".") in self.lexicon.case_sensitive:
            # Capitalised or all capitals: "May", "MAY", never "may".
            return f"(?-i:{body[0].upper()}(?:{body[1:]}|{body[1:].upper()}))"
        return body


def _spaces(text: str) -> str:
    """Each space outside a character class matches a run of blanks (``_SPACE``)."""
    out: list[str] = []
    in_class = escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == " ":
            out.append(_SPACE)
            continue
        out.append(char)
    return "".join(out)


#: Flags as a plain int: ``re``'s compiler tests them thousands of times per pattern, and
#: on an ``enum.IntFlag`` each test costs a Python call (a third of the loading time).
_FLAGS = int(re.IGNORECASE)


def _compile_parsed(parsed: Any) -> re.Pattern[str]:
    """Compile a pattern already parsed for the checks, without parsing it a second time.

    Parsing is most of the cost of loading the rules (and of ``timeline resolve``'s
    start-up); ``re``'s compiler takes a parsed pattern as well as a string.
    """
    compiled: re.Pattern[str] = sre_compile.compile(parsed, _FLAGS)
    return compiled


_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _varies(arg: Any) -> bool:
    """A repeat whose count can vary (``+``, ``*``, ``{1,3}``); ``{3}`` and ``?`` cannot loop."""
    low, high, _ = arg
    return bool(low != high and (high is sre_parse.MAXREPEAT or high > 1))


def _check_no_nested_repeat(parsed: Any, where: str) -> None:
    """Reject a varying repeat inside a varying repeat (``(a+)+``, ``(?:\\s*x)*``).

    That is the shape of catastrophic backtracking: the same text can be split between
    the two loops in exponentially many ways. A fixed count inside (``(?:,\\d{3})+``)
    is safe, as is an optional part (``?``).
    """
    for op, arg in parsed:
        name = str(op)
        if name in _REPEATS:
            if _varies(arg) and _has_repeat(arg[2]):
                raise RuleTableError(f"{where}: nested repetition can backtrack catastrophically")
            _check_no_nested_repeat(arg[2], where)
        elif name == "SUBPATTERN":
            _check_no_nested_repeat(arg[-1], where)
        elif name == "BRANCH":
            for branch in arg[1]:
                _check_no_nested_repeat(branch, where)
        elif name in ("ASSERT", "ASSERT_NOT"):
            _check_no_nested_repeat(arg[1], where)
        elif name == "ATOMIC_GROUP":
            _check_no_nested_repeat(arg, where)


def _has_repeat(parsed: Any) -> bool:
    """Whether a varying repeat occurs anywhere in the parsed pattern."""
    for op, arg in parsed:
        name = str(op)
        if name in _REPEATS:
            if _varies(arg) or _has_repeat(arg[2]):
                return True
        elif name == "SUBPATTERN":
            if _has_repeat(arg[-1]):
                return True
        elif name == "BRANCH":
            if any(_has_repeat(b) for b in arg[1]):
                return True
        elif name in ("ASSERT", "ASSERT_NOT"):
            if _has_repeat(arg[1]):
                return True
        elif name == "ATOMIC_GROUP" and _has_repeat(arg):
            return True
    return False


_First = tuple[frozenset[str] | None, bool]


def _first_chars(parsed: Any) -> frozenset[str] | None:
    """The characters (both cases) a match can begin with; ``None`` when unbounded.

    Lets the scanner try a rule only at word starts whose first character could begin
    it; a rule that could start anywhere, or match empty, is tried everywhere.
    """
    chars, nullable = _first(parsed)
    return None if chars is None or nullable else chars


def _first(parsed: Any) -> _First:
    """(first characters, can match empty) of a sequence; characters ``None``: anything."""
    chars: set[str] = set()
    for op, arg in parsed:
        item, nullable = _first_item(str(op), arg)
        if item is None:
            return None, False
        chars |= item
        if not nullable:
            return frozenset(chars), False
    return frozenset(chars), True


def _cases(code: int) -> set[str]:
    return {chr(code).lower(), chr(code).upper()}


def _first_item(name: str, arg: Any) -> _First:
    if name == "LITERAL":
        return frozenset(_cases(arg)), False
    if name == "IN":
        chars: set[str] = set()
        for item_op, item in arg:
            item_name = str(item_op)
            if item_name == "LITERAL":
                chars |= _cases(item)
            elif item_name == "RANGE" and item[1] - item[0] < 256:
                for code in range(item[0], item[1] + 1):
                    chars |= _cases(code)
            elif item_name == "CATEGORY" and str(item) == "CATEGORY_DIGIT":
                chars.update("0123456789")
            else:
                return None, False
        return frozenset(chars), False
    if name == "SUBPATTERN":
        return _first(arg[-1])
    if name == "ATOMIC_GROUP":
        return _first(arg)
    if name == "BRANCH":
        union: set[str] = set()
        any_nullable = False
        for branch in arg[1]:
            sub, nullable = _first(branch)
            if sub is None:
                return None, False
            union |= sub
            any_nullable = any_nullable or nullable
        return frozenset(union), any_nullable
    if name in _REPEATS:
        sub, nullable = _first(arg[2])
        return sub, nullable or arg[0] == 0
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return frozenset(), True  # zero-width
    return None, False


def _example(raw: Any, where: str, anchor: date | datetime) -> Example:
    if isinstance(raw, str):
        raw = {"text": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise RuleTableError(f"{where}: an example needs a text")
    unknown = set(raw) - _EXAMPLE_KEYS
    if unknown:
        raise RuleTableError(f"{where}: unknown example keys {sorted(unknown)}")
    ex_anchor = raw.get("anchor", anchor)
    if not isinstance(ex_anchor, date):
        raise RuleTableError(f"{where}: example anchor must be a TOML date or datetime")
    tense = raw.get("tense")
    expected = {k: v for k, v in raw.items()
                if k not in ("text", "anchor", "tense", "date_order", "note")}
    return Example(raw["text"], expected, ex_anchor, tense, raw.get("date_order", "mdy"))


def _compile_rule(raw: Any, file: str, expander: _Expander, anchor: date | datetime,
                  known_resolvers: frozenset[str]) -> Rule:
    if not isinstance(raw, dict):
        raise RuleTableError(f"{file}: a [[rule]] must be a table")
    rule_id = raw.get("id")
    where = f"{file}: rule {rule_id!r}"
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleTableError(f"{file}: a rule has no id")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise RuleTableError(f"{where}: unknown keys {sorted(unknown)}")
    pattern = raw.get("pattern")
    resolver = raw.get("resolver")
    if not isinstance(pattern, str) or not pattern:
        raise RuleTableError(f"{where}: pattern must be a non-empty string")
    if not isinstance(resolver, str) or resolver not in known_resolvers:
        raise RuleTableError(f"{where}: unknown resolver {resolver!r}")
    examples = raw.get("examples", [])
    if not isinstance(examples, list) or not examples:
        raise RuleTableError(f"{where}: every rule needs examples")
    expanded = expander.expand(pattern, where)
    try:
        parsed = sre_parse.parse(f"(?:{expanded})(?![\\w\ue000-\ue003])", _FLAGS)
        _check_no_nested_repeat(parsed, where)
        regex = _compile_parsed(parsed)
    except re.error as exc:
        raise RuleTableError(f"{where}: bad pattern: {exc}") from None
    params = raw.get("params", {})
    if not isinstance(params, dict):
        raise RuleTableError(f"{where}: params must be a table")
    gate = None
    needs = params.get("needs")
    if needs is not None:
        if not isinstance(needs, str) or needs not in expander.lexicon.categories:
            raise RuleTableError(f"{where}: needs {needs!r}, which is no lexicon category")
        # The category as the rule expands it (apostrophes, spaces, capitals alike), after
        # no letter: a superset of where the rule's own words can stand.
        gate = re.compile("(?<![A-Za-z])" + expander.name(needs, where, ()), _FLAGS)
    return Rule(
        id=rule_id, source=pattern, regex=regex, resolver=resolver,
        composite="{@" in pattern, priority=int(raw.get("priority", 0)), params=params,
        examples=tuple(_example(e, f"{where}: example {i + 1}", anchor)
                       for i, e in enumerate(examples)),
        first=_first_chars(parsed), file=file, gate=gate,
    )


RULE_FILES = ("date.toml", "calendar.toml", "time.toml", "duration.toml", "set.toml",
              "reference.toml", "event.toml")


@functools.cache
def load_rules(package: str = "timeline.lang.en") -> RuleSet:
    """Load, compile and check every rule table of a language (cached: loaded once)."""
    from timeline.tagger.resolvers import RESOLVERS

    lexicon = load_lexicon(package)
    expander = _Expander(lexicon)
    known = frozenset(RESOLVERS)
    base: list[Rule] = []
    composite: list[Rule] = []
    negatives: list[tuple[str, str]] = []
    anchors: dict[str, date | datetime] = {}
    seen: set[str] = set()
    rules_package = f"{package}.rules"
    for file in RULE_FILES:
        if not (resources.files(rules_package) / file).is_file():
            continue
        data = _load_toml(rules_package, file)
        anchor = data.get("anchor", date(2025, 2, 24))
        if not isinstance(anchor, date):
            raise RuleTableError(f"{file}: anchor must be a TOML date or datetime")
        anchors[file] = anchor
        negatives.extend((file, text) for text in data.get("negatives", []))
        for raw in data.get("rule", []):
            rule = _compile_rule(raw, file, expander, anchor, known)
            if rule.id in seen:
                raise RuleTableError(f"{file}: rule id {rule.id!r} is used twice")
            seen.add(rule.id)
            (composite if rule.composite else base).append(rule)
    return RuleSet(lexicon, tuple(base), tuple(composite), tuple(negatives), anchors)
