"""Saved HTML pages of sites whose readers read page text (Ingenta Connect, OUCI, Scilit),
and pages saved as one MHTML file.

"Save page as…" keeps the markup; the site's layout is in the text a browser shows. When
no reader claims the markup itself but one claims its visible text, that reader reads the
visible text. The page's Highwire tags then fill the identifiers the text lacks: a site
may print its DOI only as a link, whose address the visible text does not keep.

Chrome's "Webpage, Single File" writes MHTML: a MIME `multipart/related` message whose
`text/html` part (quoted-printable, usually) is the page. The stdlib `email` package
decodes it; the page is then read like any saved HTML page.
"""

from __future__ import annotations

import dataclasses
import email
import re
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
    # OUCI shows `2023, № 2, p. 210-219` and keeps the volume for its tags; the tags' issue
    # is taken only for the tags' own volume (see `_filled`).
    "volume": ("volume", str.strip),
    "issue": ("issue", str.strip),
}


# MIME headers, one of them the `multipart/related` type, open an MHTML file.
_MHTML_HEAD = re.compile(r"\A(?:[\w-]+:[^\n]*\n(?:[ \t][^\n]*\n)*)*?Content-Type:\s*"
                         r"multipart/related\b", re.IGNORECASE)


def is_mhtml(head: str) -> bool:
    return _MHTML_HEAD.match(head.lstrip("\ufeff")) is not None


def mhtml_page(text: str) -> str:
    """The HTML page inside an MHTML file (its first `text/html` part), decoded."""
    for part in email.message_from_string(text.lstrip("\ufeff")).walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload.decode(part.get_content_charset() or "utf-8", "replace")
    return ""


def as_mhtml(reader: InputFormat) -> InputFormat:
    """`reader`, reading the page inside an MHTML file."""

    def parse(text: str, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
        return reader.parse(mhtml_page(text), origin)

    return dataclasses.replace(reader, parse=parse, stream=None)


def shown_text(markup: str) -> str:
    """What a browser shows of the page, a block a line."""
    return "\n".join(read_page(markup, True).lines)


def as_page_text(reader: InputFormat) -> InputFormat:
    """`reader`, reading the visible text of a saved page instead of its markup."""

    def parse(text: str, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
        page = read_page(text, True)  # the markup is read once: tags and text
        tags = vocabulary(page.metas, HIGHWIRE)
        for found in reader.parse("\n".join(page.lines), origin):
            yield found if isinstance(found, ParseProblem) else _filled(found, tags)

    return dataclasses.replace(reader, parse=parse, stream=None)


def _filled(entry: ParsedEntry, tags: dict[str, Any]) -> ParsedEntry:
    update: dict[str, Any] = {}
    for key, (tag, normalise) in _FILLED.items():
        value = tags.get(tag)
        if isinstance(value, str) and not getattr(entry.record, key) and normalise(value):
            update[key] = normalise(value)
    first, last = (str(tags.get(key) or "").strip() for key in ("first_page", "last_page"))
    if first and not entry.record.page:
        update["page"] = f"{first}-{last}" if last and last != first else first
    shown_volume = entry.record.volume
    if shown_volume and shown_volume != tags.get("volume"):
        for key in ("issue", "page"):  # the text names another volume than the tags do
            update.pop(key, None)
    if not update:
        return entry
    note = f"{', '.join(update)} taken from the page's meta tags"
    return dataclasses.replace(entry, record=entry.record.model_copy(update=update),
                               warnings=(*entry.warnings, note))
