"""Saved HTML pages of sites whose readers read page text (Ingenta Connect, OUCI, Scilit).

"Save page as…" keeps the markup; the site's layout is in the text a browser shows. When
no reader claims the markup itself but one claims its visible text, that reader reads the
visible text. The page's Highwire tags then fill the identifiers the text lacks: a site
may print its DOI only as a link, whose address the visible text does not keep.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..identifiers import normalize_doi, normalize_pmcid, normalize_pmid
from . import ParseProblem
from ._meta_tags import HIGHWIRE, read_page, vocabulary

if TYPE_CHECKING:
    from . import InputFormat, ParsedEntry

# Record key -> (Highwire key, normaliser): filled only where the visible text had none.
_FILLED: dict[str, tuple[str, Callable[[str], str | None]]] = {
    "doi": ("doi", normalize_doi),
    "pmid": ("pmid", normalize_pmid),
    "pmcid": ("pmcid", normalize_pmcid),
    "title": ("title", str.strip),
}


def is_markup(head: str) -> bool:
    return head.lstrip("\ufeff \t\r\n")[:1] == "<"


def visible_text(markup: str) -> str:
    """What a browser shows of the page, a block a line."""
    return "\n".join(read_page(markup, True).lines)


def as_page_text(reader: InputFormat) -> InputFormat:
    """`reader`, reading the visible text of a saved page instead of its markup."""

    def parse(text: str, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
        tags = vocabulary(read_page(text, True).metas, HIGHWIRE)
        for found in reader.parse(visible_text(text), origin):
            yield found if isinstance(found, ParseProblem) else _filled(found, tags)

    return dataclasses.replace(reader, parse=parse, stream=None)


def _filled(entry: ParsedEntry, tags: dict[str, Any]) -> ParsedEntry:
    update: dict[str, Any] = {}
    for key, (tag, normalise) in _FILLED.items():
        value = tags.get(tag)
        if isinstance(value, str) and not getattr(entry.record, key) and normalise(value):
            update[key] = normalise(value)
    if not update:
        return entry
    note = f"{', '.join(update)} taken from the page's meta tags"
    return dataclasses.replace(entry, record=entry.record.model_copy(update=update),
                               warnings=(*entry.warnings, note))
