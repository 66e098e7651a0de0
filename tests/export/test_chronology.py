"""The chronology: day headings in order, marks, quoted expressions, conflicts, sources."""

from __future__ import annotations

import html
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path

import attrs
import pytest
from corpora import derived_corpus, with_urls, write_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.export.chronology import chronology, markdown_escape
from timeline.query.timeline import Timeline

GA = "UN General Assembly adopts Ukraine's resolution blaming Russia"
SC = "UN Security Council adopts the US resolution that does not blame Russia"


@cache
def seeds() -> Timeline:
    return timeline.load("seeds")


def sections(text: str) -> dict[str, list[str]]:
    """Heading -> the lines under it (a heading is a line that does not start with space)."""
    out: dict[str, list[str]] = {}
    current = None
    lines = text.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("==="))
    for line in lines[rule + 1:]:
        if line and not line.startswith(" "):
            current = line
            out[current] = []
        elif line and current is not None:
            out[current].append(line)
    return out


def entries(lines: list[str]) -> list[str]:
    """The bulleted entries of a section, continuation lines joined back."""
    out: list[str] = []
    for line in lines:
        if line.startswith("  - "):
            out.append(line[4:])
        else:
            out[-1] += " " + line.strip()
    return out


def test_seeds_day_and_order() -> None:
    text = seeds().chronology()
    parts = sections(text)
    day = entries(parts["Mon 24 Feb 2025"])
    ga = next(i for i, e in enumerate(day) if GA in e)
    sc = next(i for i, e in enumerate(day) if SC in e)
    assert ga < sc
    assert day[ga].startswith("before 18:00 \u2014 ")
    assert day[ga].endswith("[000, 001, 002, 003, 004]")
    headings = list(parts)
    # Stated order beats date order: "days before the invasion" sorts first.
    def heading_of(title: str) -> int:
        return next(i for i, h in enumerate(headings)
                    if any(e.lstrip(" -").startswith(title) for e in parts[h]))

    assert heading_of("Xi and Putin announce") < heading_of("Russia launches")
    assert headings.index("Sun 23 Feb 2025") < headings.index("Mon 24 Feb 2025")
    assert headings[-1] == "Sources"
    assert headings[-3:-1] == ["By 31 Dec 2025", "By 31 Dec 2030"]


def test_seeds_uncertain_dates_quote_the_sources() -> None:
    parts = sections(seeds().chronology())
    last_week = entries(parts["Between 17 and 23 Feb 2025"])
    assert len(last_week) == 2 and all('("last week") [000]' in e for e in last_week)
    assert entries(parts["By 31 Dec 2025"]) == [
        'The war in Ukraine ends [expected] ("by the end of this year") [000]']
    # A date known to the day shows no expression.
    assert any(e == "Macron meets Trump at the White House [000, 002, 003]"
               for e in entries(parts["Mon 24 Feb 2025"]))


def test_seeds_ongoing_event_is_marked() -> None:
    # The war: sources say it was still going on, and none tells an end.
    parts = sections(seeds().chronology())
    assert entries(parts["From 2022"]) == [
        'The war in Ukraine [ongoing] ("in 2022") [002, 003]']
    # An event with a known end is not: the invasion's line has no such mark.
    [invasion] = entries(parts["Between 21 and 28 Feb 2022"])
    assert "[ongoing]" not in invasion


def test_seeds_scheduled_then_unconfirmed() -> None:
    whole = entries(sections(seeds().chronology())["Between 25 Feb and 2 Mar 2025"])
    assert whole == ['Starmer visits Trump in Washington [scheduled] ("this week"; '
                     '"later this week") [000, 002, 003]']
    later = seeds().as_of(date(2025, 3, 5)).chronology()
    assert later.splitlines()[2] == "As of 5 Mar 2025"
    [starmer] = entries(sections(later)["Between 25 Feb and 2 Mar 2025"])
    assert "[UNCONFIRMED: was scheduled, no report it happened]" in starmer
    assert "[scheduled]" not in starmer


