"""The line shapes of Ingenta Connect page text: furniture, labels, and the lines a copy
prints without a label (formats.md §6)."""

from __future__ import annotations

import html
import re

from ..text import clean_spaces
from ._ingenta_values import SOURCE, supplement_issue
from ._text_names import family_first

FURNITURE = [
    re.compile(p)
    for p in (
        r"^Skip to (?:main )?content$", r"^padlock icon\b", r"this page is secure$",
        r"^Download$", r"^\((?:PDF|HTML)\b[^)]*\)$",
        r"^(?:Buy|Download|Purchase) Article:?$",
        r"^(?:Buy|Purchase) Article:\s*[$£€]\s?\d",  # a saved page's buy box on one line
        r"^[$£€]\s?\d[\d,.]*(?:\s*\+\s*tax\b|$)",
        r"\(Refund Policy\)$", r"^Download \(PDF[^)]*\)$", r"^Cookie Policy$",
        r"^[«<]?\s*previous article\b", r"\bnext article\s*[»>]?$", r"^view table of contents$",
        r"^Ingenta Connect website makes use of cookies", r"^Ingenta ?Connect$",
        r"^We use cookies to track usage and preferences",  # the cookie banner
        r"^Browse by (?:Subject|Publisher|Publication)$", r"^Home\s*/\s",  # menu, breadcrumb
        r"^(?:Abstract|Free First Page|Add to Favourites|Share Content|Access Key|Key:|"
        r"Export Citation|Open Access|Free Content|Sign In|Register|Help|Cart|Home|Browse|"
        r"Search|Advanced Search|Publishers|Library Services)$",
        # Tab headings of the full page; like the `No …` lines they close the abstract.
        r"^(?:References|Citations|Supplementary Data|Article Media|Metrics|Suggestions)$",
        # The buy box's buttons (a Markdown clipper keeps their brackets), the share row and
        # the abstract tab's own heading.
        r"^(?:\[?ADD TO CART\]?\s*\[?BUY NOW\]?|\[?(?:ADD TO CART|BUY NOW)\]?|Abstract:|Share:?)$",
        r"^(?i:Add to (?:Basket|Cart)|Buy Now|Shopping Cart(?: \(\d+\))?)$",
        r"^\|$",  # `|` between article links
        # The tools row under the DOI, one line in a saved page.
        r"^(?:(?:Download Citation|Export Citation|Add to Favourites|Email this article|Share|"
        r"Recommend to Library|Print)\s*){2,}$",
        # … and one control a line (the tools box beside the buy box).
        r"^(?i:Linking options|Email this (?:page|article)|Share content|Recommend this title "
        r"to your library|Recommend to (?:Library|a friend)|Download Citation|Print)$",
        r"^(?:(?:Free|Subscribed|Open Access) Content\s*){2,}$",  # the access-key legend, one line
        r"^(?i:(?:Free|New|Subscribed|Free Trial|Partial Free|Open Access) content)$",  # …a line
        r"^(?:Email|Facebook|X|Twitter|LinkedIn|Mendeley|Reddit|WeChat)$",  # the share menu
        # … and the row it sits on, copied as one line.
        r"^(?:Add to Favourites )?Share:(?: (?:Email|Facebook|X|Twitter|LinkedIn|Mendeley|"
        r"Reddit|WeChat))+$",
        # The site's menus copied as one line (`Sign In | Register | Mobile`, `Home<TAB>Browse`).
        r"^(?:Sign In|Register|Mobile|Help|Contact Us)(?: \| (?:Register|Mobile|Help|Contact Us|"
        r"Sign In))+$", r"^Home Browse by Publication\b",
        # The tab headings copied as one row (`Abstract<TAB>References<TAB>Citations`, or
        # with bars between in a clipper's Markdown).
        r"^(?:Abstract|References|Citations|Supplementary Data|Article Media|Metrics)"
        r"(?:(?: \|)? (?:References|Citations|Supplementary Data|Article Media|Metrics|"
        r"Suggestions))+$",
    )
]
# `No References`, `No Citations` ...: furniture that also closes the abstract (§6).
NOTHING_HERE = re.compile(
    r"^No (?:References|Citations|Supplementary Data|Article Media|Metrics|Abstract\.?)$"
)
# Without labels: the numbering line under the buy box, and the DOI link below it.
NUMBERING = re.compile(r"^Volume \S+, (?:Number [^,]+, )?(?:Supplement|[^,]*\d{4}|pp?\.)")
# The journal and `Volume 27, Number 5` breadcrumb above the title: never the title.
# A supplement's (`Volume 22, Number 4, Supplement`) is the `Source:` line's issue.
BREADCRUMB = re.compile(r"^Volume (?P<volume>\S+)(?:, Number (?P<issue>[^,]+))?"
                        r"(?P<supplement>, Supplement(?: (?P<s>[^,]+))?)?$")
