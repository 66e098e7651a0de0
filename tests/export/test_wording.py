"""Plain-English times: the words never claim a narrower span than the event's hull."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from corpora import derived_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.export.wording import (
    MONTHS,
    Shown,
    clock_window,
    coarsened,
    day_span,
    day_text,
    interval_text,
    is_uncertain,
    moment_text,
    when_text,
)
from timeline.model.article import Article
from timeline.model.claim import Claim, Offset, Status
from timeline.model.event import EventSpec
from timeline.model.network import EventTime
from timeline.query.timeline import Timeline
from timeline.time.granularity import Granularity
from timeline.time.interval import Interval
from timeline.time.value import TimeValue

D = datetime
US = timedelta(microseconds=1)


def within(start: datetime | None, end: datetime | None) -> EventTime:
    """Somewhere inside [start, end), as the solver writes it (microsecond steps)."""
    return EventTime(start, None if end is None else end - US,
                     None if start is None else start + US, end)


def exact(start: datetime, end: datetime) -> EventTime:
    return EventTime(start, start, end, end)


@pytest.mark.parametrize(("time", "text"), [
    (within(D(2025, 2, 24), D(2025, 2, 25)), "24 Feb 2025"),
    (exact(D(2025, 2, 24), D(2025, 2, 25)), "24 Feb 2025"),
    (exact(D(2025, 2, 24, 14), D(2025, 2, 24, 16)), "24 Feb 2025, 14:00\u201316:00"),
    (exact(D(2025, 2, 24, 22), D(2025, 2, 25, 2)),
     "24 Feb 2025, 22:00 \u2013 25 Feb 2025, 02:00"),
    (exact(D(2025, 2, 24), D(2025, 2, 27)), "24\u201326 Feb 2025"),
    (exact(D(2025, 2, 28), D(2025, 3, 3)), "28 Feb \u2013 2 Mar 2025"),
    (exact(D(2024, 12, 30), D(2025, 1, 4)), "30 Dec 2024 \u2013 3 Jan 2025"),
    (within(D(2025, 2, 17), D(2025, 2, 24)), "between 17 and 23 Feb 2025"),
    (within(D(2025, 2, 28), D(2025, 3, 3)), "between 28 Feb and 2 Mar 2025"),
    (within(D(2024, 12, 30), D(2025, 1, 4)), "between 30 Dec 2024 and 3 Jan 2025"),
    (within(D(2025, 2, 1), D(2025, 3, 1)), "Feb 2025"),
    (within(D(2025, 1, 1), D(2026, 1, 1)), "2025"),
    (within(D(2022, 1, 1), D(2022, 5, 1)), "between Jan and Apr 2022"),
    (within(D(2024, 11, 1), D(2025, 3, 1)), "between Nov 2024 and Feb 2025"),
    (within(D(2020, 1, 1), D(2023, 1, 1)), "between 2020 and 2022"),
    (within(None, D(2026, 1, 1)), "by 31 Dec 2025"),
    (within(None, D(2025, 2, 24, 18)), "by 24 Feb 2025, 18:00"),
    (within(D(2025, 2, 24), None), "from 24 Feb 2025"),
    (within(D(2025, 2, 24, 9, 30), None), "from 24 Feb 2025, 09:30"),
    (EventTime(None, None, None, None), "date unknown"),
    (within(D(2025, 2, 24, 12), D(2025, 2, 24, 18)), "24 Feb 2025, between 12:00 and 18:00"),
    (within(D(2025, 2, 24), D(2025, 2, 24, 18)), "24 Feb 2025, before 18:00"),
    (within(D(2025, 2, 24, 17), D(2025, 2, 25)), "24 Feb 2025, after 17:00"),
    (within(D(2025, 2, 24, 14), D(2025, 2, 24, 14, 1)), "24 Feb 2025, 14:00"),
    (within(D(2025, 2, 24, 12), D(2025, 2, 26, 18)),
     "between 24 Feb 2025, 12:00 and 26 Feb 2025, 18:00"),
    (within(D(2025, 2, 24, 12), D(2025, 2, 27)), "between 24 Feb 2025, 12:00 and 26 Feb 2025"),
    # The solver's microsecond steps round outward to whole minutes.
    (EventTime(D(2025, 2, 24, 0, 0, 0, 1), D(2025, 2, 24, 23, 59, 59, 999999),
               D(2025, 2, 24, 0, 0, 0, 2), D(2025, 2, 24, 23, 59, 59, 999999)), "24 Feb 2025"),
])
def test_when_text(time: EventTime, text: str) -> None:
    assert when_text(time) == text


def test_aware_times_are_written_in_utc() -> None:
    plus_one = timezone(timedelta(hours=1))
    talk = exact(D(2025, 2, 24, 15, tzinfo=plus_one), D(2025, 2, 24, 17, tzinfo=plus_one))
    assert when_text(talk) == "24 Feb 2025, 14:00\u201316:00 UTC"
    window = within(D(2025, 2, 23, 10, tzinfo=UTC), D(2025, 2, 25, 12, tzinfo=UTC))
    assert when_text(window) == "between 23 Feb 2025, 10:00 UTC and 25 Feb 2025, 12:00 UTC"
    assert when_text(within(D(2025, 2, 24, tzinfo=UTC), D(2025, 2, 25, tzinfo=UTC))) == \
        "24 Feb 2025"
    assert when_text(within(None, D(2025, 2, 24, 18, tzinfo=UTC))) == \
        "by 24 Feb 2025, 18:00 UTC"


@pytest.mark.parametrize(("time", "uncertain"), [
    (within(D(2025, 2, 24), D(2025, 2, 25)), False),
    (exact(D(2025, 2, 24, 14), D(2025, 2, 24, 16)), False),
    (exact(D(2025, 2, 24, 22), D(2025, 2, 25, 2)), False),
    (exact(D(2025, 2, 24), D(2025, 2, 27)), False),
    (within(D(2025, 2, 24, 12), D(2025, 2, 24, 18)), False),  # the day is certain
    (within(D(2025, 2, 17), D(2025, 2, 24)), True),
    (within(D(2025, 2, 24, 22), D(2025, 2, 25, 2)), True),
    (within(D(2025, 2, 1), D(2025, 3, 1)), True),
    (within(None, D(2026, 1, 1)), True),
    (within(D(2025, 2, 24), None), True),
    (EventTime(None, None, None, None), True),
])
def test_is_uncertain(time: EventTime, uncertain: bool) -> None:
    assert is_uncertain(time) is uncertain


def test_clock_window_only_inside_one_day() -> None:
    assert clock_window(within(D(2025, 2, 24, 12), D(2025, 2, 24, 18))) == \
        "between 12:00 and 18:00"
    assert clock_window(exact(D(2025, 2, 24, 22), D(2025, 2, 25))) == "22:00\u201324:00"
    assert clock_window(within(D(2025, 2, 24), D(2025, 2, 25))) is None
    assert clock_window(within(D(2025, 2, 24, 12), D(2025, 2, 25, 1))) is None
    assert clock_window(within(None, D(2025, 2, 24, 18))) is None


def test_moments_and_intervals() -> None:
    assert moment_text(date(2025, 2, 25)) == "25 Feb 2025"
    assert moment_text(D(2025, 2, 25, 11, 38)) == "25 Feb 2025, 11:38"
    assert moment_text(D(2025, 2, 25, 11, 38, tzinfo=UTC)) == "25 Feb 2025, 11:38 UTC"
    assert moment_text(D(2025, 2, 25, 11, 38, tzinfo=timezone(timedelta(hours=-5)))) == \
        "25 Feb 2025, 11:38 UTC-05:00"
    assert interval_text(Interval.of(date(2025, 2, 17), date(2025, 2, 24))) == \
        "between 17 and 23 Feb 2025"
    assert interval_text(Interval.of(date(2025, 2, 24), date(2025, 2, 25))) == "24 Feb 2025"


def test_every_month_has_its_english_abbreviation() -> None:
    """Our own names, so the output never follows the machine's locale."""
    assert [day_text(date(2025, m, 1)).split()[1] for m in range(1, 13)] == \
        list(calendar.month_abbr)[1:] == list(MONTHS)


