"""Author lines of PubMed and PMC pages (formats.md §4.5, §12.8).

PMC and the full PubMed page print every author as `Given Family` with affiliation
markers glued on (`Jane Q Doe1,*`, `Ravi Roe 2 3`, `Ana Cruz1,2`); legacy pages print
Vancouver names (`Doe JA, Roe R.`). Markers are stripped; a line that holds anything
but names is not an author line. A line the text cut off (it ends with a comma, or
it is the last line of unterminated text) is not read at all: a partial list would
pass for a whole one. The full page also prints a short byline, `Given Family et al.
Journal. Date.`, which names the first author only.
"""

from __future__ import annotations

import re
from typing import Any

from ..names import FAMILY_WORDS, HYPHENED_INITIALS, given_family, is_corporate, vancouver

# Affiliation markers glued to either end of a name, or a lower-case letter list.
_MARKERS = re.compile(r"^[\d*†‡§¶#✉]+|[\d*†‡§¶#✉]+$|(?:\s+[a-z](?:,[a-z])*)$")
_VANCOUVER = re.compile(
    rf"^(?:[\w'’\-]+\s+)+{HYPHENED_INITIALS}(?:\s+(?:Jr|Sr|2nd|3rd|II|III|IV))?$")
# Layout D (§4.5): `Jin-Shing Chen␣et al. Drug Resist Updat. 2003 Jun.`, or one author.
_ET_AL = re.compile(r"^(?P<name>[^.]{2,80}?),?\s+et\s+al\.?\s+(?P<journal>.+?)\.\s+"
                    r"(?P<date>\d{4}\b[^.]*)\.?$")
_SINGLE_AUTHOR = re.compile(r"^(?P<name>[^.;:]{2,60})\.\s+(?P<journal>[^;:]+?)\.\s+"
                            r"(?P<date>\d{4}\b[^.;:]*)\.?$")
_SEPARATORS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*")  # `A, B, and C` too
# PMC prints letter markers too, glued to the comma after the name (`Fiona Roe,a,c Ana …`):
# the split would read them as the start of the next name, so they go first.
# (A byline wrapped at its markers folds to `Jae Hoon Kim6,a, Sakura …`: a comma follows.)
_GLUED_MARKERS = re.compile(r",(?:[a-z]|[\d*†‡§¶#✉]+)(?:,(?:[a-z]|[\d*†‡§¶#✉]+))*(?=\s|$|,)")
_THE = re.compile(r"^the\s+", re.IGNORECASE)  # `… and the HERMES Audit Group`
_LABEL = re.compile(r"^Authors?:\s*")  # some mirrors label the line
# The old PMC design glues its icon's text to the name: `Kazuo Ogatacorresponding author1`.
_ICON_TEXT = re.compile(r"corresponding author", re.IGNORECASE)
_MIN_WORDS, _MAX_WORDS = 2, 6
_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "2nd", "3rd", "II", "III", "IV"})


def name(text: str) -> dict[str, Any] | None:
    """One printed name: a corporate literal, a Vancouver name or `Given Family`."""
    if is_corporate(text):
        return {"literal": text}
    return vancouver(text) if _VANCOUVER.match(text) else given_family(text)


def _is_person(part: str) -> bool:
    words = part.split()
    if len(words) > 2 and words[-1] in _SUFFIXES:  # `Whitaker RJ 3rd`
        words = words[:-1]
        part = " ".join(words)
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS or any(ch.isdigit() for ch in part):
        return False
    # A `?` stands for a letter the text's code page lacked (`Ewa ?ukasik` saved as cp1252).
    return all(w[0].isupper() or w[0] == "?" or w.lower() in FAMILY_WORDS for w in words)


def _bare(part: str) -> str:
    text = part.strip()
    while _MARKERS.search(text):
        text = _MARKERS.sub("", text).strip()
    return text


def author_list(line: str) -> list[dict[str, Any]] | None:
    """Names from a PMC or legacy author line (`Jane Doe1,*, Rui Roe2`, `Doe J, Roe R.`)."""
    names: list[dict[str, Any]] = []
    line = _ICON_TEXT.sub("", _LABEL.sub("", line.strip()))
    for part in _SEPARATORS.split(_GLUED_MARKERS.sub(",", line.rstrip("."))):
        text = _bare(part)
        if is_corporate(text):
            text = _THE.sub("", text)
        if not text:
            continue
        if not (_is_person(text) or is_corporate(text)):
            return None
        parsed = name(text)
        if parsed:
            names.append(parsed)
    return names or None


