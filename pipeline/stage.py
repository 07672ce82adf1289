"""The stage contract: a stage maps a batch's tables to new tables; the runner does the I/O."""
from typing import Protocol

import pyarrow as pa

Batch = dict[str, pa.Table]


class Stage(Protocol):
    """One step of the pipeline over a batch of documents.

    `reads` names the tables it needs (read from OUT when the stage runs alone);
    `writes` names the tables it returns. Heavy models load in `__init__`, which the
    runner calls once per worker process.
    """

    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def __call__(self, batch: Batch) -> Batch: ...
