"""From raw articles to a draft timeline: dated statements, events across articles, actors.

The layer between ``model`` (it reads ``Article``s and writes the model's claims and event
specs) and ``query``. Per article, ``actors.find_actors`` names its participants and
``statements.extract`` reads its dated statements (``candidate.Candidate``); across
articles, ``group.group`` makes one event per happening; ``Draft`` holds the result, and
``toml.update_events_toml`` adds it to a user's ``events.toml`` without touching their
text. ``draft`` does all of it:

>>> import timeline
>>> d = timeline.draft("seeds")
>>> d.top(3)                                        # doctest: +ELLIPSIS
<Draft: 3 events from 5 articles>
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from timeline.draft.actors import coreferent, find_actors
from timeline.draft.candidate import Candidate
from timeline.draft.draft import Draft
from timeline.draft.statements import extract
from timeline.draft.toml import unseen
from timeline.errors import CorpusError
from timeline.model.article import Article
from timeline.model.memory import DraftMemory

__all__ = ["Draft", "candidates_of", "draft"]

#: What ``draft`` reads articles from: a corpus folder, a ``Timeline`` (or anything with an
#: ``articles`` mapping), a mapping of id to article, or articles.
Source = str | Path | Mapping[str, Article] | Iterable[Article] | Any


def draft(source: Source = "seeds", *, about: str | Iterable[str] = (), top: int | None = None,
          memory: DraftMemory | None = None, every_event: bool = False,
          **group_options: Any) -> Draft:
    """A draft timeline of the articles of ``source``: one event per happening.

    ``source`` is a corpus folder (``"seeds"`` is the embedded one), a ``Timeline``, a
    mapping of ids to ``Article``s or an iterable of them. ``about`` keeps the events an
    entity (or any of several) takes part in, ``top`` the N most reported. ``memory``
    (``timeline.model.load.read_draft_memory(folder)``) leaves out the statements a
    previous draft of the corpus proposed, so only new ones are drafted. ``every_event``
    drafts the events no time expression dates too, dated as the SemEval-2015 TimeLine
    guidelines date them (``statements.extract``), and resolves pronouns and definite
    descriptions to the actors they refer to (``actors.find_actors(coreference=True)``):
    what an entity's timeline wants (``about``), more than a reader's first draft
    does. ``group_options``
    go to ``timeline.draft.group.group`` (``threshold``, ``suggest``). The result does not
    depend on the order of the articles.
    """
    articles = _articles(source)
    found = candidates_of(articles, every_event=every_event)
    if memory is not None:
        found = unseen(found, memory)
    result = Draft.from_candidates(found, articles, **group_options)
    entities = (about,) if isinstance(about, str) else tuple(about)
    if entities:
        result = result.about(*entities)
    if top is not None:
        result = result.top(top)
    return result


def candidates_of(articles: Iterable[Article], *, every_event: bool = False
                  ) -> list[Candidate]:
    """Every dated statement of the articles, and every undated one that may join a dated
    event as a further report (``Candidate.undated``), in a canonical order (by article
    id); ``every_event`` as ``draft`` takes it."""
    found: list[Candidate] = []
    for article in sorted(articles, key=lambda a: a.id):
        named = find_actors(article.text)
        referring = coreferent(article.text, named)
        # A reader's draft names in a statement only the actors its words name; the words
        # that refer back ("he") give a pronoun subject's title its actor all the same.
        plain = set(named)
        actors, referents = ((referring, []) if every_event
                             else (named, [m for m in referring if m not in plain]))
        found.extend(extract(article, actors=actors, referents=referents,
                             every_event=every_event, undated=not every_event))
    return found


def _articles(source: Source) -> list[Article]:
    """The articles ``source`` names (see ``draft``), each id once."""
    if isinstance(source, (str, Path)):
        from timeline.model.load import SOURCES, load_articles, seeds_dir

        folder = Path(source)
        if str(source) == "seeds" and not (folder / SOURCES).is_file():
            folder = seeds_dir()  # as ``timeline.load`` reads "seeds"
        return load_articles(folder)
    held = getattr(source, "articles", None)
    if isinstance(held, Mapping):
        source = held
    if isinstance(source, Mapping):
        source = source.values()
    try:
        items = list(source)
    except TypeError:
        raise CorpusError(f"draft: expected a corpus folder, a Timeline or articles, "
                          f"got {type(source).__name__}") from None
    articles: dict[str, Article] = {}
    for item in items:
        if not isinstance(item, Article):
            raise CorpusError(f"draft: expected Article objects, got {type(item).__name__}")
        if item.id in articles and articles[item.id] != item:
            raise CorpusError(f"draft: two different articles have the id {item.id!r}")
        articles[item.id] = item
    return list(articles.values())


class _Package(ModuleType):
    """``timeline.draft`` is this package and, called, its main function: the issue's
    ``timeline.draft(DIR)`` and ``timeline.draft.Draft`` both hold, however the package
    was first imported. Typed code calls ``timeline.draft.draft(...)`` (a type checker
    sees a module)."""

    def __call__(self, source: Source = "seeds", **options: Any) -> Draft:
        return draft(source, **options)


sys.modules[__name__].__class__ = _Package
