"""Read a run's datasets: pandas tables (column-selective, via pyarrow) and DuckDB views."""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING

from . import io
from .errors import UsageError
from .schemas import TABLES

if TYPE_CHECKING:  # pandas loads in ~0.2 s: workers import this package and never need it
    import pandas as pd

PUBLIC = tuple(t for t in TABLES if not t.startswith("_"))


class Dataset:
    """The tables of one pipeline output folder, loaded on first use."""

    def __init__(self, out: Path):
        self.out = Path(out)
        if not (self.out / "documents").is_dir():
            raise UsageError(f"no pipeline output in {self.out} (expected {self.out / 'documents'})")

    def table(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """One table as a DataFrame; pass `columns` to read only those."""
        if name not in PUBLIC:
            raise UsageError(f"unknown table {name!r}; tables are {', '.join(PUBLIC)}")
        return io.read_table(self.out, name, columns).to_pandas()

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in PUBLIC:
            return self.table(name)
        raise AttributeError(name)

    @functools.cached_property
    def con(self):
        """A DuckDB connection with each table as a view of the same name."""
        import duckdb

        con = duckdb.connect()
        for name in PUBLIC:
            if io.parts(self.out, name):
                glob = str(self.out / name / "*.parquet").replace("'", "''")
                con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{glob}')")
            else:
                con.register(name, TABLES[name].empty_table())
        return con

    def sql(self, query: str) -> pd.DataFrame:
        """Run SQL over the tables (each a view by its name)."""
        return self.con.execute(query).df()

    def manifest(self, name: str = "documents") -> dict:
        path = self.out / name / "_manifest.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def open(out: Path) -> Dataset:  # noqa: A001 - zongjie.open(OUT) is the notebook entry point
    """Open a pipeline output folder for analysis."""
    return Dataset(out)
