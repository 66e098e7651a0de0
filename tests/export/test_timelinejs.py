"""TimelineJS JSON: date parts only as fine as known, escaped HTML, the left-out events counted."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from corpora import build, derived_corpus, with_urls, write_corpus
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.export.timelinejs import date_parts, left_out, to_timelinejs
from timeline.export.wording import when_text
from timeline.model.claim import Status
from timeline.query.timeline import Timeline
from timeline.time.granularity import Granularity
from timeline.time.interval import Interval
from timeline.time.value import TimeValue

PART_NAMES = ("year", "month", "day", "hour", "minute")


@pytest.fixture(scope="module")
def seeds() -> Timeline:
    return timeline.load("seeds")


@pytest.fixture(scope="module")
def seeds_js(seeds: Timeline) -> dict[str, Any]:
    return to_timelinejs(seeds)


def slides_by_id(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {slide["unique_id"]: slide for slide in document["events"]}


# --- the seeds ------------------------------------------------------------------------------

def test_ga_vote_is_a_day(seeds: Timeline, seeds_js: dict[str, Any]) -> None:
    """Day-exact start: year, month, day and nothing finer; the words come from wording."""
    slide = slides_by_id(seeds_js)["ga-vote"]
    assert slide["start_date"] == {"year": 2025, "month": 2, "day": 24}
    assert slide["display_date"] == when_text(seeds["ga-vote"].time)
    assert slide["group"] == "occurred"
    assert slide["text"]["headline"].startswith("UN General Assembly adopts Ukraine&#x27;s")


def test_a_one_day_event_has_no_end(seeds_js: dict[str, Any]) -> None:
    slide = slides_by_id(seeds_js)["us-abstains"]
    assert slide["start_date"] == {"year": 2025, "month": 2, "day": 24}
    assert "end_date" not in slide


def test_a_month_wide_event_gives_year_and_month() -> None:
    """ "in February 2022": the month, not the 1st at midnight, and no end (one month)."""
    february = TimeValue.of_granule(Granularity.MONTH, datetime(2022, 2, 1))
    tl = build([("invasion", "Invasion", [(february, Status.OCCURRED)])])
    slide = slides_by_id(to_timelinejs(tl))["invasion"]
    assert slide["start_date"] == {"year": 2022, "month": 2}
    assert "end_date" not in slide
    assert slide["display_date"] == "Feb 2022"


def test_a_week_uncertain_event_spans_its_days(seeds_js: dict[str, Any]) -> None:
    """ "last week" from 25 Feb 2025: 17 to 23 Feb, the end written as the last day covered."""
    slide = slides_by_id(seeds_js)["lavrov-peacekeepers"]
    assert slide["start_date"] == {"year": 2025, "month": 2, "day": 17}
    assert slide["end_date"] == {"year": 2025, "month": 2, "day": 23}
    assert slide["display_date"] == "between 17 and 23 Feb 2025"


def test_scheduled_events_group_apart(seeds_js: dict[str, Any]) -> None:
    slide = slides_by_id(seeds_js)["starmer-visit"]
    assert slide["group"] == "scheduled"
    assert slide["start_date"] == {"year": 2025, "month": 2, "day": 25}
    assert slide["end_date"] == {"year": 2025, "month": 3, "day": 2}
    assert slide["text"]["text"].startswith("<p>Scheduled.</p>")


def test_open_ended_ends_are_left_out(seeds: Timeline, seeds_js: dict[str, Any]) -> None:
    slide = slides_by_id(seeds_js)["putin-rare-earths"]
    assert seeds["putin-rare-earths"].time.latest_end is None
    assert slide["start_date"] == {"year": 2025, "month": 2, "day": 24}
    assert "end_date" not in slide
    # Within two hours of a post made some time on Monday: it may have begun on Tuesday
    # (not "by 02:00": the post's hour is not known, so neither is the meeting's; #12).
    assert slide["display_date"] == "starting between 24 and 25 Feb 2025"


def test_events_without_a_start_are_left_out_and_counted(
        seeds: Timeline, seeds_js: dict[str, Any]) -> None:
    missing = left_out(seeds)
    assert {e.id for e in missing} == {e.id for e in seeds if e.time.earliest_start is None}
    assert "war-end-2025" in {e.id for e in missing}  # "by the end of the year"
    assert len(seeds_js["events"]) + len(missing) == len(seeds)
    assert not {e.id for e in missing} & set(slides_by_id(seeds_js))
    title = seeds_js["title"]["text"]["text"]
    assert f"{len(seeds_js['events'])} events from 5 articles" in title
    assert f"Not shown: {len(missing)} events" in title
    assert "war-end-2025" in title


def test_every_slide_is_well_formed(seeds: Timeline, seeds_js: dict[str, Any]) -> None:
    """Year always, parts in TimelineJS's names only, each part finer only below a coarser
    one, ids unique, groups are status words, slides in the timeline's order."""
    statuses = {s.value for s in Status}
    for slide in seeds_js["events"]:
        for key in ("start_date", "end_date"):
            if key not in slide:
                continue
            parts = slide[key]
            assert isinstance(parts["year"], int)
            names = [name for name in PART_NAMES if name in parts]
            assert list(parts) == names
            assert names == list(PART_NAMES[:len(names)]) or names[-1] == "hour"
            assert all(isinstance(v, int) for v in parts.values())
        assert slide["group"] in statuses
        assert slide["display_date"]
        assert slide["text"]["headline"] and slide["text"]["text"]
    ids = [slide["unique_id"] for slide in seeds_js["events"]]
    assert len(ids) == len(set(ids))
    assert ids == [e.id for e in seeds if e.time.earliest_start is not None]


