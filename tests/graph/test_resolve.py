"""Entity resolution rules, each on hand-made extraction results."""

from __future__ import annotations

import random
import re

import pytest

from extraction.gazetteer import load_gazetteer, parse_gazetteer
from extraction.records import Alias, DocEntity, Document, DocumentResult
from graph.resolve import resolve
from relgraph.errors import EntityError

ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def ent(name: str, etype: str = "Company", *aliases: str, gazetteer_id: str | None = None) -> DocEntity:
    """A DocEntity; aliases with Chinese characters get lang zh."""
    return DocEntity(name, etype, tuple(
        Alias(a, "zh") if re.search(r"[\u3400-\u9fff]", a) else Alias(a) for a in aliases), gazetteer_id)


def docs(*entity_lists) -> list[DocumentResult]:
    """One document per list of entities, ids d1, d2, ..."""
    return [DocumentResult(Document(f"d{n}", ""), tuple(ents)) for n, ents in enumerate(entity_lists, start=1)]


def same(res, *mentions: tuple[str, str]) -> bool:
    return len({res.ids[m] for m in mentions}) == 1


def pair_listed(res, a: tuple[str, str], b: tuple[str, str]) -> bool:
    ia, ib = res.ids[a], res.ids[b]
    return any({c.a, c.b} == {ia, ib} for c in res.candidates)


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


# --- merges -----------------------------------------------------------------


@pytest.mark.parametrize("a, b", [
    ("Hikvision", "HIKVISION"),
    ("Zhejiang Dahua Technology Co", "Zhejiang Dahua Technology Co., Ltd."),
    ("Hikvision", "Hikvision's"),
    ("Yuanta Securities Co Ltd", "Yuanta Securities"),
    ("E.Sun Financial Holding Co", "E.Sun Financial Holdings"),
])
def test_same_name_variants_merge(a, b):
    res = resolve(docs([ent(a)], [ent(b)]))
    assert same(res, ("d1", a), ("d2", b))
    assert len(res.entities) == 1


def test_short_name_joins_the_one_longer_name_across_documents():
    res = resolve(docs([ent("Zhejiang Dahua Technology Co")], [ent("Dahua Technology")], [ent("Dahua")]))
    assert same(res, ("d1", "Zhejiang Dahua Technology Co"), ("d2", "Dahua Technology"), ("d3", "Dahua"))
    (e,) = res.entities.values()
    assert e.name == "Zhejiang Dahua Technology Co"  # the fullest form
    assert e.id == "company-zhejiang-dahua-technology"
    assert ("Dahua", None) in e.aliases
    assert any("short name 'Dahua'" in r for r in res.reasons[e.id])


def test_alias_from_another_document_joins():
    res = resolve(docs([ent("National Basketball Association", "Organization", "NBA")], [ent("NBA", "Organization")]))
    assert same(res, ("d1", "National Basketball Association"), ("d2", "NBA"))


def test_acronym_joins_without_gazetteer():
    res = resolve(docs([ent("National Basketball Association", "Organization")], [ent("NBA", "Organization")]))
    assert same(res, ("d1", "National Basketball Association"), ("d2", "NBA"))


def test_lower_case_word_is_not_an_acronym():
    res = resolve(docs([ent("National Basketball Association", "Organization")], [ent("Nba", "Organization")]))
    assert len(res.entities) == 2


def test_chinese_name_is_a_strong_key():
    res = resolve(docs([ent("Hangzhou Hikvision Digital Technology Co", "Company", "杭州海康威視數字技術")],
                       [ent("Haikang Weishi", "Company", "杭州海康威視數字技術")]))
    assert same(res, ("d1", "Hangzhou Hikvision Digital Technology Co"), ("d2", "Haikang Weishi"))


def test_chinese_name_with_other_type_is_only_a_candidate():
    res = resolve(docs([ent("Huang Fanghong", "Person", "黃方紅")], [ent("Huang Fang Hong Co", "Company", "黃方紅")]))
    assert len(res.entities) == 2
    assert pair_listed(res, ("d1", "Huang Fanghong"), ("d2", "Huang Fang Hong Co"))


def test_person_surname_joins_the_one_full_name():
    res = resolve(docs([ent("Donald Trump", "Person")], [ent("Trump", "Person")]))
    assert same(res, ("d1", "Donald Trump"), ("d2", "Trump"))


def test_near_identical_spelling_merges():
    res = resolve(docs([ent("Hangzhou Hikvision Digital Technology")], [ent("Hangzhou Hikvison Digital Technology")]))
    assert len(res.entities) == 1


# --- kept apart ---------------------------------------------------------------


