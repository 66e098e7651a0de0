"""Digests of drafts, to show a change to drafting left its results alone.

Drafts the seeds and the first N TimeBank documents (each alone and all together) and
writes each draft's ``to_json`` and its ``to_specs`` as TOML (``events_toml``) into one
JSON file; ``--check FILE`` compares against a file written before the change and names
the first corpus whose draft differs.

Usage: ``python benchmarks/draft_digest.py OUT.json [--check BEFORE.json] [--documents 200]``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_TIMEBANK = HERE.parent.parent / "shared" / "corpora" / "timebank"


def digests(timebank: Path, documents: int) -> dict[str, str]:
    """Each corpus's draft as text: its JSON and its events.toml."""
    import timeline
    from timeline.draft import draft
    from timeline.model.save import events_toml
    from timeline.timeml import read_timeml

    out: dict[str, str] = {}

    def record(name: str, articles: list[timeline.Article] | str) -> None:
        made = draft(articles)
        chosen = {a.id: a for a in made.articles}
        out[name] = made.to_json() + "\n" + events_toml(made.to_specs(), chosen)

    record("seeds", "seeds")
    docs = [read_timeml(p) for p in sorted(timebank.glob("*.tml"))]
    docs = [d for d in docs if d.dct is not None and d.text.strip()][:documents]
    articles = [timeline.Article(id=f"d{k:03d}", title=d.name, published=d.dct, text=d.text)
                for k, d in enumerate(docs)]
    for article in articles:
        record(article.id, [article])
    record("timebank", articles)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--check", type=Path)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--timebank", type=Path, default=DEFAULT_TIMEBANK)
    args = parser.parse_args(argv)
    got = digests(args.timebank, args.documents)
    args.out.write_text(json.dumps(got, indent=0, ensure_ascii=False), encoding="utf-8")
    if args.check is None:
        print(f"draft_digest: {len(got)} drafts written to {args.out}")
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    differ = [name for name in sorted(set(before) | set(got)) if before.get(name) != got.get(name)]
    if differ:
        print(f"draft_digest: {len(differ)} drafts differ: {', '.join(differ[:10])}")
        return 1
    print(f"draft_digest: all {len(got)} drafts equal")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
