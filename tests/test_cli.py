"""The command line: exit statuses 0/1/2, one-line errors, JSON shape, and the acceptance checks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from timeline.cli import main, parse_anchor
from timeline.errors import CorpusError, ResolveError

ROOT = Path(__file__).resolve().parents[1]
JSON_KEYS = {"text", "type", "value", "mod", "interval", "granularity", "edtf"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_one_line_error(err: str, *needles: str) -> None:
    """Bad input is reported as exactly one line ``timeline: <message>``, never a traceback."""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("timeline: "), err
    for needle in needles:
        assert needle in lines[0], (needle, err)


# --- usage: help exits 0, bad usage 2 -------------------------------------------------------

@pytest.mark.parametrize("argv", [["--help"], ["resolve", "--help"], ["scan", "--help"]])
def test_help_exits_0_and_shows_an_example(capsys: pytest.CaptureFixture[str],
                                           argv: list[str]) -> None:
    status, out, _ = run(capsys, *argv)
    assert status == 0
    assert "usage: timeline" in out
    assert "example" in out
    assert "timeline " + (argv[0] if argv[0] != "--help" else "resolve") in out


@pytest.mark.parametrize("argv", [
    [],
    ["frobnicate"],
    ["resolve", "last week"],                                   # --anchor is required
    ["resolve", "--anchor", "2025-02-24"],                      # EXPR is required
    ["resolve", "Monday", "--anchor", "2025-02-24", "--tense", "pluperfect"],
    ["resolve", "Monday", "--anchor", "2025-02-24", "--date-order", "ymd"],
    ["scan", "--format", "xml"],
    ["scan", "--no-such-option"],
])
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert "usage: timeline" in err
    assert "Traceback" not in err


# --- bad input: exit 1, one line ----------------------------------------------------------

@pytest.mark.parametrize("anchor", ["2025-02-30", "yesterday", "24/02/2025", ""])
def test_bad_anchor_exits_1_naming_it(capsys: pytest.CaptureFixture[str], anchor: str) -> None:
    status, out, err = run(capsys, "resolve", "last week", "--anchor", anchor)
    assert status == 1
    assert out == ""
    assert_one_line_error(err, "--anchor", repr(anchor))


def test_parse_anchor_keeps_what_was_given() -> None:
    """A date stays a date (not midnight); a datetime without offset stays floating."""
    assert parse_anchor("2025-02-24") == date(2025, 2, 24)
    assert type(parse_anchor("2025-02-24")) is date
    floating = parse_anchor("2025-02-25T11:38")
    assert floating == datetime(2025, 2, 25, 11, 38)
    assert isinstance(floating, datetime) and floating.tzinfo is None
    aware = parse_anchor("2025-02-25T11:38:00+01:00")
    assert aware == datetime(2025, 2, 25, 11, 38, tzinfo=timezone(timedelta(hours=1)))
    assert parse_anchor("2025-02-25T10:38Z") == datetime(2025, 2, 25, 10, 38, tzinfo=UTC)


def test_scan_missing_corpus_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, "scan", str(tmp_path / "nowhere"))
    assert status == 1
    assert out == ""
    assert_one_line_error(err, "sources.toml", "not found")


def test_scan_broken_corpus_exits_1_naming_file_entry_field(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("On Monday, they met.\n", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '[[articles]]\nid = "a"\nfile = "a.txt"\ntitle = "A"\npublished = "2025-02-25"\n',
        encoding="utf-8")
    status, out, err = run(capsys, "scan", str(tmp_path))
    assert status == 1
    assert out == ""
    assert_one_line_error(err, "sources.toml", "article 'a'", "published",
                          "expected a TOML date or datetime, got '2025-02-25'")


def test_multi_line_messages_are_folded_into_one_line(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text("[[articles]\nid = \n", encoding="utf-8")
    status, _, err = run(capsys, "scan", str(tmp_path))
    assert status == 1
    assert_one_line_error(err, "sources.toml", "not valid TOML")


def test_os_errors_on_input_are_one_line(capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.model.load

    def unreadable(directory: object) -> list[Any]:
        raise PermissionError(13, "Permission denied", "corpus/sources.toml")

    monkeypatch.setattr(timeline.model.load, "load_articles", unreadable)
    status, out, err = run(capsys, "scan", "corpus")
    assert status == 1
    assert out == ""
    assert_one_line_error(err, "corpus/sources.toml", "Permission denied")


def test_library_errors_are_one_line(capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.model.load

    def broken(directory: object) -> list[Any]:
        raise CorpusError("expected a string,\ngot 5", file="x.toml", entry="article 'a'",
                          field="title")

    monkeypatch.setattr(timeline.model.load, "load_articles", broken)
    status, _, err = run(capsys, "scan", "corpus")
    assert status == 1
    assert_one_line_error(err, "x.toml: article 'a': title: expected a string, got 5")


# --- resolve ---------------------------------------------------------------------------------

def test_resolve_last_week(capsys: pytest.CaptureFixture[str]) -> None:
    """Acceptance: ISO week 8 of 2025, as a half-open interval of dates."""
    status, out, err = run(capsys, "resolve", "last week", "--anchor", "2025-02-24")
    assert (status, err) == (0, "")
    assert len(out.splitlines()) == 1
    result = json.loads(out)
    assert set(result) >= JSON_KEYS
    assert result["text"] == "last week"
    assert result["value"] == "2025-W08"
    assert result["interval"] == ["2025-02-17", "2025-02-24"]


def test_resolve_past_monday(capsys: pytest.CaptureFixture[str]) -> None:
    """Acceptance: in a past-tense sentence of Tuesday 25 February, Monday is the 24th."""
    status, out, _ = run(capsys, "resolve", "Monday", "--anchor", "2025-02-25", "--tense", "past")
    assert status == 0
    assert json.loads(out)["value"] == "2025-02-24"


def test_resolve_matches_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    import timeline

    anchor = datetime(2025, 2, 25, 11, 38)
    status, out, _ = run(capsys, "resolve", "next month", "--anchor", anchor.isoformat(),
                         "--tense", "future", "--date-order", "dmy")
    assert status == 0
    expected = timeline.resolve("next month", anchor, tense="future", date_order="dmy")
    assert json.loads(out) == {"text": "next month", **expected.to_json()}


def test_resolve_unknown_expression_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    import timeline

    with pytest.raises(ResolveError):
        timeline.resolve("the quick brown fox", date(2025, 2, 24))
    status, out, err = run(capsys, "resolve", "the quick brown fox", "--anchor", "2025-02-24")
    assert status == 1
    assert out == ""
    assert_one_line_error(err)


# --- scan ------------------------------------------------------------------------------------

def _timex(mention: dict[str, Any]) -> Any:
    """The TIMEX3 value in a mention's JSON, whether the value is nested or flattened."""
    value = mention["value"]
    return value["value"] if isinstance(value, dict) else value


