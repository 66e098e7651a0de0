"""The command line: exit statuses 0/1/2, one-line errors, JSON shape, the acceptance checks,
``--as-of`` times, the export commands and their atomic output files."""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import timeline
import timeline.cli.common as cli_module
import timeline.model.files as files_module
from timeline.cli import main, parse_anchor, parse_as_of
from timeline.cli import run as cli_run
from timeline.errors import CorpusError, ResolveError
from timeline.query.moments import latest_published
from timeline.query.timeline import Timeline

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

COMMANDS = ["resolve", "scan", "check", "chronology", "ics", "export", "plot"]


@pytest.mark.parametrize("argv", [["--help"], *([command, "--help"] for command in COMMANDS)])
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
    ["chronology", "--width", "39"],
    ["chronology", "--width", "wide"],
    ["chronology", "--format", "html"],
    ["ics"],                                                    # -o is required
    ["export", "-o", "x.json"],                                 # --format is required
    ["export", "--format", "csv", "-o", "x.csv"],
    ["plot", "-o", "x.svg", "--width", "100"],
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
    assert json.loads(out) == {"text": "next month", **expected.to_dict()}


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


# --- the export commands, through run(argv, out=, err=) ----------------------------------------

def cli(*argv: str) -> tuple[int, str, str]:
    """Run the command line with its own streams: status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    status = cli_run(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def seeds() -> Timeline:
    return timeline.load("seeds")


def test_chronology_prints_the_library_s_chronology(seeds: Timeline) -> None:
    status, out, err = cli("chronology")
    assert (status, err) == (0, "")
    assert out == seeds.chronology() + ("" if seeds.chronology().endswith("\n") else "\n")
    assert out.splitlines()[1] == f"Chronology of {len(seeds)} events from 5 articles"


def test_chronology_format_and_width(seeds: Timeline) -> None:
    status, out, _ = cli("chronology", "--width", "50")
    assert status == 0
    assert out.rstrip("\n") == seeds.chronology(width=50).rstrip("\n")
    assert out != cli("chronology")[1]
    status, out, _ = cli("chronology", "--format", "markdown")
    assert status == 0
    assert out.rstrip("\n") == seeds.chronology(format="markdown").rstrip("\n")


def test_chronology_as_of_an_expression(seeds: Timeline) -> None:
    """ "last Monday" against the latest publication (25 Feb 2025) is the end of the 24th."""
    status, out, _ = cli("chronology", "--as-of", "last Monday")
    assert status == 0
    assert out.rstrip("\n") == seeds.as_of(date(2025, 2, 24)).chronology().rstrip("\n")
    assert out == cli("chronology", "--as-of", "2025-02-24")[1]


def test_chronology_runs_from_any_directory(tmp_path: Path) -> None:
    """Acceptance: with no DIR it finds the seeds wherever it is run."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]))
    done = subprocess.run([sys.executable, "-m", "timeline", "chronology"], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("Chronology of ")
    assert done.stdout == timeline.load("seeds").chronology()


def test_ics_writes_the_calendar_and_counts_what_it_left_out(seeds: Timeline,
                                                             tmp_path: Path) -> None:
    from timeline.export.ics import open_ended

    target = tmp_path / "seeds.ics"
    status, out, err = cli("ics", "-o", str(target))
    assert (status, out) == (0, "")
    assert target.read_bytes() == seeds.to_ics()
    missing = len(open_ended(seeds))
    assert missing > 0
    assert err == f"timeline: left out {missing} open-ended events (use --include-open)\n"
    first = target.read_bytes()
    assert cli("ics", "-o", str(target))[0] == 0
    assert target.read_bytes() == first  # the same command twice: the same bytes


def test_ics_include_open(seeds: Timeline, tmp_path: Path) -> None:
    from timeline.export.ics import undated

    target = tmp_path / "all.ics"
    status, _, err = cli("ics", "-o", str(target), "--include-open")
    assert status == 0
    assert "open-ended" not in err
    assert target.read_bytes() == seeds.to_ics(include_open=True)
    assert target.read_bytes() != seeds.to_ics()
    assert ("no date at all" in err) == bool(undated(seeds))


def test_ics_to_standard_output(seeds: Timeline) -> None:
    status, out, err = cli("ics", "-o", "-")
    assert status == 0
    assert out == seeds.to_ics().decode("utf-8")
    assert out.startswith("BEGIN:VCALENDAR\r\n")
    assert len(err.splitlines()) == 1


def test_ics_as_of_an_aware_time(seeds: Timeline, tmp_path: Path) -> None:
    target = tmp_path / "early.ics"
    assert cli("ics", "-o", str(target), "--as-of", "2025-02-25T12:00Z")[0] == 0
    moment = datetime(2025, 2, 25, 12, tzinfo=UTC)
    assert target.read_bytes() == seeds.as_of(moment).to_ics()


def test_export_json_round_trips(seeds: Timeline, tmp_path: Path) -> None:
    from timeline.query.timeline import Timeline as TimelineClass

    target = tmp_path / "seeds.json"
    status, out, err = cli("export", "--format", "json", "-o", str(target))
    assert (status, out, err) == (0, "", "")
    text = target.read_text(encoding="utf-8")
    document = json.loads(text)
    assert document == seeds.to_dict()
    assert text == seeds.to_json(indent=2) + "\n"
    back = TimelineClass.from_json(text)
    assert [e.id for e in back.events] == [e.id for e in seeds.events]
    assert back.to_dict() == document


def test_export_json_as_of(seeds: Timeline) -> None:
    status, out, _ = cli("export", "--format", "json", "-o", "-", "--as-of", "2025-02-24")
    assert status == 0
    document = json.loads(out)
    assert document["as_of"] == "2025-02-24"
    assert document == seeds.as_of(date(2025, 2, 24)).to_dict()


def test_export_timelinejs(seeds: Timeline, tmp_path: Path) -> None:
    target = tmp_path / "slides.json"
    assert cli("export", "--format", "timelinejs", "-o", str(target))[0] == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document == seeds.to_timelinejs()
    assert all("year" in slide["start_date"] for slide in document["events"])


def test_plot_writes_parseable_svg(seeds: Timeline, tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    target = tmp_path / "seeds.svg"
    status, out, err = cli("plot", "-o", str(target), "--width", "1200")
    assert (status, out, err) == (0, "", "")
    root = ET.parse(target).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") in ("1200", "1200px")
    assert target.read_text(encoding="utf-8").rstrip("\n") == seeds.to_svg(width=1200).rstrip("\n")


def test_width_limits_match_the_exporters() -> None:
    from timeline.export import chronology, svg

    assert cli_module.MIN_WIDTH == chronology.MIN_WIDTH
    assert cli_module.MIN_PLOT_WIDTH == svg.MIN_WIDTH


# --- --as-of ------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [
    ["check"], ["chronology"], ["ics", "-o", "-"], ["export", "--format", "json", "-o", "-"],
    ["plot", "-o", "-"],
])
@pytest.mark.parametrize("as_of", ["the quick brown fox", "2025-02-30", "since Monday", ""])
def test_bad_as_of_exits_1_naming_it(command: list[str], as_of: str) -> None:
    status, out, err = cli(*command, "--as-of", as_of)
    assert status == 1
    assert out == ""
    assert_one_line_error(err, "--as-of", repr(as_of))


