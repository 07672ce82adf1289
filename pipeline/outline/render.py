"""A document's outline as an indented tree, for `cli.py show DOC_ID` and notebooks."""


def format_outline(sections_rows, text: str = "", width: int = 60) -> str:
    """Sections (row dicts, a DataFrame or a pyarrow Table) as an indented tree, one heading a line."""
    # each line: marker and title indented by level; ` …` marks a run-in heading, and with
    # `text` the size of the section body follows (`[1234 字]`)
    rows = _rows(sections_rows)
    lines = []
    for r in sorted(rows, key=lambda r: r["start"]):
        title = r["title"] if len(r["title"]) <= width else r["title"][:width - 1] + "…"
        head = f"{r.get('marker') or ''}{title}"
        run_in = " …" if r.get("run_in") else ""
        size = f"  [{int(r['body_end']) - int(r['end'])} 字]" if text and r.get("body_end") is not None else ""
        lines.append(f"{'  ' * (int(r['level']) - 1)}{head}{run_in}{size}")
    return "\n".join(lines)


def _rows(sections_rows) -> list[dict]:
    """Row dicts from a list of dicts, a pandas DataFrame or a pyarrow Table."""
    if hasattr(sections_rows, "to_pylist"):
        return sections_rows.to_pylist()
    if hasattr(sections_rows, "to_dict"):
        return sections_rows.to_dict("records")
    return [dict(r) for r in sections_rows]
