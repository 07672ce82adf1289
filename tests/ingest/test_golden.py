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


def test_a_traditional_copy_splits_like_its_simplified_twin(tmp_path):
    import opencc

    from pipeline.ingest import ingest_file

    from ..conftest import SAMPLE

    for path in sorted(SAMPLE.glob("*.txt")):
        simple, _ = ingest_file(path, path.name)
        copy = tmp_path / path.name
        copy.write_text(opencc.OpenCC("s2t").convert(path.read_text(encoding="utf-8")), encoding="utf-8")
        trad, errors = ingest_file(copy, path.name)
        assert errors == [] and len(trad) == len(simple), path.name
        assert {d["script"] for d in trad} == {"traditional"}
        assert [d["n_chars"] for d in trad] == [d["n_chars"] for d in simple]
        assert [d["kind"] for d in trad] == [d["kind"] for d in simple]
        assert [bool(d["title"]) for d in trad] == [bool(d["title"]) for d in simple]
        assert all(t["title"] is None or "計劃" in t["title"] or "總結" in t["title"] for t in trad)


def test_a_traditional_copy_is_a_duplicate_of_its_simplified_twin(tmp_path):
    import opencc

    import pipeline

    from ..conftest import SAMPLE

    src = SAMPLE / "002_de4ba366cc12e037.txt"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "b_trad.txt").write_text(opencc.OpenCC("s2t").convert(src.read_text(encoding="utf-8")))
    pipeline.run([tmp_path / "in"], tmp_path / "out")
    docs = pd.read_parquet(tmp_path / "out" / "documents")
    a, b = docs[docs.source == "a.txt"].sort_values("part"), docs[docs.source == "b_trad.txt"].sort_values("part")
    first = dict(zip(a.doc_id, a.dup_of))
    expected = [d if not isinstance(first[d], str) else first[d] for d in a.doc_id]
    assert list(b.dup_of) == expected
