"""A table that a text browser drew in two columns, back to one `Label: value` line a row.

w3m lays out a two-column table (OUCI's details, an info box) as labels, centred, a gap,
and values starting at one column; a cell too long for its width wraps under itself,
and the shorter cell of the row stands in its middle (`w3m -dump -cols 80`):

    Видавець      Вигадане видавництво «Приклад»
                  Оксана Приходько, Андрій Коваль, Марія Шевчук, Ірина Бондар,
     Автори       Олег Мельник, Тарас Лисенко, Наталія Гриценко, Богдан Ткачук,
                  Світлана Паламарчук
Кількість джерел
    у списку      18
   літератури

Read as prose the rows run together; every page reader knows a `Label: value` line.
(lynx writes such a table's cells one after the other on one line.)
"""

from __future__ import annotations

import itertools
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
    return not value[0].isspace() and (not label.strip() or (label.endswith(" ")
                                       and not LIST_MARKER.match(label.strip())))


def _row_spans(cells: list[tuple[str, str]]) -> list[tuple[int, int]] | None:
    """The (start, end) lines of each row, or None when they cannot be told for sure.

    w3m centres the shorter cell of a row: its line (an anchor, holding label and value)
    has as many of the row's lines above it as below, or one fewer. So the one-sided
    lines between two anchors split between the two rows in one way at most, and each
    row's one-sided lines all lie on one side (the taller cell's). A cell's lines were
    wrapped, so a short line ends its cell; that settles most splits the centring leaves
    open, and the evenest rows settle the rest.
    """
    anchors = [i for i, (label, value) in enumerate(cells) if label and value]
    if not anchors:
        return None
    widths = [max(len(cell[side]) for cell in cells) for side in (0, 1)]
    found: list[list[tuple[int, int]]] = []

    def fits(start: int, end: int, anchor: int) -> bool:
        sides = {bool(cells[i][0]) for i in range(start, end) if i != anchor}
        return len(sides) <= 1 and all(
            _wrapped([cells[i][side] for i in range(start, end) if cells[i][side]], widths[side])
            for side in (0, 1))

    def extend(row: int, start: int, spans: list[tuple[int, int]]) -> None:
        above = anchors[row] - start
        for below in (above, above + 1):
            end = anchors[row] + 1 + below
            last = row == len(anchors) - 1
            if (end != len(cells) if last else end > anchors[row + 1]) \
                    or not fits(start, end, anchors[row]):
                continue
            if last:
                found.append([*spans, (start, end)])
            else:
                extend(row + 1, end, [*spans, (start, end)])

    extend(0, 0, [])
    # Still open (`Scopus` under one label or over the next?): the evenest rows, if one
    # split has them.
    found.sort(key=_evenness)
    if not found or (len(found) > 1 and _evenness(found[0]) == _evenness(found[1])):
        return None
    return found[0]


def _evenness(spans: list[tuple[int, int]]) -> int:
    return sum((end - start) ** 2 for start, end in spans)


def _wrapped(parts: list[str], width: int) -> bool:
    """A cell's lines as the browser wrapped them: each but the last too full to take the
    next line's first word."""
    return all(len(part) + 1 + len(after.split()[0]) > width
               for part, after in itertools.pairwise(parts))


def _rows(block: list[str], column: int) -> list[str] | None:
    """`Label: value` a row, the cells' lines joined; None if the rows cannot be told."""
    cells = [(line[:column].strip(), line[column:].strip()) for line in block]
    spans = _row_spans(cells)
    if spans is None:
        return None
    rows = [(" ".join(cells[i][0] for i in range(start, end) if cells[i][0]),
             " ".join(cells[i][1] for i in range(start, end) if cells[i][1]))
            for start, end in spans]
    return [f"{label.rstrip(':')}: {value}" for label, value in rows]


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
        rows = _rows(bare, column) if column is not None else None
        result.extend(rows if rows is not None else block)
        block = []
        result.append(line)
    return result[:-1]


# A Markdown table whose header row names the fields and whose one row holds them (OUCI's
# `| Journal | Year | Volume | Issue | Pages |`), written back a field a row (`| Year |
# 2022 |`), as its two-column tables are.
MD_ROW = re.compile(r"^\s*\|(?P<cells>.+)\|\s*$")
MD_RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")
FIELDS_MIN, FIELD_WORDS = 3, 3


def field_rows(lines: list[str]) -> list[str]:
    """Each wide one-row table as a row per field, header and value side by side."""
    rows: list[str] = []
    index = 0
    while index < len(lines):
        block = lines[index:index + 4]
        matches = [MD_ROW.match(line) for line in block]
        if len(block) >= 3 and matches[0] and MD_RULE.match(block[1]) and matches[2] \
                and not (len(block) > 3 and matches[3]):
            labels, values = (_cells(match["cells"]) for match in (matches[0], matches[2]))
            if len(labels) == len(values) >= FIELDS_MIN and all(
                    label and len(label.split()) <= FIELD_WORDS
                    and not any(map(str.isdigit, label)) for label in labels):
                rows += [f"| {label} | {value} |" for label, value in zip(labels, values,
                                                                          strict=True)]
                index += 3
                continue
        rows.append(lines[index])
        index += 1
    return rows


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.split("|")]
