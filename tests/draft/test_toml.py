"""``update_events_toml``: the draft added to the user's events.toml, their text kept as it is."""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline import Claim, CorpusError, EventSpec
from timeline.draft.candidate import Candidate
from timeline.draft.toml import BATCH, HEADER, MEMORY, statements, unseen, update_events_toml
from timeline.model.load import (
    draft_memory_of,
    load_articles,
    load_events,
    read_draft_memory,
    seeds_dir,
)
from timeline.model.memory import DraftMemory
from timeline.model.write import toml_string

SEEDS = seeds_dir()
ARTICLES = {a.id: a for a in load_articles(SEEDS)}
SEED_TEXT = (SEEDS / "events.toml").read_text(encoding="utf-8")
SEED_SPECS = load_events(SEEDS, list(ARTICLES.values()))


def deletable(text: str) -> list[str]:
    """The events no other event names (in a claim's order or a ``maybe_same``): deleting
    one of the others breaks the file, as the user would find out."""
    tables = tomllib.loads(text).get("events", [])
    named = {other for t in tables for other in t.get("maybe_same", [])}
    named |= {c[key] for t in tables for c in t["claims"]
              for key in ("before", "after", "relative_to") if key in c}
    return sorted({t["id"] for t in tables} - named)


#: Sentences that occur once in their article: quotes for drafted claims.
SENTENCES = sorted((article.id, s.strip()) for article in ARTICLES.values()
                   for s in re.findall(r"[^.!?\n]{20,200}[.!?]", article.text)
                   if article.text.count(s.strip()) == 1 and s.strip()[0].isupper())
#: Drafted ids: some the seeds have (renamed on the way in), some new, one at the limit.
NEW_IDS = ["ga-vote", "sc-vote", "ga-vote-2", "drafted", "drafted-2", "x" * 80]
titles = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(
    str.strip)
comments = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30)


def fingerprint(spec: EventSpec) -> str:
    text = "\x1f".join(c.quote for c in spec.claims)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _claim(sentence: tuple[str, str], event_id: str, **order: str) -> Claim:
    article = ARTICLES[sentence[0]]
    return Claim.build(article, sentence[1], event=event_id, status="occurred",
                       date=article.published, **order)


@st.composite
def new_specs(draw: st.DrawFn, present: list[str]) -> list[EventSpec]:
    """Drafted events: claims quoting the seeds' sentences, some placed after an earlier
    drafted event or a file's event, some suggesting they may be another."""
    ids = draw(st.lists(st.sampled_from(NEW_IDS), unique=True, max_size=4))
    specs = []
    for i, event_id in enumerate(ids):
        # A new event's id names the new event in its references (not a file's of that
        # id); earlier ones only, so that no cycle is drawn.
        targets = ids[:i] + [p for p in present if p not in ids]
        order = {}
        if targets and draw(st.booleans()):
            order["after"] = draw(st.sampled_from(targets))
        claims = [_claim(s, event_id, **order) for s in draw(
            st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=2, unique=True))]
        others = [t for t in ids + present if t != event_id]
        same = draw(st.lists(st.sampled_from(others), unique=True, max_size=2)) if others else []
        specs.append(EventSpec.build(event_id, draw(titles), claims, maybe_same=same))
    return specs


