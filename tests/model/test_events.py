"""events.toml: claims found in their articles, resolved, checked; errors name where."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from corpora import write_corpus

import timeline
from timeline.errors import CorpusError
from timeline.model.article import Article
from timeline.model.claim import Claim, Offset, Status
from timeline.model.event import EventSpec
from timeline.model.load import load_articles, load_events
from timeline.time.value import TimeValue

TEXT_A = "Leaders met on Monday. Later Monday the council voted. Leaders met on Monday."
TEXT_B = "The summit is set for next week, officials said."


def _corpus(tmp_path: Path, events: str) -> Path:
    return write_corpus(tmp_path, {"a": (TEXT_A, date(2025, 2, 25)),
                                   "b": (TEXT_B, datetime(2025, 2, 24, 9))}, events)


def _load(folder: Path) -> list:
    return load_events(folder, load_articles(folder))


GOOD = """
    [[events]]
    id = "meeting"
    title = "Leaders meet"

      [[events.claims]]
      article = "a"
      quote = "Leaders met on Monday."
      occurrence = 2
      when = "Monday"
      status = "occurred"

    [[events]]
    id = "vote"
    title = "The council votes"

      [[events.claims]]
      article = "a"
      quote = "Later Monday the council voted."
      when = "Later Monday"
      after = "meeting"
      status = "occurred"

    [[events]]
    id = "summit"
    title = "Summit"

      [[events.claims]]
      article = "b"
      quote = "The summit is set for next week"
      when = "next week"
      status = "scheduled"
"""


def test_claims_carry_their_provenance(tmp_path: Path) -> None:
    meeting, vote, summit = _load(_corpus(tmp_path, GOOD))
    claim = meeting.claims[0]
    assert claim.article == "a" and claim.status is Status.OCCURRED
    assert claim.span == (TEXT_A.rindex("Leaders met"), len(TEXT_A))
    assert TEXT_A[claim.when_span[0]:claim.when_span[1]] == "Monday"
    assert claim.anchor == date(2025, 2, 25) and claim.known_from == date(2025, 2, 25)
    assert claim.tense == "past" and claim.value is not None
    assert claim.value.value == "2025-02-24"
    assert vote.claims[0].after == "meeting"
    assert summit.claims[0].tense == "future"
    assert summit.claims[0].value is not None and summit.claims[0].value.value == "2025-W10"
    assert summit.claims[0].known_from == datetime(2025, 2, 24, 9)


@pytest.mark.parametrize(("change", "field", "message"), [
    (('quote = "Leaders met on Monday."\n      occurrence = 2',
      'quote = "Leaders met on Tuesday."'), "quote", "not found in article 'a'"),
    (('      occurrence = 2\n', ''), "quote", "found 2 times"),
    (('occurrence = 2', 'occurrence = 3'), "occurrence", "expected 1 to 2"),
    (('when = "Monday"', 'when = "Friday"'), "when", "not inside the quote"),
    (('status = "scheduled"', 'status = "planned"'), "status", "expected occurred"),
    (('after = "meeting"', 'after = "nothing"'), "after", "unknown event 'nothing'"),
    (('article = "b"', 'article = "zzz"'), "article", "unknown article 'zzz'"),
    (('title = "Summit"', 'title = "Summit"\n    colour = "red"'), "colour", "unknown field"),
    (('id = "summit"', 'id = "meeting"'), "id", "duplicate id"),
    (('id = "summit"', 'id = "Summit!"'), "id", "lower-case letters"),
])
def test_errors_name_file_entry_and_field(tmp_path: Path, change: tuple[str, str], field: str,
                                          message: str) -> None:
    old, new = change
    assert old in GOOD
    folder = _corpus(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(CorpusError, match=message) as caught:
        _load(folder)
    assert caught.value.file is not None and caught.value.file.endswith("events.toml")
    assert caught.value.field == field
    assert caught.value.entry is not None and caught.value.entry.startswith("event ")


def test_a_cycle_of_relative_claims_is_an_error(tmp_path: Path) -> None:
    cyclic = GOOD.replace('quote = "Leaders met on Monday."\n      occurrence = 2\n      '
                          'when = "Monday"',
                          'quote = "Leaders met on Monday."\n      occurrence = 2\n      '
                          'after = "vote"', 1)
    with pytest.raises(CorpusError, match=r"cycle: .*meeting"):
        _load(_corpus(tmp_path, cyclic))


def test_malformed_toml_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"events\.toml: not valid TOML"):
        _load(_corpus(tmp_path, "[[events]\n"))


def test_no_events_file_means_no_events(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, GOOD)
    (folder / "events.toml").unlink()
    assert _load(folder) == []


@pytest.mark.parametrize(("text", "lo", "hi", "before", "after"), [
    ("three days before", -timedelta(days=4), -timedelta(days=2), True, False),
    # The anniversary, give or take a day: not any time in a year either side (#4).
    ("three years after", timedelta(days=3 * 365 - 1), timedelta(days=3 * 366 + 1), False,
     True),
    ("days before", None, None, True, False),
    ("within two hours", timedelta(0), timedelta(hours=2), False, False),
    ("shortly after", None, None, False, True),
    ("2 weeks after", timedelta(days=13), timedelta(days=15), False, True),
])
def test_offsets(text: str, lo: timedelta | None, hi: timedelta | None, before: bool,
                 after: bool) -> None:
    offset = Offset.parse(text)
    assert (offset.start_lo, offset.start_hi, offset.before, offset.after) == (
        lo, hi, before, after)


@pytest.mark.parametrize("text", ["soon", "three parsecs before", "x" * 100, "before"])
def test_bad_offsets(text: str) -> None:
    with pytest.raises(ValueError):
        Offset.parse(text)


WAR_TEXT = "The war began in February 2022. Three years on, the war goes on."
WAR = """
    [[events]]
    id = "war"
    title = "The war"

      [[events.claims]]
      article = "w"
      quote = "The war began in February 2022."
      when = "in February 2022"
      part = "start"
      status = "occurred"

      [[events.claims]]
      article = "w"
      quote = "the war goes on"
      ongoing = true
      status = "occurred"