@pytest.mark.parametrize("use_gazetteer", [False, True])
def test_holding_and_its_bank_stay_apart(gaz, use_gazetteer):
    res = resolve(docs(
        [ent("CTBC Financial Holding Co", "Company", "中信金控"), ent("E.Sun Financial Holding Co")],
        [ent("CTBC Bank Co", "Company", "CTBC Bank"), ent("E.Sun Bank")],
        [ent("CTBC Financial")],
    ), gaz if use_gazetteer else ())
    assert not same(res, ("d1", "CTBC Financial Holding Co"), ("d2", "CTBC Bank Co"))
    assert not same(res, ("d1", "E.Sun Financial Holding Co"), ("d2", "E.Sun Bank"))
    assert same(res, ("d1", "CTBC Financial Holding Co"), ("d3", "CTBC Financial"))


def test_ambiguous_short_name_is_a_candidate_not_a_merge():
    res = resolve(docs([ent("CTBC Financial Holding Co")], [ent("CTBC Bank")], [ent("CTBC")]))
    assert len(res.entities) == 3
    assert pair_listed(res, ("d3", "CTBC"), ("d1", "CTBC Financial Holding Co"))
    assert pair_listed(res, ("d3", "CTBC"), ("d2", "CTBC Bank"))


def test_short_name_does_not_absorb_a_distinguishing_word():
    # Only one longer name exists, but "Financial" may tell it from the bank.
    res = resolve(docs([ent("E.Sun Financial Holding Co")], [ent("E.Sun")]))
    assert len(res.entities) == 2
    assert pair_listed(res, ("d1", "E.Sun Financial Holding Co"), ("d2", "E.Sun"))


def test_short_name_does_not_absorb_a_unit_named_after_it():
    res = resolve(docs([ent("Bloomberg Intelligence")], [ent("Bloomberg")]))
    assert len(res.entities) == 2
    assert pair_listed(res, ("d1", "Bloomberg Intelligence"), ("d2", "Bloomberg"))


def test_gazetteer_entity_does_not_absorb_an_unknown_longer_name(gaz):
    res = resolve(docs([ent("Huawei")], [ent("Huawei Marine Networks")]), gaz)
    assert res.ids[("d1", "Huawei")] == "wd-q160120"
    assert res.ids[("d2", "Huawei Marine Networks")] != "wd-q160120"
    assert pair_listed(res, ("d1", "Huawei"), ("d2", "Huawei Marine Networks"))


def test_people_with_the_same_surname_stay_apart():
    res = resolve(docs([ent("Huang Fanghong", "Person")], [ent("Huang Wei", "Person")], [ent("Huang", "Person")]))
    assert len(res.entities) == 3
    assert pair_listed(res, ("d3", "Huang"), ("d1", "Huang Fanghong"))


def test_similar_person_names_never_merge():
    res = resolve(docs([ent("Christopher Lee", "Person")], [ent("Christophe Lee", "Person")]))
    assert len(res.entities) == 2
    assert pair_listed(res, ("d1", "Christopher Lee"), ("d2", "Christophe Lee"))


def test_word_order_variant_is_only_a_candidate():
    res = resolve(docs([ent("Bank of Taipei")], [ent("Taipei Bank")]))
    assert len(res.entities) == 2


def test_country_and_company_named_after_it_stay_apart(gaz):
    res = resolve(docs([ent("Singapore", "Country"), ent("Singapore", "Company")],), ())
    assert len(res.entities) == 2
    assert {e.type for e in res.entities.values()} == {"Country", "Company"}
    assert res.candidates and "different types" in res.candidates[0].reason


def test_generic_government_names_stay_per_document():
    # Each article's "Ministry of Foreign Affairs" may be another country's.
    res = resolve(docs([ent("Ministry of Foreign Affairs", "GovernmentBody")],
                       [ent("Ministry of Foreign Affairs", "GovernmentBody")],
                       [ent("Chinese Ministry of Foreign Affairs", "GovernmentBody")]))
    assert len(res.entities) == 3
    assert pair_listed(res, ("d1", "Ministry of Foreign Affairs"), ("d2", "Ministry of Foreign Affairs"))
    assert pair_listed(res, ("d1", "Ministry of Foreign Affairs"), ("d3", "Chinese Ministry of Foreign Affairs"))


# --- gazetteer ------------------------------------------------------------------


def test_gazetteer_variants_and_authority_ids(gaz):
    res = resolve(docs([ent("US", "Country")], [ent("U.S.", "Country")], [ent("United States", "Country")]), gaz)
    assert {res.ids[(f"d{n}", name)] for n, name in ((1, "US"), (2, "U.S."), (3, "United States"))} == {"wd-q30"}
    e = res.entities["wd-q30"]
    assert (e.name, e.type, e.wikidata) == ("United States", "Country", "Q30")


