"""SemEval-2015 Task 4, Track A: entity timelines from raw articles, scored with the task's
measure (``timeline.timeml.task4``), and the key dates of the story.

    python benchmarks/semeval2015_task4.py INPUT_DIR ENTITIES_FILE OUT_DIR [--gold GOLD_DIR]
    python benchmarks/semeval2015_task4.py ... --baseline first-timex|dct   # naive baselines
    python benchmarks/semeval2015_task4.py ... --gold GOLD_DIR --calibrate  # check the scorer
    python benchmarks/semeval2015_task4.py ... --gold GOLD_DIR --key-dates  # Date-F1

Without ``--baseline`` it uses only the public draft API and maps its answer to the task's
format; the mapping makes no decision of its own:

- ``timeline.draft(articles, every_event=True)`` -> ``Draft`` (every event the articles
  tell, dated as the task's guidelines date them, pronouns resolved to their actors);
  ``Draft.about(entity, own=True)`` -> the ``Draft`` of the events the entity takes
  part in, each with the candidates that name the entity themselves;
  ``.happened()`` -> of those, the ones that occurred (the task's timelines hold no
  scheduled or expected events); ``Draft.events`` -> its ``DraftEvent``s in time order;
- one line per ``DraftEvent``: every candidate's event word (``candidate.article``, the
  DOCID, and ``candidate.event_span`` in the article's text) becomes ``DOCID-SENTID-token``;
  ORDER follows the events' order (events whose ``interval`` has the same start and end
  share one; an event with no interval is ORDER 0), DATE is ``task_date(event.interval)``.

The articles are ``timeline.Article(id=DOCID, title=headline, published=DCT, text=...)``,
the text rebuilt from the document's sentences (one a line, tokens spaced as English
prints them: ``read_task4``), so
every span the draft gives maps back to the task's tokens.

``--baseline`` writes the task's two naive baselines instead (Minard et al. 2015): every
sentence that names the entity, the first verb-looking token after the name as its event,
dated by the sentence's first time expression that is a day, a month or a year
(``timeline.tag`` on the article, against its DCT), else the DCT (``first-timex``), or
always by the DCT (``dct``); ordered by date.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import timeline
from timeline.errors import TimelineError
from timeline.model.files import replace_file
from timeline.time.interval import Interval
from timeline.time.value import TimeValue
from timeline.timeml.task4 import (
    UNKNOWN_DATE,
    EntityTimeline,
    Task4Document,
    Task4Score,
    TimelineRow,
    read_task4,
    read_timeline,
    score,
    task_date,
    timeline_files,
    write_timeline,
)

#: The README's official scores of its calibration outputs (micro P, R, F1, percent).
OFFICIAL: dict[str, tuple[float, float, float]] = {
    "gold": (100.0, 100.0, 100.0),
    "gold-first-mention-only": (100.0, 89.7872, 94.62),
    "gold-order-reversed": (75.7447, 75.7447, 75.74),
    "gold-every-other-row": (96.8992, 38.7234, 55.33),
    "gold-dates-unknown": (29.7872, 29.7872, 29.79),
    "baseline-first-timex": (19.5122, 14.0426, 16.33),
    "baseline-dct": (14.8352, 10.2128, 12.10),
}

#: The commonest irregular past forms of English: verbs by their form alone (a regular
#: past ends in -ed, a present in -s).
IRREGULAR_PAST = frozenset({
    "made", "said", "sold", "took", "began", "became", "came", "gave", "got", "went", "left",
    "bought", "built", "brought", "held", "kept", "led", "lost", "met", "paid", "ran", "saw",
    "sent", "told", "thought", "won", "wrote", "found", "fell", "grew", "rose", "spent",
    "stood", "struck", "caught", "chose", "drew", "drove", "ate", "forgot", "froze", "hid",
    "knew", "laid", "lay", "meant", "rode", "sang", "sat", "shook", "shot", "slid", "sought",
    "spoke", "stole", "swore", "taught", "threw", "understood", "woke", "wore",
})
#: Auxiliaries and modals: verbs, but not the event; the main verb after them is.
AUXILIARIES = frozenset({
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
    "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
})


class Unavailable(Exception):
    """The draft API is not there yet."""


# --- input ---------------------------------------------------------------------------------------

def read_documents(folder: Path) -> dict[str, Task4Document]:
    """Every ``*.tml`` of ``folder``, by DOCID."""
    documents: dict[str, Task4Document] = {}
    for path in sorted(folder.glob("*.tml")):
        doc = read_task4(path)
        if doc.docid in documents:
            raise TimelineError(f"{path}: DOCID {doc.docid} is also {documents[doc.docid].name}")
        documents[doc.docid] = doc
    if not documents:
        raise TimelineError(f"{folder}: no .tml documents")
    return documents


def read_entities(path: Path) -> list[str]:
    return [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def article(doc: Task4Document) -> Any:
    """The document as the library's ``Article`` (its headline as the title, else its DOCID)."""
    return timeline.Article(id=doc.docid, title=doc.headline or doc.docid,
                            published=doc.dct, text=doc.text)


