"""Corpus scale: load, query and export generated curated corpora of 1,000 to 20,000 articles.

Each size is written to a temporary folder in the documented TOML format
(``docs/corpus-format.md``: ``sources.toml``, one text file an article, ``events.toml``):
four events an article and about twelve claims (three for each event, from the article that
introduces it and the two after it), of every kind a curator writes: a date in the text
("on March 3, 2021"), a relative one ("two days ago", "yesterday", "in three days"), a
bare weekday, an absolute ``date``, ``after`` and ``relative_to``/``offset`` another event,
statuses occurred, reported, scheduled and expected. Twenty articles a day, each event on
the day before its first article (or, one in four, announced for three days later). With
``contradiction``, one claim of the first article also orders an early event after an event
a quarter of the way in: an order the dates contradict.

Every measurement runs in a fresh interpreter (``timeline`` and its ICS exporter imported
and its rule tables loaded first, not counted): ``timeline.load`` (wall time and
resident-set growth), the first materialisation of every event, the chronology, an
``as_of`` view a quarter of the way in (after a first view the day before, which builds
the history views share), week-long ``overlapping`` windows, ``to_ics`` (wall time, and
the peak of what it allocates, by ``tracemalloc``, beside the size of its output), and
the ``as_of`` view again on the contradicted corpus. Each row is printed beside its target
(issue 16), and the growth from the smallest size to the largest beside the growth in
articles (linear). Wall time is the target; the CPU time of the process is shown beside
it, since on a machine shared with other work the wall time says more about the others.

Usage: ``python benchmarks/bench_scale.py [--sizes 1000 5000 20000] [--check]``.
``--keep DIR`` writes the corpora there and keeps them; ``--only load`` (or another
step) skips the others. Speed is measured here, never asserted in the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

#: The first publication day, a Monday.
START = date(2021, 1, 4)
#: Articles published a day.
PER_DAY = 20
#: Events an article introduces; the last of them is announced, the others happened.
EVENTS_PER_ARTICLE = 4
#: An event is claimed by the article that introduces it and by this many after it.
LATER = 2
#: ``after`` and ``relative_to`` claims point this many events back: the day before.
BACK = PER_DAY * EVENTS_PER_ARTICLE

_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_ACTORS = ["the council", "the ministry", "the union", "the committee", "the agency",
           "the court", "the senate", "the board"]
_PLACES = ["Geneva", "Nairobi", "Lima", "Oslo", "Hanoi", "Quito", "Accra", "Riga"]
#: Prose without time expressions, so an article is about 2 KB like a short news item.
_FILLER = ("Delegates from several member states attended, and observers noted that the "
           "agenda had grown longer than expected. A spokesperson declined to comment on the "
           "details of the discussions, citing the confidentiality of the negotiations. "
           "Analysts said the outcome would depend on whether the smaller delegations could "
           "agree on a common position before the final session. Several organisations "
           "published statements welcoming the talks and calling for transparency in the "
           "process. The secretariat said the documents would be made public once the "
           "parties had approved them.")


def _published(article: int) -> date:
    return START + timedelta(days=article // PER_DAY)


def _long_date(day: date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def _ago(days: int) -> str:
    return "yesterday" if days == 1 else f"{_WORDS[days]} days ago"


def _event_day(event: int) -> date:
    """An event happens the day before its first article, or is announced three days on."""
    article, j = divmod(event, EVENTS_PER_ARTICLE)
    published = _published(article)
    return published + timedelta(days=3) if _announced(j) else published - timedelta(days=1)


def _announced(j: int) -> bool:
    return j == EVENTS_PER_ARTICLE - 1


def _claim(event: int, k: int, article: int) -> tuple[str, dict[str, object]]:
    """The sentence article ``article`` writes about ``event`` (its ``k``-th claim), and the
    claim's TOML keys (quote and article aside)."""
    day = _event_day(event)
    published = _published(article)
    name = f"Forum {event}"
    if _announced(event % EVENTS_PER_ARTICLE):
        if k == 0:
            ahead = (day - published).days
            return (f"{name} is set to open in {_WORDS[ahead]} days.",
                    {"when": f"in {_WORDS[ahead]} days", "status": "scheduled"})
        if k == 1:
            return (f"{name} is expected to open on {_long_date(day)}.",
                    {"when": f"on {_long_date(day)}", "status": "expected"})
        first = event - EVENTS_PER_ARTICLE + 1
        return (f"{name} will follow forum {first} of the same week.",
                {"after": f"ev-{first}", "status": "scheduled"})
    kind = (event + k) % 6
    if kind in (3, 4) and event < BACK:
        kind = 2
    if kind == 0:
        return (f"{name} met on {_long_date(day)} in {_PLACES[event % 8]}.",
                {"when": f"on {_long_date(day)}", "status": "occurred"})
    if kind == 1:
        ago = _ago((published - day).days)
        return (f"Officials said that {name.lower()} convened {ago}.",
                {"when": ago, "status": "reported"})
    if kind == 2:
        return (f"{name} convened, the dateline of the communique says.",
                {"date": day, "status": "occurred"})
    if kind == 3:
        return (f"{name} opened after forum {event - BACK} had closed.",
                {"after": f"ev-{event - BACK}", "status": "occurred"})
    if kind == 4:
        return (f"{name} met one day after forum {event - BACK}.",
                {"relative_to": f"ev-{event - BACK}", "offset": "one day after",
                 "status": "occurred"})
    weekday = _WEEKDAYS[day.weekday()]
    return (f"{name} held its vote on {weekday}, {_ACTORS[event % 8]} said.",
            {"when": weekday, "status": "reported"})


