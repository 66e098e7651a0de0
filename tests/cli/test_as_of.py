"""``--as-of`` and corpus times at the calendar's edges: one line or the whole view, never a
traceback (#13)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from corpora import write_corpus

from timeline.cli import run

TEXT = "The council met on Monday. The vote passed on Friday."
EVENTS = """
    [[events]]
    id = "meeting"
    title = "The council meets"
      [[events.claims]]
      article = "a"
      quote = "The council met on Monday."
      {dating}
      status = "occurred"
"""


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("as_of", ["9999-12-31", "9999-12-31T23:00-05:00", "2100-01-01"])
def test_as_of_past_the_calendar_is_everything(tmp_path: Path, as_of: str) -> None:
    # Issue 13: `--as-of 9999-12-31`, which a user types to mean "everything", printed a
    # traceback (OverflowError); it is the view of everything, labelled as given.
    write_corpus(tmp_path, {"a": (TEXT, date(2025, 2, 25))},
                 EVENTS.format(dating='when = "on Monday"'))
    code, out, err = _run("chronology", str(tmp_path), "--as-of", as_of)
    assert (code, err) == (0, "")
    _, everything, _ = _run("chronology", str(tmp_path))
    def body(text: str) -> list[str]:  # the header says which "as of"; the rest is the view
        return [line for line in text.splitlines()
                if not line.startswith("As of ") and not set(line) <= {"="}]

    assert body(out) == body(everything)
    assert "The council meets" in out and "As of " in out
    for command in (["ics", "-o", str(tmp_path / "x.ics")],
                    ["plot", "-o", str(tmp_path / "x.svg")],
                    ["export", "--format", "timelinejs", "-o", str(tmp_path / "x.json")]):
        code, _, err = _run(command[0], str(tmp_path), *command[1:], "--as-of", as_of)
        assert (code, err) == (0, ""), command


@pytest.mark.parametrize(("dating", "needle"), [
    ("date = 9999-12-31", "date: 9999-12-31 is outside the supported calendar, years 0200 to 9799"),
    ("date = 0001-01-01", "date: 0001-01-01 is outside the supported calendar"),
])
def test_a_claim_outside_the_calendar_is_one_line(tmp_path: Path, dating: str,
                                                  needle: str) -> None:
    # Issue 13: `check`, every export and --as-of raised OverflowError on such a claim.
    write_corpus(tmp_path, {"a": (TEXT, date(2025, 2, 25))}, EVENTS.format(dating=dating))
    for argv in (["check"], ["chronology", "--as-of", "9999-12-31"]):
        code, _, err = _run(argv[0], str(tmp_path), *argv[1:])
        assert code == 1
        assert err.startswith("timeline: ") and len(err.splitlines()) == 1 and needle in err
