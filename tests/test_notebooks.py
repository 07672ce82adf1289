"""The notebooks run clean on a fresh sample run; the HTML report embeds every chart; the helpers they call."""
import os
import re
import warnings

import nbformat
import pandas as pd
import pytest

import pipeline
from pipeline import analysis, evaluate, quality, report
from pipeline.config import RunConfig, SegmentConfig
from pipeline.segment import pkuseg_model

from .conftest import GOLD, SAMPLE

EXPLORE_CHARTS = ("docs_year_kind", "doc_length", "top_titles", "section_order", "section_length", "awards",
                  "award_events", "count_measures", "projects", "teachers")
QUALITY_CHARTS = ("f1_by_file", "level_confusion", "doc_f1")
GLYPH = re.compile(r"Glyph \d+ .*missing from font")


@pytest.fixture(scope="module")
def pkuseg_out(tmp_path_factory):
    """A second run over the sample with pkuseg, or None when the model cache is not set up."""
    if not pkuseg_model.is_ready():
        return None
    out = tmp_path_factory.mktemp("pkuseg_out")
    pipeline.run([SAMPLE], out, RunConfig(segment=SegmentConfig(segmenter="pkuseg")))
    return out


def chart_ids(html: str) -> set[str]:
    """Charts embedded as base64 PNG, by the name of their cell's chart: tag."""
    img = r"<img alt='[^']*' src='data:image/png;base64,[A-Za-z0-9+/=]{100,}'>"
    return set(re.findall(r"<figure id='chart-(\w+)'>" + img, html))


def test_report_embeds_every_chart_without_missing_glyphs(sample_out, pkuseg_out, tmp_path):
    path = report.write_report(sample_out, tmp_path / "r" / "report.html", pkuseg_out)
    html = path.read_text(encoding="utf-8")
    assert chart_ids(html) >= set(EXPLORE_CHARTS)
    assert not GLYPH.search(html)
    assert not re.search(r"(src|href)=['\"]https?:", html)  # opens offline
    assert "<h2>1 语料概况 · Corpus overview</h2>" in html  # markdown rendered
    assert ("only pkuseg" in html) == (pkuseg_out is not None)
    assert not list(path.parent.glob(".*.tmp"))


def test_quality_notebook_runs_clean_and_draws_its_charts(sample_out):
    env = dict(os.environ, ZONGJIE_OUT=str(sample_out), ZONGJIE_GOLD=str(GOLD))
    nb = report.run_notebook(report.NOTEBOOKS / "quality.ipynb", env)  # raises on any cell error
    streams = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert not GLYPH.search(streams)
    assert chart_ids(report.notebook_html(nb, "quality")) >= set(QUALITY_CHARTS)


