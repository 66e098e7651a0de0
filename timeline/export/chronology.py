"""A chronology to read: events in time order under day headings, each citing its sources.

What a reader of a chronology needs is when (in plain words, no narrower than what is
known), what, how sure (scheduled, expected, unconfirmed, disputed), and who said so.
Events known to a single day sit under that day; an event known only to lie within a longer
span, or before or after some time, sits under a heading naming that span, placed in date
order (a span by its first day, an open start by its last) but never against an order the
sources state ("days before the invasion"). Where the date is uncertain the line quotes the
words the sources used, so the reader can judge the reading. Conflicting claims are all
shown, each with its article, its words, the date they resolve to and its quote.

Plain text is wrapped to a width with hanging indents; Markdown is not wrapped (renderers
reflow it) and escapes untrusted text. Output depends only on the timeline: the "as of" in
the header is the view's time, or else the latest publication, never the clock.
"""

from __future__ import annotations

import heapq
import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import attrs

from timeline.export.wording import (
    Shown,
    clock_window,
    day_span,
    day_text,
    display_zone,
    interval_text,
    is_uncertain,
    moment_text,
    order_text,
    plural,
    set_aside,
    status_text,
    web_url,
    when_text,
)
from timeline.model.claim import Claim, Status
from timeline.model.event import Event
from timeline.query.asof import cutoff
from timeline.time.interval import is_floating

if TYPE_CHECKING:
    from timeline.query.timeline import Timeline

FORMATS = ("text", "markdown")
MIN_WIDTH = 40

_INDENT = "  "
_BULLET = "- "
_HANG = "  "  # continuation lines align with the text after the bullet
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


# -- what is shown, independent of the format ---------------------------------------------


@attrs.frozen
class Said:
    """One claim in a conflict: who said what, what it resolves to, and the quote."""

    article: str
    when: str | None  # the expression, as written
    resolved: str | None  # what it resolves to
    order: str | None  # the order it states against another event
    quote: str


@attrs.frozen
class Dispute:
    summary: str
    claims: tuple[Said, ...]


@attrs.frozen
class Line:
    """One event as the chronology shows it."""

    clock: str | None
    title: str
    marks: tuple[str, ...]
    words: tuple[str, ...]
    quoted: bool  # words are expressions from the sources, not orders against events
    sources: tuple[str, ...]
    disputes: tuple[Dispute, ...]
    #: What a bound derived through order claims came from, with the other event's time.
    derived: tuple[str, ...] = ()


@attrs.frozen
class Section:
    heading: str
    lines: tuple[Line, ...]


@attrs.frozen
class Source:
    id: str
    title: str
    outlet: str | None
    published: str
    url: str | None


@attrs.frozen
class View:
    header: tuple[str, ...]
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _references(claim: Claim) -> tuple[str, ...]:
    return tuple(e for e in (claim.before, claim.after, claim.relative_to) if e is not None)


def _stated_order(event: Event) -> list[tuple[str, str]]:
    """Pairs (first, second) the event's claims say are in that order, leaving out the
    claims the timeline set aside because their order cannot hold."""
    aside = set_aside(event)
    pairs = []
    for claim in event.claims:
        if claim in aside:
            continue
        if claim.before is not None:
            pairs.append((event.id, claim.before))
        if claim.after is not None:
            pairs.append((claim.after, event.id))
        if claim.relative_to is not None and claim.offset is not None:
            if claim.offset.before:
                pairs.append((event.id, claim.relative_to))
            if claim.offset.after:
                pairs.append((claim.relative_to, event.id))
    return pairs


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = " ".join(item.casefold().split())
        if key not in seen:
            seen.add(key)
            out.append(item)
    return tuple(out)


