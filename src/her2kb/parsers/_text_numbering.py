"""Journal sites' numbering lines in page text: the citation a site prints under the title.

PubMed's `Journal. Year;Vol(Issue):Pages` grammar (formats.md §4.3) is read by `_citation`.
The publishers' own shapes; the common ones:

    Journal of Examples, Volume 5, Issue 2, March/April 2023, Pages 145–154   (OUP)
    Examples 2022, 14(9), 2201; https://doi.org/…  (MDPI; the last number is an article number)
    Journal of Examples volume 188, pages 421–431 (2021)   (Springer)
    Examples 122, 497–505 (2020)                   (Nature)
    Volume 21, Issue 6 … Pages 745-756 | … Published online: 04 Feb 2021   (Taylor & Francis)
    Clin Cancer Res (2004) 10 (14): 4718–4727.     (Silverchair: AACR, Karger, OUP)

Values stay as printed; the date is reduced to what `parse_written_date` reads (a
`March/April 2023` issue date keeps only its year). A DOI on the line is the work's own.
"""

from __future__ import annotations

import re
from typing import Any

from ..identifiers import find_dois
from ._journal_names import AIMS_AND_SCOPE, CONNECTORS, PUBLISHED_IN, journal_line
from ._text_lines import PUBLISHER, label_of
from ._text_name_blocks import AFFILIATION
from ._text_numbering_shapes import DATE_LINE, ISSUE_LINE, PAGES_LINE, SHAPES, TANDF_PAGES

_BREADCRUMB = frozenset({"list of issues", "latest articles", "current issue", "all issues",
                         "journal cover"})
_ISSN_LINE = re.compile(r"^(?:Online |Print |versión impresa |versión on-line )?ISSN(?:-L)?\s*:?"
                        r"\s*\d{4}-\d{3}[\dX]\b", re.IGNORECASE)
# Dove's trail: `Back to Journals » OncoTargets and Therapy » Volume 12`.
_TRAIL_JOURNAL = re.compile(r"»\s*(?P<j>[^»]+?)\s*»\s*Volume\s+\w+")
_TRAIL_CRUMBS = frozenset({"home", "archives", "archive", "issues", "all issues", "journals",
                           "current issue", "browse"})
_MONTH_YEAR = re.compile(r"(?:(?P<d>\d{1,2})\s+)?(?P<m>[A-Z][a-z]+)\s+(?P<y>\d{4})$")
_CITE_BUTTON = re.compile(r"\)\s*Cite this article$")  # Springer: `…, (2014) Cite this article`
_TITLE_LINE_WORDS = 12
_SHORT_LINE = 120  # numbering lines are short; long lines are prose and cost time
# Above a `Volume …` line, a dated line (`Published 12 September 2016`) or an advert slot.
# J-STAGE's `JOURNAL FREE ACCESS` badge row and its tabs (`Article overview`, `References`);
# an article type (Cell Press: `Original Article` over `Volume 36, Issue 9, P1021-1034`).
# A date, an ISSN, a breadcrumb trail or a journal menu (Karger's `Online First`) is no
# journal name either.
_NOT_JOURNAL = re.compile(r"\b(?:1[89]|20)\d\d\b|\b(?:free|open) access\b|\bISSN\b|[»›>]|\s/\s|"
                          r"^(?:advertisement|references|abstract|about|article overview|"
                          r"online first|skip nav destination|(?:current |all |special )?issues|"
                          r"subscribe|submit(?: an)? article|multimedia|download full issue|"
                          r"for (?:authors|reviewers)|(?:original|research|review|brief|short) "
                          r"(?:article|report|communication)s?|editorial|correspondence)$",
                          re.IGNORECASE)
# Scilit's header row copied part by part, each separator leading its part: `Journal` /
# `, Volume 9` / `, Issue 3` / `, pp 211-224` / `;` / `https://doi.org/…`.
# (`, e12087` for an article number).
_VOLUME_PART = re.compile(r"^,\s*Volume\s+[^\s,]+(?:,\s*\S.*)?$")  # (or the row's rest with it)
_LATER_PART = re.compile(r"^(?:,\s*(?:(?:Issue|pp\.?|Pages?)\s+\S.*|[eE]?\d+)|;)$")
_DATED = re.compile(r"^Published:\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\s+(?:\d{1,2},\s+)?\d{4}$")


