"""The suite's own set-up (``tests/conftest.py``)."""

from __future__ import annotations

from hypothesis import settings


def test_properties_have_no_deadline() -> None:
    # Issue 13: hypothesis' default 200 ms deadline failed properties on a loaded machine
    # (test_allen.py::test_narrowing_never_adds_relations during a plain run): the default
    # profile has none, and so has ``stress``.
    assert settings.default.deadline is None
    assert settings.get_profile("stress").deadline is None
    assert settings(max_examples=5).deadline is None  # per-test settings inherit it
