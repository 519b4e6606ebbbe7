"""The abstract of a PubMed / PMC page: paragraphs joined, structured labels kept inline.

Abstract-view pages print structured labels inline (`Objective: …`, formats.md §4.2);
PMC pages print them as lines of their own (`Background` then the paragraph), which
are joined back as `Background: …`. On PMC the body can follow without a heading of
its own: a bare label met a second time means the body has started.
"""

from __future__ import annotations

import re

from ._page_values import checked_abstract

# Structured-abstract labels that PMC prints on a line of their own.
STRUCTURED_LABELS = frozenset({
    "background", "objective", "objectives", "aim", "aims", "purpose", "introduction",
    "context", "importance", "rationale", "hypothesis", "methods", "method",
    "materials and methods", "patients and methods", "methods and materials", "design",
    "study design", "experimental design", "setting", "participants", "patients",
    "interventions", "exposures", "measurements", "main outcome measures",
    "main outcomes and measures", "data sources", "study selection", "data extraction",
    "evidence acquisition", "evidence synthesis", "review methods", "results", "findings",
    "observations", "conclusion", "conclusions", "conclusions and relevance", "interpretation",
    "discussion", "significance", "limitations", "trial registration", "funding",
    "case presentation", "case report", "case summary", "purpose of review", "recent findings",
    "key clinical message", "abstract",  # Wiley case reports print both
})
_MAX_LABEL_WORDS = 6
# Summaries PMC prints under the `Abstract` heading before the abstract itself.
LAY_SUMMARY = re.compile(r"^(?:simple summary|lay summary|plain language summary|highlights|"
                         r"graphical abstract|key points)$", re.IGNORECASE)


def _label(line: str) -> str | None:
    """The label of a label-only line (`Background`, `Main outcome measures:`), else None."""
    bare = line.rstrip(":").strip()
    if bare.lower() in STRUCTURED_LABELS:
        return bare
    if line.endswith(":") and len(bare.split()) <= _MAX_LABEL_WORDS:
        return bare
    return None


def join_paragraphs(lines: list[str]) -> str | None:
    """Paragraphs joined by newlines; label-only lines glued to the paragraph below."""
    paragraphs: list[str] = []
    seen: set[str] = set()
    pending: str | None = None
    for line in lines:
        label = _label(line)
        if label is not None:
            if label.lower() in seen and not line.endswith(":"):
                break  # §4.1 layout C: the body repeats the abstract's section names
            seen.add(label.lower())
            pending = label
            continue
        paragraphs.append(f"{pending}: {line}" if pending else line)
        pending = None
    return "\n".join(paragraphs) or None


def abstract_text(lines: list[str], cut: bool, warnings: list[str]) -> str | None:
    """The abstract from its lines; None when the text stops in the middle of it.

    With `cut` the text ends in the abstract's last line: an abstract that stops
    mid-sentence there is a fragment, so it is left empty and a warning says so.
    """
    if cut and lines and LAY_SUMMARY.match(lines[0]):
        # The text stops inside PMC's lay summary: the abstract proper was still to come.
        warnings.append("abstract: the text ends inside the summary printed before it; left empty")
        return None
    return checked_abstract(join_paragraphs(lines), cut, warnings)
