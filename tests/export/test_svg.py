"""The SVG picture: valid SVG 1.1, one row per event, marks that say what the model says,
labels that never overlap, an axis that keeps to where the events are."""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from corpora import build, derived_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.export.chronology import reading_order
from timeline.export.svg import (
    ARROW,
    COLOUR,
    CONFLICT,
    NAMESPACE,
    OPEN_FADE,
    ROW,
    axis_range,
    fit,
    text_width,
    ticks,
    to_svg,
)
from timeline.model.claim import Status
from timeline.query.timeline import Timeline
from timeline.time.granularity import Granularity
from timeline.time.value import Mod, TimeValue

SVG = "{http://www.w3.org/2000/svg}"
EVENT = f"{{{NAMESPACE}}}event"


@pytest.fixture(scope="module")
def seeds() -> Timeline:
    return timeline.load("seeds")


@pytest.fixture(scope="module")
def seeds_svg(seeds: Timeline) -> str:
    return seeds.to_svg()


# -- building timelines -----------------------------------------------------------------------

def day(y: int, m: int, d: int, *, mod: Mod | None = None) -> TimeValue:
    return TimeValue.of_granule(Granularity.DAY, datetime(y, m, d), mod=mod)


def synthetic(n: int) -> Timeline:
    """``n`` events over five months, of every granularity and status, titles of all lengths."""
    grains = [Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.HOUR]
    mods = [None, None, None, Mod.ON_OR_AFTER, Mod.ON_OR_BEFORE]
    statuses = [Status.OCCURRED, Status.REPORTED, Status.SCHEDULED, Status.EXPECTED]
    events = []
    for i in range(n):
        moment = datetime(2025, 1, 1) + timedelta(days=(i * 37) % 150, hours=(i * 7) % 24)
        value = TimeValue.of_granule(grains[i % 4], moment, mod=mods[i % 5])
        title = f"Event {i} " + "word " * (i % 17)
        events.append((f"e{i}", title, [(value, statuses[i % 4])]))
    return build(events)


# -- reading a picture back -------------------------------------------------------------------

def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("version") == "1.1"
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    return root


def groups(root: ET.Element) -> dict[str, ET.Element]:
    found: dict[str, ET.Element] = {}
    for g in root.iter(f"{SVG}g"):
        if g.get(EVENT) is not None:
            assert g.get(EVENT) not in found
            found[g.get(EVENT) or ""] = g
    return found


def text_boxes(root: ET.Element) -> list[tuple[float, float, float, float, str]]:
    """Every ``<text>``'s box, estimated as the layout estimates it (``text_width``)."""
    boxes = []
    for node in root.iter(f"{SVG}text"):
        content = "".join(node.itertext())
        size = float(node.get("font-size") or 0)
        bold = node.get("font-weight") == "bold"
        # Each piece measured in its own weight: a bold tspan mark, the rest as the text.
        width = text_width(node.text or "", size, bold=bold)
        for part in node:
            part_bold = bold or part.get("font-weight") == "bold"
            width += text_width(part.text or "", size, bold=part_bold)
            width += text_width(part.tail or "", size, bold=bold)
        x, y = float(node.get("x") or 0), float(node.get("y") or 0)
        anchor = node.get("text-anchor", "start")
        left = x if anchor == "start" else x - width / 2 if anchor == "middle" else x - width
        boxes.append((left, y - 0.8 * size, left + width, y + 0.25 * size, content))
    return boxes


def assert_no_overlap(root: ET.Element) -> None:
    boxes = sorted(text_boxes(root), key=lambda b: b[1])
    width = float(root.get("width") or 0)
    for i, (x0, _, x1, y1, text) in enumerate(boxes):
        assert x0 >= -0.5 and x1 <= width + 0.5, f"{text!r} leaves the picture"
        for a0, b0, a1, _, other in boxes[i + 1:]:
            if b0 >= y1:
                break  # sorted by top: nothing further down can meet this one
            assert not (a0 < x1 and x0 < a1), f"{text!r} overlaps {other!r}"


def bars(group: ET.Element) -> list[ET.Element]:
    """The event's bar pieces and markers, without its row stripe and edge arrows."""
    out = []
    for node in group:
        if node.tag == f"{SVG}rect" and node.get("x") != "0":
            out.append(node)
        elif node.tag == f"{SVG}polygon" and len((node.get("points") or "").split()) == 4:
            out.append(node)  # a diamond (an arrow has three points)
    return out


