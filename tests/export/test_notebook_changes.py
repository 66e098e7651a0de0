"""``changes()`` and ``conflicts`` in notebooks (issue 12): still lists, with DataFrames whose
bounds are exact, and HTML and Markdown tables that escape the articles' text."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from corpora import write_corpus

import timeline
from timeline.export.notebook import (
    CHANGE_COLUMNS,
    CONFLICT_COLUMNS,
    MAX_ROWS,
    changes_markdown,
    conflicts_html,
)
from timeline.model.network import Conflict
from timeline.query.timeline import Change, Changes, Conflicts, Timeline

HOSTILE = "<script>alert(1)</script> | *b* _i_ & [l](javascript:x)"
TEXT_A = f"Leaders met on Monday. The summit is set for next week. {HOSTILE} in 2019."
TEXT_B = f"The summit took place on Wednesday. {HOSTILE} in 2018."
OK = 'status = "occurred"'
BOUNDS = ("earliest_start", "latest_start", "earliest_end", "latest_end")


@pytest.fixture
def tl(tmp_path: Path) -> Timeline:
    return timeline.load(write_corpus(tmp_path, {"a": (TEXT_A, date(2025, 2, 25)),
                                                 "b": (TEXT_B, date(2025, 3, 11))}, f"""
        [[events]]
        id = "meeting"
        title = "Leaders meet"
        claims = [{{ article = "a", quote = "Leaders met on Monday.", when = "Monday", {OK} }}]

        [[events]]
        id = "summit"
        title = "Summit"
          [[events.claims]]
          article = "a"
          quote = "The summit is set for next week."
          when = "next week"
          status = "scheduled"
          [[events.claims]]
          article = "b"
          quote = "The summit took place on Wednesday."
          when = "Wednesday"
          status = "occurred"

        [[events]]
        id = "treaty"
        title = "Treaty <i>signed</i>"
        claims = [{{ article = "a", quote = '{HOSTILE} in 2019.', when = "2019", {OK} }},
                  {{ article = "b", quote = '{HOSTILE} in 2018.', when = "2018", {OK} }}]
    """))


def test_changes_are_still_a_list(tl: Timeline) -> None:
    changes = tl.changes(date(2025, 2, 26), date(2025, 3, 12))
    assert isinstance(changes, Changes) and isinstance(changes, list)
    assert all(isinstance(c, Change) for c in changes)
    assert [(c.kind, c.event) for c in changes] == [
        ("moved", "treaty"), ("conflict", "treaty"), ("narrowed", "summit"),
        ("status", "summit")]
    assert changes == list(changes) and changes[1:] == list(changes)[1:]


def test_changes_dataframe(tl: Timeline) -> None:
    frame = tl.changes(date(2025, 2, 26), date(2025, 3, 12)).to_dataframe()
    assert list(frame.columns) == list(CHANGE_COLUMNS)
    assert str(frame["n_claims"].dtype) == "int64"
    for column in CHANGE_COLUMNS[4:12]:
        assert str(frame[column].dtype) == "datetime64[us]"
        cells = frame[column].dropna()
        assert (cells.dt.microsecond == 0).all(), column  # exact bounds, no steps
    summit = frame.set_index("kind").loc["narrowed"]
    assert (summit["event"], summit["articles"], summit["n_claims"]) == ("summit", "b", 1)
    # next week (3-9 Mar), then Wednesday 5 Mar: exact half-open bounds.
    assert [summit[f"old_{b}"] for b in BOUNDS] == [
        pd.Timestamp("2025-03-03"), pd.Timestamp("2025-03-10"),
        pd.Timestamp("2025-03-03"), pd.Timestamp("2025-03-10")]
    assert [summit[b] for b in BOUNDS] == [
        pd.Timestamp("2025-03-05"), pd.Timestamp("2025-03-06"),
        pd.Timestamp("2025-03-05"), pd.Timestamp("2025-03-06")]
    assert summit["old"] == "between 3 and 9 Mar 2025" and summit["new"] == "5 Mar 2025"
    status = frame.set_index("kind").loc["status"]
    assert (status["old"], status["new"]) == ("scheduled", "occurred")
    assert all(pd.isna(status[b]) for b in BOUNDS)
    added = tl.changes(date(2025, 2, 1), date(2025, 2, 26)).to_dataframe()
    assert set(added["kind"]) == {"added"} and added["old"].isna().all()
    assert added.set_index("event").loc["meeting", "latest_end"] == pd.Timestamp("2025-02-25")


def test_conflicts_are_a_list_with_a_dataframe(tl: Timeline) -> None:
    conflicts = tl.conflicts
    assert isinstance(conflicts, Conflicts) and isinstance(conflicts, list)
    (conflict,) = conflicts
    assert isinstance(conflict, Conflict)
    frame = conflicts.to_dataframe()
    assert list(frame.columns) == list(CONFLICT_COLUMNS)
    assert frame.iloc[0].to_dict() == {"event": "treaty", "kind": conflict.kind,
                                       "message": conflict.message, "articles": "a, b",
                                       "n_claims": 2}
    empty = tl.as_of(date(2025, 2, 26)).conflicts
    assert empty == [] and len(empty.to_dataframe()) == 0
    assert dict(empty.to_dataframe().dtypes) == dict(frame.dtypes)


def test_html_and_markdown_escape_article_text(tl: Timeline) -> None:
    changes = tl.changes(date(2025, 2, 26), date(2025, 3, 12))
    for page in (changes._repr_html_(), tl.conflicts._repr_html_()):
        assert "<script>" not in page and "<i>signed" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the quotes, as tooltips
        assert page.count("<table") == 1
    assert "4 changes" in changes._repr_html_() and "1 conflict" in tl.conflicts._repr_html_()
    assert "5 Mar 2025" in changes._repr_html_()
    for text in (changes._repr_markdown_(), tl.conflicts._repr_markdown_()):
        assert "<script>" not in text
        rows = [line for line in text.splitlines() if line.startswith("| ")]
        assert rows and all(line.endswith(" |") for line in rows)
    (row,) = [line for line in tl.conflicts._repr_markdown_().splitlines()
              if line.startswith("| treaty")]
    assert row.count(" | ") == 3  # four cells: nothing in them breaks the table


def test_long_tables_stop_with_a_count() -> None:
    changes = [Change("added", f"e{i}", None, "x", ()) for i in range(MAX_ROWS + 5)]
    assert "\u2026 5 more changes" in changes_markdown(changes)
    assert conflicts_html([]).count("<table") == 0


def test_without_pandas_the_error_says_how_to_install_it(
        tl: Timeline, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    for table in (tl.conflicts, tl.changes(date(2025, 2, 26), date(2025, 3, 12))):
        with pytest.raises(ModuleNotFoundError, match=r"timeline\[pandas\]"):
            table.to_dataframe()
