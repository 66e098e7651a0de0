"""The line-by-line TOML of a corpus, read quickly; anything else is left to ``tomllib``.

``tomllib`` reads about 4 MB of ``events.toml`` a second: 10 s of the 20,000-article corpus
of issue 16. What curators and ``timeline draft`` write is a small, line-shaped part of
TOML: ``[[events]]`` and ``[[events.claims]]`` headers, a ``[corpus]`` table, and
``key = value`` lines whose values are plain strings, integers, booleans, dates, local
datetimes or arrays of plain strings (on one line, or one string a line as ``[draft]``'s
``seen``). ``parse_lines`` reads exactly that, a line at a time with one regular
expression each, and gives up (``None``) at the first line it does not know for sure, for
``tomllib`` to read the whole text (and to word any error). Other values on a line of
their own (escapes, literal strings, floats, offsets) are read by ``tomllib`` that line
alone. So it returns what ``tomllib.loads`` returns, or nothing; a property test holds it
to that.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime
from typing import Any

#: A comment: any character but the controls TOML forbids in one (tab is allowed).
_COMMENT = r"(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?"
#: A basic string with no escapes and no control characters (tab aside), quotes included.
_PLAIN = r'"[^"\\\x00-\x08\x0a-\x1f\x7f]*"'
_KEY_VALUE = re.compile(
    r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*(?:"
    + _PLAIN.replace('"[', '"([', 1).replace(']*"', ']*)"', 1)  # 2: a plain string
    + r"|(true|false|[+-]?(?:0|[1-9][0-9]{0,17})"  # 3: a boolean or an integer
    + r"|[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}:[0-9]{2})?)"  # a date or datetime
    + r"|(\[[ \t]*(?:" + _PLAIN + r"[ \t]*,[ \t]*)*(?:" + _PLAIN + r"[ \t]*)?\])"  # 4: array
    + r")[ \t]*" + _COMMENT)
#: Any other ``key = ...`` line, for ``tomllib`` to read alone.
_OTHER = re.compile(r"[ \t]*[A-Za-z0-9_-]+[ \t]*=")
_HEADER = re.compile(r"[ \t]*(\[\[?)([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)(\]\]?)[ \t]*"
                     + _COMMENT)
_BLANK = re.compile(r"[ \t]*" + _COMMENT)
_STRINGS = re.compile(r'"([^"]*)"')
#: A multi-line array of plain strings (``[draft]``'s ``seen``): its opening line, each
#: string on a line of its own (its comma, if any, after it), the closing bracket.
_OPEN = re.compile(r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*\[[ \t]*" + _COMMENT)
_ITEM = re.compile(r"[ \t]*" + _PLAIN.replace('"[', '"([', 1).replace(']*"', ']*)"', 1)
                   + r"[ \t]*(,?)[ \t]*" + _COMMENT)
_CLOSE = re.compile(r"[ \t]*\][ \t]*" + _COMMENT)


def _scalar(text: str) -> object:
    """A boolean, an integer, a date or a local datetime as ``tomllib`` reads it (``None``:
    a date that is not one, such as 2025-02-30, for ``tomllib`` to reject)."""
    if text == "true":
        return True
    if text == "false":
        return False
    if len(text) < 10 or text[4] != "-":
        return int(text)
    try:
        day = date(int(text[:4]), int(text[5:7]), int(text[8:10]))
        if len(text) == 10:
            return day
        return datetime(day.year, day.month, day.day, int(text[11:13]), int(text[14:16]),
                        int(text[17:19]))
    except ValueError:
        return None


def parse_lines(text: str) -> dict[str, Any] | None:
    """``tomllib.loads(text)`` for line-shaped TOML, or ``None`` when ``text`` is anything
    else (or not TOML at all): then only ``tomllib`` may say what it is.

    Tables are made as ``tomllib`` makes them, and only where that is certain: ``[[a]]``
    appends to an array of tables this reading made, ``[[a.b]]`` to one inside the last
    table of such an array, ``[a]`` makes a new top-level table; a key given twice, a
    header over a key, an implicit table, any other shape: ``None``.
    """
    root: dict[str, Any] = {}
    table = root
    arrays: set[int] = set()  # the arrays of tables made here (by id; each is in root)
    if text.endswith("\r"):  # a CR is only ever half of a line break
        return None
    start, size = 0, len(text)
    items: list[str] | None = None  # the multi-line array being read
    last = False  # its last string had no comma: only the bracket may follow
    while start <= size:  # a line at a time: a list of them all would double the memory
        end = text.find("\n", start)
        end = size if end < 0 else end
        line = text[start:end - 1] if end > start and text[end - 1] == "\r" else text[start:end]
        start = end + 1
        if items is not None:
            item = _ITEM.fullmatch(line)
            if item is not None and not last:
                items.append(item[1])
                last = not item[2]
            elif _CLOSE.fullmatch(line) is not None:
                items = None
            elif _BLANK.fullmatch(line) is None:
                return None
            continue
        pair = _KEY_VALUE.fullmatch(line)
        if pair is not None:
            key, plain, scalar, strings = pair.groups()
            if key in table:
                return None
            if plain is not None:
                table[key] = plain
            elif scalar is not None:
                value = _scalar(scalar)
                if value is None:
                    return None
                table[key] = value
            else:
                table[key] = _STRINGS.findall(strings)
            continue
        begun = _OPEN.fullmatch(line)
        if begun is not None:
            if begun[1] in table:
                return None
            items = table[begun[1]] = []
            last = False
            continue
        if _OTHER.match(line):
            try:
                alone = tomllib.loads(line)
            except (tomllib.TOMLDecodeError, RecursionError):  # for tomllib to report
                return None
            ((key, value),) = alone.items()
            if key in table:
                return None
            table[key] = value
            continue
        header = _HEADER.fullmatch(line)
        if header is not None:
            opening, dotted, closing = header.groups()
            if len(opening) != len(closing):
                return None
            found = _table(root, opening == "[[", dotted.split("."), arrays)
            if found is None:
                return None
            table = found
            continue
        if _BLANK.fullmatch(line) is None:
            return None
    return None if items is not None else root


def _table(root: dict[str, Any], array: bool, keys: list[str],
           arrays: set[int]) -> dict[str, Any] | None:
    """The table a header opens, made as ``tomllib`` makes it, or ``None`` when that is not
    certain."""
    parent = root
    for key in keys[:-1]:  # each an array of tables made here: its last table
        above = parent.get(key)
        if not (isinstance(above, list) and id(above) in arrays):
            return None  # an implicit table, [a] then [a.b]: legal, but left to tomllib
        parent = above[-1]
    last = keys[-1]
    existing = parent.get(last)
    fresh: dict[str, Any] = {}
    if array:
        if existing is None:
            made: list[dict[str, Any]] = [fresh]
            arrays.add(id(made))
            parent[last] = made
        elif isinstance(existing, list) and id(existing) in arrays:
            existing.append(fresh)
        else:
            return None
        return fresh
    if existing is not None or len(keys) > 1:
        return None
    parent[last] = fresh
    return fresh


__all__ = ["parse_lines"]
