"""What is not a time expression in running text (issue 15): the negatives corpus
(``negatives.toml`` beside this file) and the checks of ``timeline.tagger.notatime``."""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

import timeline
from timeline.errors import RuleTableError
from timeline.tagger.notatime import load_not_a_time
from timeline.tagger.scan import scan

_CORPUS = tomllib.loads((Path(__file__).parent / "negatives.toml").read_text(encoding="utf-8"))
_ANCHOR = _CORPUS["anchor"]
_CASES: list[dict[str, Any]] = _CORPUS["case"]


def _anchor() -> datetime:
    day = _ANCHOR
    assert isinstance(day, date)
    return datetime(day.year, day.month, day.day)


def test_the_corpus_is_varied() -> None:
    """At least sixty cases, most asserting something is not tagged."""
    assert len(_CASES) >= 60
    assert sum(1 for case in _CASES if case.get("not")) >= 40
    for case in _CASES:
        assert case.get("not") or case.get("tagged"), case["text"]
        for word in case.get("not", []):
            assert word in case["text"], (case["text"], word)
        for want in case.get("tagged", []):
            assert want["text"] in case["text"], (case["text"], want)


@pytest.mark.parametrize("case", _CASES, ids=[c["text"][:50] for c in _CASES])
def test_negatives(case: dict[str, Any]) -> None:
    text = case["text"]
    mentions = scan(text, _anchor())
    for word in case.get("not", []):
        start = text.index(word)
        end = start + len(word)
        touched = [text[s:e] for s, e in (m.extent for m in mentions) if s < end and start < e]
        assert not touched, f"{word!r} tagged as {touched} in {text!r}"
    found = {text[slice(*m.extent)]: m.timex for m in mentions}
    for want in case.get("tagged", []):
        assert want["text"] in found, f"{want['text']!r} not tagged in {text!r}: {found}"
        value = found[want["text"]]
        if "value" in want:
            assert value.value == want["value"], (text, value)
        if "type" in want:
            assert value.type.value == want["type"], (text, value)
        got_mod = value.mod.value if value.mod is not None else None
        assert got_mod == want.get("mod"), (text, value)


def test_a_phrase_asked_directly_is_still_read() -> None:
    """The checks are for running text: asked directly, an age is its length and a name's
    time word its date (issue 15: ``resolve("three-year-old")`` may keep giving P3Y)."""
    anchor = _anchor()
    assert timeline.resolve("three-year-old", anchor).value == "P3Y"
    assert timeline.resolve("100-year", anchor).value == "P100Y"
    assert timeline.resolve("around last week", anchor).mod is not None


def test_age_before_end_of_text_is_an_age() -> None:
    """In running text an age that ends the sentence is a person's ("the victim was a
    34-year-old.") and one before punctuation too."""
    for text in ("The victim was a 34-year-old.", "The victim, a 34-year-old, died."):
        assert scan(text, _anchor()) == []


def test_a_capitalised_word_between_a_date_and_a_head_keeps_the_date() -> None:
    """The date of an issue of a paper is a date ("your Oct. 23 Centennial Journal item"):
    only a head right after the time words ends a name."""
    text = "your Oct. 23 Centennial Journal item"
    assert [text[slice(*m.extent)] for m in scan(text, _anchor())] == ["Oct. 23"]


def test_a_year_is_no_name_word() -> None:
    """A bare year before a law's name dates the law ("the 1986 Tax Act"); only a word
    with a capital (a month, a day, a holiday) is a name's."""
    text = "Congress passed the 1986 Act in a hurry."
    assert [text[slice(*m.extent)] for m in scan(text, _anchor())] == ["1986"]


def test_a_title_noun_before_a_bare_weekday_is_a_date() -> None:
    """"released the album Tuesday": a verb's object before its date, not a title."""
    text = "The band released the album Tuesday."
    assert [text[slice(*m.extent)] for m in scan(text, _anchor())] == ["Tuesday"]


def test_the_tables_load_and_hold_words() -> None:
    words = load_not_a_time()
    assert "Agreement" in words.heads and "Operation" in words.openers
    assert "truce" in words.lasting and "flood" in words.return_period
    assert "turned" in words.around_verbs and "in" in words.around_followers


def test_a_language_without_the_table_checks_nothing() -> None:
    words = load_not_a_time("timeline.lang")
    assert not words.heads and not words.lasting


def test_a_broken_table_names_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "brokenlang"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "notatime.toml").write_text('[names]\nheads = "Agreement"\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(RuleTableError, match=r"notatime\.toml: names\.heads"):
        load_not_a_time("brokenlang")
