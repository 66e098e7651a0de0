"""timeline: event timelines from dated news articles, with honest, traceable dates.

The rule tables load on the first call that needs them, so ``import timeline`` stays fast.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from timeline.errors import (
    CorpusError,
    QueryError,
    ResolveError,
    RuleTableError,
    TimelineError,
    TimexError,
    UnknownEventError,
)
from timeline.time import Duration, Granularity, Interval, Mod, TimeValue, TimexType

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from timeline.model.event import EventSpec
    from timeline.query.timeline import Timeline
    from timeline.tagger.context import Tense
    from timeline.tagger.scan import Mention

__version__ = "0.1.0"


def resolve(text: str, anchor: date | datetime | str, *, tense: str | Tense | None = None,
            date_order: str = "mdy") -> TimeValue:
    """Resolve one time expression against an anchor: ``ResolveError`` if it is not one.

    ``anchor`` is a date, a floating datetime or an aware one, or an ISO 8601 string of
    one (``"2025-02-24"``, ``"2025-02-25T11:38+01:00"``); ``tense`` (past, present,
    future) points undirected forms such as a bare "Monday"; ``date_order`` reads
    ``2/3/2025`` as month first (``mdy``, the default) or day first (``dmy``).

    >>> v = resolve("last week", date(2025, 2, 24))
    >>> v.value, str(v.interval)
    ('2025-W08', '[2025-02-17, 2025-02-24)')
    >>> resolve("last week", "2025-02-24") == v
    True
    """
    from timeline.tagger.resolve import resolve as _resolve

    return _resolve(text, anchor, tense=tense, date_order=date_order)


def scan(text: str, anchor: date | datetime | str, *, tense: str | Tense | None = None,
         date_order: str = "mdy") -> list[Mention]:
    """Every time expression in ``text`` with its character span, resolved against ``anchor``
    (a date, a datetime or an ISO string, as ``resolve`` takes it)."""
    from timeline.tagger.scan import scan as _scan

    return _scan(text, anchor, tense=tense, date_order=date_order)


def tag(text: str, anchor: date | datetime | str, *, date_order: str = "mdy") -> list[Mention]:
    """Every time expression in running text: span, TIMEX3 type, value, mod and interval.

    Each is resolved against ``anchor`` (the publication time, as ``resolve`` takes it)
    with its direction taken from the sentence around it. ``Mention.extent`` is the TIMEX3
    extent as TimeML draws it ("Monday" in "on Monday"); ``Mention.start``/``end`` cover
    the signal too.

    >>> [(m.text, m.value.value) for m in tag("The vote was on Monday.", date(2025, 2, 25))]
    [('on Monday', '2025-02-24')]
    """
    from timeline.tagger.scan import scan as _scan

    return _scan(text, anchor, date_order=date_order)


def load(directory: str | Path = "seeds") -> Timeline:
    """Load a corpus folder (``sources.toml``, the texts, ``events.toml``) as a ``Timeline``.

    ``"seeds"`` names the embedded default corpus, unless the current folder has a
    ``seeds/sources.toml`` of its own. The problems of a file are one ``CorpusError``
    (each in its ``problems``, naming the file, the entry and the field), raised before
    anything is built.
    """
    from pathlib import Path

    from timeline.model.load import SOURCES, load_articles, load_events, read_manifest, seeds_dir
    from timeline.query.timeline import Timeline

    folder = Path(directory)
    if str(directory) == "seeds" and not (folder / SOURCES).is_file():
        folder = seeds_dir()
    manifest = read_manifest(folder)
    articles = load_articles(folder, manifest)
    return Timeline(articles, load_events(folder, articles),
                    title=manifest.info.title or folder.resolve().name, zone=manifest.info.zone)


def from_dataframe(frame: Any, *, text: str = "text", published: str = "published",
                   id: str | None = "id", title: str | None = "title", url: str | None = None,
                   outlet: str | None = None, events: Iterable[EventSpec] = (),
                   corpus_title: str | None = None, zone: str | None = None) -> Timeline:
    """A timeline from a pandas DataFrame of articles, one row each; the keywords name the
    columns (``corpus_title`` and ``zone`` are the corpus's, as ``[corpus]`` gives them).

    ``id`` defaults to the ``id`` column, else the row index; ``title`` to the ``title``
    column, else the text's first words. A ``datetime64`` column of midnights is read as
    dates: pandas stores a date as its midnight, and a time no source gave is never
    invented. Every problem (a missing column, a ``NaN`` or ``NaT`` in a row) is one
    ``CorpusError`` naming each column and row. Events (``EventSpec.build``) quote the
    articles by id.
    """
    from timeline.model.frame import articles_from_frame
    from timeline.query.timeline import Timeline

    articles = articles_from_frame(frame, text=text, published=published, id=id, title=title,
                                   url=url, outlet=outlet)
    return Timeline.from_articles(articles, events, title=corpus_title, zone=zone)


#: Names imported on first use (``timeline.Timeline``), so ``import timeline`` stays fast.
_LAZY = {
    "Article": "timeline.model.article",
    "Claim": "timeline.model.claim",
    "EventSpec": "timeline.model.event",
    "Status": "timeline.model.claim",
    "Timeline": "timeline.query.timeline",
}


def __getattr__(name: str) -> Any:
    """``timeline.Timeline``, ``timeline.Article``...: imported on first use; so is
    ``timeline.draft``, the draft layer, which called drafts a corpus
    (``timeline.draft("corpus/")``, i.e. ``timeline.draft.draft``)."""
    if name == "draft":
        from importlib import import_module

        return import_module("timeline.draft")
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")


__all__ = [
    "Article",
    "Claim",
    "CorpusError",
    "Duration",
    "EventSpec",
    "Granularity",
    "Interval",
    "Mod",
    "QueryError",
    "ResolveError",
    "RuleTableError",
    "Status",
    "TimeValue",
    "Timeline",
    "TimelineError",
    "TimexError",
    "TimexType",
    "UnknownEventError",
    "draft",
    "from_dataframe",
    "load",
    "resolve",
    "scan",
    "tag",
]
