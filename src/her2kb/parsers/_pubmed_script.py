"""One PubMed record as a researcher's own fetch script prints it: labelled lines.

    PMID: 11340618
    TITLE: Trastuzumab in combination with taxanes: …
    SOURCE: Eur J Cancer. 2001 Jan;37 Suppl 1:S3-8. doi: ….
    AUTHORS: Hartwig Brandauer; Celia Montoya-Ruiz
    AFFIL: Department of …

then `ABSTRACT`, `PUBLICATION TYPES`, `MESH TERMS` headings over the page's own lists.
Without their labels the lines are the abstract view's title, citation and byline, so
the labels go (the affiliation gets the page's heading) and the page reader does the rest.
"""

from __future__ import annotations

import re

SCRIPT_LABEL = re.compile(r"^(?P<label>TITLE|SOURCE|CITATION|AUTHORS|AFFIL|AFFILIATIONS?|URL):"
                          r"\s+(?P<value>\S.*)$")
MIN_LABELS = 2  # one `TITLE:` line alone may be a page's own text
COMMENT = re.compile(r"^#(?:\s|$)")  # `# fetch_pubmed.py run …` at the top
RULE = re.compile(r"^\s*(?:={10,}|-{10,})\s*$")


def without_script_labels(lines: list[str]) -> list[str]:
    """The labelled lines as the page prints them, without the script's `#` comments above
    them and its `=====` rules; other texts are returned as they are."""
    top = next((i for i, line in enumerate(lines) if not COMMENT.match(line)), len(lines))
    if top and not any(line.strip() for line in lines[top:]):
        return []  # the text stops inside the script's header: there is no record yet
    lines = [line for line in lines[top:] if not RULE.match(line)] if top else lines
    if sum(1 for line in lines if SCRIPT_LABEL.match(line)) < MIN_LABELS:
        return lines
    plain: list[str] = []
    for line in lines:
        match = SCRIPT_LABEL.match(line)
        if match is None:
            plain.append(line)
        elif match["label"] == "URL":
            continue  # the page's address: the PMID it holds is printed on its own line
        elif match["label"].startswith("AFFIL"):
            plain += ["Affiliations", match["value"]]
        else:
            plain.append(match["value"])
    return plain
