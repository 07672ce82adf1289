"""Property tests: hostile text never crashes a stage, every offset indexes its text, every stage repeats itself."""
import math
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pipeline.config import IngestConfig, OutlineConfig
from pipeline.extract import find_counts, find_teachers
from pipeline.extract.awards import find_awards
from pipeline.extract.projects import find_projects
from pipeline.ingest import documents_of
from pipeline.ingest.normalise import normalise_lines
from pipeline.outline import classify
from pipeline.outline.document import outline
from pipeline.outline.features import FEATURES
from pipeline.segment.sentences import split_sentences

from .conftest import DOC_TEXT, PROPERTY, TEXT, doc_table, run_chain

LINE = TEXT.map(lambda t: t.replace("\r", "").replace("\n", ""))  # one paragraph, as normalise_lines takes
FINDERS = {"count": find_counts, "teacher": find_teachers, "award": find_awards, "project": find_projects}


def _controls(s: str) -> list[str]:
    """Control characters (Cc) other than the line feed."""
    return [c for c in s if unicodedata.category(c) == "Cc" and c != "\n"]


# --- ingest: normalisation and documents_of -------------------------------------------------

@PROPERTY
@given(st.lists(LINE, max_size=12))
@example(["一、指导\x00思想", "\x1b[0m老师\x7f", "1、、教师66名,学生2人"])
def test_normalise_lines_canonical_and_deterministic(lines):
    out = normalise_lines(lines)
    assert out == normalise_lines(list(lines))
    assert all("\n" not in s and s == s.strip() and not _controls(s) for s in out)
    assert all(not any("\uff10" <= c <= "\uff19" for c in s) for s in out)  # full-width digits made half-width


def test_normalise_lines_gives_one_line_per_input_on_plain_text():
    lines = ["一、指导思想", "", "  本学期，我校教师66名 ", "\x00"]
    assert normalise_lines(lines) == ["一、指导思想", "", "本学期，我校教师66名", ""]


@PROPERTY
@given(st.lists(LINE, min_size=1, max_size=12))
@example(["（1）、、加强学习,提高认识...", '他说"好"', "&nbsp;>一、指导思想"])
def test_normalise_lines_is_idempotent(lines):
    once = normalise_lines(lines)
    assert len(once) == len(lines)
    assert normalise_lines(once) == once




def test_normalise_collapses_adjacent_ellipses_in_one_pass():
    assert normalise_lines(["结束了……。。。下一步"]) == ["结束了……下一步"]


def test_punctuation_left_by_removed_pinyin_is_full_width():
    assert normalise_lines(["工作繼續(xù)!", "繼續(xù), 2020年"]) == ["工作繼續！", "繼續，2020年"]


def test_normalise_of_no_lines_is_no_lines():
    assert normalise_lines([]) == []


def test_page_number_pattern_does_not_cross_lines():
    assert normalise_lines(["学校-", "1", "-教研"]) == ["学校-", "1", "-教研"]
    assert normalise_lines(["第1", "页共3", "页"]) == ["第1", "页共3", "页"]


@PROPERTY
@given(DOC_TEXT)
@example("\ufeff工作总结篇1\r\n 本学期，我校教师66名。\n\n\n 相关推荐\n篇2")
def test_documents_of_never_crashes_and_is_canonical(text):
    rows = documents_of(text, "a.txt", "utf-8", "0" * 40, IngestConfig())
    assert rows == documents_of(text, "a.txt", "utf-8", "0" * 40, IngestConfig())
    assert [r["part"] for r in rows] == list(range(len(rows)))
    assert len({r["doc_id"] for r in rows}) == len(rows)
    for r in rows:
        body = r["text"]
        assert r["n_chars"] == len(body) and body
        assert "\r" not in body and not _controls(body)
        assert all(line and line == line.strip() for line in body.split("\n"))
        assert r["kind"] in ("summary", "plan", "other") and r["script"] in ("simplified", "traditional")


# --- segment: sentence spans ----------------------------------------------------------------

@PROPERTY
@given(TEXT)
@example("1.2.3。。。！？”\n\n（1）。《关于。》" + "…" * 5)
def test_sentence_spans_cover_the_text_in_order(text):
    spans = split_sentences(text)
    assert spans == split_sentences(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        piece = text[s:e]
        assert piece == piece.strip() and "\n" not in piece
        last = e
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())  # nothing but whitespace is left out


# --- outline ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def model():
    return classify.load(str(OutlineConfig().model), FEATURES)