# -- the law: the days named are the hull's first and last days ---------------------------

_TOKEN = re.compile(r"\b(?:(?P<clock>\d{2}:\d{2}(?::\d{2})?)|(?P<year>\d{4})|(?P<day>\d{1,2})"
                    rf"|(?P<month>{'|'.join(MONTHS)}))\b")


def named_days(text: str) -> tuple[date, date]:
    """The first and last day a text names, read back without the code under test.

    Each day, month or year token joins the partial date before it or starts a new one;
    missing months and years come from the next partial date ("17 and 23 Feb 2025");
    a missing day is the first of the month at the start and the last at the end.
    """
    parts: list[list[int | None]] = []
    for m in _TOKEN.finditer(text):
        if m["clock"]:
            continue
        if m["day"]:
            parts.append([int(m["day"]), None, None])
        elif m["month"]:
            month = MONTHS.index(m["month"]) + 1
            if parts and parts[-1][1] is None and parts[-1][2] is None:
                parts[-1][1] = month
            else:
                parts.append([None, month, None])
        else:
            if parts and parts[-1][2] is None:
                parts[-1][2] = int(m["year"])
            else:
                parts.append([None, None, int(m["year"])])
    assert parts, text
    for i in range(len(parts) - 2, -1, -1):  # "17 and 23 Feb 2025": 17 takes Feb 2025
        d, mo, y = parts[i]
        if mo is None and d is not None:
            parts[i][1] = parts[i + 1][1]
        if y is None:
            parts[i][2] = parts[i + 1][2]
    (d0, m0, y0), (d1, m1, y1) = parts[0], parts[-1]
    assert y0 is not None and y1 is not None, text
    first = date(y0, m0 or 1, d0 or 1)
    last_month = m1 or 12
    last = date(y1, last_month, d1 or calendar.monthrange(y1, last_month)[1])
    return first, last


