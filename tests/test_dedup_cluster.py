"""Blocking and clustering: each pair compared once, no chaining across a veto."""

from __future__ import annotations

import itertools
from typing import Any

from her2kb.dedup import (
    REVIEW,
    SURE,
    MatchKeys,
    best_match,
    blocking_keys,
    candidate_pairs,
    find_clusters,
    keys_for,
    refine,
)
from her2kb.records import DateParts, Name, Record

TITLE = "Trastuzumab emtansine for HER2-positive advanced breast cancer"
AUTHORS = "Verma, S.; Miles, D.; Gianni, L."


def keys(**fields: Any) -> MatchKeys:
    base: dict[str, Any] = {"title": TITLE, "authors": AUTHORS, "journal": "N Engl J Med",
                            "year": "2012"}
    return keys_for(base | fields)


def test_blocking_keys_are_short_and_deterministic() -> None:
    k = keys(volume="367", pages="1783-91", doi="10.1056/NEJMoa1209124", pmid="23020162")
    assert blocking_keys(k) == [
        "doi:10.1056/nejmoa1209124", "pmid:23020162", "ay:verma|2012",
        "tp:trastu.emtans.her2.positi", "jvp:n engl j med|367|1783", "yvp:2012|367|1783",
    ]
    assert blocking_keys(k) == blocking_keys(keys(volume="367", pages="1783-91",
                                                  doi="10.1056/NEJMoa1209124", pmid="23020162"))
    assert [sub for key in blocking_keys(k) if (sub := refine(key, k))] == [
        "doi:10.1056/nejmoa1209124/1783", "ay:verma|2012/miles",
        "tp:trastu.emtans.her2.positi/2012",
        "jvp:n engl j med|367|1783/verma", "yvp:2012|367|1783/verma",
    ]


def _naive(items: list[MatchKeys]) -> set[tuple[int, int]]:
    return {(i, j) for i, j in itertools.combinations(range(len(items)), 2)
            if set(blocking_keys(items[i])) & set(blocking_keys(items[j]))}


def test_candidate_pairs_once_each() -> None:
    items = [keys(), keys(year="2013"), keys(authors="Other, A."), keys(title="Something else "
             "entirely about gastric cancer"), keys(volume="367", pages="1783"),
             keys(volume="367", pages="1783", journal="New England Journal of Medicine")]
    pairs = list(candidate_pairs(items))
    assert len(pairs) == len(set(pairs))
    assert set(pairs) == _naive(items)


def test_oversized_blocks_are_split_not_compared_whole() -> None:
    # 30 records by one first author in one year: the `ay` block is split by second author.
    items = [keys(title=f"Cohort {n:02d} of a study by a common surname",
                  authors=f"Wang, L.; {'Li' if n % 2 else 'Zhang'}{n % 3}, K.") for n in range(30)]
    pairs = set(candidate_pairs(items, max_block=10))
    assert pairs and all(n % 2 == m % 2 and n % 3 == m % 3 for n, m in pairs)


def test_no_chaining_across_a_veto() -> None:
    # B (no volume, no pages) matches A and C; A and C are in different volumes.
    a = keys(volume="367", pages="1783-1791")
    b = keys()
    c = keys(volume="368", pages="200-210")
    clusters = find_clusters([(1, a), (2, b), (3, c)])
    assert len(clusters) == 1
    assert clusters[0].members in ([1, 2], [2, 3])
    assert clusters[0].links[0].link.reason.startswith("title 1.00")


def test_not_duplicates_are_respected() -> None:
    items = [(10, keys(volume="367", pages="1783-1791")), (11, keys(volume="367", pages="1783"))]
    assert [c.members for c in find_clusters(items)] == [[10, 11]]
    assert find_clusters(items, not_duplicates=[frozenset({10, 11})]) == []


def test_records_are_accepted_and_confidence_is_the_weakest_link() -> None:
    record = Record(title=TITLE, author=[Name(family="Verma", given="S.")],
                    container_title="N Engl J Med", issued=DateParts(date_parts=[[2012]]),
                    volume="367", page="1783-1791")
    clusters = find_clusters([(1, record), (2, keys(volume="367", pages="1783-91")),
                              (3, keys(year="2013", volume="367"))])
    assert [c.members for c in clusters] == [[1, 2, 3]]
    assert clusters[0].confidence == min(e.link.score for e in clusters[0].links)


def test_best_match_for_ingest() -> None:
    new = keys(volume="367", pages="1783-91")
    stored = [(5, keys(volume="367", pages="1783-1791")),  # the same article
              (6, keys(title="Erratum: " + TITLE, volume="367", pages="1783")),  # vetoed
              (7, keys(title="Pertuzumab in gastric cancer", authors="Other, A."))]
    found = best_match(new, stored)
    assert found is not None and found[0] == 5 and found[1].score >= SURE
    assert best_match(new, stored[1:]) is None
    assert 0 < REVIEW < SURE
