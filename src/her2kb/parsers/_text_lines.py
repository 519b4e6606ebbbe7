"""Labelled lines in scholarly page text (formats.md §7), in three shapes:
* `Authors: …`, `Keywords: …` on journal and repository pages;
* `Label - value` lines (Zendy), whose authors are printed family name first with no
  comma (`Moretti Giulia`): the site's rule is followed, never a name parser's guess;
* Web of Science full records, in English or with Chinese labels, where one `Source:`
  (`来源出版物:`) line also holds `Volume:`, `Issue:`, `Pages:`, `DOI:` and the date, and
  authors read `Wang, L (Wang, Lei)`: the full form in brackets is the name.

Journal sites' own numbering lines under the title are `_text_numbering`'s.
"""

from __future__ import annotations

import re
from typing import Any

from ._text_hanzi import HANZI_LABELS
from ._text_wos import author_names, is_wos_name
from ._text_wos import date as wos_date

# Case-folded label -> the generic reader's common key.
LABELS = {
    "title": "title", "authors": "authors", "author": "authors", "author(s)": "authors",
    "journal": "container_title", "journal name": "container_title", "published": "date",
    "publication date": "date",
    "date published": "date", "published online": "online_date", "volume": "volume",
    "issue": "issue", "pages": "pages", "doi": "doi", "pmid": "pmid",
    "keywords": "keywords", "key words": "keywords", "abstract": "abstract",
    "summary": "abstract", "publication year": "date", "publication title": "container_title",
    "publisher": "publisher", "pubmed id": "pmid", "author keywords": "keywords",
    "author-supplied keywords": "keywords",  # EBSCOhost
    "identifier / keyword": "keywords",  # ProQuest
    "medline pmid": "pmid",  # Embase: `MEDLINE PMID<TAB>26718294 (https://…/26718294)`
    # Wiley: `First published` is the day online; `Issue Online` dates the issue.
    "first published": "online_date", "first published online": "online_date",
    "issue online": "date", "version of record online": "online_date",
    "published in issue": "date", "issue date": "issue_dated",  # Scilit, under `Published:`
    "doi identifier": "doi", "year": "date", "year published": "date",  # CORE, Lens
    "page range": "pages", "pubmed": "pmid", "pmcid": "pmcid", "pubmed central": "pmcid",
    "pubmed central id": "pmcid",  # Dimensions
    "creators": "authors",
    "publication": "container_title", "published in print": "issue_dated",  # Atypon, Dimensions
    "by": "authors",  # WoS English full record: `By: Wang, L (Wang, Lei); …`
    "article type": "article_type", "document type": "article_type",
    "publication type": "article_type", "publication types": "article_type",
    "type of article": "article_type", "article category": "article_type",
    "article number": "pages",
    "book": "container_title", "book title": "container_title",  # Scilit's chapter pages
    "posted": "date", "posted in": "container_title",  # Scilit's preprints
    "proceedings": "container_title",  # … and proceedings papers
    # Web of Science with Chinese labels.
    "标题": "title", "作者": "authors", "来源出版物": "container_title", "卷": "volume",
    "期": "issue", "页": "pages", "文献号": "pages", "出版年": "date", "摘要": "abstract",
    "作者关键词": "keywords", "出版商": "publisher",
} | HANZI_LABELS
LABEL_LINE = re.compile(r"^(?P<label>[A-Za-z() ]{2,20}|[\u4e00-\u9fff]{1,6}|PubMed ID|"
                        r"Author-Supplied Keywords|Identifier / keyword)"
                        r"\s*[:：]\s*(?P<value>.*)$")
VOLUME_AND_ISSUE = re.compile(r"^Vol(?:ume)?\.?\s*(?P<v>\w+),?\s+(?:No|Number|Issue)\.?\s*"
                              r"(?P<i>\w+(?:[-–]\w+)?)$", re.IGNORECASE)