def test_json_serialisable_and_deterministic(seeds: Timeline,
                                             seeds_js: dict[str, Any]) -> None:
    text = json.dumps(seeds_js, ensure_ascii=False, sort_keys=False)
    assert json.loads(text) == seeds_js
    again = timeline.load("seeds").to_timelinejs()
    assert json.dumps(again, ensure_ascii=False) == text
    assert seeds.to_timelinejs() == seeds_js


def test_quotes_cite_their_articles(seeds: Timeline, seeds_js: dict[str, Any]) -> None:
    text = slides_by_id(seeds_js)["bessent-fox"]["text"]["text"]
    assert "<blockquote><p>Treasury Secretary Scott Bessent said Sunday on Fox News.</p>" in text
    assert "002, U.S. Wins Backing" in text
    assert "WSJ" in text


# --- small corpora --------------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script> & <b>bold</b>'


def test_article_text_is_escaped(tmp_path: Path) -> None:
    """A title, quote and article title with markup come out as text, never as markup."""
    text = f"On Monday {HOSTILE} met.\n"
    write_corpus(tmp_path, {"a": (text, date(2025, 2, 25))}, f"""
        [[events]]
        id = "meet"
        title = '{HOSTILE}'
          [[events.claims]]
          article = "a"
          quote = 'On Monday {HOSTILE} met.'
          when = "Monday"
          status = "occurred"
    """)
    sources = tmp_path / "sources.toml"
    sources.write_text(sources.read_text(encoding="utf-8").replace(
        'title = "A"', f"title = '{HOSTILE}'"), encoding="utf-8")
    document = to_timelinejs(timeline.load(tmp_path))
    [slide] = document["events"]
    for html in (slide["text"]["headline"], slide["text"]["text"]):
        assert "<script>" not in html and "<b>" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in html
    assert slide["text"]["text"].count("&lt;script&gt;") == 2  # the quote and its source
    assert slide["start_date"] == {"year": 2025, "month": 2, "day": 24}


