"""Furniture of PubMed, PMC and Europe PMC pages (§4.5): site, never record.

Banners, dialogs, footers and status markers match the `FURNITURE` patterns; a button row
is a short line made only of control words (`Save Email`).
"""

from __future__ import annotations

import re

from ._page import matches_any

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
    # A text dump's header row, its search box drawn as underscores (lynx, w3m).
    r"^(?:nih )?national library of medicine ncbi logo\b", r"\bsearch: _{4,}",
    # w3m's search box (`[PMC   ] [Search] Advanced`) and its breadcrumb.
    r"^(?:\[[^\[\]]{1,30}\]\s*)+advanced$", r"^(?:pmc )?journal list >",
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
    r"^(?:europe pmc(?: plus| logo)?|tools|developers|helpdesk|feedback|twitter|blog|tech blog|"
    r"menu|"
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
    "info", "twitter", "facebook",
})
_MAX_BUTTON_WORDS = 8  # button rows this long or shorter; longer lines of such words are prose
def is_furniture(line: str) -> bool:
    """Page furniture: banners, buttons, navigation, dialogs and cookie lines (§4.5)."""
    if matches_any(line, FURNITURE):  # separate patterns: most are anchored and fail fast
        return True
    words = [word for word in line.lower().split() if word != "|"]  # `Advanced | Help`
    return 0 < len(words) <= _MAX_BUTTON_WORDS and all(w in BUTTON_WORDS for w in words)