"""


def test_a_war_runs_from_its_start_to_at_least_the_article(tmp_path: Path) -> None:
    import timeline

    write_corpus(tmp_path, {"w": (WAR_TEXT, date(2025, 2, 24))}, WAR)
    war = timeline.load(tmp_path)["war"]
    time = war.time
    assert time.earliest_start == datetime(2022, 2, 1)
    assert time.latest_start is not None and time.latest_start < datetime(2022, 3, 1)
    # Still going on some time on the day of publication: it ends after that day began.
    assert time.earliest_end is not None and time.earliest_end > datetime(2025, 2, 24)
    assert time.latest_end is None
    assert not war.conflicts


def test_an_event_ongoing_after_its_stated_end_is_a_conflict(tmp_path: Path) -> None:
    import timeline

    events = WAR.replace('part = "start"', 'part = "end"')
    write_corpus(tmp_path, {"w": (WAR_TEXT, date(2025, 2, 24))}, events)
    war = timeline.load(tmp_path)["war"]
    assert [c.kind for c in war.conflicts] == ["dates"]
    assert len(war.conflicts[0].claims) == 2  # both claims kept, both named


@pytest.mark.parametrize(("change", "field", "message"), [
    ('part = "start"', 'part = "middle"', "expected 'start' or 'end'"),
    ('when = "in February 2022"\n      part = "start"', 'part = "start"',
     "'part' says what 'when' or 'date' dates"),
    ("ongoing = true", 'ongoing = "yes"', "expected true or false"),
])
def test_part_and_ongoing_are_checked(tmp_path: Path, change: str, field: str,
                                      message: str) -> None:
    write_corpus(tmp_path, {"w": (WAR_TEXT, date(2025, 2, 24))}, WAR.replace(change, field))
    with pytest.raises(CorpusError, match=message) as info:
        _load(tmp_path)
    assert info.value.field in ("part", "ongoing")


# --- events and claims built in Python (#12) ---------------------------------------------------

def _articles() -> dict[str, Article]:
    return {"a": Article(id="a", title="A", published=date(2025, 2, 25), text=TEXT_A),
            "b": Article(id="b", title="B", published=datetime(2025, 2, 24, 9), text=TEXT_B)}


def test_built_in_python_equals_loaded_from_toml(tmp_path: Path) -> None:
    """One checking path: the same claims and events whichever way they are written."""
    loaded = _load(_corpus(tmp_path, GOOD))
    a, b = _articles()["a"], _articles()["b"]
    built = [
        EventSpec.build("meeting", "Leaders meet", [Claim.build(
            a, "Leaders met on Monday.", occurrence=2, when="Monday", event="meeting")]),
        EventSpec.build("vote", "The council votes", [Claim.build(
            a, "Later Monday the council voted.", when="Later Monday", after="meeting",
            event="vote", status=Status.OCCURRED)]),
        EventSpec.build("summit", "Summit", [Claim.build(
            b, "The summit is set for next week", when="next week", status="scheduled",
            event="summit")]),
    ]
    assert built == loaded


def test_build_reads_iso_dates_and_offsets() -> None:
    a = _articles()["a"]
    by_string = Claim.build(a, "Leaders met on Monday.", occurrence=1, date="2025-02-24",
                            event="m")
    assert by_string.date == date(2025, 2, 24) and type(by_string.date) is date
    assert by_string == Claim.build(a, "Leaders met on Monday.", occurrence=1,
                                    date=date(2025, 2, 24), event="m")
    placed = Claim.build(a, "Leaders met on Monday.", occurrence=1, relative_to="x",
                         offset=Offset.parse("three days before"), event="m")
    assert placed.offset == Offset.parse("three days before")


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"quote": "Leaders met on Tuesday."}, "quote", "not found in article 'a'"),
    ({"quote": "Leaders met on Monday."}, "quote", "found 2 times"),
    ({"when": "Friday"}, "when", "not inside the quote"),
    ({"status": "planned"}, "status", "expected occurred"),
    ({"date": "25/02/2025"}, "date", "expected a date such as 2025-02-25"),
    ({"date": 20250225}, "date", "expected a TOML date or datetime"),
    ({"part": "middle", "date": "2025-02-24"}, "part", "expected 'start' or 'end'"),
    ({"offset": "three days before"}, "offset", "needs 'relative_to'"),
    ({"relative_to": "x", "offset": "soon"}, "offset", "not an offset"),
    ({"before": "e"}, "before", "against itself"),
    ({}, "when", "does not date its event"),
])
def test_build_checks_as_the_toml_loader_does(fields: dict[str, object], field: str,
                                              message: str) -> None:
    args: dict[str, object] = {"quote": "Later Monday the council voted.", **fields}
    quote = args.pop("quote")
    with pytest.raises(CorpusError, match=message) as caught:
        Claim.build(_articles()["a"], quote, event="e", **args)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert caught.value.entry == "event 'e', claim from article 'a'"


def test_build_reports_every_problem_at_once() -> None:
    with pytest.raises(CorpusError) as caught:
        Claim.build(_articles()["a"], "Later Monday the council voted.", event="e",
                    status="planned", date="soon", part="middle")
    assert [p.field for p in caught.value.problems] == ["date", "status", "part"]
    assert str(caught.value).endswith("(and 2 more problems)")


def test_event_build_checks_its_fields_and_claims() -> None:
    a = _articles()["a"]
    claim = Claim.build(a, "Later Monday the council voted.", when="Later Monday", event="vote")
    assert EventSpec.build("vote", "Vote", [claim], actors=["UN"]).actors == ("UN",)
    with pytest.raises(CorpusError) as caught:
        EventSpec.build("Vote!", " ", [claim, "not a claim"])  # type: ignore[list-item]
    assert {(p.field, p.entry) for p in caught.value.problems} == {
        ("claims", "event 'Vote!'"), ("id", "event 'Vote!'"), ("title", "event 'Vote!'")}
    assert "built for event 'vote'" in str(caught.value.problems[0])
    with pytest.raises(CorpusError, match="at least one"):
        EventSpec.build("vote", "Vote", [])


# --- every problem in one run, and what a near-miss quote is (#12) -----------------------------

def test_every_problem_of_events_toml_is_reported_at_once(tmp_path: Path) -> None:
    broken = (GOOD.replace('status = "scheduled"', 'status = "planned"')
                  .replace('quote = "Later Monday the council voted."',
                           'quote = "Later Monday the council voted!"')
                  .replace('title = "Leaders meet"', 'title = ""')
                  .replace('id = "summit"', 'id = "summit"\n    colour = "red"'))
    with pytest.raises(CorpusError) as caught:
        _load(_corpus(tmp_path, broken))
    where = [(p.entry, p.field) for p in caught.value.problems]
    assert where == [("event 'meeting'", "title"), ("event 'vote', claim 1", "quote"),
                     ("event 'summit'", "colour"), ("event 'summit', claim 1", "status")]
    assert all(p.file is not None and p.file.endswith("events.toml")
               for p in caught.value.problems)
    assert str(caught.value).endswith("(and 3 more problems)")


def test_a_reference_to_a_broken_event_is_not_a_second_problem(tmp_path: Path) -> None:
    broken = GOOD.replace('title = "Leaders meet"', 'title = ""')
    with pytest.raises(CorpusError) as caught:
        _load(_corpus(tmp_path, broken))
    assert [p.field for p in caught.value.problems] == ["title"]


def test_problems_are_capped(tmp_path: Path) -> None:
    one = """
    [[events]]
    id = "e{n}"
    title = "E"
      [[events.claims]]
      article = "a"
      quote = "nowhere {n}"
      status = "occurred"
      when = "Monday"
    """
    with pytest.raises(CorpusError) as caught:
        _load(_corpus(tmp_path, "".join(one.format(n=n) for n in range(30))))
    assert len(caught.value.problems) == CorpusError.LIMIT
    assert caught.value.omitted == 30 * 2 - CorpusError.LIMIT  # quote and when, each
    assert str(caught.value).endswith(f"(and {30 * 2 - 1} more problems)")


@pytest.mark.parametrize(("quote", "passage", "why"), [
    ("Leaders met on 'Monday'", "Leaders met on ‘Monday’", "curly and straight quotes"),
    ("the vote - a tie", "the vote — a tie", "dashes"),
    ("the U.N. voted", "the U.N.\u00a0voted", "spaces"),
    ("the U.N. voted", "the U.N.\n  voted", "spaces"),
    ("It's \u201cthe end\u201d - they said", "It’s \u201cthe end\u201d — they said",
     "curly and straight quotes or apostrophes and dashes"),
])
def test_a_near_miss_names_the_passage_and_why(quote: str, passage: str, why: str) -> None:
    text = f"Before it all. {passage}. After it all."
    article = Article(id="a", title="A", published=date(2025, 2, 25), text=text)
    with pytest.raises(CorpusError) as caught:
        Claim.build(article, quote, event="e", ongoing=True)
    message = str(caught.value)
    start = text.index(passage)
    assert f"(characters {start}-{start + len(passage)})" in message
    assert repr(passage) in message and why in message


def test_a_quote_far_from_the_text_says_so() -> None:
    article = Article(id="a", title="A", published=date(2025, 2, 25), text=TEXT_A)
    with pytest.raises(CorpusError, match="nothing in it is close"):
        Claim.build(article, "Completely unrelated words about zebras", event="e",
                    ongoing=True)
    with pytest.raises(CorpusError, match=r"closest passage is 'Later Monday the council "
                                          r"voted\.'"):
        Claim.build(article, "Later Monday the counsel voted.", event="e", ongoing=True)


@pytest.mark.parametrize(("line", "key"), [
    ("published = 2025-2-25", "published"),
    ("published = 2025-02-25 11:38", "published"),
    ("published = 25-02-2025", "published"),
])
def test_a_malformed_toml_date_names_the_key_and_the_form(tmp_path: Path, line: str,
                                                          key: str) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        f'[[articles]]\nid = "a"\nfile = "a.txt"\ntitle = "A"\n{line}\n', encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        load_articles(tmp_path)
    assert caught.value.field == key
    assert str(caught.value).endswith(
        f"sources.toml: {key}: not valid TOML at line 5: {line!r}; a date is written "
        f"2025-02-25 or 2025-02-25T11:38:00 (unquoted)")


def test_a_malformed_claim_date_names_its_key(tmp_path: Path) -> None:
    events = GOOD.replace('when = "next week"', "date = 2025-3-3")
    with pytest.raises(CorpusError) as caught:
        _load(_corpus(tmp_path, events))
    assert caught.value.field == "date" and "a date is written" in str(caught.value)


def test_a_clock_time_that_starts_or_ends_an_event_is_that_instant() -> None:
    """#12: "began at 2:30 p.m." and "ended at 4 p.m." make 14:30-16:00, not an end
    anywhere up to 16:01 (which printed as 16:01, or 21:01 once widened by zones)."""
    from datetime import datetime

    from timeline import Article, Claim, EventSpec, Timeline

    text = "The talks began at 2:30 p.m. and ended at 4 p.m. on Monday."
    article = Article(id="a", title="Talks", published="2025-02-24", text=text)
    talks = EventSpec.build("talks", "Talks", [
        Claim.build(article, "began at 2:30 p.m.", when="2:30 p.m.", part="start",
                    event="talks"),
        Claim.build(article, "ended at 4 p.m.", when="4 p.m.", part="end", event="talks")])
    tl = Timeline.from_articles([article], [talks])
    time = tl["talks"].time
    assert (time.earliest_start, time.latest_start) == (datetime(2025, 2, 24, 14, 30),) * 2
    assert (time.earliest_end, time.latest_end) == (datetime(2025, 2, 24, 16),) * 2
    assert "14:30–16:00 — Talks" in tl.chronology()
    # "about 4 p.m." is no instant: the end stays somewhere around it.
    about = EventSpec.build("talks", "Talks", [Claim.build(
        Article(id="b", title="T", published="2025-02-24", text="They ended about 4 p.m."),
        "ended about 4 p.m.", when="about 4 p.m.", part="end", event="talks")])
    loose = Timeline.from_articles([Article(id="b", title="T", published="2025-02-24",
                                            text="They ended about 4 p.m.")], [about])
    assert loose["talks"].time.earliest_end != loose["talks"].time.latest_end


# --- hostile events.toml: each a CorpusError naming the file, entry and field (#13) --------

def test_a_part_that_is_not_a_string(tmp_path: Path) -> None:  # #13
    folder = _corpus(tmp_path, """
        [[events]]
        id = "meeting"
        title = "Leaders meet"
          [[events.claims]]
          article = "a"
          quote = "Leaders met on Monday."
          occurrence = 1
          when = "Monday"
          status = "occurred"
          part = ["start"]
    """)
    with pytest.raises(CorpusError) as caught:
        _load(folder)
    assert (caught.value.field, caught.value.entry) == ("part", "event 'meeting', claim 1")
    assert "expected 'start' or 'end', got ['start']" in str(caught.value)


@pytest.mark.parametrize("make, message", [
    ("fifo", "a FIFO, not a regular file"), ("zero", "a character device"),
    ("loop", "symbolic links"), ("deep", "nested too deeply"), ("latin1", "not UTF-8 text"),
])
def test_an_events_toml_that_cannot_be_read(tmp_path: Path, make: str,
                                            message: str) -> None:  # #13
    folder = _corpus(tmp_path, GOOD)
    events = folder / "events.toml"
    events.unlink()
    if make == "fifo":
        os.mkfifo(events)
    elif make == "zero":
        events.symlink_to("/dev/zero")
    elif make == "loop":
        events.symlink_to("events.toml")
    elif make == "deep":
        events.write_text("x = " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    else:
        events.write_bytes(GOOD.replace("Leaders meet", "L\xe9aders").encode("latin-1"))
    with pytest.raises(CorpusError) as caught:
        _load(folder)
    assert caught.value.file == str(events) and message in str(caught.value)


_DATED = """
[[events]]
id = "e"
title = "E"
  [[events.claims]]
  article = "a"
  quote = "Leaders met on Monday."
  occurrence = 1
  date = {date}
  status = "occurred"
