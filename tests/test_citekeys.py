"""Citation keys: formula, transliteration, fallbacks, collision suffixes."""

from __future__ import annotations

from itertools import islice

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from her2kb.citekeys import ALLOWED, base_key, make_key, suffixes
from her2kb.records import DateParts, Name, Record


def record(
    title: str | None = None, year: int | None = None, *names: Name
) -> Record:
    issued = DateParts(date_parts=[[year]]) if year else None
    return Record(title=title, issued=issued, author=list(names))


@pytest.mark.parametrize(("rec", "key"), [
    pytest.param(record("Molecular Mechanisms of Trastuzumab-Based Treatment in "
                        "HER2-Overexpressing Breast Cancer", 2012, Name(family="Nahta",
                                                                       given="Rita")),
                 "nahta2012molecular", id="seed-002"),
    pytest.param(record("Strategies to target HER2/neu overexpression for cancer therapy", 2003,
                        Name(family="Chen", given="Jin-Shing")),
                 "chen2003strategies", id="seed-003"),
    pytest.param(record("The role of HER2", 2010, Name(family="Käkönen", given="Sanna")),
                 "kakonen2010role", id="transliteration-and-stop-word"),
    pytest.param(record("HER2 in China", 2015, Name(family="万征")), "wanzheng2015her2",
                 id="cjk"),
    pytest.param(record("Теория вероятностей", 1999, Name(family="Колмогоров")),
                 "kolmogorov1999teoriya", id="cyrillic"),
    pytest.param(record("Łódź", 2000, Name(family="Ærø")), "aero2000lodz", id="latin-letters"),
    pytest.param(record("Delta", 2020, Name(family="Cruz", non_dropping_particle="de la")),
                 "delacruz2020delta", id="particle"),
    pytest.param(record("Guidelines", 2020, Name(literal="World Health Organization")),
                 "world2020guidelines", id="corporate"),
    pytest.param(record("Reviews", 2008, Name(literal="The Cochrane Collaboration")),
                 "cochrane2008reviews", id="corporate-leading-article"),
    pytest.param(record("Beyond Trastuzumab: Overcoming Resistance", 2009), "beyond2009",
                 id="no-author"),
    pytest.param(record("The 2019 novel coronavirus", 2020), "novel2020", id="no-author-number"),
    pytest.param(record("Of mice and men", None, Name(family="O'Brien")), "obrienmice",
                 id="no-year"),
    pytest.param(record(None, 2001, Name(family="Chen")), "chen2001", id="no-title"),
    pytest.param(record(None, 2001), "record2001", id="nothing-but-a-year"),
    pytest.param(record("2001", None), "record", id="nothing-usable"),
    pytest.param(record("On the of", 1999, Name(family="—")), "record1999", id="no-words"),
    pytest.param(record(None, 1999, Name(family="2003")), "record1999", id="numeric-family"),
    pytest.param(record("Plan", 2021, Name(literal="2020 Group")), "group2021plan",
                 id="corporate-number"),
    pytest.param(record("Plan", 2021, Name(literal="2020")), "plan2021", id="numeric-corporate"),
])
def test_base_key(rec: Record, key: str) -> None:
    assert base_key(rec) == key


def test_collisions_get_letters_and_earlier_keys_stay() -> None:
    rec = record("Strategies", 2003, Name(family="Chen"))
    taken: set[str] = set()
    keys = []
    for _ in range(4):
        keys.append(make_key(rec, taken))
        taken.add(keys[-1])
    assert keys == ["chen2003strategies", "chen2003strategiesa", "chen2003strategiesb",
                    "chen2003strategiesc"]
    assert make_key(rec, {"chen2003strategies", "chen2003strategiesb"}) == "chen2003strategiesa"


def test_suffix_sequence() -> None:
    sequence = list(islice(suffixes(), 26 + 26 * 26 + 1))
    assert sequence[:3] == ["a", "b", "c"]
    assert sequence[25:28] == ["z", "aa", "ab"]
    assert sequence[26 + 25: 26 + 27] == ["az", "ba"]
    assert sequence[-2:] == ["zz", "aaa"]
    assert len(set(sequence)) == len(sequence)


NAMES = st.builds(Name, family=st.text(min_size=1).filter(str.strip))
FEW_NAMES = st.builds(Name, family=st.sampled_from(["Chen", "Käkönen", "万征", "—", "7"])) | (
    st.builds(Name, literal=st.sampled_from(["World Health Organization", "The 2020", "2020"])))
RECORDS = st.one_of(
    st.builds(record, st.none() | st.text(), st.none() | st.integers(1500, 2025), NAMES),
    # Few distinct values, so that collisions are common.
    st.builds(record, st.sampled_from([None, "Strategies", "The", "2001"]),
              st.sampled_from([None, 2003]), FEW_NAMES),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(RECORDS, max_size=40))
def test_keys_are_allowed_unique_and_never_a_bare_year(recs: list[Record]) -> None:
    taken: set[str] = set()
    for rec in recs:
        key = make_key(rec, taken)
        assert key not in taken
        assert ALLOWED.match(key)
        assert not key.isdigit()
        taken.add(key)