def arrows(group: ET.Element) -> list[ET.Element]:
    return [n for n in group if n.tag == f"{SVG}polygon"
            and len((n.get("points") or "").split()) == 3]


# -- the seeds --------------------------------------------------------------------------------

def test_seeds_every_event_once_in_time_order(seeds: Timeline, seeds_svg: str) -> None:
    root = parse(seeds_svg)
    found = groups(root)
    # The chronology's order: "by 2030" by its known end, last, not first (#12).
    assert list(found) == [e.id for e in reading_order(seeds.events)]
    assert list(found)[-1] == "ukraine-eu-2030"
    assert list(found).index("invasion-2022") < list(found).index("war-end-2025")
    for event in seeds.events:
        tip = found[event.id].find(f"{SVG}title")
        assert tip is not None and tip.text is not None
        assert tip.text.splitlines()[0] == event.title  # the full title, never cut


def test_seeds_labels_do_not_overlap(seeds_svg: str) -> None:
    assert_no_overlap(parse(seeds_svg))


def test_general_assembly_vote_is_a_solid_bar_on_its_day(seeds_svg: str) -> None:
    vote = groups(parse(seeds_svg))["ga-vote"]
    pieces = bars(vote)
    assert len(pieces) == 1
    assert pieces[0].get("fill") == COLOUR  # certain: solid, no fade
    notes = ["".join(t.itertext()) for t in vote.iter(f"{SVG}text")]
    assert "24 Feb 2025, before 18:00" in notes


def test_starmer_visit_is_hollow(seeds_svg: str) -> None:
    visit = groups(parse(seeds_svg))["starmer-visit"]
    pieces = bars(visit)
    assert pieces
    for piece in pieces:
        assert piece.get("fill") == "none"
        assert piece.get("stroke") not in (None, "none")
    occurred = groups(parse(seeds_svg))["lavrov-peacekeepers"]
    assert all(p.get("fill") not in (None, "none") for p in bars(occurred))


def test_uncertain_bounds_fade_through_a_gradient(seeds_svg: str) -> None:
    root = parse(seeds_svg)
    gradients = {g.get("id") for g in root.iter(f"{SVG}linearGradient")}
    week = bars(groups(root)["lavrov-peacekeepers"])  # "between 17 and 23 Feb 2025"
    assert len(week) == 1
    fill = week[0].get("fill") or ""
    assert fill.startswith("url(#") and fill[5:-1] in gradients


def _plot(root: ET.Element) -> tuple[float, float]:
    """The plot's left and right edges, from the axis line under the header."""
    line = next(n for n in root.iter(f"{SVG}line") if n.get("stroke") == "#b8bec6")
    return float(line.get("x1") or 0) + ARROW, float(line.get("x2") or 0) - ARROW


def test_an_open_end_fades_over_a_bounded_length(seeds_svg: str) -> None:
    """Issue 12: an open end is not drawn to the axis's edge as if the event lasted years;
    it fades out over a share of the plot, and the words say the end was not reported."""
    root = parse(seeds_svg)
    found = groups(root)
    left, right = _plot(root)
    conference = found["macron-press-conference"]  # from 24 Feb 2025, open end
    assert not arrows(conference)
    (piece,) = bars(conference)
    assert piece.get("fill", "").endswith("-out)")  # fading out to the right
    width = float(piece.get("width") or 0)
    assert width == pytest.approx(OPEN_FADE * (right - left), abs=0.2)
    assert float(piece.get("x") or 0) + width < right - 100
    notes = ["".join(t.itertext()) for t in conference.iter(f"{SVG}text")]
    assert "from 24 Feb 2025, end not reported" in notes
    # The war: certain from the end of 2022 to when it was reported ongoing, then a fade.
    war = found["ukraine-war"]
    solid, fading = bars(war)
    assert solid.get("fill") == COLOUR and fading.get("fill", "").endswith("-out)")
    assert float(fading.get("width") or 0) == pytest.approx(OPEN_FADE * (right - left),
                                                             abs=0.2)
    assert "from 2022, end not reported" in ["".join(t.itertext())
                                             for t in war.iter(f"{SVG}text")]
    # An open start alike: "by 31 Dec 2025" fades in over the same length, start not reported.
    end = found["war-end-2025"]
    assert any("start not reported" in "".join(t.itertext()) for t in end.iter(f"{SVG}text"))