def _lines(text: str) -> list[str]:
    """The file's lines, split at "\n" only: a title may hold U+0085 or U+2028, which
    ``str.splitlines`` would split a TOML string at."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


@st.composite
def user_edits(draw: st.DrawFn, text: str = SEED_TEXT) -> str:
    """The seed file as a user leaves it: titles changed, events deleted, comments added."""
    lines = _lines(text)
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["title", "delete", "comment"]))
        if kind == "title":
            at = [i for i, line in enumerate(lines) if line.startswith("title = ")]
            i = draw(st.sampled_from(at))
            lines[i] = f"title = {toml_string(draw(titles))}\n"
        elif kind == "delete":
            present = deletable("".join(lines))
            if not present:
                continue
            at = lines.index(f'id = "{draw(st.sampled_from(present))}"\n')
            start = max(k for k in range(at) if lines[k] == "[[events]]\n")
            end = next((k for k in range(start + 1, len(lines))
                        if lines[k] == "[[events]]\n"), len(lines))
            del lines[start:end]
        else:
            lines.insert(draw(st.integers(0, len(lines))), f"#{draw(comments)}\n")
    return "".join(lines)


def _ids(text: str) -> list[str]:
    return [t["id"] for t in tomllib.loads(text).get("events", [])]


def _loads(text: str) -> timeline.Timeline:
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        shutil.copytree(SEEDS, corpus)
        (corpus / "events.toml").write_text(text, encoding="utf-8")
        return timeline.load(corpus)


def _update(existing: str | None, new: list[EventSpec], seen: list[str], **kw: object) -> str:
    return update_events_toml(existing, new, articles=ARTICLES, seen=seen, **kw)  # type: ignore[arg-type]


def _block(text: str) -> tuple[int, int]:
    """Where the [draft] table the draft wrote is: its blank line, comment, header, list."""
    at = text.index(MEMORY)
    start = at - 1 if text[at - 1:at] == "\n" and text[at - 2:at - 1] in ("", "\n") else at
    end = text.index("]\n", text.index("seen = ", at)) + 2
    return start, end


PROPERTY = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@PROPERTY
@given(st.data())
def test_the_users_edits_survive_and_the_result_loads(data: st.DataObject) -> None:
    """Every character of the user's file is still there, first and in order; the new
    events follow, under ids the file does not have; the file loads; a second call with
    nothing new changes nothing."""
    edited = data.draw(user_edits())
    present = _ids(edited)
    new = data.draw(new_specs(present))
    seen = [fingerprint(s) for s in new]
    out = _update(edited, new, seen)
    assert out.startswith(edited)
    ids = _ids(out)
    assert ids[:len(present)] == present and len(ids) == len(present) + len(new)
    assert len(set(ids)) == len(ids)
    tl = _loads(out)
    assert len(tl.specs) == len(ids)
    for spec, event_id in zip(new, ids[len(present):], strict=True):
        assert tl[event_id].title == spec.title
        assert [c.quote for c in tl[event_id].claims] == [c.quote for c in spec.claims]
    assert read_memory(out).seen == set(seen)
    assert _update(out, [], seen) == out
    assert _update(out, [], []) == out


def read_memory(text: str) -> DraftMemory:
    return draft_memory_of(tomllib.loads(text))


@PROPERTY
@given(st.data())
def test_a_rerun_adds_only_what_it_has_not_proposed(data: st.DataObject) -> None:
    """Run on its own output with the same candidates, the draft (filtering by the file's
    memory) adds nothing, even after the user deleted what it proposed."""
    new = data.draw(new_specs(_ids(SEED_TEXT)).filter(bool))
    seen = [fingerprint(s) for s in new]
    out = _update(SEED_TEXT, new, seen)
    remembered = read_memory(out)
    assert [s for s in new if fingerprint(s) not in remembered] == []
    assert remembered.unseen(seen) == []
    # The user deletes every drafted event: the memory still keeps them out.
    start = _block(out)[0]
    deleted = SEED_TEXT + out[start:]
    assert _update(deleted, [s for s in new if fingerprint(s) not in read_memory(deleted)],
                   seen) == deleted


@PROPERTY
@given(st.data())
def test_a_second_round_keeps_the_users_later_edits(data: st.DataObject) -> None:
    """After a first draft, the user edits the file again (also below the [draft] table);
    a second draft keeps all of it, in order, and moves the table back to the end."""
    first = data.draw(new_specs(_ids(SEED_TEXT)))
    out = _update(SEED_TEXT, first, [fingerprint(s) for s in first])
    start, end = _block(out)
    user, tail = data.draw(user_edits(out[:start])), data.draw(comments)
    moved = data.draw(st.booleans())
    edited = (out[start:end] + user + f"#{tail}\n") if moved else (
        user + out[start:end] + f"#{tail}\n")
    second = data.draw(new_specs(_ids(edited)))
    seen = [fingerprint(s) for s in second]
    result = _update(edited, second, seen)
    s, e = _block(edited)
    assert result.startswith(edited[:s] + edited[e:])
    assert _block(result)[1] == len(result)  # the table is last
    assert read_memory(result).seen == {fingerprint(x) for x in first + second}
    assert len(_loads(result).specs) == len(_ids(edited)) + len(second)
    assert _update(result, [], seen) == result


@settings(PROPERTY, max_examples=15)
@given(st.data())
def test_a_fresh_draft_loads_and_is_a_fixed_point(data: st.DataObject) -> None:
    new = data.draw(new_specs([]))
    seen = [fingerprint(s) for s in new]
    out = _update(None, new, seen)
    assert out.startswith(HEADER)
    assert _ids(out) == [s.id for s in new]
    assert len(_loads(out)) == len(new)
    assert read_memory(out).seen == set(seen)
    assert _update(out, [], seen) == out
    assert _update(out, [s for s in new if fingerprint(s) not in read_memory(out)], []) == out


def test_a_fresh_draft_says_what_it_is_and_loads() -> None:
    new = [EventSpec.build("drafted", "Drafted", [_claim(SENTENCES[0], "drafted")])]
    for existing in (None, "", "  \n\n"):
        out = _update(existing, new, [fingerprint(new[0])])
        assert out.startswith(HEADER + "\n[[events]]\n")
        assert BATCH not in out
        assert _ids(out) == ["drafted"]
        assert len(_loads(out)) == 1
        assert _update(out, [], []) == out
    empty = _update(None, [], [])
    assert _ids(empty) == [] and read_memory(empty) == DraftMemory()
    assert len(_loads(empty)) == 0
    assert _update(empty, [], []) == empty


def test_new_ids_are_made_unique_and_references_among_new_events_follow() -> None:
    vote = EventSpec.build("ga-vote", "Drafted vote", [_claim(SENTENCES[0], "ga-vote")])
    long_id = "g" * 80
    after = EventSpec.build("sc-vote", "Drafted council vote",
                            [_claim(SENTENCES[1], "sc-vote", after="ga-vote")],
                            maybe_same=["ga-vote", "trump-post"])
    long = EventSpec.build(long_id, "Long", [_claim(SENTENCES[2], long_id)])
    twice = _update(SEED_TEXT, [long], [])
    out = _update(twice, [vote, after, long], [])
    assert _ids(out)[-3:] == ["ga-vote-2", "sc-vote-2", "g" * 78 + "-2"]
    tl = _loads(out)
    assert tl["sc-vote-2"].claims[0].after == "ga-vote-2"  # the drafted one
    assert tl["sc-vote-2"].maybe_same == ("ga-vote-2", "trump-post")  # the file's own
    assert tl["ga-vote-2"].maybe_same == ("sc-vote-2",)
    assert tl["ga-vote"] == timeline.load(SEEDS)["ga-vote"]  # the user's event untouched


def test_suggestions_are_written_on_the_new_side() -> None:
    new = [EventSpec.build("drafted", "Drafted", [_claim(SENTENCES[0], "drafted")])]
    out = _update(SEED_TEXT, new, [], maybe_same={"ga-vote": ["drafted"]})
    assert out.startswith(SEED_TEXT)
    assert _loads(out)["ga-vote"].maybe_same == ("drafted",)
    with pytest.raises(CorpusError, match="neither of them a new event") as caught:
        _update(SEED_TEXT, new, [], maybe_same={"ga-vote": ["sc-vote"]})
    assert caught.value.field == "maybe_same"
    with pytest.raises(CorpusError, match="unknown event 'nowhere'") as unknown:
        _update(SEED_TEXT, new, [], maybe_same={"drafted": "nowhere"})
    assert unknown.value.field == "maybe_same"


@pytest.mark.parametrize(("existing", "new_ids", "seen", "field", "message"), [
    (SEED_TEXT, ["drafted", "drafted"], [], "id", "duplicate id"),
    (SEED_TEXT, [], ["not-hex"], "seen", "fingerprint"),
    (SEED_TEXT, [], "0123456789abcdef", "seen", "expected a list"),
    ("[[events]\n", [], [], None, "not valid TOML"),
    (SEED_TEXT.replace("Russia's invasion of Ukraine in", "Russia's invasion in"), [], [],
     "quote", "not found"),
    ('draft = { seen = [] }\n' + SEED_TEXT, [], [], "draft", "a [draft] table of its own"),
    ('draft.seen = []\n' + SEED_TEXT, [], [], "draft", "a [draft] table of its own"),
    (SEED_TEXT + "[draft]\nseen = [1]\n", [], [], "seen", "fingerprint"),
    (SEED_TEXT + "[other]\n", [], [], "other", "unknown key"),
])
def test_what_cannot_be_drafted_into_is_a_corpus_error(
        existing: str, new_ids: list[str], seen: object, field: str | None,
        message: str) -> None:
    new = [EventSpec.build(i, "Drafted", [_claim(SENTENCES[0], i)]) for i in new_ids]
    with pytest.raises(CorpusError, match=re.escape(message)) as caught:
        _update(existing, new, seen, file="corpus/events.toml")  # type: ignore[arg-type]
    assert caught.value.problems[0].field == field


def test_a_file_of_static_event_arrays_cannot_take_tables_and_says_so() -> None:
    quote = toml_string(SENTENCES[0][1])
    existing = (f'events = [{{ id = "e", title = "E", claims = [{{ article = '
                f'"{SENTENCES[0][0]}", quote = {quote}, status = "occurred", '
                f'date = {ARTICLES[SENTENCES[0][0]].published} }}] }}]\n')
    assert _ids(existing) == ["e"]
    assert _ids(_update(existing, [], [])) == ["e"]  # nothing to add: fine
    new = [EventSpec.build("drafted", "Drafted", [_claim(SENTENCES[1], "drafted")])]
    with pytest.raises(CorpusError, match=r"\[\[events\]\] tables"):
        _update(existing, new, [])


def test_a_draft_header_inside_a_string_is_text_not_a_table() -> None:
    note = 'note = """\n[draft]\nseen = []\n# not a comment\n"""\n'
    existing = SEED_TEXT.replace('id = "ga-vote"\n', 'id = "ga-vote"\n' + note)
    new = [EventSpec.build("drafted", "Drafted", [_claim(SENTENCES[0], "drafted")])]
    out = _update(existing, new, ["0123456789abcdef"])
    assert out.startswith(existing)
    assert _loads(out)["ga-vote"].note == "[draft]\nseen = []\n# not a comment\n"
    again = _update(out, [], ["fedcba9876543210"])
    assert again.startswith(existing) and _update(again, [], []) == again
    assert read_memory(again).seen == {"0123456789abcdef", "fedcba9876543210"}


