"""ICS export: all-day and timed events, status, provenance, and files three parsers agree on.

Every file written here is read back with ``icalendar`` and with two independent parsers,
``ical`` (strict on types; rejects control characters) and ``vobject`` (``validate=True``:
requires UID and DTSTAMP). Neither catches DTEND == DTSTART or over-long lines, so those are
asserted on the bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import icalendar
import pytest
import vobject
from corpora import build, derived_corpus, with_urls
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream
from strategies import calendar_edge_values

import timeline
from timeline.export import ics
from timeline.export.json import event_time_value
from timeline.model.article import Article
from timeline.model.claim import Status
from timeline.model.event import EventSpec
from timeline.model.network import EventTime
from timeline.query.timeline import Timeline
from timeline.time.edtf import to_edtf

AS_OF = date(2025, 3, 5)


@pytest.fixture(scope="module")
def seeds() -> Timeline:
    return timeline.load("seeds")


@pytest.fixture(scope="module")
def seeds_ics(seeds: Timeline) -> bytes:
    return seeds.to_ics()


# --- reading back --------------------------------------------------------------------------

def _moment(value: date | datetime) -> str:
    """A parsed DTSTART/DTEND in a form every parser's value compares equal on."""
    if isinstance(value, datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            return "utc " + value.astimezone(UTC).replace(tzinfo=None).isoformat()
        return "floating " + value.isoformat()
    return "date " + value.isoformat()


def _with_icalendar(data: bytes) -> list[dict[str, Any]]:
    cal = icalendar.Calendar.from_ical(data)
    errors = [(c.name, c.errors) for c in cal.walk() if c.errors]
    assert errors == [], f"icalendar: {errors}"
    return [{"uid": str(e["UID"]), "summary": str(e["SUMMARY"]),
             "description": str(e["DESCRIPTION"]), "start": _moment(e.DTSTART),
             "end": _moment(e.DTEND), "status": str(e["STATUS"]),
             "stamp": e.DTSTAMP, "raw_start": e.DTSTART, "raw_end": e.DTEND,
             "x": {k: str(v) for k, v in e.items() if k.startswith("X-")}}
            for e in cal.walk("VEVENT")]


def _with_ical(data: bytes) -> list[dict[str, Any]]:
    cal = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    return [{"uid": e.uid, "summary": e.summary, "description": e.description,
             "start": _moment(e.dtstart), "end": _moment(e.dtend),
             "raw_start": e.dtstart, "raw_end": e.dtend}
            for e in cal.events]


def _with_vobject(data: bytes) -> list[dict[str, Any]]:
    cal = vobject.readOne(data.decode("utf-8"), validate=True)
    events = cal.contents.get("vevent", [])
    return [{"uid": e.uid.value, "summary": e.summary.value,
             "description": e.description.value, "start": _moment(e.dtstart.value),
             "end": _moment(e.dtend.value), "raw_start": e.dtstart.value,
             "raw_end": e.dtend.value}
            for e in events]


def read_back(data: bytes) -> list[dict[str, Any]]:
    """The events as icalendar reads them, after checking all three parsers agree."""
    ours, theirs, third = _with_icalendar(data), _with_ical(data), _with_vobject(data)
    assert len(ours) == len(theirs) == len(third)
    keys = ("uid", "summary", "description", "start", "end")
    for a, b, c in zip(ours, theirs, third, strict=True):
        for key in keys:
            assert a[key] == b[key] == c[key], key
        for parsed in (a, b, c):
            assert parsed["raw_end"] > parsed["raw_start"]
    return ours


def physical_lines(data: bytes) -> Iterator[bytes]:
    """The file's lines, after checking every break is CRLF and the file ends with one."""
    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n") == data.count(b"\r")
    yield from data.split(b"\r\n")[:-1]


def by_event(events: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {e["x"]["X-TIMELINE-EVENT"]: e for e in events}


# --- the seeds -----------------------------------------------------------------------------

def test_seeds_parse_everywhere(seeds: Timeline, seeds_ics: bytes) -> None:
    events = read_back(seeds_ics)
    assert len(events) == len(seeds) - len(ics.open_ended(seeds))
    assert all(len(line) <= 75 for line in physical_lines(seeds_ics))
    assert len({e["uid"] for e in events}) == len(events)


def test_ga_vote_is_all_day_on_the_24th(seeds_ics: bytes) -> None:
    vote = by_event(_with_icalendar(seeds_ics))["ga-vote"]
    assert vote["raw_start"] == date(2025, 2, 24)
    assert not isinstance(vote["raw_start"], datetime)
    assert vote["raw_end"] == date(2025, 2, 25)
    assert vote["status"] == "CONFIRMED"
    assert "uncertain" not in vote["summary"]
    assert b"DTSTART;VALUE=DATE:20250224\r\nDTEND;VALUE=DATE:20250225\r\n" in seeds_ics


def test_starmer_visit_is_tentative_inside_week_9(seeds_ics: bytes) -> None:
    visit = by_event(_with_icalendar(seeds_ics))["starmer-visit"]
    assert visit["status"] == "TENTATIVE"
    assert visit["x"]["X-TIMELINE-STATUS"] == "scheduled"
    assert date(2025, 2, 24) <= visit["raw_start"] < visit["raw_end"] <= date(2025, 3, 3)
    assert "(scheduled; date uncertain: " in visit["summary"]
    assert "unconfirmed" not in visit["summary"]


def test_uncertain_dates_say_so(seeds_ics: bytes) -> None:
    lavrov = by_event(_with_icalendar(seeds_ics))["lavrov-peacekeepers"]
    assert lavrov["summary"].endswith("(date uncertain: between 17 and 23 Feb 2025)")
    assert (lavrov["raw_start"], lavrov["raw_end"]) == (date(2025, 2, 17), date(2025, 2, 24))
    assert lavrov["x"]["X-TIMELINE-TIMEX"] == "2025-W08"
    assert lavrov["x"]["X-TIMELINE-EDTF"] == "2025-02-17/2025-02-23"
    assert lavrov["x"]["X-TIMELINE-STATUS"] == "occurred"


def test_description_carries_the_provenance(seeds: Timeline, seeds_ics: bytes) -> None:
    text = by_event(_with_icalendar(seeds_ics))["starmer-visit"]["description"]
    paragraphs = text.split("\n\n")
    claims = seeds["starmer-visit"].claims
    assert len(paragraphs) == 1 + len(claims)
    for paragraph, claim in zip(paragraphs[1:], claims, strict=True):
        article = seeds.articles[claim.article]
        assert paragraph.startswith(f"Article {article.id}: {article.title}")
        assert claim.quote in paragraph
        assert f"\u201c{claim.when}\u201d = 2025-W09" in paragraph
    assert "(WSJ), published 25 Feb 2025, 11:38." in text


def test_open_ended_left_out_unless_asked(seeds: Timeline, seeds_ics: bytes) -> None:
    open_ids = {e.id for e in ics.open_ended(seeds)}
    assert {"war-end-2025", "ukraine-eu-2030"} <= open_ids
    assert open_ids.isdisjoint(by_event(_with_icalendar(seeds_ics)))
    with_open = seeds.to_ics(include_open=True)
    events = by_event(read_back(with_open))
    assert set(events) == {e.id for e in seeds.events} - {e.id for e in ics.undated(seeds)}
    hope = events["ukraine-eu-2030"]
    assert hope["summary"].endswith("(expected; date uncertain: by 31 Dec 2030)")
    assert (hope["raw_start"], hope["raw_end"]) == (date(2030, 12, 31), date(2031, 1, 1))
    assert hope["status"] == "TENTATIVE"


def test_as_of_view_marks_starmer_unconfirmed(seeds: Timeline) -> None:
    data = seeds.as_of(AS_OF).to_ics()
    events = by_event(read_back(data))
    visit = events["starmer-visit"]
    assert "(unconfirmed; " in visit["summary"]
    assert visit["status"] == "TENTATIVE"
    assert visit["x"]["X-TIMELINE-STATUS"] == "unconfirmed"
    assert ("Unconfirmed: scheduled (when: between 25 Feb and 2 Mar 2025), but no article "
            "published by 5 Mar 2025 says it happened.") in visit["description"]
    # The as-of date is the end of that day, in UTC; every event carries it.
    assert {e["stamp"] for e in events.values()} == {datetime(2025, 3, 6, tzinfo=UTC)}
    assert events["ga-vote"]["uid"] == by_event(_with_icalendar(seeds.to_ics()))["ga-vote"][
        "uid"], "a view keeps the corpus's UIDs, so calendars update rather than duplicate"


def test_dtstamp_without_as_of_is_the_latest_publication(seeds_ics: bytes) -> None:
    # 002 is the latest (2025-02-25T11:38, floating), but the date-only 000 and 001 of
    # 2025-02-25 are only certainly out at the end of that day.
    stamps = {e["stamp"] for e in _with_icalendar(seeds_ics)}
    assert stamps == {datetime(2025, 2, 26, tzinfo=UTC)}


def test_dtstamp_follows_an_aware_as_of(seeds: Timeline) -> None:
    moment = datetime(2025, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    stamps = {e["stamp"] for e in _with_icalendar(seeds.as_of(moment).to_ics())}
    assert stamps == {datetime(2025, 3, 5, 7, 30, tzinfo=UTC)}


def test_reproducible_byte_for_byte(seeds: Timeline, seeds_ics: bytes) -> None:
    assert seeds.to_ics() == seeds_ics
    assert timeline.load("seeds").to_ics() == seeds_ics
    assert seeds.as_of(AS_OF).to_ics() == seeds.as_of(AS_OF).to_ics()
    assert b"PRODID:-//timeline//timeline " in seeds_ics


def test_uids_depend_on_the_corpus(seeds: Timeline) -> None:
    other = Timeline([*seeds.articles.values(),
                      Article(id="zz", file="zz.txt", title="Another",
                              published=date(2025, 1, 1), text="x")],
                     list(seeds.specs))
    assert ics.corpus_digest(other) != ics.corpus_digest(seeds)
    assert ics.event_uid("ga-vote", ics.corpus_digest(other)) != ics.event_uid(
        "ga-vote", ics.corpus_digest(seeds))


# --- timed and all-day -----------------------------------------------------------------------

def _retimed(tl: Timeline, event_id: str, time: EventTime) -> bytes:
    event = attrs.evolve(tl[event_id], time=time)
    entry = ics.vevent(event, tl, stamp=datetime(2025, 3, 1, tzinfo=UTC), corpus="c")
    assert entry is not None
    cal = icalendar.Calendar.new(prodid="-//test//test//EN", uid="test@timeline")
    cal.add_component(entry)
    data: bytes = cal.to_ical()
    return data


def test_a_time_known_to_the_minute_is_timed_and_floating(seeds: Timeline) -> None:
    micro = timedelta(microseconds=1)
    start, end = datetime(2025, 2, 24, 14), datetime(2025, 2, 24, 16)
    # The solver's microsecond steps: start in [14:00, 14:00:59.999999], end after it.
    time = EventTime(start, start + timedelta(minutes=1) - micro, end - timedelta(minutes=1)
                     + micro, end)
    data = _retimed(seeds, "ga-vote", time)
    event = read_back(data)[0]
    assert (event["raw_start"], event["raw_end"]) == (start, end)
    assert event["raw_start"].tzinfo is None
    assert b"DTSTART:20250224T140000\r\n" in data
    assert "uncertain" not in event["summary"]


def test_an_aware_time_is_written_in_utc(seeds: Timeline) -> None:
    start = datetime(2025, 2, 24, 14, tzinfo=UTC)
    data = _retimed(seeds, "ga-vote", EventTime(start, start, start + timedelta(hours=2),
                                                start + timedelta(hours=2)))
    assert b"DTSTART:20250224T140000Z\r\nDTEND:20250224T160000Z\r\n" in data
    read_back(data)


def test_a_time_of_day_window_stays_all_day(seeds: Timeline) -> None:
    """"Monday afternoon" is somewhere in 12:00-18:00, not an event lasting six hours."""
    oval = by_event(_with_icalendar(seeds.to_ics()))["trump-oval-office"]
    assert (oval["raw_start"], oval["raw_end"]) == (date(2025, 2, 24), date(2025, 2, 25))
    assert "When: 24 Feb 2025, between 12:00 and 18:00." in oval["description"]


def test_exact_whole_days_are_all_day(seeds: Timeline) -> None:
    time = EventTime(datetime(2025, 2, 24), datetime(2025, 2, 24), datetime(2025, 2, 26),
                     datetime(2025, 2, 26))
    event = read_back(_retimed(seeds, "ga-vote", time))[0]
    assert (event["raw_start"], event["raw_end"]) == (date(2025, 2, 24), date(2025, 2, 26))
    assert "uncertain" not in event["summary"]


def test_an_event_with_no_bounds_is_never_written(seeds: Timeline) -> None:
    event = attrs.evolve(seeds["ga-vote"], time=EventTime(None, None, None, None))
    assert ics.vevent(event, seeds, stamp=datetime(2025, 3, 1, tzinfo=UTC), corpus="c") is None


def test_an_empty_view_is_an_empty_calendar(seeds: Timeline) -> None:
    data = seeds.as_of(date(2020, 1, 1)).to_ics()
    assert read_back(data) == []
    assert b"BEGIN:VEVENT" not in data


def test_a_title_of_controls_falls_back_to_the_id(seeds: Timeline) -> None:
    event = attrs.evolve(seeds["ga-vote"], title="\x00\x1b\r\n")
    assert ics.summary(event) == "ga-vote"


@pytest.mark.parametrize(("text", "cleaned"), [
    ("a\r\nb\rc\u2028d", "a\nb\nc\nd"),
    ("bell\x07, escape\x1b, nul\x00, del\x7f, next-line\x85", "bell, escape, nul, del, next-line"),
    ("tab\tand newline\n kept", "tab\tand newline\n kept"),
    ("lone \ud800 surrogate", "lone \ufffd surrogate"),
    # icalendar 7 writes a literal backslash-N as a line break: found by hypothesis.
    ("C:\\New, \\\x00N", "C:\uff3cNew, \uff3cN"),
])
def test_clean_text(text: str, cleaned: str) -> None:
    assert ics.clean_text(text) == cleaned


# --- hostile text, three parsers ---------------------------------------------------------------

#: What breaks naive writers: TEXT escapes, line breaks of every kind, controls (``ical``
#: rejects them raw), multi-byte characters a fold must not split, long runs to fold.
HOSTILE = [",", ";", "\\", ":", '"', "\n", "\r\n", "\r", "\t", " ", "\\n", "\\,", "é", "ß",
           "中文", "\u00a0", "\u2028", "😀", "👩\u200d👩\u200d👧", "\x00", "\x07", "\x1b",
           "\x7f", "\x85", "\x0c", "BEGIN:VEVENT", "\r\nEND:VCALENDAR\r\n", " x" * 50,
           "é" * 80, "😀" * 30]


def hostile_text() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12))
    return st.lists(piece, min_size=1, max_size=8).map("".join).filter(str.strip)


@st.composite
def hostile_timelines(draw: st.DrawFn) -> Timeline:
    """Up to three events, each with one or two claims from its own article, on dates or
    minutes (floating or aware) in 2025, with hostile titles, quotes, outlets, notes."""
    articles: list[Article] = []
    specs: list[EventSpec] = []
    for i in range(draw(st.integers(1, 3))):
        claims = []
        for _ in range(draw(st.integers(1, 2))):
            quote = draw(hostile_text())
            day = date(2025, 2, 1) + timedelta(days=draw(st.integers(0, 40)))
            minute = datetime(day.year, day.month, day.day) + timedelta(
                minutes=draw(st.integers(0, 24 * 60 - 1)))
            when = draw(st.sampled_from([day, minute, minute.replace(tzinfo=UTC)]))
            article = Article(id=f"a{len(articles)}", file=f"a{len(articles)}.txt",
                              title=draw(hostile_text()),
                              outlet=draw(st.none() | hostile_text()),
                              published=day + timedelta(days=draw(st.integers(-3, 3))),
                              text=quote)
            articles.append(article)
            claim = {"article": article.id, "quote": quote, "date": when,
                     "status": draw(st.sampled_from(
                         ["occurred", "reported", "scheduled", "expected"]))}
            if draw(st.booleans()):
                claim["note"] = draw(hostile_text())
            claims.append(claim)
        table = {"id": f"e{i}", "title": draw(hostile_text()), "claims": claims,
                 "actors": draw(st.lists(hostile_text(), max_size=2))}
        if draw(st.booleans()):
            table["place"] = draw(hostile_text())
        specs.append(EventSpec.from_toml(table, articles={a.id: a for a in articles},
                                         file="events.toml", position=i))
    as_of = draw(st.none() | st.just(date(2025, 4, 1)))
    return Timeline(articles, specs, as_of=as_of)


@settings(max_examples=40, deadline=None)
@given(hostile_timelines())
def test_hostile_text_reads_back_identically(tl: Timeline) -> None:
    data = tl.to_ics()
    assert all(len(line) <= 75 for line in physical_lines(data))
    events = read_back(data)
    assert len(events) == len(tl)
    for parsed, event in zip(events, tl.events, strict=True):
        assert parsed["summary"] == ics.summary(event)
        assert parsed["description"] == ics.description(event, tl)
        assert parsed["uid"] == ics.event_uid(event.id, ics.corpus_digest(tl))
        assert parsed["x"]["X-TIMELINE-STATUS"] == event.status.value
    assert tl.to_ics() == data
    assert data == through_components(tl)  # issue 16: the fast writer is icalendar's bytes


# --- the fast writer (issue 16): icalendar's own bytes, without its components -------------

def through_components(tl: Timeline, *, include_open: bool = False,
                       zone: str | None = None) -> bytes:
    """The calendar as icalendar writes it from whole components (``ics.calendar``): what
    ``to_ics`` wrote before issue 16, and must still write byte for byte."""
    from timeline.export.wording import display_zone

    with display_zone(zone, corpus=tl.zone):
        left_out = set() if include_open else {e.id for e in ics.open_ended(tl)}
        data: bytes = ics.calendar(tl, [e for e in tl.events if e.id not in left_out]).to_ical()
    return data


@pytest.mark.parametrize("options", [{}, {"include_open": True},
                                     {"include_open": True, "zone": "Asia/Tokyo"}])
def test_the_fast_writer_writes_icalendars_bytes(seeds: Timeline, tmp_path: Path,
                                                 options: dict[str, Any]) -> None:
    urls = with_urls(_two_article_corpus(tmp_path), {"a": URL_A, "b": URL_B},
                     title="Partners, rivals; and more")
    for tl in (seeds, seeds.as_of(AS_OF), seeds.as_of(AS_OF, possibly=True),
               timeline.load(urls)):
        assert tl.to_ics(**options) == through_components(tl, **options)


@settings(max_examples=300, deadline=None)
@given(st.lists(hostile_text(), min_size=1, max_size=6).map("".join),
       st.sampled_from(["DESCRIPTION:", "SUMMARY;LANGUAGE=en:", "X-A:", ""]))
def test_fold_is_icalendars(text: str, name: str) -> None:
    from icalendar.parser.string import _foldline

    line = name + text.replace("\r", " ").replace("\n", " ")
    assert ics.fold(line) == _foldline(line)
    assert all(len(piece.encode()) <= 74 for piece in ics.fold(line).split("\r\n "))


# --- what the corpus knows (issue 12) ---------------------------------------------------------

def _two_article_corpus(folder: Path) -> Path:
    """The derived corpus, plus a second article that also reports the invasion."""
    derived_corpus(folder)
    (folder / "b.txt").write_text("The invasion began in February 2022.\n", encoding="utf-8")
    with (folder / "sources.toml").open("a", encoding="utf-8") as out:
        out.write('\n[[articles]]\nid = "b"\nfile = "b.txt"\ntitle = "B"\n'
                  "published = 2025-02-26\n")
    with (folder / "events.toml").open("a", encoding="utf-8") as out:
        out.write('\n[[events]]\nid = "invasion-b"\ntitle = "Invasion as B has it"\n'
                  '  [[events.claims]]\n  article = "a"\n'
                  '  quote = "Russia\'s invasion of Ukraine in February 2022 began the war."\n'
                  '  when = "in February 2022"\n  status = "occurred"\n'
                  '  [[events.claims]]\n  article = "b"\n'
                  '  quote = "The invasion began in February 2022."\n'
                  '  when = "in February 2022"\n  status = "occurred"\n')
    return folder


URL_A = "https://example.com/a?x=1&y=(2)"
URL_B = "https://example.org/b"


def test_calendar_name_and_urls(tmp_path: Path) -> None:
    folder = with_urls(_two_article_corpus(tmp_path), {"a": URL_A, "b": URL_B},
                       title="Partners, rivals; and more")
    tl = timeline.load(folder)
    data = tl.to_ics(include_open=True)
    assert data == timeline.load(folder).to_ics(include_open=True)  # byte for byte
    cal = icalendar.Calendar.from_ical(data)
    # Escaped as RFC 5545 TEXT (icalendar reads these back raw; vobject and ical unescape).
    assert b"\r\nNAME:Partners\\, rivals\\; and more\r\n" in data
    assert b"\r\nX-WR-CALNAME:Partners\\, rivals\\; and more\r\n" in data
    read = vobject.readOne(data.decode("utf-8"), validate=True)
    assert read.x_wr_calname.value == read.contents["name"][0].value == \
        "Partners, rivals; and more"
    assert IcsCalendarStream.calendar_from_ics(data.decode("utf-8")).name == [
        "Partners, rivals; and more"]
    events = read_back(data)
    urls = {str(e["X-TIMELINE-EVENT"]): e.get("URL") for e in cal.walk("VEVENT")}
    # One source with a URL: the event's URL; two sources: none, both in DESCRIPTION.
    assert urls["invasion"] == URL_A and urls["invasion-b"] is None
    assert {e.uid.value: e.url.value for e in vobject.readOne(
        data.decode("utf-8"), validate=True).vevent_list if hasattr(e, "url")} == {
        str(e["UID"]): URL_A for e in cal.walk("VEVENT") if "URL" in e}
    both = next(e for e in by_event(events).values() if "Invasion as B" in e["summary"])
    assert URL_A in both["description"] and URL_B in both["description"]
    view = tl.as_of(date(2025, 2, 25)).to_ics()
    assert vobject.readOne(view.decode("utf-8")).x_wr_calname.value == \
        "Partners, rivals; and more as of 25 Feb 2025"


def test_a_calendar_without_a_title_and_unlinkable_urls(tmp_path: Path) -> None:
    folder = with_urls(derived_corpus(tmp_path), {"a": "javascript:alert(1)"})
    tl = Timeline(list(timeline.load(folder).articles.values()),
                  list(timeline.load(folder).specs))
    data = tl.to_ics()
    assert b"X-WR-CALNAME:timeline\r\n" in data
    assert b"\r\nURL" not in data
    assert "javascript:alert(1)" in read_back(data)[0]["description"]


def test_a_derived_bound_is_written_at_its_sources_granularity(tmp_path: Path) -> None:
    """Issue 12: no "18:00" for a 2022 event known only to be "days before" the invasion."""
    tl = timeline.load(derived_corpus(tmp_path))
    events = by_event(read_back(tl.to_ics()))
    partnership = events["partnership"]
    assert partnership["summary"] == \
        "Partnership (date uncertain: between 1 Jan and 26 Feb 2022)"
    assert partnership["description"].startswith(
        'When: between 1 Jan and 26 Feb 2022, days before "Invasion" (Feb 2022).\n')
    assert (partnership["raw_start"], partnership["raw_end"]) == (date(2022, 1, 1),
                                                                  date(2022, 2, 27))
    # The machine-readable value stays the model's, as the JSON export names it.
    assert partnership["x"]["X-TIMELINE-EDTF"] == to_edtf(event_time_value(tl["partnership"]))


@settings(max_examples=60)
@given(st.lists(calendar_edge_values(), min_size=1, max_size=3),
       st.sampled_from([date(200, 1, 1), date(9799, 12, 31),
                        datetime(9799, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-12))),
                        datetime(200, 1, 1, tzinfo=timezone(timedelta(hours=14)))]))
def test_every_export_at_the_calendars_edges(values: list[Any], published: date) -> None:
    # Issue 13: a claim of year 1 or 9999 raised OverflowError in the network and in every
    # exporter. The model refuses those; at its own edges (years 200 and 9799, +-14:00,
    # LMT, centuries "about"), nothing the solver or an exporter does overflows.
    kept = [v for v in values if v is not None]
    assume(bool(kept))
    tl = build([(f"e{k}", f"E{k}", [(v, Status.OCCURRED)]) for k, v in enumerate(kept)],
               published=published)
    tl.to_ics(include_open=True)
    tl.to_timelinejs()
    tl.to_svg()
    tl.chronology()
    back = Timeline.from_json(tl.to_json())
    assert [e.id for e in back.events] == [e.id for e in tl.events]
    for event in tl.events:
        to_edtf(event_time_value(event))
    tl.as_of("9999-12-31").chronology()