def test_open_ends_do_not_stretch_the_axis(seeds: Timeline) -> None:
    """Events open at one end leave the axis where the bounded events put it."""
    bounded = build([("a", "Monday", [(day(2025, 2, 24), Status.OCCURRED)]),
                     ("b", "Friday", [(day(2025, 2, 28), Status.OCCURRED)])])
    opened = build([("a", "Monday", [(day(2025, 2, 24), Status.OCCURRED)]),
                    ("b", "Friday", [(day(2025, 2, 28), Status.OCCURRED)]),
                    ("c", "From Tuesday", [(day(2025, 2, 25, mod=Mod.ON_OR_AFTER),
                                            Status.OCCURRED)]),
                    ("d", "By Thursday", [(day(2025, 2, 27, mod=Mod.ON_OR_BEFORE),
                                           Status.OCCURRED)])])
    assert opened["c"].time.latest_end is None and opened["d"].time.earliest_start is None

    def ticks_of(tl: Timeline) -> list[tuple[str | None, str | None]]:
        root = parse(tl.to_svg())
        return [(t.get("x"), t.text) for t in root.iter(f"{SVG}text")
                if t.get("font-size") == "11"]

    assert ticks_of(opened) == ticks_of(bounded)
    root = parse(opened.to_svg())
    left, right = _plot(root)
    for event_id in ("c", "d"):
        (piece,) = bars(groups(root)[event_id])
        assert float(piece.get("width") or 0) <= OPEN_FADE * (right - left) + 0.2


def test_the_far_past_and_future_do_not_squash_the_news(seeds: Timeline,
                                                        seeds_svg: str) -> None:
    """The axis keeps to February and March 2025; 2022 and 2030 sit at its edges."""
    root = parse(seeds_svg)
    labels = [t for t in root.iter(f"{SVG}text") if t.get("font-size") == "11"]
    assert labels and all(t.text and t.text.split()[-1] in ("Feb", "Mar") for t in labels)
    invasion = groups(root)["invasion-2022"]
    assert arrows(invasion) and not bars(invasion)
    assert any("2022" in "".join(t.itertext()) for t in invasion.iter(f"{SVG}text"))
    # A day is wide enough to see: the vote's bar spans more than ten pixels.
    vote = bars(groups(root)["us-abstains"])[0]
    assert float(vote.get("width") or 0) > 10


def test_same_timeline_same_bytes(seeds_svg: str) -> None:
    assert timeline.load("seeds").to_svg() == seeds_svg


def test_unconfirmed_events_are_dashed_and_marked(seeds: Timeline) -> None:
    view = seeds.as_of(date(2025, 2, 24))
    due = [e for e in view.events if e.status is Status.UNCONFIRMED]
    assert due, "the Security Council vote was due on the 24th and not yet reported"
    found = groups(parse(view.to_svg()))
    for event in due:
        group = found[event.id]
        assert all(p.get("stroke-dasharray") for p in bars(group))
        marks = [t.text for t in group.iter(f"{SVG}tspan")]
        assert "?" in marks


def test_conflicted_events_are_outlined_red_and_marked() -> None:
    tl = build([("vote", "The vote", [(day(2025, 2, 24), Status.OCCURRED),
                                      (day(2025, 2, 26), Status.OCCURRED)]),
                ("other", "Another", [(day(2025, 2, 25), Status.OCCURRED)])])
    assert tl["vote"].conflicted
    found = groups(parse(tl.to_svg()))
    assert all(p.get("stroke") == CONFLICT for p in bars(found["vote"]))
    assert "!" in [t.text for t in found["vote"].iter(f"{SVG}tspan")]
    assert all(p.get("stroke") != CONFLICT for p in bars(found["other"]))


