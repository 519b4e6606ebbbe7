"""RIS reader and writer: every §2 dialect on invented samples, round trips, rispy as oracle.

Expected values are read off the sample files by hand (tests/samples/ris/), never copied
from the parser's output. The record strategies at the bottom are shared with
test_medline.py.
"""

from __future__ import annotations

import io
import string
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import rispy
from hypothesis import given, settings
from hypothesis import strategies as st

from her2kb import exporters, parsers
from her2kb.exporters import ris as ris_writer
from her2kb.names import PARTICLES, is_corporate
from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry, ParseProblem
from her2kb.parsers import ris as ris_reader
from her2kb.parsers.medline import RELATIONS
from her2kb.records import DateParts, MeshHeading, Name, Record, Relation, StoredRecord

SAMPLES = Path(__file__).parent / "samples" / "ris"


def read_entries(text: str, origin: str = "sample.ris") -> list[ParsedEntry]:
    items = list(ris_reader.FORMAT.parse(text, origin))
    assert all(isinstance(item, ParsedEntry) for item in items), items
    return [item for item in items if isinstance(item, ParsedEntry)]


def sample(name: str) -> list[Record]:
    """The sample's records, decoded as ingest does (BOM dropped, CRLF -> LF), normalised."""
    text = (SAMPLES / name).read_bytes().decode("utf-8-sig")
    stream = io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8", newline=None)
    return [normalize(entry.record) for entry in ris_reader.read(stream, name)
            if isinstance(entry, ParsedEntry)]


def names(record: Record) -> list[tuple[str | None, ...]]:
    return [(n.non_dropping_particle, n.family, n.given, n.suffix, n.literal)
            for n in record.author]


# --- the samples, one dialect each -------------------------------------------------------


def test_zotero_er_without_trailing_space_abstract_first() -> None:
    first, second = sample("zotero_er_without_trailing_space.txt")
    assert first.type == "article-journal" and first.original_type == "JOUR"
    assert first.title == "Invented receptor signalling in example cells"
    assert first.abstract == "An invented abstract about receptor signalling in example cells."
    assert names(first) == [(None, "Doe", "Jane", None, None),
                            ("de la", "Cruz", "María", None, None),
                            (None, "Roe", "Richard", "Jr", None)]
    assert (first.container_title, first.container_title_short) == (
        "Journal of Invented Examples", "J Invented Ex")
    assert first.issued is not None and first.issued.date_parts == [[2010, 5, 3]]
    assert (first.volume, first.issue, first.page) == ("12", "3", "45-52")
    assert first.doi == "10.1234/jie.2010.045"
    assert first.url == "https://example.org/jie/2010/045"
    assert (first.keywords, first.language) == (["receptor", "signalling"], "en")
    assert second.type == "paper-conference" and second.page == "7-9"
    assert second.container_title == "Proceedings of the Invented Meeting"


def test_ingenta_single_space_slash_year_and_doi_prefix() -> None:
    (record,) = sample("ingenta_single_space_slash_year_doi_prefix.txt")
    assert record.title == "An invented article from a single-space exporter"
    assert names(record) == [(None, "Example", "Ann", None, None),
                             (None, "Sample", "Bob", None, None)]
    assert record.container_title == "Invented Quarterly"  # JO without dots: the full title
    assert record.issued is not None and record.issued.date_parts == [[2009, 3, 1]]
    assert (record.volume, record.issue, record.page) == ("7", "2", "100-110")
    assert record.doi == "10.5555/iq.2009.7.2.100"


