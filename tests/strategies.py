"""Shared hypothesis strategies for the time model: datetimes, granules, intervals, durations.

Datetimes stay within 1900-2100, where every granule, its APPROX widening and its
neighbours are inside Python's calendar. Aware datetimes use fixed offsets in quarter
hours from UTC-12 to UTC+14, the range the interval model assumes for floating times.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from timeline.time import timex
from timeline.time.duration import MAX_LENGTH
from timeline.time.granularity import Granularity, PartOfDay
from timeline.time.interval import Interval
from timeline.time.value import Mod, TimeValue

EARLIEST = datetime(1900, 1, 1)
LATEST = datetime(2100, 12, 31, 23, 59, 59)

#: The mods ``TimeValue.of_granule`` is exercised with (the date-relevant ones).
GRANULE_MODS: tuple[Mod | None, ...] = (
    None, Mod.START, Mod.MID, Mod.END, Mod.APPROX,
    Mod.BEFORE, Mod.AFTER, Mod.ON_OR_BEFORE, Mod.ON_OR_AFTER,
)

#: Granularities whose TIMEX3 value carries a UTC offset (clock times).
CLOCK = (Granularity.SECOND, Granularity.MINUTE, Granularity.HOUR)


def offsets() -> st.SearchStrategy[timezone]:
    """Fixed UTC offsets from -12:00 to +14:00 in quarter hours (``Z`` included)."""
    return st.integers(min_value=-48, max_value=56).map(
        lambda quarters: timezone(timedelta(minutes=15 * quarters)))


def floating_datetimes() -> st.SearchStrategy[datetime]:
    """Civil datetimes with no zone, to the second (TIMEX3 and EDTF stop there)."""
    return st.datetimes(min_value=EARLIEST, max_value=LATEST).map(
        lambda moment: moment.replace(microsecond=0))


def aware_datetimes() -> st.SearchStrategy[datetime]:
    """Datetimes with a fixed UTC offset, to the second."""
    return st.builds(lambda moment, zone: moment.replace(tzinfo=zone),
                     floating_datetimes(), offsets())


def datetimes() -> st.SearchStrategy[datetime]:
    """Floating or aware datetimes in 1900-2100."""
    return st.one_of(floating_datetimes(), aware_datetimes())


def granularities() -> st.SearchStrategy[Granularity]:
    return st.sampled_from(list(Granularity))


def partitions() -> st.SearchStrategy[Granularity]:
    """Granularities whose granules tile time (everything but parts of days and weekends)."""
    return st.sampled_from([g for g in Granularity
                            if g not in (Granularity.PART_OF_DAY, Granularity.WEEKEND)])


def parts_of_day() -> st.SearchStrategy[PartOfDay]:
    return st.sampled_from(list(PartOfDay))


@st.composite
def timex_values(draw: st.DrawFn) -> str:
    """The TIMEX3 value of some granule of a generated datetime (any granularity)."""
    granularity = draw(granularities())
    moment = draw(aware_datetimes() if granularity in CLOCK else floating_datetimes())
    return timex.render(granularity, moment, draw(parts_of_day()))


@st.composite
def granule_values(draw: st.DrawFn,
                   mods: tuple[Mod | None, ...] = GRANULE_MODS) -> TimeValue:
    """A ``TimeValue.of_granule``: any granularity, any of ``mods``, floating or aware.

    An aware moment gives a granule in its own zone (an aware interval), even where the
    TIMEX3 value, a date, cannot carry the zone.
    """
    granularity = draw(granularities())
    moment = draw(datetimes())
    part = draw(parts_of_day()) if granularity is Granularity.PART_OF_DAY else None
    return TimeValue.of_granule(granularity, moment, mod=draw(st.sampled_from(mods)),
                                part=part)


@st.composite
def intervals(draw: st.DrawFn, *, floating: bool | None = None,
              bounded: bool = False) -> Interval:
    """A non-empty interval, floating or aware (``floating=None``: either), maybe open."""
    if floating is None:
        floating = draw(st.booleans())
    moments = floating_datetimes() if floating else aware_datetimes()
    a, b = draw(moments), draw(moments)
    if a == b:
        b = a + timedelta(seconds=draw(st.integers(min_value=1, max_value=10**6)))
    lo, hi = (a, b) if a < b else (b, a)
    start: datetime | None = lo
    end: datetime | None = hi
    if not bounded:
        open_side = draw(st.sampled_from(["none"] * 4 + ["start", "end"]))
        start = None if open_side == "start" else lo
        end = None if open_side == "end" else hi
    return Interval(start, end)


_DATE_LETTERS = ("ML", "CE", "DE", "Y", "H", "Q", "M", "W", "WE", "D")
_CLOCK_LETTERS = ("H", "M", "S")


def amounts() -> st.SearchStrategy[str]:
    """Amounts as TIMEX3 writes them canonically: ``3``, ``1.5``, ``0.25`` or ``X``."""
    whole = st.integers(min_value=0, max_value=10**6).map(str)
    decimal = st.builds(
        lambda units, places: f"{units}.{places}",
        st.integers(min_value=0, max_value=10**6),
        st.integers(min_value=1, max_value=10**8).filter(lambda n: n % 10 != 0).map(str),
    )
    return st.one_of(whole, decimal, st.just("X"))


@st.composite
def durations(draw: st.DrawFn) -> str:
    """A canonical TIMEX3 duration (``P3Y``, ``PT2H``, ``P1DT1.5H``, ``PXD``), not too long."""
    date = draw(st.lists(st.tuples(amounts(), st.sampled_from(_DATE_LETTERS)), max_size=3))
    clock = draw(st.lists(st.tuples(amounts(), st.sampled_from(_CLOCK_LETTERS)),
                          min_size=0 if date else 1, max_size=3))
    text = "P" + "".join(a + u for a, u in date)
    text += "T" + "".join(a + u for a, u in clock) if clock else ""
    assume(len(text) <= MAX_LENGTH)
    return text


# --- corpora built in Python (#12: Timeline.from_articles, save, load) ----------------------

#: Sentences an article may end with, each with a time expression a claim's ``when`` names.
DATED_SENTENCES = {" They met on Monday.": "on Monday",
                   " The vote is set for next week.": "next week",
                   " It ended in March 2024.": "in March 2024"}

#: Offsets a claim may place its event by, against an earlier event.
OFFSETS = ("three days before", "2 weeks after", "within two hours", "shortly after",
           "days before")


def non_blank_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Any text a title or note may be: at least one character that is not white space."""
    return st.text(min_size=1, max_size=max_size).filter(lambda s: s.strip() != "")


