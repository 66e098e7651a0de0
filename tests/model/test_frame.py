"""``timeline.from_dataframe``: one article a row, columns named, pandas optional (#12)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

import timeline
from timeline import Claim, CorpusError, EventSpec
from timeline.model.frame import articles_from_frame

pd = pytest.importorskip("pandas")

def _times(*moments: str) -> object:
    return pd.to_datetime(list(moments), format="ISO8601")


TEXTS = ["The council met on Monday.", "The vote is set for Friday, officials said."]


def test_a_frame_becomes_a_timeline() -> None:
    frame = pd.DataFrame({"id": ["a", "b"], "title": ["Met", "Vote"], "text": TEXTS,
                          "published": ["2025-02-25", "2025-02-24T09:30"],
                          "link": ["https://example.org/a", None]})
    vote = timeline.Article(id="b", title="Vote", published="2025-02-24T09:30",
                            text=TEXTS[1])
    tl = timeline.from_dataframe(frame, url="link", corpus_title="Council", zone="UTC",
                                 events=[EventSpec.build("vote", "Vote", [Claim.build(
                                     vote, "The vote is set for Friday", when="for Friday",
                                     status="scheduled", event="vote")])])
    a, b = tl.articles["a"], tl.articles["b"]
    assert (a.published, type(a.published)) == (date(2025, 2, 25), date)
    assert b.published == datetime(2025, 2, 24, 9, 30)
    assert (a.url, b.url) == ("https://example.org/a", None)
    assert (tl.title, tl.zone) == ("Council", "UTC")
    assert tl["vote"].time.earliest_start == datetime(2025, 2, 28, tzinfo=UTC)


def test_midnight_timestamps_are_dates_and_other_times_stay() -> None:
    """pandas stores a date as its midnight: a column of midnights is a column of dates."""
    days = pd.DataFrame({"text": TEXTS, "published": _times("2025-02-24", "2025-02-25")})
    assert [a.published for a in articles_from_frame(days)] == [date(2025, 2, 24),
                                                               date(2025, 2, 25)]
    assert all(type(a.published) is date for a in articles_from_frame(days))
    times = pd.DataFrame({"text": TEXTS, "published": _times("2025-02-24", "2025-02-25 11:38")})
    assert [a.published for a in articles_from_frame(times)] == [
        datetime(2025, 2, 24), datetime(2025, 2, 25, 11, 38)]
    aware = pd.DataFrame({"text": TEXTS, "published": pd.to_datetime(
        ["2025-02-24", "2025-02-25"]).tz_localize("UTC")})
    moments = [a.published for a in articles_from_frame(aware)]
    assert moments == [datetime(2025, 2, 24, tzinfo=UTC),
                       datetime(2025, 2, 25, tzinfo=UTC)]
    assert all(isinstance(m, datetime) and m.utcoffset() == timedelta(0) for m in moments)


def test_ids_from_the_index_and_titles_from_the_text() -> None:
    frame = pd.DataFrame({"body": TEXTS, "date": [date(2025, 2, 24), date(2025, 2, 25)]},
                         index=[10, 11])
    articles = articles_from_frame(frame, text="body", published="date")
    assert [a.id for a in articles] == ["10", "11"]
    assert [a.title for a in articles] == ["The council met on Monday.",
                                           "The vote is set for Friday, officials said."]
    long = pd.DataFrame({"text": [" ".join(["word"] * 20)], "published": ["2025-02-24"]})
    assert articles_from_frame(long)[0].title == " ".join(["word"] * 12) + "\u2026"


def test_a_missing_column_is_named() -> None:
    frame = pd.DataFrame({"body": TEXTS, "published": ["2025-02-24", "2025-02-25"]})
    with pytest.raises(CorpusError) as caught:
        timeline.from_dataframe(frame, id="key", outlet="source")
    assert [p.field for p in caught.value.problems] == ["text", "id", "outlet"]
    assert "no column 'text' in the frame; it has 'body', 'published'" in str(caught.value)


def test_missing_and_bad_values_name_their_row() -> None:
    frame = pd.DataFrame({"text": [TEXTS[0], None, TEXTS[1]],
                          "published": pd.to_datetime(["2025-02-24", None, "2025-02-25"]),
                          "title": ["A", "B", 3]}, index=["x", "y", "z"])
    with pytest.raises(CorpusError) as caught:
        articles_from_frame(frame)
    assert [(p.entry, p.field) for p in caught.value.problems] == [
        ("row 'y'", "text"), ("row 'y'", "published"), ("row 'z'", "title")]
    strings = pd.DataFrame({"text": TEXTS, "published": ["2025-02-24", "soon"]})
    with pytest.raises(CorpusError, match="row 1: published: not an ISO 8601"):
        articles_from_frame(strings)


def test_duplicate_ids_are_an_error() -> None:
    frame = pd.DataFrame({"id": ["a", "a"], "text": TEXTS,
                          "published": ["2025-02-24", "2025-02-25"]})
    with pytest.raises(CorpusError, match="article 'a': id: duplicate id"):
        timeline.from_dataframe(frame)


def test_a_frame_round_trips_through_save(tmp_path: Path) -> None:
    frame = pd.DataFrame({"text": TEXTS, "published": _times("2025-02-24", "2025-02-25 11:38")})
    tl = timeline.from_dataframe(frame, corpus_title="From a frame")
    tl.save(tmp_path)
    assert timeline.load(tmp_path) == tl