def test_seeds_header_and_sources() -> None:
    tl = seeds()
    text = tl.chronology()
    assert text.splitlines()[:3] == ["The UN votes on the war in Ukraine, February 2025",
                                     f"Chronology of {len(tl)} events from 5 articles",
                                     "As of the latest source, 25 Feb 2025"]
    sources = [line for line in sections(text)["Sources"] if line.startswith("  [")]
    assert [s[3:6] for s in sources] == ["000", "001", "002", "003", "004"]
    assert any("\u2014 WSJ, 25 Feb 2025, 11:38" in e for e in
               [" ".join(line.strip() for line in sections(text)["Sources"])])
    # Articles dated 24 Feb are out by then; those dated 25 Feb, or 11:38 that day, not.
    view = seeds().as_of(datetime(2025, 2, 25, 1))
    early = view.chronology()
    assert early.splitlines()[1:3] == [f"Chronology of {len(view)} events from 2 articles",
                                      "As of 25 Feb 2025, 01:00"]
    assert [s[3:6] for s in sections(early)["Sources"] if s.startswith("  [")] == \
        ["003", "004"]


@pytest.mark.parametrize("width", [40, 57, 80, 120])
def test_seeds_lines_fit_the_width(width: int) -> None:
    text = seeds().chronology(width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_deterministic_whatever_the_corpus_order() -> None:
    tl = seeds()
    again = timeline.load("seeds")
    shuffled = Timeline(list(reversed(tl.articles.values())), list(reversed(tl.specs)),
                        title=tl.title)
    for fmt in ("text", "markdown"):
        first = chronology(tl, format=fmt)
        assert first == chronology(tl, format=fmt) == again.chronology(format=fmt)
        assert first == shuffled.chronology(format=fmt)


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="width"):
        seeds().chronology(width=39)
    with pytest.raises(ValueError, match="format"):
        seeds().chronology(format="html")


HOSTILE = "Leaders *meet* <script>alert(1)</script> [x](y) _now_ & `go`"


def _corpus(tmp_path: Path, title: str = "The summit") -> Timeline:
    text_a = "The summit took place on Monday. Peace is expected by 2030. Talks came first.\n"
    text_b = "The summit took place on Tuesday.\n"
    write_corpus(tmp_path, {"a": (text_a, date(2025, 2, 25)),
                            "b": (text_b, datetime(2025, 2, 26, 9, 5))}, f"""
        [[events]]
        id = "summit"
        title = '{title}'
          [[events.claims]]
          article = "a"
          quote = "The summit took place on Monday."
          when = "on Monday"
          status = "occurred"
          [[events.claims]]
          article = "b"
          quote = "The summit took place on Tuesday."
          when = "on Tuesday"
          status = "occurred"

        [[events]]
        id = "peace"
        title = "Peace"
          [[events.claims]]
          article = "a"
          quote = "Peace is expected by 2030."
          when = "by 2030"
          status = "expected"

        [[events]]
        id = "talks"
        title = "Talks"
          [[events.claims]]
          article = "a"
          quote = "Talks came first."
          before = "summit"
          status = "occurred"
    """)
    return timeline.load(tmp_path)


def test_conflict_shows_every_claim(tmp_path: Path) -> None:
    text = _corpus(tmp_path).chronology()
    parts = sections(text)
    lines = [line.strip() for line in parts["Between 24 and 25 Feb 2025"]]
    assert lines[0] == '- The summit ("on Monday"; "on Tuesday") [a, b]'
    assert lines[1].startswith("CONFLICT: the sources' dates cannot all be true")
    assert lines[2:] == [
        '- [a] "on Monday" (24 Feb 2025): "The summit took place on Monday."',
        '- [b] "on Tuesday" (25 Feb 2025): "The summit took place on Tuesday."']
    # The event stated before it, with only an end bound, comes first; the open-ended
    # expected one last.
    assert list(parts) == ["By 25 Feb 2025", "Between 24 and 25 Feb 2025",
                           "By 31 Dec 2030", "Sources"]
    assert entries(parts["By 25 Feb 2025"]) == [
        'Talks (before "The summit" (between 24 and 25 Feb 2025)) [a]']
    assert entries(parts["By 31 Dec 2030"]) == ['Peace [expected] ("by 2030") [a]']
    assert text.splitlines()[2] == "As of the latest source, 26 Feb 2025, 09:05"


