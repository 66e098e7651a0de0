"""``timeline eval GOLD_DIR --by-source``: the table by news source, kind and half (#15)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from timeline.cli import run
from timeline.timeml.score import evaluate, timeml_files
from timeline.timeml.sources import by_source


def timeml(dct: str, body: str) -> str:
    return (f'<?xml version="1.0" ?>\n<TimeML><DCT><TIMEX3 tid="t0" type="DATE" '
            f'value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
            f"<TEXT>{body}</TEXT></TimeML>\n")


def gold(tid: int, value: str, text: str) -> str:
    return f'<TIMEX3 tid="t{tid}" type="DATE" value="{value}">{text}</TIMEX3>'


def folder(tmp_path: Path) -> Path:
    """Three sources: wire copy, all found; a newspaper with a gold TIMEX3 the tagger misses
    (a made-up annotation of "the spring of discontent"); a broadcast with no gold, whose
    one date is spurious."""
    (tmp_path / "APW19980301.0001.tml").write_text(timeml(
        "1998-03-01", f"The talks ended {gold(1, '1998-02-27', 'Friday')}."), encoding="utf-8")
    (tmp_path / "wsj_0001.tml").write_text(timeml(
        "1998-03-01", f"Sales rose {gold(1, '1998-02', 'last month')} and fell in "
                      f"{gold(2, 'XXXX', 'the spring of discontent')} of dealers."),
        encoding="utf-8")
    (tmp_path / "VOA19980301.1600.0001.tml").write_text(timeml(
        "1998-03-01", "Voters met on March 3, 1997 in the capital."), encoding="utf-8")
    return tmp_path


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_by_source_prints_a_row_per_source_kind_half_and_the_corpus(tmp_path: Path) -> None:
    status, out, err = _run("eval", str(folder(tmp_path)), "--by-source")
    assert status == 0 and err == ""
    lines = out.splitlines()
    start = lines.index("by source (errors per 100 gold TIMEX3s; F1 in percent):")
    header, *rows = lines[start + 1:]
    assert header.split() == ["group", "docs", "gold", "spurious", "missed", "extent",
                              "strict", "relaxed", "type", "value"]
    table = {row.split()[0]: row.split()[1:] for row in rows}
    assert list(table) == ["APW", "WSJ", "VOA", "wire", "newspaper", "broadcast", "develop",
                           "check", "all"]
    assert table["APW"][:3] == ["wire", "1", "1"]
    # The broadcast has no gold: its one system TIMEX3 is spurious, at no rate per 100 gold.
    assert table["VOA"][:4] == ["broadcast", "1", "0", "-"]
    assert table["WSJ"][3:5] == ["0.0", "50.0"] and table["check"][3] == "50.0"
    library = by_source(evaluate(timeml_files(tmp_path)))
    for group, label in (("source", None), ("kind", "kind"), ("half", "half"), ("all", None)):
        for score in library[group]:
            cells = table[score.name]
            if label is not None:
                assert cells[0] == label
            expected = ["-" if value is None else f"{value:.1f}"
                        for value in list(score.headline().values())[1:]]
            assert cells[-7:] == expected, score.name


def test_by_source_in_json_matches_the_library(tmp_path: Path) -> None:
    status, out, _ = _run("eval", str(folder(tmp_path)), "--json", "--by-source")
    assert status == 0
    report = json.loads(out)
    library = by_source(evaluate(timeml_files(tmp_path)))
    assert report["by_source"] == {group: [row.to_dict() for row in rows]
                                   for group, rows in library.items()}
    everything = report["by_source"]["all"][0]
    assert everything["gold"] == report["gold"] == 3
    for key in ("spurious", "missed", "extent", "split", "merged", "per_100_gold"):
        assert everything[key] == report[key], key
    assert report["spurious"] >= 1  # the broadcast's date is in no gold
    # Without --by-source the JSON has the totals but no table.
    _, plain, _ = _run("eval", str(tmp_path), "--json")
    assert "by_source" not in json.loads(plain) and "spurious" in json.loads(plain)
