"""Notebook outputs: typed DataFrames, and HTML and Markdown that escape what they show."""

from __future__ import annotations

import html
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta, timezone

import pandas as pd
import pytest
from corpora import build
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.export.json import event_time_value
from timeline.export.notebook import (
    CLAIM_COLUMNS,
    EVENT_COLUMNS,
    MAX_ROWS,
    md,
    timeline_html,
    timeline_markdown,
    to_dataframe,
)
from timeline.export.svg import NAMESPACE, clean
from timeline.model.claim import Claim, Status
from timeline.model.load import seeds_dir
from timeline.query.timeline import Timeline
from timeline.time.edtf import to_edtf
from timeline.time.granularity import Granularity
from timeline.time.interval import without_steps
from timeline.time.value import Mod, TimeValue

BOUNDS = ("earliest_start", "latest_start", "earliest_end", "latest_end")


def table_rows(markdown: str) -> list[str]:
    """The header and body rows of a Markdown table (not its ``| --- |`` line)."""
    return [line for line in markdown.splitlines()
            if line.startswith("| ") and not line.startswith("| ---")]


@pytest.fixture(scope="module")
def seeds() -> Timeline:
    return timeline.load("seeds")


@pytest.fixture(scope="module")
def events(seeds: Timeline) -> pd.DataFrame:
    return seeds.to_dataframe()


def day(y: int, m: int, d: int, tzinfo: timezone | None = None) -> TimeValue:
    return TimeValue.of_granule(Granularity.DAY, datetime(y, m, d, tzinfo=tzinfo))


# -- DataFrames -------------------------------------------------------------------------------

def test_one_row_per_seed_event_with_typed_columns(seeds: Timeline,
                                                   events: pd.DataFrame) -> None:
    with (seeds_dir() / "events.toml").open("rb") as f:  # one row per event of the corpus
        assert len(events) == len(tomllib.load(f)["events"]) == len(seeds) >= 23
    assert list(events.columns) == list(EVENT_COLUMNS)
    assert list(events["id"]) == [e.id for e in seeds.events]
    for column in BOUNDS:
        assert str(events[column].dtype) == "datetime64[us]"
    assert isinstance(events["status"].dtype, pd.CategoricalDtype)
    assert list(events["status"].cat.categories) == [s.value for s in Status]
    assert events["uncertain"].dtype == bool and events["conflicted"].dtype == bool
    assert str(events["n_claims"].dtype) == "int64"
    assert events["n_claims"].sum() == sum(len(e.claims) for e in seeds.events)


def test_general_assembly_vote_bounds(events: pd.DataFrame) -> None:
    vote = events.set_index("id").loc["ga-vote"]
    assert vote["earliest_start"] == pd.Timestamp("2025-02-24")
    assert pd.Timestamp("2025-02-24") < vote["latest_end"] <= pd.Timestamp("2025-02-25")
    assert vote["status"] == "occurred"
    assert not vote["uncertain"]
    assert vote["articles"].split(", ") == ["002", "004", "003", "000", "001"]


def test_starmer_visit_is_scheduled_in_week_nine(events: pd.DataFrame) -> None:
    visit = events.set_index("id").loc["starmer-visit"]
    assert visit["status"] == "scheduled"
    assert pd.Timestamp("2025-02-24") <= visit["earliest_start"]
    assert visit["latest_end"] <= pd.Timestamp("2025-03-03")
    assert visit["uncertain"]


def test_open_ends_are_not_a_time(events: pd.DataFrame) -> None:
    conference = events.set_index("id").loc["macron-press-conference"]  # "from 24 Feb"
    assert pd.isna(conference["latest_end"])
    # After the General Assembly vote began: the solver's one-microsecond step not shown.
    assert conference["earliest_start"] == pd.Timestamp("2025-02-24")
    eu = events.set_index("id").loc["ukraine-eu-2030"]  # "by 31 Dec 2030"
    assert pd.isna(eu["earliest_start"]) and eu["latest_end"] == pd.Timestamp("2031-01-01")


