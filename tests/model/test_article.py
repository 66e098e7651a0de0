"""``Article`` and ``load_articles``: the seeds load; every bad corpus names its fault."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest

from timeline.errors import CorpusError, TimelineError
from timeline.model import Article, load_articles, seeds_dir

GOOD = '''
[[articles]]
id = "a"
file = "a.txt"
title = "Votes at the U.N."
published = 2025-02-25
'''


def corpus(directory: Path, sources: str, files: dict[str, str | bytes] | None = None) -> Path:
    """A small corpus in ``directory``: ``sources.toml`` and its article files."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "sources.toml").write_text(sources, encoding="utf-8")
    for name, content in ({"a.txt": "On Monday, the U.N. voted.\n"} if files is None
                          else files).items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return directory


def load_error(directory: Path) -> CorpusError:
    with pytest.raises(CorpusError) as caught:
        load_articles(directory)
    return caught.value


def assert_names(error: CorpusError, entry: str | None, field: str | None) -> None:
    """The error carries file, entry and field, and its message says all three."""
    assert error.file is not None and error.file.endswith("sources.toml")
    assert (error.entry, error.field) == (entry, field)
    message = str(error)
    assert message.startswith(error.file + ": ")
    for part in (entry, field):
        if part is not None:
            assert f"{part}: " in message
    assert "\n" not in message


# --- the seed corpus -----------------------------------------------------------------------

def test_seeds_dir_holds_the_corpus() -> None:
    assert (seeds_dir() / "sources.toml").is_file()


def test_seed_corpus_loads() -> None:
    articles = load_articles(seeds_dir())
    assert [a.id for a in articles] == ["000", "001", "002", "003", "004"]
    for article in articles:
        assert article.file.startswith(article.id + "_")
        assert article.title.strip() == article.title and article.title
        assert article.text
        raw = (seeds_dir() / article.file).read_bytes()
        assert article.text == raw.decode("utf-8")  # exact: spans index into the file
        assert article.sha256 == hashlib.sha256(raw).hexdigest()
        assert article.url is None


def test_seed_publication_dates_are_what_the_articles_say() -> None:
    """A date where only the day is known (never an invented time); 002's dateline floats."""
    published = {a.id: a.published for a in load_articles(seeds_dir())}
    assert published == {
        "000": date(2025, 2, 25),
        "001": date(2025, 2, 25),
        "002": datetime(2025, 2, 25, 11, 38),
        "003": date(2025, 2, 24),
        "004": date(2025, 2, 24),
    }
    for article_id in ("000", "001", "003", "004"):
        assert type(published[article_id]) is date
    wsj = published["002"]
    assert isinstance(wsj, datetime) and wsj.tzinfo is None


def test_seed_outlets_only_where_the_text_names_one() -> None:
    articles = load_articles(seeds_dir())
    assert {a.id: a.outlet for a in articles} == {
        "000": None, "001": None, "002": "WSJ", "003": None, "004": None}
    assert "Source: WSJ" in articles[2].text
    assert articles[2].title.startswith("U.S. Wins Backing for U.N. Resolution")
    assert articles[2].title in articles[2].text
    assert articles[1].title in articles[1].text


# --- Article as a value --------------------------------------------------------------------

def test_article_is_frozen_and_hashes_its_text() -> None:
    article = Article(id="a", file="a.txt", title="T", outlet=None, url=None,
                      published=date(2025, 2, 24), text="Monday")
    assert article.sha256 == hashlib.sha256(b"Monday").hexdigest()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.title = "U"  # type: ignore[misc]
    changed = attrs.evolve(article, text="Tuesday")
    assert changed.sha256 == hashlib.sha256(b"Tuesday").hexdigest()


@pytest.mark.parametrize("changes", [
    {"id": ""}, {"title": "  "}, {"outlet": ""}, {"title": 5},
    {"published": "soon"}, {"published": 20250224}, {"text": None}, {"file": ""},
])
def test_article_validates_its_fields(changes: dict[str, object]) -> None:
    fields: dict[str, object] = {"id": "a", "file": "a.txt", "title": "T", "outlet": None,
                                 "url": None, "published": date(2025, 2, 24), "text": ""}
    with pytest.raises((TypeError, ValueError)):
        Article(**{**fields, **changes})  # type: ignore[arg-type]