def folded_numbering(lines: list[str]) -> list[str]:
    """Scilit's numbering row on one line again, as its other layouts print it."""
    joined: list[str] = []
    folding = False
    for line in lines:
        text = line.strip()
        if joined and joined[-1].strip() and (_VOLUME_PART.match(text) or (folding and (
                _LATER_PART.match(text)
                or (text.startswith("https://doi.org/") and joined[-1].endswith(";"))))):
            joined[-1] = joined[-1].rstrip() + ("" if text.startswith((",", ";")) else " ") + text
            folding = True
            continue
        folding = False
        joined.append(line)
    return joined


def _year(date: str | None) -> int:
    return int(found[0]) if date and (found := re.findall(r"\b(?:1[89]|20)\d\d\b", date)) else 0


def is_numbering_line(line: str) -> bool:
    """True for a publisher's volume / issue / pages line (`Volume 79, Issue 5 p. 487-494`)."""
    return any(shape.match(_CITE_BUTTON.sub(")", line)) for shape in SHAPES)


def journal_citation(lines: list[str], unnamed: bool = False) -> dict[str, Any] | None:
    """Journal, date, volume, issue and pages from the fullest publisher citation line.

    `lines` are the page's filled lines above the abstract (or a record block, or the tail
    of the page's own citation); a ScienceDirect line that starts at `Volume` takes its
    journal from the line above it. A bare `Volume 14` in a contents menu loses to a full
    `Cancers 2022, 14(9), 2201` further down. With `unnamed`, a numbering line under no
    journal name counts too (its journal None).
    """
    tandf = next((m for text in lines if (m := TANDF_PAGES.match(text))), None)
    # Where the page names its journal elsewhere, found once: (line index, name).
    named = [found for found in (_first_trail(lines), _issn_header(lines),
                                 _first_listed(lines)) if found]
    found = [cited for index in range(len(lines))
             if (cited := _citation_at(lines, index, tandf, named)) is not None]
    best = max((cited for cited in found if cited["container_title"] or unnamed),
               key=lambda cited: sum(1 for value in cited.values() if value), default=None)
    for other in found:  # NEJM: `N Engl J Med 1999;341:1570-1578`, then `VOL. 341 NO. 21`
        if best and (None in (other["volume"], best["volume"])
                     or other["volume"] == best["volume"]):
            best |= {key: value for key, value in other.items() if value and not best[key]}
            # T&F dates the article online (`Published online: 20 Nov 2013`) and its issue
            # (`Volume 14, 2014 - Issue 2`): an issue is never older than its articles.
            if other["volume"] and _year(other["date"]) > _year(best["date"]):
                best["date"] = other["date"]
    return best


def _citation_at(lines: list[str], index: int, tandf: re.Match[str] | None,
                 named: list[tuple[int, str]]) -> dict[str, Any] | None:
    """The numbering on line `index`; its journal is None when no line names one."""
    line = _CITE_BUTTON.sub(")", lines[index])
    unnamed = None  # a later shape may read the journal from the line itself
    for shape in SHAPES:
        match = shape.match(line)
        if match is None:
            continue
        found = {key: value.strip() for key, value in match.groupdict().items() if value}
        if "j" in found:  # Dimensions: `Published in Gastric Cancer, Volume 24, Issue 3, …`
            found["j"] = found["j"].removeprefix("Published in ")
        if "s" in found:
            found["i"] = f"Suppl {found.pop('s')}"
        # The line above a bare `Volume …` line names the journal, unless it is a section
        # heading under a listed journal name (ASCO: journal, `Breast Cancer—HER2/ER`, Volume).
        above = _journal_above(lines, index)
        two_above = journal_line(lines[index - 2:index - 1]) if index >= 2 else None
        if above and two_above and not journal_line([above]):
            above = two_above
        journal = found.get("j") or above or next(
            (name for at, name in named if at < index), None)
        if tandf and not (found.get("p") or found.get("a")):
            found.update(p=tandf.group("p") or tandf.group("a"), d=tandf.group("d"))
        below = lines[index + 1] if index + 1 < len(lines) else ""
        if (issue := ISSUE_LINE.match(below)) and "i" not in found:  # Scilit: `Issue 2` below
            found["i"] = issue["i"]
        if (pages := PAGES_LINE.match(below)) and not (found.get("p") or found.get("a")):
            found["p"] = pages.group("p")
            dated = lines[index + 2] if index + 2 < len(lines) else ""
            if DATE_LINE.match(dated) and not (found.get("d") or found.get("y")):
                found["d"] = dated
        dois = find_dois(line)  # Scilit ends the line with the work's own DOI
        cited = {"container_title": journal, "volume": found.get("v"),
                 "issue": found.get("i"), "pages": found.get("p") or found.get("a"),
                 "date": found.get("y") or _date(found.get("d")),
                 "line_doi": dois[0] if dois else None}
        if journal:
            return cited
        unnamed = unnamed or cited
    return unnamed


