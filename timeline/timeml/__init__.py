"""TimeML in and out, and the TempEval-3 Task A scorer.

``read_timeml`` reads a document from its path (``parse_timeml`` from its text): DCT,
plain text with offsets, gold TIMEX3s, every other annotation; ``write_timeml`` writes it
back with the system's TIMEX3s, ``to_timeml`` writes plain text and its mentions;
``score_document`` and ``evaluate`` score them; ``find_dateline`` finds the date of a plain
text that came without one. ``timeline.timeml.task4`` reads SemEval-2015 Task 4 documents
(``read_task4``) and timeline files (``read_timeline``, ``write_timeline``) and scores
timelines with the task's measure (``score``).
"""

from __future__ import annotations

from timeline.timeml.dateline import Dateline, dateline_anchor, find_dateline
from timeline.timeml.read import (
    Annotation,
    TimeMLDocument,
    TimeMLError,
    Timex,
    parse_timeml,
    read_timeml,
)
from timeline.timeml.score import Counts, Evaluation, evaluate, score_document, timeml_files
from timeline.timeml.task4 import (
    EntityTimeline,
    Task4Document,
    Task4Error,
    Task4Score,
    TimelineRow,
    read_task4,
    read_timeline,
    write_timeline,
)
from timeline.timeml.write import to_timeml, write_timeml

__all__ = [
    "Annotation",
    "Counts",
    "Dateline",
    "EntityTimeline",
    "Evaluation",
    "Task4Document",
    "Task4Error",
    "Task4Score",
    "TimeMLDocument",
    "TimeMLError",
    "TimelineRow",
    "Timex",
    "dateline_anchor",
    "evaluate",
    "find_dateline",
    "parse_timeml",
    "read_task4",
    "read_timeline",
    "read_timeml",
    "score_document",
    "timeml_files",
    "to_timeml",
    "write_timeline",
    "write_timeml",
]
