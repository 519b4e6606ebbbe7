"""Page ranges: expand abbreviated ends (formats.md §12.6), keep the printed form elsewhere."""

from __future__ import annotations

import re

_RANGE = re.compile(r"^([A-Za-z]*)(\d+)\s*[-\u2010-\u2015\u2212]\s*([A-Za-z]*)(\d+)$")
_LABEL = re.compile(r"^([A-Za-z ]*?\s)?(\S.*)$")


def _expand_part(part: str) -> str:
    """`129-36` -> `129-136`, `S3-8` -> `S3-S8`; anything else unchanged (dash made ASCII)."""
    stripped = part.strip()
    label_match = _LABEL.match(stripped)
    label, body = (label_match.group(1) or "", label_match.group(2)) if label_match else ("", "")
    match = _RANGE.match(body)
    if not match:
        return re.sub(r"[\u2010-\u2015\u2212]", "-", stripped)
    start_prefix, start, end_prefix, end = match.groups()
    end_prefix = end_prefix or start_prefix
    if len(end) < len(start):
        end = start[: len(start) - len(end)] + end
    if int(end) < int(start):
        return re.sub(r"[\u2010-\u2015\u2212]", "-", stripped)
    return f"{label}{start_prefix}{start}-{end_prefix}{end}"


def expand_pages(printed: str) -> str:
    """Expand each `,`/`;`-separated part of a printed page field."""
    pieces = re.split(r"([,;]\s*)", printed.strip())
    return "".join(p if i % 2 else _expand_part(p) for i, p in enumerate(pieces))


def first_page(pages: str | None) -> str | None:
    if not pages:
        return None
    match = re.match(r"\s*([A-Za-z]*\d+)", pages)
    return match.group(1) if match else None
