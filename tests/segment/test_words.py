from pathlib import Path

import numpy as np
import pytest

from pipeline.config import SegmentConfig
from pipeline.errors import UsageError
from pipeline.segment import pkuseg_model
from pipeline.segment.userdict import Entry, read_user_dict
from pipeline.segment.words import load_rjieba, load_segmenter

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "sample"
USER_DICT = str(SegmentConfig().user_dict)
BACKENDS = ["jieba", "jieba-py", "pkuseg"]


@pytest.fixture(scope="module", params=BACKENDS)
def seg(request):
    if request.param == "pkuseg" and not pkuseg_model.is_ready():
        pytest.skip("pkuseg model cache missing: run `python -m pipeline.segment.pkuseg_model`")
    return load_segmenter(request.param, USER_DICT)


def tokens(seg, text: str) -> list[str]:
    toks = seg.segment(text)
    spans = list(zip(toks.starts.tolist(), toks.ends.tolist()))
    assert len(toks.pos) == len(spans) and toks.pos.null_count == 0
    assert all(a < b for a, b in spans) and all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))
    return [text[a:b] for a, b in spans]


@pytest.mark.parametrize("text", [
    "本学期，我校积极开展校本教研活动。",
    " 教师66名 参加了 2023 年的 PEP 英语培训\u3000活动 ",
    "繼續(xù)加強教研組建設\n第二行：“好。”",
    "a.b 3.5% ……《新课标》\t测试",
    "",
    "   ",
])
def test_offsets_index_the_text_and_cover_it(seg, text):
    words = tokens(seg, text)
    assert all(w.strip() == w and w for w in words)  # whitespace-only tokens are dropped
    assert "".join(words) == "".join(text.split())  # the non-space tokens spell the text


@pytest.mark.parametrize("carrier", ["{}", "我校积极开展{}工作。", "本学期，{}的老师们"])
def test_user_dictionary_terms_stay_whole(seg, carrier):
    terms = [e.word for e in read_user_dict(USER_DICT)]
    assert {"校本教研", "教研组", "集体备课", "青蓝工程", "国培计划", "骨干教师", "教科室", "公开课"} <= set(terms)
    split = [t for t in terms if t not in tokens(seg, carrier.format(t))]
    assert split == []


def test_jieba_backends_keep_neighbouring_words():
    for name in ("jieba", "jieba-py"):
        seg = load_segmenter(name, USER_DICT)
        assert tokens(seg, "小学校本教研工作计划") == ["小学", "校本教研", "工作", "计划"]
        assert tokens(seg, "学校教研组织工作") == ["学校", "教研", "组织", "工作"]
        assert tokens(seg, "对常态课堂进行观察")[:3] == ["对", "常态", "课堂"]


def test_user_dictionary_tags_override_jieba():
    seg = load_segmenter("jieba", USER_DICT)
    toks = seg.segment("观摩课和国培计划")
    assert toks.pos.to_pylist() == ["n", "c", "nz"]  # jieba's dict.txt tags 观摩课 as nr


def sample_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8-sig").replace("\r\n", "\n") for p in sorted(SAMPLE.glob("*.txt")))


def test_rjieba_agrees_with_jieba_on_the_sample_corpus():
    import jieba

    text = sample_text()
    fast = load_segmenter("jieba", USER_DICT).segment(text)
    ref = load_segmenter("jieba-py", USER_DICT).segment(text)
    fast_pairs = set(zip(fast.starts.tolist(), fast.ends.tolist(), fast.pos.to_pylist()))
    ref_pairs = set(zip(ref.starts.tolist(), ref.ends.tolist(), ref.pos.to_pylist()))
    tagged = len(fast_pairs & ref_pairs) / len(ref_pairs)
    spans = len({p[:2] for p in fast_pairs} & {p[:2] for p in ref_pairs}) / len(ref_pairs)
    assert tagged >= 0.96 and spans >= 0.97  # measured 96.5% and 97.8% (jieba.posseg's own HMM)

    tok = jieba.Tokenizer()
    tok.load_userdict(USER_DICT)
    ref_ends = set(np.cumsum([len(w) for w in tok.cut(text, HMM=True)]).tolist())
    fast_ends = set(np.cumsum([len(w) for w in load_rjieba(USER_DICT).cut(text, True)]).tolist())
    assert len(ref_ends & fast_ends) / len(ref_ends | fast_ends) >= 0.9995  # jieba.cut: measured 99.996%


def test_pkuseg_pos_comes_from_jieba_on_its_tokens():
    if not pkuseg_model.is_ready():
        pytest.skip("pkuseg model cache missing")
    seg = load_segmenter("pkuseg", USER_DICT)
    text = "我校积极开展校本教研，实施青蓝工程。"
    toks = seg.segment(text)
    tags = dict(zip([text[a:b] for a, b in zip(toks.starts.tolist(), toks.ends.tolist())], toks.pos.to_pylist()))
    assert tags["校本教研"] == "n" and tags["青蓝工程"] == "nz" and tags["实施"] == "v"


def test_loaders_are_cached_per_name_and_dictionary():
    assert load_segmenter("jieba", USER_DICT) is load_segmenter("jieba", USER_DICT)
    assert load_segmenter("jieba", "") is not load_segmenter("jieba", USER_DICT)
    with pytest.raises(ValueError):
        load_segmenter("thulac", USER_DICT)


def test_missing_pkuseg_cache_says_how_to_make_it(tmp_path):
    with pytest.raises(UsageError, match="python -m pipeline.segment.pkuseg_model"):
        pkuseg_model.require_model_dir(tmp_path)


def test_user_dictionary_lines(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("\ufeff校本教研 100 n\n青蓝工程\n\n国培计划 nz\n教研组 26\n", encoding="utf-8")
    assert read_user_dict(str(path)) == (
        Entry("校本教研", 100, "n"), Entry("青蓝工程", None, None), Entry("国培计划", None, "nz"), Entry("教研组", 26, None))
    bad = tmp_path / "bad.txt"
    bad.write_text("两个 词 100 n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.txt:1"):
        read_user_dict(str(bad))
