"""Make ``tests/`` importable so test modules can say ``from strategies import ...``.

The test directories have no ``__init__.py`` (pytest's rootdir-based imports), so the
shared hypothesis strategies in ``tests/strategies.py`` are found through ``sys.path``.
"""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = str(Path(__file__).resolve().parent)
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from hypothesis import settings  # noqa: E402  (after the path set-up above, on purpose)

#: No deadline: a property is a law, not a timing; on a loaded machine (two suites at
#: once, a busy CI runner) hypothesis' 200 ms deadline failed tests for no fault of the
#: code (#13). Speed is measured in ``benchmarks/``, never asserted here.
settings.register_profile("default", deadline=None)
settings.load_profile("default")
#: ``pytest --hypothesis-profile=stress`` digs deeper than the default 100 examples a test.
settings.register_profile("stress", max_examples=3000, deadline=None)


def pytest_sessionstart(session: object) -> None:
    """Stop at once when the English rule tables do not load: every tagger test would fail
    one by one, hypothesis shrinking each, for minutes, instead of one clear line."""
    import pytest

    from timeline.errors import TimelineError
    from timeline.tagger.rules import load_rules

    try:
        load_rules()
    except TimelineError as exc:
        pytest.exit(f"the rule tables do not load: {exc}", returncode=1)


def pytest_addoption(parser: object) -> None:
    """``--run-slow`` runs the tests marked ``slow`` too (pyproject's ``markers``)."""
    parser.addoption("--run-slow", action="store_true",  # type: ignore[attr-defined]
                     help="also run the tests marked slow (Spark)")


def pytest_collection_modifyitems(config: object, items: list[object]) -> None:
    """Skip the ``slow`` tests unless ``--run-slow``: the suite stays under two minutes."""
    import pytest

    if config.getoption("--run-slow"):  # type: ignore[attr-defined]
        return
    skip = pytest.mark.skip(reason="slow (starts Spark's JVM): run with pytest --run-slow")
    for item in items:
        if "slow" in item.keywords:  # type: ignore[attr-defined]
            item.add_marker(skip)  # type: ignore[attr-defined]