def test_undated_events_come_last(tmp_path: Path) -> None:
    """Without its order claim, "Talks" has no date at all (built directly: the loader
    insists that every claim dates its event)."""
    tl = _corpus(tmp_path)
    specs = [attrs.evolve(spec, claims=tuple(attrs.evolve(c, before=None) for c in spec.claims))
             if spec.id == "talks" else spec for spec in tl.specs]
    parts = sections(Timeline(list(tl.articles.values()), specs).chronology())
    assert list(parts)[-2:] == ["Date unknown", "Sources"]
    assert entries(parts["Date unknown"]) == ["Talks [a]"]


def test_order_conflict_shows_the_claim_set_aside(tmp_path: Path) -> None:
    """The vote is dated after the debate but said to come before it: the vote shows the
    claim that was set aside, with its date and its order; the debate's own date stands."""
    text = "The vote came on Tuesday, before the debate. The debate was on Monday.\n"
    write_corpus(tmp_path, {"a": (text, date(2025, 2, 27))}, """
        [[events]]
        id = "vote"
        title = "Vote"
          [[events.claims]]
          article = "a"
          quote = "The vote came on Tuesday, before the debate."
          when = "on Tuesday"
          before = "debate"
          status = "occurred"
        [[events]]
        id = "debate"
        title = "Debate"
          [[events.claims]]
          article = "a"
          quote = "The debate was on Monday."
          when = "on Monday"
          status = "occurred"
    """)
    parts = sections(timeline.load(tmp_path).chronology(width=120))
    said = ('- [a] "on Tuesday" (25 Feb 2025), before "Debate": "The vote came on Tuesday, '
            'before the debate."')
    lines = [line.strip() for line in parts["Tue 25 Feb 2025"]]
    assert lines[0] == "- Vote [a]"
    assert lines[1].startswith("CONFLICT: the order the sources state cannot hold")
    assert lines[2:] == [said]
    assert [line.strip() for line in parts["Mon 24 Feb 2025"]] == ["- Debate [a]"]


def test_markdown_escapes_untrusted_text(tmp_path: Path) -> None:
    md = _corpus(tmp_path, HOSTILE).chronology(format="markdown")
    assert "<script>" not in md and "*meet*" not in md and "[x](y)" not in md
    assert ("Leaders \\*meet\\* &lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](y) "
            "\\_now\\_ &amp; \\`go\\`") in md
    assert "## Between 24 and 25 Feb 2025" in md and "## Sources" in md
    assert "- **\\[a\\]** A \u2014 25 Feb 2025" in md
    assert '    - \\[a\\] "on Monday" (24 Feb 2025): "The summit took place on Monday."' in md
    # Plain text is text: shown as written.
    assert HOSTILE in " ".join(_corpus_text(tmp_path).split())


def _corpus_text(tmp_path: Path) -> str:
    return timeline.load(tmp_path).chronology()


def test_long_titles_wrap_to_the_width(tmp_path: Path) -> None:
    title = " ".join(["Negotiators"] * 16) + " " + "x" * 70
    assert len(title) >= 200
    tl = _corpus(tmp_path, title)
    for width in (40, 80):
        text = tl.chronology(width=width)
        assert max(len(line) for line in text.splitlines()) <= width
        assert title.replace(" ", "") in text.replace(" ", "").replace("\n", "")


