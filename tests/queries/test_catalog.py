"""The prepared-query catalog: headers, placeholders and parameter errors."""

from __future__ import annotations

import re

import pytest

from queries.catalog import load_catalog, parse_query
from relgraph.errors import DataFileError, QueryError

REQUIRED_QUESTIONS = {
    "relations", "sanctions", "deal_contest", "paths", "neighbourhood", "evidence",
    "people", "timeline", "most_connected", "contested",
}

GOOD_CYPHER = """// title: Test
// answers: A test query.
// param: entity: string -- an entity
// param: limit: integer = 5 (1..10) -- rows
// column: name: string -- a name
MATCH (e:Entity) WHERE e.id = $entity RETURN e.name AS name LIMIT $limit
"""
GOOD_RQ = """# title: Test
# answers: A test query.
# param: entity: string -- an entity
# param: limit: integer = 5 (1..10) -- rows
# column: name: string -- a name
SELECT ?name WHERE { ?e <urn:id> $entity ; <urn:name> ?name }
"""


def test_catalog_has_every_question_of_the_issue():
    assert REQUIRED_QUESTIONS <= set(load_catalog().queries)


@pytest.mark.parametrize("query", list(load_catalog()), ids=lambda q: q.name)
def test_headers_are_complete_and_shared(query):
    assert query.title and query.answers and query.columns
    # The header is the leading comment block of both files, identical but for the comment marker.
    cy = [l[2:].strip() for l in query.cypher.splitlines() if l.startswith("//")][: len(query.columns)]
    rq = [l[1:].strip() for l in query.sparql.splitlines() if l.startswith("#")][: len(query.columns)]
    assert cy == rq
    for p in query.params:
        assert p.doc and p.type in ("string", "entity", "integer", "float", "boolean")
        assert f"${p.name}" in query.cypher


@pytest.mark.parametrize("query", list(load_catalog()), ids=lambda q: q.name)
def test_sparql_projects_exactly_the_declared_columns(query):
    select = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s*WHERE", query.sparql, re.S).group(1)
    select = re.sub(r"\(.*?\bAS (\?\w+)\)", r"\1", select)  # (MIN(?k) AS ?distance) projects ?distance
    assert re.findall(r"\?(\w+)", select) == list(query.column_names)


def test_unknown_query_lists_valid_names():
    with pytest.raises(QueryError) as exc:
        load_catalog().get("sanction")
    message = str(exc.value)
    assert "unknown query 'sanction'" in message and "sanctions" in message and "relations" in message
    assert "\n" not in message


def test_missing_parameter_names_it_and_lists_the_valid_ones():
    with pytest.raises(QueryError, match=r"missing parameter target .*source: entity, target: entity"):
        load_catalog().get("paths").bind({"source": "Hikvision"})


def test_unexpected_parameter_is_rejected():
    with pytest.raises(QueryError, match=r"unexpected parameter colour; parameters: entity: entity"):
        load_catalog().get("relations").bind({"entity": "x", "colour": "red"})


def test_parameters_are_converted_defaulted_and_bounded():
    q = load_catalog().get("paths")
    assert q.bind({"source": "a", "target": "b", "max_hops": "3"}) == {"source": "a", "target": "b", "max_hops": 3, "limit": 25}
    with pytest.raises(QueryError, match="max_hops must be between 1 and 3, got 4"):
        q.bind({"source": "a", "target": "b", "max_hops": "4"})
    with pytest.raises(QueryError, match="max_hops must be an integer, got 'two'"):
        q.bind({"source": "a", "target": "b", "max_hops": "two"})


def test_good_pair_parses():
    q = parse_query("test", GOOD_CYPHER, GOOD_RQ)
    assert [p.describe() for p in q.params] == ["entity: string", "limit: integer = 5"]
    assert q.param("limit").maximum == 10


def test_undeclared_cypher_placeholder_is_an_error():
    cypher = GOOD_CYPHER.replace("e.id = $entity", "e.id = $entity OR e.name = $name")
    with pytest.raises(DataFileError, match=r"queries/test.cypher: placeholder \$name is not declared"):
        parse_query("test", cypher, GOOD_RQ)


def test_undeclared_sparql_placeholder_is_an_error():
    rq = GOOD_RQ.replace("?name }", "?name FILTER(?name != $other) }")
    with pytest.raises(DataFileError, match=r"queries/test.rq: placeholder \$other is not declared"):
        parse_query("test", GOOD_CYPHER, rq)


def test_placeholders_inside_strings_and_comments_do_not_count():
    rq = GOOD_RQ.replace("?name }", '?name FILTER(?name != "$notaparam") } # $neither')
    assert parse_query("test", GOOD_CYPHER, rq).name == "test"


def test_headers_must_match():
    rq = GOOD_RQ.replace("# column: name: string -- a name", "# column: label: string -- a name")
    with pytest.raises(DataFileError, match=r"queries/test.rq:5: header differs from queries/test.cypher:5"):
        parse_query("test", GOOD_CYPHER, rq)


def test_a_comment_right_after_the_header_belongs_to_the_query():
    # A sentence is not "key: value": the body may open with its own comment, in one file only.
    cypher = GOOD_CYPHER.replace("MATCH", "// The entity by id: one index seek.\nMATCH", 1)
    q = parse_query("test", cypher, GOOD_RQ)
    assert [c.name for c in q.columns] == ["name"]


def test_a_misspelt_header_key_is_still_an_error():
    cypher = GOOD_CYPHER.replace("// column:", "// colum:")
    rq = GOOD_RQ.replace("# column:", "# colum:")
    with pytest.raises(DataFileError, match="unknown header key 'colum'"):
        parse_query("test", cypher, rq)


def test_malformed_param_line_names_file_and_line():
    cypher = GOOD_CYPHER.replace("param: entity: string", "param: entity: text")
    rq = GOOD_RQ.replace("param: entity: string", "param: entity: text")
    with pytest.raises(DataFileError, match=r"queries/test.cypher:3: malformed param"):
        parse_query("test", cypher, rq)


def test_a_column_cannot_share_a_parameter_name():
    # In SPARQL $entity and ?entity are the same variable.
    cypher = GOOD_CYPHER.replace("column: name:", "column: entity:").replace("AS name", "AS entity")
    rq = GOOD_RQ.replace("column: name:", "column: entity:")
    with pytest.raises(DataFileError, match="entity is both a parameter and a column"):
        parse_query("test", cypher, rq)


def test_unused_declared_parameter_is_an_error():
    cypher = GOOD_CYPHER.replace("WHERE e.id = $entity ", "")
    with pytest.raises(DataFileError, match=r"test.cypher: declared parameter entity is never used"):
        parse_query("test", cypher, GOOD_RQ)


def test_browser_style_colours_every_entity_type_and_captions_by_name():
    from importlib import resources

    from ontology import load_ontology

    grass = resources.files("queries").joinpath("browser/relgraph.grass").read_text(encoding="utf-8")
    rules = dict(re.findall(r"^(node(?:\.\w+)?|relationship(?:\.\w+)?) \{(.*?)^\}", grass, re.S | re.M))
    for et in load_ontology().entity_types.values():
        rule = rules.get(f"node.{et.neo4j_label}")
        assert rule and "color: #" in rule and "caption: '{name}'" in rule, et.neo4j_label
    assert "caption: '{label} ({status})'" in rules["relationship"]
    # Every relationship rule names a type of the ontology or of the provenance model.
    types = {p.neo4j_type for p in load_ontology().predicates.values()} | {"IN_ARTICLE", "MENTIONS"}
    for key in rules:
        if key.startswith("relationship."):
            assert key.split(".", 1)[1] in types, key
