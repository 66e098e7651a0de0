"""What the fuzz harness drives, what must hold of each, and the loop that runs them (#13).

A target makes one input from a ``random.Random`` (and a private temporary folder), feeds it
to a parser, and checks the parser's invariants: ``Violation`` when one fails. A
``TimelineError`` is the parser refusing bad input, which is allowed; any other exception
is a bug. ``fuzz`` runs a target ``n`` times, each input from its own seed (so a
reproducer is its seed and index), under a per-input time limit, and groups what it found:
exceptions by type and the innermost ``timeline`` frame, violations by their label, each
group with its shortest reproducer. ``benchmarks/fuzz.py`` prints the table;
``test_fuzz_smoke.py`` asserts a clean run of a few hundred inputs a target.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import random
import select
import shutil
import signal
import stat
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import fuzz_inputs as gen

import timeline
from timeline.errors import TimelineError
from timeline.time.value import TimeValue

PACKAGE = str(Path(timeline.__file__).resolve().parent)


#: Seconds an input that can only finish at once or hang (``Target.hangs``) is given.
HANG = 3.0


class Violation(AssertionError):
    """An invariant that failed: ``label`` groups it, ``detail`` shows this case."""

    def __init__(self, label: str, detail: str = "") -> None:
        super().__init__(f"{label}: {detail}" if detail else label)
        self.label = label
        self.detail = detail


class Slow(BaseException):
    """Raised by the alarm when one input runs past its time limit (BaseException, so the
    library's own ``except Exception`` cannot swallow it)."""


def expect(condition: bool, label: str, detail: object = "") -> None:
    if not condition:
        raise Violation(label, str(detail)[:300])


# --- invariants of a value -------------------------------------------------------------------


def check_value(v: TimeValue, where: str) -> None:
    """What every ``TimeValue`` the library hands out must satisfy: a non-empty interval,
    its JSON read back equal, its TIMEX3 value readable by ``from_timex`` as the same kind
    of value, and its EDTF string readable and stable."""
    interval = v.interval
    if interval is not None and interval.start is not None and interval.end is not None:
        expect(interval.start < interval.end, f"{where}: interval start >= end", interval)
    expect(TimeValue.from_dict(v.to_dict()) == v, f"{where}: to_dict/from_dict round trip",
           v.to_dict())
    if v.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        try:
            back = TimeValue.from_timex(v.value, v.mod, v.type)
        except TimelineError as exc:
            raise Violation(f"{where}: written TIMEX3 value not readable by from_timex",
                            f"{v.value!r} ({exc})") from None
        expect((back.value, back.type, back.mod) == (v.value, v.type, v.mod),
               f"{where}: from_timex reads another value", (v.value, back.value))
    edtf = v.edtf
    if edtf is not None:
        try:
            again = TimeValue.from_edtf(edtf)
        except TimelineError as exc:
            raise Violation(f"{where}: written EDTF not readable by from_edtf",
                            f"{v.value!r} -> {edtf!r} ({exc})") from None
        if _whole_seconds(v):
            expect(again.interval == v.interval, f"{where}: EDTF read back has another interval",
                   (v.value, edtf, again.edtf))
        if again.edtf is not None:
            expect(TimeValue.from_edtf(again.edtf).edtf == again.edtf,
                   f"{where}: EDTF not stable after one round trip", (v.value, edtf, again.edtf))


def _whole_seconds(v: TimeValue) -> bool:
    """EDTF writes whole seconds: an interval with a finer end cannot come back as it was."""
    ends = () if v.interval is None else (v.interval.start, v.interval.end)
    return all(end is None or end.microsecond == 0 for end in ends)


def check_mentions(text: str, mentions: list[Any], where: str) -> None:
    """Spans inside the text and equal to the mention's text, extents inside spans, sorted and
    never overlapping (the tagger keeps the longest non-overlapping matches), values sound."""
    previous_end = 0
    for m in mentions:
        expect(0 <= m.start < m.end <= len(text), f"{where}: span outside the text",
               (m.start, m.end, len(text)))
        expect(text[m.start:m.end] == m.text, f"{where}: text[start:end] != mention.text",
               (text[m.start:m.end], m.text))
        expect(m.start <= m.extent[0] < m.extent[1] <= m.end, f"{where}: extent outside span",
               (m.extent, m.start, m.end))
        expect(m.start >= previous_end, f"{where}: mentions unsorted or overlapping",
               (m.start, previous_end))
        previous_end = m.end
        check_value(m.value, where)


# --- the targets -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """One parser under fuzz: ``make`` an input, ``run`` it (raising ``Violation`` when an
    invariant fails), ``show`` it as a reproducer line."""

    name: str
    make: Callable[[random.Random, Path], Any]
    run: Callable[[Any, Path], None]
    show: Callable[[Any], str] = repr
    limit: float = 5.0  # seconds an input may take before it counts as slow
    #: Inputs that either finish at once or hang for ever (a FIFO to read): ``HANG`` seconds.
    hangs: Callable[[Any], bool] = lambda case: False


def _resolve_input(rng: random.Random, _: Path) -> tuple[str, Any, str | None, str]:
    return (gen.expression(rng), gen.anchor(rng), rng.choice([None, None, "past", "future"]),
            rng.choice(["mdy", "mdy", "dmy"]))


def _resolve(case: tuple[str, Any, str | None, str], _: Path) -> None:
    text, anchor, tense, order = case
    check_value(timeline.resolve(text, anchor, tense=tense, date_order=order), "resolve")


def _show_resolve(case: tuple[str, Any, str | None, str]) -> str:
    text, anchor, tense, order = case
    return (f"timeline.resolve({text!r}, {_show_anchor(anchor)}, tense={tense!r}, "
            f"date_order={order!r})")


def _show_anchor(anchor: date | datetime) -> str:
    if isinstance(anchor, datetime) and anchor.tzinfo is not None:
        key = getattr(anchor.tzinfo, "key", None)
        zone = f"ZoneInfo({key!r})" if key else repr(anchor.tzinfo)
        return f"{anchor.replace(tzinfo=None)!r}.replace(tzinfo={zone})"
    return repr(anchor)


def _tag_input(rng: random.Random, _: Path) -> tuple[str, Any, str | None]:
    return gen.running_text(rng), gen.anchor(rng), rng.choice([None, None, "past", "future"])


def _tag(case: tuple[str, Any, str | None], _: Path) -> None:
    text, anchor, tense = case
    mentions = timeline.scan(text, anchor, tense=tense) if tense else timeline.tag(text, anchor)
    check_mentions(text, mentions, "tag")


def _show_tag(case: tuple[str, Any, str | None]) -> str:
    text, anchor, tense = case
    call = f"timeline.scan({text!r}, {_show_anchor(anchor)}, tense={tense!r})" if tense else \
        f"timeline.tag({text!r}, {_show_anchor(anchor)})"
    return call


def _draft_input(rng: random.Random, _: Path) -> list[tuple[str, Any]]:
    """One to three articles: news text, each with its own publication (an extreme anchor
    at times), sometimes two with one text."""
    articles = [(gen.news_text(rng), gen.anchor(rng)) for _ in range(rng.choice([1, 1, 2, 3]))]
    if len(articles) > 1 and rng.random() < 0.2:
        articles[1] = (articles[0][0], articles[1][1])  # one story, two days
    return articles


def _draft(case: list[tuple[str, Any]], _: Path) -> None:
    """``timeline.draft.draft`` on the articles; every candidate's spans inside its article
    and its claim at its quote; the draft written as events.toml loads back as the same
    events, and a second draft over that file proposes nothing new."""
    from timeline.draft import draft
    from timeline.draft.toml import update_events_toml
    from timeline.model.load import draft_memory_of, events_from_toml, parse_toml

    articles = {f"a{k}": timeline.Article(id=f"a{k}", title=f"Article {k}", published=moment,
                                          text=text)
                for k, (text, moment) in enumerate(case)}
    made = draft(articles)
    for event in made:
        for c in event.candidates:
            text = articles[c.article].text
            lo, hi = c.quote_span
            expect(0 <= lo < hi <= len(text) and text[lo:hi] == c.quote,
                   "draft: quote is not article.text[quote_span]", (c.quote_span, c.quote))
            expect(c.claim.span == c.quote_span and c.claim.quote == c.quote,
                   "draft: claim not at the candidate's quote", (c.claim.span, c.quote_span))
            if c.when_span is not None:
                expect(lo <= c.when_span[0] < c.when_span[1] <= hi
                       and text[c.when_span[0]:c.when_span[1]] == c.when,
                       "draft: when outside its quote", (c.when_span, c.when, c.quote_span))
            expect(lo <= c.event_span[0] < c.event_span[1] <= hi,
                   "draft: event word outside its quote", (c.event_span, c.quote_span))
            for m in c.actors:
                expect(lo <= m.span[0] < m.span[1] <= hi and text[m.span[0]:m.span[1]] == m.text,
                       "draft: actor outside its quote", (m.span, m.text, c.quote_span))
    specs = made.to_specs()
    written = update_events_toml(None, specs, articles=articles, seen=made.fingerprints,
                                 maybe_same=made.maybe_same)
    document = parse_toml(written, file="events.toml")
    back = events_from_toml(document, articles.values(), file="events.toml")
    expect([(s.id, s.claims) for s in back] == [(s.id, s.claims) for s in specs],
           "draft: events.toml does not load back as the draft's events",
           [s.id for s in back])
    memory = draft_memory_of(document, file="events.toml")
    again = draft(articles, memory=memory)
    expect(len(again) == 0, "draft: a re-run over its own file proposes again",
           [e.id for e in again])


def _show_draft(case: list[tuple[str, Any]]) -> str:
    articles = ", ".join(f"Article(text={text!r}, published={_show_anchor(moment)})"
                         for text, moment in case)
    return f"timeline.draft.draft([{articles}])"


def _timex_input(rng: random.Random, _: Path) -> tuple[str, str | None, str | None]:
    return gen.timex_value(rng), rng.choice(gen.MODS), rng.choice(gen.TYPES)


def _timex(case: tuple[str, str | None, str | None], _: Path) -> None:
    value, mod, type_ = case
    v = TimeValue.from_timex(value, mod, type_)
    again = TimeValue.from_timex(v.value, v.mod, v.type)
    expect(again == v, "from_timex: reading its own value gives another", (v, again))
    check_value(v, "timex")


def _edtf_input(rng: random.Random, _: Path) -> str:
    if rng.random() < 0.5:
        return gen.edtf_text(rng)
    try:  # an EDTF string the library itself writes, for a value at the edges
        v = timeline.resolve(gen.expression(rng), gen.anchor(rng))
        return v.edtf or gen.edtf_text(rng)
    except TimelineError:
        return gen.edtf_text(rng)


def _edtf(text: str, _: Path) -> None:
    v = TimeValue.from_edtf(text)
    interval = v.interval
    if interval is not None and interval.start is not None and interval.end is not None:
        expect(interval.start < interval.end, "from_edtf: interval start >= end", interval)
    edtf = v.edtf
    if edtf is not None:
        try:
            again = TimeValue.from_edtf(edtf)
        except TimelineError as exc:
            raise Violation("from_edtf: its value's EDTF not readable",
                            f"{text!r} -> {edtf!r} ({exc})") from None
        expect(again.edtf == edtf, "from_edtf: EDTF not stable", (text, edtf, again.edtf))


def _moment_input(rng: random.Random, _: Path) -> tuple[str, Any]:
    return gen.moment_text(rng), None if rng.random() < 0.05 else gen.anchor(rng)


def _moment(case: tuple[str, Any], _: Path) -> None:
    from timeline.query.moments import read_moment

    text, anchor = case
    moment, shown = read_moment(text, anchor)
    expect(isinstance(moment, date) and isinstance(shown, str), "read_moment: not a moment",
           moment)


def _show_moment(case: tuple[str, Any]) -> str:
    text, anchor = case
    return f"read_moment({text!r}, {_show_anchor(anchor) if anchor else None})"


def tree_digest(folder: Path) -> str:
    """Every entry under ``folder``: names, kinds, link targets and regular files' bytes
    (never opening a FIFO or a device)."""
    digest = hashlib.sha1()
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest.update(f"{path.relative_to(folder)}:{stat.S_IFMT(info.st_mode)}".encode(
            errors="surrogateescape"))
        if stat.S_ISLNK(info.st_mode):
            digest.update(os.readlink(path).encode(errors="surrogateescape"))
        elif stat.S_ISREG(info.st_mode):
            digest.update(path.read_bytes())
    return digest.hexdigest()


AS_OF = ("2025-02-25", "2025-02-24T12:00Z", "9999-12-31", "0001-01-01", "last Monday",
         "2025-02-25T11:38")


def _corpus_input(rng: random.Random, tmp: Path) -> tuple[str, str]:
    folder = tmp / "corpus"
    folder.mkdir()
    return gen.corpus(rng, folder), rng.choice(AS_OF)


def _corpus(case: tuple[str, str], tmp: Path) -> None:
    folder = tmp / "corpus"
    before = tree_digest(folder)
    try:
        tl = timeline.load(folder)
    finally:
        expect(tree_digest(folder) == before, "load: the corpus changed", case[0])
    _exercise(tl, case[1], "load")


def _exercise(tl: Any, as_of: str, where: str) -> None:
    """The queries and exports every timeline must survive, and its JSON round trip."""
    from timeline.query.timeline import Timeline

    tl.events  # noqa: B018  (a property that builds the events)
    tl.chronology()
    tl.to_ics()
    text = tl.to_json()
    tl.to_svg()
    tl.to_timelinejs()
    again = Timeline.from_json(text)
    expect(again.to_json() == text, f"{where}: to_json/from_json round trip", text[:200])
    view = tl.as_of(as_of)
    view.events  # noqa: B018
    view.chronology()


def _json_input(rng: random.Random, _: Path) -> tuple[str, str]:
    return gen.export_text(rng), rng.choice(AS_OF)


def _json(case: tuple[str, str], _: Path) -> None:
    from timeline.query.timeline import Timeline

    _exercise(Timeline.from_json(case[0]), case[1], "from_json")


def _show_json(case: tuple[str, str]) -> str:
    import json

    text, as_of = case
    seed = json.loads(gen.seed_export())
    try:
        data = json.loads(text)
    except ValueError:
        return f"Timeline.from_json({text[:300]!r}...) then as_of({as_of!r})"
    return f"Timeline.from_json(seed export with {_diff(seed, data)}) then as_of({as_of!r})"


def _diff(old: Any, new: Any, path: str = "") -> str:
    """Where ``new`` differs from ``old``: the first few paths and their new values."""
    found: list[str] = []

    def walk(a: Any, b: Any, where: str) -> None:
        if len(found) >= 3 or a == b:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            for key in list(a) + [k for k in b if k not in a]:
                walk(a.get(key, "<missing>"), b.get(key, "<missing>"), f"{where}.{key}")
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            for i, (x, y) in enumerate(zip(a, b, strict=True)):
                walk(x, y, f"{where}[{i}]")
        else:
            shown = json.dumps(b, default=str)
            found.append(f"{where or '.'} = {shown[:80]}" if b != "<missing>" else
                         f"{where} removed")

    import json

    walk(old, new, path)
    return "; ".join(found) or "no field changed"


def read_timeml_text(document: str | bytes) -> Any:
    """A document's text through ``parse_timeml``, its bytes through ``read_timeml`` (issue
    13 separates texts from paths)."""
    from timeline.timeml.read import parse_timeml, read_timeml

    if isinstance(document, str):
        return parse_timeml(document)
    return read_timeml(document)


def _timeml_input(rng: random.Random, _: Path) -> str | bytes:
    return gen.timeml_document(rng)


def _timeml(document: str | bytes, _: Path) -> None:
    from timeline.timeml.write import to_timeml, write_timeml

    doc = read_timeml_text(document)
    written = write_timeml(doc, doc.timexes)
    again = read_timeml_text(written)
    expect(again.text == doc.text, "TimeML: write/read changes the text", doc.text[:100])
    expect([(t.span, t.value, t.type) for t in again.timexes] ==
           [(t.span, t.value, t.type) for t in doc.timexes], "TimeML: write/read changes TIMEX3s")
    expect(again.dct == doc.dct, "TimeML: write/read changes the DCT", (doc.dct, again.dct))
    if doc.dct is None:
        return
    mentions = timeline.tag(doc.text, doc.dct)
    tagged = read_timeml_text(to_timeml(doc.text, mentions, doc.dct))
    expect([t.span for t in tagged.timexes] == [m.extent for m in mentions],
           "TimeML: tagged spans not read back")
    expect([t.value for t in tagged.timexes] == [m.timex.value for m in mentions],
           "TimeML: tagged values not read back")


def _show_timeml(document: str | bytes) -> str:
    return f"read_timeml({document[:400]!r}{'...' if len(document) > 400 else ''})"


# --- the command line ------------------------------------------------------------------------


@dataclass
class CliCase:
    """A command line and what it was built over, for checking the files afterwards."""

    argv: list[str]
    what: str
    output_kind: str | None = None
    output: str | None = None
    tmp: str = "$TMP"  # the input's folder, shown as $TMP

    def __repr__(self) -> str:
        words = (a.replace(self.tmp, "$TMP") for a in self.argv)
        shown = " ".join(a if a and a.isprintable() and " " not in a else repr(a) for a in words)
        return f"timeline {shown}  # {self.what}"


COMMANDS = ("resolve", "tag", "tag-tml", "scan", "check", "chronology", "ics", "export", "plot",
            "init", "init-from", "eval", "bogus")


def _cli_input(rng: random.Random, tmp: Path) -> CliCase:
    case = _cli_case(rng, tmp)
    case.tmp = str(tmp)
    return case


def _cli_case(rng: random.Random, tmp: Path) -> CliCase:
    command = rng.choice(COMMANDS)
    folder = tmp / "corpus"
    folder.mkdir()
    if rng.random() < 0.25:
        what = "corpus: " + gen.corpus(rng, folder)
    else:
        what = "seed corpus"
        _copy_seeds(folder)
        if rng.random() < 0.3:  # one article's text replaced with generated running text
            article = sorted(folder.glob("*.txt"))[rng.randrange(5)]
            article.write_text(gen.running_text(rng), encoding="utf-8", errors="surrogatepass")
            what = f"{article.name} replaced by generated text"
    as_of = ["--as-of", gen.moment_text(rng)] if rng.random() < 0.5 else []
    zone = ["--zone", rng.choice([*gen.ZONES, "Mars/Olympus", "../etc", "", "\x00"])] \
        if rng.random() < 0.2 else []
    if command == "resolve":
        options = rng.choice([[], ["--tense", "past"], ["--date-order", "dmy"]])
        return CliCase(["resolve", gen.expression(rng), "--anchor", gen.moment_text(rng),
                        *options], "")
    if command in ("tag", "tag-tml"):
        name = "doc.tml" if command == "tag-tml" else "doc.txt"
        data = gen.timeml_document(rng) if command == "tag-tml" else gen.running_text(rng)
        (tmp / name).write_bytes(data if isinstance(data, bytes) else
                                 data.encode("utf-8", errors="surrogatepass"))
        anchor = ["--anchor", gen.moment_text(rng)] if rng.random() < 0.6 else []
        fmt = ["--format", rng.choice(["text", "json", "timeml"])]
        return CliCase(["tag", str(tmp / name), *anchor, *fmt], f"{name}: {data[:200]!r}")
    if command == "scan":
        return CliCase(["scan", str(folder), *rng.choice([[], ["--format", "json"],
                                                          ["--explain"]])], what)
    if command in ("check", "chronology"):
        extra = ["--width", str(rng.choice([40, 39, 0, -1, 10**6]))] \
            if command == "chronology" and rng.random() < 0.3 else []
        return CliCase([command, str(folder), *as_of,
                        *(zone if command == "chronology" else []), *extra], what)
    if command in ("ics", "export", "plot"):
        output, kind = gen.output_path(rng, tmp, folder)
        extra = {"ics": ["--include-open"] if rng.random() < 0.3 else [],
                 "export": ["--format", rng.choice(["json", "timelinejs"])],
                 "plot": ["--width", str(rng.choice([320, 960, 319, 10**5]))]}[command]
        return CliCase([command, str(folder), "-o", output, *as_of, *zone, *extra],
                       what, kind, output)
    if command in ("init", "init-from"):
        target = tmp / "new"
        target.mkdir()
        if command == "init":
            for i in range(rng.randint(1, 3)):
                name = rng.choice([f"{i}.txt", f"{i}.md", f"{i}.html", f"x{i}\u202e.txt"])
                head = rng.choice(["date: " + gen.moment_text(rng) + "\n\n", "",
                                   "WASHINGTON, Feb. 24, 2025 (Reuters) - "])
                body = head + gen.running_text(rng)
                (target / name).write_text(body, encoding="utf-8", errors="surrogatepass")
            return CliCase(["init", str(target)], "generated article files")
        import json

        records = [gen.mutate_data(rng, {"id": f"a{i}", "title": "T", "text": gen.running_text(rng),
                                         "published": gen.moment_text(rng)})
                   for i in range(rng.randint(1, 3))]
        source = tmp / "records.jsonl"
        source.write_text("\n".join(json.dumps(r, default=str) for r in records),
                          encoding="utf-8", errors="surrogatepass")
        return CliCase(["init", str(tmp / "from"), "--from", str(source)], repr(records)[:300])
    if command == "eval":
        gold = tmp / "gold"
        gold.mkdir()
        data = gen.timeml_document(rng)
        (gold / "a.tml").write_bytes(data if isinstance(data, bytes) else
                                     data.encode("utf-8", errors="surrogatepass"))
        return CliCase(["eval", str(gold)], f"a.tml: {data[:200]!r}")
    words = [rng.choice(["--as-of", "-o", "--format", "--zone", "--width", "x", "", "-",
                         "--", "\x00", gen.moment_text(rng), str(folder)])
             for _ in range(rng.randint(0, 4))]
    return CliCase([rng.choice([*COMMANDS[:-1], "bogus"]), *words], what)


def _copy_seeds(folder: Path) -> None:
    for path in gen.SEEDS.iterdir():
        if path.is_file():
            shutil.copyfile(path, folder / path.name)


@contextlib.contextmanager
def _fifo_reader(path: str | None, kind: str | None) -> Iterator[None]:
    """A reader draining the FIFO ``-o`` names while the command runs, so that writing
    through it (what the command should do) does not block."""
    if kind != "fifo" or path is None:
        yield
        return
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    done = threading.Event()

    def drain() -> None:
        while not done.is_set():
            ready, _, _ = select.select([fd], [], [], 0.02)
            if ready:
                with contextlib.suppress(BlockingIOError):
                    os.read(fd, 1 << 16)

    thread = threading.Thread(target=drain, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        os.close(fd)


def _cli(case: CliCase, tmp: Path) -> None:
    from timeline.cli import run

    folder = tmp / "corpus"
    before = tree_digest(folder)
    out, err = io.StringIO(), io.StringIO()
    # In the input's own folder: a relative path a generated command line names ("-o x")
    # lands there, never in the current directory.
    with _fifo_reader(case.output, case.output_kind), contextlib.chdir(tmp):
        status = run(case.argv, out=out, err=err)
    message = err.getvalue()
    expect("Traceback" not in message, "cli: a traceback on stderr", message[-300:])
    expect(status in (0, 1, 2), "cli: exit status not 0, 1 or 2", status)
    if status == 1:
        expect(bool(message.strip()), "cli: exit 1 with nothing on stderr")
        expect(all(line.startswith("timeline: ") for line in message.splitlines()),
               "cli: exit 1 with a stderr line not 'timeline: ...'", message[:300])
    expect(tree_digest(folder) == before or case.argv[0] in ("init",),
           f"cli -o {case.output_kind}: the corpus folder changed", case.argv[0])
    if case.output_kind is not None and status == 0:
        _check_output(case, tmp)


def _check_output(case: CliCase, tmp: Path) -> None:
    """What a successful ``-o`` must have done to the target of each kind."""
    kind, target = case.output_kind, tmp / "out.file"
    if kind in ("corpus-manifest", "corpus-events", "corpus-article", "directory"):
        raise Violation(f"cli -o {kind}: accepted (exit 0) instead of refused")
    if kind == "symlink":
        expect(target.is_symlink(), "cli -o symlink: the link replaced by a file")
        expect((tmp / "real.file").read_text(errors="replace") != "old\n",
               "cli -o symlink: its target not written")
    elif kind == "hardlink":
        expect(os.stat(tmp / "real.file").st_nlink == 2, "cli -o hardlink: the link broken")
    elif kind == "fifo":
        expect(stat.S_ISFIFO(os.lstat(target).st_mode), "cli -o fifo: the FIFO replaced")
    elif kind in ("plain", "existing", "dotdot"):
        expect(target.is_file() and target.stat().st_size > 0, f"cli -o {kind}: nothing written")


TARGETS: dict[str, Target] = {t.name: t for t in (
    Target("resolve", _resolve_input, _resolve, _show_resolve),
    Target("tag", _tag_input, _tag, _show_tag),
    Target("timex", _timex_input, _timex,
           lambda c: f"TimeValue.from_timex({c[0]!r}, {c[1]!r}, {c[2]!r})"),
    Target("edtf", _edtf_input, _edtf, lambda c: f"TimeValue.from_edtf({c!r})"),
    Target("as-of", _moment_input, _moment, _show_moment),
    Target("loader", _corpus_input, _corpus, lambda c: f"load(mutated seeds: {c[0]}) then "
                                                       f"as_of({c[1]!r})", limit=10.0,
           hangs=lambda c: c[0].startswith("fifo")),
    Target("json", _json_input, _json, _show_json, limit=10.0),
    Target("timeml", _timeml_input, _timeml, _show_timeml),
    Target("draft", _draft_input, _draft, _show_draft, limit=10.0),
    Target("cli", _cli_input, _cli, repr, limit=10.0, hangs=lambda c: "fifo:" in c.what),
)}

# --- the loop --------------------------------------------------------------------------------


@dataclass
class Group:
    """Findings of one kind: how many, and the shortest reproducer with its seed."""

    count: int = 0
    reproducer: str = ""
    index: int = -1
    message: str = ""

    def add(self, reproducer: str, index: int, message: str) -> None:
        self.count += 1
        if self.index < 0 or len(reproducer) < len(self.reproducer):
            self.reproducer, self.index, self.message = reproducer, index, message


@dataclass
class Report:
    """One target's run: inputs tried, refusals, and the groups of everything else."""

    target: str
    seed: int
    tried: int = 0
    refused: int = 0  # inputs refused with a TimelineError (by the parser or a later step)
    exceptions: dict[str, Group] = field(default_factory=dict)
    violations: dict[str, Group] = field(default_factory=dict)
    slow: Group = field(default_factory=Group)
    seconds: float = 0.0

    @property
    def exceptions_count(self) -> int:
        return sum(group.count for group in self.exceptions.values())

    @property
    def violations_count(self) -> int:
        return sum(group.count for group in self.violations.values())

    @property
    def clean(self) -> bool:
        return not self.exceptions and not self.violations and not self.slow.count

    def summary(self) -> str:
        """Every group on its own lines, with its reproducer (what a failing test shows)."""
        lines = [f"{self.target}: {self.tried} inputs, {self.refused} TimelineErrors, "
                 f"{self.exceptions_count} other exceptions, {self.violations_count} violations, "
                 f"{self.slow.count} slow"]
        for title, groups in (("exception", self.exceptions), ("violation", self.violations),
                              ("slow", {"slow": self.slow} if self.slow.count else {})):
            for key, group in sorted(groups.items(), key=lambda kv: -kv[1].count):
                lines.append(f"  {title} x{group.count}: {key}")
                lines.append(f"    {group.message[:300]}")
                lines.append(f"    repro (seed {self.seed}, index {group.index}): "
                             f"{group.reproducer[:600]}")
        return "\n".join(lines)


