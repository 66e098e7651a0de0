"""``Article``: a news article of a corpus, with the publication time its times resolve against."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import attrs

from timeline.errors import CorpusError
from timeline.model.files import read_regular
from timeline.model.problems import Problems
from timeline.time.anchor import iso_moment
from timeline.time.interval import calendar_problem

#: Keys an ``[[articles]]`` table may have; anything else is a typo to report, not to ignore.
KEYS = frozenset({"id", "file", "title", "outlet", "url", "published"})
REQUIRED = ("id", "file", "title", "published")
#: What a publication time looks like in TOML, for messages about a wrong one.
FORMS = "2025-02-25 or 2025-02-25T11:38:00 (unquoted)"


def _non_empty(instance: Article, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        raise ValueError(f"'{attribute.name}' must not be empty")


def _optional_str() -> Any:
    return attrs.validators.optional(attrs.validators.instance_of(str))


def _in_calendar(instance: Article, attribute: attrs.Attribute[Any],
                 value: date | datetime) -> None:
    """Year 1 or 9999 would overflow the time model downstream (#13): refuse it here."""
    problem = calendar_problem(value)
    if problem is not None:
        raise CorpusError(problem, entry=f"article {instance.id!r}", field=attribute.name)


def parse_moment(text: str) -> date | datetime:
    """An ISO 8601 date (a ``date``: no time is invented) or datetime (floating or aware).

    ``ValueError`` with the forms expected when ``text`` is neither.
    """
    moment = iso_moment(text)
    if moment is None:
        raise ValueError(f"not an ISO 8601 date or datetime: {text!r}; expected a date such "
                         f"as 2025-02-25 or a datetime such as 2025-02-25T11:38:00")
    return moment


@attrs.frozen(init=False)
class Article:
    """A news article: its text and the publication time its times resolve against.

    Build one with keywords, ``Article(id="a1", title="...", published="2025-02-24",
    text="...")``, or read one from ``sources.toml`` (``from_toml``). ``published`` is the
    anchor every relative expression in ``text`` resolves against: a ``date`` when only the
    day is known (never an invented midnight), a naive ``datetime`` for a dateline without a
    zone (floating civil time, RFC 5545's term), or an aware one; an ISO string is read as
    the one it writes (``"2025-02-24"`` a date, ``"2025-02-24T11:38"`` a floating datetime),
    and a string that is neither is a ``CorpusError`` naming the field. ``file`` is where the
    text lives in its corpus folder (``None``: nowhere yet; ``Timeline.save`` names it
    ``<id>.txt``). ``text`` is the exact content, so mention spans index into it and
    ``sha256`` equals the file's own digest.
    """

    id: str = attrs.field(validator=[attrs.validators.instance_of(str), _non_empty])
    title: str = attrs.field(validator=[attrs.validators.instance_of(str), _non_empty])
    published: date | datetime = attrs.field(
        validator=[attrs.validators.instance_of((date, datetime)), _in_calendar])
    text: str = attrs.field(repr=False, validator=attrs.validators.instance_of(str))
    outlet: str | None = attrs.field(default=None, validator=[_optional_str(), _non_empty])
    url: str | None = attrs.field(default=None, validator=[_optional_str(), _non_empty])
    # Where the text is kept is not what the article is: a saved and reloaded article
    # (``file`` named on saving) equals the one saved.
    file: str | None = attrs.field(default=None, eq=False,
                                   validator=[_optional_str(), _non_empty])
    sha256: str = attrs.field(init=False, repr=False)

    def __init__(self, *, id: str, title: str, published: date | datetime | str, text: str,
                 outlet: str | None = None, url: str | None = None,
                 file: str | None = None) -> None:
        if isinstance(published, str):
            try:
                published = parse_moment(published)
            except ValueError as exc:
                raise CorpusError(str(exc), entry=f"article {id!r}", field="published") from None
        self.__attrs_init__(id=id, title=title, published=published, text=text,
                            outlet=outlet, url=url, file=file)

    @sha256.default
    def _sha256(self) -> str:
        if not isinstance(self.text, str):  # defaults run before validators: fail the same way
            raise TypeError(f"'text' must be <class 'str'> (got {self.text!r})")
        try:
            data = self.text.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate: no file could hold the text
            raise CorpusError(f"not Unicode text: a lone surrogate {exc.object[exc.start]!r} "
                              f"at offset {exc.start}", entry=f"article {self.id!r}",
                              field="text") from None
        return hashlib.sha256(data).hexdigest()

    @classmethod
    def from_toml(cls, table: Mapping[str, Any], directory: Path, *, source: str,
                  index: int | None = None) -> Article:
        """Build an article from one ``[[articles]]`` table, reading its text from ``directory``.

        ``source`` names the TOML file and ``index`` (1-based) the table's place in it, for
        messages such as ``sources.toml: article '002': published: expected a TOML date or
        datetime, got '2025-02-25'``. Every problem of the table is reported (one
        ``CorpusError`` holding each, naming file, entry and field); the text file must lie
        inside ``directory``.
        """
        raw_id = table.get("id") if isinstance(table, Mapping) else None
        if isinstance(raw_id, str) and raw_id.strip():
            entry = f"article {raw_id!r}"
        else:
            entry = "article" if index is None else f"article {index}"
        problems = Problems(file=source, entry=entry)

        def fail(field: str | None, message: str) -> CorpusError:
            return CorpusError(message, file=source, entry=entry, field=field)

        if not isinstance(table, Mapping):
            raise fail(None, f"expected a table, got {_describe(table)}")
        for key in sorted(set(table) - KEYS):
            problems.add(key, f"unknown key; expected one of {', '.join(sorted(KEYS))}")
        for key in REQUIRED:
            if key not in table:
                problems.add(key, "missing")

        strings: dict[str, str | None] = {}
        for key in ("id", "file", "title", "outlet", "url"):
            value = table.get(key)
            if value is None:
                strings[key] = None  # missing (reported above when required) or optional
            elif not isinstance(value, str):
                problems.add(key, f"expected a string, got {_describe(value)}")
            elif not value.strip():
                problems.add(key, "must not be empty")
            else:
                strings[key] = value

        published = table.get("published")
        if "published" in table and not isinstance(published, date):  # a datetime is a date
            problems.add("published", moment_problem("published", published))
        elif isinstance(published, date) and (outside := calendar_problem(published)):
            problems.add("published", outside)

        file = strings.get("file")
        text = None if file is None else problems.attempt(
            lambda: _read_text(directory, file, fail))
        problems.raise_any()
        article_id, title = strings["id"], strings["title"]
        assert article_id is not None and title is not None and file is not None
        assert isinstance(published, date) and text is not None
        return cls(id=article_id, file=file, title=title, outlet=strings["outlet"],
                   url=strings["url"], published=published, text=text)


def moment_problem(key: str, value: object) -> str:
    """What is wrong with a TOML value that should be a date or datetime, and the fix."""
    message = f"expected a TOML date or datetime, got {_describe(value)}"
    if isinstance(value, str):
        try:
            moment = parse_moment(value.strip())
        except ValueError:
            return f"{message}; write {FORMS}"
        return f"{message}: a string; write it unquoted, {key} = {moment.isoformat()}"
    return message


def _read_text(directory: Path, file: str,
               fail: Callable[[str | None, str], CorpusError]) -> str:
    """The UTF-8 text of ``file`` inside ``directory``: a regular file of bounded size
    (``files.read_regular``), never a FIFO that blocks or a device that never ends."""
    path = inside_corpus(directory, file, fail)
    try:
        data = read_regular(path)
    except FileNotFoundError:
        raise fail("file", f"not found: {file!r} in {str(directory)!r}") from None
    except OSError as exc:
        raise fail("file", f"cannot read {file!r}: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail("file", f"{file!r} is not UTF-8 text: byte {exc.start}") from None


def inside_corpus(directory: Path, file: str,
                  fail: Callable[[str | None, str], CorpusError]) -> Path:
    """The path of ``file`` under ``directory``; a corpus never reads outside its own folder."""
    if "\0" in file:
        raise fail("file", f"a file name cannot hold a NUL character, got {file!r}")
    parts = PurePosixPath(file).parts
    if (PurePosixPath(file).is_absolute() or PureWindowsPath(file).is_absolute()
            or ".." in parts or "\\" in file):
        raise fail("file", f"must be a relative path inside the corpus directory, got {file!r}")
    path = directory / file
    try:
        inside = path.resolve().is_relative_to(directory.resolve())
    except (OSError, RuntimeError):  # a link loop (RuntimeError before Python 3.13)
        raise fail("file", f"a loop of symbolic links: {file!r}") from None
    if not inside:
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
