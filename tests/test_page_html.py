"""Pages saved as HTML: an NCBI page read as the page text it shows, the visible text as a
browser lays it out, and the Highwire values some sites write in their own way."""

from __future__ import annotations

from pathlib import Path

import pytest

from her2kb import parsers
from her2kb.dates import parse_written_date
from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry, generic_page, pubmed_page
from her2kb.parsers._meta_tags import read_page
from her2kb.records import Record

PUBMED_HTML = Path(__file__).parent / "samples" / "pubmed" / "a2_saved_as_html.html"
# The kept accuracy round's page (bench/pages/Q), also scored field by field there.
PMC_HTML = Path(__file__).parents[1] / "bench" / "pages" / "Q" / "pages" / "q03_pmc_saved_html.html"


def _record(reader: object, text: str) -> Record:
    (entry,) = reader.parse(text, "page.html")  # type: ignore[attr-defined]
    assert isinstance(entry, ParsedEntry), entry
    return normalize(entry.record)


def test_a_pubmed_page_saved_as_html_keeps_what_only_its_text_shows() -> None:
    """The Highwire tags of a PubMed page hold no MeSH, no publication types and only the
    first page; read as its visible text, the page gives them all (§4.1 A2)."""
    text = PUBMED_HTML.read_text("utf-8")
    assert parsers.detect(text, "page.html").name == "pubmed-page"
    record = _record(pubmed_page, text)
    assert record.title == "Invented resistance pathways to trastuzumab in HER2-positive disease"
    assert [a.family for a in record.author] == ["Okafor", "Lindqvist", "Haruto"]
    # The button shows the MEDLINE abbreviation, the tags the full name: both are kept.
    assert (record.container_title, record.container_title_short) == (
        "Breast cancer research and treatment", "Breast Cancer Res Treat")
    assert (record.year, record.volume, record.issue, record.page) == (2019, "174", "2", "301-312")
    assert (record.doi, record.pmid) == ("10.1007/s10549-018-0000-1", "30512345")
    assert record.publication_types == ["Research Support, Non-U.S. Gov't"]
    assert [(m.descriptor, m.qualifier, m.major) for m in record.mesh] == [
        ("Breast Neoplasms", "drug therapy", True), ("Female", None, False),
        ("Humans", None, False), ("Receptor, ErbB-2", "metabolism", False),
        ("Trastuzumab", "therapeutic use", True)]
    assert record.substances == ["Receptor, ErbB-2", "Trastuzumab"]
    assert record.keywords == ["Breast cancer", "HER2", "Trastuzumab", "Resistance"]
    assert record.abstract and record.abstract.startswith("Background: Trastuzumab resistance")


def test_html_without_ncbi_tags_is_not_claimed_by_the_pubmed_reader() -> None:
    text = PUBMED_HTML.read_text("utf-8")
    for name in ('name="ncbi_app" content="pubmed"', 'name="ncbi_db" content="pubmed"'):
        text = text.replace(name, 'name="robots" content="index"')
    assert pubmed_page.detect(text) == 0
    assert parsers.detect(text, "page.html").name == "generic"


def test_visible_text_is_laid_out_as_a_browser_shows_it() -> None:
    """Source line breaks inside a block are spaces; list items start lines; paragraphs and
    headings are set apart by one blank line; `<pre>` keeps its line breaks."""
    html = ("<html><body><h1>An invented\n   title</h1>\n  <ul>\n <li>One</li>\n <li>Two\n"
            "  items</li></ul><p>A <b>bold</b>\nword.</p><pre>a\n  b</pre></body></html>")
    assert read_page(html, True).lines == [
        "An invented title", "", "One", "Two items", "", "A bold word.", "", "a", "b", "", ""]


def test_citation_authors_with_a_closing_semicolon_is_a_whole_list() -> None:
    """A meta tag's value cannot be cut off; `Doe JA;Roe R;` is two Vancouver names."""
    html = ('<html><head><meta name="citation_title" content="An invented title">'
            '<meta name="citation_authors" content="Doe JA;Roe R;">'
            '<meta name="citation_date" content="03/2019"></head><body></body></html>')
    record = _record(generic_page, html)
    assert [(a.family, a.given) for a in record.author] == [("Doe", "J.A."), ("Roe", "R.")]
    assert record.issued is not None and record.issued.date_parts == [[2019, 3]]