# --- the draft, mapped ---------------------------------------------------------------------------

def draft_function() -> Callable[..., Any]:
    """``timeline.draft``: the package's function, or the draft subpackage's own ``draft``
    while the package attribute is the subpackage itself."""
    entry: Any = getattr(timeline, "draft", None)
    if entry is None:
        try:
            entry = importlib.import_module("timeline.draft")
        except ModuleNotFoundError as exc:
            if exc.name != "timeline.draft":
                raise  # the draft layer is there but broken: say so, do not hide it
            entry = None
    if isinstance(entry, ModuleType):
        entry = getattr(entry, "draft", None)
    if not callable(entry):
        raise Unavailable("timeline.draft is not available yet: the draft API (timeline."
                          "draft(articles) -> Draft) has not landed on this branch")
    return entry  # type: ignore[no-any-return]


def _interval_key(interval: Interval | None) -> tuple[str, str] | None:
    if interval is None:
        return None
    start, end = interval.to_iso()
    return (start or "", end or "")


def map_events(entity: str, events: Iterable[Any], documents: dict[str, Task4Document],
               problems: Counter[str]) -> EntityTimeline:
    """The task's timeline of ``entity`` from a draft's events, in the order given."""
    orders: dict[tuple[str, str], int] = {}
    rows: list[TimelineRow] = []
    for event in events:
        mentions: list[str] = []
        for candidate in event.candidates:
            doc = documents.get(candidate.article)
            if doc is None:
                problems["candidate from an unknown article"] += 1
                continue
            try:
                mention = doc.mention(*candidate.event_span)
            except TimelineError:
                problems["event span on no single token"] += 1
                continue
            if mention not in mentions:
                mentions.append(mention)
        if not mentions:
            problems["event with no mappable candidate"] += 1
            continue
        key = _interval_key(event.interval)
        if key is None:
            rows.append(TimelineRow(0, UNKNOWN_DATE, tuple(mentions)))
            continue
        order = orders.setdefault(key, len(orders) + 1)
        rows.append(TimelineRow(order, task_date(event.interval), tuple(mentions)))
    return EntityTimeline(entity, tuple(rows))


def draft_timelines(documents: dict[str, Task4Document],
                    entities: Sequence[str]) -> tuple[list[EntityTimeline], Any]:
    make = draft_function()
    articles = [article(d) for d in documents.values()]
    began = time.perf_counter()
    draft = make(articles, every_event=True)
    print(f"timeline.draft: {len(articles)} articles in {time.perf_counter() - began:.2f} s, "
          f"{len(draft.events)} events", file=sys.stderr)
    problems: Counter[str] = Counter()
    timelines = [map_events(entity, draft.about(entity, own=True).happened().events,
                            documents, problems)
                 for entity in entities]
    for problem, count in sorted(problems.items()):
        print(f"note: {count} x {problem}", file=sys.stderr)
    return timelines, draft


# --- the naive baselines -------------------------------------------------------------------------

def verb_looking(word: str) -> bool:
    """A lower-case word that looks like a main verb by its form: a common irregular past,
    a regular past (-ed) or a third person present (-s, not -ss); never an auxiliary."""
    if not word.isalpha() or not word.islower() or word in AUXILIARIES:
        return False
    return (word in IRREGULAR_PAST or (len(word) > 3 and word.endswith("ed"))
            or (len(word) > 2 and word.endswith("s") and not word.endswith("ss")))


def names_of(entity: str) -> list[list[str]]:
    """The word sequences that name an entity in a sentence: its full name, and the last
    word of a longer name when that word is a noun-like word (the head of the name: "Jobs",
    "Corps"; not a number or a model code such as "4" or "3G")."""
    words = [w.lower() for w in entity.split()]
    forms = [words]
    if len(words) > 1 and words[-1].isalpha():
        forms.append(words[-1:])
    return forms