def test_endnote_crlf_bom_repeated_sn() -> None:
    raw = (SAMPLES / "endnote_crlf_bom_repeated_sn.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfTY  - JOUR\r\n")
    first, second = sample("endnote_crlf_bom_repeated_sn.txt")
    assert names(first) == [(None, "Tanaka", "Hiroshi", None, None),
                            (None, None, None, None, "World Health Organization")]
    assert first.issn == ["1234-5678", "1234-5679"]
    assert (first.container_title, first.container_title_short) == (
        "Journal of Example Medicine", "J. Ex. Med.")
    assert (first.page, first.doi) == ("e2051", "10.1234/jem.2015.e2051")
    assert second.title == "Another invented article"
    # The raw text as it sits on disk (BOM, CRLF) goes straight into the reader too.
    direct = read_entries(raw.decode("utf-8"))
    assert [e.record.title for e in direct] == [first.title, second.title]
    assert [e.line for e in direct] == [1, 16]


def test_last_record_without_er_is_read_with_a_warning() -> None:
    entries = read_entries((SAMPLES / "last_record_without_er.txt").read_text("utf-8"))
    assert [e.line for e in entries] == [1, 7]
    assert entries[0].warnings == ()
    assert entries[1].warnings == ("no ER line: the file ended inside this record",)
    assert entries[1].record.title == "Second invented record cut before its end"
    assert entries[1].record.volume == "4"


def test_wrapped_continuation_lines() -> None:
    (record,) = sample("wrapped_continuation_lines.txt")
    assert record.title == ("An invented title long enough that the exporter wrapped it onto "
                            "a second line")
    # formats.md §2: AB and N1 keep the line break; other fields join with a space.
    assert record.abstract == ("First sentence of an invented abstract that the exporter\n"
                               "wrapped over several lines.")
    assert record.note == "An invented note with a second line."


def test_scopus_t2_j2_initials_article_number() -> None:
    (record,) = sample("scopus_t2_j2_initials_article_number.txt")
    assert names(record) == [(None, "Smith", "J.A.", None, None),
                             (None, "García-López", "M.", None, None)]
    assert (record.container_title, record.container_title_short) == (
        "Example Reports", "Ex. Rep.")
    assert (record.volume, record.issue, record.number) == ("9", "1", "4521")
    assert record.issn == ["2045-2322"]
    assert record.pmid == "31000001"  # C2 in a Scopus file
    assert record.keywords == ["cohort", "outcomes", "examples"]
    assert record.doi == "10.1234/exrep.2019.4521"


def test_jabref_blank_lines_and_doi_in_m3() -> None:
    entries = read_entries((SAMPLES / "jabref_blank_lines_doi_in_m3.txt").read_text("utf-8"))
    assert [e.line for e in entries] == [2, 15]
    first, second = (normalize(e.record) for e in entries)
    assert first.title == "Invented record with blank lines between its fields"
    assert first.container_title == "Journal of Spacing"
    assert first.doi == "10.1234/jos.2008.1"
    assert names(second) == [(None, "Gap", "George", None, None)]


def test_pubmed_derived_an_is_the_pmid_and_doi_in_n1() -> None:
    (record,) = sample("pubmed_derived_an_pmid_doi_in_n1.txt")
    assert (record.pmid, record.pmcid) == ("20000001", "PMC1234567")
    assert names(record) == [(None, "Valabrega", "G.M.", None, None),
                             (None, "Doe", "J.A.", "Jr", None)]
    assert record.container_title == "Journal of invented oncology"
    assert record.container_title_short == "J. Invented Oncol."
    assert record.doi == "10.1234/jio.2010.77"
    assert record.issued is not None and record.issued.date_parts == [[2010]]


def test_book_chapter_editors_isbn() -> None:
    (record,) = sample("book_chapter_editors_isbn.txt")
    assert (record.type, record.original_type) == ("chapter", "CHAP")
    assert [(e.non_dropping_particle, e.family, e.given) for e in record.editor] == [
        (None, "Editor", "Edward"), ("van der", "Berg", "Ella")]
    assert record.container_title == "The Invented Handbook of Examples"
    assert record.collection_title == "Invented Series in Examples"
    assert (record.publisher, record.publisher_place, record.edition) == (
        "Example Press", "Exampletown", "2nd")
    assert record.isbn == ["9780306406157"]  # ISBN-10 0-306-40615-2 as ISBN-13
    assert record.page == "201-219"


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_sample_is_detected_as_ris_only(path: Path) -> None:
    text = path.read_text("utf-8")
    assert parsers.detect(text, path.name).name == "ris"
    scores = {fmt.name: fmt.detect(text[: parsers.HEAD_CHARS]) for fmt in parsers.formats()
              if not fmt.fallback}
    assert [name for name, score in scores.items() if score > 0] == ["ris"]


