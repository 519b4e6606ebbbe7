"""Structure of PubMed and PMC pages: section headings, menus and furniture (§4.4, §4.5).

`heading_kind` names the section a heading line opens: a list, the abstract, the
affiliations, a related-item relation, or a section to skip because it is about other
works. Furniture is site, never record: banners, dialogs, footers and status markers
(`FURNITURE` patterns), and button rows made only of control words (`Save Email`).
The new PubMed page prints the section names as a menu and its `Format` drop-down repeats
`Abstract`; `menu_end` and `links_block_end` (the `Full text links` box) step over them.
"""

from __future__ import annotations

import re

from ._citation import parse_citation
from ._page import bullet_item, is_dash_marker, matches_any, next_filled
from ._pubmed_authors import author_list
from ._pubmed_terms import RELATION_KINDS

_LEGACY_LISTS = ("(?:publication types|mesh terms|substances|grant support|secondary source id|"
                 "personal name as subject|supplementary concepts)")
FURNITURE = [re.compile(p, re.IGNORECASE) for p in (
    # U.S.-government banner and NCBI account bar.
    r"^skip to main (?:page )?content$", r"^u\.s\. flag$", r"^about author manuscripts$",
    r"^an official website of the united states government", r"^here'?s how you know$",
    r"^dot gov$", r"^official websites use \.gov", r"^the \.gov means it",
    r"^a \.gov website belongs to", r"^federal government websites often end in", r"^https$",
    r"^secure \.gov websites use", r"^the site is secure", r"^the https:// ensures",
    r"^a lock \(", r"^access keys\b", r"^(?:nih nlm logo|ncbi home page)(?: log in)?$",
    r"^show account info$",
    r"^logged in as:?", r"^account settings$", r"^primary site navigation$",
    # Tools, dialogs and buttons of the abstract page, and PMC's author manuscript banner.
    r"^submit a manuscript$",
    r"^pmc labs$", r"^you are viewing a preview of the new pmc article page",  # PMC, 2023
    r"^pubmed disclaimer$", r"^full text links$", r"^full text provider logo$",
    r"^send to:?$", r"^display options$", r"^display settings:", r"^format:\s*\w+$",
    r"^save citation to file$", r"^create (?:file|a new collection|rss)$",
    r"^add to (?:collections|my bibliography|search|clipboard|an existing collection)$",
    r"^name your collection:?", r"^name must be less than \d+ characters",
    r"^choose a collection:?", r"^unable to load your collection", r"^please try again",
    r"^page navigation$", r"^title & authors$", r"^search in (?:pubmed|pmc)",
    r"^authors$", r"^free books & documents$", r"^view on publisher site$", r"^download pdf$",
    r"^search pmc full-text archive", r"^view in nlm catalog$", r"^find articles by ",
    r"^other formats", r"^pdf \([\d.,]+\s*[kmg]b?\)$", r"^as a library, nlm", r"^learn more: pmc",
    r"^pmc (?:disclaimer|copyright notice)", r"^(?:[^.]{1,80})?\.?\s*author manuscript;",
    r"^the publisher's final edited version of this article is available at ",
    r"^see other articles in pmc that cite the published article", r"^copyright notice$",
    r"^logo of \S+$", r"^(?:expand|collapse) (?:section|all)$", r"^v\.\s?\w+(?:\(.*\))?; \d{4}",
    r"^see all (?:similar articles|\"?cited by\"? articles|\d+ \w+)",
    r"^show (?:all(?: \d+ (?:mesh terms|authors|publication types|substances))?|details|less)$",
    r"^(?:new )?try this search in pmc beta", r"^full text is available as a scanned copy",
    r"^get a printable copy", r"^these references are in pubmed", r"^hhs public access$",
    # Legacy status markers and PubMed Commons.
    r"^\[(?:pubmed - )?(?:indexed for medline|in process|as supplied by publisher)\]",
    r"^\[pubmed\]$", r"^free (?:pmc )?(?:article|full text)\.?$", r"^no abstract available\.?$",
    r"^pubmed commons", r"^how to join pubmed commons", r"^\d+ comments?$",
    r"^see comments? in pubmed commons", r"^write to the help desk", r"^recent activity$",
    rf"^{_LEGACY_LISTS}(?:, {_LEGACY_LISTS})+$",
    # Cookie notices and the site footer.
    r"cookie (?:policy|settings|preferences)|^we use cookies|^accept (?:all )?cookies",
    r"^(?:ncbi|pubmed|pmc|nlm|nih|hhs|usa\.gov|pmid)$", r"^national library of medicine$",
    r"^national center for biotechnology information$", r"^us national library of medicine",
    r"^(?:follow ncbi|connect with nlm|web policies|foia|hhs vulnerability disclosure)$",
    r"^8600 rockville pike$", r"^bethesda,? md 20894", r"^(?:sign in to ncbi|my ncbi)$",
    # The legacy NCBI header above the citation line.
    r"^national institutes of health$", r"^national center for biotechnology information, u",
    r"^summary \(text\)$", r"^item in clipboard$", r"^journal list$", r"^pmc\d+$",
    r"^journal list ?\S.*pmc\d+$",  # the old breadcrumb, glued: `Journal ListSpringer …PMC65…`
    r"^result filters$", r"^warning: the ncbi web site requires javascript",
    r"^my ncbi sign in to ncbi(?: sign out)?$", r"^about ncbi accesskeys$",
    # The page's hidden dialogs (e-mail, saved search, RSS, collections), which a "save as
    # text" keeps: their `Abstract` / `Summary` format choices must not open the abstract.
    r"^(?:abstract|pubmed|medline) \(text\)$", r"^mesh and other data$", r"^email citation$",
    r"^send email$", r"^subject: \d+ selected items?", r"^(?:to|from):$", r"^your saved search$",
    r"^name of (?:saved search|rss feed):", r"^search terms:$", r"^test search terms$",
    r"^would you like email updates", r"^saved search alert", r"^(?:yes|no)$",
    r"^email: \(change\)$", r"^frequency:$", r"^(?:daily|weekly|monthly)$", r"^which day\?$",
    r"^the first \w+day$", r"^report format:$", r"^send at most:$", r"^\d+ items?$",
    r"^send even when there", r"^optional text in email:", r"^create a file for external",
    r"^your rss feed$", r"^number of items displayed:$", r"^rss link$",
    r"^unable to load your delegates", r"^citation manager$",
    # Europe PMC's header, its banner over an abstract it cannot show in full, its footer.
    r"^search life-sciences literature", r"^i agree, dismiss this banner$",
    r"^this website requires cookies", r"^available from publisher site using doi",
    r"^a subscription may be required", r"^share this article$", r"^europe pmc is ",
    r"^share with (?:email|twitter|x|linkedin|facebook|bluesky|mastodon)$",
    r"^(?:europe pmc(?: plus)?|tools|developers|helpdesk|feedback|twitter|blog|tech blog|menu|"
    r"developer forum|contact us|available free|free to read|free full text in europe pmc)$",
    # Its box `ORCIDs linked to this article` / `Qureshi FN, 0000-0001-8832-1175`.
    r"^orcids linked to this article$", r"^[^,]{2,60}, \d{4}-\d{4}-\d{4}-\d{3}[\dx]$",
    # A reader view's header: the site's host name, the reading time.
    r"^(?:pubmed\.ncbi\.nlm\.nih\.gov|(?:www\.)?ncbi\.nlm\.nih\.gov|europepmc\.org)$",
    r"^\d{1,3}(?:[–-]\d{1,3})? minutes?$", r"^in english(?:, [a-z]+)+$",  # a languages switch
    # PMC's article history under the byline (the 2024 design).
    r"^received \d{4} [a-z]{3}\b.*\baccepted\b", r"^collection date \d{4}",
)]
# Words of buttons, tabs and menu entries. A line made only of these is a control row.
BUTTON_WORDS = frozenset({
    "actions", "add", "advanced", "cancel", "cite", "citation", "clipboard", "close",
    "collapse", "collections", "copy", "create", "dashboard", "display", "email", "expand",
    "export", "file", "format", "guide", "help", "journal", "list", "log", "login", "logout",
    "manager", "more", "my", "ncbi", "options", "out", "permalink", "print", "pubmed",
    "search", "search:", "format:", "share", "show", "less", "save", "send", "to", "user",
    "in", "account", "resources", "how", "about", "accesskeys", "alert", "term", "database",
    "skip", "navigation", "rss", "username", "publications", "bibliography", "clear", "turn",
    "off", "careers", "accessibility", "pmid", "medline", "csv", "sign", "favorites", "pubreader",
    "info",
})
_MAX_BUTTON_WORDS = 6  # button rows this long or shorter; longer lines of such words are prose
# A page-navigation menu: at least this many section names with nothing between them.
MIN_MENU_RUN = 3
NAV_ONLY_ENTRIES = frozenset({"title & authors", "figures", "comment in", "full text links",
                              "references", "conflict of interest statement", "article notes",
                              "citations & impact",  # Europe PMC's tabs
                              # PMC's `RESOURCES` box: `Similar articles` and these.
                              "cited by other articles", "links to ncbi databases"})