def test_control_characters_are_shown_not_sent(tmp_path: Path) -> None:
    """A terminal escape or bidi override in a title cannot reach the terminal."""
    tl = _corpus(tmp_path)
    specs = [attrs.evolve(s, title="Red \u001b[31malert\u202e") for s in tl.specs]
    text = Timeline(list(tl.articles.values()), specs).chronology()
    assert "\u001b" not in text and "\u202e" not in text
    assert "Red \\x1b[31malert\\u202e" in text


# -- laws ---------------------------------------------------------------------------------

def _unescape(md: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", md))


@given(st.text(st.characters(codec="utf-8").filter(lambda c: c.isprintable() or c.isspace()),
               max_size=60))
def test_markdown_escape_round_trips(text: str) -> None:
    """Escaped text shows exactly the (whitespace-normalised) input, with no raw markup."""
    escaped = markdown_escape(text)
    assert "<" not in escaped and ">" not in escaped
    assert not re.search(r"(?<!\\)[*_`\[\]|~]", escaped.replace("\\\\", ""))
    assert _unescape(escaped) == " ".join(text.split())


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(st.characters(codec="utf-8"), min_size=1, max_size=150),
                min_size=1, max_size=3),
       st.integers(40, 130))
def test_every_line_fits_whatever_the_titles(titles: list[str], width: int) -> None:
    tl = seeds()
    specs = [attrs.evolve(spec, title=titles[i % len(titles)])
             for i, spec in enumerate(tl.specs)]
    text = Timeline(list(tl.articles.values()), specs).chronology(width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)


def test_a_derived_bound_is_shown_at_its_sources_granularity(tmp_path: Path) -> None:
    """Issue 12: "By 26 Feb 2022, 18:00" for an event known only to be "days before" the
    invasion; its heading is now the day, and its line says what it was derived from."""
    tl = timeline.load(derived_corpus(tmp_path))
    parts = sections(tl.chronology())
    assert "Between 1 Jan 2022 and 26 Feb 2022, 18:00" not in parts
    assert entries(parts["Between 1 Jan and 26 Feb 2022"]) == [
        'Partnership ("in 2022"; days before "Invasion" (Feb 2022)) [a]']
    seeds_parts = sections(seeds().chronology())
    assert entries(seeds_parts["By 26 Feb 2022"]) == [
        'Xi and Putin announce their "no limits" strategic partnership (days before '
        '"Russia launches its full-scale invasion of Ukraine" (between 21 and 28 Feb 2022)) '
        "[000]"]
    markdown = tl.chronology(format="markdown")
    assert '- Partnership ("in 2022"; days before "Invasion" (Feb 2022)) \\[a\\]' in markdown


def test_open_starts_take_the_place_of_their_known_end(tmp_path: Path) -> None:
    """Issue 12: an expectation "by 2030" is listed by its latest end, after the events of
    2022 and 2025, not first because its start is unknown."""
    headings = list(sections(seeds().chronology()))
    assert headings.index("By 31 Dec 2030") > headings.index("Between 21 and 28 Feb 2022")
    assert headings.index("By 31 Dec 2030") > headings.index("Mon 24 Feb 2025")
    assert headings[-2:] == ["By 31 Dec 2030", "Sources"]
    # The timeline's own order lists it among the first; the chronology does not follow it.
    ids = [e.id for e in seeds().events]
    assert ids.index("ukraine-eu-2030") < ids.index("invasion-2022")


