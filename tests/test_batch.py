"""``timeline.batch``: records in, records out; the same for any number of processes; the
draft's grouping by time blocks equal to ``timeline.draft``'s (#16)."""

from __future__ import annotations

import functools
import io
import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import newsgen
import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline import batch
from timeline.errors import CorpusError
from timeline.model.load import load_articles, seeds_dir


@functools.cache
def _seed_records() -> list[dict[str, str]]:
    return [batch.record_of(a) for a in load_articles(seeds_dir())]


def test_a_record_in_gives_its_mentions_out() -> None:
    record = {"id": "a1", "text": "The vote was on Monday. It lasted three hours.",
              "published": "2025-02-25"}
    (out,) = batch.tag_records([record])
    assert out["id"] == "a1"
    first, second = out["mentions"]
    assert first == {"text": "Monday", "span": [16, 22], "type": "DATE",
                     "value": "2025-02-24", "mod": None,
                     "interval": ["2025-02-24", "2025-02-25"], "rule": "date.signal",
                     "granularity": "day"}
    assert (second["type"], second["value"], second["interval"]) == ("DURATION", "PT3H", None)
    (scanned,) = batch.scan_records([record])
    assert scanned["mentions"][0]["span"] == [13, 22]  # the signal too: "on Monday"


def test_tag_records_are_what_the_tagger_gives() -> None:
    for record, out in zip(_seed_records(), batch.tag_records(_seed_records()), strict=True):
        mentions = timeline.tag(record["text"], record["published"])
        assert [m["value"] for m in out["mentions"]] == [m.timex.value for m in mentions]
        assert [tuple(m["span"]) for m in out["mentions"]] == [m.extent for m in mentions]


def test_the_functions_and_options_pickle() -> None:
    work = functools.partial(batch.tag_records, options=batch.Options(date_order="dmy"))
    again = pickle.loads(pickle.dumps(work))
    record = {"id": "x", "text": "Signed on 3/2/2025.", "published": "2025-03-10"}
    assert again([record])[0]["mentions"][0]["value"] == "2025-02-03"


@pytest.mark.parametrize(("record", "field"), [
    ({"text": "x", "published": "2025-02-24"}, "id"),
    ({"id": "a", "published": "2025-02-24"}, "text"),
    ({"id": "a", "text": "x"}, "published"),
    ({"id": "a", "text": "x", "published": "last Tuesday"}, "published"),
    ({"id": "a", "text": 3, "published": "2025-02-24"}, "text"),
    ({"id": "", "text": "x", "published": "2025-02-24"}, "id"),
])
def test_a_bad_record_is_a_corpus_error_naming_its_field(record: dict[str, object],
                                                         field: str) -> None:
    with pytest.raises(CorpusError) as caught:
        batch.tag_records([record])  # type: ignore[list-item]
    assert caught.value.field == field