@st.composite
def event_times(draw: st.DrawFn) -> tuple[EventTime, bool]:
    """Hulls snapped to interesting places (midnights, month and year starts) or not,
    with or without open ends, exact or not, floating or aware."""
    def moment() -> datetime:
        m = draw(st.datetimes(D(1990, 1, 1), D(2060, 1, 1)))
        snap = draw(st.sampled_from(["none", "minute", "day", "month", "year", "near"]))
        if snap == "near":  # within a minute of midnight, where rounding could move a day
            m = m.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(
                microseconds=draw(st.integers(-60_000_000, 60_000_000)))
        elif snap == "minute":
            m = m.replace(second=0, microsecond=0)
        elif snap == "day":
            m = m.replace(hour=0, minute=0, second=0, microsecond=0)
        elif snap == "month":
            m = m.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        elif snap == "year":
            m = m.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
        return m
    a, b = sorted((moment(), moment()))
    if b - a < timedelta(minutes=1):  # shorter windows are the solver's rounding noise
        b = a + timedelta(minutes=draw(st.integers(1, 60 * 24 * 40)))
    if draw(st.booleans()):
        zone = timezone(timedelta(minutes=15 * draw(st.integers(-48, 56))))
        a, b = a.replace(tzinfo=zone), b.replace(tzinfo=zone)
    start = None if draw(st.integers(0, 5)) == 0 else a
    end = None if draw(st.integers(0, 5)) == 0 else b
    if start is not None and end is not None and draw(st.booleans()):
        return exact(start, end), True
    return within(start, end), False


def hull_days(time: EventTime) -> tuple[date | None, date | None]:
    def utc(m: datetime | None) -> datetime | None:
        return m if m is None or m.tzinfo is None else m.astimezone(UTC)
    start, end = utc(time.earliest_start), utc(time.latest_end)
    return (None if start is None else start.date(),
            None if end is None else (end - US).date())


@given(event_times())
def test_days_named_are_the_hulls_days(drawn: tuple[EventTime, bool]) -> None:
    time, is_exact = drawn
    text = when_text(time)
    first, last = hull_days(time)
    assert day_span(time) == (first, last)
    if first is None and last is None:
        assert text == "date unknown"
    elif first is None:
        assert text.startswith("by ") and named_days(text)[1] == last
    elif last is None:
        assert text.startswith("from ") and named_days(text)[0] == first
    else:
        assert named_days(text) == (first, last), text
    assert is_uncertain(time) is (first is None or last is None or (
        first != last and not is_exact))