def publication_times() -> st.SearchStrategy[Any]:
    """A day, a floating datetime or an aware one (fixed offsets), microseconds included."""
    return st.one_of(st.dates(min_value=EARLIEST.date(), max_value=LATEST.date()),
                     st.datetimes(min_value=EARLIEST, max_value=LATEST),
                     st.builds(lambda moment, zone: moment.replace(tzinfo=zone),
                               st.datetimes(min_value=EARLIEST, max_value=LATEST), offsets()))


@st.composite
def python_articles(draw: st.DrawFn, article_id: str) -> Any:
    """An ``Article`` made in Python: random text, title, publication time, maybe a file."""
    from timeline.model.article import Article

    file = draw(st.none() | st.from_regex(r"[a-z]{1,6}(/[a-z]{1,6})?\.(txt|md)", fullmatch=True))
    return Article(id=article_id, title=draw(non_blank_text()),
                   published=draw(publication_times()),
                   text=draw(st.text(min_size=1)) + draw(st.sampled_from(["",
                                                                          *DATED_SENTENCES])),
                   outlet=draw(st.none() | non_blank_text(20)),
                   url=draw(st.none() | st.just("https://example.org/" + article_id)),
                   file=file)


@st.composite
def python_timelines(draw: st.DrawFn) -> Any:
    """A ``Timeline.from_articles`` of random articles and events whose claims quote them:
    dated (``date=`` a day or a datetime), ongoing, or placed before or after an earlier
    event (so never in a cycle), with random statuses, parts and notes."""
    from timeline.model.claim import Claim, Status
    from timeline.model.event import EventSpec
    from timeline.model.save import _from_id
    from timeline.query.timeline import Timeline

    ids = draw(st.lists(st.one_of(st.from_regex(r"[a-z0-9][a-z0-9_-]{0,8}", fullmatch=True),
                                  non_blank_text(12)),
                        min_size=1, max_size=4,
                        unique_by=lambda i: _from_id(i).casefold()))
    articles = [draw(python_articles(article_id)) for article_id in ids]
    files = [(a.file or _from_id(a.id)).casefold() for a in articles]
    assume(len(set(files)) == len(files))
    specs = []
    for e in range(draw(st.integers(0, 5))):
        claims = []
        for _ in range(draw(st.integers(1, 3))):
            article = draw(st.sampled_from(articles))
            text = article.text
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            quote = text[start:end]
            assume(quote.strip())
            found = [i for i in range(len(text)) if text.startswith(quote, i)]
            status = draw(st.sampled_from([s for s in Status if s is not Status.UNCONFIRMED]))
            dated = [s for s in DATED_SENTENCES if text.endswith(s)]
            how = draw(st.sampled_from(["date", "ongoing"] + ["order"] * bool(e)
                                       + ["when"] * bool(dated)))
            fields: dict[str, Any] = {}
            if how == "when":  # the quote is the sentence; its expression, in any tense
                quote = dated[0].strip()
                start = len(text) - len(quote)
                found = [i for i in range(len(text)) if text.startswith(quote, i)]
                fields["when"] = DATED_SENTENCES[dated[0]]
                fields["tense"] = draw(st.sampled_from([None, "past", "present", "future"]))
            elif how == "date":
                fields["date"] = draw(publication_times().map(
                    lambda m: m.replace(microsecond=0) if isinstance(m, datetime) else m))
                fields["part"] = draw(st.sampled_from([None, "start", "end"]))
            elif how == "ongoing":
                fields["ongoing"] = True
            else:
                other = f"e{draw(st.integers(0, e - 1))}"
                key = draw(st.sampled_from(["before", "after", "relative_to"]))
                fields[key] = other
                if key == "relative_to":
                    fields["offset"] = draw(st.sampled_from(OFFSETS))
            claims.append(Claim.build(
                article, quote, event=f"e{e}", status=status,
                occurrence=found.index(start) + 1 if len(found) > 1 else None,
                note=draw(st.none() | non_blank_text(20)), **fields))
        specs.append(EventSpec.build(f"e{e}", draw(non_blank_text()), claims,
                                     actors=draw(st.lists(non_blank_text(10), max_size=2)),
                                     place=draw(st.none() | non_blank_text(10))))
    return Timeline.from_articles(articles, specs, title=draw(non_blank_text()),
                                  zone=draw(st.sampled_from([None, "UTC",
                                                             "America/New_York"])))


