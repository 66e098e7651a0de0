"""Corpus-scale runs: the per-article steps of ``tag``, ``scan`` and ``draft`` as pure
functions of records, so any engine runs them unchanged (a process pool, Dask, Spark).

A record in is a mapping ``{"id": str, "text": str, "published": ISO date or datetime}``
(``title`` optional, for ``draft``); a record out is ``{"id": ..., "mentions": [...]}``,
each mention the JSON ``timeline tag --format json`` prints (plus ``granularity``) or,
for ``scan``, ``Mention.to_dict()``. The functions are module-level and their options a
frozen value, so they pickle; the only state is the cached rule tables, compiled once in
each worker process. docs/scale.md documents the schemas and the recipes.

>>> record = {"id": "a1", "text": "The vote was on Monday.", "published": "2025-02-25"}
>>> [m["value"] for m in tag_records([record])[0]["mentions"]]
['2025-02-24']

``draft``'s cross-article step groups candidates that may report one happening, and
candidates far apart in time never interact: ``time_blocks`` splits them into independent
blocks (the components of the grouping's own blocking, ``group.related_pairs``, with the
undated reports joined to every dated statement their news week touches), each block is
grouped on its own, and ``merge_blocks`` gives the events the ids ``group`` would have
given them: the draft equals ``timeline.draft`` of the same articles.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import attrs

from timeline.draft import candidates_of
from timeline.draft.candidate import Candidate
from timeline.draft.draft import Draft
from timeline.draft.group import (
    NEWS_WINDOW,
    DraftEvent,
    canonical,
    group,
    related_pairs,
    time_key,
    unique_ids,
)
from timeline.errors import CorpusError
from timeline.model.article import Article, parse_moment
from timeline.tagger.scan import Mention
from timeline.time.interval import Interval

__all__ = ["PARQUET_COLUMNS", "Options", "article_of", "candidate_records", "draft_bag",
           "draft_records", "jobs_default", "mention_json", "mention_rows", "merge_blocks",
           "parallel", "read_jsonl", "record_of", "scan_bag", "scan_records", "tag_bag",
           "tag_records", "time_blocks", "warm", "write_parquet"]

_T = TypeVar("_T")
_R = TypeVar("_R")

Record = Mapping[str, Any]

#: Articles a worker takes at a time: enough to pay for the trip to the worker process.
CHUNK = 16
#: Chunks in flight per worker: what keeps every worker busy while the results are written,
#: and all the corpus a run holds at once (``CHUNK * WINDOW * jobs`` articles).
WINDOW = 4


@attrs.frozen
class Options:
    """What a batch step takes besides the record: how all-numeric dates read
    (``date_order``, as ``--date-order``), ``explain`` (the rule's cues and reference, as
    ``tag --explain``) and ``every_event`` (as ``draft --every-event``)."""

    date_order: str = attrs.field(default="mdy",
                                  validator=attrs.validators.in_(("mdy", "dmy")))
    explain: bool = False
    every_event: bool = False


DEFAULT = Options()


def jobs_default() -> int:
    """The cores this process may use: ``os.process_cpu_count`` where Python has it
    (3.13), else the affinity mask, else ``os.cpu_count``."""
    counter = getattr(os, "process_cpu_count", None)
    if counter is not None:
        return int(counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


# -- records ------------------------------------------------------------------------------------

def _field(record: Record, name: str) -> str:
    if not isinstance(record, Mapping):
        raise CorpusError(f"expected a JSON object, got {type(record).__name__}")
    value, entry = record.get(name), _entry(record)
    if value is None:
        raise CorpusError("missing", entry=entry, field=name)
    if not isinstance(value, str) or (name != "text" and not value.strip()):
        raise CorpusError(f"expected a non-empty string, got {value!r:.60}", entry=entry,
                          field=name)
    return value


def _entry(record: Any) -> str:
    if isinstance(record, Mapping) and isinstance(record.get("id"), str):
        return f"record {record['id']!r}"
    return "record"


def _anchor(record: Record) -> date | datetime:
    text = _field(record, "published")
    try:
        return parse_moment(text)
    except ValueError as exc:
        raise CorpusError(str(exc), entry=_entry(record), field="published") from None


def article_of(record: Record) -> Article:
    """The record as an ``Article`` (``title`` defaults to the id): what ``draft`` quotes."""
    title = record.get("title")
    return Article(id=_field(record, "id"), text=_field(record, "text"),
                   published=_anchor(record),
                   title=title if isinstance(title, str) and title.strip() else record["id"])


def record_of(article: Article) -> dict[str, Any]:
    """An article as a record (``id``, ``text``, ``published`` in ISO 8601, ``title``)."""
    return {"id": article.id, "text": article.text, "title": article.title,
            "published": article.published.isoformat()}


def mention_json(mention: Mention, text: str, explain: bool = False) -> dict[str, Any]:
    """A mention as ``timeline tag --format json`` prints it: the TIMEX3 extent's text and
    span, the TIMEX3 fields, the interval and the rule (``explain``: cues, reference and
    the matched span with signals)."""
    start, end = mention.extent
    value = mention.timex.to_dict()
    out: dict[str, Any] = {"text": text[start:end], "span": [start, end],
                           "type": value["type"], "value": value["value"], "mod": value["mod"],
                           "interval": value["interval"], "rule": mention.rule}
    for key in ("quant", "freq"):
        if key in value:
            out[key] = value[key]
    if explain:
        out["matched"] = [mention.start, mention.end]
        out["cues"] = mention.cue or None  # the words that set its direction
        out["reference"] = mention.reference  # what an anaphoric one counted from
    return out


def tag_record(record: Record, options: Options = DEFAULT) -> dict[str, Any]:
    """``{"id", "mentions"}``: every time expression of the record's text, resolved against
    its publication time, as ``tag --format json`` gives it, with its ``granularity``."""
    from timeline.tagger.scan import scan

    text, anchor = _field(record, "text"), _anchor(record)
    mentions = []
    for mention in scan(text, anchor, date_order=options.date_order):
        out = mention_json(mention, text, options.explain)
        granularity = mention.timex.granularity
        out["granularity"] = None if granularity is None else granularity.value
        mentions.append(out)
    return {"id": _field(record, "id"), "mentions": mentions}


def scan_record(record: Record, options: Options = DEFAULT) -> dict[str, Any]:
    """``{"id", "mentions"}``, each mention as ``timeline scan --format json`` gives it
    (``Mention.to_dict``: the span with its signal, the value of the whole expression)."""
    from timeline.tagger.scan import scan

    mentions = scan(_field(record, "text"), _anchor(record), date_order=options.date_order)
    return {"id": _field(record, "id"), "mentions": [m.to_dict() for m in mentions]}


def tag_records(records: Iterable[Record], *, options: Options = DEFAULT
                ) -> list[dict[str, Any]]:
    """``tag_record`` of each record, in order (a Dask partition, a pandas batch)."""
    return [tag_record(r, options) for r in records]


def scan_records(records: Iterable[Record], *, options: Options = DEFAULT
                 ) -> list[dict[str, Any]]:
    """``scan_record`` of each record, in order."""
    return [scan_record(r, options) for r in records]


def candidate_records(records: Iterable[Record], *, options: Options = DEFAULT
                      ) -> list[Candidate]:
    """``draft``'s per-article step: the candidates (dated statements, and undated reports)
    of each record, as ``timeline.draft.candidates_of`` finds them. ``Candidate`` is a
    frozen value and pickles."""
    return candidates_of([article_of(r) for r in records], every_event=options.every_event)


# -- reading and writing --------------------------------------------------------------------------

def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON lines file, one at a time (the file is never read whole),
    each with the fields ``id``, ``text``, ``published`` and ``title`` found under the
    names ``timeline init --from`` reads; a line that is not a JSON object, or lacks an
    id, a text or a publication time, is a ``CorpusError`` naming the file and the line.
    Blank lines are skipped."""
    path = Path(path)
    try:
        stream = path.open(encoding="utf-8", newline="\n")
    except OSError as exc:
        raise CorpusError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None
    with stream:
        number = 0
        try:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                yield _record(line, str(path), number)
        except UnicodeDecodeError as exc:
            raise CorpusError(f"not UTF-8 text (byte {exc.start} of a line)", file=str(path),
                              entry=f"line {number + 1}") from None


