"""Every prepared query gives the same rows on the embedded store (SPARQL) and
on Neo4j (Cypher), over the fixture graph; known answers on both backends;
hostile parameter values stay data."""

from __future__ import annotations

import pytest

from graph import neo4j_writer
from graph.store import EmbeddedStore
from queries.catalog import load_catalog
from queries.runner import run_cypher, run_sparql
from tests.queries.fixtures import HOSTILE, example_graph, graph_with_two_ctbcs

# Parameter sets per query: every query appears, with and without its optional filters.
CASES = [
    ("relations", {"entity": "Hikvision"}),
    ("relations", {"entity": "us", "status": "considered"}),
    ("relations", {"entity": "HUAWEI TECHNOLOGIES CO"}),
    ("relations", {"entity": HOSTILE}),
    ("sanctions", {}),
    ("sanctions", {"status": "considered"}),
    ("sanctions", {"country": "China"}),
    ("sanctions", {"country": "中國", "by": "Washington"}),
    ("sanctions", {"country": "Iran"}),
    ("deal_contest", {"target": "Mercuries Life"}),
    ("deal_contest", {"target": "dahua"}),
    ("paths", {"source": "Hikvision", "target": "Huawei"}),
    ("paths", {"source": "Hikvision", "target": "Huawei", "max_hops": 3}),
    ("paths", {"source": "Hikvision", "target": "Huawei", "max_hops": 3, "limit": 2}),
    ("paths", {"source": "china", "target": "dahua", "max_hops": 3}),
    ("paths", {"source": "E.Sun", "target": "CTBC", "max_hops": 1}),
    ("neighbourhood", {"entity": "hikvision"}),
    ("neighbourhood", {"entity": "hikvision", "hops": 2}),
    ("neighbourhood", {"entity": "Mercuries Life", "hops": 2}),
    ("evidence", {"subject": "US"}),
    ("evidence", {"subject": "us", "object": "Hikvision", "predicate": "sanctions", "status": "considered"}),
    ("evidence", {"subject": "E.Sun", "predicate": "acquires"}),
    ("evidence", {"subject": HOSTILE}),
    ("people", {"organization": "Hikvision"}),
    ("people", {"organization": "chinese ministry of foreign affairs"}),
    ("timeline", {"entity": "Huawei"}),
    ("timeline", {"entity": "Dahua"}),
    ("most_connected", {}),
    ("most_connected", {"limit": 3}),
    ("most_connected", {"type": "Person"}),
    # The embedded store keeps the first `limit` by a rank within the type (graph.store.index_quads).
    ("most_connected", {"type": "Company", "limit": 2}),
    ("most_connected", {"type": "GovernmentBody", "limit": 1}),
    ("contested", {}),
    ("contested", {"entity": "Mercuries Life"}),
    ("contested", {"entity": "CTBC"}),
    # Entity parameters match by normalised key (graph.keys): legal suffix, case, punctuation, possessive,
    # full name, Chinese alias, id.
    ("deal_contest", {"target": "Mercuries Life Insurance"}),
    ("deal_contest", {"target": "mercuries life insurance co."}),
    ("relations", {"entity": "Hangzhou Hikvision Digital Technology"}),
    ("relations", {"entity": "Hikvision’s"}),
    ("timeline", {"entity": "杭州海康威視數字技術"}),
    ("people", {"organization": "hikvision"}),
    ("evidence", {"subject": "E Sun Financial Holding", "object": "mercuries-life"}),
    ("sanctions", {"by": "the US", "country": "P.R.C."}),
    ("paths", {"source": "玉山金控", "target": "CTBC Financial Holding Co., Ltd."}),
    ("neighbourhood", {"entity": "Huang Fanghong's", "hops": 2}),
    ("contested", {"entity": "huawei technologies"}),
]


@pytest.mark.parametrize("value", [
    "Mercuries Life Insurance", "mercuries life insurance co.", "Mercuries Life", "MERCURIES-LIFE", "mercuries-life",
])
def test_a_target_is_found_by_any_form_of_its_name(ask, value):
    rows = ask("deal_contest", target=value)
    assert {r["counterpart_id"] for r in rows if r["predicate"] == "bids-for"} == {"mercuries-life"}