# Europe PMC's `Funding` tab counts in a menu of tabs; alone it is an abstract's label.
TAB_ONLY_ENTRIES = frozenset({"funding"})


def is_furniture(line: str) -> bool:
    """Page furniture: banners, buttons, navigation, dialogs and cookie lines (§4.5)."""
    if matches_any(line, FURNITURE):  # separate patterns: most are anchored and fail fast
        return True
    words = line.lower().split()
    return 0 < len(words) <= _MAX_BUTTON_WORDS and all(w in BUTTON_WORDS for w in words)


# Wiley case reports open their abstract with it, then print `Abstract`: both are kept.
KEY_MESSAGE = "key clinical message"
_LIST_HEADINGS = {
    "publication types": "publication_types", "publication type": "publication_types",
    "mesh terms": "mesh", "substances": "substances", "keywords": "keywords",
}
# The new page's collapsed list; a Bookshelf chapter's book `Editors` (never its authors).
_AFFILIATION_HEADINGS = {"affiliations", "affiliation", "author information", "source",
                         "affiliations expand", "editors"}
_ABSTRACT_HEADINGS = {"abstract", "summary", "excerpt", KEY_MESSAGE}  # Bookshelf: `Excerpt`
# Sections about other works or page services: their content never feeds the record.
_SKIP_HEADINGS = {
    "similar articles", "cited by", "references", "grants and funding", "grant support",
    "grants", "related information", "linkout - more resources", "conflict of interest statement",
    "figures", "associated data", "supplementary info", "supplementary materials",
    "full text sources", "related citations in pubmed", "related links",
    "copyright and license information", "acknowledgments", "acknowledgements", "footnotes",
    "full text", "selected references", "miscellaneous", "medical", "research materials",
    "other literature sources", "molecular biology databases", "mesh pmc links",
    "sections",  # a Bookshelf chapter's table of contents
    "collaborators",  # a trial group's members: not the authors
}
_OTHER_WORKS = {"similar articles", "cited by", "references", "selected references",
                "related citations in pubmed"}
