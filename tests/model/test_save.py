"""``Timeline.save``: a corpus folder that ``timeline.load`` reads back to an equal timeline."""

from __future__ import annotations

import os
import tempfile
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import python_timelines

import timeline
from timeline import Article, Claim, CorpusError, EventSpec, Timeline
from timeline.model.claim import Status

TEXT = "Leaders met on Monday. Leaders met on Monday. The council voted on Tuesday."


def _small() -> Timeline:
    article = Article(id="a1", title="Leaders meet", published="2025-02-25", text=TEXT,
                      outlet="Wire")
    meeting = EventSpec.build("meeting", "Leaders meet", [
        Claim.build(article, "Leaders met on Monday.", event="meeting", when="on Monday",
                    occurrence=2)])
    vote = EventSpec.build("vote", "The council votes", [
        Claim.build(article, "The council voted on Tuesday", event="vote", when="on Tuesday",
                    tense="future", after="meeting", note="a guess")])
    return Timeline.from_articles([article], [meeting, vote], title="Votes", zone="UTC")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.filter_too_much])
@given(python_timelines())
def test_a_saved_timeline_loads_back_equal(tl: Timeline) -> None:
    """The round trip (#12): random texts, titles, dates and datetimes (aware ones too),
    claims quoting them, order between events; save, load, equal."""
    with tempfile.TemporaryDirectory() as folder:
        tl.save(Path(folder) / "corpus")
        back = timeline.load(Path(folder) / "corpus")
        assert back == tl
        assert [s.id for s in back.specs] == [s.id for s in tl.specs]
        assert not [p for p in Path(folder).rglob("*") if p.name.endswith(".tmp")]


def test_the_seeds_save_and_load_back_equal(tmp_path: Path) -> None:
    seeds = timeline.load()
    seeds.save(tmp_path / "copy")
    assert timeline.load(tmp_path / "copy") == seeds


def test_what_save_writes(tmp_path: Path) -> None:
    folder = _small().save(tmp_path / "new" / "corpus")  # made with its parents
    assert sorted(p.name for p in folder.iterdir()) == ["a1.txt", "events.toml",
                                                        "sources.toml"]
    assert (folder / "a1.txt").read_bytes() == TEXT.encode("utf-8")
    sources = tomllib.loads((folder / "sources.toml").read_text(encoding="utf-8"))
    assert sources["corpus"] == {"title": "Votes", "zone": "UTC"}
    assert sources["articles"] == [{"id": "a1", "file": "a1.txt", "title": "Leaders meet",
                                    "outlet": "Wire", "published": date(2025, 2, 25)}]
    events = tomllib.loads((folder / "events.toml").read_text(encoding="utf-8"))["events"]
    # occurrence only where the quote is there twice; tense only where it is not the
    # status's own (past for occurred); nothing that is empty.
    assert events[0] == {"id": "meeting", "title": "Leaders meet", "claims": [
        {"article": "a1", "quote": "Leaders met on Monday.", "occurrence": 2,
         "status": "occurred", "when": "on Monday"}]}
    assert events[1]["claims"] == [
        {"article": "a1", "quote": "The council voted on Tuesday", "status": "occurred",
         "when": "on Tuesday", "tense": "future", "after": "meeting", "note": "a guess"}]


def test_save_keeps_relative_files_and_names_the_rest(tmp_path: Path) -> None:
    kept = Article(id="k", title="K", published=date(2025, 1, 1), text="k", file="texts/k.md")
    odd = Article(id="Agence / 12", title="O", published=date(2025, 1, 1), text="o")
    Timeline.from_articles([kept, odd]).save(tmp_path)
    assert (tmp_path / "texts" / "k.md").read_text(encoding="utf-8") == "k"
    made = [p.name for p in tmp_path.iterdir() if p.name.startswith("Agence")]
    assert len(made) == 1 and made[0].endswith(".txt") and "/" not in made[0]
    back = timeline.load(tmp_path)
    assert back.articles["k"].file == "texts/k.md"
    assert back.articles["Agence / 12"].text == "o"


@pytest.mark.parametrize("file", ["../out.txt", "/tmp/out.txt", "a/../../out.txt",
                                  "sources.toml", "EVENTS.toml"])