@pytest.mark.parametrize("name", ["explore", "quality"])
def test_notebooks_are_committed_without_outputs(name):
    nb = nbformat.read(report.NOTEBOOKS / f"{name}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)
    assert not re.search(r"['\"](/|[A-Z]:\\)\w", "".join(c.source for c in code))  # no hard-coded paths


def test_the_bundled_cjk_font_draws_chinese_that_dejavu_cannot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def glyph_warnings():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig, ax = plt.subplots()
            ax.set(title="奖项：级别 × 等次", xlabel="长度（字）", ylabel="文档数 documents")
            fig.canvas.draw()
            plt.close(fig)
        return [w for w in caught if GLYPH.search(str(w.message))]

    with matplotlib.rc_context({"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}):
        assert glyph_warnings()  # the check below can fail
    with matplotlib.rc_context():
        assert report.use_cjk_font() == "Noto Sans CJK SC"
        assert glyph_warnings() == []


def test_env_path_defaults_to_the_repo_and_resolves_relative_paths(monkeypatch):
    monkeypatch.delenv("ZONGJIE_OUT", raising=False)
    assert report.env_path("ZONGJIE_OUT", "out/sample") == report.ROOT / "out" / "sample"
    assert report.env_path("ZONGJIE_PKUSEG_OUT") is None
    monkeypatch.setenv("ZONGJIE_OUT", "/data/run")
    assert str(report.env_path("ZONGJIE_OUT", "out/sample")) == "/data/run"


def test_titles_normalise_and_map_to_section_types():
    assert analysis.normalise_title("存在的不足：") == "存在不足"
    assert analysis.normalise_title("转变观念，增强教研意识") == "转变观念"
    assert analysis.section_type("教研活动时间安排") == "活动安排 schedule"
    assert analysis.section_type("指导思想") == "指导思想 guiding ideas"
    assert analysis.section_type("加强青年教师培养") == "教师发展 teacher development"
    assert analysis.section_type("整体布局，构成规模") == analysis.OTHER
    assert [analysis.year_label(y) for y in ("20xx", "20__-20__", None, "2019")] == \
        ["占位 placeholder (20xx)", "占位 placeholder (20xx)", "未注明 not stated", "2019"]


def entity_frame(rows: list[dict]) -> pd.DataFrame:
    cols = ["doc_id", "entity_id", "type", "text", "name", "value", "unit", "item", "rank", "level", "event", "kind",
            "status", "placeholder"]
    return pd.DataFrame([{c: r.get(c) for c in cols} for r in rows], columns=cols)


def test_counts_are_grouped_by_measure_with_money_in_yuan_and_placeholders_apart():
    ents = entity_frame([
        {"doc_id": "a", "entity_id": "a-e0", "type": "count", "text": "30多万元", "value": 30.0, "unit": "万元",
         "placeholder": False},
        {"doc_id": "a", "entity_id": "a-e1", "type": "count", "text": "教师66名", "value": 66.0, "unit": "名", "item": "教师",
         "placeholder": False},
        {"doc_id": "a", "entity_id": "a-e2", "type": "count", "text": "x余人", "value": None, "unit": "人", "item": "教师",
         "placeholder": True},
        {"doc_id": "a", "entity_id": "a-e3", "type": "count", "text": "604人次", "value": 604.0, "unit": "人次",
         "item": "培训", "placeholder": False},
    ])
    summary = analysis.measure_summary(analysis.count_measures(ents))
    assert summary.loc["金额 money (元)", "sum"] == 300000
    assert summary.loc["教师 teachers", ["数值 number", "占位 placeholder", "sum"]].tolist() == [1, 1, 66]
    assert summary.loc["培训人次 training person-times", "sum"] == 604


def test_awards_table_orders_levels_and_ranks_and_keeps_unstated_apart():
    ents = entity_frame([
        {"type": "award", "text": "区级演讲比赛二等奖", "rank": "二等奖", "level": "district"},
        {"type": "award", "text": "全国美术书法摄影作品大赛特等奖", "rank": "特等奖", "level": "national"},
        {"type": "award", "text": "优秀组织奖", "rank": None, "level": None},
    ])
    table = analysis.award_table(ents)
    assert list(table.index) == ["国家级 national", "区级 district", analysis.UNSTATED]
    assert list(table.columns) == ["特等奖", "二等奖", analysis.UNSTATED]


def test_per_document_errors_list_missed_and_spurious_items():
    gold = {"f.txt": [{"source": "f.txt", "part": 0, "starts_with": "本学期，我校",
                       "headings": [{"title": "转变观念", "level": 1}, {"title": "建章立制", "level": 2}],
                       "teachers": ["潘"], "counts": [{"text": "教师66名", "value": 66, "unit": "名"}]}]}
    docs = pd.DataFrame({"doc_id": ["d"], "source": ["f.txt"], "part": [0], "text": ["本学期，我校……"]})
    secs = pd.DataFrame({"doc_id": ["d", "d"], "title": ["转变观念", "建章立制"], "level": [1, 1], "start": [5, 20]})
    ents = entity_frame([{"doc_id": "d", "type": "teacher", "text": "潘老师", "name": "潘"},
                         {"doc_id": "d", "type": "teacher", "text": "王建民", "name": "王建民"}])
    row = quality.doc_scores(docs, secs, ents, gold).iloc[0]
    assert (row.doc_id, row.tp, row.pred, row.gold) == ("d", 2, 4, 4)
    assert sorted((e["kind"], e["error"], e["item"]) for e in row.errors) == [
        ("counts", "missed", "66 名"), ("headings", "missed", "建章立制 (L2)"), ("headings", "spurious", "建章立制 (L1)"),
        ("teachers", "spurious", "王建民")]
    pairs = quality.level_pairs(docs, secs, gold)
    assert pairs[["title", "gold_level", "pred_level"]].values.tolist() == [["转变观念", 1, 1], ["建章立制", 2, 1]]
    assert evaluate.level_accuracy(secs, docs, gold) == 0.5
