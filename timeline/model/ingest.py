"""Articles in: a corpus's ``sources.toml`` written from a folder of article files, or from
the JSONL or CSV file a crawler or news dataset gives, instead of by hand.

From a folder (``read_folder``): every ``.txt``, ``.md``, ``.html`` and ``.htm`` file directly
in it (sorted by name; hidden files left out) becomes an ``[[articles]]`` table. Its ``id`` is
the file name's stem, its ``title`` the headline (front matter ``title:``, else the first
non-empty line, a Markdown ``#`` heading or the HTML ``<title>``/first ``<h1>``), and its
``published`` what the text itself says, in this order: front matter (``date:`` or
``published:`` in a leading ``---`` block), an HTML ``<meta>`` publication time, then a
dateline near the start (``timeline.timeml.dateline.find_dateline``). ``outlet`` and ``url``
come where the file states them: front matter (``outlet:``/``source:``, ``url:``), HTML
``<meta property="og:site_name">``, ``<link rel="canonical">``/``og:url``, or a dateline's
credit ("WASHINGTON, Feb. 24, 2025 (Reuters) -"). A date is never invented: a date-only
dateline gives a date, a time only where the text gives one, an offset only where it gives
a zone; a file with none is reported with the reason and listed by no one. An HTML file is
read to text (``html.parser``) and the text written beside it as ``<stem>.txt``, the file
listed, because claims quote and index into an article file's exact text.

From records (``read_records``, ``records_intake``): one object a line (JSONL) or a row (CSV)
with the fields of ``FIELDS`` (or the names a field map gives); one UTF-8 text file per
article is written beside ``sources.toml``.

An existing ``sources.toml`` is extended, never rewritten: files it lists already are
skipped, new tables are appended after its last byte, and ids never collide with its own.
Nothing is written until everything has been read and checked (``write_intake``); every
problem found is reported at once (``IngestError``, at most ``MAX_PROBLEMS``).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs

from timeline.errors import CorpusError
from timeline.model.article import Article
from timeline.model.files import read_regular, replace_file
from timeline.model.load import EVENTS, SOURCES, read_manifest
from timeline.model.write import article_table, sources_toml
from timeline.timeml.dateline import HEAD, Dateline, find_dateline

#: The article files of a folder, by suffix (case folded).
SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")

#: The record fields ``read_records`` recognises, each with the names it is read from when no
#: field map names one, first found wins: our own names, then news-please's (``maintext``,
#: ``date_publish``, ``source_domain``) and the usual dataset spellings (T17's ``date``).
FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "title": ("title", "headline"),
    "text": ("text", "maintext", "body", "content"),
    "published": ("published", "date", "date_publish", "published_at", "datePublished"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "source_domain"),
}

#: At most this many problems are reported from one run; the rest are counted.
MAX_PROBLEMS = CorpusError.LIMIT
#: The largest JSONL/CSV file read at once: thousands of articles, not an endless stream
#: (each article's own text is bounded by ``files.MAX_BYTES``, as when it is loaded).
MAX_RECORDS_BYTES = 512 * 1024 * 1024
#: A headline longer than this is cut to its first sentence, or its first words and "…".
TITLE_LENGTH = 120
#: How many words a cut headline keeps ("…" follows), as the seeds' ``sources.toml`` does.
TITLE_WORDS = 16

_HEADER = ("Written by 'timeline init'. Edit freely: 'timeline init' appends the tables of new\n"
           "files after the last line and never changes what is here. published is what the\n"
           "article states (front matter, dateline or record): a date, a time only where it\n"
           "gives one, an offset only where it gives a zone.")


#: A lone surrogate: JSON and Python strings can hold one, UTF-8 files cannot.
_SURROGATE = re.compile("[\ud800-\udfff]")


class IngestError(CorpusError):
    """Every problem found in one run (``problems``, at most ``MAX_PROBLEMS``; ``omitted``,
    also named ``more``, counts the rest): the message is the first, the command line
    prints them all."""

    def __init__(self, problems: list[CorpusError], more: int = 0) -> None:
        first = problems[0]
        super().__init__(first.message, file=first.file, entry=first.entry, field=first.field,
                         problems=problems, omitted=more)

    @property
    def more(self) -> int:
        return self.omitted


class _Problems:
    """Problems collected while reading, raised together (``IngestError``) at the end."""

    def __init__(self) -> None:
        self.found: list[CorpusError] = []

    def add(self, message: str, *, file: str | None = None, entry: str | None = None,
            field: str | None = None) -> None:
        self.found.append(CorpusError(message, file=file, entry=entry, field=field))

    def check(self) -> None:
        """Raise the first ``MAX_PROBLEMS``, in the order of the lines they are on."""
        if self.found:
            self.found.sort(key=_line_of)
            raise IngestError(self.found[:MAX_PROBLEMS], len(self.found[MAX_PROBLEMS:]))


def _line_of(problem: CorpusError) -> tuple[str, int]:
    entry = problem.entry or ""
    number = entry.removeprefix("line ").removeprefix("record ")
    return problem.file or "", int(number) if number.isdigit() else 0


@attrs.frozen
class Found:
    """What one input file or record gave: an article to list, or why it is not listed.

    ``source`` names the input (``ap.txt``, ``page.html``, ``articles.jsonl: line 7``);
    ``article`` is the table to append (``None`` when undated or already listed); ``dated_by``
    says where ``published`` came from (``dateline 'Feb. 24, 2025'``); ``undated`` is the
    reason it could not be dated; ``listed`` that ``sources.toml`` lists its file already;
    ``write`` that its text file is new and will be written (an HTML extraction, a record),
    and ``extracted`` that the text was read out of HTML.
    """

    source: str
    article: Article | None = None
    dated_by: str | None = None
    undated: str | None = None
    listed: bool = False
    write: bool = False
    extracted: bool = False


@attrs.frozen
class Intake:
    """What ``timeline init`` would add to ``directory``'s corpus, read and checked, not yet
    written: one ``Found`` an input, and ``sources.toml``'s bytes as they were (``None``: no
    such file yet)."""

    directory: Path
    found: tuple[Found, ...]
    existing: bytes | None

    @property
    def articles(self) -> list[Article]:
        """The new articles, in the order their tables will be appended."""
        return [item.article for item in self.found if item.article is not None]

    @property
    def undated(self) -> list[Found]:
        return [item for item in self.found if item.undated is not None]

    @property
    def listed(self) -> list[Found]:
        return [item for item in self.found if item.listed]


# --- parsing dates --------------------------------------------------------------------------

def parse_published(text: str) -> date | datetime | None:
    """An ISO 8601 or RFC 2822 date or datetime, as precise as the string: ``None`` if neither.

    ``2025-02-24`` stays a date (a day, not its midnight); ``2025-02-24 10:00`` is floating
    and ``2025-02-24T10:00Z`` aware; RFC 2822's ``-0000`` (zone not stated) is floating, as
    its section 3.3 says.

    >>> parse_published("Mon, 24 Feb 2025 10:00:00 +0100").isoformat()
    '2025-02-24T10:00:00+01:00'
    >>> parse_published("2025-02-24")
    datetime.date(2025, 2, 24)
    """
    text = text.strip()
    if not text or len(text) > 100:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    moment: datetime | None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (ValueError, TypeError, IndexError):
            return None
    offset = moment.utcoffset()
    if offset is not None and offset % timedelta(minutes=1):
        return None  # TOML offsets are whole minutes
    return moment


# --- reading article files ------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(?P<body>.*?)(?:\r?\n|^)---[ \t]*(?:\r?\n|\Z)",
                           re.DOTALL | re.MULTILINE)
_FRONT_LINE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*)")
_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]+(?P<title>.*?)(?:[ \t]+#+)?[ \t]*")
_CREDIT = re.compile(r"\((?P<credit>[A-Z][^()\n]{0,38})\)")
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """The ``key: value`` lines of a leading ``---`` block (keys lower-cased, quotes taken
    off values) and where the body after it starts; ``({}, 0)`` without one.

    Only flat keys are read, so no YAML library is needed; nested values are left out.
    """
    if not text.startswith("---"):
        return {}, 0
    match = _FRONT_MATTER.match(text, 0, min(len(text), 65536))
    if match is None:
        return {}, 0
    pairs: dict[str, str] = {}
    for line in match["body"].splitlines():
        pair = _FRONT_LINE.fullmatch(line.strip())
        if pair is None:
            continue
        value = pair["value"].strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        if value:
            pairs.setdefault(pair["key"].lower(), value)
    return pairs, match.end()


def headline(text: str) -> str | None:
    """A title from the start of a text: its first non-empty line (a Markdown heading's
    words), cut to its first sentence when longer than ``TITLE_LENGTH``, or else to its
    first ``TITLE_WORDS`` words and "…"; ``None`` for a text with no words.

    >>> headline("# Vote at the U.N.\\n\\nThe U.S. voted.")
    'Vote at the U.N.'
    """
    for raw in text.splitlines():
        line = raw.strip().lstrip("\ufeff").strip()
        heading = _MARKDOWN_HEADING.fullmatch(line)
        if heading is not None:
            line = heading["title"].strip()
        if line:
            return cut_title(line)
    return None


def cut_title(line: str) -> str:
    """``line`` if short enough; else its first sentence, or its first words (to the last
    clause among them) and "…"."""
    line = " ".join(line.split())
    if len(line) <= TITLE_LENGTH:
        return line
    end = _SENTENCE_END.search(line)
    if end is not None and end.start() < TITLE_LENGTH:
        return line[:end.start()]
    words: list[str] = []
    for word in line.split()[:TITLE_WORDS]:
        if len(" ".join([*words, word])) > TITLE_LENGTH - 1:
            break
        words.append(word)
    clause = max((i for i, word in enumerate(words) if word[-1] in ",;:"), default=None)
    if clause is not None and clause >= TITLE_WORDS // 2:
        words = words[:clause + 1]  # end at a clause: "... with Russia…", not "... saying…"
    kept = " ".join(words).rstrip(",;:—–-") if words else line[:TITLE_LENGTH - 1]
    return kept + "…"


def safe_name(text: str) -> str:
    """A stable file-name and id stem: letters, digits, ``_``, ``.`` and ``-`` kept, other
    runs made one ``-``; never empty, never hidden, never a path."""
    name = _UNSAFE.sub("-", text).strip("-.")
    return name or "article"


def unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3``... the first not in ``taken`` (which it joins)."""
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name}-{number}"
    taken.add(candidate)
    return candidate


