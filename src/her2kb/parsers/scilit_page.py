"""Scilit listing-page text (formats.md §5).

Layouts: full (title; `Top Cited Papers` / `Open Access` badges; `- ` metadata bullets;
`Abstract`; the abstract glued to a `Keywords` heading; `This publication has N references
indexed in Scilit:`; `- TitleJournal, Year` bullets), full without badges (`No abstract
availableKeywords`), minimal (title, blank, `Abstract`, abstract) and scrapes that start
at `Abstract`. Reference lines glue title and journal; `split_reference` undoes that with
the journal lists (§5 steps 1-4, §12.9).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from .. import journals
from ..dates import parse_written_date
from ..identifiers import normalize_doi
from ..text import clean_spaces
from . import InputFormat, ParsedEntry, ParseProblem, build_entry
from ._page import holds_tagged_export, looks_like_structured_document, page_lines

BADGES = {"Top Cited Papers": "top_cited", "Open Access": "open_access"}
# Scilit's own type labels (lower case, one bullet each) -> CSL type; others stay article-journal.
TYPE_MAP = {
    "book chapter": "chapter", "book": "book", "proceedings article": "paper-conference",
    "conference paper": "paper-conference", "preprint": "article", "posted content": "article",
    "dissertation": "thesis", "thesis": "thesis", "report": "report", "dataset": "dataset",
}
ABSTRACT_HEADING = "Abstract"
NO_ABSTRACT = "No abstract available"
REFERENCES_HEADER = re.compile(r"^This publication has (\d[\d,]*) references? indexed in Scilit:?$")
# The keywords heading is glued to the end of the abstract (`…implications.Keywords`, §5).
GLUED_KEYWORDS = re.compile(r"(?<=\S)Keywords:?(?P<rest>.*)$")
DATE_BULLET = re.compile(r"^(?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d{4}$")
PUBLISHED = re.compile(r"^Published (?:by (?P<by>.+?)|in (?P<in>.+))$")
VOLUME = re.compile(r"^Vol\.\s*(?P<v>[^\s(,]+)?\s*(?:\((?P<i>[^)]*)\))?\s*(?:,\s*(?P<p>.+))?$")
TYPE_BULLET = re.compile(r"^[A-Za-z][a-z ,'-]*$")  # `journal article`, one per bullet
KEYWORD_SPLIT = re.compile(r"\s*[;,]\s*")
# §5 step 1: the year closes the line; without it the line was cut.
REFERENCE_YEAR = re.compile(r",\s*(\d{4})\s*$")
# Journal words that may stay lower case in a title-case name (fallback guard, §5 step 3).
CONNECTORS = frozenset({
    "a", "an", "and", "at", "by", "de", "del", "der", "des", "du", "et", "for", "from", "in",
    "la", "le", "of", "on", "the", "to", "und", "with", "y", "&",
})
# Characters a glued journal may follow in the fallback; dashes and `/` join compound words.
FALLBACK_LEFT = frozenset(".,;:)]?!\"'’”0123456789")
CAMEL_START = re.compile(r"[a-z]{1,3}[A-Z]")  # eLife, mBio, iScience
MAX_SCORE = 50
# Detection (§0 step 8, §5). Anchors, each printed only by Scilit: the references header,
# or the metadata bullet block under the title holding at least BLOCK_MIN_KINDS of its four
# kinds. Without an anchor the score is 0; the support markers below only add weight, so a
# lone glued `Keywords` (`SearchKeywords: none` in a shopping list) claims nothing.
# The minimal layout (title, blank, `Abstract`, abstract: 2 of the 4 real pages) has no
# Scilit marker at all; a memo or a draft abstract has the same four lines. It is not
# claimed: such a page is read with `--format scilit`.
REFERENCES_SCORE, BLOCK_SCORE, BLOCK_MIN_KINDS = 30, 20, 3
DOI_LINK = re.compile(r"^https?://(?:dx\.)?doi\.org/10\.\d{4,9}/\S+$")
BLOCK_KINDS: dict[str, Callable[[str], bool]] = {
    "date": lambda item: DATE_BULLET.match(item) is not None,
    "published": lambda item: item.startswith("Published by ") and " in " in item,
    "volume": lambda item: VOLUME.match(item) is not None and " , " in item,  # `Vol. 18 (6) , …`
    "doi": lambda item: DOI_LINK.match(item) is not None,
}
SUPPORT: tuple[tuple[Callable[[str], bool], int], ...] = (
    (lambda line: GLUED_KEYWORDS.search(line) is not None, 10),
    (lambda line: line in BADGES, 3),
    (lambda line: line == ABSTRACT_HEADING, 3),
)


def detect(head: str) -> int:
    """Score Scilit's own layout (§5); 0 without an anchor, or for tagged / JSON / markup (§0)."""
    if holds_tagged_export(head) or looks_like_structured_document(head):
        return 0
    lines = page_lines(head)
    score = 0
    if any(REFERENCES_HEADER.match(line) for line in lines):
        score += REFERENCES_SCORE
    if _metadata_block_kinds(lines) >= BLOCK_MIN_KINDS:
        score += BLOCK_SCORE
    if not score:
        return 0
    score += sum(weight for test, weight in SUPPORT if any(test(line) for line in lines))
    return min(score, MAX_SCORE)


