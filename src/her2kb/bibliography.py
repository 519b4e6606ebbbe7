"""Formatted reference lists (`export --style ... --to ...`) through citeproc-py and CSL.

The styles are the vendored, unmodified CSL files in `her2kb/styles/` (see NOTICE there).
citeproc-py 0.11.1 renders them wrongly in several ways; each fix works on the data going
in or the text coming out, never on a style file (libraries.md, "citeproc-py"):

1. NLM dates lose their spaces (`2010May1;`): `_fix_dates` puts them back.
2. The engine's citation number runs into the entry (`1.Chen`, `[1]J. Chen`; no
   second-field-align): it is cut off, and we print our own label or an `<ol>`.
3. No year-suffix disambiguation: `bibliography_suffixes` gives works with one author list
   and one year `a`, `b`, ... in title order as the CSL `year-suffix` variable, which the style
   itself prints where it belongs (`2010a`, `n.d.-a`), in entries and in-text cites.
4. A `cs:substitute` (a missing author replaced by the title, the journal or the editors)
   does not suppress what it printed, so it is printed twice: `_patch_citeproc`, which
   patches citeproc's classes once per process (the only change to citeproc itself; it
   also speeds up macro lookup).
5. `punctuation-in-quote` (en-US) is ignored: `“Title”,` becomes `“Title,”`.
6. Data reaches the HTML formatter unescaped: characters that mean something in HTML or
   Markdown are swapped for private-use placeholders before rendering and escaped for the
   target format afterwards, so a title can inject neither HTML nor Markdown.
7. Minimal page ranges go wrong when the ends differ in length (`1-10` -> `1–0`): such
   ranges reach the engine with a placeholder dash it does not split on.

The engine has no "et al." for an author list the source truncated: a placeholder name
stands for it and is rewritten per style. Date ranges and seasons reach it as their first
date (it garbles ranges). citeproc is imported inside the functions so that `her2kb --help`
stays fast; the style is parsed per call because citeproc keeps state in it.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .bibliography_markup import (
    ET_AL,
    RANGE_DASH,
    hidden,
    html_list,
    markdown_list,
    shown,
    to_markdown,
)
from .bibliography_suffixes import order_suffix_groups, suffix_letters, year_suffix_groups
from .citeproc_patch import patch_citeproc
from .errors import ExportError
from .exporters.csljson import to_csl
from .records import StoredRecord


@dataclass(frozen=True)
class _Style:
    file: str
    numeric: bool  # citation-sequence: entries in the given order, numbered with `label`
    locale: str
    et_al: str  # joins the listed authors and "et al." in an entry
    label: str = "{}. "
    nlm: bool = False  # fixes 1 and 7 apply


_SPECS = {
    "vancouver": _Style("nlm-citation-sequence.csl", True, "en-US", ", et al.", nlm=True),
    "apa": _Style("apa.csl", False, "en-US", ", et al."),
    "ama": _Style("american-medical-association.csl", True, "en-US", ", et al."),
    "ieee": _Style("ieee.csl", True, "en-US", " et al.", label="[{}] "),
    # Cite Them Right is a UK guide: single quotes, `1 May 2010`, comma outside the quotes.
    "harvard": _Style("harvard-cite-them-right.csl", False, "en-GB", " et al."),
}
STYLES: dict[str, str] = {name: spec.file for name, spec in _SPECS.items()}
FORMATS = ("text", "html", "markdown")

_ET_AL_JOIN = re.compile(rf",?\s*(?:&amp;|&|\band)?\s*{ET_AL}")
_UNEVEN_RANGE = re.compile(r"\b(\w+)-(\w+)\b")

_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_DATE_GLUE = re.compile(rf"\b(\d{{4}})((?:{_MONTHS})(?:-(?:{_MONTHS}))?)(\d{{1,2}})?(?=[;:.,])")
_ENGINE_NUMBER = re.compile(r"^(?:\[\d+\]|\d+\.)\s*")
_QUOTE_THEN_PUNCT = re.compile("”([.,])")


def render(items: Sequence[StoredRecord], style: str, to: str = "text") -> str:
    """The reference list of `items` in a style (`STYLES`) and an output format (`FORMATS`).

    Numeric styles keep the given order (citation order); author-date styles sort as the
    style says. Empty input gives an empty string.
    """
    spec = _spec(style, to)
    entries = _run(items, spec, markup=to != "text", cites=False)
    if not entries:
        return ""
    if to == "markdown":
        return markdown_list([shown(to_markdown(entry), to) for entry in entries], spec.numeric)
    entries = [shown(entry, to) for entry in entries]
    if to == "html":
        return html_list(entries, spec.numeric)
    lines = [spec.label.format(n) + entry if spec.numeric else entry
             for n, entry in enumerate(entries, start=1)]
    return "\n".join(lines) + "\n"


def citations(items: Sequence[StoredRecord], style: str, to: str = "text") -> list[str]:
    """The in-text citation of each item, in the given order: `(Smith, 2010a)`, `[3]`."""
    spec = _spec(style, to)
    cites = _run(items, spec, markup=to != "text", cites=True)
    if to == "markdown":
        cites = [to_markdown(cite) for cite in cites]
    return [shown(cite, to) for cite in cites]


def _spec(style: str, to: str) -> _Style:
    spec = _SPECS.get(style.lower())
    if spec is None:
        raise ExportError(
            f"unknown citation style {style!r}; choose one of: {', '.join(STYLES)}"
        )
    if to not in FORMATS:
        raise ExportError(
            f"unknown bibliography format {to!r}; choose one of: {', '.join(FORMATS)}"
        )
    return spec


# -- data in ---------------------------------------------------------------------------


def _csl_item(item: StoredRecord, n: int, spec: _Style, known: frozenset[str]) -> dict[str, Any]:
    """The CSL item citeproc reads: only variables it knows (it warns about the rest)."""
    data = {
        key: value for key, value in to_csl(item).items()
        if key == "type" or key.replace("-", "_") in known
    }
    for role in ("author", "editor"):
        # citeproc takes a name as either a literal or parts, never both.
        data[role] = [{"literal": name["literal"]} if "literal" in name else name
                      for name in data.get(role, ())]
        if not data[role]:
            del data[role]
    for key in ("issued", "accessed"):
        if key in data:
            # citeproc garbles date ranges (`Mar–May2020`, no year in APA, a crash in IEEE)
            # and seasons: it gets the first date only.
            data[key] = {"date-parts": data[key]["date-parts"][:1]}
    data = {key: hidden(value) for key, value in data.items()}
    if item.record.authors_truncated and "author" in data:
        data["author"].append({"literal": ET_AL})  # after hiding, which would void it
    if spec.nlm and "page" in data:
        data["page"] = _UNEVEN_RANGE.sub(_keep_range, data["page"])
    data["id"] = f"item{n}"  # citeproc lower-cases ids; keys that differ by case would merge
    return data


def _keep_range(match: re.Match[str]) -> str:
    """Fix 7: `1-10` stays whole (minimal form needs ends of one length, as `977-84`)."""
    first, last = match.groups()
    return match[0] if len(first) == len(last) else first + RANGE_DASH + last


# -- the engine ------------------------------------------------------------------------


def _run(items: Sequence[StoredRecord], spec: _Style, *, markup: bool, cites: bool) -> list[str]:
    """The entries in bibliography order, or each item's cite in the given order."""
    citeproc = importlib.import_module("citeproc")
    json_source = importlib.import_module("citeproc.source.json")
    formatter = importlib.import_module(f"citeproc.formatter.{'html' if markup else 'plain'}")
    patch_citeproc(importlib.import_module("citeproc.model"))
    known = frozenset(citeproc.VARIABLES)
    csl = [_csl_item(item, n, spec, known) for n, item in enumerate(items)]
    groups = [] if spec.numeric else year_suffix_groups(items)
    for group in groups:
        for rank, n in enumerate(group):
            csl[n]["year-suffix"] = suffix_letters(rank)
    with resources.as_file(resources.files("her2kb.styles") / spec.file) as path:
        style = citeproc.CitationStylesStyle(str(path), locale=spec.locale, validate=False)
    bib = citeproc.CitationStylesBibliography(style, json_source.CiteProcJSON(csl), formatter)
    citations = [citeproc.Citation([citeproc.CitationItem(data["id"])]) for data in csl]
    for citation in citations:
        bib.register(citation)
    if cites:
        # `cite()` returns a list-like of parts: str() joins it.
        return [_fix(str(bib.cite(c, _unknown)), spec, cite=True) for c in citations]
    if not spec.numeric:
        bib.sort()
        order_suffix_groups(bib, [[csl[n]["id"] for n in group] for group in groups])
    return [_fix(str(entry), spec) for entry in bib.bibliography()]


def _unknown(item: Any) -> None:
    raise AssertionError(f"citeproc lost item {item.key}")  # every item is registered


def _fix_dates(text: str) -> str:
    """Fix 1: `2010May1;` -> `2010 May 1;`, `2003Jun;` -> `2003 Jun;`."""
    return _DATE_GLUE.sub(lambda m: " ".join(part for part in m.groups() if part), text)


def _fix(text: str, spec: _Style, cite: bool = False) -> str:
    if spec.numeric and not cite:
        text = _ENGINE_NUMBER.sub("", text, count=1)  # fix 2
    if spec.nlm:
        text = _fix_dates(text)
    if spec.locale == "en-US":
        text = _QUOTE_THEN_PUNCT.sub(r"\1”", text)  # fix 5
    if ET_AL in text:
        text = _ET_AL_JOIN.sub(" et al." if cite else spec.et_al, text)
        text = text.replace("et al..", "et al.")
    return text
