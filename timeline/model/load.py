"""Corpus loading: ``sources.toml``, the article files and ``events.toml`` into model values."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs

from timeline.errors import CorpusError
from timeline.model.article import FORMS, Article
from timeline.model.event import EventSpec, check_specs
from timeline.model.files import read_regular
from timeline.model.memory import DRAFT, DraftMemory
from timeline.model.problems import Problems
from timeline.model.toml_lines import parse_lines
from timeline.time.value import TimeValue

SOURCES = "sources.toml"


def seeds_dir() -> Path:
    """The folder of the seed corpus: shipped inside the installed package, else the checkout's.

    The wheel carries the repository's ``seeds/`` as ``timeline/seeds`` (hatch
    ``force-include``); an editable install or a bare source checkout has it at the top of
    the repository instead.
    """
    shipped = files("timeline") / "seeds"
    if isinstance(shipped, Path) and (shipped / SOURCES).is_file():
        return shipped
    checkout = Path(__file__).resolve().parents[2] / "seeds"
    if (checkout / SOURCES).is_file():
        return checkout
    raise CorpusError(f"seed corpus not found: no {SOURCES} in {str(shipped)!r} "
                      f"or {str(checkout)!r}")


#: Keys the optional ``[corpus]`` table of ``sources.toml`` may have.
CORPUS_KEYS = frozenset({"title", "zone"})


@attrs.frozen
class CorpusInfo:
    """What ``sources.toml``'s ``[corpus]`` table says of the whole corpus.

    ``title`` names the timeline in every export (a calendar's name, the chronology's
    heading); ``zone`` is the IANA name of the zone its articles' floating times are read
    in (``None``: floating times stay floating, as RFC 5545 allows).
    """

    title: str | None = None
    zone: str | None = None


@attrs.frozen
class Manifest:
    """``sources.toml`` read but not yet checked: its name for messages, the ``[corpus]``
    table (checked) and the ``[[articles]]`` tables (``Article.from_toml`` checks each)."""

    source: str
    info: CorpusInfo
    tables: list[Any]


#: Longer than any IANA zone name (the longest is about 30 characters).
MAX_ZONE_NAME = 255


def check_zone(name: object, *, file: str | None = None, entry: str | None = None,
               field: str = "zone") -> str:
    """An IANA zone name that ``zoneinfo`` knows (``tzdata`` where the system has none)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not isinstance(name, str) or not name.strip():
        raise CorpusError(f"expected an IANA zone name such as 'America/New_York', got "
                          f"{name!r}", file=file, entry=entry, field=field)
    try:
        if len(name) > MAX_ZONE_NAME:  # the file system's limit: an OSError, not a lookup
            raise ValueError(name)
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        shown = repr(name) if len(name) <= 60 else f"{name[:60]!r}… ({len(name)} characters)"
        raise CorpusError(f"unknown zone {shown}; expected an IANA name such as "
                          f"'America/New_York' or 'UTC'", file=file, entry=entry,
                          field=field) from None
    return name


def read_manifest(directory: str | Path) -> Manifest:
    """``directory/sources.toml``: ``CorpusError`` when the file is missing, unreadable, not
    TOML, or not a ``[corpus]`` table and a list of ``[[articles]]`` tables."""
    source_path = Path(directory) / SOURCES
    source = str(source_path)
    try:
        document = read_toml(source_path)
    except FileNotFoundError:
        raise CorpusError("not found", file=source) from None

    for key in sorted(set(document) - {"articles", "corpus"}):
        raise CorpusError("unknown key; expected a [corpus] table and [[articles]] tables",
                          file=source, field=key)
    info = _corpus_info(document.get("corpus", {}), source)
    tables = document.get("articles")
    if tables is None:
        raise CorpusError("no [[articles]] tables", file=source, field="articles")
    if not isinstance(tables, list):
        raise CorpusError("expected an array of tables ([[articles]])",
                          file=source, field="articles")
    return Manifest(source, info, tables)


