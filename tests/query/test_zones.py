"""A corpus's declared zone (#12): its floating times are read in it, exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from timeline.model.article import Article
from timeline.model.claim import Claim, Status
from timeline.model.event import EventSpec
from timeline.query.timeline import Timeline
from timeline.time.granularity import Granularity
from timeline.time.value import TimeValue

NEW_YORK = ZoneInfo("America/New_York")
TEXT = "The meeting was held on Sunday at 3 p.m."


def corpus(zone: str | None, published: date | datetime = datetime(2025, 2, 25, 11, 38)
           ) -> Timeline:
    article = Article(id="a", file="a.txt", title="A meeting", outlet=None, url=None,
                      published=published, text=TEXT)
    day = Claim(event="meeting", article="a", quote=TEXT, span=(0, len(TEXT)),
                status=Status.OCCURRED, known_from=published,
                value=TimeValue.of_granule(Granularity.DAY, datetime(2025, 2, 23)))
    clock = Claim(event="talk", article="a", quote=TEXT, span=(0, len(TEXT)),
                  status=Status.OCCURRED, known_from=published,
                  value=TimeValue.of_granule(Granularity.MINUTE, datetime(2025, 2, 23, 15)))
    specs = [EventSpec("meeting", "Meeting", (), None, None, (day,)),
             EventSpec("talk", "Talk", (), None, None, (clock,))]
    return Timeline([article], specs, zone=zone)


def test_floating_times_are_read_in_the_declared_zone() -> None:
    tl = corpus("America/New_York")
    time = tl["meeting"].time
    assert time.earliest_start == datetime(2025, 2, 23, tzinfo=NEW_YORK)
    assert time.latest_end == datetime(2025, 2, 24, tzinfo=NEW_YORK)
    assert time.earliest_start.tzinfo is not None
    talk = tl["talk"].time
    assert talk.earliest_start == datetime(2025, 2, 23, 20, tzinfo=UTC)  # 15:00 EST


def test_without_a_zone_floating_times_stay_floating() -> None:
    time = corpus(None)["meeting"].time
    assert time.earliest_start == datetime(2025, 2, 23)
    assert time.earliest_start.tzinfo is None


def test_as_of_reads_a_floating_publication_in_the_zone() -> None:
    # Published 11:38 New York time, 16:38 UTC.
    zoned, floating = corpus("America/New_York"), corpus(None)
    assert "meeting" in zoned.as_of(datetime(2025, 2, 25, 16, 39, tzinfo=UTC))
    assert "meeting" not in zoned.as_of(datetime(2025, 2, 25, 16, 37, tzinfo=UTC))
    # Without a zone the article may be from UTC-12: only certainly out at 23:38 UTC.
    assert "meeting" not in floating.as_of(datetime(2025, 2, 25, 16, 39, tzinfo=UTC))
    assert "meeting" in floating.as_of(datetime(2025, 2, 25, 23, 38, tzinfo=UTC))
    # A floating "as of" is read in the zone too.
    assert "meeting" in zoned.as_of(datetime(2025, 2, 25, 11, 38))
    assert "meeting" not in zoned.as_of(datetime(2025, 2, 25, 11, 37))
    assert zoned.as_of(datetime(2025, 2, 25, 11, 38)).known_articles.keys() == {"a"}


def test_a_date_only_publication_is_out_by_the_end_of_its_day_in_the_zone() -> None:
    zoned = corpus("America/New_York", published=date(2025, 2, 25))
    assert "meeting" in zoned.as_of(datetime(2025, 2, 26, 5, tzinfo=UTC))  # midnight EST
    assert "meeting" not in zoned.as_of(datetime(2025, 2, 26, 4, 59, tzinfo=UTC))


def test_the_zone_survives_views_and_json() -> None:
    tl = corpus("America/New_York")
    view = tl.as_of(date(2025, 3, 1))
    assert view.zone == "America/New_York"
    assert view["meeting"].time == tl["meeting"].time
    back = Timeline.from_json(tl.to_json())
    assert back["meeting"].time == tl["meeting"].time
