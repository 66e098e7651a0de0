"""Where a TimeBank document comes from: its news source and the kind of news that is.

TimeBank 1.2's 183 documents come from eleven sources, and its file names are their
DOCIDs, which open with the source's code: ``APW19980213.1310``, ``wsj_0006``,
``ea980120.1830.0071``. A tagger tuned on the whole corpus is tuned mostly on one of
them (the Wall Street Journal's business pages hold about 70 % of the gold TIMEX3s), so
scores are also given by source and by *kind* (wire copy, broadcast transcripts,
newspapers) and the sources are split in two halves, one to develop rules on and one to
check that they generalise (issue 15). The table below is the whole mapping:

====== ============================================================== ==========
code   source                                                         kind
====== ============================================================== ==========
AP     Associated Press (1990)                                        wire
APW    Associated Press Worldstream (TDT2, 1998)                      wire
NYT    New York Times News Service (TDT2, 1998): the paper's stories  newspaper
SJMN   San Jose Mercury News (TIPSTER, 1991)                          newspaper
WSJ    Wall Street Journal, mostly business pages (1989-91)           newspaper
ABC    ABC World News Tonight transcripts (TDT2)                      broadcast
CNN    CNN Headline News transcripts (TDT2)                           broadcast
PRI    Public Radio International, The World (TDT2)                   broadcast
VOA    Voice of America English news (TDT2)                           broadcast
EA     ACE broadcast transcripts ``ea``: ABC's 18:30 slot             broadcast
ED     ACE broadcast transcripts ``ed``: CNN's 11:30 slot             broadcast
====== ============================================================== ==========

The code is the file name's leading letters, upper-cased (``wsj_0006`` and
``WSJ900813-0157`` are both WSJ); any other code is a source of kind ``other``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePath

import attrs

from timeline.timeml.score import Evaluation, GroupScore

#: The kinds of news, in the order tables show them; ``other`` is any source not below.
KINDS = ("wire", "newspaper", "broadcast", "other")


@attrs.frozen
class Source:
    """A news source: its ``code`` (as file names open), its ``name`` and its ``kind``."""

    code: str
    name: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))


SOURCES: Mapping[str, Source] = {source.code: source for source in (
    Source("AP", "Associated Press", "wire"),
    Source("APW", "Associated Press Worldstream", "wire"),
    Source("NYT", "New York Times News Service", "newspaper"),
    Source("SJMN", "San Jose Mercury News", "newspaper"),
    Source("WSJ", "Wall Street Journal", "newspaper"),
    Source("ABC", "ABC World News Tonight", "broadcast"),
    Source("CNN", "CNN Headline News", "broadcast"),
    Source("PRI", "Public Radio International, The World", "broadcast"),
    Source("VOA", "Voice of America", "broadcast"),
    Source("EA", "ACE broadcast news (ABC)", "broadcast"),
    Source("ED", "ACE broadcast news (CNN)", "broadcast"),
)}

#: The halves of the sources: rules are written looking at ``develop`` only, and a change
#: counts as general when ``check`` does not lose by it. Wire copy is where rule authors
#: look (it is most like the news the tagger meets); newspapers (with the business pages
#: that are most of TimeBank) and broadcast transcripts (spoken numbers, no datelines) are
#: the register shifts a rule written on wire copy must survive.
SPLIT: Mapping[str, tuple[str, ...]] = {"develop": ("wire",),
                                        "check": ("newspaper", "broadcast")}

_CODE = re.compile(r"[A-Za-z]+")


def source_of(file: str) -> Source:
    """The source of a document from its file name or DOCID (its leading letters).

    >>> source_of("APW19980213.1310.tml").kind, source_of("wsj_0006.tml").code
    ('wire', 'WSJ')
    >>> source_of("notes/doc1.tml")
    Source(code='DOC', name='unknown source', kind='other')
    """
    found = _CODE.match(PurePath(file).name)
    code = found.group().upper() if found else "?"
    return SOURCES.get(code) or Source(code, "unknown source", "other")


def half_of(kind: str) -> str | None:
    """``develop`` or ``check`` for a kind of news; ``None`` for a kind in neither half."""
    for half, kinds in SPLIT.items():
        if kind in kinds:
            return half
    return None


def source_order(code: str) -> tuple[int, str]:
    """Sort key for source codes: by kind in ``KINDS`` order, then by code."""
    source = SOURCES.get(code)
    return (KINDS.index(source.kind) if source else len(KINDS)), code


def by_source(evaluation: Evaluation) -> dict[str, list[GroupScore]]:
    """An evaluation summed by ``source`` (by kind, then code), by ``kind`` of news, by
    ``half`` of ``SPLIT`` (a kind in neither is ``other``), and over ``all`` documents.

    Group names are source codes, kinds, halves and ``all``; the same documents give the
    same groups in the same order, so two systems' tables line up row by row.
    """
    def kind(file: str) -> str:
        return source_of(file).kind

    return {"source": evaluation.groups(lambda file: source_of(file).code, source_order),
            "kind": evaluation.groups(kind, KINDS.index),
            "half": evaluation.groups(lambda file: half_of(kind(file)) or "other",
                                      [*SPLIT, "other"].index),
            "all": [GroupScore.of("all", evaluation.documents)]}


__all__ = ["KINDS", "SOURCES", "SPLIT", "Source", "by_source", "half_of", "source_of",
           "source_order"]