# --- broken input: problems with lines, never exceptions --------------------------------


def test_fields_without_ty_are_a_problem_and_reading_goes_on() -> None:
    text = "TY  - JOUR\nTI  - Kept\nER  - \nAU  - Lost, Line\nTI  - No type line\nER  - \n" \
           "TY  - BOOK\nTI  - Also kept\nER  - \n"
    items = list(ris_reader.FORMAT.parse(text, "f.ris"))
    assert isinstance(items[1], ParseProblem)
    assert (items[1].line, items[1].raw) == (4, "AU  - Lost, Line\nTI  - No type line\nER  - ")
    assert [i.record.title for i in items if isinstance(i, ParsedEntry)] == ["Kept", "Also kept"]


def test_next_ty_closes_a_record_without_er() -> None:
    entries = read_entries("TY  - JOUR\nTI  - One\nTY  - JOUR\nTI  - Two\nER  - \n")
    assert [(e.line, e.record.title) for e in entries] == [(1, "One"), (3, "Two")]
    assert entries[0].warnings == ("no ER line: the next TY line ended this record",)


def test_record_without_title_or_id_is_a_problem() -> None:
    (item,) = ris_reader.FORMAT.parse("TY  - JOUR\nVL  - 3\nER  - \n", "f.ris")
    assert item == ParseProblem("f.ris", 1, "no title, identifier or abstract found",
                                "TY  - JOUR\nVL  - 3\nER  - ")


def test_unknown_tags_one_warning_and_bad_values_dropped() -> None:
    (entry,) = read_entries("TY  - XYZ\nTI  - T\nZ1  - a\nZ1  - b\nQQ  - c\nDO  - nonsense\n"
                            "PY  - 2010/13/45/\nER  - \n")
    assert entry.record.type == "article" and entry.record.original_type == "XYZ"
    assert entry.record.issued is not None and entry.record.issued.date_parts == [[2010]]
    assert entry.warnings == ("unknown RIS type 'XYZ'; read as a generic article",
                              "DO 'nonsense' is not a DOI; kept in the source only",
                              "unknown tags kept in the source only: QQ, Z1")


def test_ids_named_in_a_note_and_unlabelled_numbers() -> None:
    (labelled,) = read_entries("TY  - JOUR\nTI  - T\nN1  - PMID: 20000011; PMCID: PMC77\nER  - \n")
    assert (labelled.record.pmid, labelled.record.pmcid) == ("20000011", "PMC77")
    (plain,) = read_entries("TY  - JOUR\nTI  - T\nAN  - 20000012\nC2  - 20000013\nER  - \n")
    assert (plain.record.pmid, plain.record.pmcid) == (None, None)  # no PubMed/Scopus DB


def test_names_without_comma() -> None:
    assert ris_reader.person("Doe JA") == {"family": "Doe", "given": "J.A."}
    assert ris_reader.person("Smith J. A.") == {"family": "Smith", "given": "J. A."}
    assert ris_reader.person("Acme Widgets Ltd") == {"literal": "Acme Widgets Ltd"}
    assert ris_reader.person("万征,") == {"family": "万征"}
    assert ris_reader.person(" , ") is None


@given(st.text())
def test_reader_never_raises(text: str) -> None:
    for item in ris_reader.FORMAT.parse(text, "x"):
        assert isinstance(item, ParsedEntry | ParseProblem)


