"""Words of MeSH descriptors common in cancer records, to see a last list row cut mid-word.

A page cut at a size limit can stop inside its last MeSH or substance row
(`Drug Administration Sch`, formats.md §4.4). A qualifier is checked against the
closed qualifier list; a descriptor needs its words: a last word that is no word of a
descriptor below, but the start of one, was cut. The list is the descriptors and
substance names met most in HER2 and breast-cancer indexing; it only ever drops a
last row, never fills a field, so a word it lacks just leaves the row in place.
"""

from __future__ import annotations

import re

COMMON_DESCRIPTORS = (
    "Humans", "Female", "Male", "Animals", "Mice", "Mice, Nude", "Mice, SCID",
    "Mice, Inbred BALB C", "Mice, Transgenic", "Rats", "Adult", "Aged", "Aged, 80 and over",
    "Middle Aged", "Young Adult", "Adolescent", "Child", "Pregnancy", "Infant, Newborn",
    "Breast Neoplasms", "Breast Neoplasms, Male", "Triple Negative Breast Neoplasms",
    "Inflammatory Breast Neoplasms", "Stomach Neoplasms", "Esophageal Neoplasms",
    "Esophagogastric Junction", "Lung Neoplasms", "Colorectal Neoplasms", "Ovarian Neoplasms",
    "Pancreatic Neoplasms", "Urinary Bladder Neoplasms", "Endometrial Neoplasms",
    "Head and Neck Neoplasms", "Brain Neoplasms", "Biliary Tract Neoplasms", "Neoplasms",
    "Neoplasm Metastasis", "Neoplasm Staging", "Neoplasm Recurrence, Local",
    "Neoplasm Invasiveness", "Neoplasm Grading", "Neoplasm Proteins", "Neoplasm, Residual",
    "Neoplasm Transplantation", "Neoplastic Cells, Circulating", "Neoplastic Stem Cells",
    "Neoplasms, Hormone-Dependent", "Carcinoma", "Carcinoma, Ductal, Breast",
    "Carcinoma, Lobular", "Carcinoma, Intraductal, Noninfiltrating", "Carcinoma in Situ",
    "Adenocarcinoma", "Carcinoma, Non-Small-Cell Lung", "Carcinoma, Squamous Cell",
    "Lymphatic Metastasis", "Lymph Nodes", "Lymph Node Excision", "Sentinel Lymph Node Biopsy",
    "Mastectomy", "Mastectomy, Segmental", "Mastectomy, Modified Radical", "Gastrectomy",
    "Receptor, ErbB-2", "Receptor, ErbB-3", "Receptor, ErbB-4", "ErbB Receptors",
    "Receptor, Epidermal Growth Factor", "Receptors, Estrogen", "Receptors, Progesterone",
    "Receptor, IGF Type 1", "Receptors, Fc", "Receptors, IgG", "Receptor Protein-Tyrosine Kinases",
    "Receptors, Vascular Endothelial Growth Factor", "Receptors, Cell Surface",
    "Trastuzumab", "Ado-Trastuzumab Emtansine", "Antibodies, Monoclonal",
    "Antibodies, Monoclonal, Humanized", "Antibodies, Bispecific", "Antibodies, Neoplasm",
    "Antineoplastic Agents", "Antineoplastic Agents, Immunological",
    "Antineoplastic Agents, Hormonal", "Antineoplastic Agents, Phytogenic",
    "Antineoplastic Agents, Alkylating", "Antineoplastic Combined Chemotherapy Protocols",
    "Immunoconjugates", "Immunotoxins", "Lapatinib", "Quinazolines", "Quinolines",
    "Protein Kinase Inhibitors", "Tyrosine Kinase Inhibitors", "Paclitaxel",
    "Albumin-Bound Paclitaxel", "Docetaxel", "Taxoids", "Doxorubicin", "Epirubicin",
    "Anthracyclines", "Cyclophosphamide", "Carboplatin", "Cisplatin", "Oxaliplatin",
    "Capecitabine", "Fluorouracil", "Deoxycytidine", "Vinorelbine", "Vinblastine", "Tamoxifen",
    "Letrozole", "Anastrozole", "Aromatase Inhibitors", "Fulvestrant", "Bevacizumab",
    "Everolimus", "Sirolimus", "Camptothecin", "Topoisomerase I Inhibitors", "Aminopyridines",
    "Purines", "Pyrimidines", "Pyridines", "Morpholines", "Acrylamides", "Oxazoles",
    "Biosimilar Pharmaceuticals", "Drug Resistance, Neoplasm", "Drug Resistance, Multiple",
    "Drug Synergism", "Drug Screening Assays, Antitumor", "Drug Administration Schedule",
    "Drug Delivery Systems", "Drug Carriers", "Drug Therapy, Combination",
    "Dose-Response Relationship, Drug", "Maximum Tolerated Dose", "Infusions, Intravenous",
    "Injections, Subcutaneous", "Administration, Oral", "Cardiotoxicity", "Heart Failure",
    "Ventricular Dysfunction, Left", "Stroke Volume", "Ventricular Function, Left",
    "Heart Diseases", "Cardiomyopathies", "Echocardiography", "Diarrhea", "Neutropenia",
    "Febrile Neutropenia", "Drug-Related Side Effects and Adverse Reactions",
    "Lung Diseases, Interstitial", "Pneumonia", "Hand-Foot Syndrome", "Fatigue", "Nausea",
    "Vomiting", "Alopecia", "Peripheral Nervous System Diseases", "Cell Line, Tumor",
    "Cell Proliferation", "Cell Survival", "Cell Movement", "Cell Cycle", "Apoptosis",
    "Signal Transduction", "Phosphorylation", "Gene Expression Regulation, Neoplastic",
    "Gene Expression Profiling", "Gene Amplification", "Gene Dosage", "Mutation",
    "Point Mutation", "Polymorphism, Single Nucleotide", "Genotype", "Phenotype",
    "Genes, erbB-2", "Genes, p53", "Proto-Oncogene Proteins", "Proto-Oncogene Proteins c-akt",
    "Phosphatidylinositol 3-Kinases", "Class I Phosphatidylinositol 3-Kinases",
    "PTEN Phosphohydrolase", "TOR Serine-Threonine Kinases", "Mitogen-Activated Protein Kinases",
    "MAP Kinase Signaling System", "Extracellular Signal-Regulated MAP Kinases",
    "Biomarkers, Tumor", "Tumor Microenvironment", "Lymphocytes, Tumor-Infiltrating",
    "Killer Cells, Natural", "Antibody-Dependent Cell Cytotoxicity", "Immunohistochemistry",
    "In Situ Hybridization, Fluorescence", "In Situ Hybridization", "Polymerase Chain Reaction",
    "Real-Time Polymerase Chain Reaction", "Reverse Transcriptase Polymerase Chain Reaction",
    "Blotting, Western", "Flow Cytometry", "Xenograft Model Antitumor Assays",
    "Disease Models, Animal", "RNA, Small Interfering", "RNA Interference", "MicroRNAs",
    "RNA, Messenger", "DNA, Neoplasm", "Sequence Analysis, DNA",
    "High-Throughput Nucleotide Sequencing", "Exome Sequencing", "Circulating Tumor DNA",
    "Liquid Biopsy", "Tumor Cells, Cultured", "Epithelial-Mesenchymal Transition",
    "Ki-67 Antigen", "Membrane Proteins", "Carrier Proteins", "Epidermal Growth Factor",
    "Tumor Suppressor Protein p53", "Protein Binding", "Protein Multimerization",
    "Models, Molecular", "Molecular Targeted Therapy", "Nanoparticles", "Liposomes",
    "Polyethylene Glycols", "Immunotherapy", "Immune Checkpoint Inhibitors",
    "Treatment Outcome", "Prognosis", "Survival Analysis", "Survival Rate",
    "Disease-Free Survival", "Progression-Free Survival", "Kaplan-Meier Estimate",
    "Proportional Hazards Models", "Multivariate Analysis", "Logistic Models",
    "Retrospective Studies", "Prospective Studies", "Cohort Studies", "Case-Control Studies",
    "Cross-Sectional Studies", "Follow-Up Studies", "Risk Factors", "Risk Assessment",
    "Time Factors", "Incidence", "Prevalence", "Neoadjuvant Therapy", "Chemotherapy, Adjuvant",
    "Radiotherapy, Adjuvant", "Combined Modality Therapy", "Remission Induction",
    "Pathologic Complete Response", "Quality of Life", "Cost-Benefit Analysis",
    "Health Care Costs", "Drug Costs", "Double-Blind Method", "Single-Blind Method",
    "Clinical Trials as Topic", "Randomized Controlled Trials as Topic",
    "Clinical Trials, Phase II as Topic", "Clinical Trials, Phase III as Topic",
    "Meta-Analysis as Topic", "Practice Guidelines as Topic", "Reproducibility of Results",
    "Sensitivity and Specificity", "ROC Curve", "Predictive Value of Tests",
    "Magnetic Resonance Imaging", "Tomography, X-Ray Computed", "Positron-Emission Tomography",
    "Positron Emission Tomography Computed Tomography", "Mammography", "Ultrasonography, Mammary",
    "Radiopharmaceuticals", "Radioisotopes", "Zirconium", "Biopsy", "Biopsy, Needle",
    "Disease Progression", "Recurrence", "Salvage Therapy", "Palliative Care",
    "Patient Selection", "Age Factors", "Sex Factors", "Socioeconomic Factors", "Registries",
    "Databases, Factual", "Postmenopause", "Premenopause", "Pregnancy Complications, Neoplastic",
    "Asian People", "Japan", "China", "United States", "Europe", "Republic of Korea",
    "Germany", "France", "Italy", "Spain", "Sweden", "Netherlands", "Canada",
    "ERBB2 protein, human", "EGFR protein, human", "ERBB3 protein, human",
    "PIK3CA protein, human", "ESR1 protein, human", "MKI67 protein, human",
)
_WORD = re.compile(r"[^\W\d_]+")
MESH_WORDS = frozenset(w.casefold() for d in COMMON_DESCRIPTORS for w in _WORD.findall(d))
MIN_CUT_WORD = 2  # a lone letter could be anything


def descriptor_cut(item: str) -> bool:
    """True when the row's last word is no descriptor word but the start of one (`Sch`)."""
    words = re.split(r"[\s,/\-]+", item.replace("*", "").strip())
    last = words[-1].casefold() if words else ""
    if len(last) < MIN_CUT_WORD or not last.isalpha() or last in MESH_WORDS:
        return False
    return any(word.startswith(last) for word in MESH_WORDS)
