"""The scanner: every time expression in a text, with its span, resolved against the anchor.

It works in passes. The first tries every base rule at every word start and keeps the
longest non-overlapping matches that resolve. Each later pass masks the mentions found so
far with one placeholder character each and tries the composite rules, which combine
mentions with the words around them ("the end of {@date}", "{@time} {@date}",
"by {@date}"). A match is tried only at word starts and only within ``WINDOW``
characters, and rule patterns cannot nest repetition, so the work is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from timeline.errors import ResolveError
from timeline.tagger.context import CalendarEdge, Context, Tense
from timeline.tagger.notatime import load_not_a_time
from timeline.tagger.rules import PLACEHOLDER, WINDOW, Rule, RuleSet, load_rules
from timeline.tagger.tense import Reading, TenseCues
from timeline.time.anchor import Anchor
from timeline.time.granularity import Granularity, floor, shift
from timeline.time.interval import Interval, is_before, is_floating
from timeline.time.jsontext import JSONable
from timeline.time.value import TimeValue, TimexType

_WORD_START = re.compile(r"(?<![\w])[\w\ue000-\ue003]")
_COMPOSITION_PASSES = 3
#: Words that compare a figure with an earlier one, or a figure, in the same sentence.
_COMPARISON = re.compile(r"(?:\b(?:from|with|than|versus|vs)\b|\$\d|\bcents\b|%)"
                         r"(?:[^.;!?]|\.(?=\d))*$",
                         re.IGNORECASE)  # a decimal point ends no sentence
#: A tense cue with this many words or fewer between it and an expression governs it.
_GOVERNS = 0
_PLACEHOLDER_OF = {
    TimexType.DATE: PLACEHOLDER["date"],
    TimexType.TIME: PLACEHOLDER["time"],
    TimexType.DURATION: PLACEHOLDER["duration"],
    TimexType.SET: PLACEHOLDER["set"],
}


@attrs.frozen
class Mention(JSONable):
    """A time expression found in a text: where it is, which rule found it, what it means.

    ``start``/``end`` span everything the rule matched, signals included ("by 2030");
    ``extent`` is the TIMEX3 extent inside it, as TimeML draws it ("2030").
    """

    start: int
    end: int
    text: str
    rule: str
    value: TimeValue
    extent: tuple[int, int]
    children: tuple[Mention, ...] = ()
    #: The words that set its direction when the sentence did ("will", "voted").
    cue: str | None = None
    #: What the rule matched, kept to resolve it again against an earlier date (anaphora).
    match: Match | None = attrs.field(default=None, eq=False, repr=False)
    #: The context it was resolved in (with the tense its sentence gave), for the same.
    context: Context | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def timex(self) -> TimeValue:
        """The TIMEX3 its ``extent`` carries: where a signal composes the mention ("by
        2030", ON_OR_BEFORE), the TIMEX3 is the inner expression ("2030") and TimeML gives
        the signal its own tag; else the mention's own value."""
        if self.extent == (self.start, self.end):
            return self.value
        pending = list(self.children)
        while pending:
            child = pending.pop()
            if self.extent in ((child.start, child.end), child.extent):
                return child.timex
            pending.extend(child.children)
        return self.value

    @property
    def reference(self) -> str | None:
        """What an anaphoric mention counted from, for ``--explain``: the date the text
        last told, as a TIMEX3 value ("a day later" after "March 3": ``2025-03-03``), or
        ``"anchor"`` when it told none; ``None`` when nothing in the mention refers back."""
        found = found_by(self, lambda m: m.rule.params.get("anaphoric"))
        if found is None or found.context is None:
            return None
        if found.context.reference is None:
            return "anchor"
        start, granularity = found.context.reference
        return TimeValue.of_granule(granularity, start).value

    def to_dict(self) -> dict[str, Any]:
        """``text``, ``span``, the value's fields (``type``, ``value``, ``mod``...), ``rule``."""
        out: dict[str, Any] = {"text": self.text, "span": [self.start, self.end]}
        out.update(self.value.to_dict())
        out["rule"] = self.rule
        return out


#: One empty mapping for every match that has no spans or children to hold.
_NONE: Mapping[str, Any] = MappingProxyType({})

_V = TypeVar("_V")
_TIMEX = ("timex",)


class _Few(Mapping[str, _V]):
    """A small read-only mapping: a key tuple shared by every match of a rule that filled
    the same groups, and a value tuple. A dict of two entries takes 184 bytes; this about
    a third of that, and a match has two (its groups and its mentions)."""

    __slots__ = ("_keys", "_values")

    def __init__(self, keys: tuple[str, ...], values: tuple[_V, ...]) -> None:
        self._keys = keys
        self._values = values

    def __getitem__(self, key: str) -> _V:
        for name, value in zip(self._keys, self._values, strict=True):
            if name == key:
                return value
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        return repr(dict(self))


@attrs.frozen
class Match:
    """What a resolver sees: the rule's named groups that matched (as written in the text),
    the span of the TIMEX3 extent when the rule marks one (``spans["timex"]``), and any
    mentions its placeholders stood for, by group name."""

    rule: Rule
    start: int
    end: int
    groups: Mapping[str, str | None]
    spans: Mapping[str, tuple[int, int]]
    children: Mapping[str, Mention]
    ordered_children: tuple[Mention, ...]

    def __getitem__(self, name: str) -> str | None:
        return self.groups.get(name)

    def has(self, name: str) -> bool:
        return self.groups.get(name) is not None

    def text(self, name: str) -> str:
        """A group's text, which the rule's pattern guarantees; ``ResolveError`` if absent."""
        text = self.groups.get(name)
        if text is None:
            raise ResolveError(f"rule {self.rule.id!r}: group {name!r} did not match")
        return text

    def child(self, name: str) -> Mention:
        """The mention a named placeholder group stood for."""
        try:
            return self.children[name]
        except KeyError:
            raise ResolveError(f"rule {self.rule.id!r}: group {name!r} holds no mention") from None


class _Masked:
    """The text with each top-level mention replaced by one placeholder character.

    With no mentions (the first pass) it is the text itself and maps offsets to themselves.
    Offsets map back through the placeholders' positions (a bisection), not a table per
    character: a table of a 10 MB text held 20 million ints.
    """

    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        self.identity = not mentions
        self.text = text
        self.length = len(text)
        #: Each placeholder's offset in the masked text, in order, and the mention it holds.
        self.places: list[int] = []
        self.held: list[Mention] = []
        self.held_starts: list[int] = []
        #: How far the original text is ahead of the masked text after each placeholder.
        self.shifts: list[int] = []
        self.at: dict[int, Mention] = {}
        if self.identity:
            return
        pieces: list[str] = []
        pos = shift = 0
        for mention in mentions:
            pieces.append(text[pos:mention.start])
            place = mention.start - shift
            self.places.append(place)
            self.held.append(mention)
            self.held_starts.append(mention.start)
            self.at[place] = mention
            pieces.append(_PLACEHOLDER_OF[mention.value.type])
            shift += mention.end - mention.start - 1
            self.shifts.append(shift)
            pos = mention.end
        pieces.append(text[pos:])
        self.text = "".join(pieces)

    def _start(self, i: int) -> int:
        """Where the masked character at ``i`` starts in the original text."""
        k = bisect.bisect_right(self.places, i)
        if k and self.places[k - 1] == i:
            return self.held[k - 1].start
        return i + (self.shifts[k - 1] if k else 0)

    def _end(self, i: int) -> int:
        """Where the masked character at ``i`` ends in the original text."""
        mention = self.at.get(i)
        return mention.end if mention is not None else self._start(i) + 1

    def masked_of(self, start: int) -> int:
        """Where a match starting at ``start`` of the original text starts in the masked
        text: a mention's start is its placeholder's place."""
        if self.identity:
            return start
        k = bisect.bisect_right(self.held_starts, start)
        if k and self.held_starts[k - 1] == start:
            return self.places[k - 1]
        return start - (self.shifts[k - 1] if k else 0)

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text of a span in the masked text."""
        if self.identity:
            return start, end
        if start == end:  # an empty group: a point between characters
            return (self._start(start) if start < len(self.text) else self.length,) * 2
        return self._start(start), self._end(end - 1)

    def mentions_in(self, start: int, end: int) -> tuple[Mention, ...]:
        if self.identity:
            return ()
        lo, hi = bisect.bisect_left(self.places, start), bisect.bisect_left(self.places, end)
        return tuple(self.held[lo:hi])


def _word_starts(text: str) -> Iterable[int]:
    return (m.start() for m in _WORD_START.finditer(text))


class _RuleIndex:
    """Rules bucketed by the characters a match can start with, built once per rule list.

    A rule whose every match holds a word of a lexicon category (``params.needs``, such as
    ``"unit"`` for "three years", "a week ago") is tried only where such a word starts
    within the window: one search of the text finds them all, and most word starts in news
    have none in reach, so those rules skip three positions in four.
    """

    def __init__(self, rules: Sequence[Rule]) -> None:
        # Between matches of one length at one place, a higher ``priority`` wins, then
        # the rule listed first.
        ranked = sorted(enumerate(rules), key=lambda pair: (-pair[1].priority, pair[0]))
        self.order = {rule.id: rank for rank, (_, rule) in enumerate(ranked)}
        self.ranked = [rule for _, rule in ranked]
        anywhere = [r for r in rules if r.first is None]
        by_char: dict[str, list[Rule]] = {}
        for rule in rules:
            for char in rule.first or ():
                by_char.setdefault(char, []).append(rule)
        # Keep each bucket in rule order, with the rules that can start anywhere.
        self.by_char = {
            c: tuple(sorted({r.id: r for r in (*bucket, *anywhere)}.values(),
                            key=lambda r: self.order[r.id]))
            for c, bucket in by_char.items()}
        self.anywhere = tuple(anywhere)
        self.gates = {rule.gate.pattern: rule.gate for rule in rules if rule.gate is not None}

    def candidates(self, text: str) -> Iterable[tuple[Rule, re.Match[str]]]:
        """Every match of every rule at every word start, bounded to the window."""
        length = len(text)
        found = {key: [m.start() for m in gate.finditer(text)]
                 for key, gate in self.gates.items()}
        for pos in _word_starts(text):
            end = min(length, pos + WINDOW)
            for rule in self.by_char.get(text[pos], self.anywhere):
                if rule.gate is not None:
                    starts = found[rule.gate.pattern]
                    i = bisect.bisect_left(starts, pos)
                    if i == len(starts) or starts[i] >= end:
                        continue  # no such word in reach: the rule cannot match here
                m = rule.regex.match(text, pos, end)
                if m is not None and m.end() > pos:
                    yield rule, m


class Scanner:
    """Finds and resolves time expressions with one rule set."""

    def __init__(self, rules: RuleSet | None = None) -> None:
        self.rules = rules or load_rules()
        self._base = _RuleIndex(self.rules.base)
        self._composite = _RuleIndex(self.rules.composite)
        from timeline.tagger.resolvers import RESOLVERS

        self._resolvers = RESOLVERS
        self._cues = TenseCues(self.rules.lexicon.cues)
        self._range_joins = _range_joins(self.rules.lexicon.cues.get("range_joins", ()))
        self._not_a_time = load_not_a_time()

    def context(self, anchor: Anchor, *, tense: str | Tense | None = None,
                date_order: str = "mdy", read_sentence: bool = True) -> Context:
        return Context.make(anchor, self.rules.lexicon, tense=tense, date_order=date_order,
                            read_sentence=read_sentence)

    def scan(self, text: str, anchor: Anchor, *, tense: str | Tense | None = None,
             date_order: str = "mdy", read_sentence: bool = True) -> list[Mention]:
        """Every time expression in ``text``, in order, resolved against ``anchor``.

        ``read_sentence=False`` leaves undirected forms without a tense when none is
        given: a phrase on its own has no sentence to read.
        """
        ctx = self.context(anchor, tense=tense, date_order=date_order,
                           read_sentence=read_sentence)
        return self.scan_context(text, ctx)

    def scan_context(self, text: str, ctx: Context,
                     edges: list[tuple[int, int]] | None = None) -> list[Mention]:
        """Every time expression in ``text`` resolved in ``ctx``; ``edges``, when given,
        receives the spans whose words a rule read but whose date the calendar could not
        hold ("tomorrow" against 9999-12-31), for phrase mode to name the cause."""
        original = text
        if any(c in text for c in PLACEHOLDER.values()):
            # Our private-use placeholders must not be forged by the input: each becomes a
            # character no rule reads (offsets kept), and the mentions' texts are the input's.
            text = text.translate(_UNFORGED)
        state = _State(edges)
        top = self._select(text, _Masked(text, []), self._base, ctx, state)
        if ctx.read_sentence:  # running text: names, ages, measures are no times
            top = self._not_a_time.base(text, top)
        for _ in range(_COMPOSITION_PASSES):
            if not top:
                break  # composite rules need a mention to compose
            chosen = self._select(text, _Masked(text, top), self._composite, ctx, state)
            if not chosen:
                break
            covered = bytearray(len(text) + 1)
            for mention in chosen:
                covered[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
            top = sorted(chosen + [m for m in top if not covered[m.start]],
                         key=lambda m: m.start)
        if ctx.read_sentence:
            top = self._refer(text, self._not_a_time.composed(text, top), ctx)
        if original is not text:
            top = [_texts_of(original, mention) for mention in top]
        return top

    def _refer(self, text: str, mentions: list[Mention], ctx: Context) -> list[Mention]:
        """Resolve anaphoric expressions ("a year earlier", "the same day") against the last
        date mentioned before them, in text order; each date found becomes the reference
        for what follows.

        A year back in a sentence of figures while a quarter is being reported ("net rose
        to $5 million from $4 million a year ago", "it had net of $1.1 million a year
        ago") is that quarter a year back: the figures compared are the same period's.
        """
        reference: tuple[datetime, Granularity] | None = None
        quarter: datetime | None = None  # the last quarter named: the period reported
        out = []
        for mention in mentions:
            match = mention.match
            # In a sentence of figures ("up from $4 million a year earlier"), a period
            # figures are compared with.
            compared = bool(match is not None and match.rule.params.get("comparison")
                            and _COMPARISON.search(text, max(0, mention.start - 80),
                                                   mention.start))
            if quarter is not None and compared and _last_year(mention.value, ctx):
                back = shift(Granularity.YEAR, quarter, -1)
                out.append(_with_timex(mention, TimeValue.of_granule(Granularity.QUARTER,
                                                                     back)))
                continue  # a comparison period: what follows still compares with the report
            if out and _holds(mention, "apposed") and _apposed(text, out[-1], mention):
                # "Oct. 12, the day before the plunge": the phrase renames the date before
                # it, whose value it takes (#15).
                out.append(_with_timex(mention, out[-1].timex))
                continue
            if reference is None and _holds(mention, "needs_reference"):
                if _holds(mention, "unknown_day_without_reference"):
                    # "that night" after an event whose day the text never told: a night
                    # all the same, of an unknown day (#15).
                    out.append(_with_timex(mention, _of_unknown_day(mention.timex)))
                continue  # "since then" with no date told before it: no date to give
            again = self._again(mention, reference, quarter)
            if again is None:
                continue
            anaphoric = again is not mention
            mention = again
            point = _reference_of(mention.timex)
            # A comparison period is not what the next "a year earlier" counts from: both
            # compare with the report.
            if point is not None and not compared and (
                    match is None or match.rule.params.get("refers", True)):
                reference = point
                if (point[1] is Granularity.QUARTER and not anaphoric
                        and (is_before(point[0], floor(Granularity.QUARTER, ctx.anchor))
                             or _ENDED.match(text, mention.end))):
                    # A quarter named, not one counted from another, and over by the
                    # anchor's: results are reported once their quarter ends. A fiscal
                    # quarter said to have ended ("its fourth quarter ended Sept. 30") is
                    # over whatever its label says. Of quarters named, the latest is the
                    # one reported ("a 20% gain in third-quarter net ... after a flat
                    # second quarter"); a fiscal quarter is the company's own, not ordered
                    # against the calendar's, and starts a report of its own.
                    fiscal = found_by(mention, lambda m: m.has("fiscal")) is not None
                    quarter = point[0] if quarter is None or fiscal else _later(quarter,
                                                                                point[0])
            out.append(mention)
        return _ranges_rise(text, _periods_ended(text, out), self._range_joins)

    def _again(self, mention: Mention, reference: tuple[datetime, Granularity] | None,
               quarter: datetime | None) -> Mention | None:
        """The mention resolved again against the last date before it, when it or a
        mention inside it is anaphoric ("on the same day", "by the following week"); the
        same mention (``is``) when nothing in it refers back or a reading with no date
        told fails; ``None`` when an anaphoric mention cannot be read against the date the
        text told ("that day" after "in 2019"): the anchor's reading would be a guess."""
        match, ctx = mention.match, mention.context
        if match is None or ctx is None:
            return mention
        children: dict[str, Mention] = {}
        for name, child in match.children.items():
            again = self._again(child, reference, quarter)
            if again is None:
                return None
            children[name] = again
        changed = any(children[name] is not child for name, child in match.children.items())
        if not changed and not match.rule.params.get("anaphoric"):
            return mention
        if changed:
            renamed = {id(old): children[name] for name, old in match.children.items()}
            ordered = tuple(renamed.get(id(c), c) for c in match.ordered_children)
            match = attrs.evolve(match, children=children, ordered_children=ordered)
        here = attrs.evolve(ctx, reference=reference, quarter=quarter)
        try:
            value = self._resolvers[match.rule.resolver](match, here)
        except (ValueError, OverflowError):
            if reference is not None and match.rule.params.get("anaphoric"):
                return None  # "that night" after "in 1943": no night the text told
            return mention  # keep the first reading
        return attrs.evolve(mention, value=value, children=match.ordered_children,
                            match=match, context=here)

    def _select(self, text: str, masked: _Masked, rules: _RuleIndex, ctx: Context,
                state: _State) -> list[Mention]:
        """The longest matches that resolve, never two overlapping.

        Candidates are tried longest first, then leftmost, then in rule order; one that
        overlaps a chosen mention is never resolved, and one that fails to resolve
        ("February 30") leaves room for the next.

        A candidate is kept as one int that sorts in that order (its length, start and
        rule packed), not its match object (which holds every group's span): matched
        again when tried, it matches the same, and most are never tried. Hostile text
        has several candidates a word, and their match objects were most of its memory.
        """
        size, count = len(text) + 1, len(rules.ranked)
        found = []
        for rule, m in rules.candidates(masked.text):
            start, end = masked.original(m.start(), m.end())
            found.append(((size - (end - start)) * size + start) * count + rules.order[rule.id])
        found.sort()
        taken = bytearray(len(text) + 1)
        chosen: list[Mention] = []
        length = len(masked.text)
        for key in found:
            rest, rank = divmod(key, count)
            shorter, start = divmod(rest, size)
            end = start + size - shorter
            if any(taken[start:end]):
                continue
            rule = rules.ranked[rank]
            at = masked.masked_of(start)
            again = rule.regex.match(masked.text, at, min(length, at + WINDOW))
            # The same match as found.
            assert again is not None and masked.original(at, again.end()) == (start, end)
            if rule.params.get("blocks"):
                # Words that look like a time but are not ("four flights a week"): taken,
                # so no shorter match inside them is read, and no mention made.
                taken[start:end] = b"\x01" * (end - start)
                continue
            mention = self._mention(text, masked, rule, again, ctx, state)
            if mention is None:
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(mention)
        chosen.sort(key=lambda m: m.start)
        return chosen

    def _mention(self, text: str, masked: _Masked, rule: Rule, m: re.Match[str],
                 ctx: Context, state: _State) -> Mention | None:
        start, end = masked.original(m.start(), m.end())
        readings, shared = state.readings, state.shared
        # Only the groups that matched: an absent one reads as ``None`` all the same, and a
        # rule has dozens of groups where a match fills a few.
        names: list[str] = []
        texts: list[str] = []
        spans: Mapping[str, tuple[int, int]] = _NONE
        child_names: list[str] = []
        child_mentions: list[Mention] = []
        for name in m.re.groupindex:
            g_start, g_end = m.span(name)
            if g_start < 0:
                continue
            o_start, o_end = masked.original(g_start, g_end)
            names.append(name)
            texts.append(text[o_start:o_end])
            if name == "timex":
                spans = _Few(_TIMEX, ((o_start, o_end),))
            if g_end - g_start == 1 and g_start in masked.at:
                child_names.append(name)
                child_mentions.append(masked.at[g_start])
        groups = _share(shared, ("groups", tuple(names), tuple(texts)),
                        lambda: _Few(_share(shared, tuple(names)),
                                     tuple(_share(shared, t) for t in texts)))
        children = (_Few(_share(shared, tuple(child_names)), tuple(child_mentions))
                    if child_names else _NONE)
        ordered = masked.mentions_in(m.start(), m.end())
        match = Match(rule, start, end, groups, spans, children, ordered)
        cue = None
        if (ctx.tense is None and ctx.read_sentence and "refuse_tense" not in rule.params
                and rule.params.get("sentence_tense", True)):
            # In running text the sentence gives the direction; a phrase has none.
            reading = readings.get((start, end))
            if reading is None:
                reading = readings[start, end] = self._cues.read(text, start, end)
            if reading.tense is not None:
                # A verb right before the date governs it ("the year ended March 31"); one
                # further off may govern something else ("declared a dividend, payable
                # Dec. 7"), so its tense is only a guess.
                inferred = reading.distance > _GOVERNS
                ctx = _share(shared, ("context", id(ctx), reading.tense, inferred),
                             lambda: ctx.with_tense(reading.tense, inferred=inferred,
                                                    from_sentence=True))
                cue = reading.cue
        try:
            value = self._resolvers[rule.resolver](match, ctx)
        except CalendarEdge:
            state.edge(start, end)
            return None
        except ResolveError:
            return None  # "February 30": the words fit a rule, the calendar has no such day
        except (ValueError, OverflowError):
            # The calendar's own errors at its edges ("next year" in 9999).
            state.edge(start, end)
            return None
        extent = spans.get("timex", (start, end))
        if "timex" in children:
            # The extent is a mention's: its own extent ("the year" of "the year ended").
            extent = children["timex"].extent
        return Mention(start, end, _share(shared, text[start:end]), rule.id,
                       _share(shared, value), extent, ordered, cue, match, ctx)


class _State:
    """What one scan keeps across its passes."""

    def __init__(self, edges: list[tuple[int, int]] | None) -> None:
        #: The tense around each span, read once.
        self.readings: dict[tuple[int, int], Reading] = {}
        #: One object for equal values, contexts and texts across the scan's mentions:
        #: news repeats them, and hostile text ("the week before the week before ...") is
        #: nothing else. Each mention then holds references, not copies.
        self.shared: dict[object, Any] = {}
        self.edges = edges

    def edge(self, start: int, end: int) -> None:
        if self.edges is not None:
            self.edges.append((start, end))


#: Each placeholder of the input becomes U+FFFD, which no rule reads.
_UNFORGED = {ord(c): "\ufffd" for c in PLACEHOLDER.values()}


def _texts_of(text: str, mention: Mention) -> Mention:
    """The mention (and those inside it) with its text as the input has it."""
    children = tuple(_texts_of(text, child) for child in mention.children)
    return attrs.evolve(mention, text=text[mention.start:mention.end], children=children)


def _share(shared: dict[object, Any], key: Any, make: Callable[[], Any] | None = None) -> Any:
    """The one object the scan keeps for ``key``: ``key`` itself the first time (or what
    ``make`` builds for it), the same object every later time."""
    found = shared.get(key)
    if found is None:
        found = shared[key] = key if make is None else make()
    return found


def _later(kept: datetime, told: datetime) -> datetime:
    """The later of two moments from different mentions, compared as the time model does
    (a zone against none is ordered only when every zone agrees); when the zone decides,
    the one kept stays: nothing in the text says the other is later."""
    return told if is_before(kept, told) is True else kept


def _last_year(value: TimeValue, ctx: Context) -> bool:
    """Whether the value is the whole year before the anchor's."""
    interval = value.interval
    return (value.granularity is Granularity.YEAR and interval is not None
            and interval.start is not None and interval.start.year == ctx.anchor.year - 1)


#: After a period that is over: "the quarter ended Sept. 29".
_ENDED = re.compile(r"\s+ended\s", re.IGNORECASE)
#: Between a period and the day or month it ends: "the quarter ended Sept. 29", "ending
#: June 30", "the quarter ending in June", "the six months to December".
_ENDS_PERIOD = re.compile(r"\s+(?:ended|ending|to)(?:\s+in)?\s+", re.IGNORECASE)
#: How many months a period said to end on a day covers, by its granularity.
_PERIOD_MONTHS = {Granularity.QUARTER: 3, Granularity.HALF: 6}


def _periods_ended(text: str, mentions: list[Mention]) -> list[Mention]:
    """A quarter or half said to end on a day ("its fiscal first quarter ended Sept. 30")
    covers the months up to that day, whatever the calendar's quarter of that name: a
    company's fiscal quarters are its own. A label written stays (TimeML's, and what a
    reader looks for); "the quarter ended July 31", with none (no ordinal or number in what
    its rules matched), is named by the calendar quarter holding most of its months (May to
    July: the second). The interval becomes the months that end with that day."""
    out = list(mentions)
    for i in range(len(out) - 1):
        period, day = out[i], out[i + 1]
        value, end = period.value, day.timex
        months = _PERIOD_MONTHS.get(value.granularity) if value.granularity else None
        if (months is None or value.mod is not None
                or end.granularity not in (Granularity.DAY, Granularity.MONTH)
                or end.interval is None or end.interval.end is None
                or not _ENDS_PERIOD.fullmatch(text, period.end, day.start)):
            continue
        stop = end.interval.end
        start = shift(Granularity.MONTH, stop, -months)
        if found_by(period, lambda m: m.has("ordinal") or m.has("number")) is None:
            granularity = value.granularity
            assert granularity is not None
            middle = start + (stop - start) / 2
            value = TimeValue.of_granule(granularity, floor(granularity, middle))
        out[i] = _with_timex(period, attrs.evolve(value, interval=Interval(start, stop)))
    return out


def _range_joins(words: Iterable[str]) -> re.Pattern[str]:
    """What joins the two ends of a range of dates ("Monday through Wednesday", "from
    November to February", "March 3-Friday"): the language's words, or a dash."""
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:{alternatives}|[-\u2013])\s*" if alternatives
                      else r"\s*[-\u2013]\s*", re.IGNORECASE)


