"""The shapes of journal sites' numbering lines, one pattern per site family.

Named groups: `j` journal, `v` volume, `i` issue, `p` pages, `a` article number, `y` year,
`d` a written date. `_text_numbering` reads them; the examples are in its docstring.
"""

from __future__ import annotations

import re

_MONTH_NAMES = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
# AACR's meeting abstracts are numbered `P3-02-05`: one more hyphenated part than a range.
_PAGES = r"(?P<p>[A-Za-z]*\d+(?:-\d+)?(?:\s*[-\u2010-\u2015]\s*[A-Za-z]*\d+)?)"
# A name starts with a capital, or a short lower-case prefix (`eLife`, `iScience`, `npj …`).
_JOURNAL = r"(?P<j>(?:[A-Z]|[a-z]{1,3}(?=[A-Z])|npj\s)[^,;:()]{1,150}?)"
_JOURNAL_COLON = r"(?P<j>[A-Z][^,;:()]{1,150}?(?::\s[^,;:()]{1,150}?)?)"  # `JNCI: Journal of …`
SHAPES = (
    # Cell Press, copied: `Original Article Volume 32, Issue 4p488-499April 2021`; the
    # Lancet: `Articles| Volume 403, Issue 10424, P365-375, January 27, 2024`.
    re.compile(r"^(?:[A-Z][\w ]{0,40}?\s*\|?\s*)?Volume\s+(?P<v>\w+),\s*Issue\s+(?P<i>\w+?),?"
               r"\s*[pP](?P<p>\d+(?:[-\u2013]\d+)?),?\s*(?P<d>[A-Z][a-z]+\s+(?:\d{1,2},\s*)?\d{4})$"),
    # NEJM: `VOL. 341 NO. 21`; Karger: `Vol. 41, No. 10, 2018`; Future Medicine:
    # `Vol. 10, No. 5 | April 2014`.
    re.compile(r"^VOL\.\s*(?P<v>\d+),?\s+NO\.\s*(?P<i>\w+)(?:,\s*(?P<y>\d{4})|"
               r"\s*\|\s*(?P<d>[\w ,]*\d{4}))?$", re.IGNORECASE),
    # Cambridge Core spaces its commas: `Journal , Volume 6 , Issue 21 , October 2004 , pp. 1 - 19`;
    # Scilit: `Volume 22, Issue 4, pp e512-e521`.
    re.compile(rf"^(?:{_JOURNAL_COLON}\s*,\s*)?Volume\s+(?P<v>[\w.-]+)(?:\s*,\s*Issue\s+"
               rf"(?P<i>[\w./ -]+?))?(?:\s*,\s*(?P<d>[^,]*?\d{{4}}))?\s*[,;]\s*"
               rf"(?:(?:Pages?|pp\.?)\s*{_PAGES}|(?:Article\s+)?(?P<a>e?\d+))\.?(?:[,;]\s*https?://\S+)?$",
               re.IGNORECASE),
    # Scilit's newer header: `Frontiers in Oncology , Volume 12; https://doi.org/…`.
    re.compile(rf"^{_JOURNAL_COLON}\s*,\s*Volume\s+(?P<v>[\w.-]+)(?:\s*,\s*Issue\s+"
               rf"(?P<i>[\w./ -]+?))?(?:\s*,\s*(?:pp\.?|Pages?)\s*{_PAGES})?;\s*https?://\S+$"),
    re.compile(rf"^{_JOURNAL}\s+(?P<y>\d{{4}}),\s*(?P<v>\d+)(?:\((?P<i>[^)]+)\))?,\s*"
               r"(?P<a>\d+)(?:;.*)?$"),
    re.compile(rf"^{_JOURNAL}\s+volume\s+(?P<v>\S+),\s*(?:pages\s+{_PAGES}|"
               r"Article number:\s*(?P<a>\S+))\s*\((?P<y>\d{4})\)\s*(?:Cite this article)?$"),
    re.compile(rf"^{_JOURNAL}\s+(?P<v>\d+),\s*{_PAGES}\s+\((?P<y>\d{{4}})\)$"),
    # Taylor & Francis breadcrumb, Wiley: pages (and the T&F date) on a `Pages …` line below,
    # or after `p.` on Wiley's header line (`Volume 79, Issue 5 p. 487-494`).
    # (Wiley's Hindawi journals: an article number, `Volume 2025, Issue 1 7234519`.)
    re.compile(rf"^Volume\s*(?P<v>\w+),\s*(?:Issue|Number)\s*(?P<i>[\w-]+)"
               rf"(?:\s+pp?\.?\s*{_PAGES}|\s+(?P<a>\d{{5,}}))?$"),  # Oncotarget: `… pp 45121—45134`
    # Atypon's `Published In` block (ASCO): `Volume 27 • Number 15_suppl • May 20, 2009`.
    re.compile(r"^Volume\s+(?P<v>\w+)\s*•\s*(?:Number|Issue)\s+(?P<i>[\w-]+)\s*•\s*"
               r"(?P<d>[\w ,]*\d{4})$"),
    re.compile(r"^Volume\s+(?P<v>\w+),\s*(?P<y>\d{4})\s*-\s*Issue\s+(?P<i>[\w-]+)$"),  # T&F head
    re.compile(r"^Volume\s+(?P<v>\d+)$"),  # SAGE, for journals without issues
    # Silverchair (AACR, Karger, OUP): `Clin Cancer Res (2004) 10 (14): 4718–4727.`;
    # Future Medicine: `Future Oncol. (2010) 6(4), 553–565.`
    re.compile(rf"^{_JOURNAL}\s+\((?P<y>\d{{4}})\)\s+(?P<v>\w+)\s*(?:\((?P<i>[^)]+)\))?[:,]\s*"
               rf"{_PAGES}\.?$"),
    # Atypon's issue line (Future Medicine): `Future Oncology Vol. 6, No. 4`.
    re.compile(rf"^{_JOURNAL}\s+Vol\.\s*(?P<v>\w+),\s*No\.\s*(?P<i>[\w-]+)$"),
    # Atypon's older header (JCO): `DOI: 10.1200/… Journal of Clinical Oncology 39, no. 6
    # (February 20, 2021) 598-609.`
    re.compile(rf"^(?:DOI:?\s*10\.\S+\s+)?{_JOURNAL}\s+(?P<v>\d+),\s*no\.\s*(?P<i>[\w-]+)\s*"
               rf"\((?P<d>[^()]*\d{{4}})\):?\s*{_PAGES}\.?$"),
    # IOS Press, under its label: `Journal: Cancer Biomarkers, vol. 35, no. 3, pp. 265-279, 2022`.
    re.compile(rf"^(?:Journal:\s*)?{_JOURNAL},\s*vol\.\s*(?P<v>\w+),\s*no\.\s*(?P<i>[\w-]+),\s*"
               rf"pp\.\s*{_PAGES},\s*(?P<y>\d{{4}})$"),
    # SciELO's header: `Rev. esp. enferm. dig. vol.100 no.11 Madrid nov. 2008`.
    re.compile(rf"^{_JOURNAL}\s+vol\.\s?(?P<v>\w+)\s+no\.\s?(?P<i>[\w-]+)\s+(?:\D+?\s+)?"
               r"(?P<d>(?:[a-z]{3}\.?/)?[a-z]{3}\.?\s+\d{4})$"),
    # ResearchGate: the date glued to the journal, `June 2012Breast Cancer Res Treat 134(2):617-28`,
    # or set apart by a dot: `October 1996 · International Journal of Oncology 9(4):651-657`.
    re.compile(rf"^(?:{_MONTH_NAMES})[a-z]*\.?\s(?P<y>\d{{4}})(?:\s+·\s+)?{_JOURNAL}\s+(?P<v>\d+)"
               rf"(?:\((?P<i>[^)]+)\))?:\s*{_PAGES}$"),
    # … and its newer header: `Article in Breast Cancer Research and Treatment 196(1) ·
    # November 2022` (pages after a colon when shown).
    re.compile(rf"^(?:Article|Review|Letter|Conference Paper)\s+in\s+{_JOURNAL}\s+(?P<v>\d+)"
               rf"(?:\((?P<i>[^)]+)\))?(?::\s*{_PAGES})?\s+·\s+"
               r"(?P<d>(?:[A-Z][a-z]+\s+)?\d{4})$"),
    # NEJM, BMJ, Lancet: `N Engl J Med 1999;341:1570-1578`, `BMJ Open 2016;6:e012386. doi: …`;
    # Ivyspring's citation adds the article's address: `… doi:10.7150/jca.91234. https://…`.
    re.compile(rf"^(?P<j>[A-Z][^,;:().]{{1,80}}?)\s+(?P<y>\d{{4}});\s*(?P<v>\w+)"
               rf"(?:\((?P<i>[^)]+)\))?:\s*{_PAGES}\.?(?:\s+doi:?\s*\S+)?(?:\s+https?://\S+)?$"),
    # Ivyspring's header, under the journal's name: `2024; 15(6):1602-1615. doi:… This issue Cite`.
    re.compile(rf"^(?P<y>\d{{4}});\s*(?P<v>\w+)\((?P<i>[^)]+)\):\s*{_PAGES}\."
               r"(?:\s+doi:\s*\S+)?(?:\s+This issue)?(?:\s+Cite)?$"),
    # Semantic Scholar: `Published in Gastric Cancer 14 June 2014`.
    re.compile(rf"^Published in\s+(?!Vol)(?!Issue){_JOURNAL}\s+"
               r"(?P<d>(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4})$"),
    # J-STAGE: `Volume 188 (1999) Issue 3` and `1999 Volume 188 Issue 3 Pages 205-214`.
    re.compile(r"^Volume\s+(?P<v>\w+)\s+\((?P<y>\d{4})\)\s+Issue\s+(?P<i>[\w-]+)$"),
    # … and Spandidos: `May-2016 Volume 11 Issue 5`.
    re.compile(rf"^(?:[A-Z][a-z]{{2,8}}-)?(?P<y>\d{{4}})\s+Volume\s+(?P<v>\w+)\s+Issue\s+"
               rf"(?P<i>[\w-]+)(?:\s+Pages\s+{_PAGES})?$"),
    # Dove: `Published 9 July 2019 Volume 2019:12 Pages 5411 — 5422`.
    re.compile(rf"^Published\s+(?P<d>\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}})\s+Volume\s+\d{{4}}:"
               rf"(?P<v>\w+)\s+Pages\s+{_PAGES}$"),
    # LWW: `Anti-Cancer Drugs 9(7):p 611-618, August 1998. | DOI: …` and
    # `August 1998 - Volume 9 - Issue 7`.
    re.compile(rf"^{_JOURNAL}\s+(?P<v>\d+)(?:\((?P<i>[^)]+)\))?:\s*p\s*{_PAGES},\s*"
               r"(?P<d>[A-Z][a-z]+\s+(?:\d{1,2},\s*)?\d{4})\.?(?:\s*\|.*)?$"),
    re.compile(r"^(?P<d>[A-Z][a-z]+\s+\d{4})\s+-\s+Volume\s+(?P<v>\w+)\s+-\s+Issue\s+"
               r"(?P<i>[\w-]+)$"),
    # Europe PMC: `British journal of cancer, 01 Nov 1998, 78(9):1150-1157`.
    re.compile(rf"^{_JOURNAL},\s*(?P<d>\d{{1,2}}\s+[A-Z][a-z]{{2}}\s+\d{{4}}),\s*(?P<v>\w+)"
               rf"(?:\((?P<i>[^)]+)\))?:\s*{_PAGES}$"),
    # Crossref Metadata Search: `JOURNAL ARTICLE published July 1999 in Annals of Oncology`.
    re.compile(rf"^[A-Z][A-Z ]+\s+published\s+(?P<d>(?:\d{{1,2}}\s+)?(?:[A-Z][a-z]+\s+)?\d{{4}})"
               rf"\s+in\s+{_JOURNAL}$"),
    # Springer Nature Link: `Volume 21, pages 968–976, (2018)` (the journal on its own line).
    re.compile(rf"^Volume\s+(?P<v>\w+),\s*(?:pages\s+{_PAGES}|Article number:?\s*(?P<a>\S+)),?"
               r"\s*\((?P<y>\d{4})\)$"),
    # Lens, under the title: `Breast Cancer Research and Treatment | 2019`.
    re.compile(rf"^(?!Home\b){_JOURNAL}\s+\|\s+(?P<y>\d{{4}})$"),
    # EBSCOhost: `Source: Journal of Clinical Oncology. 3/10/2006, Vol. 24 Issue 8, p1245-1253.
    # 9p. 2 Charts` (`9p.` counts the pages).
    re.compile(rf"^(?:Source:\s*)?{_JOURNAL}\.\s+(?P<d>[^,]*\d{{4}}),\s*Vol\.\s*(?P<v>\w+)\s+"
               rf"(?:Issue\s+(?P<i>[\w-]+),\s*)?p{_PAGES}\.(?:\s.*)?$"),
    # OpenAlex: `2010 · article · Clinical Cancer Research` under the title, and the row
    # `Biblio<TAB>vol. 16 · iss. 3 · pp. 842–851`.
    re.compile(rf"^(?P<y>\d{{4}})\s*·\s*[a-z-]+\s*·\s*{_JOURNAL}$"),
    re.compile(rf"^Biblio:?\s+vol\.\s*(?P<v>\w+)(?:\s*·\s*iss\.\s*(?P<i>[\w-]+))?"
               rf"(?:\s*·\s*pp\.\s*{_PAGES})?$"),
    # BMJ Journals: `J Clin Pathol Jun 1998, 51 (6) 441-447; DOI: 10.1136/jcp.51.6.441`.
    re.compile(rf"^{_JOURNAL}\s+(?P<d>[A-Z][a-z]{{2}}\s+\d{{4}}),\s*(?P<v>\d+)\s*\((?P<i>[^)]+)\)\s*"
               rf"{_PAGES}(?:;\s*DOI:?\s*\S+)?$"),
    # Hindawi (journal on the line above): `Volume 2009 (2009), Article ID 382164, 9 pages`.
    re.compile(r"^Volume\s+(?P<v>\w+)\s+\((?P<y>\d{4})\),\s*Article ID\s+(?P<a>\w+)"
               r"(?:,\s*\d+\s+pages)?$"),
    # AME: `Vol 11, No 3 (March 2022) / Gland Surgery`.
    re.compile(rf"^Vol\.?\s*(?P<v>\w+),\s*No\.?\s*(?P<i>[\w-]+)\s*\((?P<d>[^)]*\d{{4}})\)\s*/\s*"
               rf"{_JOURNAL}$"),
    # Ovid's source row: `Source: Journal of Clinical Oncology. 16(9):3012-19, 1998 Sep.`
    re.compile(rf"^(?:Source:\s*)?{_JOURNAL}\.\s+(?P<v>\w+)(?:\((?P<i>[^)]+)\))?:{_PAGES},\s*"
               r"(?P<d>\d{4}(?:\s+[A-Z][a-z]{2})?)\.?$"),
    # Embase: `Breast Cancer Research and Treatment 2016 155:3 (503-512)`.
    re.compile(rf"^{_JOURNAL}\s+(?P<y>\d{{4}})\s+(?P<v>\w+):(?P<i>[\w-]+)\s+\({_PAGES}\)$"),
    # Primo (library discovery): `Cancer, 1995-12-01, Vol.76 (11), p.2234-2240`.
    re.compile(rf"^{_JOURNAL},\s*(?P<d>\d{{4}}(?:-\d\d-\d\d)?),\s*Vol\.\s?(?P<v>\w+)\s*"
               rf"(?:\((?P<i>[^)]+)\))?,\s*p\.\s?{_PAGES}$"),
    # Baishideng: `World J Gastroenterol. Jun 14, 2014; 20(22): 6891-6903`.
    re.compile(rf"^{_JOURNAL}\.\s+(?P<d>[A-Z][a-z]{{2}}\s+\d{{1,2}},\s*\d{{4}});\s*(?P<v>\w+)"
               rf"\((?P<i>[^)]+)\):\s*{_PAGES}$"),
    # CiNii Research: `The Kurume Medical Journal 43 (2), 141-148, 1996`.
    re.compile(rf"^{_JOURNAL}\s+(?P<v>\d+)\s*\((?P<i>[^)]+)\),\s*{_PAGES},\s*(?P<y>\d{{4}})$"),
    # Scilit's chapter header, under `in Book Title`: `pp 187-209; https://doi.org/…`.
    re.compile(rf"^pp\.?\s*{_PAGES};\s*https?://\S+$"),
    # Scilit's article header: `Journal, Volume 40, pp 4123-4131; https://doi.org/…`, also
    # `Volume 33, Supplement 7, pp S512` (the issue written the MEDLINE way, `Suppl 7`).
    re.compile(rf"^{_JOURNAL},\s*Volume\s+(?P<v>[\w.-]+)(?:,\s*Issue\s+(?P<i>[\w./-]+)|"
               rf",\s*Supplement\s+(?P<s>\w+))?,\s*pp\.?\s*{_PAGES}(?:;.*)?$"),
)
PAGES_LINE = re.compile(rf"^(?:Pages?:?|pp?\.)\s*{_PAGES}$")  # Wiley: `p. 1233-1245`
ISSUE_LINE = re.compile(r"^Issue\s+(?P<i>[\w./-]{1,12})$")
# Wiley's issue header ends in the issue's date on a line of its own: `1 April 2024`.
DATE_LINE = re.compile(r"^(?:\d{1,2}\s+)?[A-Z][a-z]+\s+(?:\d{1,2},\s+)?\d{4}$")
# Taylor & Francis: `Pages 745-756 | Received …, Accepted …, Published online: 04 Feb 2021`,
# or an article number: `Article: 2305912 | Received …`.
TANDF_PAGES = re.compile(rf"^(?:Pages?\s+{_PAGES}|Article:\s*(?P<a>\w+))\s*\|.*?"
                         r"Published online:\s*(?P<d>[^,|]+\d{4})")
