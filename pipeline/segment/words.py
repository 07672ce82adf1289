"""Word segmenters behind one protocol: jieba (rjieba on the hot path, the jieba package as reference) and pkuseg."""
import functools
from operator import itemgetter
from typing import Iterable, NamedTuple, Protocol

import numpy as np
import pyarrow as pa

from .userdict import jieba_dict_path, read_user_dict

_SPACE_LIMIT = 0x3001  # every str.isspace() code point is at most U+3000 (ideographic space)
_POS_CACHE_MAX = 1 << 19  # distinct pkuseg tokens whose jieba POS is remembered


class Tokens(NamedTuple):
    """Tokens of one text: half-open character offsets and POS, whitespace-only tokens left out."""

    starts: np.ndarray  # int64
    ends: np.ndarray  # int64
    pos: pa.Array  # string, one per token


class Segmenter(Protocol):
    """Cuts a text into tokens with offsets into it and POS tags."""

    name: str  # the value of tokens.segmenter

    def segment(self, text: str) -> Tokens: ...


@functools.cache
def _space_table() -> np.ndarray:
    """str.isspace by code point up to U+3000, then one False slot for everything above."""
    return np.array([chr(i).isspace() for i in range(_SPACE_LIMIT)] + [False])


def codepoints(text: str) -> np.ndarray:
    """The text's code points as uint32, one per Python character."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def is_space(cps: np.ndarray) -> np.ndarray:
    """Whitespace mask (str.isspace) of an array of code points."""
    return _space_table()[np.minimum(cps, _SPACE_LIMIT)]


class _Codes(dict):
    """Numbers distinct strings in order of first sight (a batch's POS tags)."""

    def __missing__(self, key: str) -> int:
        self[key] = code = len(self)
        return code


def tile(text: str, pieces: Iterable[list[tuple[str, str]]]) -> Tokens:
    """Tokens from lists of (word, tag) pairs whose words concatenate to text exactly (jieba's output), spaces dropped."""
    codes = _Codes()  # ~50 distinct tags: number them and let Arrow expand, instead of converting n Python strings
    lens, tags = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int32)]
    for pairs in pieces:
        lens.append(np.fromiter(map(len, map(itemgetter(0), pairs)), dtype=np.int64, count=len(pairs)))
        tags.append(np.fromiter(map(codes.__getitem__, map(itemgetter(1), pairs)), dtype=np.int32, count=len(pairs)))
    lens = np.concatenate(lens)
    ends = np.cumsum(lens)
    if (ends[-1] if len(ends) else 0) != len(text):
        raise RuntimeError("segmenter output does not concatenate to its input")
    starts = ends - lens
    keep = ~is_space(codepoints(text)[starts])
    tag_codes = np.concatenate(tags)[keep]
    return Tokens(starts[keep], ends[keep], pa.array(list(codes), pa.string()).take(pa.array(tag_codes)))


def line_pieces(text: str, size: int = 1024):
    """text in consecutive pieces of about `size` characters, each ending after a line break.

    jieba never joins words across a line break, so tagging piece by piece gives the same
    tokens; a piece's (word, tag) tuples stay in the CPU cache while they are read and
    freed, which made tagging and tiling a tenth faster than one call per 64K characters.
    """
    i = 0
    while i < len(text):
        j = text.find("\n", i + size)
        j = len(text) if j < 0 else j + 1
        yield text[i:j]
        i = j


