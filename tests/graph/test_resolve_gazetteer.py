"""The gazetteer as entity resolution reads it: the bundled file is valid and
each of its names leads back to its own entry."""

from __future__ import annotations

import pytest

from extraction.gazetteer import load_gazetteer, parse_gazetteer
from extraction.records import DocEntity, Document, DocumentResult
from graph.resolve import resolve
from relgraph.errors import DataFileError

TYPES = {"Company", "Organization", "Person", "GovernmentBody", "Place", "Country"}


def test_every_bundled_name_resolves_to_its_entry():
    gaz = load_gazetteer()
    entities = [
        (e, DocEntity(text, e.type)) for e in gaz for text in e.names()
    ]
    results = [DocumentResult(Document(f"d{n}", ""), (de,)) for n, (_, de) in enumerate(entities)]
    res = resolve(results, gaz)
    for n, (entry, de) in enumerate(entities):
        eid = res.ids[(f"d{n}", de.name)]
        want = f"wd-{entry.wikidata.lower()}" if entry.wikidata else entry.id
        assert eid == want, f"{de.name!r} resolved to {eid}, not to entry {entry.id}"


def test_seed_companies_have_their_chinese_names():
    by_id = {e.id: e for e in load_gazetteer()}
    for eid, zh in [("hikvision", "杭州海康威視數字技術"), ("dahua", "浙江大華科技"), ("huawei", "華為"),
                    ("esun-financial-holding", "玉山金控"), ("ctbc-financial-holding", "中信金控"),
                    ("mercuries-life-insurance", "三商美邦人壽"), ("powertech-technology", "力成科技")]:
        assert (zh, "zh") in {(a.text, a.lang) for a in by_id[eid].aliases}


@pytest.mark.parametrize("text, message", [
    ("- {name: Acme, type: Company}\n- {name: ACME, type: Company}\n",
     "g.yaml: entry 2 (ACME): 'ACME' also names entry 1 (Acme) of type Company"),
    ("- {name: Acme, type: Company, lei: 123}\n", "g.yaml: entry 1 (Acme): lei 123 is not a 20-character LEI"),
    ("- {name: Acme, type: Company, ticker: acme}\n", "g.yaml: entry 1 (Acme): ticker 'acme' must be upper case"),
    ("- {name: Acme, type: Company, wikidata: 30}\n", "g.yaml: entry 1 (Acme): wikidata 30 is not a QID"),
    ("- {name: Acme, type: Firm}\n", "g.yaml: entry 1 (Acme): type 'Firm' is not one of"),
])
def test_gazetteer_errors_name_file_and_entry(text, message):
    with pytest.raises(DataFileError) as err:
        parse_gazetteer(text, "g.yaml", TYPES)
    assert str(err.value).startswith(message)


def test_same_name_allowed_for_different_types():
    entries = parse_gazetteer("- {name: Singapore, type: Country}\n- {name: Singapore, type: Company, id: sg-co}\n", "g.yaml", TYPES)
    assert [e.type for e in entries] == ["Country", "Company"]
