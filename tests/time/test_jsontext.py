"""JSON text from ``to_json`` (issue 12): a real ``str``; read as the dict it used to be, it
answers for one release with a ``DeprecationWarning``."""

from __future__ import annotations

import json
import warnings
from datetime import date

import pytest

import timeline
from timeline.errors import CorpusError, TimexError
from timeline.query.timeline import Timeline
from timeline.time.jsontext import JSONText, dump_json, read_json

DATA = {"format": "x/1", "events": [{"id": "é"}], "n": 2}


def test_it_is_the_text() -> None:
    doc = dump_json(DATA, "Thing")
    assert type(doc) is JSONText and isinstance(doc, str)
    assert doc == json.dumps(DATA, ensure_ascii=False) and "é" in doc
    assert doc[0] == "{" and doc[:10] == '{"format":' and len(doc) == len(str(doc))
    assert hash(doc) == hash(str(doc)) and {doc: 1}[str(doc)] == 1
    assert json.loads(doc) == DATA
    assert dump_json(DATA, "Thing", indent=2) == json.dumps(DATA, ensure_ascii=False, indent=2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # none of the above warns
        assert doc != "{}" and doc.startswith("{")


def test_read_as_a_dict_it_warns_and_answers() -> None:
    doc = dump_json(DATA, "Thing")
    with pytest.warns(DeprecationWarning, match=r"Thing\.to_json\(\) returns JSON text.*"
                                                r"use Thing\.to_dict\(\)"):
        assert doc["events"] == [{"id": "é"}]
    with pytest.warns(DeprecationWarning):
        assert doc.get("n") == 2 and doc.get("missing", 0) == 0
    with pytest.warns(DeprecationWarning):
        assert list(doc.keys()) == ["format", "events", "n"]
    with pytest.warns(DeprecationWarning):
        assert dict(doc) == DATA and {**doc} == DATA
    with pytest.warns(DeprecationWarning):
        assert list(doc.values())[2] == 2 and dict(doc.items()) == DATA
    with pytest.warns(DeprecationWarning):
        assert doc == DATA
    with pytest.warns(DeprecationWarning):
        assert (doc != DATA) is False and doc != {"n": 3}
    with pytest.warns(DeprecationWarning), pytest.raises(KeyError):
        doc["nope"]


def test_the_warning_points_at_the_caller() -> None:
    doc = dump_json(DATA, "Thing")
    with pytest.warns(DeprecationWarning) as caught:
        doc["n"]
    assert caught[0].filename == __file__


def test_read_json() -> None:
    assert read_json('{"a": 1}', "Thing", error=TimexError) == {"a": 1}
    assert read_json(b'{"a": "\xc3\xa9"}', "Thing", error=TimexError) == {"a": "é"}
    with pytest.warns(DeprecationWarning, match=r"Thing\.from_json\(mapping\).*Thing\.from_dict"):
        assert read_json({"a": 1}, "Thing", error=TimexError) == {"a": 1}
    for bad, needle in (("{", "not JSON"), ("[]", "a JSON object, got list"),
                        (b"\xff", "not JSON"), (None, "NoneType"), ("1" * 100, "...")):
        with pytest.raises(TimexError, match=needle):
            read_json(bad, "Thing", error=TimexError)


# --- every class with to_json ------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds() -> Timeline:
    return timeline.load("seeds")


def test_timeline_to_json_and_back(seeds: Timeline) -> None:
    text = seeds.to_json()
    assert isinstance(text, str) and json.loads(text) == seeds.to_dict()
    assert "\n" not in text, "compact unless an indent is asked for"
    assert seeds.to_json(indent=2) == json.dumps(seeds.to_dict(), ensure_ascii=False, indent=2)
    again = Timeline.from_json(text)
    assert again.to_json() == text
    assert Timeline.from_json(text.encode("utf-8")).to_dict() == seeds.to_dict()
    assert Timeline.from_dict(seeds.to_dict()).to_json() == text


def test_timeline_old_spellings_warn_and_work(seeds: Timeline) -> None:
    view = seeds.as_of(date(2025, 2, 24))
    with pytest.warns(DeprecationWarning, match=r"Timeline\.to_dict\(\)"):
        assert view.to_json()["as_of"] == "2025-02-24"
    with pytest.warns(DeprecationWarning, match=r"Timeline\.from_dict") as caught:
        again = Timeline.from_json(view.to_dict())  # type: ignore[arg-type]
    assert caught[0].filename == __file__
    assert again.to_dict() == view.to_dict()


@pytest.mark.parametrize(("document", "needle"), [
    ("{not json", "Timeline.from_json: not JSON"), ("[]", "got list"),
    ('{"format": "other/1"}', "not a timeline document"), (42, "got int"),
])
def test_timeline_from_bad_json(document: object, needle: str) -> None:
    with pytest.raises(CorpusError, match=needle):
        Timeline.from_json(document)  # type: ignore[arg-type]
    with pytest.raises(CorpusError):
        Timeline.from_dict([1, 2])  # type: ignore[arg-type]


def test_mentions_and_evaluations() -> None:
    mention = timeline.tag("The vote was on Monday.", "2025-02-25")[0]
    assert json.loads(mention.to_json()) == mention.to_dict()
    assert mention.to_dict()["value"] == "2025-02-24" and mention.to_dict()["span"] == [13, 22]
    with pytest.warns(DeprecationWarning, match=r"Mention\.to_dict"):
        assert mention.to_json()["rule"] == mention.rule
    from timeline.timeml.score import evaluate

    evaluation = evaluate([])
    assert json.loads(evaluation.to_json(errors=1)) == evaluation.to_dict(errors=1)
    assert evaluation.to_json(indent=2).startswith('{\n  "documents": 0')