def test_timex_and_edtf_are_the_json_exports(seeds: Timeline, events: pd.DataFrame) -> None:
    exported = {e["id"]: e["time"] for e in seeds.to_dict()["events"]}
    for row in events.itertuples():
        assert row.timex == exported[row.id]["timex"]
        assert row.edtf == exported[row.id]["edtf"]
        named = event_time_value(seeds[row.id])
        assert (row.timex, row.edtf) == (named.value, to_edtf(named))


def test_bounds_are_the_model_bounds(seeds: Timeline, events: pd.DataFrame) -> None:
    # The model's bounds, less the solver's microsecond steps (issue 12).
    for row in events.itertuples():
        time = seeds[row.id].time
        for column in BOUNDS:
            cell, bound = getattr(row, column), getattr(time, column)
            if bound is None:
                assert pd.isna(cell)
                continue
            assert cell.to_pydatetime() == without_steps(bound)
            assert abs(cell.to_pydatetime() - bound) <= timedelta(microseconds=10)


def test_bounds_are_exact_half_open_bounds(events: pd.DataFrame) -> None:
    # Issue 12: "18:00", not "17:59:59.999999"; the start lies in [earliest_start,
    # latest_start), the end in (earliest_end, latest_end].
    for column in BOUNDS:
        cells = events[column].dropna()
        assert (cells.dt.microsecond == 0).all() and (cells.dt.nanosecond == 0).all(), column
    vote = events.set_index("id").loc["ga-vote"]  # "before 18:00" on 24 Feb
    assert (vote["earliest_start"], vote["latest_start"]) == (
        pd.Timestamp("2025-02-24"), pd.Timestamp("2025-02-24 18:00"))
    assert (vote["earliest_end"], vote["latest_end"]) == (
        pd.Timestamp("2025-02-24"), pd.Timestamp("2025-02-24 18:00"))
    week = events.set_index("id").loc["lavrov-peacekeepers"]  # last week: 17-23 Feb
    assert list(week[list(BOUNDS)]) == [pd.Timestamp("2025-02-17"), pd.Timestamp("2025-02-24"),
                                        pd.Timestamp("2025-02-17"), pd.Timestamp("2025-02-24")]


def test_one_row_per_claim(seeds: Timeline) -> None:
    claims = seeds.to_dataframe(by="claim")
    assert list(claims.columns) == list(CLAIM_COLUMNS)
    assert len(claims) == sum(len(e.claims) for e in seeds.events)
    for column in ("known_from", "interval_start", "interval_end"):
        assert str(claims[column].dtype) == "datetime64[us]"
    for row in claims.itertuples():
        text = seeds.articles[row.article].text
        assert text[row.span_start:row.span_end] == row.quote
    week = claims[(claims.event == "lavrov-peacekeepers")].iloc[0]
    assert (week["when"], week["value"]) == ("last week", "2025-W08")
    assert week["interval_start"] == pd.Timestamp("2025-02-17")
    assert week["interval_end"] == pd.Timestamp("2025-02-24")


@pytest.mark.parametrize("by", ["event", "claim"])
def test_an_empty_timeline_has_the_same_dtypes(seeds: Timeline, by: str) -> None:
    empty = to_dataframe(Timeline([], []), by=by)
    full = seeds.to_dataframe(by=by)
    assert len(empty) == 0
    assert dict(empty.dtypes) == dict(full.dtypes)


def test_aware_times_are_utc_for_the_whole_table() -> None:
    tl = build([("a", "A", [(day(2025, 2, 24, tzinfo=UTC), Status.OCCURRED)]),
                ("b", "B", [(day(2025, 2, 25), Status.OCCURRED)])],
               published=datetime(2025, 2, 26, 9, tzinfo=UTC))
    frame = tl.to_dataframe()
    for column in BOUNDS:
        assert str(frame[column].dtype) == "datetime64[us, UTC]"
    a = frame.set_index("id").loc["a"]
    assert a["earliest_start"] == pd.Timestamp("2025-02-24", tz="UTC")
    # The floating day is widened over every zone: from 10:00 UTC the day before.
    b = frame.set_index("id").loc["b"]
    assert b["earliest_start"] == pd.Timestamp("2025-02-24 10:00", tz="UTC")
    claims = tl.to_dataframe(by="claim")
    assert str(claims["known_from"].dtype) == "datetime64[us, UTC]"
    assert claims["known_from"].iloc[0] == pd.Timestamp("2025-02-26 09:00", tz="UTC")


