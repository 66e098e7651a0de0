"""``timeline.batch`` on Spark: the documented ``mapInPandas`` recipe (docs/scale.md) gives
what one process gives (#16). Slow (a JVM starts): ``pytest --run-slow``."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import newsgen
import pytest

from timeline import batch

pytestmark = pytest.mark.slow


def tag_frames(frames: Iterator[Any]) -> Iterator[Any]:
    """docs/scale.md's function: each pandas batch of records, tagged."""
    import pandas as pd

    for frame in frames:
        out = batch.tag_records(frame.to_dict("records"))
        yield pd.DataFrame({"id": [o["id"] for o in out],
                            "mentions": [json.dumps(o["mentions"]) for o in out]})


def test_map_in_pandas_tags_as_one_process_does(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas", reason="Spark's mapInPandas needs pandas")
    sql = pytest.importorskip("pyspark.sql", reason="needs pyspark (pip install pyspark)")
    if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
        pytest.skip("needs Java (17 or later) for Spark: none on PATH or JAVA_HOME")
    # The workers run this Python, which has timeline (and pandas) on its path.
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in sys.path if p))
    records = newsgen.records(20, seed=21)
    spark = (sql.SparkSession.builder.master("local[2]").appName("timeline-test")
             .config("spark.ui.enabled", "false")
             .config("spark.sql.shuffle.partitions", "2").getOrCreate())
    try:
        import pandas as pd

        frame = spark.createDataFrame(pd.DataFrame(records)).repartition(2)
        rows = frame.mapInPandas(tag_frames, "id string, mentions string").collect()
    finally:
        spark.stop()
    got = {row["id"]: json.loads(row["mentions"]) for row in rows}
    assert got == {r["id"]: r["mentions"] for r in batch.tag_records(records)}