_MAX_PROVIDERS = 3  # names in one `Full text links` box
_MAX_PROVIDER_WORDS = 5
_SKIP_PATTERN = re.compile(r"^cited by \d+|^related citations", re.IGNORECASE)
# PMC's row of collapsed boxes under the byline, copied as one line.
_PMC_TAB_ROW = re.compile(r"^author information(?:\s+(?:article notes|copyright and license "
                          r"information|(?:pmc )?disclaimer))+$")
_ABSTRACT_WORDS = 12  # an abstract heading over a paragraph this long ends a menu run
_BYLINE_NAMES = 2


def heading_kind(line: str) -> str | None:
    """The section a heading line opens (`mesh`, `abstract`, `skip` …), or None."""
    key = line.lower().rstrip(":").strip()
    if key in _LIST_HEADINGS:
        return _LIST_HEADINGS[key]
    if key in RELATION_KINDS:
        return f"relation:{key}"
    if key in _ABSTRACT_HEADINGS:
        return "abstract"
    if key in _AFFILIATION_HEADINGS or _PMC_TAB_ROW.match(key):
        return "affiliations"
    if key in _SKIP_HEADINGS or _SKIP_PATTERN.match(line):
        return "skip"
    return None


def is_about_other_works(line: str) -> bool:
    """`Similar articles`, `Cited by`, `References`: sections listing other works."""
    key = line.lower().rstrip(":").strip()
    return key in _OTHER_WORKS or _SKIP_PATTERN.match(line) is not None


