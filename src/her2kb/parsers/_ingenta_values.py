"""Values of Ingenta Connect pages: the `Source:` line and the journal blurb.

formats.md §6: `Source: Journal of Examples, Volume 4, Number 1, January 2011,
pp. 12-20(9)`, where `(9)` is a page count; and, when no Source line names the journal,
the first bullet under `More about this publication?`, whose leading words name it (§12.9).
"""

from __future__ import annotations

import re
from typing import Any

from .. import journals
from ..dates import parse_written_date

SOURCE = re.compile(
    r"^(?:(?P<j>.+?), )?Volume (?P<v>[^,]+?)(?:, Number (?P<n>[^,]+?))?"
    r"(?:, (?P<sw>Supplement|Suppl\.?)(?: (?P<s>[^,]+?))?)?"  # `Supplement` alone too
    r"(?:, (?P<d>(?:\d{1,2} )?(?:[A-Z][a-z]+\.?(?:[-/\u2013][A-Z][a-z]+\.?)? )?"
    r"(?:\d{1,2}, )?\d{4}))?"
    r"(?:, pp?\.\s*(?P<pp>[^()]+?)\s*(?:\((?P<np>\d+)\))?)?\.?$"
)
SPACED_COMMA = re.compile(r"\s+,(?=\s)")
SOURCE_CUT = re.compile(r", (?:Volume|Vol\.|Number|pp?\.) ")
# Blurb fallback: capitalised words before one of these verbs name the journal (§6).
BLURB_VERBS = frozenset({
    "aims", "is", "publishes", "provides", "covers", "focuses", "seeks", "offers", "presents",
    "features", "welcomes", "serves", "was", "has", "reports",
})
# After a name the text may have cut short, a whole verb shows the name itself is whole.
BLURB_VERB_AFTER = re.compile(rf"^\s+(?:{'|'.join(sorted(BLURB_VERBS))})\s")
ACRONYM = re.compile(r"\s+\([A-Z][A-Za-z]{1,9}\)(?=\s)")
NAME_GOES_ON = re.compile(r"^\s+[A-Z]")
BLURB_CONNECTORS = frozenset({"of", "and", "the", "in", "for", "on", "&", "de", "la"})


def supplement_issue(number: str | None, supplement: str | None) -> str:
    """`Number 3, Supplement 1` as MEDLINE writes the issue: `3 Suppl 1`."""
    return " ".join(filter(None, (number, "Suppl", supplement)))


def read_source(value: str, fields: dict[str, Any], warnings: list[str]) -> None:
    """`Journal, Volume 4, Number 1, January 2011, pp. 12-20(9)`; `(9)` is a page count.
    (The older page spaced one comma: `…, Number 6, 2014 , pp. 319-329(11)`.)"""
    value = SPACED_COMMA.sub(",", value)
    match = SOURCE.match(value)
    if not match:
        cut = SOURCE_CUT.search(value)
        fields["container_title"] = value[: cut.start()] if cut else value
        warnings.append(f"Source line not fully understood: {value!r}")
        return
    fields["container_title"] = match.group("j")
    fields["volume"], fields["issue"], fields["page"] = match.group("v", "n", "pp")
    if match.group("sw"):
        fields["issue"] = supplement_issue(match.group("n"), match.group("s"))
    if match.group("np"):
        fields["number_of_pages"] = int(match.group("np"))
    if match.group("d"):
        fields.setdefault("issued", parse_written_date(match.group("d")))


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word not in BLURB_CONNECTORS).upper()


def blurb_journal(blurb: str, warnings: list[str], cut: bool = False) -> str | None:
    """Longest listed name prefixing the blurb, else capitalised words before a verb.

    With `cut` the text stops inside the blurb: a name it ends with may be cut short.
    """
    known = journals.longest_prefix(blurb)
    after = blurb[len(known):] if known else ""
    if known and known.startswith("The ") and (acronym := ACRONYM.match(after)) \
            and acronym[0].strip(" ()").upper() == _initials(known[4:]):
        known = known[4:]  # `The Oncology Nursing Forum (ONF) is …`: the sentence's `The`
    # A listed name that runs on into more capitalised words is the start of a longer,
    # unlisted one (`International Journal of Oncology` in `… Oncology Pharmacy Practice`).
    if known and (BLURB_VERB_AFTER.match(after) or not (cut or NAME_GOES_ON.match(after))):
        return known
    words = ACRONYM.sub("", blurb).split()  # `Journal of X (JX) is …`
    if words[:1] == ["The"]:
        words = words[1:]  # the sentence's article, not the name's: listed names kept theirs
    verb = next((i for i, w in enumerate(words) if w in BLURB_VERBS), None)
    candidate = words[:verb] if verb else []
    if (candidate and candidate[0][0].isupper() and candidate[-1] not in BLURB_CONNECTORS
            and all(w[0].isupper() or w in BLURB_CONNECTORS for w in candidate)):
        warnings.append("journal taken from the blurb's leading words; not in the lists")
        return " ".join(candidate).rstrip(",")
    warnings.append("no journal name found in the publication blurb")
    return None
