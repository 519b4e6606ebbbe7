"""Near misses for the page readers: text that holds a page marker or two but is no page.

The page detectors (formats.md §0 step 8; §4 PubMed, §5 Scilit, §6 Ingenta) claim a text
only on several independent markers of the site's layout. Every input below is invented;
each used to be claimed by a page reader with one weak marker. None may be claimed now,
and unless a tagged reader owns it (a CSL-JSON object, §9) detection must fail loudly.
"""

from __future__ import annotations

import json
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from her2kb import parsers
from her2kb.errors import FormatError
from her2kb.parsers import ingenta_page, pubmed_page, scilit_page
from her2kb.parsers._page import looks_like_structured_document

PAGE_READERS = (pubmed_page, scilit_page, ingenta_page)

# §3 (last row): a PubMed "Summary (text)" export, one numbered block per citation.
SUMMARY_ONE_LINE = (
    "1. Invented title one. Doe J, Roe R. J Examp. 2010 May;12(3):45-52. doi: 10.5555/x.1. "
    "PMID: 10000001.\n\n"
    "2. Invented title two. Poe E. Invented Oncol Rev. 2011 Jan;3(1):1-9. "
    "doi: 10.5555/x.2. PMID: 10000002.\n"
)
SUMMARY_BLOCKS = (
    "1. Invented strategies to target an imaginary receptor.\n"
    "Doe JA, Roe R, Poe E.\n"
    "J Examp. 2003 Jun;6(3):129-36. doi: 10.5555/je.2003.129.\n"
    "PMID: 10000001 Review.\n\n"
    "2. Invented significance of a made-up marker in tumours.\n"
    "Quill A, Tennant B.\n"
    "Invented Oncol Rev. 2001;8(1):45-51. doi: 10.5555/ior.2001.45.\n"
    "PMID: 10000002 Review.\n"
)
SUMMARY_LEGACY = (
    "1: Doe JA, Roe R. Invented strategies to target an imaginary receptor. J Examp.\n"
    "2003 Jun;6(3):129-36. Review.\n"
    "PMID: 10000001 [PubMed - indexed for MEDLINE]\n\n"
    "2: Quill A. Invented marker. Invented Oncol Rev. 2001;8(1):45-51.\n"
    "PMID: 10000002 [PubMed - indexed for MEDLINE]\n"
)
# `her2kb show N --json` shape: a CSL-JSON object whose custom data holds citation lines.
CSL_OBJECT = json.dumps({
    "id": "doe2003invented", "type": "article-journal", "title": "An invented title",
    "container-title": "J Examp",
    "custom": {"erratum_in": ["J Examp. 2003 Oct;6(5):296"], "publication_types": ["Review"]},
}, indent=2)
JSON_NOT_CSL = json.dumps({
    "notes": "Publication types\nMeSH terms",
    "erratum_in": ["J Examp. 2003 Oct;6(5):296", "J Examp. 2004 Jan;7(1):1-9."],
}, indent=2)
JSON_ARRAY_OF_CITATIONS = json.dumps([
    "Invented title",
    "J Examp. 2010 May;12(3):45-52. doi: 10.5555/x.1.",
    "PMID: 10000001",
], indent=2)
HTML_WITH_PUBMED_LINES = (
    "<!DOCTYPE html>\n<html>\n<body>\n"
    "Invented title of a saved page\n\n"
    "J Examp. 2010 May;12(3):45-52. doi: 10.5555/x.1.\n\n"
    "PubMed Disclaimer\n\nPublication types\n\nMeSH terms\n"
    "</body>\n</html>\n"
)
XML_WITH_SCILIT_LINES = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<note>\n'
    "- 3 March 2015\n- Published by Invented Press in Journal of Examples\n"
    "- Vol. 150 (2) , 211-219\n"
    "This publication has 12 references indexed in Scilit:\n</note>\n"
)

# A saved PubMed search-results page: the controls above the list, then numbered entries.
RESULTS_PAGE = (
    "Search: invented receptor\nSave Email Send to\nSorted by: Best match Display options\n"
    "1,234 results\nPage 1 of 124\n1\nCite\nShare\n"
    "Invented strategies to target an imaginary receptor.\nDoe JA, Roe R, Poe E.\n"
    "J Examp. 2003 Jun;6(3):129-36. doi: 10.5555/je.2003.129.\nPMID: 10000001 Review.\n"
    "An invented snippet of the abstract ...\n2\nCite\nShare\n"
    "Invented significance of a made-up marker in tumours.\nQuill A, Tennant B, et al.\n"
    "Invented Oncol Rev. 2001;8(1):45-51.\nPMID: 10000002 Free PMC article.\n"
)
PUBMED_LISTS = [
    pytest.param(SUMMARY_ONE_LINE, id="pubmed-summary-one-line"),
    pytest.param(SUMMARY_BLOCKS, id="pubmed-summary-blocks"),
    pytest.param(SUMMARY_BLOCKS.replace("Review.\n", "[Indexed for MEDLINE]\n"),
                 id="pubmed-summary-blocks-indexed-for-medline"),
    pytest.param(SUMMARY_LEGACY, id="pubmed-summary-legacy-colon"),
    pytest.param(RESULTS_PAGE, id="pubmed-results-page"),
]