# --- loading small corpora -----------------------------------------------------------------

def test_small_corpus_loads(tmp_path: Path) -> None:
    sources = GOOD + '''
[[articles]]
id = "b"
file = "sub/b.txt"
title = "Later"
outlet = "Example Wire"
url = "https://example.org/b"
published = 2025-02-25T11:38:00+01:00
'''
    directory = corpus(tmp_path, sources, {"a.txt": "A.\r\n", "sub/b.txt": "B ’quoted’\n"})
    a, b = load_articles(directory)
    assert (a.id, a.title, a.outlet, a.published) == ("a", "Votes at the U.N.", None,
                                                     date(2025, 2, 25))
    assert a.text == "A.\r\n"  # newlines as in the file
    assert (b.outlet, b.url) == ("Example Wire", "https://example.org/b")
    assert b.published == datetime(2025, 2, 25, 11, 38, tzinfo=timezone(timedelta(hours=1)))
    assert b.text == "B ’quoted’\n"


def test_corpus_dir_may_be_a_string(tmp_path: Path) -> None:
    assert [a.id for a in load_articles(str(corpus(tmp_path, GOOD)))] == ["a"]


def test_empty_corpus_is_allowed(tmp_path: Path) -> None:
    assert load_articles(corpus(tmp_path, "articles = []\n", {})) == []


def test_missing_sources_toml(tmp_path: Path) -> None:
    error = load_error(tmp_path)
    assert_names(error, None, None)
    assert "not found" in str(error)


def test_invalid_toml(tmp_path: Path) -> None:
    error = load_error(corpus(tmp_path, "[[articles]\nid = 1\n"))
    assert_names(error, None, None)
    assert "not valid TOML" in str(error)


def test_no_articles(tmp_path: Path) -> None:
    assert_names(load_error(corpus(tmp_path, "# nothing\n")), None, "articles")


def test_articles_not_an_array(tmp_path: Path) -> None:
    assert_names(load_error(corpus(tmp_path, 'articles = "a.txt"\n')), None, "articles")


def test_unknown_top_level_key(tmp_path: Path) -> None:
    error = load_error(corpus(tmp_path, 'title = "My corpus"\n' + GOOD))
    assert_names(error, None, "title")
    assert "unknown key" in str(error)


def test_entry_not_a_table(tmp_path: Path) -> None:
    error = load_error(corpus(tmp_path, 'articles = ["a.txt"]\n'))
    assert_names(error, "article 1", None)
    assert "expected a table" in str(error)


def test_missing_id_names_the_entry_by_position(tmp_path: Path) -> None:
    error = load_error(corpus(tmp_path, GOOD + GOOD.replace('id = "a"\n', "")))
    assert_names(error, "article 2", "id")
    assert str(error).endswith("sources.toml: article 2: id: missing")


def test_non_string_id(tmp_path: Path) -> None:
    error = load_error(corpus(tmp_path, GOOD.replace('"a"', "2")))
    assert_names(error, "article 1", "id")
    assert "expected a string, got 2" in str(error)


def test_duplicate_id(tmp_path: Path) -> None:
    error = load_error(corpus(tmp_path, GOOD + GOOD))
    assert_names(error, "article 'a'", "id")
    assert "duplicate" in str(error)


@pytest.mark.parametrize("key", ["file", "title", "published"])
def test_missing_required_key(tmp_path: Path, key: str) -> None:
    sources = "\n".join(line for line in GOOD.splitlines() if not line.startswith(key))
    error = load_error(corpus(tmp_path, sources))
    assert_names(error, "article 'a'", key)
    assert str(error).endswith(f"article 'a': {key}: missing")


def test_unknown_key(tmp_path: Path) -> None:
    error = load_error(corpus(tmp_path, GOOD + 'publised = 2025-02-24\n'))
    assert_names(error, "article 'a'", "publised")
    assert "unknown key" in str(error) and "published" in str(error)


