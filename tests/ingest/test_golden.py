"""The sample corpus splits into exactly the gold documents; its spun copies are marked."""
import pandas as pd
import pytest

from pipeline.evaluate import norm, read_gold
from pipeline.ingest.split import clean_title

from ..conftest import GOLD


@pytest.fixture(scope="module")
def documents(sample_out):
    return pd.read_parquet(sample_out / "documents")


@pytest.mark.parametrize("source", sorted(read_gold(GOLD)))
def test_sample_splits_into_the_gold_documents(documents, source):
    gold = read_gold(GOLD)[source]
    mine = documents[documents.source == source].sort_values("part")
    assert list(mine.part) == [g["part"] for g in gold]
    for g, (title, text) in zip(gold, zip(mine.title, mine.text)):
        assert norm(text).startswith(norm(g["starts_with"])), (g["part"], g["starts_with"], text[:30])
        assert (title if isinstance(title, str) else None) == clean_title(g.get("title")), g["part"]


def test_documents_have_kind_ids_and_lengths(documents):
    assert documents.doc_id.is_unique
    assert set(documents.kind) <= {"summary", "plan", "other"}
    assert (documents.n_chars == documents.text.str.len()).all()
    assert (documents.encoding == "utf-8").all()


def test_spun_copies_point_at_their_first_copy(documents):
    key = {(s[:3], p): d for s, p, d in zip(documents.source, documents.part, documents.doc_id)}
    dup = dict(zip(documents.doc_id, documents.dup_of))
    assert dup[key["000", 6]] == key["000", 3]  # 形成→构成, 积极→用心 spun copy
    assert dup[key["003", 12]] == key["003", 0]  # republished with a new first paragraph
    marked = {k for k, d in key.items() if isinstance(dup[d], str)}
    assert marked == {("000", 6), ("003", 12)}
