"""Author lines in a scholarly page's visible text, for the generic reader's guesses.

Journal sites print names in many ways: `Astrid Holmqvist1†, Ruairí Ó Súilleabháin1,3*`
with affiliation markers glued on (Frontiers), `Henrike Vogel a c` with letters
(ScienceDirect), degrees after each name (`Hannah Lieberman, PhD2; …; et al`, JAMA), ORCID
links between names (SAGE), a `By` line, or MDPI's lone `by` and one name per line. A line
counts as names only when every part, once cleaned of these, reads as a name.
"""

from __future__ import annotations

import re

from ..names import FAMILY_WORDS
from ._name_degrees import DEGREES, bare_degree, undegreed, ungrouped_degree, without_degrees

# `Henrike Vogel a c`, `Julian Fairbanks a 1`: affiliation letters and footnote numbers.
LETTER_MARKERS = re.compile(r"(?:\s[a-z]{1,3})+(?:\s\d{1,2})*$")  # ScienceDirect: `Anna Lind ab`
# Bylines end in their site's controls: the Lancet's `… ∙ et al. Show all authors ∙ Show
# footnotes`, SAGE's `… and Amira Haddad  View all authors and affiliations`, Scilit's
# `… Yifan Zhou1,5 Show Affiliations`.
BYLINE_CONTROLS = re.compile(r"\s*(?:[∙•·]\s*)?(?:Show all authors(?:\s*[∙•·]\s*Show footnotes)?"
                             r"|View all authors and affiliations|(?:Show|Hide) Affiliations)$")
# Frontiers copies its names with nothing between them but the markers:
# `Wei Liu1,2†Xiaoming Zhang2†Hao Chen3`.
RUN_TOGETHER = re.compile(r"(?<=[a-z])\d{1,2}(?:,\d{1,2})*[*†‡§#]*(?=[A-Z])")
GLUED_LETTER, MARKER_LETTERS = re.compile(r"^[a-h]$"), frozenset("abcdefgh")
_LOWER_WORDS = "|".join(sorted(map(re.escape, FAMILY_WORDS), key=len, reverse=True))
# A name: up to four capitalised words or lower-case particles (`van`, `bin`), then a
# capitalised last word with any markers left on it; no digit inside a word (`K2011-64X`).
NAME_PART = re.compile(  # (and Arabic particles joined by a hyphen: `Noor ul-Ain Qureshi`)
    rf"^(?:(?:[^\W\d_a-z](?:[^\W\d_]|['’.\u2010\u2011-])*|{_LOWER_WORDS}|"
    r"(?:al|el|ul|ud|ad|ur)-[^\W\d_a-z][^\W\d_]*)\s+)"
    r"{1,4}[^\W\d_a-z](?:[^\W\d_]|['’\u2010\u2011-])+[\d*†‡]*$")
# Letters of a name, with the apostrophes and hyphens (U+2011 on Spandidos) inside it.
_CAPITALISED = r"[^\W\d_a-z](?:[^\W\d_]|['’\u2010\u2011-])*"
# A Vancouver name in a byline (Dove `Authors Zhou H, Tang Q`; Europe PMC `Tanabe K 1 ,`,
# `Lefort J-P 2 ,`).
VANCOUVER_NAME = re.compile(
    rf"^{_CAPITALISED}(?:\s{_CAPITALISED})?\s[A-Z]{{1,3}}(?:-[A-Z]{{1,2}})?$")
# Karger: `Ebersbach K.a · Thalmann R.a, b`: dotted initials after the family name, the
# affiliation letters glued to the last dot.
DOTTED_NAME = re.compile(rf"^(?P<family>{_CAPITALISED}(?:\s{_CAPITALISED})?)\s"
                         r"(?P<initials>(?:[A-Z]\.-?){1,3})$")
# CiNii and other Japanese sites: the family name first, in capitals (`MORIKAWA Tetsuya`).
# (Three letters or more, one a vowel: `JD Smith` is initials, then the family name.)
CAPITALS_FIRST = re.compile(r"^(?P<family>(?=[A-Z'-]*[AEIOUY])[A-Z][A-Z'-]{2,})\s+"
                            r"(?P<given>[A-Z][a-z][\w'-]*(?:[\s-][A-Z][a-z][\w'-]*)?)$")
