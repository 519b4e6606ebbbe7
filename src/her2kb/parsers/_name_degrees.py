"""Degrees printed after authors' names (`Hannah Lieberman, PhD2`, LWW's `Tang, Meiling MD,
PhDa,c`): no part of a name. A degree is written with a capital inside (`MD`, `PhD`), so
the family names `Ma` and `Do` stay names.
"""

from __future__ import annotations

import re

# Degrees after names (`Hannah Lieberman, PhD2; Obinna Nwachukwu, MD, MPH1,3; et al`).
DEGREES = frozenset({"md", "phd", "mph", "msc", "ms", "ma", "bsc", "bs", "mbbs", "mbchb", "do",
                     "rn", "pharmd", "dphil", "mmed", "frcp", "frcpc", "facp", "mba", "dsc", "dr",
                     "frcpath", "frcs", "mrcp", "mbbch", "ba", "dmsc", "dmedsc",
                     # Pharmacy and nursing (oncology pharmacy journals print them).
                     "bpharm", "mpharm", "bcop", "bcps", "msn", "bsn", "aocnp", "ocn",
                     # British and Commonwealth medical degrees (NEJM: `M.B., Ch.B.`).
                     "mb", "chb", "bchir", "bmbs", "mrcs", "facs", "fasco", "frcr"})


def without_degrees(part: str) -> str:
    """`Catherine M. Ashworth MD` -> `Catherine M. Ashworth`. A degree is written with a
    capital inside (`MD`, `PhD`), so the family names `Ma` and `Do` stay."""
    words = part.split()
    while len(words) > 2 and words[-1].replace(".", "").casefold() in DEGREES \
            and words[-1] != words[-1].capitalize():
        words.pop()
    return " ".join(words)


def undegreed(part: str) -> str:
    """LWW's `Tang, Meiling MD, PhDa,c` -> `Tang, Meiling`: degrees after the given names,
    the affiliation letters glued to the last (`MDa`, `MMedb`, `PhDa,*`)."""
    words = part.split()
    while len(words) > 2 and _is_degree(words[-1]):
        words.pop()
    return " ".join(words)


def _is_degree(token: str) -> bool:
    word = re.sub(r"(?:,[a-z*∗†‡])+$", "", token.rstrip(",")).rstrip("*∗†‡")  # (∗: LWW's)
    return any(cut and cut != cut.capitalize() and bare_degree(cut) in DEGREES
               for cut in (word, word[:-1]))


# NEJM closes its list `Tom Poe, M.D.  for the X Investigators`: the degree ends the name.
DEGREE_BEFORE_GROUP = re.compile(r"^(?:[A-Z][A-Za-z.]{0,7},?\s+)+(?=(?:for|on behalf of)\s)")


def ungrouped_degree(part: str) -> str:
    """`M.D.  for the X Investigators` -> `for the X Investigators` (degrees only)."""
    lead = DEGREE_BEFORE_GROUP.match(part)
    if lead and all(bare_degree(word.rstrip(",")) in DEGREES for word in lead[0].split()):
        return part[lead.end():]
    return part


def bare_degree(word: str) -> str:
    """`Ph.D.1` -> `phd`: a degree as DEGREES holds it, without dots or a marker."""
    return re.sub(r"[\d*†‡]+$", "", word).replace(".", "").casefold()
