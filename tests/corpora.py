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


#: A 2022 event known only to be "days before" an invasion in February 2022, itself placed
#: by a statement "three years after" it and a speech on "Monday afternoon" shortly after
#: that: the solver carries 18:00 three years back (issue 12).
DERIVED_TEXT = ("Russia's invasion of Ukraine in February 2022 began the war. "
                "The two leaders announced their partnership in 2022, days before the invasion. "
                "The statement came three years after the invasion. "
                "He spoke on Monday afternoon, shortly after the statement.\n")
DERIVED_EVENTS = '''
[[events]]
id = "invasion"
title = "Invasion"
  [[events.claims]]
  article = "a"
  quote = "Russia's invasion of Ukraine in February 2022 began the war."
  when = "in February 2022"
  status = "occurred"

[[events]]
id = "partnership"
title = "Partnership"
  [[events.claims]]
  article = "a"
  quote = "The two leaders announced their partnership in 2022, days before the invasion."
  when = "in 2022"
  status = "occurred"
  [[events.claims]]
  article = "a"
  quote = "The two leaders announced their partnership in 2022, days before the invasion."
  relative_to = "invasion"
  offset = "days before"
  status = "occurred"

[[events]]
id = "statement"
title = "Statement"
  [[events.claims]]
  article = "a"
  quote = "The statement came three years after the invasion."
  relative_to = "invasion"
  offset = "three years after"
  status = "occurred"

[[events]]
id = "speech"
title = "Speech"
  [[events.claims]]
  article = "a"
  quote = "He spoke on Monday afternoon, shortly after the statement."
  when = "on Monday afternoon"
  status = "occurred"
  [[events.claims]]
  article = "a"
  quote = "He spoke on Monday afternoon, shortly after the statement."
  relative_to = "statement"
  offset = "shortly after"
  status = "occurred"
'''


def derived_corpus(folder: Path) -> Path:
    """``DERIVED_EVENTS`` in ``folder``, its one article published on 25 Feb 2025."""
    return write_corpus(folder, {"a": (DERIVED_TEXT, date(2025, 2, 25))}, DERIVED_EVENTS)


def with_urls(folder: Path, urls: dict[str, str], *, title: str | None = None) -> Path:
    """Give the articles of the corpus in ``folder`` these URLs (and the corpus a title)."""
    path = folder / "sources.toml"
    text = path.read_text(encoding="utf-8")
    for article_id, url in urls.items():
        head = f'[[articles]]\nid = "{article_id}"\n'
        text = text.replace(head, f"{head}url = {_toml_string(url)}\n")
    if title is not None:
        text = f"[corpus]\ntitle = {_toml_string(title)}\n\n{text}"
    path.write_text(text, encoding="utf-8")
    return folder


def _toml_string(text: str) -> str:
    """A TOML basic string: backslash, quote and control characters escaped."""
    return '"' + "".join(f"\\u{ord(c):04x}" if c in '"\\' or ord(c) < 0x20 or c == "\x7f"
                         else c for c in text) + '"'
