"""Errors by what they stop: DocError is a row in `errors` and the run goes on; the rest stop it."""


class DocError(Exception):
    """One input (file or document) could not be processed; becomes a row in `errors`."""

    def __init__(self, error: str, detail: str = "", source: str = ""):
        super().__init__(f"{error}: {detail}" if detail else error)
        self.error = error  # machine-readable reason such as "decode:binary"
        self.detail = detail
        self.source = source

    def row(self, stage: str, source: str = "") -> dict:
        return {"source": source or self.source, "stage": stage, "error": self.error, "detail": self.detail}


class UsageError(Exception):
    """A bad option or path: raised before any work starts."""
