"""Blocking: short keys that copies of one work share, so no all-pairs comparison runs.

`blocking_keys` is public and deterministic (`refine` splits a key shared by too many
records). Ingest does not store them: it finds a new record's candidates by its exact
identifiers and normalised title. Each record gets several keys, so a copy
missed by one (a translated title, another year, an abbreviated journal) is found by
another: identifiers; first author + year; title start; journal + volume + first
page; year + volume + first page (journal-free, for names the lists cannot fold).
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterator, Sequence

from .keys import MatchKeys
from .titles import significant

# A block larger than this is split by a second key (`refine`); a split block still
# larger is dropped, and its pairs are left to the record's other keys. 50 keeps the
# worst block at 1,225 comparisons, which also bounds the cost of a common surname.
MAX_BLOCK = 50
TITLE_WORDS, WORD_CHARS = 4, 6
AUTHOR_CHARS = 6
MAX_JOURNAL_KEYS = 2


def _title_key(title: str) -> str | None:
    words = significant(title)
    if len(words) < 3:  # `Editorial`, `Case report`: too common to be a block
        return None
    return "tp:" + ".".join(w[:WORD_CHARS] for w in words[:TITLE_WORDS])


def blocking_keys(keys: MatchKeys) -> list[str]:
    """The record's block keys, e.g. `doi:10.1/x`, `ay:smith|2010`, `jvp:chest|138|811`."""
    out: list[str] = []
    if keys.doi:
        out.append(f"doi:{keys.doi}")
    if keys.pmid:
        out.append(f"pmid:{keys.pmid}")
    if keys.pmcid:
        out.append(f"pmc:{keys.pmcid}")
    if keys.first_author and keys.year:
        out.append(f"ay:{keys.first_author[:AUTHOR_CHARS]}|{keys.year}")
    for title in (keys.title, *keys.title_variants):
        key = _title_key(title)
        if key and key not in out:
            out.append(key)
    if keys.volume and keys.first_page:
        for journal in keys.journal[:MAX_JOURNAL_KEYS]:
            out.append(f"jvp:{journal}|{keys.volume}|{keys.first_page}")
        if keys.year:
            out.append(f"yvp:{keys.year}|{keys.volume}|{keys.first_page}")
    return out


def refine(key: str, keys: MatchKeys) -> str | None:
    """A narrower key for a member of an oversized block, or None to leave the block.

    One supplement DOI shared by a thousand abstracts splits by first page; a common
    surname-and-year by the second author; a common title start by year; a journal
    page hosting many abstracts by first author.
    """
    kind = key.split(":", 1)[0]
    if kind == "doi":
        return f"{key}/{keys.first_page or '-'}"
    if kind == "ay":
        second = keys.authors[1][:AUTHOR_CHARS] if len(keys.authors) > 1 else "-"
        return f"{key}/{second}"
    if kind == "tp":
        return f"{key}/{keys.year or '-'}"
    if kind in ("jvp", "yvp"):
        return f"{key}/{keys.first_author[:AUTHOR_CHARS] or '-'}"
    return None  # an identifier shared by that many records is noise


def _hash(key: str, bits: int) -> int:
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> (64 - bits)


class _Index:
    """Block-key hashes per record in flat arrays: 8 bytes a key, no string kept."""

    def __init__(self, count: int) -> None:
        self.id_bits = max(1, count.bit_length())
        self.hash_bits = 62 - self.id_bits  # packed with the id into one 63-bit int
        self.hashes = array("q")
        self.starts = array("q", [0])

    def add(self, hashes: list[int]) -> None:
        self.hashes.extend(sorted(set(hashes)))
        self.starts.append(len(self.hashes))

    def of(self, i: int) -> array[int]:
        return self.hashes[self.starts[i]:self.starts[i + 1]]

    def packed(self, count: int) -> array[int]:
        """Every (hash, id) pair packed into one int, sorted: sorted once, read twice."""
        return array("q", sorted((h << self.id_bits) | i
                                 for i in range(count) for h in self.of(i)))

    def blocks(self, packed: array[int]) -> Iterator[tuple[int, list[int]]]:
        """(hash, member ids) for every hash shared by two or more records."""
        mask = (1 << self.id_bits) - 1
        run: list[int] = []
        current = -1
        for value in packed:
            h = value >> self.id_bits
            if h != current:
                if len(run) > 1:
                    yield current, run
                current, run = h, []
            run.append(value & mask)
        if len(run) > 1:
            yield current, run


def candidate_pairs(items: Sequence[MatchKeys], max_block: int = MAX_BLOCK
                    ) -> Iterator[tuple[int, int]]:
    """Each pair (i, j), i < j, of positions in `items` that share a block, once.

    A pair is yielded in the block of the smallest key hash the two share, so no
    set of seen pairs is kept: memory stays linear in the number of records.
    """
    count = len(items)
    first = _Index(count)
    for keys in items:
        first.add([_hash(k, first.hash_bits) for k in blocking_keys(keys)])
    oversized = {h for h, members in first.blocks(first.packed(count)) if len(members) > max_block}
    index = _Index(count)
    for i, keys in enumerate(items):
        hashes = list(first.of(i))
        if oversized and not oversized.isdisjoint(hashes):
            hashes = [h for h in hashes if h not in oversized]
            for key in blocking_keys(keys):
                if _hash(key, first.hash_bits) in oversized and (sub := refine(key, keys)):
                    hashes.append(_hash(sub, first.hash_bits))
        index.add(hashes)
    del first
    packed = index.packed(count)
    dropped = {h for h, members in index.blocks(packed) if len(members) > max_block}
    for h, members in index.blocks(packed):
        if h in dropped:
            continue
        # Keys of each member that sort before this block's key: the pair belongs to
        # this block only if the two share none of them.
        earlier = [[k for k in index.of(m) if k < h and k not in dropped] for m in members]
        shared = [set(index.of(m)) if e else set() for m, e in zip(members, earlier, strict=True)]
        for x, i in enumerate(members):
            mine = earlier[x]
            for y in range(x + 1, len(members)):
                if mine and earlier[y] and not shared[y].isdisjoint(mine):
                    continue
                j = members[y]
                yield (i, j) if i < j else (j, i)