def _marks(event: Event) -> tuple[str, ...]:
    if event.status is Status.UNCONFIRMED:
        was = "scheduled" if any(c.status is Status.SCHEDULED for c in event.claims) \
            else "expected"
        return (f"UNCONFIRMED: was {was}, no report it happened",)
    if event.status is Status.OCCURRED:
        # Still going on when a source said so, with no end told since: "[ongoing]".
        if event.time.latest_end is None and any(c.ongoing for c in event.claims):
            return ("ongoing",)
        return ()
    return (status_text(event.status),)


def _dispute(event: Event, titles: dict[str, str],
             against: dict[str, list[Claim]]) -> tuple[Dispute, ...]:
    """The event's conflicts, each with every claim involved.

    An order conflict may name an event none of whose own claims is at fault (others
    placed it); its claims are then those, set aside, that place other events against it.
    """
    out = []
    for conflict in event.conflicts:
        claims = conflict.claims
        if conflict.kind == "order" and not claims:
            claims = tuple(against.get(event.id, ()))
        said = []
        for claim in claims:
            interval = claim.value.interval if claim.value is not None else None
            said.append(Said(claim.article, claim.when,
                             None if interval is None else interval_text(interval),
                             order_text(claim, titles) if conflict.kind == "order" else None,
                             claim.quote))
        summary = ("the sources' dates cannot all be true" if conflict.kind == "dates" else
                   "the order the sources state cannot hold with their dates; set aside")
        out.append(Dispute(summary, tuple(said)))
    return tuple(out)


def _line(event: Event, titles: dict[str, str], against: dict[str, list[Claim]],
          shown: Shown, *, single_day: bool) -> Line:
    words: tuple[str, ...] = ()
    quoted = True
    clock = clock_window(event.time) if single_day else None
    derived = shown.derived_from(event)
    if is_uncertain(event.time) or clock is not None:
        said = [c.when for c in event.claims if c.when]
        if not said and not derived:
            quoted = False
            said = [w for c in event.claims if (w := order_text(c, titles))]
        words = _unique(said)
    return Line(clock, event.title, _marks(event), words, quoted,
                tuple(sorted(set(event.articles))), _dispute(event, titles, against),
                derived)


_FAR = date.max


def grouped(events: Sequence[Event]) -> list[tuple[str, bool, list[Event]]]:
    """Events grouped under headings, headings in date order consistent with stated orders:
    ``(heading, one day, events)``.

    Kahn's algorithm over the groups, the stated orders between their events as edges,
    taking the earliest (first day; for an open start, last day) first, then the group
    whose first event comes first in the timeline's own order. A cycle between groups (two
    groups each holding an event stated before one in the other) is broken at the earliest
    group still waiting. An event with no known start takes the place of its known end
    ("by 2030" after 2025), not the first place the timeline's own order gives it.
    """
    groups: dict[str, list[Event]] = {}
    keys: dict[str, tuple[date, date, int]] = {}
    single: dict[str, bool] = {}
    group_of: dict[str, str] = {}
    for index, event in enumerate(events):
        first, last = day_span(event.time)
        if first is not None and first == last:
            heading = f"{_WEEKDAYS[first.weekday()]} {day_text(first)}"
        else:
            heading = _capital(when_text(event.time))
        group_of[event.id] = heading
        if heading not in groups:
            groups[heading] = []
            start = first if first is not None else (last if last is not None else _FAR)
            keys[heading] = (start, last if last is not None else _FAR, index)
            single[heading] = first is not None and first == last
        groups[heading].append(event)
    successors: dict[str, set[str]] = {h: set() for h in groups}
    indegree = dict.fromkeys(groups, 0)
    for event in events:
        for a, b in _stated_order(event):
            ga, gb = group_of.get(a), group_of.get(b)
            if ga is not None and gb is not None and ga != gb and gb not in successors[ga]:
                successors[ga].add(gb)
                indegree[gb] += 1
    heap = [(keys[h], h) for h, d in indegree.items() if d == 0]
    heapq.heapify(heap)
    order: list[str] = []
    placed: set[str] = set()
    while len(order) < len(groups):
        if not heap:  # a cycle: release the earliest group still waiting
            waiting = min((h for h in groups if h not in placed), key=lambda h: keys[h])
            heap.append((keys[waiting], waiting))
        heading = heapq.heappop(heap)[1]
        if heading in placed:
            continue
        order.append(heading)
        placed.add(heading)
        for nxt in sorted(successors[heading]):
            indegree[nxt] -= 1
            if indegree[nxt] == 0 and nxt not in placed:
                heapq.heappush(heap, (keys[nxt], nxt))
    return [(h, single[h], groups[h]) for h in order]


