"""MEDLINE/nbib reader and writer: §3 variants on invented samples, round trips, Bio.Medline.

Expected values are read off the sample files by hand (tests/samples/medline/), never
copied from the parser's output. Record strategies come from test_ris.py.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import nbib
import pytest
from Bio import Medline
from hypothesis import given, settings
from hypothesis import strategies as st

from her2kb import exporters, parsers
from her2kb.exporters import medline as medline_writer
from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry, ParseProblem
from her2kb.parsers import medline as medline_reader
from her2kb.records import DateParts, MeshHeading, Name, Record, Relation

from .test_ris import assert_round_trip, hand_built, records, stored

SAMPLES = Path(__file__).parent / "samples" / "medline"
MEDLINE_PROFILE = {"author_details": True, "ranges": True, "medline": True}


def read_entries(text: str, origin: str = "sample.nbib") -> list[ParsedEntry]:
    items = list(medline_reader.FORMAT.parse(text, origin))
    assert all(isinstance(item, ParsedEntry) for item in items), items
    return [item for item in items if isinstance(item, ParsedEntry)]


def sample(name: str) -> list[Record]:
    return [normalize(e.record) for e in read_entries((SAMPLES / name).read_text("utf-8"))]


def people(record: Record) -> list[tuple[str | None, ...]]:
    return [(n.non_dropping_particle, n.family, n.given, n.suffix, n.literal)
            for n in record.author]


# --- the samples, one variant each ----------------------------------------------------------


def test_pubmed_export_modern_record() -> None:
    entries = read_entries((SAMPLES / "pubmed_export_two_records.txt").read_text("utf-8"))
    assert [e.line for e in entries] == [2, 61]  # after the leading blank line
    assert [e.warnings for e in entries] == [(), ()]
    first, second = (normalize(e.record) for e in entries)
    assert (first.pmid, first.type) == ("30000001", "article-journal")
    assert first.title == "Invented receptor inhibition in example tumours: a randomised trial"
    assert first.issn == ["1234-5678", "1234-5660"]  # the linking ISSN repeats the print one
    assert (first.volume, first.issue) == ("37", "3 Pt 2")
    assert first.issued is not None and first.issued.date_parts == [[2019, 3, 1]]
    assert first.available_date is not None
    assert first.available_date.date_parts == [[2018, 12, 15]]
    assert (first.page, first.page_as_printed) == ("1027-1029", "1027-9")
    assert (first.doi, first.pii) == ("10.1234/jic.2018.0001", "JIC.2018.0001")
    assert first.abstract == (
        "BACKGROUND: An invented background sentence that is long enough to wrap onto a second "
        "line. METHODS: Invented methods. RESULTS: Invented results. CONCLUSIONS: Invented "
        "conclusions.")
    assert people(first) == [(None, "Doe", "Jane A", None, None),
                             ("de la", "Cruz", "María", None, None),
                             (None, None, None, None, "Invented Trials Group")]
    doe, cruz, _ = first.author
    assert doe.orcid == "0000-0002-1825-0097"
    assert doe.affiliations == [
        "Department of Examples, Invented University, Exampletown, Country.",
        "Invented Cancer Centre, Exampletown, Country."]
    assert cruz.affiliations == ["Institute of Invention, Sampleville, Country."]
    assert first.container_title == ("Journal of invented clinical research : official journal "
                                     "of the Example Society")
    assert first.container_title_short == "J Invent Clin"
    assert first.language == "eng"
    assert first.publication_types == ["Journal Article", "Randomized Controlled Trial"]
    assert first.substances == ["Antineoplastic Agents", "Receptor, ErbB-2"]
    assert [(m.descriptor, m.qualifier, m.major) for m in first.mesh] == [
        ("Antineoplastic Agents", "therapeutic use", True),
        ("Breast Neoplasms", "drug therapy", True), ("Breast Neoplasms", "metabolism", False),
        ("Female", None, False), ("Humans", None, False), ("Receptor, ErbB-2", None, True)]
    assert first.keywords == ["example receptor", "invented trial"]
    assert (second.pmid, second.title) == ("30000002", "A second, shorter invented record")


def test_collapsed_one_line_record() -> None:
    (record,) = sample("collapsed_one_line_record.txt")
    assert (record.pmid, record.page) == ("10000001", "45-52")
    assert record.title == "An invented title about HER2 - positive cells"
    assert record.abstract == "Invented abstract where DNA - binding is mentioned."
    assert people(record) == [(None, "Doe", "Jane", None, None)]
    assert (record.container_title, record.container_title_short) == ("Journal of examples",
                                                                      "J Examp")
    assert record.issued is not None and record.issued.date_parts == [[2010, 5]]
    assert record.doi == "10.1234/example.2010.045"


def test_old_record_au_only() -> None:
    (record,) = sample("old_record_au_only.txt")
    assert people(record) == [(None, "Valabrega", "G.M.", None, None),
                              ("de la", "Cruz", "M.", None, None),
                              (None, "Doe", "J.A.", "Jr", None)]
    # The record's one affiliation, printed before the authors, is the first author's.
    assert record.author[0].affiliations == [
        "Department of Invented Pathology, Example Medical School, Sampletown."]
    assert record.issued is not None
    assert (record.issued.date_parts, record.issued.season) == ([[1989]], 4)
    assert (record.issn, record.page) == (["0000-0019"], "45-51")


def test_chinese_language_bracketed_title() -> None:
    (record,) = sample("chinese_language_bracketed_title.txt")
    assert record.title == "[An invented English translation of a Chinese title]"
    assert record.language == "chi"
    assert people(record) == [(None, "Wang", "Zheng", None, None), (None, "Li", "Hua", None, None)]
    assert (record.page, record.page_as_printed) == ("321-324", "321-4")


def test_injected_tags_are_kept_raw_with_one_warning() -> None:
    (entry,) = read_entries((SAMPLES / "injected_tags_ed_ep_cp.txt").read_text("utf-8"))
    assert entry.warnings == ("unknown tags kept in the source only: CP, ED, EP",)
    assert entry.record.page == "10" and entry.record.issue is None
    assert "EP  - 20" in entry.raw and "ED  - Editor E" in entry.raw
    assert people(entry.record) == [(None, "Example", "Ann", None, None)]


def test_relations_corporate_author_abbreviated_pages() -> None:
    (record,) = sample("relations_corporate_author_abbreviated_pages.txt")
    assert people(record) == [(None, None, None, None, "Invented Oncology Group"),
                              (None, "Chen", "Jin-Shing", None, None)]
    assert (record.page, record.page_as_printed) == ("129-136", "129-36")
    assert [(r.kind, r.citation) for r in record.relations] == [
        ("erratum_in", "Drug Invent Updat. 2003 Oct;6(5):296"),
        ("comment_in", "Drug Invent Updat. 2004 Feb;7(1):1-2. PMID: 20000005"),
        ("retraction_in", "Drug Invent Updat. 2005 Jan;8(1):3. PMID: 20000006")]
    assert record.publication_types == ["Review", "Retracted Publication"]


def test_epub_ahead_of_print_elocator() -> None:
    (record,) = sample("epub_ahead_of_print_elocator.txt")
    assert record.title == "Is an invented e-locator an article number?"
    assert (record.number, record.pii, record.page) == ("e2051", "e2051", None)
    assert record.doi == "10.1234/ejx.2021.e2051"
    assert record.available_date is not None
    assert record.available_date.date_parts == [[2021, 1, 5]]


def test_long_record_over_16k_characters() -> None:
    entries = read_entries((SAMPLES / "long_affiliations_16k.txt").read_text("utf-8"))
    long, short = entries
    assert len(long.raw) > 16_000
    assert len(long.record.author) == 150
    assert long.record.author[149].family == "Author150"
    assert long.record.author[149].affiliations == [
        "Department 150 of Invented Studies, Example University Hospital, 150 Sample Road, "
        "Exampletown, Country."]
    assert (short.line, short.record.pmid) == (457, "20000009")


def test_one_affiliation_line_of_20k_characters() -> None:
    place = "Invented Department, " * 1000
    (entry,) = read_entries(f"PMID- 1\nTI  - T.\nFAU - Doe, Jane\nAD  - {place}\n")
    assert entry.record.author[0].affiliations == [place.strip()]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_sample_is_detected_as_medline_only(path: Path) -> None:
    text = path.read_text("utf-8")
    assert parsers.detect(text, path.name).name == "medline"
    scores = {fmt.name: fmt.detect(text[: parsers.HEAD_CHARS]) for fmt in parsers.formats()
              if not fmt.fallback}
    assert [name for name, score in scores.items() if score > 0] == ["medline"]


# --- odd and broken input ----------------------------------------------------------------------


def test_crlf_and_bom_and_records_without_blank_lines() -> None:
    text = "\ufeffPMID- 1\r\nTI  - One.\r\nPMID- 2\r\nTI  - Two\r\n      wrapped.\r\n"
    entries = read_entries(text)
    assert [(e.line, e.record.pmid, e.record.title) for e in entries] == [
        (1, "1", "One"), (3, "2", "Two wrapped")]


def test_block_without_tags_is_a_problem_and_reading_goes_on() -> None:
    text = "1. Doe J. An invented summary line. J Examp. 2010.\n\nPMID- 5\nTI  - Kept.\n"
    problem, entry = medline_reader.FORMAT.parse(text, "f.nbib")
    assert isinstance(problem, ParseProblem) and problem.line == 1
    assert "Summary (text)" in problem.reason
    assert isinstance(entry, ParsedEntry) and entry.record.title == "Kept"


def test_unindented_continuation_is_joined_with_one_warning() -> None:
    (entry,) = read_entries("PMID- 7\nTI  - A title\nthat lost its indent\nand more.\n")
    assert entry.record.title == "A title that lost its indent and more"
    assert entry.warnings == ("line 3: neither a tag line nor indented; joined to TI",)


def test_blank_continuation_line_does_not_split_the_record() -> None:
    (entry,) = read_entries("PMID- 8\nAB  - First part.\n      \n      Second part.\nTI  - T.\n")
    assert entry.record.abstract == "First part. Second part."
    assert entry.record.title == "T"


def test_book_and_chapter() -> None:
    book, chapter = read_entries("PMID- 1\nBTI - An invented book.\nCTI - A series\nEN  - 2nd\n"
                                 "ISBN- 0-306-40615-2\n\nPMID- 2\nTI  - A chapter.\n"
                                 "BTI - The book.\n")
    assert (book.record.type, book.record.title) == ("book", "An invented book")
    assert (book.record.collection_title, book.record.edition) == ("A series", "2nd")
    assert book.record.isbn == ["9780306406157"]
    assert (chapter.record.type, chapter.record.container_title) == ("chapter", "The book")


@given(st.text())
def test_reader_never_raises(text: str) -> None:
    for item in medline_reader.FORMAT.parse(text, "x"):
        assert isinstance(item, ParsedEntry | ParseProblem)


MEDLINE_LINES = st.lists(st.one_of(
    st.sampled_from(["", "PMID- 1", "PMID-2", "      cont", "AU  - Doe J", "FAU - ,", "CN  - ",
                     "AD  - x", "AUID- ORCID: 0000", "DP  - 2010 Spring-Summer", "DEP - 2010",
                     "LID - [doi]", "MH  - */*", "RN  - 0 (", "PMID- 3 TI - x AB - y"]),
    st.builds(lambda tag, value: f"{tag:<4}- {value}",
              st.sampled_from([*medline_reader.FIELD_MAP, *medline_reader.RELATIONS, "ZZ"]),
              st.text(max_size=20)),
), max_size=30)


@given(MEDLINE_LINES)
def test_reader_never_raises_on_medline_shaped_text(lines: list[str]) -> None:
    for item in medline_reader.FORMAT.parse("\n".join(lines), "x"):
        assert isinstance(item, ParsedEntry | ParseProblem)


def test_detect() -> None:
    assert medline_reader.detect("\nPMID- 12345678\nOWN - NLM\n") == 100
    assert medline_reader.detect("\ufeffPMID-12345678\n") == 100
    assert medline_reader.detect("FAU - Doe, Jane\nDP  - 2010\nTI  - x\n") == 100
    assert medline_reader.detect("AU  - Doe, Jane\nTI  - no TY line\n") == 0
    assert medline_reader.detect("TY  - JOUR\nDP  - PubMed\nPMID- 1\n") == 0  # RIS first (§0)
    assert medline_reader.detect("The PMID- field is described here.") == 0


def test_registry() -> None:
    assert parsers.get("nbib") is parsers.get("medline") is parsers.get("pubmed-nbib")
    assert exporters.get("nbib") is exporters.get("medline")


# --- writer -------------------------------------------------------------------------------------


def medline_record() -> Record:
    """Invented: every field MEDLINE carries, per-author affiliations and ORCIDs."""
    return Record(
        title="Cost & effect: 20–30% of HER2‐positive cases in Zürich, with a title long "
        "enough to wrap", author=[
            Name(literal="Invented Trials Group", affiliations=["Group office, Exampletown."]),
            Name(family="Cruz", given="María", non_dropping_particle="de la",
                 orcid="0000-0002-1825-009X",
                 affiliations=["Department of Invented Studies, Example University Hospital, "
                               "Sample Road, Exampletown, Country.", "Second place."]),
            Name(family="Doe", given="John", suffix="Jr"), Name(family="万征"),
            Name(family="Chen", given="Jin-Shing")],
        editor=[Name(family="Editor", given="Edna")],
        container_title="Journal of invented examples", container_title_short="J Invent Ex",
        collection_title="Invented Series", edition="2nd", publisher="Example Press",
        issued=DateParts(date_parts=[[2009, 12, 30], [2010, 1, 5]]),
        available_date=DateParts(date_parts=[[2009, 11]]), volume="37", issue="3 Pt 2",
        page="1027-9", number="e12", doi="10.1000/abc_def(2020)12", pmid="12345678",
        pmcid="PMC123456", pii="S0000-0000(20)00001-1",
        issn=["1368-7646", "1532-2084", "1234-567X"], isbn=["9780306406157"],
        abstract="BACKGROUND: line one.\nRESULTS: line two.", note="An invented note.",
        keywords=["HER2", "ErbB-2 & EGFR"], language="eng",
        mesh=[MeshHeading(descriptor="Breast Neoplasms", qualifier="drug therapy"),
              MeshHeading(descriptor="Breast Neoplasms", qualifier="metabolism", major=True),
              MeshHeading(descriptor="Humans"),
              MeshHeading(descriptor="Receptor, ErbB-2", major=True)],
        substances=["Receptor, ErbB-2", "Interleukin-2 (IL-2)"],
        publication_types=["Journal Article", "Review"],
        relations=[Relation(kind="erratum_in", citation="J Invent Ex. 2010 Oct;6(5):296"),
                   Relation(kind="comment_in", citation="J Invent Ex. 2011;7:1")],
    )


def collapse_abstract(data: dict[str, Any]) -> None:
    """MEDLINE has no paragraph breaks (§3): the abstract comes back on one line.

    And `DEP` is `YYYYMMDD`: an electronic date's season has no place in it.
    """
    if data.get("abstract"):
        data["abstract"] = " ".join(data["abstract"].split())
    if data.get("available_date"):
        data["available_date"].pop("season", None)


def test_round_trip_hand_built() -> None:
    records_ = [normalize(r) for r in [medline_record(), *hand_built()]]
    assert_round_trip(records_, medline_writer, medline_reader, True, collapse_abstract)


@settings(max_examples=100, deadline=None)
@given(records(MEDLINE_PROFILE))
def test_round_trip_generated(record: Record) -> None:
    assert_round_trip([normalize(record)], medline_writer, medline_reader, True,
                      collapse_abstract)


def test_writer_layout() -> None:
    text = medline_writer.export([stored(normalize(medline_record()))])
    lines = text.split("\n")
    assert lines[0] == "PMID- 12345678" and lines[-1] == ""
    for expected in [
        "DP  - 2009 Dec 30-2010 Jan 5", "PG  - 1027-1029", "LID - e12 [pii]",
        "LID - 10.1000/abc_def(2020)12 [doi]", "CN  - Invented Trials Group",
        "AD  - Group office, Exampletown.", "FAU - de la Cruz, María", "AU  - de la Cruz M",
        "AUID- ORCID: 0000-0002-1825-009X", "FAU - Doe, John, Jr", "AU  - Doe J Jr",
        "FAU - 万征", "AU  - Chen JS", "FED - Editor, Edna", "DEP - 200911",
        "ISBN- 9780306406157", "RN  - 0 (Interleukin-2 (IL-2))",
        "MH  - Breast Neoplasms/drug therapy/*metabolism", "MH  - *Receptor, ErbB-2",
        "EIN - J Invent Ex. 2010 Oct;6(5):296", "CIN - J Invent Ex. 2011;7:1",
        "AB  - BACKGROUND: line one. RESULTS: line two.", "AID - S0000-0000(20)00001-1 [pii]",
    ]:
        assert expected in lines
    assert all(len(line) <= 80 for line in lines)
    # 74 characters of value fit after `AD  - `: the wrap falls after `Road,`.
    assert lines[lines.index("AD  - Department of Invented Studies, Example University "
                             "Hospital, Sample Road,") + 1] == "      Exampletown, Country."
    assert medline_writer.export([]) == ""


@pytest.mark.parametrize(("date", "written"), [
    (DateParts(date_parts=[[2010]]), "2010"), (DateParts(date_parts=[[2010, 5]]), "2010 May"),
    (DateParts(date_parts=[[2010, 5, 3]]), "2010 May 3"),
    (DateParts(date_parts=[[2010]], season=3), "2010 Fall"),
    (DateParts(date_parts=[[2001], [2002]]), "2001-2002"),
    (DateParts(date_parts=[[2010, 11], [2010, 12]]), "2010 Nov-Dec"),
    (DateParts(date_parts=[[2010, 11], [2011, 1]]), "2010 Nov-2011 Jan"),
    (DateParts(date_parts=[[2010, 5, 1], [2010, 5, 7]]), "2010 May 1-7"),
    (DateParts(date_parts=[[2010, 5, 30], [2010, 6, 2]]), "2010 May 30-Jun 2"),
    (DateParts(date_parts=[[2010, 5], [2010, 6, 2]]), "2010 May"),  # no DP form: the start
])
def test_dates(date: DateParts, written: str) -> None:
    assert medline_writer.medline_date(date) == written


def test_titles_get_medline_s_period() -> None:
    for title, written in [("Plain", "Plain."), ("Why?", "Why?"), ("Etc.", "Etc.."),
                           ("[Bracketed]", "[Bracketed].")]:
        text = medline_writer.export([stored(Record(title=title))])
        assert text == f"TI  - {written}\n"
        assert read_entries(text)[0].record.title == title


def test_writer_field_map_decides_every_record_attribute() -> None:
    assert set(medline_writer.FIELD_MAP) == set(Record.model_fields)


# --- Bio.Medline and nbib as oracles ------------------------------------------------------------


def test_bio_medline_reads_our_export_with_the_same_values() -> None:
    record = normalize(medline_record())
    (bio,) = Medline.parse(io.StringIO(medline_writer.export([stored(record)])))
    assert bio["PMID"] == "12345678" and bio["PMC"] == "PMC123456"
    assert bio["TI"] == record.title + "."  # continuation lines joined with a space
    # Trap (libraries.md): Bio.Medline joins repeated text tags (IS, LID) into one string.
    assert bio["IS"] == " ".join(f"{issn} (Unknown)" for issn in record.issn)
    assert bio["LID"] == "e12 [pii] 10.1000/abc_def(2020)12 [doi]"
    assert bio["AID"] == ["10.1000/abc_def(2020)12 [doi]", "S0000-0000(20)00001-1 [pii]"]
    assert bio["FAU"] == ["de la Cruz, María", "Doe, John, Jr", "万征", "Chen, Jin-Shing"]
    assert bio["AU"] == ["de la Cruz M", "Doe J Jr", "万征", "Chen JS"]
    assert bio["CN"] == ["Invented Trials Group"]
    assert bio["AD"] == [a for n in record.author for a in n.affiliations]  # author link lost
    assert bio["AUID"] == ["ORCID: 0000-0002-1825-009X"]
    assert (bio["DP"], bio["DEP"]) == ("2009 Dec 30-2010 Jan 5", "200911")
    assert (bio["VI"], bio["IP"], bio["PG"]) == ("37", "3 Pt 2", "1027-1029")
    assert (bio["TA"], bio["JT"]) == (record.container_title_short, record.container_title)
    assert bio["AB"] == "BACKGROUND: line one. RESULTS: line two."
    assert bio["MH"] == ["Breast Neoplasms/drug therapy/*metabolism", "Humans",
                         "*Receptor, ErbB-2"]
    assert bio["PT"] == record.publication_types and bio["OT"] == record.keywords
    assert bio["RN"] == ["0 (Receptor, ErbB-2)", "0 (Interleukin-2 (IL-2))"]
    assert bio["EIN"] == ["J Invent Ex. 2010 Oct;6(5):296"]
    assert bio["LA"] == ["eng"] and bio["GN"] == ["An invented note."]


def test_nbib_keeps_affiliations_with_their_authors() -> None:
    record = normalize(medline_record())
    (ref,) = nbib.read(medline_writer.export([stored(record)]))
    persons = [a for a in ref["authors"] if "author" in a]
    assert [a["author"] for a in persons] == ["de la Cruz, María", "Doe, John, Jr", "万征",
                                              "Chen, Jin-Shing"]
    assert persons[0]["affiliations"] == record.author[1].affiliations
    assert ref["corporate_author"] == "Invented Trials Group"
    assert [(d["descriptor"], d.get("qualifier"), d["major"]) for d in ref["descriptors"]] == [
        (m.descriptor, m.qualifier, m.major) for m in record.mesh]
    assert ref["doi"] == record.doi and ref["pii"] == record.pii
    assert ref["pubmed_id"] == int(record.pmid or 0)


@settings(max_examples=100, deadline=None)
@given(records(MEDLINE_PROFILE))
def test_bio_medline_agrees_on_generated_records(record: Record) -> None:
    record = normalize(record)
    (bio,) = Medline.parse(io.StringIO(medline_writer.export([stored(record)])))
    people_ = [n for n in record.author if not n.literal]
    assert bio.get("FAU", []) == [medline_writer._person(n)[0] for n in people_]
    assert bio.get("CN", []) == [n.literal for n in record.author if n.literal]
    assert bio.get("AD", []) == [a for n in record.author for a in n.affiliations]
    assert bio.get("PMID") == record.pmid
    assert bio.get("OT", []) == record.keywords
    assert bio.get("MH", []) == medline_writer.mesh_lines(record.mesh)
    if record.title:
        assert bio["TI"].rstrip(".") == record.title.rstrip(".")