def test_scan_seeds_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "scan")
    assert (status, err) == (0, "")
    for article_id in ("000", "001", "002", "003", "004"):
        assert any(line.startswith(article_id + "  ") for line in out.splitlines())
    assert "published 2025-02-25T11:38:00" in out
    block = out.split("\n002  ")[1].split("\n003  ")[0]
    assert any("Monday" in line and "2025-02-24" in line for line in block.splitlines())


def test_scan_seeds_json(capsys: pytest.CaptureFixture[str]) -> None:
    """Acceptance: article 002 (dated Tuesday 25 February) says 'Monday' for the 24th."""
    status, out, err = run(capsys, "scan", "--format", "json")
    assert (status, err) == (0, "")
    report = json.loads(out)
    assert [article["id"] for article in report] == ["000", "001", "002", "003", "004"]
    for article in report:
        assert {"id", "title", "published", "mentions"} <= set(article)
        assert isinstance(article["mentions"], list)
    wsj = report[2]
    assert wsj["published"] == "2025-02-25T11:38:00"
    mondays = [m for m in wsj["mentions"] if "Monday" in m["text"]]
    assert any(_timex(m) == "2025-02-24" for m in mondays)
    assert all(str(_timex(m)).startswith("2025-02-24") for m in mondays)


def test_scan_explain_names_rules(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "scan", "--explain")
    assert status == 0
    header = next(line for line in out.splitlines() if line.strip().startswith("span"))
    assert header.split()[-1] == "rule"


# --- the real process --------------------------------------------------------------------------

def _python_m_timeline(*argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]))
    return subprocess.run([sys.executable, "-m", "timeline", *argv], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=60, check=False)


def test_python_m_timeline_bad_input_has_no_traceback() -> None:
    done = _python_m_timeline("resolve", "last week", "--anchor", "last Tuesday")
    assert done.returncode == 1
    assert done.stdout == ""
    assert_one_line_error(done.stderr, "--anchor")


def test_python_m_timeline_bad_usage_exits_2() -> None:
    done = _python_m_timeline("resolve")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_python_m_timeline_resolve() -> None:
    done = _python_m_timeline("resolve", "last week", "--anchor", "2025-02-24")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) >= JSON_KEYS
    assert (result["value"], result["interval"]) == ("2025-W08", ["2025-02-17", "2025-02-24"])


def test_check_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check")
    assert code == 0
    assert out.startswith("5 articles, ") and "0 conflicts" in out


def test_check_as_of_a_time_before_any_article(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--as-of", "2025-02-24T12:00Z")
    assert code == 0 and ", 0 events, 0 claims as of" in out


def test_check_broken_events_exits_1_naming_file_entry_field(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    for item in seeds.iterdir():
        (tmp_path / item.name).write_bytes(item.read_bytes())
    events = (tmp_path / "events.toml").read_text(encoding="utf-8")
    (tmp_path / "events.toml").write_text(events.replace('when = "later this week"',
                                                         'when = "next Tuesday"', 1),
                                          encoding="utf-8")
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 1
    assert_one_line_error(err, "events.toml", "claim", "when", "not inside the quote")