def _ranges_rise(text: str, mentions: list[Mention], joins: re.Pattern[str]) -> list[Mention]:
    """Each two mentions joined as a range ("Monday through Wednesday", "from November to
    February") placed so that the range rises (``range_ends``)."""
    out = list(mentions)
    for i in range(len(out) - 1):
        if (_comparable(out[i].timex, out[i + 1].timex)
                and joins.fullmatch(text, out[i].end, out[i + 1].start)):
            out[i], out[i + 1] = range_ends(out[i], out[i + 1])
    return out


#: Clock readings: a range of them rises by days, and one ends at the instant it names.
CLOCK = frozenset({Granularity.HOUR, Granularity.MINUTE, Granularity.SECOND})


def _comparable(first: TimeValue, last: TimeValue) -> bool:
    """Whether two values can be the ends of a range that ``range_ends`` places: dates or
    clock times of one size ("a revision Friday to December's" joins no range), neither
    modified, both bounded."""
    return (first.type in (TimexType.DATE, TimexType.TIME) and last.type is first.type
            and first.mod is None and last.mod is None
            and first.granularity is not None and last.granularity is not None
            and (first.granularity is last.granularity
                 or (first.granularity in CLOCK and last.granularity in CLOCK))
            and first.interval is not None and first.interval.start is not None
            and last.interval is not None and last.interval.start is not None
            and last.interval.end is not None)


