"""Scilit listing pages (formats.md §5): seed 000 against the spec, invented layouts and traps."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry, ingenta_page, scilit_page
from her2kb.records import Record

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"
SAMPLES = Path(__file__).parent / "samples" / "scilit"
SEED = "000_21f426c25603dadc.txt"
# Seed 000's entry in the shared spec (spec/seeds_expected.json), copied by hand.
SEED_TITLE = ("Trastuzumab: mechanism of action, resistance and future perspectives in "
              "HER2-overexpressing breast cancer")
SEED_REFERENCES = [
    ("Outcome of Patients with HER2-Positive Advanced Breast Cancer Progressing During "
     "Trastuzumab-Based Therapy", "The Oncologist", 2006),
    ("Trastuzumab after Adjuvant Chemotherapy in HER2-Positive Breast Cancer",
     "New England Journal of Medicine", 2005),
    ("Randomized Phase II Trial of the Efficacy and Safety of Trastuzumab Combined With "
     "Docetaxel in Patients With Human Epidermal Growth Factor Receptor 2\u2013Positive "
     "Metastatic Breast Cancer Administered As First-Line Treatment: The M77001 Study Group",
     "Journal of Clinical Oncology", 2005),
    ("TGF\u03b1 expression impairs Trastuzumab-induced HER2 downregulation", "Oncogene", 2005),
    ("PTEN activation contributes to tumor inhibition by trastuzumab, and loss of PTEN "
     "predicts trastuzumab resistance in patients", "Cancer Cell", 2004),
    ("Monitoring of Serum Her-2/ neu Predicts Response and Progression-Free Survival to "
     "Trastuzumab-Based Treatment in Patients with Metastatic Breast Cancer",
     "Clinical Cancer Research", 2004),
    ("Combined trastuzumab and paclitaxel treatment better inhibits ErbB\u20102\u2010mediated "
     "angiogenesis in breast carcinoma through a more effective inhibition of Akt than either "
     "treatment alone", "Cancer", 2003),
    ("Structure of the extracellular region of HER2 alone and in complex with the Herceptin Fab",
     "Nature", 2003),
    ("Cooperative inhibitory effect of ZD1839 (Iressa) in combination with trastuzumab "
     "(Herceptin) on human breast cancer cell growth", "Annals of Oncology", 2002),
    ("Human Breast Cancer: Correlation of Relapse and Survival with Amplification of the "
     "HER-2/ neu Oncogene", "Science", 1987),
]


def read(path: Path) -> tuple[Record, tuple[str, ...]]:
    entries = list(scilit_page.parse(path.read_text(encoding="utf-8"), path.name))
    assert len(entries) == 1
    entry = entries[0]
    assert isinstance(entry, ParsedEntry), entry
    return normalize(entry.record), entry.warnings


def refs(record: Record) -> list[tuple[str | None, str | None, int | None]]:
    return [(r.title, r.container_title, r.year) for r in record.references]


def test_seed_is_detected_as_scilit_only() -> None:
    text = (SEEDS / SEED).read_text(encoding="utf-8")
    assert 1 <= scilit_page.detect(text) <= 50
    assert ingenta_page.detect(text) == 0


def test_seed_matches_expected_values() -> None:
    record, warnings = read(SEEDS / SEED)
    assert record.title == SEED_TITLE
    assert record.author == []
    assert record.container_title == "Annals of Oncology"
    assert record.publisher == "Elsevier"
    assert record.issued is not None and record.issued.date_parts == [[2007, 1, 17]]
    assert record.year == 2007
    assert (record.volume, record.issue, record.page) == ("18", "6", "977-984")
    assert record.doi is not None and record.doi.lower() == "10.1093/annonc/mdl475"
    assert record.publication_types == ["journal article", "review article"]
    assert record.type == "article-journal"
    assert record.open_access is True
    assert record.top_cited is True
    assert record.abstract is not None
    assert record.abstract.startswith("Trastuzumab is a humanized mAb directed against")
    assert record.abstract.endswith("possible clinical implications.")
    assert record.keywords == []
    assert record.references_total_stated == 57
    assert refs(record) == SEED_REFERENCES
    assert warnings == ()


def test_full_layout_without_badges_and_without_abstract() -> None:
    record, warnings = read(SAMPLES / "full_no_badges_no_abstract.txt")
    assert record.title == "Invented Receptor Crosstalk in HER2-Positive Cell Lines"
    assert record.issued is not None and record.issued.date_parts == [[2015, 3, 3]]
    assert record.publication_types == ["journal article"]
    assert record.publisher == "Invented Press"
    assert record.container_title == "Breast Cancer Research and Treatment"
    assert (record.volume, record.issue, record.page) == ("150", "2", "211-219")
    assert record.doi == "10.5555/invented.2015.0042"
    assert record.abstract is None
    assert record.keywords == []
    assert (record.open_access, record.top_cited) == (False, False)
    assert record.references_total_stated == 12
    assert refs(record) == [("An invented study of ErbB signalling in mice", "Cancer Research",
                             2011)]
    assert any("no abstract" in w for w in warnings)


def test_minimal_layout_title_blank_abstract() -> None:
    record, warnings = read(SAMPLES / "minimal_title_abstract.txt")
    assert record.title == "An Invented Look at Trastuzumab Uptake in Spheroids"
    assert record.abstract == ("We describe an invented spheroid model. "
                               "Uptake was measured over 48 hours.")
    assert record.container_title is None and record.issued is None
    assert record.open_access is None and record.top_cited is None
    assert record.references == [] and record.references_total_stated is None
    assert "not on the page: container_title, issued" in warnings


def test_page_starting_at_abstract_with_keywords_after_the_glued_heading() -> None:
    record, warnings = read(SAMPLES / "starts_at_abstract_glued_keywords.txt")
    assert record.title is None
    assert record.abstract == "This invented abstract reports a made-up cohort of 40 patients."
    assert record.keywords == ["breast cancer", "HER2", "invented cohort"]
    assert record.references_total_stated == 2
    assert refs(record) == [
        ("A fictional cohort of HER2 tumours", "Clinical Breast Cancer", 2016),
        ("Placeholder trial of an invented kinase inhibitor", "Journal of Clinical Oncology", 2010),
    ]
    assert any("title" in w for w in warnings)


def test_open_access_badge_alone_and_journal_containing_in() -> None:
    record, _ = read(SAMPLES / "open_access_badge_only_journal_with_in.txt")
    assert record.title == "Made-Up Review of HER2 Dimerisation"
    assert (record.open_access, record.top_cited) == (True, False)
    assert record.publication_types == ["review article"]
    assert record.publisher == "Imaginary Media SA"
    assert record.container_title == "Frontiers in Oncology"
    assert (record.volume, record.issue, record.page) == ("9", None, "e1234")
    assert record.abstract == ("A first invented paragraph about dimers.\n"
                               "A second invented paragraph ends here.")
    assert record.references_total_stated == 1
    assert refs(record) == [("Invented dimer structures", "Nature", 2005)]


def test_reference_traps_page() -> None:
    record, warnings = read(SAMPLES / "reference_traps.txt")
    assert (record.open_access, record.top_cited) == (True, True)
    assert record.references_total_stated == 1204
    assert refs(record) == [
        ("Anti-HER2 mAb uptake in invented xenografts.", "Cancer Research", 2012),
        ("Made-up ErbB\u20102 dimer kinetics in cell lines", "PLoS ONE", 2013),
        ("Invented loss of PTEN in HER2 tumours", "Cancer Cell", 2010),
        ("A fictional marker study in HER2 carcinoma", "Cancer", 2008),
        ("FICTIONAL HER2 SCREENING IN INVENTED COHORTS", "Oncogene", 2007),
        ("Placeholder shedding assay measured byand in mice",
         "Journal of Invented Receptor Science", 2014),
        ("Invented antibody panel in patients", "BioMed Imaginary Reports", 2016),
        ("An invented line that was cut before its journal and ye", None, None),
    ]
    doubts = [w for w in warnings if w.startswith("reference ")]
    assert [w.split(":")[0] for w in doubts] == ["reference 6", "reference 7", "reference 8"]


@pytest.mark.parametrize(
    ("line", "title", "journal", "year", "sure"),
    [
        pytest.param("Invented mAb study in miceNature, 2001", "Invented mAb study in mice",
                     "Nature", 2001, True, id="mAb-inside-title"),
        pytest.param("An invented anti-ErbB mAbCancer, 2001", "An invented anti-ErbB mAb",
                     "Cancer", 2001, True, id="title-ends-in-mAb"),
        pytest.param("Invented HER2 dataCancer Cell, 2004", "Invented HER2 data", "Cancer Cell",
                     2004, True, id="Cancer-vs-Cancer-Cell"),
        pytest.param("Invented trial.The Oncologist, 2006", "Invented trial.", "The Oncologist",
                     2006, True, id="dot-before-journal"),
        pytest.param("INVENTED CAPS TITLEUnlisted Invented Annals, 1999", "INVENTED CAPS TITLE",
                     "Unlisted Invented Annals", 1999, False, id="caps-title-unknown-journal"),
        pytest.param("Invented screen in cellsOncoMadeup and Therapy, 2015",
                     "Invented screen in cells", "OncoMadeup and Therapy", 2015, False,
                     id="camel-unknown-journal"),
        pytest.param("Invented signalling in ErbBMadeup Letters, 2015",
                     "Invented signalling in ErbB", "Madeup Letters", 2015, False,
                     id="title-ends-in-ErbB-unknown-journal"),
        pytest.param("all lower case invented title, 2003", "all lower case invented title",
                     None, 2003, False, id="no-boundary"),
    ],
)
def test_split_reference(
    line: str, title: str, journal: str | None, year: int, sure: bool
) -> None:
    reference, doubt = scilit_page.split_reference(line)
    assert (reference["title"], reference["container_title"], reference["year"]) == (
        title, journal, year)
    assert (doubt is None) is sure


def test_publisher_containing_in_prefers_listed_journal() -> None:
    text = ("Invented Title\n- Published by Association for Research in Invented Vision in "
            "Investigative Ophthalmology & Visual Science\nAbstract\nInvented text.")
    record = next(iter(scilit_page.parse(text, "x")))
    assert isinstance(record, ParsedEntry)
    assert record.record.publisher == "Association for Research in Invented Vision"
    assert record.record.container_title == "Investigative Ophthalmology & Visual Science"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("TY  - JOUR\nTI  - Invented\nER  - ", id="ris"),
        pytest.param("TY - JOUR\nT1 - Invented\nER - ", id="ingenta-single-space-ris"),
        pytest.param("PMID- 12345678\nTI  - Invented title.", id="medline"),
        pytest.param("Invented prose about HER2.\nIt has no markers at all.", id="prose"),
        pytest.param("Abstract\nAn invented PubMed-like scrape.", id="bare-abstract"),
    ],
)
def test_detect_rejects_other_text(text: str) -> None:
    assert scilit_page.detect(text) == 0


@pytest.mark.parametrize("name", ["002_cc6bb0ae18d7ae2e.txt", "003_06d54b748c30d812.txt",
                                  "004_2f119f0e78d0411c.txt", "001_6cfeeb803984043c.txt"])
def test_detect_rejects_other_seeds(name: str) -> None:
    assert scilit_page.detect((SEEDS / name).read_text(encoding="utf-8")) == 0


# The minimal layout (title / blank / Abstract / abstract) holds nothing only Scilit prints:
# a memo looks the same, so detection gives it the lowest score, below any other reader.
MINIMAL = {"minimal_title_abstract"}


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_detect_accepts_every_sample(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if path.stem in MINIMAL:
        assert scilit_page.detect(text) == 1
    else:
        assert 1 <= scilit_page.detect(text) <= 50
    assert ingenta_page.detect(text) == 0


LINES = st.sampled_from(["Abstract", "Open Access", "- 1 May 2001", "- Vol. (", "- , 2001",
                         "- Published by  in ", "This publication has 0 references indexed "
                         "in Scilit:", "xKeywords", "No abstract available", "- ", ""])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(LINES, st.text()), max_size=12))
def test_never_raises(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert 0 <= scilit_page.detect(text) <= 50
    assert len(list(scilit_page.parse(text, "fuzz"))) == 1