"""


@pytest.mark.parametrize("moment", ["9999-12-31", "0001-01-01", "9800-01-01T00:00:00"])
def test_a_date_outside_the_calendar_is_a_corpus_error(tmp_path: Path, moment: str) -> None:
    # Issue 13: `date = 9999-12-31` raised OverflowError in `check`, every export, --as-of.
    with pytest.raises(CorpusError) as caught:
        _load(_corpus(tmp_path, _DATED.format(date=moment)))
    assert caught.value.field == "date"
    assert f"{moment} is outside the supported calendar, years 0200 to 9799" in str(caught.value)


def test_the_last_day_of_the_calendar_loads(tmp_path: Path) -> None:
    (event,) = _load(_corpus(tmp_path, _DATED.format(date="9799-12-31")))
    assert str(event.claims[0].value.interval) == "[9799-12-31, 9800-01-01)"


def test_an_offset_longer_than_the_calendar_is_a_corpus_error() -> None:
    # Issue 13: "9999 years after" overflowed the network; no two events are that far apart.
    with pytest.raises(ValueError, match="longer than the supported calendar"):
        Offset.parse("9999 years after")
    assert Offset.parse("9000 years after").start_lo is not None


def test_a_claim_built_outside_the_calendar_is_refused() -> None:
    # Issue 13: Claim itself checks, so from_json and the Python API cannot bring year 9999 in.
    with pytest.raises(CorpusError, match="value: '9999-12-30'"):
        Claim(event="e", article="a", quote="q", span=(0, 1), status=Status.OCCURRED,
              known_from=date(2025, 1, 1),
              value=TimeValue.from_timex("9999-12-30"))
    with pytest.raises(CorpusError, match="known_from"):
        Claim(event="e", article="a", quote="q", span=(0, 1), status=Status.OCCURRED,
              known_from=date(9999, 1, 1))


def test_an_offset_past_the_calendar_leaves_the_bound_open(tmp_path: Path) -> None:
    # Issue 13: "5000 years after" an event of 6000 raised OverflowError in the solver;
    # a bound past the calendar is open (weaker than computed, never false).
    folder = write_corpus(tmp_path, {"a": ("It began. It ended.", date(2025, 2, 25))}, """
