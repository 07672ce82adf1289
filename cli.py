"""zongjie command line: each command parses its options and makes one library call."""
import json
import os
import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

import pipeline
from pipeline.config import RunConfig, SegmentConfig
from pipeline.errors import UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="zongjie: mine Chinese school work summaries and plans into Parquet datasets.")
console = Console()

OUT = typer.Option(..., "--out", "-o", help="Output folder: one Parquet dataset per table.")
SEGMENTER = typer.Option("jieba", help="Word segmenter: jieba (default, via rjieba) or pkuseg (spaCy + spacy-pkuseg).")
WORKERS = typer.Option(os.cpu_count() or 1, help="Worker processes on this machine (default: all cores).")
DASK = typer.Option(None, help="Run on a Dask cluster at this scheduler address, e.g. tcp://host:8786.")
FORCE = typer.Option(False, "--force", help="Redo every batch, even unchanged ones.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar or summary.")


def _version(value: bool):
    if value:
        typer.echo(f"zongjie {pipeline.__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version.")):
    """Stages: ingest -> segment -> outline -> extract; `run` does them all."""


def _config(segmenter="jieba", workers=1, force=False, follow_symlinks=False, batch_files=32) -> RunConfig:
    try:
        return RunConfig(segment=SegmentConfig(segmenter=segmenter), workers=workers, force=force,
                         follow_symlinks=follow_symlinks, batch_files=batch_files)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from e


def _guard(call):
    """Run a library call; usage errors print one line and exit 2."""
    try:
        return call()
    except UsageError as e:
        typer.secho(f"error: {e}", fg="red", err=True)
        raise typer.Exit(2) from None


def _execute(call, out: Path, dask: Optional[str], quiet: bool):
    """Run with a progress bar (and a Dask executor if asked); print the summary; exit 1 on errors."""
    from pipeline.console import ProgressBar, summary
    from pipeline.runner import dask_executor

    t0 = time.perf_counter()
    executor = dask_executor(dask) if dask else None
    with ProgressBar(quiet) as bar:
        _guard(lambda: call(executor, bar))
    if not quiet:
        console.print(summary(out, time.perf_counter() - t0))
    n_errors = pipeline.open(out).sql("SELECT count(*) FROM errors").iloc[0, 0]
    if n_errors:
        raise typer.Exit(1)


@app.command()
def run(inputs: list[Path] = typer.Argument(..., help="Input files or folders (searched recursively)."),
        out: Path = OUT, segmenter: str = SEGMENTER, workers: int = WORKERS, dask: Optional[str] = DASK,
        force: bool = FORCE, quiet: bool = QUIET,
        follow_symlinks: bool = typer.Option(False, help="Follow symbolic links inside INPUT."),
        batch_files: int = typer.Option(32, help="Average input files per batch (one Parquet file per batch and table).")):
    """Run every stage over INPUT into OUT. Incremental: unchanged files are skipped.

    Exit status: 0 all inputs processed, 1 some inputs have rows in `errors`, 2 bad usage.
    """
    cfg = _config(segmenter, workers, force, follow_symlinks, batch_files)
    _execute(lambda ex, bar: pipeline.run(inputs, out, cfg, executor=ex, progress=bar), out, dask, quiet)


@app.command()
def ingest(inputs: list[Path] = typer.Argument(..., help="Input files or folders."), out: Path = OUT,
           workers: int = WORKERS, dask: Optional[str] = DASK, force: bool = FORCE, quiet: bool = QUIET,
           follow_symlinks: bool = typer.Option(False, help="Follow symbolic links inside INPUT.")):
    """Decode, normalise, split and deduplicate INPUT into OUT/documents (and errors)."""
    cfg = _config(workers=workers, force=force, follow_symlinks=follow_symlinks)
    _execute(lambda ex, bar: pipeline.run(inputs, out, cfg, stages=("ingest",), executor=ex, progress=bar), out, dask, quiet)


def _stage_command(stage: str, doc: str):
    def command(out: Path = typer.Argument(..., help="A pipeline output folder."), segmenter: str = SEGMENTER,
                workers: int = WORKERS, dask: Optional[str] = DASK, force: bool = FORCE, quiet: bool = QUIET):
        cfg = _config(segmenter, workers, force)
        _execute(lambda ex, bar: pipeline.run_stage(out, stage, cfg, executor=ex, progress=bar), out, dask, quiet)

    command.__doc__ = doc
    app.command(name=stage)(command)


