"""Golden files for the OUCI, generic and converted page samples: `case.txt` +
`case.expected.json`.

`extracted` is the CSL-ish view a golden file holds: the fields the readers are
checked on, after normalisation (so pages are expanded), plus the reader's warnings.
Regenerate a golden file only after reading the diff line by line:

    python -m tests.page_golden tests/samples/ouci/compact_english.txt
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from her2kb import parsers
from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry

SAMPLES = Path(__file__).parent / "samples"
GOLDEN_SUFFIX = ".expected.json"
FOLDER_FORMATS = {"ouci": "ouci-page", "generic": "generic"}
CONVERTED = "converted"  # pages a converter wrote: each goes to the reader detection picks
ABSTRACT_START = 60
# Always present (null or [] when the reader found nothing), in this order.
CORE = ("title", "author", "container-title", "year", "issued", "volume", "issue", "page",
        "DOI", "PMID", "keywords", "abstract_start", "type")
# Present only when the record has them.
EXTRA = ("container-title-short", "original-type", "publication-types", "publisher", "ISSN",
         "language", "authors-truncated", "page-as-printed", "references-total-stated")


def sample_cases(folder: str) -> list[Path]:
    return sorted(p for p in (SAMPLES / folder).iterdir() if not p.name.endswith(GOLDEN_SUFFIX))


def golden_path(sample: Path) -> Path:
    return sample.with_name(sample.stem + GOLDEN_SUFFIX)


def extracted(sample: Path) -> dict[str, Any]:
    """What the folder's reader makes of one sample, as the golden file spells it."""
    text = sample.read_text("utf-8")
    # A converter's output is read as a user's ingest reads it: through detection.
    reader = parsers.detect(text, sample.name) if sample.parent.name == CONVERTED \
        else parsers.get(FOLDER_FORMATS[sample.parent.name])
    items = list(reader.parse(text, sample.name))
    assert len(items) == 1 and isinstance(items[0], ParsedEntry), items
    entry = items[0]
    record = normalize(entry.record)
    data = record.model_dump(exclude_defaults=True)
    view: dict[str, Any] = {key: data.get(key) for key in CORE}
    view["author"] = data.get("author", [])
    view["year"] = record.year
    view["issued"] = data.get("issued", {}).get("date-parts")
    view["keywords"] = record.keywords
    view["abstract_start"] = record.abstract[:ABSTRACT_START] if record.abstract else None
    view["type"] = record.type
    view.update({key: data[key] for key in EXTRA if data.get(key)})
    if sample.parent.name == CONVERTED:
        view["reader"] = reader.name
        view["mesh"] = [m.model_dump(exclude_defaults=True) for m in record.mesh]
    if record.references:
        view["references"] = [[r.title, r.container_title, r.year, r.doi]
                              for r in record.references]
    view["warnings"] = list(entry.warnings)
    return view


def strings(value: Any) -> list[str]:
    """Every string inside a dumped record, for furniture checks."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


# Furniture words that must never reach a field of any page record (§4.5, §5, §6).
FURNITURE = ("PubMed Disclaimer", "LinkOut", "Access keys", "official website", "Similar articles",
             "Cited by", "Full text links", "Send to", "Display options", "Display Settings",
             "Show more", "Cite\n", "Search in", "Skip to", "logoLink", "padlock", "Buy Article",
             "Refund Policy", "Cookie", "Editorial Board", "Item in Clipboard",
             "Add to Collections", "Permalink", "Sign in", "Download PDF", "Copyright",
             "Page navigation", "Format:", "Affiliations", "PubMed Commons",
             "Indexed for MEDLINE", "Free PMC")


GOLDEN_FIELDS = ("title", "author", "container-title", "year", "volume", "issue", "page",
                 "DOI", "PMID", "keywords", "abstract_start", "warnings")


def assert_matches_golden(sample: Path) -> None:
    """The sample read now equals its reviewed golden, the key fields named first."""
    expected = json.loads(golden_path(sample).read_text("utf-8"))
    got = extracted(sample)
    for key in GOLDEN_FIELDS:
        assert got[key] == expected[key], key
    assert got == expected


def write_golden(sample: Path) -> None:
    text = json.dumps(extracted(sample), ensure_ascii=False, indent=2) + "\n"
    golden_path(sample).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        write_golden(Path(name))
