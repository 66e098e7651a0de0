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
    """CPU seconds per scan (this process's own: other processes, such as parallel test
    workers, do not count): the best of two rounds, each long enough (50 ms) to rise above
    timer noise; one round when a single scan already takes a quarter second, long enough
    for noise not to matter against the margin."""
    scanner = default_scanner()
    best = float("inf")
    for _ in range(2):
        runs, start = 0, time.process_time()
        while True:
            scanner.scan(text, ANCHOR)
            runs += 1
            elapsed = time.process_time() - start
            if elapsed >= 0.05:
                break
        best = min(best, elapsed / runs)
        if elapsed >= 0.25:
            break
    return best


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_linear(name: str) -> None:
    make = ADVERSARIAL[name]
    small, large = make(10_000), make(100_000)
    default_scanner().scan(small[:1_000], ANCHOR)  # warm up: rule tables, caches
    ratio = _seconds(large) / _seconds(small)
    assert ratio < 30, f"{name}: 10x the input took {ratio:.1f}x the time"