DOTTED_MARKERS = re.compile(r"(?<=[A-Z]\.)[a-z](?:,\s*[a-z])*(?=\s*[,∙•·]|\s*$)")
# Scopus: `Lindqvist, M.a ,  Okafor, C.T.b,  Haraldsdóttir, S.a, c,  … Email Author`: each
# name is `Family, Initials`, and commas also separate the names.
INITIALS_PART = re.compile(r"^(?:[A-Z]\.-?){1,3}$")
FAMILY_PART = re.compile(rf"^{_CAPITALISED}$")
# Links after the last name: Scopus `Email Author`, Cochrane `Authors' declarations of interest`.
# Atypon (ASCO): `… Catherine M. Ferreira, MD AUTHORS INFO & AFFILIATIONS`.
CONTACT_TAIL = re.compile(r"\s+(?:Email Author|Authors' declarations of interest|"
                          r"Author information|(?i:Authors Info & Affiliations))$")  # Europe PMC
# Family name first (LWW `Nakamura, Kenji; Ohno, Masako`; Zenodo `Sørensen, Mikkel1`).
FAMILY_FIRST = re.compile(rf"^(?P<family>{_CAPITALISED}(?:\s{_CAPITALISED}){{0,2}}),\s+"
                          rf"(?P<given>{_CAPITALISED}\.?(?:[\s-]{_CAPITALISED}\.?){{0,3}})"
                          r"(?:\d{1,2}(?:,\d{1,2})*)?[*†‡]?$")
# LWW: `Lindqvist, Anna a; Kowalski, Marek P.a,b`: affiliation letters after the given names.
FIRST_LETTERS = re.compile(r"(?:(?<=\.)|\s)[a-z](?:,[a-z])*$")
# Frontiers: `Astrid Holmqvist1†, Ruairí Ó Súilleabháin1,3*`: markers glued to the name;
# J-STAGE closes them with a bracket (`Kazuhiro Moriyama1), Yui Hashimoto1)`); AME adds
# `#` (equal contribution) and `^` (ORCID): `Xiaoyu Zhang1#, Wen-Hui Zhao1^`.
# A digit in an acronym inside a group's name (`HER2 Trial Investigators`) is no marker.
GLUED_MARKERS = re.compile(r"(?<=[^\W\d_])(?!(?<=[A-Z]{2})\d+\s+[A-Z])"
                           r"(?:\d+(?:,\d+)*\)?(?:,?[*†‡§#^✉])*|[*†‡§✉]+|"
                           r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁄][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*[*†‡]*)(?=[\s,;]|$)")
ET_AL = re.compile(r"[,;]?\s*et al\.?$")
# Between names: commas, semicolons, `and`, and Cell Press's and Springer's dots
# (`Ana Moura1 ∙ Daniel Whitcombe1 ∙ … ∙ Javier Ortega 1,3 ∙ Show more`).
SEPARATOR = re.compile(r",|;|&|\band\b|[∙•·]")
# Where a site folds names away (`+6`, `+4 authors`, `…`, `Show more`): the list is not whole.
FOLDED_PART = re.compile(r"^(?:\+\s?\d+(?:\s+(?:more\s+)?authors?|\s+more)?|…|\.\.\.|"
                         r"(?:et al\.?\s*)?Show (?:more|all|\d+ more)(?: \d+)?(?: authors)?)$",
                         re.IGNORECASE)
# Dimensions: `Karl Brandtner, Yuki Sasaoka … + 9 more`; Scilit: `… Siobhán Ní Bhriain + 35 more`.
FOLDED_TAIL = re.compile(r"(?:\s*(?:…|\.\.\.)\s*|\s+)(\+\s?\d+\s+more|(?<=…\s)Show more)$",
                         re.IGNORECASE)
