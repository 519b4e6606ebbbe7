"""Ingenta Connect article page saved as text (formats.md §6).

Top to bottom: skip-link and padlock furniture; the title; optional `Authors:` and
`Source:` lines; `Buy Article:` and a price line; the abstract; `No References`-style
lines; `Keywords:`, `Document Type:`, `Publication date:`; `More about this publication?`
with `  • ` bullets, of which only the first (the journal blurb) is data; cookie lines.
The journal comes from the `Source:` line, else from the blurb (§6, §12.9). Ingenta's
"EndNote" download is single-space RIS and belongs to the RIS reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from .. import journals
from ..dates import parse_written_date
from ..identifiers import normalize_doi
from ..names import family_given, given_family, parse_name, vancouver
from ..text import clean_spaces
from . import InputFormat, ParsedEntry, ParseProblem, build_entry
from ._page import holds_tagged_export, looks_like_structured_document, page_lines

MORE_ABOUT = "More about this publication?"
BULLET = "•"
FURNITURE = [
    re.compile(p)
    for p in (
        r"^Skip to (?:main )?content$", r"^padlock icon\b", r"this page is secure$",
        r"^(?:Buy|Download|Purchase) Article:?$", r"^[$£€]\s?\d[\d,.]*\s*\+\s*tax\b",
        r"\(Refund Policy\)$", r"^Download \(PDF[^)]*\)$", r"^Cookie Policy$",
        r"^Ingenta Connect website makes use of cookies", r"^Ingenta ?Connect$",
        r"^(?:Abstract|Free First Page|Add to Favourites|Share Content|Access Key)$",
        # Tab headings of the full page; like the `No …` lines they close the abstract.
        r"^(?:References|Citations|Supplementary Data|Article Media|Metrics)$",
    )
]
# `No References`, `No Citations` ...: furniture that also closes the abstract (§6).
NOTHING_HERE = re.compile(
    r"^No (?:References|Citations|Supplementary Data|Article Media|Metrics|Abstract\.?)$"
)
LABEL = re.compile(
    r"^(?P<label>Authors?|Source|Keywords|Document Type|Publication date|Publisher|DOI|"
    r"Affiliations?|Language):\s*(?P<value>.*)$"
)
SOURCE = re.compile(
    r"^(?P<j>.+?), Volume (?P<v>[^,]+?)(?:, Number (?P<n>[^,]+?))?"
    r"(?:, (?P<d>(?:\d{1,2} )?(?:[A-Z][a-z]+\.? )?(?:\d{1,2}, )?\d{4}))?"
    r"(?:, pp?\.\s*(?P<pp>[^()]+?)\s*(?:\((?P<np>\d+)\))?)?\.?$"
)
SOURCE_CUT = re.compile(r", (?:Volume|Vol\.|Number|pp?\.) ")
NAME_MARKERS = re.compile(r"[\d*†‡§,]+$")
VANCOUVER_NAME = re.compile(r"^\S.* [A-Z]{1,3}$")  # `Doe JA`
# Blurb fallback: capitalised words before one of these verbs name the journal (§6).
BLURB_VERBS = frozenset({
    "aims", "is", "publishes", "provides", "covers", "focuses", "seeks", "offers", "presents",
    "features", "welcomes", "serves", "was", "has", "reports",
})
BLURB_CONNECTORS = frozenset({"of", "and", "the", "in", "for", "on", "&", "de", "la"})
# Detection (§0 step 8, §6). Only Ingenta prints the strong markers; the weak ones add
# weight but never decide. A page is claimed on at least MIN_MARKERS distinct markers, one of
# them strong: one Ingenta line alone (a `Source: …` line or the site's name in a note)
# is not a page. The site's name counts only as its own furniture line (§6: the cookie
# sentence, the `Ingenta Connect is not responsible …` bullet), not inside prose.
INGENTA_FURNITURE = re.compile(
    r"^(?:•\s*)?Ingenta ?Connect(?:$| website makes use of cookies| is not responsible)"
)
STRONG_MARKERS: tuple[Callable[[str], bool], ...] = (
    lambda line: line in ("Buy Article:", "Download Article:"),
    lambda line: line.endswith("(Refund Policy)"),
    lambda line: line == MORE_ABOUT,
    lambda line: INGENTA_FURNITURE.match(line) is not None,
    lambda line: line.startswith("Source: ") and SOURCE.match(line[8:]) is not None,
)
WEAK_MARKERS: tuple[Callable[[str], bool], ...] = (
    lambda line: line.startswith("Publication date: "),
    lambda line: line.startswith("Document Type: "),
    lambda line: NOTHING_HERE.match(line) is not None,
)
STRONG_SCORE, WEAK_SCORE, MIN_MARKERS = 10, 5, 2
TYPE_MAP = {"chapter": "chapter", "book chapter": "chapter", "book": "book"}
MAX_SCORE = 50


def detect(head: str) -> int:
    """Score Ingenta page markers; 0 below two markers, or for tagged / JSON / markup (§0)."""
    if holds_tagged_export(head) or looks_like_structured_document(head):
        return 0
    lines = page_lines(head)
    strong = sum(1 for test in STRONG_MARKERS if any(test(line) for line in lines))
    weak = sum(1 for test in WEAK_MARKERS if any(test(line) for line in lines))
    if not strong or strong + weak < MIN_MARKERS:
        return 0
    return min(strong * STRONG_SCORE + weak * WEAK_SCORE, MAX_SCORE)


def parse(text: str, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    """One record per page; warnings name what the page lacked or what was guessed."""
    fields: dict[str, Any] = {"type": "article-journal"}
    warnings: list[str] = []
    title, abstract, labels, blurb = _scan(text.lstrip("\ufeff").splitlines())
    fields["title"] = title
    fields["abstract"] = "\n".join(abstract) or None
    for label, value in labels:
        _read_label(label, value, fields, warnings)
    if not fields.get("container_title") and blurb:
        fields["container_title"] = _blurb_journal(blurb, warnings)
    missing = [name for name in ("title", "container_title", "issued") if not fields.get(name)]
    if missing:
        warnings.append(f"not on the page: {', '.join(missing)}")
    yield build_entry(fields, origin, 1, text, warnings)


def _scan(lines: list[str]) -> tuple[str | None, list[str], list[tuple[str, str]], str | None]:
    """Title, abstract paragraphs, labelled lines and the first blurb bullet's first line."""
    title: str | None = None
    abstract: list[str] = []
    labels: list[tuple[str, str]] = []
    blurb: str | None = None
    closed = in_more = False
    for raw in lines:
        line = clean_spaces(raw)
        if not line:
            continue
        if line == MORE_ABOUT:
            in_more = True
            continue
        if in_more and (line.startswith(BULLET) or raw[:1].isspace()):
            # Only the first bullet is the blurb; its continuation lines are indented.
            if line.startswith(BULLET) and blurb is None:
                blurb = line.lstrip(BULLET).strip()
            continue
        in_more = False
        if NOTHING_HERE.match(line) or any(p.search(line) for p in FURNITURE):
            closed = closed or bool(abstract) or NOTHING_HERE.match(line) is not None
        elif label := LABEL.match(line):
            labels.append((label.group("label"), label.group("value").strip()))
            closed = closed or bool(abstract) or label.group("label") == "Keywords"
        elif title is None:
            title = line
        elif not closed:
            abstract.append(line)
    return title, abstract, labels, blurb


