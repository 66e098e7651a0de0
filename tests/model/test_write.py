"""TOML out (``timeline.model.write``): every value written reads back equal with tomllib."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from timeline.model import Article
from timeline.model.write import article_table, sources_toml, toml_pairs, toml_string

# Minutes-whole offsets: TOML offset datetimes have no seconds in their offset.
offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
datetimes = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.builds(lambda d, tz: d.replace(tzinfo=tz),
              st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31)),
              offsets))
scalars = st.one_of(st.text(), st.booleans(), st.integers(-(2**63), 2**63 - 1),
                    st.dates(), datetimes)
values = st.one_of(scalars, st.lists(st.text(), max_size=4))


@given(st.dictionaries(st.text(min_size=1), values, max_size=6))
def test_pairs_read_back_equal(table: dict[str, object]) -> None:
    text = toml_pairs(table.items())
    assert tomllib.loads(text) == {k: list(v) if isinstance(v, tuple) else v
                                   for k, v in table.items()}


def test_strings_keep_typography_and_escape_controls() -> None:
    assert toml_string("Doesn’t\u00a0it") == '"Doesn’t\u00a0it"'
    assert toml_string('a "b" \\ c\n\x01\x7f') == '"a \\"b\\" \\\\ c\\n\\u0001\\u007F"'


def test_none_is_left_out() -> None:
    assert toml_pairs([("a", None), ("b", 1)]) == "b = 1\n"


def test_sources_toml_reads_back() -> None:
    articles = [
        Article(id="a", file="a.txt", title="Votes “at” the U.N.", outlet=None, url=None,
                published=date(2025, 2, 24), text="x"),
        Article(id="b", file="b.txt", title="Later", outlet="WSJ", url="https://example.com/b",
                published=datetime(2025, 2, 25, 11, 38, tzinfo=UTC), text="y"),
    ]
    text = sources_toml(articles, title="UN votes", header="Two articles.")
    assert text.startswith("# Two articles.\n")
    document = tomllib.loads(text)
    assert document["corpus"] == {"title": "UN votes"}
    assert document["articles"][0] == {"id": "a", "file": "a.txt",
                                       "title": "Votes “at” the U.N.",
                                       "published": date(2025, 2, 24)}
    assert document["articles"][1]["published"] == datetime(2025, 2, 25, 11, 38, tzinfo=UTC)
    assert article_table(articles[0], file="x/a.txt").count("\n") == 5
