"""What a person sees on the terminal: a progress bar while running, a summary after."""
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from .datasets import Dataset


class ProgressBar:
    """Runner progress callback: batches done, documents, chars/s and ETA (quiet off a terminal)."""

    def __init__(self, quiet: bool = False, console: Console | None = None):
        self.console = console or Console(stderr=True)
        self.enabled = not quiet and self.console.is_terminal
        self.docs = self.chars = 0
        self.t0 = time.perf_counter()
        self.bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total} batches"),
                            TextColumn("{task.fields[docs]:,} docs"), TextColumn("{task.fields[speed]}"),
                            TimeElapsedColumn(), TimeRemainingColumn(), console=self.console, disable=not self.enabled)
        self.task = None

    def __enter__(self):
        self.bar.__enter__()
        return self

    def __exit__(self, *exc):
        self.bar.__exit__(*exc)

    def start(self, batches: int, nbytes: int) -> None:
        self.t0 = time.perf_counter()
        self.task = self.bar.add_task("zongjie", total=batches, docs=0, speed="")

    def advance(self, result: dict) -> None:
        self.docs += result.get("documents", 0)
        self.chars += result.get("chars", 0)
        rate = self.chars / max(1e-9, time.perf_counter() - self.t0)
        self.bar.update(self.task, advance=1, docs=self.docs, speed=f"{rate / 1000:,.0f}K chars/s")


def summary(out: Path, seconds: float | None = None) -> Table:
    """One screen of corpus figures: documents, errors, sections, entities per type."""
    ds = Dataset(out)
    sql = ds.sql
    t = Table(title=f"zongjie output: {out}", show_header=False)
    t.add_column("what")
    t.add_column("figure", justify="right")
    n, files, chars, dups = (int(x) for x in sql(
        "SELECT count(*), count(DISTINCT source), coalesce(sum(n_chars), 0), count(dup_of) FROM documents").iloc[0])
    t.add_row("documents", f"{n:,} from {files:,} files ({chars:,} chars)")
    for kind, n in sql("SELECT kind, count(*) FROM documents GROUP BY 1 ORDER BY 1").itertuples(index=False):
        t.add_row(f"  {kind}", f"{n:,}")
    t.add_row("near-duplicates", f"{dups:,}")
    for name in ("sentences", "tokens", "sections"):
        t.add_row(name, f"{sql(f'SELECT count(*) FROM {name}').iloc[0, 0]:,}")
    for etype, n in sql("SELECT type, count(*) FROM entities GROUP BY 1 ORDER BY 2 DESC").itertuples(index=False):
        t.add_row(f"entities: {etype}", f"{n:,}")
    errors = sql("SELECT error, count(*) FROM errors GROUP BY 1 ORDER BY 2 DESC")
    t.add_row("errors", f"{int(errors.iloc[:, 1].sum()):,}" if len(errors) else "0")
    for error, n in errors.itertuples(index=False):
        t.add_row(f"  {error}", f"{n:,}")
    if seconds is not None:
        t.add_row("time", f"{seconds:,.1f} s ({chars / max(seconds, 1e-9) / 1000:,.0f}K chars/s)")
    return t
