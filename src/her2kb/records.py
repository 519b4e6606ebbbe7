"""The canonical record: CSL-JSON vocabulary, validated at the edges, no I/O.

Attribute names are snake_case; aliases are the CSL-JSON keys, so
`model_dump(by_alias=True)` speaks CSL. Fields CSL has no key for (MeSH, flags,
cited references ...) live here as plain attributes and go under `custom` on
export (see exporters/csljson.py).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

# The CSL types her2kb produces; readers map anything else to "article".
CslType = Literal[
    "article", "article-journal", "article-magazine", "article-newspaper", "book", "chapter",
    "dataset", "entry-encyclopedia", "manuscript", "paper-conference", "patent", "report",
    "review", "thesis", "webpage",
]

DOI_SHAPE = re.compile(r"^10\.\d{4,9}/\S+$")
PMID_SHAPE = re.compile(r"^\d{1,8}$")
PMCID_SHAPE = re.compile(r"^PMC\d+$")
MIN_YEAR = 1500
# Two years ahead covers ahead-of-print issues; taken once, not on every validation.
LATEST_YEAR = _dt.date.today().year + 2


def _csl_alias(name: str) -> str:
    return name.replace("_", "-")


class _Model(BaseModel):
    model_config = ConfigDict(
        alias_generator=_csl_alias, validate_by_name=True, validate_by_alias=True,
        serialize_by_alias=True, extra="forbid",
    )


class Name(_Model):
    """A person (family/given, optional particle and suffix) or a corporate `literal`."""

    family: str | None = None
    given: str | None = None
    non_dropping_particle: str | None = None
    suffix: str | None = None
    literal: str | None = None
    # Not CSL name keys: exported under custom.author_details, never inside `author`.
    orcid: str | None = None
    affiliations: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_a_name(self) -> Name:
        if not ((self.family or "").strip() or (self.literal or "").strip()):
            raise ValueError("a name needs a family name or a literal")
        return self

    def display(self) -> str:
        """`Given particle Family` or the literal, for tables and messages."""
        if self.literal:
            return self.literal
        parts = [self.given, self.non_dropping_particle, self.family, self.suffix]
        return " ".join(p for p in parts if p)


class DateParts(_Model):
    """CSL date at the precision the source gave: [[Y]], [[Y, M]], [[Y, M, D]], or a range."""

    date_parts: list[list[int]]
    season: int | None = Field(None, ge=1, le=4)
    raw: str | None = None

    @field_validator("date_parts")
    @classmethod
    def _plausible(cls, parts: list[list[int]]) -> list[list[int]]:
        if not parts or len(parts) > 2:
            raise ValueError("date-parts holds one date or a range of two")
        latest = LATEST_YEAR
        for part in parts:
            if not 1 <= len(part) <= 3:
                raise ValueError("a date is [year], [year, month] or [year, month, day]")
            if not MIN_YEAR <= part[0] <= latest:
                raise ValueError(f"year {part[0]} is not plausible")
            if len(part) > 1 and not 1 <= part[1] <= 12:
                raise ValueError(f"month {part[1]} is not 1-12")
            if len(part) > 2 and not 1 <= part[2] <= 31:
                raise ValueError(f"day {part[2]} is not 1-31")
        return parts

    @property
    def year(self) -> int:
        return self.date_parts[0][0]


class MeshHeading(_Model):
    descriptor: str
    qualifier: str | None = None
    major: bool = False


class CitedReference(_Model):
    """A work the record cites, as the source printed it; `record_id` once resolved."""

    title: str | None = None
    container_title: str | None = None
    year: int | None = None
    doi: str | None = None
    record_id: int | None = None


# PubMed's related-item heading in snake case: erratum_in, comment_on, retraction_of,
# expression_of_concern_for, republished_from ... (the list grows with NLM's).
RelationKind = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*[a-z]$")]


class Relation(_Model):
    """A printed link to another notice (erratum, comment, retraction ...)."""

    kind: RelationKind
    citation: str


class Record(_Model):
    """One bibliographic work. Empty lists and None mean "not in the source"."""

    type: CslType = "article-journal"
    title: str | None = None
    author: list[Name] = Field(default_factory=list)
    authors_truncated: bool = False  # the source showed "X et al." only
    editor: list[Name] = Field(default_factory=list)
    container_title: str | None = None
    container_title_short: str | None = None
    collection_title: str | None = None  # series
    publisher: str | None = None
    publisher_place: str | None = None
    edition: str | None = None
    issued: DateParts | None = None
    available_date: DateParts | None = None  # epub date; never the citation year
    accessed: DateParts | None = None
    volume: str | None = None
    issue: str | None = None
    page: str | None = None  # expanded, ASCII hyphen
    page_as_printed: str | None = None
    number_of_pages: int | None = None
    number: str | None = None  # article number (e2051, WoS `Artn`), report number
    doi: str | None = Field(None, alias="DOI")
    pmid: str | None = Field(None, alias="PMID")
    pmcid: str | None = Field(None, alias="PMCID")
    pii: str | None = None  # publisher item identifier; never pages or a DOI
    url: str | None = Field(None, alias="URL")
    issn: list[str] = Field(default_factory=list, alias="ISSN")
    isbn: list[str] = Field(default_factory=list, alias="ISBN")
    abstract: str | None = None
    note: str | None = None
    keywords: list[str] = Field(default_factory=list)
    mesh: list[MeshHeading] = Field(default_factory=list)
    substances: list[str] = Field(default_factory=list)
    # As the source states them ("Review", "journal article").
    publication_types: list[str] = Field(default_factory=list)
    original_type: str | None = None  # the source's own record type ("Journal Article", "JOUR")
    language: str | None = None
    open_access: bool | None = None
    top_cited: bool | None = None
    relations: list[Relation] = Field(default_factory=list)
    references: list[CitedReference] = Field(default_factory=list)
    references_total_stated: int | None = None
    full_text_excerpt: str | None = None  # body text that ran on past the abstract

    @field_validator("doi")
    @classmethod
    def _doi(cls, v: str | None) -> str | None:
        if v is not None and not DOI_SHAPE.match(v):
            raise ValueError(f"{v!r} is not a DOI (10.<registrant>/<suffix>)")
        return v

    @field_validator("pmid")
    @classmethod
    def _pmid(cls, v: str | None) -> str | None:
        if v is not None and not PMID_SHAPE.match(v):
            raise ValueError(f"{v!r} is not a PMID (1-8 digits)")
        return v

    @field_validator("pmcid")
    @classmethod
    def _pmcid(cls, v: str | None) -> str | None:
        if v is not None and not PMCID_SHAPE.match(v):
            raise ValueError(f"{v!r} is not a PMCID (PMC + digits)")
        return v

    @property
    def year(self) -> int | None:
        return self.issued.year if self.issued else None


class SourceRef(_Model):
    """Where a stored record's text came from: reader, path as given (or '-'), sha256."""

    format: str
    origin: str
    sha256: str


class Alternative(_Model):
    """A value that conflicted with the record's own during a merge, kept with its source."""

    field: str
    value: object
    source_sha256: str | None = None


class StoredRecord(_Model):
    """A record as the library holds it: database id, pinned citation key, provenance."""

    id: int
    key: str
    record: Record
    sources: list[SourceRef] = Field(default_factory=list)
    alternatives: list[Alternative] = Field(default_factory=list)
