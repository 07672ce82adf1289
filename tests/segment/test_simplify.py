import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.segment import simplify
from pipeline.segment.simplify import to_simplified


@pytest.mark.parametrize("text, simplified", [
    ("繼續加強教研組建設", "继续加强教研组建设"),
    ("繼續(xù)加強", "继续(xù)加强"),  # converter debris from mirror sites stays as it is
    ("「學校」說：“好。”", "「学校」说：“好。”"),
    ("鬱鬱蔥蔥", "郁郁葱葱"),
    ("乾燥的後院", "干燥的后院"),
    ("乾隆年間", "乾隆年间"),  # phrase rule: 乾 stays in a name
    ("一目瞭然", "一目了然"),
    ("計劃\r\n總結\n", "计划\r\n总结\n"),
    ("𠀀繼續𪚥", "𠀀继续𪚥"),  # characters outside the BMP count one each
    ("a\x00b繼續", "a\x00b继续"),  # OpenCC would stop at NUL
    ("\ud800繼續", "\ud800继续"),  # a lone surrogate cannot be encoded for OpenCC
    ("校本教研 2023", "校本教研 2023"),
    ("", ""),
    ("\u3000\u3000本學期", "\u3000\u3000本学期"),
])
def test_same_length_simplified(text, simplified):
    out = to_simplified(text)
    assert out == simplified
    assert len(out) == len(text)


class _Lengthening:
    """A stand-in converter with one phrase rule that changes the length, as OpenCC might."""

    def convert(self, s: str) -> str:
        return s.replace("學", "学").replace("後", "后").replace("長度", "长长度")


def test_length_changing_phrase_falls_back_per_character(monkeypatch):
    monkeypatch.setattr(simplify, "_converter", lambda: _Lengthening())
    text = "學校\n長度後面\n後面"
    out = to_simplified(text)
    assert len(out) == len(text)
    assert out == "学校\n長度后面\n后面"  # the line with the length change goes char by char


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
       | st.text(alphabet="繼續學習計劃總結乾後瞭著發\n\r 。「」", max_size=40))
def test_length_is_kept_for_any_text(text):
    assert len(to_simplified(text)) == len(text)