def test_bounds_beyond_nanoseconds_reach() -> None:
    """Year 1800 and 2400 are outside ``datetime64[ns]``; microseconds hold them."""
    tl = build([("old", "Old", [(TimeValue.of_granule(Granularity.YEAR, datetime(1800, 1, 1)),
                                 Status.OCCURRED)]),
                ("far", "Far", [(TimeValue.of_granule(Granularity.YEAR, datetime(2400, 1, 1)),
                                 Status.EXPECTED)])])
    frame = tl.to_dataframe().set_index("id")
    assert frame.loc["old", "earliest_start"] == pd.Timestamp("1800-01-01")
    assert frame.loc["far", "latest_end"] == pd.Timestamp("2401-01-01")


def test_a_bad_by_is_named(seeds: Timeline) -> None:
    with pytest.raises(ValueError, match="'claims'"):
        seeds.to_dataframe(by="claims")


def test_without_pandas_the_error_says_how_to_install_it(
        seeds: Timeline, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ModuleNotFoundError) as caught:
        seeds.to_dataframe()
    assert caught.value.name == "pandas"
    assert "pip install 'timeline[pandas]'" in str(caught.value)


# -- HTML -------------------------------------------------------------------------------------

def test_seeds_html_has_the_picture_then_every_event_once(seeds: Timeline) -> None:
    page = seeds._repr_html_()
    assert page == timeline_html(seeds)
    assert page.index("<svg") < page.index("<table")
    for event in seeds.events:
        assert page.count(f'data-event="{html.escape(event.id)}"') == 1
        assert page.count(f'tl:event="{event.id}"') == 1
    assert "<script" not in page.lower()
    assert "between 17 and 23 Feb 2025" in page
    assert "uncertain" in page and "scheduled" in page
    for article in seeds.articles.values():
        assert html.escape(article.title) in page


def test_event_claim_and_value_html(seeds: Timeline) -> None:
    vote = seeds["ga-vote"]
    page = vote._repr_html_()
    assert html.escape(vote.title) in page
    assert "24 Feb 2025, before 18:00" in page
    for article in vote.articles:
        assert f">{article}<" in page
    claim = next(c for c in vote.claims if c.when)
    assert claim.when is not None
    shown = claim._repr_html_()
    assert f">{html.escape(claim.when)}</mark>" in shown
    assert claim.value is not None and claim.value.value in shown
    value = TimeValue.from_timex("2025-W08")
    shown = value._repr_html_()
    assert "2025-W08" in shown and "17\u201323 Feb 2025" in shown
    assert "2025-02-17/2025-02-23" in shown  # EDTF
    assert "[2025-02-17, 2025-02-24)" in shown


@pytest.mark.parametrize(("timex", "words"), [
    ("2022", "2022"),
    ("2025-02", "Feb 2025"),
    ("2025-W08", "17\u201323 Feb 2025"),
    ("2025-02-24", "24 Feb 2025"),
    ("2025-02-24TAF", "24 Feb 2025, 12:00\u201318:00"),
    ("2025-02-24T14:30", "24 Feb 2025, 14:30"),
])
def test_values_in_words(timex: str, words: str) -> None:
    assert f">{html.escape(words)} <span" in TimeValue.from_timex(timex)._repr_html_()