def test_a_file_with_windows_line_breaks_keeps_them() -> None:
    existing = SEED_TEXT.replace("\n", "\r\n")
    new = [EventSpec.build("drafted", "Drafted", [_claim(SENTENCES[0], "drafted")])]
    out = _update(existing, new, ["0123456789abcdef"])
    assert out.startswith(existing)
    assert "\n" not in out.replace("\r\n", "")
    assert _update(out, [], []) == out
    assert len(_loads(out)) == len(SEED_SPECS) + 1


def test_a_file_without_a_final_line_break_gets_one() -> None:
    existing = SEED_TEXT.rstrip("\n") + "  # the end"
    out = _update(existing, [], [])
    assert out.startswith(existing + "\n\n" + MEMORY)
    assert _update(out, [], []) == out


def test_the_users_comments_about_the_table_stay() -> None:
    """Only the draft's own comment goes with the table; the user's stay where they are."""
    out = _update(SEED_TEXT, [], ["0123456789abcdef"])
    start = _block(out)[0]
    mine = out[:start] + "\n# my note on the table\n" + out[start:]
    again = _update(mine, [], [])
    assert again.startswith(out[:start] + "\n# my note on the table\n")
    assert again.count(MEMORY) == 1


@st.composite
def toml_pieces(draw: st.DrawFn) -> list[tuple[str, str]]:
    """Statements of a TOML file, each with its kind, headers and strings that look alike."""
    kinds = {
        "blank": st.sampled_from(["\n", "  \n", "\r\n"]),
        "comment": st.sampled_from(["# [draft]\n", "  # a = [\n", "#\n"]),
        "header": st.sampled_from(["[draft]\n", "[[events]]\n", '[ "a]b" . c ] # x\n',
                                   "[[ events.claims ]]\n"]),
        "pair": st.sampled_from([
            'a = "x # not a comment"\n', "b = '''\n[draft]\n'''\n", 'c = """\n\\"""\n"""\n',
            'd = [\n  "]",\n  [1, 2], # c\n  { e = "[" },\n]\n', "f = 'it''s'\n",
            'g = """a""""\n', "h = ''''x'''''\n", '"i = j" = 1 # k\n', "l = {m = [\n]}\n"]),
    }
    kind_list = draw(st.lists(st.sampled_from(sorted(kinds)), max_size=12))
    return [(kind, draw(kinds[kind])) for kind in kind_list]


