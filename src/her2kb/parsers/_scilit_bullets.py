"""Scilit's `- ` metadata bullets under the title (formats.md §5 table): the date, the
type label, `Published by X in Y` (the publisher/journal split), the volume line and
the DOI; and the head line the text stops inside, of which only whole parts are kept."""

from __future__ import annotations

import re
from typing import Any

from .. import journals
from ..dates import parse_written_date
from ..identifiers import normalize_doi
from ._scilit_lines import DATE_BULLET, PUBLISHED, VOLUME

# Scilit's own type labels (lower case, one bullet each) -> CSL type; others stay article-journal.
TYPE_MAP = {
    "book chapter": "chapter", "book": "book", "proceedings article": "paper-conference",
    "conference paper": "paper-conference", "preprint": "article", "posted content": "article",
    "dissertation": "thesis", "thesis": "thesis", "report": "report", "dataset": "dataset",
}
TYPE_BULLET = re.compile(r"^[A-Za-z][a-z ,'-]*$")  # `journal article`, one per bullet


def read_cut_line(line: str, titled: bool, fields: dict[str, Any], warnings: list[str]) -> None:
    """The head line the text stops inside: `Vol. 18 (6) , 977-` keeps volume and issue,
    `Published by X in Annals of Onc` keeps the publisher; nothing else is kept."""
    value = line.removeprefix("- ").strip()
    volume = VOLUME.match(value)
    if not line.startswith("- "):
        field = "badge" if titled else "title"
    elif volume and volume.group("p") is not None:
        fields["volume"], fields["issue"] = volume.group("v", "i")
        field = "page"
    elif value.startswith("Published by ") and value.count(" in ") == 1:
        # With two ` in `, either could end the publisher (`… for Research in Breast …`).
        fields["publisher"] = value[len("Published by "): value.index(" in ")]
        field = "container_title"
    else:
        field = "metadata bullet"
    warnings.append(f"{field}: the text ends inside {value!r}; left empty")


def read_bullet(value: str, fields: dict[str, Any], warnings: list[str]) -> None:
    """One metadata bullet: date, type, publisher/journal, volume line, or DOI (§5 table)."""
    if DATE_BULLET.match(value):
        fields["issued"] = parse_written_date(value)
    elif (published := PUBLISHED.match(value)) is not None:
        if published.group("in"):
            fields["container_title"] = published.group("in")
        else:
            read_publisher(published.group("by"), fields, warnings)
    elif (volume := VOLUME.match(value)) is not None:
        fields["volume"], fields["issue"], fields["page"] = volume.group("v", "i", "p")
    elif "doi.org/" in value or value.startswith("10."):
        fields["doi"] = normalize_doi(value)
        if fields["doi"] is None:
            warnings.append(f"not a valid DOI: {value!r}")
    elif TYPE_BULLET.match(value):
        fields.setdefault("publication_types", []).append(value)
        fields.setdefault("original_type", value)
        fields["type"] = TYPE_MAP.get(value.lower(), fields["type"])
    else:
        warnings.append(f"unrecognised metadata bullet: {value[:60]!r}")


def read_publisher(value: str, fields: dict[str, Any], warnings: list[str]) -> None:
    """`X in Y` (§5). Journals hold ` in ` far more often than publishers do (`Frontiers in
    Oncology`, whose tail `Oncology` is itself listed), so a cut leaving a listed name of
    two or more words wins, then the first cut when its right side starts like a listed
    name, then any cut leaving a listed name (`Japanese Society for Research in Breast
    Cancer in Breast Cancer` keeps `Breast Cancer`).
    """
    cuts = [m.start() for m in re.finditer(" in ", value)]
    if not cuts:
        fields["publisher"] = value
        return
    known = [c for c in cuts if journals.is_known(value[c + 4:])]
    long_known = [c for c in known if len(value[c + 4:].split()) > 1]
    first = value[cuts[0] + 4:]
    if long_known:
        cut = long_known[0]
    elif journals.starts_like_journal(first) or not known:
        cut = cuts[0]
    else:
        cut = known[0]
    if len(cuts) > 1 and cut not in known:
        warnings.append(f"publisher/journal split is a guess: {value!r}")
    fields["publisher"], fields["container_title"] = value[:cut], value[cut + 4:]
