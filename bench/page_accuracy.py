"""Field accuracy of the page readers on a folder of saved pages with hand-written truth.

    python bench/page_accuracy.py bench/pages/P1 bench/pages/P2 ...   # a table per round
    python bench/page_accuracy.py --verbose bench/pages/P1            # every wrong field

A round is a folder holding `pages/` (saved page text or HTML) and `truth/` (one JSON file
per page, same stem). The pages are read the way a user would: `her2kb ingest` of the
`pages/` folder into a fresh library, then `her2kb export --csl-json`; each record is
matched to its page by `custom.sources[].origin`. Every key in a truth file is scored;
`null` or `[]` there means the page does not show the value (or cuts it off), so the
record must leave it empty too.

Comparison forgives what a reader may legitimately normalise: letter case, spacing, dash
and quote shapes and a closing period in text; a journal may match the full title or its
abbreviation; pages may match the normalised range or the range as printed; a supplement
printed in the volume slot (`37 Suppl 1:S3-8`) may be read as that volume or split the way
MEDLINE splits it (volume `37`, issue `Suppl 1`), and the word `Supplement` (or `,
Supplement`) may be written `Suppl`, as truth writers differ; authors are
compared by family name and first initial; MeSH rows are compared as the truth writes
them, `Descriptor/qualifier` pairs or descriptors alone.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

FIELDS = ("title", "authors", "journal", "year", "volume", "issue", "pages", "doi", "pmid",
          "pmcid", "keywords", "mesh", "publication_types", "abstract_start")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'") | dict.fromkeys(
    map(ord, "\u201c\u201d\u201e\u2033"), '"')


def folded(value: object) -> str:
    """Text as compared: NFKC, one dash and quote shape, spaces collapsed, no case or end dot."""
    text = unicodedata.normalize("NFKC", str(value)).translate(_DASHES).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip().rstrip(".").strip().casefold()


def _journal_forms(item: dict[str, Any]) -> set[str]:
    keys = ("container-title", "container-title-short", "journalAbbreviation")
    names = (item.get(key) for key in keys)
    return {folded(n).replace(".", "") for n in names if n}


def _author_keys(names: list[Any]) -> list[str]:
    keys = []
    for name in names:
        if isinstance(name, dict):
            family = " ".join(filter(None, (name.get("non-dropping-particle"),
                                            name.get("family") or name.get("literal"))))
            given = name.get("given") or ""
        else:
            family, _, given = str(name).partition(",")
        keys.append(f"{folded(family)}|{folded(given)[:1]}")
    return keys


def _as_list(value: object) -> list[str]:
    if isinstance(value, list):
        return [folded(v) for v in value]
    return [folded(v) for v in re.split(r"[;,]\s*", str(value or "")) if v.strip()]


def _year(item: dict[str, Any]) -> int | None:
    parts = (item.get("issued") or {}).get("date-parts") or [[None]]
    return parts[0][0] if parts and parts[0] else None


def _mesh(item: dict[str, Any], qualified: bool = False) -> list[str]:
    """The record's MeSH rows: descriptors, or `Descriptor/qualifier` pairs."""
    rows = (item.get("custom") or {}).get("mesh") or []
    return [folded(m["descriptor"] + (f"/{m['qualifier']}" if qualified and m.get("qualifier")
                                      else "")) for m in rows]


def _text_match(expected: Any, got: Any) -> bool:
    return folded(expected) == folded(got) if expected else not got


def field_right(field: str, want: Any, item: dict[str, Any]) -> bool:
    """Whether the exported item holds the truth's value for one field (see the module doc)."""
    custom = item.get("custom") or {}
    if field == "authors":
        return _author_keys(want or []) == _author_keys(item.get("author") or [])
    if field == "journal":
        forms = _journal_forms(item)
        return folded(want).replace(".", "") in forms if want else not forms
    if field == "year":
        return bool(want == _year(item))
    if field == "pages":
        printed = {folded(item.get("page") or ""), folded(custom.get("page_as_printed") or "")}
        return folded(want) in printed if want else not item.get("page")
    if field == "keywords":  # exported joined by `, `; a keyword may hold a comma itself
        joined = folded(", ".join(want or [])) == folded(item.get("keyword") or "")
        return joined or sorted(_as_list(want or [])) == sorted(_as_list(item.get("keyword")))
    if field == "mesh":
        # A truth written `Descriptor/qualifier` is compared pair by pair; one written with
        # descriptors only, descriptor by descriptor (each counts once).
        wanted = [re.sub(r"\s*/\s*", "/", folded(m)) for m in want or []]
        qualified = any("/" in m for m in wanted)
        return list(dict.fromkeys(wanted)) == list(dict.fromkeys(_mesh(item, qualified)))
    if field == "publication_types":
        got = custom.get("publication_types") or []
        return sorted(_as_list(want or [])) == sorted(_as_list(got))
    if field == "abstract_start":  # a label may be printed `Background:` or on its own line
        abstract = folded(item.get("abstract") or "").replace(":", "")
        return abstract.startswith(folded(want).replace(":", "")[:50]) if want else not abstract
    if field in ("volume", "issue"):  # `Supplement 1` as printed, `Suppl 1` as MEDLINE has it
        return _text_match(_suppl(want), _suppl(item.get(field)))
    key = {"doi": "DOI", "pmid": "PMID", "pmcid": "PMCID"}.get(field, field)
    return _text_match(want, item.get(key))


