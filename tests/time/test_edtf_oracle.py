"""EDTF checked against an independent reader, the ``edtf`` package (test-only, optional).

Our strings must parse there, and where it computes strict bounds they must equal our
intervals (with EDTF's closed end). It is skipped where the oracle is known to differ or
fail: datetime intervals (the LoC profile admits only dates in intervals), qualified
sub-year groupings (``2025-22~``), open ends (its strict bounds raise), and winter (it
truncates winter to December).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from strategies import granule_values

from timeline.time.granularity import Granularity
from timeline.time.value import Mod, TimeValue

edtf_lib = pytest.importorskip("edtf", reason="the edtf package is a test-only oracle")

G = Granularity


def _bounds(text: str) -> tuple[datetime, datetime]:
    parsed = edtf_lib.parse_edtf(text)
    lower = edtf_lib.struct_time_to_date(parsed.lower_strict())
    upper = edtf_lib.struct_time_to_date(parsed.upper_strict())
    return datetime(lower.year, lower.month, lower.day), datetime(upper.year, upper.month,
                                                                   upper.day)


@given(granule_values())
def test_independent_reader_agrees(v: TimeValue) -> None:
    edtf = v.edtf
    assert edtf is not None and v.interval is not None and v.granularity is not None
    if "T" in edtf:
        return  # the LoC profile (and the oracle) admit only dates in intervals
    if v.mod is Mod.APPROX and v.granularity in (G.SEASON, G.QUARTER, G.HALF):
        return  # the oracle rejects a qualified sub-year grouping (2025-22~)
    edtf_lib.parse_edtf(edtf)  # parses
    if ".." in edtf or "~" in edtf:
        return  # the oracle cannot give open bounds; ~ is widened by us, not by it
    if v.value.endswith("-WI"):
        return  # the oracle truncates winter to December
    lower, upper = _bounds(edtf)
    assert v.interval.start == lower
    assert v.interval.end == upper + timedelta(days=1)  # EDTF's closed end


def test_independent_reader_on_examples() -> None:
    assert _bounds("2025-02-17/2025-02-23") == (datetime(2025, 2, 17), datetime(2025, 2, 23))
    assert _bounds("2025-21") == (datetime(2025, 3, 1), datetime(2025, 5, 31))
    assert _bounds("2025-33") == (datetime(2025, 1, 1), datetime(2025, 3, 31))
    assert _bounds("199X") == (datetime(1990, 1, 1), datetime(1999, 12, 31))

