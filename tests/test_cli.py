"""The command line: clear errors for bad paths, and the reading commands on a real run."""
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from cli import app

from .conftest import SAMPLE

runner = CliRunner()


def test_version():
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout.startswith("zongjie ")


def test_missing_input_is_a_clear_usage_error(tmp_path):
    r = runner.invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert r.exit_code == 2 and "input not found" in r.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", [["segment"], ["outline"], ["extract"], ["stats"]])
def test_missing_out_is_a_clear_usage_error(tmp_path, command):
    r = runner.invoke(app, [*command, str(tmp_path / "missing")])
    assert r.exit_code == 2 and "no pipeline output" in r.output


def test_bad_option_fails_before_any_work(tmp_path):
    r = runner.invoke(app, ["run", str(SAMPLE), "--out", str(tmp_path / "o"), "--segmenter", "nltk"])
    assert r.exit_code == 2 and "segmenter must be one of" in r.output
    assert not (tmp_path / "o").exists()


def test_query_joins_entities_and_sections(sample_out):
    sql = ("SELECT s.title AS section, count(*) AS awards FROM entities e JOIN sections s USING (section_id) "
           "WHERE e.type = 'award' GROUP BY 1 ORDER BY 2 DESC, 1")
    r = runner.invoke(app, ["query", sql, "--out", str(sample_out)])
    assert r.exit_code == 0, r.output
    ents = pd.read_parquet(sample_out / "entities")
    secs = pd.read_parquet(sample_out / "sections")
    expected = ents[ents.type == "award"].merge(secs, on="section_id").groupby("title").size()
    assert expected.max() >= 2
    top = r.stdout.splitlines()[1].split()
    assert int(top[-1]) == expected.max() and top[0] in set(expected[expected == expected.max()].index)


def test_query_writes_csv(sample_out, tmp_path):
    r = runner.invoke(app, ["query", "SELECT kind, count(*) n FROM documents GROUP BY 1", "--out", str(sample_out),
                            "--csv", str(tmp_path / "k.csv")])
    assert r.exit_code == 0
    assert pd.read_csv(tmp_path / "k.csv").n.sum() == len(pd.read_parquet(sample_out / "documents"))


def test_show_prints_the_outline_tree_and_entities(sample_out):
    docs = pd.read_parquet(sample_out / "documents")
    doc = docs[(docs.source == "002_de4ba366cc12e037.txt") & (docs.part == 12)].iloc[0]
    r = runner.invoke(app, ["show", doc.doc_id, "--out", str(sample_out)])
    assert r.exit_code == 0, r.output
    assert "outline:" in r.stdout and "\n  " in r.stdout and "entities:" in r.stdout
    assert runner.invoke(app, ["show", "nope", "--out", str(sample_out)]).exit_code == 2


def test_stats(sample_out):
    r = runner.invoke(app, ["stats", str(sample_out)])
    assert r.exit_code == 0 and "documents" in r.stdout and "entities: award" in r.stdout


def test_extract_one_prints_documents_outline_and_entities_as_json():
    r = runner.invoke(app, ["extract-one", str(SAMPLE / "003_8c6cd234ada55600.txt")])
    assert r.exit_code == 0, r.output
    result = json.loads(r.stdout)
    docs = result["documents"]
    assert len(docs) == 14 and all(d["outline"] for d in docs)
    assert {e["type"] for d in docs for e in d["entities"]} >= {"teacher", "count", "project"}
    for d in docs:
        for e in d["entities"]:
            assert d["text"][e["start"]:e["end"]] == e["text"]
