"""NORMALIZERS: ordered small pure Record -> Record steps run on every parsed record."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .pages import expand_pages
from .records import Record
from .text import clean_block, clean_spaces, repair_mojibake

# Long text keeps its paragraph breaks; every other string is one line.
_BLOCK_FIELDS = {"abstract", "full_text_excerpt"}

# formats.md §1: %X (and scraped abstracts) can run on into the article body.
# A numbered or bare section heading after a sentence end starts the body.
_BODY_START = re.compile(
    r"(?<=[.!?)\]])\s+(?:\d{1,2}\.\s+)?(?:Introduction|Background|Materials and Methods|Methods)"
    r"\b(?=\s+[A-Z(])"
)


def _walk(value: Any, clean: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_walk(item, clean) for item in value]
    if isinstance(value, dict):
        return {key: _walk(item, clean) for key, item in value.items()}
    return value


def _repair_line(value: str) -> str:
    return clean_spaces(repair_mojibake(value))


def _repair_block(value: str) -> str:
    return clean_block(repair_mojibake(value))


def repair_text(record: Record) -> Record:
    """Mojibake repair and space clean-up on every string field, nested ones included."""
    data = record.model_dump(by_alias=False, exclude_defaults=True)
    repaired: dict[str, Any] = {}
    for key, value in data.items():
        tidy = _repair_block if key in _BLOCK_FIELDS else _repair_line
        repaired[key] = _walk(value, tidy)
    repaired = {k: v for k, v in repaired.items() if v not in (None, "")}
    if repaired == data:
        return record
    return Record.model_validate(repaired)


def split_run_on_abstract(record: Record) -> Record:
    """Move body text that follows the abstract (`… 1. Introduction …`) to full_text_excerpt."""
    if not record.abstract:
        return record
    match = _BODY_START.search(record.abstract)
    if not match or match.start() < 200:
        return record
    body = record.abstract[match.start():].strip()
    excerpt = "\n".join(filter(None, [body, record.full_text_excerpt]))
    return record.model_copy(
        update={"abstract": record.abstract[: match.start()].rstrip(), "full_text_excerpt": excerpt}
    )


def expand_page_range(record: Record) -> Record:
    """`129-36` -> page `129-136`, keeping `page_as_printed` when the two differ."""
    if not record.page:
        return record
    printed = record.page_as_printed or record.page
    expanded = expand_pages(printed)
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
