"""The whole duplicate pipeline through the CLI, as a reviewer would run it, scored.

    python bench/dedup_cli_eval.py ../shared/dedup/sra_respiratory.csv

Each labelled row becomes one RIS file; the folder is ingested (exact and sure matches
merge there), `her2kb dedup --apply` runs with its defaults, and the records of
`export --csl-json` are mapped back to the rows through `custom.sources`. Pairwise
precision / recall and false merges are printed, and ../shared/dedup/score.py is run
on the predictions when it is found.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

csv.field_size_limit(sys.maxsize)
SCORER = Path(__file__).resolve().parents[2] / "shared" / "dedup" / "score.py"
# Labelled column -> RIS tag; authors and pages are split below.
TAGS = {"title": "TI", "journal": "T2", "year": "PY", "volume": "VL", "issue": "IS",
        "doi": "DO", "abstract": "AB", "isbn": "SN"}


def ris(row: dict[str, str]) -> str:
    lines = ["TY  - JOUR"]
    for column, tag in TAGS.items():
        if value := " ".join((row.get(column) or "").split()):
            lines.append(f"{tag}  - {value}")
    lines += [f"AU  - {a.strip()}" for a in (row.get("authors") or "").split(";") if a.strip()]
    if pages := (row.get("pages") or "").strip():
        lines.append(f"SP  - {pages}")
    if pmid := (row.get("pmid") or "").strip():
        lines += ["DB  - PubMed", f"AN  - {pmid}"]
    return "\n".join([*lines, "ER  - ", ""])


def her2kb(db: Path, *args: str) -> str:
    command = [sys.executable, "-m", "her2kb", "--db", str(db), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    # `ingest` exits 1 when some rows were refused (the set has a few broken ones); any
    # other command must succeed, or the score would describe a run that did not happen.
    if done.returncode != 0 and not (args[0] == "ingest" and done.returncode == 1):
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr[-2000:]}")
    return done.stdout


def pairs(groups: dict[str, list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for members in groups.values() for p in combinations(members, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labelled", type=Path)
    parser.add_argument("--out", type=Path, help="write record_id,predicted_cluster_id here")
    args = parser.parse_args()
    with args.labelled.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        inputs = root / "records"
        inputs.mkdir()
        for row in rows:
            (inputs / f"{row['record_id']}.ris").write_text(ris(row), encoding="utf-8")
        db = root / "kb.sqlite"
        start = time.perf_counter()
        her2kb(db, "ingest", str(inputs))
        ingested = time.perf_counter()
        her2kb(db, "dedup", "--apply")
        deduplicated = time.perf_counter()
        items = json.loads(her2kb(db, "export", "--csl-json"))
    predicted = {Path(s["origin"]).stem: item["id"]
                 for item in items for s in item["custom"]["sources"]}
    truth: dict[str, list[str]] = defaultdict(list)
    found: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        truth[row["cluster_id"]].append(row["record_id"])
        found[predicted.get(row["record_id"], row["record_id"])].append(row["record_id"])
    true_pairs, found_pairs = pairs(truth), pairs(found)
    tp = len(true_pairs & found_pairs)
    precision = tp / len(found_pairs) if found_pairs else 1.0
    recall = tp / len(true_pairs) if true_pairs else 1.0
    label = {r["record_id"]: r["cluster_id"] for r in rows}
    false_merges = sum(len({label[m] for m in members}) - 1 for members in found.values())
    print(f"{len(rows)} records -> {len(items)} after ingest + dedup --apply "
          f"(ingest {ingested - start:.1f} s, dedup {deduplicated - ingested:.1f} s)")
    print(f"pairwise precision {precision:.4f}  recall {recall:.4f}  "
          f"TP {tp}  FP {len(found_pairs) - tp}  FN {len(true_pairs) - tp}  "
          f"false merges {false_merges}")
    missing = [r["record_id"] for r in rows if r["record_id"] not in predicted]
    if missing:
        print(f"{len(missing)} records not found in the export: {missing[:5]}")
    out = args.out or Path(tempfile.gettempdir()) / "her2kb_dedup_predictions.csv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "predicted_cluster_id"])
        writer.writerows((r["record_id"], predicted.get(r["record_id"], r["record_id"]))
                         for r in rows)
    if SCORER.exists():
        subprocess.run([sys.executable, str(SCORER), str(args.labelled), str(out)], check=False)


if __name__ == "__main__":
    main()
