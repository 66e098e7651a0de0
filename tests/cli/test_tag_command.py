"""``timeline tag DIR`` and ``--from FILE.jsonl``: every article, JSON lines or Parquet, the
same for any ``--jobs`` (#16)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import newsgen
import pytest

from timeline import batch
from timeline.cli import run


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write_folder(folder: Path, records: list[dict[str, str]]) -> Path:
    """A corpus folder (sources.toml and a text file an article) of batch records."""
    folder.mkdir()
    tables = []
    for record in records:
        (folder / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
        tables.append(f'[[articles]]\nid = "{record["id"]}"\nfile = "{record["id"]}.txt"\n'
                      f'title = "{record["title"]}"\npublished = {record["published"]}\n')
    (folder / "sources.toml").write_text("\n".join(tables), encoding="utf-8")
    return folder


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_folder_gives_a_line_an_article_the_same_for_any_jobs(tmp_path: Path) -> None:
    records = newsgen.records(40, seed=31)
    folder = write_folder(tmp_path / "corpus", records)
    code, one, err = _run("tag", str(folder), "--jobs", "1")
    assert (code, err) == (0, "")
    assert [json.loads(line) for line in one.splitlines()] == batch.tag_records(records)
    code, two, _ = _run("tag", str(folder), "--jobs", "2")
    assert code == 0 and two == one


def test_from_jsonl_to_a_file_whole_or_not_at_all(tmp_path: Path) -> None:
    records = newsgen.records(5, seed=32)
    source = write_jsonl(tmp_path / "in.jsonl", records)
    target = tmp_path / "out.jsonl"
    assert _run("tag", "--from", str(source), "-o", str(target), "--jobs", "1") == (0, "", "")
    written = target.read_text(encoding="utf-8")
    assert [json.loads(line)["id"] for line in written.splitlines()] == [
        r["id"] for r in records]
    with source.open("a", encoding="utf-8") as stream:
        stream.write('{"id": "late", "text": "x"}\n')
    code, out, err = _run("tag", "--from", str(source), "-o", str(target), "--jobs", "1")
    assert code == 1 and out == ""
    assert err == "timeline: in.jsonl: line 6 (record 'late'): published: missing\n".replace(
        "in.jsonl", str(source))
    assert target.read_text(encoding="utf-8") == written  # the old output, untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_parquet_output_one_row_a_mention(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    records = newsgen.records(6, seed=33)
    source = write_jsonl(tmp_path / "in.jsonl", records)
    target = tmp_path / "mentions.parquet"
    assert _run("tag", "--from", str(source), "-o", str(target))[0] == 0
    rows = pq.read_table(target).to_pylist()
    assert rows == list(batch.mention_rows(batch.tag_records(records)))


@pytest.mark.parametrize(("argv", "needle"), [
    (["tag", "--from", "in.jsonl", "--format", "text"], "--format text: for one file"),
    (["tag", "--from", "in.jsonl", "--anchor", "2025-02-24"], "--anchor: for one file"),
    (["tag", "in.txt", "--anchor", "2025-02-24", "--jobs", "2"], "for a corpus folder"),
    (["tag"], "expected FILE, a corpus folder, or --from"),
    (["tag", "--from", "missing.jsonl"], "missing.jsonl: cannot read"),
])
def test_corpus_options_misused_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             argv: list[str], needle: str) -> None:
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "in.jsonl", newsgen.records(2, seed=34))
    (tmp_path / "in.txt").write_text("On Monday.", encoding="utf-8")
    code, out, err = _run(*argv)
    assert code == 1 and out == ""
    assert err.startswith("timeline: ") and needle in err and err.count("\n") == 1


def test_jobs_must_be_positive() -> None:
    assert _run("tag", "x", "--jobs", "0")[0] == 2
