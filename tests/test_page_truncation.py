"""Saved pages cut off anywhere (issue 4 item 6): no crash, and no field holds a fragment.

Every page sample and page seed is cut every `STEP` characters and read again. A field
of the cut page is either empty or exactly the field of the whole page; an abstract may
also be a prefix of the whole abstract that ends a sentence (the cut fell between two
sentences, which no reader can see). MeSH descriptors and substances are not checked
here: a small word list drops `Hum` (test_pubmed_page), but a cut that leaves a whole
word (`Human` of `Humans`) cannot be told from a complete row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from her2kb import parsers
from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry
from her2kb.records import Record

from .conftest import SEEDS

SAMPLES = Path(__file__).parent / "samples"
READERS = {"pubmed": "pubmed-page", "scilit": "scilit-page", "ingenta": "ingenta-page"}
SEED_READERS = {"000": "scilit-page", "001": "ingenta-page", "003": "pubmed-page",
                "004": "pubmed-page"}
STEP = 37
SCALARS = ("title", "container_title", "volume", "issue", "page", "doi", "pmid", "pmcid",
           "publisher", "number_of_pages", "abstract")
LISTS = ("keywords", "publication_types")
SENTENCE_END = (".", "!", "?", ")", "]")

PAGES = [pytest.param(p, READERS[p.parent.name], id=f"{p.parent.parent.name}/{p.parent.name}/"
                      f"{p.name}")
         for p in sorted(SAMPLES.glob("*/*.txt")) + sorted(SAMPLES.glob("truncated/*/*.txt"))
         if p.parent.name in READERS]
PAGES += [pytest.param(p, SEED_READERS[p.name[:3]], id=p.name[:3])
          for p in sorted(SEEDS.glob("*.txt")) if p.name[:3] in SEED_READERS]


def _record(reader: str, text: str) -> Record | None:
    items = list(parsers.get(reader).parse(text, "cut"))
    assert len(items) == 1
    item = items[0]
    return normalize(item.record) if isinstance(item, ParsedEntry) else None


def _fragments(cut: Record, whole: Record) -> list[str]:
    bad = []
    for name in SCALARS:
        value, full = getattr(cut, name), getattr(whole, name)
        if name == "abstract" and value and full and full.startswith(value) \
                and value.endswith(SENTENCE_END):
            continue
        if name == "container_title" and value and value == whole.container_title_short:
            continue  # PMC's footer, cut off, names the journal in full at the page's end
        if value is not None and value != full:
            bad.append(f"{name}={value!r}")
    for name in LISTS:
        bad += [f"{name} item {item!r}" for item in getattr(cut, name)
                if item not in getattr(whole, name)]
    names = [a.display() for a in cut.author]
    if names and names != [a.display() for a in whole.author] and not cut.authors_truncated:
        bad.append(f"author={names!r}")
    # Europe PMC dates the article online above the abstract; the issue date of the full
    # text further down replaces it (the whole page keeps it as the online date).
    online = whole.available_date.date_parts if whole.available_date else None
    if cut.issued and whole.issued and cut.issued.date_parts != online:
        # A less precise date (Ingenta's Source line) is fine.
        first, full = cut.issued.date_parts[0], whole.issued.date_parts[0]
        if first != full[: len(first)]:
            bad.append(f"issued={cut.issued.raw!r}")
    return bad


@pytest.mark.parametrize(("path", "reader"), PAGES)
def test_cut_pages_never_crash_or_keep_fragments(path: Path, reader: str) -> None:
    text = path.read_text("utf-8")
    whole = _record(reader, text)
    assert whole is not None
    for end in range(1, len(text), STEP):
        part = text[:end]
        for fmt in parsers.formats():  # detection must not crash on a cut page either
            assert 0 <= fmt.detect(part[: parsers.HEAD_CHARS]) <= 50
        cut = _record(reader, part)
        if cut is not None:
            assert _fragments(cut, whole) == [], (end, part[-40:])
