"""The corpora ``benchmarks/bench_scale.py`` generates (issue 16): valid, as documented.

A small one is enough to hold the generator to the format and to what it promises: about
three claims an event of every kind, no conflict, and one order conflict when the
contradicting claim is added. Its timings are the benchmark's, never asserted here.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from types import ModuleType

import pytest
from benchmark_scripts import load_script

import timeline


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("bench_scale")


def test_a_generated_corpus_loads_without_conflicts(bench: ModuleType, tmp_path: Path) -> None:
    info = bench.generate(tmp_path / "plain", 120)
    tl = timeline.load(tmp_path / "plain")
    assert len(tl) == info["events"] == 480
    assert sum(len(e.claims) for e in tl.events) == info["claims"]
    assert list(tl.conflicts) == []
    claims = [c for e in tl.events for c in e.claims]
    assert {c.status.value for c in claims} == {"occurred", "reported", "scheduled",
                                                 "expected"}
    assert all(any(getattr(c, key) is not None for c in claims)
               for key in ("when", "date", "after", "relative_to"))
    # Every event may lie on the day the generator meant (an event of the last articles,
    # placed only after another, has no end).
    for event in tl.events:
        day = datetime.combine(bench._event_day(int(event.id.removeprefix("ev-"))), time())
        hull = event.time.hull
        assert hull.start is not None and hull.start <= day
        assert hull.end is None or day < hull.end


def test_the_contradicting_claim_is_one_order_conflict(bench: ModuleType,
                                                       tmp_path: Path) -> None:
    info = bench.generate(tmp_path / "bad", 120, contradiction=True)
    tl = timeline.load(tmp_path / "bad")
    view = tl.as_of(date.fromisoformat(str(info["quarter"])))
    assert "ev-1" in {c.event for c in view.conflicts}
    assert all(c.kind == "order" for c in view.conflicts)