# Springer: `… & on behalf of the Kanto-Tokai Gastric Cancer Study Group`: a group author.
ON_BEHALF = re.compile(r"^(?:on behalf of|for)\s+(?:the\s+)?", re.IGNORECASE)
BRACKETED_MARKS = re.compile(r"\[[a-z\d*∗†‡]{1,3}(?:[;,]\s?[a-z\d*∗†‡]{1,3})*\]")
THE = re.compile(r"^the\s+(?=[A-Z])")
GROUP_WORD = re.compile(r"\b(?:Group|Consortium|Investigators|Collaborat\w*|Network|Committee)$")
# Words of badges, menus and tables that no name holds (`Original Article · Open Access`,
# `Table S2, Figure S3`, `Hepatitis B, Hepatitis C`).
NOT_NAME_WORDS = frozenset({
    "article", "access", "open", "original", "research", "review", "table", "figure",
    "supplementary", "abstract", "issue", "volume", "journal", "special", "download", "view",
    "show", "search", "menu", "share", "cite", "pdf", "full", "text", "online", "section",
    "chapter", "appendix", "hepatitis", "cancer", "study", "design", "type", "buy", "filters",
    "privacy", "policy", "terms", "cookie", "cookies", "contact",  # a footer's links
    "notes", "information"})  # OUP's `Author Notes` under its panels