def test_timed_and_aware_events(tmp_path: Path) -> None:
    """Clock times are instants (end exclusive, as a clock reads); aware times in UTC."""
    published = datetime(2025, 2, 25, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    write_corpus(tmp_path, {"a": ("The talks ran on Monday afternoon.\n", published)}, """
        [[events]]
        id = "talks"
        title = "Talks"
          [[events.claims]]
          article = "a"
          quote = "The talks ran on Monday afternoon."
          when = "Monday afternoon"
          status = "occurred"
    """)
    tl = timeline.load(tmp_path)
    [slide] = to_timelinejs(tl)["events"]
    # 12:00-18:00 at UTC+01:00
    assert slide["start_date"] == {"year": 2025, "month": 2, "day": 24, "hour": 11}
    assert slide["end_date"] == {"year": 2025, "month": 2, "day": 24, "hour": 17}
    assert slide["display_date"] == when_text(tl["talks"].time)


def test_unconfirmed_events_say_so(tmp_path: Path) -> None:
    write_corpus(tmp_path, {"a": ("The summit is set for next week.\n", date(2025, 2, 25))}, """
        [[events]]
        id = "summit"
        title = "Summit"
          [[events.claims]]
          article = "a"
          quote = "The summit is set for next week."
          when = "next week"
          status = "scheduled"
    """)
    later = timeline.load(tmp_path).as_of(date(2025, 4, 1))
    [slide] = to_timelinejs(later)["events"]
    assert slide["group"] == "unconfirmed"
    assert slide["text"]["text"].startswith("<p>Unconfirmed")
    assert "known on 1 Apr 2025" in to_timelinejs(later)["title"]["text"]["text"]


def test_an_empty_timeline_is_still_a_document(tmp_path: Path) -> None:
    write_corpus(tmp_path, {"a": ("Nothing happened.\n", date(2025, 2, 25))}, "")
    document = to_timelinejs(timeline.load(tmp_path))
    assert document["events"] == []
    assert document["title"]["text"]["text"].startswith("<p>0 events from 1 article,")


# --- date parts: a law ----------------------------------------------------------------------

_ONE = {"year": lambda d: d.replace(year=d.year + 1),
        "month": lambda d: d.replace(year=d.year + d.month // 12, month=d.month % 12 + 1),
        "day": lambda d: d + timedelta(days=1)}


def read_parts(parts: dict[str, int]) -> tuple[datetime, str]:
    """A TimelineJS date as TimelineJS places it (missing parts at their first value), and
    the finest part given."""
    moment = datetime(parts["year"], parts.get("month", 1), parts.get("day", 1),
                      parts.get("hour", 0), parts.get("minute", 0))
    finest = [name for name in PART_NAMES if name in parts][-1]
    return moment, finest


def read_slide(start: dict[str, int], end: dict[str, int] | None) -> Interval:
    """The half-open interval a slide's dates say: a date end is the last unit covered, a
    clock end an instant, no end a start's single unit."""
    first, unit = read_parts(start)
    if end is None:
        if unit in ("hour", "minute"):
            raise AssertionError("a clock start always comes with an end")
        return Interval(first, _ONE[unit](first))
    last, end_unit = read_parts(end)
    if end_unit in ("hour", "minute"):
        return Interval(first, last)
    assert end_unit == unit, (start, end)
    return Interval(first, _ONE[unit](last))


@st.composite
def minute_intervals(draw: st.DrawFn) -> Interval:
    """Bounded floating intervals whose ends are whole minutes, often at midnights and 1sts."""
    def moment() -> datetime:
        day = draw(st.dates(date(1900, 1, 1), date(2100, 12, 1)))
        kind = draw(st.sampled_from(["year", "month", "day", "clock"]))
        if kind == "year":
            return datetime(day.year, 1, 1)
        if kind == "month":
            return datetime(day.year, day.month, 1)
        if kind == "day":
            return datetime(day.year, day.month, day.day)
        return datetime(day.year, day.month, day.day, draw(st.integers(0, 23)),
                        draw(st.sampled_from([0, 0, 15, 59])))
    a, b = moment(), moment()
    if a == b:
        b = b + timedelta(days=1)
    return Interval(min(a, b), max(a, b))


@given(minute_intervals())
def test_date_parts_say_exactly_the_interval(interval: Interval) -> None:
    """Read back as TimelineJS places dates, the parts give the interval itself, neither a
    narrower one (a claim not made) nor a wider one (precision thrown away)."""
    start, end = date_parts(interval)
    assert read_slide(start, end) == interval
    if end is not None:
        assert read_parts(start)[0] <= read_parts(end)[0]


@given(st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)).map(
    lambda d: d.replace(second=0, microsecond=0)))
