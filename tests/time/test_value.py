"""``TimeValue``: every TIMEX3 form and mod, with its type, granularity and interval."""

from __future__ import annotations

import contextlib
import json
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import datetimes, durations, edge_values, granule_values, timex_values

import timeline
from timeline.errors import ResolveError, TimexError
from timeline.time import timex
from timeline.time.duration import Duration, Unit
from timeline.time.granularity import Granularity, PartOfDay
from timeline.time.interval import Interval
from timeline.time.value import Mod, TimeValue, TimexType, apply_mod

G = Granularity
D, T, DUR, SET = TimexType.DATE, TimexType.TIME, TimexType.DURATION, TimexType.SET


def iv(start: str | None, end: str | None) -> Interval:
    """An interval from ISO strings (dates are floating midnights)."""
    return Interval.from_iso(start, end)


@pytest.mark.parametrize(("value", "kind", "granularity", "interval"), [
    ("2025-02-24", D, G.DAY, iv("2025-02-24", "2025-02-25")),
    ("2025-W08", D, G.WEEK, iv("2025-02-17", "2025-02-24")),
    ("2025-W09-WE", D, G.WEEKEND, iv("2025-03-01", "2025-03-03")),
    ("2025-02-24TEV", T, G.PART_OF_DAY, iv("2025-02-24T17:00", "2025-02-25")),
    ("2025-02-25T11:38", T, G.MINUTE, iv("2025-02-25T11:38", "2025-02-25T11:39")),
    ("2025-02-25T11:38Z", T, G.MINUTE,
     iv("2025-02-25T11:38+00:00", "2025-02-25T11:39+00:00")),
    ("2025-Q1", D, G.QUARTER, iv("2025-01-01", "2025-04-01")),
    ("2024-H2", D, G.HALF, iv("2024-07-01", "2025-01-01")),
    ("2025-SU", D, G.SEASON, iv("2025-06-01", "2025-09-01")),
    ("2025", D, G.YEAR, iv("2025-01-01", "2026-01-01")),
    ("2025-02", D, G.MONTH, iv("2025-02-01", "2025-03-01")),
    ("199", D, G.DECADE, iv("1990-01-01", "2000-01-01")),
    ("18", D, G.CENTURY, iv("1800-01-01", "1900-01-01")),
    ("XXXX-WXX-1", SET, G.DAY, None),  # every Monday: a set, no interval
    ("XXXX-02-24", SET, G.DAY, None),
])
def test_date_and_time_forms(value: str, kind: TimexType, granularity: Granularity,
                             interval: Interval | None) -> None:
    v = TimeValue.from_timex(value)
    assert (v.type, v.value, v.mod, v.granularity, v.interval) == (
        kind, value, None, granularity, interval)
    assert v.duration is None


@pytest.mark.parametrize(("value", "duration"), [
    ("P3Y", Duration.of(Unit.YEAR, 3)),
    ("PT2H", Duration.of(Unit.HOUR, 2)),
    ("PXD", Duration.of(Unit.DAY, None)),
    ("P1DE", Duration.of(Unit.DECADE, 1)),
])
def test_durations(value: str, duration: Duration) -> None:
    v = TimeValue.from_timex(value)
    assert (v.type, v.value, v.granularity, v.interval, v.duration) == (
        DUR, value, None, None, duration)
    assert v.edtf is None  # unanchored: EDTF has no lengths


def test_sets() -> None:
    weekly = TimeValue.from_timex("P1W", type="SET", freq="1X", quant="EVERY")
    assert (weekly.type, weekly.duration, weekly.freq, weekly.quant) == (
        SET, Duration.of(Unit.WEEK, 1), "1X", "EVERY")
    assert weekly.interval is None and weekly.edtf is None
    assert TimeValue.from_timex("2025-02-24", type="SET").interval is None


@pytest.mark.parametrize("value", ["PRESENT_REF", "PAST_REF", "FUTURE_REF"])
def test_references_without_anchor(value: str) -> None:
    v = TimeValue.from_timex(value)
    assert (v.type, v.value, v.interval, v.granularity) == (D, value, None, None)
    assert v.edtf is None


@pytest.mark.parametrize(("value", "interval", "edtf"), [
    ("PRESENT_REF", iv("2025-02-24", "2025-02-25"), "2025-02-24"),
    ("PAST_REF", iv(None, "2025-02-25"), "../2025-02-24"),
    ("FUTURE_REF", iv("2025-02-24", None), "2025-02-24/.."),
])
def test_references_with_anchor(value: str, interval: Interval, edtf: str) -> None:
    v = TimeValue.reference(value, iv("2025-02-24", "2025-02-25"))
    assert (v.type, v.value, v.interval) == (D, value, interval)
    assert v.edtf == edtf