RIS_LINES = st.lists(st.one_of(
    st.sampled_from(["TY  - JOUR", "TY - ", "ER  - ", "ER  -", "", "      more", "PY  - /2009",
                     "SP  - 5-", "SN  - 1234-567", "AN  - 12", "DB  - PubMed", "DA  - 2010//"]),
    st.builds(lambda tag, value: f"{tag}  - {value}",
              st.sampled_from([*ris_reader.FIELD_MAP, "ZZ"]), st.text(max_size=20)),
), max_size=30)


@given(RIS_LINES)
def test_reader_never_raises_on_ris_shaped_text(lines: list[str]) -> None:
    for item in ris_reader.FORMAT.parse("\n".join(lines), "x"):
        assert isinstance(item, ParsedEntry | ParseProblem)


def test_detect() -> None:
    assert ris_reader.detect("\ufeffTY  - JOUR\n") == 100
    assert ris_reader.detect("Provider: x\nTY - JOUR\nT1 - y\n") == 100
    assert ris_reader.detect("AU  - Doe, Jane\nTI  - no TY line\n") == 0
    assert ris_reader.detect("PMID- 123\nTI  - Medline.\n") == 0
    assert ris_reader.detect("TYPE - journal\n") == 0


def test_registry() -> None:
    assert parsers.get("ris") is parsers.get("RIS")
    assert exporters.get("ris").suffix == ".ris"


# --- writer ------------------------------------------------------------------------------


def stored(record: Record, key: str = "doe2010") -> StoredRecord:
    return StoredRecord(id=1, key=key, record=record)


def hand_built() -> list[Record]:
    """Invented records with every carried field and the hard cases of §12.8."""
    full = Record(
        type="report", original_type="RPRT", title="Cost & effect: 20–30% of HER2‐positive "
        "cases in Zürich — a “quoted” study", author=[
            Name(literal="World Health Organization"),
            Name(family="Cruz", given="María", non_dropping_particle="de la"),
            Name(family="Doe", given="John", suffix="Jr"), Name(family="万征"),
            Name(family="Roe", suffix="III")],
        editor=[Name(family="Editor", given="E.")], container_title="Invented Reports",
        container_title_short="Invent Rep", collection_title="Invented Series",
        publisher="WHO Press", publisher_place="Geneva",
        issued=DateParts(date_parts=[[2020]], season=3),
        available_date=DateParts(date_parts=[[2019, 12, 24]]),
        accessed=DateParts(date_parts=[[2021, 1]]), volume="2", issue="4 Suppl 1",
        page="S3-S8", number="e12", doi="10.1000/abc_def(2020)12", pmid="12345678",
        pmcid="PMC123456", url="https://example.org/~who/her2%20report.pdf",
        issn=["1368-7646", "1532-2084", "1234-567X"], isbn=["9780306406157"],
        abstract="First paragraph about ER  - lines.\nTY  - second paragraph, not a tag.",
        keywords=["HER2", "ErbB-2 & EGFR"], language="en", note="An invented note.",
    )
    chapter = Record(type="chapter", title="A chapter", author=[Name(family="Ng", given="A")],
                     container_title="A Book", edition="3rd", page="212-225, xi",
                     issued=DateParts(date_parts=[[1999, 2]]), isbn=["9781234567897"])
    bare = Record(title="Only a title")
    return [full, chapter, bare]


def project(record: Record, carries: frozenset[str], name_details: bool) -> dict[str, Any]:
    """The record as a format can hold it. Unavoidable differences, explained:
    * dates: the reader keeps the printed form as `raw` (§12.7), so raw is not compared;
    * RIS names have no place for ORCID or affiliations (AD is not tied to an author)."""
    data = record.model_dump(include=set(carries), by_alias=False)
    for key in ("issued", "available_date", "accessed"):
        if data.get(key):
            data[key].pop("raw")
    for role in ("author", "editor") if not name_details else ():
        for name in data.get(role, []):
            del name["orcid"], name["affiliations"]
    return data