def range_ends(first: Mention, last: Mention) -> tuple[Mention, Mention]:
    """The two ends of a range of dates or clock times, placed so that the end comes after
    the start.

    An end said without its week, year or day (a bare weekday, a month, a month and day, a
    clock time with no day; no "next" or "last") takes them from the other end: in "the
    summit, held Monday through Wednesday" said on a Tuesday, Wednesday is the one after
    that Monday, though the past tense alone would send it to the week before; "from
    November to February" is the February after; "from March 3, 2024 to March 5" is in
    2024; "from 10 p.m. to 2 a.m." ends the next day. The end moves by whole weeks, years
    or days to the first place where the range rises; when only the start is bare ("from
    March 3 to March 5, 2024", "from 2 p.m. to 4 p.m. Monday") the start moves to the
    last place where it does. A clock time with no day takes the day of the other end
    even when that day is a bare weekday ("from 2 p.m. to 4 p.m. Monday"). Otherwise,
    when both are bare, each was read from the anchor and only a backward end moves, by
    one cycle at most (two ends further apart make no range these words join). An end
    that states them stays where it is, and the two come back unchanged when they cannot
    be placed (``_comparable``).
    """
    if not _comparable(first.timex, last.timex):
        return first, last
    first_cycle, last_cycle = _cycle(first), _cycle(last)
    if first_cycle is not None and (last_cycle is None or (
            first_cycle in _INHERITED and first_cycle < last_cycle)):
        # The start lacks what the end states ("from 2 p.m. to 4 p.m. Monday": a day).
        return _placed(first, first_cycle, last.timex, later=False,
                       inherits=first_cycle in _INHERITED), last
    if last_cycle is not None:
        # The end takes its year or day from a start that states it (a start on a bare
        # weekday states its day: "from 2 p.m. Monday to 4 p.m."), else rises.
        return first, _placed(last, last_cycle, first.timex, later=True,
                              inherits=last_cycle in _INHERITED and (
                                  first_cycle is None or first_cycle > last_cycle))
    return first, last