_stage_command("segment", "Split OUT's documents into sentences and tokens (rerun outline and extract after).")
_stage_command("outline", "Detect section headings in OUT's documents and build their outline trees.")
_stage_command("extract", "Extract teachers, counts, awards and projects from OUT's documents.")


@app.command(name="eval")
def evaluate(out: Path = typer.Argument(..., help="A pipeline output folder."),
             gold: Path = typer.Option(Path("corpus/gold"), help="Folder of gold JSONL files (SPEC.md §6)."),
             lofo: bool = typer.Option(False, help="Also score headings leave-one-file-out (retrains per file).")):
    """Print precision, recall and F1 per kind against gold annotations."""
    from pipeline.evaluate import format_scores, score

    typer.echo(_guard(lambda: format_scores(score(out, gold))))
    if lofo:
        from pipeline.outline.train import lofo_report

        scores = _guard(lambda: lofo_report(gold))
        typer.echo("headings, leave-one-file-out (train on the other files, score this one):")
        for name, r in {**scores["files"], "MICRO": scores["micro"]}.items():
            typer.echo(f"{name[:28]:28s} P={r['P']:.3f} R={r['R']:.3f} F1={r['F1']:.3f} level_acc={r['level_acc']:.3f}"
                       f"  tp={r['tp']} pred={r['pred']} gold={r['gold']}")


@app.command()
def show(doc_id: str = typer.Argument(..., help="A doc_id from the documents table."), out: Path = OUT):
    """Print a document's outline as an indented tree, and its entities."""
    from pipeline.show import render

    typer.echo(_guard(lambda: render(pipeline.open(out), doc_id)))


@app.command(name="extract-one")
def extract_one(file: Path = typer.Argument(..., help="One input file."), segmenter: str = SEGMENTER):
    """Print the documents, outline and entities of one file as JSON (nothing is written)."""
    from pipeline.show import one_file

    typer.echo(json.dumps(_guard(lambda: one_file(file, _config(segmenter))), ensure_ascii=False, indent=1))


@app.command()
def query(sql: str = typer.Argument(..., help="SQL over the tables, each a view by its name."), out: Path = OUT,
          csv: Optional[Path] = typer.Option(None, help="Write the result to this CSV file."),
          parquet: Optional[Path] = typer.Option(None, help="Write the result to this Parquet file.")):
    """Run DuckDB SQL over a run's tables and print the result (or write CSV/Parquet)."""
    df = _guard(lambda: pipeline.open(out).sql(sql))
    if csv:
        df.to_csv(csv, index=False)
    if parquet:
        df.to_parquet(parquet, index=False)
    if not (csv or parquet):
        typer.echo(df.to_string(index=False, max_rows=200, max_colwidth=60))


@app.command()
def stats(out: Path = typer.Argument(..., help="A pipeline output folder.")):
    """Print corpus figures: documents, errors, sections and entities per type."""
    from pipeline.console import summary

    console.print(_guard(lambda: summary(out)))


@app.command()
def report(out: Path = typer.Argument(..., help="A pipeline output folder."),
           html: Path = typer.Option(Path("report.html"), help="Where to write the HTML report."),
           pkuseg: Optional[Path] = typer.Option(None, help="A second output made with --segmenter pkuseg, for the "
                                                            "side-by-side keywords.")):
    """Execute the explore notebook against OUT and write one self-contained HTML report."""
    from pipeline.report import write_report

    path = _guard(lambda: write_report(out, html, pkuseg))
    typer.echo(f"report written to {path.resolve()}")


@app.command(name="train-outline")
def train_outline(gold: Path = typer.Option(Path("corpus/gold"), help="Gold JSONL folder."),
                  corpus: Path = typer.Option(Path("corpus/sample"), help="The files the gold annotates."),
                  model: Path = typer.Option(Path("models/heading_clf.json"), help="Where to write the model."),
                  tune: bool = typer.Option(False, help="Search the settings by leave-one-file-out first.")):
    """Retrain the heading classifier on the gold headings and write it (JSON, with its card)."""
    from pipeline.outline.train import PARAMS, train

    command = "cli.py train-outline" + (" --tune" if tune else "")
    card = _guard(lambda: train(gold, model, None if tune else PARAMS, command, corpus))
    typer.echo(f"wrote {model}; leave-one-file-out: {json.dumps(card['leave_one_file_out']['micro'])}")


if __name__ == "__main__":
    app()