def test_title_heads_and_urls_follow_the_titles(tmp_path: Path) -> None:
    """Issue 12: the corpus's title heads the chronology; each source's URL follows its
    title (text: a line of its own, never broken; Markdown: the title links to it)."""
    url = "https://example.com/news/a_(1)?x=1&y=2"
    tl = timeline.load(with_urls(derived_corpus(tmp_path), {"a": url},
                                 title="Partners *and* <b>rivals</b>"))
    text = tl.chronology(width=40)
    assert text.splitlines()[:2] == ["Partners *and* <b>rivals</b>",
                                     "Chronology of 4 events from 1 article"]
    assert text.endswith(f"  [a] A \u2014 25 Feb 2025\n      {url}\n")
    md = tl.chronology(format="markdown")
    assert md.startswith("# Partners \\*and\\* &lt;b&gt;rivals&lt;/b&gt;\n\n"
                         "Chronology of 4 events from 1 article\n\n")
    assert f"- **\\[a\\]** [A](<{url}>) \u2014 25 Feb 2025\n" in md
    # A URL that is not http(s) is shown as text, never linked.
    other = tmp_path / "other"
    other.mkdir()
    bad = timeline.load(with_urls(derived_corpus(other), {"a": "javascript:alert(1)"}))
    md = bad.chronology(format="markdown")
    assert "](" not in md and "- **\\[a\\]** A \u2014 25 Feb 2025 &lt;javascript:alert(1)&gt;" in md
    assert bad.chronology().splitlines()[0] == "other"  # no [corpus] title: the folder


def test_a_hostile_title_is_shown_not_sent(tmp_path: Path) -> None:
    tl = timeline.load(with_urls(derived_corpus(tmp_path), {},
                                 title="Bad\x1b[31m title\nsecond line"))
    assert tl.chronology().splitlines()[0] == "Bad\\x1b[31m title second line"
    assert tl.chronology(format="markdown").splitlines()[0] == \
        "# Bad\\\\x1b\\[31m title second line"


# -- wrapping in linear time (#13) ----------------------------------------------------------

_PIECES = ["a", "bc", " ", "  ", "\t", "\n", "\u3000", "\u00a0", "x" * 30, "y" * 90, "-",
           "\u3000" * 50, "z" * 45 + "\u3000" * 3]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25), st.integers(1, 60), st.data())
def test_wrapping_is_textwraps(pieces: list[str], width: int, data: st.DataObject) -> None:
    """#13: the linear wrapper gives ``textwrap``'s lines (long words broken where it
    breaks them, whitespace dropped at the ends of lines), for every indent that leaves
    a line some room, as the chronology's always do."""
    import textwrap

    from timeline.export.chronology import _wrap

    text = "".join(pieces)
    first = " " * data.draw(st.integers(0, width - 1))
    rest = " " * data.draw(st.integers(0, width - 1))
    want = textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest,
                         break_long_words=True, break_on_hyphens=False) or [first.rstrip()]
    assert _wrap(text, width, first, rest) == want


def test_a_very_long_token_is_wrapped_in_linear_time() -> None:
    """#13: one 20 MB token: ``textwrap`` copied what was left of it for every line (an
    8 MB outlet took 13 s in the chronology; this, over a minute); now each line is a
    slice of it, broken where ``textwrap`` breaks it."""
    from timeline.export.chronology import _wrap

    size = 20_000_000
    lines = _wrap("ab " + "x" * size + " cd", 80, "  - ", "    ")
    assert lines[0] == "  - ab " + "x" * 73
    assert all(line == "    " + "x" * 76 for line in lines[1:-1])
    assert lines[-1] == "    " + "x" * ((size - 73) % 76) + " cd"


def test_a_long_outlet_is_shown_whole() -> None:
    """#13: a chronology's sources keep an outlet of a single long token, line by line."""
    size = 100_000
    article = timeline.Article(id="a", title="Title", published=date(2025, 2, 24),
                               text="It happened.", outlet="x" * size)
    claim = timeline.Claim.build(article, "It happened.", event="e", date=date(2025, 2, 24))
    tl = Timeline.from_articles([article], [timeline.EventSpec.build("e", "Event", [claim])])
    lines = [line for line in tl.chronology(width=80).splitlines() if "xxxxx" in line]
    assert all(len(line) <= 80 for line in lines)
    assert sum(line.count("x") for line in lines) == size
