"""``Article``: a news article of a corpus, with the publication date its times resolve against."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import attrs

from timeline.errors import CorpusError

#: Keys an ``[[articles]]`` table may have; anything else is a typo to report, not to ignore.
KEYS = frozenset({"id", "file", "title", "outlet", "url", "published"})
REQUIRED = ("id", "file", "title", "published")


def _non_empty(instance: Article, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        raise ValueError(f"'{attribute.name}' must not be empty")


def _optional_str() -> Any:
    return attrs.validators.optional(attrs.validators.instance_of(str))


@attrs.frozen
class Article:
    """A news article and its metadata from ``sources.toml``.

    ``published`` is the anchor every relative expression in ``text`` resolves against: a
    ``date`` when only the day is known (never an invented midnight), a naive ``datetime``
    for a dateline without a zone (floating civil time, RFC 5545's term), or an aware one.
    ``text`` is the file's exact content, so mention spans index into it and ``sha256`` equals
    the file's own digest.
    """

    id: str = attrs.field(validator=[attrs.validators.instance_of(str), _non_empty])
    file: str = attrs.field(validator=[attrs.validators.instance_of(str), _non_empty])
    title: str = attrs.field(validator=[attrs.validators.instance_of(str), _non_empty])
    outlet: str | None = attrs.field(validator=[_optional_str(), _non_empty])
    url: str | None = attrs.field(validator=[_optional_str(), _non_empty])
    published: date | datetime = attrs.field(
        validator=attrs.validators.instance_of((date, datetime)))
    text: str = attrs.field(repr=False, validator=attrs.validators.instance_of(str))
    sha256: str = attrs.field(init=False, repr=False)

    @sha256.default
    def _sha256(self) -> str:
        if not isinstance(self.text, str):  # defaults run before validators: fail the same way
            raise TypeError(f"'text' must be <class 'str'> (got {self.text!r})")
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @classmethod
    def from_toml(cls, table: Mapping[str, Any], directory: Path, *, source: str,
                  index: int | None = None) -> Article:
        """Build an article from one ``[[articles]]`` table, reading its text from ``directory``.

        ``source`` names the TOML file and ``index`` (1-based) the table's place in it, for
        messages such as ``sources.toml: article '002': published: expected a TOML date or
        datetime, got '2025-02-25'``. Every problem is a ``CorpusError`` naming file, entry
        and field; the text file must lie inside ``directory``.
        """
        raw_id = table.get("id") if isinstance(table, Mapping) else None
        if isinstance(raw_id, str) and raw_id.strip():
            entry = f"article {raw_id!r}"
        else:
            entry = "article" if index is None else f"article {index}"

        def fail(field: str | None, message: str) -> CorpusError:
            return CorpusError(message, file=source, entry=entry, field=field)

        if not isinstance(table, Mapping):
            raise fail(None, f"expected a table, got {_describe(table)}")
        for key in sorted(set(table) - KEYS):
            raise fail(key, f"unknown key; expected one of {', '.join(sorted(KEYS))}")
        for key in REQUIRED:
            if key not in table:
                raise fail(key, "missing")

        strings: dict[str, str | None] = {}
        for key in ("id", "file", "title", "outlet", "url"):
            value = table.get(key)
            if value is None and key in ("outlet", "url"):
                strings[key] = None
                continue
            if not isinstance(value, str):
                raise fail(key, f"expected a string, got {_describe(value)}")
            if not value.strip():
                raise fail(key, "must not be empty")
            strings[key] = value

        published = table["published"]
        if not isinstance(published, date):  # datetime is a date too
            raise fail("published",
                       f"expected a TOML date or datetime, got {_describe(published)}")

        file = strings["file"]
        assert file is not None
        path = _inside(directory, file, fail)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise fail("file", f"not found: {file!r} in {str(directory)!r}") from None
        except OSError as exc:
            raise fail("file", f"cannot read {file!r}: {exc.strerror or exc}") from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise fail("file", f"{file!r} is not UTF-8 text: byte {exc.start}") from None

        article_id, title = strings["id"], strings["title"]
        assert article_id is not None and title is not None
        return cls(id=article_id, file=file, title=title, outlet=strings["outlet"],
                   url=strings["url"], published=published, text=text)


def _inside(directory: Path, file: str, fail: Callable[[str | None, str], CorpusError]) -> Path:
    """The path of ``file`` under ``directory``; a corpus never reads outside its own folder."""
    parts = PurePosixPath(file).parts
    if (PurePosixPath(file).is_absolute() or PureWindowsPath(file).is_absolute()
            or ".." in parts or "\\" in file):
        raise fail("file", f"must be a relative path inside the corpus directory, got {file!r}")
    path = directory / file
    if not path.resolve().is_relative_to(directory.resolve()):
        raise fail("file", f"leads outside the corpus directory: {file!r}")
    return path


def _describe(value: object) -> str:
    """A TOML-minded description of a wrong value, for messages."""
    if isinstance(value, time):
        return f"a TOML time {value.isoformat()}"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if value is None:
        return "nothing"
    return repr(value)
