"""Match keys for deduplication: titles, names, pages, volumes and journals as folded."""

from __future__ import annotations

from dataclasses import replace

import pytest

from her2kb.dedup import keys_for
from her2kb.dedup.journal_keys import journal_keys, same_journal
from her2kb.dedup.keys import family_key, pages, volume_key
from her2kb.dedup.titles import clean, kind_of, variants
from her2kb.records import DateParts, Name, Record


@pytest.mark.parametrize(("printed", "key"), [
    # Markup and dash variants fold away (formats.md §12.2).
    ("Trastuzumab in <i>HER2</i>\u2010positive breast cancer",
     "trastuzumab in her2 positive breast cancer"),
    (r"Trastuzumab in {HER2}--positive breast cancer",
     "trastuzumab in her2 positive breast cancer"),
    ("Trastuzumab &amp; pertuzumab", "trastuzumab and pertuzumab"),
    # Numbers are compared as digits: Roman numerals after `phase`, `stage(s)`; words.
    ("A phase II trial in stages IIIA and IIIB", "a phase 2 trial in stages 3a and 3b"),
    ("Two-year follow-up versus 2nd look", "2 year follow up vs 2 look"),
    # A lost accent (`?`) is dropped, so the rest of the word still matches.
    ("Estudio multic?ntrico", "estudio multicntrico"),
])
def test_title_key(printed: str, key: str) -> None:
    assert variants(clean(printed))[0] == key


def test_medline_erratum_note_is_not_an_erratum() -> None:
    # SRA resp-00748: the note names a related erratum; the record is the article.
    title = ('"Timing of chest tube removal after coronary artery bypass surgery.[Erratum '
             "appears in J Card Surg. 2011 Mar;26(2):244 Note: Yeshaaiahu, Michal [corrected to "
             'Yeshayahu, Michal]]"')
    assert clean(title) == "Timing of chest tube removal after coronary artery bypass surgery"
    assert kind_of(clean(title)) == "article"


def test_language_versions_become_variants() -> None:
    # SRA resp-00145 (EMBASE <ORIGINAL>) and resp-00733 (`;`-joined bilingual title).
    embase = variants(clean("Antibiotic and antiseptic prophylaxis in thoracic surgery. A "
                            "randomized study. <ORIGINAL> PROPHYLAXIE ANTIBIOTIQUE ET "
                            "ANTISEPTIQUE EN CHIRURGIE THORACIQUE. ETUDE CONTROLEE"))
    assert embase[0] == ("antibiotic and antiseptic prophylaxis in thoracic surgery a "
                         "randomized study")
    assert embase[1].startswith("prophylaxie antibiotique")
    lilacs = variants(clean("Utilidad de los antimicrobianos en la toracostom?a cerrada por "
                            "trauma; Are antimicrobials useful in closed thoracostomy due to "
                            "trauma?"))
    assert "are antimicrobials useful in closed thoracostomy due to trauma" in lilacs
    bracket = variants(clean("[Effects of glucocorticoids on tuberculous pleural effusion] "
                             "LA: Chi"))
    assert bracket == ["effects of glucocorticoids on tuberculous pleural effusion"]


@pytest.mark.parametrize(("title", "kind"), [
    ("Erratum: Trastuzumab emtansine for HER2-positive breast cancer", "erratum"),
    ("Correction to: Pyrotinib or lapatinib", "erratum"),
    ("Trastuzumab in gastric cancer (vol 376, pg 687, 2010)", "erratum"),
    ("Comment on: Trastuzumab after adjuvant chemotherapy", "comment"),
    ("Re: Trastuzumab after adjuvant chemotherapy", "comment"),
    ("Reply to the letter by Smith et al", "reply"),
    ("Authors' reply", "reply"),
    # A study title that merely starts with `Response to` is an article.
    ("Response to radiofrequency ablation of pulmonary tumours", "article"),
    ("RETRACTED: Trastuzumab in mice", "article"),
])
def test_notice_kind(title: str, kind: str) -> None:
    assert kind_of(clean(title)) == kind


@pytest.mark.parametrize(("printed", "expected"), [
    ("1027-9", ("1027", "1029")),
    ("viii108", ("108", None)),  # supplement page prefix
    ("S385S-389", ("385", "389")),
    ("527-32.e1", ("527", "532")),
    ("e43268", ("e43268", None)),  # an article number, counted apart from pages
    ("13-May", ("5", "13")),  # a spreadsheet read `5-13` as a date
    ("Sep-17", ("9", "17")),
    ('"233-8, 230-5, 246-51"', ("230", "235")),  # several ranges: the lowest one
    ("233-238+230-235+246-251", ("230", "235")),
    ("617-20; discussion 620-1", ("617", "620")),
    ("Abstract # 2455", (None, None)),
    ("", (None, None)),
])
def test_pages(printed: str, expected: tuple[str | None, str | None]) -> None:
    assert pages(printed) == expected