#: What an end lacks and takes from an end that states it: its year ("from March 3, 2024
#: to March 5"), its day ("from 2 p.m. Monday to 4 p.m."). Not its week: in "from Jan. 5,
#: 1990 to Monday" the Monday is the one the text is about.
_INHERITED = frozenset({Granularity.YEAR, Granularity.DAY})


def range_end(value: TimeValue) -> datetime | None:
    """Where a range ending with ``value`` ends: a clock time at the instant it names ("to
    4 p.m." ends at 16:00, not at the end of that minute), anything else at its end
    ("through Wednesday" holds Wednesday)."""
    interval = value.interval
    if interval is None:
        return None
    if value.type is TimexType.TIME and value.granularity in CLOCK:
        return interval.start
    return interval.end


def _cycle(mention: Mention) -> Granularity | None:
    """What an end said without its week, year or day repeats by: a bare weekday by weeks,
    a bare month or month and day by years, a clock time with no day by days, one on a
    bare weekday by weeks; ``None`` when the end says which ("Wednesday last week", "March
    2024", "2 p.m. next Monday")."""
    value = mention.timex
    if value.type is TimexType.TIME:
        if value.granularity not in CLOCK:
            return None
        dated = found_by(mention, lambda m: m.has("date") or m.has("year"))
        if dated is None:
            return Granularity.DAY
        day = None if dated.match is None else dated.match.children.get("date")
        # "9 a.m. Monday" repeats as its day does ("to 5 p.m. Friday": the Friday after).
        return None if day is None else _cycle(day)
    if value.granularity not in (Granularity.DAY, Granularity.MONTH):
        return None
    weekday = found_by(mention, lambda m: m.has("weekday") and not m.has("dir"))
    if weekday is not None and weekday.extent == mention.extent:
        return Granularity.WEEK
    month = found_by(mention, lambda m: m.has("month") and not m.has("year")
                      and not m.has("dir"))
    if month is not None and month.extent == mention.extent:
        return Granularity.YEAR  # not "Wednesday last week": its week is said
    return None


