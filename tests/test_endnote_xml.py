"""EndNote XML reader on invented samples (formats.md §11)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from her2kb import parsers
from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry, ParseProblem, endnote_xml
from her2kb.records import Record

SAMPLES = Path(__file__).parent / "samples" / "endnote_xml"
STYLED = SAMPLES / "journal_article_and_book_section_styled_one_line.xml"
NUMBERS = SAMPLES / "ref_type_numbers_without_names.xml"


def _entries(path: Path) -> list[ParsedEntry]:
    with path.open(encoding="utf-8") as stream:
        items = list(endnote_xml.read(stream, path.name))
    assert all(isinstance(i, ParsedEntry) for i in items), items
    return [i for i in items if isinstance(i, ParsedEntry)]


def _records(path: Path) -> list[Record]:
    return [normalize(entry.record) for entry in _entries(path)]


def test_journal_article_with_style_runs() -> None:
    article, _ = _records(STYLED)
    assert (article.type, article.original_type) == ("article-journal", "Journal Article")
    assert article.title == "Invented ERBB2 amplification in imaginary tumours"  # 3 style runs
    assert [(a.non_dropping_particle, a.family, a.given, a.literal) for a in article.author] == [
        (None, "Doe", "Jane A.", None), ("de la", "Cruz", "María", None),
        (None, None, None, "Invented Oncology Consortium")]
    assert (article.container_title, article.container_title_short) == (
        "Journal of Invented Oncology", "J Invent Oncol")
    assert (article.volume, article.issue, article.page) == ("21", "2", "129-136")
    assert article.issued is not None and article.issued.date_parts == [[2011, 2]]
    assert article.available_date is not None  # `edition` is a journal article's Epub Date
    assert article.available_date.date_parts == [[2011, 1, 15]]
    assert (article.doi, article.pmid, article.pmcid) == (
        "10.9999/jio.2011.0129", "90000030", "PMC9000030")
    assert (article.issn, article.url) == (["1999-0001"], "https://example.org/invented/90000030")
    assert article.keywords == ["Receptor, ErbB-2/genetics", "Invented tumours"]
    assert article.abstract == ("First invented paragraph.\n"  # &#xD; is a line break
                                "Second invented paragraph with 20% of cells.")
    assert (article.note, article.language) == ("An invented note.", "eng")
    assert article.publication_types == ["Journal Article", "Review"]


def test_book_section() -> None:
    _, chapter = _entries(STYLED)
    r = normalize(chapter.record)
    assert (r.type, r.title, r.container_title, r.collection_title) == (
        "chapter", "An invented chapter", "A Book of Inventions", "Imaginary Series")
    assert [a.family for a in r.author] == ["Writer"]
    assert [e.family for e in r.editor] == ["Editor", "Redacteur"]
    assert (r.edition, r.volume, r.page, r.year) == ("2nd", "3", "45-67", 1999)
    assert (r.publisher, r.publisher_place, r.isbn) == ("Nowhere Press", "Springfield",
                                                        ["978-0-00-000000-2"])
    assert r.doi is None and chapter.warnings == (
        "%R 'RN-1234' is not a DOI; kept in the source only",)


def test_one_line_export_lines_and_raw() -> None:
    first, second = _entries(STYLED)
    assert (first.line, second.line) == (1, 1)  # EndNote writes the export on one line
    assert first.raw.startswith("<record>") and first.raw.endswith("</record>")
    assert "<rec-number>2</rec-number>" in second.raw and "rec-number>1<" not in second.raw


def test_reference_type_numbers_without_names() -> None:
    (book_entry, article_entry) = _entries(NUMBERS)
    book, article = normalize(book_entry.record), normalize(article_entry.record)
    assert (book_entry.line, article_entry.line) == (4, 17)
    assert (book.type, book.original_type, book.collection_title) == ("book", "Book",
                                                                      "Invented Monographs")
    assert book.isbn == ["0-00-000000-2"] and book.container_title is None
    assert (article.type, article.container_title, article.number) == (
        "article-journal", "Invented Letters", "e1234")
    assert article.issued is not None and article.issued.date_parts == [[2021, 3, 4]]


def test_record_without_title_or_id_is_a_problem() -> None:
    text = ("<xml><records><record><ref-type>17</ref-type></record>"
            "<record><titles><title>Kept</title></titles></record></records></xml>")
    problem, entry = endnote_xml.FORMAT.parse(text, "p.xml")
    assert isinstance(problem, ParseProblem) and problem.reason.startswith("record 1: no title")
    assert isinstance(entry, ParsedEntry) and entry.record.title == "Kept"


def test_malformed_after_a_record() -> None:
    text = STYLED.read_text("utf-8").replace("</record></records>", "</record><record><oops>")
    items = list(endnote_xml.FORMAT.parse(text, "broken.xml"))
    assert [type(i).__name__ for i in items] == ["ParsedEntry", "ParsedEntry", "ParseProblem"]
    assert "malformed XML in record 3" in items[-1].reason  # type: ignore[union-attr]


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_any_text_gives_entries_or_problems(text: str) -> None:
    items = list(endnote_xml.FORMAT.parse(text, "h.xml"))
    assert items and all(isinstance(i, ParsedEntry | ParseProblem) for i in items)


def test_detect_and_registry() -> None:
    assert endnote_xml.detect(STYLED.read_text("utf-8")[: parsers.HEAD_CHARS]) == 100
    assert endnote_xml.detect("<PubmedArticleSet><PubmedArticle>") == 0
    assert endnote_xml.detect("<records/>") == 0
    for path in sorted(SAMPLES.glob("*.xml")):
        assert parsers.detect(path.read_text("utf-8"), path.name).name == "endnote-xml"
    assert parsers.get("enxml") is endnote_xml.FORMAT
    assert endnote_xml.FORMAT.stream is endnote_xml.read
