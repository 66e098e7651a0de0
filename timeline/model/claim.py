"""``Claim``: what one article says about when one event happened, with its provenance."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

import attrs

from timeline.errors import CorpusError, TimelineError
from timeline.model.article import Article, moment_problem, parse_moment
from timeline.model.problems import Problems
from timeline.model.quote import LONG, closest_passage
from timeline.time.interval import (
    FIRST_YEAR,
    LAST_YEAR,
    SUPPORTED_END,
    SUPPORTED_START,
    calendar_problem,
    check_interval,
    interval_problem,
)
from timeline.time.value import TimeValue

_Moment = date | datetime

#: Keys a ``[[events.claims]]`` table may have.
KEYS = frozenset({"article", "quote", "occurrence", "status", "when", "tense", "date", "part",
                  "ongoing", "before", "after", "relative_to", "offset", "note"})
#: What of its event a claim's time dates: all of it (the default), or only its start or end.
PARTS = frozenset({"start", "end"})


class Status(enum.Enum):
    """What a claim says of its event; ``UNCONFIRMED`` is only ever derived, never claimed."""

    OCCURRED = "occurred"
    REPORTED = "reported"
    SCHEDULED = "scheduled"
    EXPECTED = "expected"
    UNCONFIRMED = "unconfirmed"

    @property
    def done(self) -> bool:
        """The event is said to have happened (first-hand or reported)."""
        return self in (Status.OCCURRED, Status.REPORTED)

    @property
    def pending(self) -> bool:
        """The event is announced or hoped for, not (yet) said to have happened."""
        return self in (Status.SCHEDULED, Status.EXPECTED)


#: Shortest and longest length of each unit an offset may use, for bounds that hold
#: whatever the calendar (a month is 28 to 31 days).
_UNIT_RANGE: dict[str, tuple[timedelta, timedelta]] = {
    "minute": (timedelta(minutes=1), timedelta(minutes=1)),
    "hour": (timedelta(hours=1), timedelta(hours=1)),
    "day": (timedelta(days=1), timedelta(days=1)),
    "week": (timedelta(weeks=1), timedelta(weeks=1)),
    "month": (timedelta(days=28), timedelta(days=31)),
    "year": (timedelta(days=365), timedelta(days=366)),
}
_DAY = timedelta(days=1)
#: No offset between two events of the supported calendar is longer than it (#13).
_CALENDAR_LENGTH = SUPPORTED_END - SUPPORTED_START
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "twenty-four": 24}
_OFFSET = re.compile(
    r"(?:(?P<within>within) (?P<w_amount>\d{1,4}|[a-z-]{1,12}) (?P<w_unit>[a-z]{3,7})"
    r"|(?P<shortly>shortly) (?P<s_side>before|after)"
    r"|(?:(?P<amount>\d{1,4}|[a-z-]{1,12}) )?(?P<unit>[a-z]{3,7}) (?P<side>before|after))")


@attrs.frozen
class Offset:
    """How a claim places its event against another's, as bounds on endpoint differences.

    ``start_lo``/``start_hi`` bound (this start − other's start); ``before`` says this ends
    no later than the other starts, ``after`` that this starts no earlier than the other
    ends. ``None`` is unbounded.
    """

    text: str
    start_lo: timedelta | None = None
    start_hi: timedelta | None = None
    before: bool = False
    after: bool = False

    @classmethod
    def parse(cls, text: str) -> Offset:
        """"three days before", "days before", "within two hours", "shortly after"."""
        words = " ".join(text.lower().split())
        m = _OFFSET.fullmatch(words) if len(words) <= 40 else None
        if m is None:
            raise ValueError(f"not an offset: {text!r}; expected 'N units before|after', "
                             f"'units before|after', 'within N units' or 'shortly after'")
        if m["within"]:
            _, longest = _unit(m["w_unit"])
            return cls(text, start_lo=timedelta(0), start_hi=_amount(m["w_amount"]) * longest)
        if m["shortly"]:
            return cls(text, before=m["s_side"] == "before", after=m["s_side"] == "after")
        shortest, longest = _unit(m["unit"])
        side = -1 if m["side"] == "before" else 1
        if m["amount"] is None:
            return cls(text, before=side < 0, after=side > 0)
        n = _amount(m["amount"])
        if n * shortest > _CALENDAR_LENGTH:
            raise ValueError(f"{text!r} is longer than the supported calendar (years "
                             f"{FIRST_YEAR:04d} to {LAST_YEAR:04d}): no two events in it "
                             f"are that far apart")
        # "three days before X": on the day three days before X's, so the starts differ by
        # n units give or take a day, whatever time of day each had ("three years after
        # the invasion": the anniversary, not any time in a three-year window). Below a
        # day, give or take one unit ("two hours after": the hour two hours on).
        slack = longest if longest < _DAY else _DAY
        near, far = max(timedelta(0), n * shortest - slack), n * longest + slack
        lo, hi = (-far, -near) if side < 0 else (near, far)
        return cls(text, start_lo=lo, start_hi=hi, before=side < 0 and n > 0,
                   after=side > 0 and n > 0)


def _unit(word: str) -> tuple[timedelta, timedelta]:
    unit = word[:-1] if word.endswith("s") else word
    if unit not in _UNIT_RANGE:
        raise ValueError(f"unknown unit {word!r}")
    return _UNIT_RANGE[unit]


def _amount(word: str) -> int:
    if word.isdigit():
        return int(word)
    if word not in _NUMBERS:
        raise ValueError(f"unknown amount {word!r}")
    return _NUMBERS[word]


def _in_calendar(claim: Claim, attribute: attrs.Attribute[Any],
                 value: TimeValue | date | datetime | None) -> None:
    """A claim's times stay in the supported calendar (``timeline.time.interval``), so the
    network, the queries and the exports never overflow on year 1 or 9999 (#13)."""
    if isinstance(value, TimeValue):
        problem = None if value.interval is None else interval_problem(value.interval)
        if problem is not None:
            problem = f"{value.value!r}: {problem}"
    else:
        problem = None if value is None else calendar_problem(value)
    if problem is not None:
        raise CorpusError(problem, entry=f"event {claim.event!r}, claim from {claim.article!r}",
                          field=attribute.name)


@attrs.frozen
class Claim:
    """What one article says about one event: the quote, where it is, and how it dates it.

    ``value`` is the resolved ``when`` (against ``anchor``, the article's publication time)
    or the curator's absolute ``date``; ``before``/``after``/``relative_to`` order the
    event against others. ``known_from`` is when the claim became public: its article's
    publication time. ``part`` says the value dates only the event's ``start`` ("the war
    began in February 2022") or ``end``; ``ongoing`` that the event was still going on
    when the article was published ("the war", "the talks continue").
    """

    event: str
    article: str
    quote: str
    span: tuple[int, int]
    status: Status
    known_from: date | datetime = attrs.field(validator=_in_calendar)
    when: str | None = None
    when_span: tuple[int, int] | None = None
    anchor: date | datetime | None = None
    tense: str | None = None
    value: TimeValue | None = attrs.field(default=None,
                                          validator=_in_calendar)
    date: date | datetime | None = attrs.field(default=None,
                                               validator=_in_calendar)
    before: str | None = None
    after: str | None = None
    relative_to: str | None = None
    offset: Offset | None = None
    note: str | None = None
    part: str | None = attrs.field(default=None, validator=attrs.validators.optional(
        attrs.validators.in_(PARTS)))
    ongoing: bool = False

    @property
    def references(self) -> tuple[str, ...]:
        """The other events this claim places its event against."""
        return tuple(r for r in (self.before, self.after, self.relative_to) if r is not None)

    def _repr_html_(self) -> str:
        from timeline.export.notebook import claim_html

        return claim_html(self)

    @classmethod
    def from_toml(cls, table: Mapping[str, Any], *, event: str, articles: Mapping[str, Article],
                  file: str | None, entry: str,
                  resolved: dict[tuple[str, str, str], TimeValue | str] | None = None) -> Claim:
        """Build a claim from one ``[[events.claims]]`` table, checking it against its article.

        Every problem of the table is reported: one ``CorpusError`` holding each, naming the
        file, the event and claim, and the field. ``resolved`` keeps the expressions
        resolved so far (a loading's claims share many; ``events_from_toml`` passes one).
        """
        if not isinstance(table, Mapping):
            raise CorpusError("expected a table", file=file, entry=entry)
        problems = Problems(file=file, entry=entry)
        for key in sorted(set(table) - KEYS):
            problems.add(key, f"unknown field; expected one of {', '.join(sorted(KEYS))}")
        return cls._checked(table, event=event, articles=articles, problems=problems,
                            resolved=resolved)

    @classmethod
    def build(cls, article: Article, quote: str, *, event: str,
              status: Status | str = Status.OCCURRED, when: str | None = None,
              date: _Moment | str | None = None, part: str | None = None,
              ongoing: bool = False, before: str | None = None, after: str | None = None,
              relative_to: str | None = None, offset: Offset | str | None = None,
              tense: str | None = None, occurrence: int | None = None,
              note: str | None = None, at: tuple[int, int] | None = None,
              value: TimeValue | None = None) -> Claim:
        """A claim built in Python, checked as ``events.toml``'s claims are (one path).

        ``quote`` must be in ``article`` (``occurrence``, from 1, says which when it is there
        more than once); ``when`` is an expression inside the quote, resolved against the
        article's publication (``tense`` overrides the direction the status gives), or
        ``date`` an absolute date or datetime (an ISO string is read as one); ``before``,
        ``after`` and ``relative_to`` with ``offset`` ("three days before") place the event
        against others by id. Every problem is reported in one ``CorpusError``.

        ``at`` (``(start, end)``), instead of ``occurrence``, says where the quote is when the
        caller knows: checked to hold the quote, it spares a search of the whole article (a
        drafter builds thousands of claims on one long article).

        ``value``, with ``when``, is what ``when`` resolves to when the caller has resolved
        it already, exactly as this claim would (``timeline.resolve(when,
        article.published, tense=...)`` with the tense given or the status's): taken as
        given (still checked against the calendar), it spares a second resolution (a
        drafter tries an article's expressions in several tenses, and builds each claim
        again for its event). The caller vouches for it; without it ``when`` is resolved.
        """
        entry = f"event {event!r}, claim from article {getattr(article, 'id', article)!r}"
        problems = Problems(entry=entry)
        if not isinstance(article, Article):
            raise problems.error("article", f"expected an Article, got {article!r}")
        if isinstance(date, str):
            try:
                date = parse_moment(date)
            except ValueError as exc:
                problems.add("date", str(exc))
                date = _REPORTED  # given, and wrong: not also "no date given"
        table = {"article": article.id, "quote": quote,
                 "status": status.value if isinstance(status, Status) else status,
                 "when": when, "date": date, "part": part, "before": before, "after": after,
                 "relative_to": relative_to,
                 "offset": offset.text if isinstance(offset, Offset) else offset,
                 "tense": tense, "occurrence": occurrence, "note": note,
                 "ongoing": None if ongoing is False else ongoing}
        span = None if at is None else _at(article, quote, at, occurrence, problems)
        return cls._checked({k: v for k, v in table.items() if v is not None}, event=event,
                            articles={article.id: article}, problems=problems, span=span,
                            given=value if when is not None else None)

    @classmethod
    def _checked(cls, table: Mapping[str, Any], *, event: str, articles: Mapping[str, Article],
                 problems: Problems, span: tuple[int, int] | None = None,
                 given: TimeValue | None = None,
                 resolved: dict[tuple[str, str, str], TimeValue | str] | None = None) -> Claim:
        """The one check of a claim's fields, for ``from_toml`` and ``build``: each problem is
        added to ``problems`` (checks that need a field go on only when it is good) and all
        are raised together. ``span``: where the quote is, already checked (``build``'s
        ``at``), else it is searched for; ``given``: what ``when`` resolves to, already
        resolved (``build``'s ``value``), else it is resolved (and kept in ``resolved``, one
        loading's cache, when there is one)."""
        fail = problems.add
        for key in ("article", "quote", "status"):
            if key not in table:
                fail(key, "missing")
        for key in _STRINGS:
            if key in table and not isinstance(table[key], str):
                fail(key, f"expected a string, got {table[key]!r}")

        def text(key: str) -> str | None:
            value = table.get(key)
            return value if isinstance(value, str) else None

        article = None
        if text("article") is not None:
            article = articles.get(table["article"])
            if article is None:
                fail("article", f"unknown article {table['article']!r}")
        status = None
        if text("status") is not None:
            try:
                status = Status(table["status"])
            except ValueError:
                fail("status", f"expected occurred, reported, scheduled or expected, not "
                               f"{table['status']!r}")
            if status is Status.UNCONFIRMED:
                fail("status", "'unconfirmed' is derived from a timeline, never claimed")
                status = None
        quote = text("quote")
        if span is None and quote is not None and article is not None:
            found = article
            span = problems.attempt(
                lambda: _find(found, quote, table.get("occurrence"), problems.error))
        when, when_span, value, tense, anchor = text("when"), None, None, None, None
        if when is not None and quote is not None:
            at = quote.find(when)
            if at < 0:
                fail("when", f"{when!r} is not inside the quote")
            elif span is not None and status is not None and article is not None:
                when_span = (span[0] + at, span[0] + at + len(when))
                tense = text("tense") or ("future" if status.pending else "past")
                anchor = article.published
                outcome = _resolved(when, anchor, tense, resolved, given)
                if isinstance(outcome, str):
                    fail("when", outcome)
                else:
                    value = outcome
        part = table.get("part")
        if part is not None and (not isinstance(part, str) or part not in PARTS):  # #13
            fail("part", f"expected 'start' or 'end', got {part!r}")
        ongoing = table.get("ongoing", False)
        if not isinstance(ongoing, bool):
            fail("ongoing", f"expected true or false, got {ongoing!r}")
        absolute = table.get("date")
        if absolute is not None:
            if "when" in table:
                fail("date", "give either 'when' or 'date', not both")
            elif absolute is _REPORTED:
                pass
            elif not isinstance(absolute, date):
                fail("date", moment_problem("date", absolute))
            elif (outside := calendar_problem(absolute)) is not None:
                fail("date", outside)
            else:
                value = _absolute_value(absolute)
        offset = None
        if "offset" in table:
            if "relative_to" not in table:
                fail("offset", "an offset needs 'relative_to'")
            elif text("offset") is not None:
                try:
                    offset = Offset.parse(table["offset"])
                except ValueError as exc:
                    fail("offset", str(exc))
        elif "relative_to" in table:
            fail("relative_to", "'relative_to' needs an 'offset'")
        for key in ("before", "after", "relative_to"):
            if table.get(key) == event:
                fail(key, "an event cannot be placed against itself")
        dated = "when" in table or "date" in table
        if part is not None and not dated:
            fail("part", "'part' says what 'when' or 'date' dates: give one of them")
        if not dated and ongoing is not True and not any(
                k in table for k in ("before", "after", "relative_to")):
            fail("when", "the claim does not date its event: give 'when', 'date', "
                         "'ongoing', 'before', 'after' or 'relative_to'")
        problems.raise_any()
        assert article is not None and quote is not None and span is not None
        assert status is not None and isinstance(ongoing, bool)
        return cls(event=event, article=article.id, quote=quote, span=span, status=status,
                   known_from=article.published, when=when, when_span=when_span,
                   anchor=anchor, tense=tense, value=value, date=absolute,
                   before=table.get("before"), after=table.get("after"),
                   relative_to=table.get("relative_to"), offset=offset,
                   note=table.get("note"), part=part, ongoing=ongoing)


def _resolved(when: str, anchor: date | datetime, tense: str,
              resolved: dict[tuple[str, str, str], TimeValue | str] | None,
              given: TimeValue | None = None) -> TimeValue | str:
    """``when`` resolved against ``anchor`` and checked, or what is wrong with it; kept in
    ``resolved`` (one loading's), since a corpus says "Monday" or "on March 3, 2021" again
    and again in articles of one day. The key is the anchor's ``repr``: aware times equal
    across zones resolve differently, and ``==`` would take one for the other."""
    key = (when, tense, repr(anchor))
    if given is None and resolved is not None and key in resolved:
        return resolved[key]
    from timeline.tagger.resolve import resolve

    outcome: TimeValue | str
    try:
        outcome = given if given is not None else resolve(when, anchor, tense=tense)
        if outcome.interval is not None:
            check_interval(outcome.interval, what=repr(when))
    except TimelineError as exc:
        outcome = str(exc)
    if resolved is not None and given is None:
        resolved[key] = outcome
    return outcome


#: A field ``build`` found wrong and reported already: present, so not "missing" too.
_REPORTED: Any = type("_Reported", (), {"__repr__": lambda self: "<reported>"})()

#: The fields of a claim that are strings.
_STRINGS = ("article", "quote", "status", "when", "tense", "before", "after", "relative_to",
            "offset", "note")


def occurrences(text: str, quote: str) -> list[int]:
    """Where ``quote`` starts in ``text``, overlapping occurrences included ("aa" twice in
    "aaa"): ``occurrence`` counts them this way."""
    starts = []
    at = text.find(quote)
    while at >= 0:
        starts.append(at)
        at = text.find(quote, at + 1)
    return starts


def _at(article: Article, quote: str, at: Any, occurrence: int | None,
        problems: Problems) -> tuple[int, int] | None:
    """``build``'s ``at``, checked: a span of the article that holds ``quote`` exactly;
    None (and a problem added) when it is not."""
    if (not isinstance(at, tuple) or len(at) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in at)):
        problems.add("at", f"expected a (start, end) pair of offsets, got {at!r}")
    elif occurrence is not None:
        problems.add("at", "give either 'at' or 'occurrence', not both")
    elif not isinstance(quote, str) or not quote.strip():
        pass  # the quote's own check says what is wrong with it
    elif not (0 <= at[0] <= at[1] <= len(article.text)) or article.text[at[0]:at[1]] != quote:
        problems.add("at", f"{at!r} does not hold the quote in article {article.id!r}")
    else:
        return at[0], at[1]
    return None


def _find(article: Article, quote: str, occurrence: Any,
          error: Callable[[str, str], CorpusError]) -> tuple[int, int]:
    """The span of the quote in the article: it must be there, once, or once at ``occurrence``.

    A quote not found names the article's closest passage and, for the usual near-miss
    (curly quotes, dashes, spaces), what differs.
    """
    if not quote.strip():
        raise error("quote", "empty")
    starts = occurrences(article.text, quote)
    if not starts:
        passage = closest_passage(article.text, quote)
        if passage is not None:
            hint = passage.describe()
        elif len(article.text) > LONG:
            hint = ("no near-miss of quotes, dashes or spaces (an article this long is not "
                    "searched for merely similar passages)")
        else:
            hint = "nothing in it is close"
        raise error("quote", f"not found in article {article.id!r}; {hint}")
    if occurrence is None:
        if len(starts) > 1:
            raise error("quote", f"found {len(starts)} times in article {article.id!r}; "
                                 f"say which with 'occurrence'")
        return starts[0], starts[0] + len(quote)
    if not isinstance(occurrence, int) or isinstance(occurrence, bool) or not (
            1 <= occurrence <= len(starts)):
        raise error("occurrence", f"expected 1 to {len(starts)} (the quote's occurrences in "
                                  f"article {article.id!r}), got {occurrence!r}")
    start = starts[occurrence - 1]
    return start, start + len(quote)


def _absolute_value(moment: date | datetime) -> TimeValue:
    """A curator's date or datetime as a value: a day, or the minute of a datetime."""
    from timeline.time.granularity import Granularity

    if isinstance(moment, datetime):
        granularity = Granularity.SECOND if moment.second else Granularity.MINUTE
        return TimeValue.of_granule(granularity, moment)
    return TimeValue.of_granule(Granularity.DAY, datetime(moment.year, moment.month, moment.day))
