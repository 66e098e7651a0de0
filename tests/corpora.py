"""Small corpora written to a folder for tests: articles, their texts and events.toml."""

from __future__ import annotations

import textwrap
from datetime import date, datetime
from pathlib import Path

from timeline.model.article import Article
from timeline.model.claim import Claim, Status
from timeline.model.event import EventSpec
from timeline.query.timeline import Timeline
from timeline.time.value import TimeValue


def write_corpus(folder: Path, articles: dict[str, tuple[str, date | datetime]],
                 events: str) -> Path:
    """``articles`` maps an id to its text and publication date; ``events`` is TOML."""
    tables = []
    for article_id, (text, published) in articles.items():
        (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
        tables.append(f'[[articles]]\nid = "{article_id}"\nfile = "{article_id}.txt"\n'
                      f'title = "{article_id.upper()}"\npublished = {published.isoformat()}\n')
    (folder / "sources.toml").write_text("\n".join(tables), encoding="utf-8")
    (folder / "events.toml").write_text(textwrap.dedent(events), encoding="utf-8")
    return folder


def build(events: list[tuple[str, str, list[tuple[TimeValue | None, Status]]]], *,
          published: date | datetime = date(2025, 6, 1), url: str | None = None,
          article_title: str = "Article A") -> Timeline:
    """A timeline of events ``(id, title, [(value, status), ...])``, one article for all."""
    n = sum(len(claims) for _, _, claims in events)
    text = " ".join(f"Claim {k}." for k in range(n))
    article = Article(id="a", file="a.txt", title=article_title, url=url, published=published,
                      text=text)
    specs, k = [], 0
    for event_id, title, claims in events:
        built = []
        for value, status in claims:
            quote = f"Claim {k}."
            at = text.index(quote)
            built.append(Claim(event=event_id, article="a", quote=quote,
                               span=(at, at + len(quote)), status=status,
                               known_from=published, value=value))
            k += 1
        specs.append(EventSpec(event_id, title, (), None, None, tuple(built)))
    return Timeline([article], specs)
