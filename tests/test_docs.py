"""The README's data dictionary is the one the schemas generate."""
import re

from pipeline.schemas import data_dictionary

from .conftest import ROOT


def test_readme_data_dictionary_matches_the_schemas():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- data-dictionary:start -->\n(.*)<!-- data-dictionary:end -->", readme, re.S)
    assert block and block.group(1) == data_dictionary(), "regenerate with: python -m pipeline.schemas"