def looks_cut(line: str) -> bool:
    """True when an author line visibly stops mid-list (`Jane Doe1, Ravi Roe2,`)."""
    return line.rstrip().endswith((",", ";", " and"))


def read_byline(line: str, cited: str | None) -> tuple[dict[str, Any], bool, str, str] | None:
    """`Given Family et al. Journal. Date.` -> (name, truncated, journal, date), else None.

    The one-author form (`Given Family. Journal. Date.`) counts only when its date is the
    citation line's (`cited`): otherwise it is any sentence pair that ends in a year.
    """
    match = _ET_AL.match(line)
    truncated = bool(match)
    if not match:
        match = _SINGLE_AUTHOR.match(line)
        if not match or match.group("date").strip() != cited:
            return None
    author = name(match.group("name").strip())
    if author is None:
        return None
    return author, truncated, match.group("journal").strip(), match.group("date").strip()


_FIND = "Find articles by "
_MARKERS_ONLY = re.compile(r"^[\d,*†‡§¶#✉\s]+$")


def fold_author_popups(lines: list[str]) -> list[str]:
    """New PMC: each author is `Name` / affiliation lines / `Find articles by Name`, the
    markers starting the next name's line (`1,†, Next Name`); fold the run into one line."""
    finds = [i for i, line in enumerate(lines) if line.startswith(_FIND)]
    if not finds:
        return lines
    names = [lines[i][len(_FIND):].strip() for i in finds]
    start = next((i for i in range(finds[0] - 1, max(finds[0] - 12, -1), -1)
                  if _names(lines[i], names[0])), None)
    if start is None:
        return lines
    above = next((i for i in range(start - 1, -1, -1) if lines[i].strip()), None)
    if above is not None and _names(lines[above], names[0]):
        start = above  # a converter also writes the name the pop-up repeats
    end = finds[-1] + 1
    if end < len(lines) and (more := _WRAPPED.match(lines[end].strip())) and more["rest"]:
        return lines  # another name's pop-up starts: the text stops inside the byline
    if end < len(lines) and _MARKERS_ONLY.match(lines[end]):
        end += 1
    return [*lines[:start], ", ".join(names), *lines[end:]]


def _names(line: str, name: str) -> bool:
    """The line prints `name`, maybe with degrees after it (`Helena M Richter, MD, PhD`)."""
    text = line.strip()
    return text == name or text.startswith(f"{name}, ")


# PMC bylines wrapped at each name's markers: `Hyun-Joo Park` / `1, Daniel R Whitcombe` /
# `1,2, Leticia Andrade-Ruiz` / `3`: each line after the first starts with the markers of
# the name above it.
# (Letters after a number mark notes: `6,a`, `3,c,*`.)
_WRAPPED = re.compile(r"^(?P<markers>[\d*†‡§¶#✉]+(?:,(?:[\d*†‡§¶#✉]+|[a-z]))*)"
                      r"(?:,\s+(?P<rest>\S.*))?$")
_MIN_WRAPPED = 2  # names after a wrap; a run of bare numbers is a pager
_MAX_NAME_WORDS = 5


def starts_with_markers(line: str) -> bool:
    """A line of a byline wrapped at its markers (`1,2,†, Next Name`, or the last `3`)."""
    return _WRAPPED.match(line.strip()) is not None


def fold_wrapped_byline(lines: list[str]) -> list[str]:
    """One byline line again from a byline wrapped at its markers (two wraps or more)."""
    folded: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        end = index + 1
        while end < len(lines) and _WRAPPED.match(lines[end].strip()):
            end += 1
        wrapped_names = sum(1 for text in lines[index + 1:end]
                            if (match := _WRAPPED.match(text.strip())) and match["rest"])
        if wrapped_names >= _MIN_WRAPPED and 0 < len(line.split()) <= _MAX_NAME_WORDS:
            for wrapped in lines[index + 1:end]:
                match = _WRAPPED.match(wrapped.strip())
                if match:
                    line += match["markers"] + (f", {match['rest']}" if match["rest"] else "")
            folded.append(line)
        else:  # the run is copied as it is, so each line is looked at once
            folded.extend(lines[index:end])
        index = end
    return folded
