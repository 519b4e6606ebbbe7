"""Ingenta Connect pages (formats.md §6): seed 001 against the spec, invented variants."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry, ingenta_page, scilit_page
from her2kb.parsers._ingenta_lines import is_furniture
from her2kb.parsers._page_values import split_author_list
from her2kb.records import Record

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"
SAMPLES = Path(__file__).parent / "samples" / "ingenta"
SEED = "001_6cfeeb803984043c.txt"
# Words of page furniture that must never reach a field (§6).
FURNITURE = ("Skip to", "padlock", "Buy Article", "Refund Policy", "No References",
             "No Citations", "Editorial Board", "Subscribe", "Access Key", "Free content",
             "Cookie", "More about this publication")


def read(path: Path) -> tuple[Record, tuple[str, ...]]:
    entries = list(ingenta_page.parse(path.read_text(encoding="utf-8"), path.name))
    assert len(entries) == 1
    entry = entries[0]
    assert isinstance(entry, ParsedEntry), entry
    return normalize(entry.record), entry.warnings


def assert_no_furniture(record: Record) -> None:
    dumped = record.model_dump_json()
    leaked = [word for word in FURNITURE if word in dumped]
    assert leaked == []


def names(record: Record) -> list[dict[str, Any]]:
    return [a.model_dump(by_alias=False, exclude_defaults=True) for a in record.author]


def test_seed_is_detected_as_ingenta_only() -> None:
    text = (SEEDS / SEED).read_text(encoding="utf-8")
    assert 1 <= ingenta_page.detect(text) <= 50
    assert scilit_page.detect(text) == 0


def test_seed_matches_expected_values() -> None:
    record, warnings = read(SEEDS / SEED)
    assert record.title == ("Beyond Trastuzumab: Overcoming Resistance to Targeted HER-2 "
                            "Therapy in Breast Cancer")
    assert record.author == []
    assert record.container_title == "Current Cancer Drug Targets"
    assert record.issued is not None and record.issued.date_parts == [[2009, 3, 1]]
    assert record.year == 2009
    assert (record.volume, record.issue, record.page, record.doi) == (None, None, None, None)
    assert record.publication_types == ["Research Article"]
    assert record.type == "article-journal"
    assert record.keywords == ["Breast neoplasms", "erbB-2 receptor", "monoclonal antibodies",
                               "protein-tyrosine kinases"]
    assert record.abstract is not None
    assert record.abstract.startswith(
        "Overexpression of the human epidermal growth factor receptor 2 (HER-2)")
    assert record.abstract.endswith("treatment of trastuzumab-resistant disease.")
    assert "\n" not in record.abstract
    assert_no_furniture(record)
    assert warnings == ()


def test_semicolon_authors_and_source_line_beating_the_blurb() -> None:
    record, warnings = read(SAMPLES / "authors_semicolon_source_line.txt")
    assert record.title == "Invented Signalling Crosstalk Between HER2 and a Made-Up Receptor"
    assert names(record) == [{"family": "Quill", "given": "Amara"},
                             {"family": "Tennant", "given": "Bo R."}]
    assert record.container_title == "Journal of Invented Oncology"
    assert (record.volume, record.issue, record.page) == ("4", "1", "12-20")
    assert record.number_of_pages == 9
    assert record.issued is not None and record.issued.date_parts == [[2011, 1]]
    assert record.publisher == "Imaginary Science Publishers"
    assert record.doi == "10.5555/jio.2011.0004"
    assert record.abstract == ("We report an invented interaction between HER2 and a made-up "
                               "receptor in cultured cells.")
    assert record.keywords == ["HER2", "invented receptor", "crosstalk"]
    assert record.publication_types == ["Research Article"]
    assert "Invented Institute" not in record.model_dump_json()
    assert_no_furniture(record)
    assert warnings == ()


def test_comma_separated_given_first_authors_and_listed_blurb_journal() -> None:
    record, _ = read(SAMPLES / "authors_comma_given_first_blurb_journal.txt")
    assert record.title == "Made-Up Outcomes of Dual HER2 Blockade in an Invented Cohort"
    assert names(record) == [
        {"family": "Quill", "given": "Amara"},
        {"family": "Tennant", "given": "Bo R."},
        {"family": "Vega", "given": "Cy", "non_dropping_particle": "de la"},
    ]
    assert record.container_title == "Anti-Cancer Drugs"
    assert record.abstract == ("First invented paragraph of the abstract.\n"
                               "Second invented paragraph of the abstract.")
    assert record.keywords == ["dual blockade", "invented cohort"]
    assert record.publication_types == ["Review Article"]
    assert record.issued is not None and record.issued.date_parts == [[2012, 6, 15]]
    assert record.volume is None and record.page is None and record.number_of_pages is None
    assert_no_furniture(record)


def test_unlisted_journal_from_the_blurb_words_before_the_verb() -> None:
    record, warnings = read(SAMPLES / "no_authors_unlisted_journal_blurb.txt")
    assert record.title == "An Invented Biomarker Panel for HER2 Scoring"
    assert record.author == []
    assert record.container_title == "Journal of Invented Tumour Biology"
    assert record.abstract == "This invented abstract describes a made-up scoring panel."
    assert record.issued is not None and record.issued.date_parts == [[2010, 9, 1]]
    assert any("blurb" in w for w in warnings)
    assert_no_furniture(record)


def test_page_without_blurb_or_source_has_no_journal() -> None:
    record, warnings = read(SAMPLES / "no_blurb_no_source.txt")
    assert record.title == "An Invented Note Without Journal Details"
    assert names(record) == [{"family": "Quill", "given": "Amara"}]
    assert record.abstract == "The whole invented abstract sits on this line."
    assert record.container_title is None
    assert record.publication_types == ["Short Communication"]
    assert record.issued is not None and record.issued.date_parts == [[2014, 4, 2]]
    assert "not on the page: container_title" in warnings


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("Quill, Amara; Bo Tennant", [("Quill", "Amara"), ("Tennant", "Bo")],
                     id="semicolons-mixed-order"),
        pytest.param("Amara Quill and Bo Tennant", [("Quill", "Amara"), ("Tennant", "Bo")],
                     id="and-joined"),
        pytest.param("Quill, Amara, Tennant, Bo", [("Quill", "Amara"), ("Tennant", "Bo")],
                     id="comma-pairs-family-first"),
        pytest.param("Quill A, Tennant BR", [("Quill", "A."), ("Tennant", "B.R.")],
                     id="vancouver"),
        pytest.param("Quill, Amara1; Tennant, Bo*", [("Quill", "Amara"), ("Tennant", "Bo")],
                     id="affiliation-markers"),
    ],
)
def test_split_authors(value: str, expected: list[tuple[str, str]]) -> None:
    got = [(n.get("family"), n.get("given")) for n in split_author_list(value, [])]
    assert got == expected


@pytest.mark.parametrize(("source", "values", "date_parts"), [
    pytest.param("Journal of Invented Oncology, Volume 7, 2013, pp. 1-5",
                 ("Journal of Invented Oncology", "7", None, "1-5", None), [[2013]],
                 id="no-page-count-or-number"),
    pytest.param("Invented Research, Volume 24, Number 5A, September-October 2004, "
                 "pp. 2931-2938(8)", ("Invented Research", "24", "5A", "2931-2938", 8),
                 [[2004, 9], [2004, 10]], id="month-range"),
    pytest.param("Invented Oncology Nursing, Volume 23, Number 5, Supplement, October 2019, "
                 "pp. 45-52(8)", ("Invented Oncology Nursing", "23", "5 Suppl", "45-52", 8),
                 [[2019, 10]], id="supplement-without-number"),
])
def test_source_line_variants(source: str, values: tuple[Any, ...],
                              date_parts: list[list[int]]) -> None:
    text = f"Invented Title\nSource: {source}\nBuy Article:\nInvented abstract."
    entry = next(iter(ingenta_page.parse(text, "x")))
    assert isinstance(entry, ParsedEntry)
    record = entry.record
    assert (record.container_title, record.volume, record.issue, record.page,
            record.number_of_pages) == values
    assert record.issued is not None and record.issued.date_parts == date_parts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("TY - JOUR\nT1 - Invented\nJO - Invented J\nER - ", id="ingenta-endnote-ris"),
        pytest.param("TY  - JOUR\nTI  - Invented\nER  - ", id="ris"),
        pytest.param("PMID- 12345678\nTI  - Invented title.", id="medline"),
        pytest.param("%0 Journal Article %T Invented %J Invented J", id="refer"),
        pytest.param("Invented prose.\nDocument Type: memo\nPublication date: March 1, 2009",
                     id="weak-markers-only"),
    ],
)
def test_detect_rejects_other_text(text: str) -> None:
    assert ingenta_page.detect(text) == 0


@pytest.mark.parametrize("name", ["000_21f426c25603dadc.txt", "002_cc6bb0ae18d7ae2e.txt",
                                  "003_06d54b748c30d812.txt", "004_2f119f0e78d0411c.txt"])
def test_detect_rejects_other_seeds(name: str) -> None:
    assert ingenta_page.detect((SEEDS / name).read_text(encoding="utf-8")) == 0


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_detect_accepts_every_sample(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert 1 <= ingenta_page.detect(text) <= 50
    assert scilit_page.detect(text) == 0


LINES = st.sampled_from(["Buy Article:", "More about this publication?", "  • ", "  • x",
                         "Authors: ", "Authors: ,;,", "Source: , Volume , pp. -(0)",
                         "Keywords: ;", "Publication date: 99 99", "No References", ""])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(LINES, st.text()), max_size=12))
def test_never_raises(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert 0 <= ingenta_page.detect(text) <= 50
    assert len(list(ingenta_page.parse(text, "fuzz"))) == 1


@pytest.mark.parametrize("line", [
    "Buy Article: $68.00 + tax (Refund Policy) Add to Basket",  # a saved page's buy box, one line
    "Add to Basket", "Shopping Cart (0)", "- References"])  # a converter's tab row
def test_buy_box_lines_are_furniture(line: str) -> None:
    assert is_furniture(line)
