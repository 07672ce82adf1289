"""A same-length simplified view of traditional-character text, so offsets into it index the original."""
import functools


@functools.cache
def _converter():
    """OpenCC traditional-to-simplified converter, loaded once per process."""
    import opencc

    return opencc.OpenCC("t2s")


def _convert(conv, s: str) -> str | None:
    """OpenCC conversion of s, or None when OpenCC cannot take it (NUL, lone surrogates)."""
    if "\x00" in s:  # the C++ binding would stop at NUL and shorten the line
        return None
    try:
        return conv.convert(s)
    except (UnicodeError, RuntimeError, TypeError):
        return None


def _by_char(conv, line: str) -> str:
    """Convert one character at a time, keeping any character that does not map to one."""
    out = []
    for ch in line:
        c = _convert(conv, ch)
        out.append(c if c is not None and len(c) == 1 else ch)
    return "".join(out)


def simplified_view(text: str, script: str | None) -> str:
    """What the stages analyse: the text itself, or its same-length simplified copy when traditional."""
    return to_simplified(text) if script == "traditional" else text


def to_simplified(text: str) -> str:
    """Simplified-character copy of text with exactly the same length (character-aligned)."""
    if text.isascii():
        return text
    conv = _converter()
    whole = _convert(conv, text)
    if whole is not None and len(whole) == len(text) and whole.count("\n") == text.count("\n"):
        lines_in, lines_out = text.split("\n"), whole.split("\n")
        if all(len(a) == len(b) for a, b in zip(lines_in, lines_out)):
            return whole
    # A phrase rule changed a length somewhere: redo line by line, and by character
    # where a line still changes length, so every later offset stays aligned.
    out = []
    for line in text.split("\n"):
        c = _convert(conv, line)
        out.append(c if c is not None and len(c) == len(line) else _by_char(conv, line))
    return "\n".join(out)