def reading_order(events: Sequence[Event]) -> list[Event]:
    """The events in the chronology's order (``grouped``), for pictures that follow it."""
    return [event for _, _, members in grouped(events) for event in members]


def _sections(shown: Shown) -> tuple[Section, ...]:
    """The chronology's sections: ``grouped`` events, each as a line."""
    events = shown.events
    titles = {e.id: e.title for e in events}
    against: dict[str, list[Claim]] = {}
    for event in events:
        for conflict in event.conflicts:
            if conflict.kind == "order":
                for claim in conflict.claims:
                    for other in _references(claim):
                        against.setdefault(other, []).append(claim)
    return tuple(Section(h, tuple(_line(e, titles, against, shown, single_day=single)
                                  for e in members))
                 for h, single, members in grouped(events))


def _published_end(published: date | datetime) -> datetime:
    """When a publication is certainly out, comparable across kinds: a date's end of day."""
    moment = cutoff(published)
    return moment if is_floating(moment) else moment.astimezone(UTC).replace(tzinfo=None)


def view(tl: Timeline) -> View:
    """What the chronology shows, before any format: header, sections and sources."""
    articles = sorted(tl.known_articles.values(), key=lambda a: a.id)
    header = [tl.title] if tl.title else []
    header.append(f"Chronology of {plural(len(tl), 'event')} from "
                  f"{plural(len(articles), 'article')}")
    if tl.as_of_time is not None:
        header.append(f"As of {moment_text(tl.as_of_time)}"
                      + (", counting sources possibly out by then" if tl.possibly else ""))
    elif articles:
        latest = max(articles, key=lambda a: (_published_end(a.published), a.id))
        header.append(f"As of the latest source, {moment_text(latest.published)}")
    sources = tuple(Source(a.id, a.title, a.outlet, moment_text(a.published), a.url)
                    for a in articles)
    return View(tuple(header), _sections(Shown.of(tl.events)), sources)


# -- untrusted text ---------------------------------------------------------------------

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
_SPACE = re.compile(r"\s+")


def _visible(text: str) -> str:
    """One line of harmless text: whitespace runs become a space, control characters
    (terminal escapes, bidi overrides) become visible ``\\x1b``-style escapes."""
    text = _SPACE.sub(" ", text).strip()
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")


