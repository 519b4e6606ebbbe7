"""Site-specific line shapes in scholarly page text: labelled lines and citation lines.

Labelled lines come in three shapes (formats.md §7):
* `Authors: …`, `Keywords: …` on journal and repository pages;
* `Label - value` lines (Zendy), whose authors are printed family name first with no
  comma (`Moretti Giulia`): the site's rule is followed, never a name parser's guess;
* Web of Science full records, in English or with Chinese labels, where one `Source:`
  (`来源出版物:`) line also holds `Volume:`, `Issue:`, `Pages:`, `DOI:` and the date, and
  authors read `Wang, L (Wang, Lei)`: the full form in brackets is the name.

Citation lines: PubMed's `Journal. Year;Vol(Issue):Pages` grammar (formats.md §4.3) is
read by `_citation`. Journal sites print their own shapes under the title; the common ones:

    Journal of Examples, Volume 5, Issue 2, March/April 2023, Pages 145–154   (OUP)
    Volume 67, February 2023, Pages 84-91          (ScienceDirect; journal on the line above)
    Examples 2022, 14(9), 2201; https://doi.org/…  (MDPI; the last number is an article number)
    Journal of Examples volume 188, pages 421–431 (2021)   (Springer)
    Examples 122, 497–505 (2020)                   (Nature)
    Volume 21, Issue 6 … Pages 745-756 | … Published online: 04 Feb 2021   (Taylor & Francis)

Values stay as printed; the date is reduced to what `parse_written_date` reads (a
`March/April 2023` issue date keeps only its year).
"""

from __future__ import annotations

import re
from typing import Any

from .. import journals
from ._text_wos import author_names, is_wos_name
from ._text_wos import date as wos_date

# Case-folded label -> the generic reader's common key.
LABELS = {
    "title": "title", "authors": "authors", "author": "authors", "author(s)": "authors",
    "journal": "container_title", "journal name": "container_title", "published": "date",
    "publication date": "date",
    "date published": "date", "published online": "date", "volume": "volume",
    "issue": "issue", "pages": "pages", "doi": "doi", "pmid": "pmid",
    "keywords": "keywords", "key words": "keywords", "abstract": "abstract",
    "summary": "abstract", "publication year": "date", "publication title": "container_title",
    "publisher": "publisher", "pubmed id": "pmid", "author keywords": "keywords",
    "first published": "date", "first published online": "date", "published in issue": "date",
    "by": "authors",  # WoS English full record: `By: Wang, L (Wang, Lei); …`
    # Web of Science with Chinese labels.
    "标题": "title", "作者": "authors", "来源出版物": "container_title", "卷": "volume",
    "期": "issue", "页": "pages", "文献号": "pages", "出版年": "date", "摘要": "abstract",
    "作者关键词": "keywords", "出版商": "publisher",
}
LABEL_LINE = re.compile(r"^(?P<label>[A-Za-z() ]{2,20}|[\u4e00-\u9fff]{1,6}|PubMed ID)"
                        r"\s*[:：]\s*(?P<value>.*)$")
# SAGE prints no colon; bioRxiv / medRxiv: `Posted March 16, 2021.`
FIRST_ONLINE = re.compile(r"^(?:First published online|Posted)\s+(?P<d>\w[\w ,]*\d{4})\.?$")
# Zendy: `Publication year - 2018`. Only listed labels count: a title may hold ` - ` too.
DASH_LINE = re.compile(r"^(?P<label>[A-Z][A-Za-z() ]{1,24}?) - (?P<value>\S.*)$")
DASH_LABELS = frozenset({"title", "authors", "author(s)", "publication year", "publication title",
                         "volume", "issue", "pages", "doi", "abstract", "publisher",
                         "keywords"})
# Zendy labels the reader does not keep; they still end the abstract line above them.
DASH_OTHER = frozenset({"language(s)", "issn", "isbn", "subject(s)", "resource type"})
# WoS `Source:` lines carry more labels inline; the value of each runs to the next one.
INLINE_LABEL = re.compile(r"\s(?=(?:Volume|Issue|Pages|Article Number|DOI|Published|"
                          r"Early Access|卷|期|页|文献号|出版年|提前访问)\s*[:：]\s)")
SOURCE_LABELS = frozenset({"source", "来源出版物"})
PUBLISHER = re.compile(r"\b(?:Limited|Ltd|Inc|LLC|GmbH|Publishing|Publishers?)\.?$", re.IGNORECASE)


