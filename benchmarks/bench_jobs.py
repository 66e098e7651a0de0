"""Articles and characters per second of ``tag`` and ``draft`` on one process, on ``--jobs
2`` and on a Dask LocalCluster of 2 workers, side by side in one run (issue 16).

A corpus of N news articles is made from TimeBank's documents with their DCTs: article
``k`` is TimeBank's document ``k mod 183``, published ``k // 183`` weeks after its DCT,
with its own id (copies are distinct articles on distinct days, as a growing archive
is). The records go to a JSON lines file, which every row reads as ``timeline tag --from``
does:

- ``--jobs 1``: ``timeline.batch.parallel(tag_records, ..., jobs=1)`` (in this process);
- ``--jobs 2``: the same on a pool of 2 worker processes (their start-up included);
- ``dask 2 workers``: ``dask.bag.read_text(FILE).map(json.loads).map_partitions(tag_records)``
  on ``distributed.LocalCluster(n_workers=2, threads_per_worker=1)`` (the cluster's
  start-up not included: a cluster outlives one run);

and ``draft`` the same way (``batch.draft_records``, ``batch.draft_bag``). Each row gives
seconds, articles/s, chars/s, the speed-up over ``--jobs 1`` and the efficiency per core
(speed-up / 2). Last, the projection the issue asks for: articles a day on 2 cores for
``tag`` on 2.5 KB articles (the best 2-core chars/s / 2,500 x 86,400; target >= 5,000,000).

Usage: ``python benchmarks/bench_jobs.py [--articles 10000] [--timebank DIR]``. On a
shared machine, fewer articles (``--articles 1000``) keep it short; the rates hold.
Never a timed test.
"""

from __future__ import annotations

import argparse
import functools
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
#: Where the TimeBank corpus lies beside the repository (a worktree is one level deeper).
DEFAULT_TIMEBANK = next((p / "shared" / "corpora" / "timebank" for p in REPO.parents
                         if (p / "shared" / "corpora" / "timebank").is_dir()),
                        REPO.parent / "shared" / "corpora" / "timebank")

#: Articles a day the issue asks of ``tag`` on 2 cores, on 2.5 KB articles.
TARGET_PER_DAY = 5_000_000
ARTICLE_CHARS = 2_500
CORES = 2