@given(event_times())
def test_clock_windows_contain_the_hull(drawn: tuple[EventTime, bool]) -> None:
    """Inside one day, the times of day named bound the hull's (rounded outward)."""
    time = drawn[0]
    window = clock_window(time)
    if window is None:
        return
    start, end = (m if m.tzinfo is None else m.astimezone(UTC)
                  for m in (time.earliest_start, time.latest_end) if m is not None)
    clocks = [timedelta(hours=int(c[:2]), minutes=int(c[3:5]))
              for c in re.findall(r"\d{2}:\d{2}", window)]
    since = start - start.replace(hour=0, minute=0, second=0, microsecond=0)
    until = end - start.replace(hour=0, minute=0, second=0, microsecond=0)
    if window.startswith("before"):
        assert until <= clocks[0]
    elif window.startswith("after"):
        assert clocks[0] <= since
    else:
        assert clocks[0] <= since and until <= clocks[-1] + timedelta(minutes=1) * (
            len(clocks) == 1)
    assert when_text(time).endswith(window)


def test_an_open_end_names_the_window_its_start_lies_in() -> None:
    # "The war began in 2022" and is still going on: not "from 1 Jan 2022".
    war = EventTime(datetime(2022, 1, 1), datetime(2022, 12, 31, 23, 59, 59, 999999),
                    datetime(2022, 1, 1, 0, 0, 0, 1), None)
    assert when_text(war) == "from 2022"
    exact = EventTime(datetime(2025, 2, 24, 9), datetime(2025, 2, 24, 9), None, None)
    assert when_text(exact) == "from 24 Feb 2025, 09:00"


# -- bounds derived through order claims (issue 12) -----------------------------------------


def _contains(outer: EventTime, inner: EventTime) -> bool:
    """Every bound of ``outer`` is at or outside the same bound of ``inner``."""
    def le(a: datetime | None, b: datetime | None, *, open_low: bool) -> bool:
        if a is None or b is None:
            return (a is None) if open_low else (b is None)
        return a <= b
    return (le(outer.earliest_start, inner.earliest_start, open_low=True)
            and le(inner.latest_start, outer.latest_start, open_low=False)
            and le(outer.earliest_end, inner.earliest_end, open_low=True)
            and le(inner.latest_end, outer.latest_end, open_low=False))


def test_a_derived_bound_has_no_clock_time_its_sources_never_gave(tmp_path: Path) -> None:
    """Issue 12: a 2022 event "days before" the invasion read "by 26 Feb 2022, 18:00"; the
    18:00 came from a "Monday afternoon" three years later, carried back by "three years
    after". It is now the day, and says what it was derived from."""
    tl = timeline.load(derived_corpus(tmp_path))
    assert when_text(tl["partnership"].time) == "between 1 Jan 2022 and 26 Feb 2022, 18:00"
    shown = Shown.of(tl.events)
    assert shown.when(tl["partnership"]) == (
        'between 1 Jan and 26 Feb 2022, days before "Invasion" (Feb 2022)')
    # The invasion's own claims give its hull: nothing derived to say.
    assert shown.when(tl["invasion"]) == "Feb 2022"
    # A time a source gave for the event itself stays; one carried through a plain "shortly
    # after" from a stated afternoon stays too (a part of the day is what the path gives).
    assert shown.when(tl["speech"]) == "24 Feb 2025, between 12:00 and 18:00"
    assert shown.when(tl["statement"]).startswith(
        'between 1 Jan 2025 and 24 Feb 2025, 18:00, three years after "Invasion" (Feb 2022); '
        .rstrip("; "))
    assert 'shortly before "Speech" (24 Feb 2025, between 12:00 and 18:00)' in \
        shown.when(tl["statement"])


def test_shown_bounds_are_never_narrower(tmp_path: Path) -> None:
    for tl in (timeline.load("seeds"), timeline.load(derived_corpus(tmp_path))):
        shown = Shown.of(tl.events)
        assert [e.id for e in shown.events] == [e.id for e in tl.events]
        for event, seen in zip(tl.events, shown.events, strict=True):
            assert _contains(seen.time, event.time), event.id