[[events]]
id = "e"
title = "E"
  [[events.claims]]
  article = "a"
  quote = "It began."
  date = 6000-01-01
  status = "occurred"
[[events]]
id = "f"
title = "F"
  [[events.claims]]
  article = "a"
  quote = "It ended."
  relative_to = "e"
  offset = "5000 years after"
  status = "occurred"
""")
    tl = timeline.load(folder)
    assert tl["f"].time.earliest_start is None and tl["f"].time.latest_end is None
    assert tl.to_ics() and tl.chronology() and tl.to_json() and tl.to_svg()


def test_the_last_minute_of_the_calendar_keeps_its_bounds(tmp_path: Path) -> None:
    # Issue 13: read in UTC, 9799-12-31T23:58-12:00 is past the calendar's end; the solver
    # keeps such a bound exact (it opens only bounds carried well past the calendar).
    minute = datetime(9799, 12, 31, 23, 58, tzinfo=timezone(timedelta(hours=-12)))
    folder = write_corpus(tmp_path, {"a": ("The vote closed.", date(9799, 12, 31))}, f"""
[[events]]
id = "vote"
title = "Vote"
  [[events.claims]]
  article = "a"
  quote = "The vote closed."
  date = {minute.isoformat()}
  status = "occurred"
""")
    vote = timeline.load(folder)["vote"]
    assert (vote.time.earliest_start, vote.time.latest_end) == (
        minute, minute + timedelta(minutes=1))
