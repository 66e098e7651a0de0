"""The quick reader of line-shaped TOML (issue 16): ``tomllib``'s dict, or nothing."""

from __future__ import annotations

import tomllib

from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline.model.load import seeds_dir
from timeline.model.toml_lines import parse_lines

KEYS = ["id", "quote", "when", "date", "actors", "events", "claims", "a-b_1", "corpus"]
HEADERS = ["[[events]]", "[[events.claims]]", "  [[events.claims]]", "[corpus]", "[draft]",
           "[[a.b.c]]", "[ events ]", "[[events]] # x", "[events]", "[[events.claims]",
           "[[corpus]]", "[events.claims]", "[\"q\"]", "[[claims]]"]
VALUES = st.one_of(
    st.text(max_size=8).map(lambda s: '"' + s + '"'),
    st.text(alphabet='ab"\\\t\x01\u00a0é#', max_size=6).map(lambda s: '"' + s + '"'),
    st.sampled_from(["true", "false", "0", "-0", "+7", "012", "1_000", "1.5", "9" * 19,
                     "2025-02-24", "2025-02-30", "2025-02-25T11:38:00", "2025-02-25T24:00:00",
                     "2025-02-25 11:38:00", "2025-02-25T11:38:00-05:00", "11:38:00",
                     "'lit'", '"""x"""', '"\\u00A0"', '"\\q"', "[]", '["a", "b",]',
                     '[ "a" , "b" ]', '["a", 1]', '["a"', "{ x = 1 }", "", "x"]))
COMMENTS = st.sampled_from(["", " # note", "#", " #\x01", "\t# é", " # [[x]]"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    """Line-shaped TOML, mostly valid, with the near-misses a reader could get wrong."""
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.integers(0, 6))
        if kind == 6:  # a multi-line array, as [draft]'s seen, and its near-misses
            lines.append(draw(st.sampled_from(KEYS)) + " = [" + draw(COMMENTS))
            for _ in range(draw(st.integers(0, 4))):
                lines.append(draw(st.sampled_from(["  ", ""])) + draw(VALUES)
                             + draw(st.sampled_from([",", "", " ,", ", ,"]))
                             + draw(COMMENTS))
            if draw(st.integers(0, 9)):
                lines.append(draw(st.sampled_from(["]", "  ]", "] # end", "],", "]]"])))
        elif kind == 0:
            lines.append(draw(st.sampled_from(HEADERS)) + draw(COMMENTS))
        elif kind == 1:
            lines.append(draw(COMMENTS) + draw(st.sampled_from(["", " ", "\t", "\x0c"])))
        elif kind == 2:
            lines.append(draw(st.text(max_size=10)))
        else:
            space = draw(st.sampled_from([" = ", "=", "  =\t"]))
            lines.append(draw(st.sampled_from(["", "  "])) + draw(st.sampled_from(KEYS))
                         + space + draw(VALUES) + draw(COMMENTS))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    return ending.join(lines) + draw(st.sampled_from(["", "\n", "\r", "\r\n"]))


@settings(max_examples=1500, deadline=None)
@given(documents())
@example('[[events]]\nid = "a"\n  [[events.claims]]\n  quote = "x"\n[[events]]\nid = "b"\n')
@example('a = 1\na = 2\n')
@example('[[events]]\nclaims = []\n[[events.claims]]\n')
def test_what_it_reads_is_what_tomllib_reads(text: str) -> None:
    fast = parse_lines(text)
    if fast is None:
        return
    # repr, so that True is not 1 and a date not a datetime
    assert repr(fast) == repr(tomllib.loads(text))


def test_a_corpus_is_read_by_it() -> None:
    for name in ("sources.toml", "events.toml"):
        text = (seeds_dir() / name).read_text(encoding="utf-8")
        assert repr(parse_lines(text)) == repr(tomllib.loads(text))
    shaped = ('[corpus]\ntitle = "T"\n\n[[articles]]\nid = "a"\npublished = 2025-02-24\n'
              '[[articles]]\nid = "b"\npublished = 2025-02-25T11:38:00  # a dateline\n')
    assert parse_lines(shaped) == tomllib.loads(shaped)
    drafted = '[draft]\nseen = [\n  "3f2a9c0d1e4b5a67",  # a note\n\n  "9b8e7d6c5a4f3e21"\n]\n'
    assert parse_lines(drafted) == tomllib.loads(drafted)


def test_what_it_does_not_know_it_leaves_to_tomllib() -> None:
    for text in ('seen = [\n  "a",\n', 'seen = [\n  "a"\n  "b"\n]\n', "a.b = 1\n",
                 '"q" = 1\n', "[a]\n[a.b]\nx = 1\n",
                 "x = 1\r", "x = 2025-02-30\n", "[[a]]\n[a]\n", "x = " + "[" * 5000 + "\n"):
        assert parse_lines(text) is None, text
