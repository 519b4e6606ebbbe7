"""Database record tables copied as text (EBSCOhost's detailed record, Ovid's full record).

Each row is `Label:<TAB>value`; a row with several values prints the others on their own
lines, indented by a tab:

    Authors:<TAB>Hargreaves, Delia M.1
    <TAB>Oyelaran, Tunde2
    Source:<TAB>Journal of Clinical Oncology. 3/10/2006, Vol. 24 Issue 8, p1245-1253. 9p.
    Abstract:<TAB>Purpose To evaluate … [ABSTRACT FROM AUTHOR]
    <TAB>Copyright of Journal of Clinical Oncology is the property of …

`folded_rows` joins each row's values with `; ` so the label rules read them as one line.
The database's notes (`[ABSTRACT FROM AUTHOR]`, the copyright paragraph) are not the
abstract's, and the period it ends the title row with is not the title's.
"""

from __future__ import annotations

import re

from ._page import next_filled

ROW = re.compile(r"^[A-Z][\w /()-]{1,40}:\t")
MORE_VALUES = re.compile(r"^\t+(?P<value>\S.*?)\s*$")
# The title row ends in a sentence's period the title does not have (`… phase II study. `).
TITLE_ROW = re.compile(r"^(?P<title>Title:\t.*?[^\W_]{3})\.\s*$")
# Ovid's labels, as the reader's (`Authors Full Name` spells the given names out).
OVID_LABELS = {"Unique Identifier": "PMID", "Authors Full Name": "Authors", "Title": "Title",
               "Source": "Source", "Abstract": "Abstract", "Digital Object Identifier": "DOI",
               "Year of Publication": "Year", "Keywords": "Keywords"}
OVID_JOINTS = {"Authors": "; ", "Keywords": "; "}
OVID_VALUE = re.compile(r"^[ \t\u00a0]+\S")
OVID_RECORD = re.compile(r"^\s*<\d{1,4}>\s*$")
OVID_NAME_END = re.compile(r"(?<=\.)\s+(?=[^\W\d_][\w'’ -]*,\s)")
INITIAL_END = re.compile(r"\b[A-Z]\.$")  # `Nkechi A.` keeps its dot
DATABASE_NOTE = re.compile(r"\s*\[ABSTRACT FROM (?:AUTHOR|PUBLISHER)\]|^Copyright of .*")
# Epistemonikos stacks each label over its value with no colon (`Journal` / `Breast …` /
# `Year` / `2020`; `PubMed` / `32146635` / `DOI` / `10.1007/…`). Such a pair is read only in
# a run of at least two, and only where the value has the shape of what the label names.
STACKED_VALUES = {
    "journal": re.compile(r"^[^\W\d_][^:]{1,150}$"),
    "year": re.compile(r"^(?:1[89]|20)\d\d$"),
    "pubmed": re.compile(r"^\d{1,9}$"), "pmid": re.compile(r"^\d{1,9}$"),
    "doi": re.compile(r"^10\.\d{4,9}/\S+$"),
    "volume": re.compile(r"^\w{1,10}$"), "issue": re.compile(r"^[\w-]{1,12}$"),
    "pages": re.compile(r"^\w{0,4}\d+(?:\s*[-\u2013]\s*\w{0,4}\d+)?$"),
    # A saved page's definition list (`<dt>Published</dt><dd>9 March 2022</dd>`).
    "published": re.compile(r"^(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},\s+)?"
                            r"(?:1[89]|20)\d\d$"),
    "publisher": re.compile(r"^[^\W\d_][^:]{1,150}$"),
    # Scilit's newer page: `Volume / Issue:` over `Volume 34, Issue 9`, kept as that line.
    "volume / issue": re.compile(r"^Vol(?:ume)?\.?\s*\w+,?\s+(?:No|Number|Issue)\.?\s*[\w-]+$"),
}
BARE_VALUES = frozenset({"volume / issue"})
MIN_STACKED = 2