PAGES_ALONE = re.compile(r"^pp\.?\s*(?P<p>[A-Za-z]?\d+\s*[-–]\s*[A-Za-z]?\d+)$")
# A record table copied with a tab between label and value (Lens `Journal<TAB>…`).
# One tab only: `Author<TAB>Year<TAB>Country` is a table's header row, not a label.
TAB_LINE = re.compile(r"^(?P<label>[A-Za-z() /]{2,20})\t+(?P<value>[^\t]*\S)\s*$")
# An online date gives way to any print date the page shows (Lens: `Published Online
# 2018-11-28`, then `Year Published 2019`).
ONLINE_DATE = "online_date"
# SAGE prints no colon; bioRxiv / medRxiv: `Posted March 16, 2021.`
FIRST_ONLINE = re.compile(r"^(?:First published online|Posted)\s+(?P<d>\w[\w ,]*\d{4})\.?$")
# Zendy: `Publication year - 2018`. Only listed labels count: a title may hold ` - ` too.
DASH_LINE = re.compile(r"^(?P<label>[A-Z][A-Za-z() ]{1,24}?) - (?P<value>\S.*)$")
DASH_LABELS = frozenset({"title", "authors", "author(s)", "publication year", "publication title",
                         "volume", "issue", "pages", "doi", "abstract", "publisher",
                         "keywords", "journal", "published", "publication date"})
# Zendy labels the reader does not keep; they still end the abstract line above them.
DASH_OTHER = frozenset({"language(s)", "language", "issn", "isbn", "subject(s)", "resource type"})
# WoS `Source:` lines carry more labels inline; the value of each runs to the next one.
# (Dimensions: `Publication date: May 2021  ·  Published online: December 14, 2020`.)
INLINE_LABEL = re.compile(r"\s(?=(?:Volume|Issue|Pages|Article Number|DOI|Published(?: online)?|"
                          r"Early Access|卷|期|页|文献号|出版年|提前访问)\s*[:：]\s)")
# Where a site took its metadata from, under the same `Source:` label.
METADATA_SOURCES = frozenset({"crossref", "pubmed", "datacite", "medline", "doaj", "orcid"})
SOURCE_LABELS = frozenset({"source", "来源出版物"})
# Languages as a translation menu names them.
LANGUAGE_NAMES = frozenset({"English", "Español", "Français", "Deutsch", "Italiano", "Português",
                            "Hrvatski", "Polski", "Русский", "Türkçe", "Bahasa Malaysia",
                            "Tiếng Việt", "ภาษาไทย", "한국어", "日本語", "简体中文", "繁體中文",
                            "فارسی", "Nederlands", "Čeština", "Magyar", "Română", "Ελληνικά"})
# ProQuest names the journal's city after it: `Cancer; Philadelphia`, `Lancet; London`.
PLACE_OF_PUBLICATION = re.compile(r";\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?$")
# A company's name: `Informa UK Limited`, `Frontiers Media SA`, `Oxford University Press (OUP)`.
# (And the common ones without such a word: `Wiley`, `Wolters Kluwer Health`, `… (AACR)`.)
PUBLISHER = re.compile(r"\b(?:(?i:Limited|Ltd|Inc|LLC|GmbH|Publishing|Publishers?|Publications)|AG|"
                       r"SA|S\.A|BV|B\.V|plc|Verlag|Corp|Press(?: \([A-Z]{2,5}\))?)\.?$|"
                       r"^(?:Wiley|Elsevier|Springer|Wolters Kluwer(?: Health)?)$|"
                       r"\b(?:Association|Society) for .+\([A-Z]{3,6}\)$")


def label_of(line: str) -> tuple[str, str] | None:
    """(common key, value) of a `Label: value` or Zendy `Label - value` line, else None."""
    match = LABEL_LINE.match(line)
    key = LABELS.get(match.group("label").strip().casefold()) if match else None
    if match and key:
        return key, match.group("value").strip()
    if pages := PAGES_ALONE.match(line):  # Scilit's chapter: `pp 185-214` under the book
        return "pages", pages["p"]
    if online := FIRST_ONLINE.match(line):
        return ("date" if line.startswith("Posted") else ONLINE_DATE), online.group("d")
    dash = DASH_LINE.match(line)
    if dash and dash.group("label").casefold() in DASH_LABELS:
        return LABELS[dash.group("label").casefold()], dash.group("value").strip()
    return None


def without_language_menus(lines: list[str]) -> list[str]:
    """The lines without a translation menu (Cochrane: `Available in` over `English`,
    `Español`, …), which would stand between an `Abstract` heading and its text."""
    kept: list[str] = []
    in_menu = False
    for line in lines:
        if line.casefold() == "available in":
            in_menu = True
        elif not (in_menu and (line in LANGUAGE_NAMES or not line)):
            in_menu = False
            kept.append(line)
    return kept


