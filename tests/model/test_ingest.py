"""Articles in: ``sources.toml`` from a folder of article files or from JSONL/CSV records;
dates only where the text states them, an existing ``sources.toml`` extended byte for byte,
every problem reported and then nothing written (#12)."""

from __future__ import annotations

import csv
import json
import os
import tomllib
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.errors import CorpusError
from timeline.model.ingest import (
    MAX_PROBLEMS,
    IngestError,
    cut_title,
    extended_sources,
    front_matter,
    headline,
    html_text,
    parse_fields,
    parse_published,
    read_article,
    read_folder,
    read_records,
    records_intake,
    safe_name,
    write_intake,
)
from timeline.model.load import load_articles, seeds_dir

SEEDS = seeds_dir()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


# --- dates: as stated, never invented ---------------------------------------------------------

@pytest.mark.parametrize(("text", "moment"), [
    ("2025-02-24", date(2025, 2, 24)),
    ("2025-02-24 10:00:00", datetime(2025, 2, 24, 10)),                       # news-please
    ("2025-02-24T10:00:00Z", datetime(2025, 2, 24, 10, tzinfo=UTC)),
    ("2025-02-24T10:00+05:30", datetime(2025, 2, 24, 10,
                                         tzinfo=timezone(timedelta(hours=5, minutes=30)))),
    ("Mon, 24 Feb 2025 10:00:00 +0100", datetime(2025, 2, 24, 10,
                                                 tzinfo=timezone(timedelta(hours=1)))),
    ("Mon, 24 Feb 2025 10:00:00 -0000", datetime(2025, 2, 24, 10)),  # RFC 2822: zone unknown
    ("Mon, 24 Feb 2025 10:00 EST", datetime(2025, 2, 24, 10,
                                            tzinfo=timezone(timedelta(hours=-5)))),
])
def test_dates_are_read_as_precisely_as_stated(text: str, moment: date | datetime) -> None:
    found = parse_published(text)
    assert found == moment
    assert type(found) is type(moment)
    assert (getattr(found, "tzinfo", None) is None) == (getattr(moment, "tzinfo", None) is None)


@pytest.mark.parametrize("text", ["", "yesterday", "Feb. 24", "24 Feb 2025 (maybe)",
                                  "2025-02-24T10:00:00+01:00:30", "1708732800"])
def test_what_is_not_a_date_is_none(text: str) -> None:
    assert parse_published(text) is None


# --- reading one article ----------------------------------------------------------------------

def test_front_matter_is_read_and_its_quotes_taken_off() -> None:
    text = "---\ntitle: \"A: title\"\ndate: 2025-02-24\nnested:\n  - x\n---\nBody.\n"
    pairs, start = front_matter(text)
    assert pairs == {"title": "A: title", "date": "2025-02-24"}
    assert text[start:] == "Body.\n"
    assert front_matter("No front matter\n---\n") == ({}, 0)


@pytest.mark.parametrize(("text", "moment", "dated_by", "outlet"), [
    ("Vote\nWASHINGTON, Feb. 24, 2025 (Reuters) - The U.N. voted on Monday on a text.\n",
     date(2025, 2, 24), "dateline 'Feb. 24, 2025'", "Reuters"),
    ("Vote\nKYIV (AP) — Feb. 24, 2025 — Ukraine marked the day on Monday with others.\n",
     date(2025, 2, 24), "dateline 'Feb. 24, 2025'", "AP"),
    ("Vote\n\nFebruary 25, 2025 at 11:38\n\nThe council voted on Monday.\n",
     datetime(2025, 2, 25, 11, 38), "dateline 'February 25, 2025 at 11:38'", None),
    ("Vote\ndate 2025-02-24\nThe council voted.\n", date(2025, 2, 24), "dateline '2025-02-24'",
     None),
    ("---\ndate: Mon, 24 Feb 2025 10:00:00 +0100\noutlet: The Paper\n---\nVote\n",
     datetime(2025, 2, 24, 10, tzinfo=timezone(timedelta(hours=1))), "front matter 'date'",
     "The Paper"),
    ("---\npublished: February 25, 2025 at 11:38\n---\nVote\n", datetime(2025, 2, 25, 11, 38),
     "front matter 'published'", None),
])
def test_an_article_is_dated_by_what_it_says(text: str, moment: date | datetime,
                                             dated_by: str, outlet: str | None) -> None:
    read = read_article(text)
    assert (read.published, read.dated_by, read.outlet, read.undated) == (
        moment, dated_by, outlet, None)
    assert type(read.published) is type(moment)