_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"})
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg", "title"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_META_PUBLISHED = ("article:published_time", "og:published_time", "datepublished",
                   "date", "dc.date", "dcterms.date", "pubdate", "publish-date")


class _HTMLText(HTMLParser):
    """An HTML page as text: block elements on lines of their own, script and style left
    out, entities unescaped (``convert_charrefs``); the title, first ``<h1>`` and the
    ``<meta>``/``<link>`` values an article states about itself kept aside."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.pre = 0
        self.title: list[str] | None = None
        self.h1: list[str] | None = None
        self.h1_done = False
        self.titles: list[str] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key.lower(): value or "" for key, value in attrs}
        if tag == "meta":
            name = (values.get("property") or values.get("name") or values.get("itemprop")
                    or "").lower()
            if name and values.get("content", "").strip():
                self.meta.setdefault(name, values["content"].strip())
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            if values.get("href", "").strip():
                self.meta.setdefault("canonical", values["href"].strip())
        elif tag == "title":
            self.title = []
        if tag in _HIDDEN and tag not in _VOID:
            self.hidden += 1
        if tag == "h1" and not self.h1_done:
            self.h1 = []
        if tag == "pre":
            self.pre += 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title is not None:
            self.titles.append("".join(self.title))
            self.title = None
        if tag in _HIDDEN and self.hidden:
            self.hidden -= 1
        if tag == "h1" and self.h1 is not None:
            self.h1_done = True
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
        if self.hidden:
            return
        if self.h1 is not None and not self.h1_done:
            self.h1.append(data)
        self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))

    def text(self) -> str:
        """Paragraphs one a line, a blank line between them, each line's spaces trimmed."""
        lines = (line.strip() for line in "".join(self.parts).split("\n"))
        return "\n\n".join(line for line in lines if line) + "\n"