@pytest.mark.parametrize(("line", "field", "got"), [
    ('title = 5', "title", "got 5"),
    ('title = ["a", "b"]', "title", "got an array"),
    ('title = ""', "title", "must not be empty"),
    ('outlet = 1', "outlet", "got 1"),
    ('outlet = " "', "outlet", "must not be empty"),
    ('url = { href = "x" }', "url", "got a table"),
    ('file = 3', "file", "got 3"),
])
def test_bad_string_fields(tmp_path: Path, line: str, field: str, got: str) -> None:
    key = line.split(" ")[0]
    kept = [kept for kept in GOOD.splitlines() if not kept.startswith(key + " ")]
    sources = "\n".join([*kept, line])
    error = load_error(corpus(tmp_path, sources))
    assert_names(error, "article 'a'", field)
    assert got in str(error)


@pytest.mark.parametrize(("value", "got"), [
    # A quoted date says which key and how to write it (#12).
    ('"2025-02-25"', "got '2025-02-25': a string; write it unquoted, published = 2025-02-25"),
    ('"2025-02-25 11:38"', "got '2025-02-25 11:38': a string; write it unquoted, "
                           "published = 2025-02-25T11:38:00"),
    ('"Feb 25"', "got 'Feb 25'; write 2025-02-25 or 2025-02-25T11:38:00 (unquoted)"),
    ("11:38:00", "got a TOML time 11:38:00"),
    ("2025", "got 2025"),
    ("true", "got True"),
])
def test_bad_published(tmp_path: Path, value: str, got: str) -> None:
    error = load_error(corpus(tmp_path, GOOD.replace("2025-02-25", value)))
    assert_names(error, "article 'a'", "published")
    assert str(error).endswith(
        f"sources.toml: article 'a': published: expected a TOML date or datetime, {got}")


def test_article_file_not_found(tmp_path: Path) -> None:
    error = load_error(corpus(tmp_path, GOOD, {}))
    assert_names(error, "article 'a'", "file")
    assert "not found" in str(error) and "'a.txt'" in str(error)


def test_article_file_is_a_directory(tmp_path: Path) -> None:
    directory = corpus(tmp_path, GOOD, {})
    (directory / "a.txt").mkdir()
    assert_names(load_error(directory), "article 'a'", "file")


def test_article_file_not_utf8(tmp_path: Path) -> None:
    error = load_error(corpus(tmp_path, GOOD, {"a.txt": "Kyiv, 24 f\xe9vrier".encode("latin-1")}))
    assert_names(error, "article 'a'", "file")
    assert "not UTF-8" in str(error)


@pytest.mark.parametrize("path", ["../outside.txt", "sub/../../outside.txt", "/etc/hostname",
                                  "..\\outside.txt", "C:\\outside.txt"])
def test_article_file_outside_the_corpus(tmp_path: Path, path: str) -> None:
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    sources = GOOD.replace('file = "a.txt"', f"file = '{path}'")
    error = load_error(corpus(tmp_path / "corpus", sources))
    assert_names(error, "article 'a'", "file")
    assert "corpus directory" in str(error)


def test_symlink_out_of_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    directory = corpus(tmp_path / "corpus", GOOD, {})
    try:
        (directory / "a.txt").symlink_to(tmp_path / "outside.txt")
    except OSError:  # pragma: no cover - no symlinks on this file system
        pytest.skip("symlinks not supported")
    error = load_error(directory)
    assert_names(error, "article 'a'", "file")
    assert "outside the corpus directory" in str(error)


