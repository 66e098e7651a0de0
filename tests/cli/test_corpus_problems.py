"""The command line shows every problem of a corpus, a line each, and ``check`` warns of
claims of events said to be over but dated after their article (#12)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

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
      when = "on Monday"
      status = "occurred"

    [[events]]
    id = "vote"
    title = "The vote"
      [[events.claims]]
      article = "a"
      quote = "The vote passed on Friday."
      when = "on Friday"
      tense = "future"
      status = "occurred"
"""


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_every_problem_is_a_line(tmp_path: Path) -> None:
    broken = (EVENTS.replace('status = "occurred"', 'status = "done"')
              .replace("The council met on Monday.\"", "The council  met on Monday.\""))
    write_corpus(tmp_path, {"a": (TEXT, date(2025, 2, 25))}, broken)
    code, out, err = _run("check", str(tmp_path))
    assert code == 1 and out == ""
    lines = err.splitlines()
    events = str(tmp_path / "events.toml")
    assert lines == [
        f"timeline: {events}: event 'meeting', claim 1: status: expected occurred, reported, "
        f"scheduled or expected, not 'done'",
        f"timeline: {events}: event 'meeting', claim 1: quote: not found in article 'a'; "
        f"the closest passage is 'The council met on Monday.' (characters 0-26), which "
        f"differs only in spaces (no-break spaces, line breaks or doubled spaces)",
        f"timeline: {events}: event 'vote', claim 1: status: expected occurred, reported, "
        f"scheduled or expected, not 'done'",
    ]


def test_too_many_problems_end_with_how_many_more(tmp_path: Path) -> None:
    one = EVENTS.split("    [[events]]")[1]
    many = "".join("    [[events]]" + one.replace('"meeting"', f'"e{n}"')
                   .replace("Monday.", "Sunday.") for n in range(25))
    write_corpus(tmp_path, {"a": (TEXT, date(2025, 2, 25))}, many)
    code, _, err = _run("check", str(tmp_path))
    lines = err.splitlines()
    assert code == 1 and len(lines) == 21
    # Two problems an event (the quote, and 'when' not inside it): 50, 20 shown.
    assert lines[-1] == "timeline: and 30 more problems"


def test_check_warns_of_a_claim_dated_after_its_article(tmp_path: Path) -> None:
    write_corpus(tmp_path, {"a": (TEXT, date(2025, 2, 25))}, EVENTS)
    code, out, err = _run("check", str(tmp_path))
    assert code == 0 and err == ""
    assert out.splitlines() == [
        "1 article, 2 events, 2 claims; 0 conflicts",
        "  warning: event 'vote', claim 1: occurred but dated 2025-02-28 "
        "([2025-02-28, 2025-03-01)), after article 'a' was published (2025-02-25)",
    ]
