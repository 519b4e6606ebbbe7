"""PubMed XML reader on invented samples (formats.md §10): fields, variants, problems, memory."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from her2kb import parsers
from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry, ParseProblem, pubmed_xml
from her2kb.records import Record

SAMPLES = Path(__file__).parent / "samples" / "pubmed_xml"
TWO = SAMPLES / "two_articles_structured_abstract_orcid_medlinedate_season.xml"


def _read(path: Path) -> list[ParsedEntry | ParseProblem]:
    with path.open(encoding="utf-8") as stream:
        return list(pubmed_xml.read(stream, path.name))


def _records(path: Path) -> list[tuple[int, Record]]:
    items = _read(path)
    assert all(isinstance(i, ParsedEntry) for i in items), items
    return [(i.line, normalize(i.record)) for i in items if isinstance(i, ParsedEntry)]


def test_first_article_every_element() -> None:
    (line, r), _ = _records(TWO)
    assert line == 4  # the line of <PubmedArticle>
    assert (r.type, r.original_type, r.pmid, r.pmcid) == (
        "article-journal", "PubmedArticle", "90000001", "PMC9000001")
    assert r.title == "Invented ERBB2 signalling in model cells: a study of 20% of cases."
    assert r.container_title == "Journal of invented oncology : JIO"
    assert r.container_title_short == "J Invent Oncol"  # MedlineTA wins over ISOAbbreviation
    assert (r.volume, r.issue, r.page, r.page_as_printed) == ("12", "6", "1027-1029", "1027-9")
    assert (r.doi, r.pii, r.issn, r.language) == (
        "10.9999/jio.2010.0451", "S1999-0001(10)00451-2", ["1999-0001"], "eng")
    assert r.issued is not None and r.issued.date_parts == [[2010, 11], [2010, 12]]
    assert r.issued.raw == "2010 Nov-Dec"
    assert r.available_date is not None and r.available_date.date_parts == [[2010, 9, 3]]
    assert r.abstract == ("BACKGROUND: Model cells were invented for this example.\n"
                          "METHODS: We counted 2 invented things.\n"
                          "CONCLUSIONS: Nothing here is real.")
    assert r.publication_types == ["Journal Article", "Research Support, Non-U.S. Gov't"]
    assert (r.keywords, r.substances) == (["invented cells", "HER2"], ["Receptor, ErbB-2"])


def test_authors_orcid_affiliations_suffix_collective() -> None:
    (_, r), _ = _records(TWO)
    cruz, smith, okafor, group = r.author
    assert (cruz.non_dropping_particle, cruz.family, cruz.given) == ("de la", "Cruz",
                                                                      "María José")
    assert cruz.orcid == "0000-0002-1825-009X"
    assert cruz.affiliations == ["Department of Examples, Invented University, Springfield, USA.",
                                 "Second Institute of Nothing, Shelbyville, USA."]
    assert (smith.family, smith.given, smith.suffix, smith.orcid) == ("Smith", "John", "Jr", None)
    assert smith.affiliations == ["Invented Cancer Centre, Ogdenville, USA."]
    assert (okafor.family, okafor.given) == ("Okafor", "A.B.")  # initials only
    assert group.literal == "Invented Breast Cancer Study Group"


def test_mesh_relations_and_references() -> None:
    (_, r), _ = _records(TWO)
    assert [(m.descriptor, m.qualifier, m.major) for m in r.mesh] == [
        ("Animals", None, False), ("Receptor, ErbB-2", "genetics", True),
        ("Receptor, ErbB-2", "metabolism", False), ("Models, Invented", None, True)]
    assert [(rel.kind, rel.citation) for rel in r.relations] == [
        ("erratum_in", "J Invent Oncol. 2011 Jan-Feb;13(1):77 PMID: 90000077"),
        ("comment_on", "J Invent Oncol. 2010 Jul;12(4):500-1")]
    first, second = r.references
    assert (first.doi, first.year) == ("10.9999/jio.2005.0010", 2005)
    assert first.title == ("Roe R, Doe J. An earlier invented paper. J Invent Oncol. "
                           "2005;7(2):10-20.")
    assert (second.doi, second.year) == (None, 1999)


def test_second_article_season_particles_article_number() -> None:
    _, (line, r) = _records(TWO)
    assert line == 150
    assert r.issued is not None and (r.issued.date_parts, r.issued.season) == ([[2009]], 1)
    assert (r.author[0].non_dropping_particle, r.author[0].family) == ("van der", "Berg")
    assert (r.page, r.pii, r.number) == (None, "e2051", "e2051")  # e-locator, no pages
    assert (r.abstract, r.container_title_short, r.language) == (None, "Invent Q", "dut")


def test_book_chapter_and_whole_book() -> None:
    (line, chapter), (_, book) = _records(SAMPLES / "book_article_chapter_with_editors.xml")
    assert (line, chapter.type, chapter.pmid) == (3, "chapter", "90000010")
    assert (chapter.title, chapter.container_title) == ("Invented Hereditary Condition",
                                                        "InventedReviews®")
    assert [a.family for a in chapter.author] == ["Writer"]
    assert [e.family for e in chapter.editor] == ["Editor", "Redacteur"]
    assert (chapter.publisher, chapter.publisher_place) == ("Invented University Press",
                                                            "Springfield (XX)")
    assert chapter.abstract is not None and chapter.abstract.startswith(
        "CLINICAL CHARACTERISTICS: An invented condition")
    assert (book.type, book.title, book.container_title) == ("book", "A Whole Invented Book",
                                                             None)
    assert (book.edition, book.isbn, [a.family for a in book.author]) == (
        "2nd", ["978-0-00-000000-2"], ["Author"])
    assert book.issued is not None and book.issued.date_parts == [[2015, 6]]


def test_malformed_xml_after_a_good_record() -> None:
    good, problem = _read(SAMPLES / "malformed_after_one_good_record.xml")
    assert isinstance(good, ParsedEntry) and good.record.title == (
        "The good record before the damage.")
    assert isinstance(problem, ParseProblem)
    assert problem.line == 29
    assert problem.reason.startswith("malformed XML in record 2: mismatched tag")
    assert "90000021" in problem.raw


def test_raw_is_the_source_text() -> None:
    first, second = _read(TWO)
    assert isinstance(first, ParsedEntry) and isinstance(second, ParsedEntry)
    text = TWO.read_text("utf-8")
    assert first.raw in text and second.raw in text
    assert first.raw.startswith("<PubmedArticle>") and first.raw.endswith("</PubmedArticle>")
    assert "<History>" in first.raw  # unmapped elements are kept


def test_one_line_file_gives_ordinals_and_reserialised_raw() -> None:
    one_line = " ".join(TWO.read_text("utf-8").split("\n")[2:])  # no DOCTYPE, one line
    first, second = pubmed_xml.FORMAT.parse(one_line, "flat.xml")
    assert isinstance(first, ParsedEntry) and isinstance(second, ParsedEntry)
    assert (first.line, second.line) == (1, 1)
    assert second.record.pmid == "90000003" and "<PMID" in second.raw


ENTITY_BOMB = """<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>
<ArticleTitle>&b;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
"""


def test_entity_declarations_are_refused() -> None:
    (problem,) = pubmed_xml.FORMAT.parse(ENTITY_BOMB, "bomb.xml")
    assert isinstance(problem, ParseProblem)
    assert (problem.line, "<!ENTITY" in problem.reason) == (3, True)


def test_external_entity_is_not_fetched() -> None:
    text = ('<?xml version="1.0"?><PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1'
            "</PMID><Article><ArticleTitle>&ext;</ArticleTitle></Article></MedlineCitation>"
            "</PubmedArticle></PubmedArticleSet>")
    (problem,) = pubmed_xml.FORMAT.parse(text, "ext.xml")
    assert isinstance(problem, ParseProblem) and "undefined entity" in problem.reason


@pytest.mark.parametrize(("text", "reason"), [
    pytest.param("", "malformed XML before any record", id="empty"),
    pytest.param("<PubmedArticleSet></PubmedArticleSet>", "no PubmedArticle element",
                 id="no-records"),
    pytest.param("PMID- 123\nTI  - not XML", "malformed XML before any record", id="medline"),
])
def test_not_pubmed_xml_is_one_problem(text: str, reason: str) -> None:
    (problem,) = pubmed_xml.FORMAT.parse(text, "x.xml")
    assert isinstance(problem, ParseProblem) and problem.reason.startswith(reason)


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_any_text_gives_entries_or_problems(text: str) -> None:
    items = list(pubmed_xml.FORMAT.parse(text, "h.xml"))
    assert items and all(isinstance(i, ParsedEntry | ParseProblem) for i in items)


def test_detect_and_registry() -> None:
    head = TWO.read_text("utf-8")[: parsers.HEAD_CHARS]
    assert pubmed_xml.detect(head) == 100
    assert pubmed_xml.detect("<xml><records><record>") == 0
    assert pubmed_xml.detect("<PubmedArticleSetX") == 100  # prefix check: harmless
    for path in sorted(SAMPLES.glob("*.xml")):
        assert parsers.detect(path.read_text("utf-8"), path.name).name == "pubmed-xml"
    assert parsers.get("efetch") is parsers.get("pubmedxml") is pubmed_xml.FORMAT
    assert pubmed_xml.FORMAT.stream is pubmed_xml.read


# A record of ordinary shape, then bulk the reader parses but does not map: the file
# reaches ~50 MB without millions of small allocations, which tracemalloc makes slow.
_BULK = ('<OtherAbstract Type="Publisher"><AbstractText>'
         + "Unmapped publisher text. " * 1600 + "</AbstractText></OtherAbstract>")


def _big_file(path: Path, size: int) -> int:
    source = TWO.read_text("utf-8")
    article = source[source.index("<PubmedArticle>") : source.index("</PubmedArticle>") + 16]
    article = article.replace("<CitationSubset>", _BULK + "\n<CitationSubset>")
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0"?>\n<PubmedArticleSet>\n')
        while out.tell() < size:
            count += 1
            out.write(article.replace("90000001", str(count)) + "\n")
        out.write("</PubmedArticleSet>\n")
    return count


def test_fifty_megabytes_stream_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    expected = _big_file(path, 50_000_000)
    seen = last_line = 0
    tracemalloc.start()
    try:
        with path.open(encoding="utf-8") as stream:
            for item in pubmed_xml.read(stream, path.name):
                assert isinstance(item, ParsedEntry)
                seen, last_line = seen + 1, item.line  # count only: nothing is kept
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert seen == expected
    assert last_line > 100 * expected  # real line numbers, not ordinals
    assert peak < 20_000_000, f"peak {peak / 1e6:.1f} MB"


def test_stream_yields_before_the_end(tmp_path: Path) -> None:
    _big_file(tmp_path / "some.xml", 500_000)
    text = (tmp_path / "some.xml").read_text("utf-8")
    stream = io.StringIO(text)
    first = next(pubmed_xml.read(stream, "s.xml"))
    assert isinstance(first, ParsedEntry) and stream.tell() < len(text)
