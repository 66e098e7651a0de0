"""A claim's ``when`` may be a range said as one phrase (#12): the event lies within it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from corpora import write_corpus

import timeline
from timeline.errors import CorpusError

TEXT = ("The council met between 2:30 p.m. and 4 p.m., officials said. "
        "The summit will run from March 3 to March 5 in Geneva. "
        "The talks ran from March 5, 2024 to March 3, 2024.")


def _events(claims: str) -> str:
    return f"""
    [[events]]
    id = "e"
    title = "E"
    {claims}
    """


def _claim(quote: str, when: str, status: str = "occurred") -> str:
    return f"""
      [[events.claims]]
      article = "a"
      quote = "{quote}"
      when = "{when}"
      status = "{status}"
    """


def _load(tmp_path: Path, claims: str) -> timeline.Timeline:
    folder = write_corpus(tmp_path, {"a": (TEXT, date(2025, 2, 24))}, _events(claims))
    return timeline.load(folder)


def test_a_clock_range_ends_at_the_instant_named(tmp_path: Path) -> None:
    tl = _load(tmp_path, _claim("The council met between 2:30 p.m. and 4 p.m.",
                                "between 2:30 p.m. and 4 p.m."))
    time = tl["e"].time
    assert time.earliest_start == datetime(2025, 2, 24, 14, 30)
    assert time.latest_end == datetime(2025, 2, 24, 16, 0)  # not 16:01


def test_a_range_of_days_holds_its_last_day(tmp_path: Path) -> None:
    tl = _load(tmp_path, _claim("The summit will run from March 3 to March 5",
                                "from March 3 to March 5", "scheduled"))
    time = tl["e"].time
    assert (time.earliest_start, time.latest_end) == (datetime(2025, 3, 3),
                                                      datetime(2025, 3, 6))


def test_a_range_that_falls_is_a_corpus_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"when.*ends \('March 3, 2024'"):
        _load(tmp_path, _claim("The talks ran from March 5, 2024 to March 3, 2024.",
                               "from March 5, 2024 to March 3, 2024"))
