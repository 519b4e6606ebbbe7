"""Evaluate the duplicate matcher against a labelled CSV.

    python bench/dedup_eval.py ../shared/dedup/sra_respiratory.csv --out predictions.csv
    python bench/dedup_eval.py LABELLED.csv --curve 0.8,0.9,0.95,0.97,0.99
    python bench/dedup_eval.py LABELLED.csv --errors errors.txt   # false merges, misses

LABELLED.csv has the ../shared/dedup column layout (record_id, cluster_id, title,
authors, journal, year, volume, issue, pages, doi, pmid, abstract, isbn, source_db).
Records sharing a cluster_id are one publication. Pairwise precision / recall / F1 and
the false-merge count are printed here; with --out, ../shared/dedup/score.py is run on
the predictions too when it is found.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from her2kb.dedup import MIN_CONFIDENCE, Cluster, MatchKeys, cluster_links, keys_for
from her2kb.dedup.cluster import scored_pairs
from her2kb.dedup.scoring import Link

csv.field_size_limit(sys.maxsize)
SCORER = Path(__file__).resolve().parents[2] / "shared" / "dedup" / "score.py"
COMPLETENESS = ("doi", "pmid", "pages", "volume", "journal", "authors", "abstract", "year")


@dataclass
class Result:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    false_merge_clusters: int
    predicted: dict[str, str]


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def predictions(rows: list[dict[str, str]], clusters: list[Cluster]) -> dict[str, str]:
    predicted = {row["record_id"]: row["record_id"] for row in rows}
    for cluster in clusters:
        label = rows[cluster.members[0]]["record_id"]
        for member in cluster.members:
            predicted[rows[member]["record_id"]] = label
    return predicted


def keep_choice(rows: list[dict[str, str]], predicted: dict[str, str]) -> set[str]:
    """The most complete record of each predicted cluster survives."""
    best: dict[str, tuple[tuple[int, int], str]] = {}
    for row in rows:
        rank = (sum(bool(row.get(f)) for f in COMPLETENESS), len(row.get("authors", "")))
        label = predicted[row["record_id"]]
        if label not in best or rank > best[label][0]:
            best[label] = (rank, row["record_id"])
    return {rid for _, rid in best.values()}


def pairwise(rows: list[dict[str, str]], predicted: dict[str, str]) -> Result:
    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    truth = {row["record_id"]: row["cluster_id"] for row in rows}
    joint = Counter((truth[r], predicted[r]) for r in truth)
    tp = sum(pairs(n) for n in joint.values())
    true_pairs = sum(pairs(n) for n in Counter(truth.values()).values())
    predicted_pairs = sum(pairs(n) for n in Counter(predicted.values()).values())
    entities: dict[str, set[str]] = defaultdict(set)
    for (true_label, label) in joint:
        entities[label].add(true_label)
    precision = tp / predicted_pairs if predicted_pairs else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Result(precision, recall, f1, tp, predicted_pairs - tp, true_pairs - tp,
                  sum(len(s) > 1 for s in entities.values()), predicted)


def describe(row: dict[str, str]) -> str:
    return (f"  {row['record_id']}: {row['title'][:150]} | {row['authors'][:40]} | "
            f"{row['journal'][:40]} | {row['year']} | {row['volume']} | {row['pages']}")


def write_errors(path: Path, rows: list[dict[str, str]], keys: list[MatchKeys],
                 result: Result, links: dict[tuple[int, int], Link]) -> None:
    from her2kb.dedup import compare

    position = {row["record_id"]: n for n, row in enumerate(rows)}
    by_label: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        by_label[row["cluster_id"]].append(position[row["record_id"]])
    lines = ["# missed pairs (true duplicates not in one predicted cluster)"]
    for members in by_label.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if result.predicted[rows[i]["record_id"]] != result.predicted[rows[j]["record_id"]]:
                    link = compare(keys[i], keys[j])
                    found = "candidate" if (min(i, j), max(i, j)) in links else "NOT BLOCKED"
                    lines += [f"{found}: {link}", describe(rows[i]), describe(rows[j])]
    lines.append("# false merges (predicted together, different true clusters)")
    for (i, j), link in links.items():
        together = result.predicted[rows[i]["record_id"]] == result.predicted[rows[j]["record_id"]]
        if together and rows[i]["cluster_id"] != rows[j]["cluster_id"]:
            lines += [f"{link}", describe(rows[i]), describe(rows[j])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("labelled", type=Path)
    parser.add_argument("--out", type=Path, help="write record_id,predicted_cluster_id,keep")
    parser.add_argument("--min-confidence", type=float, default=MIN_CONFIDENCE)
    parser.add_argument("--curve", help="comma-separated thresholds to report as well")
    parser.add_argument("--errors", type=Path, help="write missed pairs and false merges here")
    args = parser.parse_args()

    rows = read(args.labelled)
    start = time.perf_counter()
    keys = [keys_for(row) for row in rows]
    scored = {(i, j): link for i, j, link in scored_pairs(keys)}
    elapsed = time.perf_counter() - start
    ids = list(range(len(rows)))

    def run(threshold: float) -> Result:
        links = ((i, j, link) for (i, j), link in scored.items())
        clusters = cluster_links(ids, keys, links, min_confidence=threshold)
        return pairwise(rows, predictions(rows, clusters))

    result = run(args.min_confidence)
    vetoed = sum(1 for link in scored.values() if link.veto)
    print(f"{len(rows)} records, {len(scored)} candidate pairs ({vetoed} vetoed), "
          f"keys + blocking + scoring {elapsed:.2f} s")
    thresholds = sorted({args.min_confidence, *(
        float(t) for t in args.curve.split(","))} if args.curve else {args.min_confidence})
    print("threshold  precision  recall  F1      TP    FP   FN   false-merge clusters")
    for threshold in thresholds:
        r = result if threshold == args.min_confidence else run(threshold)
        print(f"{threshold:9.3f}  {r.precision:9.4f}  {r.recall:6.4f}  {r.f1:.4f}  "
              f"{r.tp:4d}  {r.fp:4d}  {r.fn:4d}  {r.false_merge_clusters}")
    if args.errors:
        write_errors(args.errors, rows, keys, result, scored)
    if args.out:
        keep = keep_choice(rows, result.predicted)
        with args.out.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["record_id", "predicted_cluster_id", "keep"])
            for row in rows:
                rid = row["record_id"]
                writer.writerow([rid, result.predicted[rid], int(rid in keep)])
        if SCORER.exists():
            subprocess.run([sys.executable, str(SCORER), str(args.labelled), str(args.out)],
                           check=False)


def evaluate(path: Path, min_confidence: float = MIN_CONFIDENCE) -> Any:
    """Pairwise result for a labelled file (used by the tests)."""
    rows = read(path)
    keys = [keys_for(row) for row in rows]
    clusters = cluster_links(list(range(len(rows))), keys, scored_pairs(keys),
                             min_confidence=min_confidence)
    return pairwise(rows, predictions(rows, clusters))


if __name__ == "__main__":
    main()