@pytest.mark.parametrize(("text", "outlet"), [
    ("LONDON, Feb. 24, 2025 (Reuters) - The vote.", "Reuters"),
    ("KYIV, Ukraine (AP) — Feb. 24, 2025 — The vote.", "AP"),
    ("Vote\nFebruary 24, 2025 at 11:38 (updated)\nThe vote.", None),
    ("Vote (analysis)\nFebruary 24, 2025\nThe vote.", None),
    ("By Jane Doe (Staff) | March 3, 2025\nLeaders met.", None),
])
def test_a_credit_counts_only_beside_the_dateline(text: str, outlet: str | None) -> None:
    read = read_article(text)
    assert read.published is not None
    assert read.outlet == outlet


def test_an_undated_article_says_why() -> None:
    read = read_article("Vote\nThe council voted on Monday, Feb. 24.\n")
    assert read.published is None
    assert read.undated == ("no front matter date and no dateline in its first 600 "
                            "characters")
    bad = read_article("---\ndate: soon\n---\nVote\nFebruary 25, 2025 at 11:38\n")
    assert bad.published is None  # a bad front matter date is not replaced by a guess
    assert bad.undated is not None and "front matter date: 'soon'" in bad.undated


def test_a_dateline_without_a_year_needs_one_given() -> None:
    text = "US sides with Russia\n\nUNITED NATIONS, Feb. 24 (Reuters) - The U.S. voted.\n"
    read = read_article(text)
    assert read.published is None
    assert read.undated == "its dateline 'Feb. 24' gives no year (say which with --year)"
    given_year = read_article(text, year=2025)
    assert given_year.published == date(2025, 2, 24)
    assert given_year.dated_by == "dateline 'Feb. 24', year 2025 from --year"
    assert given_year.outlet == "Reuters"
    assert given_year.title == "US sides with Russia"


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_the_seeds_titles_and_dates_are_found_again(seed: str) -> None:
    """The seeds' sources.toml was written by hand by the rule init follows: the headline,
    or the first words cut with "…"; where the text gives a dateline, its date."""
    table = next(t for t in tomllib.loads((SEEDS / "sources.toml").read_text())["articles"]
                 if t["id"] == seed)
    read = read_article((SEEDS / table["file"]).read_text(encoding="utf-8"))
    if seed != "002":  # 002's first line is a section name ("Ukraine"), its headline below
        assert read.title == table["title"]
    if read.published is not None:
        assert read.published == table["published"]
    assert seed not in ("002", "003") or read.published is not None


def test_headlines_are_cut_as_the_seeds_cut_them() -> None:
    assert headline("\n\n## Vote at the U.N. ##\nbody") == "Vote at the U.N."
    assert headline("   \n\t") is None
    long = "word " * 40
    cut = cut_title(long)
    assert cut.endswith("…") and len(cut.split()) == 16
    assert cut_title("one two three four five six seven eight nine, " + long).endswith(
        "eight nine…")
    assert cut_title("A short sentence. " + long) == "A short sentence"


def test_html_is_read_to_text_with_what_the_page_says_of_itself() -> None:
    page = ("<html><head><title> Europe &amp; peace </title>"
            "<meta property='og:site_name' content='The Daily'>"
            "<link rel='canonical' href='https://daily.example/peace'>"
            "<meta property='article:published_time' content='2025-02-26T08:00:00Z'>"
            "<style>p { color: red }</style><script>document.write('x')</script></head>"
            "<body><h1>Europe weighs peacekeepers</h1><p>Leaders   met &lt;today&gt;.<br>"
            "Again.</p><ul><li>One</li><li>Two</li></ul></body></html>")
    text, stated = html_text(page)
    assert text == ("Europe weighs peacekeepers\n\nLeaders met <today>.\n\nAgain.\n\nOne\n\n"
                    "Two\n")
    assert stated["title"] == "Europe & peace"
    assert stated["url"] == "https://daily.example/peace"
    assert stated["outlet"] == "The Daily"
    assert stated["published"] == "2025-02-26T08:00:00Z"
    assert "color" not in text and "document" not in text
    _, stated = html_text("<h1>Only a heading</h1><p>Text.</p>")
    assert stated == {"title": "Only a heading"}


