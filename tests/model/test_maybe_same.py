"""``maybe_same``: the draft's suggestion that two events may be one, as events.toml says it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline import Article, Claim, CorpusError, EventSpec, Timeline
from timeline.model.event import maybe_same_of
from timeline.model.load import seeds_dir
from timeline.model.save import events_toml

TEXT = "Leaders met on Monday. The council voted on Tuesday. The assembly voted on Monday."
ARTICLE = Article(id="a1", title="Votes", published="2025-02-25", text=TEXT)
QUOTES = {"meeting": ("Leaders met on Monday", "on Monday"),
          "vote": ("The council voted on Tuesday", "on Tuesday"),
          "assembly": ("The assembly voted on Monday", "on Monday")}


def _spec(event_id: str, *, maybe_same: tuple[str, ...] = (), quote: str = "meeting") -> EventSpec:
    text, when = QUOTES[quote]
    return EventSpec.build(event_id, event_id.title(),
                           [Claim.build(ARTICLE, text, event=event_id, when=when)],
                           maybe_same=maybe_same)


def _corpus(folder: Path, events: str) -> Path:
    (folder / "a1.txt").write_text(TEXT, encoding="utf-8")
    (folder / "sources.toml").write_text(
        '[[articles]]\nid = "a1"\nfile = "a1.txt"\ntitle = "Votes"\npublished = 2025-02-25\n',
        encoding="utf-8")
    (folder / "events.toml").write_text(events, encoding="utf-8")
    return folder


def _event(event_id: str, extra: str = "") -> str:
    return (f'[[events]]\nid = "{event_id}"\ntitle = "An event"\n{extra}'
            f'  [[events.claims]]\n  article = "a1"\n  quote = "Leaders met on Monday"\n'
            f'  when = "on Monday"\n  status = "occurred"\n\n')


def test_the_loader_reads_maybe_same_and_events_read_it_both_ways(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, _event("meeting", 'maybe_same = ["vote"]\n') + _event("vote")
                     + _event("other"))
    tl = timeline.load(folder)
    assert tl.specs and {s.id: s.maybe_same for s in tl.specs} == {
        "meeting": ("vote",), "vote": (), "other": ()}
    assert tl["meeting"].maybe_same == ("vote",)
    assert tl["vote"].maybe_same == ("meeting",)  # written on one side, read on both
    assert tl["other"].maybe_same == ()


def test_an_event_without_maybe_same_is_built_as_before() -> None:
    spec = EventSpec("e", "E", (), None, None, ())
    assert spec.maybe_same == ()
    assert _spec("meeting").maybe_same == ()


def test_events_toml_writes_maybe_same_and_a_saved_timeline_loads_back_equal(
        tmp_path: Path) -> None:
    specs = [_spec("meeting", maybe_same=("vote", "assembly")), _spec("vote", quote="vote"),
             _spec("assembly", quote="assembly")]
    text = events_toml(specs, {"a1": ARTICLE})
    assert 'maybe_same = ["vote", "assembly"]\n' in text
    tl = Timeline.from_articles([ARTICLE], specs, title="Votes")
    back = timeline.load(tl.save(tmp_path / "corpus"))
    assert back == tl
    assert back["assembly"].maybe_same == ("meeting",)


def test_the_json_round_trip_keeps_maybe_same() -> None:
    tl = Timeline.from_articles([ARTICLE], [_spec("meeting", maybe_same=("vote",)),
                                            _spec("vote", quote="vote")])
    data = tl.to_dict()
    assert [e["maybe_same"] for e in data["events"]] in (
        [["vote"], []], [[], ["vote"]])
    assert Timeline.from_dict(data) == tl


@pytest.mark.parametrize(("line", "message"), [
    ('maybe_same = "vote"\n', "expected a list of event ids"),
    ("maybe_same = [1]\n", "expected a list of event ids"),
    ('maybe_same = ["Vote!"]\n', "is not an event id"),
    ('maybe_same = ["meeting"]\n', "names the event itself"),
    ('maybe_same = ["vote", "vote"]\n', "'vote' is named twice"),
    ('maybe_same = ["nowhere"]\n', "unknown event 'nowhere'"),
])
def test_a_bad_maybe_same_is_a_corpus_error_naming_file_event_and_field(
        tmp_path: Path, line: str, message: str) -> None:
    folder = _corpus(tmp_path, _event("meeting", line) + _event("vote"))
    with pytest.raises(CorpusError) as caught:
        timeline.load(folder)
    error = caught.value
    assert error.field == "maybe_same"
    assert error.entry == "event 'meeting'"
    assert error.file is not None and error.file.endswith("events.toml")
    assert message in error.message


def test_maybe_same_built_in_python_is_checked_as_the_file_is() -> None:
    with pytest.raises(CorpusError, match="names the event itself") as caught:
        _spec("meeting", maybe_same=("meeting",))
    assert caught.value.field == "maybe_same"
    with pytest.raises(CorpusError, match="unknown event 'vote'") as unknown:
        Timeline.from_articles([ARTICLE], [_spec("meeting", maybe_same=("vote",))])
    assert unknown.value.field == "maybe_same"


def test_the_seed_corpus_with_suggestions_loads(tmp_path: Path) -> None:
    """The realistic case: suggestions added to the curated file by hand."""
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), folder)
    path = folder / "events.toml"
    text = path.read_text(encoding="utf-8")
    anchor = 'id = "sc-vote"\n'
    assert anchor in text
    path.write_text(text.replace(anchor, anchor + 'maybe_same = ["ga-vote"]\n'),
                    encoding="utf-8")
    tl = timeline.load(folder)
    assert tl["ga-vote"].maybe_same == ("sc-vote",)
    assert tl["sc-vote"].maybe_same == ("ga-vote",)


IDS = [f"e{i}" for i in range(6)]


@settings(max_examples=50)
@given(st.dictionaries(st.sampled_from(IDS), st.lists(st.sampled_from(IDS), unique=True,
                                                        max_size=4)))
def test_maybe_same_is_read_symmetrically(edges: dict[str, list[str]]) -> None:
    """``b`` may be ``a`` exactly when ``a`` may be ``b``, wherever it was written, and
    nothing else is suggested."""
    specs = [EventSpec(i, i, (), None, None, (), tuple(o for o in edges.get(i, ()) if o != i))
             for i in IDS]
    both = maybe_same_of(specs)
    written = {(s.id, o) for s in specs for o in s.maybe_same}
    read = {(a, b) for a, others in both.items() for b in others}
    assert read == written | {(b, a) for a, b in written}
    for event, others in both.items():
        assert len(set(others)) == len(others) and event not in others


def test_a_saved_corpus_of_many_suggestions_loads_back() -> None:
    specs = [_spec("meeting", maybe_same=("vote",)),
             _spec("vote", maybe_same=("assembly", "meeting"), quote="vote"),
             _spec("assembly", quote="assembly")]
    tl = Timeline.from_articles([ARTICLE], specs)
    with tempfile.TemporaryDirectory() as folder:
        back = timeline.load(tl.save(folder))
    assert back["meeting"].maybe_same == ("vote",)  # both ways, once
    assert back["assembly"].maybe_same == ("vote",)
