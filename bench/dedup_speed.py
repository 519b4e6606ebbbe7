"""Speed and memory of the duplicate matcher on synthetic records.

    python bench/dedup_speed.py --sizes 10000,100000          # add 1000000 for the big run

Records come from bench/corpus.py (5% typo copies without identifiers) and are turned
into MatchKeys as they are generated, so the Records themselves are not held: the
clock and the memory figures cover what a batch deduplication holds and does. Each
size runs in a fresh child process, so peak RSS is that run's own. Pairwise precision
and recall against the generator's labels are printed as a sanity check.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def run_one(size: int) -> dict[str, float]:
    from corpus import CorpusGenerator

    from her2kb.dedup import find_clusters, keys_for

    # A batch caller pauses the cyclic collector while it builds keys, as find_clusters
    # does for its own part: nothing here makes cycles (see dedup/cluster.py).
    gc.disable()
    generate = keys_time = 0.0
    keys, works = [], []
    stream = CorpusGenerator().labelled_records(size)
    while True:
        start = time.perf_counter()
        item = next(stream, None)
        generate += time.perf_counter() - start
        if item is None:
            break
        start = time.perf_counter()
        keys.append(keys_for(item[0]))
        works.append(item[1])
        keys_time += time.perf_counter() - start
    rss_keys = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    clusters = find_clusters(enumerate(keys))
    cluster_time = time.perf_counter() - start
    predicted = list(range(size))
    for cluster in clusters:
        for member in cluster.members:
            predicted[member] = cluster.members[0]

    def pairs(labels: list[int]) -> int:
        return sum(n * (n - 1) // 2 for n in Counter(labels).values())

    tp = sum(n * (n - 1) // 2 for n in Counter(zip(works, predicted, strict=True)).values())
    found, true = pairs(predicted), pairs(works)
    return {
        "records": size, "generate_s": generate, "keys_s": keys_time,
        "cluster_s": cluster_time, "dedup_s": keys_time + cluster_time,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_after_keys_mib": rss_keys, "clusters": len(clusters),
        "precision": tp / found if found else 1.0, "recall": tp / true if true else 1.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child)))
        return
    print("| records | keys s | block+score+cluster s | dedup total s | peak RSS MiB | "
          "precision | recall | (generation s) |")
    print("|---|---|---|---|---|---|---|---|")
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--child", str(size)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        print(f"| {size:,} | {r['keys_s']:.1f} | {r['cluster_s']:.1f} | {r['dedup_s']:.1f} | "
              f"{r['peak_rss_mib']:.0f} | {r['precision']:.4f} | {r['recall']:.4f} | "
              f"{r['generate_s']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
