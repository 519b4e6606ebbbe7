"""A table that a text browser drew in two columns, back to one `Label: value` line a row.

w3m and lynx lay out a two-column table (OUCI's details, Ingenta's and Scilit's info
boxes) as labels, often right-aligned, a gap, and values starting at one column:

              Видавець           Група компаній «Моріон»
               Автори            Наталія Гриценко, Олег Паламарчук, Світлана
                                 Лисенко, Богдан Ткачук
     Кількість джерел у списку   24
             літератури

A value too long for its cell goes on under itself, a label under itself. Read as prose
the rows run together; every page reader knows a `Label: value` line.
"""

from __future__ import annotations

import re

GAP = re.compile(r"\S( {2,})(?=[^\s-])")  # the spaces between a label and its value
ROWS_MIN = 3  # lines with a label and a value at the same column
COLUMN_MIN = 12  # a label column narrower than this is a tagged export's (`TY  - JOUR`)
LIST_MARKER = re.compile(r"^(?:[*+\-•o·]|\d{1,3}[.)]|\[\d{1,4}\])$")  # `*   item`: a list


def _value_column(block: list[str]) -> int | None:
    """The column every value in the block starts at, if the block is such a table."""
    starts: dict[int, int] = {}
    for line in block:
        for gap in GAP.finditer(line):
            starts[gap.end(1)] = starts.get(gap.end(1), 0) + 1
    for column, count in sorted(starts.items(), key=lambda item: -item[1]):
        if count < ROWS_MIN:
            return None
        if column >= COLUMN_MIN and all(_fits(line, column) for line in block):
            return column
    return None


def _fits(line: str, column: int) -> bool:
    """A label and value meeting at `column`, a value alone at it, or a label alone
    ending before it."""
    label, value = line[:column], line[column:]
    if not value.strip():
        return len(line.rstrip()) < column - 1
    return not value[0].isspace() and (not label.strip() or (label.endswith("  ")
                                       and not LIST_MARKER.match(label.strip())))


def _rows(block: list[str], column: int) -> list[str]:
    rows: list[list[str]] = []
    for line in block:
        label, value = line[:column].strip(), line[column:].strip()
        if (label and value) or not rows:
            rows.append([label, value])
        elif value:
            rows[-1][1] = f"{rows[-1][1]} {value}".strip()
        else:
            rows[-1][0] = f"{rows[-1][0]} {label}"
    return [f"{label.rstrip(':')}: {value}" if label and value else label or value
            for label, value in rows]


def table_rows(lines: list[str]) -> list[str]:
    """The lines with each two-column table written as `Label: value` lines."""
    result: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip() and "\t" not in line:  # a tab: no text browser's layout
            block.append(line)
            continue
        bare = [kept.rstrip(" \u00a0") for kept in block]
        column = _value_column(bare) if len(block) >= ROWS_MIN else None
        result.extend(_rows(bare, column) if column is not None else block)
        block = []
        result.append(line)
    return result[:-1]
