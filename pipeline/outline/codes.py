"""Lookups and counts on a text's code points (segment.words.codepoints): character classes, offsets, spans."""
import functools
from typing import NamedTuple

import numpy as np

IDEOGRAPHS = (0x4E00, 0x9FFF)  # CJK Unified Ideographs: most characters of a Chinese text


def is_ideograph(codes: np.ndarray) -> np.ndarray:
    """Which code points are CJK Unified Ideographs."""
    return (codes >= IDEOGRAPHS[0]) & (codes <= IDEOGRAPHS[1])


class Symbols(NamedTuple):
    """Offsets of the characters of a text that are not CJK ideographs, with their lookup keys.

    The classes looked up across whole texts (punctuation, quotes, spaces, line breaks) lie
    outside the ideographs, which make up most of a Chinese text: a lookup among these few
    characters is several times faster than one over the whole text.
    """

    at: np.ndarray
    key: np.ndarray  # _key of each code point

    @classmethod
    def of(cls, cp: np.ndarray) -> "Symbols":
        at = np.flatnonzero((cp < IDEOGRAPHS[0]) | (cp > IDEOGRAPHS[1]))
        return cls(at, _key(cp[at]))

    def find(self, chars: str) -> np.ndarray:
        """Sorted offsets in the text of the characters `chars` (no ideograph among them)."""
        assert _no_ideograph(chars), chars
        return self.at[np.flatnonzero(_table(chars).take(self.key))]


@functools.cache
def _no_ideograph(chars: str) -> bool:
    """Whether no character of `chars` is an ideograph (Symbols.find cannot see those)."""
    return not any(IDEOGRAPHS[0] <= ord(ch) <= IDEOGRAPHS[1] for ch in chars)


def isin(codes: np.ndarray, chars: str) -> np.ndarray:
    """Which code points are one of `chars` (a table lookup: faster than np.isin)."""
    return _table(chars).take(_key(codes))


def _key(codes: np.ndarray) -> np.ndarray:
    """Index of each code point in a _table: its own in the Basic Multilingual Plane, else U+FFFF."""
    return np.minimum(codes, 0xFFFF, dtype=np.intp)


@functools.cache
def _table(chars: str) -> np.ndarray:
    """A read-only lookup table over the Basic Multilingual Plane marking `chars`."""
    table = np.zeros(0x10000, dtype=bool)
    table[[ord(ch) for ch in chars]] = True
    table.flags.writeable = False
    return table


def count_in(positions: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """How many of sorted `positions` fall in each [lo, hi)."""
    return np.searchsorted(positions, hi) - np.searchsorted(positions, lo)


def spans(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """The offsets of every [start[k], end[k]), concatenated in order."""
    length = end - start
    return np.arange(length.sum()) + np.repeat(start - (np.cumsum(length) - length), length)
