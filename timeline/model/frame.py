"""Articles from a pandas DataFrame: one row an article, the columns named by the caller.

pandas stays optional: nothing here imports it. The frame is read through what every
DataFrame has (``columns``, ``index``, ``frame[name]``, ``.tolist()``, ``dtype``), so
another frame library with the same surface works too.

pandas has no column type for dates: a column of ``datetime.date`` values read with
``parse_dates`` (or converted with ``pd.to_datetime``) becomes midnight timestamps. So a
``datetime64`` column whose every value is midnight with no zone is read as dates (the
day known, no time invented); a column with any other time of day keeps its times, as
floating datetimes, and a zoned column (``datetime64[ns, UTC]``) as aware ones. Strings
are read as ISO 8601 (``"2025-02-24"`` a date, ``"2025-02-24T11:38"`` a datetime).
A missing value (``NaN``, ``NaT``, ``None``) is an error naming its row: nothing is
guessed.
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import partial
from typing import Any

from timeline.errors import CorpusError
from timeline.model.article import Article, parse_moment
from timeline.model.problems import Problems

#: How many words of the text make a title when the frame has no title column.
TITLE_WORDS = 12


def articles_from_frame(frame: Any, *, text: str = "text", published: str = "published",
                        id: str | None = "id", title: str | None = "title",
                        url: str | None = None, outlet: str | None = None) -> list[Article]:
    """One ``Article`` per row of ``frame``; the arguments name its columns.

    ``id`` defaults to the ``id`` column, else the row's index label (as a string);
    ``title`` to the ``title`` column, else the text's first words. A column named
    explicitly must be there; every problem (a missing column, a missing or bad value in a
    row) is reported in one ``CorpusError``, each naming the column and the row.
    """
    problems = Problems()
    columns = [str(c) for c in frame.columns]
    if len(set(columns)) != len(columns):
        problems.add("columns", "a column name is used twice")

    def column(name: str | None, role: str, *, default: str | None = None) -> str | None:
        if name is None or (name == default and name not in columns):
            return None
        if name not in columns:
            problems.add(role, f"no column {name!r} in the frame; it has "
                               f"{', '.join(map(repr, columns)) or 'none'}")
            return None
        return name

    text_column = column(text, "text")
    published_column = column(published, "published")
    id_column = column(id, "id", default="id")
    title_column = column(title, "title", default="title")
    optional = {key: column(name, key) for key, name in (("url", url), ("outlet", outlet))}
    problems.raise_any()
    assert text_column is not None and published_column is not None

    labels = list(frame.index)
    texts = _strings(frame, text_column, labels, problems, "text")
    moments = _moments(frame, published_column, labels, problems)
    ids = (_strings(frame, id_column, labels, problems, "id") if id_column is not None
           else [str(label) for label in labels])
    titles = (_strings(frame, title_column, labels, problems, "title")
              if title_column is not None else [_first_words(t) for t in texts])
    extra = {key: (_strings(frame, name, labels, problems, key, optional=True)
                   if name is not None else [None] * len(labels))
             for key, name in optional.items()}
    articles = []
    for row, label in enumerate(labels):
        fields = {"id": ids[row], "title": titles[row], "published": moments[row],
                  "text": texts[row], "url": extra["url"][row], "outlet": extra["outlet"][row]}
        if any(value is _MISSING for value in fields.values()):
            continue  # its problem is reported already
        article = problems.attempt(partial(_article, f"row {label!r}", fields))
        if article is not None:
            articles.append(article)
    problems.raise_any()
    return articles


def _article(entry: str, fields: dict[str, Any]) -> Article:
    """The row's article; a bad field (empty, wrong type) is a problem of the row."""
    try:
        return Article(**fields)
    except CorpusError as exc:
        raise CorpusError(exc.message, entry=entry, field=exc.field) from None
    except (TypeError, ValueError) as exc:
        raise CorpusError(str(exc), entry=entry) from None


class _Missing:
    """A value a row does not have (its problem is reported where it was found)."""


_MISSING: Any = _Missing()


def _missing(value: object) -> bool:
    """``None``, ``NaN`` and ``NaT`` (the ones that are not equal to themselves)."""
    return value is None or value != value


def _values(frame: Any, name: str) -> list[Any]:
    series = frame[name]
    return list(series.tolist()) if hasattr(series, "tolist") else list(series)


def _strings(frame: Any, name: str, labels: list[Any], problems: Problems, role: str, *,
             optional: bool = False) -> list[Any]:
    out: list[Any] = []
    for label, value in zip(labels, _values(frame, name), strict=True):
        if _missing(value):
            if optional:
                out.append(None)
                continue
            problems.add(name, "missing (NaN or None)", entry=f"row {label!r}")
            out.append(_MISSING)
        elif role == "id" and isinstance(value, int | str) and not isinstance(value, bool):
            out.append(str(value))
        elif not isinstance(value, str):
            problems.add(name, f"expected a string, got {value!r}", entry=f"row {label!r}")
            out.append(_MISSING)
        else:
            out.append(value)
    return out


def _moments(frame: Any, name: str, labels: list[Any], problems: Problems) -> list[Any]:
    """The publication times of a column: see the module's docstring for what is read how."""
    series = frame[name]
    dtype = str(getattr(series, "dtype", ""))
    values = _values(frame, name)
    present = [v for v in values if not _missing(v)]
    as_dates = (dtype.startswith("datetime64") and getattr(series.dtype, "tz", None) is None
                and all(isinstance(v, datetime) and v.time() == time(0) for v in present))
    out: list[Any] = []
    for label, value in zip(labels, values, strict=True):
        entry = f"row {label!r}"
        if _missing(value):
            problems.add(name, "missing (NaN, NaT or None): every article needs its "
                               "publication date", entry=entry)
            out.append(_MISSING)
            continue
        if hasattr(value, "to_pydatetime"):  # a pandas Timestamp: a datetime in microseconds
            value = value.to_pydatetime()
        if isinstance(value, datetime):
            out.append(value.date() if as_dates else value)
        elif isinstance(value, date):
            out.append(value)
        elif isinstance(value, str):
            try:
                out.append(parse_moment(value.strip()))
            except ValueError as exc:
                problems.add(name, str(exc), entry=entry)
                out.append(_MISSING)
        else:
            problems.add(name, f"expected a date, a datetime or an ISO 8601 string, got "
                               f"{value!r}", entry=entry)
            out.append(_MISSING)
    return out


def _first_words(text: Any) -> Any:
    """A title from a text with none: its first words, as ``timeline init`` gives one."""
    if not isinstance(text, str):
        return text
    words = text.split()
    title = " ".join(words[:TITLE_WORDS])
    return title + "\u2026" if len(words) > TITLE_WORDS else title


__all__ = ["TITLE_WORDS", "articles_from_frame"]
