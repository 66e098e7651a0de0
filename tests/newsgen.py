"""Generated news articles as batch records (``timeline.batch``): many articles about a few
happenings, dated and undated reports of them, spread over some weeks, from a seed."""

from __future__ import annotations

import random
from datetime import date, timedelta

ACTORS = ["The Senate", "President Macron", "The European Union", "NATO", "Germany",
          "The UN General Assembly", "Chancellor Scholz", "The central bank", "Japan",
          "The city council"]
#: (past, base, object) of the happenings reported
ACTS = [("approved", "approve", "the budget"), ("rejected", "reject", "the resolution"),
        ("signed", "sign", "a trade deal"), ("announced", "announce", "new tariffs"),
        ("voted on", "vote on", "the ceasefire plan"), ("visited", "visit", "Kyiv")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _sentence(rng: random.Random, published: date) -> str:
    actor = rng.choice(ACTORS)
    past, base, thing = rng.choice(ACTS)
    kind = rng.randrange(8)
    if kind == 0:
        day = published - timedelta(days=rng.randrange(1, 6))
        return f"{actor} {past} {thing} on {WEEKDAYS[day.weekday()]}."
    if kind == 1:
        day = published - timedelta(days=rng.randrange(1, 40))
        return f"On {MONTHS[day.month - 1]} {day.day}, {actor.lower()} {past} {thing}."
    if kind == 2:
        return f"{actor} will {base} {thing} next week, officials said."
    if kind == 3:
        return f"{actor} {past} {thing} last month."
    if kind == 4:
        return f"{actor} {past} {thing}."  # an undated report
    if kind == 5:
        return f"{actor} has opposed {thing} since {published.year - rng.randrange(1, 4)}."
    if kind == 6:
        return f"The talks lasted {rng.choice(['two', 'three', 'four'])} hours on Friday."
    return f"{actor} {past} {thing} yesterday, and talks are expected in {rng.choice(MONTHS)}."


def records(count: int, *, seed: int = 16, days: int = 60) -> list[dict[str, str]]:
    """``count`` records (``id``, ``title``, ``text``, ``published``) published over ``days``."""
    rng = random.Random(seed)
    start = date(2025, 1, 6)
    out = []
    for number in range(count):
        published = start + timedelta(days=rng.randrange(days))
        sentences = [_sentence(rng, published) for _ in range(rng.randrange(2, 5))]
        out.append({"id": f"g{number:05d}", "title": f"Report {number}",
                    "published": published.isoformat(), "text": " ".join(sentences)})
    return out