def test_read_jsonl_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    good = json.dumps({"id": "a", "text": "on Monday", "published": "2025-02-25"})
    path.write_text(f"{good}\n\n{good}\n{{nope\n", encoding="utf-8")
    read = batch.read_jsonl(path)
    assert next(read)["id"] == "a" and next(read)["id"] == "a"
    with pytest.raises(CorpusError, match=r"in\.jsonl: line 4: not JSON"):
        next(read)
    path.write_text(json.dumps({"id": "b", "text": "x", "published": "soon"}) + "\n",
                    encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 1 \(record 'b'\): published"):
        list(batch.read_jsonl(path))


def _double(items: list[int]) -> list[int]:
    return [2 * i for i in items]


@given(st.lists(st.integers(), max_size=40), st.integers(1, 3), st.integers(1, 5))
def test_parallel_in_process_keeps_order(items: list[int], jobs: int, chunk: int) -> None:
    # jobs > 1 with more than one chunk starts a pool: only one such example, below
    assert list(batch.parallel(_double, items, jobs=1, chunk=chunk)) == _double(items)


def test_parallel_on_processes_gives_the_same_in_order_and_reads_ahead_a_window() -> None:
    pulled = []

    def source() -> Iterator[int]:
        for i in range(200):
            pulled.append(i)
            yield i

    results = batch.parallel(_double, source(), jobs=2, chunk=5, window=2)
    first = next(results)
    assert first == 0
    assert len(pulled) <= 5 * (2 * 2 + 1)  # never the whole input: the window, one more chunk
    assert [first, *results] == _double(list(range(200)))


def test_tagging_on_two_processes_equals_one() -> None:
    records = newsgen.records(60, seed=5)
    work = functools.partial(batch.tag_records, options=batch.Options())
    one = list(batch.parallel(work, records, jobs=1))
    assert list(batch.parallel(work, records, jobs=2, chunk=7)) == one
    assert [r["id"] for r in one] == [r["id"] for r in records]


def test_draft_by_time_blocks_equals_the_draft_on_the_seeds() -> None:
    articles = load_articles(seeds_dir())
    found = timeline.draft.candidates_of(articles)
    blocks = batch.time_blocks(found)
    assert len(blocks) > 1
    assert sorted(c.fingerprint for b in blocks for c in b) == sorted(
        c.fingerprint for c in found)
    by_blocks = batch.merge_blocks([batch.group_block(b) for b in blocks], articles)
    assert by_blocks == timeline.draft(articles)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_draft_by_time_blocks_equals_the_draft_on_generated_news(seed: int) -> None:
    records = newsgen.records(40, seed=seed, days=120)
    articles = [batch.article_of(r) for r in records]
    found = timeline.draft.candidates_of(articles)
    blocks = batch.time_blocks(found)
    assert len(blocks) > 1
    whole = timeline.draft(articles)
    assert batch.merge_blocks([batch.group_block(b) for b in blocks], articles) == whole
    # the blocks in another order, grouped elsewhere: the same draft
    shuffled = [batch.group_block(b) for b in reversed(blocks)]
    assert batch.merge_blocks(shuffled, articles) == whole


def test_draft_records_equals_the_draft() -> None:
    records = newsgen.records(30, seed=7)
    articles = [batch.article_of(r) for r in records]
    assert batch.draft_records(records, jobs=1).events == timeline.draft(articles).events


def test_unique_ids_are_groups_own() -> None:
    assert batch.unique_ids(["Vote", "Vote", "Vote 2", "Vote"]) == [
        "vote", "vote-3", "vote-2", "vote-4"]


def test_parquet_reads_back_one_row_a_mention() -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    results = batch.tag_records(_seed_records())
    stream = io.BytesIO()
    assert batch.write_parquet(results, stream, batch=7) == sum(
        len(r["mentions"]) for r in results)
    table = pq.read_table(io.BytesIO(stream.getvalue()))
    assert tuple(table.column_names) == batch.PARQUET_COLUMNS
    rows = table.to_pylist()
    assert rows == list(batch.mention_rows(results))
    first = results[0]["mentions"][0]
    assert rows[0]["article"] == results[0]["id"]
    assert (rows[0]["start"], rows[0]["end"]) == tuple(first["span"])
    assert [rows[0]["interval_start"], rows[0]["interval_end"]] == first["interval"]
    assert str(table.schema.field("start").type) == "int32"


def test_read_jsonl_reads_the_names_init_reads(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps({"id": 7, "maintext": "Signed on Monday.", "headline": "Deal",
                                "date_publish": "Wed, 26 Feb 2025 09:00:00 +0000"}) + "\n",
                    encoding="utf-8")
    (record,) = batch.read_jsonl(path)
    assert record == {"id": "7", "text": "Signed on Monday.", "title": "Deal",
                      "published": "2025-02-26T09:00:00+00:00"}
    assert batch.tag_records([record])[0]["mentions"][0]["value"] == "2025-02-24"
