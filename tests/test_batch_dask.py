"""``timeline.batch`` on Dask: a ``distributed.LocalCluster`` of two worker processes gives
what one process gives, for tagging and for the draft's grouping by time blocks (#16)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsgen
import pytest

import timeline
from timeline import batch

dask_bag = pytest.importorskip("dask.bag", reason="needs dask: pip install 'timeline[dask]'")
distributed = pytest.importorskip("distributed",
                                  reason="needs distributed: pip install 'timeline[dask]'")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as connected:
        connected.run(batch.warm)  # each worker compiles the rule tables once, here
        yield connected


def test_the_documented_recipe_tags_as_one_process_does(client: Any, tmp_path: Path) -> None:
    records = newsgen.records(200, seed=11)
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    bag = dask_bag.read_text(str(path), blocksize=10_000).map(json.loads)
    assert bag.npartitions > 1
    tagged = bag.map_partitions(batch.tag_records).compute()
    assert tagged == batch.tag_records(records)
    few = dask_bag.from_sequence(records[:40], npartitions=3)
    assert batch.tag_bag(few).compute() == tagged[:40]
    assert batch.scan_bag(few).compute() == batch.scan_records(records[:40])


def test_the_draft_on_the_cluster_equals_the_draft(client: Any) -> None:
    records = newsgen.records(100, seed=12, days=120)
    bag = dask_bag.from_sequence(records, npartitions=6)
    drafted = batch.draft_bag(bag)
    assert drafted.events == timeline.draft([batch.article_of(r) for r in records]).events