def test_a_claim_says_what_of_its_event_it_dates(seeds: Timeline) -> None:
    article = seeds.articles["003"]
    quote = "the war began in 2022"
    at = article.text.index(quote)
    began = Claim(event="war", article="003", quote=quote, span=(at, at + len(quote)),
                  status=Status.OCCURRED, known_from=article.published, when="in 2022",
                  when_span=(at + len(quote) - 4, at + len(quote)),
                  value=TimeValue.from_timex("2022"), part="start")
    shown = began._repr_html_()
    assert "2022" in shown and "(start only)" in shown
    assert '<mark style="background:#fff3b0">2022</mark>' in shown
    going = Claim(event="war", article="003", quote=quote, span=(at, at + len(quote)),
                  status=Status.OCCURRED, known_from=article.published, ongoing=True)
    assert "still going on when published" in going._repr_html_()


HOSTILE = "<script>alert(1)</script> | `x` *b* _i_ [l](javascript:x) $x$ ~s~ & \\"


def test_hostile_text_shows_as_text() -> None:
    tl = build([("x", HOSTILE, [(day(2025, 2, 24), Status.OCCURRED)])],
               url="javascript:alert(1)", article_title="<b>bold</b>")
    page = tl._repr_html_()
    assert "<script>" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "javascript:" not in page.replace("[l](javascript:x)", "")
    assert 'href="javascript' not in page
    event = tl["x"]._repr_html_()
    assert "<script>" not in event and "&lt;script&gt;" in event
    text = tl._repr_markdown_()
    assert "<script>" not in text and "&lt;script&gt;" in text and "<b>" not in text
    row = next(line for line in text.splitlines() if line.startswith("| ") and "alert" in line)
    assert len(re.findall(r"(?<!\\)\|", row)) == 5  # four cells: the title's pipe is escaped


def test_https_urls_are_links() -> None:
    tl = build([("x", "X", [(day(2025, 2, 24), Status.OCCURRED)])],
               url="https://example.org/a?b=1&c=2")
    assert 'href="https://example.org/a?b=1&amp;c=2"' in tl._repr_html_()
    # The events table's sources link to their articles too, and so does Markdown (#12).
    page = tl._repr_html_()
    row = next(line for line in page.splitlines() if line.startswith('<tr data-event="x"'))
    assert ('<a href="https://example.org/a?b=1&amp;c=2" title="Article A \u00b7 1 Jun 2025" '
            'rel="noopener noreferrer">a</a>') in row
    assert "- a: [Article A](<https://example.org/a?b=1&c=2>), 1 Jun 2025" in \
        tl._repr_markdown_().splitlines()
    # Without a web URL, no link anywhere.
    plain = build([("x", "X", [(day(2025, 2, 24), Status.OCCURRED)])],
                  url="javascript:alert(1)")
    assert "<a " not in plain._repr_html_() and "](" not in plain._repr_markdown_()


def test_conflicts_are_shown_with_their_message() -> None:
    tl = build([("vote", "The vote", [(day(2025, 2, 24), Status.OCCURRED),
                                      (day(2025, 2, 26), Status.OCCURRED)])])
    (conflict,) = tl["vote"].conflicts
    page = tl._repr_html_()
    assert "conflicting claims" in page and html.escape(conflict.message) in page
    assert "conflicting claims" in tl._repr_markdown_()
    assert tl.to_dataframe()["conflicted"].tolist() == [True]


def test_long_tables_stop_with_a_count() -> None:
    n = MAX_ROWS + 37
    tl = build([(f"e{i}", f"Event {i}", [(day(2025, 1, 1) if i % 2 else
                                          TimeValue.of_granule(Granularity.DAY, datetime(
                                              2025, 1, 1) + timedelta(days=i)),
                                          Status.OCCURRED)]) for i in range(n)])
    page = tl._repr_html_()
    assert page.count("data-event=") == MAX_ROWS
    assert "\u2026 37 more events" in page
    text = tl._repr_markdown_()
    assert len(table_rows(text)) == MAX_ROWS + 1
    assert "\u2026 37 more events" in text


def test_an_empty_timeline_renders() -> None:
    empty = Timeline([], [])
    page = empty._repr_html_()
    assert "0 events" in page and "no events" in page and "<table" not in page
    assert "0 events" in empty._repr_markdown_()