def issue_of_volume(lines: list[str], volume: str) -> str | None:
    """The issue a numbering line elsewhere on the page gives `volume` (Spandidos cites
    `Oncol Lett 25: 187, 2023` and names the issue in its sidebar; Oncotarget in its trail)."""
    crumbs = (part for line in lines if len(line) <= _SHORT_LINE  # (`Archive > Volume 8, …`)
              for part in re.split(r"\s+[>»›]\s+", line))
    for line in crumbs:
        for shape in SHAPES:
            match = shape.match(line)
            if match and match.groupdict().get("v") == volume and match.groupdict().get("i"):
                return match["i"]
    return None


def _first_trail(lines: list[str]) -> tuple[int, str] | None:
    """Dove's `Back to Journals » OncoTargets and Therapy » Volume 12`."""
    return next(((index, match["j"]) for index, text in enumerate(lines)
                 if (match := _TRAIL_JOURNAL.search(text))
                 and match["j"].casefold() not in _TRAIL_CRUMBS), None)


def _issn_header(lines: list[str]) -> tuple[int, str] | None:
    """The journal name a site prints over its ISSN (J-STAGE `Online ISSN : …`, Spandidos
    `Print ISSN: …`, SciELO `versión impresa ISSN …`)."""
    return next(((at, found) for at in range(1, len(lines))
                 if _ISSN_LINE.match(lines[at]) and (found := _journal_above(lines, at))), None)


def _first_listed(lines: list[str]) -> tuple[int, str] | None:
    """The first line that is a listed journal name (see `journal_line`), or Springer's
    `Gastric Cancer Aims and scope Submit manuscript`, on one line or on its own over `Aims
    and scope` (either may stand below the numbering)."""
    printed = next(((-1, match["j"]) for line in lines
                    if (match := AIMS_AND_SCOPE.match(line))), None) or next(
        ((-1, found) for index in range(1, len(lines)) if lines[index].casefold()
         == "aims and scope" and (found := _journal_above(lines, index))), None)
    return printed or next(((index, line) for index, line in enumerate(lines)
                             if journal_line([line])), None)


def _journal_above(lines: list[str], index: int) -> str | None:
    # (Scilit may print the date or the publisher between: `Frontiers in Oncology` /
    # `Frontiers Media SA` / `Published: 25 April 2023`.)
    while index > 0 and (lines[index - 1].casefold() in _BREADCRUMB
                         or _DATED.match(lines[index - 1])
                         or (index > 1 and PUBLISHER.search(lines[index - 1]))):
        index -= 1
    above = lines[index - 1] if index else ""
    labelled = label_of(above)
    if labelled and labelled[0] == "container_title":  # Scilit: `Journal: Clinical Breast Cancer`
        above = labelled[1]
    elif published := PUBLISHED_IN.match(above):  # Scilit: `in Gastric Cancer`
        above = published["j"]
    words = above.split()
    address = "," in above and AFFILIATION.search(above)  # SAGE: the last author's address
    if 0 < len(words) <= _TITLE_LINE_WORDS and not above.endswith(".") and not address \
            and not _NOT_JOURNAL.search(above) and label_of(above) is None \
            and all(w[0].isupper() or not w[0].isalpha() or w in CONNECTORS
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