def test_an_open_event_two_centuries_long_does_not_squash_the_rest() -> None:
    tl = build([
        ("old", "Since 1825", [(TimeValue.of_granule(Granularity.YEAR, datetime(1825, 1, 1),
                                                     mod=Mod.ON_OR_AFTER), Status.OCCURRED)]),
        ("a", "Monday", [(day(2025, 2, 24), Status.OCCURRED)]),
        ("b", "Wednesday", [(day(2025, 2, 26), Status.OCCURRED)]),
    ])
    root = parse(tl.to_svg())
    found = groups(root)
    for event_id in ("a", "b"):
        (piece,) = bars(found[event_id])
        assert float(piece.get("width") or 0) > 50  # a day of a few on the axis
    old = found["old"]
    # Started before the axis (an arrow); its end, never reported, fades out (#12).
    assert len(arrows(old)) == 1
    (piece,) = bars(old)
    left, right = _plot(root)
    assert float(piece.get("x") or 0) == left
    assert float(piece.get("width") or 0) == pytest.approx(OPEN_FADE * (right - left), abs=0.2)
    context = [t.text or "" for t in root.iter(f"{SVG}text") if t.get("font-weight") == "bold"]
    assert context and all(c.endswith("Feb 2025") for c in context)  # hours of 24-26 Feb


def test_empty_timeline_says_so() -> None:
    svg = to_svg(Timeline([], []))
    root = parse(svg)
    assert [t.text for t in root.iter(f"{SVG}text")] == ["no events"]
    assert float(root.get("height") or 0) < 100


def test_hostile_titles_are_text() -> None:
    title = '<script>alert(1)</script> & "quoted" \x07 ]]> \ud800'
    tl = build([("x", title, [(day(2025, 2, 24), Status.OCCURRED)])])
    svg = tl.to_svg()
    assert "<script>" not in svg
    tip = groups(parse(svg))["x"].find(f"{SVG}title")
    assert tip is not None and tip.text is not None
    assert tip.text.startswith('<script>alert(1)</script> & "quoted" \ufffd ]]> \ufffd')


def test_three_hundred_events_stay_usable() -> None:
    small, big = synthetic(30).to_svg(), synthetic(300).to_svg()
    root = parse(big)
    assert len(groups(root)) == 300
    assert len(big) < 250_000
    grown = float(root.get("height") or 0) - float(parse(small).get("height") or 0)
    assert grown == 270 * ROW  # one row more for each event, nothing else
    assert_no_overlap(root)


def test_width_is_respected_and_checked(seeds: Timeline) -> None:
    root = parse(seeds.to_svg(width=480))
    assert root.get("width") == "480"
    assert_no_overlap(root)
    with pytest.raises(ValueError, match="width"):
        seeds.to_svg(width=100)


# -- the parts --------------------------------------------------------------------------------

@pytest.mark.parametrize(("span", "expect"), [
    (timedelta(hours=20), "hour"),
    (timedelta(days=6), "day"),
    (timedelta(days=40), "week"),
    (timedelta(days=400), "month"),
    (timedelta(days=365 * 30), "year"),
])
def test_ticks_follow_the_span(span: timedelta, expect: str) -> None:
    start = datetime(2025, 2, 3, 5)
    origin = datetime(1, 1, 1)
    marks = ticks((start - origin).total_seconds(), (start + span - origin).total_seconds(),
                  600)
    assert 3 <= len(marks) <= 15
    gaps = {b.at - a.at for a, b in itertools.pairwise(marks)}
    if expect == "hour":
        assert all(g < timedelta(days=1) for g in gaps)
        assert all(m.at.minute == 0 for m in marks)
    elif expect == "day":
        assert gaps <= {timedelta(days=1), timedelta(days=2)}
    elif expect == "week":
        assert gaps <= {timedelta(weeks=1), timedelta(weeks=2)}
        assert all(m.at.weekday() == 0 for m in marks)
    elif expect == "month":
        assert all(m.at.day == 1 for m in marks) and len({m.at.year for m in marks}) > 1
        assert all(m.label.isalpha() for m in marks)
    else:
        assert all((m.at.month, m.at.day) == (1, 1) for m in marks)
        assert all(m.label.isdigit() for m in marks)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.floats(min_value=0, max_value=400))
def test_fit_never_exceeds_its_room(text: str, room: float) -> None:
    shown = fit(text, 12, room)
    assert text_width(shown, 12) <= room
    whole = " ".join(text.split())
    if shown.endswith("\u2026") and shown != whole:
        assert whole.startswith(shown[:-1])


