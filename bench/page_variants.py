"""The rounds' pages read again as other copies of the same page: the fields must not change.

    python bench/page_variants.py bench/pages/P*                 # every variant
    python bench/page_variants.py --variant nbsp bench/pages/P45  # one

A variant writes each saved page the way another tool, editor or machine would have kept
the same copy: spaces after every line, no-break spaces between words, Windows line ends,
a byte-order mark, UTF-16 (Notepad's "Unicode"), Windows-1252 (Notepad's "ANSI"), an
indent on every line (a copy pasted into an indented block) or a mail's `> ` quoting.
Saved HTML and MHTML pages get only the byte-level variants, and a page Windows-1252
cannot encode keeps UTF-8 there. Every variant is scored by `page_accuracy` against the
same truth files as the pages as saved; the table gives each variant's total beside theirs.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from page_accuracy import score_round

Variant = Callable[[str], bytes]


def _nbsp_between_words(text: str) -> bytes:
    # Every third space between two words, so that both kinds stay in the copy.
    count = iter(range(len(text)))
    return re.sub(r"(?<=\w) (?=\w)", lambda m: "\u00a0" if next(count) % 3 == 0 else " ",
                  text).encode()


def _ansi(text: str) -> bytes:
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:  # Notepad would have warned and kept it as Unicode
        return text.encode()


# name -> (the rewrite, whether it applies to markup pages too)
VARIANTS: dict[str, tuple[Variant, bool]] = {
    "trailing-spaces": (lambda text: re.sub(r"(?m)(?<=\S)$", "  ", text).encode(), False),
    "nbsp": (_nbsp_between_words, False),
    "crlf": (lambda text: text.replace("\n", "\r\n").encode(), True),
    "bom": (lambda text: ("\ufeff" + text).encode(), True),
    "utf-16": (lambda text: text.encode("utf-16"), True),
    "cp1252": (_ansi, True),
    "indented": (lambda text: re.sub(r"(?m)^(?=.)", "    ", text).encode(), False),
    "mail-quoted": (lambda text: re.sub(r"(?m)^(?=.|\n)", "> ", text).encode(), False),
}


def _is_markup(page: Path, text: str) -> bool:
    return page.suffix.lower() in (".mhtml", ".mht") or text.lstrip("\ufeff \r\n\t")[:1] == "<"


def write_variant(folder: Path, name: str, target: Path) -> Path:
    """The round `folder` with its pages rewritten by the variant, under `target`."""
    rewrite, markup_too = VARIANTS[name]
    copy = target / name / folder.name
    (copy / "pages").mkdir(parents=True)
    shutil.copytree(folder / "truth", copy / "truth")
    for page in sorted((folder / "pages").iterdir()):
        raw = page.read_bytes()
        try:  # (a page saved with Windows line ends is rewritten from its LF form)
            text = raw.decode("utf-8").replace("\r\n", "\n")
        except UnicodeDecodeError:  # a round's own encoding case: kept as it is
            (copy / "pages" / page.name).write_bytes(raw)
            continue
        keep = _is_markup(page, text) and not markup_too
        (copy / "pages" / page.name).write_bytes(raw if keep else rewrite(text))
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", nargs="+", type=Path, help="folders holding pages/ and truth/")
    parser.add_argument("--variant", action="append", choices=sorted(VARIANTS),
                        help="score only this variant (repeatable)")
    parser.add_argument("--jobs", type=int, default=2, help="rounds ingested at once")
    args = parser.parse_args()
    names = args.variant or list(VARIANTS)
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(args.jobs) as pool:
        def total(folders: list[Path]) -> tuple[int, int]:
            scores = list(pool.map(lambda folder: score_round(folder, False), folders))
            return sum(s[0] for s in scores), sum(s[1] for s in scores)

        right, fields = total(args.rounds)
        print(f"| copy | fields right | accuracy |\n|---|---|---|\n"
              f"| as saved | {right}/{fields} | {right / max(fields, 1):.1%} |", flush=True)
        for name in names:
            got, of = total([write_variant(folder, name, Path(tmp)) for folder in args.rounds])
            lost = f" ({got - right:+d} against as saved)" if got != right else ""
            print(f"| {name} | {got}/{of}{lost} | {got / max(of, 1):.1%} |", flush=True)


if __name__ == "__main__":
    main()
