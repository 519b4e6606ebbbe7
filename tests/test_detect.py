"""Detection through the registry: every seed and sample goes to its own reader, no ties."""

from __future__ import annotations

from pathlib import Path

import pytest

from her2kb import parsers
from her2kb.errors import FormatError

from .conftest import SEEDS

SAMPLES = Path(__file__).parent / "samples"
SEED_FORMATS = {"000": "scilit-page", "001": "ingenta-page", "002": "endnote",
                "003": "pubmed-page", "004": "pubmed-page"}
SAMPLE_FORMATS = {
    "pubmed": "pubmed-page", "scilit": "scilit-page", "ingenta": "ingenta-page", "ris": "ris",
    "medline": "medline", "bibtex": "bibtex", "csljson": "csl-json", "endnote": "endnote",
    "pubmed_xml": "pubmed-xml", "endnote_xml": "endnote-xml",
}
CASES = [pytest.param(p, SEED_FORMATS[p.name[:3]], id=p.name[:3]) for p in sorted(SEEDS.iterdir())]
CASES += [pytest.param(p, SAMPLE_FORMATS[p.parent.name], id=f"{p.parent.name}/{p.stem}")
          for p in sorted(SAMPLES.glob("*/*"))
          if p.parent.name in SAMPLE_FORMATS]


@pytest.mark.parametrize(("path", "name"), CASES)
def test_detected_as_its_own_format(path: Path, name: str) -> None:
    text = path.read_text("utf-8")
    assert parsers.detect(text, path.name).name == name
    scores = {fmt.name: fmt.detect(text[: parsers.HEAD_CHARS])
              for fmt in parsers.formats() if not fmt.fallback}
    assert [n for n, score in scores.items() if score > 0] == [name]


@pytest.mark.parametrize("text", [
    pytest.param("", id="empty"),
    pytest.param("AU  - Doe, Jane\nTI  - no TY line\n", id="ris-without-ty"),
    pytest.param('{"title": "not CSL", "authors": []}', id="json-not-csl"),
    pytest.param("Dear colleague, 20% of the trial arm improved.", id="prose"),
    pytest.param("<html><body><p>Hello</p></body></html>", id="html"),
])
def test_near_misses_are_not_detected(text: str) -> None:
    with pytest.raises(FormatError, match="not a recognised format"):
        parsers.detect(text, "near-miss.txt")


def test_unknown_format_name_lists_the_choices() -> None:
    with pytest.raises(FormatError, match="choose one of: endnote, pubmed-page"):
        parsers.get("word")
    assert parsers.get("refer").name == "endnote"
    assert parsers.get("PubMed").name == "pubmed-page"
