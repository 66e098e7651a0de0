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

#: ``pytest --hypothesis-profile=stress`` digs deeper than the default 100 examples a test.
settings.register_profile("stress", max_examples=3000)
