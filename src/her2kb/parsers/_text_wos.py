"""Web of Science full records copied as text (formats.md §7).

Three copies are seen: `Label: value` lines (English), the same with Chinese labels, and
the current site's copy, where each label stands on its own line above its value and the
numbering is one tab-separated row:

    Source
    GASTRIC CANCER
    Volume	18	Issue	2	Page	301-309

`joined_labels` turns the last into the first, so one set of rules reads all three.
Authors read `Brandão, LF (Brandao, Luis F.) [2]`: the bracketed full name gives the given
name, but WoS folds its accents, so the family name is taken as printed before it.
"""

from __future__ import annotations

import re

from ..text import strip_accents

NAME = re.compile(r"^(?P<short>[^(;,]+),[^(;]*\((?P<family>[^(),]+),(?P<given>[^()]+)\)$")
ADDRESS = re.compile(r"(?:\s*,?\s*\[\s*\d+(?:\s*,\s*\d+)*\s*\])+")  # `[1]`, `[1,2]`, `[3] , [4]`
DATE = re.compile(r"^(?P<m>[A-Z]{3})(?:-[A-Z]{3})?\s+(?:(?P<d>\d{1,2})\s+)?(?P<y>\d{4})$")
# A line that only a WoS full record prints.
RECORD_MARK = re.compile(r"^(?:WOS:\d{15}|View Web of Science ResearcherID\b)")
# Labels the current site prints on a line of their own, above the value.
OWN_LINE_LABELS = frozenset({"By", "Source", "DOI", "Published", "Early Access", "PubMed ID",
                             "Document Type", "Indexed", "Article Number"})
NUMBERING_ROW = re.compile(r"^(?:(?:Volume|Issue|Pages?|Article Number)\s+\S+\s*)+$")


def is_full_record(lines: list[str]) -> bool:
    return any(RECORD_MARK.match(line) for line in lines)


def joined_labels(lines: list[str]) -> list[str]:
    """`Source` / `GASTRIC CANCER` -> `Source: GASTRIC CANCER`; the tab row -> labelled
    values. Lines of any other page are returned as they are."""
    if not is_full_record(lines):
        return lines
    joined: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        below = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if line in OWN_LINE_LABELS and below and below not in OWN_LINE_LABELS:
            joined.append(f"{line}: {below}")
            index += 2
            continue
        if NUMBERING_ROW.match(line):
            words = line.split()
            line = "   ".join(f"{'Pages' if label == 'Page' else label}: {value}"
                              for label, value in zip(words[0::2], words[1::2], strict=False))
        joined.append(line)
        index += 1
    return joined


def is_wos_name(part: str) -> bool:
    return NAME.match(ADDRESS.sub("", part).strip()) is not None


def author_names(value: str) -> str:
    """`Kwon, SH (Kwon, Sang-Hoon) [3] , [4]; …` -> `Kwon, Sang-Hoon; …`."""
    names = []
    for part in value.split(";"):
        match = NAME.match(ADDRESS.sub("", part).strip())
        if match is None:
            continue
        short, family = match["short"].strip(), match["family"].strip()
        if strip_accents(short).casefold() == strip_accents(family).casefold():
            family = short  # `Brandão` printed, `Brandao` in the brackets
        names.append(f"{family}, {match['given'].strip()}")
    return "; ".join(names)


def date(value: str) -> str | None:
    """`APR 2015` -> `2015 Apr`; `MAR 15 2022` -> `2022 Mar 15`; None for other shapes."""
    match = DATE.match(value)
    if match is None:
        return None
    day = f" {match['d']}" if match["d"] else ""
    return f"{match['y']} {match['m'].title()}{day}"