def with_colons(lines: list[str]) -> list[str]:
    """`with_colon` for each line. OpenAlex's `Source<TAB>Clinical Cancer Research` row is
    the journal only inside a record table, next to a row we read (`Year<TAB>2010`); a
    table's `Source<TAB>Specimens` header row is not."""
    converted = [with_colon(line) for line in lines]
    for index, line in enumerate(lines):
        tab = TAB_LINE.match(line)
        if tab and tab["label"].strip().casefold() in SOURCE_LABELS and any(
                converted[i] != lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)):
            converted[index] = f"{tab['label'].strip()}: {tab['value']}"
    return converted


def with_colon(line: str) -> str:
    """`Journal<TAB>Breast Cancer Res Treat` -> `Journal: …` when the label is one we read
    (before the tab is lost to space cleaning)."""
    tab = TAB_LINE.match(line)
    label = tab.group("label").strip() if tab else ""
    # J-STAGE's badge row `JOURNAL<TAB>FREE ACCESS` is all capital words; `PMCID<TAB>PMC64…`
    # holds an identifier.
    value = tab["value"] if tab else ""
    badges = label.isupper() and value.isupper() and not any(char.isdigit() for char in value)
    if tab and label.casefold() in LABELS and not badges:
        return f"{tab.group('label').strip()}: {tab.group('value')}"
    return line


def is_label_line(line: str) -> bool:
    """True for a labelled line, kept or not: it ends a paragraph such as the abstract."""
    dash = DASH_LINE.match(line)
    return label_of(line) is not None or bool(dash and dash.group("label").casefold()
                                                in DASH_OTHER)


def line_pairs(line: str) -> list[tuple[str, Any]]:
    """Every labelled value on the line, authors and dates already in their site's form."""
    match = LABEL_LINE.match(line)
    if match and match.group("label").strip().casefold() in SOURCE_LABELS:
        parts = INLINE_LABEL.split(match.group("value"))
        if len(parts) > 1 or match.group("label") == "来源出版物":
            found = [("container_title", parts[0].strip())]
            found += [pair for part in parts[1:] if (pair := label_of(part.strip()))]
            return [_site_form(key, value, "wos") for key, value in found]
    if match and match.group("label").strip().casefold() in SOURCE_LABELS and (
            not any(ch.isdigit() for ch in match.group("value"))):
        if PUBLISHER.search(match.group("value")) or match.group("value").strip().casefold() \
                in METADATA_SOURCES:
            return []  # T&F's related data: `Source: Informa UK Limited`; Scilit's `Crossref`
        return [("container_title", match.group("value").strip())]  # WoS: `Source: ONCOLOGIST`
    pair = label_of(line)
    if pair is None:
        return []
    if match and len(parts := INLINE_LABEL.split(pair[1])) > 1:  # `Volume: 20   Issue: 13 …`
        found = [(pair[0], parts[0].strip(" ·|"))]
        found += [more for part in parts[1:] if (more := label_of(part.strip()))]
        return [_site_form(key, value, "wos") for key, value in found]
    if pair[0] == "issue" and (both := VOLUME_AND_ISSUE.match(pair[1])):
        return [("volume", both["v"]), ("issue", both["i"])]  # Scilit: `Issue<TAB>Vol. 12 No. 4`
    return [_site_form(*pair, _site(match, pair[1]))]


def _site(colon: re.Match[str] | None, value: str) -> str:
    """Whose conventions a labelled value follows: Zendy's dash labels, WoS's bracketed
    full names (`Wang, L (Wang, Lei)`), or none in particular."""
    if not (colon and LABELS.get(colon.group("label").strip().casefold())):
        return "zendy"  # label_of matched the dash form
    return "wos" if is_wos_name(value.split(";")[0]) else ""


def _site_form(key: str, value: str, site: str) -> tuple[str, Any]:
    if key == "authors" and site == "zendy":
        return key, [_family_first(part) for part in value.split(",") if part.strip()]
    if key == "authors" and site == "wos":
        return key, author_names(value)
    if key == "date" and (wos := wos_date(value)):
        return key, wos
    if key == "pmid":  # Embase adds the link after the number
        return key, value.split(" (", 1)[0]
    if key == "container_title":  # ProQuest: `Cancer; Philadelphia`
        return key, PLACE_OF_PUBLICATION.sub("", value)
    return key, value


def _family_first(text: str) -> dict[str, Any]:
    """`Moretti Giulia` -> family Moretti, given Giulia (the site prints the family first)."""
    words = text.split()
    if len(words) == 1:
        return {"family": words[0]}
    return {"family": words[0], "given": " ".join(words[1:])}