@pytest.mark.parametrize(("name", "safe"), [
    ("001_a896c5b9", "001_a896c5b9"), ("Vote à l'ONU", "Vote-l-ONU"), ("../../etc", "etc"),
    (".hidden", "hidden"), ("///", "article"),
])
def test_names_are_safe(name: str, safe: str) -> None:
    assert safe_name(name) == safe


# --- a folder ---------------------------------------------------------------------------------

def folder_of_three(tmp_path: Path) -> Path:
    write(tmp_path, "a.txt", "Vote\nWASHINGTON, Feb. 24, 2025 (Reuters) - The U.N. voted.\n")
    write(tmp_path, "b.md", "# Talks\n\nPublished: Feb. 25, 2025\n\nLeaders met.\n")
    write(tmp_path, "c.html", "<title>Peace</title><p>Feb. 26, 2025 — Leaders met.</p>")
    write(tmp_path, ".hidden.txt", "Not an article\ndate 2025-02-24\n")
    write(tmp_path, "notes.rst", "Not an article either\ndate 2025-02-24\n")
    return tmp_path


def test_a_folder_becomes_sources_toml(tmp_path: Path) -> None:
    folder = folder_of_three(tmp_path)
    intake = read_folder(folder)
    assert [a.id for a in intake.articles] == ["a", "b", "c"]
    assert [a.file for a in intake.articles] == ["a.txt", "b.md", "c.txt"]
    assert write_intake(intake) == folder / "sources.toml"
    assert (folder / "c.txt").read_text() == "Feb. 26, 2025 — Leaders met.\n"
    articles = load_articles(folder)
    assert [(a.id, a.title, a.published, a.outlet) for a in articles] == [
        ("a", "Vote", date(2025, 2, 24), "Reuters"),
        ("b", "Talks", date(2025, 2, 25), None),
        ("c", "Peace", date(2025, 2, 26), None),
    ]
    assert [a.text for a in articles[:2]] == [(folder / "a.txt").read_text(),
                                              (folder / "b.md").read_text()]


def test_an_undated_file_stops_everything_unless_skipped(tmp_path: Path) -> None:
    folder = folder_of_three(tmp_path)
    write(folder, "d.txt", "Notes\nThe vote was on Monday.\n")
    before = snapshot(folder)
    intake = read_folder(folder)
    assert [(i.source, i.undated) for i in intake.undated] == [
        ("d.txt", "no front matter date and no dateline in its first 600 characters")]
    with pytest.raises(CorpusError, match=r"1 undated file \(d.txt\); nothing written"):
        write_intake(intake)
    assert snapshot(folder) == before
    write_intake(intake, skip_undated=True)
    assert [a.id for a in load_articles(folder)] == ["a", "b", "c"]


def test_an_existing_sources_toml_is_extended_byte_for_byte(tmp_path: Path) -> None:
    folder = folder_of_three(tmp_path)
    write_intake(read_folder(folder))
    edited = ((folder / "sources.toml").read_bytes()
              .replace(b'title = "Vote"', b'title = "The U.N. vote"  # my words')
              + b"# a comment of mine, no newline at the end")
    (folder / "sources.toml").write_bytes(edited)
    write(folder, "d.txt", "Later\ndate 2025-03-01\nMore.\n")
    intake = read_folder(folder)
    assert [i.source for i in intake.listed] == ["a.txt", "b.md", "c.html"]
    write_intake(intake)
    after = (folder / "sources.toml").read_bytes()
    assert after.startswith(edited)
    assert [(a.id, a.title) for a in load_articles(folder)] == [
        ("a", "The U.N. vote"), ("b", "Talks"), ("c", "Peace"), ("d", "Later")]
    assert write_intake(read_folder(folder)) is None  # nothing new: nothing written
    assert (folder / "sources.toml").read_bytes() == after


