"""``timeline init``: ten article files with datelines, or a JSONL/CSV file, become a corpus
that ``timeline chronology`` reads with no hand-written TOML but the events (#12)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from timeline.cli import run
from timeline.model.load import load_articles

#: Ten articles as people save them: wire datelines, a web page's byline, front matter,
#: Markdown, HTML. The first two are quoted by the hand-written events below.
TEN = {
    "01-ga-vote.txt":
        "UN General Assembly backs Ukraine resolution\n"
        "WASHINGTON, Feb. 24, 2025 (Reuters) - The U.N. General Assembly on Monday backed "
        "a resolution condemning Russia.\n",
    "02-security-council.txt":
        "Ukraine\n\nU.S. wins backing for U.N. resolution\n\n"
        "By Laurence Norman\nFebruary 25, 2025 at 11:38\n\n"
        "The Security Council on Monday adopted a U.S. text that did not blame Moscow.\n",
    "03-macron.md":
        "---\ntitle: Macron meets Trump at the White House\n"
        "date: 2025-02-24T15:30:00-05:00\nurl: https://example.com/macron\n"
        "outlet: Example News\n---\n"
        "French President Emmanuel Macron met Trump at the White House on Monday.\n",
    "04-starmer.md":
        "# Starmer to visit Washington\n\nPublished: Feb. 25, 2025\n\n"
        "British Prime Minister Keir Starmer will meet Trump on Thursday.\n",
    "05-peacekeepers.html":
        "<!doctype html><html><head><title>Europe weighs peacekeepers</title>"
        "<meta property='og:site_name' content='The Daily'>"
        "<link rel='canonical' href='https://daily.example/peace'></head>"
        "<body><h1>Europe weighs peacekeepers</h1><p>Feb. 26, 2025 &mdash; European "
        "leaders discussed a force on Wednesday.</p><script>track()</script></body></html>",
    "06-kyiv.txt":
        "Kyiv marks three years of war\n"
        "KYIV (AP) — Feb. 24, 2025 — Ukraine marked the anniversary of the invasion.\n",
    "07-minerals.txt":
        " date 2025-02-26 Ukraine and the United States agreed on the terms of a minerals "
        "deal, officials said, after weeks of talks over access to rare earths in Ukraine.\n",
    "08-council.txt":
        "Security Council vote\nUpdated: 11:38 AM EST, Tue February 25, 2025\n"
        "The council voted.\n",
    "09-talks.txt":
        "Talks in Riyadh\n\n25 February 2025\n\nOfficials met in Riyadh last week.\n",
    "10-sanctions.md":
        "---\npublished: Wed, 26 Feb 2025 09:00:00 +0000\n---\n# New sanctions\n\n"
        "The EU agreed a new package of sanctions on Monday.\n",
}

EVENTS = """\
[[events]]
id = "ga-vote"
title = "UN General Assembly backs Ukraine resolution"

  [[events.claims]]
  article = "01-ga-vote"
  quote = "The U.N. General Assembly on Monday backed a resolution"
  when = "on Monday"
  status = "occurred"

[[events]]
id = "macron-visit"
title = "Macron meets Trump at the White House"

  [[events.claims]]
  article = "03-macron"
  quote = "met Trump at the White House on Monday"
  when = "on Monday"
  status = "occurred"