def align(text: str, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Offsets of words that spell text with its whitespace removed (pkuseg's output)."""
    lens = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    solid = np.flatnonzero(~is_space(codepoints(text)))
    if int(lens.sum()) != len(solid):
        raise RuntimeError("segmenter output does not spell its input without whitespace")
    last = np.cumsum(lens) - 1
    return solid[last - lens + 1], solid[last] + 1


@functools.cache
def load_rjieba(user_dict: str):
    """rjieba holding jieba's own dict.txt with the user dictionary merged in, tags included.

    rjieba cannot read a dictionary file and its add_word does not retag a known word,
    so the dictionary is built here from an empty one: same words, frequencies and tags
    as the jieba package with load_userdict.
    """
    import rjieba

    users = {e.word: e for e in read_user_dict(user_dict)}
    base_tags: dict[str, str] = {}
    seg = rjieba.Jieba.empty()
    with open(jieba_dict_path(), encoding="utf-8") as f:
        for line in f:
            word, freq, tag = line.split()
            if word in users:
                base_tags[word] = tag
            else:
                seg.add_word(word, int(freq), tag)
    for e in users.values():
        freq = e.freq if e.freq is not None else seg.suggest_freq(e.word)
        seg.add_word(e.word, freq, e.tag or base_tags.get(e.word, "x"))
    return seg


class JiebaSegmenter:
    """jieba's dictionary and algorithm (precise mode, HMM, POS) through rjieba, the Rust port."""

    name = "jieba"

    def __init__(self, user_dict: str = ""):
        self._jieba = load_rjieba(user_dict)

    def segment(self, text: str) -> Tokens:
        """Tag the text piece by piece; offsets from the token lengths."""
        tag = self._jieba.tag
        return tile(text, (tag(piece, True) for piece in line_pieces(text)))


class JiebaReference:
    """The jieba package itself (jieba.posseg, HMM on): the reference the port is measured against."""

    name = "jieba"

    def __init__(self, user_dict: str = ""):
        import jieba
        import jieba.posseg

        tokenizer = jieba.Tokenizer()
        if user_dict:
            tokenizer.load_userdict(str(user_dict))
        self._pos = jieba.posseg.POSTokenizer(tokenizer)

    def segment(self, text: str) -> Tokens:
        """jieba.posseg over the whole text."""
        return tile(text, [[(p.word, p.flag) for p in self._pos.cut(text, HMM=True)]])


class PkusegSegmenter:
    """spaCy's Chinese tokenizer with pkuseg (CTB8 model from pkuseg 0.0.12); POS from jieba per token."""

    name = "pkuseg"

    def __init__(self, user_dict: str = ""):
        from .pkuseg_model import require_model_dir

        model = require_model_dir()
        import spacy

        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
        nlp.tokenizer.initialize(pkuseg_model=str(model), pkuseg_user_dict="default")
        words = [e.word for e in read_user_dict(user_dict)]
        if words:
            nlp.tokenizer.pkuseg_update_user_dict(words)
        # spaCy's tokenizer calls pkuseg_seg.cut and then builds a Doc; only offsets are needed here
        self.pkuseg_cut = nlp.tokenizer.pkuseg_seg.cut
        self._tagger = load_rjieba(user_dict)
        self._pos_cache: dict[str, str] = {}

    def _jieba_pos(self, word: str) -> str:
        """jieba's tag for a whole token: its own tag, else that of its longest jieba piece."""
        pieces = self._tagger.tag(word, True)
        if len(pieces) == 1:
            return pieces[0][1]
        # `教研活动` → 教研/vn 活动/vn: the longest piece, the last on ties (Chinese is head-final)
        return max(reversed(pieces), key=lambda p: len(p[0]))[1]

    def _pos(self, words: list[str]) -> pa.Array:
        """jieba POS of each token, remembered per distinct token."""
        cache = self._pos_cache
        if len(cache) > _POS_CACHE_MAX:
            cache.clear()
        tags = [cache.get(w) or cache.setdefault(w, self._jieba_pos(w)) for w in words]
        return pa.array(tags, pa.string())

    def segment(self, text: str) -> Tokens:
        """pkuseg over the text (it splits on whitespace itself); offsets by alignment."""
        words = self.pkuseg_cut(text)
        starts, ends = align(text, words)
        return Tokens(starts, ends, self._pos(words))


_BACKENDS = {"jieba": JiebaSegmenter, "jieba-py": JiebaReference, "pkuseg": PkusegSegmenter}


@functools.cache
def load_segmenter(name: str, user_dict: str = "") -> Segmenter:
    """One loaded segmenter per worker process, keyed by backend name and user-dictionary path."""
    if name not in _BACKENDS:
        raise ValueError(f"unknown segmenter {name!r}; choose one of {sorted(_BACKENDS)}")
    return _BACKENDS[name](user_dict)
