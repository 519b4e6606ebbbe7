"""PubMed XML (efetch `PubmedArticleSet`), formats.md §10.

Each `PubmedArticle` (journal article) or `PubmedBookArticle` (a book, or a chapter
when it has its own `ArticleTitle`) is one record. Structured abstracts keep their
labels as `LABEL: text` paragraphs, authors keep ORCID and per-author affiliations,
`CollectiveName` is a corporate author, `MedlineDate` (`2010 Nov-Dec`) and `Season`
use the MEDLINE date grammar (§12.7), `ReferenceList` gives the cited references and
`CommentsCorrectionsList` the relations. NLM DTD: https://dtd.nlm.nih.gov/ncbi/pubmed/.
Streaming, line numbers and XML safety: see `_xml.py`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from ..identifiers import normalize_doi, normalize_pmcid, normalize_pmid
from . import InputFormat, ParsedEntry, ParseProblem, build_entry, text_parser
from ._citation import parse_citation
from ._pubmed_xml_values import (
    abstract_paragraphs,
    mesh_rows,
    people,
    reference_rows,
    xml_date,
    year_of,
)
from ._xml import Build, read_records, text


@dataclass(frozen=True)
class Layout:
    """Where one record kind keeps its parts; paths are relative to the record element."""

    type: str
    fields: dict[str, str | None]  # one text value each; the first non-empty one wins
    lists: dict[str, str]
    author_lists: tuple[str, ...]  # in order of preference for the authors
    abstract: str
    pub_date: str
    epub_date: str
    elocation: str
    article_ids: str
    mesh: str
    references: str
    comments: str


_ART = "MedlineCitation/Article"
ARTICLE = Layout(
    type="article-journal",
    fields={
        "MedlineCitation/PMID": "pmid", f"{_ART}/ArticleTitle": "title",
        f"{_ART}/Journal/Title": "container_title",
        "MedlineCitation/MedlineJournalInfo/MedlineTA": "container_title_short",  # §12.9
        f"{_ART}/Journal/ISOAbbreviation": "container_title_short",  # only when there is no TA
        f"{_ART}/Journal/JournalIssue/Volume": "volume",
        f"{_ART}/Journal/JournalIssue/Issue": "issue", f"{_ART}/Pagination/MedlinePgn": "page",
        f"{_ART}/Language": "language",
        f"{_ART}/VernacularTitle": None, f"{_ART}/Abstract/CopyrightInformation": None,
        "MedlineCitation/OtherAbstract": None, f"{_ART}/GrantList": None,
        f"{_ART}/DataBankList": None, "MedlineCitation/InvestigatorList": None,
        "MedlineCitation/DateCompleted": None, "MedlineCitation/DateRevised": None,
        "MedlineCitation/MedlineJournalInfo/Country": None,
        "MedlineCitation/MedlineJournalInfo/NlmUniqueID": None,
        "MedlineCitation/CitationSubset": None, "MedlineCitation/CoiStatement": None,
        "MedlineCitation/SupplMeshList": None, "MedlineCitation/OtherID": None,
        "MedlineCitation/GeneralNote": None, "MedlineCitation/NumberOfReferences": None,
        "PubmedData/History": None, "PubmedData/PublicationStatus": None,
    },
    lists={
        f"{_ART}/PublicationTypeList/PublicationType": "publication_types",
        "MedlineCitation/KeywordList/Keyword": "keywords",
        "MedlineCitation/ChemicalList/Chemical/NameOfSubstance": "substances",
        f"{_ART}/Journal/ISSN": "issn", "MedlineCitation/MedlineJournalInfo/ISSNLinking": "issn",
    },
    author_lists=(f"{_ART}/AuthorList",),
    abstract=f"{_ART}/Abstract", pub_date=f"{_ART}/Journal/JournalIssue/PubDate",
    epub_date=f"{_ART}/ArticleDate", elocation=f"{_ART}/ELocationID",
    article_ids="PubmedData/ArticleIdList/ArticleId",
    mesh="MedlineCitation/MeshHeadingList/MeshHeading", references="PubmedData/ReferenceList",
    comments="MedlineCitation/CommentsCorrectionsList/CommentsCorrections",
)
_DOC = "BookDocument"
BOOK = Layout(
    type="chapter",  # a whole book when the document has no ArticleTitle of its own
    fields={
        f"{_DOC}/PMID": "pmid", f"{_DOC}/ArticleTitle": "title",
        f"{_DOC}/Book/BookTitle": "container_title",
        f"{_DOC}/Book/Publisher/PublisherName": "publisher",
        f"{_DOC}/Book/Publisher/PublisherLocation": "publisher_place",
        f"{_DOC}/Book/Volume": "volume", f"{_DOC}/Book/Edition": "edition",
        f"{_DOC}/Book/CollectionTitle": "collection_title",
        f"{_DOC}/Book/ReportNumber": "number", f"{_DOC}/Language": "language",
        f"{_DOC}/Book/Medium": None, f"{_DOC}/Book/BeginningDate": None,
        f"{_DOC}/Book/EndingDate": None, f"{_DOC}/LocationLabel": None,
        f"{_DOC}/Sections": None, f"{_DOC}/ContributionDate": None,
        f"{_DOC}/DateRevised": None, f"{_DOC}/GrantList": None,
        "PubmedBookData/History": None, "PubmedBookData/PublicationStatus": None,
    },
    lists={
        f"{_DOC}/PublicationType": "publication_types",
        f"{_DOC}/KeywordList/Keyword": "keywords", f"{_DOC}/Book/Isbn": "isbn",
    },
    # The chapter's own authors first; a whole book's authors sit on Book.
    author_lists=(f"{_DOC}/AuthorList", f"{_DOC}/Book/AuthorList"),
    abstract=f"{_DOC}/Abstract", pub_date=f"{_DOC}/Book/PubDate",
    epub_date=f"{_DOC}/ArticleDate", elocation=f"{_DOC}//ELocationID",
    article_ids="*/ArticleIdList/ArticleId",
    mesh=f"{_DOC}/MeshHeadingList/MeshHeading", references=f"{_DOC}/ReferenceList",
    comments=f"{_DOC}/CommentsCorrectionsList/CommentsCorrections",
)
LAYOUTS = {"PubmedArticle": ARTICLE, "PubmedBookArticle": BOOK}
RECORD_TAGS = frozenset(LAYOUTS)
# ArticleId / ELocationID types -> Record field; the first value found wins.
ID_FIELDS: dict[str, str | None] = {
    "pubmed": "pmid", "doi": "doi", "pmc": "pmcid", "pii": "pii",
    "mid": None, "pmcpid": None, "pmpid": None, "bookaccession": None, "medline": None,
}
# CommentsCorrections/@RefType -> relation kind (the page reader's vocabulary, §4.4).
RELATION_KINDS: dict[str, str | None] = {
    "ErratumIn": "erratum_in", "ErratumFor": "erratum_for", "CommentIn": "comment_in",
    "CommentOn": "comment_on", "RetractionIn": "retraction_in", "RetractionOf": "retraction_of",
    "PartialRetractionIn": "partial_retraction_in", "PartialRetractionOf": "partial_retraction_of",
    "UpdateIn": "updated_in", "UpdateOf": "update_of",
    "ExpressionOfConcernIn": "expression_of_concern_in",
    "ExpressionOfConcernFor": "expression_of_concern_for",
    "RepublishedIn": "republished_in", "RepublishedFrom": "republished_from",
    "CorrectedandRepublishedIn": "corrected_and_republished_in",
    "CorrectedandRepublishedFrom": "corrected_and_republished_from",
    "ReprintIn": "reprint_in", "ReprintOf": "reprint_of",
    "SummaryForPatientsIn": "summary_for_patients_in", "OriginalReportIn": "original_report_in",
    "Cites": None,  # a cited work, read into `references` instead
}
_ARTICLE_NUMBER = re.compile(r"^[A-Za-z]?\d{1,8}$")


def detect(head: str) -> int:
    return 100 if "<PubmedArticleSet" in head or "<PubmedArticle>" in head else 0


def _ids(nodes: list[ET.Element], attribute: str, fields: dict[str, Any],
         warnings: list[str]) -> None:
    cleaners = {"doi": normalize_doi, "pmid": normalize_pmid, "pmcid": normalize_pmcid}
    for node in nodes:
        target, value = ID_FIELDS.get((node.get(attribute) or "").lower()), text(node)
        if not target or not value or fields.get(target) or node.get("ValidYN") == "N":
            continue
        clean = cleaners.get(target, str.strip)(value)
        if clean:
            fields[target] = clean
        else:
            warnings.append(f"{target} {value!r} is not valid; kept in the source only")


def _comments(nodes: list[ET.Element], fields: dict[str, Any], warnings: list[str]) -> None:
    """CommentsCorrections: relations by RefType; `Cites` items join the cited references."""
    for node in nodes:
        ref_type, source = node.get("RefType", ""), text(node.find("RefSource"))
        pmid = text(node.find("PMID"))
        citation = " ".join(p for p in (source, f"PMID: {pmid}" if pmid else None) if p)
        if not citation:
            continue
        if ref_type == "Cites":
            parsed = parse_citation(source or "")
            year = year_of(parsed.date) if parsed else None
            fields["references"].append({"container_title": parsed.journal, "year": year}
                                        if parsed else {"title": citation})
        elif RELATION_KINDS.get(ref_type):
            fields["relations"].append({"kind": RELATION_KINDS[ref_type], "citation": citation})
        else:
            warnings.append(f"comment/correction type {ref_type!r} not stored: {citation!r}")


def _fields(element: ET.Element, layout: Layout, warnings: list[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {"type": layout.type, "original_type": element.tag}
    for path, target in layout.fields.items():
        if target and not fields.get(target):
            fields[target] = text(element.find(path))
    for path, target in layout.lists.items():
        found = fields.setdefault(target, []) + [v for v in map(text, element.findall(path)) if v]
        fields[target] = list(dict.fromkeys(found))  # the linking ISSN repeats the print one
    groups = [element.findall(path) for path in layout.author_lists]
    fields["author"] = next((names for names in (people(g, "authors") for g in groups) if names),
                            [])
    fields["editor"] = [name for group in groups for name in people(group, "editors")]
    fields["abstract"] = abstract_paragraphs(element.find(layout.abstract))
    fields["issued"] = xml_date(element.find(layout.pub_date), warnings)
    epub = [d for d in element.findall(layout.epub_date) if d.get("DateType") == "Electronic"]
    fields["available_date"] = xml_date(epub[0], warnings) if epub else None
    fields["pmid"] = normalize_pmid(fields.get("pmid"))
    _ids(element.findall(layout.elocation), "EIdType", fields, warnings)
    _ids(element.findall(layout.article_ids), "IdType", fields, warnings)
    fields["mesh"] = mesh_rows(element.findall(layout.mesh))
    fields["references"] = reference_rows(element.findall(layout.references))
    fields["relations"] = []
    _comments(element.findall(layout.comments), fields, warnings)
    return fields


def _finish(fields: dict[str, Any], element: ET.Element) -> None:
    """Book/chapter split, page fallbacks and the e-locator article number."""
    if fields["type"] == "chapter" and not fields.get("title"):
        fields["type"], fields["title"] = "book", fields.pop("container_title", None)
    if not fields.get("page"):
        first = text(element.find(".//Pagination/StartPage"))
        last = text(element.find(".//Pagination/EndPage"))
        fields["page"] = f"{first}-{last}" if first and last else first
    pii = fields.get("pii") or ""
    if not fields.get("page") and _ARTICLE_NUMBER.match(pii):
        fields["number"] = pii  # §12.5: a short e-locator with no pages is the article number


def _builder(origin: str) -> Build:
    def build(element: ET.Element, line: int, ordinal: int, raw: str) -> ParsedEntry | ParseProblem:
        warnings: list[str] = []
        fields = _fields(element, LAYOUTS[element.tag], warnings)
        _finish(fields, element)
        return build_entry(fields, origin, line, raw, warnings)

    return build


def read(stream: TextIO, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    """Records one at a time; the line is that of the record's start tag (see `_xml.py`)."""
    return read_records(stream, origin, RECORD_TAGS, _builder(origin), "PubmedArticle")


FORMAT = InputFormat(
    name="pubmed-xml",
    description="PubMed XML (efetch PubmedArticleSet), with references and relations",
    suffixes=(".xml",),
    detect=detect,
    parse=text_parser(read),
    aliases=("pubmedxml", "efetch"),
    stream=read,
)
