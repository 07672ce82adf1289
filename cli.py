"""zongjie command line: each command parses its options and makes one library call."""
import sys
from pathlib import Path
from typing import Optional

import typer

import pipeline
from pipeline.config import IngestConfig, RunConfig, SegmentConfig
from pipeline.errors import UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Mine Chinese school work summaries and plans into Parquet datasets.")


def _config(segmenter: str, workers: int, force: bool, follow_symlinks: bool) -> RunConfig:
    try:
        return RunConfig(segment=SegmentConfig(segmenter=segmenter), ingest=IngestConfig(),
                         workers=workers, force=force, follow_symlinks=follow_symlinks)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from e


def _fail(e: Exception) -> None:
    typer.secho(f"error: {e}", fg="red", err=True)
    raise typer.Exit(2)


@app.command()
def run(
    inputs: list[Path] = typer.Argument(..., help="Input files or folders (searched recursively)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder: one Parquet dataset per table."),
    segmenter: str = typer.Option("jieba", help="Word segmenter: jieba (default) or pkuseg."),
    workers: int = typer.Option(1, help="Worker processes on this machine."),
    force: bool = typer.Option(False, help="Redo every batch, even unchanged ones."),
    follow_symlinks: bool = typer.Option(False, help="Follow symbolic links inside INPUT."),
):
    """Run every stage over INPUT into OUT (incremental: unchanged files are skipped)."""
    cfg = _config(segmenter, workers, force, follow_symlinks)
    try:
        summary = pipeline.run(inputs, out, cfg)
    except UsageError as e:
        _fail(e)
    typer.echo(f"{summary['files']} files, {summary['done']} batches run, {summary['skipped']} unchanged -> {out}")


@app.command()
def eval(
    out: Path = typer.Argument(..., help="A pipeline output folder."),
    gold: Path = typer.Option(Path("corpus/gold"), help="Folder of gold JSONL files (SPEC.md §6)."),
):
    """Print precision, recall and F1 per kind against gold annotations."""
    from pipeline.evaluate import format_scores, score

    typer.echo(format_scores(score(out, gold)))


if __name__ == "__main__":
    app()
