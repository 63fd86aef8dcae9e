"""Curation decisions: validated, applied in order by resolve, reversible,
and written by `relgraph entities` commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from extraction.records import DocEntity, Document, DocumentResult
from graph.curation import append_decision, load_curation, parse_curation
from graph.resolve import resolve
from relgraph.cli import cli
from relgraph.errors import DataFileError

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "graph" / "gold"


def ent(name: str, etype: str = "Company") -> DocEntity:
    return DocEntity(name, etype)


def docs(*entity_lists) -> list[DocumentResult]:
    """One document per list of entities, ids d1, d2, ..."""
    return [DocumentResult(Document(f"d{n}", ""), tuple(ents)) for n, ents in enumerate(entity_lists, start=1)]


def curation(text: str):
    return parse_curation(text, "cur.yaml", {"Company", "Organization", "Person", "GovernmentBody", "Place", "Country"})


def corpus():
    return docs(
        [ent("CTBC Financial Holding Co"), ent("E.Sun Financial Holding Co")],
        [ent("CTBC Bank"), ent("E.Sun")],
        [ent("Zhejiang Dahua Technology Co")],
        [ent("Dahua")],
    )


def test_no_curation_baseline():
    res = resolve(corpus())
    assert res.ids[("d2", "E.Sun")] == "company-esun"
    assert res.ids[("d4", "Dahua")] == "company-zhejiang-dahua-technology"


def test_merge_then_unmerge_restores_the_entities():
    merged = resolve(corpus(), curation=curation(
        "- merge: [company-esun-financial, company-esun]\n  note: E.Sun means the holding in these articles\n"))
    assert merged.ids[("d2", "E.Sun")] == merged.ids[("d1", "E.Sun Financial Holding Co")] == "company-esun-financial"
    assert not any({"company-esun", "company-esun-financial"} & {c.a, c.b} for c in merged.candidates)
    assert merged.reasons["company-esun-financial"] == [
        "curation entry 1: merge company-esun-financial, company-esun (E.Sun means the holding in these articles)"]
    undone = resolve(corpus(), curation=curation(
        "- merge: [company-esun-financial, company-esun]\n- unmerge: company-esun-financial\n"))
    assert undone.ids == resolve(corpus()).ids


def test_split_moves_named_mentions_and_keeps_the_old_id():
    res = resolve(corpus(), curation=curation(
        "- split: company-zhejiang-dahua-technology\n  aliases: [Dahua]\n  id: company-dahua-other\n"))
    assert res.ids[("d3", "Zhejiang Dahua Technology Co")] == "company-zhejiang-dahua-technology"
    assert res.ids[("d4", "Dahua")] == "company-dahua-other"
    assert res.entities["company-dahua-other"].name == "Dahua"
    assert res.reasons["company-dahua-other"] == ["curation entry 1: split from company-zhejiang-dahua-technology"]


def test_rename_and_set_type_keep_the_id():
    res = resolve(corpus(), curation=curation(
        "- rename: company-ctbc-bank\n  name: CTBC Bank Co., Ltd.\n"
        "- set_type: company-ctbc-bank\n  type: Organization\n"))
    e = res.entities["company-ctbc-bank"]
    assert (e.name, e.type) == ("CTBC Bank Co., Ltd.", "Organization")


def test_merge_into_a_chosen_id():
    res = resolve(corpus(), curation=curation("- merge: [company-ctbc-bank, company-ctbc-financial]\n  into: company-ctbc-financial\n"))
    assert res.ids[("d2", "CTBC Bank")] == res.ids[("d1", "CTBC Financial Holding Co")] == "company-ctbc-financial"


def test_distinct_hides_the_candidate():
    base = resolve(corpus())
    assert any({c.a, c.b} == {"company-esun", "company-esun-financial"} for c in base.candidates)
    res = resolve(corpus(), curation=curation("- distinct: [company-esun, company-esun-financial]\n"))
    assert not any({c.a, c.b} == {"company-esun", "company-esun-financial"} for c in res.candidates)
    assert res.ids == base.ids


def test_decisions_apply_in_order_and_stale_ids_warn():
    res = resolve(corpus(), curation=curation(
        "- rename: company-gone\n  name: X\n- merge: [company-esun, company-esun-financial]\n"))
    assert res.ids[("d2", "E.Sun")] == "company-esun"
    assert any("entry 1 (rename): no entity company-gone" in w for w in res.warnings)


@pytest.mark.parametrize("text, message", [
    ("- merge: [a]\n", "cur.yaml: entry 1: merge needs a list of two or more entity ids"),
    ("- merge: [a, B]\n", "cur.yaml: entry 1: merge: 'B' is not an entity id"),
    ("- merge: [a, b]\n  into: c\n", "cur.yaml: entry 1: merge into 'c': the target must be one of the merged ids"),
    ("- split: a\n", "cur.yaml: entry 1: split needs aliases"),
    ("- rename: a\n", "cur.yaml: entry 1: rename needs name"),
    ("- set_type: a\n  type: Bank\n", "cur.yaml: entry 1: type 'Bank' is not one of"),
    ("- merge: [a, b]\n  alias: x\n", "cur.yaml: entry 1: merge does not take alias"),
    ("- {}\n", "cur.yaml: entry 1: needs exactly one of merge, split"),
    ("merge: [a, b]\n", "cur.yaml: expected a list of decisions"),
])
def test_invalid_decisions_name_file_and_entry(text, message):
    with pytest.raises(DataFileError) as err:
        curation(text)
    assert str(err.value).startswith(message)


def test_missing_file_means_no_decisions(tmp_path):
    assert load_curation(tmp_path / "none.yaml").decisions == ()


def test_append_keeps_comments_and_round_trips(tmp_path):
    path = tmp_path / "cur.yaml"
    path.write_text("# my notes\n- rename: a\n  name: A\n", encoding="utf-8")
    append_decision(path, {"merge": ["b", "c"], "into": "c", "note": "same firm"})
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my notes\n")
    decisions = load_curation(path).decisions
    assert [(d.action, d.ids, d.into, d.note) for d in decisions] == [
        ("rename", ("a",), None, None), ("merge", ("b", "c"), "c", "same firm")]


# --- command line ---------------------------------------------------------------


def _invoke(*args: str, tmp_path: Path):
    return CliRunner().invoke(cli, ["--store", str(tmp_path / "no-store"), "entities", *args], catch_exceptions=False)


def test_cli_mutating_commands_write_the_curation_file(tmp_path):
    cur = tmp_path / "cur.yaml"
    r = _invoke("merge", "company-esun", "company-esun-financial", "--into", "company-esun-financial",
                "--curation", str(cur), tmp_path=tmp_path)
    assert r.exit_code == 0, r.output
    assert "run `relgraph build` to apply" in r.output
    r = _invoke("split", "company-esun-financial", "--alias", "E.Sun", "--curation", str(cur), tmp_path=tmp_path)
    assert r.exit_code == 0, r.output
    assert [d.action for d in load_curation(cur).decisions] == ["merge", "split"]


def test_cli_curation_from_environment(tmp_path):
    cur = tmp_path / "env-cur.yaml"
    r = CliRunner(env={"RELGRAPH_CURATION": str(cur)}).invoke(
        cli, ["--store", str(tmp_path / "no-store"), "entities", "rename", "company-ctbc-bank", "CTBC Bank Co"])
    assert r.exit_code == 0, r.output
    assert load_curation(cur).decisions[0].name == "CTBC Bank Co"


def test_cli_list_show_candidates_on_extraction_results(tmp_path):
    results = str(GOLD / "extractions.jsonl")
    r = _invoke("list", results, "--type", "Company", tmp_path=tmp_path)
    assert r.exit_code == 0, r.output
    assert "dahua" in r.output and "wd-q30" not in r.output
    r = _invoke("show", "dahua", results, tmp_path=tmp_path)
    assert "ticker: 002236.SZ" in r.output and "dev-11-dahua: Dahua Technology" in r.output
    r = _invoke("candidates", results, tmp_path=tmp_path)
    assert "company-esun" in r.output and "esun-financial-holding" in r.output


def test_cli_curation_applies_to_list(tmp_path):
    results = str(GOLD / "extractions.jsonl")
    cur = tmp_path / "cur.yaml"
    _invoke("merge", "esun-financial-holding", "company-esun", "--curation", str(cur), tmp_path=tmp_path)
    r = _invoke("list", results, "--curation", str(cur), tmp_path=tmp_path)
    assert "company-esun " not in r.output


def test_cli_errors_are_one_line(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", "from relgraph.cli import main; main()", "--store", str(tmp_path / "s"),
         "entities", "show", "no-such-entity", str(GOLD / "extractions.jsonl")],
        capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "relgraph: error: no entity 'no-such-entity'; see `relgraph entities list` for ids"
    proc = subprocess.run(
        [sys.executable, "-c", "from relgraph.cli import main; main()", "--store", str(tmp_path / "s"), "entities", "list"],
        capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.startswith("relgraph: error: store ") and "run `relgraph build PATH`" in proc.stderr


def test_decision_survives_a_fuller_name_appearing():
    # Written when "Dahua" was known only by its short name...
    decision = curation("- rename: company-dahua\n  name: Dahua (the camera maker)\n")
    assert resolve(docs([ent("Dahua")]), curation=decision).entities["company-dahua"].name == "Dahua (the camera maker)"
    # ...it still applies after a later article brings the full name, and the id stays.
    res = resolve(docs([ent("Dahua")], [ent("Zhejiang Dahua Technology Co")]), curation=decision)
    assert res.warnings == []
    assert res.ids[("d2", "Zhejiang Dahua Technology Co")] == "company-dahua"
    assert res.entities["company-dahua"].name == "Dahua (the camera maker)"


def test_decision_by_gazetteer_id_follows_a_new_qid():
    from extraction.gazetteer import parse_gazetteer

    before = parse_gazetteer("- {id: acme, name: Acme Corp, type: Company}\n", "g.yaml")
    after = parse_gazetteer("- {id: acme, name: Acme Corp, type: Company, wikidata: Q1}\n", "g.yaml")
    decision = curation("- rename: acme\n  name: ACME Corporation\n")
    assert resolve(docs([ent("Acme")]), before, decision).entities["acme"].name == "ACME Corporation"
    res = resolve(docs([ent("Acme")]), after, decision)
    assert res.entities["wd-q1"].name == "ACME Corporation" and res.warnings == []
