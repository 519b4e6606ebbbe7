"""EndNote tagged / Refer reader on invented samples of each real-world shape (formats.md §1)."""

from __future__ import annotations

from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry, ParseProblem, refer

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
