"""The generic reader's sources merged into one set of values, key by key.

Each key comes from the best source that has it (the order the caller gives: Highwire,
PRISM, Dublin Core, JSON-LD, the page text). Keys that only make sense together travel
together; disagreements between sources are warned about. Two things the page text shows
beat the tags: the issue date of its own citation line (some sites tag the day the
article went online) and an abstract whose structured labels the tags' copy lost.
"""

from __future__ import annotations

import re
from typing import Any

from ..dates import parse_written_date
from ..identifiers import normalize_doi
from ..text import match_key
from ._journal_names import abbreviates
from ._page_values import keywords_run_together
from ._text_citation import ISSUE_DATE

TEXT = "page text"
# Keys that only make sense together come from one source: an issue number from a
# source that names another volume would describe a different issue.
GROUPS = {"page_parts": ("first_page", "last_page", "pages"), "numbering": ("volume", "issue")}
GROUPED = frozenset(key for keys in GROUPS.values() for key in keys)
# Keys whose values are compared across sources; a disagreement is worth a warning. A
# shorter value that starts the kept one agrees (JSON-LD headlines are cut at 110 chars).
COMPARED = ("title", "doi", "volume", "issue")
# `dc.subject` and JSON-LD `keywords` often hold the site's subject categories (Springer,
# Nature: `Oncology`); a `Keywords` list printed on the page beats them.
TEXT_FIRST = {"keywords": frozenset({"Dublin Core", "JSON-LD"})}
# Springer Nature's tags (Springer Link, BMC, Nature) hold only those categories, even
# when the page prints no keywords at all.
CATEGORY_PUBLISHERS = re.compile(r"\b(?:Springer|BioMed Central|Nature Publishing)\b")
# A description the site cut to teaser length (`… We examined 214…`): never the abstract.
SHORTENED = re.compile(r"(?:…|\.\.\.)\s*$")
# A letter has no abstract: its tags' description quotes its first words (De Gruyter).
LETTER_OPENING = re.compile(r"^(?:To the Editors?|Dear (?:Editors?|Sirs?))\b", re.IGNORECASE)
# A structured label opening the text's abstract (`Background: …`), which tags drop.
LABEL_START = re.compile(r"^[A-Z][A-Za-z ]{2,40}:\s")
LABELLED_MATCH = 40  # characters of the tags' abstract the labelled one must hold
TAG_TITLE = "title_from_tag"  # the text's title is a tag's (`og:title`), not a printed line
TITLE_WORDS_HELD = 0.75  # a longer printed title holding this share of the tag's words


def _text_holds(text_values: dict[str, Any], key: str, value: Any) -> bool:
    """The printed text has this key, and not as the tag's words run together."""
    return bool(text_values.get(key)) and not keywords_run_together(text_values[key], value)


def merge_sources(sources: list[tuple[str, dict[str, Any]]], warnings: list[str]
                  ) -> tuple[dict[str, Any], dict[str, str]]:
    """Best source per key; pages travel together; disagreements are warned about."""
    merged: dict[str, Any] = {}
    origins: dict[str, str] = {}
    text_values = dict(sources).get(TEXT, {})
    categories = any(CATEGORY_PUBLISHERS.search(str(values.get("publisher") or ""))
                     for _, values in sources)
    for name, values in sources:
        for key, value in values.items():
            if name in TEXT_FIRST.get(key, ()) and (
                    categories or _text_holds(text_values, key, value)):
                continue
            if value and key not in merged and key not in GROUPED:
                if key == "abstract" and name != TEXT and SHORTENED.search(str(value)):
                    warnings.append(f"the {name} abstract is shortened (ends in …); not used")
                    continue
                if key == "abstract" and name != TEXT and LETTER_OPENING.match(str(value)):
                    warnings.append(f"the {name} abstract is a letter's opening; not used")
                    continue
                merged[key], origins[key] = value, name
        for group, keys in GROUPS.items():
            if group not in merged and any(values.get(key) for key in keys):
                merged[group] = {key: values.get(key) for key in keys}
                origins.update({key: name for key in keys})
    _fill_group_gaps(merged, origins, sources)
    _issue_date(merged, origins, text_values, warnings)
    _labelled_abstract(merged, origins, text_values)
    _printed_journal(merged, origins, text_values)
    _printed_title(merged, origins, text_values)
    _printed_pages(merged, origins, text_values, warnings)
    for key in COMPARED:
        kept = merged.get(key) or (merged.get("numbering") or {}).get(key)
        for name, values in sources:
            other = values.get(key)
            if (kept and other and name not in (origins[key], TEXT)
                    and not _agrees(key, str(kept), str(other))):
                warnings.append(f"sources disagree on {key}: kept {kept!r} ({origins[key]}), "
                                f"{name} has {other!r}")
    return merged, origins