#: How long each cycle is, near enough to count the cycles between two dates.
_CYCLE_LENGTH = {Granularity.DAY: timedelta(days=1), Granularity.WEEK: timedelta(days=7),
                 Granularity.YEAR: timedelta(days=365.2425)}


def _placed(mention: Mention, cycle: Granularity, other: TimeValue, *, later: bool,
            inherits: bool) -> Mention:
    """The mention moved by whole cycles to the first place after ``other`` (``later``) or
    the last before it where the range they make rises: anywhere when it ``inherits`` its
    year or day from ``other``, else by one cycle at most, towards ``other``; the mention as
    it was where no such place is near on the calendar (February 29 a year on, a zone
    against no zone)."""
    value = mention.timex
    granularity = value.granularity
    assert value.interval is not None and value.interval.start is not None
    assert other.interval is not None and other.interval.start is not None
    assert granularity is not None
    start = value.interval.start

    def moved(count: int) -> TimeValue | None:
        try:
            moment = shift(cycle, start, count)
            if cycle is Granularity.YEAR and (moment.month, moment.day) != (start.month,
                                                                            start.day):
                return None  # no such day that year
            return TimeValue.of_granule(granularity, moment)
        except (ValueError, OverflowError):  # past the calendar's edge
            return None

    def rises(candidate: TimeValue | None) -> bool | None:
        """Whether the range rises with the mention here; ``None`` when it cannot be
        placed here: no such day, or a zone on one end only and the zone decides (4 p.m.
        against 14:00 UTC), where moving the end would be a guess."""
        if candidate is None:
            return None
        first, last = (other, candidate) if later else (candidate, other)
        assert first.interval is not None and first.interval.start is not None
        end = range_end(last)
        return end is not None and is_before(first.interval.start, end)

    target = range_end(other) if not later else other.interval.start
    assert target is not None
    # Start near the answer, then step to the first (last) count at which the range rises.
    toward = 1 if later else -1
    count = round(_apart(start, target) / _CYCLE_LENGTH[cycle])
    for _ in range(_STEPS):
        now = rises(moved(count))
        if now is None:
            return mention
        if now:
            break
        count += toward
    else:
        return mention
    for _ in range(_STEPS):
        if not rises(moved(count - toward)):
            break
        count -= toward
    if count == 0 or (not inherits and count != toward):
        return mention
    here = moved(count)
    assert here is not None
    return _with_timex(mention, here)