# -- Markdown ---------------------------------------------------------------------------------

def test_seeds_markdown(seeds: Timeline) -> None:
    text = seeds._repr_markdown_()
    assert text == timeline_markdown(seeds)
    assert len(table_rows(text)) == 1 + len(seeds)
    assert "| between 17 and 23 Feb 2025 (uncertain) |" in text
    assert "Starmer visits Trump in Washington (starmer-visit) | scheduled |" in text


def _unescape(text: str) -> str:
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_markdown_escaping_is_complete_and_lossless(text: str) -> None:
    """Nothing Markdown or HTML would read is left bare, and unescaping gives the text back
    (on one line, with what XML cannot hold replaced)."""
    escaped = md(text)
    bare = re.sub(r"\\.", "", escaped)
    assert not re.search(r"[\\`*_\[\]|~$<>\n\r]", bare)
    assert _unescape(escaped) == re.sub(r"\s+", " ", clean(text)).strip()


# -- generated timelines ----------------------------------------------------------------------

@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    ids = draw(st.lists(st.text(alphabet="ab<>&\"' -", min_size=1, max_size=6),
                        max_size=10, unique=True))
    events = []
    for event_id in ids:
        claims: list[tuple[TimeValue | None, Status]] = []
        for _ in range(draw(st.integers(1, 2))):
            moment = datetime(2000, 1, 1) + timedelta(hours=draw(st.integers(0, 24 * 9000)))
            grain = draw(st.sampled_from([Granularity.HOUR, Granularity.DAY,
                                          Granularity.WEEK, Granularity.MONTH]))
            mod = draw(st.sampled_from([None, Mod.ON_OR_AFTER, Mod.ON_OR_BEFORE]))
            claims.append((TimeValue.of_granule(grain, moment, mod=mod),
                           draw(st.sampled_from([Status.OCCURRED, Status.SCHEDULED,
                                                 Status.EXPECTED]))))
        events.append((event_id, draw(st.text(min_size=1, max_size=40)), claims))
    return build(events)


@settings(max_examples=60, deadline=None)
@given(timelines())
def test_every_event_once_in_every_output(tl: Timeline) -> None:
    page = tl._repr_html_()
    text = tl._repr_markdown_()
    frame = tl.to_dataframe()
    assert list(frame["id"]) == [e.id for e in tl.events]
    picture = ET.fromstring(page[page.index("<svg"):page.index("</svg>") + len("</svg>")])
    drawn = [g.get(f"{{{NAMESPACE}}}event") for g in picture.iter() if g.tag.endswith("}g")]
    assert sorted(e for e in drawn if e is not None) == sorted(e.id for e in tl.events)
    for event in tl.events:
        assert page.count(f'data-event="{html.escape(event.id)}"') == 1
    rows = table_rows(text)[1:]
    assert len(rows) == len(tl)
    for row, event in zip(rows, tl.events, strict=True):
        cells = re.split(r"(?<!\\)\|", row)
        assert len(cells) == 6  # four cells between five pipes, whatever the title holds
        assert cells[2].endswith(f" ({md(event.id)}) ")


def test_notebook_words_derived_bounds_at_their_sources_granularity() -> None:
    """#12: the notebook says "by 26 Feb 2022" as the chronology does, not "18:00", while the
    DataFrame's bound columns keep the model's exact bounds."""
    import timeline

    tl = timeline.load("seeds")
    assert "By 26 Feb 2022\n" in tl.chronology()
    html = tl._repr_html_()
    assert "by 26 Feb 2022, 18:00" not in html and "by 26 Feb 2022" in html
    assert "by 26 Feb 2022, 18:00" not in tl._repr_markdown_()
    frame = tl.to_dataframe()
    row = frame[frame["id"] == "xi-putin-partnership"].iloc[0]
    assert row["when"] == "by 26 Feb 2022"
    assert row["latest_end"].hour == 18  # the solver's bound, exact