def test_save_never_writes_outside_or_over_the_corpus_files(tmp_path: Path, file: str) -> None:
    article = Article(id="a", title="A", published=date(2025, 1, 1), text="x", file=file)
    with pytest.raises(CorpusError) as caught:
        Timeline.from_articles([article]).save(tmp_path / "corpus")
    assert caught.value.field == "file" and caught.value.entry == "article 'a'"
    assert not (tmp_path / "corpus").exists() and not (tmp_path / "out.txt").exists()


def test_two_articles_in_one_file_is_an_error(tmp_path: Path) -> None:
    a = Article(id="a", title="A", published=date(2025, 1, 1), text="x", file="t.txt")
    b = Article(id="b", title="B", published=date(2025, 1, 1), text="y", file="T.txt")
    with pytest.raises(CorpusError, match="also article 'a'"):
        Timeline.from_articles([a, b]).save(tmp_path)


def test_a_failed_save_changes_nothing_and_leaves_no_temporaries(tmp_path: Path) -> None:
    _small().save(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    (tmp_path / "sub").write_text("a file where a folder is needed", encoding="utf-8")
    article = Article(id="a1", title="Changed", published=date(2025, 2, 26), text="new",
                      file="sub/a1.txt")
    with pytest.raises(OSError):
        Timeline.from_articles([article]).save(tmp_path)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name != "sub"}
    assert after == before


def test_a_failed_rename_removes_every_temporary(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        calls.append(target)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("timeline.model.files.os.replace", replace)
    with pytest.raises(OSError):
        _small().save(tmp_path)
    assert len(calls) == 1 and not list(tmp_path.iterdir())


def test_a_claim_made_by_hand_is_refused_not_written_wrong(tmp_path: Path) -> None:
    """A ``Claim(...)`` whose value no 'when' or 'date' gives would load differently."""
    from timeline.time.value import TimeValue

    article = Article(id="a", title="A", published=date(2025, 2, 24), text="It happened.")
    claim = Claim(event="e", article="a", quote="It happened.", span=(0, 12),
                  status=Status.OCCURRED, known_from=date(2025, 2, 24),
                  value=TimeValue.from_timex("2025-02-20"))
    tl = Timeline.from_articles([article], [EventSpec("e", "E", (), None, None, (claim,))])
    with pytest.raises(CorpusError, match=r"Claim\.build") as caught:
        tl.save(tmp_path)
    assert caught.value.entry == "event 'e', claim 1"
    assert not list(tmp_path.iterdir())


def test_timelines_compare_by_value() -> None:
    assert _small() == _small()
    assert _small() != _small().as_of(date(2025, 2, 24))
    other = _small()
    assert Timeline.from_articles(list(other.articles.values()), other.specs[:1],
                                  title="Votes", zone="UTC") != other
    with pytest.raises(TypeError):
        hash(other)
    assert (_small() == "a timeline") is False


def test_aware_publication_times_keep_their_instant(tmp_path: Path) -> None:
    moment = datetime(2025, 2, 24, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    article = Article(id="a", title="A", published=moment, text="x")
    Timeline.from_articles([article], title="T").save(tmp_path)
    assert timeline.load(tmp_path).articles["a"].published == moment


# --- what the folder's names point to: links followed, hard links kept, FIFOs refused (#13) -

def test_save_through_a_symlinked_sources_toml(tmp_path: Path) -> None:  # #13
    (tmp_path / "corpus").mkdir()
    (tmp_path / "kept.toml").write_text("# old\n", encoding="utf-8")
    (tmp_path / "corpus" / "sources.toml").symlink_to(tmp_path / "kept.toml")
    _small().save(tmp_path / "corpus")
    assert (tmp_path / "corpus" / "sources.toml").is_symlink()
    assert "[[articles]]" in (tmp_path / "kept.toml").read_text(encoding="utf-8")
    assert timeline.load(tmp_path / "corpus").events == _small().events
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "kept.toml"]


def test_save_keeps_a_hard_linked_events_toml_linked(tmp_path: Path) -> None:  # #13
    (tmp_path / "events.toml").write_text("# old\n", encoding="utf-8")
    os.link(tmp_path / "events.toml", tmp_path / "events-copy.toml")
    _small().save(tmp_path)
    assert (tmp_path / "events-copy.toml").read_bytes() == \
        (tmp_path / "events.toml").read_bytes() != b"# old\n"


def test_save_refuses_a_fifo_and_changes_nothing(tmp_path: Path) -> None:  # #13
    os.mkfifo(tmp_path / "events.toml")  # written through, it would wait for a reader
    with pytest.raises(OSError, match="a FIFO; not written"):
        _small().save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.toml"]
