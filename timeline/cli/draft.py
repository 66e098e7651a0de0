"""``timeline draft [DIR]``: a draft timeline from the corpus's raw articles, added to its
``events.toml`` for the user to confirm (or written elsewhere, or shown)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from timeline.cli.common import (
    BadInput,
    add_batch_arguments,
    at_least,
    check_not_corpus,
    check_target,
    emit,
    jobs_of,
    json_bytes,
    wrap,
)

if TYPE_CHECKING:
    from timeline.draft.draft import Draft


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command and its options."""
    command = commands.add_parser(
        "draft",
        help="draft events from the articles' own words into DIR/events.toml",
        description=wrap(
            "Read every article of DIR for dated statements (a clause a time expression "
            "dates, or a lead sentence its dateline dates), with the event word, a status "
            "from tense and modality, the actors and a title made of the clause's own "
            "words; group the statements that report one happening across articles into "
            "one event (each merge scored, with its reasons; close calls become maybe_same "
            "suggestions). The events are added to DIR/events.toml, the user's text kept "
            "byte for byte: only statements no earlier draft proposed are added (the "
            "[draft] table remembers them, so a deleted event stays deleted). With -o the "
            "draft goes to another file; --format text or json shows it instead. The "
            "articles are read on --jobs processes (the draft the same for any N); with "
            "--from FILE.jsonl they are its lines, and the draft goes to standard output "
            "unless -o says where."),
        epilog="examples:\n"
               "  timeline draft corpus/                     # adds to corpus/events.toml\n"
               "  timeline draft corpus/ --top 20            # the 20 most reported events\n"
               "  timeline draft corpus/ --about \"Steve Jobs\" --format text\n"
               "  timeline draft corpus/ -o draft.toml       # a separate file to compare\n"
               "  timeline draft corpus/ --format json -o draft.json\n"
               "  timeline draft --from articles.jsonl --jobs 2 -o draft.toml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("dir", metavar="DIR", nargs="?",
                         help="a folder with sources.toml (default: the seeds)")
    command.add_argument("-o", "--output", metavar="FILE",
                         help="write here instead (- for standard output); default: "
                              "DIR/events.toml for toml, standard output for text and json")
    command.add_argument("--about", metavar="ENTITY", action="append", default=[],
                         help="keep the events this entity takes part in (a name, a "
                              "surname, an acronym); repeat for several")
    command.add_argument("--top", metavar="N", type=at_least(1, "--top"),
                         help="keep the N most reported events (by distinct articles)")
    command.add_argument("--format", choices=("toml", "json", "text"), default="toml",
                         help="toml (an events.toml to edit; default), json (every "
                              "statement, score and reason) or text (to read)")
    command.add_argument("--every-event", action="store_true",
                         help="also draft the events no time expression dates (each dated "
                              "by its report's news day, as entity timelines such as "
                              "SemEval-2015 TimeLine want them), resolving pronouns to "
                              "actors; a longer draft")
    command.add_argument("--all", action="store_true", dest="everything",
                         help="propose every statement again, even those an earlier "
                              "draft of the corpus proposed")
    add_batch_arguments(command)
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.source is not None:
        return run_records(args, out, err)
    import functools
    from pathlib import Path

    from timeline.batch import Options, candidate_records, parallel, record_of
    from timeline.draft.draft import Draft
    from timeline.draft.toml import unseen, update_events_toml
    from timeline.model.files import same_file
    from timeline.model.load import (
        EVENTS,
        load_articles,
        read_corpus_text,
        read_draft_memory,
        seeds_dir,
    )
    from timeline.model.memory import DraftMemory

    folder = Path(args.dir) if args.dir is not None else seeds_dir()
    own = folder / EVENTS
    target = args.output
    if target is None:
        target = str(own) if args.format == "toml" else "-"
    check_target(target)
    articles = load_articles(folder)
    into_corpus = target != "-" and (Path(target) == own or same_file(target, own))
    if not into_corpus:
        from timeline.query.timeline import Timeline

        check_not_corpus(target, args.dir, Timeline(articles, []))
    memory = DraftMemory() if args.everything else read_draft_memory(folder)
    find = functools.partial(candidate_records,
                             options=Options(every_event=args.every_event))
    found = list(parallel(find, map(record_of, articles), jobs=jobs_of(args)))
    fresh = unseen(found, memory)
    draft = Draft.from_candidates(fresh, articles)
    draft = _narrowed(draft, args)
    if not _emitted(draft, args.format, target, out):
        existing = None
        if into_corpus:
            try:
                existing = read_corpus_text(own)
            except FileNotFoundError:
                existing = None
        specs = draft.to_specs()
        text = update_events_toml(existing, specs, articles={a.id: a for a in articles},
                                  seen=memory.seen | draft.fingerprints,
                                  maybe_same=draft.maybe_same,
                                  file=str(own) if into_corpus else target)
        emit(target, text.encode("utf-8"), out)
    shown = "standard output" if target == "-" else target
    skipped = len(found) - len(fresh)
    print(f"{len(draft)} events from {len(fresh)} new statements in {len(articles)} "
          f"articles ({skipped} proposed before, not again) -> {shown}"
          if skipped else
          f"{len(draft)} events from {len(fresh)} statements in {len(articles)} articles "
          f"-> {shown}", file=err)
    return 0


def _narrowed(draft: Draft, args: argparse.Namespace) -> Draft:
    """The draft kept to ``--about`` and ``--top``."""
    if args.about:
        draft = draft.about(*args.about)
    if args.top is not None:
        draft = draft.top(args.top)
    return draft


def _emitted(draft: Draft, form: str, target: str, out: TextIO) -> bool:
    """Write the draft as JSON or text when ``form`` asks for one; False for TOML."""
    if form == "json":
        emit(target, json_bytes(draft.to_dict()), out)
    elif form == "text":
        emit(target, draft.to_text().encode("utf-8"), out)
    else:
        return False
    return True


def run_records(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``--from FILE.jsonl``: a draft of its articles, to standard output or ``-o``."""
    from timeline.batch import Options, draft_records, read_jsonl

    if args.dir is not None:
        raise BadInput("draft: a corpus folder or --from FILE, not both")
    target = args.output or "-"
    check_target(target)
    draft = draft_records(read_jsonl(args.source), jobs=jobs_of(args),
                          options=Options(every_event=args.every_event))
    count = len(draft.articles)
    draft = _narrowed(draft, args)
    if not _emitted(draft, args.format, target, out):
        from timeline.draft.toml import update_events_toml

        text = update_events_toml(None, draft.to_specs(),
                                  articles={a.id: a for a in draft.articles},
                                  seen=draft.fingerprints, maybe_same=draft.maybe_same,
                                  file=target)
        emit(target, text.encode("utf-8"), out)
    shown = "standard output" if target == "-" else target
    print(f"{len(draft)} events from {count} articles -> {shown}", file=err)
    return 0