NEAR_MISSES = [
    pytest.param("Reading notes, week 3\n\nJ Clin Oncol. 2005;23(19):4265-74.\n"
                 "Compare the toxicity table with last week's paper.\n", id="notes-citation"),
    pytest.param("Reading notes, week 4\n\nJ Examp. 2010 May;12(3):45-52. doi: 10.5555/x.1.\n"
                 "Ask about the dosing schedule.\n", id="notes-citation-with-doi"),
    pytest.param("Reading notes\nMeSH terms\nLook these up tomorrow.\n", id="notes-one-heading"),
    pytest.param(JSON_NOT_CSL, id="json-object-not-csl"),
    pytest.param(JSON_ARRAY_OF_CITATIONS, id="json-array-of-citations"),
    pytest.param(HTML_WITH_PUBMED_LINES, id="html-with-pubmed-lines"),
    pytest.param(XML_WITH_SCILIT_LINES, id="xml-with-scilit-lines"),
    pytest.param("Shopping list\nmilk\nSearchKeywords: none\n", id="shopping-list-glued-keywords"),
    pytest.param("Title\n\nAbstract\nThe committee meets on Thursday to agree the budget for "
                 "the next two quarters and the travel plans.\n", id="memo-title-abstract"),
    pytest.param("Trip notes\n- Published by Penguin in London\n- 1998\n", id="one-scilit-bullet"),
    pytest.param("Where to buy it\n\nI found the paper on Ingenta Connect last week.\n"
                 "Publication date: unknown\n", id="ingenta-named-in-prose"),
    pytest.param("Library request\n\nSource: Journal of Examples, Volume 4, Number 1, January "
                 "2011, pp. 12-20(9)\n", id="ingenta-source-line-alone"),
    pytest.param("Budget\n\nBuy Article:\nask the library first\n", id="ingenta-buy-article-alone"),
]


def test_title_and_abstract_alone_is_read_as_the_minimal_scilit_layout() -> None:
    """Half the real Scilit pages are just a title, `Abstract` and the abstract (§5): with
    nothing else claiming such a text it is read, with the lowest score, and the record
    says what it lacks; a memo of the same shape becomes a record that says so too."""
    text = ("Quarterly planning memo\n\nAbstract\nWe propose three changes to the rota. "
            "Each is described below.\n")
    assert scilit_page.detect(text) == 1
    assert parsers.detect(text, "memo.txt").name == "scilit-page"
    (entry,) = scilit_page.parse(text, "memo.txt")
    assert isinstance(entry, parsers.ParsedEntry)
    assert entry.record.title == "Quarterly planning memo"
    assert "not on the page: container_title, issued" in entry.warnings


@pytest.mark.parametrize("text", PUBMED_LISTS)
def test_a_pubmed_list_of_records_is_refused_with_what_to_save_instead(text: str) -> None:
    """§3, last row: a Summary export or results page shows shortened entries, so it is not
    read as one article; the PubMed reader claims it to say so, in one problem line."""
    assert parsers.detect(text, "list.txt").name == "pubmed-page"
    (problem,) = pubmed_page.parse(text, "list.txt")
    assert isinstance(problem, parsers.ParseProblem)
    assert str(problem).startswith("list.txt:1: a list of 2 PubMed search results")
    assert "Save with the format 'PubMed'" in problem.reason


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_no_page_reader_claims_a_near_miss(text: str) -> None:
    head = text[: parsers.HEAD_CHARS]
    assert {reader.FORMAT.name: reader.detect(head) for reader in PAGE_READERS} == {
        reader.FORMAT.name: 0 for reader in PAGE_READERS
    }


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_is_not_a_recognised_format(text: str) -> None:
    with pytest.raises(FormatError, match="not a recognised format"):
        parsers.detect(text, "near-miss.txt")


def test_csl_json_object_goes_to_the_csl_json_reader() -> None:
    assert all(reader.detect(CSL_OBJECT) == 0 for reader in PAGE_READERS)
    assert parsers.detect(CSL_OBJECT, "show.json").name == "csl-json"


@pytest.mark.parametrize(("text", "structured"), [
    pytest.param('{"id": "x"}', True, id="object"),
    pytest.param("  \n{}", True, id="empty-object"),
    pytest.param('[\n  {\n    "id": "x"', True, id="array-of-objects-cut"),
    pytest.param('["a", "b"]', True, id="array-of-strings"),
    pytest.param("[]", True, id="empty-array"),
    pytest.param("\ufeff<?xml version='1.0'?><a/>", True, id="xml-with-bom"),
    pytest.param("<html><body>x</body></html>", True, id="html"),
    pytest.param("[Invented English rendering of a Spanish title]\n", False, id="bracketed-title"),
    pytest.param("{Invented} braces in prose", False, id="braces-in-prose"),
    pytest.param("<5% of patients responded", False, id="less-than-in-prose"),
])
def test_structured_documents_are_recognised(text: str, structured: bool) -> None:
    assert looks_like_structured_document(text) is structured


PROSE = string.ascii_letters + " " + string.punctuation


@given(st.lists(st.text(alphabet=PROSE, min_size=1, max_size=300), min_size=1, max_size=8),
       st.sampled_from(["\n", "\n\n"]))
def test_prose_paragraphs_never_detect_as_a_page(paragraphs: list[str], joiner: str) -> None:
    text = joiner.join(paragraphs)
    assert [reader.detect(text) for reader in PAGE_READERS] == [0, 0, 0]