def test_new_ids_never_collide_with_listed_ones(tmp_path: Path) -> None:
    write(tmp_path, "mine.txt", "Mine\ndate 2025-02-20\n")
    write(tmp_path, "sources.toml", '[[articles]]\nid = "a"\nfile = "mine.txt"\ntitle = "Mine"\n'
                                    "published = 2025-02-20\n")
    write(tmp_path, "a.txt", "A\ndate 2025-02-21\n")
    write(tmp_path, "a.md", "A again\ndate 2025-02-22\n")
    write(tmp_path, "a b.txt", "A b\ndate 2025-02-23\n")
    write(tmp_path, "a-b.txt", "A-b\ndate 2025-02-23\n")
    intake = read_folder(tmp_path)
    assert [(a.file, a.id) for a in intake.articles] == [
        ("a b.txt", "a-b"), ("a-b.txt", "a-b-2"), ("a.md", "a-2"), ("a.txt", "a-3")]
    write_intake(intake)
    assert len(load_articles(tmp_path)) == 5


def test_an_html_file_whose_text_file_differs_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "page.html", "<title>Peace</title><p>date 2025-02-26</p>")
    write(tmp_path, "page.txt", "Something else\ndate 2025-02-26\n")
    with pytest.raises(IngestError, match=r"page\.html: its text differs from 'page\.txt'"):
        read_folder(tmp_path)
    write(tmp_path, "page.txt", "date 2025-02-26\n")  # the same text: reused, not rewritten
    intake = read_folder(tmp_path)
    assert [(i.source, i.write, i.article and i.article.file) for i in intake.found] == [
        ("page.html", False, "page.txt")]


def test_every_unreadable_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Caf\xe9\n")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe")
    with pytest.raises(IngestError) as caught:
        read_folder(tmp_path)
    assert [str(p) for p in caught.value.problems] == ["a.txt: not UTF-8 text: byte 3",
                                                       "b.txt: not UTF-8 text: byte 0"]


def test_a_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = write(tmp_path, "outside.txt", "Secret\ndate 2025-02-24\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "link.txt").symlink_to(outside)
    with pytest.raises(IngestError, match=r"link\.txt: leads outside the corpus directory"):
        read_folder(corpus)


def test_a_sources_toml_changed_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    folder = folder_of_three(tmp_path)
    intake = read_folder(folder)
    write(folder, "sources.toml", "# someone else was here\n")
    with pytest.raises(CorpusError, match="changed while it was being read"):
        write_intake(intake)
    assert (folder / "sources.toml").read_text() == "# someone else was here\n"


# --- records ----------------------------------------------------------------------------------

def jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_news_please_records_become_articles(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "crawl.jsonl", [
        {"maintext": "The council voted on Monday.", "title": "Vote",
         "date_publish": "2025-02-24 10:00:00", "url": "https://x.example/1",
         "source_domain": "x.example"},
        {"maintext": "Leaders met. " * 30, "date_publish": "Tue, 25 Feb 2025 08:00:00 +0000"},
    ])
    corpus = tmp_path / "corpus"
    write_intake(read_records(corpus, source))
    first, second = load_articles(corpus)
    assert (first.id, first.file, first.title, first.published, first.url, first.outlet) == (
        "001", "001.txt", "Vote", datetime(2025, 2, 24, 10), "https://x.example/1",
        "x.example")
    assert first.text == "The council voted on Monday."
    assert second.title == "Leaders met"
    assert second.published == datetime(2025, 2, 25, 8, tzinfo=UTC)


def test_a_field_map_renames_fields_and_csv_reads_like_jsonl(tmp_path: Path) -> None:
    source = tmp_path / "articles.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["key", "body", "when", "site"])
        writer.writerow(["k1", "Line one.\r\nLine two, with a comma.", "2025-02-24", "Site"])
        writer.writerow(["k2", "Another.", "2025-02-25T09:30", ""])
    fields = parse_fields("id=key,text=body,published=when,outlet=site")
    write_intake(read_records(tmp_path / "c", source, fields=fields))
    articles = load_articles(tmp_path / "c")
    assert [(a.id, a.text, a.published, a.outlet) for a in articles] == [
        ("k1", "Line one.\r\nLine two, with a comma.", date(2025, 2, 24), "Site"),
        ("k2", "Another.", datetime(2025, 2, 25, 9, 30), None)]


def test_a_json_document_is_one_record_or_an_array_of_them(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"maintext": "A.", "date_publish": "2025-02-24 10:00:00",
                               "title": "A"}, indent=2))
    assert [a.id for a in read_records(tmp_path / "c1", one).articles] == ["001"]
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "A.", "date": "2025-02-24"}, "B",
                                {"text": "C.", "date": "x"}], indent=2))
    with pytest.raises(IngestError) as caught:
        read_records(tmp_path / "c2", many)
    assert [str(p).split(" (")[0] for p in caught.value.problems] == [
        "many.json: record 2: expected a JSON object, got str",
        "many.json: record 3: date: expected an ISO 8601 or RFC 2822 date or datetime"]


