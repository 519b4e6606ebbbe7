"""The PubMed / PMC citation line (formats.md §4.3).

    [journal] ". " pubdate [";" volume] ["(" issue ")"] [":" pages] "."
        [" doi: " DOI "."] [" Epub " date "."] [" eCollection " date "."]
    journal ". " pubdate ". pii: " PII "." [" doi: " DOI "."] [" [Epub ahead of print]"]

The journal is empty in layout D and on PMC pages (the line starts with `. `). The
tail after the pages may continue on the following lines (`doi: ….` on its own line,
layout D), so `extend` accepts such continuation lines. Values stay as printed; only
the caller turns dates and DOIs into record values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_MON = (r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
        r"|Spring|Summer|Fall|Autumn|Winter)")
# §12.7 MEDLINE DP shapes: YYYY, YYYY Mon [D], ranges of days, months or years, seasons.
DATE = (rf"\d{{4}}(?:-\d{{4}}|\s{_MON}(?:\s\d{{1,2}})?"
        rf"(?:-(?:\d{{4}}\s)?(?:{_MON})?\s?(?:\d{{1,2}})?)?)?")
# The journal is the text before the first `. ` followed by a year (§4.3). It is the
# dotless NLM abbreviation, so it holds no `. `: that keeps Vancouver reference lines
# (`Doe J. Title. J Examp. 2010;…`) out.
_JOURNAL = r"(?P<journal>[^\s.](?:[^.\n]|\.(?!\s)){0,150}?)"
_HEAD = re.compile(rf"^(?:{_JOURNAL}\.|\.)\s*(?P<date>{DATE})(?P<tail>(?:[;:.,]|$).*)$")
_ISSUE_ARTICLE = re.compile(r"^(?P<issue>\d{1,3})\((?P<article>e\d{3,})\)$")
_VOLUME_ISSUE_PAGES = re.compile(
    r"^(?:;\s*(?P<volume>[^(:;.\s][^(:;]*?))?"
    r"\s*(?:\((?P<issue>[^()]*)\))?"
    r"\s*(?::\s*(?P<pages>\S.*?))?"
    r"\s*(?:\.(?=\s|$)|$)(?P<rest>.*)$"
)
_COLON_VOLUME = re.compile(r"^:\s*[^(:;.\s]+(?:\([^()]*\))?:\s*\S")
_TOKENS: dict[str, re.Pattern[str]] = {
    "doi": re.compile(r"^doi:\s*(?P<v>\S*)", re.IGNORECASE),
    "pii": re.compile(r"^pii:\s*(?P<v>\S+?)\.?(?=\s|$)", re.IGNORECASE),
    "epub": re.compile(rf"^Epub\s+(?P<v>{DATE})\.?"),
    "published_online": re.compile(rf"^Published online:?\s+(?P<v>{DATE})\.?"),
    "ecollection": re.compile(rf"^eCollection\s+(?P<v>{DATE})\.?"),
    "print": re.compile(rf"^Print\s+(?P<v>{DATE})\.?"),
    "ahead_of_print": re.compile(r"^\[Epub ahead of print\]\.?", re.IGNORECASE),
    "online_ahead": re.compile(r"^Online ahead of print\.?", re.IGNORECASE),
    "preprint": re.compile(r"^Preprint\.?$"),  # PubMed's preprint records end so
}
# Where a part of the line is closed: the start of the next part.
_CUT_POINTS = re.compile(r"[;(:]|\.\s")
_DOI_PART = re.compile(r"^doi:", re.IGNORECASE)
# A line that continues the citation tail (layout D puts `doi: ….` on its own line).
CONTINUATION = re.compile(r"^(?:doi:|pii:|Epub |eCollection |Print |Published online|"
                          r"\[Epub ahead|Online ahead)", re.IGNORECASE)
# `26 Suppl 4` in the volume slot: volume 26, issue `Suppl 4` (the MEDLINE VI / IP split).
_VOLUME_SUPPLEMENT = re.compile(r"^(?P<volume>\S+)\s+(?P<issue>(?:Suppl|Spec No|Pt)\b.*)$")


@dataclass
class Citation:
    """The parts of one citation line, as printed."""

    journal: str | None
    date: str
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    tokens: dict[str, str] = field(default_factory=dict)
    unparsed: str = ""
    below_byline: bool = False  # Europe PMC prints it under the title, authors, affiliations

    @property
    def has_parts(self) -> bool:
        """True when the line carries more than a date (volume, pages, doi, Epub …)."""
        return bool(self.volume or self.issue or self.pages or self.tokens)

    @property
    def complete(self) -> bool:
        """True when the whole line fitted the grammar and carries more than a date."""
        return self.has_parts and not self.unparsed


def _read_tokens(rest: str, tokens: dict[str, str]) -> str:
    """Consume known tail tokens (doi, Epub …) into `tokens`; return what is left over."""
    text = rest.strip()
    while text:
        for name, pattern in _TOKENS.items():
            match = pattern.match(text)
            if match:
                tokens.setdefault(name, match.groupdict().get("v") or "yes")
                text = text[match.end():].strip()
                break
        else:
            return text
    return ""


def _split_volume(volume: str | None, issue: str | None) -> tuple[str | None, str | None]:
    if not volume or issue:
        return volume, issue
    if volume.lower().startswith("suppl"):
        return None, volume
    match = _VOLUME_SUPPLEMENT.match(volume)
    return (match.group("volume"), match.group("issue")) if match else (volume, None)


def parse_citation(line: str) -> Citation | None:
    """The citation parts of `line`, or None when it is not a citation line."""
    head = _HEAD.match(line)
    if not head:
        return None
    tail = head.group("tail").lstrip(",")
    if _COLON_VOLUME.match(tail):  # `2022 Mar:163:108-118`, a colon typed for the `;`
        tail = ";" + tail[1:]
    parts = _VOLUME_ISSUE_PAGES.match(tail)
    if not parts:
        return None
    volume, issue = _split_volume(_strip(parts.group("volume")), _strip(parts.group("issue")))
    pages = _strip(parts.group("pages"))
    if not issue and pages and (numbered := _ISSUE_ARTICLE.match(pages)):
        issue, pages = numbered.group("issue", "article")  # LWW: `2021;100:22(e26123)`
    citation = Citation(
        journal=_strip(head.group("journal")), date=head.group("date"), volume=volume,
        issue=issue, pages=pages,
    )
    citation.unparsed = _read_tokens(parts.group("rest"), citation.tokens)
    return citation


# Europe PMC's own journal line: `Journal, 19(4):301-312, 06 Jul 2021`, or with the date
# first (`Journal, 04 May 2012, 7(3):R21`); the journal is written out, not abbreviated.
_EUROPE_DATE = (r"(?:(?P<day{n}>\d{{1,2}})\s+)?(?:(?P<month{n}>[A-Z][a-z]{{2}})\s+)?"
                r"(?P<year{n}>\d{{4}})")
_EUROPE_PMC = re.compile(
    # (NLM's long titles hold commas and brackets: `Modern pathology : an official journal
    # of …, Inc`, `Breast (Edinburgh, Scotland)`; `npj …`.)
    rf"^(?P<journal>(?:[A-Z]|npj\s|[ei][A-Z])(?:[^;()]|\([^;()]*\)){{1,150}}?),\s+"  # `eLife`
    rf"(?:{_EUROPE_DATE.format(n=1)},\s+)?"
    r"(?P<volume>[^\s(),:]+)?(?:\((?P<issue>[^()]+)\))?(?::(?P<pages>[^\s,]+))?"
    rf"(?:,\s+{_EUROPE_DATE.format(n=2)})?(?:\s+https?://(?:dx\.)?doi\.org/(?P<doi>\S+))?"
    r"(?:\s+PMC?ID:\s*\S+)*$")  # saved HTML runs the ID line on: `… PMID: 39487215`


# … and its labelled form: `Journal: Oncologist 2021; 26(3):e402-e412`.
_EUROPE_LABELLED = re.compile(
    r"^Journal:\s*(?P<journal>[^;:]{1,150}?)\s+(?P<date>(?:19|20)\d\d(?:\s+[A-Z][a-z]{2})?);\s*"
    r"(?P<volume>[^\s(),:]+)?(?:\((?P<issue>[^()]+)\))?(?::\s*(?P<pages>[^\s,]+))?\.?$")


# … and a preprint's: `Preprint from medRxiv, 07 Mar 2023`, or the server's name alone
# (`bioRxiv, 14 Mar 2024`).
_SERVERS = r"bioRxiv|medRxiv|Research Square|arXiv|SSRN|Preprints\.org|ChemRxiv|Authorea"
_EUROPE_PREPRINT = re.compile(rf"^(?:Preprint from (?P<server>[^,]{{2,40}})|(?P<known>{_SERVERS})),"
                              rf"\s+{_EUROPE_DATE.format(n=1)}$")


def parse_europe_pmc(line: str) -> Citation | None:
    """Europe PMC's journal line as a Citation (with a MEDLINE-shaped date), else None."""
    if preprint := _EUROPE_PREPRINT.match(line):
        return Citation(journal=preprint["server"] or preprint["known"],
                        date=_medline_date(preprint, 1),
                        below_byline=True, tokens={"preprint": "Preprint"})
    labelled = _EUROPE_LABELLED.match(line)
    if labelled and (labelled["volume"] or labelled["pages"]):
        return Citation(journal=labelled["journal"], date=labelled["date"],
                        volume=labelled["volume"], issue=labelled["issue"],
                        pages=labelled["pages"], below_byline=True)
    match = _EUROPE_PMC.match(line)
    if not match or not (match["volume"] or match["pages"]) or \
            bool(match["year1"]) == bool(match["year2"]):
        return None
    date = _medline_date(match, 1 if match["year1"] else 2)
    return Citation(journal=match["journal"].strip(), date=date, volume=match["volume"],
                    issue=match["issue"], pages=match["pages"], below_byline=True,
                    tokens={"doi": match["doi"]} if match["doi"] else {})