def _read_label(label: str, value: str, fields: dict[str, Any], warnings: list[str]) -> None:
    """One `Label: value` line (§6 table); affiliations and language are not kept."""
    if label in ("Author", "Authors"):
        fields["author"] = split_authors(value)
    elif label == "Source":
        _read_source(value, fields, warnings)
    elif label == "Keywords":
        fields["keywords"] = [k.strip().rstrip(".") for k in value.split(";") if k.strip()]
    elif label == "Document Type":
        fields["publication_types"] = [value]
        fields["type"] = TYPE_MAP.get(value.lower(), "article-journal")
    elif label == "Publication date":
        fields["issued"] = parse_written_date(value)
    elif label == "Publisher":
        fields["publisher"] = value
    elif label == "DOI":
        fields["doi"] = normalize_doi(value)


def _read_source(value: str, fields: dict[str, Any], warnings: list[str]) -> None:
    """`Journal, Volume 4, Number 1, January 2011, pp. 12-20(9)`; `(9)` is a page count."""
    match = SOURCE.match(value)
    if not match:
        cut = SOURCE_CUT.search(value)
        fields["container_title"] = value[: cut.start()] if cut else value
        warnings.append(f"Source line not fully understood: {value!r}")
        return
    fields["container_title"] = match.group("j")
    fields["volume"], fields["issue"], fields["page"] = match.group("v", "n", "pp")
    if match.group("np"):
        fields["number_of_pages"] = int(match.group("np"))
    if match.group("d"):
        fields.setdefault("issued", parse_written_date(match.group("d")))


def split_authors(value: str) -> list[dict[str, Any]]:
    """`;`-separated (either order) or `,`-separated lists, or one `Family, Given` (§12.8)."""
    value = clean_spaces(value).strip(" ;,")
    if ";" in value:
        parts, reader = value.split(";"), parse_name
    else:
        pieces = [p.strip() for p in re.split(r",|\band\b", value) if p.strip()]
        if len(pieces) > 1 and all(VANCOUVER_NAME.match(p) for p in pieces):
            parts, reader = pieces, vancouver
        elif len(pieces) > 1 and all(" " in p for p in pieces):
            parts, reader = pieces, given_family  # `A. Doe, B. Roe`
        elif "," in value and len(pieces) == 2:
            parts, reader = [value], family_given  # `Doe, Jane`
        elif "," in value and len(pieces) % 2 == 0:
            pairs = zip(pieces[::2], pieces[1::2], strict=True)
            parts, reader = [f"{f}, {g}" for f, g in pairs], family_given
        else:
            parts, reader = pieces, given_family
    names = (reader(NAME_MARKERS.sub("", part.strip())) for part in parts)
    return [name for name in names if name]


def _blurb_journal(blurb: str, warnings: list[str]) -> str | None:
    """Longest listed name prefixing the blurb, else capitalised words before a verb."""
    known = journals.longest_prefix(blurb)
    if known:
        return known
    words = blurb.split()
    verb = next((i for i, w in enumerate(words) if w in BLURB_VERBS), None)
    candidate = words[:verb] if verb else []
    if (candidate and candidate[0][0].isupper() and candidate[-1] not in BLURB_CONNECTORS
            and all(w[0].isupper() or w in BLURB_CONNECTORS for w in candidate)):
        warnings.append("journal taken from the blurb's leading words; not in the lists")
        return " ".join(candidate).rstrip(",")
    warnings.append("no journal name found in the publication blurb")
    return None


FORMAT = InputFormat(
    name="ingenta-page",
    description="Ingenta Connect article page saved as text (journal from Source line or blurb)",
    suffixes=(".txt",),
    detect=detect,
    parse=parse,
    aliases=("ingenta",),
)
