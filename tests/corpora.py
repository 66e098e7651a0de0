"""Small corpora written to a folder for tests: articles, their texts and events.toml."""

from __future__ import annotations

import textwrap
from datetime import date, datetime
from pathlib import Path


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
