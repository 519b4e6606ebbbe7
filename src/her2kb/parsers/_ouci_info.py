"""OUCI's label/value blocks (formats.md §7): the "General information" block with label
and value on separate lines (or labels stripped: values then guessed by shape), the
`- ` / `1. ` author lists under an `Authors:` label, where each labelled value goes, the
`Details` rows under their heading and the keywords under theirs."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from ._ouci_references import is_doi_line
from ._ouci_shapes import guess_by_shape
from ._ouci_values import label_of, labelled, set_value
from ._page import bullet_item
from ._page_values import name_items, split_author_list, split_keywords

NUMBERED = re.compile(r"^\d{1,3}[.)]\s+(?P<item>\S.*)$")


def list_items(lines: list[str], start: int, item: Callable[[str], str | None]) -> list[str]:
    """The run of list items (`- Name`, `1. Name`) starting at `start`."""
    found: list[str] = []
    for line in lines[start:]:
        value = item(line)
        if value is None:
            break
        found.append(value)
    return found


def list_item(line: str) -> str | None:
    numbered = NUMBERED.match(line)
    return numbered.group("item") if numbered else bullet_item(line)


def store_value(key: str, value: str, fields: dict[str, Any], warnings: list[str]) -> None:
    if key == "keywords":
        fields["keywords"] = [k.rstrip(".") for k in split_keywords(value)]
    elif not key.startswith("_"):
        set_value(key, value, fields, warnings)


def read_info(info: list[str], fields: dict[str, Any], warnings: list[str]) -> None:
    """The General information block: labels on their own lines, or none at all."""
    lines = [line for line in info if line]
    if not lines:
        return
    if not any(label_of(line) or labelled(line) for line in lines):
        guess_by_shape(lines, fields, warnings)
        return
    key: str | None = None
    values: list[str] = []
    for line in [*lines, ""]:
        # The DOI link under the byline (a page without the `DOI` row) ends the names.
        pair = labelled(line) or (("doi", line) if key != "doi" and is_doi_line(line) else None)
        if line and label_of(line) is None and pair is None:
            values.append(line)
            continue
        if key == "authors" and len(values) == 1 and "," in values[0]:
            fields["author"] = split_author_list(values[0], warnings)
        elif key == "authors" and values:
            fields["author"] = name_items([list_item(v) or v for v in values], warnings)
        elif key and values:
            store_value(key, values[0], fields, warnings)
            if len(values) > 1 and not key.startswith("_"):
                warnings.append(f"extra lines under one label ignored: {values[1][:60]!r}")
        elif values:
            warnings.append(f"unlabelled line in General information: {values[0][:60]!r}")
        key, values = (pair[0], [pair[1]] if pair[1] else []) if pair else (label_of(line), [])


def keyword_lines(lines: list[str]) -> list[str]:
    """The lines under a bare `Keywords` heading up to the first blank line after them."""
    return list(itertools.takewhile(bool, itertools.dropwhile(lambda line: not line, lines)))


def rows_below(lines: list[str]) -> bool:
    """A labelled row next (`Number of citations: 2`), or a label over its value."""
    filled = [line for line in lines if line]
    return bool(filled) and (labelled(filled[0]) is not None or (
        len(filled) > 1 and label_of(filled[0]) is not None and label_of(filled[1]) is None))