@pytest.mark.parametrize(("raw", "parts"), [
    ("03/2019", [2019, 3]), ("15/03/2019", [2019, 3, 15]), ("3/15/2019", [2019, 3, 15]),
    ("05/06/2019", [2019]), ("13/2019", [2019]), ("12.2019", [2019, 12]),
])
def test_year_last_dates_keep_only_what_is_unambiguous(raw: str, parts: list[int]) -> None:
    date = parse_written_date(raw)
    assert date is not None and date["date_parts"] == [parts]


def test_a_pmc_article_saved_as_html_gives_both_ids_and_its_sectioned_abstract() -> None:
    """A PMC page (§4.1 C) saved as HTML: logo link, citation, byline with markers, the
    `PMCID: … PMID: …` row, and abstract sections under their own headings."""
    text = PMC_HTML.read_text("utf-8")
    assert parsers.detect(text, "page.html").name == "pubmed-page"
    record = _record(pubmed_page, text)
    assert [(a.family, a.given) for a in record.author] == [("Eze", "Ngozi"), ("Lindgren", "Paul")]
    assert (record.container_title, record.year, record.volume, record.page) == (
        "Breast Cancer Research : BCR", 2021, "23", "44")
    assert (record.pmid, record.pmcid) == ("33845888", "PMC8040001")
    assert record.keywords == ["HER3", "Trastuzumab resistance", "Breast cancer"]
    assert record.abstract is not None and record.abstract.startswith(
        "Background: Resistance to trastuzumab often involves invented HER3")
    assert "Methods: We profiled 48 made-up tumour samples." in record.abstract
    assert "treated with trastuzumab [1]" not in record.abstract


def test_pubmed_html_with_the_journal_button_in_its_own_block_keeps_the_citation() -> None:
    """PubMed wraps the journal button in a block; the citation `. 2019 Mar;…` follows it
    and belongs on the same line, with the DOI and Epub date in a block below."""
    old = ('<div class="article-citation"><button class="journal-actions-trigger" '
           'title="Breast cancer research and treatment">Breast Cancer Res Treat</button>\n'
           '<span class="cit">. 2019 Mar;174(2):301-312.</span> <span class="citation-doi">')
    new = ('<div class="article-citation"><div class="article-source"><div class="journal-'
           'actions"><button>Breast Cancer Res Treat</button></div>\n<span class="cit">. 2019 '
           'Mar;174(2):301-312.</span></div>\n<span class="citation-doi">')
    text = PUBMED_HTML.read_text("utf-8")
    assert old in text
    text = text.replace(old, new)
    record = _record(pubmed_page, text)
    assert (record.container_title_short, record.year, record.volume, record.page) == (
        "Breast Cancer Res Treat", 2019, "174", "301-312")


def test_a_pmc_page_saved_as_html_takes_its_repeated_author_tags() -> None:
    """PMC writes one `citation_author` tag a name; when the visible text gives no author
    line the reader can take, the tags name them all, in order."""
    page = "\n".join([
        "<html><head>",
        '<meta name="ncbi_db" content="pmc">',
        '<meta name="citation_title" content="Invented lineage change under a made-up conjugate">',
        '<meta name="citation_author" content="Hanna R. Whitmore">',
        '<meta name="citation_author_institution" content="Invented Institute, Town">',
        '<meta name="citation_author" content="Tomek Zielny">',
        '<meta name="citation_author" content="Daniel P. O\'Connell">',
        '<meta name="citation_doi" content="10.5555/ijo.2021.4832">',
        "</head><body>",
        "<h1>Invented lineage change under a made-up conjugate</h1>",
        "<p>Invented Breast Res. 2021; 12: 45.</p>",
        "<h2>Abstract</h2><p>Invented cells changed their lineage under the made-up conjugate "
        "in every model we tried, and the change was reversed by an invented inhibitor.</p>",
        "</body></html>"])
    assert parsers.detect(page, "page.html").name == "pubmed-page"
    record = _record(pubmed_page, page)
    assert [(a.family, a.given) for a in record.author] == [
        ("Whitmore", "Hanna R."), ("Zielny", "Tomek"), ("O'Connell", "Daniel P.")]
    assert record.doi == "10.5555/ijo.2021.4832"