def test_a_sources_toml_with_only_a_corpus_table_is_a_start(tmp_path: Path) -> None:
    start = b'[corpus]\ntitle = "Mine"\nzone = "Europe/Paris"\n'
    (tmp_path / "sources.toml").write_bytes(start)
    write(tmp_path, "a.txt", "A\ndate 2025-02-24\n")
    write_intake(read_folder(tmp_path))
    assert (tmp_path / "sources.toml").read_bytes().startswith(start)
    assert [a.id for a in load_articles(tmp_path)] == ["a"]
    (tmp_path / "sources.toml").write_bytes(b'[corpus]\nzone = "Mars/Olympus"\n')
    with pytest.raises(CorpusError, match="unknown zone"):
        read_folder(tmp_path)


def test_a_csv_row_with_more_cells_than_names_is_reported(tmp_path: Path) -> None:
    source = tmp_path / "a.csv"
    source.write_text('text,date\n"Fine.",2025-02-24\n"Two\nlines.",2025-02-24,extra\n')
    with pytest.raises(IngestError, match=r"^a\.csv: line 3: more cells than the header has "
                                          r"names$"):
        read_records(tmp_path / "c", source)


@pytest.mark.parametrize(("spec", "message"), [
    ("text", "expected FIELD=NAME pairs"), ("body=text", "unknown field 'body'"),
    ("text=", "expected FIELD=NAME pairs")])
def test_a_bad_field_map_is_an_error(spec: str, message: str) -> None:
    with pytest.raises(CorpusError, match=message):
        parse_fields(spec)


def test_every_bad_record_is_reported_by_line_and_nothing_written(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join([
        json.dumps({"id": "a", "text": "Fine.", "date": "2025-02-24"}),
        "{not json",
        json.dumps({"id": "b", "text": "No date."}),
        "",
        json.dumps({"id": "c", "text": "Bad date.", "published": "last Monday"}),
        json.dumps({"id": "a", "text": "Same id.", "date": "2025-02-24"}),
        json.dumps(["a list"]),
        json.dumps({"id": "d", "date": "2025-02-24"}),
        json.dumps({"id": "e", "text": "x", "date": "2025-02-24", "title": 7}),
    ]) + "\n")
    corpus = tmp_path / "corpus"
    with pytest.raises(IngestError) as caught:
        read_records(corpus, source)
    assert [str(p) for p in caught.value.problems] == [
        "articles.jsonl: line 2: not JSON: Expecting property name enclosed in double quotes "
        "(column 2)",
        "articles.jsonl: line 3: published: missing (looked for 'published', 'date', "
        "'date_publish', 'published_at', 'datePublished'); a date is never invented",
        "articles.jsonl: line 5: published: expected an ISO 8601 or RFC 2822 date or datetime "
        "(2025-02-24, 2025-02-24T11:38:00+01:00, Mon, 24 Feb 2025 11:38:00 +0100), got "
        "'last Monday'",
        "articles.jsonl: line 6: id: duplicate id 'a'; line 1 has it",
        "articles.jsonl: line 7: expected a JSON object, got list",
        "articles.jsonl: line 8: text: missing or empty (looked for 'text', 'maintext', "
        "'body', 'content')",
        "articles.jsonl: line 9: title: expected a string, got 7",
    ]
    assert not corpus.exists()


