"""Calendar dates and clock times (``rules/calendar.toml``, ``rules/time.toml``) through the
public API: composition with the date modifiers, the date order, zones, and spans in text."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.errors import ResolveError
from timeline.tagger.resolvers.time import zone_at
from timeline.time.granularity import Granularity
from timeline.time.value import TimeValue

MONDAY = date(2025, 2, 24)
TUESDAY = date(2025, 2, 25)  # the seed articles' publication day

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _resolved(text: str, anchor: date | datetime, tense: str | None = None,
              date_order: str = "mdy") -> tuple[str, str | None, str]:
    value = timeline.resolve(text, anchor, tense=tense, date_order=date_order)
    return value.value, value.mod.value if value.mod else None, str(value.interval)


#: (text, anchor, tense) -> (value, mod, interval)
Case = tuple[str, date, str | None, tuple[str, str | None, str]]

CALENDAR: list[Case] = [
    ("February 25, 2025", MONDAY, None, ("2025-02-25", None, "[2025-02-25, 2025-02-26)")),
    ("Feb. 25", MONDAY, None, ("2025-02-25", None, "[2025-02-25, 2025-02-26)")),
    ("Feb. 25", MONDAY, "past", ("2024-02-25", None, "[2024-02-25, 2024-02-26)")),
    ("25 February 2025", MONDAY, None, ("2025-02-25", None, "[2025-02-25, 2025-02-26)")),
    ("the 25th of February", MONDAY, None, ("2025-02-25", None, "[2025-02-25, 2025-02-26)")),
    ("2025-02-24", TUESDAY, None, ("2025-02-24", None, "[2025-02-24, 2025-02-25)")),
    ("1998", MONDAY, None, ("1998", None, "[1998-01-01, 1999-01-01)")),
    ("February 2022", TUESDAY, None, ("2022-02", None, "[2022-02-01, 2022-03-01)")),
    ("February", MONDAY, "past", ("2025-02", None, "[2025-02-01, 2025-03-01)")),
    ("November", MONDAY, "past", ("2024-11", None, "[2024-11-01, 2024-12-01)")),
    ("November", MONDAY, "future", ("2025-11", None, "[2025-11-01, 2025-12-01)")),
    ("the 1990s", MONDAY, None, ("199", None, "[1990-01-01, 2000-01-01)")),
    ("the '90s", MONDAY, None, ("199", None, "[1990-01-01, 2000-01-01)")),
    ("the 19th century", MONDAY, None, ("18", None, "[1800-01-01, 1900-01-01)")),
    ("the twentieth century", MONDAY, None, ("19", None, "[1900-01-01, 2000-01-01)")),
    ("the first quarter", MONDAY, None, ("2025-Q1", None, "[2025-01-01, 2025-04-01)")),
    ("the first quarter of 2024", MONDAY, None, ("2024-Q1", None, "[2024-01-01, 2024-04-01)")),
    ("Q3 2024", MONDAY, None, ("2024-Q3", None, "[2024-07-01, 2024-10-01)")),
    ("the second half of 2024", MONDAY, None, ("2024-H2", None, "[2024-07-01, 2025-01-01)")),
    ("H1 2025", MONDAY, None, ("2025-H1", None, "[2025-01-01, 2025-07-01)")),
    ("the summer of 2024", MONDAY, None, ("2024-SU", None, "[2024-06-01, 2024-09-01)")),
    ("spring", MONDAY, "past", ("2024-SP", None, "[2024-03-01, 2024-06-01)")),
    ("spring", MONDAY, "future", ("2025-SP", None, "[2025-03-01, 2025-06-01)")),
]

# Base mentions composed by date.toml's date.position and date.bound.
COMPOSED: list[Case] = [
    ("mid-March", MONDAY, None, ("2025-03", "MID", "[2025-03-11, 2025-03-22)")),
    ("early 2022", TUESDAY, None, ("2022", "START", "[2022-01-01, 2022-05-01)")),
    ("late February", MONDAY, None, ("2025-02", "END", "[2025-02-19, 2025-03-01)")),
    ("by 2030", TUESDAY, None, ("2030", "ON_OR_BEFORE", "[-inf, 2031-01-01)")),
    ("since 1998", MONDAY, None, ("1998", "ON_OR_AFTER", "[1998-01-01, +inf)")),
    ("before Feb. 25", MONDAY, None, ("2025-02-25", "BEFORE", "[-inf, 2025-02-25)")),
    ("the late 19th century", MONDAY, None, ("18", "END", "[1866-01-01, 1900-01-01)")),
    ("the mid-1990s", MONDAY, None, ("199", "MID", "[1993-01-01, 1997-01-01)")),
    ("early 1990s", MONDAY, None, ("199", "START", "[1990-01-01, 1994-01-01)")),
    ("by the end of March", MONDAY, None, ("2025-03", "END", "[-inf, 2025-04-01)")),
    ("by Monday at 2 p.m.", TUESDAY, "future",
     ("2025-03-03T14:00", "ON_OR_BEFORE", "[-inf, 2025-03-03T14:01:00)")),
]

# (text, anchor, date_order) -> value
DATE_ORDER = [
    ("2/3/2025", MONDAY, "mdy", "2025-02-03"),
    ("2/3/2025", MONDAY, "dmy", "2025-03-02"),
    ("25/2/2025", MONDAY, "mdy", "2025-02-25"),
    ("2/25/2025", MONDAY, "dmy", "2025-02-25"),
    ("2/25/25", MONDAY, "mdy", "2025-02-25"),
    ("24.02.2022", MONDAY, "dmy", "2022-02-24"),
]

# (text, anchor, tense) -> (value, utc offset or None for floating)
TIMES = [
    ("11:38", TUESDAY, None, ("2025-02-25T11:38", None)),
    ("11:38 a.m.", TUESDAY, None, ("2025-02-25T11:38", None)),
    ("11:38 a.m. EST", TUESDAY, None, ("2025-02-25T11:38", timedelta(hours=-5))),
    ("11.38am", TUESDAY, None, ("2025-02-25T11:38", None)),
    ("2 p.m.", TUESDAY, None, ("2025-02-25T14:00", None)),
    ("2pm", TUESDAY, None, ("2025-02-25T14:00", None)),
    ("noon", TUESDAY, None, ("2025-02-25T12:00", None)),
    ("midnight", TUESDAY, None, ("2025-02-25T00:00", None)),
    ("2 p.m. Monday", TUESDAY, "past", ("2025-02-24T14:00", None)),
    ("Monday at 2 p.m.", TUESDAY, "past", ("2025-02-24T14:00", None)),
    ("February 25, 2025 at 11:38", TUESDAY, None, ("2025-02-25T11:38", None)),
    ("3 o'clock", TUESDAY, None, ("2025-02-25T15", None)),
    ("11:38 GMT", TUESDAY, None, ("2025-02-25T11:38", timedelta(0))),
    ("14:30 UTC", TUESDAY, None, ("2025-02-25T14:30", timedelta(0))),
    ("2 p.m. ET", TUESDAY, None, ("2025-02-25T14:00", timedelta(hours=-5))),
    ("2 p.m. ET", date(2025, 7, 1), None, ("2025-07-01T14:00", timedelta(hours=-4))),
    ("11:00 Moscow time", TUESDAY, None, ("2025-02-25T11:00", timedelta(hours=3))),
    ("11:00 Kyiv time", TUESDAY, None, ("2025-02-25T11:00", timedelta(hours=2))),
    ("11:00 Kyiv time", date(2025, 8, 1), None, ("2025-08-01T11:00", timedelta(hours=3))),
    ("9 p.m. PDT on Friday", TUESDAY, "past", ("2025-02-21T21:00", timedelta(hours=-7))),
    ("the morning of February 24", TUESDAY, None, ("2025-02-24TMO", None)),
    ("Monday evening", TUESDAY, "past", ("2025-02-24TEV", None)),
    ("Monday afternoon", TUESDAY, "past", ("2025-02-24TAF", None)),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "want"), CALENDAR + COMPOSED,
                         ids=[case[0] for case in CALENDAR + COMPOSED])
def test_calendar(text: str, anchor: date, tense: str | None,
                  want: tuple[str, str | None, str]) -> None:
    assert _resolved(text, anchor, tense) == want


@pytest.mark.parametrize(("text", "anchor", "order", "want"), DATE_ORDER,
                         ids=[f"{c[0]}-{c[2]}" for c in DATE_ORDER])
def test_date_order(text: str, anchor: date, order: str, want: str) -> None:
    assert timeline.resolve(text, anchor, date_order=order).value == want


def test_impossible_in_both_orders() -> None:
    with pytest.raises(ResolveError):
        timeline.resolve("25/25/2025", MONDAY)


@pytest.mark.parametrize(("text", "anchor", "tense", "want"), TIMES,
                         ids=[case[0] for case in TIMES])
def test_times(text: str, anchor: date, tense: str | None,
               want: tuple[str, timedelta | None]) -> None:
    value = timeline.resolve(text, anchor, tense=tense)
    assert value.type is timeline.TimexType.TIME
    assert value.interval is not None and value.interval.start is not None
    assert (value.value, value.interval.start.utcoffset()) == want
    assert value.interval.floating == (want[1] is None)


def test_granularity_is_what_the_words_give() -> None:
    assert timeline.resolve("11:38", TUESDAY).granularity is Granularity.MINUTE
    # "2 p.m." names the moment 14:00, as "noon" names 12:00; "3 o'clock" leaves the
    # half of the day to a guess and stays an hour.
    assert timeline.resolve("2 p.m.", TUESDAY).granularity is Granularity.MINUTE
    assert timeline.resolve("noon", TUESDAY).granularity is Granularity.MINUTE
    assert timeline.resolve("3 o'clock", TUESDAY).granularity is Granularity.HOUR


def test_a_zone_makes_an_instant() -> None:
    value = timeline.resolve("11:38 a.m. EST", TUESDAY)
    assert value.interval is not None
    assert str(value.interval) == "[2025-02-25T11:38:00-05:00, 2025-02-25T11:39:00-05:00)"
    assert value.interval.contains(datetime(2025, 2, 25, 16, 38, 30, tzinfo=UTC))


def _clock(value: timeline.TimeValue) -> tuple[str, timedelta | None]:
    """A clock value and the offset its interval keeps (the value itself has no zone)."""
    assert value.interval is not None and value.interval.start is not None
    return value.value, value.interval.start.utcoffset()


def test_an_aware_anchor_lends_its_zone() -> None:
    anchor = datetime(2025, 2, 25, 18, 0, tzinfo=timezone(timedelta(hours=1)))
    assert _clock(timeline.resolve("11:38", anchor)) == ("2025-02-25T11:38", timedelta(hours=1))
    assert _clock(timeline.resolve("Monday at 2 p.m.", anchor, tense="past")) == \
        ("2025-02-24T14:00", timedelta(hours=1))
    assert _clock(timeline.resolve("11:38 EST", anchor)) == \
        ("2025-02-25T11:38", timedelta(hours=-5))
    assert _clock(timeline.resolve("2 p.m. local time", anchor)) == ("2025-02-25T14:00", None)


def test_et_takes_summer_time_on_the_day_named() -> None:
    assert _clock(timeline.resolve("July 4 at 2 p.m. ET", TUESDAY, tense="future")) == \
        ("2025-07-04T14:00", timedelta(hours=-4))
    assert _clock(timeline.resolve("2 p.m. ET on March 10", TUESDAY, tense="future")) == \
        ("2025-03-10T14:00", timedelta(hours=-4))
    assert _clock(timeline.resolve("2 p.m. ET on March 8", TUESDAY, tense="future")) == \
        ("2025-03-08T14:00", timedelta(hours=-5))


def test_seed_article_phrases() -> None:
    text = ("February 25, 2025 at 11:38 - The council met on Monday afternoon and again "
            "Monday evening, on the anniversary of the invasion in February 2022. Talks "
            "failed in early 2022; in 2022 the war widened. The target is net zero by 2030. "
            "Data as of date 2025-02-24.")
    found = {m.text: (m.value.value, m.value.mod.value if m.value.mod else None)
             for m in timeline.scan(text, TUESDAY, tense="past")}
    assert found["February 25, 2025 at 11:38"] == ("2025-02-25T11:38", None)
    assert found["Monday evening"] == ("2025-02-24TEV", None)
    assert any(v == ("2025-02-24TAF", None) for k, v in found.items() if "afternoon" in k)
    assert any(v == ("2022-02", None) for k, v in found.items() if k.endswith("February 2022"))
    assert any(v == ("2022", "START") for k, v in found.items() if k.endswith("early 2022"))
    assert any(v == ("2022", None) for k, v in found.items() if k.endswith("2022")
               and "early" not in k and "February" not in k)
    assert found["by 2030"] == ("2030", "ON_OR_BEFORE")
    assert any(v == ("2025-02-24", None) for k, v in found.items() if k.endswith("2025-02-24"))


def test_scan_finds_spans() -> None:
    text = "Markets fell 2,000 points in 1998 and again at 2 p.m. EST on Feb. 25, 2025."
    mentions = timeline.scan(text, MONDAY)
    extents = [text[slice(*m.extent)] for m in mentions]
    assert "1998" in extents
    assert "2 p.m. EST on Feb. 25, 2025" in extents
    for m in mentions:
        assert text[m.start:m.end] == m.text
    year = next(m for m in mentions if text[slice(*m.extent)] == "1998")
    assert year.value.value == "1998"
    clock = next(m for m in mentions if "EST" in m.text)
    assert clock.value.value == "2025-02-25T14:00"


@pytest.mark.parametrize("text", [
    "2,000 troops", "some 2000 troops", "Room 2025", "$2025", "100M", "COVID-19",
    "a 3-2 vote", "they may meet", "a march on the capital", "Theresa May said",
    "an august body", "prices fall", "the Arab Spring", "Julian",
])
def test_not_dates(text: str) -> None:
    assert timeline.scan(text, MONDAY) == []


@pytest.mark.parametrize(("text", "want"), [
    ("Rent is due on the fifteenth.", ["2025-03-15"]),
    ("Payments stop by the twenty-fifth.", ["2025-02-25"]),
    ("It was among the first in the country to do so.", []),
    ("She was the first to leave.", []),
    ("They won for the second in a row.", []),
])
def test_an_ordinal_in_words_is_a_day_only_where_a_date_is_asked_for(
        text: str, want: list[str]) -> None:
    found = [m.timex.value for m in timeline.scan(text, MONDAY, tense="future")]
    assert found == want


@pytest.mark.parametrize(("text", "want"), [
    # A past verb rules out a quarter still to come; a future one looks back or ahead.
    ("The company earned $5 million in the first quarter.", "1989-Q1"),
    ("It expects to report third-quarter results.", "1989-Q3"),
    ("It expects a loss in the fourth quarter.", "1989-Q4"),
    ("It will report first-quarter results in April.", "1990-Q1"),
])
def test_a_quarter_without_a_year_by_the_verb(text: str, want: str) -> None:
    found = [m.timex for m in timeline.scan(text, date(1989, 10, 20))]
    assert found[0].value == want


@pytest.mark.parametrize(("text", "want"), [
    ("Models from 1994 or later qualify.", ("1994 or later", "ON_OR_AFTER")),
    ("Cars built in 2010 or earlier, he said.", ("2010 or earlier", "ON_OR_BEFORE")),
    ("She flew in October 1984 and later served as director.", ("October 1984", None)),
    ("It must pass in 2030 or before the vote.", ("2030", None)),
])
def test_or_later_opens_a_date_only_where_it_ends_the_phrase(
        text: str, want: tuple[str, str | None]) -> None:
    [mention] = timeline.scan(text, MONDAY)
    mod = mention.value.mod
    assert (text[mention.start:mention.end].removeprefix("in "),
            mod.value if mod else None) == want


@pytest.mark.parametrize(("text", "want"), [
    ("It announced a loss for the third quarter of $226.3 million.",
     [("the third quarter", "1989-Q3")]),
    ("It posted net income for the fiscal second-quarter of $8.6 million.",
     [("the fiscal second-quarter", "1989-Q2")]),
    ("Sales in the latest fiscal year rose.", [("the latest fiscal year", "1988")]),
    ("It broke even after several quarters of losses.", [("several quarters", "PXQ")]),
    ("Demand will stay high well into the summer.", [("the summer", "1990-SU")]),
    ("Three quarters of voters agreed.", []),
    ("He scored in the third quarter of the game.", []),
])
def test_quarters_and_seasons_in_reports(text: str, want: list[tuple[str, str]]) -> None:
    found = [(text[slice(*m.extent)], m.timex.value)
             for m in timeline.scan(text, date(1989, 11, 1))]
    assert found == want


@pytest.mark.parametrize(("text", "label", "interval"), [
    # A fiscal quarter keeps its label; its interval is the three months to the day named.
    ("Sun reported a loss for its fourth quarter ended June 30.", "1989-Q4",
     ["1989-04-01", "1989-07-01"]),
    ("Earnings soared in the fiscal first quarter ended Sept. 30.", "1989-Q1",
     ["1989-07-01", "1989-10-01"]),
    ("Sales for the quarter ended Sept. 29 rose.", "1989-Q3", ["1989-06-30", "1989-09-30"]),
    ("In the third quarter, sales rose.", "1989-Q3", ["1989-07-01", "1989-10-01"]),
    # With no label, the calendar quarter holding most of its months names it.
    ("In the quarter ended July 31, Jayark had a loss.", "1989-Q2",
     ["1989-05-01", "1989-08-01"]),
    # Ending with a month: "ending in June", "to June".
    ("The quarter ending in June was strong.", "1989-Q2", ["1989-04-01", "1989-07-01"]),
])
def test_a_quarter_said_to_end_on_a_day_covers_the_months_to_it(
        text: str, label: str, interval: list[str]) -> None:
    quarter = timeline.scan(text, date(1989, 11, 1))[0]
    assert quarter.timex.value == label
    assert quarter.value.to_dict()["interval"] == interval
    # The TIMEX3 the extent carries says the same (a signal's inner mention, "the quarter").
    assert quarter.timex.to_dict()["interval"] == interval


def test_in_1998_is_the_year() -> None:
    mentions = timeline.scan("It began in 1998.", MONDAY)
    assert len(mentions) == 1
    text = "It began in 1998."
    assert text[slice(*mentions[0].extent)] == "1998"
    assert mentions[0].value.value == "1998"


def test_may_after_a_preposition() -> None:
    found = [m.value.value for m in timeline.scan("Elections are due in May.", MONDAY,
                                                  tense="future")]
    assert found == ["2025-05"]


def test_the_early_1990s() -> None:
    assert _resolved("the early 1990s", MONDAY) == ("199", "START",
                                                    "[1990-01-01, 1994-01-01)")


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2080, 12, 31)),
       st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28),
       st.sampled_from(["past", "future", None]))
def test_yearless_day_points_the_tense_way(anchor: date, month: int, day: int,
                                           tense: str | None) -> None:
    value = timeline.resolve(f"{MONTHS[month - 1]} {day}", anchor, tense=tense)
    assert value.interval is not None and value.interval.start is not None
    named = value.interval.start.date()
    assert (named.month, named.day) == (month, day)
    assert abs((named - anchor).days) <= 366
    if tense == "past":
        assert named <= anchor
    elif tense == "future":
        assert named >= anchor
    elif named < anchor:  # no tense: the past, unless the future is under 2/3 as far
        assert (anchor - named).days <= 366 * 3 // 5
    else:
        assert (named - anchor).days <= 366 * 2 // 5


@given(st.dates(min_value=date(2007, 1, 1), max_value=date(2060, 12, 31)),
       st.integers(min_value=0, max_value=23))
def test_us_and_eu_summer_time_match_the_tz_database(day: date, hour: int) -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        new_york = zoneinfo.ZoneInfo("America/New_York")
        kyiv = zoneinfo.ZoneInfo("Europe/Kyiv")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone database here")
    local = datetime(day.year, day.month, day.day, hour)
    for spec, zone in (({"offset": "-05:00", "dst": "us"}, new_york),
                       ({"offset": "+02:00", "dst": "eu"}, kyiv)):
        ours = zone_at(spec, local)
        assert ours is not None
        theirs = local.replace(tzinfo=zone)
        if theirs.replace(fold=1).utcoffset() != theirs.utcoffset():
            continue  # the hour that is repeated or skipped when the clocks change
        assert ours.utcoffset(local) == theirs.utcoffset()


def test_the_year_to_a_month_is_twelve_months() -> None:
    found = [(m.timex.type.value, m.timex.value)
             for m in timeline.tag("Inflation was 2.1 percent in the year to February.",
                                   date(2013, 3, 15))]
    assert found == [("DURATION", "P1Y"), ("DATE", "2013-02")]


# --- anchors in a zone's DST gap or fold (#13, found by the harness) -----------------
_CHANGES = [  # (zone, wall time in the gap or fold, fold)
    ("Australia/Lord_Howe", datetime(2025, 10, 5, 2, 10), 0),   # gap, half an hour
    ("Australia/Lord_Howe", datetime(2025, 4, 6, 1, 40), 0),    # fold, first pass
    ("Australia/Lord_Howe", datetime(2025, 4, 6, 1, 40), 1),    # fold, second pass
    ("Europe/London", datetime(2025, 3, 30, 1, 30), 0),         # gap
    ("Europe/London", datetime(2025, 10, 26, 1, 30), 1),        # fold
    ("America/Havana", datetime(2025, 3, 9, 0, 30), 0),         # gap at midnight
]
_NEAR_A_CHANGE = ["currently", "now", "today", "tomorrow", "this morning", "tonight",
                  "at 1:45 a.m.", "an hour ago", "earlier this week", "next month"]


@pytest.mark.parametrize(("zone", "wall", "fold"), _CHANGES)
def test_anchor_in_a_gap_or_fold_gives_values_equal_to_their_copies(
        zone: str, wall: datetime, fold: int) -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    anchor = wall.replace(tzinfo=zoneinfo.ZoneInfo(zone), fold=fold)
    for text in _NEAR_A_CHANGE:
        value = timeline.resolve(text, anchor)
        assert TimeValue.from_dict(value.to_dict()) == value, text
        interval = value.interval
        assert interval is not None and interval.start is not None
        assert interval.end is not None
        assert interval.start.astimezone(UTC) < interval.end.astimezone(UTC), text


def test_a_wall_time_in_a_gap_is_read_as_the_clock_shows_it() -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    lord_howe = zoneinfo.ZoneInfo("Australia/Lord_Howe")
    now = timeline.resolve("currently", datetime(2025, 10, 5, 2, 10, tzinfo=lord_howe))
    assert now.interval is not None and now.interval.start is not None
    # 02:10 at the old offset (+10:30) is 15:40 UTC the day before: Lord Howe's clocks
    # show it as 02:40.
    assert now.interval.start == datetime(2025, 10, 4, 15, 40, tzinfo=UTC)
    assert now.interval.start.utcoffset() == timedelta(hours=11)


def test_the_minute_in_a_fold_is_one_minute_long() -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    london = zoneinfo.ZoneInfo("Europe/London")
    second_pass = datetime(2025, 10, 26, 1, 30, fold=1, tzinfo=london)  # 01:30 GMT
    now = timeline.resolve("currently", second_pass)
    assert now.interval is not None
    assert now.interval.start == datetime(2025, 10, 26, 1, 30, tzinfo=UTC)
    assert now.interval.end == datetime(2025, 10, 26, 1, 31, tzinfo=UTC)


@pytest.mark.parametrize(("text", "want"), [
    ("He arrived at 7 in the evening.", ("7 in the evening", "2025-02-24T19")),
    ("They met at 7 in the evening on Monday.", ("7 in the evening on Monday", "2025-02-24T19")),
    ("The blast came at three in the morning.", ("three in the morning", "2025-02-24T03")),
    # Not an hour: a part of the day naming a session, a figure, a pronoun.
    ("He won 3 in the afternoon session.", ("the afternoon", "2025-02-24TAF")),
    ("Shares rose 2.5 in the morning.", ("the morning", "2025-02-24TMO")),
    ("One in the morning crowd said so.", ("the morning", "2025-02-24TMO")),
])
def test_an_hour_told_by_its_part_of_the_day(text: str, want: tuple[str, str]) -> None:
    # #15: "<N> in the evening" is one clock time, its value from the hour and the part.
    [mention] = timeline.scan(text, MONDAY, tense="past")
    assert (text[slice(*mention.extent)], mention.value.value) == want
