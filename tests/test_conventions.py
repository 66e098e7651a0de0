"""Every row of the tables in docs/conventions.md is a resolution that must hold."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import timeline

DOC = Path(__file__).resolve().parent.parent / "docs" / "conventions.md"
HEADER = ["expression", "anchor", "tense", "value", "mod", "interval"]


def _rows() -> list[list[str]]:
    rows: list[list[str]] = []
    in_table = False
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells == HEADER:
            in_table = True
        elif in_table and line.startswith("|") and not set(line) <= set("|- "):
            rows.append(cells)
        elif not line.startswith("|"):
            in_table = False
    return rows


ROWS = _rows()


def test_the_document_has_tables() -> None:
    assert len(ROWS) >= 30


@pytest.mark.parametrize("row", ROWS, ids=[f"{r[0]}@{r[1]}/{r[2] or '-'}" for r in ROWS])
def test_convention(row: list[str]) -> None:
    expression, anchor, tense, value, mod, interval = row
    got = timeline.resolve(expression, date.fromisoformat(anchor), tense=tense or None)
    assert got.value == value
    assert (got.mod.value if got.mod else "") == mod
    if not interval:  # a length: no place in time
        assert got.interval is None
        return
    start, end = (None if part.strip() == ".." else part.strip() for part in interval.split("/"))
    assert got.to_dict()["interval"] == [start, end]