# --- the calendar's edges (issue 13) -------------------------------------------------

#: Years where Python's calendar ends: the time layer must build, write and read back
#: there without an ``OverflowError`` (or refuse with a ``TimexError``).
EDGE_YEARS = (1, 2, 3, 9997, 9998, 9999)


def edge_zones() -> st.SearchStrategy[Any]:
    """No zone, the extreme and odd-minute offsets, and zones whose early years are in
    local mean time (Lord Howe +10:36:20, London -0:01:15, Kathmandu +5:41:16)."""
    from zoneinfo import ZoneInfo

    fixed = [timezone(timedelta(minutes=m)) for m in (14 * 60, -12 * 60, 345, -1, 765, -570)]
    lmt = [ZoneInfo(name) for name in ("Australia/Lord_Howe", "Europe/London",
                                       "Asia/Kathmandu", "America/New_York")]
    return st.sampled_from([None, *fixed, *lmt])


@st.composite
def edge_datetimes(draw: st.DrawFn, years: tuple[int, ...] = EDGE_YEARS) -> datetime:
    """Datetimes, to the second, in ``years``, floating or in an ``edge_zones`` zone."""
    year = draw(st.sampled_from(years))
    moment = draw(st.datetimes(min_value=datetime(year, 1, 1),
                               max_value=datetime(year, 12, 31, 23, 59, 59)))
    return moment.replace(microsecond=0, tzinfo=draw(edge_zones()))


@st.composite
def edge_values(draw: st.DrawFn) -> TimeValue | None:
    """``of_granule`` of an ``edge_datetimes`` moment, any granularity and mod; ``None``
    when it refuses (a ``TimexError``: the granule or its widening leaves the calendar)."""
    from timeline.errors import TimexError

    granularity = draw(granularities())
    part = draw(parts_of_day()) if granularity is Granularity.PART_OF_DAY else None
    try:
        return TimeValue.of_granule(granularity, draw(edge_datetimes()),
                                    mod=draw(st.sampled_from([*Mod, None])), part=part)
    except TimexError:
        return None


@st.composite
def calendar_edge_values(draw: st.DrawFn) -> TimeValue | None:
    """``of_granule`` values at the supported calendar's own edges (years 200-201 and
    9798-9799, ``edge_zones``), any granularity and mod; ``None`` when the value leaves
    the calendar (a ``Claim`` would refuse it)."""
    from timeline.errors import TimexError
    from timeline.time.interval import FIRST_YEAR, LAST_YEAR, interval_problem

    years = (FIRST_YEAR, FIRST_YEAR + 1, LAST_YEAR - 1, LAST_YEAR)
    granularity = draw(granularities())
    part = draw(parts_of_day()) if granularity is Granularity.PART_OF_DAY else None
    try:
        value = TimeValue.of_granule(granularity, draw(edge_datetimes(years)),
                                     mod=draw(st.sampled_from([*Mod, None])), part=part)
    except TimexError:
        return None
    if value.interval is None or interval_problem(value.interval) is not None:
        return None
    return value
