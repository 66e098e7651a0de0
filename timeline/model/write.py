"""TOML out: the corpus files (``sources.toml``, ``events.toml``) written as a person would.

The standard library reads TOML (``tomllib``) but does not write it; what a corpus needs
is small (strings, booleans, integers, dates and datetimes, arrays of them, and tables),
so it is written here rather than taken from a dependency. Every value written reads back
with ``tomllib`` to an equal value (a hypothesis test checks it): strings are basic
strings with TOML's escapes, control characters escaped, everything else kept verbatim
(curly quotes and no-break spaces stay as the article has them); a datetime keeps its
microseconds and, when aware, its UTC offset (TOML has no zone names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import Any

from timeline.model.article import Article

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}
# Control characters (TOML forbids them raw in basic strings), and the quote and backslash.
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


def toml_string(text: str) -> str:
    """A TOML basic string: ``"``, ``\\`` and control characters escaped, the rest verbatim."""
    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _ESCAPES.get(char) or f"\\u{ord(char):04X}"

    return '"' + _NEEDS_ESCAPE.sub(escape, text) + '"'


def toml_key(key: str) -> str:
    """A bare key where TOML allows one, else a quoted key."""
    return key if _BARE_KEY.fullmatch(key) else toml_string(key)


def toml_value(value: Any) -> str:
    """One TOML value; ``TypeError`` for what TOML cannot hold (``None``, a float NaN...)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, datetime):
        # TOML's local or offset datetime; isoformat gives both (a UTC offset, never a name).
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {value!r} as a TOML value")


def toml_pairs(pairs: Iterable[tuple[str, Any]], *, indent: str = "") -> str:
    """``key = value`` lines, one a pair, leaving out the pairs whose value is ``None``."""
    return "".join(f"{indent}{toml_key(key)} = {toml_value(value)}\n"
                   for key, value in pairs if value is not None)


def article_table(article: Article, *, file: str | None = None,
                  comment: str | None = None) -> str:
    """One ``[[articles]]`` table for ``sources.toml`` (``file`` overrides the article's)."""
    head = f"# {comment}\n" if comment else ""
    return head + "[[articles]]\n" + toml_pairs([
        ("id", article.id),
        ("file", file if file is not None else article.file),
        ("title", article.title),
        ("outlet", article.outlet),
        ("url", article.url),
        ("published", article.published),
    ])


def sources_toml(articles: Sequence[Article], *, title: str | None = None,
                 zone: str | None = None, header: str | None = None) -> str:
    """A whole ``sources.toml``: an optional comment, ``[corpus]`` where it says something,
    then one ``[[articles]]`` table per article, a blank line between tables."""
    parts = []
    if header:
        parts.append("".join(f"# {line}".rstrip() + "\n" for line in header.splitlines()))
    if title is not None or zone is not None:
        parts.append("[corpus]\n" + toml_pairs([("title", title), ("zone", zone)]))
    parts.extend(article_table(article) for article in articles)
    return "\n".join(parts)


__all__ = ["article_table", "sources_toml", "toml_key", "toml_pairs", "toml_string",
           "toml_value"]