def test_state_metonymy_only_for_state_actors(gaz):
    res = resolve(docs([ent("Washington", "GovernmentBody"), ent("Washington", "Place", )][:1],
                       [ent("Washington", "Place")], [ent("Beijing", "GovernmentBody")]), gaz)
    assert res.ids[("d1", "Washington")] == "wd-q48525"
    assert res.entities["wd-q48525"].name == "United States government"
    assert res.entities[res.ids[("d2", "Washington")]].type == "Place"
    assert res.ids[("d3", "Beijing")] == "china-government"


def test_extractor_gazetteer_id_is_used_and_unknown_ids_warn(gaz):
    res = resolve(docs([ent("the administration", "GovernmentBody", gazetteer_id="us-government")],
                       [ent("Acme", "Company", gazetteer_id="no-such-entry")]), gaz)
    assert res.ids[("d1", "the administration")] == "wd-q48525"
    assert any("no-such-entry" in w for w in res.warnings)


def test_gazetteer_entry_without_qid_keeps_its_id_and_ticker(gaz):
    res = resolve(docs([ent("Hikvision")], [ent("杭州海康威視數字技術")]), gaz)
    assert set(res.entities) == {"hikvision"}
    e = res.entities["hikvision"]
    assert e.ticker == "002415.SZ" and e.wikidata is None
    assert ("杭州海康威視數字技術", "zh") in e.aliases


def test_two_gazetteer_entries_never_merge():
    g = parse_gazetteer(
        "- {id: a, name: Acme Bank, type: Company, aliases: [Acme]}\n"
        "- {id: b, name: Acme Trust, type: Company, aliases: [{text: 甲, lang: zh}]}\n", "g.yaml")
    res = resolve(docs([ent("Acme Bank", "Company", "甲")], [ent("Acme Trust")]), g)
    assert len(res.entities) == 2


# --- ids and lookups ------------------------------------------------------------


def _corpus():
    return docs(
        [ent("Zhejiang Dahua Technology Co", "Company", "Dahua", "浙江大華科技"), ent("US", "GovernmentBody"),
         ent("Donald Trump", "Person"), ent("Ministry of Finance", "GovernmentBody")],
        [ent("Dahua"), ent("Trump", "Person"), ent("Singapore", "Country"), ent("Ministry of Finance", "GovernmentBody")],
        [ent("CTBC Bank"), ent("CTBC Financial Holding Co"), ent("CTBC"), ent("華為", "Company")],
    )


def test_ids_are_valid_and_independent_of_input_order(gaz):
    results = _corpus()
    first = resolve(results, gaz)
    assert all(ID.match(i) for i in first.entities)
    shuffled = list(results)
    random.Random(4).shuffle(shuffled)
    again = resolve(shuffled, gaz)
    assert again.entities == first.entities
    assert again.ids == first.ids
    assert again.candidates == first.candidates


def test_ids_survive_an_unrelated_new_document(gaz):
    before = resolve(_corpus(), gaz)
    after = resolve(_corpus() + docs([], [], [], [ent("Powertech Technology Inc"), ent("Lu Kang", "Person")]), gaz)
    assert before.ids.items() <= after.ids.items()


def test_entity_id_lookup():
    res = resolve(docs([ent("Zhejiang Dahua Technology Co", "Company", "Dahua")]))
    assert res.entity_id("d1", "Zhejiang Dahua Technology Co") == "company-zhejiang-dahua-technology"
    assert res.entity_id("d1", "Dahua") == "company-zhejiang-dahua-technology"
    with pytest.raises(EntityError, match="document 'd1' names no entity 'Huawei'"):
        res.entity_id("d1", "Huawei")
    with pytest.raises(KeyError):  # what graph.build catches
        res.entity_id("d2", "Dahua")


def test_candidates_are_capped_per_name():
    # Twelve near-identical names: each is listed with its best few, not with all eleven others.
    names = [f"Acme Trading {n}" for n in range(10, 22)]
    res = resolve(docs(*[[ent(n)] for n in names]))
    assert len(res.entities) == 12  # different digits never merge
    per_entity = {}
    for c in res.candidates:
        for i in (c.a, c.b):
            per_entity[i] = per_entity.get(i, 0) + 1
    assert per_entity and max(per_entity.values()) <= 5


def test_names_without_letters_do_not_merge_with_each_other():
    res = resolve(docs([ent("—")], [ent("...")]))
    assert len(res.entities) == 2
    assert all(ID.match(i) for i in res.entities)
