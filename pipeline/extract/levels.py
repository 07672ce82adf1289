"""The level vocabulary (levels.json): cues such as 全国 → national, and the level a phrase names."""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..config import MODELS
from .spans import alt

PATTERNS = MODELS / "patterns"  # ExtractConfig.patterns; a finder's `patterns` argument overrides it


@dataclass(frozen=True)
class Levels:
    """Level cues (全国 → national) and stop words that only contain a cue (学校, 社区)."""

    cues: dict
    cue_re: re.Pattern
    stop_re: re.Pattern
    firsts: frozenset  # first and last characters of the cues: most strings open and end with neither
    lasts: frozenset


@functools.cache
def load_levels(folder: str = str(PATTERNS)) -> Levels:
    """Read the level lexicon (levels.json) once per process."""
    d = json.loads((Path(folder) / "levels.json").read_text(encoding="utf-8"))
    cues = d["cues"]
    return Levels(cues, re.compile(alt(cues)), re.compile(alt(d["stop"])),
                  frozenset(c[0] for c in cues if c), frozenset(c[-1] for c in cues if c))


def level_of(s: str | None, lv: Levels | None = None) -> str | None:
    """The level named by the cue closest to the end of s (扬州市一等奖 → municipal), or None."""
    if not s:
        return None
    lv = lv or load_levels()
    cues = list(lv.cue_re.finditer(s))
    if not cues:
        return None  # most strings name no level: no need to look for stop words
    stops = [m.span() for m in lv.stop_re.finditer(s)]
    found = None
    for m in cues:  # a longer cue wins over a stop word: 校本课题 → school
        if not any(a <= m.start() and m.end() <= b for a, b in stops):
            found = lv.cues[m.group()]
    return found

