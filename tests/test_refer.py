"""EndNote tagged / Refer reader on invented samples of each real-world shape (formats.md §1)."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from her2kb import parsers
from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry, ParseProblem, refer
from her2kb.parsers import _refer_values as refer_values

TWO_RECORDS = """%0 Journal Article
%A Doe, Jane
%A Richard Roe
%T An invented study of receptor
signalling in examples
%J Journal of Examples
%V 12
%N 3
%P 45-52
%D 2010
%8 May 2010
%R doi:10.1234/jex.2010.045
%M 10000001
%K first keyword
second keyword
%K third
%@ 1234-5678
%G eng
%X An invented abstract.


%0 Book Section
%A Mustermann, Erika
%T A chapter that was invented
%B A Book of Examples
%I Example Press
%D 1999
%R RN-1234
"""

ONE_LINE = ("%0 Journal Article %T Invented title with 20% of cells %A Ann Example %J Some "
            "Journal %D 2015 %R 10.1234/abc.5 %X Abstract with 50%T-cell mention. %U http://x.org/a")


def _entries(text: str) -> list[ParsedEntry]:
    items = list(refer.parse(text, "sample.enw"))
    assert all(isinstance(i, ParsedEntry) for i in items)
    return [i for i in items if isinstance(i, ParsedEntry)]


def test_two_records_with_continuations() -> None:
    first, second = _entries(TWO_RECORDS)
    a = normalize(first.record)
    assert (first.line, second.line) == (1, 22)
    assert a.type == "article-journal" and a.original_type == "Journal Article"
    assert a.title == "An invented study of receptor signalling in examples"
    assert [(n.family, n.given) for n in a.author] == [("Doe", "Jane"), ("Roe", "Richard")]
    assert (a.container_title, a.volume, a.issue, a.page) == ("Journal of Examples", "12", "3",
                                                               "45-52")
    assert a.issued is not None and a.issued.date_parts == [[2010, 5]]
    assert (a.doi, a.pmid, a.issn, a.language) == ("10.1234/jex.2010.045", "10000001",
                                                   ["1234-5678"], "eng")
    assert a.keywords == ["first keyword", "second keyword", "third"]
    b = second.record
    assert (b.type, b.container_title, b.publisher, b.doi) == ("chapter", "A Book of Examples",
                                                               "Example Press", None)
    assert second.warnings == ("%R 'RN-1234' is not a DOI; kept in the source only",)


def test_collapsed_one_line_record() -> None:
    (entry,) = _entries(ONE_LINE)
    r = entry.record
    assert r.title == "Invented title with 20% of cells"
    assert r.author[0].family == "Example" and r.author[0].given == "Ann"
    assert (r.container_title, r.doi, r.url) == ("Some Journal", "10.1234/abc.5", "http://x.org/a")
    assert r.abstract == "Abstract with 50%T-cell mention."


def test_detect() -> None:
    assert refer.detect(TWO_RECORDS) == 100
    assert refer.detect(ONE_LINE) == 100
    assert refer.detect("TY  - JOUR\nTI  - x\nER  - \n") == 0
    assert refer.detect("Growth of 20% in 2010 and 30% in 2011.") == 0
    assert refer.detect("") == 0


def test_block_without_tags_is_a_problem() -> None:
    items = list(refer.parse("%0 Journal Article\n%T A title\n\nstray words\n", "f.enw"))
    assert isinstance(items[0], ParsedEntry)
    assert items[1] == ParseProblem("f.enw", 4, "no %-tagged fields in this block", "stray words")


# --- Samples (tests/samples/endnote/, invented) and the streaming reader -----------------

SAMPLES = Path(__file__).parent / "samples" / "endnote"


def _sample(name: str) -> list[ParsedEntry]:
    with (SAMPLES / name).open(encoding="utf-8") as stream:  # universal newlines, as ingest
        items = list(refer.read(stream, name))
    assert all(isinstance(i, ParsedEntry) for i in items), items
    return [i for i in items if isinstance(i, ParsedEntry)]


def test_google_scholar_crlf_two_blank_lines() -> None:
    data = (SAMPLES / "google_scholar_two_blank_lines_crlf.enw").read_bytes()
    assert b"\r\n\r\n\r\n%0" in data  # the sample really is CRLF with two blank lines
    first, second = _sample("google_scholar_two_blank_lines_crlf.enw")
    assert (first.line, second.line) == (1, 14)
    a, b = normalize(first.record), normalize(second.record)
    assert a.title == "An invented trial of imaginary antibodies"
    assert [(n.family, n.given) for n in a.author] == [("Nguyen", "Thi"), ("Chen", "Jin‐Shing")]
    assert (a.container_title, a.volume, a.issue, a.page, a.year) == (
        "Invented Clinical Oncology", "8", "2", "101-109", 2014)
    assert (a.issn, a.publisher) == (["1999-0003"], "Invented Publishers")
    assert (b.title, b.page, b.year) == ("A second invented Scholar record", "e45", 2019)
    # The same bytes decoded without newline translation: CR is not part of any value.
    again = list(refer.parse(data.decode("utf-8"), "raw.enw"))
    assert [e.record for e in again if isinstance(e, ParsedEntry)] == [first.record, second.record]


def test_journal_field_holding_a_vancouver_citation() -> None:
    (entry,) = _sample("journal_field_whole_citation_vancouver.enw")
    r = entry.record
    assert (r.container_title, r.volume, r.issue, r.page) == ("Journal of Examples", "12", "3",
                                                              "45-52")
    assert (r.year, r.doi) == (2012, "10.1234/jex.2012.45")
    assert "whole citation" in entry.warnings[0]


def test_journal_field_with_a_broken_doi_url() -> None:
    (entry,) = _sample("journal_field_whole_citation_broken_doi_url.enw")
    r = entry.record
    assert (r.container_title, r.volume, r.issue, r.page, r.year) == (
        "Open Example Journal", "1", "5", "1-7", 2014)
    assert r.doi is None  # `10.4236/` is a prefix only: no DOI rather than a wrong one
    assert len(entry.warnings) == 1


def test_wos_article_number_and_corporate_comma() -> None:
    (entry,) = _sample("wos_other_field_article_number.enw")
    r = entry.record
    assert (r.number, r.doi, r.volume, r.page) == ("4521", "10.9999/ir.2019.4521", "9", None)
    assert r.author[1].literal == "Invented Oncology Consortium"
    assert r.keywords == ["first keyword", "second keyword"]
    assert (r.note, r.language) == ("Times cited: 0", "English")


def test_book_section_with_every_common_tag() -> None:
    (entry,) = _sample("endnote_x9_book_section_all_tags.enw")
    r = normalize(entry.record)
    assert (r.type, r.title) == ("chapter", "An invented chapter with every common EndNote tag")
    berg = r.author[1]
    assert (berg.non_dropping_particle, berg.family, berg.given, berg.suffix) == (
        "van der", "Berg", "Pieter", "Jr")
    assert [n.family for n in r.editor] == ["Editor", "Redacteur"]
    assert (r.container_title, r.collection_title, r.edition) == (
        "A Book of Inventions", "Imaginary Series", "2nd")
    assert (r.publisher, r.publisher_place, r.page, r.isbn) == (
        "Nowhere Press", "Springfield", "45-67", ["978-0-00-000000-2"])
    assert r.issued is not None and r.issued.date_parts == [[1999, 3, 3]]
    assert r.accessed is not None and r.accessed.date_parts == [[2021, 6, 30]]
    assert (r.publication_types, r.note, r.url) == (["Review"], "An invented note.",
                                                    "https://example.org/chapter")
    assert r.abstract == "First invented paragraph.\nSecond invented paragraph."
    assert entry.warnings == ()


def test_edited_book_puts_editors_in_the_author_tag() -> None:
    (entry,) = _sample("edited_book_editors_in_author_tag.enw")
    r = entry.record
    assert (r.type, r.author, r.collection_title) == ("book", [], "Imaginary Series")
    assert [(n.family, n.given) for n in r.editor] == [("Editor", "Erika")]  # %E: series editor
    assert r.isbn == ["0-00-000000-2"] and r.issn == []


def test_pubmed_import_epub_date_pmcid_and_article_number() -> None:
    (entry,) = _sample("pubmed_import_epub_date_pmcid_article_number.enw")
    r = normalize(entry.record)
    assert r.available_date is not None and r.available_date.date_parts == [[2011, 1, 15]]
    assert r.issued is not None and r.issued.date_parts == [[2011, 2]]
    assert (r.edition, r.number, r.pmcid, r.pmid) == (None, "e129", "PMC9000040", "90000040")
    assert (r.page, r.issn) == ("129-136", ["1999-0001"])
    assert r.publication_types == ["Journal Article", "Research Support, Non-U.S. Gov't"]


def test_records_without_blank_lines_between_them() -> None:
    text = "%0 Journal Article\n%T First\n%0 Book\n%T Second\n"
    first, second = _entries(text)
    assert (first.line, first.record.title, second.line, second.record.type) == (
        1, "First", 3, "book")


def test_a_date_in_another_year_is_not_the_citation_date() -> None:
    (entry,) = _entries("%0 Journal Article\n%T t\n%D 2010\n%8 2009 Dec 30\n")
    assert entry.record.issued is not None and entry.record.issued.date_parts == [[2010]]
    assert "not in the year" in entry.warnings[0]


def test_issn_and_isbn_told_apart() -> None:
    assert refer_values.issn_isbn("1234-567x (Print)") == (["1234-567X"], [])
    assert refer_values.issn_isbn("978-3-16-148410-0 (hbk.)") == ([], ["978-3-16-148410-0"])
    assert refer_values.issn_isbn("019852663X; 12345678") == (["12345678"], ["019852663X"])


def test_stream_reads_one_record_at_a_time() -> None:
    """`read` pulls lines lazily: the first record comes out before the stream is drained."""
    stream = io.StringIO(TWO_RECORDS)
    items = refer.read(stream, "s.enw")
    first = next(items)
    assert isinstance(first, ParsedEntry) and first.record.title
    assert stream.tell() < len(TWO_RECORDS)


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_any_text_gives_entries_or_problems(text: str) -> None:
    for item in refer.parse(text, "h.enw"):
        assert isinstance(item, ParsedEntry | ParseProblem)


def test_registered_with_streaming() -> None:
    fmt = parsers.get("endnote-tagged")
    assert fmt is refer.FORMAT and fmt.stream is refer.read


def test_collapsed_record_after_page_text_on_the_same_line() -> None:
    text = ("Cite this: %0 Journal Article %T An invented title %A Ann Example %J Some Journal "
            "%D 2015 %R 10.1234/abc.5 %X Abstract.")
    (entry,) = _entries(text)
    assert (entry.record.title, entry.record.doi) == ("An invented title", "10.1234/abc.5")
    assert entry.warnings == ("text before the first tag ignored: 'Cite this:'",)
