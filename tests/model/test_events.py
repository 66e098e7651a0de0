"""events.toml: claims found in their articles, resolved, checked; errors name where."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from corpora import write_corpus

from timeline.errors import CorpusError
from timeline.model.claim import Offset, Status
from timeline.model.load import load_articles, load_events

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