def test_bad_reference() -> None:
    with pytest.raises(TimexError, match="NOW_REF"):
        TimeValue.reference("NOW_REF")


FEBRUARY = "2025-02"


@pytest.mark.parametrize(("mod", "interval"), [
    (None, iv("2025-02-01", "2025-03-01")),
    ("START", iv("2025-02-01", "2025-02-11")),  # 28 days: thirds rounded outward
    ("MID", iv("2025-02-10", "2025-02-20")),
    ("END", iv("2025-02-19", "2025-03-01")),
    ("APPROX", iv("2025-01-01", "2025-04-01")),  # a month each side
    ("BEFORE", iv(None, "2025-02-01")),
    ("AFTER", iv("2025-03-01", None)),
    ("ON_OR_BEFORE", iv(None, "2025-03-01")),
    ("ON_OR_AFTER", iv("2025-02-01", None)),
    # The duration mods leave a date's interval as it is.
    ("LESS_THAN", iv("2025-02-01", "2025-03-01")),
    ("MORE_THAN", iv("2025-02-01", "2025-03-01")),
    ("EQUAL_OR_LESS", iv("2025-02-01", "2025-03-01")),
    ("EQUAL_OR_MORE", iv("2025-02-01", "2025-03-01")),
])
def test_each_mod(mod: str | None, interval: Interval) -> None:
    v = TimeValue.from_timex(FEBRUARY, mod)
    assert v.mod is (None if mod is None else Mod(mod))
    assert (v.type, v.granularity, v.interval) == (D, G.MONTH, interval)


@pytest.mark.parametrize(("value", "mod", "interval"), [
    ("2025", "END", iv("2025-09-01", "2026-01-01")),
    ("2025", "START", iv("2025-01-01", "2025-05-01")),
    ("2025-W08", "END", iv("2025-02-21", "2025-02-24")),
    ("2025-02-24", "MID", iv("2025-02-24T08:00", "2025-02-24T16:00")),
    ("2025-W09-WE", "START", iv("2025-03-01", "2025-03-01T16:00")),
    ("199", "START", iv("1990-01-01", "1994-01-01")),
    ("2025-02-25T11", "END", iv("2025-02-25T11:40", "2025-02-25T12:00")),
    ("2025-02-25T11:38", "APPROX", iv("2025-02-25T11:23", "2025-02-25T11:54")),
    ("2025-02-25T11:38:05", "APPROX", iv("2025-02-25T11:37:05", "2025-02-25T11:39:06")),
    ("2025-02-24TEV", "APPROX", iv("2025-02-24T15:00", "2025-02-25T02:00")),
    ("2025-02-24", "APPROX", iv("2025-02-23", "2025-02-26")),
    ("2025-W08", "APPROX", iv("2025-02-10", "2025-03-03")),
    ("2025-SU", "APPROX", iv("2025-03-01", "2025-12-01")),
    ("2025-02-24TEV", "START", iv("2025-02-24T17:00", "2025-02-25")),  # parts have no thirds
    # A second is not split: START keeps it whole (this raised KeyError once).
    ("2025-02-25T11:38:05", "START", iv("2025-02-25T11:38:05", "2025-02-25T11:38:06")),
])
def test_mods_by_granularity(value: str, mod: str, interval: Interval) -> None:
    assert TimeValue.from_timex(value, mod).interval == interval


@pytest.mark.parametrize(("value", "mod", "type_"), [
    ("2025-02-24", "SOON", None),
    ("2025-02-24", None, "INSTANT"),
    ("2025-02-30", None, None),
    ("P3", None, None),
    ("tomorrow", None, None),
    # Widened past the calendar's edge: once a bare ValueError.
    ("0001", "APPROX", None),
    ("9999-12", "APPROX", None),
])
def test_bad_values_raise_timex_error(value: str, mod: str | None, type_: str | None) -> None:
    with pytest.raises(TimexError, match=repr(value)):
        TimeValue.from_timex(value, mod, type_)


def test_non_string_value() -> None:
    with pytest.raises(TimexError, match="string"):
        TimeValue.from_timex(20250224)  # type: ignore[arg-type]


