"""Whether a text is an OUCI-style aggregator page (formats.md §0 step 8, §7)."""

from __future__ import annotations

import re

from ._ouci_values import rows_labelled
from ._page import holds_tagged_export, looks_like_structured_document, page_lines

# Detection (§0 step 8). Anchors are printed only by OUCI-style pages; support lines also
# occur elsewhere (Ingenta prints `Authors:`), so they never claim a page on their own.
ANCHORS: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(p, re.MULTILINE | re.IGNORECASE), score) for p, score in (
        (r"^(?:Journal|Видання):\s.+,\s\d{4},\s(?:(?:Vol|Т)\.\s*\d+,\s)?"
         r"(?:№\s*\S|(?:p|с)\.\s*\S)", 25),
        (r"^(?:https?://)?(?:dx\.)?doi\.org/10\.\S+\s·(?:\s*(?:Full text|Повний текст))?$", 25),
        (r"^(?:Number of works in the list of references|Кількість джерел у списку "
         r"літератури)(?::?$|:\s)", 20),
        (r"^(?:General information|Загальна інформація)\n+(?:Publication type|Тип публікації|"
         r"Journal|Видання|Year of publication|Рік публікації|Рік видання|Number of citations|"
         r"Кількість цитувань):?$", 20),
        (r",\s№\s*\d+,\s(?:p|с)\.\s*\S+$", 15),
        (r"^(?:Open Ukrainian Citation Index|OUCI)(?:\s+Відкритий український індекс[\w ]*)?$",
         20),
    ))
SUPPORT: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(p, re.MULTILINE | re.IGNORECASE), score) for p, score in (
        (r"^(?:Publisher|Видавець):", 5), (r"^(?:Authors|Автори):", 5),
        (r"^(?:List of references|Список літератури)$", 5),
        (r"^(?:Publications that cite this publication|Публікації, які цитують цю "
         r"публікацію)$", 10),
        (r"^(?:General information|Загальна інформація)$", 5),
    ))
MIN_MARKERS, MAX_SCORE = 2, 50


def detect(head: str) -> int:
    """Score OUCI markers; 0 without an anchor or below two markers, and for tagged/JSON/markup."""
    if holds_tagged_export(head) or looks_like_structured_document(head):
        return 0
    text = "\n".join(page_lines(rows_labelled(head)))
    anchors = [score for pattern, score in ANCHORS if pattern.search(text)]
    support = [score for pattern, score in SUPPORT if pattern.search(text)]
    if not anchors or len(anchors) + len(support) < MIN_MARKERS:
        return 0
    return min(sum(anchors) + sum(support), MAX_SCORE)