def where_raised(exc: BaseException) -> str:
    """The innermost frame inside ``timeline/`` (else the innermost at all): file:line fn."""
    frames = traceback.extract_tb(exc.__traceback__)
    inside = [f for f in frames if f.filename.startswith(PACKAGE)] or frames[-1:]
    if not inside:
        return "?"
    frame = inside[-1]
    name = os.path.relpath(frame.filename, os.path.dirname(PACKAGE))
    return f"{name}:{frame.lineno} {frame.name}"


def input_rng(seed: int, target: str, index: int) -> random.Random:
    """The generator of one input: a reproducer is its seed, target and index."""
    return random.Random(f"{seed}:{target}:{index}")


def warm_up() -> None:
    """Pay the one-time costs (the rule tables, the seed corpus and its export) before any
    input is timed, so the first input is not reported slow for them."""
    timeline.resolve("today", date(2025, 2, 24))
    gen.seed_export()
    gen.seed_timeml()




def _alarm(signum: int, frame: object) -> None:
    raise Slow


def fuzz(target: Target, n: int, *, seed: int = 0, limit: float | None = None,
         base: Path | None = None, budget: float | None = None,
         hang: float = HANG, start: int = 0) -> Report:
    """Run ``target`` on the generated inputs of indices ``start`` to ``n - 1`` (an input
    depends only on the seed, the target and its index, so ranges split a run across
    processes): every input in a fresh folder under a
    temporary directory (removed after), under a time limit where signals allow; stop
    early once ``budget`` seconds have passed (``Report.tried`` says how far it got).
    ``hang`` is the limit of an input that can only finish at once or hang."""
    report = Report(target.name, seed)
    limit = target.limit if limit is None else limit
    warm_up()
    timed = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGALRM, _alarm) if timed else None
    started = time.perf_counter()
    recursion = sys.getrecursionlimit()
    try:
        with tempfile.TemporaryDirectory(prefix=f"fuzz-{target.name}-", dir=base) as root:
            for index in range(start, n):
                if budget is not None and time.perf_counter() - started > budget:
                    break
                tmp = Path(root) / str(index)
                tmp.mkdir()
                try:
                    _one(target, report, index, tmp, limit if timed else None, hang)
                finally:
                    sys.setrecursionlimit(recursion)
                    shutil.rmtree(tmp, ignore_errors=True)
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    report.seconds = time.perf_counter() - started
    return report


def _one(target: Target, report: Report, index: int, tmp: Path, limit: float | None,
         hang: float) -> None:
    case = target.make(input_rng(report.seed, target.name, index), tmp)
    report.tried += 1
    started = time.perf_counter()
    if limit is not None and target.hangs(case):
        limit = min(limit, hang)
    try:
        if limit is not None:
            signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            target.run(case, tmp)
        finally:
            if limit is not None:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except Slow:
        report.slow.add(_shown(target, case), index,
                        f"over {limit:g} s ({time.perf_counter() - started:.1f} s)")
    except Violation as exc:
        report.violations.setdefault(exc.label, Group()).add(
            _shown(target, case), index, exc.detail)
    except TimelineError:
        report.refused += 1  # refused by a step the target does not catch itself
    except Exception as exc:
        key = f"{type(exc).__name__} at {where_raised(exc)}"
        report.exceptions.setdefault(key, Group()).add(
            _shown(target, case), index, f"{type(exc).__name__}: {str(exc)[:300]}")
    else:
        return


def _shown(target: Target, case: Any) -> str:
    try:
        return target.show(case)
    except Exception as exc:  # a reproducer that cannot be shown is still one to report
        return f"<{type(exc).__name__} showing the case: {exc}>"
