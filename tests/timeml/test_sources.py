"""News sources from TimeBank file names, and scores summed by source, kind and half (#15)."""

from __future__ import annotations

import pytest

from timeline.timeml.score import DocumentScore, Evaluation, Scored, score_document
from timeline.timeml.sources import KINDS, SOURCES, SPLIT, Source, by_source, half_of, source_of


@pytest.mark.parametrize(("file", "code", "kind"), [
    ("APW19980213.1310.tml", "APW", "wire"),
    ("AP900815-0044.tml", "AP", "wire"),
    ("wsj_0006.tml", "WSJ", "newspaper"),
    ("WSJ900813-0157.tml", "WSJ", "newspaper"),
    ("/corpora/timebank/NYT19980206.0460.tml", "NYT", "newspaper"),
    ("SJMN91-06338157.tml", "SJMN", "newspaper"),
    ("ea980120.1830.0071.tml", "EA", "broadcast"),
    ("ed980111.1130.0089", "ED", "broadcast"),
    ("VOA19980303.1600.0917.tml", "VOA", "broadcast"),
    ("doc1.tml", "DOC", "other"),
    ("123.tml", "?", "other"),
])
def test_the_source_is_the_file_names_leading_letters(file: str, code: str, kind: str) -> None:
    source = source_of(file)
    assert (source.code, source.kind) == (code, kind)


def test_every_known_kind_is_in_one_half() -> None:
    assert {source.kind for source in SOURCES.values()} == set(KINDS) - {"other"}
    assert {half_of(source.kind) for source in SOURCES.values()} == set(SPLIT)
    assert half_of("other") is None
    with pytest.raises(ValueError, match="kind"):
        Source("X", "x", "magazine")


def document(file: str, found: int, spurious: int) -> DocumentScore:
    """A document with one gold TIMEX3 per ``found``+1, all but one found, and ``spurious``
    system TIMEX3s overlapping none."""
    gold = [Scored(10 * i, 10 * i + 4, "x", "DATE", "1998", None) for i in range(found + 1)]
    system = gold[:found] + [Scored(500 + 10 * i, 504 + 10 * i, "y", "DATE", "1998", None)
                             for i in range(spurious)]
    return score_document(gold, system, file=file)


def test_by_source_sums_each_source_kind_and_half() -> None:
    documents = [document("wsj_0001.tml", 3, 1), document("APW1998.tml", 1, 0),
                 document("WSJ90.tml", 1, 0), document("CNN1998.tml", 0, 2),
                 document("notes.tml", 1, 1)]
    table = by_source(Evaluation(tuple(documents), 0, 0.0))
    names = {group: [row.name for row in rows] for group, rows in table.items()}
    assert names == {"source": ["APW", "WSJ", "CNN", "NOTES"],
                     "kind": ["wire", "newspaper", "broadcast", "other"],
                     "half": ["develop", "check", "other"], "all": ["all"]}
    wsj = table["source"][1]
    assert (wsj.documents, wsj.counts.gold, wsj.error_counts.spurious,
            wsj.error_counts.missed) == (2, 6, 1, 2)
    check = table["half"][1]
    assert (check.documents, check.counts.gold, check.error_counts.spurious) == (3, 7, 3)
    everything = table["all"][0]
    assert everything.counts.gold == sum(row.counts.gold for row in table["source"]) == 11
    assert everything.headline()["missed"] == pytest.approx(100 * 5 / 11)