def _metadata_block_kinds(lines: list[str]) -> int:
    """Most kinds of metadata bullet found in one run of `- ` bullets (blank lines allowed)."""
    best: set[str] = set()
    run: set[str] = set()
    for line in lines:
        if not line:
            continue
        if not line.startswith("- "):
            run = set()
            continue
        item = line[2:].strip()
        run = run | {kind for kind, test in BLOCK_KINDS.items() if test(item)}
        best = max(best, run, key=len)
    return len(best)


def parse(text: str, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    """One record per page; warnings name what the page lacked or what was guessed."""
    lines = [clean_spaces(line) for line in text.lstrip("\ufeff").splitlines()]
    fields: dict[str, Any] = {"type": "article-journal"}
    warnings: list[str] = []
    head, abstract, keywords, refs = _sections(lines)
    _read_head(head, fields, warnings)
    _read_abstract(abstract, keywords, fields, warnings)
    _read_references(refs, fields, warnings)
    missing = [name for name in ("title", "container_title", "issued") if not fields.get(name)]
    if missing:
        warnings.append(f"not on the page: {', '.join(missing)}")
    yield build_entry(fields, origin, 1, text, warnings)


def _sections(lines: list[str]) -> tuple[list[str], list[str], list[str], list[str]]:
    """Cut the page into head, abstract, keyword and reference lines (blank lines dropped)."""
    parts: dict[str, list[str]] = {"head": [], "abstract": [], "keywords": [], "refs": []}
    state = "head"
    for line in filter(None, lines):
        if REFERENCES_HEADER.match(line):
            state = "refs"
        elif state in ("head", "abstract") and (glued := GLUED_KEYWORDS.search(line)):
            parts["abstract"].append(line[: glued.start()])
            parts["keywords"].extend(_keyword_list(glued.group("rest")))
            state = "keywords"
            continue
        elif state == "head" and line == ABSTRACT_HEADING:
            state = "abstract"
            continue
        elif state == "head" and line.startswith(NO_ABSTRACT):
            state = "abstract"
        elif state == "abstract" and line in ("Keywords", "Keywords:"):
            state = "keywords"
            continue
        target = parts[state]
        target.extend(_keyword_list(line) if state == "keywords" else [line])
    return parts["head"], parts["abstract"], parts["keywords"], parts["refs"]


def _keyword_list(value: str) -> list[str]:
    value = value.removeprefix("- ").strip().lstrip(":").strip()
    return [k for k in KEYWORD_SPLIT.split(value) if k] if value else []


def _read_head(head: list[str], fields: dict[str, Any], warnings: list[str]) -> None:
    """Title, badges and `- ` metadata bullets; badges only count in the full layout."""
    # With metadata bullets the page is the full layout, where Scilit shows every badge it
    # has; a missing badge there is a shown "no". Elsewhere only a shown badge counts.
    full = any(line.startswith("- ") for line in head)
    badges = {flag: False for flag in BADGES.values()}
    for line in head:
        if line in BADGES:
            badges[BADGES[line]] = True
        elif line.startswith("- "):
            _read_bullet(line[2:].strip(), fields, warnings)
        elif "title" not in fields:
            fields["title"] = line
        else:
            warnings.append(f"unrecognised line kept out of the record: {line[:60]!r}")
    fields.update({flag: seen for flag, seen in badges.items() if seen or full})


def _read_bullet(value: str, fields: dict[str, Any], warnings: list[str]) -> None:
    """One metadata bullet: date, type, publisher/journal, volume line, or DOI (§5 table)."""
    if DATE_BULLET.match(value):
        fields["issued"] = parse_written_date(value)
    elif (published := PUBLISHED.match(value)) is not None:
        if published.group("in"):
            fields["container_title"] = published.group("in")
        else:
            _read_publisher(published.group("by"), fields, warnings)
    elif (volume := VOLUME.match(value)) is not None:
        fields["volume"], fields["issue"], fields["page"] = volume.group("v", "i", "p")
    elif "doi.org/" in value or value.startswith("10."):
        fields["doi"] = normalize_doi(value)
        if fields["doi"] is None:
            warnings.append(f"not a valid DOI: {value!r}")
    elif TYPE_BULLET.match(value):
        fields.setdefault("publication_types", []).append(value)
        fields.setdefault("original_type", value)
        fields["type"] = TYPE_MAP.get(value.lower(), fields["type"])
    else:
        warnings.append(f"unrecognised metadata bullet: {value[:60]!r}")


def _read_publisher(value: str, fields: dict[str, Any], warnings: list[str]) -> None:
    """`X in Y` (§5). Journals hold ` in ` far more often than publishers do (`Frontiers in
    Oncology`, whose tail `Oncology` is itself listed), so the first cut wins when its right
    side is listed or starts like a listed name; otherwise the first cut leaving a listed name.
    """
    cuts = [m.start() for m in re.finditer(" in ", value)]
    if not cuts:
        fields["publisher"] = value
        return
    first = value[cuts[0] + 4:]
    known = [c for c in cuts if journals.is_known(value[c + 4:])]
    cut = cuts[0]
    if not (journals.is_known(first) or journals.starts_like_journal(first)) and known:
        cut = known[0]
    if len(cuts) > 1 and cut not in known:
        warnings.append(f"publisher/journal split is a guess: {value!r}")
    fields["publisher"], fields["container_title"] = value[:cut], value[cut + 4:]


def _read_abstract(
    abstract: list[str], keywords: list[str], fields: dict[str, Any], warnings: list[str]
) -> None:
    paragraphs = [p for p in abstract if p]
    if paragraphs and paragraphs[0].startswith(NO_ABSTRACT):
        warnings.append("the page says: no abstract available")
        paragraphs = paragraphs[1:]
    fields["abstract"] = "\n".join(paragraphs) or None
    fields["keywords"] = keywords


def _read_references(refs: list[str], fields: dict[str, Any], warnings: list[str]) -> None:
    stated = REFERENCES_HEADER.match(refs[0]) if refs else None
    if stated:
        fields["references_total_stated"] = int(stated.group(1).replace(",", ""))
    for number, line in enumerate(refs[1:] if stated else refs, start=1):
        if not line.startswith("- "):
            warnings.append(f"line in the reference list is not a reference: {line[:60]!r}")
            continue
        reference, doubt = split_reference(line[2:].strip())
        fields.setdefault("references", []).append(reference)
        if doubt:
            warnings.append(f"reference {number}: {doubt}")


def split_reference(body: str) -> tuple[dict[str, Any], str | None]:
    """`TitleJournal, Year` -> title, container_title, year, plus a doubt (None when sure)."""
    year_match = REFERENCE_YEAR.search(body)
    if not year_match:
        return {"title": body, "container_title": None, "year": None}, "no year (line cut?)"
    glued = body[: year_match.start()].rstrip()
    year = int(year_match.group(1))
    cut = next((i for i in _glue_points(glued) if journals.is_full_name(glued[i:])), None)
    doubt = None
    if cut is None:
        cut = _fallback_cut(glued)
        doubt = "journal not in the lists; split is a guess" if cut else "no journal found"
    if cut is None:
        return {"title": glued, "container_title": None, "year": year}, doubt
    return {"title": glued[:cut].rstrip(), "container_title": glued[cut:].strip(),
            "year": year}, doubt


def _glue_points(text: str) -> list[int]:
    """§5 step 2: an upper-case letter after a non-space, plus camel starts such as `eLife`."""
    return [
        i for i in range(1, len(text))
        if not text[i - 1].isspace()
        and (text[i].isupper() or (text[i].islower() and CAMEL_START.match(text, i) is not None))
    ]


def _fallback_cut(text: str) -> int | None:
    """§5 step 3: the last lower->upper, `.`->upper or CAPS->Capitalised boundary.

    Only suffixes that read as a title-case name count. A suffix whose first two words begin
    a listed name wins (`BioMed Research …`); inside one glued word the first boundary after
    a lower-case word wins, so `…cellsOncoTargets` keeps `OncoTargets` whole.
    """
    points = [i for i in range(1, len(text)) if _is_boundary(text, i)]
    points = [i for i in points if _title_case(text[i:])]
    if not points:
        return None
    started = [i for i in points if journals.starts_like_journal(text[i:])]
    if started:
        return started[-1]
    last = points[-1]
    word_start = text.rfind(" ", 0, last) + 1
    for i in points:
        left = text[word_start:i]
        if word_start <= i < last and len(left) >= 2 and left.isalpha() and left.islower():
            return i
    return last


def _is_boundary(text: str, i: int) -> bool:
    prev, char, after = text[i - 1], text[i], text[i + 1: i + 2]
    if not char.isupper():
        return False
    return prev.islower() or prev in FALLBACK_LEFT or (prev.isupper() and after.islower())


def _title_case(suffix: str) -> bool:
    words = suffix.split()
    return all(
        w.lower() in CONNECTORS or not w[0].isalpha() or w[0].isupper() for w in words[1:]
    )


FORMAT = InputFormat(
    name="scilit-page",
    description="Scilit listing page saved as text (badges, bullets, glued reference list)",
    suffixes=(".txt",),
    detect=detect,
    parse=parse,
    aliases=("scilit",),
)
