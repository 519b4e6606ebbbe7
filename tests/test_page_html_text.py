"""Saved HTML pages of the page-text sites (Ingenta Connect, OUCI): read through the text a
browser shows; and the visible text itself, as a browser lays out pop-ups and chips."""

from __future__ import annotations

import quopri
from pathlib import Path

from her2kb import parsers
from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry, generic_page
from her2kb.parsers._html_text import shown_text
from her2kb.parsers._meta_tags import read_page
from her2kb.records import Record

PUBMED_HTML = Path(__file__).parent / "samples" / "pubmed" / "a2_saved_as_html.html"
# An invented Ingenta Connect page saved as HTML: no Highwire title, the DOI only in a tag.
INGENTA_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="citation_doi" content="10.5555/ijn.2020.2937">
<title>Ingenta Connect</title><style>.x{}</style></head><body>
<div class="nav"><a href="/">Home</a> <a href="/browse">Browse by Publication</a></div>
<div><a href="/j">Invented Journal of Nanomedicine</a></div>
<h1>An invented nanoparticle carrying an imagined antibody to made-up HER2-positive cells</h1>
<div class="buy"><p>Buy Article:</p><p>$113.00 + tax (Refund Policy)</p>
<button>ADD TO CART</button><button>BUY NOW</button></div>
<p><strong>Authors:</strong> Kowalczyk, Hanna; Sharma, Rohan</p>
<p><strong>Source:</strong> Invented Journal of Nanomedicine, Volume 16, Number 6, June 2020,
 pp. 845-858(14)</p>
<p><strong>Publisher:</strong> Invented Scientific Publishers</p>
<div id="abstract"><p>An invented carrier was tested on imagined cells to exercise the
 reader of saved pages; nothing here is real.</p></div>
<p><strong>Keywords:</strong> INVENTED CARRIER; IMAGINED ANTIBODY</p>
<p><strong>Document Type:</strong> Research Article</p>
<p><strong>Publication date:</strong> June 1, 2020</p>
</body></html>
"""
# An invented OUCI page saved as HTML: labels and values in a definition list.
OUCI_HTML = """<html><head><title>OUCI</title></head><body>
<header><a href="/">OUCI</a><span>Open Ukrainian Citation Index</span></header>
<h1>An invented cost analysis of a made-up antibody for imagined patients</h1>
<div>Mingyu Zhao, Linnea Ye</div>
<dl><dt>Number of citations</dt><dd>7</dd>
<dt>Number of works in the list of references</dt><dd>0</dd>
<dt>Type of publication</dt><dd>Journal Article</dd>
<dt>Journal</dt><dd>Invented Targeted Oncology, 2022, № 4, p. 411-424</dd>
<dt>DOI</dt><dd>10.5555/s11523-022-00893-1</dd></dl>
<h2>Abstract</h2><p>An invented cost analysis, written only to test the reader.</p>
</body></html>
"""


def _record(reader: parsers.InputFormat, text: str) -> tuple[Record, tuple[str, ...]]:
    (entry,) = reader.parse(text, "page.html")
    assert isinstance(entry, ParsedEntry), entry
    return normalize(entry.record), entry.warnings


def test_an_ingenta_page_saved_as_html_is_read_as_its_visible_text() -> None:
    reader = parsers.detect(INGENTA_HTML, "page.html")
    assert reader.name == "ingenta-page"
    record, warnings = _record(reader, INGENTA_HTML)
    assert record.title == ("An invented nanoparticle carrying an imagined antibody to "
                            "made-up HER2-positive cells")
    assert [a.family for a in record.author] == ["Kowalczyk", "Sharma"]
    assert (record.container_title, record.volume, record.issue, record.page) == (
        "Invented Journal of Nanomedicine", "16", "6", "845-858")
    assert record.keywords == ["INVENTED CARRIER", "IMAGINED ANTIBODY"]
    assert record.publication_types == ["Research Article"]
    assert record.abstract and record.abstract.startswith("An invented carrier was tested")
    # The visible text shows no DOI; the page's tag fills it, and a warning says so.
    assert record.doi == "10.5555/ijn.2020.2937"
    assert "doi taken from the page's meta tags" in warnings


def test_an_ouci_page_saved_as_html_is_read_by_the_ouci_reader() -> None:
    reader = parsers.detect(OUCI_HTML, "page.html")
    assert reader.name == "ouci-page"
    record, _ = _record(reader, OUCI_HTML)
    assert record.title == "An invented cost analysis of a made-up antibody for imagined patients"
    assert [a.family for a in record.author] == ["Zhao", "Ye"]
    assert (record.container_title, record.year, record.issue, record.page) == (
        "Invented Targeted Oncology", 2022, "4", "411-424")
    assert record.publication_types == ["Journal Article"]
    assert record.doi == "10.5555/s11523-022-00893-1"


def test_a_hidden_pop_up_shows_no_text_and_breaks_no_line() -> None:
    """PMC repeats each author's name and address in a `hidden` pop-up beside the name."""
    html = ('<div class="authors"><a>Ann Lee</a><div hidden="hidden" id="p1"><h3>Ann Lee</h3>'
            '<div class="p"><sup>1</sup>Invented Institute</div><div>Find articles by Ann Lee'
            '</div></div><sup>1,</sup><sup>#</sup>, <a>Bo Chan</a><div hidden="hidden">'
            '<h3>Bo Chan</h3></div><sup>2</sup></div><p>After the names.</p>')
    assert [line for line in read_page(html, True).lines if line] == [
        "Ann Lee1,#, Bo Chan2", "After the names."]