def html_text(html: str) -> tuple[str, dict[str, str]]:
    """The text of an HTML page and what it states of itself: ``title``, ``url``, ``outlet``
    and ``published`` (the raw string), each only where the page has it."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    meta = parser.meta
    stated: dict[str, str] = {}
    titles = [" ".join(t.split()) for t in parser.titles]
    h1 = " ".join("".join(parser.h1 or []).split())
    title = next((t for t in titles if t), "") or h1
    if title:
        stated["title"] = title
    url = meta.get("canonical") or meta.get("og:url")
    if url:
        stated["url"] = url
    if meta.get("og:site_name"):
        stated["outlet"] = meta["og:site_name"]
    for key in _META_PUBLISHED:
        if key in meta:
            stated["published"] = meta[key]
            stated["published_key"] = key
            break
    return parser.text(), stated


def _read_published(value: str, year: int | None, date_order: str) -> date | datetime | None:
    """A stated publication date: ISO 8601, RFC 2822, or anything the dateline reader takes
    after a label ("February 25, 2025 at 11:38")."""
    moment = parse_published(value)
    if moment is not None:
        return moment
    line = find_dateline(f"date {value}", date_order=date_order, year=year)
    return None if line is None else line.moment


def _credit(text: str, start: int, end: int) -> str | None:
    """The wire credit beside a dateline: right after it ("Feb. 24, 2025 (Reuters) -") or
    right before it ("KYIV (AP) — Feb. 24, 2025 —"); nothing else on its line counts."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    after = _CREDIT.match(text[end:len(text) if line_end < 0 else line_end].lstrip(" \t,"))
    if after is not None:
        return after["credit"].strip()
    before = text[line_start:start].rstrip(" \t,—–-")
    if before.endswith(")"):
        opening = before.rfind("(")
        found = _CREDIT.fullmatch(before[opening:]) if opening >= 0 else None
        if found is not None:
            return found["credit"].strip()
    return None


