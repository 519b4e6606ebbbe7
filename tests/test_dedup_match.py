"""Pairwise verdicts: tricky real pairs from the SRA set, and look-alikes that must stay apart.

The SRA rows (../shared/dedup/sra_respiratory.csv, record ids in the comments) are
copied here with their real values, so these tests run without ../shared.
"""

from __future__ import annotations

from typing import Any

import pytest

from her2kb.dedup import MIN_CONFIDENCE, compare, keys_for
from her2kb.dedup.scoring import Link

TRAIN = "Train, M.; Soulard, D.; Bouyer, L.; Bizouarn, P.; Blanloeil, Y."
REGNARD = "Regnard, J. F.; Libert, J. M.; Rojas-Miranda, A.; Marzelle, J.; Levasseur, P."
IMAZIO = ("Imazio, M.; Brucato, A.; Rovere, M. E.; Gandino, A.; Cemin, R.; Ferrua, S.; "
          "Ferrazzi, P.; Trinchero, R.; Spodick, D. H.; Adler, Y.")


def row(title: str, authors: str, journal: str, year: str, volume: str = "", pages: str = "",
        doi: str = "", pmid: str = "") -> dict[str, Any]:
    return {"title": title, "authors": authors, "journal": journal, "year": year,
            "volume": volume, "pages": pages, "doi": doi, "pmid": pmid}


def verdict(a: dict[str, Any], b: dict[str, Any]) -> Link:
    link, back = compare(keys_for(a), keys_for(b)), compare(keys_for(b), keys_for(a))
    assert link is not None and back is not None
    # Symmetric in outcome; a veto's wording names the two sides in the order given.
    assert (link.score, link.veto is None) == (back.score, back.veto is None)
    return link


SAME = {
    "translated title in brackets vs the English original (resp-00031 / resp-01442)": (
        row("[Comparison of amoxicillin and cefamandole in the prevention of bronchopulmonary "
            "infections in pulmonary surgery. A randomized double-blind study]", TRAIN,
            "Annales Francaises d Anesthesie et de Reanimation", "1994", "13", "280-284"),
        row("Antibiotic prophylaxis in pulmonary surgery. A controlled double- blind study of "
            "amoxicillin versus cefamandole", TRAIN, "Ann Fr Anesth Reanim", "1994", "13",
            "280-284")),
    "multic?ntrico, bilingual title, full vs abbreviated journal (resp-00733 / resp-00411)": (
        row("Estudio multic?ntrico sobre las infecciones pedi?tricas por Staphylococcus aureus "
            "meticilino resistente provenientes de la comunidad en la Argentina; Community "
            "acquired methicillin resistant Staphyloc",
            "Paganini, Hugo; Della Latta, María P.; Muller Opet, Beatriz; Ezcurra, Gustavo",
            "Arch Argent Pediatr", "2008", "106", "397-403"),
        row("[Community-acquired methicillin-resistant Staphylococcus aureus infections in "
            "children: multicenter trial]",
            "Paganini, Hugo; Della Latta, Maria P.; Muller Opet, Beatriz; Ezcurra, Gustavo",
            "Archivos Argentinos de Pediatria", "2008", "106", "397-403")),
    "Pathol Biol vs Pathologie-biologie, EMBASE <ORIGINAL> (resp-00145 / resp-00417)": (
        row("Antibiotic and antiseptic prophylaxis in thoracic surgery. A randomized study. "
            "<ORIGINAL> PROPHYLAXIE ANTIBIOTIQUE ET ANTISEPTIQUE EN CHIRURGIE THORACIQUE. "
            "ETUDE CONTROLEE", REGNARD, "Pathol Biol", "1989", "37", "477-480"),
        row("[Antibiotic and antiseptic prophylaxis in thoracic surgery. Controlled study]",
            REGNARD, "Pathologie-biologie", "1989", "37", "477-480")),
    "erratum note attached to the title (resp-00577 / resp-00748)": (
        row("Timing of chest tube removal after coronary artery bypass surgery",
            "Abramov, D.; Yeshayahu, M.; Yeshaaiahu, M.; Tsodikov, V.; Gatot, I.",
            "Journal of cardiac surgery", "2005", "20", "142-146"),
        row('"Timing of chest tube removal after coronary artery bypass surgery.[Erratum '
            "appears in J Card Surg. 2011 Mar;26(2):244 Note: Yeshaaiahu, Michal [corrected to "
            'Yeshayahu, Michal]]"', "Abramov, Dan; Yeshayahu, Michal; Tsodikov, Vadim; "
            "Gatot, Inbar", "Journal of Cardiac Surgery", "2005", "20", "142-146")),
    "same DOI in two spellings": (
        row("Trastuzumab plus adjuvant chemotherapy for operable HER2-positive breast cancer",
            "Romond, E. H.", "N Engl J Med", "2005", doi="https://doi.org/10.1056/NEJMoa052122"),
        row("Trastuzumab plus adjuvant chemotherapy for operable HER2\u2010positive breast "
            "cancer", "Romond EH", "New England Journal of Medicine", "2005",
            doi="10.1056/nejmoa052122")),
    "epub year vs print year, pages abbreviated": (
        row("Lapatinib plus capecitabine for HER2-positive advanced breast cancer",
            "Geyer, C. E.; Forster, J.; Lindquist, D.", "J Clin Oncol", "2006", "24", "1027-9"),
        row("Lapatinib plus capecitabine for HER2-positive advanced breast cancer",
            "Geyer, Charles E.; Forster, John; Lindquist, Deborah",
            "Journal of Clinical Oncology", "2007", "24", "1027-1029")),
}