def label_of(line: str) -> tuple[str, str] | None:
    """(common key, value) of a `Label: value` or Zendy `Label - value` line, else None."""
    match = LABEL_LINE.match(line)
    key = LABELS.get(match.group("label").strip().casefold()) if match else None
    if match and key:
        return key, match.group("value").strip()
    if online := FIRST_ONLINE.match(line):
        return "date", online.group("d")
    dash = DASH_LINE.match(line)
    if dash and dash.group("label").casefold() in DASH_LABELS:
        return LABELS[dash.group("label").casefold()], dash.group("value").strip()
    return None


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
        if PUBLISHER.search(match.group("value")):
            return []  # T&F's related data: `Source: Informa UK Limited`
        return [("container_title", match.group("value").strip())]  # WoS: `Source: ONCOLOGIST`
    pair = label_of(line)
    if pair is None:
        return []
    if match and len(parts := INLINE_LABEL.split(pair[1])) > 1:  # `Volume: 20   Issue: 13 …`
        found = [(pair[0], parts[0].strip())]
        found += [more for part in parts[1:] if (more := label_of(part.strip()))]
        return [_site_form(key, value, "wos") for key, value in found]
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
    return key, value


def _family_first(text: str) -> dict[str, Any]:
    """`Moretti Giulia` -> family Moretti, given Giulia (the site prints the family first)."""
    words = text.split()
    if len(words) == 1:
        return {"family": words[0]}
    return {"family": words[0], "given": " ".join(words[1:])}

_PAGES = r"(?P<p>[A-Za-z]*\d+(?:\s*[-\u2010-\u2015]\s*[A-Za-z]*\d+)?)"
_JOURNAL = r"(?P<j>[A-Z][^,;:()]{1,150}?)"
_JOURNAL_COLON = r"(?P<j>[A-Z][^,;:()]{1,150}?(?::\s[^,;:()]{1,150}?)?)"  # `JNCI: Journal of …`
SHAPES = (
    re.compile(rf"^(?:{_JOURNAL_COLON},\s*)?Volume\s+(?P<v>[\w.-]+)(?:,\s*Issue\s+"
               rf"(?P<i>[\w./ -]+?))?(?:,\s*(?P<d>[^,]*?\d{{4}}))?,\s*(?:Pages?\s+{_PAGES}|"
               r"(?:Article\s+)?(?P<a>e?\d+))\.?(?:,\s*https?://\S+)?$", re.IGNORECASE),
    re.compile(rf"^{_JOURNAL}\s+(?P<y>\d{{4}}),\s*(?P<v>\d+)(?:\((?P<i>[^)]+)\))?,\s*"
               r"(?P<a>\d+)(?:;.*)?$"),
    re.compile(rf"^{_JOURNAL}\s+volume\s+(?P<v>\S+),\s*(?:pages\s+{_PAGES}|"
               r"Article number:\s*(?P<a>\S+))\s*\((?P<y>\d{4})\)\s*(?:Cite this article)?$"),
    re.compile(rf"^{_JOURNAL}\s+(?P<v>\d+),\s*{_PAGES}\s+\((?P<y>\d{{4}})\)$"),
    # Taylor & Francis breadcrumb, Wiley: pages (and the T&F date) on a `Pages …` line below,
    # or after `p.` on Wiley's header line (`Volume 79, Issue 5 p. 487-494`).
    re.compile(rf"^Volume\s*(?P<v>\w+),\s*(?:Issue|Number)\s*(?P<i>[\w-]+)"
               rf"(?:\s+pp?\.\s*{_PAGES})?$"),
    # Atypon's `Published In` block (ASCO): `Volume 27 • Number 15_suppl • May 20, 2009`.
    re.compile(r"^Volume\s+(?P<v>\w+)\s*•\s*(?:Number|Issue)\s+(?P<i>[\w-]+)\s*•\s*"
               r"(?P<d>[\w ,]*\d{4})$"),
    re.compile(r"^Volume\s+(?P<v>\w+),\s*(?P<y>\d{4})\s*-\s*Issue\s+(?P<i>[\w-]+)$"),  # T&F head
    re.compile(r"^Volume\s+(?P<v>\d+)$"),  # SAGE, for journals without issues
    # Silverchair (AACR, Karger, OUP): `Clin Cancer Res (2004) 10 (14): 4718–4727.`
    re.compile(rf"^{_JOURNAL}\s+\((?P<y>\d{{4}})\)\s+(?P<v>\w+)\s*(?:\((?P<i>[^)]+)\))?:\s*"
               rf"{_PAGES}\.?$"),
    # Atypon's older header (JCO): `DOI: 10.1200/… Journal of Clinical Oncology 39, no. 6
    # (February 20, 2021) 598-609.`
    re.compile(rf"^(?:DOI:?\s*10\.\S+\s+)?{_JOURNAL}\s+(?P<v>\d+),\s*no\.\s*(?P<i>[\w-]+)\s*"
               rf"\((?P<d>[^()]*\d{{4}})\):?\s*{_PAGES}\.?$"),
    # ResearchGate: the date glued to the journal, `June 2012Breast Cancer Res Treat 134(2):617-28`.
    re.compile(rf"^(?:[A-Z][a-z]+\s)?(?P<y>\d{{4}})\s*{_JOURNAL}\s+(?P<v>\d+)"
               rf"(?:\((?P<i>[^)]+)\))?:\s*{_PAGES}$"),
    # Scilit's article header: `Journal, Volume 40, pp 4123-4131; https://doi.org/…`.
    re.compile(rf"^{_JOURNAL},\s*Volume\s+(?P<v>[\w.-]+)(?:,\s*Issue\s+(?P<i>[\w./-]+))?"
               rf",\s*pp\.?\s*{_PAGES}(?:;.*)?$"),
)
PAGES_LINE = re.compile(rf"^Pages?:?\s+{_PAGES}$")
# Taylor & Francis: `Pages 745-756 | Received …, Accepted …, Published online: 04 Feb 2021`.
TANDF_PAGES = re.compile(rf"^Pages?\s+{_PAGES}\s*\|.*?Published online:\s*(?P<d>[^,|]+\d{{4}})")
# Breadcrumb entries between a T&F journal name and its `Volume …, Issue …` entry.
_BREADCRUMB = frozenset({"list of issues", "latest articles", "current issue", "all issues"})
_MONTH_YEAR = re.compile(r"(?:(?P<d>\d{1,2})\s+)?(?P<m>[A-Z][a-z]+)\s+(?P<y>\d{4})$")
_TITLE_LINE_WORDS = 12
_CONNECTORS = frozenset({"of", "and", "the", "in", "on", "for", "&", "de", "la", "du", "und"})