def _record(line: str, file: str, number: int) -> dict[str, Any]:
    """One line as a record, its fields found under the names ``timeline init --from``
    reads (``ingest.FIELDS``: news-please's ``maintext`` and ``date_publish`` too) and its
    publication time as ``ingest.parse_published`` reads it (ISO 8601 or RFC 2822),
    written back in ISO 8601."""
    from timeline.model.ingest import FIELDS, parse_published

    where = f"line {number}"
    try:
        found = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"not JSON: {exc.msg} (column {exc.colno})", file=file,
                          entry=where) from None
    if not isinstance(found, dict):
        raise CorpusError(f"expected a JSON object, got {type(found).__name__}", file=file,
                          entry=where)
    record: dict[str, Any] = {}
    for field in ("id", "text", "published", "title"):
        value = next((found[k] for k in FIELDS[field] if found.get(k) is not None), None)
        if field == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is not None:
            record[field] = value
    if isinstance(record.get("published"), str):
        moment = parse_published(record["published"])
        if moment is not None:
            record["published"] = moment.isoformat()
    try:
        for name in ("id", "text"):
            _field(record, name)
        _anchor(record)
    except CorpusError as exc:
        raise CorpusError(exc.message, file=file, entry=f"{where} ({_entry(record)})",
                          field=exc.field) from None
    return record


