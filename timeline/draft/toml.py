"""The draft written into the user's ``events.toml``: new events added, the user's text kept.

A draft is a proposal the user edits by hand, so a re-run must never undo their work:
``update_events_toml`` keeps their file byte for byte (comments, order, formatting, the
events they confirmed, edited or deleted) and only appends the new events, then rewrites
the one part that belongs to the draft step, the ``[draft]`` table of what it has proposed
(``timeline.model.memory``), always last in the file. The table is found by a TOML-aware
scan of the file's statements (strings and arrays that span lines are skipped whole, so a
``[draft]`` inside a multi-line string is not taken for a header), never by a pattern over
the whole text. Wherever the user moved the table, it is taken out there (with the comment
and the one blank line the draft writes before it) and written again at the end: the rest
of their text stays as it was, in order.

The caller decides what is new (``unseen``: the candidates whose fingerprints the file has
not remembered) and writes the text it returns atomically (``timeline.model.files``).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import partial

import attrs

from timeline.draft.candidate import Candidate
from timeline.errors import CorpusError
from timeline.model.article import Article
from timeline.model.event import EventSpec, check_specs
from timeline.model.load import EVENTS, draft_memory_of, events_from_toml, parse_toml
from timeline.model.memory import DRAFT, DraftMemory, check_fingerprints
from timeline.model.problems import Problems
from timeline.model.save import events_toml

#: The head of a drafted file: what it is and how to confirm, edit and delete.
HEADER = """\
# A draft timeline, written by `timeline draft` from the articles in sources.toml.
# Check each event against its quotes: keep it to confirm it, edit any field, merge two
# events (move the claims of one into the other and delete it) or delete what is wrong.
# `maybe_same` names events that may be this one: merge them, or remove the key (and remove
# an event's id from every `maybe_same` when you delete it). Run `timeline draft` again to
# add what new articles say: it adds only statements it has not proposed before, after your
# events, and never changes them. See docs/corpus-format.md.
"""
#: Before each batch of events a re-run appends.
BATCH = "# Added by `timeline draft`: check, edit or delete them.\n"
#: Before the ``[draft]`` table; recognised (line for line) and rewritten with it.
MEMORY = ("# What `timeline draft` has proposed before, kept even for what you deleted: it "
          "never\n# proposes these statements again. Written by it; keep this table last.\n")
#: An event id is at most this long (``timeline.model.event``).
_ID_LENGTH = 80


def unseen(candidates: Iterable[Candidate], memory: DraftMemory) -> list[Candidate]:
    """The candidates the draft has not proposed before (``memory``, the file's ``[draft]``
    table), in the order given: what a re-run may add. One the user kept, edited or deleted
    is remembered either way, so it never comes back."""
    return [c for c in candidates if c.fingerprint not in memory]


def update_events_toml(existing: str | None, new: Sequence[EventSpec], *,
                       articles: Mapping[str, Article], seen: Iterable[str],
                       maybe_same: Mapping[str, Sequence[str]] | None = None,
                       file: str | None = EVENTS) -> str:
    """``events.toml`` with ``new`` events added and ``seen`` fingerprints remembered.

    ``existing`` is the file's text (``None`` or blank: there is none, and a fresh draft
    is written: a header saying how to edit it, the events, the ``[draft]`` table). Else
    the user's text is kept character for character and must load as it is (with
    ``articles``: its problems are the ``CorpusError`` loading gives, naming ``file``);
    ``new`` events follow it, each id made unique against the file's (``-2``, ``-3``...,
    with the new events' ``before``/``after``/``relative_to``/``maybe_same`` references to
    each other renamed alike; a reference to an id no new event has is to the file's
    event), and last the ``[draft]`` table with the old fingerprints and ``seen``.

    ``maybe_same`` adds suggestions: new event id -> ids (of new events or the file's) it
    may be the same as; a pair of the file's own events cannot be written without editing
    the user's text, so it is a ``CorpusError``. The result loads with ``timeline.load``,
    and a second call with nothing new returns it unchanged.
    """
    remembered = check_fingerprints(seen, entry="the draft's statements")
    fresh = existing is None or not existing.strip()
    text = "" if existing is None or fresh else existing
    old: list[EventSpec] = []
    memory = DraftMemory()
    extent: tuple[int, int] | None = None
    if not fresh:
        document = parse_toml(text, file=file)
        old = events_from_toml(document, articles.values(), file=file)
        memory = draft_memory_of(document, file=file)
        extent = _draft_extent(text, document, file=file)
    added = _added(old, new, maybe_same or {})
    newline = "\r\n" if "\r\n" in text else "\n"

    def ours(part: str) -> str:  # what the draft writes, in the file's own line breaks
        return part if newline == "\n" else part.replace("\n", newline)

    block = _memory_table(memory.seen | remembered)
    if fresh:
        out = HEADER + "\n" + events_toml(added, articles) + "\n" + block
    else:
        user = text if extent is None else text[:extent[0]] + text[extent[1]:]
        out = user if not user or user.endswith("\n") else user + newline
        if added:
            out += ours("\n" + BATCH + events_toml(added, articles))
        out += ours("\n" + block)
    _check_result(out, len(old) + len(added), file)
    return out


def _added(old: Sequence[EventSpec], new: Sequence[EventSpec],
           suggestions: Mapping[str, Sequence[str]]) -> list[EventSpec]:
    """The new events as they will be written: ids unique against the file's, references
    among them renamed alike, the extra suggestions on the new side of each pair; checked
    with the file's events as loading checks them."""
    problems = Problems(file=None)
    ids = [spec.id for spec in new]
    for event_id in sorted(i for i, n in Counter(ids).items() if n > 1):
        problems.add("id", "duplicate id among the new events", entry=f"event {event_id!r}")
    problems.raise_any()
    ours = set(ids)
    extra: dict[str, dict[str, None]] = {i: dict.fromkeys(s.maybe_same) for i, s in
                                          zip(ids, new, strict=True)}
    for key, others in suggestions.items():
        for other in [others] if isinstance(others, str) else others:
            if other in ours and key in extra[other]:
                continue  # written on the other side already: once is enough
            if key in ours:
                extra[key][other] = None
            elif other in ours:
                extra[other][key] = None
            else:
                problems.add("maybe_same", f"a suggestion between {key!r} and {other!r}, "
                                           f"neither of them a new event",
                             entry=f"event {key!r}")
    problems.raise_any()
    taken = {spec.id for spec in old}
    names: dict[str, str] = {}
    for event_id in ids:
        names[event_id] = _free(event_id, taken)
        taken.add(names[event_id])
    added = [problems.attempt(partial(_renamed, spec, names, extra[spec.id])) for spec in new]
    problems.raise_any()
    written = [spec for spec in added if spec is not None]
    check_specs([*old, *written], problems)
    problems.raise_any()
    return written


def _free(event_id: str, taken: set[str]) -> str:
    """``event_id``, or the first of ``event_id-2``, ``-3``... no event has (cut to fit)."""
    if event_id not in taken:
        return event_id
    n = 2
    while True:
        suffix = f"-{n}"
        name = event_id[:_ID_LENGTH - len(suffix)] + suffix
        if name not in taken:
            return name
        n += 1


def _renamed(spec: EventSpec, names: Mapping[str, str],
             maybe_same: Iterable[str]) -> EventSpec:
    """``spec`` under its new id, its references to other new events renamed."""
    def rename(event_id: str | None) -> str | None:
        return None if event_id is None else names.get(event_id, event_id)

    name = names[spec.id]
    claims = [attrs.evolve(c, event=name, before=rename(c.before), after=rename(c.after),
                           relative_to=rename(c.relative_to)) for c in spec.claims]
    return EventSpec.build(name, spec.title, claims, actors=spec.actors, place=spec.place,
                           note=spec.note,
                           maybe_same=[names.get(o, o) for o in maybe_same])


def _memory_table(seen: Iterable[str]) -> str:
    """The ``[draft]`` table with its comment: one fingerprint a line, sorted, so that a
    re-run writes the same text and a diff shows what was added."""
    fingerprints = sorted(seen)
    body = "".join(f'  "{f}",\n' for f in fingerprints)
    return MEMORY + f"[{DRAFT}]\n" + (f"seen = [\n{body}]\n" if body else "seen = []\n")


def _check_result(out: str, events: int, file: str | None) -> None:
    """The text reads back with every event: a file that holds ``events`` as a static array
    (``events = [...]``) cannot take ``[[events]]`` tables after it, and says so."""
    try:
        document = tomllib.loads(out)
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"the draft's events cannot be added to this file ({exc}); write "
                          f"its events as [[events]] tables", file=file) from None
    tables = document.get("events", [])
    if not isinstance(tables, list) or len(tables) != events:
        raise CorpusError("the draft's events cannot be added to this file; write its "
                          "events as [[events]] tables", file=file, field="events")