def _suppl(value: Any) -> Any:
    # (Ingenta prints `Number 5, Supplement 1`; some truth writers keep the comma.)
    return re.sub(r",?\s*\bSupplement\b", " Suppl", value, flags=re.IGNORECASE).strip() \
        if isinstance(value, str) else value


def supplement_split(truth: dict[str, Any], item: dict[str, Any]) -> bool:
    """Volume and issue read as one `37 Suppl 1` on both sides, however they are split."""
    def joined(volume: Any, issue: Any) -> str:
        return folded(" ".join(str(part) for part in (volume, issue) if part))
    want = joined(truth.get("volume"), truth.get("issue"))
    return "suppl" in want and want == joined(item.get("volume"), item.get("issue"))


def _shown(field: str, item: dict[str, Any]) -> object:
    keys = {"authors": "author", "journal": "container-title", "pages": "page", "doi": "DOI",
            "pmid": "PMID", "pmcid": "PMCID", "keywords": "keyword", "abstract_start": "abstract"}
    if field == "year":
        return _year(item)
    if field == "mesh":
        return _mesh(item, qualified=True)
    if field == "publication_types":
        return (item.get("custom") or {}).get("publication_types")
    value = item.get(keys.get(field, field))
    return value[:70] if isinstance(value, str) else value


def exported_items(pages: Path) -> tuple[dict[str, dict[str, Any]], str]:
    """Ingest one folder into a fresh library; the CSL-JSON items by page file name, and stderr."""
    her2kb = [sys.executable, "-m", "her2kb"]
    with tempfile.TemporaryDirectory() as tmp:
        db = ["--db", str(Path(tmp) / "kb.sqlite")]
        ingest = subprocess.run([*her2kb, *db, "ingest", str(pages)], capture_output=True,
                                text=True)
        export = subprocess.run([*her2kb, *db, "export", "--csl-json"], capture_output=True,
                                text=True, check=True)
    by_page: dict[str, dict[str, Any]] = {}
    for item in json.loads(export.stdout or "[]"):
        for source in (item.get("custom") or {}).get("sources") or []:
            by_page.setdefault(Path(source["origin"]).name, item)
    return by_page, ingest.stderr


def score_round(folder: Path, verbose: bool) -> tuple[int, int]:
    by_page, stderr = exported_items(folder / "pages")
    if "Traceback" in stderr:
        print(f"{folder}: a traceback on ingest\n{stderr}", file=sys.stderr)
    right = total = 0
    for truth_file in sorted((folder / "truth").glob("*.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        page = next((p.name for p in (folder / "pages").iterdir() if p.stem == truth_file.stem), "")
        item = by_page.get(page, {})
        for field in FIELDS:
            if field not in truth:
                continue
            total += 1
            if item and (field_right(field, truth[field], item) or (
                    field in ("volume", "issue") and supplement_split(truth, item))):
                right += 1
            elif verbose:
                print(f"{page}\t{field}\twant {truth[field]!r}\n\t\tgot  {_shown(field, item)!r}")
    return right, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", nargs="+", type=Path, help="folders holding pages/ and truth/")
    parser.add_argument("--verbose", action="store_true", help="print every wrong field")
    args = parser.parse_args()
    print("| round | pages | fields right | accuracy |\n|---|---|---|---|")
    all_right = all_total = 0
    for folder in args.rounds:
        right, total = score_round(folder, args.verbose)
        all_right, all_total = all_right + right, all_total + total
        count = len(list((folder / "truth").glob("*.json")))
        print(f"| {folder.name} | {count} | {right}/{total} | {right / max(total, 1):.1%} |")
    print(f"| all | | {all_right}/{all_total} | {all_right / max(all_total, 1):.1%} |")


if __name__ == "__main__":
    main()
