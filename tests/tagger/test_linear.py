"""The scanner's work grows linearly with its input, even on text built to make it explode.

Compared by ratio (100 kB against 10 kB), never by absolute time: a linear scanner takes
about 10 times as long, a quadratic one 100 times.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

import pytest

from timeline.tagger.scan import default_scanner

ANCHOR = date(2025, 2, 24)


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "digit run": _repeat("1"),
    "digits and commas": _repeat("1,234,"),
    "the 1 of the 1 of": _repeat("the 1 of "),
    "month names without spaces": _repeat("JanuaryFebruaryMarchMay"),
    "nested parentheses": lambda size: "(" * (size // 2) + ")" * (size // 2),
    "no spaces": _repeat("a"),
    "dense expressions": _repeat("last week Monday the end of this year by 2030 "),
    "almost expressions": _repeat("the end of the end of the end of "),
    "numbers and units": _repeat("3 years 2 days a few "),
    "spaces": _repeat(" \n"),
}


def _seconds(text: str) -> float:
    """Seconds per scan: the best of two rounds, each long enough (50 ms) to rise above
    timer and scheduler noise on a busy machine."""
    scanner = default_scanner()
    best = float("inf")
    for _ in range(2):
        runs, start = 0, time.perf_counter()
        while True:
            scanner.scan(text, ANCHOR)
            runs += 1
            elapsed = time.perf_counter() - start
            if elapsed >= 0.05:
                break
        best = min(best, elapsed / runs)
    return best


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_linear(name: str) -> None:
    make = ADVERSARIAL[name]
    small, large = make(10_000), make(100_000)
    _seconds(small)  # warm up: rule tables, caches
    ratio = _seconds(large) / _seconds(small)
    assert ratio < 30, f"{name}: 10x the input took {ratio:.1f}x the time"
