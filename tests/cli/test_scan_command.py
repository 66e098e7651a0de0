"""``timeline scan --from FILE.jsonl``, ``--jobs``, ``--format jsonl``, ``-o`` (#16)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import newsgen
from test_tag_command import write_folder, write_jsonl

from timeline import batch
from timeline.cli import run


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_jsonl_from_a_file_the_same_for_any_jobs(tmp_path: Path) -> None:
    records = newsgen.records(40, seed=41)
    source = write_jsonl(tmp_path / "in.jsonl", records)
    code, one, err = _run("scan", "--from", str(source), "--format", "jsonl", "--jobs", "1")
    assert (code, err) == (0, "")
    assert [json.loads(line) for line in one.splitlines()] == batch.scan_records(records)
    assert _run("scan", "--from", str(source), "--format", "jsonl", "--jobs", "2")[1] == one


def test_text_and_json_of_a_folder_the_same_for_any_jobs(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "corpus", newsgen.records(40, seed=42))
    for fmt in ("text", "json"):
        code, one, _ = _run("scan", str(folder), "--format", fmt, "--jobs", "1")
        assert code == 0 and "g00039" in one
        assert _run("scan", str(folder), "--format", fmt, "--jobs", "2")[1] == one
    report = json.loads(one)
    assert report[0]["title"] == "Report 0" and report[0]["file"] == "g00000.txt"


def test_o_writes_jsonl(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "corpus", newsgen.records(3, seed=43))
    target = tmp_path / "out.jsonl"
    assert _run("scan", str(folder), "-o", str(target)) == (0, "", "")
    assert len(target.read_text(encoding="utf-8").splitlines()) == 3
    code, _, err = _run("scan", str(folder), "-o", str(target), "--format", "text")
    assert code == 1 and "-o: JSON lines or Parquet" in err