def _corpus_info(table: object, source: str) -> CorpusInfo:
    if not isinstance(table, dict):
        raise CorpusError("expected a table ([corpus])", file=source, field="corpus")
    for key in sorted(set(table) - CORPUS_KEYS):
        raise CorpusError(f"unknown key; expected one of {', '.join(sorted(CORPUS_KEYS))}",
                          file=source, entry="[corpus]", field=key)
    title = table.get("title")
    if title is not None and (not isinstance(title, str) or not title.strip()):
        raise CorpusError(f"expected a non-empty string, got {title!r}", file=source,
                          entry="[corpus]", field="title")
    zone = table.get("zone")
    if zone is not None:
        zone = check_zone(zone, file=source, entry="[corpus]")
    return CorpusInfo(title=title, zone=zone)


def load_articles(directory: str | Path, manifest: Manifest | None = None) -> list[Article]:
    """Read ``directory/sources.toml`` and every article it lists, in the order listed.

    Ids must be unique; every problem is a ``CorpusError`` whose message names the file,
    the article and the field. ``manifest`` is ``read_manifest(directory)``, when the caller
    has read it already (for its ``[corpus]`` table).
    """
    directory = Path(directory)
    if manifest is None:
        manifest = read_manifest(directory)
    source, tables = manifest.source, manifest.tables
    problems = Problems(file=source)
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for index, table in enumerate(tables, start=1):
        article = problems.attempt(
            partial(Article.from_toml, table, directory, source=source, index=index))
        if article is None:
            continue
        if article.id in seen:
            problems.add("id", f"duplicate id; article {seen[article.id]} has it already",
                         entry=f"article {article.id!r}")
        seen[article.id] = index
        articles.append(article)
    problems.raise_any()
    return articles


EVENTS = "events.toml"


def load_events(directory: str | Path, articles: Sequence[Article], *,
                progress: Callable[[int, int], None] | None = None) -> list[EventSpec]:
    """Read ``directory/events.toml`` (none: no events) and check it whole before building.

    ``progress(done, total)`` is called after each event is read and checked (resolving
    its claims' expressions is where the time goes on a large corpus).

    Ids must be unique; claims must name known articles and events, quote their article
    exactly, and place events against each other without a cycle. Every problem is a
    ``CorpusError`` naming the file, the event and claim, and the field.
    """
    path = Path(directory) / EVENTS
    try:
        document = read_toml(path)
    except FileNotFoundError:
        return []
    return events_from_toml(document, articles, file=str(path), progress=progress)


def events_from_toml(document: Mapping[str, Any], articles: Iterable[Article], *,
                     file: str | None = EVENTS,
                     progress: Callable[[int, int], None] | None = None) -> list[EventSpec]:
    """The events of a parsed ``events.toml``, checked as ``load_events`` checks the file
    (its ``[draft]`` table too, though the events do not need it)."""
    source = file
    for key in sorted(set(document) - {"events", DRAFT}):
        raise CorpusError("unknown key; expected [[events]] tables and a [draft] table",
                          file=source, field=key)
    draft_memory_of(document, file=source)
    tables = document.get("events", [])
    if not isinstance(tables, list):
        raise CorpusError("expected an array of tables ([[events]])", file=source,
                          field="events")
    by_id = {article.id: article for article in articles}
    problems = Problems(file=source)
    specs: list[EventSpec] = []
    resolved: dict[tuple[str, str, str], TimeValue | str] = {}  # each expression once
    for position, table in enumerate(tables, start=1):
        spec = problems.attempt(partial(EventSpec.from_toml, table, articles=by_id,
                                        file=source, position=position, resolved=resolved))
        if spec is not None:
            specs.append(spec)
        if progress is not None:
            progress(position, len(tables))
    # Events whose own checks failed still exist: a reference to one is not also a problem.
    ids = [t["id"] for t in tables if isinstance(t, dict) and isinstance(t.get("id"), str)]
    check_specs(specs, problems, ids=ids)
    problems.raise_any()
    return specs


