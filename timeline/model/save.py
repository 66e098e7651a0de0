"""A corpus written to a folder: ``sources.toml``, the article texts and ``events.toml``.

What ``timeline.load`` reads back to an equal timeline. Every file is written to a temporary
file in its own folder first, then renamed over its target, the texts first and
``sources.toml`` last (a link is followed, a hard-linked file written in place, a FIFO or a
device refused: ``timeline.model.files``), so a reader never finds a ``sources.toml``
naming a text that is not there yet; on any error the temporary files are removed. Each
claim is written as a person would write it (``occurrence`` only where the quote is there
more than once, ``tense`` only where it is not what the status implies) and checked to read
back to the claim it came from: a claim whose time was not built from ``when`` or ``date``
(one made with ``Claim(...)`` directly) is a ``CorpusError``, never a file that loads
differently.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any

import attrs

from timeline.errors import CorpusError
from timeline.model.article import Article, inside_corpus
from timeline.model.claim import Claim, occurrences
from timeline.model.event import EventSpec
from timeline.model.files import staged
from timeline.model.load import EVENTS, SOURCES
from timeline.model.problems import Problems
from timeline.model.write import sources_toml, toml_pairs

#: An article id that is a file name as it stands.
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def save_corpus(directory: str | Path, articles: Iterable[Article],
                specs: Iterable[EventSpec], *, title: str | None = None,
                zone: str | None = None) -> Path:
    """Write the corpus to ``directory`` (made if missing) and return its path.

    An article's text goes to its ``file`` (a relative path inside ``directory``), or to
    ``<id>.txt`` when it has none (an id that is not a plain file name is made one, with a
    digest of it to keep names apart). Files of the folder that the corpus does not name
    are left alone; the ones it names are replaced. ``OSError`` when the folder cannot be
    written.
    """
    folder = Path(directory)
    articles, specs = list(articles), list(specs)
    problems = Problems()
    named = _file_names(folder, articles, problems)
    by_id = {article.id: article for article in articles}
    events = problems.attempt(lambda: events_toml(specs, by_id))
    texts: list[tuple[Path, bytes]] = []
    for article in articles:
        try:
            texts.append((folder / named[article.id], article.text.encode("utf-8")))
        except UnicodeEncodeError as exc:
            problems.add("text", f"cannot be written as UTF-8: character {exc.start}",
                         entry=f"article {article.id!r}")
        except KeyError:  # its file name was a problem, reported
            pass
    problems.raise_any()
    assert events is not None
    sources = sources_toml([attrs.evolve(a, file=named[a.id]) for a in articles],
                           title=title, zone=zone)
    _write_all([*texts, (folder / EVENTS, events.encode("utf-8")),
                (folder / SOURCES, sources.encode("utf-8"))], folder)
    return folder


def _file_names(folder: Path, articles: list[Article], problems: Problems) -> dict[str, str]:
    """Each article's file, relative to ``folder``: its own, or one made from its id."""
    named: dict[str, str] = {}
    taken: dict[str, str] = {SOURCES: "sources.toml", EVENTS: "events.toml"}
    for article in articles:
        entry = f"article {article.id!r}"
        file = article.file if article.file is not None else _from_id(article.id)

        fail = partial(_error, entry=entry)
        if problems.attempt(partial(inside_corpus, folder, file, fail)) is None:
            continue
        key = PurePosixPath(file).as_posix().casefold()
        if key in taken:
            problems.add("file", f"{file!r} is also {taken[key]}'s file", entry=entry)
            continue
        taken[key] = entry
        named[article.id] = file
    return named


def _error(field: str | None, message: str, *, entry: str) -> CorpusError:
    return CorpusError(message, entry=entry, field=field)


def _from_id(article_id: str) -> str:
    if _PLAIN.fullmatch(article_id):
        return f"{article_id}.txt"
    slug = _UNSAFE.sub("-", article_id).strip("-.")[:60] or "article"
    return f"{slug}-{hashlib.sha256(article_id.encode('utf-8')).hexdigest()[:8]}.txt"


def events_toml(specs: Iterable[EventSpec], articles: Mapping[str, Article]) -> str:
    """``events.toml`` for the events: an ``[[events]]`` table each, its claims after it."""
    problems = Problems()
    parts = []
    for spec in specs:
        lines = ["[[events]]\n", toml_pairs([("id", spec.id), ("title", spec.title),
                                             ("actors", list(spec.actors) or None),
                                             ("place", spec.place), ("note", spec.note),
                                             ("maybe_same", list(spec.maybe_same) or None)])]
        for index, claim in enumerate(spec.claims, start=1):
            entry = f"event {spec.id!r}, claim {index}"
            article = articles.get(claim.article)
            if article is None:
                problems.add("article", f"unknown article {claim.article!r}", entry=entry)
                continue
            table = dict(claim_pairs(claim, article))
            try:
                again: Claim | None = Claim.from_toml(
                    table, event=spec.id, articles={article.id: article}, file=None,
                    entry=entry)
                why = "it would read back different"
            except CorpusError as exc:
                again, why = None, exc.message
            if again != claim:
                problems.add(None, f"cannot be written as it is ({why}): build claims with "
                                   f"Claim.build, their time from 'when' or 'date'",
                             entry=entry)
            lines.append("\n  [[events.claims]]\n" + toml_pairs(table.items(), indent="  "))
        parts.append("".join(lines))
    problems.raise_any()
    return "\n".join(parts) if parts else "# No events yet: add [[events]] tables.\n"


def claim_pairs(claim: Claim, article: Article) -> Iterator[tuple[str, Any]]:
    """The fields of an ``[[events.claims]]`` table that say the claim, in reading order."""
    yield "article", claim.article
    yield "quote", claim.quote
    starts = occurrences(article.text, claim.quote)
    if len(starts) > 1 and claim.span[0] in starts:
        yield "occurrence", starts.index(claim.span[0]) + 1
    yield "status", claim.status.value
    if claim.when is not None:
        yield "when", claim.when
        if claim.tense != ("future" if claim.status.pending else "past"):
            yield "tense", claim.tense
    if claim.date is not None:
        yield "date", claim.date
    if claim.part is not None:
        yield "part", claim.part
    if claim.ongoing:
        yield "ongoing", True
    for key in ("before", "after", "relative_to"):
        if getattr(claim, key) is not None:
            yield key, getattr(claim, key)
    if claim.offset is not None:
        yield "offset", claim.offset.text
    if claim.note is not None:
        yield "note", claim.note


def _write_all(outputs: list[tuple[Path, bytes]], folder: Path) -> None:
    """Every file whole or none changed: all staged first (``files.stage``: temporaries
    beside the real targets, links followed), then committed in order; what is left of
    them is removed on any failure."""
    folder.mkdir(parents=True, exist_ok=True)
    for target, _ in outputs:
        target.parent.mkdir(parents=True, exist_ok=True)
    with staged(outputs, through=False) as ready:
        for item in ready:
            item.commit()


__all__ = ["claim_pairs", "events_toml", "save_corpus"]