def test_keyword_chips_are_set_apart_and_a_label_colon_is_not() -> None:
    chips = ('<h3>Keywords</h3><div><a class="MuiChip-root"><span class="MuiChip-label">HER2'
             '</span></a><a class="MuiChip-root"><span class="MuiChip-label">invented cohort'
             '</span></a> <span class="keyword-label">made-up drug</span></div>')
    assert [line for line in read_page(chips, True).lines if line] == [
        "Keywords", "HER2 · invented cohort · made-up drug"]
    pmc = ('<div class="sec"><strong class="kwd-title">Keywords: </strong>'
           '<span class="kwd-text">HER2, invented cohort</span></div>')
    assert [line for line in read_page(pmc, True).lines if line] == [
        "Keywords: HER2, invented cohort"]


def test_one_citation_author_tag_a_vancouver_name_is_read_family_first() -> None:
    """Europe PMC writes `citation_author` as PubMed prints names: `Kim JH`."""
    html = ('<html><head><meta name="citation_title" content="An invented title">'
            '<meta name="citation_author" content="Kim JH">'
            '<meta name="citation_author" content="Ferreira-Lima G">'
            '<meta name="citation_date" content="2024/02/01"></head><body></body></html>')
    record, _ = _record(generic_page.FORMAT, html)
    assert [(a.family, a.given) for a in record.author] == [
        ("Kim", "J.H."), ("Ferreira-Lima", "G.")]


def test_a_page_whose_menus_run_past_the_detection_head_is_still_read() -> None:
    """Real pages print tens of kilobytes of menus before the article; detection reads the
    page's visible text past them (the style and script blocks are dropped first)."""
    menu = "".join(f'<a href="/subject/{n}" class="menu-item">Invented subject {n} of a long'
                   " browse menu</a>\n" for n in range(600))
    text = INGENTA_HTML.replace('<div class="nav">', f'<div class="menu">{menu}</div>'
                                '<div class="nav">')
    assert len(text) > 3 * parsers.HEAD_CHARS
    reader = parsers.detect(parsers.detection_head(text), "page.html")
    assert reader.name == "ingenta-page"
    record, _ = _record(reader, text)
    assert record.volume == "16"


def _mhtml(html: str) -> str:
    """An invented page wrapped as Chrome's "Webpage, Single File" writes it."""
    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    return ("From: <Saved by Blink>\nSnapshot-Content-Location: https://example.org/1/\n"
            "Subject: An invented page\nMIME-Version: 1.0\nContent-Type: multipart/related;\n"
            '\ttype="text/html";\n\tboundary="----Invented--Boundary----"\n\n\n'
            "------Invented--Boundary----\nContent-Type: text/html\n"
            "Content-Transfer-Encoding: quoted-printable\n"
            f"Content-Location: https://example.org/1/\n\n{body}\n"
            "------Invented--Boundary------\n")


def test_a_page_saved_as_mhtml_is_read_as_the_page_inside() -> None:
    text = _mhtml(PUBMED_HTML.read_text("utf-8"))
    assert "=3D" in text  # quoted-printable, as Chrome writes it
    reader = parsers.detect(text, "page.mhtml")
    assert reader.name == "pubmed-page"
    record, _ = _record(reader, text)
    assert record.title == "Invented resistance pathways to trastuzumab in HER2-positive disease"
    assert (record.container_title_short, record.volume, record.page, record.pmid) == (
        "Breast Cancer Res Treat", "174", "301-312", "30512345")


