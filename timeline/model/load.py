"""Corpus loading: ``sources.toml`` and its article files into ``Article`` values."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path

from timeline.errors import CorpusError
from timeline.model.article import Article

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


def load_articles(directory: str | Path) -> list[Article]:
    """Read ``directory/sources.toml`` and every article it lists, in the order listed.

    Ids must be unique; every problem is a ``CorpusError`` whose message names the file,
    the article and the field.
    """
    directory = Path(directory)
    source_path = directory / SOURCES
    source = str(source_path)
    try:
        with source_path.open("rb") as handle:
            document = tomllib.load(handle)
    except FileNotFoundError:
        raise CorpusError("not found", file=source) from None
    except OSError as exc:
        raise CorpusError(f"cannot read: {exc.strerror or exc}", file=source) from None
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"not valid TOML: {exc}", file=source) from None

    for key in sorted(set(document) - {"articles"}):
        raise CorpusError("unknown key; expected only [[articles]] tables",
                          file=source, field=key)
    tables = document.get("articles")
    if tables is None:
        raise CorpusError("no [[articles]] tables", file=source, field="articles")
    if not isinstance(tables, list):
        raise CorpusError("expected an array of tables ([[articles]])",
                          file=source, field="articles")

    articles: list[Article] = []
    seen: dict[str, int] = {}
    for index, table in enumerate(tables, start=1):
        article = Article.from_toml(table, directory, source=source, index=index)
        if article.id in seen:
            raise CorpusError(f"duplicate id; article {seen[article.id]} has it already",
                              file=source, entry=f"article {article.id!r}", field="id")
        seen[article.id] = index
        articles.append(article)
    return articles