#: The Parquet file's columns, one row a mention (``mention_rows``), in order.
PARQUET_COLUMNS = ("article", "start", "end", "text", "type", "value", "mod",
                   "interval_start", "interval_end", "granularity", "rule")


def mention_rows(results: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """One flat row a mention of the records out (``PARQUET_COLUMNS``): the article id, the
    span's ends, the mention's fields, the interval's ISO ends (``None`` for an open end or
    no interval)."""
    for result in results:
        for mention in result["mentions"]:
            interval = mention.get("interval") or (None, None)
            yield {"article": result["id"], "start": mention["span"][0],
                   "end": mention["span"][1], "text": mention["text"],
                   "type": mention["type"], "value": mention["value"], "mod": mention["mod"],
                   "interval_start": interval[0], "interval_end": interval[1],
                   "granularity": mention.get("granularity"), "rule": mention["rule"]}


def write_parquet(results: Iterable[Mapping[str, Any]], stream: Any, *,
                  batch: int = 10_000) -> int:
    """The mentions of the records out as Parquet on a binary file object, one row group
    a ``batch`` of rows, so memory stays bounded; the number of rows written. Needs
    pyarrow (``pip install 'timeline[parquet]'``)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        raise ModuleNotFoundError("Parquet output needs pyarrow: pip install "
                                  "'timeline[parquet]'", name="pyarrow") from None
    text, number = pa.string(), pa.int32()
    schema = pa.schema([("article", text), ("start", number), ("end", number),
                        ("text", text), ("type", text), ("value", text), ("mod", text),
                        ("interval_start", text), ("interval_end", text),
                        ("granularity", text), ("rule", text)])
    written = 0
    with pq.ParquetWriter(stream, schema) as writer:
        rows: list[dict[str, Any]] = []
        for row in mention_rows(results):
            rows.append(row)
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                written, rows = written + len(rows), []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        written += len(rows)
    return written


# -- one machine --------------------------------------------------------------------------------

def warm() -> None:
    """Compile the rule tables once in a new worker, before its first article (a pool's
    initializer; ``Client.run(warm)`` on a Dask cluster)."""
    from timeline.tagger.rules import load_rules

    load_rules()


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    chunk: list[_T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def parallel(function: Callable[[list[_T]], list[_R]], items: Iterable[_T], *, jobs: int,
             chunk: int = CHUNK, window: int = WINDOW) -> Iterator[_R]:
    """``function`` of each chunk of ``items`` on ``jobs`` worker processes, the results
    one by one in the input's order.

    At most ``window`` chunks a worker are in flight, so a corpus is never held whole:
    the input is read as the results are taken. ``function`` must pickle (a module-level
    function, or a ``functools.partial`` of one). ``jobs=1``, or input that fits in one
    chunk, runs in this process: no worker start-up for a handful of articles.
    """
    if jobs < 1:
        raise ValueError(f"jobs: expected at least 1, got {jobs}")
    chunks = _chunks(items, chunk)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None) if jobs > 1 else None
    if second is None:
        yield from function(first)
        for rest in chunks:
            yield from function(rest)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=warm) as pool:
        pending: deque[Future[list[_R]]] = deque(
            [pool.submit(function, first), pool.submit(function, second)])
        try:
            for part in chunks:
                pending.append(pool.submit(function, part))
                if len(pending) >= window * jobs:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


# -- draft across articles ----------------------------------------------------------------------

class _Union:
    """Union-find over indices, by size, with path halving."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]


#: The margin around an undated report's news week inside which it may meet an event:
#: ``group`` looks at events starting up to two days before it, and a floating time's
#: widest absolute reading adds 26 hours on each side: two days more on each side is safe.
_BEFORE = timedelta(days=4)
#: The length of a report's window with its margins (every window is given this length,
#: so the windows a statement's time touches are a run of them in order of start).
_REACH = NEWS_WINDOW + timedelta(days=8)


def time_blocks(candidates: Iterable[Candidate]) -> list[list[Candidate]]:
    """The candidates in blocks that ``group`` never joins across, each in canonical order,
    the blocks in the order of their first candidate.

    Two dated statements are in one block when ``group.related_pairs`` pairs them (the
    only pairs it scores), an undated report with every dated statement whose time
    (at its widest absolute reading) touches the report's news week with a margin: all a
    report may join. So grouping each block alone makes the events of grouping all of
    them. A report whose week no statement touches is a block alone (``group`` drops it).
    """
    ordered = canonical(candidates)
    dated = [c for c in ordered if not c.undated]
    reports = [c for c in ordered if c.undated]
    items = dated + reports
    union = _Union(len(items))
    for i, j in related_pairs(dated):
        union.union(i, j)
    windows: list[tuple[datetime, int]] = []
    for offset, report in enumerate(reports):
        interval = report.value.interval
        if interval is None or interval.end is None:
            continue
        _, start, _, _ = time_key(Interval(interval.end - NEWS_WINDOW, interval.end))
        windows.append((start - _BEFORE, len(dated) + offset))
    windows.sort()
    starts = [start for start, _ in windows]
    chained = [0] * (len(windows) + 1)  # +1 from a run's first window, -1 at its last
    for i, candidate in enumerate(dated):
        if candidate.interval is None:
            continue
        _, lo, hi, _ = time_key(candidate.interval)
        try:
            first = bisect.bisect_right(starts, lo - _REACH)
        except OverflowError:  # an open start: every window before its end
            first = 0
        last = bisect.bisect_left(starts, hi)
        if first < last:
            union.union(i, windows[first][1])
            chained[first] += 1
            chained[last - 1] -= 1
    running = 0
    for k in range(len(windows) - 1):
        running += chained[k]
        if running > 0:
            union.union(windows[k][1], windows[k + 1][1])
    blocks: dict[int, list[Candidate]] = {}
    for i, item in enumerate(items):
        blocks.setdefault(union.find(i), []).append(item)
    return sorted((canonical(b) for b in blocks.values()), key=lambda b: _rank_key(b[0]))


def _rank_key(candidate: Candidate) -> tuple[bool, tuple[str, int, int], str, tuple[int, int],
                                              str]:
    """Where ``group`` places a candidate among all: the dated first, each part in
    ``canonical`` order (its last tie-break, the repr, included)."""
    return (candidate.undated, candidate.sort_key, candidate.fingerprint,
            candidate.when_span or (-1, -1), repr(candidate))


def group_block(block: Sequence[Candidate], **group_options: Any) -> list[DraftEvent]:
    """``group`` of one block (picklable, for a worker)."""
    return group(block, **group_options)


def merge_blocks(grouped: Iterable[Sequence[DraftEvent]], articles: Iterable[Article]
                 ) -> Draft:
    """One draft of the events of each block: ids given again in the order ``group`` gives
    them over all candidates (by time, then first candidate), suggestions renamed along."""
    blocks = [list(events) for events in grouped]
    placed = []
    for number, events in enumerate(blocks):
        for event in events:
            first = next(c for c in event.candidates if not c.undated)
            placed.append((time_key(event.interval), _rank_key(first), number, event))
    placed.sort(key=lambda p: p[:2])
    ids = unique_ids([p[3].title for p in placed])
    renamed: dict[tuple[int, str], str] = {(p[2], p[3].id): new
                                           for p, new in zip(placed, ids, strict=True)}
    events = []
    for (_, _, number, event), new in zip(placed, ids, strict=True):
        suggestions = sorted((attrs.evolve(s, event=renamed[number, s.event])
                              for s in event.suggestions), key=lambda s: (-s.score, s.event))
        events.append(attrs.evolve(event, id=new, suggestions=tuple(suggestions)))
    return Draft.of(events, articles)


def draft_records(records: Iterable[Record], *, options: Options = DEFAULT, jobs: int = 1,
                  **group_options: Any) -> Draft:
    """``timeline.draft`` of the records' articles, the candidates found on ``jobs``
    processes; the grouping by time blocks (``time_blocks``) in this one. The articles
    are kept: the draft quotes them."""
    articles: list[Article] = []

    def kept(items: Iterable[Record]) -> Iterator[Record]:
        for record in items:
            articles.append(article_of(record))
            yield record

    find = functools.partial(candidate_records, options=options)
    found = list(parallel(find, kept(records), jobs=jobs))
    blocks = time_blocks(found)
    return merge_blocks((group_block(b, **group_options) for b in blocks), articles)


# -- Dask ---------------------------------------------------------------------------------------

def tag_bag(bag: Any, *, options: Options = DEFAULT) -> Any:
    """A Dask bag of records in, a bag of ``tag_record``s out, partition by partition:
    ``tag_bag(dask.bag.read_text("*.jsonl").map(json.loads))``."""
    return bag.map_partitions(tag_records, options=options)


def scan_bag(bag: Any, *, options: Options = DEFAULT) -> Any:
    """A Dask bag of records in, a bag of ``scan_record``s out."""
    return bag.map_partitions(scan_records, options=options)


def draft_bag(bag: Any, *, options: Options = DEFAULT, **group_options: Any) -> Draft:
    """``timeline.draft`` of a Dask bag of records: the candidates found partition by
    partition on the workers, split into time blocks here (``time_blocks``, about as cheap
    as reading the candidates), each block grouped on a worker, the events merged here.
    Equal to ``timeline.draft`` of the same articles."""
    # dask is untyped where it is used here: held as Any, as the bags are.
    dask: Any = importlib.import_module("dask")
    bags: Any = importlib.import_module("dask.bag")
    found, articles = dask.compute(
        bag.map_partitions(candidate_records, options=options),
        bag.map(article_of))
    blocks = time_blocks(found)
    if not blocks:
        return merge_blocks([], articles)
    grouped = bags.from_sequence(blocks, partition_size=max(1, len(blocks) // 64 or 1))
    events = grouped.map(group_block, **group_options).compute()
    return merge_blocks(events, articles)
