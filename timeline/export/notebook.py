"""Timelines in notebooks: pandas DataFrames, and HTML and Markdown for IPython to show.

``to_dataframe`` gives one row per event (or per claim), ``changes_dataframe`` one per
change and ``conflicts_dataframe`` one per conflict, with typed columns for the bounds
(``datetime64[us]``: microseconds reach years 1 to 9999, where nanoseconds stop at 2262;
``NaT`` for an open end; floating times naive, aware ones in UTC, one or the other for a
whole table). A bound is the exact instant the sources give, never the solver's
microsecond step before it (``18:00``, not ``17:59:59.999999``): an event's start lies in
``[earliest_start, latest_start)`` and its end in ``(earliest_end, latest_end]``. pandas
is optional (``timeline[pandas]``) and imported only here, inside the functions.

The HTML (``_repr_html_`` of ``Timeline``, ``Event``, ``Claim``, ``TimeValue``, and of
``Timeline.changes()`` and ``Timeline.conflicts``) and Markdown (``_repr_markdown_`` of
the timeline, its changes and conflicts) are tables with the time in words, the status,
uncertainty, conflicts and sources. Inline CSS only and no script, so they survive GitHub
and nbviewer; article text and titles are escaped for each format (a title
``<script>alert(1)</script>`` shows as those characters); long tables stop after
``MAX_ROWS`` rows with a line saying how many more there are.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from timeline.draft.candidate import Candidate
from timeline.draft.draft import Draft, cues_text, quote_marks
from timeline.export.json import event_time_value
from timeline.export.svg import clean, to_svg
from timeline.export.wording import (
    Shown,
    change_side,
    display_zone,
    holds_text,
    is_uncertain,
    moment_text,
    placement_text,
    plural,
    status_text,
    web_url,
    when_text,
)
from timeline.model.article import Article
from timeline.model.claim import Claim, Status
from timeline.model.event import Event
from timeline.model.network import Conflict, EventTime, Frame
from timeline.time.edtf import to_edtf
from timeline.time.granularity import Granularity
from timeline.time.interval import Interval, as_datetime, is_floating, without_steps
from timeline.time.value import TimeValue

if TYPE_CHECKING:
    from timeline.query.timeline import Change, Timeline

#: Rows shown before a table stops with "... N more".
MAX_ROWS = 200
#: Events beyond which the HTML leaves the picture out (``to_svg`` still draws it).
MAX_PICTURE = 500

EVENT_COLUMNS = ("id", "title", "when", "status", "earliest_start", "latest_start",
                 "earliest_end", "latest_end", "timex", "edtf", "uncertain", "conflicted",
                 "articles", "n_claims")
CLAIM_COLUMNS = ("event", "article", "status", "when", "value", "mod", "quote", "span_start",
                 "span_end", "known_from", "interval_start", "interval_end")
BOUNDS = ("earliest_start", "latest_start", "earliest_end", "latest_end")
CHANGE_COLUMNS = ("kind", "event", "old", "new", *(f"old_{b}" for b in BOUNDS), *BOUNDS,
                  "articles", "n_claims")
CONFLICT_COLUMNS = ("event", "kind", "message", "articles", "n_claims")

_INSTALL = "to_dataframe() needs pandas: pip install 'timeline[pandas]'"


# -- DataFrames --------------------------------------------------------------------------------

def _aware(moments: Iterable[date | datetime | None]) -> bool:
    return any(isinstance(m, datetime) and not is_floating(m) for m in moments)


def _instant(moment: date | datetime | None, aware: bool, *, upper: bool) -> datetime | None:
    """A naive datetime for a column: floating as written, aware in UTC.

    In a table of aware times a floating one (or a date) is widened over every zone, as
    the network does (``Frame``): to its earliest instant as a lower bound, its latest
    as an upper one.
    """
    if moment is None:
        return None
    moment = as_datetime(moment)
    if not aware:
        return without_steps(moment.replace(tzinfo=None))
    if not is_floating(moment):
        return without_steps(moment.astimezone(UTC).replace(tzinfo=None))
    frame = Frame(floating=False)
    micro = frame.upper(moment) if upper else frame.lower(moment)
    widened = frame.moment(micro)
    assert widened is not None
    return without_steps(widened.replace(tzinfo=None))


def _ends(time: EventTime) -> tuple[datetime | None, ...]:
    return time.earliest_start, time.latest_start, time.earliest_end, time.latest_end


def _bounds(time: EventTime | None, aware: bool, prefix: str = "") -> dict[str, Any]:
    """The four bound cells of an event time (``NaT`` throughout for none)."""
    ends = (None,) * 4 if time is None else _ends(time)
    return {prefix + name: _instant(end, aware, upper=name.startswith("latest"))
            for name, end in zip(BOUNDS, ends, strict=True)}


def _pandas() -> tuple[Any, Any]:
    """pandas and numpy, or the message that says how to install them."""
    try:
        import numpy as np  # pandas's own dependency
        import pandas as pd
    except ImportError:
        raise ModuleNotFoundError(_INSTALL, name="pandas") from None
    return pd, np


def _datetimes(pd: Any, np: Any, moments: Sequence[datetime | None], aware: bool) -> Any:
    """A ``datetime64[us]`` (or ``datetime64[us, UTC]``) Series; ``NaT`` for ``None``."""
    values = np.array([np.datetime64("NaT", "us") if m is None else np.datetime64(m, "us")
                       for m in moments], dtype="datetime64[us]")
    series = pd.Series(values, dtype="datetime64[us]")
    return series.dt.tz_localize("UTC") if aware else series


def _frame(pd: Any, np: Any, columns: dict[str, tuple[str, list[Any]]], aware: bool) -> Any:
    """Columns of declared kinds, so an empty table has the dtypes of a full one."""
    data: dict[str, Any] = {}
    for name, (kind, values) in columns.items():
        if kind == "datetime":
            data[name] = _datetimes(pd, np, values, aware)
        elif kind == "status":
            data[name] = pd.Series(pd.Categorical(
                values, categories=[s.value for s in Status]))
        elif kind == "string":
            data[name] = pd.Series(values, dtype="string")
        elif kind == "bool":
            data[name] = pd.Series(values, dtype="bool")
        else:
            data[name] = pd.Series(values, dtype="int64")
    return pd.DataFrame(data)


def _event_table(tl: Timeline) -> tuple[dict[str, tuple[str, list[Any]]], bool]:
    events = tl.events
    # The words as every export shows them (bounds carried through order claims at their
    # sources' granularity); the bound columns stay the model's exact bounds.
    shown = {e.id: e.time for e in Shown.of(events).events}
    aware = _aware(m for e in events for m in _ends(e.time))
    columns: dict[str, tuple[str, list[Any]]] = {
        "id": ("string", []), "title": ("string", []), "when": ("string", []),
        "status": ("status", []), "earliest_start": ("datetime", []),
        "latest_start": ("datetime", []), "earliest_end": ("datetime", []),
        "latest_end": ("datetime", []), "timex": ("string", []), "edtf": ("string", []),
        "uncertain": ("bool", []), "conflicted": ("bool", []), "articles": ("string", []),
        "n_claims": ("int", []),
    }
    for event in events:
        time = event.time
        named = event_time_value(event)
        row = {
            "id": event.id, "title": event.title, "when": when_text(shown[event.id]),
            "status": event.status.value, **_bounds(time, aware),
            "timex": named.value, "edtf": to_edtf(named),
            "uncertain": is_uncertain(time), "conflicted": event.conflicted,
            "articles": ", ".join(event.articles), "n_claims": len(event.claims),
        }
        for name, value in row.items():
            columns[name][1].append(value)
    return columns, aware


def _claim_table(tl: Timeline) -> tuple[dict[str, tuple[str, list[Any]]], bool]:
    claims = [c for e in tl.events for c in e.claims]
    aware = _aware(m for c in claims for m in (
        c.known_from,
        *((c.value.interval.start, c.value.interval.end)
          if c.value is not None and c.value.interval is not None else ())))
    columns: dict[str, tuple[str, list[Any]]] = {
        "event": ("string", []), "article": ("string", []), "status": ("status", []),
        "when": ("string", []), "value": ("string", []), "mod": ("string", []),
        "quote": ("string", []), "span_start": ("int", []), "span_end": ("int", []),
        "known_from": ("datetime", []), "interval_start": ("datetime", []),
        "interval_end": ("datetime", []),
    }
    for claim in claims:
        value = claim.value
        interval = None if value is None else value.interval
        row = {
            "event": claim.event, "article": claim.article, "status": claim.status.value,
            "when": claim.when, "value": None if value is None else value.value,
            "mod": None if value is None or value.mod is None else value.mod.value,
            "quote": claim.quote, "span_start": claim.span[0], "span_end": claim.span[1],
            "known_from": _instant(claim.known_from, aware, upper=False),
            "interval_start": _instant(None if interval is None else interval.start, aware,
                                       upper=False),
            "interval_end": _instant(None if interval is None else interval.end, aware,
                                     upper=True),
        }
        for name, cell in row.items():
            columns[name][1].append(cell)
    return columns, aware


def to_dataframe(tl: Timeline, by: str = "event") -> Any:
    """A pandas DataFrame: one row per event (``by="event"``) or per claim (``"claim"``).

    Event rows: ``id``, ``title``, ``when`` (in words), ``status`` (categorical), the four
    bounds (the start lies in ``[earliest_start, latest_start)``, the end in
    ``(earliest_end, latest_end]``, each the exact instant the sources give, not the
    solver's microsecond step: ``18:00``, never ``17:59:59.999999``; ``NaT`` when open),
    ``timex`` and ``edtf`` naming the hull (as the JSON export does),
    ``uncertain``, ``conflicted``, ``articles`` (comma-separated ids), ``n_claims``.
    Claim rows: ``event``, ``article``, ``status``, ``when`` (the expression), ``value``
    and ``mod`` (TIMEX3), ``quote``, ``span_start``/``span_end`` (into the article),
    ``known_from`` (publication), ``interval_start``/``interval_end`` (the value's).
    """
    with display_zone(None, corpus=tl.zone):
        return _to_dataframe(tl, by=by)


def _to_dataframe(tl: Timeline, by: str = "event") -> Any:
    if by not in ("event", "claim"):
        raise ValueError(f"by must be 'event' or 'claim', not {by!r}")
    pd, np = _pandas()
    columns, aware = _event_table(tl) if by == "event" else _claim_table(tl)
    return _frame(pd, np, columns, aware)


def _sources(claims: Iterable[Claim]) -> str:
    """The ids of the claims' articles, each once, in order: ``000, 002``."""
    return ", ".join(dict.fromkeys(c.article for c in claims))


def _table(columns: Sequence[str], rows: Iterable[dict[str, Any]],
           kinds: dict[str, str]) -> dict[str, tuple[str, list[Any]]]:
    """Rows into declared columns (``_frame``); a column not in ``kinds`` is a string."""
    table: dict[str, tuple[str, list[Any]]] = {
        name: (kinds.get(name, "string"), []) for name in columns}
    for row in rows:
        for name in columns:
            table[name][1].append(row[name])
    return table


def changes_dataframe(changes: Sequence[Change]) -> Any:
    """One row per change (``Timeline.changes``): what became known, and from whom.

    ``kind`` (added, narrowed, moved, status, conflict), ``event``, ``old`` and ``new``
    in words (``None`` for an added event's before), the event's bounds before
    (``old_earliest_start`` ...) and after (``earliest_start`` ...) for a change of time,
    read as ``to_dataframe``'s (exact half-open bounds; ``NaT`` otherwise), ``articles``
    (ids of the articles of the claims responsible) and ``n_claims``.
    """
    pd, np = _pandas()
    times = [t for c in changes for t in (c.old, c.new) if isinstance(t, EventTime)]
    aware = _aware(m for t in times for m in _ends(t))
    rows = ({"kind": c.kind, "event": c.event,
             "old": None if c.old is None else change_side(c.old), "new": change_side(c.new),
             **_bounds(c.old if isinstance(c.old, EventTime) else None, aware, "old_"),
             **_bounds(c.new if isinstance(c.new, EventTime) else None, aware),
             "articles": _sources(c.claims), "n_claims": len(c.claims)} for c in changes)
    kinds = {"n_claims": "int", **dict.fromkeys(CHANGE_COLUMNS[4:12], "datetime")}
    return _frame(pd, np, _table(CHANGE_COLUMNS, rows, kinds), aware)


def conflicts_dataframe(conflicts: Sequence[Conflict]) -> Any:
    """One row per conflict (``Timeline.conflicts``): ``event``, ``kind`` (``dates``: the
    claims' times share nothing; ``order``: the stated order cannot hold), ``message``,
    ``articles`` (ids of the articles of the claims at odds) and ``n_claims``."""
    pd, np = _pandas()
    rows = ({"event": c.event, "kind": c.kind, "message": c.message,
             "articles": _sources(c.claims), "n_claims": len(c.claims)} for c in conflicts)
    return _frame(pd, np, _table(CONFLICT_COLUMNS, rows, {"n_claims": "int"}), False)


# -- HTML --------------------------------------------------------------------------------------

_FONT = "system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif"
_BOX = f"font-family:{_FONT};font-size:13px;line-height:1.4;color:#222;text-align:left"
_TABLE = "border-collapse:collapse;margin:6px 0;font-size:13px"
_TH = ("text-align:left;padding:3px 8px;border-bottom:1px solid #b8bec6;font-weight:600;"
       "vertical-align:bottom;white-space:nowrap")
_TD = "text-align:left;padding:3px 8px;border-bottom:1px solid #e3e6ea;vertical-align:top"
_KEY = ("text-align:left;padding:2px 8px 2px 0;color:#5f6670;font-weight:normal;"
        "vertical-align:top;white-space:nowrap")
_MUTED = "color:#5f6670;font-size:11px"
_BADGE = ("display:inline-block;padding:0 5px;border-radius:3px;font-size:11px;margin-left:4px;"
          "white-space:nowrap;")
_STATUS_STYLE: dict[Status, str] = {
    Status.OCCURRED: "",
    Status.REPORTED: "",
    Status.SCHEDULED: "color:#2f6db5;font-style:italic",
    Status.EXPECTED: "color:#2f6db5;font-style:italic",
    Status.UNCONFIRMED: "color:#a05a00;font-weight:600",
}


def _h(text: str) -> str:
    """Escaped for HTML text and double- or single-quoted attributes."""
    return html.escape(clean(text), quote=True)


def _badge(text: str, colours: str) -> str:
    return f'<span style="{_BADGE}{colours}">{_h(text)}</span>'


def _when_html(time: EventTime) -> str:
    words = _h(when_text(time))
    if is_uncertain(time):
        words += _badge("uncertain", "background:#eef2f7;color:#5f6670")
    return words


def _status_html(event: Event) -> str:
    style = _STATUS_STYLE[event.status]
    word = _h(status_text(event.status))
    out = f'<span style="{style}">{word}</span>' if style else word
    if event.conflicted:
        out += _badge("conflicting claims", "background:#fbe9e7;color:#c0392b")
        out += "".join(f'<div style="{_MUTED};color:#c0392b">{_h(c.message)}</div>'
                       for c in event.conflicts)
    return out


def _article_tip(article: Article) -> str:
    parts = [article.title]
    if article.outlet:
        parts.append(article.outlet)
    parts.append(moment_text(article.published))
    return " \u00b7 ".join(parts)


def _sources_html(ids: Sequence[str], articles: dict[str, Article]) -> str:
    """Article ids, each with its title as a tooltip, linked to the article's web URL."""
    cells = []
    for article_id in ids:
        article = articles.get(article_id)
        tip = f' title="{_h(_article_tip(article))}"' if article is not None else ""
        url = None if article is None else web_url(article.url)
        if url is not None:
            cells.append(f'<a href="{_h(url)}"{tip} rel="noopener noreferrer">'
                         f"{_h(article_id)}</a>")
        else:
            cells.append(f"<span{tip}>{_h(article_id)}</span>")
    return ", ".join(cells)


def _link(url: str | None, text: str) -> str:
    """A link only for http(s) addresses: a ``javascript:`` URL stays text."""
    if url is not None and re.match(r"https?://", url, re.IGNORECASE):
        return f'<a href="{_h(url)}" rel="noopener noreferrer">{_h(text)}</a>'
    return _h(text)


def _more(shown: int, total: int, noun: str, hint: str = "") -> str:
    rest = total - shown
    if rest <= 0:
        return ""
    return f'<div style="{_MUTED}">\u2026 {plural(rest, "more " + noun)}{hint}</div>'


def _header(tl: Timeline) -> str:
    text = f"Timeline: {holds_text(tl)}"
    if tl.as_of_time is not None:
        text += f", as of {moment_text(tl.as_of_time)}"
    if tl.possibly:
        text += " (possibly known)"
    return text


def timeline_html(tl: Timeline) -> str:
    """The timeline for a notebook: a header, the picture, the events table, the sources."""
    with display_zone(None, corpus=tl.zone):
        return _timeline_html(tl)


def _timeline_html(tl: Timeline) -> str:
    events = Shown.of(tl.events).events
    out = [f'<div style="{_BOX}">',
           f'<div style="font-weight:600;font-size:14px">{_h(_header(tl))}</div>']
    if len(events) <= MAX_PICTURE:
        out.append(f'<div style="overflow-x:auto;margin:4px 0">{to_svg(tl)}</div>')
    else:
        out.append(f'<div style="{_MUTED}">The picture is left out for {len(events)} '
                   f"events; <code>to_svg()</code> draws it.</div>")
    if events:
        out.append(f'<table style="{_TABLE}"><thead><tr>'
                   + "".join(f'<th style="{_TH}">{h}</th>'
                             for h in ("When", "Event", "Status", "Sources"))
                   + "</tr></thead><tbody>")
        for event in events[:MAX_ROWS]:
            out.append(
                f'<tr data-event="{_h(event.id)}">'
                f'<td style="{_TD}">{_when_html(event.time)}</td>'
                f'<td style="{_TD}">{_h(event.title)} '
                f'<span style="{_MUTED};white-space:nowrap">{_h(event.id)}</span></td>'
                f'<td style="{_TD}">{_status_html(event)}</td>'
                f'<td style="{_TD}">{_sources_html(event.articles, tl.articles)}</td></tr>')
        out.append("</tbody></table>")
        out.append(_more(min(len(events), MAX_ROWS), len(events), "event",
                         " (to_dataframe() has them all)"))
    articles = list(tl.known_articles.values())
    if articles:
        out.append('<div style="margin-top:6px;font-weight:600">Sources</div>'
                   '<ul style="margin:2px 0;padding-left:20px">')
        for article in articles[:MAX_ROWS]:
            outlet = f" \u00b7 {_h(article.outlet)}" if article.outlet else ""
            out.append(f"<li><b>{_h(article.id)}</b> {_link(article.url, article.title)}"
                       f'<span style="{_MUTED}">{outlet} \u00b7 '
                       f"{_h(moment_text(article.published))}</span></li>")
        out.append("</ul>")
        out.append(_more(min(len(articles), MAX_ROWS), len(articles), "article"))
    out.append("</div>")
    return "\n".join(line for line in out if line)


def _claims_html(claims: Sequence[Claim]) -> str:
    """The articles of the claims, each once; the quotes they gave as its tooltip."""
    quotes: dict[str, list[str]] = {}
    for claim in claims:
        quotes.setdefault(claim.article, []).append(claim.quote)
    return ", ".join(f'<span title="{_h(" / ".join(said))}">{_h(article)}</span>'
                     for article, said in quotes.items())


def _list_html(title: str, headings: Sequence[str], rows: Sequence[Sequence[str]],
               noun: str) -> str:
    """A titled table of HTML cells, cut at ``MAX_ROWS`` with a line saying how many more."""
    out = [f'<div style="{_BOX}">',
           f'<div style="font-weight:600;font-size:14px">{_h(title)}</div>']
    if rows:
        out.append(f'<table style="{_TABLE}"><thead><tr>'
                   + "".join(f'<th style="{_TH}">{_h(h)}</th>' for h in headings)
                   + "</tr></thead><tbody>")
        out += ["<tr>" + "".join(f'<td style="{_TD}">{cell}</td>' for cell in row) + "</tr>"
                for row in rows[:MAX_ROWS]]
        out.append("</tbody></table>")
        out.append(_more(min(len(rows), MAX_ROWS), len(rows), noun,
                         " (to_dataframe() has them all)"))
    out.append("</div>")
    return "\n".join(line for line in out if line)


def _list_markdown(title: str, headings: Sequence[str], rows: Sequence[Sequence[str]],
                   noun: str) -> str:
    """The same as a Markdown table; cells are Markdown already (``md``)."""
    lines = [f"**{md(title)}**", ""]
    if rows:
        lines += ["| " + " | ".join(headings) + " |", "|" + " --- |" * len(headings)]
        lines += ["| " + " | ".join(row) + " |" for row in rows[:MAX_ROWS]]
        if len(rows) > MAX_ROWS:
            lines += ["", f"\u2026 {plural(len(rows) - MAX_ROWS, 'more ' + noun)} "
                          "(to\\_dataframe() has them all)"]
    return "\n".join(lines) + "\n"


_CHANGE_HEADINGS = ("Change", "Event", "Before", "After", "Sources")
_CONFLICT_HEADINGS = ("Event", "Kind", "Conflict", "Sources")


def changes_html(changes: Sequence[Change]) -> str:
    """``Timeline.changes()`` for a notebook: kind, event, before and after in words, and
    the articles whose claims told it (their quotes as tooltips), all escaped."""
    rows = [(_h(c.kind), _h(c.event), "" if c.old is None else _h(change_side(c.old)),
             _h(change_side(c.new)), _claims_html(c.claims)) for c in changes]
    return _list_html(plural(len(changes), "change"), _CHANGE_HEADINGS, rows, "change")


def changes_markdown(changes: Sequence[Change]) -> str:
    rows = [(md(c.kind), md(c.event), "" if c.old is None else md(change_side(c.old)),
             md(change_side(c.new)), md(_sources(c.claims))) for c in changes]
    return _list_markdown(plural(len(changes), "change"), _CHANGE_HEADINGS, rows, "change")


def conflicts_html(conflicts: Sequence[Conflict]) -> str:
    """``Timeline.conflicts`` for a notebook: event, kind, what cannot hold, and the
    articles of the claims at odds (their quotes as tooltips), all escaped."""
    rows = [(_h(c.event), _h(c.kind), _h(c.message), _claims_html(c.claims))
            for c in conflicts]
    return _list_html(plural(len(conflicts), "conflict"), _CONFLICT_HEADINGS, rows,
                      "conflict")


def conflicts_markdown(conflicts: Sequence[Conflict]) -> str:
    rows = [(md(c.event), md(c.kind), md(c.message), md(_sources(c.claims)))
            for c in conflicts]
    return _list_markdown(plural(len(conflicts), "conflict"), _CONFLICT_HEADINGS, rows,
                          "conflict")


def _rows(pairs: Iterable[tuple[str, str | None]]) -> str:
    """A key-value table; a ``None`` value leaves its row out. Values are HTML already."""
    return (f'<table style="{_TABLE}">'
            + "".join(f'<tr><th style="{_KEY}">{_h(k)}</th><td style="{_TD}">{v}</td></tr>'
                      for k, v in pairs if v is not None)
            + "</table>")


def _says(claim: Claim) -> list[str]:
    """What a claim says of its event's time, as HTML lines: value, placement, ongoing."""
    says = []
    if claim.value is not None:
        part = "" if claim.part is None else f" ({_h(claim.part)} only)"
        says.append(_value_words(claim.value) + part)
    placement = placement_text(claim)
    if placement is not None:
        says.append(_h(placement))
    if claim.ongoing:
        says.append("still going on when published")
    return says


def _quote_html(claim: Claim) -> str:
    """The quote with the time expression in it marked."""
    if claim.when_span is None:
        return _h(claim.quote)
    at = claim.when_span[0] - claim.span[0]
    end = claim.when_span[1] - claim.span[0]
    if not 0 <= at <= end <= len(claim.quote):
        return _h(claim.quote)
    return (_h(claim.quote[:at]) + f'<mark style="background:#fff3b0">'
            f"{_h(claim.quote[at:end])}</mark>" + _h(claim.quote[end:]))


def _value_words(value: TimeValue) -> str:
    """A value in words and TIMEX3: ``17–23 Feb 2025 (2025-W08)``."""
    timex = value.value + (f" {value.mod.value}" if value.mod else "")
    if value.interval is None:
        return _h(timex)
    words = _interval_words(value.interval)
    return f'{_h(words)} <span style="{_MUTED}">({_h(timex)})</span>'


def _interval_words(interval: Interval) -> str:
    """An interval in words: ``Feb 2025`` and ``2022`` for whole months and years, a clock
    time for a minute, else its exact span (``17–23 Feb 2025``, ``24 Feb 2025, 12:00–18:00``).

    ``when_text`` names a whole month or year so only when something lies *somewhere*
    in it; a value *is* its interval, so that wording is asked for only when it names
    one month or year, never "between".
    """
    start, end = interval.start, interval.end
    exact = when_text(EventTime(start, start, end, end))
    if start is None or end is None:
        return exact
    if end - start <= timedelta(minutes=1):  # a clock time, not "14:00–14:01"
        return when_text(EventTime(start, end, start, end))
    if not all(m == datetime(m.year, m.month, 1, tzinfo=m.tzinfo) for m in (start, end)):
        return exact
    loose = when_text(EventTime(start, end, start, end))
    return exact if loose.startswith("between") else loose


def event_html(event: Event) -> str:
    """One event: its time, status, sources and every claim with its quote."""
    pairs: list[tuple[str, str | None]] = [
        ("id", _h(event.id)),
        ("when", _when_html(event.time)),
        ("status", _status_html(event)),
        ("actors", _h(", ".join(event.actors)) if event.actors else None),
        ("place", None if event.place is None else _h(event.place)),
        ("note", None if event.note is None else _h(event.note)),
        ("sources", _h(", ".join(event.articles))),
    ]
    out = [f'<div style="{_BOX}">',
           f'<div style="font-weight:600;font-size:14px">{_h(event.title)}</div>',
           _rows(pairs)]
    if event.claims:
        out.append(f'<table style="{_TABLE}"><thead><tr>'
                   + "".join(f'<th style="{_TH}">{h}</th>'
                             for h in ("Article", "Status", "Says", "Quote"))
                   + "</tr></thead><tbody>")
        for claim in event.claims[:MAX_ROWS]:
            says = _says(claim)
            out.append(f'<tr><td style="{_TD}">{_h(claim.article)}</td>'
                       f'<td style="{_TD}">{_h(status_text(claim.status))}</td>'
                       f'<td style="{_TD}">{"<br>".join(says)}</td>'
                       f'<td style="{_TD}">{_quote_html(claim)}</td></tr>')
        out.append("</tbody></table>")
        out.append(_more(min(len(event.claims), MAX_ROWS), len(event.claims), "claim"))
    out.append("</div>")
    return "\n".join(line for line in out if line)


def claim_html(claim: Claim) -> str:
    """One claim: the quote with its time expression marked, what it resolved to, where from."""
    pairs: list[tuple[str, str | None]] = [
        ("event", _h(claim.event)),
        ("article", _h(claim.article)),
        ("status", _h(status_text(claim.status))),
        ("quote", _quote_html(claim)),
        ("when", None if claim.when is None else _h(claim.when)),
        ("says", "<br>".join(_says(claim)) or None),
        ("known from", _h(moment_text(claim.known_from))),
        ("anchor", None if claim.anchor is None else _h(moment_text(claim.anchor))),
        ("tense", None if claim.tense is None else _h(claim.tense)),
        ("note", None if claim.note is None else _h(claim.note)),
    ]
    return f'<div style="{_BOX}">{_rows(pairs)}</div>'


def value_html(value: TimeValue) -> str:
    """A resolved time value: TIMEX3 attributes, its interval in words and ISO, and EDTF."""
    interval = None
    if value.interval is not None:
        start, end = value.interval.to_iso(dates=value.granularity is None
                                           or value.granularity >= Granularity.DAY)
        interval = (f"{_h(_interval_words(value.interval))} "
                    f'<span style="{_MUTED}">[{_h(start or "-inf")}, '
                    f"{_h(end or '+inf')})</span>")
    pairs: list[tuple[str, str | None]] = [
        ("type", _h(value.type.value)),
        ("value", _h(value.value)),
        ("mod", None if value.mod is None else _h(value.mod.value)),
        ("interval", interval),
        ("granularity", None if value.granularity is None else _h(value.granularity.value)),
        ("duration", None if value.duration is None else _h(value.duration.to_timex())),
        ("quant", None if value.quant is None else _h(value.quant)),
        ("freq", None if value.freq is None else _h(value.freq)),
        ("EDTF", None if (edtf := to_edtf(value)) is None else _h(edtf)),
    ]
    return f'<div style="{_BOX}">{_rows(pairs)}</div>'


# -- Markdown ----------------------------------------------------------------------------------

_MD_ESCAPE = re.compile(r"([\\`*_\[\]|~$])")


def md(text: str) -> str:
    """Text for a Markdown table cell: inline markup escaped, no HTML, on one line.

    Backslash escapes for what CommonMark, GFM tables and notebook maths would read
    (``\\ ` * _ [ ] | ~ $``); ``&``, ``<`` and ``>`` as entities, so no tag or entity
    comes through; line breaks become spaces.
    """
    text = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_ESCAPE.sub(r"\\\1", text)
    return re.sub(r"\s+", " ", text).strip()


def _md_link(article: Article) -> str:
    """The article's title, a link to its web URL where it has one (``<...>`` keeps
    parentheses in the URL from ending the link)."""
    url = web_url(article.url)
    return md(article.title) if url is None else f"[{md(article.title)}](<{url}>)"


def timeline_markdown(tl: Timeline) -> str:
    """The timeline as a Markdown table (when, event, status, sources) and a sources list."""
    with display_zone(None, corpus=tl.zone):
        return _timeline_markdown(tl)


def _timeline_markdown(tl: Timeline) -> str:
    events = Shown.of(tl.events).events
    lines = [f"**{md(_header(tl))}**", ""]
    if events:
        lines += ["| When | Event | Status | Sources |", "| --- | --- | --- | --- |"]
        for event in events[:MAX_ROWS]:
            when = md(when_text(event.time))
            if is_uncertain(event.time):
                when += " (uncertain)"
            status = md(status_text(event.status))
            if event.conflicted:
                status += " \u00b7 **conflicting claims**: " + "; ".join(
                    md(c.message) for c in event.conflicts)
            lines.append(f"| {when} | {md(event.title)} ({md(event.id)}) | {status} | "
                         f"{md(', '.join(event.articles))} |")
        rest = len(events) - MAX_ROWS
        if rest > 0:
            lines += ["", f"\u2026 {plural(rest, 'more event')} (to\\_dataframe() has them all)"]
    articles = list(tl.known_articles.values())
    if articles:
        lines += ["", "**Sources**", ""]
        for article in articles[:MAX_ROWS]:
            outlet = f", {md(article.outlet)}" if article.outlet else ""
            lines.append(f"- {md(article.id)}: {_md_link(article)}{outlet}, "
                         f"{md(moment_text(article.published))}")
        rest = len(articles) - MAX_ROWS
        if rest > 0:
            lines.append(f"- \u2026 {plural(rest, 'more article')}")
    return "\n".join(lines) + "\n"


# -- drafts ------------------------------------------------------------------------------------

#: How a draft's quote marks each kind: the time expression as a claim's, the event word
#: bold and underlined, an actor tinted.
_DRAFT_MARKS = {"when": ('<mark style="background:#fff3b0">', "</mark>"),
                "event": ('<b style="text-decoration:underline">', "</b>"),
                "actor": ('<span style="background:#e3effb;border-radius:2px">', "</span>")}


def _draft_quote_html(candidate: Candidate) -> str:
    """A candidate's quote with its time expression, event word and actors highlighted."""
    quote, out, at = candidate.quote, [], 0
    for start, end, kind in quote_marks(candidate):
        left, right = _DRAFT_MARKS[kind]
        out += [_h(quote[at:start]), left, _h(quote[start:end]), right]
        at = end
    out.append(_h(quote[at:]))
    return "".join(out)


def draft_html(draft: Draft) -> str:
    """A draft for a notebook: each event with its time, status, reports and suggestions,
    then its candidate claims, each quote with the time expression, the event word and the
    actors highlighted."""
    out = [f'<div style="{_BOX}">',
           f'<div style="font-weight:600;font-size:14px">Draft: '
           f'{_h(plural(len(draft.events), "event"))} from '
           f'{_h(plural(len(draft.articles), "article"))}</div>']
    for event in draft.events[:MAX_ROWS]:
        style = _STATUS_STYLE[event.status]
        status = _h(status_text(event.status))
        suggestions = "<br>".join(f"{_h(s.event)} ({s.score:.2f}: {_h(cues_text(s.link))})"
                                  for s in event.suggestions)
        pairs: list[tuple[str, str | None]] = [
            ("id", _h(event.id)),
            ("when", "time unknown" if event.interval is None
             else _h(_interval_words(event.interval))),
            ("status", f'<span style="{style}">{status}</span>' if style else status),
            ("actors", _h(", ".join(a.display for a in event.actors)) or None),
            ("reports", _h(f"{plural(event.reports, 'article')}, first "
                           f"{moment_text(event.first_reported)}, last "
                           f"{moment_text(event.last_reported)}")),
            ("maybe the same as", suggestions or None),
        ]
        out.append(f'<div style="margin:10px 0 0 0;font-weight:600">{_h(event.title)}</div>')
        out.append(_rows(pairs))
        out.append(f'<table style="{_TABLE}"><thead><tr>'
                   + "".join(f'<th style="{_TH}">{h}</th>'
                             for h in ("Article", "Status", "Says", "Quote"))
                   + "</tr></thead><tbody>")
        for candidate in event.candidates[:MAX_ROWS]:
            says = _value_words(candidate.value) if candidate.value.interval else ""
            order = [f"{key} {_h(getattr(candidate.claim, key))}"
                     for key in ("before", "after") if getattr(candidate.claim, key)]
            says = "<br>".join(filter(None, [says, *order]))
            out.append(f'<tr><td style="{_TD}">{_h(candidate.article)}</td>'
                       f'<td style="{_TD}">{_h(status_text(candidate.status))}</td>'
                       f'<td style="{_TD}">{says}</td>'
                       f'<td style="{_TD}">{_draft_quote_html(candidate)}</td></tr>')
        out.append("</tbody></table>")
        out.append(_more(min(len(event.candidates), MAX_ROWS), len(event.candidates),
                         "candidate"))
    out.append(_more(min(len(draft.events), MAX_ROWS), len(draft.events), "event"))
    out.append("</div>")
    return "\n".join(line for line in out if line)


__all__ = ["CLAIM_COLUMNS", "EVENT_COLUMNS", "MAX_PICTURE", "MAX_ROWS", "claim_html",
           "draft_html", "event_html", "md", "timeline_html", "timeline_markdown",
           "to_dataframe", "value_html"]