@pytest.mark.parametrize("value", ["Hikvision", "Hangzhou Hikvision Digital Technology Co", "杭州海康威視數字技術", "hikvision"])
def test_an_entity_is_found_by_alias_full_name_chinese_alias_and_id(ask, value):
    assert [r["person"] for r in ask("people", organization=value)] == ["Huang Fanghong"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The fixture graph in a real embedded store."""
    s = EmbeddedStore(tmp_path_factory.mktemp("store"))
    s.save([], example_graph())
    return s


@pytest.fixture
def neo4j_loaded(neo4j_db):
    """The fixture graph loaded into the (wiped) test Neo4j."""
    # No ensure_schema: indexes do not change answers, and creating them per test is slow.
    neo4j_writer.load(neo4j_db.driver, example_graph(), database=neo4j_db.database)
    return neo4j_db


def _run(backend, name, params, store, neo4j=None):
    query = load_catalog().get(name)
    bound = query.bind(params)
    if backend == "embedded":
        return run_sparql(query, bound, store.sparql)
    return run_cypher(query, bound, neo4j.driver, neo4j.database)


def test_every_query_has_a_parity_case():
    assert {name for name, _ in CASES} == set(load_catalog().queries)


def test_every_query_answers_the_same_on_both_backends(store, neo4j_loaded):
    failures = []
    for name, params in CASES:
        embedded = _run("embedded", name, params, store)
        neo = _run("neo4j", name, params, store, neo4j_loaded)
        assert embedded.columns == neo.columns
        if sorted(embedded.rows, key=repr) != sorted(neo.rows, key=repr):
            failures.append(f"{name} {params}:\n  embedded {embedded.rows}\n  neo4j    {neo.rows}")
        # Same ordering rule on both: with ties broken by ids the order is identical too.
        elif embedded.rows != neo.rows:
            failures.append(f"{name} {params}: same rows, different order")
    assert not failures, "\n".join(failures)


def test_cases_are_not_trivially_empty(store):
    empty = [(n, p) for n, p in CASES if not _run("embedded", n, p, store).rows]
    # Only the cases meant to find nothing.
    assert empty == [
        ("sanctions", {"country": "Iran"}), ("deal_contest", {"target": "dahua"}), ("contested", {"entity": "CTBC"}),
    ]


# --- known answers, on each backend --------------------------------------------------------

BACKENDS = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture(params=BACKENDS)
def ask(request, store):
    """ask(name, **params) -> list of row dicts, on one backend."""
    neo = request.getfixturevalue("neo4j_loaded") if request.param == "neo4j" else None
    return lambda name, **params: _run(request.param, name, params, store, neo).records()


def test_considered_sanctions_are_told_apart(ask):
    rows = ask("sanctions", status="considered")
    assert [(r["sanctioner_id"], r["target_id"], r["label"], r["evidence_count"]) for r in rows] == [
        ("us-government", "hikvision", "considers-blacklisting", 2)
    ]
    assert rows[0]["first_seen"] == "2019-05-22" and rows[0]["last_seen"] == "2019-05-24"
    assert rows[0]["confidence"] == 0.85


def test_sanctions_by_target_country_follow_headquarters(ask):
    assert [r["target_id"] for r in ask("sanctions", country="PRC")] == ["hikvision"]


def test_deal_contest_shows_bids_outbid_stake_and_acquisition(ask):
    rows = ask("deal_contest", target="mercuries life")
    got = {(r["actor_id"], r["predicate"], r["relation_status"], r["counterpart_id"]) for r in rows}
    assert got == {
        ("esun-fhc", "bids-for", "asserted", "mercuries-life"),
        ("ctbc-fhc", "bids-for", "asserted", "mercuries-life"),
        ("esun-fhc", "outbids", "asserted", "ctbc-fhc"),
        ("esun-fhc", "acquires", "planned", "mercuries-life"),
        ("esun-fhc", "acquires", "completed", "mercuries-life"),
        ("ctbc-fhc", "holds-stake-in", "asserted", "mercuries-life"),
    }


def test_paths_are_shortest_first_and_respect_max_hops(ask):
    two = ask("paths", source="Hikvision", target="Huawei")
    assert two == [{"hops": 2, "path": "Hangzhou Hikvision Digital Technology Co <-[sanctions/considered]- "
                                      "United States government -[sanctions/asserted]-> Huawei Technologies Co"}]
    three = ask("paths", source="Hikvision", target="Huawei", max_hops=3)
    assert [r["hops"] for r in three] == [2, 3, 3]
    assert ask("paths", source="Hikvision", target="Huawei", max_hops=1) == []


def test_contested_pairs(ask):
    rows = ask("contested")
    assert [(r["subject_id"], r["predicate"], r["object_id"], r["kind"], r["relation_status"], r["other_status"]) for r in rows] == [
        ("esun-fhc", "acquires", "mercuries-life", "considered-then-done", "planned", "completed"),
        ("us-department-of-justice", "accuses", "huawei", "asserted-and-denied", "asserted", "denied"),
    ]


def test_people_with_roles(ask):
    rows = ask("people", organization="Hikvision")
    assert [(r["person"], r["role"]) for r in rows] == [("Huang Fanghong", "secretary of the board")]


def test_evidence_gives_sentences_articles_and_dates(ask):
    rows = ask("evidence", subject="US", object="hikvision", predicate="sanctions")
    assert [(r["doc_id"], r["date"], r["attributed_to"]) for r in rows] == [
        ("tt-2019-05-22-hikvision", "2019-05-22", "people familiar with the matter"),
        ("tt-2019-05-24-china", "2019-05-24", None),
    ]
    assert rows[0]["sentence"].startswith("The US is deliberating")
    assert rows[0]["url"].startswith("https://www.taipeitimes.com/")


def test_timeline_is_dated_first_undated_last(ask):
    rows = ask("timeline", entity="Dahua")
    assert [r["date"] for r in rows] == ["2019-05-22", None]


def test_neighbourhood_distances(ask):
    rows = ask("neighbourhood", entity="Huang Fanghong", hops=2)
    assert [(r["neighbour_id"], r["distance"]) for r in rows] == [
        ("hikvision", 1), ("china", 2), ("msci-asia-pacific", 2), ("us-government", 2),
    ]
    assert rows[0]["neighbour_type"] == "Company"


def test_most_connected_ranks_by_relations(ask):
    rows = ask("most_connected", limit=2)
    assert [(r["entity_id"], r["relations"]) for r in rows] == [("mercuries-life", 5), ("esun-fhc", 4)]


def test_hostile_name_round_trips_as_data(ask):
    rows = ask("relations", entity=HOSTILE)
    assert [(r["subject"], r["predicate"], r["object_id"]) for r in rows] == [(HOSTILE, "supplies", "dahua")]
    # Nothing was deleted or matched by the injected text.
    assert len(ask("most_connected", limit=100)) == 14
    assert ask("relations", entity="x' OR 1=1 //") == []
    assert ask("relations", entity='" } ?s ?p ?o . FILTER(true) } #') == []


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_name_of_several_entities_finds_all_of_them(backend, tmp_path, request):
    # "CTBC" names the holding company and (here) its bank too: rows for both, on both backends.
    kg = graph_with_two_ctbcs()
    if backend == "embedded":
        store, neo = EmbeddedStore(tmp_path / "store"), None
        store.save([], kg)
    else:
        store, neo = None, request.getfixturevalue("neo4j_db")
        neo4j_writer.load(neo.driver, kg, database=neo.database)
    rows = _run(backend, "neighbourhood", {"entity": "CTBC"}, store, neo).records()
    # Each is the other's neighbour, so both were looked up; E.Sun and Mercuries Life are the holding's.
    assert {r["neighbour_id"] for r in rows} == {"ctbc-bank", "ctbc-fhc", "esun-fhc", "mercuries-life"}
