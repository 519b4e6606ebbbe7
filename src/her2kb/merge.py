"""Merging an incoming record into a stored one without losing a value.

Empty fields are filled, lists are united, and a value that conflicts with the
survivor's own is kept as an alternative with its source. The survivor's state
before the merge is logged, so the merge can be undone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from .identifiers import doi_key
from .records import DateParts, Record
from .text import match_key

# Lists whose members are united (order kept, first occurrence wins).
UNITED = ("keywords", "substances", "publication_types", "issn", "mesh", "relations")
# Never merged field by field: handled by their own rules or bookkeeping.
SPECIAL = {"author", "authors_truncated", "references", "issued", "type", "original_type"}
TITLE_AGREEMENT = 0.6


@dataclass
class MergeOutcome:
    record: Record
    alternatives: list[tuple[str, Any]] = field(default_factory=list)
    changed: bool = False


def conflict(stored: Record, incoming: Record) -> str | None:
    """Why two records that share an identifier must stay apart, or None."""
    for name, a, b in (("DOI", doi_key(stored.doi), doi_key(incoming.doi)),
                       ("PMID", stored.pmid, incoming.pmid),
                       ("PMCID", stored.pmcid, incoming.pmcid)):
        if a and b and a != b:
            return f"different {name}s ({a} vs {b})"
    if stored.title and incoming.title:
        ratio = SequenceMatcher(None, match_key(stored.title), match_key(incoming.title)).ratio()
        if ratio < TITLE_AGREEMENT:
            return f"titles disagree (similarity {ratio:.2f})"
    return None


def _dump(value: Any) -> Any:
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", by_alias=True, exclude_none=True)
    return value


def _more_precise(a: DateParts, b: DateParts) -> DateParts | None:
    """The finer of two dates when one extends the other ([[2012]] vs [[2012, 3]])."""
    x, y = a.date_parts[0], b.date_parts[0]
    if x == y[: len(x)]:
        return b
    if y == x[: len(y)]:
        return a
    return None


def _merge_authors(stored: Record, incoming: Record, out: MergeOutcome, update: dict[str, Any]
                   ) -> None:
    if not incoming.author or incoming.author == stored.author:
        return
    fuller = not stored.author or (
        stored.authors_truncated and not incoming.authors_truncated
        and len(incoming.author) >= len(stored.author)
    )
    if fuller:
        if stored.author:
            out.alternatives.append(("author", _dump(stored.author)))
        update["author"] = incoming.author
        update["authors_truncated"] = incoming.authors_truncated
    elif not (incoming.authors_truncated and incoming.author[0] == stored.author[0]):
        out.alternatives.append(("author", _dump(incoming.author)))


def _merge_date(stored: Record, incoming: Record, out: MergeOutcome, update: dict[str, Any]
                ) -> None:
    if incoming.issued is None or incoming.issued == stored.issued:
        return
    if stored.issued is None:
        update["issued"] = incoming.issued
        return
    finer = _more_precise(stored.issued, incoming.issued)
    if finer is None:
        out.alternatives.append(("issued", _dump(incoming.issued)))
    elif finer is incoming.issued:
        update["issued"] = incoming.issued


def _merge_references(stored: Record, incoming: Record, update: dict[str, Any]) -> None:
    seen = {(match_key(r.title or ""), r.year) for r in stored.references}
    new = [r for r in incoming.references if (match_key(r.title or ""), r.year) not in seen]
    if new:
        update["references"] = stored.references + new


def _merge_type(stored: Record, incoming: Record, out: MergeOutcome, update: dict[str, Any]
                ) -> None:
    """The CSL type and the source's own type name travel together."""
    if stored.type == "article" and incoming.type != "article":
        update["type"] = incoming.type  # the generic fallback gives way to a real type
        update["original_type"] = incoming.original_type
        if stored.original_type:
            out.alternatives.append(("original_type", stored.original_type))
        return
    if incoming.type != stored.type and incoming.type != "article":
        out.alternatives.append(("type", incoming.type))
    if incoming.original_type and incoming.original_type != stored.original_type:
        out.alternatives.append(("original_type", incoming.original_type))


def merge_records(stored: Record, incoming: Record) -> MergeOutcome:
    """Fill, unite and keep alternatives; `stored` wins every conflict."""
    out = MergeOutcome(stored)
    update: dict[str, Any] = {}
    for name in Record.model_fields:
        if name in SPECIAL:
            continue
        mine, theirs = getattr(stored, name), getattr(incoming, name)
        if theirs in (None, []) or theirs == mine:
            continue
        if name in UNITED:
            united = list(mine) + [v for v in theirs if v not in mine]
            if united != mine:
                update[name] = united
        elif mine in (None, []):
            update[name] = theirs
        else:
            out.alternatives.append((name, _dump(theirs)))
    _merge_type(stored, incoming, out, update)
    _merge_authors(stored, incoming, out, update)
    _merge_date(stored, incoming, out, update)
    _merge_references(stored, incoming, update)
    if update:
        out.record = stored.model_copy(update=update)
        out.changed = True
    return out
