"""The domain user dictionary (models/user_dict.txt): jieba's `word freq tag` lines, read once; jieba's own dict.txt."""
import functools
import importlib.util
import re
from pathlib import Path
from typing import NamedTuple

# jieba's own user-dictionary grammar: the word, then an optional frequency and tag.
_LINE = re.compile(r"^(.+?)(?: ([0-9]+))?(?: ([a-z]+))?$")


class Entry(NamedTuple):
    word: str
    freq: int | None  # None: let the segmenter suggest one (jieba's suggest_freq)
    tag: str | None


@functools.cache
def read_user_dict(path: str) -> tuple[Entry, ...]:
    """Entries of a jieba-format user dictionary; the empty path means no dictionary."""
    if not path:
        return ()
    entries = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8-sig").splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        m = _LINE.match(line)
        if not m or " " in m.group(1):
            raise ValueError(f"{path}:{lineno}: not a `word [freq] [tag]` line: {line!r}")
        word, freq, tag = m.groups()
        entries.append(Entry(word, int(freq) if freq else None, tag))
    return tuple(entries)


def jieba_dict_path() -> Path:
    """jieba's main dictionary (dict.txt), found without importing jieba (its import loads pkg_resources: 0.1 s)."""
    return Path(importlib.util.find_spec("jieba").submodule_search_locations[0]) / "dict.txt"