def is_item_start(line: str) -> bool:
    """A list item starts here: a bullet, a dash item or a lone `-` marker (layout E)."""
    return bullet_item(line) is not None or is_dash_marker(line)


def menu_end(lines: list[str], index: int) -> int | None:
    """End of a page-navigation menu starting at `index` (§4.5 furniture), else None.

    A menu is a run of section names with nothing but blanks or furniture between
    them, not followed by a list item (a run of empty sections then a list is real).
    """
    names, end, position = 0, index, index
    while position < len(lines):
        line = lines[position]
        if line and heading_kind(line) == "abstract" and _over_prose(lines, position):
            break  # PMC: `Associated Data` / `Supplementary Materials` / `Abstract` / text
        if line and (heading_kind(line) or line.lower() in NAV_ONLY_ENTRIES | TAB_ONLY_ENTRIES):
            names, end = names + 1, position + 1
        elif line and not is_furniture(line):
            break
        position += 1
    after = next_filled(lines, end)
    # A phone's collapsed sections (`References` / `Expand`) end at a list shown open.
    shown = "Expand" in lines[index:end] and after < len(lines) and not (
        heading_kind(lines[after]) or is_furniture(lines[after]))
    if names > 1 and _LIST_HEADINGS.get(lines[end - 1].lower().rstrip(":").strip()) and shown:
        names, end, after = names - 1, end - 1, end - 1
    if names < MIN_MENU_RUN or (after < len(lines) and is_item_start(lines[after])):
        return None
    return end


def _over_prose(lines: list[str], index: int) -> bool:
    """Over a paragraph, not over a title and its byline (Europe PMC repeats its `Abstract`
    tab over the whole record)."""
    below = next_filled(lines, index + 1)
    if below >= len(lines) or len(lines[below].split()) < _ABSTRACT_WORDS:
        return False
    byline = next_filled(lines, below + 1)
    return byline >= len(lines) or len(author_list(lines[byline]) or ()) < _BYLINE_NAMES


def links_block_end(lines: list[str], index: int) -> int | None:
    """End of the `Full text links` box at `index`: provider names, then a logo line.

    The names (`Invented Publisher`, `Europe PubMed Central`) are furniture, but only
    the logo line that closes the box tells them from a title; the legacy page has no
    logo line, and its citation line closes the box.
    """
    if lines[index].lower() != "full text links":
        return None
    position = index + 1
    for _ in range(_MAX_PROVIDERS + 1):
        position = next_filled(lines, position)
        if position >= len(lines):
            return None
        if lines[position].lower() == "full text provider logo":
            return position + 1
        cited = parse_citation(lines[position]) if position > index + 1 else None
        if (cited is not None and cited.journal) or (position > index + 1
                                                     and is_furniture(lines[position])):
            return position  # the citation, or the next control (`Actions`) without a logo
        if len(lines[position].split()) > _MAX_PROVIDER_WORDS:
            return None  # a title, not a provider's name: the box has closed unseen
        position += 1
    return None
