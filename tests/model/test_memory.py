"""``DraftMemory``: events.toml's ``[draft]`` table of what the draft has proposed before."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline import CorpusError
from timeline.model import memory
from timeline.model.load import read_draft_memory
from timeline.model.memory import DraftMemory

TEXT = "Leaders met on Monday."
EVENT = ('[[events]]\nid = "meeting"\ntitle = "Leaders meet"\n\n  [[events.claims]]\n'
         '  article = "a1"\n  quote = "Leaders met on Monday"\n  when = "on Monday"\n'
         '  status = "occurred"\n\n')
A, B = "0123456789abcdef", "fedcba9876543210"
fingerprints = st.text("0123456789abcdef", min_size=16, max_size=16)


def _corpus(folder: Path, events: str) -> Path:
    (folder / "a1.txt").write_text(TEXT, encoding="utf-8")
    (folder / "sources.toml").write_text(
        '[[articles]]\nid = "a1"\nfile = "a1.txt"\ntitle = "Leaders meet"\n'
        "published = 2025-02-25\n", encoding="utf-8")
    (folder / "events.toml").write_text(events, encoding="utf-8")
    return folder


def test_a_draft_table_loads_and_is_read_back(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, EVENT + f'[draft]\nseen = ["{A}", "{B}", "{A}"]\n')
    assert len(timeline.load(folder)) == 1
    remembered = read_draft_memory(folder)
    assert remembered == read_draft_memory(folder / "events.toml")
    assert remembered.seen == {A, B} and A in remembered and len(remembered) == 2


def test_no_file_or_no_table_is_an_empty_memory(tmp_path: Path) -> None:
    assert read_draft_memory(tmp_path) == DraftMemory()
    assert read_draft_memory(_corpus(tmp_path, EVENT)) == DraftMemory()
    assert read_draft_memory(_corpus(tmp_path, EVENT + "[draft]\n")).seen == frozenset()


@pytest.mark.parametrize(("table", "field", "message"), [
    ('draft = "x"\n', "draft", "expected a table"),
    ("[[draft]]\n", "draft", "expected a table"),
    ("[draft]\nkept = []\n", "kept", "unknown key"),
    ('[draft]\nseen = "0123456789abcdef"\n', "seen", "expected a list of fingerprints"),
    ("[draft]\nseen = [12]\n", "seen", "item 1: expected a fingerprint"),
    ('[draft]\nseen = ["0123456789ABCDEF"]\n', "seen", "16 lower-case hexadecimal"),
    ('[draft]\nseen = ["0123"]\n', "seen", "item 1"),
    (f'[draft]\nseen = ["{A}", "{A}0"]\n', "seen", "item 2"),
])
def test_a_bad_draft_table_is_a_corpus_error_naming_the_field(
        tmp_path: Path, table: str, field: str, message: str) -> None:
    # A pair of the top level comes before any table, a table after the events.
    folder = _corpus(tmp_path, table + EVENT if table.startswith("draft =") else EVENT + table)
    for read in (timeline.load, read_draft_memory):
        with pytest.raises(CorpusError) as caught:
            read(folder)
        assert caught.value.field == field
        assert caught.value.file is not None and caught.value.file.endswith("events.toml")
        assert message in caught.value.message


def test_the_count_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "MAX_SEEN", 2)
    folder = _corpus(tmp_path, EVENT + f'[draft]\nseen = ["{A}", "{B}", "{"1" * 16}"]\n')
    with pytest.raises(CorpusError, match="3 fingerprints; at most 2") as caught:
        timeline.load(folder)
    assert caught.value.field == "seen"


def test_other_top_level_keys_are_still_errors(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="unknown key") as caught:
        timeline.load(_corpus(tmp_path, EVENT + "[drafts]\n"))
    assert caught.value.field == "drafts"


def test_a_memory_built_in_python_is_checked() -> None:
    with pytest.raises(CorpusError, match="fingerprint"):
        DraftMemory(frozenset({"not hex"}))
    with pytest.raises(CorpusError, match="fingerprint"):
        DraftMemory().remember(["xyz"])


@given(st.lists(fingerprints, max_size=8), st.lists(fingerprints, max_size=8))
def test_unseen_is_what_memory_lacks_in_order(old: list[str], new: list[str]) -> None:
    remembered = DraftMemory(frozenset(old))
    fresh = remembered.unseen(new)
    assert fresh == list(dict.fromkeys(f for f in new if f not in old))
    assert remembered.remember(new).unseen(new) == []
    assert remembered.remember(new).seen == set(old) | set(new)