def _apart(start: datetime, target: datetime) -> timedelta:
    """How far ``target`` is from ``start``, near enough to count cycles: exactly between
    two instants (their offsets may differ), on the wall clock when either floats (a zone
    against none is known only to within a day, which the steps of ``_placed`` absorb)."""
    if is_floating(start) or is_floating(target):
        return target.replace(tzinfo=None) - start.replace(tzinfo=None)
    return target - start


#: How many cycles the count of cycles between two dates may be off by.
_STEPS = 4


def _with_timex(mention: Mention, value: TimeValue,
                extent: tuple[int, int] | None = None) -> Mention:
    """The mention with ``value`` as its own and as that of every mention inside it that
    holds its extent: the TIMEX3 it carries may be a child's, where a signal composes it
    ("in the quarter")."""
    start, end = mention.extent if extent is None else extent
    children = tuple(_with_timex(child, value, (start, end))
                     if child.start <= start and end <= child.end else child
                     for child in mention.children)
    return attrs.evolve(mention, value=value, children=children)


def found_by(mention: Mention, test: Callable[[Match], Any]) -> Mention | None:
    """The mention, or one inside it, whose rule's match passes ``test``; ``None`` if none."""
    pending = [mention]
    while pending:
        current = pending.pop()
        if current.match is not None and test(current.match):
            return current
        pending.extend(current.children)
    return None


