"""The report: notebooks/ run in a fresh kernel against OUT (env_path, CJK font), rendered as one offline HTML file."""
import html as htmllib
import os
import re
import tempfile
from pathlib import Path

from .config import ROOT
from .datasets import Dataset

NOTEBOOKS = ROOT / "notebooks"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def env_path(var: str, default: str | None = None) -> Path | None:
    """The path in environment variable `var`, else `default`; relative paths start at the repo root."""
    value = os.environ.get(var) or default
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_absolute() else ROOT / path


def use_cjk_font() -> str:
    """Register the Noto Sans CJK SC file that mplfonts ships (no download) as matplotlib's sans-serif."""
    import matplotlib
    from matplotlib import font_manager
    from mplfonts.conf import FONT_DIR

    path = str(Path(FONT_DIR) / "NotoSansCJKsc-Regular.otf")
    font_manager.fontManager.addfont(path)
    name = font_manager.FontProperties(fname=path).get_name()
    matplotlib.rcParams.update({"font.family": "sans-serif", "font.sans-serif": [name, "DejaVu Sans"],
                                "axes.unicode_minus": False})
    return name


# ---- executing notebooks and writing the report --------------------------------------------------------

def run_notebook(path: Path, env: dict[str, str], timeout: int = 600):
    """Execute a notebook in a fresh kernel of this interpreter (the venv's python3); raises on a cell error."""
    import nbformat
    import zmq
    from ipykernel.kernelspec import write_kernel_spec
    from nbclient import NotebookClient
    from traitlets.config import Config

    nb = nbformat.read(path, as_version=4)
    # the kernel imports the same pipeline package as this process, installed or not
    env = env | {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))}
    with tempfile.TemporaryDirectory() as kernels:
        # a kernelspec written now names sys.executable: a user-wide "python3" spec cannot swap interpreters
        write_kernel_spec(Path(kernels) / "python3")
        cfg = Config({"KernelSpecManager": {"kernel_dirs": [kernels]},
                      "KernelManager": {"transport_encryption": "auto" if zmq.has("curve") else "disabled"}})
        client = NotebookClient(nb, kernel_name="python3", timeout=timeout, config=cfg,
                                resources={"metadata": {"path": str(Path(path).parent)}})
        client.execute(env=env)
    return nb


def _markdown(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").render(text)


def _output_html(out, chart: str | None) -> str:
    esc = htmllib.escape
    if out.output_type == "stream":
        return f"<pre class='{esc(out.name)}'>{esc(out.text)}</pre>"
    if out.output_type == "error":
        return f"<pre class='stderr'>{esc(_ANSI.sub('', chr(10).join(out.traceback)))}</pre>"
    data = out.get("data", {})
    if "image/png" in data:
        ident, png = f" id='chart-{esc(chart)}'" if chart else "", "".join(data["image/png"].split())
        return f"<figure{ident}><img alt='{esc(chart or 'chart')}' src='data:image/png;base64,{png}'></figure>"
    if "text/html" in data:
        return f"<div class='table'>{data['text/html']}</div>"
    if "text/markdown" in data:
        return _markdown(data["text/markdown"])
    return f"<pre>{esc(data['text/plain'])}</pre>" if "text/plain" in data else ""


CSS = """body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1100px;
padding:1em 2em;line-height:1.5;color:#222}img{max-width:100%}pre{background:#f6f6f6;padding:.5em;overflow-x:auto}
pre.stderr{background:#fff0f0}table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #ddd;padding:2px 6px}
details{color:#666;font-size:85%}div.table{overflow-x:auto;margin:.5em 0}"""


def notebook_html(nb, title: str) -> str:
    """An executed notebook as one HTML page: markdown, outputs, figures inline as base64 PNG, code folded."""
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(_markdown(cell.source))
        elif cell.cell_type == "code":
            tags = cell.metadata.get("tags", [])
            chart = next((t.split(":", 1)[1] for t in tags if t.startswith("chart:")), None)
            parts.append(f"<details><summary>code</summary><pre>{htmllib.escape(cell.source)}</pre></details>")
            parts += [_output_html(o, chart) for o in cell.get("outputs", [])]
    return (f"<!doctype html><html lang='zh'><head><meta charset='utf-8'><title>{htmllib.escape(title)}</title>"
            f"<style>{CSS}</style></head><body>{''.join(parts)}</body></html>")


def write_report(out: Path, html: Path, pkuseg_out: Path | None = None) -> Path:
    """Run notebooks/explore.ipynb against OUT (and a pkuseg OUT for the side-by-side) into one offline HTML file."""
    env = {k: v for k, v in os.environ.items() if k not in ("ZONGJIE_OUT", "ZONGJIE_PKUSEG_OUT")}
    for var, path in (("ZONGJIE_OUT", out), ("ZONGJIE_PKUSEG_OUT", pkuseg_out)):
        if path is not None:
            env[var] = str(Dataset(Path(path)).out.resolve())  # fails early if it is no pipeline output
    nb = run_notebook(NOTEBOOKS / "explore.ipynb", env)
    html = Path(html)
    html.parent.mkdir(parents=True, exist_ok=True)
    tmp = html.with_name(f".{html.name}.tmp")
    tmp.write_text(notebook_html(nb, f"zongjie report: {Path(out).name}"), encoding="utf-8")
    os.replace(tmp, html)
    return html
