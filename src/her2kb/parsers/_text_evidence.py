"""Whether a page's visible text is a scholarly record page, for the generic reader."""

from __future__ import annotations

import re

from ._text_abstract import ABSTRACT_HEADING, metadata_end
from ._text_citation import citation_line
from ._text_cited import cited_work
from ._text_fields import DOI_ONLY, head_lines, work_dois
from ._text_glued import rejoined_lines
from ._text_lines import label_of, with_colon
from ._text_numbering import journal_citation
from ._text_record_blocks import about_this_article, own_citations, published_in

STRUCTURE_LABELS = frozenset({"abstract", "keywords", "authors"})
RECORD_LABELS = frozenset({"authors", "date", "volume", "issue", "pages", "abstract"})
RECORD_LABELS_MIN = 3
LONG_PARAGRAPH_WORDS = 40
# A numbered entry of a list of works carries its year or DOI; `1. Introduction` in a
# page's outline does not.
NUMBERED_ENTRY = re.compile(r"^\d{1,4}[.:)]\s+\S.*(?:\b(?:1[89]|20)\d\d\b|\b10\.\d{4,9}/)")


def text_evidence(lines: list[str]) -> bool:
    """A DOI (or `DOI:` label) or citation line (PubMed's or a publisher's), plus an
    abstract, a keywords or author label, a long paragraph or (for a DOI field) a numbering
    line; or a line citing the page's own title line.

    One identifier alone is a note citing a paper; numbered citation entries are a list of
    works (a PubMed summary export), which one record cannot hold.
    """
    lines = rejoined_lines(lines)  # the lines the reader reads (`AbstractPurpose: …` apart)
    head = head_lines(lines)
    if len(head) < len(lines):  # the work's own blocks below its reference list
        head += ["", *published_in(lines, len(head)), *own_citations(lines, len(head)),
                 *about_this_article(lines, len(head))]  # Springer's DOI stands only there
    end = metadata_end(head)
    labelled_doi = any(DOI_ONLY.match(line) or (label_of(with_colon(line)) or ("",))[0] == "doi"
                       for line in head)  # CORE prints its `DOI` label below the abstract
    doi = labelled_doi or bool(work_dois(head, end))
    numbered = (citation_line(head, end) is not None
                or journal_citation([line for line in head[:end] if line]) is not None)
    # A database's labelled record (the Cochrane Library's CENTRAL: `Title:`, `Author:`,
    # `Source:`, `Year:` …) needs neither.
    labels = {pair[0] for line in head if (pair := label_of(with_colon(line)))}
    if "title" in labels and len(labels & RECORD_LABELS) >= RECORD_LABELS_MIN:
        return True
    # A script's own header over an extracted text (`Title:`, `Authors:`, `Published:`).
    if "title" in labels and len(labels & RECORD_LABELS) >= RECORD_LABELS_MIN - 1 \
            and any(len(line.split()) >= LONG_PARAGRAPH_WORDS for line in head):
        return True
    # A line citing the page's own title line (Google Scholar's Cite box) is the record.
    cites_itself = not (doi or numbered) and cited_work([line for line in head if line]) is not None
    if not (doi or numbered or cites_itself) \
            or sum(1 for line in head if NUMBERED_ENTRY.match(line)) >= 2:
        return False
    # `end` is where an abstract starts (a heading, a label, `Background: …`, a paragraph).
    # A record without an abstract (CiNii) shows its DOI as a field and a numbering line;
    # a note citing a paper has both in one sentence.
    return cites_itself or (labelled_doi and numbered) or end < len(head) or any(
        ABSTRACT_HEADING.match(line) or len(line.split()) >= LONG_PARAGRAPH_WORDS
        or ((pair := label_of(line)) is not None and pair[0] in STRUCTURE_LABELS)
        for line in head)

