"""Reading a timeline back from JSON: every field checked on the way in (#13), so a
malformed export is a ``CorpusError`` naming the field's path, never a ``TypeError`` later in
``.events`` or ``.to_ics()``."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import timeline
from timeline.errors import CorpusError
from timeline.query.timeline import Timeline


@cache
def _seed_exports() -> tuple[dict[str, Any], ...]:
    tl = timeline.load("seeds")
    return tl.to_dict(), tl.as_of("2025-02-20").to_dict()


def _export() -> dict[str, Any]:
    return copy.deepcopy(_seed_exports()[0])


def _read(data: dict[str, Any]) -> Timeline:
    return Timeline.from_dict(data)


def test_the_seed_exports_read_back() -> None:
    for data in _seed_exports():
        assert _read(copy.deepcopy(data)).to_dict() == data


# --- regressions: each mutation the audit found getting through (#13) --------------------------

def _first_claim(data: dict[str, Any]) -> dict[str, Any]:
    claim: dict[str, Any] = data["events"][0]["claims"][0]
    return claim


def _valued(data: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The path and the dict of the first claim's value in the export."""
    for i, spec in enumerate(data["events"]):
        for k, claim in enumerate(spec["claims"]):
            if claim["value"] is not None:
                return f"events[{i}].claims[{k}].value", claim["value"]
    raise AssertionError("no claim with a value in the seeds")


@pytest.mark.parametrize(("change", "field", "needle"), [
    # wrong types: accepted before #13, then TypeError/AttributeError later
    (lambda d: _first_claim(d).__setitem__("article", [1, 2, 3]),
     "events[0].claims[0].article", "expected a string"),
    (lambda d: d["events"][0].__setitem__("actors", ["a", 703576]),
     "events[0].actors", "a list of strings"),
    (lambda d: d["events"][0].__setitem__("id", 10**30), "events[0].id", "expected a string"),
    (lambda d: d["events"][0].__setitem__("title", {}), "events[0].title", "expected a string"),
    (lambda d: d["events"][0].__setitem__("place", -1), "events[0].place", "expected a string"),
    (lambda d: _first_claim(d).__setitem__("before", [0, 1]),
     "events[0].claims[0].before", "expected a string"),
    (lambda d: _first_claim(d).__setitem__("when", 1.5),
     "events[0].claims[0].when", "expected a string"),
    (lambda d: _first_claim(d).__setitem__("tense", ["a"]),
     "events[0].claims[0].tense", "expected a string"),
    (lambda d: _first_claim(d).__setitem__("note", [5, 2]),
     "events[0].claims[0].note", "expected a string"),
    (lambda d: _first_claim(d).__setitem__("ongoing", "yes"),
     "events[0].claims[0].ongoing", "true or false"),
    (lambda d: _valued(d)[1].__setitem__("value", -103908),
     "VALUE", "'value': expected a string"),
    (lambda d: _valued(d)[1].__setitem__("quant", [5, 2]),
     "VALUE", "'quant': expected a string"),
    (lambda d: _valued(d)[1].__setitem__("value", None),
     "VALUE", "'value': expected a string"),
    (lambda d: _valued(d)[1].__setitem__("interval", ["2025-01-01"]),
     "VALUE", "'interval'"),
    # spans, quotes and article ids
    (lambda d: _first_claim(d).__setitem__("span", [5, 2]),
     "events[0].claims[0].span", "expected [start, end] integers, got [5, 2]"),
    (lambda d: _first_claim(d).__setitem__("span", [True, 3]),
     "events[0].claims[0].span", "expected [start, end] integers"),
    (lambda d: _first_claim(d).__setitem__("span", [0, 10**9]),
     "events[0].claims[0].span", "is not where the quote is"),
    (lambda d: _first_claim(d).__setitem__("quote", "not in the article"),
     "events[0].claims[0].span", "is not where the quote is"),
    (lambda d: _first_claim(d).__setitem__("article", "nope"),
     "events[0].claims[0].article", "the id of an article"),
    (lambda d: _first_claim(d).__setitem__("when_span", [0, 1]),
     "events[0].claims[0].when_span", "is not where 'when' is"),
    # enums, moments, nested objects, the sha256
    (lambda d: _first_claim(d).__setitem__("status", "unconfirmed"),
     "events[0].claims[0].status", "'occurred', 'reported'"),
    (lambda d: _first_claim(d).__setitem__("part", "middle"),
     "events[0].claims[0].part", "'start' or 'end'"),
    (lambda d: _first_claim(d).__setitem__("known_from", "yesterday"),
     "events[0].claims[0].known_from", "an ISO date or datetime"),
    (lambda d: _first_claim(d).__delitem__("known_from"),
     "events[0].claims[0].known_from", "missing"),
    (lambda d: _first_claim(d).__setitem__("value", [1]),
     "events[0].claims[0].value", "expected an object"),
    (lambda d: d["articles"][1].__setitem__("text", d["articles"][1]["text"] + "!"),
     "articles[1].sha256", "does not match"),
    (lambda d: d["articles"][0].__setitem__("published", 20250224),
     "articles[0].published", "expected a string"),
    (lambda d: d.__setitem__("events", {}), "events", "expected a list"),
    (lambda d: d["events"].__setitem__(2, "e"), "events[2]", "expected an object"),
    (lambda d: d.__setitem__("possibly", "no"), "possibly", "true or false"),
    (lambda d: d.__setitem__("corpus", 3), "corpus", "expected an object"),
    (lambda d: d["corpus"].__setitem__("zone", "Mars/Base"), "corpus.zone", "unknown zone"),
    (lambda d: d["articles"][0].__setitem__("id", ""), "articles[0].id", "must not be empty"),
    (lambda d: _first_claim(d).__setitem__("known_from", "2025-01-01"),
     "events[0].claims[0].known_from", "expected the publication of article"),
])
def test_a_bad_field_is_named_by_its_path(change: Any, field: str, needle: str) -> None:
    data = _export()
    if field == "VALUE":
        field = _valued(data)[0]
    change(data)
    with pytest.raises(CorpusError, match=re.escape(needle)) as caught:
        _read(data)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")