def baseline_timeline(entity: str, documents: dict[str, Task4Document], kind: str,
                      tagged: dict[str, list[Any]]) -> EntityTimeline:
    """One baseline timeline: a line per sentence that names ``entity``."""
    forms = names_of(entity)
    found: list[tuple[Interval, str, str]] = []
    for doc in documents.values():
        by_sentence: dict[str, list[Any]] = defaultdict(list)
        for token in doc.tokens:
            by_sentence[token.sentence].append(token)
        for tokens in by_sentence.values():
            words = [t.text.lower() for t in tokens]
            ends = [i + len(form) for form in forms for i in range(len(words) - len(form) + 1)
                    if words[i:i + len(form)] == form]
            if not ends:
                continue
            after = min(ends)
            event = next((t for t in tokens[after:] if verb_looking(t.text)), None)
            if event is None:
                continue
            value: Interval | None = None
            if kind == "first-timex":
                first, last = tokens[0].start, tokens[-1].end
                value = next((m.value.interval for m in tagged[doc.docid]
                              if first <= m.start < last
                              and task_date(m.value.interval) != UNKNOWN_DATE), None)
            if value is None:
                day = doc.dct.date() if isinstance(doc.dct, datetime) else doc.dct
                value = Interval.of(day, day + timedelta(days=1))
            found.append((value, task_date(value), doc.mention(event.start, event.end)))
    found.sort(key=lambda f: (f[0].start, f[0].end, f[2]))
    orders: dict[str, int] = {}
    rows = [TimelineRow(orders.setdefault(text, len(orders) + 1), text, (mention,))
            for _, text, mention in found]
    return EntityTimeline(entity, tuple(rows))


def tag_all(documents: dict[str, Task4Document]) -> dict[str, list[Any]]:
    """Every document tagged once, against its DCT."""
    return {docid: timeline.tag(doc.text, doc.dct) for docid, doc in documents.items()}


# --- output and scores ---------------------------------------------------------------------------