CRUMB_SEPARATOR = re.compile(r"\s+[/>›]\s+")
MIN_CRUMBS = 3  # home, journal, issue
# A `Source:` line wrapped before its pages (`…, 2019, pp.` / `583-592(10)`).
WRAPPED = re.compile(r"^Source: .*(?:,|\bpp?\.|\bVolume)$")
DOI_LINK = re.compile(r"^https?://(?:dx\.)?doi\.org/\S*$")
# A blurb copied without its bullet is the first long line under `More about …`.
BLURB_WORDS = 8
PUBLISHER_WORDS, ABSTRACT_WORDS = 6, 25
RECORD_LABELS = frozenset({"Authors", "Author", "Source", "Keywords", "Document Type"})
LABEL = re.compile(
    r"^(?P<label>Authors?|Source|Keywords|Document Type|Publication date|Publisher|DOI|"
    r"Affiliations?|Language):\s*(?P<value>.*)$"
)


def is_furniture(line: str) -> bool:
    """A furniture line, also as a converter's list item (`- References` in a tab row)."""
    bare = line[2:] if line.startswith(("- ", "• ")) else line
    return any(pattern.search(bare) for pattern in FURNITURE)


def breadcrumb_issue(crumb: re.Match[str]) -> str | None:
    """The breadcrumb's issue; a supplement's as MEDLINE writes it (`4 Suppl 2`)."""
    return supplement_issue(crumb["issue"], crumb["s"]) if crumb["supplement"] else crumb["issue"]


def inline_crumb(line: str) -> dict[str, str | None] | None:
    """Journal, volume and issue from a breadcrumb copied as one line:
    `Home / Meridian Medical Press / Targeted Oncology Reports / Volume 11, Number 3 / Article`."""
    parts = [part.strip() for part in CRUMB_SEPARATOR.split(line)]
    if len(parts) < MIN_CRUMBS or parts[0].casefold() != "home":
        return None
    for at, part in enumerate(parts[2:], 2):
        if crumb := BREADCRUMB.match(part):
            return {"container_title": parts[at - 1], "volume": crumb["volume"],
                    "issue": breadcrumb_issue(crumb)}
    return None


def with_labels(lines: list[str]) -> list[str]:
    """The unlabelled lines under the buy box labelled as the lines they stand for: the
    numbering line (`Volume 14, Number 3, July 2018, pp. 142-151(10)`) and DOI link; and,
    until the record's own labels or abstract appear (a `Recommended` list below prints
    names and sources too), the names (`Ní Bhriain, Síle; Kovač, Matej`), a numbering line
    with the journal before it, and the publisher's name under it."""
    labelled: list[str] = []
    record = False  # the record's labelled lines or its abstract were seen
    for raw in lines:
        line = clean_spaces(raw)
        above = next((text for text in reversed(labelled) if text.strip()), "")
        source = SOURCE.match(line)
        if label := LABEL.match(line):
            record = record or label["label"] in RECORD_LABELS
        elif DOI_LINK.match(line):
            raw = f"DOI: {line}"
        elif NUMBERING.match(line) and not BREADCRUMB.match(line):
            raw = f"Source: {line}"  # (a supplement's breadcrumb `…, Supplement` stays one)
        elif record or len(line.split()) >= ABSTRACT_WORDS:
            record = True
        elif ";" in line and family_first(line.split(";")):
            raw = f"Authors: {line}"
        elif source and source["j"] and source["pp"]:
            raw = f"Source: {line}"
        elif above.startswith("Source: ") and line and len(line.split()) <= PUBLISHER_WORDS \
                and not line.endswith(".") and not is_furniture(line):
            raw = f"Publisher: {line}"
        labelled.append(raw)
    return labelled


def unwrapped(lines: list[str]) -> list[str]:
    """Lines with a wrapped `Source:` line joined again; entities a copy kept decoded."""
    joined: list[str] = []
    for raw in lines:
        line = html.unescape(raw) if "&" in raw else raw
        if joined and WRAPPED.match(joined[-1].strip()) and line.strip():
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        else:
            joined.append(line)
    return joined