def _with_offset(data: dict[str, Any]) -> dict[str, Any]:
    """The export with its first claim placed three days after the second event."""
    claim = _first_claim(data)
    claim["relative_to"] = data["events"][1]["id"]
    claim["offset"] = {"text": "three days after", "start_lo_us": 3 * 86_400_000_000,
                       "start_hi_us": 3 * 86_400_000_000, "before": False, "after": False}
    return data


def test_an_offset_reads_back() -> None:
    data = _with_offset(_export())
    event = data["events"][0]["id"]
    back = {e["id"]: e for e in _read(data).to_dict()["events"]}
    assert back[event]["claims"][0]["offset"] == _first_claim(data)["offset"]


@pytest.mark.parametrize(("key", "value", "needle"), [
    ("start_lo_us", 10**30, "microseconds a timedelta can hold"),  # OverflowError before #13
    ("start_lo_us", "3 days", "microseconds"),
    ("start_lo_us", 4 * 86_400_000_000, "start_lo_us is larger"),
    ("text", 3, "expected a string"),
    ("after", 1, "true or false"),
])
def test_a_bad_offset_is_named(key: str, value: object, needle: str) -> None:
    data = _with_offset(_export())
    _first_claim(data)["offset"][key] = value
    with pytest.raises(CorpusError, match=re.escape(needle)) as caught:
        _read(data)
    assert caught.value.field is not None
    assert caught.value.field.startswith("events[0].claims[0].offset")


def test_an_unknown_event_or_a_cycle_is_a_corpus_error() -> None:
    data = _export()
    _first_claim(data)["before"] = "no-such-event"
    with pytest.raises(CorpusError, match="unknown event 'no-such-event'"):
        _read(data)
    data = _export()
    first, second = data["events"][0], data["events"][1]
    _first_claim(data)["after"] = second["id"]
    second["claims"][0]["after"] = first["id"]
    with pytest.raises(CorpusError, match="cycle"):
        _read(data)


def test_duplicate_ids_are_corpus_errors() -> None:
    data = _export()
    data["articles"].append(copy.deepcopy(data["articles"][0]))
    with pytest.raises(CorpusError, match=r"articles\[\d+\]\.id: duplicate article id"):
        _read(data)
    data = _export()
    data["events"].append(copy.deepcopy(data["events"][0]))
    with pytest.raises(CorpusError, match="duplicate id"):
        _read(data)


# --- the law: a mutated export is a timeline that works, or a CorpusError (#13) ----------------

def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*path, i))


#: JSON values, the hostile ones among them: wrong types, empty and huge numbers, spans
#: backwards, strings with NUL and lone surrogates, and the strings the format uses.
_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.text(st.characters(codec=None, min_codepoint=0), max_size=8),
    st.sampled_from(["", "\x00", "\ud800", "2025-02-24", "2025-02-24T10:00:00+02:00",
                     "occurred", "unconfirmed", "start", "DATE", "P1D", "Europe/Kyiv"]),
)
_JSON = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # 100; stress: 3000
@given(st.data())
def test_a_mutated_export_reads_back_or_is_a_corpus_error(data: st.DataObject) -> None:
    document = copy.deepcopy(data.draw(st.sampled_from(_seed_exports())))
    path = data.draw(st.sampled_from(list(_paths(document))[1:]))
    parent: Any = document
    for step in path[:-1]:
        parent = parent[step]
    if isinstance(parent, dict) and data.draw(st.booleans()):
        del parent[path[-1]]
    else:
        parent[path[-1]] = data.draw(_JSON)
    try:
        tl = _read(document)
    except CorpusError:
        event("CorpusError")
        return
    event("read")
    tl.events  # noqa: B018  (computing the events is the point)
    tl.to_ics()
    tl.chronology()
    again = tl.to_dict()
    assert _read(json.loads(json.dumps(again))).to_dict() == again


# --- found by the full harness at 10^5 inputs (#13) ------------------------------------
def test_a_lone_surrogate_in_an_export_is_a_corpus_error_naming_the_field() -> None:
    import json as _json

    import timeline as _timeline

    document = _timeline.load("seeds").to_dict()
    document["events"][0]["id"] = "\ud800"
    with pytest.raises(CorpusError, match=r"events\[0\]\.id: .*lone surrogate"):
        _timeline.Timeline.from_dict(document)
    document = _timeline.load("seeds").to_dict()
    document["events"][0]["actors"] = ["\udfff"]
    with pytest.raises(CorpusError, match="actors"):
        _timeline.Timeline.from_json(_json.dumps(document))


@pytest.mark.parametrize("text", ["", "   ", "soon", "three days"])
def test_an_offset_text_the_format_cannot_read_names_its_field(text: str) -> None:
    """Found by the fuzz harness at 10^5 (#13): an empty offset text read back, then the
    chronology's wording of it raised IndexError."""
    data = _with_offset(_export())
    _first_claim(data)["offset"]["text"] = text
    with pytest.raises(CorpusError, match=r"events\[0\]\.claims\[0\]\.offset\.text"):
        _read(data)