@given(toml_pieces())
def test_statements_are_read_as_written(pieces: list[tuple[str, str]]) -> None:
    """The scan splits a file into the statements it was written as: strings, arrays and
    comments that hold brackets, quotes or line breaks do not fool it."""
    text = "".join(piece for _, piece in pieces)
    found = statements(text)
    assert [(s.kind, text[s.start:s.end]) for s in found] == pieces


def test_unseen_keeps_the_candidates_not_proposed_before() -> None:
    article = ARTICLES[SENTENCES[0][0]]
    claim = _claim(SENTENCES[0], "draft")
    assert claim.value is not None
    start = article.text.index(claim.quote)
    candidates = [Candidate(
        article=article.id, published=article.published, quote=claim.quote,
        quote_span=(start, start + len(claim.quote)), when=None, when_span=None,
        value=claim.value, event=word, event_span=(start, start + 1), lemma=word,
        status=claim.status, actors=(), title="A title", content=frozenset(), claim=claim)
        for word in ("voted", "met")]
    remembered = DraftMemory(frozenset({candidates[0].fingerprint}))
    assert unseen(candidates, remembered) == candidates[1:]
    assert unseen(candidates, DraftMemory()) == candidates
    path = _update(SEED_TEXT, [], [c.fingerprint for c in candidates])
    assert unseen(candidates, read_memory(path)) == []


def test_read_draft_memory_reads_what_the_update_wrote(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "events.toml").write_text(_update(SEED_TEXT, [], ["0123456789abcdef"]),
                                        encoding="utf-8")
    assert read_draft_memory(corpus).seen == {"0123456789abcdef"}