def assert_round_trip(records: list[Record], writer: Any, reader: Any, name_details: bool,
                      adjust: Callable[[dict[str, Any]], None]) -> None:
    """normalize(parse(export(R))) equals R on what the format carries, and exporting the
    result again gives the same bytes."""
    carries = writer.CARRIES
    items = [stored(record, f"k{n}") for n, record in enumerate(records)]
    text = writer.export(items)
    entries = [item for item in reader.FORMAT.parse(text, "x") if isinstance(item, ParsedEntry)]
    back = [normalize(entry.record) for entry in entries]
    assert len(back) == len(records)
    for before, after in zip(records, back, strict=True):
        expected = project(before, carries, name_details)
        got = project(after, carries, name_details)
        adjust(expected)
        adjust(got)
        for key in sorted(carries):
            assert got.get(key) == expected.get(key), key
    again = writer.export([stored(record, f"k{n}") for n, record in enumerate(back)])
    assert again == text


def no_adjustment(data: dict[str, Any]) -> None:
    return None


def test_round_trip_hand_built() -> None:
    records = [normalize(record) for record in hand_built()]
    assert_round_trip(records, ris_writer, ris_reader, False, no_adjustment)


def test_writer_layout() -> None:
    record = normalize(hand_built()[0])
    text = ris_writer.export([stored(record, "who2020")])
    lines = text.split("\n")
    assert lines[:2] == ["TY  - RPRT", "ID  - who2020"]
    assert lines[-2:] == ["ER  - ", ""]
    for expected in ["AU  - World Health Organization", "AU  - de la Cruz, María",
                     "AU  - Doe, John, Jr", "AU  - 万征,", "AU  - Roe, , III", "A2  - Editor, E.",
                     "PY  - 2020", "DA  - 2020///Fall", "Y2  - 2021/01//", "ET  - 2019/12/24/",
                     "SP  - S3", "EP  - S8", "DO  - 10.1000/abc_def(2020)12", "DB  - PubMed",
                     "AN  - 12345678", "SN  - 1234-567X", "SN  - 9780306406157",
                     "AB  - First paragraph about ER - lines.",
                     "      TY - second paragraph, not a tag."]:
        assert expected in lines
    assert "\r" not in text
    assert ris_writer.export([]) == ""


def test_writer_types() -> None:
    assert ris_writer.ris_type(Record(type="article-journal", original_type="EJOUR")) == "EJOUR"
    assert ris_writer.ris_type(Record(type="article-journal", original_type="Journal Article")
                               ) == "JOUR"
    assert ris_writer.ris_type(Record(type="book", original_type="JOUR")) == "BOOK"
    assert ris_writer.ris_type(Record(type="article")) == "GEN"


def test_writer_field_map_decides_every_record_attribute() -> None:
    assert set(ris_writer.FIELD_MAP) == set(Record.model_fields)


# --- rispy as oracle ----------------------------------------------------------------------