def markdown_escape(text: str) -> str:
    """Text that Markdown shows as written: HTML as entities, punctuation backslashed.

    ``<``, ``>`` and ``&`` become entities (a backslash before ``<`` still lets some
    renderers pass HTML through); the characters that mean something inside a line
    (emphasis, code, links, tables, strikethrough, maths) get a backslash. Line-start
    syntax (``#``, ``-``, ``1.``) needs nothing: untrusted text is made one line and never
    starts one.
    """
    text = _visible(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


# -- text -------------------------------------------------------------------------------


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    return _Wrapper(width, initial_indent=first, subsequent_indent=rest,
                    break_long_words=True, break_on_hyphens=False).wrap(text) or [first.rstrip()]


class _Wrapper(textwrap.TextWrapper):
    """``textwrap``'s lines, in linear time however long a word is (#13).

    A word too long for a line is broken where ``textwrap`` breaks it, but what is left of
    it is kept as an offset into the word, not copied for every line it fills again (one
    8 MB outlet took 13 s). The settings ``_wrap`` gives (words broken, whitespace dropped
    at the ends of lines, no ``max_lines``) are the only ones followed.
    """

    def _wrap_chunks(self, chunks: list[str]) -> list[str]:
        if self.width <= 0:
            raise ValueError(f"invalid width {self.width!r} (must be > 0)")
        lines: list[str] = []
        chunks.reverse()  # a stack: the next chunk last
        at = 0  # how much of the next chunk earlier lines took (a long word, broken)
        solid = 0  # where that word's trailing whitespace starts (what is left of it from
        # there on is whitespace, and dropped at the start of a line)
        while chunks:
            line: list[str] = []
            used = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if lines and (at >= solid if at else chunks[-1].strip() == ""):
                del chunks[-1]
                at = 0
            while chunks and used + len(chunks[-1]) - at <= width:
                piece = chunks.pop()[at:]
                at = 0
                line.append(piece)
                used += len(piece)
            if chunks and len(chunks[-1]) - at > width:  # too long for any line: break it
                word = chunks[-1]
                if at == 0:
                    solid = len(word.rstrip())
                space_left = 1 if width < 1 else width - used
                line.append(word[at:at + space_left])
                at += space_left
            if line and line[-1].strip() == "":
                del line[-1]
            if line:
                lines.append(indent + "".join(line))
        return lines


def _words(line: Line, esc: Callable[[str], str]) -> str:
    """The sources' expressions in quotes; an order against another event as is, and what
    a derived bound came from."""
    words = [f'"{esc(w)}"' if line.quoted else esc(w) for w in line.words]
    return "; ".join(words + [esc(w) for w in line.derived])


def _line_text(line: Line, esc: Callable[[str], str]) -> str:
    parts = []
    if line.clock:
        parts.append(f"{line.clock} \u2014")
    parts.append(esc(line.title))
    parts.extend(f"[{m}]" for m in line.marks)
    if line.words or line.derived:
        parts.append(f"({_words(line, esc)})")
    if line.sources:
        parts.append(f"[{', '.join(esc(s) for s in line.sources)}]")
    return " ".join(parts)


def _said_text(said: Said, esc: Callable[[str], str], brackets: tuple[str, str]) -> str:
    """``[a] "on Monday" (24 Feb 2025): "The summit took place on Monday."``, with the
    order the claim states, if any: ``..., before "Debate": "..."``."""
    parts = []
    if said.when is not None:
        parts.append(f'"{esc(said.when)}"')
    if said.resolved is not None:
        parts.append(f"({esc(said.resolved)})" if parts else esc(said.resolved))
    words = " ".join(parts)
    if said.order is not None:
        words = f"{words}, {esc(said.order)}" if words else esc(said.order)
    opening, closing = brackets
    return f'{opening}{esc(said.article)}{closing} {words or "undated"}: "{esc(said.quote)}"'


def _text(v: View, width: int) -> str:
    out: list[str] = []
    for row in v.header:  # the title comes from the corpus: untrusted
        out.extend(_wrap(_visible(row), width, "", _INDENT))
    out.append("=" * min(width, max(len(r) for r in out)))
    for section in v.sections:
        out.append("")
        out.extend(_wrap(section.heading, width, "", _INDENT))
        for line in section.lines:
            inner = _INDENT + _HANG
            out.extend(_wrap(_line_text(line, _visible), width, _INDENT + _BULLET, inner))
            for dispute in line.disputes:
                out.extend(_wrap(f"CONFLICT: {dispute.summary}:", width, inner,
                                 inner + _HANG))
                for said in dispute.claims:
                    out.extend(_wrap(_said_text(said, _visible, ("[", "]")), width,
                                     inner + _HANG + _BULLET, inner + _HANG + _HANG))
    out.append("")
    out.append("Sources")
    for source in v.sources:
        about = ", ".join(x for x in (source.outlet, source.published) if x)
        row = f"[{_visible(source.id)}] {_visible(source.title)} \u2014 {_visible(about)}"
        hang = min(len(_visible(source.id)) + 3, width // 4)  # under the title, within reason
        out.extend(_wrap(row, width, _INDENT, _INDENT + " " * hang))
        if source.url:
            # On a line of its own under the title, never broken: a URL cut in two
            # cannot be copied (a long one may run past the width).
            out.append(_INDENT + " " * hang + _visible(source.url))
    return "\n".join(out) + "\n"


# -- markdown ---------------------------------------------------------------------------

BRA, KET = "\\[", "\\]"  # escaped, so that "[000]" is never read as a link


def _markdown(v: View) -> str:
    esc = markdown_escape
    out = [f"# {esc(v.header[0])}", ""]
    for row in v.header[1:]:  # a paragraph each: lines in one paragraph would run together
        out.extend([esc(row), ""])
    for section in v.sections:
        out.extend([f"## {esc(section.heading)}", ""])
        for line in section.lines:
            out.append(f"- {_line_markdown(line)}")
            for dispute in line.disputes:
                out.append(f"  - **CONFLICT:** {esc(dispute.summary)}:")
                for said in dispute.claims:
                    out.append(f"    - {_said_text(said, esc, (BRA, KET))}")
        out.append("")
    out.extend(["## Sources", ""])
    for source in v.sources:
        about = ", ".join(esc(x) for x in (source.outlet, source.published) if x)
        link = web_url(source.url)
        title = esc(source.title)
        if link is not None:  # <...> keeps parentheses in the URL from ending the link
            title = f"[{title}](<{link}>)"
        row = f"- **\\[{esc(source.id)}\\]** {title} \u2014 {about}"
        if source.url and link is None:
            row += f" &lt;{esc(source.url)}&gt;"
        out.append(row)
    return "\n".join(out) + "\n"


def _line_markdown(line: Line) -> str:
    """Like the text line; the time and marks in bold, brackets escaped so that ``[000]``
    is never read as a link."""
    esc = markdown_escape
    parts = []
    if line.clock:
        parts.append(f"**{esc(line.clock)}** \u2014")
    parts.append(esc(line.title))
    parts.extend(f"**\\[{esc(m)}\\]**" for m in line.marks)
    if line.words or line.derived:
        parts.append(f"({_words(line, esc)})")
    if line.sources:
        parts.append(f"\\[{', '.join(esc(s) for s in line.sources)}\\]")
    return " ".join(parts)


# -- entry point ------------------------------------------------------------------------


def chronology(tl: Timeline, *, format: str = "text", width: int = 80,
               zone: str | None = None) -> str:
    """The timeline as a chronology: ``format`` is ``text`` (wrapped to ``width``) or
    ``markdown`` (not wrapped); ``width`` must be at least 40 either way.

    >>> import timeline
    >>> print(timeline.load("seeds").chronology().splitlines()[0])
    Chronology of 23 events from 5 articles

    ``zone`` (an IANA name) shows times in the reader's zone; without it, in the corpus's
    zone when it declares one, else aware times in UTC. Floating times stay floating
    ("11:38, zone not stated" once a zone is asked for).
    """
    with display_zone(zone, corpus=tl.zone):
        return _chronology_shown(tl, format=format, width=width)


def _chronology_shown(tl: Timeline, *, format: str = "text", width: int = 80) -> str:
    """The export itself, inside ``display_zone``."""
    if format not in FORMATS:
        raise ValueError(f"format: expected one of {', '.join(FORMATS)}, not {format!r}")
    if isinstance(width, bool) or not isinstance(width, int) or width < MIN_WIDTH:
        raise ValueError(f"width: expected a whole number of at least {MIN_WIDTH}, "
                         f"not {width!r}")
    v = view(tl)
    return _text(v, width) if format == "text" else _markdown(v)


__all__ = ["FORMATS", "MIN_WIDTH", "chronology", "grouped", "markdown_escape",
           "reading_order", "view"]