def _medline_date(match: re.Match[str], n: int) -> str:
    """`07 Mar 2023` as MEDLINE writes it: `2023 Mar 07`."""
    return " ".join(part for part in (match[f"year{n}"], match[f"month{n}"], match[f"day{n}"])
                    if part)


def extend(citation: Citation, line: str) -> bool:
    """Add a continuation line (`doi: …`, `Epub …`) to the tail; False if it is not one."""
    if not CONTINUATION.match(line):
        return False
    left = _read_tokens(line, citation.tokens)
    if left:
        citation.unparsed = f"{citation.unparsed} {left}".strip()
    return True


def parse_cut(line: str) -> tuple[Citation | None, str]:
    """A citation line the text stops inside: only the parts a separator closed.

    The last part of an unterminated line may be a fragment (`45-5`, `doi: 10.10`), so
    it is dropped; the parts before a `;`, `(`, `:` or `. ` that follows them are whole.
    Returns the citation (None when no whole part is left) and the text dropped.
    """
    last_part = line[line.rfind(". ") + 1:].strip()
    if line.endswith((".", "]")) and not _DOI_PART.match(last_part):  # a DOI may end in `.`
        return parse_citation(line), ""
    for match in reversed(list(_CUT_POINTS.finditer(line))):
        closed_by_stop = match.group().startswith(".")
        prefix = line[: match.start() + (1 if closed_by_stop else 0)]
        citation = parse_citation(prefix)
        if citation is None:
            continue
        if citation.pages and not closed_by_stop:  # `S3-8; discussion …` goes on after `;`
            continue
        return citation, line[len(prefix):].strip()
    return None, line


def whole_tokens(line: str) -> tuple[str, str]:
    """An unterminated continuation line (`doi: … Epub 2014 No`): whole tokens, dropped text."""
    end = line.rfind(". ")
    if line.endswith((".", "]")) and not _DOI_PART.match(line[end + 1:].strip()):
        return line, ""
    return (line[: end + 1], line[end + 1:].strip()) if end >= 0 else ("", line)


def _strip(value: str | None) -> str | None:
    text = (value or "").strip()
    return text or None