def test_rispy_reads_our_export_with_the_same_values() -> None:
    records = [normalize(record) for record in hand_built()]
    text = ris_writer.export([stored(record, f"k{n}") for n, record in enumerate(records)])
    # rispy traps (libraries.md): repeated SN needs enforce_list_tags=False; UR is split on
    # `;`; continuation lines are joined with a space; no BOM in our output to lose a record.
    loaded = rispy.loads(text, enforce_list_tags=False)
    assert len(loaded) == len(records)
    full, chapter, bare = loaded
    record = records[0]
    assert full["type_of_reference"] == "RPRT" and full["id"] == "k0"
    assert full["title"] == record.title
    assert full["authors"] == ["World Health Organization", "de la Cruz, María",
                               "Doe, John, Jr", "万征,", "Roe, , III"]
    assert full["secondary_authors"] == ["Editor, E."]
    assert (full["secondary_title"], full["alternate_title1"]) == (
        record.container_title, record.container_title_short)
    assert (full["year"], full["date"], full["access_date"]) == ("2020", "2020///Fall",
                                                                  "2021/01//")
    assert (full["volume"], full["number"]) == (record.volume, record.issue)
    assert (full["start_page"], full["end_page"]) == ("S3", "S8")
    assert full["issn"] == [*record.issn, *record.isbn]
    assert (full["doi"], full["accession_number"]) == (record.doi, record.pmid)
    assert full["urls"] == [record.url]
    assert full["keywords"] == record.keywords
    assert full["abstract"] == record.abstract.replace("\n", " ")  # type: ignore[union-attr]
    assert full["notes"] == [record.note]
    assert (full["publisher"], full["place_published"]) == (record.publisher,
                                                            record.publisher_place)
    assert chapter["type_of_reference"] == "CHAP" and chapter["edition"] == "3rd"
    assert chapter["start_page"] == "212-225, xi" and "end_page" not in chapter
    assert bare == {"type_of_reference": "JOUR", "id": "k2", "title": "Only a title"}


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_rispy_agrees_on_generated_records(data: st.DataObject) -> None:
    record = normalize(data.draw(records(RIS_PROFILE)))
    (loaded,) = rispy.loads(ris_writer.export([stored(record)]), enforce_list_tags=False)
    assert loaded.get("title") == record.title
    assert loaded.get("authors", []) == [ris_writer.ris_name(n) for n in record.author]
    assert loaded.get("doi") == record.doi
    assert loaded.get("year") == (str(record.issued.year) if record.issued else None)
    serials = loaded.get("issn", [])  # one SN is a string, several a list (rispy)
    assert (serials if isinstance(serials, list) else [serials]) == [*record.issn, *record.isbn]
    assert loaded.get("keywords", []) == record.keywords


# --- generated records --------------------------------------------------------------------

WORD_CHARS = string.ascii_letters + "éüßñøÅçł万征αβ"
TEXT_CHARS = WORD_CHARS + string.digits + "  .,:&()'–?!"


def words(min_size: int = 1, max_size: int = 3) -> st.SearchStrategy[str]:
    word = st.text(WORD_CHARS, min_size=1, max_size=8)
    return st.lists(word, min_size=min_size, max_size=max_size).map(" ".join)


def free_text(max_size: int = 60) -> st.SearchStrategy[str]:
    return st.text(TEXT_CHARS, min_size=1, max_size=max_size).filter(lambda s: s.strip() != "")


def family_names() -> st.SearchStrategy[str]:
    word = st.text(string.ascii_uppercase, min_size=1, max_size=1).flatmap(
        lambda first: st.text(WORD_CHARS, max_size=8).map(lambda rest: first + rest))
    return st.lists(word, min_size=1, max_size=2).map(" ".join).filter(
        lambda s: s.split()[0].lower() not in PARTICLES)


def people(profile: dict[str, bool]) -> st.SearchStrategy[Name]:
    """A person who reads back as the same person: no corporate word, no comma."""
    extras = profile["author_details"]
    return st.builds(
        Name, family=family_names(),
        given=st.none() | words(1, 2) | st.sampled_from(["J.A.", "G.M.", "Jin-Shing"]),
        non_dropping_particle=st.none() | st.sampled_from(["de la", "van der", "von", "di"]),
        suffix=st.none() | st.sampled_from(["Jr", "Sr", "III"]),
        orcid=st.none() | st.from_regex(r"\A[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]\Z") if extras
        else st.none(),
        affiliations=st.lists(free_text(), max_size=2) if extras else st.just([]),
    ).filter(lambda n: not is_corporate(n.display()))


def corporate(profile: dict[str, bool]) -> st.SearchStrategy[Name]:
    group = st.sampled_from(["Study Group", "Consortium", "Collaborative Group", "Committee"])
    return st.builds(lambda lead, kind: Name(literal=f"{lead} {kind}"), words(1, 2), group)