#: What stands between a date and a phrase in apposition to it: a comma, a dash.
_APPOSITION = re.compile(r"\s*(?:,|--|\u2014|\u2013)\s*")


def _apposed(text: str, before: Mention, mention: Mention) -> bool:
    """Whether ``mention`` stands in apposition to the date ``before`` it ("Oct. 12, the
    day before the plunge"): only a comma or a dash between them, and the same unit."""
    value, told = mention.timex, before.timex
    return (told.interval is not None and told.mod is None
            and told.granularity is not None and told.granularity is value.granularity
            and _APPOSITION.fullmatch(text, before.end, mention.extent[0]) is not None)


def _of_unknown_day(value: TimeValue) -> TimeValue:
    """The value said of a day the text does not give: its date digits unknown
    (``XXXX-XX-XXTNI``, as TimeML writes a value it cannot compute), no interval."""
    return TimeValue(value.type, "XXXX-XX-XX" + value.value[10:], None, None, value.granularity)


def _holds(mention: Mention, param: str) -> bool:
    """Whether the mention, or one inside it, was found by a rule with ``param`` set."""
    return found_by(mention, lambda m: m.rule.params.get(param)) is not None


def _reference_of(value: TimeValue) -> tuple[datetime, Granularity] | None:
    """A date later anaphora can count from: a specific granule, not a span or a ref."""
    interval, granularity = value.interval, value.granularity
    if (value.type not in (TimexType.DATE, TimexType.TIME) or granularity is None
            or interval is None or interval.start is None or interval.end is None
            or value.mod is not None or not value.value[:1].isdigit()
            or granularity is Granularity.PART_OF_DAY):
        return None
    return interval.start, granularity


_DEFAULT: Scanner | None = None


def default_scanner() -> Scanner:
    """The scanner with the English rules, built on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Scanner()
    return _DEFAULT


def scan(text: str, anchor: Anchor, *, tense: str | Tense | None = None,
         date_order: str = "mdy") -> list[Mention]:
    """Every time expression in ``text``, with its span, resolved against ``anchor``."""
    return default_scanner().scan(text, anchor, tense=tense, date_order=date_order)
