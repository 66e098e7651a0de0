"""Actors in an article (``timeline.draft.actors``): names, titles, kinds, aliases, matching."""

from __future__ import annotations

from typing import Any

import pytest

from timeline.draft.actors import (
    find_actors,
    load_actor_lexicon,
    matches,
)
from timeline.draft.candidate import Actor

LEXICON = load_actor_lexicon()


def _actors(text: str) -> list[Actor]:
    """The text's actors in the order they are first mentioned."""
    seen: dict[int, Actor] = {}
    for mention in find_actors(text):
        seen.setdefault(id(mention.actor), mention.actor)
    return list(seen.values())


def _row(actor: Actor) -> str:
    return f"{actor.name}|{actor.kind.value}|{actor.title or '-'}"


@pytest.mark.parametrize("example", LEXICON.examples, ids=lambda e: e["text"][:40])
def test_actors_toml_examples(example: dict[str, Any]) -> None:
    actors = _actors(example["text"])
    assert [_row(a) for a in actors] == example["actors"]
    by_name = {a.name: a for a in actors}
    for name, aliases in example.get("aliases", {}).items():
        for alias in aliases:
            assert by_name[name].named_by(alias), (name, alias, by_name[name].aliases)
            assert matches(alias, by_name[name]), (name, alias)
    names = {a.name for a in actors} | {alias for a in actors for alias in a.aliases}
    for word in example.get("not_actors", []):
        assert word not in names