@attrs.frozen
class _Read:
    """What one article file says of itself (before ids are given out)."""

    text: str
    title: str | None
    published: date | datetime | None
    dated_by: str | None
    undated: str | None
    outlet: str | None
    url: str | None


def read_article(text: str, *, stated: Mapping[str, str] | None = None,
                 year: int | None = None, date_order: str = "mdy") -> _Read:
    """What an article text says of itself: headline, publication date and where it came
    from, outlet and URL; ``stated`` is what an HTML page's head said (``html_text``)."""
    stated = dict(stated or {})
    front, body_start = front_matter(text)
    title = front.get("title") or stated.get("title")
    url = front.get("url") or front.get("link") or stated.get("url")
    outlet = front.get("outlet") or front.get("source") or stated.get("outlet")
    published: date | datetime | None = None
    dated_by = undated = None
    for key in ("published", "date"):
        if key in front:
            published = _read_published(front[key], year, date_order)
            if published is None:
                undated = (f"front matter {key}: {front[key]!r} is not a date "
                           f"(2025-02-24, 2025-02-24T11:38, an RFC 2822 date...)")
            else:
                dated_by = f"front matter {key!r}"
            break
    if published is None and undated is None and "published" in stated:
        published = _read_published(stated["published"], year, date_order)
        if published is not None:
            dated_by = f"<meta {stated['published_key']}>"
    body = text[body_start:]
    line = None
    if published is None and undated is None:
        line = find_dateline(body, date_order=date_order, year=year)
        if line is not None:
            published = line.moment
            dated_by = f"dateline {line.text!r}" + (f", year {year} from --year"
                                                    if line.yearless else "")
        else:
            undated = (f"no front matter date and no dateline in its first {HEAD} "
                       f"characters")
            if year is None:
                probe = find_dateline(body, date_order=date_order, year=2000)
                if probe is not None and probe.yearless:
                    undated = (f"its dateline {probe.text!r} gives no year (say which with "
                               f"--year)")
    else:
        line = find_dateline(body, date_order=date_order, year=year)
    if line is not None and outlet is None:
        outlet = _credit(body, line.start, line.end)
    if title is None:
        title = headline(_without(body, line))
    return _Read(text, title, published, dated_by, undated, outlet, url)


def _without(body: str, line: Dateline | None) -> str:
    """The body with a dateline standing on the first line taken out of it, so the headline
    is not "date 2025-02-24 As tensions mount"; a credit and dash after it go too."""
    if line is None:
        return body
    first = next((i for i, c in enumerate(body) if not c.isspace()), len(body))
    newline = body.find("\n", first)
    if not first <= line.start < (len(body) if newline < 0 else newline):
        return body
    rest = body[line.end:]
    rest = _CREDIT.sub("", rest, count=1) if rest.lstrip().startswith("(") else rest
    return rest.lstrip().lstrip("—–-|•·:").lstrip(" \t")


# --- from a folder --------------------------------------------------------------------------

def _existing(directory: Path) -> tuple[bytes | None, set[str], set[str]]:
    """``sources.toml``'s bytes, the files and the ids it lists (nothing when it is absent).

    One with a ``[corpus]`` table and no articles yet is a start, not an error: a user may
    declare the corpus's title and zone first.
    """
    path = directory / SOURCES
    try:
        data = read_regular(path)
    except (FileNotFoundError, NotADirectoryError):
        return None, set(), set()
    except OSError as exc:
        raise CorpusError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None
    try:
        manifest = read_manifest(directory)
    except CorpusError as exc:
        if exc.field != "articles" or "articles" in tomllib.loads(data.decode("utf-8")):
            raise
        read_manifest_tables = []
    else:
        read_manifest_tables = manifest.tables
    files = {t["file"] for t in read_manifest_tables
             if isinstance(t, Mapping) and isinstance(t.get("file"), str)}
    ids = {t["id"] for t in read_manifest_tables
           if isinstance(t, Mapping) and isinstance(t.get("id"), str)}
    return data, files, ids