def _fill_group_gaps(merged: dict[str, Any], origins: dict[str, str],
                     sources: list[tuple[str, dict[str, Any]]]) -> None:
    """A key the kept group lacks (tags give a volume, no issue) comes from a later source
    that names the same values for every key both give, and gives at least one."""
    for group in GROUPS:
        kept = merged.get(group)
        if not kept:
            continue
        for name, values in sources:
            shared = [key for key in GROUPS[group] if kept.get(key) and values.get(key)]
            if shared and all(_key(key, kept[key]) == _key(key, values[key]) for key in shared):
                for key in GROUPS[group]:
                    if not kept.get(key) and values.get(key):
                        kept[key], origins[key] = values[key], name


def _agrees(key: str, kept: str, other: str) -> bool:
    if key == "title":
        return _key(key, kept).startswith(_key(key, other))
    return _key(key, kept) == _key(key, other)


def _key(key: str, value: Any) -> str:
    text = str(value)
    return (normalize_doi(text) or text).lower() if key == "doi" else match_key(text)


def _issue_date(merged: dict[str, Any], origins: dict[str, str], text: dict[str, Any],
                warnings: list[str]) -> None:
    """The page's own citation line dates the issue; a tag dated another year (Wiley and
    Karger tag the day online) gives way when the two name the same volume."""
    issue, kept = text.get(ISSUE_DATE), merged.get("date")
    if not issue or not kept or origins.get("date") == TEXT:
        return
    volumes = {text.get("volume"), (merged.get("numbering") or {}).get("volume")} - {None}
    if len(volumes) <= 1 and _year(issue) not in (None, _year(kept)):
        warnings.append(f"the page's citation dates the issue {issue!r}; "
                        f"the {origins['date']} date {kept!r} is not used")
        merged["date"], origins["date"] = issue, TEXT


def _labelled_abstract(merged: dict[str, Any], origins: dict[str, str],
                       text: dict[str, Any]) -> None:
    """The text's abstract when it is the tags' one with its structured labels kept."""
    own, kept = str(text.get("abstract") or ""), str(merged.get("abstract") or "")
    if kept and origins.get("abstract") != TEXT and LABEL_START.match(own) \
            and not LABEL_START.match(kept) \
            and match_key(kept[:LABELLED_MATCH]) in match_key(own[:3 * LABELLED_MATCH]):
        merged["abstract"], origins["abstract"] = own, TEXT


def _year(date: Any) -> int | None:
    parsed = parse_written_date(str(date))
    return parsed["date_parts"][0][0] if parsed else None


def _printed_journal(merged: dict[str, Any], origins: dict[str, str],
                     text: dict[str, Any]) -> None:
    """The journal's name as the page prints it, where a tag abbreviates it (`J Geriatr
    Oncol` for `Journal of Geriatric Oncology`) or gives only its first part (`Gastric
    Cancer` for NLM's `Gastric Cancer : Official Journal of …`); the tag's form is kept as
    the short title."""
    printed, tagged = text.get("container_title"), merged.get("container_title")
    if not printed or not tagged or origins.get("container_title") == TEXT \
            or match_key(printed) == match_key(tagged):
        return
    if abbreviates(tagged, printed) or printed.startswith((f"{tagged} : ", f"{tagged} (")):
        merged["container_title_short"] = merged.get("container_title_short") or tagged
        merged["container_title"], origins["container_title"] = printed, TEXT


def _printed_title(merged: dict[str, Any], origins: dict[str, str],
                   text: dict[str, Any]) -> None:
    """The title as the page prints it where the tags shortened it (T&F's `dc.Title`
    without the subtitle the heading shows)."""
    printed, tagged = str(text.get("title") or ""), str(merged.get("title") or "")
    if printed and tagged and origins.get("title") != TEXT and not text.get(TAG_TITLE) \
            and len(printed.split()) > len(tagged.split()) \
            and match_key(printed).split()[:3] == match_key(tagged).split()[:3] \
            and words_held(tagged, printed) >= TITLE_WORDS_HELD:
        merged["title"], origins["title"] = printed, TEXT


def words_held(tagged: str, printed: str) -> float:
    """The share of the tag's words the printed line holds."""
    words = re.findall(r"\w+", tagged.casefold())
    held = set(re.findall(r"\w+", printed.casefold()))
    return sum(word in held for word in words) / len(words) if words else 0.0


def _printed_pages(merged: dict[str, Any], origins: dict[str, str], text: dict[str, Any],
                   warnings: list[str]) -> None:
    """The range the page prints where the tags end it elsewhere from the same first page
    (J-STAGE tags `citation_lastpage` 2045 over a printed `Pages 2041-2046`)."""
    parts, printed = merged.get("page_parts") or {}, str(text.get("pages") or "")
    first, last = parts.get("first_page"), parts.get("last_page")
    shown = re.match(r"^(\w+)\s*[-\u2013]\s*(\w+)$", printed)
    if origins.get("first_page", TEXT) != TEXT and first and last and shown \
            and shown[1] == str(first) and shown[2] != str(last):
        warnings.append(f"the page prints pages {printed!r}; the {origins['first_page']} "
                        f"pages {first}-{last} are not used")
        merged["page_parts"] = {"first_page": None, "last_page": None, "pages": printed}