def records(count: int, timebank: Path) -> list[dict[str, str]]:
    """``count`` distinct articles from TimeBank's documents (module docstring)."""
    from timeline.timeml import read_timeml

    documents = []
    for path in sorted(timebank.glob("*.tml")):
        doc = read_timeml(path)
        if doc.dct is not None and doc.text.strip():
            documents.append(doc)
    if not documents:
        raise SystemExit(f"no TimeML documents with a DCT in {timebank} (--timebank DIR)")
    out = []
    for k in range(count):
        doc = documents[k % len(documents)]
        published = doc.dct + timedelta(weeks=k // len(documents))
        out.append({"id": f"a{k:06d}", "title": doc.name, "text": doc.text,
                    "published": published.isoformat()})
    return out


def _cpu() -> float:
    """CPU seconds of this process and its reaped children (a pool's workers, once shut)."""
    own, children = (resource.getrusage(w) for w in (resource.RUSAGE_SELF,
                                                      resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _own_cpu() -> float:
    """CPU seconds of this process alone (run on each Dask worker)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def on_cluster(client: Any, work: Callable[[], Any]) -> tuple[float, float, Any]:
    """``timed`` for work on a Dask cluster: the CPU of this process and of every worker."""
    before = sum(client.run(_own_cpu).values())
    seconds, cpu, result = timed(work)
    return seconds, cpu + sum(client.run(_own_cpu).values()) - before, result


def timed(work: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall seconds, CPU seconds (here and in reaped workers), the result."""
    start, cpu = time.perf_counter(), _cpu()
    result = work()
    return time.perf_counter() - start, _cpu() - cpu, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000,
                        help="corpus size (default: %(default)s)")
    parser.add_argument("--timebank", type=Path, default=DEFAULT_TIMEBANK)
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask rows")
    parser.add_argument("--no-draft", action="store_true", help="tag only")
    args = parser.parse_args(argv)

    from timeline import batch

    corpus = records(args.articles, args.timebank)
    chars = sum(len(r["text"]) for r in corpus)
    folder = Path(tempfile.mkdtemp(prefix="bench_jobs."))
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in corpus), encoding="utf-8")
    batch.warm()
    tag = functools.partial(batch.tag_records, options=batch.Options())

    rows: list[tuple[str, str, float, float | None]] = []
    for jobs in (1, 2):
        seconds, cpu, _ = timed(lambda jobs=jobs: sum(  # type: ignore[misc]
            1 for _ in batch.parallel(tag, batch.read_jsonl(source), jobs=jobs)))
        rows.append(("tag", f"--jobs {jobs}", seconds, cpu))
    if not args.no_draft:
        for jobs in (1, 2):
            seconds, cpu, _ = timed(lambda jobs=jobs: batch.draft_records(  # type: ignore[misc]
                batch.read_jsonl(source), jobs=jobs))
            rows.append(("draft", f"--jobs {jobs}", seconds, cpu))
    if not args.no_dask:
        import dask.bag
        import distributed

        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, \
                distributed.Client(cluster) as client:
            client.run(batch.warm)
            bag = dask.bag.read_text(str(source), blocksize=256 * 1024).map(json.loads)
            seconds, cpu, _ = on_cluster(
                client, lambda: bag.map_partitions(batch.tag_records).compute())
            rows.append(("tag", "dask 2 workers", seconds, cpu))
            if not args.no_draft:
                seconds, cpu, _ = on_cluster(client, lambda: batch.draft_bag(bag))
                rows.append(("draft", "dask 2 workers", seconds, cpu))

    print(f"{args.articles} TimeBank articles, {chars / args.articles:,.0f} chars each "
          f"on average ({chars:,} chars); {CORES} cores")
    header = f"{'step':<6} {'run':<15} {'seconds':>8} {'articles/s':>11} {'chars/s':>10} " \
             f"{'speed-up':>9} {'efficiency':>11} {'CPU s':>7} {'chars/CPU s':>12}"
    print(header)
    print("-" * len(header))
    single = {step: s for step, run, s, _ in rows if run == "--jobs 1"}
    best = best_cpu = 0.0
    for step, run, seconds, cpu in rows:
        speedup = single[step] / seconds
        cores = 1 if run == "--jobs 1" else CORES
        work = "-" if cpu is None else f"{cpu:.2f}"
        rate = "-" if cpu is None else f"{chars / cpu:,.0f}"
        print(f"{step:<6} {run:<15} {seconds:>8.2f} {args.articles / seconds:>11,.1f} "
              f"{chars / seconds:>10,.0f} {speedup:>8.2f}x {speedup / cores:>10.0%} "
              f"{work:>7} {rate:>12}")
        if step == "tag" and cores == CORES:
            best = max(best, chars / seconds)
            if cpu is not None:
                best_cpu = max(best_cpu, CORES * chars / cpu)
    per_day = best / ARTICLE_CHARS * 86_400
    verdict = "met" if per_day >= TARGET_PER_DAY else "MISSED"
    print("CPU s: this process and its workers (pool or Dask); chars/CPU s: the rate of a "
          "core that is not shared (wall rates on a loaded machine hide it)")
    print(f"\nprojected articles/day, tag on {CORES} cores, {ARTICLE_CHARS:,}-char articles: "
          f"{per_day:,.0f} by wall time (target >= {TARGET_PER_DAY:,}: {verdict})")
    per_day_cpu = best_cpu / ARTICLE_CHARS * 86_400
    verdict = "met" if per_day_cpu >= TARGET_PER_DAY else "MISSED"
    print(f"  by CPU time ({CORES} cores of the run's own, at the 2-worker rows' chars/CPU s): "
          f"{per_day_cpu:,.0f} (target >= {TARGET_PER_DAY:,}: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
