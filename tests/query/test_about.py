"""``Timeline.about``: the events an entity takes part in, by actor or alias (#14)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import python_timelines

import timeline
from timeline.draft.actors import actor_named, matches
from timeline.errors import QueryError, UnknownEventError
from timeline.query.timeline import Timeline


@pytest.fixture(scope="module")
def tl() -> Timeline:
    return timeline.load("seeds")


def _ids(view: Timeline) -> list[str]:
    return [event.id for event in view.events]


def test_about_a_person_by_surname_or_full_name(tl: Timeline) -> None:
    by_surname = _ids(tl.about("Macron"))
    assert set(by_surname) == {e.id for e in tl.events if "Emmanuel Macron" in e.actors}
    assert by_surname == _ids(tl.about("President Emmanuel Macron")) == _ids(
        tl.about("emmanuel macron"))
    assert "macron-white-house" in by_surname and "ga-vote" not in by_surname


def test_about_keeps_the_timeline_order_and_times(tl: Timeline) -> None:
    view = tl.about("Trump")
    order = _ids(tl)
    ids = _ids(view)
    assert ids == [e for e in order if e in set(ids)]
    for event in view.events:
        assert event == tl[event.id]


def test_about_by_forms_and_aliases(tl: Timeline) -> None:
    assert set(_ids(tl.about("the U.N."))) == {"ga-vote", "us-abstains", "sc-vote"}
    assert _ids(tl.about("U.S.")) == _ids(tl.about("United States")) == _ids(
        tl.about("American"))
    assert "starmer-visit" in _ids(tl.about("Britain"))
    assert _ids(tl.about("General Assembly")) == _ids(tl.about("UN General Assembly"))
    assert _ids(tl.about("Belgium")) == []


def test_an_about_view_answers_only_for_its_events(tl: Timeline) -> None:
    view = tl.about("Starmer")
    assert _ids(view) == ["starmer-visit"] and len(view) == 1
    assert "starmer-visit" in view and "ga-vote" not in view
    assert view.get("ga-vote") is None
    with pytest.raises(UnknownEventError):
        view["ga-vote"]
    assert [s.id for s in view.specs] == ["starmer-visit"]
    assert view != tl and view == tl.about("Keir Starmer")


def test_about_and_as_of_combine_either_way(tl: Timeline) -> None:
    day = date(2025, 2, 24)
    assert _ids(tl.about("Russia").as_of(day)) == _ids(tl.as_of(day).about("Russia"))
    assert _ids(tl.about("Russia").about("Xi Jinping")) == [
        e for e in _ids(tl.about("Russia")) if e in set(_ids(tl.about("Xi Jinping")))]


@pytest.mark.parametrize("entity", ["", "   ", None, 3])
def test_a_bad_entity_is_a_query_error(tl: Timeline, entity: object) -> None:
    with pytest.raises(QueryError, match="about"):
        tl.about(entity)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(python_timelines(), st.data())
def test_about_is_the_events_whose_actors_name_the_entity(tl: Timeline,
                                                          data: st.DataObject) -> None:
    names = sorted({a for e in tl.events for a in e.actors}) or ["nobody"]
    entity = data.draw(st.sampled_from(names) | st.text(min_size=1, max_size=8).filter(
        str.strip))
    view = tl.about(entity)
    expected = [e for e in tl.events
                if any(matches(entity, actor_named(a)) for a in e.actors)]
    # The same events; their order is the view's own, which for events placed against
    # each other in conflicting claims may differ from the whole timeline's.
    assert sorted(e.id for e in view.events) == sorted(e.id for e in expected)
    assert len(view) == len(expected)
    if not tl.conflicts:
        assert view.events == expected


def test_exports_of_an_about_view_hold_its_events(tl: Timeline) -> None:
    view = tl.about("Starmer")
    assert [e["id"] for e in view.to_dict()["events"]] == ["starmer-visit"]
    assert view.to_ics().count(b"BEGIN:VEVENT") == 1
    assert "Starmer visits Trump" in view.chronology()
