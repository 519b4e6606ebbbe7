"""A deterministic generator of realistic synthetic bibliographic records.

Vocabulary drawn from a Zipf-like distribution, abstracts of 150-300 words, 5-15
authors, real-looking journals, DOIs and PMIDs, and a share of duplicates carrying
typos (the same work again, as a second database would export it).
"""

from __future__ import annotations

import random
import string
from collections.abc import Iterator
from itertools import accumulate

from her2kb.records import DateParts, Name, Record, StoredRecord

SYLLABLES = ["on", "co", "gen", "ther", "ap", "tra", "stu", "zu", "mab", "her", "re", "cep",
             "tor", "ki", "nase", "in", "hib", "it", "al", "pro", "tein", "ex", "pres", "sion"]
SURNAMES = ["Chen", "Nahta", "Slamon", "Baselga", "Müller", "García", "de la Cruz", "Kim",
            "O'Brien", "Novák", "Ivanova", "Smith", "Wang", "Rossi", "Kowalski", "Jin-Shing"]
JOURNALS = ["Journal of Clinical Oncology", "Annals of Oncology", "Breast Cancer Research",
            "Clinical Cancer Research", "Cancer Research", "Oncogene", "The Oncologist",
            "Breast Cancer Research and Treatment", "Nature Reviews Cancer", "Cancer Cell"]


class CorpusGenerator:
    """Records from a fixed seed: the same arguments always give the same corpus."""

    def __init__(self, seed: int = 2026, vocabulary: int = 20_000) -> None:
        self.random = random.Random(seed)
        self.words = [self._word() for _ in range(vocabulary)]
        # Zipf-like: the k-th word is drawn with weight 1/k.
        self.cumulative = list(accumulate(1 / (k + 1) for k in range(vocabulary)))

    def _word(self) -> str:
        return "".join(self.random.choice(SYLLABLES) for _ in range(self.random.randint(1, 4)))

    def _text(self, n: int) -> str:
        words = self.random.choices(self.words, cum_weights=self.cumulative, k=n)
        return " ".join(words).capitalize() + "."

    def _author(self) -> Name:
        given = self.random.choice(string.ascii_uppercase) + "."
        return Name(family=self.random.choice(SURNAMES), given=given)

    def record(self, n: int) -> Record:
        year = self.random.randint(1985, 2025)
        first = self.random.randint(1, 900)
        sentences = [self._text(self.random.randint(12, 25)) for _ in range(12)]
        abstract = " ".join(sentences)
        words = abstract.split()[: self.random.randint(150, 300)]
        return Record(
            title=self._text(self.random.randint(6, 16))[:-1],
            author=[self._author() for _ in range(self.random.randint(5, 15))],
            container_title=self.random.choice(JOURNALS),
            issued=DateParts(date_parts=[[year, self.random.randint(1, 12)]]),
            volume=str(self.random.randint(1, 60)), issue=str(self.random.randint(1, 12)),
            page=f"{first}-{first + self.random.randint(3, 20)}",
            DOI=f"10.{self.random.randint(1000, 9999)}/bench.{n}",
            PMID=str(10_000_000 + n), abstract=" ".join(words),
            keywords=[self.random.choice(self.words) for _ in range(4)],
        )

    def typo(self, record: Record) -> Record:
        """The same work from another database: a typo in the title, no identifiers."""
        title = list(record.title or "")
        spot = self.random.randrange(len(title))
        title[spot] = self.random.choice(string.ascii_lowercase)
        return record.model_copy(update={"title": "".join(title), "doi": None, "pmid": None})

    def records(self, count: int, duplicate_share: float = 0.05) -> Iterator[Record]:
        recent: list[Record] = []
        for n in range(count):
            if recent and self.random.random() < duplicate_share:
                yield self.typo(self.random.choice(recent))
                continue
            record = self.record(n)
            recent = [*recent[-99:], record]
            yield record


    def labelled_records(self, count: int, duplicate_share: float = 0.05
                         ) -> Iterator[tuple[Record, int]]:
        """`records()` with each record's work number: the same records in the same order
        (the random draws are identical), a typo copy labelled with its original's number.
        For the deduplication benchmark (bench/dedup_speed.py)."""
        recent: list[tuple[Record, int]] = []
        for n in range(count):
            if recent and self.random.random() < duplicate_share:
                original, work = self.random.choice(recent)
                yield self.typo(original), work
                continue
            record = self.record(n)
            recent = [*recent[-99:], (record, n)]
            yield record, n


def stored(records: Iterator[Record]) -> Iterator[StoredRecord]:
    """Records as export input, with simple unique keys."""
    for n, record in enumerate(records, start=1):
        yield StoredRecord(id=n, key=f"bench{n}", record=record)
