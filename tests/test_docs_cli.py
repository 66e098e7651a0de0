"""Every command-line example in the docs runs and prints what the docs say it does (#12).

In a ```` ```sh ```` block of ``docs/*.md``, a line ``$ command`` is run with bash and the
lines after it, up to the next ``$`` line, are what it must print (standard output and
standard error together, trailing spaces aside); a line that starts with ``timeline `` is
run too and must succeed. Each block runs in a fresh folder holding what the examples name:
``corpus/`` (a copy of the seeds), ``news/`` (article files to ``init``), ``articles.jsonl``
(records to ``init --from``), ``article.txt`` (an article with a dateline),
``wsj_0006.tml`` and ``corpora/timebank/`` (a small TimeML document). In a block with
``$`` lines, a line starting with ``timeline`` is output (an error message), not a command;
a here-document (``cat > f <<'EOF'`` ... ``EOF``) belongs to its command. The blocks of a
doc in ``STORIES`` run in order in one folder, each using what the ones before it made.
``timeline`` on the PATH is this interpreter's ``python -m timeline``, so the docs are
checked against this checkout whether or not the console script is installed; a plain
command runs in-process.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "docs").glob("*.md"))
_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)

#: ``news/``: article files as a user brings them, for ``timeline init``.
NEWS = {
    "01-ga-vote.txt": "UN General Assembly backs Ukraine resolution\n\nUNITED NATIONS, Feb. 24, "
                      "2025 (Reuters) - The U.N. General Assembly on Monday backed a resolution "
                      "drafted by Ukraine.\n",
    "02-wsj.txt": "Ukraine\nU.S. Wins Backing for U.N. Resolution on Ukraine War\nFebruary 25, "
                  "2025 at 11:38\nThe U.S. refused to accept any amendments later Monday.\n",
    "03-macron.md": "---\ntitle: Macron meets Trump\ndate: 2025-02-24T15:30-05:00\noutlet: "
                    "Example News\n---\n\nMacron met Trump at the White House on Monday.\n",
    "04-notes.txt": "Notes\n\nTo read again before the next vote.\n",
}
#: ``articles.jsonl``: records as a crawler writes them, for ``timeline init --from``.
RECORDS = (
    '{"id": "r1", "title": "Vote at the U.N.", "text": "The vote was on Monday.", '
    '"date": "2025-02-24"}\n'
    '{"id": "r2", "text": "Talks resume next week, officials said.", '
    '"date_publish": "2025-02-25 10:00:00", "url": "https://example.org/r2"}\n'
    '{"id": "r3", "title": "Sanctions", "text": "New sanctions were announced today.", '
    '"published": "Wed, 26 Feb 2025 09:00:00 +0000", "source_domain": "example.org"}\n')
ARTICLE = """WASHINGTON, Feb. 25, 2025 (Reuters) - The U.N. Security Council voted on Monday.
Talks are due to resume next week.
"""
TIMEML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>wsj_0006</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="1989-11-02" temporalFunction="false" '
    'functionInDocument="CREATION_TIME">11/02/89</TIMEX3></DCT>\n<TEXT>\n'
    'The company said <TIMEX3 tid="t1" type="DATE" value="1989-11-01">yesterday</TIMEX3> '
    'that it would report results <TIMEX3 tid="t2" type="DATE" value="1989-W45">next '
    'week</TIMEX3>.\n</TEXT>\n</TimeML>\n')


#: Docs that tell one story: their blocks run in order in one folder, as one test.
STORIES = {"own-corpus.md"}
_HEREDOC = re.compile(r"<<-?'?(\w+)'?\s*$")

Steps = list[tuple[str, list[str] | None]]


def _steps(block: str) -> Steps:
    """The commands of one block, each with the lines it must print (``None``: any)."""
    steps: Steps = []
    lines = block.splitlines()
    prompted = any(raw.startswith("$ ") for raw in lines)
    heredoc: str | None = None
    for raw in lines:
        if heredoc is not None:  # a here-document's lines belong to its command
            steps[-1] = (steps[-1][0] + "\n" + raw, steps[-1][1])
            if raw == heredoc:
                heredoc = None
            continue
        if raw.startswith("$ "):
            steps.append((raw[2:], []))
            found = _HEREDOC.search(raw)
            heredoc = found.group(1) if found else None
        elif raw.startswith("timeline ") and not prompted:
            steps.append((raw.split("  #")[0].strip(), None))
        elif steps and steps[-1][1] is not None:
            steps[-1][1].append(raw)  # type: ignore[union-attr]
    return steps


def examples() -> list[tuple[str, Steps]]:
    """Each block as (where, its steps); a story's blocks as one."""
    out = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        story: Steps = []
        for match in _BLOCK.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            steps = _steps(match.group(1))
            if path.name in STORIES:
                story.extend((f"{path.name}:{line}: {c}", e) for c, e in steps)
            elif steps:
                out.append((f"{path.name}:{line}", steps))
        if story:
            out.append((path.name, story))
    return out


EXAMPLES = examples()


def workspace(folder: Path) -> dict[str, str]:
    """The files the examples name, and an environment whose ``timeline`` is this checkout."""
    from timeline.model.load import seeds_dir

    shutil.copytree(seeds_dir(), folder / "corpus")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "news").mkdir()
    for name, text in NEWS.items():
        (folder / "news" / name).write_text(text, encoding="utf-8")
    (folder / "articles.jsonl").write_text(RECORDS, encoding="utf-8")
    (folder / "wsj_0006.tml").write_text(TIMEML, encoding="utf-8")
    (folder / "corpora" / "timebank").mkdir(parents=True)
    (folder / "corpora" / "timebank" / "wsj_0006.tml").write_text(TIMEML, encoding="utf-8")
    bin_dir = folder / ".bin"
    bin_dir.mkdir()
    shim = bin_dir / "timeline"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m timeline "$@"\n')
    shim.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "TQDM_DISABLE": "1", "COLUMNS": "80", "LC_ALL": "C.UTF-8"}
    return env


def test_the_docs_have_command_examples() -> None:
    assert len(EXAMPLES) >= 10
    assert sum(len(steps) for _, steps in EXAMPLES) >= 30


#: A plain command (no pipe, redirection or sequence) runs in-process: no interpreter to start.
_PLAIN = re.compile(r"timeline(?: [^|&<>;$`\\]*)?")


def _run(command: str, folder: Path, env: dict[str, str]) -> tuple[int, str]:
    """Exit status and what was printed (standard output, then standard error)."""
    if _PLAIN.fullmatch(command):
        import io
        import shlex

        from timeline.cli import run

        out, err = io.StringIO(), io.StringIO()
        here = Path.cwd()
        os.chdir(folder)
        try:
            status = run(shlex.split(command)[1:], out=out, err=err)
        finally:
            os.chdir(here)
        return status, out.getvalue() + err.getvalue()
    done = subprocess.run(["bash", "-c", f"set -o pipefail; {command}"], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout + done.stderr


@pytest.mark.parametrize(("where", "steps"), EXAMPLES, ids=[w for w, _ in EXAMPLES])
def test_command_example(where: str, steps: Steps, tmp_path: Path) -> None:
    env = workspace(tmp_path)
    story = where in STORIES
    for command, expected in steps:
        if story:  # each step says where it is
            where, command = command.split(": ", 1)
        status, output = _run(command, tmp_path, env)
        printed = [line.rstrip() for line in output.splitlines()]
        if not expected:  # nothing shown: it must succeed
            assert status == 0, f"{where}: {command!r} failed: {printed}"
            continue
        shown = [line.rstrip() for line in expected]
        assert printed == shown, f"{where}: {command!r}"
