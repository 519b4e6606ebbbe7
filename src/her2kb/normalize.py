"""NORMALIZERS: ordered small pure Record -> Record steps run on every parsed record."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from .pages import expand_pages
from .records import Name, Record
from .text import clean_block, clean_spaces, repair_mojibake

# Long text keeps its paragraph breaks; every other string is one line.
_BLOCK_FIELDS = {"abstract", "full_text_excerpt"}
_VERBATIM_FIELDS = {"doi", "url", "pmid", "pmcid", "pii", "issn", "isbn"}
_SCALARS = (bool, int, float)

# formats.md §1: %X (and scraped abstracts) can run on into the article body. Only a
# *numbered* heading after a sentence end starts the body: bare `Background`/`Methods`
# are the labels of structured abstracts.
# The pattern starts at the digit (no lookbehind), so the scan over a long abstract is cheap.
_BODY_START = re.compile(
    r"\d{1,2}\.\s+(?:Introduction|Background|Materials and Methods|Methods)\b(?=\s+[A-Z(])"
)
_SENTENCE_END = ".!?)]"
_HEADINGS = ("Introduction", "Background", "Methods")


def _repair_line(value: str) -> str:
    if value.isascii() and value.isprintable() and "  " not in value and (
        value[:1] != " " != value[-1:]
    ):
        return value  # the common case, decided in C: nothing to repair or collapse
    return clean_spaces(repair_mojibake(value))


def _repair_block(value: str) -> str:
    return clean_block(repair_mojibake(value))


def _repaired(value: Any, tidy: Callable[[str], str]) -> Any:
    """`value` with every string tidied; the very same object when nothing changed.

    Walking the models in place (rather than dump and re-validate) keeps this step cheap
    on the common case, clean ASCII text, where it allocates nothing.
    """
    if isinstance(value, str):
        fixed = tidy(value)
        return value if fixed == value else (fixed or None)
    if isinstance(value, list):
        items = [_repaired(item, tidy) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return [item for item in items if item is not None]
    if isinstance(value, BaseModel):
        update: dict[str, Any] = {}
        for name, old in value.__dict__.items():
            if old is None or old.__class__ in _SCALARS:
                continue  # the common case, decided without a call
            new = _repaired(old, tidy)
            if new is not old:
                update[name] = new
        if not update:
            return value
        model = value.model_copy(update=update)
        # A name that was only invisible characters is no name: drop it from its list.
        if isinstance(model, Name) and not (model.family or model.literal):
            return None
        return model
    return value


def repair_text(record: Record) -> Record:
    """Mojibake repair and space clean-up on every text field, nested ones included.

    Identifiers and links are left exactly as read: a DOI or URL is not prose.
    """
    update = {}
    for name, old in record.__dict__.items():
        if old is None or old.__class__ in _SCALARS or name in _VERBATIM_FIELDS:
            continue
        new = _repaired(old, _repair_block if name in _BLOCK_FIELDS else _repair_line)
        if new is not old:
            update[name] = new
    return record.model_copy(update=update) if update else record


def split_run_on_abstract(record: Record) -> Record:
    """Move body text that follows the abstract (`… 1. Introduction …`) to full_text_excerpt."""
    if not record.abstract:
        return record
    text = record.abstract
    if not any(heading in text for heading in _HEADINGS):
        return record  # substring tests first: most abstracts have none of the headings
    for match in _BODY_START.finditer(text, 200):
        before = text[: match.start()].rstrip()
        if len(before) < match.start() and before.endswith(tuple(_SENTENCE_END)):
            body = text[match.start():].strip()
            excerpt = "\n".join(filter(None, [body, record.full_text_excerpt]))
            return record.model_copy(update={"abstract": before, "full_text_excerpt": excerpt})
    return record


def expand_page_range(record: Record) -> Record:
    """`129-36` -> page `129-136`, keeping `page_as_printed` when the two differ."""
    if not record.page:
        return record
    printed = record.page_as_printed or record.page
    expanded = expand_pages(printed)
    if expanded == record.page and (record.page_as_printed or expanded) != expanded:
        return record  # already expanded, printed form kept
    if expanded == printed == record.page and record.page_as_printed is None:
        return record  # nothing to expand: the usual case
    return record.model_copy(
        update={"page": expanded, "page_as_printed": printed if printed != expanded else None}
    )


def drop_repeats(record: Record) -> Record:
    """Keywords, substances and publication types keep their first occurrence only."""
    update: dict[str, list[str]] = {}
    for key in ("keywords", "substances", "publication_types"):
        values: list[str] = getattr(record, key)
        unique = list(dict.fromkeys(values))
        if unique != values:
            update[key] = unique
    return record.model_copy(update=update) if update else record


NORMALIZERS: tuple[Callable[[Record], Record], ...] = (
    repair_text,
    split_run_on_abstract,
    expand_page_range,
    drop_repeats,
)


def normalize(record: Record) -> Record:
    for step in NORMALIZERS:
        record = step(record)
    return record