def test_from_toml_alone_names_the_source(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    table = {"id": "a", "file": "a.txt", "title": "T", "published": "soon"}
    with pytest.raises(CorpusError) as caught:
        Article.from_toml(table, tmp_path, source="corpus.toml")
    assert str(caught.value) == (
        "corpus.toml: article 'a': published: expected a TOML date or datetime, got 'soon'; "
        "write 2025-02-25 or 2025-02-25T11:38:00 (unquoted)")
    good = Article.from_toml({**table, "published": date(2025, 2, 24)}, tmp_path,
                             source="corpus.toml")
    assert (good.id, good.text) == ("a", "x")


def test_corpus_errors_are_timeline_errors(tmp_path: Path) -> None:
    with pytest.raises(TimelineError):
        load_articles(tmp_path)


# --- the [corpus] table (#12) ----------------------------------------------------------------

def test_corpus_table_gives_title_and_zone(tmp_path: Path) -> None:
    import timeline

    folder = corpus(tmp_path / "c", '[corpus]\ntitle = "Votes"\nzone = "America/New_York"\n'
                    + GOOD)
    tl = timeline.load(folder)
    assert (tl.title, tl.zone) == ("Votes", "America/New_York")
    back = type(tl).from_json(tl.to_json())  # JSON text both ways (#12)
    assert (back.title, back.zone) == ("Votes", "America/New_York")


def test_without_a_corpus_table_the_title_is_the_folder_name(tmp_path: Path) -> None:
    import timeline

    tl = timeline.load(corpus(tmp_path / "un-votes", GOOD))
    assert (tl.title, tl.zone) == ("un-votes", None)


@pytest.mark.parametrize(("table", "field", "says"), [
    ('[corpus]\nzone = "Mars/Olympus"\n', "zone", "unknown zone 'Mars/Olympus'"),
    ('[corpus]\nzone = 5\n', "zone", "expected an IANA zone name"),
    ('[corpus]\ntitle = ""\n', "title", "non-empty string"),
    ('[corpus]\nname = "x"\n', "name", "unknown key"),
])
def test_a_bad_corpus_table_names_its_field(tmp_path: Path, table: str, field: str,
                                            says: str) -> None:
    error = load_error(corpus(tmp_path, table + GOOD))
    assert_names(error, "[corpus]", field)
    assert says in str(error)


# --- Article built in Python (#12) -----------------------------------------------------------

def test_an_article_takes_its_text_directly() -> None:
    import timeline

    article = timeline.Article(id="a1", title="Votes", published="2025-02-24",
                               text="On Monday, the U.N. voted.")
    assert article.file is None and article.outlet is None and article.url is None
    assert article.published == date(2025, 2, 24) and type(article.published) is date
    assert article.sha256 == hashlib.sha256(b"On Monday, the U.N. voted.").hexdigest()
    with pytest.raises(TypeError):
        Article("a1", "Votes", date(2025, 2, 24), "x")  # type: ignore[misc]


@pytest.mark.parametrize(("given", "read"), [
    ("2025-02-24", date(2025, 2, 24)),  # a date stays a date: no midnight invented
    ("2025-02-24T11:38", datetime(2025, 2, 24, 11, 38)),
    ("2025-02-24T11:38:00+01:00",
     datetime(2025, 2, 24, 11, 38, tzinfo=timezone(timedelta(hours=1)))),
    ("2025-02-24T10:38:00Z", datetime(2025, 2, 24, 10, 38, tzinfo=UTC)),
    (datetime(2025, 2, 24, 11, 38), datetime(2025, 2, 24, 11, 38)),
])
def test_published_may_be_an_iso_string(given: object, read: date) -> None:
    article = Article(id="a", title="T", published=given, text="")  # type: ignore[arg-type]
    assert article.published == read and type(article.published) is type(read)
    if isinstance(read, datetime):
        assert (article.published.tzinfo is None) == (read.tzinfo is None)  # type: ignore[union-attr]


@pytest.mark.parametrize("bad", ["Feb 24", "2025-02-30", "24/02/2025", ""])
def test_a_bad_published_string_names_the_field(bad: str) -> None:
    with pytest.raises(CorpusError) as caught:
        Article(id="a1", title="T", published=bad, text="")
    assert (caught.value.entry, caught.value.field) == ("article 'a1'", "published")
    assert "2025-02-25" in str(caught.value)


def test_where_the_text_lives_is_not_part_of_the_article() -> None:
    kept = Article(id="a", title="T", published=date(2025, 2, 24), text="x")
    assert attrs.evolve(kept, file="a.txt") == kept


def test_every_problem_of_sources_toml_is_reported_at_once(tmp_path: Path) -> None:
    sources = (GOOD.replace('title = "Votes at the U.N."', 'title = ""')
               .replace("2025-02-25", '"2025-02-25"') + '\n' + GOOD.replace('"a"', '"b"')
               .replace('"a.txt"', '"missing.txt"') + "\n" + GOOD + "\nextra = 1\n")
    error = load_error(corpus(tmp_path, sources))
    assert [(p.entry, p.field) for p in error.problems] == [
        ("article 'a'", "title"), ("article 'a'", "published"), ("article 'b'", "file"),
        ("article 'a'", "extra")]
    assert str(error).endswith("(and 3 more problems)")


# --- hostile files: each a CorpusError naming the file, never a hang or a crash (#13) -------

@pytest.mark.parametrize("make", ["fifo", "zero", "loop", "directory"])
def test_a_sources_toml_that_is_not_a_regular_file(tmp_path: Path, make: str) -> None:  # #13
    source = tmp_path / "sources.toml"
    if make == "fifo":
        os.mkfifo(source)  # read, it would block for ever
    elif make == "zero":
        source.symlink_to("/dev/zero")  # read, it would fill the memory
    elif make == "loop":
        source.symlink_to("sources.toml")
    else:
        source.mkdir()
    error = load_error(tmp_path)
    assert error.file == str(source) and str(error).startswith(f"{source}: cannot read: ")


def test_a_sources_toml_over_the_size_limit(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:  # #13
    monkeypatch.setattr("timeline.model.files.MAX_BYTES", 50)
    corpus(tmp_path, GOOD)
    assert "larger than 50 bytes" in str(load_error(tmp_path))


def test_a_sources_toml_not_utf8(tmp_path: Path) -> None:  # #13
    corpus(tmp_path, "")
    (tmp_path / "sources.toml").write_bytes(GOOD.encode("utf-8") + b"# \xff\xfe\n")
    assert str(load_error(tmp_path)).endswith("sources.toml: not UTF-8 text: byte "
                                              f"{len(GOOD.encode()) + 2}")


def test_a_sources_toml_nested_too_deep(tmp_path: Path) -> None:  # #13
    corpus(tmp_path, "x = " + "[" * 2000 + "]" * 2000 + "\n" + GOOD)
    error = load_error(tmp_path)
    assert error.file is not None and "nested too deeply" in str(error)


@pytest.mark.parametrize("file, message", [
    ("a\u0000.txt", "NUL"), ("loop.txt", "a loop of symbolic links"),
    ("fifo.txt", "a FIFO, not a regular file"), ("zero.txt", "leads outside"),
    ("dir", "a directory, not a regular file"),
])
def test_an_article_file_that_is_not_a_regular_file(tmp_path: Path, file: str,
                                                    message: str) -> None:  # #13
    corpus(tmp_path, GOOD.replace('"a.txt"', f'"{file}"'.replace("\u0000", "\\u0000")))
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "dir").mkdir()
    error = load_error(tmp_path)
    assert_names(error, "article 'a'", "file")
    assert message in str(error)


@pytest.mark.parametrize("published", [
    datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))), date(9999, 12, 31), "0199-12-31"])