def test_problems_are_capped(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text("{}\n" * (MAX_PROBLEMS + 5))
    with pytest.raises(IngestError) as caught:
        read_records(tmp_path, source)
    assert len(caught.value.problems) == MAX_PROBLEMS
    assert caught.value.more == 5
    assert str(caught.value).endswith(f"(and {MAX_PROBLEMS + 4} more problems)")


def test_a_different_file_is_never_overwritten_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "a.jsonl", [{"id": "x/1", "text": "One.", "date": "2025-02-24"},
                                          {"id": "x 1", "text": "Two.", "date": "2025-02-24"}])
    corpus = tmp_path / "corpus"
    write_intake(read_records(corpus, source))
    assert sorted(p.name for p in corpus.iterdir()) == ["sources.toml", "x-1-2.txt", "x-1.txt"]
    assert [a.id for a in load_articles(corpus)] == ["x/1", "x 1"]
    again = read_records(corpus, source)
    assert len(again.listed) == 2 and not again.articles
    assert write_intake(again) is None
    (corpus / "y.txt").write_text("Other text.")
    with pytest.raises(IngestError, match=r"'y\.txt' exists in .* with another text"):
        read_records(corpus, jsonl(tmp_path / "b.jsonl",
                                   [{"id": "y", "text": "Y.", "date": "2025-02-24"}]))


def test_numbers_for_ids_never_take_a_given_id(tmp_path: Path) -> None:
    intake = records_intake(tmp_path, [(1, {"text": "One.", "date": "2025-02-24"}),
                                       (2, {"id": "001", "text": "Two.", "date": "2025-02-24"})])
    assert [a.id for a in intake.articles] == ["001-2", "001"]


def test_extended_sources_keeps_the_old_bytes_first(tmp_path: Path) -> None:
    intake = records_intake(tmp_path, [(1, {"text": "One.", "date": "2025-02-24"})])
    fresh = extended_sources(intake)
    assert tomllib.loads(fresh.decode())["articles"][0]["id"] == "001"
    old = b"# mine\r\n[corpus]\r\ntitle = \"T\""
    extended = extended_sources(type(intake)(intake.directory, intake.found, old))
    assert extended.startswith(old)
    assert tomllib.loads(extended.decode())["corpus"] == {"title": "T"}


# --- the round trip ---------------------------------------------------------------------------

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200).filter(
    lambda text: headline(text) is not None)  # a text with words (not only a BOM or spaces)
_PUBLISHED = st.one_of(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.builds(lambda moment, minutes: moment.replace(tzinfo=timezone(timedelta(minutes=minutes))),
              st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2099, 12, 30)),
              st.integers(min_value=-12 * 60, max_value=14 * 60)),
)
_OPTIONAL = st.none() | _TEXT.map(lambda text: text.strip() and text)


@st.composite
def record_sets(draw: st.DrawFn) -> list[dict[str, Any]]:
    ids = draw(st.lists(st.none() | _TEXT, max_size=6, unique_by=lambda x: x or ""))
    records = []
    for record_id in ids:
        record: dict[str, Any] = {"text": draw(_TEXT), "published": draw(_PUBLISHED).isoformat()}
        for key, value in (("id", record_id), ("title", draw(_OPTIONAL)),
                           ("url", draw(_OPTIONAL)), ("outlet", draw(_OPTIONAL))):
            if value is not None:
                record[key] = value
        records.append(record)
    return records


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(records=record_sets())
def test_records_written_by_init_load_back_equal(tmp_path_factory: pytest.TempPathFactory,
                                                 records: list[dict[str, Any]]) -> None:
    folder = tmp_path_factory.mktemp("round-trip")
    if not records:
        return
    source = jsonl(folder / "in.jsonl", records)
    write_intake(read_records(folder / "corpus", source))
    articles = load_articles(folder / "corpus")
    assert len(articles) == len(records)
    for number, (article, record) in enumerate(zip(articles, records, strict=True), start=1):
        assert article.id == record.get("id", f"{number:03d}")
        assert article.title == record.get("title", headline(record["text"]))
        assert article.text == record["text"]
        assert article.published == parse_published(record["published"])
        assert article.published.isoformat() == record["published"]
        assert article.url == record.get("url")
        assert article.outlet == record.get("outlet")


