"""The scanner on running text: mentions from different sentences' frames compared honestly,
input that forges the scanner's placeholders, compositions that stay readable, and mentions
that share what they repeat."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import attrs
import pytest

import timeline
from timeline.tagger.context import Context
from timeline.tagger.resolvers.date import _reported_quarter
from timeline.tagger.rules import PLACEHOLDER
from timeline.tagger.scan import _later, default_scanner
from timeline.time.granularity import Granularity
from timeline.time.value import TimeValue

ANCHORS = [date(2025, 2, 24), datetime(2025, 2, 24, 9, 30),
           datetime(2025, 2, 24, 9, 30, tzinfo=UTC),
           datetime(2025, 2, 24, 23, 0, tzinfo=timezone(timedelta(hours=-5)))]


def _spans_hold(text: str, anchor: date | datetime) -> list[timeline.Mention]:
    mentions = timeline.tag(text, anchor)
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
    return mentions


# #13: a zoned clock time, then "the next day" (aware, counted from it), then a floating
# date joined by a dash or "to": the range placing compared aware with floating datetimes
# and raised TypeError for the whole corpus.
@pytest.mark.parametrize("text", [
    "The talks began at 2 p.m. GMT - the next day - and ended March 3.",
    "The talks began at 2 p.m. GMT the next day to March 3.",
    "The talks began at 2 p.m. GMT, the next day - March 3.",
    "They met at 9 a.m. EST the next day until Friday, then at 14:00 UTC+3 to 4 p.m.",
    "at 2 p.m. GMT, the next day, through 4 p.m. and from Monday to Wednesday",
    "At 11:38 a.m. EST the next day - the same day - until 2 p.m. Monday.",
])
@pytest.mark.parametrize("anchor", ANCHORS)
def test_zoned_and_floating_mentions_in_one_text(text: str, anchor: date | datetime) -> None:
    assert _spans_hold(text, anchor)


def test_the_issue_sentence_reads_each_expression() -> None:
    # #13
    text = "The talks began at 2 p.m. GMT - the next day - and ended March 3."
    found = {m.text: m.value.value for m in timeline.tag(text, date(2025, 2, 24))}
    assert found["at 2 p.m. GMT"] == "2025-02-24T14:00"
    assert found["the next day"] == "2025-02-25"
    assert "March 3" in found


@pytest.mark.parametrize(("text", "floating", "aware"), [
    ("The talks ran from 2 p.m. GMT the next day to 4 p.m.", "2025-02-24T16:00",
     "2025-02-25T16:00"),
    ("They met 2 p.m. GMT Monday - 4 p.m.", "2025-02-24T16:00", "2025-02-24T16:00"),
    ("from 10 p.m. GMT to 2 a.m.", "2025-02-24T02:00", "2025-02-25T02:00"),
])
def test_a_range_end_the_zone_cannot_order_stays(text: str, floating: str, aware: str) -> None:
    # #13: 4 p.m. (no zone) against 14:00 UTC is before or after it depending on the zone
    # (is_before answers None): the end is not moved by a day, or two, on a guess. Under an
    # aware anchor both ends are in one frame and the range rises.
    assert timeline.tag(text, date(2025, 2, 24))[-1].value.value == floating
    end = timeline.tag(text, datetime(2025, 2, 24, 9, tzinfo=UTC))[-1].value
    assert end.value == aware  # no zone in the value (TimeML writes none); the interval has it
    assert end.interval is not None and end.interval.start is not None
    assert end.interval.start.utcoffset() == timedelta(0)


def test_the_later_of_two_moments_from_different_mentions() -> None:
    # #13: the report's quarter is the later of those named; a zone against none decides
    # only when every zone agrees.
    floating = datetime(2024, 10, 1)
    assert _later(floating, datetime(2025, 1, 1, tzinfo=UTC)) == datetime(2025, 1, 1, tzinfo=UTC)
    assert _later(floating, datetime(2024, 1, 1, tzinfo=UTC)) is floating
    assert _later(floating, datetime(2024, 10, 1, 3, tzinfo=UTC)) is floating  # undecided


def _context(anchor: date | datetime, reference: datetime) -> Context:
    ctx = default_scanner().context(anchor)
    return attrs.evolve(ctx, reference=(reference, Granularity.QUARTER))


def test_the_reported_quarter_with_a_zone_the_anchor_lacks() -> None:
    # #13: a quarter told with a zone (counted from a zoned time) against a floating
    # anchor: before the anchor's quarter in every zone, it is the one reported; when the
    # zone decides, the quarter before the anchor's is.
    told = datetime(2024, 7, 1, tzinfo=UTC)
    assert _reported_quarter(_context(date(2025, 2, 24), told)) == (told, Granularity.QUARTER)
    undecided = datetime(2025, 1, 1, tzinfo=UTC)
    assert _reported_quarter(_context(date(2025, 2, 24), undecided)) == (
        datetime(2024, 10, 1), Granularity.QUARTER)
    aware_anchor = datetime(2025, 2, 24, 12, tzinfo=UTC)
    assert _reported_quarter(_context(aware_anchor, datetime(2024, 7, 1)))[0] == datetime(
        2024, 7, 1)


@pytest.mark.parametrize("placeholder", sorted(PLACEHOLDER.values()))
def test_placeholders_in_the_input_are_no_spaces(placeholder: str) -> None:
    # #13: the scanner's private-use placeholders in the input were read as spaces, so
    # "March<U+E000>3" was "March 3" and the mention's text was not the input's.
    p = placeholder
    text = f"Talks on March{p}3 and {p}on Monday{p} at 2{p}p.m."
    mentions = _spans_hold(text, date(2025, 2, 24))
    assert all(placeholder not in m.text for m in mentions)
    assert "March 3" not in {m.text for m in mentions}
    assert "on Monday" in {m.text for m in mentions}
    # The same text with U+FFFD, which the placeholders become, reads the same.
    same = text.replace(placeholder, "\ufffd")
    assert [(m.start, m.end, m.value) for m in mentions] == [
        (m.start, m.end, m.value) for m in timeline.tag(same, date(2025, 2, 24))]


def test_a_placeholder_inside_a_mention_keeps_its_text() -> None:
    # #13
    text = "on March 3\ue001, 2025 and Monday"
    for mention in _spans_hold(text, date(2025, 2, 24)):
        for child in mention.children:
            assert text[child.start:child.end] == child.text


def test_a_set_with_a_clock_time_takes_no_second() -> None:
    # #13: "11:00 Kyiv time 9 p.m. every Sunday" gave XXXX-WXX-7T21:00T11:00+02:00,
    # which from_timex cannot read: a set that has its clock time is complete.
    mentions = timeline.tag("11:00 Kyiv time 9 p.m. every Sunday", date(2025, 2, 24))
    assert [(m.text, m.value.value) for m in mentions] == [
        ("11:00 Kyiv time", "2025-02-24T11:00"), ("9 p.m. every Sunday", "XXXX-WXX-7T21:00")]
    for mention in mentions:
        assert TimeValue.from_timex(mention.value.value).value == mention.value.value
    assert timeline.tag("every Sunday at 9 p.m.", date(2025, 2, 24))[0].value.value == (
        "XXXX-WXX-7T21:00")


def test_repeated_expressions_share_their_parts() -> None:
    # #13 (memory): 10 MB of "the week before the week before ..." held 625,000 mentions
    # at about 5 KB each. Equal values, contexts and texts are one object, and a match
    # keeps only the groups that matched.
    mentions = timeline.tag("the week before " * 50, date(2025, 2, 24))
    later = mentions[1:]
    assert len(later) == 49
    assert all(m.value is later[0].value and m.text is later[0].text for m in later)
    assert all(m.context is later[0].context for m in later)
    for mention in later:
        assert mention.match is not None
        assert None not in mention.match.groups.values()
        assert mention.match["dir"] is None  # an absent group still reads as None


def test_offsets_map_back_through_many_placeholders() -> None:
    # #13 (memory): the masked text maps offsets by bisection, not a table per character.
    text = " ".join(f"by March {day}, 2024 and the week before" for day in range(1, 29))
    for mention in _spans_hold(text, date(2025, 2, 24)):
        assert mention.text.startswith(("by", "the", "March", "before"))
        assert mention.text.endswith(("2024", "week", "before"))