# Semantic Scholar: `Kenji Mabuchi, Soo-Yeon Park, +4 authors Hiroshi Taneda`.
FOLDED_INLINE = re.compile(r"(\+\s?\d+\s+(?:more\s+)?authors?)\s+(?=[^\W\d_])", re.IGNORECASE)
EMAIL = re.compile(r"\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Affiliation numbers after a space, before a dot separator: `Javier Ortega 1,3 ∙`.
SPACED_MARKERS = re.compile(r"(?<=[^\W\d_])\s\d{1,2}(?:,\d{1,2})*[*†‡]?(?=\s*[∙•·])")
BY_LINE = re.compile(r"^(?:[Bb]y|Authors)\s+(?P<names>[A-Z].+)$")  # Dove: `Authors Zhou H, …`
# Google Scholar's byline ends in its source: `Y Hashimoto, T Ochiai - Gastric Cancer, 2009 -
# Springer`.
SCHOLAR_TAIL = re.compile(r"\s+-\s+[^-]*\b(?:1[89]|20)\d\d\s+-\s+\S+$")
GLUED_FOLD = re.compile(r"(?<=[^\W\d_])…$")  # Scholar: `A Yılmaz, M Demir, E Kaya… - Journal`
# Markers standing apart: `Ji Hyun Park, M.D.,1 Seung Min Lee, M.D., Ph.D.,2 …` (KoreaMed),
# `Camille Lefèvre 1, 2 , Julien Bonnefoy 1 ,` (HAL), `Tanabe K 1 , Morishita Y 1` (Europe PMC).
# Cambridge Core: `Margaret E. Holloway (a1), Tomás Ruiz-Serrano (a1) (a2) and …`.
AFFILIATION_LINKS = re.compile(r"(?:\s*\(a\d{1,2}\))+")
LEADING_MARKER = re.compile(r"^(?:\d{1,2}[*†‡]?|[*†‡]+)\s+(?=[^\W\d_])")
MARKER_PART = re.compile(r"^(?:\d{1,2}[*†‡]?|[*†‡§]+)$")
TRAILING_MARKER = re.compile(r"\s\d{1,2}[*†‡]?$")
# SAGE links the iD; Springer and BMC print `ORCID: orcid.org/0000-…` with the
# affiliation marker glued to its last digit, so only the iD's own 16 characters go.
# HighWire sites (bioRxiv, medRxiv) glue the link text to the name: `View ORCID ProfileYuki`;
# Taylor & Francis prints the icon's alt text: `Lorenzo Castellani ORCID Icon, …`, Ivyspring
# the bare word: `Thomas K. Brenner3 ORCID, Qiang Sun1✉`.
# The marker may also stand apart after the iD (`… orcid.org/0000-0002-7713-4410 1`).
ORCID = re.compile(r"\s*(?:View ORCID Profile|ORCID(?: Icon)?(?=[\s,;]|$)|(?:ORCID:?\s*)?(?:https?://)?orcid\.org/"
                   r"(?:\d{4}-\d{4}-\d{4}-\d{3}[\dX](?:\s\d{1,2}(?:,\d{1,2})*(?=[\s,;&]|$))?"
                   r"|[^\s,;]+))")
# Springer marks equal contribution with a note number after the affiliation: `Lena Hoffmann1 na1`.
EQUAL_CONTRIBUTION = re.compile(r"\s+na\d{1,2}(?=[\s,;&]|$)")
# eLife prints its envelope icon's text after a name: `Per-Olof Nyberg Is a corresponding author`.
CORRESPONDING = re.compile(r"\s+is a corresponding author(?=[\s,;&]|$)", re.IGNORECASE)
# The Lancet: `Prof Jin-Woo Seo, MD  a,b,* ∙ Alessandra Ricci, MD  c,† ∙ …`.
DEGREE_AND_MARKS = re.compile(r",\s+(?P<d>[A-Z][A-Za-z.]{1,7})\s+[a-z*†‡](?:,[a-z*†‡])*"
                              r"(?=\s*(?:[∙•·]|…|$))")
# PLOS sets its marks apart: `Mei-Ling Zhou ☯, Jun Wang ☯, … Qing-Hua Deng *`.
SPACED_SYMBOLS = re.compile(r"\s+[☯*†‡§✉]+(?=\s*[,;]|\s*$)")

# The Lancet and others put a title before the name: `Prof Ingrid Solberg`.
HONORIFIC = re.compile(r"^(?:Prof(?:essor)?\.?|Dr\.?|Assoc(?:iate)?\.? Prof(?:essor)?\.?)\s+"
                       r"(?=[A-Z])")


def ends_et_al(line: str) -> bool:
    """True when the author line stops at `et al`: the list shown is not the whole list."""
    return ET_AL.search(line.strip()) is not None


def _name_parts(line: str) -> list[str]:
    """The line's parts once cleaned of markers, links, e-mail addresses and degrees."""
    if by := BY_LINE.match(line):
        line = by.group("names")
    line = RUN_TOGETHER.sub(r"\g<0>, ", BYLINE_CONTROLS.sub("", line))
    line = AFFILIATION_LINKS.sub("", CONTACT_TAIL.sub("", SCHOLAR_TAIL.sub("", line)))
    line = EQUAL_CONTRIBUTION.sub("", EMAIL.sub("", CORRESPONDING.sub("", line)))
    line = SPACED_SYMBOLS.sub("", line)
    line = DEGREE_AND_MARKS.sub(lambda m: "" if bare_degree(m["d"]) in DEGREES else m[0], line)
    line = FOLDED_INLINE.sub(r"\1, ", ORCID.sub("", line))
    line = GLUED_FOLD.sub(", …", FOLDED_TAIL.sub(r", \1", line))
    line = ET_AL.sub("", GLUED_MARKERS.sub("", SPACED_MARKERS.sub("", line)))
    line = DOTTED_MARKERS.sub("", line)
    parts = [LEADING_MARKER.sub("", p.strip()) for p in SEPARATOR.split(line.rstrip(",; "))]
    parts = _without_glued_letters([p for p in parts if p and not MARKER_PART.match(p)])
    if len(parts) > 1 and all(TRAILING_MARKER.search(p) for p in parts  # a group has none
                              if not (FOLDED_PART.match(p) or GROUP_WORD.search(p))):
        parts = [TRAILING_MARKER.sub("", p) for p in parts]
    parts = [ungrouped_degree(without_degrees(HONORIFIC.sub("", LETTER_MARKERS.sub("", p))))
             for p in parts]
    return [_undotted(p) for p in parts if bare_degree(p) not in DEGREES]


def _without_glued_letters(parts: list[str]) -> list[str]:
    """Taylor & Francis glues affiliation letters to the names: `Xiaoyu Liua, Hongwei
    Zhaob & Qiang Zhoua,b`. A lone letter after a comma (`b`) shows it; then every name
    ends in one."""
    letters = [p for p in parts if GLUED_LETTER.match(p)]
    names = [p for p in parts if not GLUED_LETTER.match(p)]
    if letters and len(names) > 1 and all(p[-1] in MARKER_LETTERS and p[-2:-1].isalpha()
                                          for p in names):
        return [p[:-1] for p in names]
    return parts


def _undotted(part: str) -> str:
    """`Ebersbach K.` -> `Ebersbach K`, a Vancouver name as the author readers take it."""
    if dotted := DOTTED_NAME.match(part):
        return f"{dotted['family']} {re.sub(r'[.-]', '', dotted['initials'])}"
    return part


def names_line(line: str) -> str | None:
    """The names of a `Given Family, Given Family` (or `By …`, or `Family, Given; …`)
    line, else None. Folded names (`+6`, `…`) are left out; `folds_names` tells whether
    there were any. Scopus's `Family, I., Family, I.` and CiNii's `FAMILY Given` come back
    as `Family, Given; …`."""
    line = BRACKETED_MARKS.sub("", line).replace(" | ", "; ")  # IOS: `Doe, Jane[a; *] | …`
    if ";" in line and (first := family_first(line.split(";"))):
        return first
    parts = [p for p in _name_parts(line) if not FOLDED_PART.match(p)]
    if len(parts) >= 4 and len(parts) % 2 == 0 and all(map(FAMILY_PART.match, parts[::2])) \
            and all(map(INITIALS_PART.match, parts[1::2])):
        return "; ".join(f"{family}, {initials}"
                         for family, initials in zip(parts[::2], parts[1::2], strict=True))
    last = len(parts) - 1
    # A group author ends the list: `… & on behalf of the X Study Group`.
    group = last > 0 and _is_group(parts[last])
    if group:
        parts[last] = ON_BEHALF.sub("", parts[last])
    if not parts or not all(is_name(p) or (group and i == last) for i, p in enumerate(parts)):
        return None
    if not group and all(capitals := [CAPITALS_FIRST.match(p) for p in parts]):
        return "; ".join(f"{name['family']}, {name['given']}" for name in capitals if name)
    return ", ".join(parts)


def _is_group(part: str) -> bool:
    """A study group (`on behalf of the X Group`, `X Investigators`)."""
    return ON_BEHALF.match(part) is not None or GROUP_WORD.search(part) is not None


def family_first(parts: list[str]) -> str | None:
    """`Nakamura, Kenji; Ohno, Masako` as it is, when every part is `Family, Given` (a
    group may close the list: LWW's `…; the X Collaborative Group`). One name alone must
    have one word on a side: `Wen Zhao, Kai Ostberg` is two names."""
    parts = [p for p in parts if p.strip()]
    closing = parts[-1].strip() if len(parts) > 2 else ""
    group = THE.sub("", ON_BEHALF.sub("", closing)) \
        if GROUP_WORD.search(closing) and "," not in closing else None
    parts = parts[:-1] if group else parts
    found = [FAMILY_FIRST.match(FIRST_LETTERS.sub("", GLUED_MARKERS.sub("", undegreed(p))))
             for p in parts]
    names = [name for name in found if name and bare_degree(name["given"]) not in DEGREES]
    if not names or len(names) < len(found):  # `Hannah Lieberman, PhD2` is a degree
        return None
    if len(names) == 1 and min(len(names[0]["family"].split()),
                               len(names[0]["given"].split())) > 1:
        return None
    return "; ".join([*(f"{name['family']}, {name['given']}" for name in names),
                      *([group] if group else [])])


def folds_names(line: str) -> bool:
    """True when the author line shows only some names (`et al`, `+6`, `…`, `Show more`)."""
    return ends_et_al(BYLINE_CONTROLS.sub("", line)) \
        or any(FOLDED_PART.match(p) for p in _name_parts(line))


def is_name(part: str) -> bool:
    return bool(NAME_PART.match(part) or VANCOUVER_NAME.match(part)) \
        and not NOT_NAME_WORDS.intersection(part.casefold().split())