def _read(path: Path, name: str, problems: _Problems) -> str | None:
    """The UTF-8 text of a regular file of bounded size (``files.read_regular``), else a
    problem naming it and ``None``."""
    try:
        data = read_regular(path)
    except OSError as exc:
        problems.add(f"cannot read: {exc.strerror or exc}", file=name)
        return None
    return _decode(data, name, problems)


def _decode(data: bytes, name: str, problems: _Problems) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.add(f"not UTF-8 text: byte {exc.start}", file=name)
        return None


def article_files(directory: Path) -> list[Path]:
    """The article files directly in ``directory``, sorted by name: ``SUFFIXES``, not
    hidden, not the corpus's own TOML files."""
    return sorted(path for path in directory.iterdir()
                  if path.suffix.lower() in SUFFIXES and not path.name.startswith(".")
                  and path.name not in (SOURCES, EVENTS) and path.is_file())


def read_folder(directory: str | Path, *, year: int | None = None,
                date_order: str = "mdy") -> Intake:
    """Read every article file of ``directory`` not yet in its ``sources.toml``.

    ``year`` reads year-less datelines ("WASHINGTON, Feb. 24 (Reuters) -") in that year;
    ``date_order`` all-numeric ones ("03/02/2025"). Unreadable files, and an HTML file whose
    ``.txt`` exists with other text, are problems (``IngestError``, all of them).
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusError("not a directory", file=str(directory))
    existing, listed_files, taken_ids = _existing(directory)
    problems = _Problems()
    files = []
    for path in article_files(directory):
        if path.resolve().is_relative_to(directory.resolve()):
            files.append(path)
        else:  # a link out of the folder: sources.toml may not list it (load refuses it)
            problems.add("leads outside the corpus directory", file=path.name)
    names = {path.name for path in files}
    claimed: dict[str, str] = {}  # <stem>.txt -> the HTML file read into it
    for path in files:
        if path.suffix.lower() in HTML_SUFFIXES:
            target = path.stem + ".txt"
            if target in claimed:
                problems.add(f"both {claimed[target]!r} and {path.name!r} would be read to "
                             f"{target!r}; rename one", file=path.name)
            claimed.setdefault(target, path.name)

    pending: list[tuple[Found, _Read | None, str]] = []
    for path in files:
        name = path.name
        is_html = path.suffix.lower() in HTML_SUFFIXES
        if name in claimed and not is_html:
            continue  # the text of an HTML file: listed with it
        file = path.stem + ".txt" if is_html else name
        if file in listed_files or (is_html and name in listed_files):
            pending.append((Found(name, listed=True), None, file))
            continue
        text = _read(path, name, problems)
        if text is None:
            continue
        stated: dict[str, str] = {}
        write = False
        if is_html:
            text, stated = html_text(text)
            if file in names:
                old = _read(directory / file, file, problems)
                if old is not None and old != text:
                    problems.add(f"its text differs from {file!r}, which is there already; "
                                 f"move or delete one of them", file=name)
                    continue
            else:
                write = True
        read = read_article(text, stated=stated, year=year, date_order=date_order)
        if read.title is None or not read.title.strip():  # blank: no headline to take (#13)
            pending.append((Found(name, undated="no text"), None, file))
            continue
        pending.append((Found(name, dated_by=read.dated_by, undated=read.undated,
                              write=write, extracted=is_html), read, file))
    problems.check()

    found = []
    for item, said, file in pending:
        if said is None or said.published is None:
            found.append(item)
            continue
        article_id = unique(safe_name(Path(file).stem), taken_ids)
        assert said.title is not None
        article = Article(id=article_id, file=file, title=said.title, outlet=said.outlet,
                          url=said.url, published=said.published, text=said.text)
        found.append(attrs.evolve(item, article=article))
    return Intake(directory, tuple(found), existing)


# --- from records ---------------------------------------------------------------------------

def parse_fields(spec: str) -> dict[str, str]:
    """A field map ``text=body,published=date``: our field -> the record's name for it.

    >>> parse_fields("text=body, published=date")
    {'text': 'body', 'published': 'date'}
    """
    fields: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        ours, sep, theirs = part.partition("=")
        ours, theirs = ours.strip(), theirs.strip()
        if not sep or not ours or not theirs:
            raise CorpusError(f"expected FIELD=NAME pairs such as text=body,published=date, "
                              f"got {part.strip()!r}", field="fields")
        if ours not in FIELDS:
            raise CorpusError(f"unknown field {ours!r}; expected one of "
                              f"{', '.join(FIELDS)}", field="fields")
        fields[ours] = theirs
    return fields


def _records_jsonl(text: str, name: str, problems: _Problems
                   ) -> Iterator[tuple[int, Mapping[str, Any]]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.add(f"not JSON: {exc.msg} (column {exc.colno})", file=name,
                         entry=f"line {number}")
            continue
        if not isinstance(record, dict):
            problems.add(f"expected a JSON object, got {type(record).__name__}", file=name,
                         entry=f"line {number}")
            continue
        yield number, record


def _json_document(text: str) -> Any:
    """A ``.json`` file read whole (news-please writes one object a file; datasets often an
    array): ``None`` when it is not one JSON document but JSON lines."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None