def test_text_width_grows_with_size_and_weight() -> None:
    assert text_width("WWW", 12) > text_width("iii", 12)
    assert text_width("abc", 24) == pytest.approx(2 * text_width("abc", 12))
    assert text_width("abc", 12, bold=True) > text_width("abc", 12)
    assert text_width("日本", 12) >= 2 * 12


DAY = 86400.0
extents = st.lists(st.tuples(st.floats(min_value=6e10, max_value=6.4e10),
                             st.floats(min_value=0, max_value=400 * DAY)),
                   min_size=1, max_size=40).map(lambda xs: [(a, a + d) for a, d in xs])


@settings(max_examples=200, deadline=None)
@given(extents)
def test_axis_keeps_to_the_events(spans: list[tuple[float, float]]) -> None:
    """Never wider than the events (plus margin), and meeting three quarters of them."""
    start, end = axis_range(spans)
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    slack = 0.04 * max(hi - lo, 3600.0) + 3600.0
    assert lo - slack <= start < end <= hi + slack
    meeting = sum(1 for a, b in spans if a <= end and b >= start)
    assert meeting >= math.ceil(0.75 * len(spans))


# -- generated timelines ----------------------------------------------------------------------

IDS = st.text(alphabet="ab<>&\"'é -", min_size=1, max_size=8)


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    ids = draw(st.lists(IDS, min_size=0, max_size=12, unique=True))
    events = []
    for event_id in ids:
        claims = []
        for _ in range(draw(st.integers(1, 2))):
            moment = datetime(1990, 1, 1) + timedelta(
                hours=draw(st.integers(0, 24 * 365 * 40)))
            if draw(st.booleans()):
                moment = moment.replace(tzinfo=UTC)
            grain = draw(st.sampled_from([Granularity.HOUR, Granularity.DAY,
                                          Granularity.WEEK, Granularity.MONTH,
                                          Granularity.YEAR]))
            mod = draw(st.sampled_from([None, Mod.ON_OR_AFTER, Mod.ON_OR_BEFORE,
                                        Mod.APPROX]))
            claims.append((TimeValue.of_granule(grain, moment, mod=mod),
                           draw(st.sampled_from([Status.OCCURRED, Status.REPORTED,
                                                 Status.SCHEDULED, Status.EXPECTED]))))
        events.append((event_id, draw(st.text(min_size=1, max_size=90)), claims))
    tl = build(events)
    moment = draw(st.none() | st.dates(min_value=date(1990, 1, 1),
                                       max_value=date(2030, 1, 1)))
    return tl if moment is None else tl.as_of(moment)


@settings(max_examples=80, deadline=None)
@given(timelines(), st.sampled_from([320, 640, 960]))
def test_every_event_once_and_labels_apart(tl: Timeline, width: int) -> None:
    svg = tl.to_svg(width=width)
    root = parse(svg)
    assert sorted(groups(root)) == sorted(e.id for e in tl.events)
    assert_no_overlap(root)
    assert tl.to_svg(width=width) == svg


def test_the_title_names_the_picture(seeds: Timeline, seeds_svg: str) -> None:
    root = parse(seeds_svg)
    first = root[0]
    assert first.tag == f"{SVG}title"
    assert first.text == "The UN votes on the war in Ukraine, February 2025"
    header = next(t for t in root.iter(f"{SVG}text") if t.get("y") == "18")
    assert (header.text or "").startswith(
        "The UN votes on the war in Ukraine, February 2025 \u00b7 ")
    untitled = Timeline(list(seeds.articles.values()), list(seeds.specs))
    assert parse(untitled.to_svg())[0].tag != f"{SVG}title"


def test_a_derived_bound_is_drawn_and_worded_at_its_sources_granularity(
        tmp_path: Path) -> None:
    """Issue 12: no "18:00" for a 2022 event known only to be "days before" the invasion."""
    tl = timeline.load(derived_corpus(tmp_path))
    group = groups(parse(tl.to_svg()))["partnership"]
    words = " ".join("".join(t.itertext()) for t in group.iter(f"{SVG}text"))
    tip = group.find(f"{SVG}title")
    assert tip is not None and tip.text is not None
    assert "18:00" not in words and "18:00" not in tip.text.splitlines()[1]
    assert tip.text.splitlines()[1] == (
        'between 1 Jan and 26 Feb 2022, days before "Invasion" (Feb 2022) (occurred)')