def _toml_value(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)


def generate(folder: Path, articles: int, *, contradiction: bool = False) -> dict[str, object]:
    """Write a corpus of ``articles`` articles into ``folder``; what the child needs to know
    of it (the quarter's day, the span of its events)."""
    folder.mkdir(parents=True, exist_ok=True)
    events = articles * EVENTS_PER_ARTICLE
    sentences: list[list[str]] = [[] for _ in range(articles)]
    claims: list[list[dict[str, object]]] = [[] for _ in range(events)]
    for event in range(events):
        first = event // EVENTS_PER_ARTICLE
        for k in range(LATER + 1):
            article = first + k
            if article >= articles:
                break
            sentence, keys = _claim(event, k, article)
            sentences[article].append(sentence)
            claims[event].append({"article": f"a{article:05d}", "quote": sentence, **keys})
    # The quarter's event, placed after which an early event would contradict its dates.
    # (40 apart from a multiple of BACK: no chain of order claims leads back to event 1)
    late = max(BACK, articles // 4 * EVENTS_PER_ARTICLE // BACK * BACK - BACK) + 40
    if contradiction:
        sentence = f"Forum 1 opened only after forum {late} had closed."
        sentences[0].append(sentence)
        claims[1].append({"article": "a00000", "quote": sentence, "after": f"ev-{late}",
                          "status": "occurred"})
    lines = ["[corpus]", 'title = "Generated corpus for bench_scale"', ""]
    for article in range(articles):
        published = _published(article)
        name = f"a{article:05d}"
        stamp = (published.isoformat() if article % 7 else
                 f"{published.isoformat()}T{9 + article % 9:02d}:30:00")
        lines += ["[[articles]]", f'id = "{name}"', f'file = "{name}.txt"',
                  f'title = "Forum roundup {article}"', f'outlet = "Wire {article % 5}"',
                  f"published = {stamp}", ""]
        text = "\n".join([f"Forum roundup {article}", "", *sentences[article], "", _FILLER])
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "sources.toml").write_text("\n".join(lines), encoding="utf-8")
    out = []
    for event in range(events):
        if not claims[event]:
            continue
        out += ["[[events]]", f'id = "ev-{event}"', f'title = "Forum {event} meets"',
                f'actors = ["{_ACTORS[event % 8].removeprefix("the ")}"]',
                f'place = "{_PLACES[event % 8]}"', ""]
        for claim in claims[event]:
            out.append("  [[events.claims]]")
            out += [f"  {key} = {_toml_value(value)}" for key, value in claim.items()]
            out.append("")
    (folder / "events.toml").write_text("\n".join(out), encoding="utf-8")
    last = _published(articles - 1)
    return {"quarter": _published(articles // 4).isoformat(),
            "first": (START - timedelta(days=1)).isoformat(),
            "last": (last + timedelta(days=4)).isoformat(),
            "events": events, "claims": sum(len(c) for c in claims)}


#: Run in the child: load a corpus and time the steps asked for; print them as JSON.
CHILD = r"""
import json, resource, sys, time, tracemalloc
from datetime import date, datetime, timedelta
import timeline
folder, info, steps = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3].split(",")
timeline.resolve("last week", date(2025, 2, 24))  # the rule tables: not the corpus's cost
import timeline.export.ics  # nor importing icalendar (once, about 0.25 s)
def rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out = {}
before = rss()
start, cpu = time.perf_counter(), time.process_time()
tl = timeline.load(folder)
out["load"], out["load_cpu"] = time.perf_counter() - start, time.process_time() - cpu
out["load_mb"] = rss() - before
quarter = date.fromisoformat(info["quarter"])
def views():
    # The first view builds the history every view shares (once); the next is the view.
    start = time.perf_counter()
    tl.as_of(quarter - timedelta(days=1)).events
    out["first_view"] = time.perf_counter() - start
    view = tl.as_of(quarter)
    start, cpu = time.perf_counter(), time.process_time()
    events = view.events
    out["view"], out["view_cpu"] = time.perf_counter() - start, time.process_time() - cpu
    return view, events
if "view" in steps:  # the contradicted corpus: only the views are timed
    view, events = views()
    out["view_events"] = len(events)
    out["view_claims"] = sum(len(e.claims) for e in events)
    out["conflicts"] = len(view.conflicts)
    print(json.dumps(out))
    sys.exit(0)
start = time.perf_counter()
events = tl.events
out["events"] = time.perf_counter() - start
out["n_events"] = len(events)
start = time.perf_counter()
text = tl.chronology()
out["chronology"] = time.perf_counter() - start
view, seen = views()
out["view_events"] = len(seen)
out["view_claims"] = sum(len(e.claims) for e in seen)
first, last = date.fromisoformat(info["first"]), date.fromisoformat(info["last"])
span = (last - first).days - 7
windows = [timeline.Interval(datetime.combine(first + timedelta(days=d), datetime.min.time()),
                             datetime.combine(first + timedelta(days=d + 7), datetime.min.time()))
           for d in range(0, span, max(1, span // 200))]
tl.overlapping(windows[0])
start = time.perf_counter()
found = sum(len(tl.overlapping(w)) for w in windows)
out["overlapping"] = (time.perf_counter() - start) / len(windows)
out["windows"] = len(windows)
out["overlapping_found"] = found / len(windows)
if "ics" in steps:
    start, cpu = time.perf_counter(), time.process_time()
    ics = tl.to_ics()
    out["ics"], out["ics_cpu"] = time.perf_counter() - start, time.process_time() - cpu
    out["ics_bytes"] = len(ics)
    out["ics_events"] = ics.count(b"BEGIN:VEVENT")
    del ics
    tracemalloc.start()
    ics = tl.to_ics()
    out["ics_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
out["rss_mb"] = rss()
print(json.dumps(out))
"""


def measure(folder: Path, info: dict[str, object], steps: str) -> dict[str, float]:
    """Run the child on one corpus in a fresh interpreter; what it measured."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", CHILD, str(folder), json.dumps(info), steps],
                          capture_output=True, text=True, env=env)
    if done.returncode:
        sys.exit(f"bench_scale: the child failed on {folder}:\n{done.stderr}")
    found: dict[str, float] = json.loads(done.stdout)
    return found


def _ratio(big: float, small: float) -> str:
    return f"{big / small:.1f}x" if small > 0 else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--keep", type=Path, help="write the corpora here and keep them")
    parser.add_argument("--no-contradiction", action="store_true",
                        help="skip the contradicted corpus")
    parser.add_argument("--no-ics", action="store_true", help="skip to_ics")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    results: dict[int, dict[str, float]] = {}
    contradicted: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench_scale_") as scratch:
        root = args.keep or Path(scratch)
        for size in args.sizes:
            plain = root / f"corpus-{size}"
            info = generate(plain, size)
            steps = "full" if args.no_ics else "full,ics"
            results[size] = {**measure(plain, info, steps), "claims": float(info["claims"])}
            if not args.no_contradiction:
                bad = root / f"corpus-{size}-contradicted"
                contradicted[size] = measure(bad, generate(bad, size, contradiction=True),
                                             "view")
            print(f"# {size:,} articles measured", file=sys.stderr)
    missed = _report(results, contradicted)
    return 1 if args.check and missed else 0


def _report(results: dict[int, dict[str, float]],
            contradicted: dict[int, dict[str, float]]) -> bool:
    """Print the table; whether a target was missed."""
    sizes = sorted(results)
    print("| row | " + " | ".join(f"{s:,} articles" for s in sizes)
          + f" | growth {sizes[0]:,} to {sizes[-1]:,} | target |")
    print("|---|" + "---:|" * len(sizes) + "---:|---|")
    growth = sizes[-1] / sizes[0] if len(sizes) > 1 else 1.0
    missed = False

    def row(name: str, values: list[float | None], fmt: str, target: str,
            ok: bool | None = None) -> None:
        nonlocal missed
        shown = ["-" if v is None else format(v, fmt) for v in values]
        present = [v for v in values if v is not None]
        grew = _ratio(present[-1], present[0]) if len(present) > 1 else "-"
        mark = "" if ok is None else (" (met)" if ok else " (MISSED)")
        missed |= ok is False
        print(f"| {name} | " + " | ".join(shown) + f" | {grew} | {target}{mark} |")

    big = results[sizes[-1]]
    row("events", [results[s]["n_events"] for s in sizes], ",.0f", f"articles x{growth:.0f}")
    row("claims", [results[s]["claims"] for s in sizes], ",.0f", "")
    row("load (s)", [results[s]["load"] for s in sizes], ".2f",
        "<= 5 s at 20,000; linear",
        big["load"] <= 5 if sizes[-1] >= 20000 else None)
    row("  its CPU time (s)", [results[s]["load_cpu"] for s in sizes], ".2f",
        "wall time on a machine shared with other work")
    row("load, resident-set growth (MB)", [results[s]["load_mb"] for s in sizes], ",.0f",
        "<= 300 MB at 20,000", big["load_mb"] <= 300 if sizes[-1] >= 20000 else None)
    row("every event, first time (s)", [results[s]["events"] for s in sizes], ".2f", "linear")
    row("chronology (s)", [results[s]["chronology"] for s in sizes], ".2f", "linear")
    row("first as_of view, building the shared history (s)",
        [results[s]["first_view"] for s in sizes], ".2f", "linear")
    row("as_of view at a quarter, events (ms)", [results[s]["view"] * 1e3 for s in sizes],
        ",.0f", "linear")
    row("  its claims", [results[s]["view_claims"] for s in sizes], ",.0f", "")
    row("overlapping, a week's window (ms)", [results[s]["overlapping"] * 1e3 for s in sizes],
        ".3f", "grows with the events found")
    row("  events found a window", [results[s]["overlapping_found"] for s in sizes], ",.0f", "")
    if all("ics" in results[s] for s in sizes):
        per = [results[s]["ics"] / results[s]["ics_events"] * 1e3 for s in sizes]
        row("to_ics (s)", [results[s]["ics"] for s in sizes], ".2f", "linear")
        row("to_ics, ms an event", per, ".3f", "<= 0.1 ms", max(per) <= 0.1)
        row("  CPU ms an event", [results[s]["ics_cpu"] / results[s]["ics_events"] * 1e3
                                  for s in sizes], ".3f", "")
        out_mb = [results[s]["ics_bytes"] / 2**20 for s in sizes]
        row("to_ics output (MB)", out_mb, ",.1f", "")
        peak = [results[s]["ics_peak_mb"] for s in sizes]
        row("to_ics peak allocated (MB)", peak, ",.1f", "proportional to the output")
        share = [p / o for p, o in zip(peak, out_mb, strict=True)]
        row("  peak / output", share, ".1f", "<= 3 (proportional)", max(share) <= 3)
    if contradicted:
        plain = [results[s]["view"] * 1e3 for s in sizes]
        bad = [contradicted[s]["view"] * 1e3 for s in sizes]
        row("as_of view, one contradicting order claim (ms)", bad, ",.0f", "as without")
        ratio = [b / p for b, p in zip(bad, plain, strict=True)]
        row("  contradicted / consistent", ratio, ".2f", "<= 1.5 (as fast)", max(ratio) <= 1.5)
        cpu = [contradicted[s]["view_cpu"] / results[s]["view_cpu"] for s in sizes]
        row("  the same in CPU time", cpu, ".2f", "")
        row("  conflicts in that view", [contradicted[s]["conflicts"] for s in sizes], ",.0f",
            "as before (each event whose order claims are set aside)")
    row("peak resident set at the end (MB)", [results[s]["rss_mb"] for s in sizes], ",.0f",
        "")
    return missed


if __name__ == "__main__":
    raise SystemExit(main())