def _records_document(document: Any, name: str, problems: _Problems
                      ) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """The objects of a JSON document, numbered from 1 (an object alone is record 1)."""
    items = document if isinstance(document, list) else [document]
    for number, record in enumerate(items, start=1):
        if isinstance(record, dict):
            yield number, record
        else:
            problems.add(f"expected a JSON object, got {type(record).__name__}", file=name,
                         entry=f"record {number}")


def _records_csv(text: str, name: str, problems: _Problems
                 ) -> Iterator[tuple[int, Mapping[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        if reader.fieldnames is None:  # reads the header row
            return
        line = reader.line_num + 1
        for row in reader:
            if None in row:
                problems.add("more cells than the header has names", file=name,
                             entry=f"line {line}")
            else:
                yield line, {key: value for key, value in row.items() if value}
            line = reader.line_num + 1
    except csv.Error as exc:
        problems.add(f"not CSV: {exc}", file=name, entry=f"line {reader.line_num}")


def read_records(directory: str | Path, source: str | Path, *,
                 fields: Mapping[str, str] | None = None) -> Intake:
    """Read a JSONL (``.jsonl``, ``.ndjson``: one object a line), JSON (``.json``: an
    object, an array of objects, or JSON lines) or CSV file of articles for ``directory``;
    see ``records_intake``."""
    source = Path(source)
    name = source.name
    problems = _Problems()
    try:
        data = read_regular(source, limit=MAX_RECORDS_BYTES)
    except FileNotFoundError:
        raise CorpusError("not found", file=str(source)) from None
    except OSError as exc:
        raise CorpusError(f"cannot read: {exc.strerror or exc}", file=str(source)) from None
    text = _decode(data, name, problems)
    problems.check()
    assert text is not None
    text = text.removeprefix("\ufeff")
    suffix = source.suffix.lower()
    unit = "line"
    document = _json_document(text) if suffix == ".json" else None
    if suffix == ".csv":
        records = list(_records_csv(text, name, problems))
    elif document is not None:
        records, unit = list(_records_document(document, name, problems)), "record"
    elif suffix in (".jsonl", ".ndjson", ".json"):
        records = list(_records_jsonl(text, name, problems))
    else:
        raise CorpusError("expected a .jsonl (one JSON object a line) or .csv file",
                          file=str(source))
    return _records_intake(directory, records, name, fields, problems, unit)


def _pick(record: Mapping[str, Any], field: str,
          fields: Mapping[str, str]) -> tuple[str | None, Any]:
    """The record's name for ``field`` and its value (``None`` for missing or null)."""
    names = (fields[field],) if field in fields else FIELDS[field]
    for key in names:
        if record.get(key) is not None:
            return key, record[key]
    return (names[0] if len(names) == 1 else None), None


def records_intake(directory: str | Path, records: Iterable[tuple[int, Mapping[str, Any]]], *,
                   source: str = "records", fields: Mapping[str, str] | None = None,
                   unit: str = "record") -> Intake:
    """Articles from records, each ``(number, mapping)``: its ``unit`` (``"line"``,
    ``"record"``) in ``source``, which messages name ("articles.jsonl: line 7: ...").

    ``text`` and ``published`` are required; a missing ``id`` is the number, zero-padded;
    a missing ``title`` the text's headline (``headline``). Every article gets its own text
    file, named from its id, in ``directory``: one that is there with the same text is
    reused, with another text it is a problem, never overwritten. Records whose file
    ``sources.toml`` lists already, with the same text, are skipped. Every problem is
    reported (``IngestError``), and then nothing is written.
    """
    return _records_intake(directory, records, source, fields, _Problems(), unit)


def _records_intake(directory: str | Path, records: Iterable[tuple[int, Mapping[str, Any]]],
                    source: str, fields: Mapping[str, str] | None, collected: _Problems,
                    unit: str) -> Intake:
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise CorpusError("not a directory", file=str(directory))
    fields = dict(fields or {})
    existing, listed_files, taken_ids = _existing(directory)
    items = list(records)
    given_ids = {str(value) for _, record in items
                 if isinstance(value := _pick(record, "id", fields)[1], str | int)}
    width = max(3, len(str(max((number for number, _ in items), default=0))))
    seen_ids: dict[str, int] = {}
    new_files: set[str] = set()
    found: list[Found] = []
    for number, record in items:
        entry = f"{unit} {number}"

        def fail(field: str | None, message: str, entry: str = entry) -> None:
            collected.add(message, file=source, entry=entry, field=field)

        values: dict[str, str | None] = {}
        for field in FIELDS:
            key, value = _pick(record, field, fields)
            label = key or field
            if field == "id" and isinstance(value, int) and not isinstance(value, bool):
                value = str(value)
            if value is not None and not isinstance(value, str):
                fail(label, f"expected a string, got {json.dumps(value)[:60]}")
                value = None
            if isinstance(value, str) and _SURROGATE.search(value):
                # JSON can escape a lone surrogate ("\ud800"); no file can hold it (#13).
                fail(label, "holds a lone surrogate, which is not text")
                value = None
            if isinstance(value, str) and not value.strip():
                value = None
            values[field] = value
        text = values["text"]
        if text is None:
            fail(_pick(record, "text", fields)[0] or "text",
                 f"missing or empty (looked for {_names('text', fields)})")
            continue
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            fail(_pick(record, "text", fields)[0], "not UTF-8 text (a lone surrogate)")
            continue
        raw = values["published"]
        key = _pick(record, "published", fields)[0] or "published"
        published = None if raw is None else parse_published(raw)
        if raw is None:
            fail(key, f"missing (looked for {_names('published', fields)}); a date is never "
                      f"invented")
        elif published is None:
            fail(key, f"expected an ISO 8601 or RFC 2822 date or datetime (2025-02-24, "
                      f"2025-02-24T11:38:00+01:00, Mon, 24 Feb 2025 11:38:00 +0100), "
                      f"got {raw[:60]!r}")
        if published is None:
            continue
        record_id = values["id"]
        if record_id is None:  # its number, unless a record has that for its own id
            record_id = unique(str(number).zfill(width), given_ids | set(seen_ids))
        if record_id in seen_ids:
            fail("id", f"duplicate id {record_id!r}; {unit} {seen_ids[record_id]} has it")
            continue
        seen_ids[record_id] = number
        title = values["title"] or headline(text)  # a title given is kept as given
        if title is None or not title.strip():  # blank: none to keep (#13)
            fail("text" if not values["title"] else "title", "has no words for a title")
            continue
        file = _file_for(directory, record_id, text, listed_files, new_files)
        if file is None:
            found.append(Found(f"{source}: {entry}", listed=True))
            continue
        on_disk = _text_at(directory / file)
        if on_disk is not None and on_disk != text:
            fail(None, f"{file!r} exists in {str(directory)!r} with another text; it is "
                       f"never overwritten")
            continue
        if record_id in taken_ids:
            record_id = unique(safe_name(record_id), taken_ids)
        else:
            taken_ids.add(record_id)
        article = Article(id=record_id, file=file, title=title,
                          outlet=values["outlet"], url=values["url"], published=published,
                          text=text)
        found.append(Found(f"{source}: {entry}", article=article, dated_by=f"field {key!r}",
                           write=on_disk is None))
    collected.check()
    if not found:
        raise CorpusError("no records", file=source)
    return Intake(directory, tuple(found), existing)


def _file_for(directory: Path, record_id: str, text: str, listed: set[str],
              new: set[str]) -> str | None:
    """The text file of a record: ``<id>.txt``, else ``<id>-2.txt``... the first name that
    no other article has; ``None`` when ``sources.toml`` lists it with this text already (an
    import run twice adds nothing)."""
    stem = safe_name(record_id)
    number = 1
    while True:
        file = f"{stem}.txt" if number == 1 else f"{stem}-{number}.txt"
        number += 1
        if file in listed:
            if _text_at(directory / file) == text:
                return None
            continue
        if file not in new:
            new.add(file)
            return file


def _names(field: str, fields: Mapping[str, str]) -> str:
    names = (fields[field],) if field in fields else FIELDS[field]
    return ", ".join(repr(name) for name in names)


def _text_at(path: Path) -> str | None:
    """The text of ``path``, ``None`` when there is no such file; what no article's text
    can be when it is not a readable regular UTF-8 file (a FIFO, a device)."""
    try:
        return read_regular(path).decode("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return "\x00not a UTF-8 text file"


# --- writing --------------------------------------------------------------------------------

def _create(path: Path, data: bytes) -> None:
    """A new file, never one that is there (``O_EXCL``): an article's text, which nothing
    lists yet, so a failure loses nothing; removed again if it cannot be written whole."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        raise


def extended_sources(intake: Intake) -> bytes:
    """``sources.toml`` with the new tables: the old bytes first, unchanged, then one table
    an article (a comment saying where its date came from)."""
    tables = [article_table(item.article, comment=_comment(item))
              for item in intake.found if item.article is not None]
    if intake.existing is None:
        return sources_toml([], header=_HEADER).encode("utf-8") + \
            ("\n" + "\n".join(tables)).encode("utf-8")
    old = intake.existing
    glue = b"" if old.endswith(b"\n\n") or not old else b"\n" if old.endswith(b"\n") \
        else b"\n\n"
    return old + glue + "\n".join(tables).encode("utf-8")


def _comment(item: Found) -> str:
    how = f"published from its {item.dated_by}" if item.dated_by else ""
    return f"{item.source}: {how}" if how else item.source


def write_intake(intake: Intake, *, skip_undated: bool = False) -> Path | None:
    """Write the new text files, then ``sources.toml`` (each atomically); the path of
    ``sources.toml``, or ``None`` when there was nothing new.

    Nothing is written while a file is undated, unless ``skip_undated``; nor when
    ``sources.toml`` changed since it was read (it is never rewritten behind a user).
    """
    undated = intake.undated
    if undated and not skip_undated:
        names = ", ".join(item.source for item in undated[:5])
        more = f" and {len(undated) - 5} more" if len(undated) > 5 else ""
        raise CorpusError(f"{len(undated)} undated file{'s' if len(undated) != 1 else ''} "
                          f"({names}{more}); nothing written: give each a date (front matter "
                          f"'date: 2025-02-24' or a dateline) or pass --skip-undated",
                          file=str(intake.directory))
    intake.directory.mkdir(parents=True, exist_ok=True)
    if not intake.articles:
        if intake.existing is None:
            raise CorpusError("no article files to list (.txt, .md, .html)",
                              file=str(intake.directory))
        return None
    target = intake.directory / SOURCES
    try:
        now = read_regular(target)
    except FileNotFoundError:
        now = None
    except OSError as exc:
        raise CorpusError(f"cannot read: {exc.strerror or exc}", file=str(target)) from None
    if now != intake.existing:
        raise CorpusError("changed while it was being read; run again", file=str(target))
    data = extended_sources(intake)
    created: list[Path] = []
    try:
        for item in intake.found:
            if item.write and item.article is not None:
                assert item.article.file is not None  # init always names the file
                path = intake.directory / item.article.file
                try:
                    _create(path, item.article.text.encode("utf-8"))
                except FileExistsError:
                    if _text_at(path) == item.article.text:
                        continue
                    raise CorpusError("appeared while the articles were being read; not "
                                      "overwritten", file=str(path)) from None
                created.append(path)
        if created:
            # One flush of them all, so that sources.toml never lists a text not yet on
            # disk (an fsync a file costs seconds for thousands of records).
            os.sync()
        replace_file(target, data, through=False)
    except BaseException:
        for path in created:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        raise
    return target


def plan_lines(intake: Intake, show: Callable[[date | datetime], str] = str) -> list[str]:
    """One line an input: what was found, or why it is not listed."""
    lines = []
    for item in intake.found:
        if item.listed:
            lines.append(f"{item.source}: listed in {SOURCES} already, skipped")
        elif item.undated is not None:
            lines.append(f"{item.source}: undated: {item.undated}")
        elif item.article is not None:
            article = item.article
            read = f" (read to text: {article.file})" if item.extracted else ""
            parts = [f"published {show(article.published)} from its {item.dated_by}"]
            if article.outlet:
                parts.append(f"outlet {article.outlet}")
            if article.url:
                parts.append(f"url {article.url}")
            lines.append(f"{item.source}{read}: id {article.id!r}, {', '.join(parts)}: "
                         f"{article.title!r}")
    return lines


__all__ = ["FIELDS", "MAX_PROBLEMS", "MAX_RECORDS_BYTES", "SUFFIXES", "Found",
           "IngestError", "Intake", "article_files", "cut_title", "extended_sources",
           "front_matter", "headline", "html_text", "parse_fields", "parse_published",
           "plan_lines", "read_article", "read_folder", "read_records", "records_intake",
           "safe_name", "unique", "write_intake"]