@pytest.mark.parametrize(("printed", "year", "key"), [
    ("10 Suppl 2", 1996, "10"), ("35 ( Pt 1)", 1998, "35"), ("30a", 1994, "30a"),
    ("Suppl 18", 2000, None), ("2010", 2010, None), ("Vol. 12", 2001, "12"),
])
def test_volume(printed: str, year: int, key: str | None) -> None:
    assert volume_key(printed, year) == key


@pytest.mark.parametrize(("a", "b"), [
    ("Cobano?lu", "Cobanolu"),  # a mangled diacritic is dropped, the rest kept
    ("Gonzalez-De la Rosa", "González-De La Rosa"),
    ("von Pawel", "Pawel"),
    ("Lynch Jr", "Lynch"),
    ("Nöu", "Nou"),
])
def test_family_keys_fold(a: str, b: str) -> None:
    assert family_key(a) == family_key(b)


@pytest.mark.parametrize(("a", "b", "how"), [
    ("Pathol Biol", "Pathologie-biologie", "same"),  # SRA resp-00145 / resp-00417
    ("Pathol Biol", "Pathologie Biologie", "same"),
    ("Ann Fr Anesth Reanim", "Annales Francaises d Anesthesie et de Reanimation", "same"),
    ("J. Clin. Oncol.", "Journal of clinical oncology : official journal of the American "
     "Society of Clinical Oncology", "same"),
    ("Chung-Hua Chung Liu Tsa Chih [Chinese Journal of Oncology]",
     "Zhonghua zhong liu za zhi [Chinese journal of oncology]", "same"),
    ("Ai zheng = Aizheng = Chinese journal of cancer", "Aizheng", "same"),
    ("PLoS ONE [Electronic Resource]", "PLoS One", "same"),
    ("Jthoraccardiovascsurg", "Journal of Thoracic & Cardiovascular Surgery", "abbrev"),
    ("Annali dell'Istituto superiore di sanit?", "Annali Dell'Istituto Superiore di Sanita",
     "abbrev"),
    ("Surgical endoscopy", "Surgical Endoscopy and Other Interventional Techniques", "abbrev"),
    ("Lancet", "Lancet Oncology", None),
    ("Annals of Oncology", "JAMA Oncology", None),
])
def test_journals(a: str, b: str, how: str | None) -> None:
    assert same_journal(journal_keys(a), journal_keys(b)) == how


def test_keys_from_record_and_from_fields_agree() -> None:
    record = Record(
        title="Lapatinib plus capecitabine for HER2\u2010positive advanced breast cancer",
        author=[Name(family="Geyer", given="Charles E."), Name(family="Forster", given="John")],
        container_title="Journal of Clinical Oncology", container_title_short="J Clin Oncol",
        issued=DateParts(date_parts=[[2006]]), volume="24", page="1027-1029",
        DOI="10.1200/JCO.2005.1234", PMID="16505433",
    )
    fields = {"title": "Lapatinib plus capecitabine for HER2-positive advanced breast cancer",
              "authors": "Geyer, C. E.; Forster, J.", "journal": "J Clin Oncol", "year": "2006",
              "volume": "24", "pages": "1027-9", "doi": "https://doi.org/10.1200/jco.2005.1234",
              "pmid": "PMID: 16505433"}
    from_record, from_fields = keys_for(record), keys_for(fields)
    # The record also knows the full journal name, so it carries more journal forms.
    assert replace(from_record, journal=()) == replace(from_fields, journal=())
    assert from_record.journal[0] == from_fields.journal[0] == "j clin oncol"
    assert from_record.doi == "10.1200/jco.2005.1234"
    assert from_record.marks == frozenset({"her2", "positive", "plus"})


@pytest.mark.parametrize("authors", [
    "Slamon, Dennis J.; Leyland-Jones, Brian; Shak, Steven",
    "Slamon DJ; Leyland-Jones B; Shak S",
    "Slamon DJ, Leyland-Jones B, Shak S",
    "Slamon, D. J. and Leyland-Jones, B. and Shak, S.",
    ["Slamon, D. J.", "Leyland-Jones, B.", "Shak, S."],
    [{"family": "Slamon", "given": "D. J."}, {"family": "Leyland‐Jones"}, {"family": "Shak"}],
])
def test_author_forms(authors: object) -> None:
    assert keys_for({"title": "x", "authors": authors}).authors == (
        "slamon", "leylandjones", "shak")
