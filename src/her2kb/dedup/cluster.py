"""Clusters of duplicates from scored links, and the best match for one new record.

Links are joined strongest first (union-find). Before two clusters join, every pair
across them is checked against the vetoes, compared or not: A~B and B~C must not
put A and C together when A and C are an erratum and its article. Clusters are
small, so the check costs little.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..records import Record
from .blocking import candidate_pairs
from .keys import MatchKeys, keys_for
from .scoring import Link, compare, veto

# Confidence thresholds. The evidence weights (scoring.py) put a pair whose title,
# authors, year, journal and pages agree near 1.0, and a pair that agrees on all but one
# strong field (journal name, a translated title) between 0.97 and 0.999. On the SRA
# development set, of the candidate pairs no rule vetoed, the 13 different-work pairs
# scored at most 0.73 and 499 of the 500 true pairs at least 0.97 (bench/dedup_eval.py).
# The thresholds sit in that gap with room on both sides, not on the edge the set shows:
# unseen searches will put pairs where this one has none.
SURE = 0.97  # merge without asking
REVIEW = 0.80  # show to a person as a possible duplicate
MIN_CONFIDENCE = 0.95  # batch clustering default: links below are not made
# Past this size, a cross-check of every member pair would cost more than it is worth;
# a cluster this big is a data problem (one DOI on a whole supplement) anyway.
MAX_CLUSTER = 200


@dataclass(frozen=True, slots=True)
class Edge:
    """A link between two record ids."""

    a: int
    b: int
    link: Link


@dataclass(slots=True)
class Cluster:
    members: list[int]
    confidence: float  # the weakest link that holds the cluster together
    links: list[Edge] = field(default_factory=list)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a batch run.

    Nothing here creates reference cycles, but a million live MatchKeys make every
    full collection walk them all, which turns linear work quadratic-ish (measured:
    -40% time at 30k records). Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _as_keys(item: Record | MatchKeys) -> MatchKeys:
    return item if isinstance(item, MatchKeys) else keys_for(item)


def scored_pairs(keys: Sequence[MatchKeys]) -> Iterator[tuple[int, int, Link]]:
    """Every candidate pair (positions in `keys`) with its verdict, vetoed ones included."""
    for i, j in candidate_pairs(keys):
        link = compare(keys[i], keys[j])
        if link is not None:
            yield i, j, link


def find_clusters(items: Iterable[tuple[int, Record | MatchKeys]], *,
                  not_duplicates: Collection[frozenset[int]] = (),
                  min_confidence: float = MIN_CONFIDENCE) -> list[Cluster]:
    """Clusters of two or more ids, ordered by their smallest member id."""
    with _collector_paused():
        ids: list[int] = []
        keys: list[MatchKeys] = []
        for record_id, item in items:
            ids.append(record_id)
            keys.append(_as_keys(item))
        return cluster_links(ids, keys, scored_pairs(keys), not_duplicates=not_duplicates,
                             min_confidence=min_confidence)


def cluster_links(ids: Sequence[int], keys: Sequence[MatchKeys],
                  links: Iterable[tuple[int, int, Link]], *,
                  not_duplicates: Collection[frozenset[int]] = (),
                  min_confidence: float = MIN_CONFIDENCE) -> list[Cluster]:
    """Clusters from links already scored (positions into `ids`/`keys`).

    Lets a caller score once and cluster at several thresholds (bench/dedup_eval.py).
    """
    edges = [(link.score, i, j, link) for i, j, link in links
             if link.veto is None and link.score >= min_confidence]
    return _join(ids, keys, edges, set(not_duplicates))


def _join(ids: Sequence[int], keys: Sequence[MatchKeys],
          edges: list[tuple[float, int, int, Link]], forbidden: set[frozenset[int]]
          ) -> list[Cluster]:
    parent: dict[int, int] = {}
    members: dict[int, list[int]] = {}

    def root(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def compatible(x: list[int], y: list[int]) -> bool:
        if len(x) + len(y) > MAX_CLUSTER:
            return False
        return not any(frozenset((ids[i], ids[j])) in forbidden or veto(keys[i], keys[j])
                       for i in x for j in y)

    kept: list[tuple[int, int, Link]] = []
    # Strongest first; ties by position so the result does not depend on input order.
    for _, i, j, link in sorted(edges, key=lambda e: (-e[0], ids[e[1]], ids[e[2]])):
        ri, rj = root(i), root(j)
        if ri != rj:
            mi, mj = members.get(ri, [i]), members.get(rj, [j])
            if not compatible(mi, mj):
                continue
            parent[rj] = ri
            members[ri] = mi + mj
            members.pop(rj, None)
        kept.append((i, j, link))
    clusters: dict[int, Cluster] = {}
    for i, j, link in kept:
        r = root(i)
        cluster = clusters.setdefault(r, Cluster(sorted(ids[m] for m in members[r]), 1.0))
        cluster.links.append(Edge(ids[i], ids[j], link))
        cluster.confidence = min(cluster.confidence, link.score)
    return sorted(clusters.values(), key=lambda c: c.members[0])


def best_match(keys: MatchKeys, candidates: Iterable[tuple[int, Record | MatchKeys]], *,
               threshold: float = REVIEW) -> tuple[int, Link] | None:
    """The stored candidate most likely to be `keys`' work, if it reaches `threshold`.

    For the ingest path: the candidates are the stored records sharing a block key
    with the new one. The caller merges when the score reaches SURE and asks a person
    between REVIEW and SURE.
    """
    best: tuple[int, Link] | None = None
    for record_id, item in candidates:
        link = compare(keys, _as_keys(item))
        if link is None or link.veto or link.score < threshold:
            continue
        if best is None or link.score > best[1].score:
            best = (record_id, link)
    return best
