"""Duplicate detection: tiered matching of bibliographic records, no database, no I/O.

    keys = [keys_for(r) for r in records]          # MatchKeys, once per record
    clusters = find_clusters(enumerate(keys))      # Cluster(members, confidence, links)

Tiers: shared identifiers (DOI, PMID, PMCID), blocking so that only records sharing a
key are compared (blocking.py), vetoes that beat any score (vetoes.py), and weighted
evidence from title, authors, year, journal, volume and pages (scoring.py).
"""

from .blocking import MAX_BLOCK, blocking_keys, candidate_pairs, refine
from .cluster import (
    MIN_CONFIDENCE,
    REVIEW,
    SURE,
    Cluster,
    Edge,
    best_match,
    cluster_links,
    find_clusters,
    scored_pairs,
)
from .keys import MatchKeys, keys_for
from .scoring import Link, compare, veto
from .vetoes import first_veto

__all__ = [
    "MAX_BLOCK", "MIN_CONFIDENCE", "REVIEW", "SURE", "Cluster", "Edge", "Link",
    "MatchKeys", "best_match",
    "blocking_keys", "candidate_pairs", "cluster_links", "compare", "find_clusters", "first_veto",
    "keys_for", "refine", "scored_pairs", "veto",
]