def write_all(timelines: Iterable[EntityTimeline], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for item in timelines:
        replace_file(out / item.file_name, write_timeline(item).encode("utf-8"))


def percent(value: float) -> str:
    return f"{100 * value:.2f}"


def print_score(result: Task4Score, title: str) -> None:
    print(title)
    print(f"  {'timeline':<28} {'P':>7} {'R':>7} {'F1':>7}  relations sys/found  gold/found")
    for t in result.timelines:
        note = "  (no system file)" if t.missing else ""
        print(f"  {t.file:<28} {percent(t.precision):>7} {percent(t.recall):>7} "
              f"{percent(t.f1):>7}  {t.system:>5}/{t.system_found:<5}     "
              f"{t.gold:>5}/{t.gold_found:<5}{note}")
    print(f"  {'micro':<28} {percent(result.precision):>7} {percent(result.recall):>7} "
          f"{percent(result.f1):>7}")


def calibrate(folder: Path, gold: Path) -> int:
    """Every calibration output scored, beside the README's official figures."""
    outputs = {"gold": gold}
    outputs.update({p.name: p for p in sorted(folder.iterdir()) if p.is_dir()})
    print(f"calibration: {folder} against {gold}")
    print(f"  {'output':<26} {'P':>8} {'R':>8} {'F1':>6}   {'official P':>10} {'R':>8} "
          f"{'F1':>6}  same to 2 decimals")
    differ = 0
    for name, path in outputs.items():
        result = score(path, gold)
        mine = (100 * result.precision, 100 * result.recall, 100 * result.f1)
        official = OFFICIAL.get(name)
        shown = "" if official is None else \
            f"{official[0]:>10.4f} {official[1]:>8.4f} {official[2]:>6.2f}"
        same = "" if official is None else \
            ("yes" if all(f"{a:.2f}" == f"{b:.2f}" for a, b in zip(mine, official,
                                                                     strict=True)) else "NO")
        differ += same == "NO"
        print(f"  {name:<26} {mine[0]:>8.4f} {mine[1]:>8.4f} {mine[2]:>6.2f}   {shown}  {same}")
    return 1 if differ else 0


# --- the mapping's ceiling ----------------------------------------------------------------------

def gold_events(gold: EntityTimeline, documents: dict[str, Task4Document]) -> list[Any]:
    """The gold timeline as a draft would give it: a line an event, its mentions' token spans
    as candidates, the interval its DATE names (none for ORDER 0), in the gold's order."""
    events: list[Any] = []
    for row in sorted(gold.rows, key=lambda r: (r.order != 0, r.order)):
        candidates = []
        for mention in row.mentions:
            docid, _, rest = mention.partition("-")
            sentence, _, words = rest.partition("-")
            doc = documents.get(docid)
            tokens = [] if doc is None else [t for t in doc.tokens if t.sentence == sentence]
            wanted = words.split("_")
            at = next((i for i in range(len(tokens) - len(wanted) + 1)
                       if [t.text for t in tokens[i:i + len(wanted)]] == wanted), None)
            if at is not None:
                span = (tokens[at].start, tokens[at + len(wanted) - 1].end)
                candidates.append(SimpleNamespace(article=docid, event_span=span))
        try:
            interval = TimeValue.from_timex(row.date).interval if row.order else None
        except TimelineError:
            interval = None
        events.append(SimpleNamespace(interval=interval, candidates=tuple(candidates)))
    return events


def ceiling(gold: Path, documents: dict[str, Task4Document], out: Path) -> None:
    """The gold's own events through the mapping, scored: the best the mapping allows."""
    problems: Counter[str] = Counter()
    timelines = [map_events(item.entity, gold_events(item, documents), documents, problems)
                 for item in map(read_timeline, timeline_files(gold))]
    write_all(timelines, out)
    print_score(score(out, gold), "the gold's own events through the mapping (its ceiling)")
    for problem, count in sorted(problems.items()):
        print(f"  note: {count} x {problem}")


# --- misses -------------------------------------------------------------------------------------

def mention_dates(item: EntityTimeline) -> dict[str, tuple[int, str]]:
    """Each mention's (ORDER, DATE), the first line that names it."""
    found: dict[str, tuple[int, str]] = {}
    for row in item.rows:
        for mention in row.mentions:
            found.setdefault(mention, (row.order, row.date))
    return found


def sentence_of(mention: str, documents: dict[str, Task4Document]) -> str:
    docid, _, rest = mention.partition("-")
    sentence = rest.partition("-")[0]
    doc = documents.get(docid)
    if doc is None:
        return "(no such document)"
    return " ".join(t.text for t in doc.tokens if t.sentence == sentence)


def misses(out: Path, gold: Path, documents: dict[str, Task4Document], shown: int) -> None:
    """What the output gets wrong, mention by mention, by kind, with examples."""
    kinds: dict[str, list[str]] = defaultdict(list)
    for path in timeline_files(gold):
        truth = mention_dates(read_timeline(path))
        answer_path = out / path.name
        answer = mention_dates(read_timeline(answer_path)) if answer_path.is_file() else {}
        entity = path.stem
        for mention, (order, day) in truth.items():
            if mention not in answer:
                kinds["gold mention missed" if order else "unplaced gold mention missed"].append(
                    f"{entity}: {mention} ({day})")
            elif order and not answer[mention][0]:
                kinds["found, not placed (ORDER 0)"].append(f"{entity}: {mention} ({day})")
            elif order and answer[mention][1] != day:
                kinds["found, other DATE"].append(
                    f"{entity}: {mention} gold {day}, system {answer[mention][1]}")
        for mention, (_, day) in answer.items():
            if mention not in truth:
                kinds["not in the gold"].append(f"{entity}: {mention} ({day})")
    print("misses, mention by mention")
    for kind, items in sorted(kinds.items(), key=lambda k: -len(k[1])):
        print(f"  {len(items):>4}  {kind}")
        for item in items[:shown]:
            mention = item.split(": ", 1)[1].split(" ", 1)[0]
            print(f"          {item}\n            | {sentence_of(mention, documents)[:110]}")


# --- key dates -----------------------------------------------------------------------------------

def gold_days(gold: Path) -> set[str]:
    """The days the gold timelines date their events to (every entity's)."""
    days: set[str] = set()
    for path in timeline_files(gold):
        for row in read_timeline(path).rows:
            if len(row.date) == 10 and "X" not in row.date:
                days.add(row.date)
    return days


def top_days(weights: Counter[str], k: int) -> list[str]:
    """The ``k`` days of most weight; ties go to the earlier day, so the list is stable."""
    return [day for day, _ in sorted(weights.items(), key=lambda w: (-w[1], w[0]))[:k]]


def date_f1(predicted: Sequence[str], gold: set[str]) -> tuple[float, float, float]:
    hit = len(set(predicted) & gold)
    p = hit / len(predicted) if predicted else 0.0
    r = hit / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def tagged_day_weights(tagged: dict[str, list[Any]]) -> Counter[str]:
    """Distinct articles per day their tagged time expressions name."""
    weights: Counter[str] = Counter()
    for mentions in tagged.values():
        days = {task_date(m.value.interval) for m in mentions}
        weights.update(d for d in days if len(d) == 10 and "X" not in d)
    return weights


def draft_day_weights(draft: Any) -> Counter[str]:
    """Each draft event's day weighted by the distinct articles that report it."""
    weights: Counter[str] = Counter()
    for event in draft.events:
        day = task_date(event.interval)
        if len(day) == 10 and "X" not in day:
            weights[day] += len({c.article for c in event.candidates})
    return weights


def key_dates(gold: Path, tagged: dict[str, list[Any]], draft: Any) -> None:
    days = gold_days(gold)
    k = len(days)
    print(f"key dates: top {k} days against the {k} days of the gold timelines (Date-F1)")
    rows: list[tuple[str, Counter[str] | None]] = [
        ("articles per tagged date", tagged_day_weights(tagged)),
        ("draft events, by articles", None if draft is None else draft_day_weights(draft))]
    for name, weights in rows:
        if weights is None:
            print(f"  {name:<28} (timeline.draft is not available yet)")
            continue
        p, r, f = date_f1(top_days(weights, k), days)
        print(f"  {name:<28} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


# --- command line --------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("input", type=Path, help="folder of Track A TimeML documents")
    parser.add_argument("entities", type=Path, help="file of target entities, one a line")
    parser.add_argument("out", type=Path, help="folder to write one timeline per entity into")
    parser.add_argument("--gold", type=Path, help="folder of gold timelines: print the score")
    parser.add_argument("--baseline", choices=("first-timex", "dct"),
                        help="write a naive baseline instead of the draft")
    parser.add_argument("--calibrate", nargs="?", const="", metavar="DIR",
                        help="score every calibration output (default: the gold's sibling "
                             "folder 'calibration') beside the official figures")
    parser.add_argument("--misses", nargs="?", type=int, const=3, metavar="N",
                        help="list what the output misses against the gold, by kind, with N "
                             "examples each (default 3)")
    parser.add_argument("--gold-events", action="store_true",
                        help="map the gold's own events as a draft's and score them: the "
                             "ceiling of the mapping (written to OUT_DIR/gold-events)")
    parser.add_argument("--key-dates", action="store_true",
                        help="Date-F1 of the most reported days against the gold's days")
    args = parser.parse_args(argv)
    if (args.calibrate is not None or args.key_dates or args.misses is not None
            or args.gold_events) and args.gold is None:
        parser.error("--calibrate, --misses, --gold-events and --key-dates need --gold")
    status = 0
    try:
        if args.calibrate is not None:
            folder = Path(args.calibrate) if args.calibrate else args.gold.parent / "calibration"
            status = calibrate(folder, args.gold)
        documents = read_documents(args.input)
        entities = read_entities(args.entities)
        if args.gold_events:
            ceiling(args.gold, documents, args.out / "gold-events")
        tagged = tag_all(documents) if args.baseline == "first-timex" or args.key_dates else {}
        draft = None
        if args.baseline:
            timelines = [baseline_timeline(e, documents, args.baseline, tagged)
                         for e in entities]
            label = f"baseline {args.baseline}"
        else:
            try:
                timelines, draft = draft_timelines(documents, entities)
                label = "timeline.draft"
            except Unavailable as exc:
                print(f"semeval2015_task4: {exc}", file=sys.stderr)
                if args.key_dates:
                    key_dates(args.gold, tagged, None)
                return 2
        write_all(timelines, args.out)
        print(f"{len(timelines)} timelines ({label}) written to {args.out}")
        if args.gold is not None:
            print_score(score(args.out, args.gold), f"{label} against {args.gold}")
        if args.misses is not None:
            misses(args.out, args.gold, documents, args.misses)
        if args.key_dates:
            key_dates(args.gold, tagged, draft)
    except (TimelineError, OSError) as exc:
        print(f"semeval2015_task4: {exc}", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