def is_numbering_line(line: str) -> bool:
    """True for a publisher's volume / issue / pages line (`Volume 79, Issue 5 p. 487-494`)."""
    return any(shape.match(line) for shape in SHAPES)


def journal_citation(lines: list[str]) -> dict[str, Any] | None:
    """Journal, date, volume, issue and pages from the fullest publisher citation line.

    `lines` are the page's filled lines above the abstract; a ScienceDirect line that
    starts at `Volume` takes its journal from the line above it. A bare `Volume 14` in a
    contents menu loses to a full `Cancers 2022, 14(9), 2201` further down.
    """
    tandf = next((m for text in lines if (m := TANDF_PAGES.match(text))), None)
    found = [cited for index in range(len(lines))
             if (cited := _citation_at(lines, index, tandf)) is not None]
    return max(found, key=lambda cited: sum(1 for value in cited.values() if value),
               default=None)


def _citation_at(lines: list[str], index: int,
                 tandf: re.Match[str] | None) -> dict[str, Any] | None:
    line = lines[index]
    for shape in SHAPES:
        match = shape.match(line)
        if match is None:
            continue
        found = {key: value.strip() for key, value in match.groupdict().items() if value}
        # The line above a bare `Volume …` line names the journal, unless it is a section
        # heading (ASCO: `Breast Cancer—HER2/ER`) and a listed journal name stands higher.
        above, listed = _journal_above(lines, index), journal_line(lines[:index])
        journal = found.get("j") or (above if above and (journal_line([above]) or not listed)
                                     else listed)
        if journal is None:
            continue
        if tandf and not (found.get("p") or found.get("a")):
            found.update(p=tandf.group("p"), d=tandf.group("d"))
        below = lines[index + 1] if index + 1 < len(lines) else ""
        if (pages := PAGES_LINE.match(below)) and not (found.get("p") or found.get("a")):
            found["p"] = pages.group("p")
        return {"container_title": journal, "volume": found.get("v"),
                "issue": found.get("i"), "pages": found.get("p") or found.get("a"),
                "date": found.get("y") or _date(found.get("d"))}
    return None


def journal_line(lines: list[str]) -> str | None:
    """A line that is nothing but a listed journal name (`International Journal of Cancer`
    in a publisher's page header); one-word names (`Cancer`) are too common to count."""
    return next((line for line in lines if len(line.split()) >= 2
                 and journals.is_full_name(line)), None)


def abbreviates(short: str, full: str) -> bool:
    """True when `Front. Oncol.` abbreviates `Frontiers in Oncology` word by word (§12.9)."""
    words = [w for w in re.findall(r"[^\W_]+", full.casefold()) if w not in _CONNECTORS]
    parts = re.findall(r"[^\W_]+", short.casefold())
    if not words or len(parts) != len(words):
        return False
    return all(word.startswith(part) for part, word in zip(parts, words, strict=True))


def _journal_above(lines: list[str], index: int) -> str | None:
    while index > 0 and lines[index - 1].casefold() in _BREADCRUMB:
        index -= 1
    above = lines[index - 1] if index else ""
    words = above.split()
    if 0 < len(words) <= _TITLE_LINE_WORDS and not above.endswith(".") \
            and all(w[0].isupper() or not w[0].isalpha() or w in _CONNECTORS
                    for w in words):
        return above
    return None


def _date(text: str | None) -> str | None:
    """`March/April 2023` -> `2023`; `February 2023`, `16 January 2023` kept."""
    if not text:
        return None
    match = _MONTH_YEAR.search(text)
    if match and "/" not in text and "-" not in text:
        return match.group(0)
    year = re.search(r"\d{4}", text)
    return year.group(0) if year else None
