"""Names in BibTeX: `Family, Given`, `von Family, Jr, Given`, `{Corporate Name}`, joined by
` and `. A part that holds a comma, a word `and` or TeX specials is escaped and braced,
so no BibTeX reader splits one name into two or a list at the wrong place."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Name
from ._bibtex_text import escape

# A name part that escaping, bracing (comma, `and`, `others`) or splitting would touch.
_NAME_WORK = re.compile(
    r"[\\{}&%$#_~^,]|--|``|''|<<|>>|[!?]`|  |^ | $|\band\b|^others$|\s", re.IGNORECASE
)


def _name_part(value: str) -> str:
    escaped = escape(value)
    # A comma or a word `and` would split the name list or the name itself, and a bare
    # `others` is BibTeX's "et al." marker.
    words = escaped.lower().split()
    if "," in escaped or "and" in words or words == ["others"]:
        return "{" + escaped + "}"
    return escaped


def format_name(name: Name) -> str:
    """`de la Cruz, Maria`, `Doe, Jr, John`, `{World Health Organization}`."""
    family, given = name.family, name.given
    if (family and given and not (name.literal or name.non_dropping_particle or name.suffix)
            and family.isprintable() and given.isprintable()
            and not _NAME_WORK.search(family) and not _NAME_WORK.search(given)):
        return f"{family}, {given}"  # the usual name: nothing to escape, brace or split
    if name.literal:
        return "{" + escape(name.literal) + "}"
    family = " ".join(part for part in (name.non_dropping_particle, name.family) if part)
    parts = [_name_part(family)]
    if name.suffix:
        parts.append(_name_part(name.suffix))
    if name.given:
        parts.append(_name_part(name.given))
    elif name.suffix or " " in family.strip():
        # `Doe, Jr,` with nothing after the comma is a syntax error; and without the comma
        # a family-only `Santos Silva` is read as given `Santos`, family `Silva` (and
        # bibtexparser reads `von Chen` that way too).
        parts.append("{}")
    return ", ".join(parts)


def name_list(names: Sequence[Name], truncated: bool = False) -> str:
    """Names joined by ` and `; `and others` when the source truncated the list."""
    written = [format_name(name) for name in names]
    if truncated:
        written.append("others")  # BibTeX's own "et al." marker
    return " and ".join(written)