def test_a_closed_menu_and_an_icon_link_show_no_text() -> None:
    """PubMed's journal button opens an `aria-hidden` menu; ORCID's link is an icon."""
    html = ('<div><button>Invented J Oncol</button><div class="dropdown" aria-hidden="true">'
            '<div>Invented journal of oncology</div><a>Search in PubMed</a></div>'
            '<span>. 2024 Jan;12:345.</span></div>'
            '<ul><li><a href="/s/1">Ann Lee</a><a href="https://orcid.org/1"><img alt=""></a>, '
            '</li><li><a href="/s/2">Bo Chan</a></li></ul>'
            '<div><a href="/a">Publications</a><a href="/b">Sources</a></div>')
    assert [line for line in read_page(html, True).lines if line] == [
        "Invented J Oncol. 2024 Jan;12:345.", "Ann Lee,", "Bo Chan", "Publications | Sources"]


ABSTRACT = ("An invented study of made-up patients was run to see how a reader of saved "
            "pages weighs the abstract in the tags against the one the page prints.")


def test_tags_give_way_to_the_pages_issue_date_and_labelled_abstract() -> None:
    """Some sites tag the day the article went online; the page's own citation dates the
    issue. The tags' abstract loses the structured labels the page prints."""
    html = ('<html><head><meta name="citation_title" content="An invented title">'
            '<meta name="citation_journal_title" content="Invented Journal of Cancer">'
            '<meta name="citation_publication_date" content="2023/12/04">'
            '<meta name="citation_volume" content="154">'
            f'<meta name="citation_abstract" content="{ABSTRACT}">'
            '</head><body><p>Invented Journal of Cancer</p><p>Volume 154, Issue 7</p>'
            '<p>p. 1233-1245</p><p>1 April 2024</p><h1>An invented title</h1>'
            f'<h2>Abstract</h2><p>Background: {ABSTRACT}</p>'
            '<h2>Subjects</h2><p>Invented subject</p></body></html>')
    record, warnings = _record(generic_page.FORMAT, html)
    assert (record.year, record.volume) == (2024, "154")
    assert any("dates the issue '1 April 2024'" in warning for warning in warnings)
    assert record.abstract == f"Background: {ABSTRACT}"


def test_dublin_core_subjects_the_page_prints_as_subjects_are_not_keywords() -> None:
    html = ('<html><head><meta name="dc.title" content="An invented title">'
            '<meta name="dc.identifier" content="doi:10.5555/inv.1">'
            '<meta name="dc.subject" content="Invented subject area">'
            '</head><body><h1>An invented title</h1><h2>Subjects</h2>'
            '<p>Invented subject area</p></body></html>')
    record, _ = _record(generic_page.FORMAT, html)
    assert record.keywords == []


def test_pubmed_s_narrow_screen_short_forms_show_nothing() -> None:
    page = ('<html><body><div class="docsum-citation"><span class="docsum-authors '
            'full-authors">Kwon SY, Berg A.</span> <span class="docsum-authors short-authors">'
            'Kwon SY, et al.</span> <span class="docsum-journal-citation full-journal-citation">'
            'Invented Gastric Oncol. 2022 Sep;25(5):912-923.</span> <span class="docsum-journal-'
            'citation short-journal-citation">Invented Gastric Oncol. 2022.</span></div>'
            "</body></html>")
    assert " ".join(shown_text(page).split()) == (
        "Kwon SY, Berg A. Invented Gastric Oncol. 2022 Sep;25(5):912-923.")


def test_a_tag_s_issue_fills_only_the_tag_s_own_volume() -> None:
    from her2kb.parsers import ouci_page
    from her2kb.parsers._html_text import as_page_text

    def issue(volume_line: str) -> str | None:
        page = "\n".join([
            '<html><head><meta name="citation_volume" content="23">',
            '<meta name="citation_issue" content="2"></head><body>',
            "<p>OUCI</p><p>Journal Article</p>",
            "<h1>Invented lung harm from a made-up conjugate</h1>",
            f"<p>Journal: Invented Breast Cancer, 2023, {volume_line}p. 210-219</p>",
            "<p>Authors: Wei-Jun Zhao, Priya Natarajan</p>",
            "<h2>Abstract</h2><p>Invented harm in 612 made-up cases.</p></body></html>"])
        (entry,) = as_page_text(ouci_page.FORMAT).parse(page, "ouci.html")
        assert isinstance(entry, ParsedEntry)
        return entry.record.issue

    assert issue("") == "2"
    assert issue("Vol. 24, ") is None