def test_as_of_iso_forms() -> None:
    """A date stays a date (the end of that day); datetimes keep their zone or lack of one."""
    assert parse_as_of("2025-03-05", None) == (date(2025, 3, 5), "2025-03-05")
    moment, _ = parse_as_of("2025-02-24T12:00Z", None)
    assert moment == datetime(2025, 2, 24, 12, tzinfo=UTC)
    moment, _ = parse_as_of("2025-02-24T12:00", None)
    assert moment == datetime(2025, 2, 24, 12) and isinstance(moment, datetime)
    assert moment.tzinfo is None


@pytest.mark.parametrize(("expr", "anchor", "expected"), [
    # the end of what the expression names: a midnight end is the date of the day it closes
    ("last Monday", date(2025, 2, 25), date(2025, 2, 24)),
    ("yesterday", datetime(2025, 2, 25, 11, 38), date(2025, 2, 24)),
    ("the end of next week", date(2025, 2, 25), date(2025, 3, 9)),
    ("2025", date(2025, 2, 25), date(2025, 12, 31)),
    ("now", datetime(2025, 2, 25, 11, 38), datetime(2025, 2, 25, 11, 39)),
    ("last Monday", datetime(2025, 2, 25, 11, 38, tzinfo=UTC),
     datetime(2025, 2, 25, tzinfo=UTC)),
])
def test_as_of_expressions_take_the_end(expr: str, anchor: date | datetime,
                                        expected: date | datetime) -> None:
    moment, label = parse_as_of(expr, anchor)
    assert moment == expected
    assert type(moment) is type(expected)
    assert repr(expr) in label


