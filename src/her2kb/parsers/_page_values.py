"""Values read off saved pages, checked for being cut off (OUCI and the generic reader).

Saved page text is often cut at a size limit mid-page. A field that was cut (an author list
ending in a dangling comma, a page range `123-`) is left empty with a warning; a fragment is
never stored as the value. An abstract that stops mid-word keeps its whole sentences.
These helpers also split `Given Family` author lists (formats.md §12.8) and map type
labels, shared by the two readers. They know no site.
"""

from __future__ import annotations

import re
from typing import Any

from ..names import (
    HYPHENED_INITIALS,
    family_given,
    given_family,
    is_corporate,
    parse_name,
    vancouver,
)
from ..text import clean_spaces

# Characters a complete abstract or sentence may end with (closing quotes and brackets too).
FINAL_PUNCTUATION = ".!?)]}\"'”’»%…"
# The end of a sentence inside an abstract: the next one starts with a capital (or a label
# on the next paragraph). `vs.`, `et al.`, `e.g.`, `i.e.`, `Fig.` and `approx.` end none.
SENTENCE_END = re.compile(r"(?<!\bvs)(?<!\bal)(?<!\be\.g)(?<!\bi\.e)(?<!\bFig)(?<!\bapprox)"
                          r"[.!?](?=\s+(?P<next>\S))")  # a sentence only before a capital
MIN_KEPT_ABSTRACT = 40  # a shorter first sentence is more likely a label or a heading
# Trailing affiliation markers glued to names on pages: digits, `*`, daggers.
NAME_MARKERS = re.compile(r"(?:[\d⁰¹²³⁴⁵⁶⁷⁸⁹*†‡§¶]+,?)+$")
# `123-`, `e12–`: a range whose end is missing.
OPEN_RANGE = re.compile(r"^[A-Za-z]*\d+\s*[-\u2010-\u2015\u2212]\s*$")
VANCOUVER_NAME = re.compile(rf"^\S.* {HYPHENED_INITIALS}$")  # `Doe JA`, `Lefort J-P`
PAGE_SHAPE = re.compile(
    r"^[A-Za-z]{0,3}\d+(?:\s*[-\u2010-\u2015\u2212]\s*[A-Za-z]{0,3}\d+)?$"
)
# Publication-type labels, English and Ukrainian (formats.md §7), case-folded -> CSL type.
TYPE_LABELS = {
    "journal article": "article-journal", "article": "article-journal",
    "research article": "article-journal", "review article": "article-journal",
    "журнальна стаття": "article-journal", "стаття": "article-journal",
    "стаття в журналі": "article-journal", "book chapter": "chapter", "chapter": "chapter",
    "розділ книги": "chapter", "глава книги": "chapter", "book": "book", "монографія": "book",
    "книга": "book", "proceedings article": "paper-conference",
    "conference paper": "paper-conference", "стаття конференції": "paper-conference",
    "матеріали конференції": "paper-conference", "posted content": "article",
    "preprint": "article", "препринт": "article", "dissertation": "thesis",
    "thesis": "thesis", "дисертація": "thesis", "report": "report", "звіт": "report",
    "dataset": "dataset", "набір даних": "dataset",
}


def type_for(label: str | None) -> str | None:
    """The CSL type for a printed type label, or None when the label is not in the table."""
    return TYPE_LABELS.get(clean_spaces(label or "").casefold())


def ends_cut(text: str) -> bool:
    """True when `text` stops without final punctuation (a sentence cut mid-way), or its
    last paragraph leaves a bracket open (`… (odds ratio 2.` cut inside a number)."""
    stripped = text.rstrip()
    last = stripped.rsplit("\n", 1)[-1]
    # `[0, 1)` and `(0, 1]` are intervals, not open brackets.
    opened, closed = last.count("(") + last.count("["), last.count(")") + last.count("]")
    return bool(stripped) and (stripped[-1] not in FINAL_PUNCTUATION or opened > closed)


def checked_abstract(text: str | None, at_end: bool, warnings: list[str]) -> str | None:
    """The abstract; when it is the file's tail and was cut, its whole sentences (or None
    when the cut fell in the first), with a warning either way."""
    if not text:
        return None
    if at_end and ends_cut(text):
        ends = [match.end() for match in SENTENCE_END.finditer(text)
                if match["next"].isupper() or match["next"] in "(["]  # in any script
        if ends and ends[-1] >= MIN_KEPT_ABSTRACT:
            warnings.append("abstract: the text ends mid-sentence; only the sentences before "
                            "the cut are kept")
            return text[:ends[-1]]
        warnings.append("abstract: the text ends mid-sentence; the abstract is cut off, left empty")
        return None
    return text


PAGES_WORD = re.compile(r"^pp?\.?\s+(?=[A-Za-z]?\d)")


