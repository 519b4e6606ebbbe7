"""ASCII mode (`--encoding ascii`) of the BibTeX and BibLaTeX writers (formats.md §12.11).

Non-ASCII text becomes LaTeX macros through pylatexenc; url and doi stay verbatim;
characters without a macro (CJK) stay as they are. pybtex (strict) and bibtexparser
must read the ASCII file to the same values as the UTF-8 one, and so must our reader.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from her2kb import exporters
from her2kb.exporters import biblatex, bibtex
from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry
from her2kb.parsers import bibtex as reader
from her2kb.records import Name, Record, StoredRecord

from .test_export_biblatex import record_strategy
from .test_export_bibtex import read_bibtexparser, read_pybtex, sample_items

WRITERS = [pytest.param(bibtex, id="bibtex"), pytest.param(biblatex, id="biblatex")]


def one(record: Record) -> list[StoredRecord]:
    return [StoredRecord(id=1, key="k", record=record)]


def field(text: str, name: str) -> str:
    """The written value of `name` in a one-entry file, braces included."""
    line = next(line for line in text.splitlines() if line.startswith(f"  {name} = "))
    return line.removeprefix(f"  {name} = ").removesuffix(",")


@pytest.mark.parametrize("writer", WRITERS)
def test_the_formats_md_example(writer: Any) -> None:
    text = writer.export_ascii(one(Record(title="20–30% in Zürich")))
    assert field(text, "title") == r'{20{\textendash}30\% in Z{\"u}rich}'


@pytest.mark.parametrize("writer", WRITERS)
def test_non_breaking_hyphen_is_a_plain_hyphen_before_escaping(writer: Any) -> None:
    record = Record(title="HER2‑positive and a‑-b", author=[Name(family="Jean‑Paul")])
    text = writer.export_ascii(one(record))
    assert field(text, "title") == "{{HER2}-positive and a-{}-b}"
    assert field(text, "author") == "{Jean-Paul}"
    assert "nobreakdash" not in text


@pytest.mark.parametrize("writer", WRITERS)
def test_url_and_doi_stay_verbatim_and_cjk_stays(writer: Any) -> None:
    record = Record(title="Ünïcode", author=[Name(family="万征")],
                    url="https://example.org/zürich", doi="10.1000/é1")
    text = writer.export_ascii(one(record))
    assert field(text, "url") == "{https://example.org/zürich}"
    assert field(text, "doi") == "{10.1000/é1}"
    assert field(text, "author") == "{万征}"
    assert field(text, "title") == r'{{\"U}n{\"\i}code}'


@pytest.mark.parametrize("writer", WRITERS)
def test_case_protection_is_decided_on_unicode_words(writer: Any) -> None:
    text = writer.export_ascii(one(Record(title="DNA repair and ÉTAT")))
    assert field(text, "title") == r"{{DNA} repair and {{\'E}TAT}}"


@pytest.mark.parametrize("writer", WRITERS)
def test_everything_else_is_ascii(writer: Any) -> None:
    text = writer.export_ascii(sample_items())
    kept = {"万", "征"}  # no LaTeX macro: kept (formats.md §12.11)
    for line in text.splitlines():
        if not line.startswith(("  url = ", "  doi = ")):
            assert set(line) - kept <= set(map(chr, range(128))), line


def test_registered_on_both_exporters() -> None:
    assert exporters.get("bibtex").export_ascii is bibtex.export_ascii
    assert exporters.get("biblatex").export_ascii is biblatex.export_ascii


def fold_hyphens(value: Any) -> Any:
    """ASCII mode writes U+2010 HYPHEN as `-`: LaTeX has no other macro for it."""
    if isinstance(value, str):
        return value.replace("\u2010", "-")
    if isinstance(value, dict):
        return {key: fold_hyphens(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(fold_hyphens(item) for item in value)
    return value


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("oracle", [read_pybtex, read_bibtexparser])
def test_other_readers_decode_ascii_as_utf8(writer: Any, oracle: Any) -> None:
    items = sample_items()
    assert oracle(writer.export_ascii(items)) == fold_hyphens(oracle(writer.export(items)))


def read_back(text: str) -> list[Record]:
    entries = list(reader.FORMAT.parse(text, "ascii.bib"))
    assert all(isinstance(entry, ParsedEntry) for entry in entries), entries
    return [normalize(e.record) for e in entries if isinstance(e, ParsedEntry)]


@pytest.mark.parametrize("writer", WRITERS)
def test_our_reader_reads_ascii_as_utf8(writer: Any) -> None:
    items = sample_items()
    utf8 = [fold_hyphens(r.model_dump()) for r in read_back(writer.export(items))]
    assert [r.model_dump() for r in read_back(writer.export_ascii(items))] == utf8


def test_hungarian_double_acute_and_middle_dot() -> None:
    text = bibtex.export_ascii(one(Record(title="Szűcs and Győrffy at 5·10")))
    assert field(text, "title") == r"{Sz{\H{u}}cs and Gy{\H{o}}rffy at 5{\textperiodcentered}10}"
    assert read_back(text)[0].title == "Szűcs and Győrffy at 5·10"


# Text that pylatexenc writes with a macro that reads back as the same character: Latin
# letters with diacritics, Greek small letters, dashes, quotes. Left out, because
# pylatexenc 2.11 writes them as something else: ĸ ŉ ſ, and Ħ ħ Ŀ ŀ Ŧ ŧ (bar and middle
# dot letters approximated by accents); Greek capitals become Latin look-alikes.
# The middle dot is left out of the oracles' part only: pylatexenc reads
# \textperiodcentered as U+02D9; our reader knows better (test above).
LOSSY = "ĦħĸĿŀŉŦŧſ"
LATIN_CHARS = st.one_of(
    st.characters(min_codepoint=0xC0, max_codepoint=0x17F, categories=("Lu", "Ll"),
                  exclude_characters=LOSSY),
    st.sampled_from(list("αβγδμ–—‘’“”°±×ßøØłŁ&%_$#{}~^ ")),
    st.characters(min_codepoint=0x41, max_codepoint=0x7A, categories=("Lu", "Ll")),
)
LATIN = st.text(alphabet=LATIN_CHARS, min_size=1, max_size=30)
LATIN_WORD = st.text(alphabet=st.characters(min_codepoint=0xC0, max_codepoint=0x17F,
                                            categories=("Lu", "Ll"), exclude_characters=LOSSY),
                     min_size=1, max_size=10)


def latin_only(record: Record) -> bool:
    """normalize() repairs mojibake, which can turn `”ê` into Cyrillic: skip those."""
    text = record.model_dump_json()
    return not any(0x370 <= ord(c) < 0x2000 and c not in "αβγδμ" for c in text)


@pytest.mark.parametrize("writer", WRITERS)
@settings(max_examples=100, deadline=None)
@given(title=LATIN, family=LATIN)
def test_random_latin_text_decodes_back(writer: Any, title: str, family: str) -> None:
    record = normalize(Record(title="A " + title, author=[Name(family="X" + family.strip())]))
    assume(latin_only(record))
    items = one(record)
    want = read_pybtex(writer.export(items))
    assert read_pybtex(writer.export_ascii(items)) == want
    assert read_bibtexparser(writer.export_ascii(items)) == want
    assert read_back(writer.export_ascii(items)) == read_back(writer.export(items))


@pytest.mark.parametrize("writer", WRITERS)
@settings(max_examples=100, deadline=None)
@given(record=record_strategy(text=LATIN, word=LATIN_WORD))
def test_generated_records_read_back_as_from_utf8(writer: Any, record: Record) -> None:
    assume(latin_only(record))
    items = one(record)
    assert read_back(writer.export_ascii(items)) == read_back(writer.export(items))