def test_as_of_expression_without_articles() -> None:
    with pytest.raises(cli_module.BadInput, match="no articles"):
        parse_as_of("last Monday", None)


def test_as_of_is_resolved_against_the_latest_publication(seeds: Timeline) -> None:
    """The seeds' latest publications are 2025-02-25 (a whole day) and 2025-02-25T11:38:
    the day ends later, so it is the anchor."""
    assert latest_published(seeds.articles.values()) == date(2025, 2, 25)
    status, out, _ = cli("check", "--as-of", "yesterday")
    assert status == 0
    assert out == cli("check", "--as-of", "2025-02-24")[1].replace(
        "as of 2025-02-24", "as of 2025-02-24 (the end of 'yesterday')")


def test_check_as_of_a_date_counts_that_day() -> None:
    _, on_the_day, _ = cli("check", "--as-of", "2025-02-24")
    _, at_its_start, _ = cli("check", "--as-of", "2025-02-24T00:00")
    assert on_the_day != at_its_start
    assert ", 0 events" in at_its_start and ", 0 events" not in on_the_day


# --- output files: atomic, into an existing directory --------------------------------------------

def test_output_into_a_missing_directory_exits_1(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "seeds.ics"
    status, out, err = cli("ics", "-o", str(target))
    assert (status, out) == (1, "")
    assert_one_line_error(err, str(target), "no such directory")
    assert not target.parent.exists()


def test_output_onto_a_directory_exits_1(tmp_path: Path) -> None:
    status, _, err = cli("plot", "-o", str(tmp_path))
    assert status == 1
    assert_one_line_error(err, str(tmp_path), "is a directory")


def _fail_midway(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make the writer write half its bytes, then fail as a full disk does."""
    written: list[int] = []

    def half_then_full(fd: int, data: bytes) -> None:
        written.append(os.write(fd, data[:len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files_module, "write_all", half_then_full)
    return written


@pytest.mark.parametrize("command", [
    ["ics"], ["export", "--format", "json"], ["export", "--format", "timelinejs"], ["plot"],
])
def test_a_failed_write_leaves_no_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                       command: list[str]) -> None:
    written = _fail_midway(monkeypatch)
    target = tmp_path / "out.file"
    status, out, err = cli(*command, "-o", str(target))
    assert (status, out) == (1, "")
    assert written and written[0] > 0  # it really was half-way through
    assert err.splitlines()[-1].startswith("timeline: ")
    assert_one_line_error(err.splitlines()[-1], str(target), "No space left on device")
    assert list(tmp_path.iterdir()) == []  # neither the target nor a temporary file


def test_a_failed_write_keeps_the_old_file(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    target = tmp_path / "seeds.json"
    target.write_bytes(b"the old contents\n")
    target.chmod(0o640)
    _fail_midway(monkeypatch)
    status, _, err = cli("export", "--format", "json", "-o", str(target))
    assert status == 1
    assert_one_line_error(err, str(target))
    assert target.read_bytes() == b"the old contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds.json"]
    monkeypatch.undo()
    assert cli("export", "--format", "json", "-o", str(target))[0] == 0
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "timeline/1"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # replaced, permissions kept


def test_a_bad_corpus_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    status, _, err = cli("ics", str(tmp_path / "no-corpus"), "-o", str(target))
    assert status == 1
    assert_one_line_error(err, "sources.toml", "not found")
    assert not target.exists()


def test_a_fresh_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        assert cli("plot", "-o", str(tmp_path / "a.svg"))[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.svg").stat().st_mode) == 0o640


# --- progress bar: stderr, terminal only, large corpora only -----------------------------------

class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_for_large_corpora(
        monkeypatch: pytest.MonkeyPatch) -> None:
    out, terminal = io.StringIO(), _Terminal()
    assert cli_run(["check"], out=out, err=terminal) == 0
    assert terminal.getvalue() == ""  # 5 articles: too few for a bar
    monkeypatch.setattr(cli_module, "PROGRESS_MIN_ARTICLES", 2)
    assert cli_run(["check"], out=out, err=terminal) == 0
    assert "5 articles: " in terminal.getvalue()
    assert "event" in terminal.getvalue()  # counts events as they are read
    assert cli_run(["scan"], out=out, err=terminal) == 0
    assert "scanning" in terminal.getvalue()
    _, checked, err = cli("check")  # the same corpus, stderr not a terminal: no bar
    assert err == ""
    assert out.getvalue().startswith(checked)


# --- tag and eval (issue 6) --------------------------------------------------------------------

TAG_TML = ('<?xml version="1.0" ?>\n<TimeML>\n<DOCID>d1</DOCID>\n'
           '<DCT><TIMEX3 tid="t0" type="DATE" value="2025-02-25" '
           'functionInDocument="CREATION_TIME">2025-02-25</TIMEX3></DCT>\n'
           '<TEXT>The U.N. <EVENT eid="e1" class="OCCURRENCE">voted</EVENT> on '
           '<TIMEX3 tid="t1" type="DATE" value="2025-02-24">Monday</TIMEX3> and meets again '
           '<TIMEX3 tid="t2" type="DATE" value="2025-W10">next week</TIMEX3>.</TEXT>\n'
           '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />\n'
           "</TimeML>\n")


@pytest.mark.parametrize("command", ["tag", "eval"])
def test_tag_and_eval_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    status, out, _ = run(capsys, command, "--help")
    assert status == 0 and "example" in out and f"timeline {command} " in out


def test_tag_plain_text_json_with_an_anchor(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    text = "The vote was on Monday, by 2030 at the latest."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    status, out, err = run(capsys, "tag", str(tmp_path / "a.txt"), "--anchor", "2025-02-25",
                           "--format", "json")
    assert status == 0 and err == ""
    found = json.loads(out)
    library = timeline.tag(text, date(2025, 2, 25))
    assert [m["span"] for m in found] == [list(m.extent) for m in library]
    monday = found[0]
    assert {"text", "span", "type", "value", "mod", "interval", "rule"} <= set(monday)
    assert (monday["text"], monday["value"], monday["type"]) == ("Monday", "2025-02-24", "DATE")
    assert monday["interval"] == ["2025-02-24", "2025-02-25"]
    assert text[slice(*found[1]["span"])] == found[1]["text"] == "2030"


def test_tag_timeml_uses_its_dct_and_writes_timeml(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    from timeline.timeml.read import parse_timeml, read_timeml

    path = tmp_path / "d1.tml"
    path.write_text(TAG_TML, encoding="utf-8")
    status, out, _ = run(capsys, "tag", str(path))
    assert status == 0
    assert out.splitlines()[0] == f"{path}  anchor 2025-02-25 (from DCT)"
    assert "2025-02-24" in out and "2025-W10" in out
    status, out, _ = run(capsys, "tag", str(path), "--format", "timeml")
    assert status == 0
    back = parse_timeml(out)
    gold = read_timeml(path)
    assert [(t.span, t.value) for t in back.timexes] == [(t.span, t.value)
                                                         for t in gold.timexes]
    assert back.annotations == gold.annotations and back.links == gold.links
    assert back.dct_timex == gold.dct_timex
    assert [t.tid for t in back.timexes] == ["t3", "t4"]  # fresh ids, not the gold ones


def test_tag_text_explain_shows_rule_and_cues(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The council will vote on Monday.", encoding="utf-8")
    status, out, _ = run(capsys, "tag", str(tmp_path / "a.txt"), "--anchor", "2025-02-25",
                         "--explain")
    assert status == 0
    header, row = out.splitlines()[1:3]
    assert header.split() == ["span", "text", "type", "value", "mod", "interval", "rule",
                              "cues", "reference"]
    assert "2025-03-03" in row and timeline.tag("The council will vote on Monday.",
                                                date(2025, 2, 25))[0].rule in row
    status, out, _ = run(capsys, "tag", str(tmp_path / "a.txt"), "--anchor", "2025-02-25",
                         "--explain", "--format", "json")
    explained = json.loads(out)[0]
    assert explained["matched"] == [22, 31] and "cues" in explained
    assert explained["reference"] == "anchor"  # a bare weekday counts from the anchor


def test_tag_explain_names_the_reference_time(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A year earlier, sales fell. Talks began on March 3. "
                                    "A day later, they ended.", encoding="utf-8")
    status, out, _ = run(capsys, "tag", str(tmp_path / "a.txt"), "--anchor", "2025-03-10",
                         "--explain", "--format", "json")
    assert status == 0
    found = {m["text"]: (m["value"], m["reference"]) for m in json.loads(out)}
    assert found["A year earlier"] == ("2024-03-10", "anchor")  # no date told before it
    assert found["A day later"] == ("2025-03-04", "2025-03-03")
    assert found["March 3"] == ("2025-03-03", None)  # a month-day refers to no other date


def test_tag_anchor_from_sources_toml_beside_the_file(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("They met on Monday.", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '[[articles]]\nid = "a"\nfile = "a.txt"\ntitle = "A"\npublished = 2025-02-25\n',
        encoding="utf-8")
    status, out, _ = run(capsys, "tag", str(tmp_path / "a.txt"))
    assert status == 0
    assert "anchor 2025-02-25 (from sources.toml (article 'a'))" in out
    assert "2025-02-24" in out


def test_tag_anchor_from_the_seeds_sources_toml(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "tag", str(ROOT / "seeds" / "002_828a49faf123ea01.txt"),
                         "--format", "text")
    assert status == 0  # seeds/ has a sources.toml, which lists 002
    assert "anchor 2025-02-25T11:38 (from sources.toml (article '002'))" in out.splitlines()[0]


def test_tag_dateline_when_nothing_lists_the_file(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Posted: February 25, 2025 at 11:38\n\nThey met Monday.",
                                    encoding="utf-8")
    status, out, _ = run(capsys, "tag", str(tmp_path / "a.txt"))
    assert status == 0
    assert "anchor 2025-02-25T11:38 (from dateline 'February 25, 2025 at 11:38')" in out


def test_tag_reads_only_its_own_entry_of_sources_toml(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    # Another entry's missing file (or bad date) is no concern of tagging this one.
    (tmp_path / "sources.toml").write_text(
        '[[articles]]\nid = "a"\nfile = "a.txt"\ntitle = "A"\npublished = 2025-02-25\n'
        '[[articles]]\nid = "b"\nfile = "gone.txt"\ntitle = "B"\npublished = "soon"\n',
        encoding="utf-8")
    (tmp_path / "a.txt").write_text("They met on Monday.", encoding="utf-8")
    status, out, _ = run(capsys, "tag", str(tmp_path / "a.txt"))
    assert status == 0
    assert "anchor 2025-02-25 (from sources.toml (article 'a'))" in out
    # Its own entry is checked as the loader checks it.
    (tmp_path / "sources.toml").write_text(
        '[[articles]]\nid = "a"\nfile = "a.txt"\ntitle = "A"\npublished = "soon"\n',
        encoding="utf-8")
    status, _, err = run(capsys, "tag", str(tmp_path / "a.txt"))
    assert status == 1
    assert_one_line_error(err, "sources.toml", "article 'a'", "published")


def test_tag_without_any_anchor_exits_1_saying_what_is_missing(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("They met on Monday.", encoding="utf-8")
    status, out, err = run(capsys, "tag", str(tmp_path / "a.txt"))
    assert status == 1 and out == ""
    assert_one_line_error(err, "a.txt", "no anchor date", "--anchor", "no sources.toml",
                          "dateline")
    (tmp_path / "sources.toml").write_text(
        '[[articles]]\nid = "b"\nfile = "b.txt"\ntitle = "B"\npublished = 2025-02-25\n',
        encoding="utf-8")
    (tmp_path / "b.txt").write_text("Other.", encoding="utf-8")
    status, _, err = run(capsys, "tag", str(tmp_path / "a.txt"))
    assert_one_line_error(err, "sources.toml beside it does not list it")
    (tmp_path / "c.tml").write_text("<TimeML><TEXT>Monday</TEXT></TimeML>", encoding="utf-8")
    status, _, err = run(capsys, "tag", str(tmp_path / "c.tml"))
    assert status == 1
    assert_one_line_error(err, "c.tml", "no usable DCT", "--anchor")
    (tmp_path / "d.tml").write_text("<!DOCTYPE x><TimeML/>", encoding="utf-8")
    status, _, err = run(capsys, "tag", str(tmp_path / "d.tml"))
    assert status == 1
    assert_one_line_error(err, "d.tml", "refused")


def _gold_folder(tmp_path: Path) -> Path:
    (tmp_path / "d1.tml").write_text(TAG_TML, encoding="utf-8")
    (tmp_path / "d2.tml").write_text(TAG_TML.replace(">next week<", ">soon<")
                                     .replace("2025-W10", "FUTURE_REF"), encoding="utf-8")
    return tmp_path


def test_eval_prints_the_task_a_table(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    status, out, err = run(capsys, "eval", str(_gold_folder(tmp_path)), "--errors", "3")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("TempEval-3 Task A: 2 documents, 4 gold TIMEX3s, ")
    table = {line.split()[0]: line.split()[1:] for line in lines[2:7]}
    assert set(table) == {"strict", "relaxed", "type", "value", "mod"}
    assert "characters per second" in out and "tagging only" in out
    assert "most frequent error kinds" in out


def test_eval_json_matches_the_library(capsys: pytest.CaptureFixture[str],
                                       tmp_path: Path) -> None:
    from timeline.timeml.score import evaluate, timeml_files

    folder = _gold_folder(tmp_path)
    status, out, _ = run(capsys, "eval", str(folder), "--json", "--errors", "2")
    assert status == 0
    report = json.loads(out)
    library = evaluate(timeml_files(folder)).to_dict(errors=2)
    for key in ("documents", "gold", "system", "strict", "relaxed", "type", "value", "mod",
                "errors"):
        assert report[key] == library[key], key
    assert report["documents"] == 2 and report["gold"] == 4
    assert len(report["errors"]) <= 2


def test_eval_on_a_folder_without_timeml_exits_1(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    status, out, err = run(capsys, "eval", str(tmp_path))
    assert status == 1 and out == ""
    assert_one_line_error(err, str(tmp_path), "no .tml files")
    status, _, err = run(capsys, "eval", str(tmp_path), "--errors", "0")
    assert status == 2