def test_of_granule() -> None:
    v = TimeValue.of_granule(G.WEEK, datetime(2025, 2, 19), mod=Mod.END)
    assert (v.type, v.value, v.mod, v.granularity) == (D, "2025-W08", Mod.END, G.WEEK)
    assert v.interval == iv("2025-02-21", "2025-02-24")
    evening = TimeValue.of_granule(G.PART_OF_DAY, datetime(2025, 2, 24), part=PartOfDay.EV)
    assert (evening.type, evening.value) == (T, "2025-02-24TEV")
    aware = TimeValue.of_granule(G.MINUTE, datetime(2025, 2, 25, 11, 38, 20, tzinfo=UTC))
    # The value has no zone (TimeML corpora write none); the interval keeps it.
    assert aware.value == "2025-02-25T11:38" and not aware.interval.floating  # type: ignore[union-attr]
    assert aware.interval.start.utcoffset() == timedelta(0)  # type: ignore[union-attr]


def test_to_timex_and_str() -> None:
    v = TimeValue.from_timex("2025-W08", "END")
    assert v.to_timex() == {"type": "DATE", "value": "2025-W08", "mod": "END"}
    assert str(v) == "DATE 2025-W08 END [2025-02-21, 2025-02-24)"
    assert str(TimeValue.from_timex("P3Y")) == "DURATION P3Y"


def test_to_dict() -> None:
    assert TimeValue.from_timex("2025-W08").to_dict() == {
        "type": "DATE", "value": "2025-W08", "mod": None,
        "interval": ["2025-02-17", "2025-02-24"], "granularity": "week",
        "edtf": "2025-02-17/2025-02-23",
    }
    clock = TimeValue.from_timex("2025-02-25T11:38").to_dict()
    assert clock["interval"] == ["2025-02-25T11:38:00", "2025-02-25T11:39:00"]
    assert clock["edtf"] == "2025-02-25T11:38:00"
    assert TimeValue.from_timex("P3Y").to_dict()["duration"] == "P3Y"
    assert TimeValue.from_timex("P1W", type="SET").to_dict()["duration"] == "P1W"  # the period


def test_to_json_is_text() -> None:
    # Issue 12: JSON text, as json.dumps and DataFrame.to_json give; to_dict the data.
    v = TimeValue.from_timex("2025-W08")
    text = v.to_json()
    assert isinstance(text, str) and json.loads(text) == v.to_dict()
    assert text == json.dumps(v.to_dict(), ensure_ascii=False)
    assert v.to_json(indent=2) == json.dumps(v.to_dict(), ensure_ascii=False, indent=2)
    assert TimeValue.from_json(text) == v
    assert TimeValue.from_json(text.encode("utf-8")) == v
    assert TimeValue.from_dict(v.to_dict()) == v


def test_the_old_spellings_warn_and_work() -> None:
    v = TimeValue.from_timex("2025-02-24T11:38", "APPROX")
    with pytest.warns(DeprecationWarning, match=r"TimeValue\.to_dict\(\)"):
        assert v.to_json()["value"] == "2025-02-24T11:38"
    with pytest.warns(DeprecationWarning, match=r"TimeValue\.from_dict"):
        assert TimeValue.from_json(v.to_dict()) == v  # type: ignore[arg-type]


@pytest.mark.parametrize(("document", "needle"), [
    ("not json", "not JSON"), ("[1, 2]", "JSON object"), ('{"type": "DATE"}', "'value'"),
    ('{"type": "WHEN", "value": "2025"}', "WHEN"), (3, "int"),
    ('{"type": "DATE", "value": "2025", "interval": ["2025-13-01", null]}', "2025-13-01"),
])
def test_bad_json_is_a_timex_error(document: object, needle: str) -> None:
    with pytest.raises(TimexError, match=re.escape(needle)):
        TimeValue.from_json(document)  # type: ignore[arg-type]


_EXPRESSIONS = ("last week", "every Monday", "twice a week", "three years",
                "the past three years", "Monday morning", "about 3 p.m.", "by 2030",
                "the first quarter", "now", "early March", "the 1990s")


@given(st.one_of(granule_values(), durations().map(TimeValue.from_timex),
                 durations().map(lambda d: TimeValue.from_timex(d, type="SET", freq="2X")),
                 st.builds(timeline.resolve, st.sampled_from(_EXPRESSIONS),
                           st.one_of(st.dates(min_value=date(1900, 1, 1),
                                              max_value=date(2100, 1, 1)),
                                     datetimes()))))
def test_json_round_trip(value: TimeValue) -> None:
    # Issue 12: from_json(to_json()) gives the same value back, zone and interval included.
    assert TimeValue.from_json(value.to_json()) == value
    assert TimeValue.from_dict(json.loads(json.dumps(value.to_dict()))) == value