def test_seeds_derived_bounds_read_at_the_day() -> None:
    tl = timeline.load("seeds")
    shown = Shown.of(tl.events)
    assert shown.when(tl["xi-putin-partnership"]).startswith(
        'by 26 Feb 2022, days before "Russia launches its full-scale invasion of Ukraine" '
        "(between 21 and 28 Feb 2022)")
    # "within two hours" of an event known to a day: no "02:00" the sources never gave.
    assert when_text(shown.by_id["putin-rare-earths"].time) == \
        "starting between 24 and 25 Feb 2025"


_GRAINS = st.one_of(st.none(), st.sampled_from(list(Granularity)))


@given(st.lists(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
                min_size=4, max_size=4),
       st.tuples(_GRAINS, _GRAINS, _GRAINS, _GRAINS))
def test_coarsening_never_narrows(moments: list[datetime],
                                  grains: tuple[Granularity | None, ...]) -> None:
    es, ls, ee, le = sorted(moments)
    time = EventTime(es, ls, ee, le)
    assert _contains(coarsened(time, grains), time)  # type: ignore[arg-type]


@st.composite
def ordered_timelines(draw: st.DrawFn, *, plain: bool = True) -> Timeline:
    """Up to six events, each dated (to an hour, a day, a week, a month or a year) or not,
    some placed against earlier ones by offsets counted in days or more ("three days
    after", "two years after", "days before") and, when ``plain``, by "before"/"after"."""
    n = draw(st.integers(2, 6))
    text = " ".join(f"Claim {k}." for k in range(3 * n))
    published = date(2025, 6, 1)
    article = Article(id="a", file="a.txt", title="A", published=published, text=text)
    specs, k = [], 0

    def claim(event_id: str, **fields: Any) -> Claim:
        nonlocal k
        quote = f"Claim {k}."
        k += 1
        at = text.index(quote)
        return Claim(event=event_id, article="a", quote=quote, span=(at, at + len(quote)),
                     status=Status.OCCURRED, known_from=published, **fields)

    for i in range(n):
        event_id = f"e{i}"
        claims = []
        if i == 0 or draw(st.booleans()):
            grain = draw(st.sampled_from([Granularity.HOUR, Granularity.DAY, Granularity.WEEK,
                                          Granularity.MONTH, Granularity.YEAR]))
            moment = datetime(2020, 1, 6) + timedelta(hours=draw(st.integers(0, 48000)))
            claims.append(claim(event_id, value=TimeValue.of_granule(grain, moment)))
        if i > 0 and (not claims or draw(st.booleans())):
            other = f"e{draw(st.integers(0, i - 1))}"
            kinds = ["before", "after", "offset"] if plain else ["offset"]
            kind = draw(st.sampled_from(kinds))
            if kind == "offset":
                words = draw(st.sampled_from(["three days after", "two years after",
                                              "days before", "a week before"]))
                claims.append(claim(event_id, relative_to=other, offset=Offset.parse(words)))
            else:
                claims.append(claim(event_id, **{kind: other}))
        specs.append(EventSpec(event_id, f"E{i}", (), None, None, tuple(claims)))
    return Timeline([article], specs)


@settings(max_examples=150, deadline=None)
@given(ordered_timelines())
def test_shown_bounds_contain_the_solver_s(tl: Timeline) -> None:
    shown = Shown.of(tl.events)
    for event, seen in zip(tl.events, shown.events, strict=True):
        assert _contains(seen.time, event.time)


@settings(max_examples=200, deadline=None)
@given(ordered_timelines(plain=False))
def test_an_offset_in_days_carries_no_clock_time(tl: Timeline) -> None:
    """Issue 12, as a law: a bound carried through an offset counted in days or more ("two
    years after" an afternoon) is good to a day at best; an event none of whose own claims
    names a time of day is shown with none."""
    shown = Shown.of(tl.events)
    for event, seen in zip(tl.events, shown.events, strict=True):
        own = [c.value.granularity for c in event.claims
               if c.value is not None and c.value.granularity is not None]
        if all(g >= Granularity.DAY for g in own):
            words = when_text(seen.time)
            assert not re.search(r"\d\d:\d\d", words), (event.id, words)