# --- hostile files: no hang, no crash, no file replaced that should be written through (#13) -

def test_a_symlinked_sources_toml_is_extended_where_it_points(tmp_path: Path) -> None:  # #13
    (tmp_path / "corpus").mkdir()
    folder = folder_of_three(tmp_path / "corpus")
    kept = tmp_path / "kept.toml"
    kept.write_text('[corpus]\ntitle = "Talks"\n', encoding="utf-8")
    (folder / "sources.toml").symlink_to(kept)
    write_intake(read_folder(folder))
    assert (folder / "sources.toml").is_symlink()
    assert kept.read_text(encoding="utf-8").startswith('[corpus]\ntitle = "Talks"\n')
    assert [a.id for a in load_articles(folder)] == ["a", "b", "c"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "kept.toml"]


@pytest.mark.parametrize("make", ["fifo", "zero"])
def test_a_sources_toml_that_is_not_a_regular_file_stops_init(tmp_path: Path,
                                                              make: str) -> None:  # #13
    folder = folder_of_three(tmp_path)
    if make == "fifo":
        os.mkfifo(folder / "sources.toml")
    else:
        (folder / "sources.toml").symlink_to("/dev/zero")
    before = snapshot_names(folder)
    with pytest.raises(CorpusError, match=r"sources\.toml: cannot read: a"):
        read_folder(folder)
    assert snapshot_names(folder) == before


def snapshot_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_fifos_and_devices_among_the_articles_are_not_read(tmp_path: Path) -> None:  # #13
    folder = folder_of_three(tmp_path)
    os.mkfifo(folder / "d.txt")  # reading it would block for ever
    (folder / "e.txt").symlink_to("/dev/zero")  # reading it would never end
    intake = read_folder(folder)
    assert [a.id for a in intake.articles] == ["a", "b", "c"]


def test_a_huge_article_file_is_a_problem(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:  # #13
    folder = folder_of_three(tmp_path)
    monkeypatch.setattr("timeline.model.files.MAX_BYTES", 60)
    write(folder, "d.txt", "Big\nWASHINGTON, Feb. 24, 2025 (Reuters) - " + "x" * 100)
    with pytest.raises(IngestError) as caught:
        read_folder(folder)
    assert [str(p) for p in caught.value.problems] == [
        "d.txt: cannot read: larger than 60 bytes"]


@pytest.mark.parametrize("make", ["fifo", "zero", "directory"])
def test_a_records_file_that_is_not_a_regular_file(tmp_path: Path, make: str) -> None:  # #13
    source = tmp_path / "records.jsonl"
    if make == "fifo":
        os.mkfifo(source)
    elif make == "zero":
        source.symlink_to("/dev/zero")
    else:
        source.mkdir()
    with pytest.raises(CorpusError, match=r"records\.jsonl: cannot read: a"):
        read_records(tmp_path / "corpus", source)
    assert not (tmp_path / "corpus").exists()


def test_a_file_whose_headline_is_blank_is_listed_without_a_title(tmp_path: Path) -> None:
    """#13 (found by the harness): a first line of spaces no strip() keeps made an Article
    with an empty title (ValueError) instead of a file listed as undated."""
    from timeline.model.ingest import read_folder

    (tmp_path / "a.txt").write_text("\u3000\u2003\n", encoding="utf-8")
    intake = read_folder(tmp_path)
    assert [(f.article, f.undated) for f in intake.found] == [(None, "no text")]


def test_a_record_with_a_lone_surrogate_is_a_problem_named_by_line(tmp_path: Path) -> None:
    """#13 (found by the harness): JSON may escape a lone surrogate ("\\ud800"); writing it
    to sources.toml raised UnicodeEncodeError. It is a problem of its line, nothing written."""
    from timeline.errors import CorpusError
    from timeline.model.ingest import read_records

    source = tmp_path / "records.jsonl"
    source.write_text('{"id": "\\ud800", "title": "T", "text": "Talks on Monday.", '
                      '"published": "2025-02-24"}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 1: id: holds a lone surrogate"):
        read_records(tmp_path / "out", source)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