def folded_rows(lines: list[str]) -> list[str]:
    """Tab-indented lines under a `Label:<TAB>` row joined onto it; other lines as they are."""
    folded: list[str] = []
    in_row = False
    for line in lines:
        line = line.rstrip("\r")
        more = MORE_VALUES.match(line)
        if more and in_row:
            value = DATABASE_NOTE.sub("", more["value"])
            if value:
                folded[-1] = f"{folded[-1].rstrip()}; {value}"
            continue
        in_row = ROW.match(line) is not None
        if TITLE_ROW.match(line):
            line = TITLE_ROW.sub(r"\g<title>", line)
        folded.append(DATABASE_NOTE.sub("", line) if in_row else line)
    return folded


def ovid_records(lines: list[str]) -> list[int]:
    """Where each record of an Ovid results display starts (`<1>`, `<2>` … each over its
    `Unique Identifier`); [] for a page of one record."""
    starts = [index for index, line in enumerate(lines) if OVID_RECORD.match(line)
              and (after := next_filled(lines, index + 1)) < len(lines)
              and lines[after].strip() == "Unique Identifier"]
    return starts if len(starts) >= 2 else []


def ovid_rows(lines: list[str]) -> list[str]:
    """Ovid's full record prints each label on its own line and the values indented below:

        Unique Identifier
          9737615
        Authors Full Name
          Okafor, Nkechi A. Lindqvist, Per-Erik.

    The rows the reader knows become `Label: value` lines; other lines stay as they are."""
    if not any(line.strip() == "Unique Identifier" for line in lines):
        return lines
    rows: list[str] = []
    label: str | None = None
    for index, line in enumerate(lines):
        line = line.rstrip("\r")
        below_at = next_filled(lines, index + 1)
        below = lines[below_at] if below_at < len(lines) else ""
        # A copy may put blank lines between a label and its values, or inside a value.
        if not line.strip() and OVID_VALUE.match(below):
            continue
        if OVID_VALUE.match(line):
            if label:  # a list's items are joined with `; `, a paragraph's lines with a space
                joint = "" if rows[-1].endswith(": ") else OVID_JOINTS.get(label, " ")
                rows[-1] = f"{rows[-1]}{joint}{line.strip()}"
            continue  # a value of a row the reader does not keep (`Registry Number/…`)
        label = OVID_LABELS.get(line.strip(), "")
        # An unknown label over its values is a row too: a blank line ends the one above.
        rows.append(f"{label}: " if label else "" if OVID_VALUE.match(below) else line)
    return [_ovid_names(row) if row.startswith("Authors:") else row for row in rows]


def _ovid_names(row: str) -> str:
    """`Authors: Okafor, Nkechi A. Lindqvist, Per-Erik.` -> `…: Okafor, Nkechi A.; Lindqvist,
    Per-Erik`: a name ends where the next `Family,` starts."""
    names = OVID_NAME_END.split(row.removeprefix("Authors: "))
    return "Authors: " + "; ".join(name.strip().removesuffix(".") if name.count(".") == 1
                                   and name.endswith(".") and not INITIAL_END.search(name)
                                   else name.strip() for name in names)


def stacked_rows(lines: list[str]) -> list[str]:
    """Runs of label-over-value pairs (see STACKED_VALUES) as `Label: value` lines."""
    def pair_at(index: int) -> bool:
        if index + 1 >= len(lines):
            return False
        shape = STACKED_VALUES.get(_label(lines[index]))
        return shape is not None and shape.match(lines[index + 1].strip()) is not None
    rows: list[str] = []
    index = 0
    while index < len(lines):
        run = index
        while pair_at(run):
            run += 2
        if (run - index) // 2 >= MIN_STACKED:
            rows += [lines[i + 1].strip() if _label(lines[i]) in BARE_VALUES
                     else f"{lines[i].strip().rstrip(':')}: {lines[i + 1].strip()}"
                     for i in range(index, run, 2)]
            index = run
        else:
            rows.append(lines[index])
            index += 1
    return rows


def _label(line: str) -> str:
    """A stacked label as a key: Scilit writes `Journal:` over the value, others `Journal`."""
    return line.strip().removesuffix(":").strip().casefold()
