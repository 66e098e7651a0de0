"""Times shown in the reader's zone (#12): ``zone=`` on every export, ``--zone`` on the CLI."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from timeline import Article, Claim, EventSpec, Timeline
from timeline.cli import run


def mixed(zone: str | None = None) -> Timeline:
    """A floating article and one with a New York offset, each dating its own event."""
    floating = Article(id="a", title="Vote", published="2025-02-25T11:38",
                       text="The Assembly voted on Monday.")
    zoned = Article(id="b", title="Visit", published="2025-02-24T15:30-05:00",
                    text="Macron met Trump at the White House on Monday.",
                    url="https://example.com/b")
    vote = EventSpec.build("vote", "The Assembly votes", [
        Claim.build(floating, "The Assembly voted on Monday.", when="on Monday", event="vote")])
    visit = EventSpec.build("visit", "Macron meets Trump", [
        Claim.build(zoned, "met Trump at the White House on Monday", when="on Monday",
                    event="visit")])
    return Timeline.from_articles([floating, zoned], [vote, visit], title="Mixed", zone=zone)


def test_an_aware_event_is_shown_on_the_reader_s_day() -> None:
    tl = mixed()
    utc = tl.chronology()
    assert "Between 24 Feb 2025, 05:00 UTC and 25 Feb 2025, 05:00 UTC" in utc
    new_york = tl.chronology(zone="America/New_York")
    assert "Mon 24 Feb 2025\n  - The Assembly votes [a]\n  - Macron meets Trump [b]" in new_york
    tokyo = tl.chronology(zone="Asia/Tokyo")
    assert "Between 24 Feb 2025, 14:00 JST and 25 Feb 2025, 14:00 JST" in tokyo


def test_floating_times_stay_floating_and_say_so_once_a_zone_is_asked_for() -> None:
    tl = mixed()
    assert "25 Feb 2025, 11:38\n" in tl.chronology()
    shown = tl.chronology(zone="Europe/London")
    assert "25 Feb 2025, 11:38, zone not stated" in shown
    # An aware publication is shown in the reader's zone once one is asked for.
    assert "24 Feb 2025, 20:30 GMT" in shown
    # The floating event keeps its own Monday whatever the reader's zone.
    assert "Mon 24 Feb 2025\n  - The Assembly votes [a]" in tl.chronology(zone="Pacific/Kiritimati")


def test_a_corpus_zone_is_the_default_display_zone() -> None:
    tl = mixed(zone="America/New_York")
    text = tl.chronology()
    day = text[text.index("Mon 24 Feb 2025\n"):text.index("Sources")]
    assert day.count("\n  - ") == 2 and "[a]" in day and "[b]" in day
    assert "25 Feb 2025, 11:38 EST" in text  # its floating publication, read in its zone
    assert "zone not stated" not in text


def test_ics_all_day_events_fall_on_the_reader_s_days() -> None:
    tl = mixed()
    assert b"DTSTART;VALUE=DATE:20250224\r\nDTEND;VALUE=DATE:20250226" in tl.to_ics()
    ics = tl.to_ics(zone="America/New_York")
    assert ics.count(b"DTSTART;VALUE=DATE:20250224\r\nDTEND;VALUE=DATE:20250225") == 2


def test_timelinejs_and_json_in_the_reader_s_zone() -> None:
    tl = mixed()
    slides = {s["unique_id"]: s for s in tl.to_timelinejs(zone="Asia/Tokyo")["events"]}
    assert slides["visit"]["start_date"] == {"year": 2025, "month": 2, "day": 24, "hour": 14}
    utc = {s["unique_id"]: s for s in tl.to_timelinejs()["events"]}
    assert utc["visit"]["start_date"] == {"year": 2025, "month": 2, "day": 24, "hour": 5}
    data = tl.to_dict(zone="Asia/Tokyo")
    visit = next(e for e in data["events"] if e["id"] == "visit")
    assert visit["time"]["earliest_start"] == "2025-02-24T14:00:00+09:00"
    vote = next(e for e in data["events"] if e["id"] == "vote")
    assert vote["time"]["earliest_start"] == "2025-02-24T00:00:00"  # floating stays so
    assert Timeline.from_dict(data) == tl


@pytest.mark.parametrize("command", [["chronology"], ["ics", "-o", "-"], ["plot", "-o", "-"],
                                     ["export", "--format", "timelinejs", "-o", "-"]])
def test_the_cli_takes_zone_and_refuses_an_unknown_one(command: list[str], tmp_path: Path
                                                       ) -> None:
    mixed().save(tmp_path / "c")
    out, err = io.StringIO(), io.StringIO()
    assert run([*command, str(tmp_path / "c"), "--zone", "America/New_York"], out=out,
               err=err) == 0
    out, err = io.StringIO(), io.StringIO()
    assert run([*command, str(tmp_path / "c"), "--zone", "Mars/Olympus"], out=out,
               err=err) == 1
    assert err.getvalue() == ("timeline: --zone: unknown zone 'Mars/Olympus'; expected an IANA "
                              "name such as 'America/New_York' or 'UTC'\n")
    assert out.getvalue() == ""


def test_order_claims_among_floating_events_beside_an_aware_one() -> None:
    """#12 regression: the exports' derivation of bounds through order claims works each
    linked group in the frame the model computed it in (it compared a civil bound with an
    absolute one and raised TypeError when one article had a zone)."""
    tl = mixed()
    later = Article(id="c", title="Later", published="2025-02-25T11:38",
                    text="The U.S. refused any amendments later Monday.")
    refused = EventSpec.build("refused", "The U.S. refuses amendments", [
        Claim.build(later, "The U.S. refused any amendments later Monday.",
                    when="later Monday", after="vote", event="refused")])
    both = Timeline.from_articles([*tl.articles.values(), later], [*tl.specs, refused])
    text = both.chronology()
    assert "Mon 24 Feb 2025\n  - The Assembly votes [a]\n  - The U.S. refuses amendments [c]" \
        in text
    assert "Between 24 Feb 2025, 05:00 UTC and 25 Feb 2025, 05:00 UTC" in text
    for zone in (None, "America/New_York"):
        zoned = Timeline.from_articles([*tl.articles.values(), later], [*tl.specs, refused],
                                       zone=zone)
        assert zoned.to_ics() and zoned.to_svg() and zoned.to_timelinejs()
        assert zoned._repr_html_() and len(zoned.to_dataframe()) == 3


def test_a_view_that_knows_only_floating_claims_of_an_absolute_group() -> None:
    """#13 (found by the harness): as of a time when only a linked group's floating claims
    were out, the model still computes the group in its absolute frame; the exports'
    derivation compared those times with civil ones and raised TypeError."""
    floating = Article(id="a", title="Vote", published="2025-02-24",
                       text="The Assembly voted on Monday.")
    zoned = Article(id="b", title="Later", published="2025-02-26T09:00+00:00",
                    text="The U.S. refused amendments on Tuesday.")
    vote = EventSpec.build("vote", "Vote", [
        Claim.build(floating, "The Assembly voted on Monday.", when="on Monday",
                    event="vote")])
    refused = EventSpec.build("refused", "Refused", [
        Claim.build(zoned, "The U.S. refused amendments on Tuesday.", when="on Tuesday",
                    after="vote", event="refused")])
    tl = Timeline.from_articles([floating, zoned], [vote, refused])
    view = tl.as_of("2025-02-25")
    assert "vote" in view and "refused" not in view
    assert '  - Vote ("on Monday") [a]' in view.chronology()
    assert view.to_ics() and view.to_svg() and view.to_timelinejs()