@PROPERTY
@given(text=DOC_TEXT, title=st.none() | st.sampled_from(["工作总结", "一、指导思想", ""]))
@example(text="一、指导思想\n" * 30 + "（1）" * 40 + "\n①\n九月份\n优点：", title=None)
def test_outline_sections_index_the_text_and_nest(model, text, title):
    secs = outline(text, title, model)
    assert secs == outline(text, title, model)
    prev_start = -1
    for k, s in enumerate(secs):
        assert 0 <= s.start <= s.end <= s.body_end <= len(text)
        assert s.start > prev_start
        prev_start = s.start
        head = text[s.start:s.end]
        assert head.startswith(s.marker or s.title) and head.endswith(s.title)
        assert 0.0 <= s.score <= 1.0
        if s.parent < 0:
            assert s.level == 1
        else:
            parent = secs[s.parent]
            assert s.parent < k and s.level == parent.level + 1
            assert parent.start < s.start and s.body_end <= parent.body_end


# --- extract: the finders one by one ----------------------------------------------------------

@PROPERTY
@given(DOC_TEXT)
@example("郭z校长、xx老师和王建民老师荣获市级一等奖5名、二等奖12名，课题《村校管理模式的研究》结题，教师66名")
@example("教师" + "9" * 400 + "名，" + "九" * 60 + "人，3-" + "9" * 400 + "人")
def test_finders_give_spans_that_index_the_text(text):
    for kind, finder in FINDERS.items():
        found = finder(text)
        assert found == finder(text), kind
        for e in found:
            assert e["type"] in (kind, "student"), (kind, e)
            assert 0 <= e["start"] < e["end"] <= len(text), (kind, e)
            assert text[e["start"]:e["end"]] == e["text"], (kind, e)
            assert all(e.get(k) is None or math.isfinite(e[k]) for k in ("value", "value_high")), (kind, e)
            _check_attributes(e)


def _check_attributes(e: dict) -> None:
    """Attributes that must agree with the span: a teacher's or project's name is in it, a range goes up."""
    if e["type"] in ("teacher", "project"):
        assert e["name"] and e["name"] in e["text"], e
    if e["type"] == "count" and e["value"] is not None and e.get("value_high") is not None:
        assert e["value"] < e["value_high"], e


# --- the stages on a one-document table -------------------------------------------------------

@PROPERTY
@given(text=DOC_TEXT, script=st.sampled_from(["simplified", "traditional"]), ingested=st.booleans())
@example(text="一、加強隊伍建設\n我校現有教師66名，王建民老師榮獲市級一等獎。\n（一）課題《閱讀教學研究》結題",
         script="traditional", ingested=False)
def test_stages_on_one_document_index_the_text_and_repeat(stages, text, script, ingested):
    if ingested:  # the text as ingest hands it on, or else raw hostile text straight into the stages
        rows = documents_of(text, "a.txt", "utf-8", "0" * 40, IngestConfig())
        text = rows[0]["text"] if rows else ""
    docs = doc_table(text, script)
    first = run_chain(stages, docs)
    again = run_chain(stages, docs)
    for name, table in first.items():
        assert table.equals(again[name]), name
    for name in ("sentences", "tokens", "entities"):
        for row in first[name].to_pylist():
            assert row["doc_id"] == "d0"
            assert 0 <= row["start"] <= row["end"] <= len(text) and text[row["start"]:row["end"]] == row["text"], name
    _check_sections(first["sections"].to_pylist(), text)
    sents = first["sentences"].to_pylist()
    assert [s["sent_id"] for s in sents] == list(range(len(sents)))
    for tok in first["tokens"].to_pylist():  # a token lies inside its sentence
        assert sents[tok["sent_id"]]["start"] <= tok["start"] < tok["end"] <= sents[tok["sent_id"]]["end"]
    _check_entities(first["entities"].to_pylist(), sents, first["sections"]["section_id"].to_pylist())


def _check_sections(secs: list[dict], text: str) -> None:
    """Ids in order, parents before children, spans inside the text."""
    ids = [s["section_id"] for s in secs]
    assert ids == [f"d0-s{k}" for k in range(len(secs))]
    for k, s in enumerate(secs):
        assert 0 <= s["start"] <= s["end"] <= s["body_end"] <= len(text)
        assert s["parent_id"] is None or s["parent_id"] in ids[:k]


def _check_entities(ents: list[dict], sents: list[dict], section_ids: list[str]) -> None:
    """Ids in order of start, each in its sentence and a known section, finite numbers."""
    assert [e["entity_id"] for e in ents] == [f"d0-e{k}" for k in range(len(ents))]
    assert [e["start"] for e in ents] == sorted(e["start"] for e in ents)
    assert all(s["section_id"] is None or s["section_id"] in section_ids for s in sents)
    for e in ents:
        assert e["section_id"] is None or e["section_id"] in section_ids
        assert all(e[k] is None or math.isfinite(e[k]) for k in ("value", "value_high"))
        if e["sent_id"] is not None:
            assert sents[e["sent_id"]]["start"] <= e["start"]