def dates(ranges: bool, seasons: bool = True) -> st.SearchStrategy[DateParts]:
    """Dates at every precision; a season only with a bare year; ranges of one precision."""
    def one(precision: int) -> st.SearchStrategy[list[int]]:
        return st.tuples(st.integers(1900, 2024), st.integers(1, 12), st.integers(1, 28)).map(
            lambda t: list(t[:precision]))

    def build(precision: int) -> st.SearchStrategy[DateParts]:
        single = st.builds(lambda d: DateParts(date_parts=[d]), one(precision))
        if precision == 1 and seasons:
            single = single | st.builds(lambda y, s: DateParts(date_parts=[[y]], season=s),
                                        st.integers(1900, 2024), st.integers(1, 4))
        if not ranges:
            return single
        pair = st.tuples(one(precision), one(precision)).filter(lambda p: p[0] < p[1])
        return single | pair.map(lambda p: DateParts(date_parts=[p[0], p[1]]))

    return st.integers(1, 3).flatmap(build)


def pages() -> st.SearchStrategy[str]:
    ranges = st.builds(lambda prefix, start, length: f"{prefix}{start}-{start + length}",
                       st.sampled_from(["", "S", "e"]), st.integers(1, 2000),
                       st.integers(1, 120))
    return ranges | st.sampled_from(["45", "e2051", "129-36", "1027-9", "212-25, xi"])


def isbns() -> st.SearchStrategy[str]:
    return st.from_regex(r"\A97[89][0-9]{10}\Z")


RIS_PROFILE = {"author_details": False, "ranges": False, "medline": False}


@st.composite
def records(draw: st.DrawFn, profile: dict[str, bool]) -> Record:
    """A Record the format can hold (see each format's writer docstring for the limits)."""
    medline = profile["medline"]
    kind = "article-journal" if medline else draw(st.sampled_from(sorted(
        set(ris_writer.TYPE_MAP) - {"review"})))
    journal = draw(st.none() | words(1, 5))
    fields: dict[str, Any] = {
        "type": kind, "title": draw(st.none() | free_text(120)),
        "author": draw(st.lists(people(profile) | corporate(profile), max_size=4)),
        "editor": draw(st.lists(people({"author_details": False}), max_size=2)),
        "container_title": journal,
        "container_title_short": draw(st.none() | words(1, 3)) if journal else None,
        "collection_title": draw(st.none() | words()), "publisher": draw(st.none() | words()),
        "issued": draw(st.none() | dates(profile["ranges"])),
        "volume": draw(st.none() | st.from_regex(r"\A[1-9][0-9]{0,3}\Z")),
        "issue": draw(st.none() | st.sampled_from(["3", "3 Pt 2", "Suppl 4", "12-13"])),
        "page": draw(st.none() | pages()),
        "number": draw(st.none() | st.from_regex(r"\Ae[1-9][0-9]{0,6}\Z")),
        "doi": draw(st.none() | st.from_regex(r"\A10\.[0-9]{4,9}/[A-Za-z0-9][A-Za-z0-9._()/-]{0,20}"
                                              r"[A-Za-z0-9]\Z")),
        "pmid": draw(st.none() | st.from_regex(r"\A[1-9][0-9]{0,7}\Z")),
        "pmcid": draw(st.none() | st.from_regex(r"\APMC[1-9][0-9]{0,7}\Z")),
        "issn": draw(st.lists(st.from_regex(r"\A[0-9]{4}-[0-9]{3}[0-9X]\Z"), max_size=3,
                              unique=True)),
        "isbn": draw(st.lists(isbns(), max_size=2, unique=True)),
        "abstract": draw(st.none() | st.lists(free_text(200), min_size=1, max_size=3).map(
            "\n".join)),
        # A note naming `PMID: 1` would rightly give the RIS reader a PMID the record lacks.
        "note": draw(st.none() | free_text().filter(lambda s: "PMID" not in s.upper())),
        "language": draw(st.none() | st.sampled_from(
            ["eng", "en", "chi", "English"])),
        "keywords": draw(st.lists(words(1, 3), max_size=4, unique=True)),
    }
    book = kind in ris_writer.BOOK_TYPES
    fields["edition"] = draw(st.none() | st.sampled_from(["2nd", "3rd ed."])) if book or medline \
        else None
    fields["available_date"] = None if book and not medline else draw(st.none() | dates(False))
    fields |= draw(medline_fields() if medline else ris_fields())
    if not (fields["title"] or fields["doi"] or fields["pmid"] or fields["abstract"]):
        fields["title"] = draw(free_text())  # nothing to identify: not a record (build_entry)
    return Record(**fields)