# -- the file's statements, for the [draft] table's extent ----------------------------------

@attrs.frozen
class Statement:
    """One statement of a TOML file: a blank line, a comment line, a table header or a
    key/value pair (which may span lines); ``end`` is after its line break."""

    kind: str  # "blank", "comment", "header", "pair"
    start: int
    end: int
    key: str = ""  # a header's key as written, without its brackets


#: What ends or changes a key/value pair: a line break, a comment, a bracket, a quote.
_PAIR_STOP = re.compile(r"[\n#\[\]{}\"']")
_BASIC_STOP = re.compile(r'[\\"]')


def statements(text: str) -> list[Statement]:
    """The statements of a TOML document, in order, covering the text (which must be valid
    TOML: ``tomllib`` has read it). Linear: each character is looked at a bounded number of
    times."""
    out: list[Statement] = []
    i, n = 0, len(text)
    while i < n:
        j = i
        while j < n and text[j] in " \t":
            j += 1
        if j == n or text[j] in "\r\n":
            out.append(Statement("blank", i, _line_end(text, j)))
        elif text[j] == "#":
            out.append(Statement("comment", i, _line_end(text, j)))
        elif text[j] == "[":
            opening = 2 if text.startswith("[[", j) else 1
            close = _header_close(text, j + opening)
            out.append(Statement("header", i, _line_end(text, close),
                                 key=text[j + opening:close]))
        else:
            out.append(Statement("pair", i, _pair_end(text, j)))
        i = out[-1].end
    return out