def test_published_outside_the_calendar_is_a_corpus_error(published: object) -> None:
    # Issue 13: year 1 and 9999 raised OverflowError later, in the network and exports.
    with pytest.raises(CorpusError, match=r"published: .* outside the supported calendar"):
        Article(id="a", title="A", published=published, text="x")  # type: ignore[arg-type]


def test_published_outside_the_calendar_in_sources_toml(tmp_path: Path) -> None:
    # Issue 13: `published = 0001-01-01T00:00:00+14:00` named with file, entry and field.
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '[[articles]]\nid = "a"\nfile = "a.txt"\ntitle = "A"\n'
        "published = 0001-01-01T00:00:00+14:00\n", encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        load_articles(tmp_path)
    assert caught.value.field == "published"
    assert "0001-01-01T00:00:00+14:00 is outside the supported calendar" in str(caught.value)


@pytest.mark.parametrize("text", ["today\udbff later", "\ud800", "ok \udfff"])
def test_a_text_with_a_lone_surrogate_is_a_corpus_error(text: str) -> None:
    # Found by the draft fuzz target (#14): no file can hold such a text.
    with pytest.raises(CorpusError, match="lone surrogate") as caught:
        Article(id="a", title="A", published="2025-02-24", text=text)
    assert caught.value.field == "text" and "article 'a'" in str(caught.value)
