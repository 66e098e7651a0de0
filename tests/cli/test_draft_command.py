"""``timeline draft``: the corpus's raw articles to a draft ``events.toml`` the user edits,
and again without undoing the user's work (#14)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import timeline
from timeline.cli import run
from timeline.draft.toml import MEMORY
from timeline.model.load import read_draft_memory, seeds_dir


def _corpus(tmp_path: Path) -> Path:
    """The seeds' articles without their curated events: what `timeline init` leaves."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in seeds_dir().iterdir():
        if path.suffix == ".txt" or path.name == "sources.toml":
            shutil.copy(path, folder / path.name)
    return folder


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_draft_writes_an_events_file_that_loads(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    code, out, err = _run("draft", str(folder))
    assert code == 0, err
    assert out == ""
    assert "events from" in err and "events.toml" in err
    tl = timeline.load(folder)
    assert len(tl.events) >= 10
    assert read_draft_memory(folder).seen  # what it proposed is remembered
    # Every claim quotes its article exactly (the loader found each quote).
    for event in tl.events:
        for claim in event.claims:
            text = tl.articles[claim.article].text
            assert text[claim.span[0]:claim.span[1]] == claim.quote


def test_a_second_run_adds_nothing_and_keeps_the_users_edits(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    assert _run("draft", str(folder))[0] == 0
    events = folder / "events.toml"
    text = events.read_text(encoding="utf-8")
    # The user renames the first event's title and deletes the second event.
    first = text.index("[[events]]")
    second = text.index("[[events]]", first + 1)
    third = text.index("[[events]]", second + 1)
    title_line = text.index("title = ", first)
    end_of_line = text.index("\n", title_line)
    edited = (text[:title_line] + 'title = "My own title"' + text[end_of_line:second]
              + text[third:])
    events.write_text(edited, encoding="utf-8")
    code, _, err = _run("draft", str(folder))
    assert code == 0, err
    assert "proposed before" in err
    again = events.read_text(encoding="utf-8")
    assert again == edited  # nothing new: the file as the user left it
    assert "My own title" in [event.title for event in timeline.load(folder).events]


def test_all_proposes_everything_again_after_the_users_events(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    _run("draft", str(folder))
    before = (folder / "events.toml").read_text(encoding="utf-8")
    user_part = before[:before.index(MEMORY)]
    code, _, err = _run("draft", str(folder), "--all")
    assert code == 0, err
    after = (folder / "events.toml").read_text(encoding="utf-8")
    assert after.startswith(user_part.rstrip())
    assert len(timeline.load(folder).events) == 2 * len(
        [1 for line in before.splitlines() if line == "[[events]]"])


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_text_and_json_go_to_standard_output(tmp_path: Path, fmt: str) -> None:
    folder = _corpus(tmp_path)
    code, out, err = _run("draft", str(folder), "--format", fmt, "--top", "3")
    assert code == 0, err
    assert not (folder / "events.toml").exists()
    if fmt == "json":
        document = json.loads(out)
        assert len(document["events"]) == 3
    else:
        assert out.startswith("Draft: 3 events")


def test_about_keeps_an_entitys_events(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    code, out, err = _run("draft", str(folder), "--about", "Macron", "--format", "json")
    assert code == 0, err
    events = json.loads(out)["events"]
    assert events
    for event in events:
        assert any("Macron" in actor["name"] for actor in event["actors"]), event["title"]


def test_o_writes_elsewhere_and_refuses_the_corpus_own_files(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    elsewhere = tmp_path / "draft.toml"
    assert _run("draft", str(folder), "-o", str(elsewhere))[0] == 0
    assert elsewhere.read_text(encoding="utf-8").count("[[events]]") >= 10
    assert not (folder / "events.toml").exists()
    manifest = (folder / "sources.toml").read_bytes()
    code, _, err = _run("draft", str(folder), "-o", str(folder / "sources.toml"))
    assert code == 1
    assert "own file" in err and "Traceback" not in err
    assert (folder / "sources.toml").read_bytes() == manifest


def test_a_broken_events_file_is_one_line_and_stays_as_it_was(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    (folder / "events.toml").write_text("[[events]]\nid = 3\n", encoding="utf-8")
    code, _, err = _run("draft", str(folder))
    assert code == 1
    assert err.count("\n") <= 3 and "events.toml" in err and "Traceback" not in err
    assert (folder / "events.toml").read_text(encoding="utf-8") == "[[events]]\nid = 3\n"


def test_every_event_drafts_more_than_the_dated_statements(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    code, dated, err = _run("draft", str(folder), "--format", "json")
    assert code == 0, err
    code, every, err = _run("draft", str(folder), "--format", "json", "--every-event")
    assert code == 0, err
    count = sum(len(e["candidates"]) for e in json.loads(dated)["events"])
    assert sum(len(e["candidates"]) for e in json.loads(every)["events"]) > count


def test_jobs_give_the_same_draft(tmp_path: Path) -> None:  # (#16)
    import newsgen
    from test_tag_command import write_folder

    folder = write_folder(tmp_path / "news", newsgen.records(36, seed=51))
    one = _run("draft", str(folder), "--format", "json", "--jobs", "1")
    assert one[0] == 0
    assert _run("draft", str(folder), "--format", "json", "--jobs", "2") == one


def test_from_jsonl_drafts_to_standard_output(tmp_path: Path) -> None:  # (#16)
    import newsgen
    from test_tag_command import write_jsonl

    from timeline.batch import article_of

    records = newsgen.records(12, seed=52)
    source = write_jsonl(tmp_path / "in.jsonl", records)
    code, out, err = _run("draft", "--from", str(source), "--format", "json", "--jobs", "1")
    expected = timeline.draft([article_of(r) for r in records])
    assert code == 0 and f"{len(expected)} events from 12 articles" in err
    assert json.loads(out) == expected.to_dict()
    code, out, _ = _run("draft", "--from", str(source))
    assert code == 0 and "[[events]]" in out
    assert _run("draft", str(tmp_path), "--from", str(source))[0] == 1