@pytest.mark.parametrize("pair", SAME.values(), ids=SAME.keys())
def test_duplicates_link(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    link = verdict(*pair)
    assert link.veto is None
    assert link.score >= MIN_CONFIDENCE, link


def test_reason_names_the_evidence() -> None:
    link = verdict(*SAME["epub year vs print year, pages abbreviated"])
    assert link.reason == "title 1.00, authors 3/3, year ±1, journal, volume, pages"


HER2 = "Trastuzumab in HER2-positive metastatic breast cancer: a retrospective cohort"
ARTICLE = row("Pertuzumab plus trastuzumab plus docetaxel for metastatic breast cancer",
              "Baselga, J.; Cortes, J.", "N Engl J Med", "2012", "366", "109-119")

VETOED = {
    "HER2-positive vs HER2-negative": (
        row(HER2, "Keller, A.; Brandt, P.", "Breast Cancer Res Treat", "2019"),
        row(HER2.replace("positive", "negative"), "Keller, A.; Brandt, P.",
            "Breast Cancer Res Treat", "2019"), "polarity"),
    "with vs without": (
        row("Docetaxel with trastuzumab as first-line therapy", "Marty, M.", "J Clin Oncol",
            "2005"),
        row("Docetaxel without trastuzumab as first-line therapy", "Marty, M.", "J Clin Oncol",
            "2005"), "polarity"),
    "Part 1 vs Part 2": (
        row("Cardiac safety of trastuzumab. Part 1: incidence", "Ortega, L.", "Clin Breast Cancer",
            "2018"),
        row("Cardiac safety of trastuzumab. Part 2: incidence", "Ortega, L.", "Clin Breast Cancer",
            "2018"), "part"),
    "phase II vs phase I/II": (
        row("A phase II study of margetuximab in gastric cancer", "Catenacci, D.", "J Clin Oncol",
            "2019"),
        row("A phase I/II study of margetuximab in gastric cancer", "Catenacci, D.",
            "J Clin Oncol", "2019"), "numbers"),
    "FOCUS 1 vs FOCUS 2, pages left out (resp-00594 / resp-01446)": (
        row('"FOCUS 1: A randomized, double-blinded, multicentre, phase III trial of the efficacy '
            'and safety of ceftaroline fosamil versus ceftriaxone in community-acquired '
            'pneumonia"', "File Jr, T. M.; Low, D. E.; Eckburg, P. B.",
            "Journal of Antimicrobial Chemotherapy", "2011", "66"),
        row('"FOCUS 2: A randomized, double-blinded, multicentre, Phase III trial of the efficacy '
            'and safety of ceftaroline fosamil versus ceftriaxone in community-acquired '
            'pneumonia"', "Low, D. E.; File Jr, T. M.; Eckburg, P. B.",
            "Journal of Antimicrobial Chemotherapy", "2011", "66"), "numbers"),
    "erratum vs article": (
        row("Erratum: " + ARTICLE["title"], ARTICLE["authors"], "N Engl J Med", "2012", "366"),
        ARTICLE, "erratum vs article"),
    "comment vs article": (
        row("Comment on: " + ARTICLE["title"], "Smith, I.", "N Engl J Med", "2012", "366"),
        ARTICLE, "comment vs article"),
    "two abstracts, one supplement DOI, different pages": (
        row("Neratinib in HER2-mutant breast cancer: SUMMIT", "Hyman, D. M.", "Ann Oncol", "2018",
            "29", "viii91", doi="10.1093/annonc/mdy272"),
        row("Neratinib in HER2-mutant lung cancer: SUMMIT", "Hyman, D. M.", "Ann Oncol", "2018",
            "29", "viii114", doi="10.1093/annonc/mdy272"), "pages"),
    "same title three years apart": (
        row("Trastuzumab for early breast cancer", "Moja, L.", "Cochrane Database Syst Rev",
            "2009"),
        row("Trastuzumab for early breast cancer", "Moja, L.", "Cochrane Database Syst Rev",
            "2012"), "years"),
    "conflicting PMIDs": (
        row("Trastuzumab deruxtecan in HER2-low breast cancer", "Modi, S.", "J Clin Oncol", "2020",
            pmid="32000001"),
        row("Trastuzumab deruxtecan in HER2-low breast cancer", "Modi, S.", "J Clin Oncol", "2020",
            pmid="32000002"), "PMIDs"),
}


@pytest.mark.parametrize("case", VETOED.values(), ids=VETOED.keys())
def test_look_alikes_are_vetoed(case: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    a, b, why = case
    link = verdict(a, b)
    assert link.veto is not None and why in link.veto, link
    assert link.score == 0.0


def test_spacing_and_code_variants_do_not_veto() -> None:
    # resp-01084 / resp-01847: `alphavbeta3, +/-` vs `(alpha)v(beta)3, (plus or minus)`.
    a = row('"A randomized phase 2 study of etaracizumab, a monoclonal antibody against integrin '
            'alphavbeta3, +/- dacarbazine in patients with stage IV metastatic melanoma"',
            "Hersey, P.; Sosman, J.", "Cancer", "2010", "116", "1526-1534")
    b = row('"A randomized phase 2 study of etaracizumab, a monoclonal antibody against integrin '
            '(alpha)v(beta)3, (plus or minus) dacarbazine in patients with stage IV metastatic '
            'melanoma"', "Hersey, P.; Sosman, J.", "Cancer", "2010", "116", "1526-1534")
    assert verdict(a, b).veto is None
    c = row("Gefitinib after chemotherapy in advanced non-small cell lung cancer in Asia",
            "Mok, T.", "Lancet", "2008", "372")
    d = row("Gefitinib after chemotherapy in advanced NSCLC in Asia", "Mok, T.", "Lancet", "2008")
    assert verdict(c, d).veto is None
    e = row("Adjuvant trastuzumab shows no benefit in small HER2 tumours", "Ray, K.", "BMJ", "2014")
    f = row("Adjuvant trastuzumab shows a benefit in small HER2 tumours", "Ray, K.", "BMJ", "2014")
    assert "negation" in (verdict(e, f).veto or "")


NOT_LINKED = {
    # resp-01688 / resp-01887: two abstracts of one group on one supplement page.
    "other title, same authors, same single page": (
        row('"Contemporary features, risk factors, and prognosis of the post-pericardiotomy '
            'syndrome"', IMAZIO, "European Heart Journal", "2011", "32", "597"),
        row("Colchicine prevents early post-operative pericardial and pleural effusions", IMAZIO,
            "European Heart Journal", "2011", "32", "597")),
    "conference abstract and the paper in another journal": (
        row("Margetuximab versus trastuzumab in HER2-positive advanced breast cancer: SOPHIA",
            "Rugo, H. S.; Im, S. A.", "Annals of Oncology", "2020"),
        row("Margetuximab versus trastuzumab in HER2-positive advanced breast cancer: SOPHIA",
            "Rugo, H. S.; Im, S. A.", "JAMA Oncology", "2020", "7", "573-584")),
    "generic title, other authors": (
        row("Management of HER2-positive gastric cancer", "Lordick, F.", "Curr Opin Oncol", "2015"),
        row("Management of HER2-positive gastric cancer", "Bang, Y. J.; Kang, Y. K.", "Oncology",
            "2015")),
    "translated title, same group, journal and year, but no page to tie them": (
        row("[Clinical observation of pleural perfusion of cisplatin]", "Zhao, W.; Li, H.",
            "Zhongguo Fei Ai Za Zhi", "2010"),
        row("[Radiotherapy of brain metastases in lung cancer: a review]", "Zhao, W.; Li, H.",
            "Zhongguo Fei Ai Za Zhi", "2010")),
    "one supplement DOI, no pages, different titles": (
        row("Quality of life with pertuzumab in the APHINITY population", "Procter, M.",
            "Ann Oncol", "2017", "28", doi="10.1093/annonc/mdx362"),
        row("Cardiac safety of adjuvant pertuzumab in elderly patients of APHINITY",
            "Procter, M.", "Ann Oncol", "2017", "28", doi="10.1093/annonc/mdx362")),
}


@pytest.mark.parametrize("pair", NOT_LINKED.values(), ids=NOT_LINKED.keys())
def test_look_alikes_score_low(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    assert verdict(*pair).score < MIN_CONFIDENCE


def test_same_pmid_outranks_title_differences() -> None:
    a = row("Neratinib after trastuzumab-based adjuvant therapy: a randomised trial",
            "Chan, A.", "Lancet Oncol", "2016", "17", "367-377", pmid="26874901")
    b = row("Neratinib after trastuzumab-based adjuvant therapy (ExteNET): a phase 3 trial",
            "Chan, Arlene", "The Lancet Oncology", "2016", pmid="26874901")
    assert verdict(a, b).reason == "same PMID"


def test_nothing_to_compare() -> None:
    assert compare(keys_for({"year": "2001"}), keys_for({"year": "2001"})) is None