def draft_memory_of(document: Mapping[str, Any], *, file: str | None = EVENTS) -> DraftMemory:
    """A parsed ``events.toml``'s ``[draft]`` table (none: an empty memory)."""
    if DRAFT not in document:
        return DraftMemory()
    return DraftMemory.from_toml(document[DRAFT], file=file)


def read_draft_memory(path: str | Path) -> DraftMemory:
    """What the draft step has proposed for a corpus: the ``[draft]`` table of ``path``
    (an ``events.toml``, or a corpus folder for its own). No file or no table: an empty
    memory; a file that is not TOML or a bad table: ``CorpusError`` naming the field."""
    path = Path(path)
    if path.is_dir():
        path = path / EVENTS
    try:
        document = read_toml(path)
    except FileNotFoundError:
        return DraftMemory()
    return draft_memory_of(document, file=str(path))


#: ``(at line 3, column 13)`` in a ``tomllib`` error message.
_AT_LINE = re.compile(r"\(at line (?P<line>\d{1,9}), column \d{1,9}\)")
#: A ``key = value`` line (the key bare or quoted), the value up to a comment.
_KEY_VALUE = re.compile(r"\s*(?P<key>[A-Za-z0-9_-]{1,100}|\"[^\"]{1,100}\")\s*=\s*(?P<value>[^#]*)")
#: A value that tries to be a date or datetime: digits, then dashes or colons.
_DATE_LIKE = re.compile(r"[\"']?\d{1,4}[-:/.]\d")


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a dict: ``CorpusError`` naming the file (and, for a bad date, the key
    and the form expected) when it cannot be read or is not TOML; ``FileNotFoundError`` as
    it is, for callers to say what a missing file means.

    Only a regular file of at most ``files.MAX_BYTES`` is read (``files.read_regular``): a
    FIFO would block for ever and a link to ``/dev/zero`` fill the memory.
    """
    return parse_toml(read_corpus_text(path), file=str(path))


def read_corpus_text(path: Path) -> str:
    """A corpus file's text, read as ``read_toml`` reads it (a regular file of bounded
    size, UTF-8): ``CorpusError`` naming the file, ``FileNotFoundError`` as it is."""
    source = str(path)
    try:
        data = read_regular(path)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise CorpusError(f"cannot read: {exc.strerror or exc}", file=source) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"not UTF-8 text: byte {exc.start}", file=source) from None


def parse_toml(text: str, *, file: str | None) -> dict[str, Any]:
    """TOML text as a dict, or the ``CorpusError`` ``read_toml`` gives for it (naming
    ``file``); the line-shaped TOML a corpus is written in is read without ``tomllib``'s
    cost (``toml_lines``), to the same dict."""
    fast = parse_lines(text)
    if fast is not None:
        return fast
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(exc, text, file) from None
    except RecursionError:  # tomllib recurses once an array or inline table deep
        raise CorpusError("not valid TOML: arrays or tables nested too deeply",
                          file=file) from None


def _toml_error(exc: tomllib.TOMLDecodeError, text: str, source: str | None) -> CorpusError:
    """``not valid TOML``, and for a malformed date (``published = 2025-2-25``) which key
    and the form expected: tomllib only says where it stopped."""
    at = _AT_LINE.search(str(exc))
    lines = text.splitlines()
    if at is not None and 1 <= int(at["line"]) <= len(lines):
        line = lines[int(at["line"]) - 1]
        pair = _KEY_VALUE.match(line)
        if pair is not None and _DATE_LIKE.match(pair["value"]):
            key = pair["key"].strip('"')
            return CorpusError(
                f"not valid TOML at line {at['line']}: {line.strip()!r}; a date is written "
                f"{FORMS}", file=source, field=key)
    return CorpusError(f"not valid TOML: {exc}", file=source)
