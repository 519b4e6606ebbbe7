"""Database record tables copied as text (EBSCOhost's detailed record).

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

ROW = re.compile(r"^[A-Z][\w /()-]{1,40}:\t")
MORE_VALUES = re.compile(r"^\t+(?P<value>\S.*?)\s*$")
# The title row ends in a sentence's period the title does not have (`… phase II study. `).
TITLE_ROW = re.compile(r"^(?P<title>Title:\t.*?[^\W_]{3})\.\s*$")
DATABASE_NOTE = re.compile(r"\s*\[ABSTRACT FROM (?:AUTHOR|PUBLISHER)\]|^Copyright of .*")


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
