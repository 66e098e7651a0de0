"""The fuzz harness itself finds what it should: a harness that swallowed a crash would pass
every parser (#13)."""

from __future__ import annotations

import random
import time
from pathlib import Path

import fuzz_inputs as gen
import pytest
from fuzz_targets import TARGETS, Target, Violation, fuzz, input_rng

from timeline.errors import ResolveError


def _crash(case: int, _: Path) -> None:
    if case % 3 == 0:
        raise ResolveError("refused")
    if case % 3 == 1:
        raise KeyError(case)
    raise Violation("odd", str(case))


def test_findings_are_grouped_with_their_shortest_reproducer() -> None:
    target = Target("synthetic", lambda rng, _: rng.randrange(10**rng.randint(1, 6)), _crash,
                    lambda case: str(case))
    report = fuzz(target, 60, seed=1)
    assert report.tried == 60
    assert not report.clean
    assert report.refused + report.exceptions_count + report.violations_count == 60
    (key, group), = report.exceptions.items()
    assert key.startswith("KeyError at ") and "test_fuzz_harness.py" in key
    shown = [str(input_rng(1, "synthetic", i).randrange(10**input_rng(1, "synthetic", i)
                                                           .randint(1, 6))) for i in range(60)]
    assert group.reproducer == min((s for s in shown if int(s) % 3 == 1), key=len)
    assert shown[group.index] == group.reproducer  # the index regenerates it
    assert set(report.violations) == {"odd"}


def test_an_input_over_its_limit_is_reported_slow() -> None:
    target = Target("sleepy", lambda rng, _: 0, lambda case, _: time.sleep(5), limit=0.05)
    report = fuzz(target, 2)
    assert report.slow.count == 2 and not report.exceptions


def test_each_input_has_its_own_empty_folder_removed_after(tmp_path: Path) -> None:
    seen: list[Path] = []

    def run(case: int, folder: Path) -> None:
        assert list(folder.iterdir()) == []
        seen.append(folder)

    fuzz(Target("folders", lambda rng, _: 0, run), 3, base=tmp_path)
    assert len(set(seen)) == 3 and not any(path.exists() for path in seen)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_inputs_are_reproducible_from_seed_and_index(name: str, tmp_path: Path) -> None:
    target = TARGETS[name]
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    shown = [target.show(target.make(input_rng(5, name, 7), folder)) for folder in (first, second)]
    assert shown[0].replace(str(first), "") == shown[1].replace(str(second), "")


def test_generators_reach_the_hostile_cases() -> None:
    rng = random.Random(2)
    texts = [gen.running_text(rng) for _ in range(400)]
    joined = "".join(texts)
    assert any(c in joined for c in gen.PLACEHOLDERS)
    assert any(c in joined for c in gen.SURROGATES)
    assert any(c in joined for c in gen.BIDI)
    assert any(chr(zero + 1) in joined for zero in gen.ZEROS)
    anchors = [gen.anchor(rng) for _ in range(400)]
    assert {a.year for a in anchors} >= {1, 9999}
    assert any(getattr(getattr(a, "tzinfo", None), "key", None) == "Australia/Lord_Howe"
               for a in anchors)


def test_a_range_of_indices_runs_the_same_inputs_as_the_whole_run() -> None:
    """``start`` splits one run across processes: indices 4-9 are the whole run's last six."""
    def runs(start: int) -> list[int]:
        seen: list[int] = []
        target = Target("ranged", lambda rng, _: rng.randrange(10**9),
                        lambda case, _: seen.append(case))
        report = fuzz(target, 10, seed=3, start=start)
        assert report.tried == 10 - start
        return seen
    assert runs(4) == runs(0)[4:]
