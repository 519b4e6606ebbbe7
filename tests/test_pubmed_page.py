"""The PubMed / PMC page reader: seeds against the shared expectations, invented samples
for every layout of formats.md §4, detection, and the page-text helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from her2kb import parsers
from her2kb.normalize import normalize
from her2kb.parsers import HEAD_CHARS, ParsedEntry
from her2kb.parsers._citation import parse_citation
from her2kb.parsers._mesh_words import descriptor_cut
from her2kb.parsers._page import bullet_item, page_lines, read_list
from her2kb.parsers._pubmed_title import joined_bracket_titles
from her2kb.parsers.pubmed_page import FORMAT, detect, parse
from her2kb.records import Record

from .conftest import SEEDS
from .page_golden import FURNITURE, strings

SAMPLES = Path(__file__).resolve().parent / "samples" / "pubmed"
PUBMED_SEEDS = ["003_06d54b748c30d812.txt", "004_2f119f0e78d0411c.txt"]
OTHER_SEEDS = ["000_21f426c25603dadc.txt", "001_6cfeeb803984043c.txt", "002_cc6bb0ae18d7ae2e.txt"]


def _entry(text: str, origin: str = "sample") -> ParsedEntry:
    results = list(parse(text, origin))
    assert len(results) == 1
    entry = results[0]
    assert isinstance(entry, ParsedEntry), entry
    return entry


def _sample(name: str) -> tuple[Record, tuple[str, ...]]:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert detect(text[:HEAD_CHARS]) > 0
    entry = _entry(text, name)
    return normalize(entry.record), entry.warnings


def _mesh(record: Record) -> list[tuple[str, str | None, bool]]:
    return [(m.descriptor, m.qualifier, m.major) for m in record.mesh]




# --- the two real seeds (`expected` is tests/golden/seeds_expected.json, see conftest) ---


@pytest.mark.parametrize("seed", PUBMED_SEEDS)
def test_seed_matches_shared_expectations(seed: str, expected: dict[str, Any]) -> None:
    want = expected[seed]
    text = (SEEDS / seed).read_text(encoding="utf-8")
    assert detect(text[:HEAD_CHARS]) > 0
    record = normalize(_entry(text, seed).record)
    assert record.title == want["title"]
    assert [{"family": a.family, "given": a.given} for a in record.author] == want["authors"]
    assert record.authors_truncated is want.get("authors_truncated", False)
    assert record.container_title == want["journal"]
    assert record.year == want["year"]
    if "month" in want:
        assert record.issued is not None
        assert record.issued.date_parts[0][1] == want["month"]
    assert (record.volume, record.issue, record.page) == (
        want["volume"], want["issue"], want["pages"])
    assert record.page_as_printed == want.get("pages_as_printed")
    assert record.doi is not None
    assert record.doi.lower() == want["doi"].lower()
    assert record.publication_types == want["types"]
    errata = [r.citation for r in record.relations if r.kind == "erratum_in"]
    assert errata == ([want["erratum_in"]] if "erratum_in" in want else [])
    assert [m.model_dump(by_alias=False) for m in record.mesh] == want["mesh_terms"]
    assert record.substances == want.get("substances", [])
    assert record.abstract is not None
    assert record.abstract.startswith(want["abstract_starts"])
    assert record.abstract.endswith(want["abstract_ends"])
    assert record.pmid is None  # printed only in the URL, which a saved text lacks


def test_seed_003_full_page_details() -> None:
    text = (SEEDS / PUBMED_SEEDS[0]).read_text(encoding="utf-8")
    record = normalize(_entry(text).record)
    assert record.available_date is None
    assert record.keywords == [] and record.substances == []
    assert [(r.kind, r.citation) for r in record.relations] == [
        ("erratum_in", "Drug Resist Updat. 2003 Oct;6(5):296")]


@pytest.mark.parametrize("name", PUBMED_SEEDS)
def test_seed_fields_carry_no_furniture(name: str) -> None:
    record = _entry((SEEDS / name).read_text(encoding="utf-8")).record
    for value in strings(record.model_dump(by_alias=False)):
        assert not any(word in value + "\n" for word in FURNITURE), value


# --- invented samples, one per layout or variant ---------------------------------------


def test_a1_epub_ecollection_article_number() -> None:
    record, _ = _sample("a1_epub_ecollection_article_number.txt")
    assert record.title == "Sleep timing and invented biomarkers in shift workers"
    assert record.container_title == "Front Invented Sci"
    assert record.issued is not None and record.issued.date_parts == [[2019, 12, 2]]
    assert record.available_date is not None and record.available_date.date_parts == [[2019]]
    assert (record.volume, record.issue, record.page) == ("8", None, "e2051")
    assert record.page_as_printed is None
    assert record.doi == "10.5555/fis.2019.02051"
    assert record.publication_types == ["Journal Article"]
    assert _mesh(record) == [("Biomarkers", "blood", False), ("Humans", None, False),
                             ("Shift Work Schedule", None, True), ("Sleep", "physiology", False)]
    assert record.substances == []


def test_a1_supplement_issue() -> None:
    record, _ = _sample("a1_supplement_issue.txt")
    assert record.container_title == "Invented Oncol Rev"
    assert (record.volume, record.issue) == ("17", "Suppl 2")
    assert (record.page, record.page_as_printed) == ("S15-S22", "S15-22")
    assert record.doi is None
    assert _mesh(record)[-1] == ("Protein Kinase Inhibitors", "administration & dosage", True)
    assert record.substances == ["Protein Kinase Inhibitors"]


def test_a1_roman_pages_and_season() -> None:
    record, _ = _sample("a1_roman_pages_season.txt")
    assert (record.page, record.page_as_printed) == ("125-135, ix", "125-35, ix")
    assert record.issued is not None
    assert (record.issued.date_parts, record.issued.season) == ([[1998]], 2)
    assert _mesh(record) == [("Bandages", None, True), ("Humans", None, False),
                             ("Wound Healing", None, True)]


def test_a1_broken_doi_is_dropped_with_a_warning() -> None:
    record, warnings = _sample("a1_broken_doi.txt")
    assert record.doi is None
    assert any("10.1146/" in w and "doi" in w for w in warnings)
    assert (record.volume, record.page) == ("71", "1-20")


def test_a1_bracketed_non_english_title() -> None:
    record, _ = _sample("a1_non_english_title.txt")
    assert record.title == "[Invented English rendering of a Spanish title about HER2 testing]"
    assert record.language == "Spanish"
    assert record.container_title == "Rev Invented Med"
    assert record.abstract == (
        "HER2 testing was compared in two invented laboratories. Agreement was high.")
    assert record.publication_types == ["Comparative Study", "English Abstract"]


def test_a1_news_item_page_of1_without_publication_types() -> None:
    record, _ = _sample("a1_news_page_of1.txt")
    assert (record.volume, record.issue, record.page) == ("4", "7", "OF1")
    assert record.publication_types == []
    assert record.doi == "10.5555/icd.news-071"


def test_a1_text_cut_inside_mesh_drops_the_partial_item() -> None:
    record, warnings = _sample("a1_cut_mid_mesh.txt")
    assert _mesh(record) == [("Biomarkers", "blood", True), ("Humans", None, False)]
    assert any("Liver Cirrhosis / diagn" in w for w in warnings)


def test_a1_text_cut_inside_a_descriptor_drops_the_row() -> None:
    record, warnings = _sample("a1_cut_mid_mesh_descriptor.txt")
    assert _mesh(record) == [("Aged", None, False), ("Breast Neoplasms", "drug therapy", True)]
    assert any("Drug Administration Sch" in w for w in warnings)


@pytest.mark.parametrize(("row", "cut"), [
    ("Drug Administration Sch", True), ("Hum", True), ("ERBB2 protein, hum", True),
    ("Quinazol", True), ("Humans", False), ("Drug Administration Schedule", False),
    ("Lapatinib", False), ("Invented Descriptor", False), ("Mice, Inbred C57BL", False),
    ("Breast Neoplasms*", False), ("Receptor, ErbB-2", False)])
def test_a_last_row_cut_inside_a_descriptor_word(row: str, cut: bool) -> None:
    assert descriptor_cut(row) is cut


def test_a1_text_cut_inside_unlabelled_substances() -> None:
    record, warnings = _sample("a1_cut_mid_substances.txt")
    assert record.substances == ["Biomarkers, Tumor"]
    assert [m.descriptor for m in record.mesh] == ["Female", "Humans", "Receptor, ErbB-2"]
    assert any("Receptor, Erb" in w for w in warnings)


def test_a1_text_cut_inside_abstract_leaves_it_empty_and_warns() -> None:
    record, warnings = _sample("a1_cut_mid_abstract.txt")
    assert record.abstract is None  # issue 4 item 6: a fragment is not an abstract
    assert any(w.startswith("abstract:") for w in warnings)
    assert record.title == "Invented outcomes after knee surgery"


def test_a2_abstract_heading_and_labelled_substances() -> None:
    record, _ = _sample("a2_abstract_heading_labelled_substances.txt")
    assert record.title == "Invented trial of zorbicept in ERBB-low gastric carcinoma"
    assert record.issued is not None and record.issued.date_parts == [[2016, 4, 1]]
    assert record.available_date is not None and record.available_date.date_parts == [[2016, 2, 8]]
    assert record.year == 2016
    assert (record.page, record.page_as_printed) == ("1101-1109", "1101-9")
    assert record.doi == "10.5555/jio.2015.64.1101"  # not the similar article's DOI
    assert record.pmid is None  # the PMID under "Similar articles" is another work's
    assert record.abstract is not None
    assert record.abstract.startswith("Purpose: To test whether zorbicept")
    assert record.abstract.endswith(
        "Conclusion: Zorbicept prolonged survival in this invented trial.")
    assert record.keywords == ["gastric carcinoma", "zorbicept", "invented antibody"]
    assert record.publication_types == ["Clinical Trial, Phase II", "Randomized Controlled Trial"]
    assert _mesh(record) == [
        ("Antibodies, Monoclonal", "therapeutic use", True), ("Humans", None, False),
        ("Stomach Neoplasms", "drug therapy", True), ("Stomach Neoplasms", "mortality", False)]
    assert record.substances == ["Antibodies, Monoclonal", "zorbicept"]


def test_b1_legacy_citation_before_title() -> None:
    record, _ = _sample("b1_legacy_citation_first.txt")
    assert record.title == "Invented rhythm changes after marathon running."  # verbatim (§4.5)
    assert [a.display() for a in record.author] == ["J.A. Doe", "P. van der Berg", "K. Smith-Jones"]
    assert record.container_title == "Invented J Cardiol"
    assert (record.volume, record.issue, record.page) == ("41", "6", "512-519")
    assert record.pmid == "10000002"
    assert record.abstract == (
        "Marathon runners showed invented rhythm changes. Most changes resolved within a week.")
    assert record.publication_types == ["Research Support, Non-U.S. Gov't"]
    assert _mesh(record) == [
        ("Adult", None, False), ("Arrhythmias, Cardiac", "etiology", True),
        ("Heart Rate", "physiology", False), ("Humans", None, False),
        ("Running", "physiology", True)]


def test_b1_legacy_relations_date_range_and_group_author() -> None:
    record, _ = _sample("b1_legacy_relations_group_author.txt")
    assert record.title == "A randomised invented trial of tea."
    assert [a.display() for a in record.author] == ["J. Doe", "R. Roe", "Invented Tea Study Group"]
    assert record.author[2].literal == "Invented Tea Study Group"
    assert record.container_title == "Invented Lancet"
    assert record.issued is not None
    assert record.issued.date_parts == [[2005, 2, 26], [2005, 3, 4]]
    assert (record.volume, record.issue, record.page) == ("365", "9461", "765-772")
    assert record.pmid == "10000011"
    assert [(r.kind, r.citation) for r in record.relations] == [
        ("comment_in", "Invented Lancet. 2005 Mar 5;365(9462):845-6."),
        ("erratum_in", "Invented Lancet. 2005 Apr 2;365(9466):1222."),
        ("comment_in", "Invented BMJ. 2005 Mar 1;330(7489):500."),
    ]
    assert record.abstract == (
        "BACKGROUND: Tea is invented. FINDINGS: Tea helped. INTERPRETATION: Drink tea.")
    assert _mesh(record) == [("Tea", None, True), ("Humans", None, False)]
    assert record.substances == ["Tea"]
    assert record.publication_types == ["Randomized Controlled Trial"]


def test_b2_legacy_pii_ahead_of_print() -> None:
    record, warnings = _sample("b2_legacy_ahead_of_print_pii.txt")
    assert record.title == "Invented vitamin levels in night-shift workers."
    assert record.container_title == "Invented Clin Nutr"
    assert (record.volume, record.issue, record.page) == (None, None, None)
    assert record.doi == "10.5555/j.icn.2018.05.012"
    assert record.issued is not None and record.issued.date_parts == [[2018, 6, 5]]
    assert record.pmid == "10000006"
    assert record.keywords == ["invented vitamin", "night shift", "nutrition"]
    assert record.abstract is not None and record.abstract.startswith("BACKGROUND: Night-shift")
    assert any("pii" in w for w in warnings)


def test_b3_legacy_numbered_affiliations_and_pmid_below() -> None:
    record, _ = _sample("b3_legacy_numbered_affiliations.txt")
    assert record.title == "Invented reflexes in sleeping cats."
    assert [(a.family, a.given) for a in record.author] == [
        ("Doe", "J."), ("Roe", "R."), ("Poe", "E.")]
    assert record.pmid == "10000003"
    assert record.doi == "10.5555/inr.2012.15"
    assert record.abstract == "Sleeping cats showed invented reflexes that faded with age."


def test_c_pmc_article_page() -> None:
    record, _ = _sample("c_pmc_article_page.txt")
    assert record.title == "Invented HER2\u2010low signalling in organoids"
    assert [(a.given, a.non_dropping_particle, a.family) for a in record.author] == [
        ("Jane Q", None, "Doe"), ("Ravi", None, "Roe"), ("Ana", "de la", "Cruz")]
    assert record.container_title == "Journal of Invented Oncology"
    assert record.issued is not None and record.issued.date_parts == [[2012, 3, 14]]
    assert (record.volume, record.issue, record.page) == ("7", "3", "e1274")
    assert record.doi == "10.5555/jio.2012.01274"  # never the body's reference DOI
    assert (record.pmcid, record.pmid) == ("PMC1234567", "10000004")
    assert record.abstract == (
        "Background: Organoids are an invented model of tumour growth.\n"
        "Methods: We grew 40 invented organoid lines.\n"
        "Results: Twelve lines showed HER2\u2010low signalling.\n"
        "Conclusions: Organoids can model HER2\u2010low tumours.")
    assert record.keywords == ["organoids", "HER2-low", "signalling"]


def test_c_pmc_old_layout_with_published_online_line() -> None:
    record, _ = _sample("c_pmc_old_layout_published_online.txt")
    assert record.title == "An invented title about organoids"
    assert [a.display() for a in record.author] == ["Jane Doe", "Ravi Roe", "Ana Cruz"]
    assert record.container_title == "Breast Invented Res"
    assert record.issued is not None and record.issued.date_parts == [[2010]]
    assert record.available_date is not None
    assert record.available_date.date_parts == [[2010, 6, 28]]
    assert (record.volume, record.issue, record.page) == ("12", "3", "R45")
    assert record.doi == "10.5555/bir2601"
    assert (record.pmid, record.pmcid) == ("10000012", "PMC5000001")
    assert record.abstract == (
        "Introduction: Organoids are invented.\nMethods: We grew them.\n"
        "Results: They grew.\nConclusions: Organoids grow.")


def test_c_pmc_author_manuscript_takes_the_final_form_journal() -> None:
    record, _ = _sample("c_pmc_author_manuscript.txt")
    assert record.title == "Invented gene loops in yeast"
    assert record.container_title == "J Invented Biol"
    assert record.issued is not None and record.issued.date_parts == [[2010, 5]]
    assert (record.volume, record.issue) == ("12", "3")
    assert (record.page, record.page_as_printed) == ("45-52", "45\u201352")
    assert record.doi == "10.5555/jib.2010.045"
    assert (record.pmcid, record.pmid) == ("PMC2000001", "10000005")
    assert record.abstract == "Yeast cells form invented gene loops during stress."


def test_c_pmc_collection_logo_is_not_a_journal() -> None:
    record, warnings = _sample("c_pmc_collection_logo.txt")
    assert record.container_title is None
    assert any("Collection" in w for w in warnings)
    assert record.title == "Invented respiratory virus shedding in children"
    assert (record.volume, record.issue, record.page) == ("15", "2", "101-110")
    assert record.abstract == "Children shed the invented virus for up to ten days."


@pytest.mark.parametrize("logo", ["Springer Open Choice", "Wiley-Blackwell Online Open",
                                  "Oxford Open", "Europe PMC Funders Group"])
def test_c_pmc_open_access_programme_logos_are_not_journals(logo: str) -> None:
    text = (SAMPLES / "c_pmc_collection_logo.txt").read_text(encoding="utf-8")
    text = text.replace("Invented Publisher Public Health Emergency Collection", logo)
    record = normalize(_entry(text).record)
    assert record.container_title is None
    assert record.title == "Invented respiratory virus shedding in children"


def test_pmc_scrape_from_abstract_is_claimed_by_its_reference_link_rows() -> None:
    text = (SAMPLES.parent / "truncated" / "pubmed" /
            "e_pmc_scrape_only_reference_link_rows.txt").read_text(encoding="utf-8")
    assert parsers.detect(text, "e").name == "pubmed-page"
    journal_site = text.replace("Keywords:", "Received: 1 May 2018\nAccepted: 2 June 2018\n"
                                "Keywords:")
    assert detect(journal_site[:HEAD_CHARS]) == 0


def test_d_journal_line_part_issue_and_comments() -> None:
    record, _ = _sample("d_full_page_journal_line_part_issue.txt")
    assert record.title == "Invented exercise programme for knee pain"
    assert record.container_title == "J Invented Med"
    assert [(a.given, a.family) for a in record.author] == [("Mary", "Major")]
    assert record.authors_truncated is True
    assert (record.volume, record.issue, record.page) == ("40", "2 Pt 2", "210-218")
    assert record.issued is not None and record.issued.date_parts == [[2015, 2]]
    assert record.available_date is not None
    assert record.available_date.date_parts == [[2014, 11, 3]]
    assert record.doi == "10.5555/jim.2015.210"
    assert [(r.kind, r.citation) for r in record.relations] == [
        ("comment_in", "Invented editorial on knee pain. J Invented Med. 2015 Feb;40(2 Pt 2):219."),
        ("comment_in", "Invented letter on knee pain. J Invented Med. 2015 Jun;40(6):601."),
    ]
    assert record.publication_types == [
        "Randomized Controlled Trial", "Research Support, Non-U.S. Gov't"]


def test_d_new_pubmed_page_with_authors_ids_and_other_works() -> None:
    record, _ = _sample("d_new_pubmed_full_page_authors_ids.txt")
    assert record.title == "Invented meta-analysis of heat packs for back pain"
    assert [a.display() for a in record.author] == ["Lena Ortiz", "Omar Said", "Pia Lund"]
    assert record.authors_truncated is False
    assert record.container_title == "Invented Pain Res"
    assert (record.pmid, record.pmcid) == ("10000008", "PMC4000001")
    assert record.doi == "10.5555/ipr.2021.0042"
    assert record.abstract is not None and record.abstract.endswith("Heat packs may help.")
    assert record.keywords == ["back pain", "heat", "meta-analysis"]
    assert record.publication_types == ["Meta-Analysis", "Systematic Review"]
    assert _mesh(record) == [("Back Pain", "therapy", True),
                             ("Hot Temperature", "therapeutic use", True), ("Humans", None, False)]


def test_e_dash_bullets_without_title() -> None:
    record, warnings = _sample("e_dash_bullets_no_title.txt")
    assert record.title is None
    assert any(w.startswith("title:") for w in warnings)
    assert record.abstract == (
        "Invented antibodies bind the receptor in two modes. Mode B is rare.")
    assert record.keywords == ["antibody", "receptor binding"]
    assert record.publication_types == ["Review"]
    assert _mesh(record) == [("Antibodies, Monoclonal", "chemistry", True),
                             ("Neoplasms", "drug therapy", True), ("Humans", None, False)]
    assert record.substances == ["Antibodies, Monoclonal"]


# A Bookshelf chapter and a preprint record are the samples that are no journal article.
OTHER_TYPES = {"d_bookshelf_chapter_in_line_excerpt_editors.txt": "chapter",
               "d_preprint_server_line_preprint_token.txt": "article",
               "europe_pmc_preprint_medrxiv.txt": "article",
               "europe_pmc_preprint_server_alone_published_article_box.txt": "article"}


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_sample_fields_carry_no_furniture(name: str) -> None:
    record, _ = _sample(name)
    assert record.type == OTHER_TYPES.get(name, "article-journal")
    for value in strings(record.model_dump(by_alias=False)):
        assert not any(word in value + "\n" for word in FURNITURE), (name, value)


# --- detection ------------------------------------------------------------------------


@pytest.mark.parametrize("seed", OTHER_SEEDS)
def test_other_seeds_are_not_pubmed_pages(seed: str) -> None:
    assert detect((SEEDS / seed).read_text(encoding="utf-8")[:HEAD_CHARS]) == 0


@pytest.mark.parametrize("text", [
    "",
    "   \n\n",
    "PMID- 10000001\nOWN - NLM\nTI  - An invented title.\nMH  - Humans\n",
    "PMID- 10000001 OWN - NLM STAT- MEDLINE DP - 2010 May TI - An invented title.",
    "TI  - An invented title.\nAU  - Doe J\nMeSH terms\nPublication types\n",
    "TY  - JOUR\nTI  - Invented\nN1  - MeSH terms\nN1  - Publication types\nER  - \n",
    "Plain prose about breast cancer. It mentions 2010 and PMID numbers in passing.",
    "1. Doe J, Roe R. Invented title. J Examp. 2010;12(3):45-52. doi: 10.5555/x.1.",
])
def test_detect_rejects_other_text(text: str) -> None:
    assert detect(text) == 0


@pytest.mark.parametrize("seed", PUBMED_SEEDS)
def test_detect_scores_within_range(seed: str) -> None:
    assert 1 <= detect((SEEDS / seed).read_text(encoding="utf-8")) <= 50


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_detect_and_parse_never_raise(text: str) -> None:
    assert 0 <= detect(text) <= 50
    for item in parse(text, "random"):
        assert item is not None


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=3000))
def test_truncated_pages_never_raise(cut: int) -> None:
    text = (SAMPLES / "d_new_pubmed_full_page_authors_ids.txt").read_text(encoding="utf-8")
    for item in parse(text[:cut], "cut"):
        if isinstance(item, ParsedEntry):
            normalize(item.record)


def test_format_registration() -> None:
    assert FORMAT.name == "pubmed-page"
    assert set(FORMAT.aliases) == {"pubmed", "pmc-page"}


def test_nothing_usable_is_a_problem() -> None:
    (item,) = parse("MeSH terms\n\n  \u2022 Humans\n", "x")
    assert not isinstance(item, ParsedEntry)


# --- the citation-line grammar and the page helpers --------------------------------------


@pytest.mark.parametrize(("line", "parts"), [
    ("Acta Examp (Xyz). 1999;8(2 Pt 2):100-9.",
     ("Acta Examp (Xyz)", "1999", "8", "2 Pt 2", "100-9")),
    ("J Examp. 2009 Dec 30-2010 Jan 5;3:1-2.",
     ("J Examp", "2009 Dec 30-2010 Jan 5", "3", None, "1-2")),
    (". 2003 Jun;6(3):129-36.", (None, "2003 Jun", "6", "3", "129-36")),
    ("Cell Rep. 2019 May 2;27(5):1035-1049.e19.", ("Cell Rep", "2019 May 2", "27", "5",
                                                    "1035-1049.e19")),
    ("Invented Rev. 2001 Nov-Dec;4(6 Suppl):S3-8; discussion S8-10.",
     ("Invented Rev", "2001 Nov-Dec", "4", "6 Suppl", "S3-8; discussion S8-10")),
    ("Breast Cancer Res. 2010; 12(3): R45.", ("Breast Cancer Res", "2010", "12", "3", "R45")),
    # A colon typed for the semicolon; a colon alone still opens the pages.
    (". 2022 Mar:163:108-118.", (None, "2022 Mar", "163", None, "108-118")),
    ("J Examp. 2010 Mar:e1274.", ("J Examp", "2010 Mar", None, None, "e1274")),
])
def test_citation_line_parts(line: str, parts: tuple[str | None, ...]) -> None:
    citation = parse_citation(line)
    assert citation is not None
    got = (citation.journal, citation.date, citation.volume, citation.issue, citation.pages)
    assert got == parts


def test_citation_line_is_not_a_sentence_or_byline() -> None:
    assert parse_citation("Results were better in 2010 than before.") is None
    assert parse_citation("Jane Doe et al. J Examp. 2010 May.") is None


def test_page_helpers_read_bullets_dash_pairs_and_gaps() -> None:
    lines = page_lines("X\r\n  \u2022 a\u00a0b\n-\nc\n- d\n\n\n  \u2022 e")
    assert lines[1] == "\u2022 a b"
    assert bullet_item(lines[1]) == "a b"
    items, end = read_list(lines, 1, lambda line: False)
    assert (items, end) == (["a b", "c", "d"], 5)
    items, _ = read_list(lines, 1, lambda line: False, max_gap=2)
    assert items == ["a b", "c", "d", "e"]
    assert read_list(["Name", "value", "", "z"], 0, lambda line: False, plain=True) == (
        ["Name", "value"], 2)


@pytest.mark.parametrize(("lines", "joined"), [
    (["[Invented title that goes", "on to a second line]", "[Article in German]"],
     ["[Invented title that goes on to a second line]", "[Article in German]"]),
    (["[Invented title.]", "next"], ["[Invented title.]", "next"]),  # whole already
    (["[Open menu", "", "Other]"], ["[Open menu", "", "Other]"]),  # a blank line: not a title
])
def test_a_translated_title_wrapped_over_lines_is_one_line(lines: list[str],
                                                           joined: list[str]) -> None:
    assert joined_bracket_titles(lines) == joined


def test_pmc_s_footer_names_the_journal_unless_it_names_a_collection() -> None:
    from her2kb.parsers._pubmed_foot import footer_journal

    assert footer_journal(["Body text.", "Articles from Invented Care are provided here "
                           "courtesy of Invented Publishers"]) == "Invented Care"
    assert footer_journal(["Articles from HHS Author Manuscripts are provided here courtesy "
                           "of HHS"]) is None
    assert footer_journal(["Body text."]) is None


def test_pmc_s_logo_names_the_journal_before_its_footer() -> None:
    text = "\n".join([
        "Invented Oncology logo", "Invented Oncol", ". 2024 Nov 28;16(23):3987.", "",
        "Invented logo-named article about a made-up receptor", "", "Anna Berg1, Carl Dahl2",
        "", "Abstract", "", "Invented receptors were counted in made-up tumours.", "",
        "Articles from Invented Oncology (Basel) are provided here courtesy of Invented Press"])
    (entry,) = parse(text, "pmc.txt")
    assert (entry.record.container_title, entry.record.container_title_short) == (
        "Invented Oncology", "Invented Oncol")


def test_a_comment_on_item_above_the_abstract_keeps_its_own_pmid() -> None:
    """The item's title, byline and citation, then its `PMID:` line: the page's own PMID is
    not that one (the copy starts below the page's identifiers)."""
    text = "\n".join([
        "Invented letter on a made-up antibody in fictional gastric tumours", "",
        "Anna Berg", "", "Comment on", "",
        "Invented rechallenge with a made-up antibody.",
        "Kwon SY, Dahl C. Invented Gastric Oncol. 2022 Sep;25(5):912-923.",
        "PMID: 36400011", "", "No abstract available"])
    (entry,) = parse(text, "letter.txt")
    assert entry.record.pmid is None
    assert [r.citation for r in entry.record.relations] == [
        "Invented rechallenge with a made-up antibody. Kwon SY, Dahl C. Invented Gastric "
        "Oncol. 2022 Sep;25(5):912-923."]


def test_a_tag_s_full_journal_name_replaces_only_the_abbreviation() -> None:
    from her2kb.parsers._pubmed_html import fill_from_tags

    shown_full = {"container_title": "Invented Oncology"}
    fill_from_tags(shown_full, {"citation_journal_title": "Invented oncology : official",
                                "citation_journal_abbrev": "Invented Oncol"})
    assert shown_full == {"container_title": "Invented Oncology"}
    shown_short = {"container_title": "Invented Oncol"}
    fill_from_tags(shown_short, {"citation_journal_title": "Invented oncology : official",
                                 "citation_journal_abbrev": "Invented Oncol"})
    assert shown_short == {"container_title": "Invented oncology : official",
                           "container_title_short": "Invented Oncol"}


def test_an_author_manuscript_s_journal_is_the_footer_s_full_name() -> None:
    text = "\n".join([
        "HHS Public Access", "Author manuscript; available in PMC: 2022 Jul 1.",
        "Published in final edited form as: Invented Cancer Res Treat. 2021 Jul;"
        "188(1):45–56. doi: 10.5555/icrt.2021.045", "",
        "Invented trough levels of a made-up antibody in fictional patients", "",
        "Anna Berg,1 Carl Dahl,2 and Maria T. Alvarez1,3", "", "Abstract", "",
        "Invented troughs were measured in 80 made-up patients.", "",
        "Articles from Invented cancer research and treatment are provided here courtesy of "
        "HHS Author Manuscripts"])
    (entry,) = parse(text, "am.txt")
    assert (entry.record.container_title, entry.record.container_title_short) == (
        "Invented cancer research and treatment", "Invented Cancer Res Treat")


def test_a_funding_label_inside_the_abstract_is_no_tab_and_names_are_no_menu() -> None:
    """Europe PMC's `Funding` tab counts only in a run of tabs; a trial abstract's own
    `FUNDING` label keeps its paragraph. A keyword `SNP` is no NCBI database menu entry."""
    text = "\n".join([
        "Invented trial of a made-up antibody", "", "Anna Berg, Carl Dahl", "",
        "Invented Oncol. 2022 Mar;12(3):45-52.", "", "Abstract", "", "BACKGROUND",
        "Invented patients needed a made-up antibody.", "FUNDING",
        "Invented Cancer Fund.", "", "Keywords:", "Invented antibody", "SNP", "ClinVar",
        "(c) 2022 Invented Society of Oncology.", ""])
    (entry,) = parse(text, "trial.txt")
    assert entry.record.abstract is not None
    assert entry.record.abstract.endswith("FUNDING: Invented Cancer Fund.")
    assert entry.record.keywords == ["Invented antibody", "SNP", "ClinVar"]