def test_an_open_end_gives_a_start_alone_no_coarser_than_a_day(start: datetime) -> None:
    parts, end = date_parts(Interval(start, None))
    assert end is None
    assert read_parts(parts)[0] == start
    assert {"year", "month", "day"} <= set(parts)


def test_aware_ends_are_written_in_utc() -> None:
    plus_one = timezone(timedelta(hours=1))
    start, end = date_parts(Interval(datetime(2025, 2, 24, 14, 0, tzinfo=plus_one),
                                     datetime(2025, 2, 24, 16, 30, tzinfo=plus_one)))
    assert start == {"year": 2025, "month": 2, "day": 24, "hour": 13}
    assert end == {"year": 2025, "month": 2, "day": 24, "hour": 15, "minute": 30}


def test_an_open_start_has_no_date() -> None:
    with pytest.raises(ValueError, match="open start"):
        date_parts(Interval(None, datetime(2026, 1, 1)))


def test_title_slide_is_headed_by_the_timeline_s_title(seeds_js: dict[str, Any],
                                                      tmp_path: Path) -> None:
    assert seeds_js["title"]["text"]["headline"] == \
        "The UN votes on the war in Ukraine, February 2025"
    tl = timeline.load(with_urls(derived_corpus(tmp_path), {}, title="Tom & <Jerry>"))
    assert to_timelinejs(tl)["title"]["text"]["headline"] == "Tom &amp; &lt;Jerry&gt;"
    untitled = Timeline(list(tl.articles.values()), list(tl.specs))
    assert to_timelinejs(untitled)["title"]["text"]["headline"] == "Timeline"


def test_sources_link_to_their_articles(tmp_path: Path) -> None:
    url = "https://example.com/a?x=1&y=2"
    tl = timeline.load(with_urls(derived_corpus(tmp_path), {"a": url}))
    text = slides_by_id(to_timelinejs(tl))["invasion"]["text"]["text"]
    assert ('&mdash; a, <a href="https://example.com/a?x=1&amp;y=2" target="_blank" '
            'rel="noopener noreferrer">A</a>, 25 Feb 2025</p>') in text
    other = tmp_path / "other"
    other.mkdir()
    bad = timeline.load(with_urls(derived_corpus(other), {"a": 'javascript:alert("x")'}))
    text = slides_by_id(to_timelinejs(bad))["invasion"]["text"]["text"]
    assert "<a " not in text and "javascript" not in text


def test_a_derived_bound_is_dated_at_its_sources_granularity(tmp_path: Path) -> None:
    """Issue 12: the 2022 event "days before" the invasion ends on a day, not at 18:00."""
    tl = timeline.load(derived_corpus(tmp_path))
    slide = slides_by_id(to_timelinejs(tl))["partnership"]
    assert slide["start_date"] == {"year": 2022, "month": 1, "day": 1}
    assert slide["end_date"] == {"year": 2022, "month": 2, "day": 26}
    assert slide["display_date"] == "between 1 Jan and 26 Feb 2022"
    assert ("<p>Date derived from the order of events: days before &quot;Invasion&quot; "
            "(Feb 2022).</p>") in slide["text"]["text"]