@st.composite
def ris_fields(draw: st.DrawFn) -> dict[str, Any]:
    return {"publisher_place": draw(st.none() | words()),
            "accessed": draw(st.none() | dates(False, seasons=False)),
            "url": draw(st.none() | st.from_regex(r"\Ahttps://example\.org/[a-z0-9_/%~.-]{0,30}\Z"))}


@st.composite
def medline_fields(draw: st.DrawFn) -> dict[str, Any]:
    term = words(1, 3)
    relations = st.builds(Relation, kind=st.sampled_from(sorted(RELATIONS.values())),
                          citation=free_text())
    return {
        "pii": draw(st.none() | st.from_regex(r"\AS[0-9]{4}-[0-9]{4}\([0-9]{2}\)[0-9]{5}-[0-9]\Z")),
        "mesh": draw(st.lists(st.builds(MeshHeading, descriptor=term,
                                        qualifier=st.none() | term, major=st.booleans()),
                              max_size=5)),
        "substances": draw(st.lists(words(1, 3), max_size=3, unique=True)),
        "publication_types": draw(st.lists(st.sampled_from(
            ["Journal Article", "Review", "Randomized Controlled Trial"]), unique=True)),
        "relations": draw(st.lists(relations, max_size=3)),
    }


@settings(max_examples=100, deadline=None)
@given(records(RIS_PROFILE))
def test_round_trip_generated(record: Record) -> None:
    assert_round_trip([normalize(record)], ris_writer, ris_reader, False, no_adjustment)


# --- streaming: memory and speed -----------------------------------------------------------

SENTENCE = "An invented sentence about receptors, cells and examples that goes on a while. "
# ~8 kB per record (a long wrapped abstract): 50 MB is ~6,000 records, which keeps the test
# quick under tracemalloc while every line still goes through the continuation path.
RECORD_TEXT = "\n".join([
    "TY  - JOUR", "AU  - Doe, Jane", "AU  - de la Cruz, María",
    "TI  - An invented streaming record number {n} about example receptors in cells",
    "T2  - Journal of Invented Examples", "PY  - 2010", "DA  - 2010/05/03/", "VL  - 12",
    "SP  - 45", "EP  - 52", "SN  - 1234-5678", "DO  - 10.1234/jie.{n}",
    "AB  - " + SENTENCE * 12, *(["      " + SENTENCE * 12] * 7), "KW  - receptor", "ER  - ", "",
])


def write_big_file(path: Path, megabytes: int) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        while handle.tell() < megabytes * 1_000_000:
            handle.write("".join(RECORD_TEXT.format(n=count + i) for i in range(100)))
            count += 100
    return count


def stream_count(path: Path) -> Iterator[int]:
    with path.open(encoding="utf-8", newline=None) as handle:
        for item in ris_reader.read(handle, path.name):
            yield 1 if isinstance(item, ParsedEntry) else 0


def test_streaming_50_mb_keeps_memory_bounded(tmp_path: Path) -> None:
    path = tmp_path / "big.ris"
    written = write_big_file(path, 50)
    tracemalloc.start()
    started = time.perf_counter()
    read = sum(stream_count(path))
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert read == written
    assert peak < 20_000_000, f"peak {peak / 1e6:.1f} MB for {written} records in {elapsed:.1f}s"