def checked_pages(value: str | None, warnings: list[str]) -> str | None:
    """The page range as printed, or None (with a warning) for `123-` and other fragments."""
    text = PAGES_WORD.sub("", clean_spaces(value or "").rstrip(".,;"))  # `Pages: pp 145-172`
    if not text:
        return None
    if OPEN_RANGE.match(text):
        warnings.append(f"page range {text!r} is cut off; pages left empty")
        return None
    if not PAGE_SHAPE.match(text):
        warnings.append(f"page value {text!r} kept as printed; not a plain page range")
    return text


def split_author_list(value: str, warnings: list[str]) -> list[dict[str, Any]]:
    """An author list in either name order (§12.8) as Name kwargs; [] when cut off.

    `;` separates names of any order; `,` separates Vancouver names (`Doe JA, Roe R`),
    `Given Family` names, or `Family, Given` pairs, and `Doe, Jane` alone is one name.
    A list ending in a dangling comma or semicolon was cut (a line or page limit): none
    of it is kept, because the missing names cannot be told from the list.
    """
    text = clean_spaces(value).strip()
    if text.endswith((",", ";")):
        warnings.append(f"author list cut off ({text[-40:]!r}); authors left empty")
        return []
    if ";" in text:
        parts, reader = re.split(r";|\band\b|&", text), parse_name
        if all(VANCOUVER_NAME.match(p.strip()) or is_corporate(p.strip())
               for p in parts if p.strip()):
            reader = vancouver  # `citation_authors`: `Doe JA;Roe R;HER2 Study Group`
    else:
        parts = [p.strip() for p in re.split(r",|\band\b|&", text) if p.strip()]
        reader = given_family
        # A group may close a Vancouver list (`Chen W, Kanto-Tokai Gastric Oncology Group`).
        people = parts[:-1] if len(parts) >= 2 and is_corporate(parts[-1]) else parts
        if len(parts) > 1 and all(VANCOUVER_NAME.match(p) for p in people):
            reader = vancouver
        elif len(parts) > 1 and all(" " in p for p in parts):
            reader = given_family  # `A. Doe, B. Roe`
        elif len(parts) == 2:
            parts, reader = [text], family_given  # `Doe, Jane`
        elif len(parts) % 2 == 0:
            pairs = zip(parts[::2], parts[1::2], strict=True)
            parts, reader = [f"{f}, {g}" for f, g in pairs], family_given
    names = (reader(NAME_MARKERS.sub("", part).strip()) for part in parts if part.strip())
    return [name for name in names if name]


FOLDED_ITEM = re.compile(r"^\+\s?(?:ще\s)?\d+(?:\s(?:more|authors?))*$", re.IGNORECASE)


def name_items(items: list[str], warnings: list[str]) -> list[dict[str, Any]]:
    """One `Given Family` name per list item (bullets, numbered lines); markers stripped."""
    names: list[dict[str, Any]] = []
    for item in items:
        if FOLDED_ITEM.match(item.strip()):
            continue  # the button to the names folded away: `+ 8 more`, `+ ще 2`
        name = given_family(NAME_MARKERS.sub("", clean_spaces(item)).rstrip(",;"))
        if name:
            names.append(name)
        else:
            warnings.append(f"author item not read as a name: {item[:40]!r}")
    return names


def missing_note(fields: dict[str, Any], wanted: tuple[str, ...]) -> list[str]:
    """`not on the page: …` for the wanted fields the reader did not fill."""
    missing = [name for name in wanted if not fields.get(name)]
    return [f"not on the page: {', '.join(missing)}"] if missing else []


def split_keywords(value: str) -> list[str]:
    """`a; b; c.` -> [a, b, c]. Without `;` a list is split on Karger's ` · ` (or the ` | `
    between keyword links of a saved page), else on
    commas (PMC), else on Thieme's ` - `, else on ` / `
    (Scilit's header), else on `. ` (SciELO: `HER2. Gastric cancer. FISH.`)."""
    text = value.strip()
    text = text[:-1] if text.endswith(".") else text
    separator = next((sep for sep in (";", "；", " · ", " | ", ",", "，", " - ", " / ", ". ")
                      if sep in text), ",")  # `；` `，`: Chinese databases' full-width marks
    words: list[str] = []
    for word in text.split(separator):  # `… receptor 2 (HER2; ERBB2)` is one keyword
        if words and words[-1].count("(") > words[-1].count(")"):
            words[-1] += separator + word
        else:
            words.append(word)
    return [word.strip() for word in words if word.strip()]


def keywords_run_together(text: Any, listed: Any) -> bool:
    """Keyword links copied with only spaces between them (T&F): the text's one keyword
    is the listed keywords run together, and the list says where each ends."""
    items, own = keyword_list(listed), keyword_list(text)
    return len(items) > 1 and len(own) == 1 \
        and own[0].casefold().split() == " ".join(items).casefold().split()


def keyword_list(value: Any) -> list[str]:
    """Keywords from one string holding the whole list (meta tags, page text) or a list."""
    items = [value] if isinstance(value, str) else list(value or [])
    if len(items) == 1:  # one string holding the whole list (meta tags, page text)
        return split_keywords(items[0])
    return [item.strip().rstrip(".") for item in items if item.strip()]
