"""The tagger benchmark's per-source table (#15): rows of both systems side by side, saved
and read back, each number with its change, the halves' verdicts and the spurious target."""

from __future__ import annotations

import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

from timeline.timeml.score import Evaluation, Scored, score_document

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_tagger.py"


@pytest.fixture(scope="module")
def bench() -> SimpleNamespace:
    """The script's functions (run under its own name, so its ``main`` does not run)."""
    return SimpleNamespace(**runpy.run_path(str(SCRIPT), run_name="bench_tagger"))


def spans(*pairs: tuple[int, int]) -> list[Scored]:
    return [Scored(a, b, "x", "DATE", "1998", None) for a, b in pairs]


GOLD = spans((0, 4), (10, 14), (20, 24), (30, 34))


def run(bench: SimpleNamespace, name: str, system: list[Scored]) -> object:
    """A run over a wire document and a newspaper one, both tagged ``system``."""
    documents = tuple(score_document(GOLD, system, file=file)
                      for file in ("APW19980213.1310.tml", "wsj_0006.tml"))
    return bench.Run(name, Evaluation(documents, 100, 1.0), 0.0, "")


def test_rows_line_up_and_show_their_change(bench: SimpleNamespace, tmp_path: Path) -> None:
    # Before: one gold missed, one spurious; after: all found, the spurious one cut too long.
    old = run(bench, "timeline", spans((0, 4), (10, 14), (20, 24), (50, 54)))
    new = run(bench, "timeline", spans((0, 4), (10, 14), (20, 24), (30, 36)))
    peer = run(bench, "peer", spans((0, 4)))
    saved = tmp_path / "before.json"
    bench.save_table(saved, bench.source_table([old, peer]), Path("gold"), 2)
    before = bench.read_before(saved)
    table = bench.source_table([new, peer])
    assert list(table["timeline"]) == ["APW", "WSJ", "wire", "newspaper", "develop", "check",
                                       "all"]
    apw = table["timeline"]["APW"]
    assert (apw["label"], apw["gold"], apw["spurious"], apw["missed"], apw["extent"]) == (
        "wire", 4, 0.0, 0.0, 25.0)
    assert before["timeline"]["APW"]["spurious"] == 25.0
    lines = bench.source_lines(table, before)
    assert lines[0].split()[:5] == ["group", "system", "docs", "gold", "spurious"]
    first, second = lines[1].split(), lines[2].split()
    # The source's rows: ours, then the peer's under it without the name repeated.
    assert first[:6] == ["APW", "wire", "timeline", "1", "4", "0.0"]
    assert first[6] == "-25.0" and first[7:11] == ["0.0", "-25.0", "25.0", "+25.0"]
    assert second[:3] == ["peer", "1", "4"] and second[4] == "+0.0"
    halves = bench.source_lines(table, None, ["develop", "check", "all"])
    assert [line.split()[0] for line in halves[1::2]] == ["develop", "check", "all"]
    verdicts = bench.split_verdicts(table, before)
    assert "  timeline on develop: 5 better, 1 worse, 1 the same of 7 numbers" in verdicts
    assert "  peer on check: 0 better, 0 worse, 7 the same of 7 numbers" in verdicts


def test_before_must_be_a_saved_table(bench: SimpleNamespace, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"strict": 1}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"--before .*wrong\.json: not a table saved by"):
        bench.read_before(wrong)
    with pytest.raises(ValueError, match="not a table"):
        bench.read_before(tmp_path / "missing.json")


def test_the_spurious_target_is_checked_source_by_source(bench: SimpleNamespace) -> None:
    ours = run(bench, "timeline", spans((0, 4), (10, 14), (20, 24), (30, 34), (50, 54)))
    checks = dict(bench.targets(ours, None))
    assert checks["spurious per 100 gold on APW 25.0 <= 4 (4 gold)"] is False
    assert checks["spurious per 100 gold on WSJ 25.0 <= 4 (4 gold)"] is False
    clean = dict(bench.targets(run(bench, "timeline", GOLD), None))
    assert clean["spurious per 100 gold on APW 0.0 <= 4 (4 gold)"] is True