def test_anchored_duration_renders_its_interval() -> None:
    past_three_years = TimeValue.of_duration(Duration.of(Unit.YEAR, 3),
                                             interval=iv("2022-02-24", "2025-02-24"))
    assert past_three_years.edtf == "2022-02-24/2025-02-23"
    assert TimeValue.of_duration(Duration.of(Unit.YEAR, 3)).edtf is None


@given(timex_values())
def test_from_timex_keeps_the_value(value: str) -> None:
    v = TimeValue.from_timex(value)
    assert v.value == value
    assert v.granularity is not None and v.interval is not None
    assert (v.type is T) == (v.granularity <= G.PART_OF_DAY)


@given(granule_values())
def test_timex_attributes_round_trip(v: TimeValue) -> None:
    back = TimeValue.from_timex(**v.to_timex())
    assert (back.type, back.value, back.mod, back.granularity) == (
        v.type, v.value, v.mod, v.granularity)
    granule = timex.parse(v.value)
    assert granule.interval is not None
    assert back.interval == apply_mod(v.mod, granule.granularity, granule.interval)
    assert v.interval is not None
    if v.interval.floating:
        assert back == v  # the value carries the whole interval
    # else: a value has no zone; the aware interval of_granule built is not in it


@given(granule_values())
def test_modded_intervals_are_never_empty(v: TimeValue) -> None:
    assert v.interval is not None
    if v.interval.bounded:
        assert v.interval.start < v.interval.end  # type: ignore[operator]


@given(st.text(max_size=60), st.one_of(st.none(), st.sampled_from([m.value for m in Mod]),
                                       st.text(max_size=5)))
def test_from_timex_raises_only_timex_error(text: str, mod: str | None) -> None:
    with contextlib.suppress(TimexError):  # anything else fails the test
        TimeValue.from_timex(text, mod)


@given(st.sampled_from([m for m in Mod]), st.sampled_from(list(Granularity)))
def test_apply_mod_never_raises_in_range(mod: Mod, granularity: Granularity) -> None:
    moment = datetime(2025, 2, 24, 11, 38, 5)
    value = timex.render(granularity, moment, PartOfDay.AF)
    granule = timex.parse(value)
    assert granule.interval is not None
    out = apply_mod(mod, granularity, granule.interval)
    if mod in (Mod.START, Mod.MID, Mod.END):
        assert out.start is not None and out.end is not None
        assert granule.interval.start <= out.start < out.end <= granule.interval.end  # type: ignore[operator]



# --- the calendar's edges (#13) ------------------------------------------------------


@given(edge_values())
def test_edge_values_round_trip(v: TimeValue | None) -> None:
    # Issue 13: years 1-3 and 9997-9999, +-14:00, odd-minute and local-mean-time offsets:
    # of_granule builds or refuses with a TimexError (edge_values), and what it builds
    # writes (to_json once raised OverflowError) and reads back.
    assume(v is not None)
    assert v is not None
    assert TimeValue.from_json(v.to_json()) == v
    assert TimeValue.from_dict(json.loads(json.dumps(v.to_dict()))) == v
    back = TimeValue.from_timex(**v.to_timex())
    assert (back.type, back.value, back.mod, back.granularity) == (
        v.type, v.value, v.mod, v.granularity)
    assert v.interval is not None
    start = v.interval.start or v.interval.end
    assert start is not None
    if v.interval.floating:
        assert back == v  # a value has no zone: only a floating interval is all in it


def test_local_mean_time_of_year_one_writes() -> None:
    # Issue 13: to_json() and .edtf raised OverflowError (UTC of year 1 at +10:36:20).
    lord_howe = datetime(1, 6, 1, 12, tzinfo=ZoneInfo("Australia/Lord_Howe"))
    v = TimeValue.of_granule(Granularity.YEAR, lord_howe.replace(month=1, day=1, hour=0))
    assert v.value == "0001"
    # Resolving against such an anchor is refused, naming it: year 1 is outside the
    # supported calendar (the time layer itself still writes and reads it).
    with pytest.raises(ResolveError, match="anchor: 0001-06-01T12:00:00"):
        timeline.resolve("this year", lord_howe)
    assert v.edtf is None  # EDTF writes that offset in UTC, which is year 0
    assert TimeValue.from_json(v.to_json()) == v


def test_of_granule_past_the_calendar_is_a_timex_error() -> None:
    # Issue 13: OverflowError / ValueError escaped; TimexError is a ValueError still.
    with pytest.raises(TimexError, match="year"):
        TimeValue.of_granule(Granularity.YEAR, datetime(9999, 3, 1))
    with pytest.raises(TimexError):
        TimeValue.of_granule(Granularity.MONTH, datetime(1, 1, 5), mod=Mod.APPROX)