def _line_end(text: str, at: int) -> int:
    """After the line break that ends the line ``at`` is on (the text's end if none)."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end + 1


def _header_close(text: str, at: int) -> int:
    """The ``]`` that closes a header's key starting at ``at`` (quoted keys skipped)."""
    while at < len(text) and text[at] != "]":
        at = _string_end(text, at) if text[at] in "\"'" else at + 1
    return at


def _pair_end(text: str, at: int) -> int:
    """After the line break that ends the key/value pair starting at ``at``: the first
    one outside strings, comments and brackets."""
    depth = 0
    while True:
        found = _PAIR_STOP.search(text, at)
        if found is None:
            return len(text)
        at, char = found.start(), found.group()
        if char == "\n":
            if depth <= 0:
                return at + 1
            at += 1
        elif char == "#":
            end = text.find("\n", at)
            at = len(text) if end < 0 else end  # the line break is looked at next
        elif char in "[{":
            depth, at = depth + 1, at + 1
        elif char in "]}":
            depth, at = depth - 1, at + 1
        else:
            at = _string_end(text, at)


def _string_end(text: str, at: int) -> int:
    """After the string that starts at ``at`` (basic or literal, one line or several)."""
    quote = text[at]
    if text.startswith(quote * 3, at):
        if quote == "'":
            end = text.find("'''", at + 3)
            end = len(text) if end < 0 else end + 3
        else:
            end = _basic_end(text, at + 3, multiline=True)
        extra = 0  # up to two quotes may stand before the closing three
        while extra < 2 and end < len(text) and text[end] == quote:
            end, extra = end + 1, extra + 1
        return end
    if quote == "'":
        end = text.find("'", at + 1)
        return len(text) if end < 0 else end + 1
    return _basic_end(text, at + 1, multiline=False)


def _basic_end(text: str, at: int, *, multiline: bool) -> int:
    """After the closing quote(s) of a basic string whose content starts at ``at``."""
    while True:
        found = _BASIC_STOP.search(text, at)
        if found is None:
            return len(text)
        at = found.start()
        if found.group() == "\\":
            at += 2
        elif not multiline:
            return at + 1
        elif text.startswith('"""', at):
            return at + 3
        else:
            at += 1


def _header_path(key: str) -> tuple[str, ...]:
    """A header's key as names (``"draft"`` and ``[ 'draft' ]`` alike): TOML's own reading
    of it, as the key of a pair."""
    node: object = tomllib.loads(f"{key} = 0")
    path: list[str] = []
    while isinstance(node, dict):
        (name, node), = node.items()
        path.append(name)
    return tuple(path)


def _draft_extent(text: str, document: Mapping[str, object], *,
                  file: str | None) -> tuple[int, int] | None:
    """Where the ``[draft]`` table is: from the one blank line and the ``MEMORY`` comment
    the draft writes before its header (when there) to the end of its last pair; ``None``
    when the file has none. Comments and blank lines after its last pair are the user's
    and stay. A ``draft`` written another way (``draft = {...}``, ``draft.seen = [...]``)
    is a ``CorpusError``: the draft rewrites only a table of its own."""
    if DRAFT not in document:
        return None
    found = statements(text)
    at = next((k for k, s in enumerate(found)
               if s.kind == "header" and _is_draft(text, s)), None)
    if at is None:
        raise CorpusError("the draft's memory is written here other than as a [draft] table "
                          "of its own; write it as a [draft] table with a 'seen' list",
                          file=file, field=DRAFT)
    end = found[at].end
    for statement in found[at + 1:]:
        if statement.kind == "header":
            break
        if statement.kind == "pair":
            end = statement.end
    start = at
    comment = MEMORY.splitlines()
    before = found[max(0, at - len(comment)):at]
    if [text[s.start:s.end].rstrip("\r\n") for s in before] == comment:
        start = at - len(comment)
    if start > 0 and text[found[start - 1].start:found[start - 1].end] in ("\n", "\r\n"):
        start -= 1
    return found[start].start, end


def _is_draft(text: str, statement: Statement) -> bool:
    """A ``[draft]`` header (a table, not an array of tables)."""
    opening = text[statement.start:statement.end].lstrip(" \t")
    return not opening.startswith("[[") and _header_path(statement.key) == (DRAFT,)


__all__ = ["BATCH", "HEADER", "MEMORY", "Statement", "statements", "unseen",
           "update_events_toml"]
