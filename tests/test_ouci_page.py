"""OUCI-style aggregator pages (formats.md §7): golden samples of every layout, detection.

Every sample is invented. Each `case.txt` has a `case.expected.json` beside it, written
by `tests/page_golden.py` and reviewed by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from her2kb import parsers
from her2kb.parsers import ParsedEntry, ParseProblem, ouci_page
from her2kb.parsers._ouci_references import parse_reference
from her2kb.parsers._ouci_values import read_head_line

from .conftest import SEEDS
from .page_golden import SAMPLES, assert_matches_golden, golden_path, sample_cases

CASES = sample_cases("ouci")


@pytest.mark.parametrize("sample", CASES, ids=lambda p: p.stem)
def test_sample_matches_its_golden_file(sample: Path) -> None:
    assert_matches_golden(sample)


@pytest.mark.parametrize("sample", CASES, ids=lambda p: p.stem)
def test_sample_is_detected_as_ouci_only(sample: Path) -> None:
    text = sample.read_text("utf-8")
    scores = {fmt.name: fmt.detect(text[: parsers.HEAD_CHARS]) for fmt in parsers.formats()
              if not fmt.fallback}
    assert [name for name, score in scores.items() if score > 0] == ["ouci-page"]
    assert parsers.detect(text, sample.name).name == "ouci-page"


def test_every_layout_has_a_sample() -> None:
    assert {p.stem for p in CASES} >= {
        "compact_english", "compact_ukrainian", "single_newline_dash_authors",
        "numbered_authors", "general_info_english", "general_info_ukrainian",
        "general_info_labels_stripped", "cut_mid_abstract", "cut_author_list_and_page_range",
        "cut_mid_references", "cut_in_journal_line",
    }
    assert all(golden_path(p).exists() for p in CASES)


def test_number_sign_is_the_issue_in_the_head_and_the_volume_in_references() -> None:
    fields: dict[str, Any] = {}
    warnings: list[str] = []
    read_head_line("Invented Journal, Part B, 2020, № 7, p. 10-19", fields, warnings)
    assert (fields["container_title"], fields["issue"], fields["page"]) == (
        "Invented Journal, Part B", "7", "10-19")
    assert "volume" not in fields and warnings == []
    reference, complete = parse_reference("3. Doe (2011) An invented title, Invented Reviews, "
                                          "№ 170, p. 321")
    assert complete
    assert reference == {"title": "An invented title", "container_title": "Invented Reviews",
                         "year": 2011}
    reference, complete = parse_reference("Roe, An invented title, Invented Reviews, № 24, "
                                          "p. 3390, https://doi.org/10.5555/ir.24.3390, 2006")
    assert complete
    assert reference == {"title": "An invented title", "container_title": "Invented Reviews",
                         "year": 2006, "doi": "10.5555/ir.24.3390"}


def test_year_label_variants_in_general_information() -> None:
    text = ("Invented title of an OUCI record about HER2\n\nhttps://doi.org/10.5555/x.1 ·\n\n"
            "Загальна інформація\n\nТип публікації\nЖурнальна стаття\n\nРік видання\n2016\n\n"
            "Видання\nInvented Journal of Oncology\n")
    (entry,) = ouci_page.parse(text, "uk")
    assert isinstance(entry, ParsedEntry)
    assert entry.record.issued is not None and entry.record.issued.date_parts == [[2016]]
    assert entry.record.container_title == "Invented Journal of Oncology"


def test_work_doi_never_comes_from_references_or_citing_works() -> None:
    text = ("An invented title about HER2 testing\n"
            "Journal: Invented Letters, 2018, № 2, p. 5-9\n"
            "Authors: Ana Lopes, Ben Carter\n\n"
            "List of references\n"
            "Lopes (2010) Invented earlier work, Invented Reviews, № 4, p. 12\n"
            "https://doi.org/10.5555/ref.2010.4 ·\n\n"
            "Publications that cite this publication\n"
            "A later invented study\nhttps://doi.org/10.5555/cites.2020.1 · Full text\n")
    (entry,) = ouci_page.parse(text, "t.txt")
    assert isinstance(entry, ParsedEntry)
    assert entry.record.doi is None
    assert [r.doi for r in entry.record.references] == ["10.5555/ref.2010.4"]


@pytest.mark.parametrize("text", [
    pytest.param("Authors: Ana Lopes, Ben Carter\nPublisher: Invented Press\n", id="support-only"),
    pytest.param("Journal: Invented Letters, 2018\nPublisher: Invented Press\n",
                 id="no-issue-or-pages"),
    pytest.param("General information\nThe meeting is on Monday.\n", id="heading-in-prose"),
    pytest.param("<html><body>Journal: Invented Letters, 2018, № 2, p. 5-9\nAuthors: A B"
                 "</body></html>", id="markup"),
    pytest.param("TY  - JOUR\nTI  - Journal: Invented, 2018, № 2, p. 5\nER  - \n", id="ris"),
])
def test_detect_rejects_near_misses(text: str) -> None:
    assert ouci_page.detect(text) == 0


@pytest.mark.parametrize("seed", sorted(SEEDS.iterdir()), ids=lambda p: p.name[:3])
def test_detect_rejects_the_seeds(seed: Path) -> None:
    assert ouci_page.detect(seed.read_text("utf-8")[: parsers.HEAD_CHARS]) == 0


OUCI_LINES = st.sampled_from([
    "Journal: Invented, 2020, № 3, p. 1-9", "Видання: Журнал, 2019, № 2, с. 45-", "Authors:",
    "Автори: Олена Коваль,", "- Ana Lopes", "1. Ben Carter", "General information", "Volume",
    "14", "2019", "Yes", "Abstract", "List of references", "https://doi.org/10.5555/x.1 ·",
    "Doe (2011) T, J, № 1, p. 2", "", "Publication type", "Розділ книги", "Number of citations",
])


@given(st.lists(st.one_of(OUCI_LINES, st.text(max_size=40)), max_size=25))
def test_parse_never_raises(lines: list[str]) -> None:
    text = "\n".join(lines)
    ouci_page.detect(text)
    items = list(ouci_page.parse(text, "random.txt"))
    assert len(items) == 1 and isinstance(items[0], ParsedEntry | ParseProblem)


def test_author_line_the_text_stops_in_is_left_empty() -> None:
    head = ("Invented title of a record about HER2 in gastric cancer\n"
            "Journal: Invented Letters, 2017, № 5, p. 6123-6130\n"
            "Authors: Natalia Honcharenko, Serhii Boiko, Dmytro Sav")
    (entry,) = ouci_page.parse(head, "cut")
    assert isinstance(entry, ParsedEntry)
    assert entry.record.author == []
    assert any("authors line" in w for w in entry.warnings)
    (whole,) = ouci_page.parse(head + "\n", "whole")  # a final line break: the line is whole
    assert isinstance(whole, ParsedEntry) and len(whole.record.author) == 3


def test_detailed_information_closes_the_abstract_and_show_more_is_no_reference() -> None:
    sample = SAMPLES / "ouci" / "detailed_information_after_abstract_ukrainian.txt"
    (entry,) = ouci_page.parse(sample.read_text("utf-8"), sample.name)
    assert isinstance(entry, ParsedEntry)
    assert entry.record.abstract is not None
    assert entry.record.abstract.endswith("the score held up on repeat biopsies.")
    assert entry.record.original_type == "Журнальна стаття"
    assert [ref.title for ref in entry.record.references] == [
        "Invented scoring of gastric biopsies"]


def test_a_saved_page_s_labels_over_their_values_and_the_volume_in_its_tags() -> None:
    """Saved as HTML, OUCI's `<dt>Journal:</dt><dd>…</dd>` show as two lines; the volume
    the page leaves out of its journal line is in its `citation_volume` tag."""
    page = "\n".join([
        "<html><head>", '<meta name="citation_title" content="Invented lung harm from a '
        'made-up conjugate">', '<meta name="citation_volume" content="23">',
        '<meta name="citation_issue" content="2">', "</head><body>",
        "<header><p>Open Ukrainian Citation Index</p><nav><a>Search</a> <a>About</a></nav>"
        "</header>", "<p>Journal Article</p>",
        "<h1>Invented lung harm from a made-up conjugate</h1>",
        '<p><a href="https://doi.org/10.5555/clbc.2022.11.006">'
        "https://doi.org/10.5555/clbc.2022.11.006</a></p>",
        "<dl><dt>Journal:</dt><dd>Invented Breast Cancer, 2023, № 2, p. 210-219</dd>",
        "<dt>Publisher:</dt><dd>Invented Elsevier</dd>",
        "<dt>Authors:</dt><dd>Wei-Jun Zhao, Priya Natarajan</dd></dl>",
        "<h2>Details</h2><p>Number of works in the list of references</p><p>33</p>",
        "<h2>Abstract</h2><p>Invented lung harm was reported in 612 made-up cases.</p>",
        "</body></html>"])
    reader = parsers.detect(page, "ouci.html")
    (entry,) = reader.parse(page, "ouci.html")
    assert isinstance(entry, ParsedEntry) and reader.name == "ouci-page"
    record = entry.record
    assert (record.container_title, record.publisher, record.volume, record.issue,
            record.page) == ("Invented Breast Cancer", "Invented Elsevier", "23", "2", "210-219")
    assert [a.family for a in record.author] == ["Zhao", "Natarajan"]
    assert "volume taken from the page's meta tags" in entry.warnings


def test_a_label_over_an_empty_value_keeps_the_heading_below_it() -> None:
    from her2kb.parsers._ouci_values import rows_labelled

    text = "Journal:\nInvented Oncology, 2023, № 2\nPublisher:\nList of references\nBerg, X"
    assert rows_labelled(text).split("\n") == [
        "Journal: Invented Oncology, 2023, № 2", "Publisher:", "List of references", "Berg, X"]