"""


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def assert_errors(err: str, *needles: str) -> list[str]:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines and all(line.startswith("timeline: ") for line in lines), err
    for needle in needles:
        assert needle in err, (needle, err)
    return lines


def ten_articles(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in TEN.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    return folder


def test_ten_article_files_become_a_corpus_and_a_chronology(tmp_path: Path) -> None:
    corpus = ten_articles(tmp_path / "corpus")
    status, out, err = cli("init", str(corpus))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 11  # one a file, then what was written
    assert lines[0] == ("01-ga-vote.txt: id '01-ga-vote', published 2025-02-24 from its "
                        "dateline 'Feb. 24, 2025', outlet Reuters: "
                        "'UN General Assembly backs Ukraine resolution'")
    assert lines[1].startswith("02-security-council.txt: id '02-security-council', published "
                               "2025-02-25T11:38 from its dateline 'February 25, 2025 at "
                               "11:38'")
    assert lines[4].startswith("05-peacekeepers.html (read to text: 05-peacekeepers.txt): id "
                               "'05-peacekeepers', published 2025-02-26 from its dateline")
    assert lines[-1] == f"wrote {corpus / 'sources.toml'}: 10 articles"

    articles = {a.id: a for a in load_articles(corpus)}
    assert len(articles) == 10
    assert {key: str(a.published) for key, a in articles.items()} == {
        "01-ga-vote": "2025-02-24", "02-security-council": "2025-02-25 11:38:00",
        "03-macron": "2025-02-24 15:30:00-05:00", "04-starmer": "2025-02-25",
        "05-peacekeepers": "2025-02-26", "06-kyiv": "2025-02-24", "07-minerals": "2025-02-26",
        "08-council": "2025-02-25 11:38:00-05:00", "09-talks": "2025-02-25",
        "10-sanctions": "2025-02-26 09:00:00+00:00"}
    assert articles["04-starmer"].title == "Starmer to visit Washington"
    assert articles["05-peacekeepers"].url == "https://daily.example/peace"
    assert articles["06-kyiv"].outlet == "AP"
    assert articles["10-sanctions"].title == "New sanctions"

    (corpus / "events.toml").write_text(EVENTS, encoding="utf-8")
    status, out, err = cli("chronology", str(corpus))
    assert (status, err) == (0, "")
    assert "Chronology of 2 events from 10 articles" in out
    # A floating article's Monday stays that Monday beside an article with a zone (#12).
    assert "Mon 24 Feb 2025\n  - UN General Assembly backs Ukraine resolution [01-ga-vote]" in out
    assert "Macron meets Trump at the White House (\"on Monday\") [03-macron]" in out
    assert "[05-peacekeepers] Europe weighs peacekeepers — The Daily" in out


def records() -> list[dict[str, str]]:
    """The ten articles as a crawler gives them (no front matter: dates as fields)."""
    dates = ["2025-02-24", "2025-02-25T11:38", "2025-02-24T15:30:00-05:00", "2025-02-25",
             "2025-02-26", "Mon, 24 Feb 2025 08:00:00 -0000", "2025-02-26", "2025-02-25",
             "2025-02-25", "Wed, 26 Feb 2025 09:00:00 +0000"]
    texts = [text for name, text in TEN.items() if not name.endswith(".html")]
    texts.insert(4, "European leaders discussed a force on Wednesday.\n")
    return [{"id": f"a{n}", "text": text, "date": moment, "url": f"https://x.example/{n}"}
            for n, (text, moment) in enumerate(zip(texts, dates, strict=True), start=1)]


def events_for_records() -> str:
    return EVENTS.replace('"01-ga-vote"', '"a1"').replace('"03-macron"', '"a3"')


def test_a_jsonl_file_becomes_a_corpus_and_a_chronology(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records()), encoding="utf-8")
    corpus = tmp_path / "corpus"
    status, out, err = cli("init", str(corpus), "--from", str(source))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == ("articles.jsonl: line 1: id 'a1', published 2025-02-24 from its field "
                        "'date', url https://x.example/1: "
                        "'UN General Assembly backs Ukraine resolution'")
    assert lines[5].startswith("articles.jsonl: line 6: id 'a6', published 2025-02-24T08:00 ")
    assert len(lines) == 11
    assert sorted(p.name for p in corpus.iterdir()) == sorted(
        ["sources.toml", *(f"a{n}.txt" for n in range(1, 11))])
    (corpus / "events.toml").write_text(events_for_records(), encoding="utf-8")
    status, out, err = cli("chronology", str(corpus))
    assert (status, err) == (0, "")
    assert "Chronology of 2 events from 10 articles" in out
    assert "[a1]" in out and "[a3]" in out

    status, out, _ = cli("init", str(corpus), "--from", str(source))  # again: nothing new
    assert status == 0
    assert out.splitlines()[-1].startswith("nothing new:")


def test_a_csv_file_with_a_field_map_becomes_a_corpus(tmp_path: Path) -> None:
    source = tmp_path / "articles.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["key", "body", "when", "link"])
        writer.writeheader()
        for record in records():
            writer.writerow({"key": record["id"], "body": record["text"],
                             "when": record["date"], "link": record["url"]})
    corpus = tmp_path / "corpus"
    status, out, err = cli("init", str(corpus), "--from", str(source),
                           "--fields", "id=key,text=body,published=when")
    assert (status, err) == (0, "")
    assert out.splitlines()[0].startswith("articles.csv: line 2: id 'a1', published 2025-02-24")
    articles = load_articles(corpus)
    assert [a.text for a in articles] == [r["text"] for r in records()]
    (corpus / "events.toml").write_text(events_for_records(), encoding="utf-8")
    assert cli("chronology", str(corpus))[0] == 0


def test_an_undated_file_writes_nothing_and_says_why(tmp_path: Path) -> None:
    corpus = ten_articles(tmp_path / "corpus")
    (corpus / "11-notes.txt").write_text("Notes\nThe vote was on Monday.\n")
    (corpus / "12-wire.txt").write_text("Vote\nUNITED NATIONS, Feb. 24 (Reuters) - It passed.\n")
    before = sorted(p.name for p in corpus.iterdir())
    status, out, err = cli("init", str(corpus))
    assert status == 1
    assert "11-notes.txt: undated: no front matter date and no dateline in its first 600 " \
           "characters" in out.splitlines()
    assert "12-wire.txt: undated: its dateline 'Feb. 24' gives no year (say which with " \
           "--year)" in out.splitlines()
    assert_errors(err, "2 undated files (11-notes.txt, 12-wire.txt); nothing written",
                  "--skip-undated")
    assert sorted(p.name for p in corpus.iterdir()) == before

    status, out, err = cli("init", str(corpus), "--skip-undated", "--year", "2025")
    assert (status, err) == (0, "")
    assert out.splitlines()[-2:] == ["skipped 1 undated: 11-notes.txt",
                                     f"wrote {corpus / 'sources.toml'}: 11 articles"]
    assert "12-wire" in {a.id for a in load_articles(corpus)}


def test_an_existing_sources_toml_is_extended_not_rewritten(tmp_path: Path) -> None:
    corpus = ten_articles(tmp_path / "corpus")
    assert cli("init", str(corpus))[0] == 0
    old = (corpus / "sources.toml").read_bytes().replace(b"Kyiv marks", b"Kyiv (edited) marks")
    (corpus / "sources.toml").write_bytes(old)
    (corpus / "11-later.txt").write_text("Later\nMarch 3, 2025\nMore news.\n")
    status, out, err = cli("init", str(corpus))
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == "01-ga-vote.txt: listed in sources.toml already, skipped"
    assert out.splitlines()[-1] == (f"extended {corpus / 'sources.toml'}: 1 article, after the "
                                    f"10 listed already")
    assert (corpus / "sources.toml").read_bytes().startswith(old)
    assert load_articles(corpus)[5].title == "Kyiv (edited) marks three years of war"


def test_bad_records_are_each_named_and_nothing_is_written(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text('{"text": "A.", "date": "2025-02-24"}\n{"text": "B.", "date":\n'
                      '{"text": "C.", "date": "soon"}\n')
    status, out, err = cli("init", str(tmp_path / "corpus"), "--from", str(source))
    assert (status, out) == (1, "")
    assert assert_errors(err) == [
        "timeline: articles.jsonl: line 2: not JSON: Expecting value (column 23)",
        "timeline: articles.jsonl: line 3: date: expected an ISO 8601 or RFC 2822 date or "
        "datetime (2025-02-24, 2025-02-24T11:38:00+01:00, Mon, 24 Feb 2025 11:38:00 +0100), "
        "got 'soon'",
        "timeline: nothing written"]
    assert not (tmp_path / "corpus").exists()


@pytest.mark.parametrize(("argv", "needle"), [
    (["init", "{tmp}/missing"], "no such directory"),
    (["init", "{tmp}", "--fields", "text=body"], "--fields: only with --from FILE"),
    (["init", "{tmp}", "--from", "{tmp}/a.jsonl", "--year", "2025"], "--year: only for"),
    (["init", "{tmp}", "--from", "{tmp}/missing.jsonl"], "missing.jsonl: not found"),
    (["init", "{tmp}", "--from", "{tmp}/a.xml"], "expected a .jsonl"),
    (["init", "{tmp}", "--from", "{tmp}/a.jsonl", "--fields", "txt=body"], "unknown field"),
    (["init", "{tmp}"], "no article files"),
])
def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, argv: list[str], needle: str) -> None:
    (tmp_path / "a.xml").write_text("<a/>")
    (tmp_path / "a.jsonl").write_text("")
    status, out, err = cli(*(arg.format(tmp=tmp_path) for arg in argv))
    assert (status, out) == (1, "")
    assert len(assert_errors(err, needle)) == 1


def test_help_shows_examples() -> None:
    status, out, _ = cli("init", "--help")
    assert status == 0
    assert "timeline init corpus/ --from articles.jsonl" in out
    assert "--skip-undated" in out and "--year" in out
    assert "timeline init corpus/" in cli("--help")[1]
