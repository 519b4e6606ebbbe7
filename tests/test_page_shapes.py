"""Small shapes the page readers recognise, checked one by one (issue 4).

The golden samples show each inside a whole page; these pin the edges: what the shape
takes and what it must leave alone.
"""

from __future__ import annotations

import pytest

from her2kb.parsers._citation import parse_europe_pmc
from her2kb.parsers._ouci_references import parse_reference
from her2kb.parsers._pubmed_detect import detect
from her2kb.parsers._text_record_table import stacked_rows


@pytest.mark.parametrize(("line", "parts"), [
    ("Invented Journal of Breast Research, 19(4):301-312, 06 Jul 2021",
     ("Invented Journal of Breast Research", "2021 Jul 06", "19", "4", "301-312")),
    ("Invented Breast Research, 04 May 2012, 7(3):R21",
     ("Invented Breast Research", "2012 May 04", "7", "3", "R21")),
    ("Cancers, 14(9):2281, 2022", ("Cancers", "2022", "14", "9", "2281")),
])
def test_europe_pmc_journal_line(line: str, parts: tuple[str, ...]) -> None:
    cited = parse_europe_pmc(line)
    assert cited is not None and cited.below_byline
    assert (cited.journal, cited.date, cited.volume, cited.issue, cited.pages) == parts


@pytest.mark.parametrize("line", [
    "Doe J, Roe K, 2012",                       # names and a year: no numbering
    "Breast Cancer Res Treat, 2020",            # a year alone
    "Invented Journal, 19(4):301-312",          # no date
    "Invented Journal, 2020, 19(4):301-312, 06 Jul 2021",  # two dates
])
def test_europe_pmc_journal_line_needs_numbering_and_one_date(line: str) -> None:
    assert parse_europe_pmc(line) is None


def test_stacked_labels_are_read_only_in_runs_of_matching_shapes() -> None:
    lines = ["Journal", "Invented Cancer Research", "Year", "2020", "Find it at", "PubMed",
             "90000125", "DOI", "10.5555/x.1", "Year", "Loading"]
    assert stacked_rows(lines) == [
        "Journal: Invented Cancer Research", "Year: 2020", "Find it at", "PubMed: 90000125",
        "DOI: 10.5555/x.1", "Year", "Loading"]
    # One pair alone, or a value of the wrong shape, stays as printed.
    assert stacked_rows(["Year", "2020", "Abstract"]) == ["Year", "2020", "Abstract"]
    assert stacked_rows(["Year", "soon", "DOI", "none"]) == ["Year", "soon", "DOI", "none"]
    # A run may end the page (the fuzz found this one).
    assert stacked_rows(["Year", "2020", "PubMed", "90000125"]) == [
        "Year: 2020", "PubMed: 90000125"]


def test_ouci_reference_opening_with_a_family_name() -> None:
    reference, complete = parse_reference(
        "Dalby, Invented survival trends in HER2-positive disease, Invented Breast Journal, "
        "№ 158, p. 37")
    assert complete
    assert reference == {"title": "Invented survival trends in HER2-positive disease",
                         "container_title": "Invented Breast Journal", "year": None}


def test_page_without_blank_lines_is_not_one_numbered_block() -> None:
    """Numbered affiliations in a page copied with no blank lines used to blank out every
    line below them, so the MeSH and publication-type headings went unseen."""
    lines = ["Europe PMC", "Invented title of a made-up study.", "Author information",
             *[f"{n}. Department {n}, Invented University." for n in (1, 2)],
             "Invented Journal, 19(4):301-312, 06 Jul 2021", "PMID: 90000124", "Abstract",
             "An invented abstract of a made-up study long enough to read as text here.",
             "x", "y", "z", "MeSH terms", "Humans", "Publication types", "Journal Article"]
    assert detect("\n".join(lines)) > 0
